// Furniture removal on our own Arabic fixture text (tests/fixtures/clean/ and
// the inline cases below): which lines go, with which reason, which stay, and
// that nothing is lost (text + removed records rebuild raw_text exactly).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "clean/clean.h"
#include "core/unicode.h"
#include "core/utf8.h"
#include "test_util.h"

namespace nufuz::clean {
namespace {

using Verdicts = std::vector<std::pair<std::string, std::string>>;  // reason, line

const Lexicon& Lex() {
  static const std::shared_ptr<const Lexicon> lex = [] {
    auto r = Lexicon::Load(testing::DataDir());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : nullptr;
  }();
  return *lex;
}

Document CleanRaw(const std::string& raw) {
  Document doc;
  doc.raw_text = NormalizeText(raw);
  Clean(doc, Lex());
  return doc;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
  return std::string(s);
}

// (reason, removed line) for every record, blank lines trimmed off.
Verdicts Summary(const Document& doc) {
  Verdicts v;
  for (const auto& r : doc.removed) v.emplace_back(r.reason, Trim(r.content));
  return v;
}

std::vector<std::string> TextLines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    out.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return out;
}

// Inserting every record back at `at` rebuilds raw_text; offsets agree.
void ExpectLossless(const Document& doc) {
  std::string rebuilt;
  std::size_t text_cp = 0;
  std::uint32_t raw_cp = 0;
  for (const auto& r : doc.removed) {
    ASSERT_GE(r.at, text_cp) << "records out of order";
    ASSERT_EQ(r.start, raw_cp + (r.at - text_cp)) << r.reason;
    rebuilt += utf8::SubstrCp(doc.text, text_cp, r.at);
    rebuilt += r.content;
    EXPECT_EQ(utf8::Length(r.content), r.end - r.start) << r.reason;
    EXPECT_EQ(utf8::SubstrCp(doc.raw_text, r.start, r.end), r.content) << r.reason;
    EXPECT_FALSE(r.reason.empty());
    raw_cp = r.end;
    text_cp = r.at;
  }
  rebuilt += utf8::SubstrCp(doc.text, text_cp, utf8::Length(doc.text));
  EXPECT_EQ(rebuilt, doc.raw_text);
}

// --- Whole fixture articles -------------------------------------------------

struct FixtureCase {
  const char* file;
  Verdicts removed;                // exactly these, in order
  std::vector<std::string> first;  // the first kept lines, in order
};

TEST(CleanFixture, RemovesEachKindAndKeepsBody) {
  const std::vector<FixtureCase> cases = {
      {"web_article.txt",
       {{"skip-link", "تخطي إلى المحتوى"},
        {"section-label", "سياسة"},
        {"byline", "بقلم"},
        {"byline", "سالم العتيبي"},
        {"repeated-title", "الصين توسّع حضورها الاقتصادي في أوزبكستان"},
        {"share-widget", "مشاركة فيسبوك تويتر واتساب"},
        {"font-size-widget", "A- A A+"},
        {"caption", "صورة أرشيفية لميناء جاف على الحدود"},
        {"photo-credit", "تصوير: رويترز"},
        {"related-articles", "اقرأ أيضا"},
        {"related-articles", "روسيا تعزز وجودها العسكري في طاجيكستان"},
        {"related-articles", "قمة أستانا تبحث ممرات النقل عبر بحر قزوين"},
        {"byline", "سالم العتيبي"},
        {"caption", "قافلة شاحنات عند معبر حدودي بين الصين وقرغيزستان"},
        {"caption", "قافلة شاحنات عند معبر حدودي بين الصين وقرغيزستان"},
        {"author-bio", "Omar Nazarov"},
        {"author-bio",
         "عمر نزاروف صحفي وباحث متخصص في شؤون آسيا الوسطى، عمل في عدة مؤسسات إعلامية في "
         "طشقند وموسكو، وله خبرة عشر سنوات في تغطية الشؤون الإقليمية."},
        {"subscribe", "اشترك في النشرة البريدية"},
        {"tracking-token", "dGhpcyBpcyBhIHRyYWNraW5nIGlkIDEyMzQ1Ng=="},
        {"back-to-top", "العودة إلى الأعلى"},
        {"qr-prompt", "امسح الرمز لمتابعة آخر الأخبار"},
        {"footer", "© 2025 جميع الحقوق محفوظة لموقع المثال الإخباري"},
        {"footer", "سياسة الخصوصية"}},
       {"الصين توسّع حضورها الاقتصادي في أوزبكستان", "12-03-2025 | 09:45", ""}},
      // A hard-wrapped PDF extraction that lost some letters (ك, final ي/ى):
      // the wrapped lines lack final punctuation, and a sentence's final
      // stop lands at the start of its last line. Only the byline goes.
      {"pdf_wrapped.txt",
       {{"byline", "الاتب"}, {"byline", "ليل منصور"}, {"byline", "ليل منصور"}},
       {" التنافس عل الطاقة ف آسيا الوسط ", ""}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    const std::string raw =
        testing::ReadFile(testing::SourceDir() / "tests/fixtures/clean" / c.file);
    ASSERT_FALSE(raw.empty());
    Document doc = CleanRaw(raw);
    EXPECT_EQ(Summary(doc), c.removed);
    auto lines = TextLines(doc.text);
    for (std::size_t i = 0; i < c.first.size(); ++i) {
      ASSERT_LT(i, lines.size());
      EXPECT_EQ(lines[i], c.first[i]);
    }
    // Every raw line that is not removed is in the text, in order.
    std::size_t kept_long = 0;
    for (const auto& l : TextLines(doc.raw_text))
      if (l.size() > 100) kept_long += doc.text.find(l) != std::string::npos;
    EXPECT_GE(kept_long, 2u);
    ExpectLossless(doc);
    EXPECT_TRUE(doc.diagnostics.empty());
  }
}

// --- Small inline cases -----------------------------------------------------

// Body paragraphs reused by the cases (our own wording).
const std::string kP1 =
    "أكدت وزارة الخارجية الكازاخستانية أن أستانا ستواصل سياسة خارجية متوازنة تقوم على التعاون مع "
    "جميع القوى الكبرى دون استثناء.";
const std::string kP2 =
    "وتستثمر الشركات الصينية منذ سنوات في حقول النفط والغاز غرب البلاد، فيما تبقى روسيا الشريك "
    "التجاري الأول لكازاخستان.";
const std::string kP3 =
    "وكانت واشنطن قد أعلنت في الخريف الماضي عن برنامج لدعم مشاريع المعادن الحيوية في المنطقة "
    "بتمويل من القطاع الخاص.";

struct LineCase {
  const char* name;
  std::string input;
  Verdicts removed;               // exactly these, in order
  std::vector<std::string> kept;  // lines that must be in text
  std::string text;               // when non-empty, the exact text
};

TEST(CleanLines, TableOfCases) {
  const std::vector<LineCase> cases = {
      {"a breadcrumb trail goes; a long title and the dateline under it stay",
       "الرئيسية » سياسة » آسيا الوسطى\nقادة آسيا الوسطى يجتمعون في طشقند لبحث مشروعات المياه "
       "والطاقة والنقل المشتركة\nالأحد 14 سبتمبر/أيلول 2025 - 09:30\n" +
           kP1 + "\n",
       {{"breadcrumb", "الرئيسية » سياسة » آسيا الوسطى"}},
       {"الأحد 14 سبتمبر/أيلول 2025 - 09:30"},
       ""},
      {"short sentence and intertitle inside the body stay",
       kP1 + "\n\nلكن ذلك لم يحدث.\n\nحسابات موسكو\n\n" + kP2 + "\n",
       {},
       {"لكن ذلك لم يحدث.", "حسابات موسكو"},
       kP1 + "\n\nلكن ذلك لم يحدث.\n\nحسابات موسكو\n\n" + kP2 + "\n"},
      {"title kept, its repeat and a repeated paragraph removed",
       "قمة جديدة في سمرقند\n" + kP1 + "\nقمة جديدة في سمرقند\n" + kP2 + "\n" + kP1 + "\n",
       {{"repeated-title", "قمة جديدة في سمرقند"}, {"repeated-line", kP1}},
       {"قمة جديدة في سمرقند"},
       "قمة جديدة في سمرقند\n" + kP1 + "\n" + kP2 + "\n"},
      {"a paragraph naming an agency is body, a credit line is not",
       "وقالت وكالة رويترز إن المحادثات بين الجانبين استمرت ساعات طويلة في العاصمة دون التوصل إلى "
       "اتفاق نهائي.\nالرئيس الأوزبكي في طشقند (رويترز)\n" +
           kP2 + "\n",
       {{"caption", "الرئيس الأوزبكي في طشقند (رويترز)"}},
       {"وقالت وكالة رويترز"},
       ""},
      {"byline with the name on the same line, repeated later",
       "بقلم: ليلى حسن\n" + kP1 + "\nليلى حسن\n" + kP2 + "\n",
       {{"byline", "بقلم: ليلى حسن"}, {"byline", "ليلى حسن"}},
       {},
       kP1 + "\n" + kP2 + "\n"},
      {"a body sentence that starts with a byline verb stays",
       kP1 + "\nكتب الرئيس رسالة إلى نظيره الروسي.\n" + kP2 + "\n",
       {},
       {"كتب الرئيس رسالة إلى نظيره الروسي."},
       ""},
      {"related list ends at an intertitle followed by body",
       kP1 + "\n\nاقرأ أيضاً:\nتركمانستان تفتتح خط غاز جديدا\n\nالمعادن النادرة\n\n" + kP2 + "\n",
       {{"related-articles", "اقرأ أيضاً:"}, {"related-articles", "تركمانستان تفتتح خط غاز جديدا"}},
       {"المعادن النادرة"},
       kP1 + "\n\nالمعادن النادرة\n\n" + kP2 + "\n"},
      {"most-read box: stamps and the teaser after each",
       kP1 + "\n" + kP2 + "\n\nالأكثر مشاهدة\nاقتصاد 3/4/2025 10:15 AM\n" + kP3 +
           "\nرياضة 2/4/2025 8:00 PM\nمنتخب أوزبكستان يتأهل إلى النهائيات\n",
       {{"related-articles", "الأكثر مشاهدة"},
        {"related-articles", "اقتصاد 3/4/2025 10:15 AM"},
        {"related-articles", kP3},
        {"related-articles", "رياضة 2/4/2025 8:00 PM"},
        {"related-articles", "منتخب أوزبكستان يتأهل إلى النهائيات"}},
       {},
       kP1 + "\n" + kP2 + "\n"},
      {"footer block and trailing short line after the body",
       kP1 + "\n" + kP2 + "\nالمزيد\nكل الحقوق محفوظة للناشر\nهاتف 123456\n",
       {{"trailing-line", "المزيد"},
        {"footer", "كل الحقوق محفوظة للناشر"},
        {"footer", "هاتف 123456"}},
       {},
       kP1 + "\n" + kP2 + "\n"},
      {"short Latin lines in an Arabic article",
       kP1 + "\nTop Stories\n" + kP2 + "\n",
       {{"non-arabic-line", "Top Stories"}},
       {},
       kP1 + "\n" + kP2 + "\n"},
      {"a tracking token inside a long paragraph does not remove the paragraph",
       kP1 + " aXk9MTIzNDU2Nzg5MEFCQ0RFRg==\n" + kP2 + "\n",
       {},
       {kP2},
       ""},
      {"a body paragraph that mentions a footer phrase stays",
       kP1 + "\nوقالت الشركة إن سياسة الخصوصية الجديدة ستطبق على جميع المستخدمين في كازاخستان.\n" +
           kP2 + "\n",
       {},
       {"سياسة الخصوصية الجديدة"},
       ""},
      {"separator and page number lines",
       kP1 + "\n***\n" + kP2 + "\n- 7 -\n" + kP3 + "\n",
       {{"no-text", "***"}, {"no-text", "- 7 -"}},
       {},
       kP1 + "\n" + kP2 + "\n" + kP3 + "\n"},
      {"blank-line gaps: one blank line stays where a line went",
       "عنوان الخبر هنا\n\n\nSmaller Bigger\n\n\n" + kP1 + "\n\n\n" + kP2,
       {{"font-size-widget", "Smaller Bigger"}},
       {},
       "عنوان الخبر هنا\n\n" + kP1 + "\n\n\n" + kP2},
      {"bio heading and the lines after it",
       kP1 + "\n" + kP2 + "\nعن الكاتب\nباحث في الشؤون الأوراسية ومؤلف كتابين عن المنطقة.\n",
       {{"author-bio", "عن الكاتب"},
        {"author-bio", "باحث في الشؤون الأوراسية ومؤلف كتابين عن المنطقة."}},
       {},
       kP1 + "\n" + kP2 + "\n"},
      {"a body paragraph quoting a researcher is not a bio",
       "المعادن النادرة\n" + kP1 +
           "\nتحليل الخبراء\nوقال باحث متخصص في شؤون آسيا الوسطى له خبرة طويلة إن هذه الخطوة "
           "تعكس مهارة في إدارة التوازنات بين القوى.\n",
       {},
       {"تحليل الخبراء", "وقال باحث متخصص"},
       ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    Document doc = CleanRaw(c.input);
    EXPECT_EQ(Summary(doc), c.removed);
    for (const auto& k : c.kept) EXPECT_NE(doc.text.find(k), std::string::npos) << k;
    if (!c.text.empty()) {
      EXPECT_EQ(doc.text, c.text);
    }
    ExpectLossless(doc);
  }
}

// --- Options, odd input, data errors ---------------------------------------

TEST(CleanOptions, DisabledCopiesRawText) {
  Document doc;
  doc.raw_text = "التخطي إلى المحتوى\n" + kP1 + "\n";
  Clean(doc, Lex(), Options{.enabled = false});
  EXPECT_EQ(doc.text, doc.raw_text);
  EXPECT_TRUE(doc.removed.empty());
}

TEST(CleanInput, OddInputNeverCrashes) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", ""},
      {"\n\n\n", "\n\n\n"},
      {kP1, kP1},                                  // no final newline
      {"Scan the code", ""},                       // nothing but furniture
      {std::string("\xff\xfe") + "\n" + kP1, ""},  // invalid UTF-8 is tolerated
  };
  for (const auto& [raw, want] : cases) {
    Document doc;
    doc.raw_text = raw;
    Clean(doc, Lex());
    if (!want.empty() || raw.empty()) {
      EXPECT_EQ(doc.text, want);
    }
    if (raw == "Scan the code") {
      EXPECT_EQ(doc.text, "");
      ASSERT_EQ(doc.removed.size(), 1u);
      EXPECT_EQ(doc.removed[0].reason, "qr-prompt");
      ASSERT_EQ(doc.diagnostics.size(), 1u);
      EXPECT_EQ(doc.diagnostics[0].code, "heavy-removal");
    }
  }
}

TEST(CleanLexicon, BadRowsNameFileAndLine) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"category\tmatch\tphrase\tsource\nwidget\tline\tx\tme\n", "unknown category 'widget'"},
      {"category\tmatch\tphrase\tsource\nfooter\tsomewhere\tx\tme\n", "unknown match 'somewhere'"},
      {"category\tmatch\tphrase\tsource\nfooter\tline\t...\tme\n", "empty phrase"},
      {"category\tmatch\tphrase\tsource\nshare-widget\ttoken\tتويتر فيسبوك\tme\n", "single word"},
      {"category\tphrase\tsource\nfooter\tx\tme\n", "missing column 'match'"},
  };
  const auto dir = std::filesystem::temp_directory_path() / "nufuz_clean_lexicon_test";
  std::filesystem::create_directories(dir / "lexicon");
  for (const auto& [tsv, want] : cases) {
    { std::ofstream(dir / "lexicon" / "furniture.tsv") << tsv; }
    auto r = Lexicon::Load(dir);
    ASSERT_FALSE(r.ok()) << want;
    EXPECT_EQ(r.status().code(), StatusCode::kDataError);
    EXPECT_NE(r.status().message().find("furniture.tsv"), std::string::npos);
    EXPECT_NE(r.status().message().find(want), std::string::npos) << r.status().message();
  }
  std::filesystem::remove_all(dir);
  auto missing = Lexicon::Load(dir);
  EXPECT_FALSE(missing.ok());
}

