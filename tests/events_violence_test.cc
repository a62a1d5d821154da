// Violence, protest and repression triggers (CAMEO roots 14, 17, 18, 19, 20)
// on sentences written for the project: verbs and their verbal nouns, with
// the actor in subject, genitive, nisba and agent (على يد / برصاص) position.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "events/events.h"
#include "events_fixture.h"
#include "test_util.h"
#include "text/text.h"

namespace nufuz::events {
namespace {

using fixture::Catalog;

using fixture::Coder;
using fixture::CpOf;
using fixture::Dump;
using fixture::Lex;
using fixture::Mark;

Document Build(const std::string& text, const std::vector<Mark>& entities) {
  return fixture::BuildDocument(text, Catalog(), {entities, {}, {}, nullptr});
}

struct Case {
  const char* name;
  const char* text;
  std::vector<Mark> entities;
  const char* code;    // expected CAMEO prefix (root or full code)
  const char* source;  // "" = none
  const char* target;  // "" = none
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.name;
}

class Violence : public ::testing::TestWithParam<Case> {};

TEST_P(Violence, CodesTheEvent) {
  const Case& c = GetParam();
  auto evs = Coder().Run(Build(c.text, c.entities));
  bool found = false;
  for (const auto& e : evs)
    found =
        found || (e.cameo.rfind(c.code, 0) == 0 && e.source == c.source && e.target == c.target);
  EXPECT_TRUE(found) << c.name << "\n" << Dump(evs);
}

const Case kCases[] = {
    {"173 arrest verb, object after the subject",
     "اعتقلت الشرطة قياديا بارزا في المعارضة مساء الأحد.",
     {{"الشرطة", "org:police"}, {"المعارضة", "org:opposition"}},
     "173",
     "org:police",
     "org:opposition"},
    {"173 arrest verbal noun with the agent in لـ and the object genitive",
     "أثار اعتقال الشرطة لأنصار المعارضة موجة من الانتقادات.",
     {{"الشرطة", "org:police"}, {"المعارضة", "org:opposition"}},
     "173",
     "org:police",
     "org:opposition"},
    {"173 arrest campaign noun (حملة اعتقالات) with ضد",
     "شنت الشرطة حملة اعتقالات واسعة ضد المعارضة.",
     {{"الشرطة", "org:police"}, {"المعارضة", "org:opposition"}},
     "173",
     "org:police",
     "org:opposition"},
    {"175 dispersing a crowd by force (فرّق), the crowd's organiser after ل",
     "فرقت الشرطة تظاهرة لأنصار المعارضة باستخدام الغاز المسيل للدموع.",
     {{"الشرطة", "org:police"}, {"المعارضة", "org:opposition"}},
     "175",
     "org:police",
     "org:opposition"},
    {"175 dispersal noun (تفريق) with the agent after it",
     "استنكرت المعارضة تفريق الشرطة للمحتجين بالقوة.",
     {{"المعارضة", "org:opposition"}, {"الشرطة", "org:police"}},
     "175",
     "org:police",
     ""},
    {"141 demonstration verb with ضد",
     "تظاهر أنصار المعارضة ضد روسيا أمام سفارتها.",
     {{"المعارضة", "org:opposition"}, {"روسيا", "country:rus"}},
     "141",
     "org:opposition",
     "country:rus"},
    {"141 protest noun with a genitive actor",
     "اتسعت احتجاجات المعارضة على الحكومة في طاجيكستان.",
     {{"المعارضة", "org:opposition"}, {"طاجيكستان", "country:tjk"}},
     "141",
     "org:opposition",
     ""},
    {"193 clash verb, symmetric with مع",
     "اشتبك الجيش مع مسلحي حركة التحرير قرب الحدود.",
     {{"الجيش", "org:army"}, {"حركة التحرير", "org:rebels"}},
     "193",
     "org:army",
     "org:rebels"},
    {"193 clash noun with بين X و Y",
     "اندلعت اشتباكات عنيفة بين الجيش وحركة التحرير.",
     {{"الجيش", "org:army"}, {"حركة التحرير", "org:rebels"}},
     "193",
     "org:army",
     "org:rebels"},
    {"19 kill verb with a direct object",
     "قتل الجيش خمسة من عناصر حركة التحرير في كمين.",
     {{"الجيش", "org:army"}, {"حركة التحرير", "org:rebels"}},
     "19",
     "org:army",
     "org:rebels"},
    {"19 killing noun مقتل, the killed after من, the killer after برصاص",
     "أدى الكمين إلى مقتل خمسة من عناصر حركة التحرير برصاص الجيش.",
     {{"حركة التحرير", "org:rebels"}, {"الجيش", "org:army"}},
     "19",
     "org:army",
     "org:rebels"},
    {"19 killing noun مقتل with the killer after على يد",
     "تحدثت التقارير عن مقتل قيادي في حركة التحرير على يد الجيش.",
     {{"حركة التحرير", "org:rebels"}, {"الجيش", "org:army"}},
     "19",
     "org:army",
     "org:rebels"},
    {"01 a statement's VSO subject is not replaced by a later على يد agent",
     "أعلنت حركة التحرير مقتل ثلاثة من مقاتليها على يد الجيش.",
     {{"حركة التحرير", "org:rebels"}, {"الجيش", "org:army"}},
     "010",
     "org:rebels",
     ""},
    {"190 attack verb with a direct object",
     "هاجمت حركة التحرير مواقع الجيش فجر اليوم.",
     {{"حركة التحرير", "org:rebels"}, {"الجيش", "org:army"}},
     "190",
     "org:rebels",
     "org:army"},
    {"190 attack noun with على and a nisba actor",
     "أسفر هجوم روسي على خاركيف عن أضرار كبيرة.",
     {{"روسي", "country:rus#nisba"}, {"خاركيف", "place:kharkiv"}},
     "190",
     "country:rus",
     "place:kharkiv"},
    {"194 shelling verb",
     "قصفت روسيا مدينة خاركيف طوال الليل.",
     {{"روسيا", "country:rus"}, {"خاركيف", "place:kharkiv"}},
     "194",
     "country:rus",
     "place:kharkiv"},
    {"194 shelling noun with a nisba actor and على",
     "تضررت محطة كهرباء في قصف روسي على خاركيف.",
     {{"روسي", "country:rus#nisba"}, {"خاركيف", "place:kharkiv"}},
     "194",
     "country:rus",
     "place:kharkiv"},
    {"183 bombing verb (فجّر) with a direct object",
     "فجرت حركة التحرير خط أنابيب تابعا لتركيا.",
     {{"حركة التحرير", "org:rebels"}, {"تركيا", "country:tur"}},
     "183",
     "org:rebels",
     "country:tur"},
    {"186 assassination verb",
     "اغتالت حركة التحرير ضابطا كبيرا في الجيش.",
     {{"حركة التحرير", "org:rebels"}, {"الجيش", "org:army"}},
     "186",
     "org:rebels",
     "org:army"},
    {"19 injuring verb (أصاب) with a direct object",
     "أصابت نيران حركة التحرير جنودا من الجيش.",
     {{"حركة التحرير", "org:rebels"}, {"الجيش", "org:army"}},
     "19",
     "org:rebels",
     "org:army"},
    {"181 abduction verb",
     "خطفت حركة التحرير مهندسين أتراكا يعملون لتركيا.",
     {{"حركة التحرير", "org:rebels"}, {"تركيا", "country:tur"}},
     "181",
     "org:rebels",
     "country:tur"},
    {"193 opening fire (أطلق النار على)",
     "أطلقت الشرطة النار على أنصار المعارضة.",
     {{"الشرطة", "org:police"}, {"المعارضة", "org:opposition"}},
     "193",
     "org:police",
     "org:opposition"},
    {"193 the noun إطلاق النار, the agent in the genitive, after a verb of condemnation",
     "نددت المعارضة بإطلاق الشرطة النار على أنصار حركة التحرير.",
     {{"المعارضة", "org:opposition"}, {"الشرطة", "org:police"}, {"حركة التحرير", "org:rebels"}},
     "193",
     "org:police",
     "org:rebels"},
    {"194 a condemned act of force is coded too (القصف with the article is a noun)",
     "أدانت تركيا القصف الروسي على خاركيف.",
     {{"تركيا", "country:tur"}, {"الروسي", "country:rus#nisba"}, {"خاركيف", "place:kharkiv"}},
     "194",
     "country:rus",
     "place:kharkiv"},
    {"111 ... and the condemnation itself",
     "أدانت تركيا القصف الروسي على خاركيف.",
     {{"تركيا", "country:tur"}, {"الروسي", "country:rus#nisba"}, {"خاركيف", "place:kharkiv"}},
     "11",
     "country:tur",
     "country:rus"},
    {"194 a nisba on the attacked object names the target (مواقع أوكرانية)",
     "قصفت القوات الروسية مواقع أوكرانية قرب الحدود.",
     {{"الروسية", "country:rus#nisba"}, {"أوكرانية", "country:ukr#nisba"}},
     "194",
     "country:rus",
     "country:ukr"},
    {"193 clashing with protesters who belong to an actor (مع محتجين من X)",
     "اشتبكت الشرطة مع محتجين من المعارضة في العاصمة.",
     {{"الشرطة", "org:police"}, {"المعارضة", "org:opposition"}},
     "193",
     "org:police",
     "org:opposition"},
    {"190 shooting down (إسقاط) a drone, the doer the subject of the announcing verb",
     "أعلنت أوكرانيا إسقاط طائرة مسيرة روسية فوق خاركيف.",
     {{"أوكرانيا", "country:ukr"}, {"روسية", "country:rus#nisba"}, {"خاركيف", "place:kharkiv"}},
     "190",
     "country:ukr",
     "country:rus"},
    {"186 the victim's nisba on the genitive is the object; the condemner is not the doer",
     "أدانت تركيا اغتيال السفير الروسي في أنقرة.",
     {{"تركيا", "country:tur"}, {"الروسي", "country:rus#nisba"}},
     "186",
     "",
     "country:rus"},
};

INSTANTIATE_TEST_SUITE_P(Events, Violence, ::testing::ValuesIn(kCases));

// A number right after a verb of force counts its victims (a passive or a
// dropped subject): they are not its subject.
TEST(Violence, CountedVictimsAreNoSubject) {
  const std::string text = "قتل ثلاثة جنود أوكرانيين في قصف روسي على خاركيف.";
  Document d = Build(text, {{"أوكرانيين", "country:ukr#nisba"},
                            {"روسي", "country:rus#nisba"},
                            {"خاركيف", "place:kharkiv"}});
  std::size_t at = text.find("ثلاثة جنود");
  d.spans.push_back(Span{CpOf(text, at),
                         CpOf(text, at + std::string("ثلاثة جنود").size()),
                         "QUANTITY",
                         {{"value", "3"}, {"unit", "troops"}}});
  auto evs = Coder().Run(d);
  bool shelling = false;
  for (const auto& e : evs) {
    EXPECT_NE(e.source, "country:ukr") << Dump(evs);
    shelling = shelling || (e.cameo == "194" && e.source == "country:rus");
  }
  EXPECT_TRUE(shelling) << Dump(evs);
}

// Protesters that force is used against are its victims, not a protest.
TEST(Violence, ProtestersUnderForceAreNoProtest) {
  auto evs = Coder().Run(Build("اشتبكت الشرطة مع محتجين من المعارضة في العاصمة.",
                               {{"الشرطة", "org:police"}, {"المعارضة", "org:opposition"}}));
  for (const auto& e : evs) EXPECT_NE(e.cameo.substr(0, 2), "14") << Dump(evs);
}

// Words of force inside other events must not code force.
struct NoCase {
  const char* name;
  const char* text;
  std::vector<Mark> entities;
  const char* root;  // no event of this root may be coded
};

void PrintTo(const NoCase& c, std::ostream* os) {
  *os << c.name;
}

class NotViolence : public ::testing::TestWithParam<NoCase> {};

TEST_P(NotViolence, CodesNoForce) {
  const NoCase& c = GetParam();
  auto evs = Coder().Run(Build(c.text, c.entities));
  for (const auto& e : evs) EXPECT_NE(e.cameo.substr(0, 2), c.root) << c.name << "\n" << Dump(evs);
}

const NoCase kNoCases[] = {
    {"a ceasefire (وقف إطلاق النار) is no firing",
     "أعلنت روسيا وأوكرانيا وقف إطلاق النار في خاركيف.",
     {{"روسيا", "country:rus"}, {"أوكرانيا", "country:ukr"}, {"خاركيف", "place:kharkiv"}},
     "19"},
    {"releasing prisoners (أطلق سراح) is no firing",
     "أطلقت روسيا سراح صحفي من أوكرانيا.",
     {{"روسيا", "country:rus"}, {"أوكرانيا", "country:ukr"}},
     "19"},
    {"launching an initiative (إطلاق مبادرة) is no firing",
     "رحبت تركيا بإطلاق إيران مبادرة للحوار مع روسيا.",
     {{"تركيا", "country:tur"}, {"إيران", "country:irn"}, {"روسيا", "country:rus"}},
     "19"},
    {"hitting a target of growth (أصاب هدفا) is no wounding",
     "أصابت تركيا هدفها في النمو بفضل التجارة مع روسيا.",
     {{"تركيا", "country:tur"}, {"روسيا", "country:rus"}},
     "19"},
    {"a split in the opposition (تفرق) codes no repression",
     "تفرقت المعارضة بعد خلافات حول الموقف من روسيا.",
     {{"المعارضة", "org:opposition"}, {"روسيا", "country:rus"}},
     "17"},
};

INSTANTIATE_TEST_SUITE_P(Events, NotViolence, ::testing::ValuesIn(kNoCases));

}  // namespace
}  // namespace nufuz::events
