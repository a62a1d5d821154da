// Event coding on sentences written for the project. Documents are built by
// hand: the text is tokenised by the text stage and the entity, date and
// quantity spans are added here, as the extract stage would add them.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
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

// The entities the test sentences name.

using fixture::Coder;
using fixture::CpOf;
using fixture::Dump;
using fixture::Lex;
using fixture::Mark;

Document Build(const std::string& text, const std::vector<Mark>& entities,
               const std::vector<Mark>& dates = {}, const std::vector<Mark>& quantities = {},
               const char* published = nullptr) {
  return fixture::BuildDocument(text, Catalog(), {entities, dates, quantities, published});
}

// Adds a span over the n-th occurrence of `surface` (0-based).
bool AddSpan(Document& d, const std::string& surface, std::string label, Attrs attrs, int nth = 0) {
  std::size_t at = d.text.find(surface);
  while (at != std::string::npos && nth-- > 0) at = d.text.find(surface, at + 1);
  if (at == std::string::npos) return false;
  Span sp{CpOf(d.text, at), CpOf(d.text, at + surface.size()), std::move(label), std::move(attrs)};
  d.spans.push_back(std::move(sp));
  return true;
}

const Event* FindEvent(const std::vector<Event>& evs, const std::string& code,
                       const std::string& source, const std::string& target) {
  for (const auto& e : evs)
    if (e.cameo.rfind(code, 0) == 0 && e.source == source && e.target == target) return &e;
  return nullptr;
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

struct Case {
  const char* name;  // the pattern family
  const char* text;
  std::vector<Mark> entities;
  const char* code;           // expected CAMEO prefix (root or full code)
  const char* source;         // "" = none
  const char* target;         // "" = none
  const char* modality = "";  // a modality the event must carry, "" = none required
  bool negated = false;
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.name;
}

class Families : public ::testing::TestWithParam<Case> {};

TEST_P(Families, CodesTheEvent) {
  const Case& c = GetParam();
  Document d = Build(c.text, c.entities);
  auto evs = Coder().Run(d);
  const Event* e = FindEvent(evs, c.code, c.source, c.target);
  ASSERT_NE(e, nullptr) << c.name << "\n" << Dump(evs);
  if (*c.modality) {
    EXPECT_TRUE(Has(e->modality, c.modality)) << c.name << "\n" << Dump(evs);
  }
  EXPECT_EQ(e->negated, c.negated) << c.name;
  EXPECT_EQ(e->cameo.size() == 3 || e->cameo.size() == 2, true);
  EXPECT_GE(e->confidence, 0.0);
  EXPECT_LE(e->confidence, 1.0);
  EXPECT_LT(e->trigger_start, e->trigger_end);
  EXPECT_LE(e->evidence_start, e->trigger_start);
  EXPECT_GE(e->evidence_end, e->trigger_end);
}

// One case per pattern family; together they cover every CAMEO root 01-20.
const Case kCases[] = {
    {"01 reported speech: statement by the speaker when the clause codes no event",
     "قال بوتين إن الطقس في الصين كان باردا.",
     {{"بوتين", "person:putin"}, {"الصين", "country:chn"}},
     "010",
     "person:putin",
     ""},
    {"03 reported speech: embedded clause attributed to the speaker",
     "قال بوتين إن بلاده ستعزز التعاون مع الصين.",
     {{"بوتين", "person:putin"}, {"الصين", "country:chn"}},
     "03",
     "person:putin",
     "country:chn",
     "reported"},
    {"02 appeal with direct object",
     "دعا الاتحاد الأوروبي روسيا إلى الحوار مع جيرانها.",
     {{"الاتحاد الأوروبي", "org:eu"}, {"روسيا", "country:rus"}},
     "026",
     "org:eu",
     "country:rus"},
    {"03 intent verb governs a signing",
     "تعتزم الصين توقيع اتفاقية جديدة مع كازاخستان.",
     {{"الصين", "country:chn"}, {"كازاخستان", "country:kaz"}},
     "03",
     "country:chn",
     "country:kaz",
     "intent"},
    {"04 visit VSO, a place stays a place when its country is not named",
     "زار بوتين دوشنبه يوم الخميس.",
     {{"بوتين", "person:putin"}, {"دوشنبه", "place:dushanbe"}},
     "042",
     "person:putin",
     "place:dushanbe"},
    {"04 visit VSO, place resolved to its country when the country is named",
     "زار بوتين دوشنبه عاصمة طاجيكستان.",
     {{"بوتين", "person:putin"}, {"دوشنبه", "place:dushanbe"}, {"طاجيكستان", "country:tjk"}},
     "042",
     "person:putin",
     "country:tjk"},
    {"04 future visit (sa- prefix)",
     "سيزور الرئيس الصيني كازاخستان الشهر المقبل.",
     {{"الصيني", "country:chn"}, {"كازاخستان", "country:kaz"}},
     "042",
     "country:chn",
     "country:kaz",
     "future"},
    {"04 visit noun with genitive actor and إلى",
     "أثارت زيارة بوتين إلى طاجيكستان اهتماما واسعا.",
     {{"بوتين", "person:putin"}, {"طاجيكستان", "country:tjk"}},
     "042",
     "person:putin",
     "country:tjk"},
    {"04 light verb قام ب + noun, subject before the noun",
     "قام توكاييف، رئيس كازاخستان، برحلة إلى أوزبكستان.",
     {{"توكاييف", "person:tokayev"}, {"كازاخستان", "country:kaz"}, {"أوزبكستان", "country:uzb"}},
     "042",
     "person:tokayev",
     "country:uzb"},
    {"05 SVO signing of an agreement",
     "روسيا وقعت اتفاقا مع الصين حول الغاز.",
     {{"روسيا", "country:rus"}, {"الصين", "country:chn"}},
     "057",
     "country:rus",
     "country:chn"},
    {"05 praise with ب",
     "أشاد توكاييف بموقف الصين.",
     {{"توكاييف", "person:tokayev"}, {"الصين", "country:chn"}},
     "051",
     "person:tokayev",
     "country:chn"},
    {"06 material cooperation with مع",
     "تتعاون كازاخستان مع الصين في مجال الطاقة.",
     {{"كازاخستان", "country:kaz"}, {"الصين", "country:chn"}},
     "060",
     "country:kaz",
     "country:chn"},
    {"07 sending relief (cue consumed)",
     "أرسلت كازاخستان مساعدات إنسانية إلى أوكرانيا.",
     {{"كازاخستان", "country:kaz"}, {"أوكرانيا", "country:ukr"}},
     "073",
     "country:kaz",
     "country:ukr"},
    {"08 withdrawal, nisba subject",
     "انسحبت القوات الروسية من أوكرانيا.",
     {{"الروسية", "country:rus"}, {"أوكرانيا", "country:ukr"}},
     "087",
     "country:rus",
     "country:ukr"},
    {"09 investigation noun",
     "فتحت الأمم المتحدة تحقيقا في انتهاكات حقوق الإنسان.",
     {{"الأمم المتحدة", "org:un"}},
     "090",
     "org:un",
     ""},
    {"10 demand that the target yields",
     "طالبت أوكرانيا روسيا بالانسحاب الكامل.",
     {{"أوكرانيا", "country:ukr"}, {"روسيا", "country:rus"}},
     "105",
     "country:ukr",
     "country:rus"},
    {"11 criticism VSO",
     "انتقدت الصين الولايات المتحدة بشدة.",
     {{"الصين", "country:chn"}, {"الولايات المتحدة", "country:usa"}},
     "111",
     "country:chn",
     "country:usa"},
    {"12 negated support becomes a refusal",
     "لم تؤيد كازاخستان روسيا في حملتها.",
     {{"كازاخستان", "country:kaz"}, {"روسيا", "country:rus"}},
     "12",
     "country:kaz",
     "country:rus",
     "refusal"},
    {"12 negated accession in reported speech, speaker stands for his country",
     "قال توكاييف إن كازاخستان لن تنضم إلى الاتحاد الأوروبي.",
     {{"توكاييف", "person:tokayev"}, {"كازاخستان", "country:kaz"}, {"الاتحاد الأوروبي", "org:eu"}},
     "12",
     "person:tokayev",
     "org:eu",
     "reported"},
    {"13 threat of sanctions (sanction noun is the cue, not an event)",
     "هددت الولايات المتحدة إيران بفرض عقوبات جديدة.",
     {{"الولايات المتحدة", "country:usa"}, {"إيران", "country:irn"}},
     "131",
     "country:usa",
     "country:irn"},
    {"14 protest noun with ضد",
     "خرجت مظاهرات حاشدة ضد روسيا.",
     {{"روسيا", "country:rus"}},
     "141",
     "",
     "country:rus"},
    {"15 deployment of troops",
     "نشرت روسيا قوات إضافية قرب الحدود مع أوكرانيا.",
     {{"روسيا", "country:rus"}, {"أوكرانيا", "country:ukr"}},
     "154",
     "country:rus",
     ""},
    {"16 sanctions with على",
     "فرض الاتحاد الأوروبي عقوبات جديدة على روسيا.",
     {{"الاتحاد الأوروبي", "org:eu"}, {"روسيا", "country:rus"}},
     "163",
     "org:eu",
     "country:rus"},
    {"16 coordinated subject: first actor",
     "الولايات المتحدة وبريطانيا فرضتا عقوبات على روسيا.",
     {{"الولايات المتحدة", "country:usa"}, {"بريطانيا", "country:gbr"}, {"روسيا", "country:rus"}},
     "163",
     "country:usa",
     "country:rus"},
    {"16 coordinated subject: second actor",
     "الولايات المتحدة وبريطانيا فرضتا عقوبات على روسيا.",
     {{"الولايات المتحدة", "country:usa"}, {"بريطانيا", "country:gbr"}, {"روسيا", "country:rus"}},
     "163",
     "country:gbr",
     "country:rus"},
    {"17 ban (the banned noun is the object)",
     "حظرت حكومة طاجيكستان المظاهرات في العاصمة.",
     {{"طاجيكستان", "country:tjk"}},
     "172",
     "country:tjk",
     ""},
    {"18 assassination of a nisba target",
     "اغتال مسلحون السفير الروسي في أنقرة.",
     {{"الروسي", "country:rus"}, {"أنقرة", "place:ankara"}},
     "186",
     "",
     "country:rus"},
    {"19 air strikes on a city",
     "شنت روسيا غارات جوية على مدينة خاركيف.",
     {{"روسيا", "country:rus"}, {"خاركيف", "place:kharkiv"}},
     "195",
     "country:rus",
     "place:kharkiv"},
    {"19 passive with من قبل",
     "قصفت مدينة خاركيف من قبل القوات الروسية.",
     {{"خاركيف", "place:kharkiv"}, {"الروسية", "country:rus"}},
     "194",
     "country:rus",
     "place:kharkiv",
     "passive"},
    {"20 weapons of mass destruction",
     "استخدمت سوريا أسلحة كيميائية ضد المدنيين.",
     {{"سوريا", "country:syr"}},
     "204",
     "country:syr",
     ""},
    {"04 symmetric meeting with coordinated subject",
     "التقى بوتين ورحمن في دوشنبه.",
     {{"بوتين", "person:putin"}, {"رحمن", "person:rahmon"}, {"دوشنبه", "place:dushanbe"}},
     "040",
     "person:rahmon",
     "person:putin"},
    {"19 negated attack is flagged, not recoded",
     "لم تهاجم روسيا أوكرانيا أمس.",
     {{"روسيا", "country:rus"}, {"أوكرانيا", "country:ukr"}},
     "190",
     "country:rus",
     "country:ukr",
     "negated",
     true},
    {"19 hypothetical attack",
     "إذا هاجمت روسيا أوكرانيا فإن العقوبات ستشتد.",
     {{"روسيا", "country:rus"}, {"أوكرانيا", "country:ukr"}},
     "190",
     "country:rus",
     "country:ukr",
     "hypothetical"},
    // Round 3 pattern families.
    {"07 help (verb), refused in reported speech",
     "قال رحمن إن طاجيكستان لن تساعد إيران على تجاوز الحظر.",
     {{"رحمن", "person:rahmon"}, {"طاجيكستان", "country:tjk"}, {"إيران", "country:irn"}},
     "12",
     "person:rahmon",
     "country:irn",
     "refusal"},
    {"04 take part in a summit (cue after a long subject)",
     "وشارك الرئيس الكازاخستاني، قاسم جومارت توكاييف، في قمة الاتحاد الأوروبي.",
     {{"قاسم جومارت توكاييف", "person:tokayev"}, {"الاتحاد الأوروبي", "org:eu"}},
     "044",
     "person:tokayev",
     "org:eu"},
    {"05 congratulate",
     "هنأ أردوغان رئيس أوزبكستان بفوزه في الانتخابات.",
     {{"أوزبكستان", "country:uzb"}, {"أردوغان", "country:tur"}},
     "051",
     "country:tur",
     "country:uzb"},
    {"04 telephone (hātaf)",
     "هاتف بوتين توكاييف مساء الأحد.",
     {{"بوتين", "person:putin"}, {"توكاييف", "person:tokayev"}},
     "041",
     "person:putin",
     "person:tokayev"},
    {"13 vow retaliation",
     "توعدت إيران الولايات المتحدة بالرد على الهجوم.",
     {{"إيران", "country:irn"}, {"الولايات المتحدة", "country:usa"}},
     "138",
     "country:irn",
     "country:usa"},
    {"14 organise a protest",
     "نظم معارضون وقفة احتجاجية أمام سفارة روسيا.",
     {{"روسيا", "country:rus"}},
     "141",
     "",
     "country:rus"},
    {"16 freeze assets",
     "جمدت بريطانيا أصول روسيا في مصارفها.",
     {{"بريطانيا", "country:gbr"}, {"روسيا", "country:rus"}},
     "163",
     "country:gbr",
     "country:rus"},
    {"16 withdraw the ambassador",
     "سحبت أوزبكستان سفيرها من إيران.",
     {{"أوزبكستان", "country:uzb"}, {"إيران", "country:irn"}},
     "161",
     "country:uzb",
     "country:irn"},
    {"17 arrest warrant",
     "أصدرت الأمم المتحدة مذكرة توقيف بحق بوتين.",
     {{"الأمم المتحدة", "org:un"}, {"بوتين", "person:putin"}},
     "173",
     "org:un",
     "person:putin"},
    {"19 take control of territory",
     "سيطرت روسيا على مدينة خاركيف.",
     {{"روسيا", "country:rus"}, {"خاركيف", "place:kharkiv"}},
     "192",
     "country:rus",
     "place:kharkiv"},
    {"19 struck with drones",
     "ضربت روسيا خاركيف بطائرات مسيرة.",
     {{"روسيا", "country:rus"}, {"خاركيف", "place:kharkiv"}},
     "195",
     "country:rus",
     "place:kharkiv"},
    {"19 carry out air strikes",
     "نفذت تركيا غارات جوية على سوريا.",
     {{"تركيا", "country:tur"}, {"سوريا", "country:syr"}},
     "195",
     "country:tur",
     "country:syr"},
};

INSTANTIATE_TEST_SUITE_P(Events, Families, ::testing::ValuesIn(kCases));

// Actor resolution and emission rules: each case names an event that must be
// coded and one (same code prefix) that must not.
struct ActorCase {
  const char* name;
  const char* text;
  std::vector<Mark> entities;
  const char* code;
  const char* source;  // expected event ("" = no actor; nullptr: no event expected)
  const char* target;
  const char* bad_source;  // an event with these actors must not be coded
  const char* bad_target;
};

void PrintTo(const ActorCase& c, std::ostream* os) {
  *os << c.name;
}

class Actors : public ::testing::TestWithParam<ActorCase> {};

TEST_P(Actors, ResolvesTheActors) {
  const ActorCase& c = GetParam();
  Document d = Build(c.text, c.entities);
  auto evs = Coder().Run(d);
  if (c.source) {
    EXPECT_NE(FindEvent(evs, c.code, c.source, c.target), nullptr) << c.name << "\n" << Dump(evs);
  }
  EXPECT_EQ(FindEvent(evs, c.code, c.bad_source, c.bad_target), nullptr) << c.name << "\n"
                                                                         << Dump(evs);
}

const ActorCase kActorCases[] = {
    {"nisba on an actor noun is the subject, the object is not",
     "قصفت الطائرات الروسية مدينة خاركيف.",
     {{"الروسية", "country:rus#nisba"}, {"خاركيف", "place:kharkiv"}},
     "19",
     "country:rus",
     "place:kharkiv",
     "place:kharkiv",
     "country:rus"},
    {"nisba on a common noun names no target",
     "قال توكاييف للتلفزيون الروسي إن الطقس كان باردا.",
     {{"توكاييف", "person:tokayev"}, {"الروسي", "country:rus#nisba"}},
     "010",
     "person:tokayev",
     "",
     "person:tokayev",
     "country:rus"},
    {"nisba on a common noun is not an actor",
     "أشادت الصحف الصينية بالاتفاق مع كازاخستان.",
     {{"الصينية", "country:chn#nisba"}, {"كازاخستان", "country:kaz"}},
     "05",
     nullptr,
     nullptr,
     "country:chn",
     "country:kaz"},
    {"بلاده in reported speech: the speaker's country, attributed to the speaker",
     "قال رحمن إن بلاده لن تنضم إلى الاتحاد الأوروبي.",
     {{"رحمن", "person:rahmon"}, {"الاتحاد الأوروبي", "org:eu"}},
     "12",
     "person:rahmon",
     "org:eu",
     "",
     "org:eu"},
    {"المنطقة: the region last named",
     "تتنافس الصين وروسيا على النفوذ في آسيا الوسطى. وزار مسؤولون صينيون المنطقة مرتين.",
     {{"الصين", "country:chn"},
      {"روسيا", "country:rus"},
      {"آسيا الوسطى", "bloc:central-asia"},
      {"صينيون", "country:chn#nisba"}},
     "042",
     "country:chn",
     "bloc:central-asia",
     "country:chn",
     ""},
    {"relative clause: its actors are not the main verb's target",
     "حظرت كازاخستان المظاهرات التي تنتقد روسيا.",
     {{"كازاخستان", "country:kaz"}, {"روسيا", "country:rus"}},
     "172",
     "country:kaz",
     "",
     "country:kaz",
     "country:rus"},
    {"لكنها: the pronoun subject is the actor named before",
     "دعمت تركيا أوكرانيا، لكنها انتقدت روسيا.",
     {{"تركيا", "country:tur"}, {"أوكرانيا", "country:ukr"}, {"روسيا", "country:rus"}},
     "111",
     "country:tur",
     "country:rus",
     "country:ukr",
     "country:rus"},
    {"a verb joined by و shares the subject of the verb before it",
     "أيدت كازاخستان موقف الصين واتفقت مع روسيا على خطة مشتركة.",
     {{"كازاخستان", "country:kaz"}, {"الصين", "country:chn"}, {"روسيا", "country:rus"}},
     "05",
     "country:kaz",
     "country:rus",
     "country:chn",
     "country:rus"},
    {"actor noun with a body after the verb: the body is the subject",
     "وقال مسؤولون في الحكومة التركية إن المحادثات مع إيران كانت صعبة.",
     {{"الحكومة التركية", "country:tur"}, {"إيران", "country:irn"}},
     "04",
     "country:tur",
     "country:irn",
     "",
     "country:irn"},
    {"a city in a summit noun's genitive is the venue, not an actor",
     "انعقدت قمة طهران بين روسيا وتركيا.",
     {{"طهران", "place:tehran"}, {"روسيا", "country:rus"}, {"تركيا", "country:tur"}},
     "04",
     "country:rus",
     "country:tur",
     "country:irn",
     "country:rus"},
    {"war noun: nisba source, في target",
     "أدت الحرب الروسية في أوكرانيا إلى أزمة غذاء.",
     {{"الروسية", "country:rus#nisba"}, {"أوكرانيا", "country:ukr"}},
     "19",
     "country:rus",
     "country:ukr",
     "country:ukr",
     ""},
    {"transitive verbal noun: the genitive is the object",
     "انتقدت تركيا روسيا بعد غزو أوكرانيا.",
     {{"تركيا", "country:tur"}, {"روسيا", "country:rus"}, {"أوكرانيا", "country:ukr"}},
     "111",
     "country:tur",
     "country:rus",
     "country:ukr",
     ""},
    {"no source actor: a relational event is not coded",
     "تتواصل المحادثات مع الصين منذ أشهر.",
     {{"الصين", "country:chn"}},
     "04",
     nullptr,
     nullptr,
     "",
     "country:chn"},
    {"protest by an unnamed crowd keeps its target",
     "خرجت مظاهرات حاشدة ضد روسيا في أنقرة.",
     {{"روسيا", "country:rus"}, {"أنقرة", "place:ankara"}},
     "141",
     "",
     "country:rus",
     "country:tur",
     "country:rus"},
    // Round 3 rules.
    {"a body right before a person who holds a post in it is the person",
     "قالت المتحدثة باسم المفوضية الأوروبية ماريا كالاس إن الاتحاد يدرس الطلب.",
     {{"المفوضية الأوروبية", "org:commission"}, {"ماريا كالاس", "person:kallas"}},
     "010",
     "person:kallas",
     "",
     "org:commission",
     ""},
    {"a modal verb passes on the governed noun's prepositions",
     "تعهدت بريطانيا بفرض عقوبات جديدة على إيران.",
     {{"بريطانيا", "country:gbr"}, {"إيران", "country:irn"}},
     "13",
     "country:gbr",
     "country:irn",
     "country:irn",
     "country:gbr"},
    {"the preposition on a verbal noun does not govern its genitive",
     "وعد بوتين بزيارة طهران في الخريف.",
     {{"بوتين", "person:putin"}, {"طهران", "place:tehran"}},
     "04",
     "person:putin",
     "place:tehran",
     "person:putin",
     ""},
    {"object right after the verb: the subject is not after it",
     "وأرسلت شحنة أدوية تحملها طائرة بوينغ إلى سوريا.",
     {{"بوينغ", "company:boeing"}, {"سوريا", "country:syr"}},
     "07",
     nullptr,
     nullptr,
     "company:boeing",
     "country:syr"},
    {"genitive of a transitive noun is its object though a target phrase comes later",
     "ورغم انشغال روسيا بحرب أوكرانيا، فإنها تحتفظ بنفوذها في آسيا الوسطى.",
     {{"روسيا", "country:rus"}, {"أوكرانيا", "country:ukr"}, {"آسيا الوسطى", "bloc:central-asia"}},
     "19",
     "country:rus",
     "country:ukr",
     "country:rus",
     "bloc:central-asia"},
    {"a definite verbal noun takes no agent from far before it",
     "أكدت تركيا أن الأسواق تأثرت كثيرا بسبب الحرب في أوكرانيا.",
     {{"تركيا", "country:tur"}, {"أوكرانيا", "country:ukr"}},
     "19",
     nullptr,
     nullptr,
     "country:tur",
     "country:ukr"},
    {"no agent across a word opening a new clause",
     "تفكك الاتحاد قبل عقود، لكن حرب أوكرانيا غيرت التوازن.",
     {{"أوكرانيا", "country:ukr"}, {"الاتحاد", "org:eu"}},
     "19",
     nullptr,
     nullptr,
     "org:eu",
     "country:ukr"},
    {"a quantifier subject is active: من قبل after a participle is not the agent",
     "ولم تعترف أي دولة بالمنطقتين المعلنتين من قبل روسيا في جورجيا.",
     {{"روسيا", "country:rus"}, {"جورجيا", "country:geo"}},
     "05",
     nullptr,
     nullptr,
     "country:rus",
     "country:geo"},
    {"a newspaper as subject: no actor carried to the statement",
     "زار بوتين طاجيكستان. وتقول الصحيفة إن الزيارة كانت قصيرة.",
     {{"بوتين", "person:putin"}, {"طاجيكستان", "country:tjk"}},
     "01",
     nullptr,
     nullptr,
     "person:putin",
     ""},
    {"a body speaking about its state leaves the state as the actor",
     "وقالت المفوضية الأوروبية إن الاتحاد الأوروبي فرض عقوبات على إيران.",
     {{"المفوضية الأوروبية", "org:commission"},
      {"الاتحاد الأوروبي", "org:eu"},
      {"إيران", "country:irn"}},
     "16",
     "org:eu",
     "country:irn",
     "org:commission",
     "country:irn"},
};

INSTANTIATE_TEST_SUITE_P(Events, Actors, ::testing::ValuesIn(kActorCases));

TEST(Events, EveryCameoRootHasATestedPattern) {
  std::set<std::string> roots;
  for (const auto& c : kCases) roots.insert(std::string(c.code).substr(0, 2));
  for (int r = 1; r <= 20; ++r) {
    char buf[3];
    std::snprintf(buf, sizeof buf, "%02d", r);
    EXPECT_TRUE(roots.count(buf)) << "no tested pattern for CAMEO root " << buf;
  }
}

TEST(Events, ImplicitSubjectCarriedFromPreviousSentence) {
  Document d =
      Build("زار بوتين طهران. وأجرى محادثات مع القيادة الإيرانية.",
            {{"بوتين", "person:putin"}, {"طهران", "place:tehran"}, {"الإيرانية", "country:irn"}});
  auto evs = Coder().Run(d);
  const Event* e = FindEvent(evs, "040", "person:putin", "country:irn");
  ASSERT_NE(e, nullptr) << Dump(evs);
  EXPECT_LT(e->confidence, 0.8);
}

TEST(Events, NoCarriedSubjectWhenAmbiguous) {
  Document d = Build("زار بوتين طهران وانتقدت الصين الولايات المتحدة. وأجرى محادثات مطولة.",
                     {{"بوتين", "person:putin"},
                      {"طهران", "place:tehran"},
                      {"الصين", "country:chn"},
                      {"الولايات المتحدة", "country:usa"}});
  auto evs = Coder().Run(d);
  for (const auto& e : evs) EXPECT_NE(e.cameo, "040") << Dump(evs);
}

TEST(Events, DateQuantityLocationAndPrecision) {
  Document d =
      Build("وقعت أوزبكستان صفقة بقيمة 8 مليارات دولار مع شركة بوينغ في طشقند يوم 12 مارس 2025.",
            {{"أوزبكستان", "country:uzb"}, {"بوينغ", "company:boeing"}},
            {{"12 مارس 2025", "2025-03-12"}}, {{"8 مليارات دولار", "USD"}}, "2025-03-14");
  auto evs = Coder().Run(d);
  const Event* e = FindEvent(evs, "057", "country:uzb", "company:boeing");
  ASSERT_NE(e, nullptr) << Dump(evs);
  EXPECT_EQ(e->date, "2025-03-12");
  EXPECT_EQ(e->date_precision, "day");
  EXPECT_FALSE(e->date_from_published);
  EXPECT_EQ(e->quantity, 0);
  // Without a date in the sentence the document date is used, at its precision.
  Document d2 = Build("زار بوتين دوشنبه.",
                      {{"بوتين", "person:putin"}, {"دوشنبه", "place:dushanbe"}}, {}, {}, "2022-06");
  auto evs2 = Coder().Run(d2);
  ASSERT_FALSE(evs2.empty());
  EXPECT_EQ(evs2[0].date, "2022-06");
  EXPECT_EQ(evs2[0].date_precision, "month");
  EXPECT_TRUE(evs2[0].date_from_published);
  EXPECT_EQ(evs2[0].location, "place:dushanbe");
  EXPECT_TRUE(evs2[0].root_event);
}

TEST(Events, NoEntitiesNoEvents) {
  Document d = Build("اندلعت اشتباكات عنيفة في المدينة أمس.", {});
  EXPECT_TRUE(Coder().Run(d).empty());
  Document empty;
  EXPECT_TRUE(Coder().Run(empty).empty());
}

TEST(Events, JsonFollowsTheContract) {
  Document d = Build("فرض الاتحاد الأوروبي عقوبات جديدة على روسيا.",
                     {{"الاتحاد الأوروبي", "org:eu"}, {"روسيا", "country:rus"}});
  auto evs = Coder().Run(d);
  auto j = EventsJson(d, evs);
  ASSERT_TRUE(j.is_array());
  ASSERT_FALSE(j.empty());
  for (const char* k : {"id", "cameo", "plover", "plover_mode", "quad", "goldstein", "source",
                        "target", "date", "date_precision", "location", "quantity", "modality",
                        "negated", "evidence", "trigger", "confidence"})
    EXPECT_TRUE(j[0].contains(k)) << k;
  EXPECT_EQ(j[0]["cameo"], "163");
  EXPECT_EQ(j[0]["plover"], "SANCTION");
  EXPECT_EQ(j[0]["quad"], 4);
  EXPECT_DOUBLE_EQ(j[0]["goldstein"].get<double>(), -8.0);
  EXPECT_TRUE(j[0]["location"].is_null());
  EXPECT_TRUE(j[0]["quantity"].is_null());
  EXPECT_EQ(j[0]["source"], "org:eu");
}

TEST(Events, GdeltRowsHave61Columns) {
  Document d = Build("زار بوتين دوشنبه. فرض الاتحاد الأوروبي عقوبات جديدة على روسيا.",
                     {{"بوتين", "person:putin"},
                      {"دوشنبه", "place:dushanbe"},
                      {"الاتحاد الأوروبي", "org:eu"},
                      {"روسيا", "country:rus"}},
                     {}, {}, "2022-06-28");
  d.source.url = "https://example.org/a";
  auto evs = Coder().Run(d);
  ASSERT_GE(evs.size(), 2u) << Dump(evs);
  std::string rows = GdeltRows(d, evs, &Coder());
  std::istringstream in(rows);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::vector<std::string> cells;
    std::size_t b = 0;
    for (;;) {
      std::size_t e = line.find('\t', b);
      cells.push_back(line.substr(b, e == std::string::npos ? std::string::npos : e - b));
      if (e == std::string::npos) break;
      b = e + 1;
    }
    ASSERT_EQ(cells.size(), static_cast<std::size_t>(kGdeltColumns)) << line;
    EXPECT_EQ(cells[1], "20220628");  // Day
    EXPECT_EQ(cells[60], "https://example.org/a");
    if (n == 1) {
      EXPECT_EQ(cells[5], "RUSGOV");  // Actor1Code: Putin, a Russian office holder
      EXPECT_EQ(cells[7], "RUS");     // Actor1CountryCode
      EXPECT_EQ(cells[17], "TJK");    // Actor2CountryCode
      EXPECT_EQ(cells[26], "042");    // EventCode
      EXPECT_EQ(cells[28], "04");     // EventRootCode
      EXPECT_EQ(cells[29], "1");      // QuadClass
      EXPECT_EQ(cells[53], "TJ");     // ActionGeo_CountryCode (ISO 3166 alpha-2)
    }
  }
  EXPECT_EQ(n, static_cast<int>(evs.size()));
  const std::string header = GdeltHeader();
  EXPECT_EQ(std::count(header.begin(), header.end(), '\t'), kGdeltColumns - 1);
}

