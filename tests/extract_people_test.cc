// People: titles with role and country, later mentions by surname and by
// title alone, names with no title, and English spellings of names.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/utf8.h"
#include "extract/entities.h"
#include "test_util.h"
#include "text/text.h"

namespace nufuz::extract {
namespace {

constexpr const char* kCountries =
    "id\ttype\tname_en\tar_names\tsource\n"
    "country:kaz\tCOUNTRY\tKazakhstan\tكازاخستان\ttest\n"
    "country:uzb\tCOUNTRY\tUzbekistan\tأوزبكستان\ttest\n"
    "country:rus\tCOUNTRY\tRussia\tروسيا\ttest\n"
    "country:fra\tCOUNTRY\tFrance\tفرنسا\ttest\n";
constexpr const char* kNisba =
    "ar\ttarget\tsource\n"
    "الأوزبكي\tcountry:uzb\ttest\n"
    "الكازاخستاني\tcountry:kaz\ttest\n"
    "الروسي\tcountry:rus\ttest\n"
    "الفرنسي\tcountry:fra\ttest\n";
constexpr const char* kPeople =
    "id\tname_en\tar_names\tcountry\trole\tsource\n"
    "person:test-putin\tVladimir Putin\tفلاديمير بوتين|بوتين\tcountry:rus\tpresident\ttest\n";

struct Analysis {
  Document doc;
  const Entity* Person(const std::string& id) const {
    for (const Entity& e : doc.entities)
      if (e.id == id) return &e;
    return nullptr;
  }
  std::vector<std::string> Surfaces(const std::string& id) const {
    std::vector<std::string> out;
    for (const Span& s : doc.spans)
      if (s.label == "ENTITY" && *s.Attr("entity") == id)
        out.emplace_back(utf8::SubstrCp(doc.text, s.start, s.end));
    return out;
  }
  std::size_t People() const {
    std::size_t n = 0;
    for (const Entity& e : doc.entities) n += e.type == "PERSON";
    return n;
  }
};

std::string AttrOf(const Entity& e, const std::string& key) {
  for (const auto& [k, v] : e.attrs)
    if (k == key) return v;
  return "";
}

Analysis Analyze(const std::string& text) {
  static const auto lexicon = text::Lexicon::Load(testing::DataDir()).value();
  static const auto extractor = [] {
    auto gaz = Gazetteer::FromTables(
        {{"countries.tsv", kCountries}, {"nisba.tsv", kNisba}, {"people.tsv", kPeople}},
        lexicon.get());
    EXPECT_TRUE(gaz.ok()) << gaz.status().message();
    auto titles = Titles::Load(testing::DataDir(), lexicon.get());
    EXPECT_TRUE(titles.ok()) << titles.status().message();
    auto translit = Transliterator::Load(testing::DataDir());
    EXPECT_TRUE(translit.ok()) << translit.status().message();
    return std::make_shared<EntityExtractor>(lexicon, gaz.value(), titles.value(),
                                             translit.value());
  }();
  Analysis r;
  r.doc.text = text;
  text::Tokenize(r.doc, *lexicon);
  extractor->Run(r.doc);
  return r;
}

TEST(ExtractPeople, TitleAndSurnameInANewSentence) {
  // A person not in the gazetteer, named by title and then by surname only.
  Analysis r = Analyze(
      "صرّح نائب وزير الخارجية الأوزبكي بختيار سعيدوف للصحفيين بأن بلاده تريد "
      "ممرات تجارية جديدة. وأضاف سعيدوف أن طشقند لا تنحاز لأي محور.");
  const Entity* p = r.Person("person:bakhtiyar-saidov");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->type, "PERSON");
  EXPECT_EQ(p->name_en, "Bakhtiyar Saidov");
  EXPECT_EQ(AttrOf(*p, "role"), "deputy foreign minister");
  EXPECT_EQ(AttrOf(*p, "country"), "country:uzb");
  EXPECT_EQ(r.Surfaces("person:bakhtiyar-saidov"),
            (std::vector<std::string>{"بختيار سعيدوف", "سعيدوف"}));
  EXPECT_EQ(r.People(), 1u);
}

TEST(ExtractPeople, TitleAloneResolvesToTheOnlyMatchingPerson) {
  Analysis r = Analyze(
      "استقبل الرئيس الكازاخستاني نورلان أبيلوف الوفد في القصر. وأكد الرئيس "
      "الكازاخستاني أن التعاون سيستمر.");
  ASSERT_EQ(r.People(), 1u);
  const Entity& p = *std::find_if(r.doc.entities.begin(), r.doc.entities.end(),
                                  [](const Entity& e) { return e.type == "PERSON"; });
  EXPECT_EQ(AttrOf(p, "role"), "president");
  EXPECT_EQ(AttrOf(p, "country"), "country:kaz");
  EXPECT_EQ(r.Surfaces(p.id).size(), 2u);
}

TEST(ExtractPeople, NameBeforeCommaTitleAndItsShortLaterMention) {
  // A foreign name with no given-name row, described by ", <title>" only,
  // then named by its last word alone.
  Analysis r = Analyze(
      "وصلت لينا زيو، مساعدة وزير الخارجية الأوزبكي، إلى المدينة أمس. "
      "ثم زارت زيو العاصمة المجاورة.");
  ASSERT_EQ(r.People(), 1u);
  const Entity& p = *std::find_if(r.doc.entities.begin(), r.doc.entities.end(),
                                  [](const Entity& e) { return e.type == "PERSON"; });
  EXPECT_EQ(AttrOf(p, "country"), "country:uzb");
  EXPECT_EQ(r.Surfaces(p.id), (std::vector<std::string>{"لينا زيو", "زيو"}));
}

TEST(ExtractPeople, Cases) {
  struct Case {
    const char* name;
    const char* text;
    const char* id;    // expected person id, or "" for none
    const char* role;  // expected role attr
  };
  const std::vector<Case> cases = {
      {"gazetteer person after a title gains the role",
       "وصل الرئيس الروسي فلاديمير بوتين إلى المدينة.", "person:test-putin", "president"},
      {"given name with no title", "وكتب دونالد بارتون مقالا عن المنطقة.", "person:donald-barton",
       ""},
      {"apposition after the name", "دعا أوبير فيدرين، وزير الخارجية الفرنسي الأسبق، إلى الحوار.",
       "person:hubert-vedrine", "foreign minister"},
      {"a researcher with an article-less name", "وقال الباحث غريغوري لوماكين إن الصادرات ارتفعت.",
       "person:grigory-lomakin", "researcher"},
      {"an adverb after a title is no name", "زار الرئيس مؤخراً عدة عواصم.", "", ""},
      {"an adjective after a title is no name", "قال الصحفي الإعلامي إن الخبر صحيح.", "", ""},
      {"a verb after a title is no name", "الرئيس يزور المدينة غدا.", "", ""},
      {"a perfect verb of a derived form after a title is no name",
       "وذكرت الوكالة أن ولي العهد استقبل الوفد في القصر.", "", ""},
      {"nor is a perfect verb with a hamza", "وكان الرئيس انتقد القرار قبل أسبوع.", "", ""},
  };
  for (const Case& c : cases) {
    Analysis r = Analyze(c.text);
    if (std::string(c.id).empty()) {
      EXPECT_EQ(r.People(), 0u) << c.name;
      continue;
    }
    const Entity* p = r.Person(c.id);
    ASSERT_NE(p, nullptr) << c.name << ": " << c.text;
    EXPECT_EQ(AttrOf(*p, "role"), c.role) << c.name;
  }
}

TEST(ExtractPeople, FullNameThenSurnameIsOnePerson) {
  // People outside the gazetteer, named in full once and then by the family
  // name alone: one entity whose mentions are both.
  struct Case {
    const char* name;
    const char* text;
    std::vector<std::string> surfaces;
  };
  const std::vector<Case> cases = {
      {"a minister after his title",
       "وقدم الوزير رسلان كازاكباييف تقريرا عن الحدود. وأكد "
       "كازاكباييف أن بلاده ملتزمة بالاتفاق.",
       {"رسلان كازاكباييف", "كازاكباييف"}},
      {"an Arab family name with the article",
       "قال المتحدث باسم الحكومة خالد المعيني إن الاجتماع كان مثمرا. وأضاف المعيني أن الجولة "
       "المقبلة ستعقد في الدوحة.",
       {"خالد المعيني", "المعيني"}},
      {"a surname the tokeniser reads as ك + stem + ي",
       "أعلن الجنرال كريستوفر كافولي خطة جديدة للدفاع. وقال كافولي إن الحلف مستعد.",
       {"كريستوفر كافولي", "كافولي"}},
      {"a short family name that is also a word, cited after a reporting verb",
       "التقت المستشارة عزرا زيا بممثلي المنظمات. وزارت زيا بعد ذلك مخيما للنازحين، وقالت زيا "
       "إن الوضع صعب.",
       {"عزرا زيا", "زيا", "زيا"}},
      {"the same with a title before the name",
       "وصل السفير ديفيد هيل إلى العاصمة. وقال هيل إن بلاده تدعم الحوار.",
       {"ديفيد هيل", "هيل"}},
      {"a foreign surname unknown to the word list",
       "صرح وزير الدفاع الفرنسي جيروم بوفالان بأن بلاده سترسل طائرات. وقال بوفالان إن "
       "القرار نهائي.",
       {"جيروم بوفالان", "بوفالان"}},
  };
  for (const Case& c : cases) {
    Analysis r = Analyze(c.text);
    ASSERT_EQ(r.People(), 1u) << c.name;
    const Entity& p = *std::find_if(r.doc.entities.begin(), r.doc.entities.end(),
                                    [](const Entity& e) { return e.type == "PERSON"; });
    EXPECT_EQ(r.Surfaces(p.id), c.surfaces) << c.name;
  }
}

TEST(ExtractPeople, WordsAfterAGivenNameThatAreNoFamilyName) {
  const std::vector<const char*> texts = {
      "وزار محمد الأراضي المحتلة أمس.",         // an article word ending in ي the lexicon knows
      "والتقى جون بممثلي الشركات في المدينة.",  // ب + plural in construct
      "وقال خالد الماضي إن الأمر انتهى.",
  };
  for (const char* t : texts) EXPECT_EQ(Analyze(t).People(), 0u) << t;
}

TEST(ExtractPeople, Transliteration) {
  auto t = Transliterator::Load(testing::DataDir());
  ASSERT_TRUE(t.ok());
  struct Case {
    const char* ar;
    const char* en;
  };
  const std::vector<Case> cases = {
      {"عبد الله", "Abdullah"},           // a multiword table row
      {"سيرغي لافروف", "Sergey Lavrov"},  // table
      {"غروزين", "Grozin"},               // rule: foreign name, و/ي as vowels
      {"أوشاكوف", "Ushakov"},             // rule: -ov ending
      {"كازاكباييف", "Kazakbayev"},       // rule: -yev ending
      {"الراوي", "Al-Rawi"},              // rule: article
      {"بلينكن", "Blinken"},              // table
  };
  for (const Case& c : cases) EXPECT_EQ((*t)->Name(c.ar), c.en) << c.ar;
  EXPECT_FALSE((*t)->Name("ء").empty());
  EXPECT_EQ(Slug("Hubert Védrine"), "hubert-vedrine");
  EXPECT_EQ(Slug("  "), "x");
}

}  // namespace
}  // namespace nufuz::extract
