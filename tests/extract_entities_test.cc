// Entity mentions: gazetteer matching with clitics, longest match, nisba
// adjectives, state bodies, and no entities from ordinary words. The
// gazetteer is a small fixture of our own; the lexicon, titles and name table
// are the project's data.
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
    "id\ttype\tname_en\tar_names\twikidata\tsource\n"
    "country:kaz\tCOUNTRY\tKazakhstan\tكازاخستان|قازاقستان\tQ232\ttest\n"
    "country:chn\tCOUNTRY\tChina\tالصين\tQ148\ttest\n"
    "country:rus\tCOUNTRY\tRussia\tروسيا\tQ159\ttest\n"
    "country:usa\tCOUNTRY\tUnited States\tالولايات المتحدة|الولايات المتحدة الأمريكية\tQ30\ttest\n"
    "country:uzb\tCOUNTRY\tUzbekistan\tأوزبكستان\tQ265\ttest\n";
constexpr const char* kBlocs =
    "id\tname_en\tar_names\tsource\n"
    "bloc:west\tWestern world\tالغرب\ttest\n"
    "bloc:central-asia\tCentral Asia\tآسيا الوسطى\ttest\n";
constexpr const char* kOrgs =
    "id\tname_en\tar_names\tcountry\tsource\n"
    "org:csto\tCollective Security Treaty Organization\tمنظمة معاهدة الأمن "
    "الجماعي|معاهدة الأمن الجماعي\t\ttest\n";
constexpr const char* kPlaces =
    "id\tkind\tname_en\tar_names\tcountry\tsource\n"
    "place:astana\tCAPITAL\tAstana\tأستانا\tcountry:kaz\ttest\n"
    "place:asia\tCONTINENT\tAsia\tآسيا\t\ttest\n";
constexpr const char* kNisba =
    "ar\ttarget\tsource\n"
    "الروسي\tcountry:rus\ttest\n"
    "الروسية\tcountry:rus\ttest\n"
    "الكازاخية\tcountry:kaz\ttest\n"
    "الكازاخستاني\tcountry:kaz\ttest\n"
    "الأوزبكي\tcountry:uzb\ttest\n"
    "الصينية\tcountry:chn\ttest\n";

class Fixture {
 public:
  Fixture() {
    auto lex = text::Lexicon::Load(testing::DataDir());
    EXPECT_TRUE(lex.ok()) << lex.status().message();
    lexicon = lex.value();
    auto gaz = Gazetteer::FromTables({{"countries.tsv", kCountries},
                                      {"blocs.tsv", kBlocs},
                                      {"orgs.tsv", kOrgs},
                                      {"places.tsv", kPlaces},
                                      {"nisba.tsv", kNisba}},
                                     lexicon.get());
    EXPECT_TRUE(gaz.ok()) << gaz.status().message();
    auto titles = Titles::Load(testing::DataDir(), lexicon.get());
    EXPECT_TRUE(titles.ok()) << titles.status().message();
    auto translit = Transliterator::Load(testing::DataDir());
    EXPECT_TRUE(translit.ok()) << translit.status().message();
    extractor =
        std::make_unique<EntityExtractor>(lexicon, gaz.value(), titles.value(), translit.value());
  }
  Document Run(const std::string& text) const {
    Document d;
    d.text = text;
    text::Tokenize(d, *lexicon);
    extractor->Run(d);
    return d;
  }
  std::shared_ptr<const text::Lexicon> lexicon;
  std::unique_ptr<EntityExtractor> extractor;
};

const Fixture& F() {
  static const Fixture kFixture;
  return kFixture;
}

