// The per-document word forms (DocForms): what each token is looked up
// under, and that one DocForms shared by the three extractors gives what
// each extractor finds on its own. Sentences are our own.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/dates.h"
#include "extract/entities.h"
#include "extract/forms.h"
#include "extract/quantities.h"
#include "test_util.h"
#include "text/text.h"

namespace nufuz::extract {
namespace {

const std::shared_ptr<const text::Lexicon>& Lexicon() {
  static const std::shared_ptr<const text::Lexicon> lex = [] {
    auto l = text::Lexicon::Load(testing::DataDir());
    EXPECT_TRUE(l.ok()) << l.status().message();
    return l.ok() ? l.value() : text::Lexicon::FromWords({});
  }();
  return lex;
}

Document Tokenized(const std::string& text) {
  Document doc;
  doc.text = text;
  text::Tokenize(doc, *Lexicon());
  return doc;
}

std::vector<std::string> WordTexts(const DocForms& forms, std::size_t i) {
  std::vector<std::string> out;
  for (const WordForm& f : forms.words(i)) out.emplace_back(f.text);
  return out;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

struct FormCase {
  std::string word;
  std::string whole;                // TokenForms::whole
  std::vector<std::string> lookup;  // some of the WordForms
  bool article;
};

TEST(DocForms, FormsOfOneWord) {
  const FormCase cases[] = {
      {"الصين", "صين", {"الصين", "صين"}, true},
      {"وبالعاصمة", "وبالعاصمه", {"وبالعاصمه", "بالعاصمه", "عاصمه"}, true},
      {"للمنظمة", "للمنظمه", {"للمنظمه", "المنظمه", "منظمه"}, true},
      {"دولارا", "دولارا", {"دولارا", "دولار"}, false},
      {"موسكو", "موسكو", {"موسكو"}, false},
  };
  for (const FormCase& c : cases) {
    Document doc = Tokenized(c.word);
    ASSERT_EQ(doc.tokens.size(), 1u) << c.word;
    const DocForms forms(doc);
    EXPECT_EQ(forms[0].whole, c.whole) << c.word;
    EXPECT_EQ(forms[0].article, c.article) << c.word;
    const auto words = WordTexts(forms, 0);
    for (const std::string& w : c.lookup) EXPECT_TRUE(Contains(words, w)) << c.word << " " << w;
    // Forms are distinct, and each hash is the hash of its text.
    for (std::size_t a = 0; a < words.size(); ++a)
      for (std::size_t b = a + 1; b < words.size(); ++b) EXPECT_NE(words[a], words[b]) << c.word;
    for (const WordForm& f : forms.words(0)) EXPECT_EQ(f.hash, StringMapHash(f.text)) << c.word;
  }
}

TEST(DocForms, NonArabicTokensHaveTheirKeyOnly) {
  Document doc = Tokenized("2024 NATO");
  ASSERT_EQ(doc.tokens.size(), 2u);
  const DocForms forms(doc);
  EXPECT_EQ(WordTexts(forms, 0), std::vector<std::string>{"2024"});
  EXPECT_EQ(WordTexts(forms, 1), std::vector<std::string>{"nato"});
  EXPECT_FALSE(forms[1].arabic);
}

// What the extractors add, as comparable text.
std::vector<std::string> Summary(const Document& doc) {
  std::vector<std::string> out;
  for (const Span& s : doc.spans) {
    std::string line = s.label + " " + std::to_string(s.start) + "-" + std::to_string(s.end);
    for (const auto& [k, v] : s.attrs) line += " " + k + "=" + v;
    out.push_back(line);
  }
  for (const Entity& e : doc.entities) out.push_back("entity " + e.id + " " + e.type);
  out.push_back("published " + doc.published.value_or("-"));
  return out;
}

TEST(DocForms, SharedFormsGiveWhatEachExtractorFindsAlone) {
  auto entities = EntityExtractor::Load(testing::DataDir(), Lexicon());
  ASSERT_TRUE(entities.ok()) << entities.status().message();
  auto dates = DateExtractor::Load(testing::DataDir());
  ASSERT_TRUE(dates.ok()) << dates.status().message();
  auto quantities = QuantityExtractor::Load(testing::DataDir());
  ASSERT_TRUE(quantities.ok()) << quantities.status().message();
  const char* texts[] = {
      "طشقند - 14-03-2024 | وقّع رئيس أوزبكستان في العاصمة طشقند اتفاقا مع الصين بقيمة 3.5 "
      "مليار دولار لبناء خط سكك حديدية بطول 450 كيلومترا.",
      "قال وزير الخارجية الروسي سيرغي لافروف أمس الخميس إن موسكو تريد توسيع التجارة مع "
      "كازاخستان بنحو 20 في المئة خلال العامين المقبلين، وإن نحو ثلث الصادرات يمر عبر بحر قزوين.",
      "زار الرئيس الصيني آستانا في مايو الماضي، والتقى رؤساء الدول الخمس في قمة استمرت يومين.",
  };
  for (const char* text : texts) {
    Document alone = Tokenized(text);
    (*entities)->Run(alone);
    (*dates)->Run(alone);
    (*quantities)->Run(alone);

    Document shared = Tokenized(text);
    const DocForms forms(shared);
    (*entities)->Run(shared, forms);
    (*dates)->Run(shared, forms);
    (*quantities)->Run(shared, forms);

    EXPECT_EQ(Summary(shared), Summary(alone)) << text;
    EXPECT_FALSE(alone.spans.empty()) << text;
  }
}

}  // namespace
}  // namespace nufuz::extract
