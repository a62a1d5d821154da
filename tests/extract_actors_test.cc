// Actors with the bundled data: ordinary words that must not become people,
// place names behind clitics the tokeniser may leave on, two-word and dual
// nisbas, the مالي ambiguity, and names the quantity stage must not count.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "extract/entities.h"
#include "extract/forms.h"
#include "extract/people.h"
#include "extract/quantities.h"
#include "test_util.h"
#include "text/text.h"

namespace nufuz::extract {
namespace {

struct Loaded {
  std::shared_ptr<const text::Lexicon> lexicon;
  std::shared_ptr<const EntityExtractor> entities;
  std::shared_ptr<const QuantityExtractor> quantities;
};

const Loaded& Bundled() {
  static const Loaded l = [] {
    Loaded x;
    auto lex = text::Lexicon::Load(testing::DataDir());
    EXPECT_TRUE(lex.ok()) << lex.status().message();
    x.lexicon = lex.value();
    auto e = EntityExtractor::Load(testing::DataDir(), x.lexicon);
    EXPECT_TRUE(e.ok()) << e.status().message();
    x.entities = e.value();
    auto q = QuantityExtractor::Load(testing::DataDir());
    EXPECT_TRUE(q.ok()) << q.status().message();
    x.quantities = q.value();
    return x;
  }();
  return l;
}

// Entities, then quantities, as the pipeline runs them.
Document Analyze(const std::string& text) {
  const Loaded& l = Bundled();
  Document doc;
  doc.text = text;
  text::Tokenize(doc, *l.lexicon);
  const DocForms forms(doc);
  l.entities->Run(doc, forms);
  l.quantities->Run(doc, forms);
  return doc;
}

// The surfaces of the mentions of entity `id`.
std::vector<std::string> Mentions(const Document& doc, const std::string& id) {
  std::vector<std::string> out;
  for (const Span& s : doc.spans)
    if (s.label == "ENTITY" && *s.Attr("entity") == id)
      out.emplace_back(utf8::SubstrCp(doc.text, s.start, s.end));
  return out;
}

std::vector<std::string> PersonNames(const Document& doc) {
  std::vector<std::string> out;
  for (const Entity& e : doc.entities)
    if (e.type == "PERSON") out.push_back(e.name_ar);
  return out;
}

TEST(ExtractActors, OrdinaryWordsAfterATitleAreNoPerson) {
  // Function words, accusatives and plurals of listed nouns, and nouns with
  // their possessor, right after a title or a reporting verb.
  const std::vector<std::string> cases = {
      "قال الرئيس خلال المؤتمر الصحفي إن بلاده مستعدة للحوار.",
      "أكد الوزير خلال لقائه بنظيره أن العلاقات متينة.",
      "أجرى الوزير محادثات مع نظيريه في العاصمة.",
      "أجرى رئيس الوزراء محادثات هاتفية مع نظيره.",
      "أعلنت الحكومة الفرنسية السفير الروسي شخصا غير مرغوب فيه.",
      "استدعت الخارجية السفير الياباني احتجاجا على تصريحات وزيرة الدفاع.",
      "طالبت الحكومة بالاعتذار عن تصريحات رئيسة وزرائها.",
      "قال المتحدث باسم الوزارة تصريحات الوزير لا تمثل الحكومة.",
      "استقبل الرئيس سفراء الدول الأوروبية في القصر.",
      "التقى الرئيس خبراء الطاقة في العاصمة.",
      "قال قائد القوات البحرية إن السفن جاهزة للإبحار.",
      "بحسب مسؤولين محليين فإن عدد الضحايا ارتفع.",
      "قال ناشطون حقوقيون إن الاعتقالات طالت العشرات.",
      "التقى الوزير قائد القوات الخاصة في الثكنة.",
  };
  for (const std::string& text : cases) {
    const Document doc = Analyze(text);
    EXPECT_TRUE(PersonNames(doc).empty())
        << text << " -> " << (PersonNames(doc).empty() ? "" : PersonNames(doc)[0]);
  }
}

TEST(ExtractActors, RealNamesStayPeople) {
  struct Case {
    std::string text, name;
  };
  const std::vector<Case> cases = {
      {"التقى الجنرال كريستوفر كافولي قادة الحلف في بروكسل.", "كريستوفر كافولي"},
      {"صرح النائب خالد المعيني بأن الاتفاق يخدم البلدين.", "خالد المعيني"},
      {"استقبل الوزير إيغور نورا في مكتبه.", "إيغور نورا"},
      // أل with hamza is never the article.
      {"قال السفير الكازاخستاني ييرلان أليمبايف إن بلاده منفتحة.", "ييرلان أليمبايف"},
      {"قالت وكيلة الوزارة عزرا زيا إن واشنطن تدعم الحوار. وأضافت زيا أن الوفد سيعود.", "عزرا زيا"},
  };
  for (const Case& c : cases) {
    const auto names = PersonNames(Analyze(c.text));
    EXPECT_NE(std::find(names.begin(), names.end(), c.name), names.end()) << c.text;
  }
}

TEST(Transliterator, HamzaAlefLamIsNoArticle) {
  EXPECT_EQ(Bundled().entities->translit().Name("ييرلان أليمبايف").find("Al-"), std::string::npos);
  EXPECT_EQ(Bundled().entities->translit().Name("خالد المعيني").find("Al-"), 7u);
}

TEST(CommonWords, InflectionEvidence) {
  const auto common = CommonWords::FromWords(
      {"خلال", "على"}, {"شخص", "شخصا", "محادثة", "محادثات", "تصريح", "تصريحات", "زيا", "نورا",
                        "سفير", "سفراء", "ناشط", "ناشطون"});
  struct Case {
    std::string word;
    bool ordinary;
  };
  const std::vector<Case> cases = {
      {"خلال", true},     // a function word
      {"شخصا", true},     // accusative of a listed noun
      {"محادثات", true},  // plural of a listed feminine
      {"تصريحات", true},  // plural of a listed masculine
      {"سفراء", true},    // broken plural of a listed فعيل
      {"ناشطون", true},   // sound plural of a listed noun
      {"زيا", false},     // listed, but too short to tell: a name may be listed too
      {"نورا", false},    // listed, stem نور is not
      {"كافولي", false},  // unlisted
  };
  for (const Case& c : cases) EXPECT_EQ(common->Ordinary(text::Key(c.word)), c.ordinary) << c.word;
}

// CommonWords::Load reads the big word list with its own one-pass reader;
// it must keep TsvView's rules (comments, CRLF, any column order, the
// `source` column filled, a cell count per row) and key each word.
TEST(CommonWords, LoadKeepsTsvRules) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("nufuz_common_" + std::to_string(::getpid()));
  fs::create_directories(dir / "lexicon");
  std::string wide_header = "word", wide_cells;
  for (int c = 0; c < 19; ++c) {
    wide_header += "\tc" + std::to_string(c);
    wide_cells += "\tx";
  }
  struct Case {
    std::string file;
    bool ok;
  };
  const std::vector<Case> cases = {
      {"# a comment\nword\tsource\nشخص\tmine\nشخصا\tmine\n", true},
      {"word\tsource\r\n\r\nشخص\tmine\r\nشخصا\tmine\r\n", true},   // CRLF and a blank line
      {"source\tnote\tword\nmine\tn\tشخص\nmine\tn\tشخصا", true},   // other order, no final newline
      {"word\tsource\nشَخْص\tmine\nشخص\tmine\nشخصًا\tmine\n", true},  // marks dropped; a duplicate
      {wide_header + "\tsource\nشخص" + wide_cells + "\tmine\nشخصا" + wide_cells + "\tmine\n",
       true},                                      // more columns than the fast reader
      {"word\tsource\nشخص\t\n", false},            // empty source
      {"word\tsource\nشخص\tmine\tmore\n", false},  // a cell too many
      {"term\tsource\nشخص\tmine\n", false},        // no word column
      {"word\nشخص\n", false},                      // no source column
      {"# only a comment\n", false},               // no header
      {"word\tsource\nشخص\xff\tmine\n", false},    // invalid UTF-8
  };
  for (const Case& c : cases) {
    {
      std::ofstream out(dir / "lexicon" / "repair_system_words.tsv", std::ios::binary);
      out << c.file;
    }
    auto common = CommonWords::Load(dir);
    ASSERT_EQ(common.ok(), c.ok) << c.file;
    if (!c.ok) continue;
    EXPECT_TRUE((*common)->Ordinary(text::Key("شخصا"))) << c.file;
    EXPECT_FALSE((*common)->Ordinary(text::Key("نورا"))) << c.file;
  }
  fs::remove_all(dir);
}

struct Expect {
  std::string text, id, mention;
};

void CheckMentions(const std::vector<Expect>& cases) {
  for (const Expect& c : cases) {
    const auto m = Mentions(Analyze(c.text), c.id);
    EXPECT_NE(std::find(m.begin(), m.end(), c.mention), m.end())
        << c.text << ": no mention '" << c.mention << "' of " << c.id;
  }
}

TEST(ExtractActors, PlaceNamesBehindPrepositions) {
  // A preposition on a name that some longer gazetteer name also writes
  // with it (العابرة لأفغانستان) must still be cut off in running text.
  CheckMentions({
      {"قدمت اليابان مساعدات لأفغانستان هذا الشهر.", "country:afg", "أفغانستان"},
      {"قدمت اليابان مساعدات لأوزبكستان هذا الشهر.", "country:uzb", "أوزبكستان"},
      {"قدمت اليابان مساعدات لأوكرانيا هذا الشهر.", "country:ukr", "أوكرانيا"},
      {"قدمت اليابان مساعدات لإثيوبيا هذا الشهر.", "country:eth", "إثيوبيا"},
      {"قدمت اليابان مساعدات لباكستان هذا الشهر.", "country:pak", "باكستان"},
      {"باعت فرنسا أسلحة لبريطانيا العام الماضي.", "country:gbr", "بريطانيا"},
      {"التقى الوفد بأفغانستان ممثلين عن الحكومة.", "country:afg", "أفغانستان"},
      {"تعهدت الصين بالاستثمار في باكستان ولأفغانستان حصة.", "country:afg", "أفغانستان"},
      {"يشمل المشروع السكك الحديدية العابرة لأفغانستان.", "infra:trans-afghan-railway",
       "السكك الحديدية العابرة لأفغانستان"},
  });
}

TEST(ExtractActors, MultiwordNamesAfterAConjunction) {
  CheckMentions({
      {"تتنافس القوى الكبرى على الشرق الأوسط وآسيا الوسطى منذ عقود.", "bloc:central-asia",
       "آسيا الوسطى"},
      {"وقعت روسيا والولايات المتحدة اتفاقا جديدا.", "country:usa", "الولايات المتحدة"},
      {"تفاوضت الصين والاتحاد الأوروبي حول الرسوم.", "org:eu", "الاتحاد الأوروبي"},
      {"زار الوزير الهند وكوريا الجنوبية الأسبوع الماضي.", "country:kor", "كوريا الجنوبية"},
  });
}

TEST(ExtractActors, NisbasOfTwoWordsAndDuals) {
  CheckMentions({
      {"أعلنت الحكومة الكورية الجنوبية دعمها للاتفاق.", "country:kor", "الكورية الجنوبية"},
      {"أعلنت الحكومة الكورية الجنوبية دعمها للاتفاق.", "org:government-kor",
       "الحكومة الكورية الجنوبية"},
      {"أطلق الجيش الكوري الشمالي صاروخا باليستيا.", "country:prk", "الكوري الشمالي"},
      {"التقى الوزير نظيره الأفريقي الجنوبي في لواندا.", "country:zaf", "الأفريقي الجنوبي"},
      {"قتل جنديان فرنسيان في كمين شمال النيجر.", "country:fra", "فرنسيان"},
      {"وصل دبلوماسيان صينيان إلى طشقند.", "country:chn", "صينيان"},
      {"أصيبت صحفيتان روسيتان في القصف.", "country:rus", "روسيتان"},
      {"أسرت القوات جنديين روسيين قرب الحدود.", "country:rus", "روسيين"},
      {"اعتقلت الشرطة صحفيا أمريكيا في المطار.", "country:usa", "أمريكيا"},
  });
  // The two-word nisba is South Korea, not Korea at large.
  const Document doc = Analyze("أعلنت الحكومة الكورية الجنوبية دعمها للاتفاق.");
  for (const Entity& e : doc.entities) EXPECT_NE(e.id, "country:prk");
}

TEST(ExtractActors, MaliOnlyWithACue) {
  struct Case {
    std::string text;
    bool mali;
  };
  const std::vector<Case> cases = {
      {"أعلنت الحكومة المالية عن ميزانية جديدة للعام المقبل.", false},
      {"تواجه المؤسسات المالية أزمة سيولة حادة.", false},
      {"قدمت فرنسا الدعم المالي للحكومة.", false},
      {"قال الوزير إن العجز المالي تراجع.", false},
      {"أعلنت الحكومة المالية في باماكو حالة الطوارئ.", true},
      {"طرد المجلس العسكري في مالي السفير، وقالت الحكومة المالية إن القرار نهائي.", true},
      {"هاجم مسلحون قاعدة للجيش المالي في الشمال.", true},
      {"طردت مالي السفير الفرنسي من أراضيها.", true},
      {"مالي ترفض شروط المجموعة الإقليمية.", true},
      {"يحتاج المشروع إلى وقت مالي طويل.", false},
      {"قدم البنك دعما ماليا للمزارعين.", false},
  };
  for (const Case& c : cases) {
    const Document doc = Analyze(c.text);
    bool mali = false;
    for (const Entity& e : doc.entities) mali |= e.id == "country:mli";
    EXPECT_EQ(mali, c.mali) << c.text;
  }
  // Named elsewhere, Mali does not make the adjective with the article Malian.
  const Document doc = Analyze("قال المجلس العسكري في مالي إن الوضع المالي للدولة صعب.");
  EXPECT_EQ(Mentions(doc, "country:mli"), std::vector<std::string>{"مالي"});
  EXPECT_FALSE(
      Mentions(Analyze("وقالت الحكومة المالية في باماكو إن الوضع هادئ."), "org:government-mli")
          .empty());
}

TEST(ExtractActors, NamesAreNoDualCounts) {
  struct Case {
    std::string text;
    std::size_t counts;
  };
  const std::vector<Case> cases = {
      {"سيطرت حركة طالبان على المدينة.", 0},
      {"قال مسؤولو طالبان إن الحركة لن تتراجع.", 0},
      {"قتل جنديان في الهجوم على الحاجز.", 1},
  };
  for (const Case& c : cases) {
    const Document doc = Analyze(c.text);
    std::size_t n = 0;
    for (const Span& s : doc.spans) n += s.label == "QUANTITY";
    EXPECT_EQ(n, c.counts) << c.text;
  }
}

}  // namespace
}  // namespace nufuz::extract