// "id=surface" for every ENTITY span, in text order.
std::vector<std::string> Mentions(const Document& d) {
  std::vector<std::string> out;
  for (const Span& s : d.spans) {
    if (s.label != "ENTITY") continue;
    out.push_back(*s.Attr("entity") + "=" + std::string(utf8::SubstrCp(d.text, s.start, s.end)));
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct Case {
  const char* name;
  const char* text;
  std::vector<std::string> mentions;  // sorted "id=surface"
};

TEST(ExtractEntities, Mentions) {
  const std::vector<Case> cases = {
      {"conjunction and preposition are cut",
       "وبكازاخستان احتياطيات ضخمة من اليورانيوم.",
       {"country:kaz=كازاخستان"}},
      {"fused lil drops the article as written",
       "صدّرت أستراليا القمح للصين هذا العام.",
       {"country:chn=صين"}},
      {"conjunction before the article keeps the article",
       "اتفقت موسكو والولايات المتحدة الأمريكية على التهدئة.",
       {"country:usa=الولايات المتحدة الأمريكية"}},
      {"longest match wins over the shorter name",
       "اجتمع قادة منظمة معاهدة الأمن الجماعي في أستانا.",
       {"org:csto=منظمة معاهدة الأمن الجماعي", "place:astana=أستانا"}},
      {"multiword bloc and a one-word place",
       "تتنافس القوى على آسيا الوسطى وعلى آسيا كلها.",
       {"bloc:central-asia=آسيا الوسطى", "place:asia=آسيا"}},
      {"nisba on a non-actor names the country",
       "أدى الغزو الروسي إلى موجة نزوح.",
       {"country:rus=الروسي"}},
      {"nisba after a generic body makes the country's body",
       "أعلنت الحكومة الكازاخية خطة جديدة للطاقة.",
       {"country:kaz=الكازاخية", "org:government-kaz=الحكومة الكازاخية"}},
      {"body located by في",
       "قالت وزارة الخارجية في أوزبكستان إن المحادثات مثمرة.",
       {"country:uzb=أوزبكستان", "org:ministry-of-foreign-affairs-uzb=وزارة الخارجية"}},
      {"capital acting for its state",
       "ترى أستانا أن الحياد يخدم مصالحها.",
       {"country:kaz=أستانا"}},
      {"the West needs its article",
       "أبحرت السفينة غرب الجزيرة ثم عادت إلى الغرب.",
       {"bloc:west=الغرب"}},
      {"no entity in ordinary words", "قال مصدر مطلع إن الاجتماع انتهى دون اتفاق.", {}},
      {"a generic body alone is no entity", "وافقت الحكومة على الميزانية بعد نقاش طويل.", {}},
  };
  for (const Case& c : cases) {
    Document d = F().Run(c.text);
    std::vector<std::string> want = c.mentions;
    std::sort(want.begin(), want.end());
    EXPECT_EQ(Mentions(d), want) << c.name << ": " << c.text;
  }
}

TEST(ExtractEntities, EntitiesCarryGazetteerFields) {
  Document d = F().Run("زار وفد من الصين كازاخستان ثم عاد إلى الصين.");
  ASSERT_EQ(d.entities.size(), 2u);
  EXPECT_EQ(d.entities[0].id, "country:chn");  // order of first mention
  EXPECT_EQ(d.entities[0].type, "COUNTRY");
  EXPECT_EQ(d.entities[0].name_en, "China");
  EXPECT_EQ(d.entities[0].wikidata, "Q148");
  EXPECT_EQ(d.entities[1].id, "country:kaz");
  EXPECT_EQ(Mentions(d).size(), 3u);
}

TEST(ExtractEntities, GazetteerRejectsUnknownType) {
  auto gaz = Gazetteer::FromTables(
      {{"orgs.tsv", "id\ttype\tname_en\tar_names\tsource\nx\tTHING\tX\tاكس\ttest\n"}}, nullptr);
  ASSERT_FALSE(gaz.ok());
  EXPECT_NE(gaz.status().message().find("orgs.tsv:2"), std::string::npos) << gaz.status().message();
}

TEST(ExtractEntities, BundledGazetteerLoads) {
  auto lex = text::Lexicon::Load(testing::DataDir());
  ASSERT_TRUE(lex.ok());
  auto ex = EntityExtractor::Load(testing::DataDir(), lex.value());
  ASSERT_TRUE(ex.ok()) << ex.status().message();
  EXPECT_GT((*ex)->gazetteer().names(), 500u);
  EXPECT_NE((*ex)->gazetteer().Find("country:kaz"), nullptr);
}

TEST(ExtractEntities, EmptyAndOddInputDoNotCrash) {
  for (const char* text : {"", "،،، !!!", "ال", "و", "12 34", "abc def"}) {
    Document d = F().Run(text);
    EXPECT_TRUE(d.entities.empty()) << text;
  }
}

}  // namespace
}  // namespace nufuz::extract
