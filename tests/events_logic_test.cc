// Coding logic beyond single triggers (round B), on sentences written for
// the project: an announced act is the event, not the announcement (أعلنت X
// فرض عقوبات); the content of an appeal, demand or negotiation is no event of
// its own (حث X على السماح بدخول المساعدات); victims of force are its target
// (نجا X من محاولة اغتيال، تعرضت X لهجوم); a negated meeting is coded negated;
// a verb is not read as a noun's construct form (رحّلت is "deported", not
// رحلة); a nisba on an object names the target (على قاعدة أمريكية).
// Each case lists every event the sentence must give, and no other.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "events/events.h"
#include "events_fixture.h"

namespace nufuz::events {
namespace {

using fixture::Catalog;

struct Want {
  const char* code;    // CAMEO prefix
  const char* source;  // "" = none
  const char* target;  // "" = none
  bool negated = false;
  bool Matches(const Event& e) const {
    return e.cameo.starts_with(code) && e.source == source && e.target == target &&
           e.negated == negated;
  }
};

struct Case {
  const char* name;
  const char* text;
  std::vector<fixture::Mark> entities;
  std::vector<Want> events;  // all the sentence gives, in any order
  std::vector<fixture::Mark> quantities = {};
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.name;
}

class Logic : public ::testing::TestWithParam<Case> {};

TEST_P(Logic, CodesExactlyTheseEvents) {
  const Case& c = GetParam();
  const auto evs = fixture::Coder().Run(
      fixture::BuildDocument(c.text, Catalog(), {c.entities, {}, c.quantities}));
  fixture::ExpectExactly(c.name, evs, c.events);
}

const Case kCases[] = {
    // A. An announced act is the event; the announcement is not.
    {"announced sanctions: the sanctions only",
     "أعلنت فرنسا فرض عقوبات جديدة على إيران.",
     {{"فرنسا", "country:fra"}, {"إيران", "country:irn"}},
     {{"16", "country:fra", "country:irn"}}},
    {"announced aid with a target after ل: the aid only",
     "أعلنت ألمانيا تقديم مساعدات إنسانية لكازاخستان.",
     {{"ألمانيا", "country:deu"}, {"لكازاخستان", "country:kaz"}},
     {{"07", "country:deu", "country:kaz"}}},
    {"announced break of relations",
     "أعلن العراق قطع العلاقات الدبلوماسية مع سوريا.",
     {{"العراق", "country:irq"}, {"سوريا", "country:syr"}},
     {{"16", "country:irq", "country:syr"}}},
    {"an announced killing of militants: the fight, with no target",
     "أعلن الجيش التركي مقتل عشرة مسلحين في عملية عسكرية.",
     {{"الجيش التركي", "country:tur"}},
     {{"19", "country:tur", ""}}},
    {"announcing one's own losses codes no fight by the announcer",
     "أعلنت أوكرانيا مقتل خمسة من جنودها.",
     {{"أوكرانيا", "country:ukr"}},
     {{"01", "country:ukr", ""}}},
    {"an announcement with a parenthetical between commas",
     "أعلنت فرنسا، في بيان رسمي، فرض عقوبات على إيران.",
     {{"فرنسا", "country:fra"}, {"إيران", "country:irn"}},
     {{"16", "country:fra", "country:irn"}}},
    {"an announcement through a complementizer keeps its content attributed",
     "أعلنت تركيا أنها ستفرض عقوبات على إيران.",
     {{"تركيا", "country:tur"}, {"إيران", "country:irn"}},
     {{"1", "country:tur", "country:irn"}}},
    {"an announcement with no coded object stays a statement",
     "أعلن بوتين موقف روسيا من الأزمة.",
     {{"بوتين", "person:putin"}, {"روسيا", "country:rus"}},
     {{"01", "person:putin", ""}}},

    // B. The content of an appeal, demand, negotiation or agreement.
    {"urging to allow aid in: the appeal only",
     "حثت فرنسا تركيا على السماح بدخول المساعدات إلى سوريا.",
     {{"فرنسا", "country:fra"}, {"تركيا", "country:tur"}, {"سوريا", "country:syr"}},
     {{"02", "country:fra", "country:tur"}}},
    {"demanding that sanctions be lifted: the demand only",
     "طالبت الصين الولايات المتحدة برفع العقوبات عن إيران.",
     {{"الصين", "country:chn"}, {"الولايات المتحدة", "country:usa"}, {"إيران", "country:irn"}},
     {{"10", "country:chn", "country:usa"}}},
    {"a renewed demand (مطالبتها X بـ): her demand of X, and its content is no event",
     "جددت روسيا مطالبتها أوكرانيا بسحب قواتها من الحدود.",
     {{"روسيا", "country:rus"}, {"أوكرانيا", "country:ukr"}},
     {{"10", "country:rus", "country:ukr"}}},
    {"an appeal to donors (no actor) for aid to a country: that country",
     "ناشدت الأمم المتحدة المانحين تقديم مساعدات عاجلة لأفغانستان.",
     {{"الأمم المتحدة", "org:un"}, {"لأفغانستان", "country:afg"}},
     {{"02", "org:un", "country:afg"}}},
    {"an appeal with a verbal noun as second object: the appeal only",
     "ناشد الاتحاد الأوروبي المانحين إرسال مساعدات غذائية لأوكرانيا.",
     {{"الاتحاد الأوروبي", "org:eu"}, {"لأوكرانيا", "country:ukr"}},
     {{"02", "org:eu", "country:ukr"}}},
    {"an appeal to the international community for aid to a country",
     "دعت فرنسا المجتمع الدولي إلى تقديم مساعدات لأوكرانيا.",
     {{"فرنسا", "country:fra"}, {"لأوكرانيا", "country:ukr"}},
     {{"02", "country:fra", "country:ukr"}}},
    {"an appeal to release detainees: the appeal only",
     "دعت فرنسا إيران إلى الإفراج عن المعتقلين.",
     {{"فرنسا", "country:fra"}, {"إيران", "country:irn"}},
     {{"02", "country:fra", "country:irn"}}},
    {"negotiating an agreement: the talks only",
     "تتفاوض روسيا وأوزبكستان على اتفاقية لتوريد الغاز.",
     {{"روسيا", "country:rus"}, {"أوزبكستان", "country:uzb"}},
     {{"04", "country:rus", "country:uzb"}, {"04", "country:uzb", "country:rus"}}},
    {"an investigation into killings: the killings are not the investigator's",
     "فتحت فرنسا تحقيقا في مقتل صحفيين في العراق.",
     {{"فرنسا", "country:fra"}, {"العراق", "country:irq"}},
     {{"09", "country:fra", "country:irq"}}},
    {"an appeal to investigate killings: no killing by the appealer",
     "دعت فرنسا إلى التحقيق في مقتل صحفيين في العراق.",
     {{"فرنسا", "country:fra"}, {"العراق", "country:irq"}},
     {{"02", "country:fra", "country:irq"}}},
    {"an agreement for cooperation is one agreement",
     "وقعت روسيا والصين اتفاقية للتعاون في مجال الطاقة.",
     {{"روسيا", "country:rus"}, {"الصين", "country:chn"}},
     {{"057", "country:rus", "country:chn"}, {"057", "country:chn", "country:rus"}}},

    // D. Claims and denials of responsibility need no addressee.
    {"claiming responsibility stands without a target",
     "أعلنت روسيا مسؤوليتها عن الضربة الجوية.",
     {{"روسيا", "country:rus"}},
     {{"015", "country:rus", ""}}},
    {"denying responsibility: the denier is not the doer of the act",
     "نفت تركيا مسؤوليتها عن الانفجار.",
     {{"تركيا", "country:tur"}},
     {{"016", "country:tur", ""}}},
    {"denying any involvement",
     "نفت إيران أي تورط لها في الحادث.",
     {{"إيران", "country:irn"}},
     {{"016", "country:irn", ""}}},

    // E. A meeting or visit that did not take place.
    {"did not meet (لم يلتق, jussive of a defective verb): the meeting, negated",
     "لم يلتق بوتين بأردوغان في القمة الأخيرة.",
     {{"بوتين", "person:putin"}, {"بأردوغان", "person:erdogan"}},
     {{"04", "person:putin", "person:erdogan", true}}},
    {"did not visit (لم يزر, jussive of a hollow verb): the visit, negated",
     "لم يزر أردوغان روسيا منذ عامين.",
     {{"أردوغان", "person:erdogan"}, {"روسيا", "country:rus"}},
     {{"04", "person:erdogan", "country:rus", true}}},
    {"a feminine subject (لم تلتق)",
     "لم تلتق فرنسا بإيران رغم الوساطة.",
     {{"فرنسا", "country:fra"}, {"بإيران", "country:irn"}},
     {{"04", "country:fra", "country:irn", true}}},
    {"will not visit (لن يزور) stays a refusal",
     "لن يزور بوتين تركيا هذا العام.",
     {{"بوتين", "person:putin"}, {"تركيا", "country:tur"}},
     {{"12", "person:putin", "country:tur"}}},

    // B'. Refusing another's act or proposal rejects its author.
    {"rejecting another's mediation (الوساطة الأمريكية) rejects the mediator",
     "رفضت أوزبكستان الوساطة الروسية.",
     {{"أوزبكستان", "country:uzb"}, {"الروسية", "country:rus#nisba"}},
     {{"12", "country:uzb", "country:rus"}}},
    {"rejecting a proposal for a ceasefire: the proposal's author, no ceasefire",
     "رفضت أرمينيا المقترح الأذربيجاني لوقف إطلاق النار.",
     {{"أرمينيا", "country:arm"}, {"الأذربيجاني", "country:aze#nisba"}},
     {{"12", "country:arm", "country:aze"}}},
    {"rejecting appeals to lift sanctions: the appeal's content is no event",
     "رفضت روسيا دعوات فرنسا لرفع العقوبات.",
     {{"روسيا", "country:rus"}, {"فرنسا", "country:fra"}},
     {{"12", "country:rus", "country:fra"}}},
    {"refusing one's own act still refuses that act",
     "رفضت روسيا الانسحاب من أوكرانيا.",
     {{"روسيا", "country:rus"}, {"أوكرانيا", "country:ukr"}},
     {{"12", "country:rus", "country:ukr"}}},

    // C. Victims of force are its target; the doer only when named.
    {"escaped an assassination attempt: the survivor is the target, no doer",
     "نجا أردوغان من محاولة اغتيال في أنقرة.",
     {{"أردوغان", "person:erdogan"}},
     {{"18", "", "person:erdogan"}}},
    {"the survivor named by title and nisba",
     "نجا وزير الدفاع الأوكراني من محاولة اغتيال.",
     {{"الأوكراني", "country:ukr#nisba"}},
     {{"18", "", "country:ukr"}}},
    {"subjected to an attack (تعرضت X لهجوم): X is the target",
     "تعرضت السفارة الفرنسية في بغداد لهجوم صاروخي.",
     {{"الفرنسية", "country:fra#nisba"}},
     {{"19", "", "country:fra"}}},
    {"an attack launched by a named doer (شنته Y)",
     "تعرضت قافلة تركية لهجوم شنته سوريا.",
     {{"تركية", "country:tur#nisba"}, {"سوريا", "country:syr"}},
     {{"19", "country:syr", "country:tur"}}},
    {"counted victims after the verb (passive): no doer, one event",
     "قتل خمسة جنود أتراك في هجوم لمسلحين.",
     {{"أتراك", "country:tur#nisba"}},
     {{"19", "", "country:tur"}},
     {{"خمسة", "person"}}},
    {"an indefinite victim and its nisba after the verb (passive, no number)",
     "قتل صحفي فرنسي في أوكرانيا.",
     {{"فرنسي", "country:fra#nisba"}, {"أوكرانيا", "country:ukr"}},
     {{"19", "", "country:fra"}}},
    {"passive soldiers and the attack that killed them: one event",
     "قتل جنود أتراك في هجوم لمسلحين.",
     {{"أتراك", "country:tur#nisba"}},
     {{"19", "", "country:tur"}}},
    {"an active verb with its object after the subject is no passive",
     "قتلت قوات روسية جنودا أوكرانيين.",
     {{"روسية", "country:rus#nisba"}, {"أوكرانيين", "country:ukr#nisba"}},
     {{"19", "country:rus", "country:ukr"}}},
    {"counted victims with no actor: where they fell is no target",
     "قتل جنديان في كمين في العراق.",
     {{"العراق", "country:irq"}},
     {},
     {{"جنديان", "person"}}},
    {"gunmen loyal to an actor (موالون لـ X): X is the doer",
     "هاجم مقاتلون موالون لإيران قاعدة أمريكية.",
     {{"لإيران", "country:irn"}, {"أمريكية", "country:usa#nisba"}},
     {{"19", "country:irn", "country:usa"}}},
    {"a body a victim belongs to, with its country after it, is the target",
     "اغتال مسلحون مجهولون قياديا في حركة طالبان شمالي أفغانستان.",
     {{"حركة طالبان", "org:taliban"}, {"أفغانستان", "country:afg"}},
     {{"18", "", "org:taliban"}}},
    {"an active killing keeps its doer",
     "قتلت روسيا خمسة جنود أوكرانيين في قصف مدفعي.",
     {{"روسيا", "country:rus"}, {"أوكرانيين", "country:ukr#nisba"}},
     {{"19", "country:rus", "country:ukr"}},
     {{"خمسة", "person"}}},

    {"the scene of protests (شهدت X احتجاجات) is not the protester",
     "شهدت تركيا احتجاجات حاشدة ضد أردوغان.",
     {{"تركيا", "country:tur"}, {"أردوغان", "person:erdogan"}},
     {{"14", "", "person:erdogan"}}},

    // G. A nisba on the object names the target.
    {"released a Ukrainian journalist: Ukraine is the target",
     "أفرجت الصين عن صحفي أوكراني أمس.",
     {{"الصين", "country:chn"}, {"أوكراني", "country:ukr#nisba"}},
     {{"08", "country:chn", "country:ukr"}}},
    {"released a number of French journalists (عدد من): France",
     "أفرجت إيران عن عدد من الصحفيين الفرنسيين.",
     {{"إيران", "country:irn"}, {"الفرنسيين", "country:fra#nisba"}},
     {{"08", "country:irn", "country:fra"}}},
    {"froze the assets of some Iranian businessmen",
     "جمدت فرنسا أصول عدد من رجال الأعمال الإيرانيين.",
     {{"فرنسا", "country:fra"}, {"الإيرانيين", "country:irn#nisba"}},
     {{"16", "country:fra", "country:irn"}}},
    {"a nisba after من without a count names no target",
     "أفرجت إيران عن صحفي من التلفزيون الفرنسي.",
     {{"إيران", "country:irn"}, {"الفرنسي", "country:fra#nisba"}},
     {{"08", "country:irn", ""}}},
    {"rejected the Russian proposal",
     "رفضت تركيا المقترح الروسي.",
     {{"تركيا", "country:tur"}, {"الروسي", "country:rus#nisba"}},
     {{"12", "country:tur", "country:rus"}}},
    {"restrictions on Chinese imports",
     "فرضت فرنسا قيودا على الواردات الصينية.",
     {{"فرنسا", "country:fra"}, {"الصينية", "country:chn#nisba"}},
     {{"16", "country:fra", "country:chn"}}},
    {"backed the Chinese initiative",
     "أيدت أوزبكستان المبادرة الصينية.",
     {{"أوزبكستان", "country:uzb"}, {"الصينية", "country:chn#nisba"}},
     {{"05", "country:uzb", "country:chn"}}},
    {"receiving refugees of a country is no hosted visit",
     "استقبلت تركيا آلاف اللاجئين السوريين.",
     {{"تركيا", "country:tur"}, {"السوريين", "country:syr#nisba"}},
     {}},
    {"air defences of a country shoot down another's drones",
     "أسقطت الدفاعات الجوية الأوكرانية طائرات مسيرة روسية.",
     {{"الأوكرانية", "country:ukr#nisba"}, {"روسية", "country:rus#nisba"}},
     {{"19", "country:ukr", "country:rus"}}},
    {"a statement to a channel: the nisba on the channel is no addressee",
     "قال بوتين للتلفزيون الروسي إن روسيا ستدعم كازاخستان.",
     {{"بوتين", "person:putin"},
      {"الروسي", "country:rus#nisba"},
      {"روسيا", "country:rus"},
      {"كازاخستان", "country:kaz"}},
     {{"03", "person:putin", "country:kaz"}}},

    // H. The country the object is in, after في.
    {"an appeal to the warring parties in a country",
     "دعت فرنسا الأطراف المتحاربة في سوريا إلى الحوار.",
     {{"فرنسا", "country:fra"}, {"سوريا", "country:syr"}},
     {{"02", "country:fra", "country:syr"}}},
    {"air strikes on positions in the north of a country",
     "شنت تركيا غارات جوية على مواقع في شمال العراق.",
     {{"تركيا", "country:tur"}, {"العراق", "country:irq"}},
     {{"19", "country:tur", "country:irq"}}},
    {"condemning a coup in a country",
     "نددت فرنسا بالانقلاب العسكري في أفغانستان.",
     {{"فرنسا", "country:fra"}, {"أفغانستان", "country:afg"}},
     {{"11", "country:fra", "country:afg"}}},
    {"talks in a country: the venue, not a party",
     "عقدت روسيا وأوزبكستان محادثات في تركيا.",
     {{"روسيا", "country:rus"}, {"وأوزبكستان", "country:uzb"}, {"تركيا", "country:tur"}},
     {{"04", "country:rus", "country:uzb"}, {"04", "country:uzb", "country:rus"}}},
    {"arresting activists in a country says where, not whom",
     "اعتقلت روسيا ناشطين في أوكرانيا.",
     {{"روسيا", "country:rus"}, {"أوكرانيا", "country:ukr"}},
     {{"17", "country:rus", ""}}},

    // F. A verb is not read as a noun's construct form.
    {"رحّلت is deported, not a trip",
     "رحّلت ألمانيا مئات المهاجرين إلى أفغانستان.",
     {{"ألمانيا", "country:deu"}, {"أفغانستان", "country:afg"}},
     {{"17", "country:deu", "country:afg"}}},
    {"the noun with a pronoun after it is still a trip",
     "بدأ بوتين رحلته إلى الصين.",
     {{"بوتين", "person:putin"}, {"الصين", "country:chn"}},
     {{"04", "person:putin", "country:chn"}}},
    {"a visit noun with a pronoun suffix keeps its reading",
     "اختتمت أوزبكستان زيارتها إلى كازاخستان.",
     {{"أوزبكستان", "country:uzb"}, {"كازاخستان", "country:kaz"}},
     {{"04", "country:uzb", "country:kaz"}}},
};

INSTANTIATE_TEST_SUITE_P(Events, Logic, ::testing::ValuesIn(kCases));

}  // namespace
}  // namespace nufuz::events