TEST(Events, LoaderNamesTheBadFileAndLine) {
  auto dir = std::filesystem::temp_directory_path() / "nufuz_events_bad_data";
  std::filesystem::create_directories(dir / "lexicon");
  for (const char* f : {"cameo.tsv", "event_markers.tsv"})
    std::filesystem::copy_file(nufuz::testing::DataDir() / "lexicon" / f, dir / "lexicon" / f,
                               std::filesystem::copy_options::overwrite_existing);
  {
    std::ofstream out(dir / "lexicon" / "events.tsv");
    out << "forms\tpos\tcameo\tcue\ttarget\tflags\tmode\tsource\n"
        << "زار|يزور\tverb\t042\t\tobj\tvisit\t\tok\n"
        << "هاجم|يهاجم\tverb\t999\t\tobj\t\t\tbad code\n";
  }
  auto r = EventCoder::Load(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDataError);
  EXPECT_NE(r.status().message().find("events.tsv:3"), std::string::npos) << r.status().message();
  std::filesystem::remove_all(dir);
}

TEST(Events, LexiconCoversEveryRoot) {
  EXPECT_GT(Coder().trigger_rows(), 200u);
  EXPECT_GT(Coder().trigger_forms(), 2000u);
  for (int r = 1; r <= 20; ++r) {
    char buf[3];
    std::snprintf(buf, sizeof buf, "%02d", r);
    EXPECT_FALSE(Coder().CodeName(buf).empty()) << buf;
  }
}