// Per-line features that cleaning computes in one pass over the bytes
// (folded tokens and keys, skeletons for the lexicon, date stamps, tracking
// blobs), checked through the verdicts they lead to. Body paragraphs of
// their own (our wording).
const std::string kF1 =
    "قالت حكومة قرغيزستان إن مشروع السكة الحديدية الجديد سيربط البلاد بموانئ الصين ويختصر مدة "
    "نقل البضائع إلى النصف.";
const std::string kF2 =
    "ويرى محللون في بشكيك أن المشروع يمنح بكين نفوذا أكبر في المنطقة، بينما تتابع موسكو "
    "التطورات بحذر واضح.";
const std::string kF3 =
    "وأضاف الوزير أن التمويل سيأتي من قروض ميسرة ومن صندوق مشترك تشارك فيه عدة دول مجاورة "
    "خلال السنوات المقبلة.";

struct FeatureCase {
  const char* name;
  std::string input;
  Verdicts removed;  // exactly these, in order
};

TEST(CleanFeatures, TableOfCases) {
  const std::vector<FeatureCase> cases = {
      {"repetition compares folded keys: hamza forms, ta marbuta, diacritics, tatweel",
       kF1 + "\nأعلنت الوزارةُ خطة جديدة للنقل\n" + kF2 + "\nاعلنت الوزارة خطـه جديده للنقل\n" +
           kF3 + "\n",
       {{"repeated-line", "اعلنت الوزارة خطـه جديده للنقل"}}},
      {"a widget line matches the lexicon when a PDF lost its kaf and final ya",
       kF1 + "\nمشارة فيسبو\n" + kF2 + "\n",
       {{"share-widget", "مشارة فيسبو"}}},
      {"a tracking id after a tab, at the end of the line, with a trailing stop",
       kF1 + "\nالمعرف\tQm9zdG9uMjAyNXRyYWNr.\n" + kF2 + "\n",
       {{"tracking-token", "المعرف\tQm9zdG9uMjAyNXRyYWNr."}}},
      {"a long one-class run is no tracking id",
       kF1 + "\nالرقم المرجعي للطلب 12345678901234567890\n" + kF2 + "\n",
       {}},
      {"a date stamp in Arabic-Indic digits after the body has begun",
       kF1 + "\n٠٨-١٠-٢٠٢٥ | ١٢:٣٠\n" + kF2 + "\n",
       {{"dateline", "٠٨-١٠-٢٠٢٥ | ١٢:٣٠"}}},
      {"a chunk with a separator before its digits is no date",
       kF1 + "\nالعدد -12-10-2025 هنا\n" + kF2 + "\n" + kF3 + "\n",
       {}},
      {"a byline name is the cue line's tail and removes its later repeat",
       "بقلم: نور الهدى سليم\n" + kF1 + "\nنور الهدى سليم\n" + kF2 + "\n",
       {{"byline", "بقلم: نور الهدى سليم"}, {"byline", "نور الهدى سليم"}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Summary(CleanRaw(c.input)), c.removed);
  }
}

}  // namespace
}  // namespace nufuz::clean
