// Tokeniser and key tests on sentences written for the project.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/data.h"
#include "core/json.h"
#include "core/utf8.h"
#include "test_util.h"
#include "text/text.h"

namespace nufuz::text {
namespace {

const Lexicon& Lex() {
  static std::shared_ptr<const Lexicon> lex = [] {
    auto r = Lexicon::Load(nufuz::testing::DataDir());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : Lexicon::FromWords({});
  }();
  return *lex;
}

Document Tok(const std::string& s) {
  Document d;
  d.text = s;
  Tokenize(d, Lex());
  return d;
}

const Token* Find(const Document& d, std::string_view surface) {
  for (const auto& t : d.tokens)
    if (d.Surface(t) == surface) return &t;
  return nullptr;
}

TEST(Key, FoldsLettersDigitsAndMarks) {
  struct Case {
    const char* in;
    const char* key;
  } cases[] = {
      {"أَحْمَد", "احمد"},   {"إيران", "ايران"},     {"آسيا", "اسيا"},    {"ٱلله", "الله"},
      {"مصطفى", "مصطفي"}, {"الحكومة", "الحكومه"}, {"ســـلام", "سلام"}, {"٢٠٢٥", "2025"},
      {"۱۲", "12"},       {"١٢٫٥", "12.5"},       {"NATO", "nato"},    {"کابل", "كابل"},
      {"فارسی", "فارسي"},
  };
  for (const auto& c : cases) EXPECT_EQ(Key(c.in), c.key) << c.in;
}

struct SegCase {
  const char* word;
  const char* proclitics;  // CliticNames
  const char* stem;        // normalised
  const char* suffix;
};

class Segmentation : public ::testing::TestWithParam<SegCase> {};

TEST_P(Segmentation, SplitsOnlyRealClitics) {
  const SegCase& c = GetParam();
  Document d = Tok(std::string("قال ") + c.word + " اليوم");
  const Token* t = Find(d, c.word);
  ASSERT_NE(t, nullptr) << c.word;
  EXPECT_EQ(CliticNames(t->proclitics), c.proclitics) << c.word;
  EXPECT_EQ(t->stem, c.stem) << c.word;
  EXPECT_EQ(t->suffix, c.suffix) << c.word;
}

INSTANTIATE_TEST_SUITE_P(
    Words, Segmentation,
    ::testing::Values(
        // Proclitics split off.
        SegCase{"وبكازاخستان", "wa|bi", "كازاخستان", ""}, SegCase{"للصين", "li|al", "صين", ""},
        SegCase{"والولايات", "wa|al", "ولايات", ""}, SegCase{"فإنها", "fa", "ان", "ها"},
        SegCase{"بالأسلحة", "bi|al", "اسلحه", ""}, SegCase{"وموسكو", "wa", "موسكو", ""},
        SegCase{"لموسكو", "li", "موسكو", ""}, SegCase{"الحكومة", "al", "حكومه", ""},
        SegCase{"وأعلنت", "wa", "اعلنت", ""}, SegCase{"ووزير", "wa", "وزير", ""},
        SegCase{"وبين", "wa", "بين", ""},
        // Words that merely begin with a clitic letter stay whole.
        SegCase{"وزير", "", "وزير", ""}, SegCase{"بين", "", "بين", ""},
        SegCase{"كازاخستان", "", "كازاخستان", ""}, SegCase{"لندن", "", "لندن", ""},
        SegCase{"فرنسا", "", "فرنسا", ""}, SegCase{"بكين", "", "بكين", ""},
        SegCase{"ولاية", "", "ولايه", ""}, SegCase{"لكن", "", "لكن", ""},
        SegCase{"كان", "", "كان", ""},
        // Pronoun suffixes.
        SegCase{"حكومتها", "", "حكومه", "ها"}),
    [](const ::testing::TestParamInfo<SegCase>& info) { return "w" + std::to_string(info.index); });

TEST(Tokenize, KeepsNumbersUrlsEmailsDatesWhole) {
  Document d =
      Tok("بلغ التبادل 1,250.5 مليون دولار و٣٫٥ مليار بنسبة 24% في 08-10-2025، راجع "
          "https://example.org/a?b=1. أو اكتب إلى info@example.org وAl-Jazeera.");
  struct Want {
    const char* surface;
    TokenKind kind;
  } wants[] = {
      {"1,250.5", TokenKind::kNumber},
      {"24%", TokenKind::kNumber},
      {"08-10-2025", TokenKind::kDate},
      {"https://example.org/a?b=1", TokenKind::kUrl},
      {"info@example.org", TokenKind::kEmail},
      {"Al-Jazeera", TokenKind::kLatin},
      {"٣٫٥", TokenKind::kNumber},
  };
  for (const auto& w : wants) {
    const Token* t = Find(d, w.surface);
    ASSERT_NE(t, nullptr) << w.surface;
    EXPECT_EQ(t->kind, w.kind) << w.surface;
  }
  EXPECT_EQ(Find(d, "٣٫٥")->key, "3.5");
}

TEST(Tokenize, OffsetsAreCodePointsIntoText) {
  Document d = Tok("زار الرَّئيسُ موسكو.\nثم عاد.");
  ASSERT_FALSE(d.tokens.empty());
  for (const auto& t : d.tokens) {
    EXPECT_EQ(utf8::SubstrCp(d.text, t.start, t.end), d.Surface(t));
  }
  const Token* t = Find(d, "الرَّئيسُ");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->key, "الرئيس");
  EXPECT_EQ(t->proclitics, kCliticAl);
  EXPECT_EQ(t->prefix_cps, 2);
}

TEST(Tokenize, PrefixCodePointsSkipDiacritics) {
  Document d = Tok("وَبِكازاخستان");
  ASSERT_EQ(d.tokens.size(), 1u);
  // و + fatha + ب + kasra: the stem starts at code point 4.
  EXPECT_EQ(d.tokens[0].prefix_cps, 4);
  EXPECT_EQ(d.tokens[0].stem, "كازاخستان");
}

TEST(Sentences, SplitOnStopsAndLinesNotOnDecimalsOrAbbreviations) {
  Document d =
      Tok("قال الوزير إن النمو بلغ 3.5 في المئة. هل ستتغير الخطة؟ نعم!\n"
          "عنوان بلا نقطة\n"
          "وصل د. أحمد إلى U.S. أمس؛ ثم غادر…");
  std::vector<std::string> got;
  for (const auto& s : d.sentences) got.emplace_back(utf8::SubstrCp(d.text, s.start, s.end));
  std::vector<std::string> want = {"قال الوزير إن النمو بلغ 3.5 في المئة.",
                                   "هل ستتغير الخطة؟",
                                   "نعم!",
                                   "عنوان بلا نقطة",
                                   "وصل د. أحمد إلى U.S. أمس؛",
                                   "ثم غادر…"};
  EXPECT_EQ(got, want);
}

TEST(Tokenize, EmptyAndOddInputDoNotCrash) {
  for (std::string s : {std::string(), std::string("\n\n"), std::string("ـــ"), std::string("٫٫٫"),
                        std::string("http://"), std::string("@@"), std::string("1-2-"),
                        std::string("\xEF\xBF\xBD")}) {
    Document d = Tok(s);
    for (const auto& t : d.tokens) EXPECT_LE(t.end, utf8::Length(s));
  }
}

// Analyses are remembered per thread; a lexicon built where a freed one lived
// must not see the old one's analyses.
TEST(Tokenize, AnalysesFollowTheLexiconInUse) {
  for (int round = 0; round < 6; ++round) {
    const bool knows_stem = round % 2 == 0;  // else knows the whole word
    auto lex = Lexicon::FromWords({knows_stem ? "سوق" : "وسوق"});
    Document d;
    d.text = "وسوق";
    Tokenize(d, *lex);
    ASSERT_EQ(d.tokens.size(), 1u);
    EXPECT_EQ(d.tokens[0].stem, knows_stem ? "سوق" : "وسوق") << "round " << round;
    EXPECT_EQ(d.tokens[0].proclitics, knows_stem ? kCliticWa : 0) << "round " << round;
  }
}

// Words past the tokeniser's key buffer and words with marks keep exact keys
// and code-point clitic spans.
TEST(Tokenize, LongWordsAndMarkedWordsKeepKeysAndSpans) {
  std::string arabic_long;
  for (int k = 0; k < 40; ++k) arabic_long += "ب";
  Document d = Tok(arabic_long + " وَالْحُكُومَةُ");
  ASSERT_EQ(d.tokens.size(), 2u);
  EXPECT_EQ(d.tokens[0].key, arabic_long);
  EXPECT_EQ(d.tokens[0].end - d.tokens[0].start, 40u);
  EXPECT_EQ(d.tokens[1].key, "والحكومه");
  EXPECT_EQ(d.tokens[1].stem, "حكومه");
  // و + fatha + ا + ل + sukun: the proclitics cover five code points.
  EXPECT_EQ(d.tokens[1].prefix_cps, 5);
}

}  // namespace
}  // namespace nufuz::text
