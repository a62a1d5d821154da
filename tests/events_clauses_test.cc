// Clauses and senses, on sentences written for the project: participles
// after a clause (داعيا، مطالبة، محذرة: the clause's subject acts on the
// actor after them), office holders named by title and nisba (الرئيس الصيني,
// وزير الخارجية الروسي), بلاده with the ه of "his", a nisba after a definite
// genitive (قوات الأمن الإيرانية), حليفتها and البلاد, جراء, refusing
// another's act (رفض الاتهامات الأمريكية), weapons as actor nouns, targets
// named by a pronoun (بحقه، ضدها), and the senses of hosting,
// chairing, lifting and tightening sanctions, memoranda, ultimatums, rallies and declaring a
// diplomat persona non grata.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "events/events.h"
#include "test_util.h"
#include "text/text.h"

namespace nufuz::events {
namespace {

const text::Lexicon& Lex() {
  static std::shared_ptr<const text::Lexicon> lex = [] {
    auto r = text::Lexicon::Load(nufuz::testing::DataDir());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : text::Lexicon::FromWords({});
  }();
  return *lex;
}

const EventCoder& Coder() {
  static std::shared_ptr<const EventCoder> coder = [] {
    auto r = EventCoder::Load(nufuz::testing::DataDir());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : nullptr;
  }();
  return *coder;
}

const std::vector<Entity>& Catalog() {
  static const std::vector<Entity> kCatalog = {
      {"country:rus", "COUNTRY", "Russia", "روسيا", "Q159", {}},
      {"country:chn", "COUNTRY", "China", "الصين", "Q148", {}},
      {"country:kaz", "COUNTRY", "Kazakhstan", "كازاخستان", "Q232", {}},
      {"country:tur", "COUNTRY", "Turkey", "تركيا", "Q43", {}},
      {"country:irn", "COUNTRY", "Iran", "إيران", "Q794", {}},
      {"country:ukr", "COUNTRY", "Ukraine", "أوكرانيا", "Q212", {}},
      {"country:fra", "COUNTRY", "France", "فرنسا", "Q142", {}},
      {"country:usa", "COUNTRY", "United States", "الولايات المتحدة", "Q30", {}},
      {"country:uzb", "COUNTRY", "Uzbekistan", "أوزبكستان", "Q265", {}},
      {"country:aze", "COUNTRY", "Azerbaijan", "أذربيجان", "Q227", {}},
      {"country:arm", "COUNTRY", "Armenia", "أرمينيا", "Q399", {}},
      {"country:blr", "COUNTRY", "Belarus", "بيلاروسيا", "Q184", {}},
      {"person:putin",
       "PERSON",
       "Vladimir Putin",
       "بوتين",
       "",
       {{"country", "country:rus"}, {"role", "president"}}},
      {"person:lavrov",
       "PERSON",
       "Sergei Lavrov",
       "لافروف",
       "",
       {{"country", "country:rus"}, {"role", "foreign minister"}}},
      {"person:xi", "PERSON", "Xi Jinping", "شي جين بينغ", "", {{"country", "country:chn"}}},
      {"person:erdogan",
       "PERSON",
       "Recep Tayyip Erdogan",
       "أردوغان",
       "",
       {{"country", "country:tur"}, {"role", "president"}}},
      {"bloc:central-asia", "BLOC", "Central Asia", "آسيا الوسطى", "", {}},
      {"org:court", "ORG", "International Criminal Court", "المحكمة", "", {}},
      {"place:tashkent", "PLACE", "Tashkent", "طشقند", "", {{"country", "country:uzb"}}},
      {"place:baku", "PLACE", "Baku", "باكو", "", {{"country", "country:aze"}}},
  };
  return kCatalog;
}

std::uint32_t CpOf(const std::string& text, std::size_t byte) {
  return static_cast<std::uint32_t>(utf8::Length(std::string_view(text).substr(0, byte)));
}

struct Mark {
  const char* surface;
  const char* id;  // entity id ("#nisba" suffix: a nisba mention); for a DATE its value
};

// Marks the n-th occurrence of each surface (in order of the list).
Document Build(const std::string& text, const std::vector<Mark>& entities,
               const std::vector<Mark>& dates = {}, const char* published = nullptr) {
  Document d;
  d.id = "test";
  d.text = text;
  if (published) d.published = published;
  text::Tokenize(d, Lex());
  std::vector<std::pair<std::string, std::size_t>> seen;
  auto find = [&](const std::string& s) {
    std::size_t from = 0;
    for (const auto& [w, end] : seen)
      if (w == s) from = end;
    std::size_t at = d.text.find(s, from);
    EXPECT_NE(at, std::string::npos) << s;
    if (at != std::string::npos) seen.push_back({s, at + 1});
    return at;
  };
  for (const auto& m : entities) {
    std::size_t at = find(m.surface);
    if (at == std::string::npos) continue;
    std::string id = m.id;
    Attrs attrs;
    if (auto hash = id.find('#'); hash != std::string::npos) {
      attrs.emplace_back("form", id.substr(hash + 1));
      id.resize(hash);
    }
    attrs.insert(attrs.begin(), {"entity", id});
    d.spans.push_back(
        Span{CpOf(d.text, at), CpOf(d.text, at + std::string(m.surface).size()), "ENTITY", attrs});
    bool have = false;
    for (const auto& e : d.entities) have = have || e.id == id;
    if (!have)
      for (const auto& e : Catalog())
        if (e.id == id) d.entities.push_back(e);
  }
  for (const auto& m : dates) {
    std::size_t at = find(m.surface);
    if (at == std::string::npos) continue;
    d.spans.push_back(Span{CpOf(d.text, at),
                           CpOf(d.text, at + std::string(m.surface).size()),
                           "DATE",
                           {{"value", m.id}, {"anchor", "absolute"}, {"kind", "point"}}});
  }
  return d;
}

std::string Dump(const std::vector<Event>& evs) {
  std::ostringstream o;
  for (const auto& e : evs)
    o << e.cameo << " " << (e.source.empty() ? "-" : e.source) << " -> "
      << (e.target.empty() ? "-" : e.target) << " " << e.date << "\n";
  return o.str();
}

struct Case {
  const char* name;
  const char* text;
  std::vector<Mark> entities;
  const char* code;    // CAMEO prefix
  const char* source;  // "" = none
  const char* target;  // "" = none
  int count;           // events with this code prefix, source and target (0: none)
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.name;
}

class Clauses : public ::testing::TestWithParam<Case> {};

TEST_P(Clauses, CodesTheEvent) {
  const Case& c = GetParam();
  auto evs = Coder().Run(Build(c.text, c.entities));
  int n = 0;
  for (const auto& e : evs)
    if (e.cameo.rfind(c.code, 0) == 0 && e.source == c.source && e.target == c.target) ++n;
  EXPECT_EQ(n, c.count) << c.name << "\n" << Dump(evs);
}

const Case kCases[] = {
    // Participles.
    {"a demand in a participle after a comma: the clause's subject demands",
     "انتقدت فرنسا الهجوم على السفارة، مطالبة روسيا بفتح تحقيق.",
     {{"فرنسا", "country:fra"}, {"روسيا", "country:rus"}},
     "100",
     "country:fra",
     "country:rus",
     1},
    {"the participle's object is no subject: Russia demands nothing",
     "انتقدت فرنسا الهجوم على السفارة، مطالبة روسيا بفتح تحقيق.",
     {{"فرنسا", "country:fra"}, {"روسيا", "country:rus"}},
     "10",
     "country:rus",
     "",
     0},
    {"an appeal to settle (داعية ... إلى ضبط النفس) by the subject of the clause",
     "أدانت الصين التصعيد على الحدود، داعية أرمينيا إلى ضبط النفس.",
     {{"الصين", "country:chn"}, {"أرمينيا", "country:arm"}},
     "027",
     "country:chn",
     "country:arm",
     1},
    {"a cue before the participle does not choose its sense (دعم ... داعيا)",
     "جددت روسيا دعمها لبيلاروسيا، داعيا أوزبكستان إلى الانضمام إلى الاتحاد.",
     {{"روسيا", "country:rus"}, {"لبيلاروسيا", "country:blr"}, {"أوزبكستان", "country:uzb"}},
     "023",
     "country:rus",
     "country:uzb",
     0},
    {"a warning in a participle after an accusation",
     "اتهمت إيران أوكرانيا بتسريب المعلومات، محذرة الولايات المتحدة من عواقب التصعيد.",
     {{"إيران", "country:irn"}, {"أوكرانيا", "country:ukr"}, {"الولايات المتحدة", "country:usa"}},
     "13",
     "country:irn",
     "country:usa",
     1},
    {"a participle after reported speech belongs to the speaker",
     "قال بوتين إن روسيا ستزور كازاخستان قريبا، داعيا أوزبكستان إلى الحوار.",
     {{"بوتين", "person:putin"},
      {"روسيا", "country:rus"},
      {"كازاخستان", "country:kaz"},
      {"أوزبكستان", "country:uzb"}},
     "026",
     "person:putin",
     "country:uzb",
     1},
    {"a participle statement without a target is no statement of its own",
     "زار أردوغان باكو أمس، مؤكدا أن العلاقات بين البلدين متينة.",
     {{"أردوغان", "person:erdogan"}, {"باكو", "place:baku"}},
     "01",
     "person:erdogan",
     "",
     0},
    {"a participle statement with a target (مشيرا إلى X)",
     "زار أردوغان باكو أمس، مشيرا إلى أذربيجان بوصفها شريكا.",
     {{"أردوغان", "person:erdogan"}, {"باكو", "place:baku"}, {"أذربيجان", "country:aze"}},
     "010",
     "person:erdogan",
     "country:aze",
     1},
    // Titles, anaphors, nisbas.
    {"الرئيس الصيني with no name is the office holder named before",
     "استقبل بوتين شي جين بينغ في موسكو. وقال الرئيس الصيني إن بكين تدعم روسيا.",
     {{"بوتين", "person:putin"},
      {"شي جين بينغ", "person:xi"},
      {"الصيني", "country:chn#nisba"},
      {"روسيا", "country:rus"}},
     "010",
     "person:xi",
     "",
     1},
    {"وزير الخارجية الروسي is the foreign minister named before, not the president",
     "التقى لافروف وبوتين وفدا تركيا. وقال وزير الخارجية الروسي لتركيا إن الحوار مستمر.",
     {{"لافروف", "person:lavrov"},
      {"بوتين", "person:putin"},
      {"الروسي", "country:rus#nisba"},
      {"لتركيا", "country:tur"}},
     "010",
     "person:lavrov",
     "country:tur",
     1},
    {"a title with no office holder named stays the country",
     "وقال الرئيس التركي لأذربيجان إن الحوار مستمر.",
     {{"التركي", "country:tur#nisba"}, {"لأذربيجان", "country:aze"}},
     "010",
     "country:tur",
     "country:aze",
     1},
    {"بلاده (his country) in reported speech: the speaker acts",
     "قال أردوغان إن بلاده ستزور أذربيجان.",
     {{"أردوغان", "person:erdogan"}, {"أذربيجان", "country:aze"}},
     "04",
     "person:erdogan",
     "country:aze",
     1},
    {"بلاده after a title with a nisba: the title's country",
     "وقال الرئيس التركي إن بلاده ستدعم أذربيجان.",
     {{"التركي", "country:tur#nisba"}, {"أذربيجان", "country:aze"}},
     "03",
     "country:tur",
     "country:aze",
     1},
    {"a nisba after a definite genitive names the actor (قوات الأمن الإيرانية)",
     "هاجمت قوات الأمن الإيرانية سفينة تركية في الخليج.",
     {{"الإيرانية", "country:irn#nisba"}, {"تركية", "country:tur#nisba"}},
     "19",
     "country:irn",
     "country:tur",
     1},
    {"a verbal noun after جراء is a cause: the clause's subject did not do it",
     "تضررت كازاخستان جراء العقوبات على روسيا.",
     {{"كازاخستان", "country:kaz"}, {"روسيا", "country:rus"}},
     "16",
     "country:kaz",
     "country:rus",
     0},
    {"... a cause with its doer named after it is coded (بسبب الغزو الروسي لـX)",
     "تراجعت تجارة كازاخستان بسبب الغزو الروسي لأوكرانيا.",
     {{"كازاخستان", "country:kaz"}, {"الروسي", "country:rus#nisba"}, {"لأوكرانيا", "country:ukr"}},
     "19",
     "country:rus",
     "country:ukr",
     1},
    {"حليفتها: the state named before that is not the subject",
     "تواجه أرمينيا توترا على حدودها. وأرسلت روسيا وحدات عسكرية إلى حليفتها في القوقاز.",
     {{"أرمينيا", "country:arm"}, {"روسيا", "country:rus"}},
     "154",
     "country:rus",
     "country:arm",
     1},
    {"جارتها with its name after a comma: the named state",
     "ضربت الفيضانات أوزبكستان. وأرسلت الصين مساعدات إلى جارتها الغربية، كازاخستان، بعد الكارثة.",
     {{"أوزبكستان", "country:uzb"}, {"الصين", "country:chn"}, {"كازاخستان", "country:kaz"}},
     "073",
     "country:chn",
     "country:kaz",
     1},
    {"إلى البلاد: the state named before",
     "تواجه كازاخستان اضطرابات. ووصل لافروف إلى البلاد أمس.",
     {{"كازاخستان", "country:kaz"}, {"لافروف", "person:lavrov"}},
     "042",
     "person:lavrov",
     "country:kaz",
     1},
    {"في أنحاء البلاد is where, not who: no actor",
     "تواجه كازاخستان اضطرابات. واندلعت احتجاجات في أنحاء البلاد.",
     {{"كازاخستان", "country:kaz"}},
     "14",
     "country:kaz",
     "",
     0},
    {"refusing another's accusation rejects its author (رفض الاتهامات الأمريكية)",
     "رفضت الصين الاتهامات الأمريكية بشأن التجسس.",
     {{"الصين", "country:chn"}, {"الأمريكية", "country:usa#nisba"}},
     "12",
     "country:chn",
     "country:usa",
     1},
    {"refusing another's appeal rejects its author (رفض دعوة X)",
     "رفضت إيران دعوة فرنسا إلى الحوار.",
     {{"إيران", "country:irn"}, {"فرنسا", "country:fra"}},
     "12",
     "country:irn",
     "country:fra",
     1},
    {"drones with a nisba act for their state; the target's nisba names the victim",
     "استهدفت مسيرات أوكرانية مصفاة نفط روسية.",
     {{"أوكرانية", "country:ukr#nisba"}, {"روسية", "country:rus#nisba"}},
     "19",
     "country:ukr",
     "country:rus",
     1},
    {"نفذ ضربات ضد ... في X: strikes on X",
     "نفذ الجيش التركي ضربات ضد مواقع مسلحة في أرمينيا.",
     {{"التركي", "country:tur#nisba"}, {"أرمينيا", "country:arm"}},
     "195",
     "country:tur",
     "country:arm",
     1},
    {"tear gas fired by the police is repression, not fighting",
     "أطلقت الشرطة الإيرانية الغاز المسيل للدموع على المحتجين.",
     {{"الإيرانية", "country:irn#nisba"}},
     "175",
     "country:irn",
     "",
     1},
    {"an announced verbal noun is the content: no targetless statement besides it",
     "أعلنت أرمينيا وأذربيجان وقف إطلاق النار على الحدود.",
     {{"أرمينيا", "country:arm"}, {"أذربيجان", "country:aze"}},
     "01",
     "country:arm",
     "",
     0},
    {"... and the announced ceasefire is coded",
     "أعلنت أرمينيا وأذربيجان وقف إطلاق النار على الحدود.",
     {{"أرمينيا", "country:arm"}, {"أذربيجان", "country:aze"}},
     "087",
     "country:arm",
     "country:aze",
     1},
    {"بحقه: the person named before, in another clause of the sentence",
     "سافر بوتين إلى أوزبكستان بعد أن أصدرت المحكمة مذكرة توقيف بحقه.",
     {{"بوتين", "person:putin"}, {"أوزبكستان", "country:uzb"}, {"المحكمة", "org:court"}},
     "173",
     "org:court",
     "person:putin",
     1},
    {"ضدها: the state named before, not the clause's subject",
     "تواجه إيران عزلة متزايدة. وفرضت فرنسا عقوبات جديدة ضدها.",
     {{"إيران", "country:irn"}, {"فرنسا", "country:fra"}},
     "163",
     "country:fra",
     "country:irn",
     1},
    {"معها has no clear referent: no target from it",
     "تواجه إيران عزلة متزايدة. وتعاونت فرنسا معها في الملف.",
     {{"إيران", "country:irn"}, {"فرنسا", "country:fra"}},
     "06",
     "country:fra",
     "country:irn",
     0},
    {"a verb with an object pronoun after a relative pronoun is a verb: its subject follows it",
     "التقى بوتين أردوغان خلال القمة التي استضافتها طشقند.",
     {{"بوتين", "person:putin"}, {"أردوغان", "person:erdogan"}, {"طشقند", "place:tashkent"}},
     "043",
     "person:putin",
     "place:tashkent",
     0},
    {"ل on an actor noun governs the actor after it (لدول X)",
     "ستقدم الصين قروضا ميسرة لدول آسيا الوسطى.",
     {{"الصين", "country:chn"}, {"آسيا الوسطى", "bloc:central-asia"}},
     "03",
     "country:chn",
     "bloc:central-asia",
     1},
    {"a sentence with no event still passes its subject to a conjoined verb after it",
     "وفي العام الماضي، أصبحت تركيا وجهة للمستثمرين. واستضافت قمة مع أذربيجان.",
     {{"تركيا", "country:tur"}, {"أذربيجان", "country:aze"}},
     "043",
     "country:tur",
     "country:aze",
     1},
    {"a feminine verb does not continue a man's story",
     "زار أردوغان باكو أمس. واستضافت قمة مع أرمينيا.",
     {{"أردوغان", "person:erdogan"}, {"باكو", "place:baku"}, {"أرمينيا", "country:arm"}},
     "043",
     "person:erdogan",
     "country:arm",
     0},
    {"receiving a delegation from X: X is the guest",
     "استقبلت الصين وفدا رفيعا من إيران.",
     {{"الصين", "country:chn"}, {"إيران", "country:irn"}},
     "043",
     "country:chn",
     "country:irn",
     1},
    // Senses.
    {"an agreement of cooperation is one agreement (057) ...",
     "وقعت روسيا اتفاقية تعاون عسكري مع أرمينيا.",
     {{"روسيا", "country:rus"}, {"أرمينيا", "country:arm"}},
     "057",
     "country:rus",
     "country:arm",
     1},
    {"... not also cooperation",
     "وقعت روسيا اتفاقية تعاون عسكري مع أرمينيا.",
     {{"روسيا", "country:rus"}, {"أرمينيا", "country:arm"}},
     "06",
     "country:rus",
     "country:arm",
     0},
    {"exercises around (حول) X are a show of force at X by the light verb's subject",
     "أجرت الصين مناورات عسكرية واسعة حول أوزبكستان.",
     {{"الصين", "country:chn"}, {"أوزبكستان", "country:uzb"}},
     "150",
     "country:chn",
     "country:uzb",
     1},
    {"strikes (الضربات) on a named target are coded without a cue word",
     "أدانت روسيا الضربات الأمريكية على إيران.",
     {{"روسيا", "country:rus"}, {"الأمريكية", "country:usa#nisba"}, {"إيران", "country:irn"}},
     "195",
     "country:usa",
     "country:irn",
     1},
    {"blows (ضربات) with no target on or against are no strike",
     "ألحقت العقوبات الأمريكية ضربات قوية باقتصاد إيران.",
     {{"الأمريكية", "country:usa#nisba"}, {"إيران", "country:irn"}},
     "19",
     "country:usa",
     "country:irn",
     0},
    {"opening fire (فتح النار) on an object whose nisba names its state",
     "فتحت الشرطة التركية النار على سفينة أوكرانية قرب الساحل.",
     {{"التركية", "country:tur#nisba"}, {"أوكرانية", "country:ukr#nisba"}},
     "193",
     "country:tur",
     "country:ukr",
     1},
    {"protesters fired on are victims, not a protest",
     "فتحت قوات الأمن الإيرانية النار على المحتجين في المدينة.",
     {{"الإيرانية", "country:irn#nisba"}},
     "14",
     "country:irn",
     "",
     0},
    {"opening a door to dialogue is no force",
     "وفتحت روسيا باب الحوار مع أوكرانيا.",
     {{"روسيا", "country:rus"}, {"أوكرانيا", "country:ukr"}},
     "19",
     "country:rus",
     "country:ukr",
     0},
    {"destroying (دمر) a depot in X",
     "دمرت القوات الروسية مستودعا للذخيرة في أوكرانيا.",
     {{"الروسية", "country:rus#nisba"}, {"أوكرانيا", "country:ukr"}},
     "190",
     "country:rus",
     "country:ukr",
     1},
    {"وجه تحذيرا إلى X is a warning to X",
     "وجهت إيران تحذيرا شديد اللهجة إلى أذربيجان.",
     {{"إيران", "country:irn"}, {"أذربيجان", "country:aze"}},
     "13",
     "country:irn",
     "country:aze",
     1},
    {"وجه دعوة إلى X is an appeal to X",
     "وجهت فرنسا دعوة إلى أرمينيا لحضور المؤتمر.",
     {{"فرنسا", "country:fra"}, {"أرمينيا", "country:arm"}},
     "02",
     "country:fra",
     "country:arm",
     1},
    {"بعث برقية تهنئة إلى X praises X",
     "بعث أردوغان برقية تهنئة إلى بوتين.",
     {{"أردوغان", "person:erdogan"}, {"بوتين", "person:putin"}},
     "051",
     "person:erdogan",
     "person:putin",
     1},
    {"أبلغ X Y is a statement to Y",
     "أبلغ لافروف نظيره التركي بموقف روسيا.",
     {{"لافروف", "person:lavrov"}, {"التركي", "country:tur#nisba"}, {"روسيا", "country:rus"}},
     "010",
     "person:lavrov",
     "country:tur",
     1},
    {"يبلغ (amounts to) is no statement",
     "وتبلغ قيمة التجارة بين روسيا وأوزبكستان عشرة مليارات دولار.",
     {{"روسيا", "country:rus"}, {"أوزبكستان", "country:uzb"}},
     "01",
     "country:rus",
     "",
     0},
    {"a pronoun-suffixed verbal noun after the subject's name is a noun (دعمها لـX)",
     "جددت الصين دعمها لروسيا في مواجهة العقوبات الغربية.",
     {{"الصين", "country:chn"}, {"لروسيا", "country:rus"}},
     "05",
     "country:chn",
     "country:rus",
     1},
    {"a protest in front of an embassy is against its state",
     "تظاهر مئات الطلاب أمام السفارة الفرنسية احتجاجا على القرار.",
     {{"الفرنسية", "country:fra#nisba"}},
     "141",
     "",
     "country:fra",
     1},
    {"احتضن a summit: the host city hosts the parties (its country is no entity here)",
     "احتضنت طشقند اجتماعا بين أذربيجان وأرمينيا.",
     {{"طشقند", "place:tashkent"}, {"أذربيجان", "country:aze"}, {"أرمينيا", "country:arm"}},
     "043",
     "place:tashkent",
     "country:aze",
     1},
    {"ترأس وفدا إلى X is a visit",
     "ترأس لافروف وفدا رفيعا إلى أوزبكستان.",
     {{"لافروف", "person:lavrov"}, {"أوزبكستان", "country:uzb"}},
     "042",
     "person:lavrov",
     "country:uzb",
     1},
    {"ترأس اجتماعا مع X is a meeting",
     "ترأس بوتين اجتماعا مع أردوغان في سوتشي.",
     {{"بوتين", "person:putin"}, {"أردوغان", "person:erdogan"}},
     "04",
     "person:putin",
     "person:erdogan",
     1},
    {"lifting sanctions (ألغى العقوبات على X)",
     "ألغت الولايات المتحدة العقوبات المفروضة على بيلاروسيا.",
     {{"الولايات المتحدة", "country:usa"}, {"بيلاروسيا", "country:blr"}},
     "085",
     "country:usa",
     "country:blr",
     1},
    {"tightening sanctions (شدد العقوبات على X) is no statement",
     "شددت فرنسا العقوبات على إيران.",
     {{"فرنسا", "country:fra"}, {"إيران", "country:irn"}},
     "163",
     "country:fra",
     "country:irn",
     1},
    {"a memorandum of understanding is an agreement",
     "وقعت روسيا وأوزبكستان مذكرة تفاهم في مجال الطاقة.",
     {{"روسيا", "country:rus"}, {"أوزبكستان", "country:uzb"}},
     "057",
     "country:rus",
     "country:uzb",
     1},
    {"a deadline (أمهل X) is an ultimatum",
     "أمهلت تركيا أرمينيا أسبوعا للرد على المقترح.",
     {{"تركيا", "country:tur"}, {"أرمينيا", "country:arm"}},
     "139",
     "country:tur",
     "country:arm",
     1},
    {"a rally (احتشد ... أمام السفارة) with no named crowd",
     "احتشد مئات المحتجين أمام سفارة فرنسا في طهران.",
     {{"فرنسا", "country:fra"}},
     "14",
     "",
     "country:fra",
     1},
    {"declaring a diplomat persona non grata breaks relations",
     "أعلنت أوكرانيا السفير الإيراني شخصا غير مرغوب فيه.",
     {{"أوكرانيا", "country:ukr"}, {"الإيراني", "country:irn#nisba"}},
     "16",
     "country:ukr",
     "country:irn",
     1},
};

INSTANTIATE_TEST_SUITE_P(Events, Clauses, ::testing::ValuesIn(kCases));

}  // namespace
}  // namespace nufuz::events
