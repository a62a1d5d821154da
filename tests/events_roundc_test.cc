// Event coding round C, on sentences written for the project: a city
// targeted, aided or visited stands for its state even when the document
// does not name the state (the state is added to Document::entities; the
// city stays the location), while regions and cities of states of disputed
// standing keep their own name; and the lexicon rows of round C — disbursing
// a loan or sum (صرف), adopting an attack (تبنى الهجوم: a claim and the
// attack), forced displacement without a qualifier (تهجير), sending relief or
// rescue teams (إرسال فريق إغاثة) and suspending cooperation (تعليق التعاون:
// reduced relations, not cooperation).
// Each case lists every event its sentence must give, and no other.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "events/events.h"
#include "events_fixture.h"

namespace nufuz::events {
namespace {

// Kharkiv as the gazetteer describes it: a city, which stands for its state.
const std::vector<Entity>& Catalog() {
  static const std::vector<Entity> kCatalog =
      fixture::CatalogWith({{"place:kharkiv",
                             "PLACE",
                             "Kharkiv",
                             "خاركيف",
                             "",
                             {{"country", "country:ukr"}, {"kind", "CITY"}}}});
  return kCatalog;
}

struct Want {
  const char* code;                // CAMEO prefix
  const char* source;              // "" = none
  const char* target;              // "" = none
  const char* location = nullptr;  // checked when given ("" = none)
  bool Matches(const Event& e) const {
    return e.cameo.starts_with(code) && e.source == source && e.target == target &&
           (!location || e.location == location);
  }
};

struct Case {
  const char* name;
  const char* text;
  std::vector<fixture::Mark> entities;
  std::vector<Want> events;  // all the sentence gives, in any order
  // The states the coder adds to the document's entities (Run(Document&)).
  std::vector<const char*> added = {};
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.name;
}

class RoundC : public ::testing::TestWithParam<Case> {};

TEST_P(RoundC, CodesExactlyTheseEvents) {
  const Case& c = GetParam();
  Document doc = fixture::BuildDocument(c.text, Catalog(), {c.entities, {}, {}});
  const std::size_t named = doc.entities.size();
  const auto evs = fixture::Coder().Run(doc);  // non-const: may add states
  fixture::ExpectExactly(c.name, evs, c.events);
  // Exactly the expected states were added, each with no mention and the
  // place that implies it.
  ASSERT_EQ(doc.entities.size(), named + c.added.size()) << c.name;
  for (std::size_t i = 0; i < c.added.size(); ++i) {
    const Entity& e = doc.entities[named + i];
    EXPECT_EQ(e.id, c.added[i]) << c.name;
    EXPECT_EQ(e.type, "COUNTRY") << c.name;
    EXPECT_FALSE(e.name_en.empty()) << c.name;
    bool implied = false;
    for (const auto& [k, v] : e.attrs) implied |= k == "implied_by" && !v.empty();
    EXPECT_TRUE(implied) << c.name;
  }
}

const Case kCases[] = {
    // A. A city for its state, the state not named in the document.
    {"a power plant shelled in a city: against the city's state, located there",
     "قصفت روسيا محطة كهرباء في خاركيف.",
     {{"روسيا", "country:rus"}, {"خاركيف", "place:kharkiv"}},
     {{"19", "country:rus", "country:ukr", "place:kharkiv"}},
     {"country:ukr"}},
    {"an air raid on a capital",
     "شنت إسرائيل غارة جوية على دمشق.",
     {{"إسرائيل", "country:isr"}, {"دمشق", "place:damascus"}},
     {{"19", "country:isr", "country:syr", "place:damascus"}},
     {"country:syr"}},
    {"aid sent to a city",
     "أرسلت تركيا مساعدات إنسانية إلى حلب.",
     {{"تركيا", "country:tur"}, {"حلب", "place:aleppo"}},
     {{"07", "country:tur", "country:syr", "place:aleppo"}},
     {"country:syr"}},
    {"a visit to a capital",
     "زار أردوغان دمشق.",
     {{"أردوغان", "person:erdogan"}, {"دمشق", "place:damascus"}},
     {{"04", "person:erdogan", "country:syr", "place:damascus"}},
     {"country:syr"}},
    {"in reported speech",
     "قالت تركيا إن روسيا قصفت أوديسا.",
     {{"تركيا", "country:tur"}, {"روسيا", "country:rus"}, {"أوديسا", "place:odesa"}},
     {{"19", "country:rus", "country:ukr", "place:odesa"}},
     {"country:ukr"}},
    {"the state named in the document is used, none added",
     "قصفت روسيا خاركيف الأوكرانية.",
     {{"روسيا", "country:rus"}, {"خاركيف", "place:kharkiv"}, {"الأوكرانية", "country:ukr#nisba"}},
     {{"19", "country:rus", "country:ukr", "place:kharkiv"}}},
    {"a city with no event adds no state",
     "يعيش ملايين الناس في دمشق.",
     {{"دمشق", "place:damascus"}},
     {}},
    {"a region keeps its own name",
     "شنت إسرائيل غارات جوية على قطاع غزة.",
     {{"إسرائيل", "country:isr"}, {"قطاع غزة", "place:gaza"}},
     {{"19", "country:isr", "place:gaza"}}},
    {"a city of a state of disputed standing keeps its name",
     "هاجمت إسرائيل مدينة جنين.",
     {{"إسرائيل", "country:isr"}, {"جنين", "place:jenin"}},
     {{"19", "country:isr", "place:jenin"}}},

    // B. Disbursing a loan, a tranche or a sum (صرف): economic aid.
    {"disbursing a tranche of a loan",
     "صرف صندوق النقد الدولي الشريحة الثانية من القرض لمصر.",
     {{"صندوق النقد الدولي", "org:imf"}, {"لمصر", "country:egy"}},
     {{"07", "org:imf", "country:egy"}}},
    {"agreeing to disburse a sum: intended aid",
     "وافق البنك الدولي على صرف 500 مليون دولار لباكستان.",
     {{"البنك الدولي", "org:world-bank"}, {"لباكستان", "country:pak"}},
     {{"03", "org:world-bank", "country:pak"}}},
    {"disbursing a new loan",
     "يصرف الاتحاد الأوروبي قرضا جديدا لأوكرانيا.",
     {{"الاتحاد الأوروبي", "org:eu"}, {"لأوكرانيا", "country:ukr"}},
     {{"07", "org:eu", "country:ukr"}}},
    {"صرف النظر (to set aside) is no aid",
     "صرف الوزير النظر عن المشروع مع الصين.",
     {{"الصين", "country:chn"}},
     {}},

    // C. Adopting an attack (تبنى + an attack noun): a claim, and the attack.
    {"adopting an attack: the claim and the claimant's attack",
     "تبنى تنظيم الدولة الإسلامية الهجوم على مسجد في باكستان.",
     {{"تنظيم الدولة الإسلامية", "org:isis"}, {"باكستان", "country:pak"}},
     {{"015", "org:isis", ""}, {"19", "org:isis", "country:pak"}}},
    {"adopting a bombing with no named target",
     "تبنت حركة طالبان تفجيرا انتحاريا قرب الحدود.",
     {{"حركة طالبان", "org:taliban"}},
     {{"015", "org:taliban", ""}, {"18", "org:taliban", ""}}},
    {"adopting a law is no claim",
     "تبنى البرلمان الفرنسي قانونا جديدا بشأن الهجرة.",
     {{"الفرنسي", "country:fra#nisba"}},
     {}},

    // D. Forced displacement without a qualifier (تهجير).
    {"accused of displacing people: the accused displaces",
     "تتهم أوكرانيا روسيا بتهجير الأوكرانيين من المناطق المحتلة.",
     {{"أوكرانيا", "country:ukr"}, {"روسيا", "country:rus"}, {"الأوكرانيين", "country:ukr#nisba"}},
     {{"112", "country:ukr", "country:rus"}, {"20", "country:rus", "country:ukr"}}},
    {"a displacement condemned: the displaced are its object, not its doer",
     "أدانت فرنسا تهجير الفلسطينيين من غزة.",
     {{"فرنسا", "country:fra"}, {"الفلسطينيين", "country:pse#nisba"}, {"غزة", "place:gaza"}},
     {{"11", "country:fra", "country:pse"}, {"20", "", "country:pse"}}},
    {"a group displacing families in a country",
     "قام تنظيم الدولة الإسلامية بتهجير آلاف العائلات من قراها في سوريا.",
     {{"تنظيم الدولة الإسلامية", "org:isis"}, {"سوريا", "country:syr"}},
     {{"20", "org:isis", "country:syr"}}},

    // E. Sending relief, rescue or medical teams: humanitarian aid.
    {"an announced rescue team: the aid only",
     "أعلنت الصين إرسال فريق إنقاذ إلى نيبال.",
     {{"الصين", "country:chn"}, {"نيبال", "country:npl"}},
     {{"07", "country:chn", "country:npl"}}},
    {"sending a relief team",
     "أرسلت تركيا فريق إغاثة إلى سوريا بعد الزلزال.",
     {{"تركيا", "country:tur"}, {"سوريا", "country:syr"}},
     {{"07", "country:tur", "country:syr"}}},
    {"a medical team after a decision",
     "قررت ألمانيا إرسال فريق طبي إلى السودان.",
     {{"ألمانيا", "country:deu"}, {"السودان", "country:sdn"}},
     {{"07", "country:deu", "country:sdn"}}},

    // F. Suspending cooperation: reduced relations, not cooperation.
    {"suspending cooperation with an agency",
     "علقت روسيا التعاون مع الوكالة الدولية للطاقة الذرية.",
     {{"روسيا", "country:rus"}, {"الوكالة الدولية للطاقة الذرية", "org:iaea"}},
     {{"16", "country:rus", "org:iaea"}}},
    {"an announced suspension of its cooperation",
     "أعلنت إيران تعليق تعاونها مع الوكالة الدولية للطاقة الذرية.",
     {{"إيران", "country:irn"}, {"الوكالة الدولية للطاقة الذرية", "org:iaea"}},
     {{"16", "country:irn", "org:iaea"}}},
    {"halting security cooperation",
     "أوقفت الولايات المتحدة التعاون الأمني مع النيجر.",
     {{"الولايات المتحدة", "country:usa"}, {"النيجر", "country:ner"}},
     {{"16", "country:usa", "country:ner"}}},
    {"pinning hopes on cooperation (علق آمالا) suspends nothing",
     "علقت فرنسا آمالا كبيرة على تعزيز التعاون مع الصين.",
     {{"فرنسا", "country:fra"}, {"الصين", "country:chn"}},
     {{"03", "country:fra", "country:chn"}}},

    // G. An act noun described by a verb of force after it is one act: the
    // noun's doer, the verb's object.
    {"a claimed bombing that targeted a mosque: one bombing, against the country",
     "أعلن تنظيم الدولة الإسلامية مسؤوليته عن تفجير انتحاري استهدف مسجدا في باكستان.",
     {{"تنظيم الدولة الإسلامية", "org:isis"}, {"باكستان", "country:pak"}},
     {{"015", "org:isis", ""}, {"18", "org:isis", "country:pak"}}},
    {"an adopted bombing that targeted a hotel",
     "تبنت حركة طالبان تفجيرا استهدف فندقا في باكستان.",
     {{"حركة طالبان", "org:taliban"}, {"باكستان", "country:pak"}},
     {{"015", "org:taliban", ""}, {"18", "org:taliban", "country:pak"}}},
    {"a missile attack that targeted a ship: its nisba is the target, the claim has none",
     "أعلنت حركة طالبان مسؤوليتها عن هجوم صاروخي استهدف سفينة إسرائيلية.",
     {{"حركة طالبان", "org:taliban"}, {"إسرائيلية", "country:isr#nisba"}},
     {{"015", "org:taliban", ""}, {"19", "org:taliban", "country:isr"}}},
    {"a condemned attack that targeted an embassy is not the condemner's",
     "أدانت فرنسا الهجوم الذي استهدف قاعدة تركية.",
     {{"فرنسا", "country:fra"}, {"تركية", "country:tur#nisba"}},
     {}},

    // H. A word of a person's name is no cue (إمام holds أمام, a rally's cue).
    {"a summit bringing two presidents together is no rally",
     "تجمع القمة بوتين بإمام علي رحمن في دوشنبه.",
     {{"بوتين", "person:putin"}, {"إمام علي رحمن", "person:rahmon"}},
     {{"04", "person:putin", "person:rahmon"}}},
    {"control: a crowd gathered in front of an embassy is a rally",
     "تجمع مئات المحتجين أمام سفارة روسيا في دوشنبه.",
     {{"روسيا", "country:rus"}},
     {{"14", "", "country:rus"}}},

    // I. Rejecting another's act: the act's doer is the target; the act,
    // which has not happened, is not coded.
    {"shown rejection of a state joining a bloc",
     "أبدت روسيا رفضها لانضمام أوكرانيا إلى الاتحاد الأوروبي.",
     {{"روسيا", "country:rus"}, {"أوكرانيا", "country:ukr"}, {"الاتحاد الأوروبي", "org:eu"}},
     {{"12", "country:rus", "country:ukr"}}},
    {"a categorical rejection of a visit: القاطع is no boycott, the visit no event",
     "أبدت الصين رفضها القاطع لزيارة أردوغان إلى أوكرانيا.",
     {{"الصين", "country:chn"}, {"أردوغان", "person:erdogan"}, {"أوكرانيا", "country:ukr"}},
     {{"12", "country:chn", "person:erdogan"}}},
    {"a rejection voiced (أعرب عن) of sanctions named by their nisba",
     "أعربت إيران عن رفضها للعقوبات الأمريكية.",
     {{"إيران", "country:irn"}, {"الأمريكية", "country:usa#nisba"}},
     {{"12", "country:irn", "country:usa"}}},
    {"a rejection of any mediation (لأي)",
     "أبدت مصر رفضها لأي وساطة تركية.",
     {{"مصر", "country:egy"}, {"تركية", "country:tur#nisba"}},
     {{"12", "country:egy", "country:tur"}}},
    {"opposing (عارض) a state's accession",
     "عارضت فرنسا انضمام تركيا إلى الاتحاد الأوروبي.",
     {{"فرنسا", "country:fra"}, {"تركيا", "country:tur"}, {"الاتحاد الأوروبي", "org:eu"}},
     {{"12", "country:fra", "country:tur"}}},

    // J. Test-firing a weapon is a show of force; a plain اختبر is no event.
    {"test-firing a missile",
     "اختبرت إيران صاروخا باليستيا جديدا.",
     {{"إيران", "country:irn"}},
     {{"15", "country:irn", ""}}},
    {"a crisis that tested relations is no show of force",
     "اختبرت الأزمة العلاقات بين روسيا والصين.",
     {{"روسيا", "country:rus"}, {"الصين", "country:chn"}},
     {}},

    // K. A feminine counterpart (نظيرتها) with its nisba is an actor.
    {"told her counterpart (لنظيرتها الهندية)",
     "قالت الصين لنظيرتها الهندية إنها تريد السلام.",
     {{"الصين", "country:chn"}, {"الهندية", "country:ind#nisba"}},
     {{"01", "country:chn", "country:ind"}}},
    {"discussed with her counterpart (مع نظيرتها الألمانية)",
     "بحثت فرنسا مع نظيرتها الألمانية الأزمة في أوكرانيا.",
     {{"فرنسا", "country:fra"}, {"الألمانية", "country:deu#nisba"}, {"أوكرانيا", "country:ukr"}},
     {{"04", "country:fra", "country:deu"}}},

    // L. Tightening (شدد) with its object right after it; شدد على is a
    // statement, whatever follows.
    {"tightening sanctions",
     "شددت روسيا العقوبات على أوكرانيا.",
     {{"روسيا", "country:rus"}, {"أوكرانيا", "country:ukr"}},
     {{"16", "country:rus", "country:ukr"}}},
    {"tightening a siege",
     "شددت إسرائيل الحصار على قطاع غزة.",
     {{"إسرائيل", "country:isr"}, {"قطاع غزة", "place:gaza"}},
     {{"19", "country:isr", "place:gaza"}}},
    {"tightening restrictions on imports named by their nisba",
     "شددت الصين قيودها على الواردات الأمريكية.",
     {{"الصين", "country:chn"}, {"الأمريكية", "country:usa#nisba"}},
     {{"17", "country:chn", "country:usa"}}},

    // M. A missile launched at no one named is a show of force; at a target,
    // an attack.
    {"a ballistic missile launched toward the sea: a show of force",
     "أطلقت إيران صاروخا باليستيا باتجاه البحر.",
     {{"إيران", "country:irn"}},
     {{"150", "country:irn", ""}}},
    {"a missile launched at a state: an aerial attack",
     "أطلقت إيران صاروخا على إسرائيل.",
     {{"إيران", "country:irn"}, {"إسرائيل", "country:isr"}},
     {{"19", "country:irn", "country:isr"}}},
    {"drones launched at no one named stay uncoded",
     "أطلقت روسيا مسيرات ليلا.",
     {{"روسيا", "country:rus"}},
     {}},

    // N. Packages and sums allocated: economic aid, the beneficiary after ل
    // or in the genitive of a purpose noun after ل (لمساعدة Y).
    {"an announced investment package for a state",
     "أعلن الاتحاد الأوروبي حزمة استثمارية بقيمة 12 مليار يورو لمصر.",
     {{"الاتحاد الأوروبي", "org:eu"}, {"لمصر", "country:egy"}},
     {{"07", "org:eu", "country:egy"}}},
    {"a pledge to allocate a sum to help a state: intended aid",
     "تعهدت ألمانيا بتخصيص 500 مليون يورو لمساعدة السودان.",
     {{"ألمانيا", "country:deu"}, {"السودان", "country:sdn"}},
     {{"03", "country:deu", "country:sdn"}}},
    {"a sum allocated to a state",
     "خصصت الولايات المتحدة 100 مليون دولار لباكستان.",
     {{"الولايات المتحدة", "country:usa"}, {"لباكستان", "country:pak"}},
     {{"07", "country:usa", "country:pak"}}},

    // O. An event word taken for a person's name is no person: the title's
    // country acts (added when the document does not name it).
    {"talks taken for a minister's name",
     "أجرى وزير الخارجية الفرنسي محادثات مع نظيره الألماني في برلين.",
     {{"الفرنسي", "country:fra#nisba"},
      {"محادثات", "person:talks"},
      {"الألماني", "country:deu#nisba"}},
     {{"04", "country:fra", "country:deu"}}},
    {"a person (شخصا) taken for an ambassador's name",
     "أعلنت تركيا السفير الفرنسي شخصا غير مرغوب فيه.",
     {{"تركيا", "country:tur"}, {"الفرنسي", "country:fra#nisba"}, {"شخصا", "person:shakhsa"}},
     {{"16", "country:tur", "country:fra"}}},
    {"a protest taken for a name, its country not named: the state is added",
     "استدعت الصين السفير احتجاجا على التصريحات.",
     {{"الصين", "country:chn"}, {"احتجاجا على التصريحات", "person:protest"}},
     {{"16", "country:chn", "country:jpn"}},
     {"country:jpn"}},
    {"a real name beginning with a function word stays a person",
     "التقى أردوغان علي حسن في أنقرة.",
     {{"أردوغان", "person:erdogan"}, {"علي حسن", "person:ali-hassan"}},
     {{"04", "person:erdogan", "person:ali-hassan"}}},
};

INSTANTIATE_TEST_SUITE_P(Events, RoundC, ::testing::ValuesIn(kCases));

// The const overload adds nothing to the document: the city stays the
// target when its state is not named.
TEST(RoundCConst, ConstDocumentKeepsThePlace) {
  const Document doc =
      fixture::BuildDocument("قصفت روسيا محطة كهرباء في خاركيف.", Catalog(),
                             {{{"روسيا", "country:rus"}, {"خاركيف", "place:kharkiv"}}, {}, {}});
  const auto evs = fixture::Coder().Run(doc);
  ASSERT_EQ(evs.size(), 1u) << fixture::Dump(evs);
  EXPECT_EQ(evs[0].target, "place:kharkiv");
  EXPECT_EQ(doc.entities.size(), 2u);
}

}  // namespace
}  // namespace nufuz::events