// Date frame (docs/events.md "Date frame"): an undated event inherits the
// last explicit date of the story before it, under tense and distance rules.
struct FrameCase {
  const char* name;
  const char* text;
  std::vector<Mark> dates;  // DATE spans (value)
  const char* range;        // surface of a DATE span of kind "range", or ""
  const char* range_value;
  const char* published;
  const char* cameo;
  const char* source;
  const char* target;
  int nth;  // which matching event (text order)
  const char* date;
  const char* precision;
  bool from_published;
};

class Frames : public ::testing::TestWithParam<FrameCase> {};

TEST_P(Frames, DatesTheEvent) {
  const FrameCase& c = GetParam();
  // The actors named in the text, each of its mentions.
  std::vector<Mark> actors;
  const std::string text = c.text;
  for (const Mark& m : std::vector<Mark>{{"بوتين", "person:putin"},
                                         {"طهران", "place:tehran"},
                                         {"الصين", "country:chn"},
                                         {"الولايات المتحدة", "country:usa"}})
    for (auto at = text.find(m.surface); at != std::string::npos; at = text.find(m.surface, at + 1))
      actors.push_back(m);
  Document d = Build(c.text, actors, {}, {}, c.published);
  for (const auto& m : c.dates)
    ASSERT_TRUE(
        AddSpan(d, m.surface, "DATE", {{"value", m.id}, {"anchor", "absolute"}, {"kind", "point"}}))
        << m.surface;
  if (*c.range) {
    ASSERT_TRUE(AddSpan(d, c.range, "DATE",
                        {{"value", c.range_value}, {"anchor", "relative"}, {"kind", "range"}}));
  }
  auto evs = Coder().Run(d);
  int seen = 0;
  const Event* e = nullptr;
  for (const auto& ev : evs)
    if (ev.cameo == c.cameo && ev.source == c.source && ev.target == c.target && seen++ == c.nth) {
      e = &ev;
      break;
    }
  ASSERT_NE(e, nullptr) << Dump(evs);
  EXPECT_EQ(e->date, c.date);
  EXPECT_EQ(e->date_precision, c.precision);
  EXPECT_EQ(e->date_from_published, c.from_published);
}

