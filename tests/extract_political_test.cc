// Entities of general political news with the bundled gazetteer: heads of
// state and ministers, armed groups and national bodies, the ambiguous name
// عمان (Oman or Amman) and مالي (Mali or "financial") decided by context, nisba plurals and
// accusatives as mentions of a country, and ordinary words that must stay no entity. The sentences
// are our own.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/utf8.h"
#include "extract/entities.h"
#include "test_util.h"
#include "text/text.h"

namespace nufuz::extract {
namespace {

struct Bundled {
  Bundled() {
    auto lex = text::Lexicon::Load(testing::DataDir());
    EXPECT_TRUE(lex.ok()) << lex.status().message();
    lexicon = lex.value();
    auto ex = EntityExtractor::Load(testing::DataDir(), lexicon);
    EXPECT_TRUE(ex.ok()) << ex.status().message();
    extractor = ex.value();
  }
  Document Run(const std::string& text) const {
    Document d;
    d.text = text;
    text::Tokenize(d, *lexicon);
    extractor->Run(d);
    return d;
  }
  std::shared_ptr<const text::Lexicon> lexicon;
  std::shared_ptr<const EntityExtractor> extractor;
};

const Bundled& B() {
  static const Bundled kBundled;
  return kBundled;
}

// Surfaces of the mentions of `id`, in text order.
std::vector<std::string> Surfaces(const Document& d, const std::string& id) {
  std::vector<std::string> out;
  for (const Span& s : d.spans)
    if (s.label == "ENTITY" && *s.Attr("entity") == id)
      out.emplace_back(utf8::SubstrCp(d.text, s.start, s.end));
  return out;
}

bool HasEntity(const Document& d, const std::string& id) {
  for (const Entity& e : d.entities)
    if (e.id == id) return true;
  return false;
}

std::string TypeOf(const Document& d, const std::string& id) {
  for (const Entity& e : d.entities)
    if (e.id == id) return e.type;
  return "";
}

struct Case {
  const char* name;
  const char* text;
  const char* id;       // entity that must be found
  const char* surface;  // one of its mentions ("" = any)
  const char* type;     // its type ("" = any)
};

void Check(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    Document d = B().Run(c.text);
    ASSERT_TRUE(HasEntity(d, c.id)) << c.name << ": " << c.text;
    if (*c.type) {
      EXPECT_EQ(TypeOf(d, c.id), c.type) << c.name;
    }
    if (*c.surface) {
      auto s = Surfaces(d, c.id);
      EXPECT_NE(std::find(s.begin(), s.end(), c.surface), s.end())
          << c.name << ": no mention '" << c.surface << "'";
    }
  }
}

TEST(ExtractPolitical, LeadersAndMinisters) {
  Check({
      {"Egyptian president by surname", "استقبل السيسي في القاهرة وفدا من رجال الأعمال.",
       "person:abdel-fattah-el-sisi", "السيسي", "PERSON"},
      {"Israeli prime minister after a title",
       "رفض رئيس الوزراء الإسرائيلي بنيامين نتنياهو المقترح الجديد.", "person:benjamin-netanyahu",
       "بنيامين نتنياهو", "PERSON"},
      {"Saudi crown prince by his short name", "وبحث بن سلمان مع ضيفه ملف الطاقة.",
       "person:mohammed-bin-salman", "بن سلمان", "PERSON"},
      {"a brother is not the crown prince", "والتقى خالد بن سلمان قائد القيادة المركزية.",
       "person:khalid-bin-salman", "خالد بن سلمان", "PERSON"},
      {"Algerian president", "وأصدر تبون مرسوما بتعديل الحكومة.", "person:abdelmadjid-tebboune",
       "تبون", "PERSON"},
      {"Tunisian president, two words", "وأقال الرئيس قيس سعيد وزير الداخلية.", "person:kais-saied",
       "قيس سعيد", "PERSON"},
      {"British prime minister with a clitic", "واتصل ستارمر بنظيره الفرنسي مساء الجمعة.",
       "person:keir-starmer", "ستارمر", "PERSON"},
      {"German chancellor", "وقال ميرتس إن برلين ستزيد إنفاقها الدفاعي.", "person:friedrich-merz",
       "ميرتس", "PERSON"},
      {"Pakistani prime minister", "وصل شهباز شريف إلى بكين في زيارة رسمية.",
       "person:shehbaz-sharif", "شهباز شريف", "PERSON"},
      {"Iranian foreign minister", "وأجرى عراقجي اتصالا بنظيره العماني.", "person:abbas-araghchi",
       "عراقجي", "PERSON"},
      {"Jordanian foreign minister with article surname", "وحذر الصفدي من انهيار الهدنة في القطاع.",
       "person:ayman-safadi", "الصفدي", "PERSON"},
      {"Syrian president", "والتقى أحمد الشرع وفدا أوروبيا في دمشق.", "person:ahmed-al-sharaa",
       "أحمد الشرع", "PERSON"},
      {"Sudanese army chief", "وأعلن البرهان رفضه للهدنة المقترحة.",
       "person:abdel-fattah-al-burhan", "البرهان", "PERSON"},
      {"Spanish prime minister", "ودعا سانشيز إلى الاعتراف بالدولة الفلسطينية.",
       "person:pedro-sanchez", "سانشيز", "PERSON"},
      {"Brazilian president, long name", "وانتقد لولا دا سيلفا الرسوم الجمركية الجديدة.",
       "person:lula-da-silva", "لولا دا سيلفا", "PERSON"},
  });
}

TEST(ExtractPolitical, ArmedGroupsAndBodies) {
  Check({
      {"Hamas with a conjunction", "ورفضت حماس الشروط الإسرائيلية.", "org:hamas", "حماس", "ORG"},
      {"Hezbollah", "وأطلق حزب الله صواريخ على الجليل.", "org:hezbollah", "حزب الله", "ORG"},
      {"Kataib Hezbollah is the longer name", "وتبنت كتائب حزب الله الهجوم على القاعدة.",
       "org:kataib-hezbollah", "كتائب حزب الله", "ORG"},
      {"Houthis by their movement's name", "وهددت جماعة أنصار الله باستهداف السفن.", "org:houthis",
       "جماعة أنصار الله", "ORG"},
      {"Houthis as a plural", "وقال الحوثيون إنهم أسقطوا طائرة مسيرة.", "org:houthis", "الحوثيون",
       "ORG"},
      {"RSF", "وسيطرت قوات الدعم السريع على مدينة الفاشر.", "org:rsf", "قوات الدعم السريع", "ORG"},
      {"HTS", "وكانت هيئة تحرير الشام تسيطر على إدلب.", "org:hts", "هيئة تحرير الشام", "ORG"},
      {"IRGC", "وأعلن الحرس الثوري إجراء مناورات في الخليج.", "org:irn-irgc", "الحرس الثوري",
       "ORG"},
      {"Israeli army", "وقصف الجيش الإسرائيلي منزلا في رفح.", "org:isr-idf", "الجيش الإسرائيلي",
       "ORG"},
      {"Israeli army as the occupation army", "واقتحم جيش الاحتلال مخيم جنين فجرا.", "org:isr-idf",
       "جيش الاحتلال", "ORG"},
      {"Sudanese army", "واستعاد الجيش السوداني السيطرة على الخرطوم.", "org:sdn-saf",
       "الجيش السوداني", "ORG"},
      {"the article fused after ل in a word the tokeniser keeps whole",
       "ودعا الأمين العام للأمم المتحدة إلى وقف القتال.", "org:un", "للأمم المتحدة", "ORG"},
      {"a city new to the gazetteer", "ونزح الآلاف من خان يونس إلى الجنوب.", "place:khan-yunis",
       "خان يونس", "PLACE"},
      {"police qualified by a nisba", "واعتقلت الشرطة الفرنسية ناشطين قرب البرلمان.",
       "org:police-fra", "الشرطة الفرنسية", "ORG"},
      {"security forces qualified by a nisba", "وفرقت قوات الأمن التونسية المحتجين.",
       "org:security-forces-tun", "", "ORG"},
      {"a ministry named by its function", "وقالت وزارة الصحة اللبنانية إن المستشفى تضرر.",
       "org:ministry-of-health-lbn", "", "ORG"},
  });
}

TEST(ExtractPolitical, OmanOrAmman) {
  Check({
      {"the capital cue, with a nisba between", "وصل الوفد إلى العاصمة الأردنية عمان مساء أمس.",
       "place:amman", "عمان", "PLACE"},
      {"a dateline names the city", "عمان - أعلنت الحكومة الأردنية خطة جديدة للمياه.",
       "place:amman", "عمان", "PLACE"},
      {"the sultanate by its full name", "ووقعت سلطنة عمان اتفاقا للملاحة مع الهند.", "country:omn",
       "سلطنة عمان", "COUNTRY"},
      {"Muscat in the document supports Oman",
       "استضافت مسقط جولة جديدة من المحادثات، وقالت عمان إن الطرفين أحرزا تقدما.", "country:omn",
       "عمان", "COUNTRY"},
      {"Gulf states in the document support Oman",
       "اجتمع وزراء دول الخليج في الرياض بحضور قطر والكويت وعمان.", "country:omn", "عمان",
       "COUNTRY"},
      {"Jordan in the document supports Amman",
       "زار الوزير الأردن هذا الأسبوع، وعقد في عمان لقاءات مع المسؤولين.", "place:amman", "عمان",
       "PLACE"},
      {"no cue: the first reading of ambiguous.tsv", "وقال المتحدث إن عمان تتابع التطورات عن كثب.",
       "country:omn", "عمان", "COUNTRY"},
  });
  // One reading per document when only document evidence decides.
  Document d = B().Run("زار الوزير الأردن، وفي عمان التقى رئيس الوزراء.");
  EXPECT_FALSE(HasEntity(d, "country:omn"));
}

TEST(ExtractPolitical, MaliOrFinancial) {
  Check({
      {"after a preposition", "وانسحبت القوات الفرنسية من مالي بعد عقد من الوجود.", "country:mli",
       "مالي", "COUNTRY"},
      {"after another state", "وأعلنت النيجر ومالي تشكيل تحالف جديد.", "country:mli", "مالي",
       "COUNTRY"},
      {"after a title in construct", "واستقبل رئيس مالي وفدا من المنظمة.", "country:mli", "مالي",
       "COUNTRY"},
      {"its capital in the document", "وقال المجلس العسكري في باماكو إن مالي لن تتراجع.",
       "country:mli", "مالي", "COUNTRY"},
  });
  for (const char* t : {"وقدمت الدول المانحة دعم مالي كبير للحكومة.",
                        "ويعاني القطاع من عجز مالي متزايد منذ سنوات."})
    EXPECT_FALSE(HasEntity(B().Run(t), "country:mli")) << t;
}

TEST(ExtractPolitical, NisbaPluralsAndAccusatives) {
  Check({
      {"broken plural", "قتل جنود روس في هجوم على موقعهم.", "country:rus", "روس", "COUNTRY"},
      {"sound plural, genitive", "وطردت الحكومة دبلوماسيين بريطانيين.", "country:gbr", "بريطانيين",
       "COUNTRY"},
      {"sound plural, nominative", "وقال مسؤولون أمريكيون إن المحادثات توقفت.", "country:usa",
       "أمريكيون", "COUNTRY"},
      {"generated sound plural", "وأصيب جنود لبنانيون في القصف.", "country:lbn", "لبنانيون",
       "COUNTRY"},
      {"generated plural with the article", "وانتقد المسؤولون الأردنيون القرار.", "country:jor",
       "الأردنيون", "COUNTRY"},
      {"accusative singular", "واعتقلت الشرطة صحفيا فرنسيا في المدينة.", "country:fra", "فرنسيا",
       "COUNTRY"},
      {"accusative singular of a Gulf nisba", "وعينت الحكومة سفيرا قطريا جديدا.", "country:qat",
       "قطريا", "COUNTRY"},
      {"a nisba after a thing still names the country", "وارتفعت أسعار الغاز الروسي.",
       "country:rus", "الروسي", "COUNTRY"},
  });
}

TEST(ExtractPolitical, OrdinaryWordsStayOrdinary) {
  struct Neg {
    const char* name;
    const char* text;
    const char* id;  // must not be found
  };
  const std::vector<Neg> cases = {
      {"how is not Kyiv", "لا أحد يعرف كيف ستنتهي الحرب.", "place:kyiv"},
      {"the lion's share is no Assad", "وذهبت حصة الأسد من العقود إلى الشركات المحلية.",
       "person:bashar-al-assad"},
      {"a verb of opening is not Fatah", "فتح المعبر أبوابه أمام المساعدات.", "org:fatah"},
      {"youth is not al-Shabaab", "ويعاني الشباب من البطالة.", "org:al-shabaab"},
  };
  for (const Neg& c : cases) {
    Document d = B().Run(c.text);
    EXPECT_FALSE(HasEntity(d, c.id)) << c.name << ": " << c.text;
  }
  // A word of time after a given name is no family name, even when it also
  // follows a reporting verb.
  for (const char* t : {"وقال ديفيد أمس إن المحادثات ستستأنف. وأضاف أمس أن الوفد سيعود.",
                        "التقى مايكل عام 2019 بالرئيس. وقال عام 2020 إنه سيستقيل."}) {
    std::size_t people = 0;
    for (const Entity& e : B().Run(t).entities) people += e.type == "PERSON";
    EXPECT_EQ(people, 0u) << t;
  }
  // A protest against a leader's words: the leader is the person, the words
  // and the protest are nobody.
  Document d = B().Run("خرج آلاف المتظاهرين احتجاجا على تصريحات ماكرون الأخيرة.");
  EXPECT_EQ(Surfaces(d, "person:emmanuel-macron"), (std::vector<std::string>{"ماكرون"}));
  std::size_t people = 0;
  for (const Entity& e : d.entities) people += e.type == "PERSON";
  EXPECT_EQ(people, 1u);
}

}  // namespace
}  // namespace nufuz::extract