INSTANTIATE_TEST_SUITE_P(
    Events, Frames,
    ::testing::Values(
        // A date governs the next sentences of its paragraph, however old.
        FrameCase{"SameParagraphPast",
                  "استقبلت الصين وفدا أمريكيا يوم 4 مايو 2019. وانتقدت الصين الولايات المتحدة "
                  "بشدة.",
                  {{"4 مايو 2019", "2019-05-04"}},
                  "",
                  "",
                  "2025-06-12",
                  "111",
                  "country:chn",
                  "country:usa",
                  0,
                  "2019-05-04",
                  "day",
                  false},
        // A story date (within a month before publication) also governs later paragraphs.
        FrameCase{"StoryDateAcrossParagraphs",
                  "وصل بوتين إلى طهران يوم 9 يونيو 2025 في زيارة رسمية.\n\nوانتقدت الصين "
                  "الولايات المتحدة في بيان مطول.",
                  {{"9 يونيو 2025", "2025-06-09"}},
                  "",
                  "",
                  "2025-06-12",
                  "111",
                  "country:chn",
                  "country:usa",
                  0,
                  "2025-06-09",
                  "day",
                  false},
        // A background date does not reach into the next paragraph.
        FrameCase{"BackgroundDateStaysInItsParagraph",
                  "بدأ التعاون بين البلدين في عام 2014 بعد زيارة قصيرة.\n\nوانتقدت الصين "
                  "الولايات المتحدة في بيان مطول.",
                  {{"عام 2014", "2014"}},
                  "",
                  "",
                  "2025-06-12",
                  "111",
                  "country:chn",
                  "country:usa",
                  0,
                  "2025-06-12",
                  "day",
                  true},
        // An imperfect verb speaks of now: the publication date.
        FrameCase{"ImperfectTakesPublished",
                  "استقبلت الصين وفدا أمريكيا يوم 4 مايو 2025. وتنتقد الصين الولايات المتحدة "
                  "بشدة.",
                  {{"4 مايو 2025", "2025-05-04"}},
                  "",
                  "",
                  "2025-06-12",
                  "111",
                  "country:chn",
                  "country:usa",
                  0,
                  "2025-06-12",
                  "day",
                  true},
        // A future event is not dated by a past frame.
        FrameCase{"FutureTakesPublished",
                  "استقبلت الصين وفدا أمريكيا يوم 4 مايو 2025. وستنتقد الصين الولايات المتحدة "
                  "بشدة.",
                  {{"4 مايو 2025", "2025-05-04"}},
                  "",
                  "",
                  "2025-06-12",
                  "111",
                  "country:chn",
                  "country:usa",
                  0,
                  "2025-06-12",
                  "day",
                  true},
        // The inherited date keeps its precision: a month stays a month.
        FrameCase{"InheritedMonthStaysAMonth",
                  "جرت محادثات مطولة بين الوفود في مارس 2025 في العاصمة. وانتقدت الصين الولايات "
                  "المتحدة بشدة.",
                  {{"مارس 2025", "2025-03"}},
                  "",
                  "",
                  "2025-06-12",
                  "111",
                  "country:chn",
                  "country:usa",
                  0,
                  "2025-03",
                  "month",
                  false},
        // A date after publication (a planned event) frames no past event.
        FrameCase{"LaterDateIsNoFrame",
                  "يعقد الطرفان جولة جديدة من المحادثات في يوليو 2025 في العاصمة. وانتقدت الصين "
                  "الولايات المتحدة بشدة.",
                  {{"يوليو 2025", "2025-07"}},
                  "",
                  "",
                  "2025-06-12",
                  "111",
                  "country:chn",
                  "country:usa",
                  0,
                  "2025-06-12",
                  "day",
                  true},
        // A span of time is a background, not a frame.
        FrameCase{"RangeIsNoFrame",
                  "تتوتر العلاقات بين القوى الكبرى في المنطقة منذ عقود طويلة. وانتقدت الصين "
                  "الولايات المتحدة بشدة.",
                  {},
                  "منذ عقود طويلة",
                  "1990",
                  "2025-06-12",
                  "111",
                  "country:chn",
                  "country:usa",
                  0,
                  "2025-06-12",
                  "day",
                  true},
        // An event whose own sentence has a span of time takes the span's value.
        FrameCase{"OwnRangeDatesTheEvent",
                  "وانتقدت الصين الولايات المتحدة مرارا خلال الشهر الماضي.",
                  {},
                  "خلال الشهر الماضي",
                  "2025-05",
                  "2025-06-12",
                  "111",
                  "country:chn",
                  "country:usa",
                  0,
                  "2025-05",
                  "month",
                  false},
        // A statement is not dated by the span of time it reports on.
        FrameCase{"StatementNotDatedByItsRange",
                  "وقالت الصين إن التجارة نمت بسرعة كبيرة خلال العامين الأخيرين.",
                  {},
                  "خلال العامين الأخيرين",
                  "2023",
                  "2025-06-12",
                  "010",
                  "country:chn",
                  "",
                  0,
                  "2025-06-12",
                  "day",
                  true},
        // A headline (one-sentence paragraph before any date) takes its lead's story date,
        // whatever its tense.
        FrameCase{"HeadlineTakesTheLeadDate",
                  "بوتين يزور طهران لإجراء محادثات\n\nوصل الرئيس الروسي بوتين إلى العاصمة "
                  "الإيرانية طهران أمس الثلاثاء في زيارة رسمية تستمر يومين.",
                  {{"أمس الثلاثاء", "2025-06-10"}},
                  "",
                  "",
                  "2025-06-11",
                  "042",
                  "person:putin",
                  "place:tehran",
                  0,
                  "2025-06-10",
                  "day",
                  false},
        // A dateline (a date in a short line) is no frame.
        FrameCase{"DatelineIsNoFrame",
                  "طهران - 02-06-2025 |\n\nوانتقدت الصين الولايات المتحدة في بيان مطول.",
                  {{"02-06-2025", "2025-06-02"}},
                  "",
                  "",
                  "2025-06-12",
                  "111",
                  "country:chn",
                  "country:usa",
                  0,
                  "2025-06-12",
                  "day",
                  true}),
    [](const ::testing::TestParamInfo<FrameCase>& i) { return std::string(i.param.name); });

TEST(Events, HeadlineRepeatedInTheLeadIsOneEvent) {
  const std::string text =
      "بوتين يزور طهران لإجراء محادثات\n\nزار بوتين طهران أمس الثلاثاء والتقى كبار "
      "المسؤولين فيها.";
  Document d = Build(text,
                     {{"بوتين", "person:putin"},
                      {"طهران", "place:tehran"},
                      {"بوتين", "person:putin"},
                      {"طهران", "place:tehran"}},
                     {}, {}, "2025-06-11");
  ASSERT_TRUE(AddSpan(d, "أمس الثلاثاء", "DATE",
                      {{"value", "2025-06-10"}, {"anchor", "relative"}, {"kind", "point"}}));
  auto evs = Coder().Run(d);
  int visits = 0;
  for (const auto& e : evs)
    if (e.cameo == "042" && e.source == "person:putin" && e.target == "place:tehran") {
      ++visits;
      EXPECT_EQ(e.date, "2025-06-10");
      EXPECT_LT(e.trigger_start, 20u);  // kept at its first mention, the headline
    }
  EXPECT_EQ(visits, 1) << Dump(evs);
}

}  // namespace
}  // namespace nufuz::events
