// Event coding; see events.h and docs/events.md.
#include "events/events.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/data.h"
#include "core/utf8.h"
#include "extract/string_map.h"

namespace nufuz::events {

namespace {

// ---------------------------------------------------------------- lexicon

enum Flag : std::uint16_t {
  kSpeech = 1 << 0,
  kVisit = 1 << 1,
  kHost = 1 << 2,
  kSymmetric = 1 << 3,
  kModal = 1 << 4,
  kRefuse = 1 << 5,
  kNeedTarget = 1 << 6,
  kCueFirst = 1 << 7,
  kGenObj = 1 << 8,
  // pos=participle: an accusative active participle after a clause (داعيا،
  // معتبرا): its subject is the clause's subject, never an actor after it.
  kParticiple = 1 << 9,
  // واصل: "continue" passes its subject to the trigger it governs
  // ("واصلت X دعمها لـY" is X's support) and is not coded itself.
  kAspect = 1 << 10,
  // (round C) The cue is an act named with the trigger and coded on its own,
  // by the trigger's subject: "تبنى X الهجوم" is a claim and X's attack.
  kKeepCue = 1 << 11,
  // (round C) The cue is the verb's direct object: it must come before any
  // preposition after the trigger ("شددت X العقوبات على Y" tightens them;
  // "شدد X على ضرورة رفع العقوبات" stresses).
  kObjCue = 1 << 12,
  // (round C) Coded without a target, the act is a show of force (150): "أطلقت
  // X صاروخا باليستيا" with no target named is a test, not an attack.
  kPosture = 1 << 13,
};

enum Role : std::uint16_t {
  kNegation = 1 << 0,
  kNegationPerfect = 1 << 1,
  kNegationImperfect = 1 << 2,
  kNegationNoun = 1 << 3,
  kFuture = 1 << 4,
  kPlanned = 1 << 5,
  kMay = 1 << 6,
  kHypothetical = 1 << 7,
  kComplementizer = 1 << 8,
  kPreposition = 1 << 9,
  kAgent = 1 << 10,
  kQuantifier = 1 << 11,
  kPronounSubject = 1 << 12,
  kActorNoun = 1 << 13,
  kCountryAnaphor = 1 << 14,
  kRegionAnaphor = 1 << 15,
};
// Roles past 16 bits: a token's roles are a 64-bit mask.
using Markers = std::uint64_t;
constexpr Markers kMarkersUnset = ~Markers{0};
constexpr Markers kRelative = Markers{1} << 16;
constexpr Markers kClause = Markers{1} << 17;
constexpr Markers kNonActor = Markers{1} << 18;
// حليفتها، جارتها: "her ally/neighbour", a state named before.
constexpr Markers kPartnerAnaphor = Markers{1} << 19;
// جراء، بسبب، نتيجة: the verbal noun after it is a cause, not an act of the
// clause's subject.
constexpr Markers kCause = Markers{1} << 20;
// منذ: a verbal noun after it ("منذ الغزو"، "منذ بدء الحرب") dates the clause
// (background); its doer is not the clause's subject.
constexpr Markers kSince = Markers{1} << 21;
// بدء، بداية، اندلاع: the onset of the verbal noun after it ("منذ اندلاع الحرب").
constexpr Markers kOnset = Markers{1} << 22;
// دول، جمهوريات: the members of a bloc described before its name ("والدول
// الأعضاء في مجلس التعاون" is the council).
constexpr Markers kMembers = Markers{1} << 23;
// قرار، بيان: a document; an imperfect verb right after it ("قرارا يطالب X")
// describes it, and its author is the verb's source.
constexpr Markers kDocument = Markers{1} << 24;
// بعد، عقب، إثر: an act of force or protest (roots 14-20) right after it is
// what the clause answers ("احتجت X بعد هجوم على ..."), not the subject's act.
constexpr Markers kAfter = Markers{1} << 25;
// أكثر، أقل، أشد: a verbal noun after it is a comparison ("أكثر تهديدا
// لروسيا": more threatening), not an event.
constexpr Markers kComparative = Markers{1} << 26;
// (round B) لم: past negation taking the jussive (لم يزر، لم يلتق): the act
// did not take place; the short forms of hollow and defective verbs are
// read only after it.
constexpr Markers kNegationPast = Markers{1} << 27;
// (round B) نجا، تعرض: its subject suffers the act of force after it
// ("نجا X من محاولة اغتيال"، "تعرضت X لهجوم").
constexpr Markers kVictim = Markers{1} << 28;
// (round B) شنه، نفذه: "which Y launched": the actor after it did the act.
constexpr Markers kAgentVerb = Markers{1} << 29;
// (round B) عدد، عشرات، اثنين: a count before من ("عشرات من الأسرى
// الفلسطينيين"): the nouns after من are the object.
constexpr Markers kPartitive = Markers{1} << 30;
// (round B) تابعون، موالون: "مسلحون تابعون لـ X": X is the doer.
constexpr Markers kAffiliation = Markers{1} << 31;
// (round B) شهد: "شهدت X احتجاجات": X is where it happened.
constexpr Markers kVenue = Markers{1} << 32;

struct CodeInfo {
  std::string name, plover, mode, intent, refusal;
  double goldstein = 0;
  int quad = 0;
  bool target_optional = false;  // root rows: may be coded without a target
  bool source_optional = false;  // root rows: may be coded without a source
};

struct Row {
  bool verb = false;
  std::string cameo;
  // Each cue is a sequence of word alternatives sets: cue[i] = words of the
  // i-th position (one word per position, written with spaces in the file).
  std::vector<std::vector<std::string>> cues;
  // cue_forms[c][k]: cues[c][k] and its suffixed noun forms (NounForms),
  // computed once at load.
  std::vector<std::vector<std::vector<std::string>>> cue_forms;
  // cue_form_ids[c][k]: the ids (Impl::cue_ids) of cue_forms[c][k].
  std::vector<std::vector<std::vector<std::uint32_t>>> cue_form_ids;
  std::unordered_set<std::string> target_preps;
  bool obj = false;
  std::uint16_t flags = 0;
  std::string mode;
};

// s == lit with the sizes compared first and no strlen (std::string's
// operator== with a C string calls compare()); only for strings and views.
inline bool Is(const std::string& s, std::string_view lit) {
  return std::string_view(s) == lit;
}
inline bool Is(std::string_view s, std::string_view lit) {
  return s == lit;
}
bool Is(const char* s, std::string_view lit) = delete;

struct FormRef {
  std::uint32_t row;
  bool imperfect;
  // A noun's construct form before a pronoun (زيارت‍ of زيارته): only
  // with a suffix after it; a bare word ending in ت is a verb (رحّلت).
  bool construct = false;
  // (round B) A jussive short form (يزر، يلتق): only after لم.
  bool jussive = false;
};

// Adds the suffixed forms a noun takes in running text.
void NounForms(const std::string& n, std::vector<std::string>& out) {
  out.push_back(n);
  out.push_back(n + "ا");   // accusative tanwin: اتفاقا
  out.push_back(n + "ان");  // dual
  out.push_back(n + "ين");
  const std::string ta = "ه";
  if (n.size() > ta.size() && n.compare(n.size() - ta.size(), ta.size(), ta) == 0) {
    std::string base = n.substr(0, n.size() - ta.size());
    out.push_back(base + "ات");
    out.push_back(base + "تان");
    out.push_back(base + "تين");
    out.push_back(base + "ت");  // construct state before a pronoun: زيارت(ه)
  }
}

inline bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() &&
         std::memcmp(s.data() + s.size() - suf.size(), suf.data(), suf.size()) == 0;
}
inline bool StartsWith(std::string_view s, std::string_view pre) {
  // A byte loop, not memcmp: the prefixes are a few bytes and this runs
  // several times per token.
  if (s.size() < pre.size()) return false;
  for (std::size_t i = 0; i < pre.size(); ++i)
    if (s[i] != pre[i]) return false;
  return true;
}
// Whether s has at least n code points (counts lead bytes, stops at n).
inline bool AtLeastCps(std::string_view s, std::size_t n) {
  if (s.size() < n) return n == 0;  // fewer bytes than n lead bytes
  std::size_t c = 0;
  for (char ch : s)
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80 && ++c >= n) return true;
  return n == 0;
}
// Lead bytes of s: its code points when valid UTF-8 (what AtLeastCps counts).
inline std::size_t LeadBytes(std::string_view s) {
  // Eight bytes at a time: a continuation byte (10xxxxxx) has its top bit
  // set and the next one clear; the multiply adds up the eight 0/1 flags.
  // Byte by byte, this count was a visible share of coding a token.
  const char* p = s.data();
  std::size_t n = s.size(), c = n;
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    const std::uint64_t cont = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;
    c -= (cont * 0x0101010101010101ull) >> 56;
  }
  for (; n > 0; ++p, --n) c -= (static_cast<unsigned char>(*p) & 0xC0) == 0x80;
  return c;
}
// The first two bytes of s (an Arabic letter) as one number.
constexpr std::uint16_t Letter2(std::string_view s) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s[0]) << 8 |
                                    static_cast<unsigned char>(s[1]));
}
// Code points of a UTF-8 string.
std::size_t Cps(std::string_view s) {
  return utf8::Length(s);
}
// Drops the last code point of s (Arabic letters are 2 bytes).
std::string DropLast(const std::string& s) {
  std::size_t i = s.size();
  while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
  return s.substr(0, i > 0 ? i - 1 : 0);
}
std::string DropFirst(const std::string& s) {
  std::size_t i = 0;
  utf8::Next(s, i);
  return s.substr(i);
}
std::string FirstLetter(const std::string& s) {
  std::size_t i = 0;
  utf8::Next(s, i);
  return s.substr(0, i);
}

// Conjugated forms of a verb from its perfect (زار) or imperfect (يزور)
// 3rd person masculine singular.
void VerbForms(const std::string& v, bool imperfect, std::vector<std::string>& out) {
  if (!imperfect) {
    static const char* kSuf[] = {"", "ت", "ا", "وا", "تا", "ن", "نا", "تم"};
    for (const char* s : kSuf) out.push_back(v + s);
    // Defective verbs ending in ي/ا (التقي، دعا): التقت، التقوا، دعت، دعوا.
    if (EndsWith(v, "ي") || EndsWith(v, "ا")) {
      std::string b = DropLast(v);
      out.push_back(b + "ت");
      out.push_back(b + "وا");
      out.push_back(b + "تا");
    }
    return;
  }
  std::string base = DropFirst(v);  // drop ي
  static const char* kPre[] = {"ي", "ت", "ن", "ا"};
  static const char* kSuf[] = {"", "ان", "ون", "ين", "ن", "ا", "وا"};
  for (const char* p : kPre)
    for (const char* s : kSuf) out.push_back(std::string(p) + base + s);
  if (EndsWith(base, "ي") || EndsWith(base, "و")) {  // يلتقي -> يلتقون، يدعو -> يدعون
    std::string b = DropLast(base);
    for (const char* p : kPre)
      for (const char* s : {"ون", "ين", "وا"}) out.push_back(std::string(p) + b + s);
  }
}

// (round B) The jussive short forms of an imperfect (يزور -> يزر، يلتقي ->
// يلتق، يدعو -> يدع) with the person prefixes ي ت ن ا: hollow verbs drop
// their middle long vowel, defective ones their last letter. Read only
// after a past negation (لم), where nothing else is spelt so.
void JussiveForms(const std::string& v, std::vector<std::string>& out) {
  std::string base = DropFirst(v);  // drop ي
  std::string shortened;
  if (EndsWith(base, "ي") || EndsWith(base, "و")) {
    shortened = DropLast(base);
  } else if (Cps(base) == 3) {
    // زور -> زر: the middle letter (2 bytes each) is a long vowel.
    const std::string mid = base.substr(2, 2);
    if (Is(mid, "و") || Is(mid, "ي") || Is(mid, "ا"))
      shortened = base.substr(0, 2) + base.substr(4);
  }
  if (!AtLeastCps(shortened, 2)) return;
  for (const char* p : {"ي", "ت", "ن", "ا"}) out.push_back(std::string(p) + shortened);
}

// What the lexicon holds for one lookup string (EventCoder::Impl::lookup).
struct Lookup {
  const std::vector<FormRef>* refs = nullptr;  // Impl::forms
  std::uint32_t cue = UINT32_MAX;              // Impl::cue_ids
  Markers marker = 0;                          // Impl::markers
};

}  // namespace

struct EventCoder::Impl {
  std::unordered_map<std::string, CodeInfo> codes;
  std::vector<Row> rows;
  extract::StringMap<std::vector<FormRef>> forms;
  extract::StringMap<Markers> markers;
  extract::StringMap<std::uint32_t> cue_ids;  // every cue form (Row::cue_forms) -> its id
  // Every key of forms, markers and cue_ids -> what the three tables hold
  // for it, built after them: a token's lookup string is hashed and probed
  // once (Coder::Prepare), not once per table.
  extract::StringMap<Lookup> lookup;
  std::unordered_map<std::string, std::string> iso3;  // entity id -> ISO3
  std::unordered_map<std::string, std::string> iso2;  // entity id -> ISO2
  // (round C) The gazetteer's states as entities (id -> Entity), for a city
  // that stands for a state the document does not name (PlaceStates).
  std::unordered_map<std::string, Entity> states;

  Markers Marker(std::string_view k) const {
    const Markers* m = markers.Find(k);
    return m ? *m : 0;
  }
  const CodeInfo* Code(const std::string& c) const {
    auto it = codes.find(c);
    return it == codes.end() ? nullptr : &it->second;
  }
};

EventCoder::EventCoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EventCoder::~EventCoder() = default;
std::size_t EventCoder::trigger_rows() const {
  return impl_->rows.size();
}
std::size_t EventCoder::trigger_forms() const {
  return impl_->forms.size();
}
std::string EventCoder::CodeName(const std::string& code) const {
  const CodeInfo* c = impl_->Code(code);
  return c ? c->name : std::string();
}

namespace {

std::vector<std::string> SplitBar(const std::string& s, char sep = '|') {
  std::vector<std::string> out;
  std::size_t b = 0;
  while (b <= s.size()) {
    std::size_t e = s.find(sep, b);
    if (e == std::string::npos) e = s.size();
    std::string item = s.substr(b, e - b);
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) out.push_back(item);
    b = e + 1;
  }
  return out;
}

Status DataErr(const TsvTable& t, std::size_t row, const std::string& what) {
  return Status::Error(StatusCode::kDataError, t.Where(row) + ": " + what);
}

}  // namespace

Result<std::shared_ptr<const EventCoder>> EventCoder::Load(const std::filesystem::path& data_dir) {
  auto impl = std::make_unique<Impl>();
  // CAMEO codes.
  auto cameo = TsvTable::Load(data_dir / "lexicon" / "cameo.tsv",
                              {"code", "name", "goldstein", "quad", "plover", "plover_mode",
                               "intent", "refusal", "actors"});
  if (!cameo.ok()) return cameo.status();
  {
    const TsvTable& t = cameo.value();
    int c_code = t.Column("code"), c_name = t.Column("name"), c_g = t.Column("goldstein"),
        c_q = t.Column("quad"), c_p = t.Column("plover"), c_m = t.Column("plover_mode"),
        c_i = t.Column("intent"), c_r = t.Column("refusal"), c_t = t.Column("actors");
    for (std::size_t r = 0; r < t.rows(); ++r) {
      CodeInfo ci;
      const std::string& code = t.Cell(r, c_code);
      if (code.size() < 2 || code.size() > 4 ||
          !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return DataErr(t, r, "bad CAMEO code '" + code + "'");
      ci.name = t.Cell(r, c_name);
      char* end = nullptr;
      ci.goldstein = std::strtod(t.Cell(r, c_g).c_str(), &end);
      if (end == t.Cell(r, c_g).c_str() || ci.goldstein < -10 || ci.goldstein > 10)
        return DataErr(t, r, "goldstein must be a number in [-10, 10]");
      ci.quad = std::atoi(t.Cell(r, c_q).c_str());
      if (ci.quad < 1 || ci.quad > 4) return DataErr(t, r, "quad must be 1..4");
      ci.plover = t.Cell(r, c_p);
      ci.mode = t.Cell(r, c_m);
      ci.intent = t.Cell(r, c_i);
      ci.refusal = t.Cell(r, c_r);
      const std::string& tgt = t.Cell(r, c_t);
      if (!tgt.empty() && !Is(tgt, "both") && !Is(tgt, "source") && !Is(tgt, "any"))
        return DataErr(t, r, "actors must be both, source, any or empty");
      ci.target_optional = Is(tgt, "source") || Is(tgt, "any");
      ci.source_optional = Is(tgt, "any");
      if (!impl->codes.emplace(code, ci).second) return DataErr(t, r, "duplicate code " + code);
    }
    for (std::size_t r = 0; r < t.rows(); ++r)
      for (int col : {c_i, c_r}) {
        const std::string& c = t.Cell(r, col);
        if (!c.empty() && !impl->codes.count(c)) return DataErr(t, r, "unknown code " + c);
      }
  }
  std::vector<std::string> lookup_keys;  // of forms, markers and cue_ids (Impl::lookup)
  // Markers.
  auto markers = TsvTable::Load(data_dir / "lexicon" / "event_markers.tsv", {"word", "role"});
  if (!markers.ok()) return markers.status();
  {
    static const std::unordered_map<std::string, Markers> kRoles = {
        {"negation", kNegation},
        {"negation-perfect", kNegationPerfect},
        {"negation-imperfect", kNegationImperfect},
        {"negation-noun", kNegationNoun},
        {"future", kFuture},
        {"planned", kPlanned},
        {"may", kMay},
        {"hypothetical", kHypothetical},
        {"complementizer", kComplementizer},
        {"preposition", kPreposition},
        {"agent", kAgent},
        {"quantifier", kQuantifier},
        {"pronoun-subject", kPronounSubject},
        {"actor-noun", kActorNoun},
        {"country-anaphor", kCountryAnaphor},
        {"region-anaphor", kRegionAnaphor},
        {"partner-anaphor", kPartnerAnaphor},
        {"cause", kCause},
        {"since", kSince},
        {"onset", kOnset},
        {"members", kMembers},
        {"document", kDocument},
        {"after", kAfter},
        {"comparative", kComparative},
        {"relative", kRelative},
        {"clause", kClause},
        {"nonactor", kNonActor},
        {"negation-past", kNegationPast},
        {"victim", kVictim},
        {"agent-verb", kAgentVerb},
        {"partitive", kPartitive},
        {"affiliation", kAffiliation},
        {"venue", kVenue}};
    const TsvTable& t = markers.value();
    int c_w = t.Column("word"), c_r = t.Column("role");
    for (std::size_t r = 0; r < t.rows(); ++r) {
      auto it = kRoles.find(t.Cell(r, c_r));
      if (it == kRoles.end()) return DataErr(t, r, "unknown role '" + t.Cell(r, c_r) + "'");
      if (t.Cell(r, c_w).empty()) return DataErr(t, r, "empty word");
      impl->markers[t.Cell(r, c_w)] |= it->second;
      lookup_keys.push_back(t.Cell(r, c_w));
    }
  }
  // Triggers.
  auto ev = TsvTable::Load(data_dir / "lexicon" / "events.tsv",
                           {"forms", "pos", "cameo", "cue", "target", "flags", "mode"});
  if (!ev.ok()) return ev.status();
  {
    static const std::unordered_map<std::string, std::uint16_t> kFlags = {
        {"speech", kSpeech},         {"visit", kVisit},       {"host", kHost},
        {"symmetric", kSymmetric},   {"modal", kModal},       {"refuse", kRefuse},
        {"needtarget", kNeedTarget}, {"cuefirst", kCueFirst}, {"genobj", kGenObj},
        {"aspect", kAspect},         {"keepcue", kKeepCue},   {"objcue", kObjCue},
        {"posture", kPosture}};
    const TsvTable& t = ev.value();
    int c_f = t.Column("forms"), c_p = t.Column("pos"), c_c = t.Column("cameo"),
        c_cue = t.Column("cue"), c_t = t.Column("target"), c_fl = t.Column("flags"),
        c_m = t.Column("mode");
    for (std::size_t r = 0; r < t.rows(); ++r) {
      Row row;
      const std::string& pos = t.Cell(r, c_p);
      if (!Is(pos, "verb") && !Is(pos, "noun") && !Is(pos, "participle"))
        return DataErr(t, r, "pos must be verb, noun or participle");
      row.verb = !Is(pos, "noun");
      row.cameo = t.Cell(r, c_c);
      if (!impl->codes.count(row.cameo))
        return DataErr(t, r, "CAMEO code '" + row.cameo + "' is not in cameo.tsv");
      for (const auto& cue : SplitBar(t.Cell(r, c_cue))) row.cues.push_back(SplitBar(cue, ' '));
      for (const auto& cue : row.cues) {
        auto& cf = row.cue_forms.emplace_back();
        for (const auto& w : cue) NounForms(w, cf.emplace_back());
      }
      for (const auto& p : SplitBar(t.Cell(r, c_t))) {
        if (Is(p, "obj"))
          row.obj = true;
        else if (Is(p, "ب") || Is(p, "ل") || (impl->Marker(p) & kPreposition))
          row.target_preps.insert(p);
        else
          return DataErr(t, r, "unknown target preposition '" + p + "'");
      }
      for (const auto& f : SplitBar(t.Cell(r, c_fl), ',')) {
        auto it = kFlags.find(f);
        if (it == kFlags.end()) return DataErr(t, r, "unknown flag '" + f + "'");
        row.flags |= it->second;
      }
      if (Is(pos, "participle")) row.flags |= kParticiple;
      row.mode = t.Cell(r, c_m);
      auto words = SplitBar(t.Cell(r, c_f));
      if (words.empty()) return DataErr(t, r, "no forms");
      auto idx = static_cast<std::uint32_t>(impl->rows.size());
      impl->rows.push_back(std::move(row));
      for (const auto& w : words) {
        std::vector<std::string> expanded;
        bool imperfect = false;
        if (Is(pos, "noun")) {
          NounForms(w, expanded);
        } else if (Is(pos, "participle")) {
          // The masculine accusative (داعيا) gives the feminine (داعيه) and
          // the plural (داعين).
          expanded.push_back(w);
          if (EndsWith(w, "ا") && Cps(w) >= 4) {
            expanded.push_back(DropLast(w) + "ه");
            expanded.push_back(DropLast(w) + "ين");
          }
        } else {
          std::string first = FirstLetter(w);
          imperfect = Is(first, "ي") && Cps(w) >= 4;
          VerbForms(w, imperfect, expanded);
        }
        for (const auto& f : expanded) {
          auto& refs = impl->forms[f];
          lookup_keys.push_back(f);
          bool dup = false;
          for (const auto& ref : refs) dup |= ref.row == idx;
          // (round B) The construct form of a ة-noun (زيارة -> زيارت).
          const bool construct =
              Is(pos, "noun") && EndsWith(w, "ه") && Cps(w) >= 2 && Is(f, DropLast(w) + "ت");
          if (!dup) refs.push_back({idx, imperfect, construct});
        }
        if (!Is(pos, "verb") || !imperfect) continue;
        std::vector<std::string> jussive;
        JussiveForms(w, jussive);
        for (const auto& f : jussive) {
          auto& refs = impl->forms[f];
          bool dup = false;
          for (const auto& ref : refs) dup |= ref.row == idx;
          if (dup) continue;
          lookup_keys.push_back(f);
          refs.push_back({idx, true, false, true});
        }
      }
    }
  }
  // Country codes (optional).
  auto countries = TsvTable::Load(data_dir / "gazetteer" / "countries.tsv", {"id", "iso3"});
  if (countries.ok()) {
    const TsvTable& t = countries.value();
    int c_id = t.Column("id"), c_3 = t.Column("iso3"), c_2 = t.Column("iso2");
    int c_en = t.Column("name_en"), c_ar = t.Column("ar_names"), c_wd = t.Column("wikidata");
    int c_al = t.Column("aliases_en"), c_st = t.Column("status");
    for (std::size_t r = 0; r < t.rows(); ++r) {
      impl->iso3[t.Cell(r, c_id)] = t.Cell(r, c_3);
      if (c_2 >= 0) impl->iso2[t.Cell(r, c_id)] = t.Cell(r, c_2);
      if (c_en < 0 || t.Cell(r, c_en).empty()) continue;
      Entity e;
      e.id = t.Cell(r, c_id);
      e.type = "COUNTRY";
      e.name_en = t.Cell(r, c_en);
      if (c_ar >= 0) e.name_ar = t.Cell(r, c_ar).substr(0, t.Cell(r, c_ar).find('|'));
      if (c_wd >= 0) e.wikidata = t.Cell(r, c_wd);
      if (c_al >= 0 && !t.Cell(r, c_al).empty())
        e.attrs.emplace_back("aliases_en", t.Cell(r, c_al));
      if (c_2 >= 0 && !t.Cell(r, c_2).empty()) e.attrs.emplace_back("iso2", t.Cell(r, c_2));
      if (!t.Cell(r, c_3).empty()) e.attrs.emplace_back("iso3", t.Cell(r, c_3));
      if (c_st >= 0 && !t.Cell(r, c_st).empty()) e.attrs.emplace_back("status", t.Cell(r, c_st));
      impl->states.emplace(e.id, std::move(e));
    }
  }
  // Cue forms interned: CueAt compares ids, not strings.
  for (Row& row : impl->rows) {
    row.cue_form_ids.clear();
    for (const auto& cue : row.cue_forms) {
      auto& ids = row.cue_form_ids.emplace_back();
      for (const auto& forms : cue) {
        auto& fi = ids.emplace_back();
        for (const auto& f : forms) {
          auto next = static_cast<std::uint32_t>(impl->cue_ids.size());
          fi.push_back(*impl->cue_ids.Emplace(f, next).first);
          lookup_keys.push_back(f);
        }
      }
    }
  }
  // The tables are complete: their values stay where they are.
  for (const std::string& k : lookup_keys) {
    Lookup l;
    l.refs = impl->forms.Find(k);
    if (const std::uint32_t* c = impl->cue_ids.Find(k)) l.cue = *c;
    if (const Markers* m = impl->markers.Find(k)) l.marker = *m;
    impl->lookup.Emplace(k, l);
  }
  return std::shared_ptr<const EventCoder>(std::make_shared<EventCoder>(std::move(impl)));
}

// ---------------------------------------------------------------- coding

namespace {

// Lookup forms of a token: stem, key and clitic-stripped variants of the key,
// appended to `out` from index `from` on. They are views into the token's
// stem and key (the Document outlives the coder): nothing is allocated.
void Candidates(const Token& t, std::vector<std::string_view>& out, std::size_t from) {
  if (t.kind != TokenKind::kArabic) return;
  // `cps`: code points of s (lead bytes), known by the caller.
  auto add = [&](std::string_view s, std::size_t cps) {
    if (cps >= 2 && std::find(out.begin() + from, out.end(), s) == out.end()) out.push_back(s);
  };
  auto drop_first = [](std::string_view s) {
    std::size_t i = 0;
    utf8::Next(s, i);
    return s.substr(i);
  };
  add(t.stem, AtLeastCps(t.stem, 2) ? 2 : 0);
  std::string_view k = t.key;
  // Counted once; each variant below drops one letter (a valid 2-byte
  // sequence: the tests below matched it) or a prefix of pre.size() / 2.
  std::size_t kc = LeadBytes(k);
  add(k, kc);
  if ((StartsWith(k, "و") || StartsWith(k, "ف")) && kc >= 4) {
    k = drop_first(k);
    --kc;
    add(k, kc);
  }
  if (StartsWith(k, "س") && kc >= 4) {
    std::string_view rest = drop_first(k);
    std::size_t i = 0;
    utf8::Next(rest, i);
    std::string_view f = rest.substr(0, i);
    if (Is(f, "ي") || Is(f, "ت") || Is(f, "ن") || Is(f, "ا")) add(rest, kc - 1);
  }
  static constexpr std::string_view kPrefixes[] = {"بال", "لل", "وال", "فال",
                                                   "كال", "ال", "ب",   "ل"};
  // The first letter of each prefix: only the prefixes k begins with are tested.
  static constexpr std::uint16_t kFirst[] = {
      Letter2(kPrefixes[0]), Letter2(kPrefixes[1]), Letter2(kPrefixes[2]), Letter2(kPrefixes[3]),
      Letter2(kPrefixes[4]), Letter2(kPrefixes[5]), Letter2(kPrefixes[6]), Letter2(kPrefixes[7])};
  static_assert(std::size(kFirst) == std::size(kPrefixes));
  if (k.size() < 2) return;  // every prefix has 2 bytes or more
  const std::uint16_t first = Letter2(k);
  for (std::size_t p = 0; p < std::size(kPrefixes); ++p) {
    if (kFirst[p] != first) continue;
    std::string_view pre = kPrefixes[p];
    if (StartsWith(k, pre) && kc >= pre.size() / 2 + 3) {  // Arabic letters: 2 bytes
      add(k.substr(std::string_view(pre).size()), kc - pre.size() / 2);
      break;
    }
  }
}

struct Mention {
  std::uint32_t tb, te;  // token range
  std::uint32_t start, end;
  int entity;
  bool nisba = false;  // a nisba adjective (الروسية), not a noun phrase
};

struct Group {
  std::uint32_t tb = 0, te = 0;
  int entity = -1;      // actor entity (a place resolved to its country when known)
  int place = -1;       // the place entity when the mention was a place
  std::string prep;     // governing preposition key, "" = none, "agent" for من قبل
  int coord_prev = -1;  // previous group in a coordination ("X و Y")
  int coord_next = -1;
  bool nisba = false;     // the mention is a nisba adjective
  bool anaphor = false;   // بلاده / المنطقة resolved to an earlier actor
  bool actor_np = false;  // a nisba qualifying an actor noun (القوات الروسية)
};

std::string PrecisionOf(const std::string& v) {
  if (v.size() >= 10) return "day";
  if (v.size() >= 7) return "month";
  if (v.size() >= 4) return "year";
  return "none";
}

class Coder {
 public:
  Coder(const EventCoder::Impl& lex, const Document& doc) : lex_(lex), doc_(doc) {}

  std::vector<Event> Run();

 private:
  struct Trigger {
    std::uint32_t tok;
    const Row* row;
    bool imperfect;
    bool consumed = false;
    bool judged =
        false;  // the object of a verb judging it (أدان): its doer is not that verb's subject
    bool inherit = false;     // coded through a modal/refusal verb before it
    int inherit_source = -1;  // group index
    bool inherit_intent = false;
    bool inherit_negated = false;
    bool governs = false;  // a modal/refusal verb that passed its role to the next trigger
    // (round B) The trigger whose content this one is (an appeal's, a
    // demand's, a negotiation's: MarkGovernedContent), or -1.
    int content_of = -1;
    // (round B) The refusing trigger that rejects this act of another
    // (رفضت X دعوات Y): it governs this act's content too.
    int rejected_by = -1;
    std::uint32_t cue_tok = UINT32_MAX;
    // (round C) The verb that describes this act noun ("تفجيرا استهدف
    // مسجدا"، "الهجوم الذي استهدف X"): its object is this act's target
    // (DescribedActs).
    std::uint32_t describer = UINT32_MAX;
    // (round C) The describing verb itself: not coded, but still a verb
    // that bounds its clause (dates, searches).
    bool describes = false;
    // (round C) The doer (group) of the act this rejection is of: "أبدت X
    // رفضها لانضمام Y" rejects Y (RejectedActs).
    int act_doer = -1;
  };

  void Prepare();
  void PrepareSentenceScans(std::uint32_t sb, std::uint32_t se);
  void Sentence(const nufuz::Sentence& s);
  const Row* MatchRow(std::uint32_t i, const std::vector<FormRef>& refs, bool& imperfect,
                      std::uint32_t sb, std::uint32_t se, std::uint32_t& cue_tok) const;
  bool CueAt(const std::vector<std::vector<std::uint32_t>>& cue_forms, std::uint32_t i) const;
  Markers MarkerAt(std::uint32_t i) const {
    if (i >= marker_.size()) return 0;  // marker_ has one entry per token
    return marker_[i];
  }
  // Whether one of token i's lookup forms is a trigger form.
  bool TriggerForm(std::uint32_t i) const { return trig_form_[i] != 0; }
  // Markers of the token's stem (clitics and article removed): open-class
  // roles (actor nouns, anaphors).
  Markers StemMarkerAt(std::uint32_t i) const {
    if (i >= stem_marker_.size()) return 0;  // one entry per token
    Markers& cached = stem_marker_[i];
    if (cached != kMarkersUnset) return cached;
    cached = StemMarkers(i, lex_.lookup.Find(doc_.tokens[i].stem));
    return cached;
  }
  // StemMarkerAt computed, with the stem's entry in Impl::lookup (or null).
  Markers StemMarkers(std::uint32_t i, const Lookup* sl) const {
    std::string_view st = doc_.tokens[i].stem;
    Markers m = (sl ? sl->marker : 0) | marker_[i];
    if (StartsWith(st, "ال") && Cps(st) >= 4)
      m |= lex_.Marker(st.substr(std::string_view("ال").size()));
    return m;
  }
  int ResolveAnaphor(std::uint32_t t, std::uint32_t sb, std::uint32_t role) const;
  void ResolveTitle(Group& g, std::uint32_t sb) const;
  int PronounTarget(std::uint32_t t, std::uint32_t sb, std::string& prep) const;
  // A 3rd person feminine singular verb: perfect in ت (زارت), imperfect in ت
  // (تزور), without و/ف/س.
  bool FeminineVerb(std::uint32_t t, bool imperfect) const {
    std::string_view st = doc_.tokens[t].stem;
    if (imperfect) return StartsWith(st, "ت") && !EndsWith(st, "ون") && !EndsWith(st, "ان");
    return EndsWith(st, "ت");
  }
  // بلاده: the text stage may keep the ه of "his" in the stem (it is also a
  // normalised ة); the stem without it is a country anaphor.
  bool HeSuffixAnaphor(std::uint32_t t) const {
    const Token& tok = doc_.tokens[t];
    if (!tok.suffix.empty() || !EndsWith(tok.stem, "ه") || Cps(tok.stem) < 4) return false;
    std::string_view st = tok.stem;
    st.remove_suffix(std::string_view("ه").size());
    return (lex_.Marker(st) & kCountryAnaphor) != 0;
  }
  bool IsPunct(std::uint32_t i) const { return doc_.tokens[i].kind == TokenKind::kPunct; }
  bool IsQuote(std::uint32_t i) const {
    if (!IsPunct(i)) return false;
    std::string_view s = doc_.Surface(doc_.tokens[i]);
    return Is(s, "\"") || Is(s, "«") || Is(s, "»") || Is(s, "“") || Is(s, "”");
  }
  // A verbal noun after منذ (or after منذ and a word of onset: "منذ اندلاع
  // الحرب") is background time, not an act of the clause's subject.
  bool Background(std::uint32_t t, std::uint32_t sb) const {
    if (t <= sb) return false;
    if (MarkerAt(t - 1) & kSince) return true;
    return t > sb + 1 && (MarkerAt(t - 2) & kSince) && (StemMarkerAt(t - 1) & kOnset);
  }
  bool IsClauseBreak(std::uint32_t i) const {
    if (!IsPunct(i)) return false;
    std::string_view s = doc_.Surface(doc_.tokens[i]);
    return Is(s, "،") || Is(s, ",") || Is(s, "؛") || Is(s, ";") || Is(s, ":") || Is(s, "(") ||
           Is(s, ")");
  }
  std::string Prep(std::uint32_t tb, std::uint32_t sb) const;
  int CountryEntity(int e) const;
  // Whether person entity p holds a post in body b (attr org = b's id, or a
  // role in b's country).
  bool PersonOf(int p, int b) const;
  void Emit(const Trigger& tr, std::uint32_t sb, std::uint32_t se, std::uint32_t scope_b,
            std::uint32_t scope_e, int speaker, std::vector<Event>& out);
  void MarkGovernedContent(std::uint32_t sb, std::uint32_t se);
  int ContentTarget(const Trigger& tr, int src_entity, std::uint32_t sb, std::uint32_t se) const;
  int RefusesOthersAct(std::size_t a, std::uint32_t sb) const;
  void ConsumeSameAct(std::uint32_t sb, std::uint32_t se);
  int PassiveVictims(const Trigger& tr, std::uint32_t anchor, std::uint32_t sb,
                     std::uint32_t se) const;
  bool VictimFrame(std::uint32_t anchor, std::uint32_t sb, std::uint32_t se, int& victim,
                   int& doer) const;
  bool PlaceOfObject(int g, std::uint32_t anchor, int src_entity, const Row& row) const;
  bool InPersonName(std::uint32_t t) const;
  bool WordAsName(const Mention& m) const;
  bool PurposeBeneficiary(int g, std::uint32_t anchor) const;
  bool ShowOfForce(Event& ev) const;
  void DescribedActs(std::uint32_t sb, std::uint32_t se);
  void RejectedActs(std::uint32_t sb, std::uint32_t se);
  bool ConstructNisba(std::uint32_t anchor, int g) const;
  bool PartitivePrep(int g, std::uint32_t anchor, std::string& prep) const;
  bool NisbaObject(int g, std::uint32_t anchor, int src, const Row& row,
                   const std::unordered_set<std::string>& preps, bool obj) const;
  bool PrepOn(std::uint32_t k) const;
  bool OwnLosses(std::uint32_t t) const;
  bool VerbWithObject(std::uint32_t t) const;
  template <typename MadeT>
  bool AnnouncedContent(std::uint32_t speech_tok, std::uint32_t sb, std::size_t n_before,
                        const std::vector<MadeT>& made_by, std::vector<char>& keep) const;
  template <typename MadeT>
  void FilterTargetless(std::size_t n_before, const std::vector<MadeT>& made_by, std::uint32_t sb);

  const EventCoder::Impl& lex_;
  const Document& doc_;
  // Lookup forms of all tokens, flat: token i's are [cand_off_[i], cand_off_[i + 1]).
  std::vector<std::string_view> cands_;
  std::vector<const std::vector<FormRef>*> cand_refs_;  // per candidate: its rows
  std::vector<std::uint32_t> cand_off_;
  std::vector<std::uint32_t> cand_cue_;  // per candidate: its cue form id or UINT32_MAX
  std::vector<char> cue_tok_;            // token -> one of its candidates is a cue form
  // Whether one of token t's lookup forms is the cue form with id w.
  bool TokenIs(std::uint32_t t, std::uint32_t w) const {
    if (!cue_tok_[t]) return false;
    for (std::uint32_t k = cand_off_[t]; k < cand_off_[t + 1]; ++k)
      if (cand_cue_[k] == w) return true;
    return false;
  }
  std::vector<char> trig_form_;               // token -> one of its candidates is a trigger form
  std::vector<Markers> marker_;               // token -> markers of its key
  mutable std::vector<Markers> stem_marker_;  // StemMarkerAt, kMarkersUnset = not yet
  std::vector<int> mention_at_;               // token -> mention index or -1
  std::vector<Mention> mentions_;
  std::vector<Group> groups_;  // of the current sentence
  std::vector<int> group_at_;  // token -> group index (current sentence) or -1
  std::vector<int> gat_;       // Sentence's group_at_ being built (buffer reused)
  std::vector<std::pair<const Span*, std::uint32_t>> dates_;     // DATE span, token (sorted)
  std::vector<std::pair<std::uint32_t, std::uint32_t>> quants_;  // quantity index, token
  std::unordered_map<std::string, int> entity_index_;
  std::vector<Trigger> triggers_;  // of the current sentence
  std::vector<char> verb_at_;      // sentence token -> an unconsumed verb trigger stands there
  std::vector<char> noun_at_;      // sentence token -> an unconsumed noun trigger stands there
  std::vector<char> in_date_;      // token -> inside a DATE span
  // Date frame (docs/events.md "Date frame"): per sentence, its paragraph
  // and its first and last DATE span that can frame later sentences.
  struct SentDates {
    std::uint32_t para = 0;
    const Span* first = nullptr;
    const Span* last = nullptr;
    int prev = -1;  // the last earlier sentence with a framing DATE, or -1
  };
  std::vector<SentDates> sent_dates_;
  std::size_t cur_sentence_ = 0;
  std::unordered_set<std::uint32_t> framed_;    // trigger starts of events dated by a frame
  std::unordered_set<std::uint32_t> nominal_;   // trigger starts of verbal-noun events
  std::unordered_set<std::uint32_t> headline_;  // trigger starts of events dated as a headline
  bool StoryDate(const std::string& v) const;
  bool SoonAfterPublished(const std::string& v) const;
  void CollapseBlocs(std::vector<Event>& made) const;
  void ActorFrames();
  bool NotAfterPublished(const std::string& v) const;
  const Span* FrameDate(bool past, bool& headline) const;
  bool emitted_embedded_ = false;  // Emit's trigger describes a document (قرارا يطالب)
  int carried_ = -1;               // entity carried from the previous sentence
  int sentence_subject_ = -1;      // entity of the last verb subject in the sentence
  std::vector<Event> events_;
  std::vector<Event> made_;  // Emit's events being made (buffer reused)
  // Scan tables for a long sentence (more than kLongSentence tokens, e.g. a
  // text without sentence punctuation), so that no scan per event runs over
  // the whole sentence: Emit's scans that may reach the sentence's ends (its
  // evidence clause, the place in it, its date clause, the sentence's
  // events) read them instead. A shorter sentence bounds those scans itself
  // and is scanned as it is (cheaper than filling tables).
  // PrepareSentenceScans fills them once groups and verb_at_ are set,
  // indexed by token - sb: the first clause break at or after the token
  // (next_brk_, se = none), the last at or before it (prev_brk_, UINT32_MAX
  // = none), the first token at or after it with a place after في
  // (next_place_, se = none), the last token before it that is a clause verb
  // (not ل-) or a complementizer (prev_stop_, UINT32_MAX = none).
  static constexpr std::uint32_t kLongSentence = 256;
  bool long_sentence_ = false;
  std::vector<std::uint32_t> next_brk_, prev_brk_, next_place_, prev_stop_;
  // Per date, the last date at or before it that is no range (-1 = none):
  // filled for the document at its first long sentence.
  std::vector<std::ptrdiff_t> prev_nonrange_date_;
  bool have_prev_nonrange_ = false;
  // A long sentence's events so far by code root, source and target (Emit's
  // duplicate check), for the sentence starting at token seen_sb_.
  std::unordered_set<std::string> seen_;
  std::uint32_t seen_sb_ = UINT32_MAX;
};

void Coder::Prepare() {
  const auto& toks = doc_.tokens;
  cands_.clear();
  cands_.reserve(toks.size() * 3);
  cand_refs_.clear();
  cand_cue_.clear();
  cand_off_.resize(toks.size() + 1);
  trig_form_.assign(toks.size(), 0);
  cue_tok_.assign(toks.size(), 0);
  marker_.resize(toks.size());
  stem_marker_.assign(toks.size(), kMarkersUnset);
  // Words repeat within a document: a token with the kind, key and stem of
  // an earlier one copies its lookups (they depend on nothing else).
  // Open addressing over (high half of the key hash, token index + 1);
  // index 0 = empty slot.
  std::size_t memo_size = 16;
  while (memo_size < toks.size() * 2) memo_size *= 2;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> memo(memo_size, {0, 0});
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const std::size_t from = cands_.size();
    cand_off_[i] = static_cast<std::uint32_t>(from);
    const Token& tk = toks[i];
    const std::uint64_t hk = extract::StringMapHash(tk.key);
    std::size_t slot = hk & (memo_size - 1);
    int same = -1;
    for (; memo[slot].second != 0; slot = (slot + 1) & (memo_size - 1)) {
      if (memo[slot].first != static_cast<std::uint32_t>(hk >> 32)) continue;
      const Token& o = toks[memo[slot].second - 1];
      if (o.kind == tk.kind && o.key == tk.key && o.stem == tk.stem) {
        same = static_cast<int>(memo[slot].second - 1);
        break;
      }
    }
    if (same >= 0) {
      for (std::uint32_t k = cand_off_[same]; k < cand_off_[same + 1]; ++k) {
        cands_.push_back(cands_[k]);
        cand_refs_.push_back(cand_refs_[k]);
        cand_cue_.push_back(cand_cue_[k]);
      }
      marker_[i] = marker_[same];
      trig_form_[i] = trig_form_[same];
      cue_tok_[i] = cue_tok_[same];
      stem_marker_[i] = stem_marker_[same];
      continue;
    }
    memo[slot] = {static_cast<std::uint32_t>(hk >> 32), static_cast<std::uint32_t>(i + 1)};
    Candidates(tk, cands_, from);
    // Each string hashed once and looked up once in the combined table
    // (Impl::lookup): the key for its markers and as a candidate, the stem
    // as a candidate and for its markers (StemMarkerAt).
    const Lookup* kl = lex_.lookup.Find(tk.key, hk);
    marker_[i] = kl ? kl->marker : 0;
    bool stem_found = false;
    const Lookup* sl = nullptr;
    for (std::size_t k = from; k < cands_.size(); ++k) {
      const std::string_view c = cands_[k];
      const Lookup* l;
      if (c.data() == tk.key.data() && c.size() == tk.key.size()) {
        l = kl;
      } else if (c.data() == tk.stem.data() && c.size() == tk.stem.size()) {
        l = sl = lex_.lookup.Find(c);
        stem_found = true;
      } else {
        l = lex_.lookup.Find(c);
      }
      if (l == nullptr) {
        cand_refs_.push_back(nullptr);
        cand_cue_.push_back(UINT32_MAX);
        continue;
      }
      cand_refs_.push_back(l->refs);
      if (l->refs) trig_form_[i] = 1;
      cand_cue_.push_back(l->cue);
      if (l->cue != UINT32_MAX) cue_tok_[i] = 1;
    }
    if (stem_found) stem_marker_[i] = StemMarkers(i, sl);  // else on demand
  }
  cand_off_[toks.size()] = static_cast<std::uint32_t>(cands_.size());

  for (std::size_t i = 0; i < doc_.entities.size(); ++i) entity_index_[doc_.entities[i].id] = i;
  mention_at_.assign(toks.size(), -1);
  // Token ends, contiguous: the binary searches below stay in cache.
  std::vector<std::uint32_t> tok_end(toks.size());
  for (std::size_t i = 0; i < toks.size(); ++i) tok_end[i] = toks[i].end;
  auto token_of = [&](std::uint32_t cp) -> std::uint32_t {
    auto it = std::upper_bound(tok_end.begin(), tok_end.end(), cp);
    return static_cast<std::uint32_t>(it - tok_end.begin());
  };
  std::vector<const Span*> spans;
  for (const auto& sp : doc_.spans) spans.push_back(&sp);
  std::stable_sort(spans.begin(), spans.end(),
                   [](const Span* a, const Span* b) { return a->start < b->start; });
  // Paragraphs (a line break between two sentences) and the DATE spans
  // that frame later sentences: points (not spans of time) in a sentence
  // of at least five Arabic words (not a dateline).
  sent_dates_.resize(doc_.sentences.size());
  for (std::size_t k = 0; k < doc_.sentences.size(); ++k) {
    const auto& s = doc_.sentences[k];
    std::uint32_t para = k == 0 ? 0 : sent_dates_[k - 1].para;
    if (k > 0 && s.token_begin < toks.size()) {
      const auto& prev = doc_.sentences[k - 1];
      std::size_t from = prev.token_end > 0 && prev.token_end <= toks.size()
                             ? toks[prev.token_end - 1].byte_end
                             : 0;
      std::size_t to = toks[s.token_begin].byte_start;
      // Only the gap between the sentences is searched (not the rest of the text).
      if (from < to &&
          std::string_view(doc_.text).substr(from, to - from).find('\n') != std::string_view::npos)
        ++para;
    }
    sent_dates_[k].para = para;
  }
  auto sentence_of = [&](std::uint32_t tok) -> std::size_t {
    auto it =
        std::upper_bound(doc_.sentences.begin(), doc_.sentences.end(), tok,
                         [](std::uint32_t t, const nufuz::Sentence& s) { return t < s.token_end; });
    return static_cast<std::size_t>(it - doc_.sentences.begin());
  };
  in_date_.assign(toks.size(), 0);
  std::uint32_t qi = 0;
  for (const Span* sp : spans) {
    if (Is(sp->label, "QUANTITY")) {
      std::uint32_t tok = token_of(sp->start);
      if (tok < toks.size()) quants_.push_back({qi, tok});
      ++qi;
      continue;
    }
    if (Is(sp->label, "DATE")) {
      std::uint32_t tok = token_of(sp->start);
      if (tok < toks.size()) dates_.push_back({sp, tok});
      // A word of a date is no trigger: "فجر السبت" is dawn, not "blew up".
      for (std::uint32_t k = tok; k < toks.size() && toks[k].start < sp->end; ++k) in_date_[k] = 1;
      const std::string* kind = sp->Attr("kind");
      const std::string* value = sp->Attr("value");
      std::size_t k = sentence_of(tok);
      if (tok < toks.size() && k < sent_dates_.size() && (!kind || !Is(*kind, "range")) && value &&
          !value->empty()) {
        const auto& s = doc_.sentences[k];
        int words = 0;
        for (std::uint32_t t = s.token_begin; t < s.token_end && t < toks.size() && words < 5; ++t)
          words += toks[t].kind == TokenKind::kArabic;
        if (words >= 5) {
          if (!sent_dates_[k].first) sent_dates_[k].first = sp;
          sent_dates_[k].last = sp;
        }
      }
      continue;
    }
    if (!Is(sp->label, "ENTITY")) continue;
    const std::string* id = sp->Attr("entity");
    if (!id) continue;
    auto it = entity_index_.find(*id);
    if (it == entity_index_.end()) continue;
    const std::string& type = doc_.entities[it->second].type;
    if (Is(type, "INFRA")) continue;
    Mention m{token_of(sp->start), token_of(sp->end > 0 ? sp->end - 1 : 0), sp->start, sp->end,
              it->second};
    const std::string* form = sp->Attr("form");
    m.nisba = form && Is(*form, "nisba");
    if (m.tb >= toks.size()) continue;
    m.te = std::min<std::uint32_t>(m.te + 1, toks.size());
    if (m.te <= m.tb) m.te = m.tb + 1;
    bool overlap = false;
    for (std::uint32_t t = m.tb; t < m.te; ++t) overlap |= mention_at_[t] >= 0;
    if (overlap)
      continue;  // nested or overlapping: keep the first (longest-first is the
                 // extractor's job)
    int idx = static_cast<int>(mentions_.size());
    mentions_.push_back(m);
    for (std::uint32_t t = m.tb; t < m.te; ++t) mention_at_[t] = idx;
  }
  for (std::size_t k = 1, last = 0; k < sent_dates_.size(); ++k) {
    if (sent_dates_[k - 1].last) last = k;
    sent_dates_[k].prev = static_cast<int>(last) - 1;
  }
}

// The preposition governing a mention starting at token tb: the token just
// before it (or up to three tokens back through non-actor words), or the
// ب/ل proclitic of its first token.
void Coder::PrepareSentenceScans(std::uint32_t sb, std::uint32_t se) {
  long_sentence_ = se - sb > kLongSentence;
  if (!long_sentence_) return;
  const std::uint32_t len = se - sb;
  next_brk_.assign(len + 1, se);
  prev_brk_.assign(len, UINT32_MAX);
  for (std::uint32_t t = se; t-- > sb;)
    next_brk_[t - sb] = IsClauseBreak(t) ? t : next_brk_[t + 1 - sb];
  for (std::uint32_t t = sb; t < se; ++t)
    prev_brk_[t - sb] = next_brk_[t - sb] == t ? t : (t > sb ? prev_brk_[t - 1 - sb] : UINT32_MAX);
  next_place_.assign(len + 1, se);
  for (std::uint32_t t = se; t-- > sb;) {
    const int g = group_at_[t - sb];
    next_place_[t - sb] =
        g >= 0 && groups_[g].place >= 0 && Is(groups_[g].prep, "في") ? t : next_place_[t + 1 - sb];
  }
  prev_stop_.assign(len + 1, UINT32_MAX);
  for (std::uint32_t t = sb + 1; t <= se; ++t) {
    const std::uint32_t j = t - 1;
    const bool stop = (verb_at_[j - sb] && !(doc_.tokens[j].proclitics & kCliticLi)) ||
                      (MarkerAt(j) & kComplementizer);
    prev_stop_[t - sb] = stop ? j : prev_stop_[j - sb];
  }
  if (!have_prev_nonrange_) {
    have_prev_nonrange_ = true;
    prev_nonrange_date_.assign(dates_.size(), -1);
    for (std::size_t d = 0; d < dates_.size(); ++d) {
      const std::string* kind = dates_[d].first->Attr("kind");
      prev_nonrange_date_[d] = !(kind && Is(*kind, "range"))
                                   ? static_cast<std::ptrdiff_t>(d)
                                   : (d > 0 ? prev_nonrange_date_[d - 1] : -1);
    }
  }
}

std::string Coder::Prep(std::uint32_t tb, std::uint32_t sb) const {
  const Token& first = doc_.tokens[tb];
  if (first.proclitics & kCliticBi) return "ب";
  if (first.proclitics & kCliticLi) return "ل";
  for (std::uint32_t k = 1; k <= 3 && tb >= sb + k; ++k) {
    std::uint32_t i = tb - k;
    if (IsQuote(i)) continue;  // a quoted name: بين شركة "X"
    if (IsPunct(i) || mention_at_[i] >= 0) break;
    Markers m = MarkerAt(i);
    if (m & kAgent) {
      // من قبل X, على يد/أيدي X; برصاص/بنيران X stand alone.
      const std::string& w = doc_.tokens[i].key;
      const char* before = Is(w, "قبل") ? "من" : (Is(w, "يد") || Is(w, "ايدي")) ? "علي" : nullptr;
      if (!before || (i > sb && doc_.tokens[i - 1].key == before)) return "agent";
      continue;
    }
    if (m & kPreposition) return doc_.tokens[i].key;
    if (m & kQuantifier) return "";
    const Token& t = doc_.tokens[i];
    // A trigger word in between (verb or noun) ends the phrase: the
    // preposition on "بزيارة موسكو" governs the visit, not Moscow.
    if (TriggerForm(i)) break;
    if (t.proclitics & (kCliticBi | kCliticLi)) {
      // "بحكومة كازاخستان": the preposition sits on the head noun.
      return (t.proclitics & kCliticBi) ? "ب" : "ل";
    }
    // "لدول آسيا الوسطى": ل/ب on an actor noun the text stage left whole.
    if (!t.proclitics && (StartsWith(t.key, "ل") || StartsWith(t.key, "ب")) && Cps(t.key) >= 4) {
      std::string_view rest = std::string_view(t.key).substr(std::string_view("ل").size());
      if (lex_.Marker(rest) & kActorNoun) return StartsWith(t.key, "ل") ? "ل" : "ب";
    }
  }
  return "";
}

// بلاده/بلادها (with a pronoun suffix): the country of the nearest actor
// before it in the sentence (a person's or body's country, or a country).
// المنطقة (with the article, not followed by a name): the bloc or region
// last named in the document.
int Coder::ResolveAnaphor(std::uint32_t t, std::uint32_t sb, std::uint32_t role) const {
  const Token& tok = doc_.tokens[t];
  // حليفتها / جارتها (with a pronoun suffix), البلاد (with the article, no
  // suffix): the state named last before it that is not a subject of this
  // sentence (the ally is not the one whose ally it is).
  const bool the_country = (role & kCountryAnaphor) && tok.suffix.empty() && !HeSuffixAnaphor(t) &&
                           (tok.proclitics & kCliticAl);
  if ((role & kPartnerAnaphor) || the_country) {
    if ((role & kPartnerAnaphor) && tok.suffix.empty()) return -1;
    if (t + 1 < doc_.tokens.size() && mention_at_[t + 1] >= 0) return -1;
    // البلاد is a party only after a preposition of a target ("وصل إلى
    // البلاد"), not where something happened ("في أنحاء البلاد").
    // "هذا البلد" (a demonstrative before it) refers back wherever it stands.
    const std::string& before = t > sb ? doc_.tokens[t - 1].key : tok.key;
    const bool demonstrative = t > sb && (Is(before, "هذا") || Is(before, "هذه") ||
                                          Is(before, "ذلك") || Is(before, "تلك"));
    if (the_country && !demonstrative) {
      const std::string p = Prep(t, sb);
      if (!Is(p, "الي") && !Is(p, "ل") && !Is(p, "علي") && !Is(p, "مع") && !Is(p, "ضد")) return -1;
    }
    // "جارتها الغربية، كازاخستان": the name given right after it.
    for (std::uint32_t k = t + 1; k < doc_.tokens.size() && k <= t + 4; ++k) {
      if (TriggerForm(k)) break;
      int m = mention_at_[k];
      if (m < 0) continue;
      int e = mentions_[m].entity;
      if (Is(doc_.entities[e].type, "PLACE")) e = CountryEntity(e);
      if (e >= 0 && Is(doc_.entities[e].type, "COUNTRY")) return e;
      break;
    }
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), t,
                               [](const Mention& m, std::uint32_t x) { return m.tb < x; });
    for (int n = 0; it != mentions_.begin() && n < 400; ++n) {
      --it;
      int e = it->entity;
      if (Is(doc_.entities[e].type, "PLACE")) e = CountryEntity(e);
      if (e < 0 || !Is(doc_.entities[e].type, "COUNTRY")) continue;
      bool subject = false;
      for (const auto& g : groups_) subject |= g.tb >= sb && g.entity == e && g.prep.empty();
      if (!subject) return e;
    }
    return -1;
  }
  if (role & kCountryAnaphor) {
    if (tok.suffix.empty() && !HeSuffixAnaphor(t)) return -1;
    for (std::size_t k = groups_.size(); k-- > 0;) {
      const Group& g = groups_[k];
      if ((g.nisba && !g.actor_np) || g.anaphor || g.tb < sb) continue;
      const Entity& ent = doc_.entities[g.entity];
      if (Is(ent.type, "COUNTRY")) return g.entity;
      if (Is(ent.type, "PERSON") || Is(ent.type, "ORG")) {
        int c = CountryEntity(g.entity);
        if (c >= 0) return c;
        // A person whose country is no entity of the document stands for it.
        bool has_country = false;
        for (const auto& [k, v] : ent.attrs) has_country |= Is(k, "country") && !v.empty();
        if (Is(ent.type, "PERSON") && has_country) return g.entity;
      }
    }
    return -1;
  }
  if (role & kRegionAnaphor) {
    bool article = (tok.proclitics & kCliticAl) || StartsWith(tok.key, "ال");
    if (!article || !tok.suffix.empty()) return -1;
    if (t + 1 < doc_.tokens.size() && mention_at_[t + 1] >= 0) return -1;
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), t,
                               [](const Mention& m, std::uint32_t x) { return m.tb < x; });
    for (int n = 0; it != mentions_.begin() && n < 400; ++n) {
      --it;
      const Entity& b = doc_.entities[it->entity];
      if (!Is(b.type, "BLOC")) continue;
      bool region = false;  // a region of member states, not a political camp
      for (const auto& [k, v] : b.attrs) region |= Is(k, "members") && !v.empty();
      if (region) return it->entity;
    }
  }
  return -1;
}

// بحقه، ضدها، لديها: a preposition of a party with a pronoun suffix (not
// معها: "تعاونها معها" has no clear referent)
// stands for the actor named last before it (ه: a person; ها: a state, body
// or bloc) that is not the subject of its clause, at most 60 tokens back.
int Coder::PronounTarget(std::uint32_t t, std::uint32_t sb, std::string& prep) const {
  const Token& tok = doc_.tokens[t];
  std::string_view suffix = tok.suffix;
  std::string_view st = tok.stem;
  if (suffix.empty() && Is(st, "حقه")) {  // بحقه: the ه of "his" kept in the stem
    suffix = "ه";
    st = "حق";
  }
  if (!Is(suffix, "ه") && !Is(suffix, "ها")) return -1;
  if (Is(st, "ضد") || Is(st, "لدي"))
    prep = std::string(st);
  else if (Is(st, "حق") && (tok.proclitics & kCliticBi))
    prep = "بحق";
  else
    return -1;
  const bool fem = Is(suffix, "ها");
  // Not the subject of its own clause (the unmarked actor named last before
  // it): "فرضت فرنسا عقوبات ضدها" is not against France.
  int subject = -1;
  for (const auto& g : groups_)
    if (g.tb >= sb && g.prep.empty()) subject = g.entity;
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), t,
                             [](const Mention& m, std::uint32_t x) { return m.tb < x; });
  for (int n = 0; it != mentions_.begin() && n < 40; ++n) {
    --it;
    if (it->tb + 60 < t) break;
    int e = it->entity;
    const std::string& ty = doc_.entities[e].type;
    if (Is(ty, "PLACE")) {
      e = CountryEntity(e);
      if (e < 0) continue;
    }
    const std::string& et = doc_.entities[e].type;
    bool fits = fem ? (Is(et, "COUNTRY") || Is(et, "ORG") || Is(et, "BLOC")) : Is(et, "PERSON");
    if (!fits || e == subject) continue;
    return e;
  }
  prep.clear();
  return -1;
}

// "الرئيس الصيني"، "وزير الخارجية الروسي" with no name: the office holder of
// that country named last before it in the document (its attrs `country`
// and `role`), else the country stays the actor.
void Coder::ResolveTitle(Group& g, std::uint32_t sb) const {
  if (!g.nisba || !g.actor_np || g.place >= 0 || g.tb < sb + 1) return;
  if (!Is(doc_.entities[g.entity].type, "COUNTRY")) return;
  auto bare = [&](std::uint32_t t) {
    std::string_view st = doc_.tokens[t].stem;
    if (StartsWith(st, "ال") && Cps(st) >= 4) st.remove_prefix(std::string_view("ال").size());
    return st;
  };
  // "وزير الخارجية الروسي": the title before a definite genitive (itself
  // maybe an actor noun, الخارجية) comes first.
  std::uint32_t title = g.tb - 1;
  std::string_view gen;
  if (g.tb >= sb + 2 && (StemMarkerAt(g.tb - 2) & kActorNoun) &&
      (doc_.tokens[g.tb - 1].proclitics & kCliticAl)) {
    title = g.tb - 2;
    gen = bare(g.tb - 1);
  } else if (!(StemMarkerAt(title) & kActorNoun)) {
    return;
  }
  const std::string_view head = bare(title);
  std::vector<std::string_view> roles;
  if (Is(head, "رئيس") && gen.empty()) roles = {"president"};
  if (Is(head, "رئيس") && (Is(gen, "وزراء") || Is(gen, "حكومه")))
    roles = {"prime minister", "premier"};
  if (Is(head, "وزير") && Is(gen, "خارجيه")) roles = {"foreign", "secretary of state"};
  if (Is(head, "وزير") && Is(gen, "دفاع")) roles = {"defen"};
  if (Is(head, "ملك")) roles = {"king"};
  if (Is(head, "امير")) roles = {"emir"};
  if (roles.empty()) return;
  const std::string& country = doc_.entities[g.entity].id;
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), g.tb,
                             [](const Mention& m, std::uint32_t t) { return m.tb < t; });
  for (int n = 0; it != mentions_.begin() && n < 400; ++n) {
    --it;
    const Entity& e = doc_.entities[it->entity];
    if (!Is(e.type, "PERSON")) continue;
    const std::string *c = nullptr, *r = nullptr;
    for (const auto& [k, v] : e.attrs) {
      if (Is(k, "country")) c = &v;
      if (Is(k, "role")) r = &v;
    }
    if (!c || !r || *c != country) continue;
    for (auto want : roles)
      if (r->find(want) != std::string::npos) {
        g.entity = it->entity;
        return;
      }
  }
  // No office holder with that role: the document's only person of that
  // country, named before, whose role is not given (a head of state named
  // among others: "هنأ الرؤساء الثلاثة X وY"). People of that country with
  // another role (its transport minister) do not hide him.
  int only = -1;
  for (std::size_t e = 0; e < doc_.entities.size(); ++e) {
    const Entity& en = doc_.entities[e];
    if (!Is(en.type, "PERSON")) continue;
    const std::string *c = nullptr, *r = nullptr;
    for (const auto& [k, v] : en.attrs) {
      if (Is(k, "country")) c = &v;
      if (Is(k, "role")) r = &v;
    }
    if (!c || *c != country) continue;
    if (r) continue;
    if (only >= 0) return;
    only = static_cast<int>(e);
  }
  if (only < 0) return;
  for (const auto& m : mentions_)
    if (m.entity == only && m.tb < g.tb) {
      g.entity = only;
      return;
    }
}

int Coder::CountryEntity(int e) const {
  if (e < 0) return -1;
  const Entity& ent = doc_.entities[e];
  if (Is(ent.type, "COUNTRY")) return e;
  for (const auto& [k, v] : ent.attrs)
    if (Is(k, "country")) {
      auto it = entity_index_.find(v);
      if (it != entity_index_.end()) return it->second;
      // attr given as ISO3 or as a bare slug.
      for (std::size_t i = 0; i < doc_.entities.size(); ++i) {
        const Entity& c = doc_.entities[i];
        if (!Is(c.type, "COUNTRY")) continue;
        auto iso = lex_.iso3.find(c.id);
        if ((iso != lex_.iso3.end() && iso->second == v) || c.name_en == v) return i;
      }
    }
  return -1;
}

bool Coder::PersonOf(int p, int b) const {
  const Entity& pe = doc_.entities[p];
  const Entity& be = doc_.entities[b];
  const std::string* org = nullptr;
  bool role = false;
  for (const auto& [k, v] : pe.attrs) {
    if (Is(k, "org")) org = &v;
    if (Is(k, "role") && !v.empty()) role = true;
  }
  if (org && *org == be.id) return true;
  int pc = CountryEntity(p), bc = CountryEntity(b);
  return role && pc >= 0 && pc == bc;
}

// (round C) A PERSON mention with no Wikidata id whose first word is an
// event word (a trigger form, or a common noun of the markers: محادثات،
// احتجاجا، شخصا) is a word the entity stage took for a name after a title
// ("وزير الخارجية السعودي محادثات مع ..."): not a person.
bool Coder::WordAsName(const Mention& m) const {
  const Entity& e = doc_.entities[m.entity];
  if (!Is(e.type, "PERSON") || !e.wikidata.empty()) return false;
  return TriggerForm(m.tb) || (StemMarkerAt(m.tb) & (kNonActor | kActorNoun)) ||
         (m.te == m.tb + 1 && MarkerAt(m.tb) != 0);
}

// (round C) A word of a person's name is no cue: "إمام علي رحمن" holds
// أمام (in front of, a rally's cue) but names a president.
bool Coder::InPersonName(std::uint32_t t) const {
  if (t >= mention_at_.size() || mention_at_[t] < 0) return false;
  return Is(doc_.entities[mentions_[mention_at_[t]].entity].type, "PERSON");
}

bool Coder::CueAt(const std::vector<std::vector<std::uint32_t>>& cue_forms, std::uint32_t i) const {
  for (std::size_t k = 0; k < cue_forms.size(); ++k) {
    std::uint32_t t = i + k;
    if (t >= cue_tok_.size()) return false;  // one entry per token
    if (!cue_tok_[t]) return false;          // no cue form at all (TokenIs is false for every f)
    // Nouns in cues also match their suffixed forms (عقوبة/عقوبات...); the
    // first form is the cue word itself.
    bool any = false;
    for (std::uint32_t f : cue_forms[k])
      if (TokenIs(t, f)) {
        any = true;
        break;
      }
    if (!any) return false;
  }
  return true;
}

const Row* Coder::MatchRow(std::uint32_t i, const std::vector<FormRef>& refs, bool& imperfect,
                           std::uint32_t sb, std::uint32_t se, std::uint32_t& cue_tok) const {
  // The article, the ب proclitic or a preposition before the word make a
  // form shared by a verb and its verbal noun (قصف) a noun: "القصف الروسي",
  // "جراء قصف", "في قصف".
  const Token& tok = doc_.tokens[i];
  // Only when the word has noun rows: a verbal noun spelt like its verb
  // without a row of its own (التواصل) keeps the verb's rows.
  // So does a pronoun suffix right after an actor's name: "جددت الصين دعمها
  // لروسيا" (her support), not "supported her".
  // And so does the genitive of an event noun: "اتفاقية تعاون" (an
  // agreement of cooperation), not "an agreement that cooperated".
  bool after_event_noun = false;
  if (i > sb)
    for (std::uint32_t c = cand_off_[i - 1]; c < cand_off_[i] && !after_event_noun; ++c)
      if (cand_refs_[c]) {
        bool noun = false, verb = false;
        for (const auto& ref : *cand_refs_[c]) (lex_.rows[ref.row].verb ? verb : noun) = true;
        after_event_noun = noun && !verb;
      }
  bool nominal = (tok.proclitics & (kCliticAl | kCliticBi)) ||
                 (i > sb && (MarkerAt(i - 1) & (kPreposition | kAfter | kSince))) ||
                 (i > sb && !tok.suffix.empty() && mention_at_[i - 1] >= 0) || after_event_noun;
  if (nominal) {
    bool noun_rows = false;
    for (const auto& ref : refs) noun_rows = noun_rows || !lex_.rows[ref.row].verb;
    nominal = noun_rows;
  }
  // A participle after a comma (", مطالبة X بـ") is read before a verbal
  // noun of the same spelling (مطالبة); elsewhere the noun wins.
  bool has_noun = false;
  for (const auto& ref : refs) has_noun = has_noun || !lex_.rows[ref.row].verb;
  const bool after_break = i > sb && IsClauseBreak(i - 1);
  // A row whose cue is satisfied wins over a plain row of the word wherever
  // the plain row stands in the file (the more specific sense).
  for (int pass = 0; pass < 2; ++pass) {
    const FormRef* plain = nullptr;
    for (const auto& ref : refs) {
      const Row& row = lex_.rows[ref.row];
      cue_tok = UINT32_MAX;
      const bool part = (row.flags & kParticiple) != 0;
      if (pass == 0 && !(part && after_break)) continue;
      if (pass == 1 && part && (after_break || has_noun)) continue;
      if (row.verb && nominal) continue;
      // (round B) A noun's construct form (رحلت of رحلة) needs a pronoun
      // after it; a bare word ending in ت is a verb (رحّلت "deported").
      if (ref.construct && tok.suffix.empty() && EndsWith(tok.key, "ت")) continue;
      // (round B) A jussive short form only right after لم.
      if (ref.jussive && !(i > sb && (MarkerAt(i - 1) & kNegationPast))) continue;
      if (row.cues.empty()) {
        if (!plain) plain = &ref;
        continue;
      }
      std::uint32_t lo = (row.flags & kCueFirst) ? i + 1 : (i > sb + 5 ? i - 5 : sb);
      // Nine words after the trigger, names not counted: "تحافظ فرنسا، وكذلك
      // تركيا أحيانا، على علاقات".
      std::uint32_t hi = i + 1;
      for (std::uint32_t words = 0; hi < se && words < 9; ++hi)
        if (mention_at_[hi] < 0) ++words;
      for (std::uint32_t t = lo; t < hi && cue_tok == UINT32_MAX; ++t) {
        if ((row.flags & kObjCue) && t > i && (MarkerAt(t) & kPreposition)) break;
        if (t == i || InPersonName(t)) continue;
        for (const auto& cue : row.cue_form_ids)
          if (CueAt(cue, t)) {
            cue_tok = t;
            break;
          }
      }
      if (cue_tok != UINT32_MAX) {
        imperfect = ref.imperfect;
        return &row;
      }
    }
    if (plain) {
      cue_tok = UINT32_MAX;
      imperfect = plain->imperfect;
      return &lex_.rows[plain->row];
    }
  }
  return nullptr;
}

void AddUnique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
long DaysFrom(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// The first (late = false) or last (late = true) day of "YYYY[-MM[-DD]]" as
// days since the epoch; nullopt when malformed.
std::optional<long> DayBound(const std::string& v, bool late) {
  int y = 0, m = 0, d = 0;
  // "YYYY", "YYYY-MM" and "YYYY-MM-DD" in ASCII digits (the DATE values)
  // are read directly, exactly as the sscanf below reads them.
  auto num = [&v](std::size_t b, std::size_t n) {
    int x = 0;
    for (std::size_t i = b; i < b + n; ++i) {
      if (v[i] < '0' || v[i] > '9') return -1;
      x = x * 10 + (v[i] - '0');
    }
    return x;
  };
  const bool plain = (v.size() == 4 || v.size() == 7 || v.size() == 10) && num(0, 4) >= 0 &&
                     (v.size() < 7 || (v[4] == '-' && num(5, 2) >= 0)) &&
                     (v.size() < 10 || (v[7] == '-' && num(8, 2) >= 0));
  if (plain) {
    y = num(0, 4);
    if (v.size() >= 7) m = num(5, 2);
    if (v.size() >= 10) d = num(8, 2);
  } else if (v.size() < 4 || std::sscanf(v.c_str(), "%4d-%2d-%2d", &y, &m, &d) < 1) {
    return std::nullopt;
  }
  if (m < 0 || m > 12 || d < 0 || d > 31) return std::nullopt;
  if (m == 0) return late ? DaysFrom(y, 12, 31) : DaysFrom(y, 1, 1);
  if (d == 0)
    return late ? DaysFrom(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1 : DaysFrom(y, m, 1);
  return DaysFrom(y, m, d);
}

// A date of the story itself, not of its background: not after the
// publication date and at most kStoryDays before it.
constexpr long kStoryDays = 31;

bool Coder::NotAfterPublished(const std::string& v) const {
  if (!doc_.published) return true;
  auto a = DayBound(v, false), p = DayBound(*doc_.published, true);
  return a && p && *a <= *p;
}

// A day within a week after publication: what a headline announces
// ("X يزور Y" over "يتوجه X ... الخميس").
bool Coder::SoonAfterPublished(const std::string& v) const {
  if (!doc_.published) return false;
  auto early = DayBound(v, false), late = DayBound(v, true), p = DayBound(*doc_.published, false);
  return early && late && p && *late == *early && *early >= *p && *early - *p <= 7;
}

bool Coder::StoryDate(const std::string& v) const {
  if (!doc_.published) return false;
  auto late = DayBound(v, true), p = DayBound(*doc_.published, false);
  return late && p && NotAfterPublished(v) && *p - *late <= kStoryDays;
}

// The date an undated event inherits (docs/events.md "Date frame"): the
// last framing DATE of the sentences before it, in its paragraph or, for a
// story date, an earlier one; a past event only (`past`), and never a date
// after publication. A headline (a one-sentence paragraph before any date)
// takes the first story date of the next sentences, whatever its tense.
const Span* Coder::FrameDate(bool past, bool& headline) const {
  headline = false;
  if (cur_sentence_ >= sent_dates_.size()) return nullptr;
  const SentDates& here = sent_dates_[cur_sentence_];
  if (here.prev >= 0) {
    const SentDates& fs = sent_dates_[here.prev];
    const std::string* v = fs.last->Attr("value");
    if (!past || !v || !NotAfterPublished(*v)) return nullptr;
    return fs.para == here.para || StoryDate(*v) ? fs.last : nullptr;
  }
  // No date before: a headline.
  bool alone =
      (cur_sentence_ == 0 || sent_dates_[cur_sentence_ - 1].para != here.para) &&
      (cur_sentence_ + 1 >= sent_dates_.size() || sent_dates_[cur_sentence_ + 1].para != here.para);
  if (!alone) return nullptr;
  for (std::size_t k = cur_sentence_ + 1; k < sent_dates_.size() && k <= cur_sentence_ + 4; ++k) {
    const Span* f = sent_dates_[k].first;
    if (!f) continue;
    const std::string* v = f->Attr("value");
    headline = v && (StoryDate(*v) || SoonAfterPublished(*v));
    return headline ? f : nullptr;
  }
  return nullptr;
}

void Coder::Sentence(const nufuz::Sentence& s) {
  const std::uint32_t sb = s.token_begin,
                      se = std::min<std::uint32_t>(s.token_end, doc_.tokens.size());
  if (sb >= se) return;
  // Groups: mentions of the sentence, with apposition merged and coordination linked.
  groups_.clear();
  std::vector<int>& gat = gat_;
  gat.assign(se - sb, -1);
  for (std::uint32_t t = sb; t < se;) {
    int m = mention_at_[t];
    if (m < 0) {
      // بلاده / المنطقة: an anaphor standing for an actor named earlier.
      std::uint32_t role = StemMarkerAt(t) & (kCountryAnaphor | kRegionAnaphor | kPartnerAnaphor);
      if (!role && HeSuffixAnaphor(t)) role = kCountryAnaphor;
      int e = role ? ResolveAnaphor(t, sb, role) : -1;
      // "مذكرة توقيف بحقه"، "عقوبات ضدها": a preposition with a pronoun.
      std::string pron_prep;
      if (e < 0 && !role) e = PronounTarget(t, sb, pron_prep);
      if (e >= 0) {
        Group g;
        g.tb = t;
        g.te = t + 1;
        g.entity = e;
        g.anaphor = true;
        g.prep = pron_prep.empty() ? Prep(t, sb) : pron_prep;
        gat[t - sb] = static_cast<int>(groups_.size());
        groups_.push_back(g);
      }
      ++t;
      continue;
    }
    const Mention& mm = mentions_[m];
    if (mm.tb < sb) {  // begins in the previous sentence
      t = mm.te;
      continue;
    }
    Group g;
    g.tb = mm.tb;
    g.te = mm.te;
    g.entity = mm.entity;
    g.nisba = mm.nisba;
    // The nisba qualifies an actor noun right before it (القوات الروسية) or
    // one with a definite genitive between them (قوات الأمن الإيرانية، وزير
    // الخارجية الروسي).
    g.actor_np = mm.nisba && mm.tb > sb &&
                 ((StemMarkerAt(mm.tb - 1) & kActorNoun) ||
                  (mm.tb > sb + 1 && (StemMarkerAt(mm.tb - 2) & kActorNoun) &&
                   (doc_.tokens[mm.tb - 1].proclitics & kCliticAl) && MarkerAt(mm.tb - 1) == 0 &&
                   !TriggerForm(mm.tb - 1)));
    const Entity& ent = doc_.entities[mm.entity];
    if (Is(ent.type, "PLACE")) {
      int c = CountryEntity(mm.entity);
      g.place = mm.entity;
      if (c >= 0) g.entity = c;
    }
    if (WordAsName(mm)) {
      // (round C) An event word taken for a name after a title ("السفير
      // الفرنسي شخصا"، "وزير الخارجية السعودي محادثات"): no person; the
      // title's nisba right before it stays the actor, else the country.
      const int c = CountryEntity(mm.entity);
      if (c < 0 || (!groups_.empty() && groups_.back().entity == c && groups_.back().te == mm.tb)) {
        t = mm.te;
        continue;
      }
      g.entity = c;
    }
    g.prep = Prep(mm.tb, sb);
    // Apposition: "رئيس قرغيزستان صادر جباروف" — a country right before a
    // person/org of that country is the same actor.
    if (!groups_.empty()) {
      Group& prev = groups_.back();
      bool adjacent = true;
      for (std::uint32_t k = prev.te; k < mm.tb; ++k) {
        std::string_view sf = doc_.Surface(doc_.tokens[k]);
        // Function words (إن، لن...) and triggers between them: two actors.
        bool trig = TriggerForm(k);
        if ((IsPunct(k) && !Is(sf, "،") && !Is(sf, ",")) ||
            (doc_.tokens[k].proclitics & kCliticWa) || (MarkerAt(k) & ~Markers{kActorNoun}) != 0 ||
            trig || Is(doc_.tokens[k].key, "و"))
          adjacent = false;
      }
      adjacent &= mm.tb - prev.te <= 3 && !(doc_.tokens[mm.tb].proclitics & kCliticWa);
      const Entity& pe = doc_.entities[prev.entity];
      if (adjacent && Is(pe.type, "COUNTRY") && (Is(ent.type, "PERSON") || Is(ent.type, "ORG")) &&
          CountryEntity(mm.entity) == prev.entity) {
        prev.te = mm.te;
        prev.entity = mm.entity;
        prev.nisba = false;  // "الرئيس الروسي فلاديمير بوتين": the person
        for (std::uint32_t k = mm.tb; k < mm.te && k < se; ++k)
          gat[k - sb] = static_cast<int>(groups_.size() - 1);
        t = mm.te;
        continue;
      }
      // "رئيسة المفوضية الأوروبية أورسولا فون دير لاين": a body right before
      // a person who holds a post in it is the person.
      if (adjacent && (Is(pe.type, "ORG") || Is(pe.type, "BLOC")) && Is(ent.type, "PERSON") &&
          !prev.nisba && PersonOf(mm.entity, prev.entity)) {
        prev.te = mm.te;
        prev.entity = mm.entity;
        for (std::uint32_t k = mm.tb; k < mm.te && k < se; ++k)
          gat[k - sb] = static_cast<int>(groups_.size() - 1);
        t = mm.te;
        continue;
      }
      if (adjacent && (Is(ent.type, "COUNTRY")) && (Is(pe.type, "PERSON") || Is(pe.type, "ORG")) &&
          CountryEntity(prev.entity) == mm.entity && g.prep.empty()) {
        // "بوتين، الرئيس الروسي" / "وزارة الخارجية الكازاخستانية": keep the person/org.
        prev.te = mm.te;
        for (std::uint32_t k = mm.tb; k < mm.te && k < se; ++k)
          gat[k - sb] = static_cast<int>(groups_.size() - 1);
        t = mm.te;
        continue;
      }
      // Coordination: "X و Y", "X، Y و Z", "X-Y".
      bool coord = false;
      if (mm.tb >= prev.te) {
        // (A closing quote after the first name: "بين شركة "X" وY".)
        const std::uint32_t pe = prev.te < mm.tb && IsQuote(prev.te) ? prev.te + 1 : prev.te;
        std::uint32_t gap = mm.tb - pe;
        const Token& ft = doc_.tokens[mm.tb];
        if (gap == 0 && (ft.proclitics & kCliticWa)) coord = true;
        if (gap == 1) {
          std::string_view sf = doc_.Surface(doc_.tokens[pe]);
          if (Is(doc_.tokens[pe].key, "و") || Is(sf, "-") || Is(sf, "–") || Is(sf, "،") ||
              Is(sf, ","))
            coord = Is(sf, "،") || Is(sf, ",") ? false : true;
          if ((Is(sf, "،") || Is(sf, ",")) && mm.te < se) coord = false;
        }
        if (gap == 0 && !coord) {
          // "روسيا-آسيا الوسطى" tokenised without a separate dash token.
          coord = false;
        }
        // "X والدول الأعضاء في الجامعة العربية"، "X والجمهوريات التركية الأخرى
        // في المنظمة": the members described before a bloc's or body's
        // name are the bloc, coordinated with X.
        // (A nisba in the description, التركية, is a group of its own:
        // the chain's head is the actor before it.)
        int head = static_cast<int>(groups_.size()) - 1;
        if (!coord && prev.nisba && head > 0 && groups_[head - 1].te < prev.tb) --head;
        const std::uint32_t f = groups_[head].te, l = mm.tb - 1;
        // ("X ودول الخليج": the bloc in the genitive, likewise.)
        if (!coord && l >= f && l - f <= 5 && (Is(ent.type, "BLOC") || Is(ent.type, "ORG")) &&
            (doc_.tokens[f].proclitics & kCliticWa) && (StemMarkerAt(f) & kMembers) &&
            (l == f || Is(doc_.tokens[l].key, "في") || Is(doc_.tokens[l].key, "من"))) {
          bool ok = true;
          for (std::uint32_t k = f + 1; k < l && ok; ++k) {
            const int mk = mention_at_[k];
            ok = !IsPunct(k) && MarkerAt(k) == 0 && !TriggerForm(k) &&
                 (mk < 0 || (mentions_[mk].nisba && head != static_cast<int>(groups_.size()) - 1));
          }
          if (ok) {
            g.coord_prev = head;
            groups_[head].coord_next = static_cast<int>(groups_.size());
            int h = head;
            while (groups_[h].coord_prev >= 0) h = groups_[h].coord_prev;
            g.prep = groups_[h].prep;  // not the description's في/من
          }
        }
      }
      if (coord) {
        g.coord_prev = static_cast<int>(groups_.size() - 1);
        prev.coord_next = static_cast<int>(groups_.size());
        if (g.prep.empty() || Is(g.prep, "ب") || Is(g.prep, "ل")) {
          // The preposition of the head of the chain governs the whole chain,
          // unless this member carries its own clitic preposition.
          const Token& ft = doc_.tokens[mm.tb];
          if (!(ft.proclitics & (kCliticBi | kCliticLi))) {
            int h = g.coord_prev;
            while (groups_[h].coord_prev >= 0) h = groups_[h].coord_prev;
            g.prep = groups_[h].prep;
          }
        }
      }
    }
    int gi = static_cast<int>(groups_.size());
    groups_.push_back(g);
    for (std::uint32_t k = mm.tb; k < mm.te && k < se; ++k) gat[k - sb] = gi;
    t = mm.te;
  }
  group_at_.swap(gat);
  for (auto& g : groups_) ResolveTitle(g, sb);

  // Triggers.
  triggers_.clear();
  for (std::uint32_t i = sb; i < se; ++i) {
    if (group_at_[i - sb] >= 0) continue;  // inside an entity name
    // After a relative pronoun, "استضافتها" is the verb with an object
    // pronoun (she hosted it), which the text stage may read as a ة-noun
    // with a pronoun (its hosting): try the perfect in ت first.
    const Token& tk = doc_.tokens[i];
    if (i > sb && (MarkerAt(i - 1) & kRelative) && !tk.suffix.empty() && EndsWith(tk.stem, "ه") &&
        Cps(tk.stem) >= 4) {
      std::string alt = DropLast(tk.stem) + "ت";
      if (const auto* refs = lex_.forms.Find(alt)) {
        std::vector<FormRef> verbs;
        for (const auto& ref : *refs)
          if (lex_.rows[ref.row].verb) verbs.push_back(ref);
        bool imperfect = false;
        std::uint32_t cue_tok = UINT32_MAX;
        const Row* row = verbs.empty() ? nullptr : MatchRow(i, verbs, imperfect, sb, se, cue_tok);
        if (row) {
          Trigger tr{i, row, imperfect};
          tr.cue_tok = cue_tok;
          triggers_.push_back(tr);
          continue;
        }
      }
    }
    if (!trig_form_[i] || in_date_[i]) continue;  // no candidate has rows; a date's word
    if (i > sb && (MarkerAt(i - 1) & kComparative)) continue;  // a comparison: أكثر تهديدا
    for (std::uint32_t c = cand_off_[i]; c < cand_off_[i + 1]; ++c) {
      const std::vector<FormRef>* refs = cand_refs_[c];
      if (!refs) continue;
      bool imperfect = false;
      std::uint32_t cue_tok = UINT32_MAX;
      const Row* row = MatchRow(i, *refs, imperfect, sb, se, cue_tok);
      if (!row) continue;
      Trigger tr{i, row, imperfect};
      tr.cue_tok = cue_tok;
      triggers_.push_back(tr);
      break;
    }
  }
  // Cue words that are triggers themselves are consumed; modal and refusal
  // verbs pass their subject and modality to the trigger they govern.
  for (std::size_t a = 0; a < triggers_.size(); ++a) {
    Trigger& tr = triggers_[a];
    if (tr.consumed) continue;
    std::size_t b0 = a > 8 ? a - 8 : 0, b1 = std::min(triggers_.size(), a + 9);
    for (std::size_t b = b0; b < b1; ++b) {
      if (b == a || tr.cue_tok == UINT32_MAX || (tr.row->flags & kKeepCue)) continue;
      std::uint32_t lo = std::min(tr.tok, tr.cue_tok), hi = std::max(tr.tok, tr.cue_tok);
      if (triggers_[b].tok >= lo && triggers_[b].tok <= hi) triggers_[b].consumed = true;
      // The cue's genitive names its kind: "وقعت اتفاقية تعاون" is one
      // agreement, not an agreement and cooperation.
      if (tr.cue_tok > tr.tok && triggers_[b].tok == tr.cue_tok + 1 && !triggers_[b].row->verb)
        triggers_[b].consumed = true;
    }
    // The verbal noun a verb governs directly is its object, not another
    // event: "حظرت الحكومة المظاهرات".
    // Force or coercion against protesters ("اشتبكت الشرطة مع محتجين",
    // "فرّقت المتظاهرين"): the protest noun names the victims, no event.
    // (Counted from the cue when there is one: "فتحت X النار على المحتجين".)
    const std::uint32_t reach_from =
        tr.cue_tok != UINT32_MAX ? std::max(tr.tok, tr.cue_tok) : tr.tok;
    if (tr.row->cameo >= "17" && a + 1 < triggers_.size() &&
        triggers_[a + 1].row->cameo.compare(0, 2, "14") == 0 && !triggers_[a + 1].row->verb &&
        triggers_[a + 1].tok <= reach_from + 5)
      triggers_[a + 1].consumed = true;
    if (tr.row->verb && !(tr.row->flags & (kSpeech | kModal | kRefuse | kAspect | kKeepCue)) &&
        a + 1 < triggers_.size()) {
      Trigger& next = triggers_[a + 1];
      const Token& nt = doc_.tokens[next.tok];
      bool ok = !next.row->verb && next.tok <= tr.tok + 5 &&
                !(nt.proclitics & (kCliticBi | kCliticLi | kCliticWa)) &&
                !(MarkerAt(next.tok - 1) & kPreposition);
      for (std::uint32_t k = tr.tok + 1; k < next.tok && ok; ++k) ok = !IsClauseBreak(k);
      // A meeting noun with its parties after بين ("جمع لقاء بين X وY"، "عقد
      // اجتماع بين X وY") is coded on its own: the verb names no parties (a
      // host's verb does: "استضافت X محادثات بين Y وZ" is X -> Y, X -> Z).
      if (ok && (next.row->flags & kSymmetric) && !(tr.row->flags & kHost))
        for (std::uint32_t k = next.tok + 1; k < se && k <= next.tok + 5; ++k)
          if (group_at_[k - sb] >= 0 && Is(groups_[group_at_[k - sb]].prep, "بين") &&
              groups_[group_at_[k - sb]].coord_next >= 0) {
            ok = false;
            break;
          }
      // A verb judging an act of force
      // or protest (14-20) does not make it its object: "أدانت X قصف Y
      // لـ Z" reports the shelling too.
      const std::string& vc = tr.row->cameo;
      // Verbs that judge or answer an act: statements, appeals, praise,
      // demands, criticism, rejection, threats (01 02 05 10-13).
      const bool verbal = vc < "03" || (vc >= "05" && vc < "06") || (vc >= "10" && vc < "14");
      if (ok && verbal && next.row->cameo >= "14") {
        ok = false;
        next.judged = true;
      }
      if (ok) next.consumed = true;
    }
    // What a demand or an appeal asks for ("طالبت X روسيا بسحب قواتها"،
    // "دعا X إيران إلى الانسحاب") is not done: the verbal noun after ب/إلى
    // is its content, not an event.
    if (tr.row->verb && a + 1 < triggers_.size() && tr.row->cameo.size() >= 2 &&
        (tr.row->cameo.compare(0, 2, "10") == 0 || tr.row->cameo.compare(0, 2, "02") == 0)) {
      // The content opens at the first word with ب (a noun whatever its
      // rows: بسحب) or after إلى; the trigger there or one or two words on
      // ("بفرض عقوبات") is what is asked.
      Trigger& next = triggers_[a + 1];
      std::uint32_t open = UINT32_MAX;
      for (std::uint32_t k = tr.tok + 1; k <= tr.tok + 6 && k < se && k <= next.tok; ++k) {
        if (IsClauseBreak(k)) break;
        if (group_at_[k - sb] >= 0) continue;
        if ((doc_.tokens[k].proclitics & kCliticBi) || Is(doc_.tokens[k - 1].key, "الي")) {
          open = k;
          break;
        }
      }
      // (With its cue: "بفرض عقوبات" is one act asked for.)
      if (open != UINT32_MAX && next.tok <= open + 2) {
        std::uint32_t end = open + 2;
        if (next.cue_tok != UINT32_MAX && next.cue_tok > end && next.cue_tok <= open + 6)
          end = next.cue_tok;
        for (std::size_t b = a + 1; b < triggers_.size() && triggers_[b].tok <= end; ++b)
          triggers_[b].consumed = true;
      }
    }
    if ((tr.row->flags & (kModal | kRefuse | kAspect)) && a + 1 < triggers_.size()) {
      Trigger& next = triggers_[a + 1];
      bool clause_break = false;
      for (std::uint32_t k = tr.tok + 1; k < next.tok; ++k) clause_break |= IsClauseBreak(k);
      // "رفضت X الاتهامات الأمريكية": refusing another's statement, appeal,
      // demand, accusation or threat (a verbal noun of roots 01, 02, 10-13)
      // is a rejection of its author, coded on the refusing verb.
      const std::string& nc = next.row->cameo;
      const bool rejects_act = (tr.row->flags & kRefuse) && !next.row->verb &&
                               next.tok <= tr.tok + 2 && nc.size() >= 2 &&
                               (nc.compare(0, 2, "01") == 0 || nc.compare(0, 2, "02") == 0 ||
                                (nc[0] == '1' && nc[1] <= '3'));
      const int refused_other = (tr.row->flags & kRefuse) ? RefusesOthersAct(a, sb) : 0;
      if ((rejects_act || refused_other == 1) && !next.consumed && !clause_break) {
        next.consumed = true;
        next.rejected_by = static_cast<int>(a);
      } else if (refused_other == 2 && !next.consumed) {
        // (round B) "رفضت X المقترح الأوكراني لوقف إطلاق النار": the
        // refusal is of the proposal; the ceasefire is its content.
        next.content_of = static_cast<int>(a);
      } else if (!next.consumed && next.tok <= tr.tok + 5 && !clause_break &&
                 !(next.row->flags & kSpeech)) {
        next.inherit = true;
        next.inherit_intent = (tr.row->flags & kModal) != 0;
        next.inherit_negated = (tr.row->flags & kRefuse) != 0;
        next.inherit_source = static_cast<int>(a);  // resolved in Emit via the trigger
        tr.consumed = true;
        tr.governs = true;
        // The governed trigger takes the governing verb's position for the
        // subject search: remember it through inherit_source.
      }
    }
    // "Continue" with nothing coded after it is no event of its own.
    if ((tr.row->flags & kAspect) && !tr.governs) tr.consumed = true;
  }

  MarkGovernedContent(sb, se);
  ConsumeSameAct(sb, se);
  DescribedActs(sb, se);
  RejectedActs(sb, se);

  verb_at_.assign(se - sb, 0);
  for (const auto& tr : triggers_)
    if (tr.row->verb && (!tr.consumed || tr.governs || tr.describes)) verb_at_[tr.tok - sb] = 1;
  noun_at_.assign(se - sb, 0);
  for (const auto& tr : triggers_)
    if (!tr.row->verb && !tr.consumed) noun_at_[tr.tok - sb] = 1;
  PrepareSentenceScans(sb, se);

  // Reported speech scopes: a speech verb opens a scope at the next
  // complementizer (or colon/quote) up to the sentence end.
  sentence_subject_ = -1;
  std::size_t n_before = events_.size();
  std::uint32_t scope_b = sb;
  int speaker = -1;
  std::vector<std::pair<std::uint32_t, int>> scopes;  // complementizer token, speaker entity
  struct Made {
    std::size_t b, e;  // events_ range
    std::uint32_t tok;
    bool speech;
    std::uint32_t comp = UINT32_MAX;  // complementizer opening its reported clause
    bool participle = false;
    bool noun = false;
    bool background = false;              // a verbal noun after منذ
    bool posture = false;                 // (round C) flag posture: targetless -> 150
    std::uint32_t governor = UINT32_MAX;  // token of the trigger whose content it is
  };
  std::vector<Made> made_by;
  for (std::size_t a = 0; a < triggers_.size(); ++a) {
    Trigger& tr = triggers_[a];
    // Enter an embedded scope when the trigger follows a recorded complementizer.
    for (const auto& [ct, sp] : scopes)
      if (tr.tok > ct && ct >= scope_b) {
        scope_b = ct + 1;
        speaker = sp;
      }
    // scope_b only grows: a scope opened before it is never entered again
    // (dropped, so that this loop stays short in a long sentence).
    std::erase_if(scopes, [&](const auto& sc) { return sc.first < scope_b; });
    if (tr.consumed) continue;
    std::size_t before = events_.size();
    Emit(tr, sb, se, scope_b, se, speaker, events_);
    made_by.push_back({before, events_.size(), tr.tok, (tr.row->flags & kSpeech) != 0});
    made_by.back().participle = (tr.row->flags & kParticiple) != 0;
    made_by.back().noun = !tr.row->verb;
    made_by.back().posture = (tr.row->flags & kPosture) != 0;
    // (A document's clause, "قرار يطالب X", is not the sentence's story either.)
    made_by.back().background = (!tr.row->verb && Background(tr.tok, sb)) || emitted_embedded_;
    if (tr.content_of >= 0) made_by.back().governor = triggers_[tr.content_of].tok;
    if ((tr.row->flags & kSpeech)) {
      int who = -1;
      for (std::size_t k = before; k < events_.size(); ++k) {
        auto it = entity_index_.find(events_[k].source);
        if (it != entity_index_.end()) who = it->second;
      }
      if (who < 0) who = speaker;
      for (std::uint32_t k = tr.tok + 1; k < se && k < tr.tok + 12; ++k) {
        std::string_view sf = doc_.Surface(doc_.tokens[k]);
        if ((MarkerAt(k) & kComplementizer) || Is(doc_.tokens[k].stem, "ان") || Is(sf, ":") ||
            Is(sf, "\"") || Is(sf, "«")) {
          scopes.push_back({k, who});
          made_by.back().comp = k;
          break;
        }
      }
    }
  }
  // Implicit subject for the next sentence: only when this sentence's events
  // have one and the same source.
  // (A background event after منذ is not what the sentence is about: "منذ
  // الغزو الروسي لجورجيا، صارت X ..." passes X, not Russia.)
  int only = -2;
  // When verbs made events, they alone pass the subject: a verbal noun in an
  // adjunct ("عقب زيارة X إلى Y، وصل Z إلى ...") is not the story.
  bool only_nouns = true;  // every event passing its source is a verbal noun's
  for (const auto& m : made_by)
    if (m.e > m.b && !m.noun && !m.background) only_nouns = false;
  for (const auto& m : made_by) {
    if (m.background || (m.noun && !only_nouns)) continue;
    for (std::size_t k = m.b; k < m.e; ++k) {
      auto it = entity_index_.find(events_[k].source);
      int e = it == entity_index_.end() ? -1 : it->second;
      if (only == -2)
        only = e;
      else if (only != e)
        only = -1;
    }
  }
  if (only >= 0)
    carried_ = only;
  else if (only == -1 || !groups_.empty())
    carried_ = -1;
  // A sentence with no event still has a subject the next one may continue
  // ("أصبحت X وجهة للمستثمرين. واستضافت قمة"): the unmarked actor
  // right after the word that opens the sentence or a clause after a comma
  // (a verb: VSO).
  // So does a sentence whose only events are verbal nouns in an adjunct
  // ("عقب زيارة X إلى Y، وصل Z إلى ..."): its clause's subject (Z),
  // not the noun's, continues.
  if ((only == -2 || (only >= 0 && only_nouns)) && !groups_.empty()) {
    for (const auto& g : groups_) {
      if (!g.prep.empty() || (g.nisba && !g.actor_np) || g.anaphor || g.tb < sb + 1) continue;
      const std::uint32_t w = g.tb - 1;
      if (group_at_[w - sb] >= 0 || MarkerAt(w) != 0 || IsPunct(w)) continue;
      if (w == sb || IsClauseBreak(w - 1)) {
        carried_ = g.entity;
        break;
      }
    }
  }
  FilterTargetless(n_before, made_by, sb);
  if (n_before < events_.size()) events_[n_before].root_event = true;
}

// (round B) Comments that need no addressee: claiming (015) or denying
// (016) responsibility. Their triggers are explicit (أعلن مسؤوليته، نفى أي
// تورط), unlike a bare statement (010), so they stand without a target.
// (Concern, 012 "أعرب عن قلقه", was tried too: it gains on the project's
// sentence set but adds an uncoded comment on the seeds, so it still needs
// a target.)
bool AboutNoOne(const std::string& code) {
  return Is(code, "015") || Is(code, "016");
}

// (round C) An actor in the genitive of a purpose noun of support after ل,
// after the trigger ("خصصت X 100 مليون دولار لدعم Y"، "بتخصيص ... لمساعدة Y"،
// "لإعادة إعمار Y"), is who the act is for, as after ل.
bool Coder::PurposeBeneficiary(int g, std::uint32_t anchor) const {
  const std::uint32_t n = groups_[g].tb;
  if (n < 1 || n - 1 <= anchor) return false;
  const Token& t = doc_.tokens[n - 1];
  if (!(t.proclitics & kCliticLi)) return false;
  static const char* const kPurpose[] = {"دعم", "مساعده", "اعمار", "تمويل", "انقاذ", "اغاثه"};
  for (const char* w : kPurpose)
    if (Is(t.stem, w) || Is(t.key, std::string("ل") + w)) return true;
  return false;
}

// (round C) Recodes a targetless act of a `posture` row as a show of force
// (150, with its Goldstein value, QuadClass and PLOVER type); false when
// cameo.tsv has no 150.
bool Coder::ShowOfForce(Event& ev) const {
  const CodeInfo* ci = lex_.Code("150");
  if (!ci) return false;
  ev.cameo = "150";
  ev.plover = ci->plover;
  ev.plover_mode = ci->mode;
  ev.quad = ci->quad;
  ev.goldstein = ci->goldstein;
  return true;
}

// An event needs a target unless its root may stand alone (cameo.tsv
// "target"). A statement without a target stands only when the clause it
// reports yields no event of its own (else that event, attributed to the
// speaker, is the content).
template <typename MadeT>
void Coder::FilterTargetless(std::size_t n_before, const std::vector<MadeT>& made_by,
                             std::uint32_t sb) {
  auto optional_root = [&](const Event& ev) {
    const CodeInfo* r = lex_.Code(ev.cameo.substr(0, 2));
    return r && r->target_optional;
  };
  std::vector<char> keep(events_.size() - n_before, 1);
  for (const auto& m : made_by)
    if (!m.speech)
      for (std::size_t k = m.b; k < m.e; ++k)
        if (events_[k].target.empty() && !optional_root(events_[k]) &&
            !AboutNoOne(events_[k].cameo)) {
          if (m.posture && !events_[k].source.empty() && ShowOfForce(events_[k])) continue;
          keep[k - n_before] = 0;
        }
  // (round B) The content of an appeal, demand or negotiation that was
  // coded is no event of its own (MarkGovernedContent).
  for (const auto& m : made_by) {
    if (m.governor == UINT32_MAX) continue;
    bool governed = false;
    // made_by is in token order: the governor's entry by binary search.
    auto o = std::lower_bound(made_by.begin(), made_by.end(), m.governor,
                              [](const MadeT& x, std::uint32_t t) { return x.tok < t; });
    if (o != made_by.end() && o->tok == m.governor)
      for (std::size_t k = o->b; k < o->e; ++k) governed |= keep[k - n_before] != 0;
    if (governed)
      for (std::size_t k = m.b; k < m.e; ++k) keep[k - n_before] = 0;
  }
  // Whether a statement has content kept after its complementizer: the last
  // entry with a kept event (kept_last, made_by index + 1, 0 = none) comes
  // after it. Only a statement's own events are dropped below (it is never
  // after a later statement's complementizer) and AnnouncedContent only keeps
  // events within its window, so kept_last is kept up to date, not rescanned.
  auto any_kept = [&](const MadeT& o) {
    for (std::size_t k = o.b; k < o.e; ++k)
      if (keep[k - n_before]) return true;
    return false;
  };
  std::size_t kept_last = 0;
  for (std::size_t j = made_by.size(); j-- > 0;)
    if (any_kept(made_by[j])) {
      kept_last = j + 1;
      break;
    }
  for (const auto& m : made_by) {
    if (!m.speech) continue;
    bool content = false;
    if (m.comp != UINT32_MAX) {
      const auto after =
          std::upper_bound(made_by.begin(), made_by.end(), m.comp,
                           [](std::uint32_t t, const MadeT& x) { return t < x.tok; });
      content = kept_last > static_cast<std::size_t>(after - made_by.begin());
    }
    // "أعلنت X وY وقف إطلاق النار": the verbal noun the statement announces
    // (its object, in its clause) is the content.
    const bool announced =
        m.comp == UINT32_MAX && AnnouncedContent(m.tok, sb, n_before, made_by, keep);
    if (announced) {
      // The entries AnnouncedContent may keep: after the statement, before
      // the eighth word after it that is no actor's name.
      std::uint32_t bound = m.tok + 1;
      for (std::uint32_t words = 0; bound < doc_.tokens.size(); ++bound) {
        if (bound - sb >= group_at_.size() || group_at_[bound - sb] < 0) ++words;
        if (words >= 8) break;
      }
      auto o = std::upper_bound(made_by.begin(), made_by.end(), m.tok,
                                [](std::uint32_t t, const MadeT& x) { return t < x.tok; });
      for (; o != made_by.end() && o->tok <= bound; ++o)
        if (any_kept(*o))
          kept_last = std::max(kept_last, static_cast<std::size_t>(o - made_by.begin()) + 1);
    }
    content |= announced;
    // A participle statement without a target ("، مؤكدا أن ...") adds to
    // the clause before it: it is no statement of its own.
    for (std::size_t k = m.b; k < m.e; ++k)
      if ((events_[k].target.empty() && (content || m.participle)) || announced)
        keep[k - n_before] = 0;
  }
  std::size_t w = n_before;
  for (std::size_t k = n_before; k < events_.size(); ++k)
    if (keep[k - n_before]) {
      if (w != k) events_[w] = std::move(events_[k]);
      ++w;
    }
  events_.resize(w);
}

// (round B) What a refusing verb (triggers_[a]) refuses when it is another
// actor's act: 1 when the next trigger is a verbal noun right after the
// verb's subject whose own actor follows it ("رفضت الهند الوساطة
// الأمريكية": a rejection of the United States, not a refused mediation);
// 2 when a noun object with its actor stands between the verb and the next
// trigger ("رفضت روسيا المقترح الأوكراني لوقف إطلاق النار": the proposal
// is refused, the ceasefire is its content); 0 otherwise (the refusal
// passes to the act: "رفضت X الانسحاب").
int Coder::RefusesOthersAct(std::size_t a, std::uint32_t sb) const {
  if (a + 1 >= triggers_.size()) return 0;
  const Trigger& tr = triggers_[a];
  const Trigger& next = triggers_[a + 1];
  auto group_of = [&](std::uint32_t t) -> int {
    if (t < sb || t - sb >= group_at_.size()) return -1;
    return group_at_[t - sb];
  };
  // The verb's subject right after it (VSO), skipped.
  std::uint32_t k = tr.tok + 1;
  if (const int g = group_of(k); g >= 0 && groups_[g].prep.empty()) k = groups_[g].te;
  if (next.tok <= k + 1 && !next.row->verb) {
    const int own = group_of(next.tok + 1);
    if (own >= 0 && groups_[own].prep.empty() && groups_[own].tb == next.tok + 1) return 1;
    return 0;
  }
  // A noun then its actor (nisba or genitive), then the next trigger.
  if (next.tok > k + 1 && next.tok <= k + 4 && group_of(k) < 0 && MarkerAt(k) == 0 && !IsPunct(k) &&
      !TriggerForm(k)) {
    const int own = group_of(k + 1);
    if (own >= 0 && groups_[own].prep.empty() && groups_[own].te <= next.tok) return 2;
  }
  return 0;
}

// (round B) "قتل ثلاثة جنود في هجوم ...": a verb of force with its counted
// (or passive: PassiveVictims) victims right after it, then a noun of force after ب or a
// preposition (في، إثر) within seven tokens: the noun names the same act (how they were killed),
// not a second event, and its victims are not its doers. When the noun names its doer
// ("في قصف روسي") the noun's event stands instead of the verb's.
// (round C) A rejection (a 12 row: رفض، "أبدى رفضه" with its cue) whose
// object is an act after ل ("رفضها لانضمام فنلندا"، "رفضها القاطع لزيارة
// رئيسة البرلمان الأوروبي"، "رفضها لأي وساطة أمريكية") rejects the act's doer,
// its genitive or nisba actor: the doer is the rejection's target, and the
// act, which has not happened, is not coded. An adjective between them that
// reads as a trigger (القاطع) is no event either.
void Coder::RejectedActs(std::uint32_t sb, std::uint32_t se) {
  for (std::size_t a = 0; a + 1 < triggers_.size(); ++a) {
    Trigger& r = triggers_[a];
    if (r.consumed || r.row->cameo.compare(0, 2, "12") != 0) continue;
    std::uint32_t from = r.cue_tok != UINT32_MAX ? std::max(r.tok, r.cue_tok) : r.tok;
    // The subject after a verb ("أبدت روسيا رفضها") is no part of the object.
    if (r.cue_tok == UINT32_MAX && r.row->verb) continue;
    std::size_t b = a + 1;
    while (b < triggers_.size() && triggers_[b].tok <= from) ++b;
    std::vector<std::size_t> between;
    for (; b < triggers_.size() && triggers_[b].tok <= from + 3; ++b) {
      const Token& t = doc_.tokens[triggers_[b].tok];
      const bool li =
          (t.proclitics & kCliticLi) || Is(doc_.tokens[triggers_[b].tok - 1].key, "لاي");
      if (li) break;
      between.push_back(b);
    }
    if (b >= triggers_.size() || triggers_[b].tok > from + 3 || triggers_[b].row->verb) continue;
    Trigger& act = triggers_[b];
    bool clean = true;
    for (std::uint32_t k = from + 1; k < act.tok && clean; ++k)
      clean = !IsClauseBreak(k) && group_at_[k - sb] < 0;
    if (!clean) continue;
    int doer = -1;
    for (std::uint32_t k = act.tok + 1; k < se && k <= act.tok + 4 && doer < 0; ++k) {
      if (IsClauseBreak(k) || (MarkerAt(k) & (kPreposition | kComplementizer | kRelative))) break;
      const int g = group_at_[k - sb];
      if (g >= 0 && groups_[g].prep.empty()) doer = g;
    }
    if (doer < 0) continue;
    r.act_doer = doer;
    act.consumed = true;
    for (std::size_t x : between) triggers_[x].consumed = true;
  }
}

// (round C) An act of force named by a noun and described by a verb of force
// right after it, with only its adjectives or a relative pronoun between
// ("تبنت X تفجيرا انتحاريا استهدف مسجدا"، "الهجوم الذي استهدف السفارة"),
// is one act: the noun carries it (its doer as a noun's: the claimant, not
// the judge), and the verb's object is its target; the verb is not coded.
void Coder::DescribedActs(std::uint32_t sb, std::uint32_t se) {
  auto force = [](const Row* r) { return r->cameo >= "18" && r->cameo < "21"; };
  for (std::size_t a = 0; a + 1 < triggers_.size(); ++a) {
    Trigger& n = triggers_[a];
    Trigger& v = triggers_[a + 1];
    if (n.row->verb || n.consumed || !force(n.row) || !v.row->verb || v.consumed || !force(v.row) ||
        v.tok > n.tok + 3 || v.tok >= se)
      continue;
    bool plain = true;
    for (std::uint32_t k = n.tok + 1; k < v.tok && plain; ++k)
      plain = !IsClauseBreak(k) && group_at_[k - sb] < 0 &&
              (MarkerAt(k) == 0 || (MarkerAt(k) & kRelative)) && !doc_.tokens[k].proclitics;
    if (!plain) continue;
    v.consumed = true;
    v.describes = true;
    // "تفجير انتحاري استهدف": an adjective of force (انتحاري) qualifies the
    // act noun before it; that noun carries the act.
    std::size_t head = a;
    while (head > 0 && !triggers_[head - 1].row->verb && !triggers_[head - 1].consumed &&
           force(triggers_[head - 1].row) && triggers_[head - 1].tok + 1 == triggers_[head].tok) {
      triggers_[head].consumed = true;
      --head;
    }
    triggers_[head].describer = v.tok;
  }
}

void Coder::ConsumeSameAct(std::uint32_t sb, std::uint32_t se) {
  for (std::size_t a = 0; a + 1 < triggers_.size(); ++a) {
    const Trigger& v = triggers_[a];
    if (!v.row->verb || v.consumed || v.row->cameo < "18" || v.row->cameo >= "21") continue;
    auto q = std::lower_bound(quants_.begin(), quants_.end(), v.tok + 1,
                              [](const auto& p, std::uint32_t t) { return p.second < t; });
    if ((q == quants_.end() || q->second != v.tok + 1) && PassiveVictims(v, v.tok, sb, se) < 0)
      continue;
    Trigger& n = triggers_[a + 1];
    if (n.row->verb || n.consumed || n.tok > v.tok + 7 || n.row->cameo < "18" ||
        n.row->cameo >= "21")
      continue;
    bool brk = false;
    for (std::uint32_t k = v.tok + 1; k < n.tok; ++k) brk |= IsClauseBreak(k);
    const bool in = (doc_.tokens[n.tok].proclitics & kCliticBi) ||
                    (n.tok > sb && (MarkerAt(n.tok - 1) & kPreposition));
    if (brk || !in) continue;
    // "في قصف روسي": a noun naming its doer carries the act; the verb's
    // doerless reading goes.
    const std::uint32_t d = n.tok + 1 - sb;
    const bool named = d < group_at_.size() && group_at_[d] >= 0 &&
                       (groups_[group_at_[d]].prep.empty() || groups_[group_at_[d]].nisba);
    (named ? triggers_[a] : n).consumed = true;
  }
}

// (round B) A verb of force followed by an indefinite common noun and its
// nisba, and nothing after them but a preposition, a comma or the end ("قتل
// صحفي فرنسي في ..."، "أصيب جنود أتراك."): unvocalised, the passive (قُتل)
// with the victims as its subject. Returns the nisba group, else -1.
int Coder::PassiveVictims(const Trigger& tr, std::uint32_t anchor, std::uint32_t sb,
                          std::uint32_t se) const {
  if (!tr.row->verb || anchor != tr.tok || anchor + 2 >= se) return -1;
  const std::uint32_t n = anchor + 1;
  const Token& nt = doc_.tokens[n];
  if (group_at_[n - sb] >= 0 || (nt.proclitics & (kCliticAl | kCliticWa | kCliticBi | kCliticLi)) ||
      StartsWith(nt.key, "ال") || (MarkerAt(n) & ~Markers{kActorNoun}) || IsPunct(n) ||
      TriggerForm(n) || nt.kind != TokenKind::kArabic)
    return -1;
  const int g = group_at_[n + 1 - sb];
  if (g < 0 || !groups_[g].nisba || groups_[g].tb != n + 1) return -1;
  const std::uint32_t after = groups_[g].te;
  if (after < se && !IsPunct(after) && !(MarkerAt(after) & kPreposition) &&
      !(doc_.tokens[after].proclitics & (kCliticBi | kCliticLi)))
    return -1;
  return g;
}

// (round B) Victim frames for an act of force at `anchor`: a victim verb
// (event_markers.tsv role victim: نجا، تعرض) at most six tokens before it,
// in its clause, with the act after من/ل ("نجا X من محاولة اغتيال"،
// "تعرضت السفارة لهجوم"). The victim is the verb's subject: the unmarked
// actor right after it (VSO) or the one opening the clause right before it
// (SVO). The doer is an actor after the act governed by an agent marker
// (على يد، من قبل) or after an agent verb (role agent-verb: "بهجوم شنه Y").
bool Coder::VictimFrame(std::uint32_t anchor, std::uint32_t sb, std::uint32_t se, int& victim,
                        int& doer) const {
  victim = doer = -1;
  std::uint32_t v = UINT32_MAX;
  for (std::uint32_t k = anchor; k > sb && anchor - k < 7;) {
    --k;
    if (IsClauseBreak(k) || (MarkerAt(k) & (kComplementizer | kRelative))) return false;
    if (StemMarkerAt(k) & kVictim) {
      v = k;
      break;
    }
  }
  if (v == UINT32_MAX) return false;
  const bool marked = PrepOn(anchor) || (MarkerAt(anchor - 1) & kPreposition) ||
                      (anchor >= sb + 2 && (MarkerAt(anchor - 2) & kPreposition));
  if (!marked) return false;
  auto group_of = [&](std::uint32_t t) { return t >= sb && t < se ? group_at_[t - sb] : -1; };
  // The first actor after the verb, past the nouns it qualifies ("تعرضت
  // قافلة تركية"، "نجا رئيس الوزراء العراقي").
  int after = -1;
  for (std::uint32_t k = v + 1; k < anchor && after < 0; ++k) {
    if (IsPunct(k) || (MarkerAt(k) & ~Markers{kActorNoun})) break;
    after = group_of(k);
    if (after >= 0 && k > v + 1 && !groups_[after].nisba) after = -1;
    if (after < 0 && TriggerForm(k)) break;
  }
  if (after >= 0 && groups_[after].prep.empty()) {
    victim = after;
  } else if (v > sb) {
    const int before = group_of(v - 1);
    if (before >= 0 && groups_[before].prep.empty()) victim = before;
  }
  if (victim < 0) return false;
  for (std::uint32_t k = anchor + 1; k < se && k < anchor + 8; ++k) {
    if (IsClauseBreak(k)) break;
    const int g = group_of(k);
    if (g >= 0 && g != victim && Is(groups_[g].prep, "agent")) {
      doer = g;
      break;
    }
    if (g < 0 && (MarkerAt(k) & kAgentVerb)) {
      const int d = group_of(k + 1);
      if (d >= 0 && d != victim && groups_[d].prep.empty()) doer = d;
      break;
    }
  }
  return true;
}

// (round B) The country the trigger's object is in names the target when no
// actor does: "دعا X الأطراف المتحاربة في السودان إلى ..."، "شنت X غارات
// على مواقع في جنوب لبنان"، "ندد X بالانقلاب العسكري في النيجر". The
// country (not a city: that is where it happens) follows في within nine
// tokens of the trigger, with its object between them; not for statements, protests and coercion
// (an arrest "في روسيا" says where), meetings, visits and joint acts (the venue), and not the
// source's own country.
// (round C) A definite nisba right after a verbal noun in the construct
// state (no article: "تهجير الفلسطينيين"، "بتهجير الأوكرانيين") is its
// genitive noun, the people it is done to; a nisba that agrees with the noun
// ("الغزو الروسي"، "غزو روسي") is an adjective naming the doer.
bool Coder::ConstructNisba(std::uint32_t anchor, int g) const {
  const Group& gr = groups_[g];
  return gr.nisba && gr.tb == anchor + 1 && !(doc_.tokens[anchor].proclitics & kCliticAl) &&
         (doc_.tokens[gr.tb].proclitics & kCliticAl);
}

bool Coder::PlaceOfObject(int g, std::uint32_t anchor, int src_entity, const Row& row) const {
  const Group& gr = groups_[g];
  if (!Is(gr.prep, "في") || gr.place >= 0 || (row.flags & kSpeech)) return false;
  if (row.cameo.compare(0, 2, "14") == 0 || row.cameo.compare(0, 2, "17") == 0) return false;
  // (round C) A statement's target is its addressee, never where its object
  // happened: "تبنى X الهجوم على مسجد في Y" is a claim with no target.
  if (row.cameo.compare(0, 2, "01") == 0) return false;
  // Meetings, visits and joint acts: في names the venue ("قمة في X").
  if (row.cameo.compare(0, 2, "04") == 0 || (row.flags & (kSymmetric | kVisit | kHost)))
    return false;
  if (!Is(doc_.entities[gr.entity].type, "COUNTRY")) return false;
  if (src_entity >= 0 && (gr.entity == src_entity || gr.entity == CountryEntity(src_entity)))
    return false;
  return gr.tb > anchor + 2 && gr.tb <= anchor + 9;
}

// (round B) "اثنين من الرهائن الأمريكيين"، "عن عدد من الصحفيين الفرنسيين"، "أصول
// عدد من رجال الأعمال الروس": group g after من is counted by a partitive
// (event_markers.tsv role partitive) before من: its role is the count's,
// so `prep` is the count word's preposition (its ب/ل proclitic or the
// preposition before it; empty when unmarked). False when g is no such
// counted group.
bool Coder::PartitivePrep(int g, std::uint32_t anchor, std::string& prep) const {
  const Group& gr = groups_[g];
  for (std::uint32_t k = gr.tb; k > anchor + 1 && gr.tb - k < 4;) {
    --k;
    if (!Is(doc_.tokens[k].key, "من")) continue;
    const std::uint32_t c = k - 1;
    if (!((MarkerAt(c) | StemMarkerAt(c)) & kPartitive)) return false;
    const Token& ct = doc_.tokens[c];
    if (ct.proclitics & kCliticBi)
      prep = "ب";
    else if (ct.proclitics & kCliticLi)
      prep = "ل";
    else if (c > anchor + 1 && (MarkerAt(c - 1) & kPreposition))
      prep = doc_.tokens[c - 1].key;
    else
      prep.clear();
    return true;
  }
  return false;
}

// (round B) A nisba on the trigger's object names the target when no actor
// does: "أفرجت إيران عن مواطن فرنسي"، "رفضت روسيا المقترح الأوكراني"،
// "فرضت X رسوما على السلع الصينية"، "ستفتش X المنشآت النووية الإيرانية".
// The object is the noun (and its adjectives) the nisba follows, governed by
// one of the row's target prepositions or unmarked when the row takes a
// direct object; unmarked only when the source was found (else the noun
// may be the subject: "وصلت الشحنة الصينية"). Statements keep their rule
// (التلفزيون الروسي is no addressee); visits and hosting need an actor. Within ten tokens of the
// trigger.
bool Coder::NisbaObject(int g, std::uint32_t anchor, int src, const Row& row,
                        const std::unordered_set<std::string>& preps, bool obj) const {
  const Group& gr = groups_[g];
  // Visits and hosting need an actor as guest or goal ("استقبلت X آلاف
  // اللاجئين السوريين" is no hosted visit).
  if (!gr.nisba || gr.actor_np || (row.flags & (kSpeech | kVisit | kHost)) || gr.tb > anchor + 10)
    return false;
  if (gr.tb < anchor + 2) return false;  // right after the trigger: its own doer
  // (round C) Nor for claims and other statements without the speech flag:
  // "أعلن X مسؤوليته عن هجوم استهدف سفينة إسرائيلية" has no addressee.
  if (row.cameo.compare(0, 2, "01") == 0) return false;
  const std::uint32_t n = gr.tb - 1;  // the noun (or adjective) it qualifies
  if (group_at_.empty() || IsPunct(n) || (MarkerAt(n) & ~Markers{kActorNoun}) != 0) return false;
  const std::string& p = gr.prep;
  if (Is(p, "من")) {
    std::string pp;
    if (!PartitivePrep(g, anchor, pp)) return false;
    return pp.empty() ? obj && src >= 0 : preps.count(pp) != 0;
  }
  if (p.empty()) return obj && src >= 0;
  return preps.count(p) != 0;
}

// (round B) Governed content: "حث X Y على السماح بدخول المساعدات"،
// "طالب X Y بالإفراج عن ..."، "تتفاوض X و Y على اتفاقية". An appeal (02),
// an intent (03), talks or a meeting (04), signing an agreement (057), or a
// demand (10) governs the verbal nouns of its clause from the preposition
// that opens its content on (ب، ل، إلى، على، عن): they say what is asked,
// meant or negotiated, not what happened. Acts of force and protest (14-20)
// stay events of their own ("دعا إلى التحقيق في الهجوم على X": the attack
// happened). The content's events are dropped only when the governing
// trigger yields an event (FilterTargetless); each trigger looks at most
// eight triggers ahead.
// (round B) A ب/ل proclitic on token k, also when the text stage left it
// on the word (للتعاون، بالإفراج).
bool Coder::PrepOn(std::uint32_t k) const {
  const Token& t = doc_.tokens[k];
  if (t.proclitics & (kCliticBi | kCliticLi)) return true;
  return !t.proclitics && AtLeastCps(t.key, 5) &&
         (StartsWith(t.key, "لل") || StartsWith(t.key, "بال"));
}

void Coder::MarkGovernedContent(std::uint32_t sb, std::uint32_t se) {
  for (std::size_t a = 0; a < triggers_.size(); ++a) {
    const Trigger& gov = triggers_[a];
    // "نفت X مسؤوليتها عن الانفجار": the act whose responsibility is denied
    // is not the denier's (its doer is not searched before it).
    if (Is(gov.row->cameo, "016") && a + 1 < triggers_.size() && gov.cue_tok != UINT32_MAX &&
        triggers_[a + 1].tok <= std::max(gov.tok, gov.cue_tok) + 3)
      triggers_[a + 1].judged = true;
    const std::string& c = gov.row->cameo;
    const bool governs = c.compare(0, 2, "02") == 0 || c.compare(0, 2, "03") == 0 ||
                         c.compare(0, 2, "04") == 0 || c.compare(0, 3, "057") == 0 ||
                         c.compare(0, 2, "10") == 0;
    // Investigating, criticising, rejecting or threatening over an act
    // (09, 11-13: "تحقيق في مقتل ..."، "ندد بالهجوم على ...") does not make
    // it an act of the same subject either; such acts are only judged.
    const bool judges = governs || c.compare(0, 2, "09") == 0 || c.compare(0, 2, "11") == 0 ||
                        c.compare(0, 2, "12") == 0 || c.compare(0, 2, "13") == 0;
    // (A consumed cue, مذكرة of وقّع مذكرة, governs through its verb.)
    // Hosting (استضاف جولة من المفاوضات) names talks that take place.
    const int owner = gov.rejected_by >= 0 ? gov.rejected_by : static_cast<int>(a);
    if (gov.rejected_by >= 0) {
      // An appeal or demand of another that is rejected (رفضت X دعوات Y
      // لرفع ...): its content is the rejection's content.
    } else if (!judges || (gov.row->flags & (kSpeech | kHost)) || (gov.consumed && !gov.governs)) {
      continue;
    }
    const std::uint32_t from = gov.cue_tok != UINT32_MAX ? std::max(gov.tok, gov.cue_tok) : gov.tok;
    const std::uint32_t end = std::min(se, from + 10);
    bool open = false;  // the content's preposition has been seen
    std::uint32_t k = gov.tok + 1;
    for (std::size_t b = a + 1; b < triggers_.size() && b <= a + 8; ++b) {
      Trigger& t = triggers_[b];
      if (t.tok >= end) break;
      bool brk = false;
      for (; k <= t.tok && !brk; ++k) {
        brk = k < t.tok && (IsClauseBreak(k) || (MarkerAt(k) & (kComplementizer | kRelative)));
        if (k > from && !brk && (PrepOn(k) || (MarkerAt(k) & kPreposition))) open = true;
      }
      if (brk) break;
      // A verb of its own ends the content; a verb row read on a masdar
      // (article, ب/ل, after a preposition: "برفع العقوبات") does not.
      const Token& tt = doc_.tokens[t.tok];
      const bool masdar = (tt.proclitics & kCliticAl) || StartsWith(tt.key, "ال") ||
                          PrepOn(t.tok) || (t.tok > sb && (MarkerAt(t.tok - 1) & kPreposition));
      if (t.row->verb && !t.consumed && !masdar) break;
      // An appeal may take what it asks for as a second object, a verbal
      // noun with no preposition ("ناشدت X المانحين تقديم مساعدات").
      if (!t.row->verb && c.compare(0, 2, "02") == 0) open = true;
      if (!open || t.consumed || t.content_of >= 0 || (t.row->flags & kSpeech)) continue;
      // An act of force or protest in the content happened; its doer is
      // not the governing subject ("دعت X إلى التحقيق في مقتل ...").
      // Not when an actor stands between them besides the governing verb's
      // subject: "اتهمت X Y بارتكاب إبادة" names Y the doer.
      if (t.row->cameo >= "14") {
        bool named = false;
        for (std::uint32_t j = gov.tok + 1; j < t.tok && !named; ++j) {
          const int g = group_at_[j - sb];
          if (g < 0) continue;
          named = groups_[g].prep.empty() && groups_[g].tb != gov.tok + 1;
          j = groups_[g].te - 1;
        }
        if (!t.row->verb && !named) t.judged = true;
        continue;
      }
      if (governs || gov.rejected_by >= 0) t.content_of = owner;
    }
  }
}

// (round B) Whether token t, read as a noun with a pronoun suffix, may be a
// perfect verb in ت with an object pronoun (استضافته: "she hosted it").
bool Coder::VerbWithObject(std::uint32_t t) const {
  const Token& tk = doc_.tokens[t];
  if (tk.suffix.empty() || !EndsWith(tk.stem, "ه") || !AtLeastCps(tk.stem, 3)) return false;
  const auto* refs = lex_.forms.Find(DropLast(tk.stem) + "ت");
  if (!refs) return false;
  for (const auto& ref : *refs)
    if (lex_.rows[ref.row].verb && !ref.jussive) return true;
  return false;
}

// (round B) Whether the victims of the act at token t may be the
// announcer's own: a pronoun suffix (جنودها) or an actor (جنديين روسيين، في
// هجوم أوكراني) within the six tokens after it, in its clause.
bool Coder::OwnLosses(std::uint32_t t) const {
  for (std::uint32_t k = t + 1; k < doc_.tokens.size() && k <= t + 6; ++k) {
    if (IsClauseBreak(k) || IsPunct(k)) break;
    if (!doc_.tokens[k].suffix.empty() || mention_at_[k] >= 0) return true;
  }
  return false;
}

// (round B) The target of what an appeal or demand asks for: the act it
// governs (its direct object, consumed, or its content: MarkGovernedContent)
// within three triggers and ten tokens after it; the first actor after that
// act, in its clause, governed by one of its row's target prepositions.
int Coder::ContentTarget(const Trigger& tr, int src_entity, std::uint32_t sb,
                         std::uint32_t se) const {
  const auto a = static_cast<std::size_t>(&tr - triggers_.data());
  if (a >= triggers_.size()) return -1;
  static const std::unordered_set<std::string> kDefault = {"الي", "علي", "ضد", "مع", "ل"};
  for (std::size_t b = a + 1; b < triggers_.size() && b <= a + 3; ++b) {
    const Trigger& t = triggers_[b];
    if (t.tok > tr.tok + 10) break;
    if (!(t.consumed || t.content_of == static_cast<int>(a))) continue;
    const auto& preps = t.row->target_preps.empty() ? kDefault : t.row->target_preps;
    for (std::uint32_t k = t.tok + 1; k < se && k < t.tok + 9; ++k) {
      if (IsClauseBreak(k)) break;
      int g = group_at_[k - sb];
      if (g < 0) continue;
      k = groups_[g].te - 1;
      while (groups_[g].coord_prev >= 0) g = groups_[g].coord_prev;
      if (groups_[g].entity == src_entity) continue;
      if (!groups_[g].prep.empty() && preps.count(groups_[g].prep)) return g;
    }
  }
  return -1;
}

// (round B) Announced events: "أعلنت X فرض عقوبات على Y"، "أعلنت X تقديم
// مساعدات لـ Y". A statement verb whose object, in its own clause (no
// complementizer), is a coded act announces that act: the act is the
// event and the statement is no event of its own, with or without a
// target. Unvocalised, the verbal noun of a simple verb (فرض، قطع، رفع) is
// spelt like its perfect, so a verb reading counts too, unless و joins it
// (a second verb: "أعلن X ... وفرض").
template <typename MadeT>
bool Coder::AnnouncedContent(std::uint32_t speech_tok, std::uint32_t sb, std::size_t n_before,
                             const std::vector<MadeT>& made_by, std::vector<char>& keep) const {
  const MadeT* fight = nullptr;  // an announced act of force with no target
  // made_by is in token order: only the entries within eight words after,
  // not counting the actors' names ("أعلن الزعيمان X وY نيتهما الانضمام إلى Z").
  auto from = std::upper_bound(made_by.begin(), made_by.end(), speech_tok,
                               [](std::uint32_t t, const MadeT& x) { return t < x.tok; });
  std::uint32_t words = 0, counted_to = speech_tok + 1;
  for (auto it = from; it != made_by.end(); ++it) {
    const MadeT& o = *it;
    for (; counted_to < o.tok; ++counted_to)
      if (group_at_[counted_to - sb] < 0) ++words;
    if (words >= 8) break;
    if (o.speech) continue;
    if (!o.noun && (doc_.tokens[o.tok].proclitics & (kCliticWa | kCliticFa))) continue;
    bool brk = false;
    for (std::uint32_t k = speech_tok + 1; k < o.tok && !brk; ++k) {
      // "أعلن X، الاثنين، فرض ..."، "أعلنت X، في بيان، ...": a comma pair
      // around one to three words.
      if (IsClauseBreak(k)) {
        std::uint32_t close = 0;
        for (std::uint32_t j = k + 2; j <= k + 4 && j < o.tok && !close; ++j)
          if (IsPunct(j))
            close = Is(doc_.Surface(doc_.tokens[j]), doc_.Surface(doc_.tokens[k])) ? j : k;
        if (close > k) {
          k = close;
          continue;
        }
      }
      brk = IsClauseBreak(k) || (MarkerAt(k) & (kComplementizer | kRelative)) != 0;
    }
    if (brk) continue;
    for (std::size_t k = o.b; k < o.e; ++k) {
      if (keep[k - n_before]) return true;
      const Event& ev = events_[k];
      if (!fight && o.noun && ev.target.empty() && !ev.source.empty() && ev.cameo >= "18" &&
          ev.cameo < "21" && !OwnLosses(o.tok))
        fight = &o;
    }
  }
  // "أعلن الجيش مقتل 12 مسلحا في عملية": the announced fight stands
  // without a target (its victims are no actor); the statement goes. Not
  // when the victims may be the announcer's own (OwnLosses).
  if (!fight) return false;
  for (std::size_t k = fight->b; k < fight->e; ++k) keep[k - n_before] = 1;
  return true;
}

void Coder::Emit(const Trigger& tr, std::uint32_t sb, std::uint32_t se, std::uint32_t scope_b,
                 std::uint32_t scope_e, int speaker, std::vector<Event>& out) {
  const Row& row = *tr.row;
  const std::uint32_t i = tr.tok;
  const std::uint32_t anchor = tr.inherit ? triggers_[tr.inherit_source].tok : i;
  const Row& arow = tr.inherit ? *triggers_[tr.inherit_source].row : row;
  std::vector<std::string> modality;
  double conf = arow.verb ? 0.55 : 0.45;
  emitted_embedded_ = false;

  auto group_of = [&](std::uint32_t t) -> int {
    return t >= sb && t < se ? group_at_[t - sb] : -1;
  };
  auto chain_head = [&](int g) {
    while (g >= 0 && groups_[g].coord_prev >= 0) g = groups_[g].coord_prev;
    return g;
  };
  auto chain = [&](int g) {
    std::vector<int> v;
    g = chain_head(g);
    for (; g >= 0 && v.size() < 8; g = groups_[g].coord_next) v.push_back(g);
    return v;
  };
  // The next verb trigger after the anchor limits forward searches.
  std::uint32_t limit = std::min({se, scope_e, i + 24});
  for (std::uint32_t k = i + 1; k < limit; ++k)
    if (verb_at_[k - sb] && k != tr.cue_tok) {
      limit = k;
      break;
    }
  for (std::uint32_t k = i + 1; k < limit; ++k)
    if ((MarkerAt(k) & kComplementizer) && (row.flags & kSpeech)) {
      limit = k;
      break;
    }

  // ---- source
  int src = -1;  // group index
  int src_entity = -1;
  bool attributed = false, carried = false;
  // Quantifier subject: "لم تدعم أي دولة في المنطقة روسيا".
  if (anchor + 1 < limit && (MarkerAt(anchor + 1) & kQuantifier)) {
    for (std::uint32_t k = anchor + 2; k < std::min(limit, anchor + 6); ++k) {
      int g = group_of(k);
      if (g >= 0 && (Is(groups_[g].prep, "في") || Is(groups_[g].prep, "من"))) {
        src = g;
        break;
      }
      if (g >= 0) break;
    }
  }
  // Passive agent: "من قبل X" — not after a quantifier subject (an active
  // verb: "لم تعترف أي منها بـ..."), and not when "من قبل" follows a
  // participle with the article, whose agent it names ("الجمهوريتين
  // المعلنتين من قبل موسكو").
  // Not past a subject right after the verb ("أعلنت X مقتل ... على يد Y").
  const bool vso_subject = arow.verb && group_of(anchor + 1) >= 0 &&
                           groups_[group_of(anchor + 1)].tb == anchor + 1 &&
                           groups_[group_of(anchor + 1)].prep.empty();
  if (src < 0 && !vso_subject && !(anchor + 1 < limit && (MarkerAt(anchor + 1) & kQuantifier))) {
    for (std::uint32_t k = anchor + 1; k < std::min(limit, anchor + 10); ++k) {
      int g = group_of(k);
      if (g >= 0 && Is(groups_[g].prep, "agent") && g > 0 && groups_[g].tb >= anchor + 4) {
        // tokens: ... participle من قبل X
        std::uint32_t p = groups_[g].tb - 3;
        const Token& pt = doc_.tokens[p];
        bool trig = TriggerForm(p);
        if (group_of(p) < 0 && !trig && StartsWith(pt.key, "الم") && Cps(pt.key) >= 5) break;
      }
      if (g >= 0 && Is(groups_[g].prep, "agent")) {
        src = g;
        AddUnique(modality, "passive");
        break;
      }
    }
  }
  // A plural noun in the nominative right after the verb that is not an
  // actor ("اغتال مسلحون السفير ..."): the subject is not an entity.
  bool plain_subject = false;
  if (src < 0 && arow.verb && anchor + 2 < limit && group_of(anchor + 1) < 0 &&
      group_of(anchor + 2) < 0 && doc_.tokens[anchor + 1].kind == TokenKind::kArabic &&
      EndsWith(doc_.tokens[anchor + 1].key, "ون") && !(MarkerAt(anchor + 1)))
    plain_subject = true;
  // (round B) "اختطف مسلحون تابعون لتنظيم داعش ...": a plain subject
  // affiliated to an actor (role affiliation, then ل X) is that actor.
  if (plain_subject && (StemMarkerAt(anchor + 2) & kAffiliation) && anchor + 3 < limit) {
    const int g = group_of(anchor + 3);
    if (g >= 0 && Is(groups_[g].prep, "ل") && groups_[g].tb == anchor + 3) {
      src = chain_head(g);
      plain_subject = false;
    }
  }
  // "وتقول الصحيفة إن"، "قال مصدر": a subject noun that is no actor entity
  // (event_markers.tsv role nonactor) stands right after the verb.
  if (src < 0 && arow.verb && anchor + 1 < limit && group_of(anchor + 1) < 0 &&
      (StemMarkerAt(anchor + 1) & kNonActor) && group_of(anchor + 2) < 0)
    plain_subject = true;
  static const std::unordered_set<std::string> kVerbDefault = {"الي", "علي", "ضد", "مع", "ل"};
  static const std::unordered_set<std::string> kNounDefault = {"الي", "علي", "ضد",
                                                               "مع",  "ل",   "بين"};
  const auto& row_preps = !arow.target_preps.empty() ? arow.target_preps
                          : arow.verb                ? kVerbDefault
                                                     : kNounDefault;
  // Whether group g can be the source found at token k. A nisba adjective
  // names an actor after an actor noun (القوات الروسية) or right after a
  // verbal noun (الغزو الروسي), never as the subject of a verb; a city in a
  // verbal noun's genitive (قمة سمرقند) is the venue, not an actor.
  auto actor_ok = [&](int g, bool forward, std::uint32_t k) {
    const Group& gr = groups_[g];
    if (gr.nisba && !gr.actor_np && (arow.verb || !forward || k > anchor + 2)) return false;
    if (!arow.verb && gr.place >= 0) return false;
    return true;
  };
  // "قرارا يطالب X بـ"، "بيانا يدعو X إلى": an imperfect verb right after a
  // document noun describes the document; its author is the source: the
  // body named before it in the sentence (the council or assembly of a
  // resolution, also "صوتت X في المنظمة الدولية على قرار"), else the actor
  // that issued it. Nothing is carried to it; the actor after it is its object.
  const bool doc_clause = arow.verb && !tr.inherit && tr.imperfect && anchor > sb + 1 &&
                          group_of(anchor - 1) < 0 && (StemMarkerAt(anchor - 1) & kDocument);
  emitted_embedded_ = doc_clause;
  if (src < 0 && doc_clause) {
    int body = -1, actor = -1;
    for (std::uint32_t k = anchor - 1; k > sb && k + 40 > anchor;) {
      --k;
      const int g = group_of(k);
      if (g < 0) continue;
      const std::string& ty = doc_.entities[groups_[g].entity].type;
      if (body < 0 && (Is(ty, "ORG") || Is(ty, "BLOC")) && !groups_[g].nisba) body = g;
      if (actor < 0 && groups_[g].prep.empty() && actor_ok(g, false, k)) actor = chain_head(g);
      k = groups_[g].tb;
    }
    src = body >= 0 ? body : actor;
    if (src < 0) plain_subject = true;
  }
  // "لكنها حظرت": the pronoun on the particle is the subject, named earlier;
  // the noun after the verb is its object.
  bool pronoun_subject = arow.verb && anchor > sb && (MarkerAt(anchor - 1) & kPronounSubject);
  // Forward (VSO; a noun's genitive or nisba actor).
  int genobj_target = -1;
  // "أرسلت طائرة ... إلى X", "فرضت عقوبات على X": the verb's object (its
  // cue) right after it means the subject is not after it (pro-drop).
  // An actor noun with a pronoun suffix right after the verb ("التقى
  // نظيره X"، "زار مسؤولوها X"): the pronoun stands for the clause's subject,
  // which is the source; the actor after it is the object.
  const bool counterpart =
      arow.verb && anchor + 1 < se && group_of(anchor + 1) < 0 &&
      (StemMarkerAt(anchor + 1) & kActorNoun) && !doc_.tokens[anchor + 1].suffix.empty() &&
      !EndsWith(doc_.Surface(doc_.tokens[anchor + 1]), "ة");  // رئيسة: no suffix
  // A number right after the verb ("قتل ثلاثة جنود") counts its object
  // (the verb is passive or its subject dropped), not its subject.
  bool counted = false;
  if (arow.verb && !tr.inherit) {
    auto q = std::lower_bound(quants_.begin(), quants_.end(), anchor + 1,
                              [](const auto& p, std::uint32_t t) { return p.second < t; });
    counted = q != quants_.end() && q->second == anchor + 1;
  }
  // A participle (داعيا، معتبرة) has the subject of the clause it follows:
  // the actor after it is its object.
  const bool participle = (arow.flags & kParticiple) != 0;
  // A cue that is an actor noun ("غادر الجنود الأمريكيون X"، "جنود فرنسيون
  // يغادرون X") is the subject, not the object: after the verb, the subject
  // search goes on to its nisba; before the verb, the subject is that noun
  // phrase (its nisba or genitive actor, else no actor) and the actor after
  // the verb is the object.
  const bool cue_actor = arow.verb && !tr.inherit && tr.cue_tok != UINT32_MAX &&
                         (StemMarkerAt(tr.cue_tok) & kActorNoun);
  const bool cue_subject_before = cue_actor && tr.cue_tok < anchor;
  if (src < 0 && cue_subject_before) {
    for (std::uint32_t k = tr.cue_tok + 1; k < anchor && k <= tr.cue_tok + 3; ++k) {
      const int g = group_of(k);
      if (g >= 0 && groups_[g].prep.empty()) {
        src = g;
        break;
      }
    }
    if (src < 0) plain_subject = true;
  }
  const bool object_first = (arow.verb && !tr.inherit && tr.cue_tok == i + 1 && !cue_actor) ||
                            counterpart || counted || participle || doc_clause ||
                            cue_subject_before;
  // SVO: an unmarked actor opening the clause right before the verb (or
  // before its negation/modal particle) is the subject: "إن كازاخستان لن
  // تساعد روسيا"، "وروسيا تدعم ...".
  if (src < 0 && arow.verb && anchor > sb && !pronoun_subject && !participle) {
    std::uint32_t b = anchor - 1;
    if (b > sb && group_of(b) < 0 &&
        (MarkerAt(b) & (kNegation | kNegationPerfect | kMay | kFuture)))
      --b;
    int g = group_of(b);
    if (g >= 0 && groups_[g].prep.empty() && groups_[g].te == b + 1 && actor_ok(g, false, b) &&
        !groups_[g].nisba) {
      int h = chain_head(g);
      std::uint32_t before = groups_[h].tb;
      const Token& ht = doc_.tokens[before];
      bool opens = before == sb || before == scope_b || IsClauseBreak(before - 1) ||
                   (MarkerAt(before - 1) & kComplementizer) ||
                   Is(doc_.tokens[before - 1].key, "و") || (ht.proclitics & kCliticWa);
      if (opens) src = h;
    }
  }
  // (round B) A verbal noun with a pronoun suffix ("جددت X مطالبتها Y بـ"،
  // "دعوتها Y إلى"): the pronoun is its agent (the clause's subject, found
  // before it), so the actor after it is its object, not its genitive.
  // Not when the word may be a verb with an object pronoun ("منتدى
  // استضافته بروكسل": hosted it).
  const bool possessed_noun = !arow.verb && !tr.inherit && !doc_.tokens[anchor].suffix.empty() &&
                              group_of(anchor + 1) >= 0 &&
                              groups_[group_of(anchor + 1)].prep.empty() && !VerbWithObject(anchor);
  if (src < 0 && !plain_subject && !pronoun_subject && !object_first && !possessed_noun) {
    std::uint32_t window = (arow.verb ? 7 : 5);
    for (std::uint32_t k = anchor + 1; k < std::min(limit, anchor + window); ++k) {
      if (IsClauseBreak(k) && !arow.verb) break;
      if (MarkerAt(k) & (kComplementizer | kRelative)) break;
      int g = group_of(k);
      if (g < 0) {
        if (!arow.verb && (MarkerAt(k) & kPreposition)) break;
        continue;
      }
      if (!actor_ok(g, true, k)) {
        k = groups_[g].te - 1;
        continue;
      }
      // "ثم زار الرياض"، "وزار موسكو": a city or country right after a visit
      // verb that continues the sentence's subject, with no other actor after
      // it, is where he goes, not who goes.
      if ((arow.flags & kVisit) && sentence_subject_ >= 0 && k == anchor + 1 &&
          groups_[g].entity != sentence_subject_ &&
          ((doc_.tokens[anchor].proclitics & (kCliticWa | kCliticFa)) ||
           (anchor > sb && Is(doc_.tokens[anchor - 1].key, "ثم")))) {
        const std::string& ty = doc_.entities[groups_[g].entity].type;
        bool alone = groups_[g].place >= 0 || Is(ty, "COUNTRY") || Is(ty, "PLACE");
        for (std::uint32_t j = groups_[g].te; alone && j < limit && j < anchor + window + 2; ++j) {
          const int h = group_of(j);
          if (h >= 0 && h != g && groups_[h].prep.empty()) alone = false;
        }
        if (alone) break;
      }
      // "مسؤولون في الحكومة الروسية / مسؤول بوزارة الخارجية": the body of an
      // actor noun right after the verb is the subject.
      const std::string& gp = groups_[g].prep;
      bool body_next = groups_[g].tb == anchor + 2 ||
                       (groups_[g].tb == anchor + 3 && (MarkerAt(anchor + 2) & kPreposition));
      if (arow.verb && (Is(gp, "ب") || Is(gp, "في") || Is(gp, "من")) && body_next &&
          (StemMarkerAt(anchor + 1) & kActorNoun)) {
        src = g;
        break;
      }
      if (groups_[g].prep.empty()) {
        src = g;
        // A nisba on the genitive noun (not on the trigger, not on an actor
        // noun) qualifies the object too: "اغتيال السفير الروسي".
        const bool object_nisba = groups_[g].nisba && !groups_[g].actor_np &&
                                  (groups_[g].tb > anchor + 1 || ConstructNisba(anchor, g));
        if ((arow.flags & kGenObj) && (!groups_[g].nisba || groups_[g].actor_np || object_nisba)) {
          // غزو أوكرانيا: the genitive of a transitive verbal noun is its
          // object unless a target phrase follows (غزو روسيا لأوكرانيا).
          bool target_follows = false;
          for (std::uint32_t j = groups_[g].te; j < std::min(limit, groups_[g].te + 2); ++j) {
            int h = group_of(j);
            if (h >= 0 && h != g && row_preps.count(groups_[h].prep)) target_follows = true;
          }
          if (!target_follows) {
            genobj_target = g;
            src = -1;
          }
        }
      }
      break;
    }
  }
  // "بين X و Y" for nouns and symmetric verbs.
  int between_target = -1;
  if (src < 0 && (arow.flags & kSymmetric)) {
    // (Within its clause; a sum and quotes may stand between: "اتفاق بقيمة
    // 3 مليارات يورو بين شركة "X" وY".)
    for (std::uint32_t k = anchor + 1; k < std::min(limit, anchor + 11); ++k) {
      if (IsClauseBreak(k)) break;
      int g = group_of(k);
      if (g >= 0 && Is(groups_[g].prep, "بين") && groups_[g].coord_next >= 0) {
        src = g;
        between_target = groups_[g].coord_next;
        break;
      }
    }
  }
  // A verb joined by و/ف with no subject after it shares the subject of the
  // verb before it in the sentence ("وعدت X بـ... وقالت إنها").
  const Token& at = doc_.tokens[anchor];
  // So does a verb after "قبل أن" or "ثم" ("التقى X Y قبل أن يتوجه إلى Z":
  // X goes on, not Y). (Not after "بعد أن": "استقبل X Y بعد أن وصل" is the
  // guest's arrival.)
  const bool sequel =
      anchor > sb + 1 &&
      ((Is(doc_.tokens[anchor - 1].key, "ان") && Is(doc_.tokens[anchor - 2].key, "قبل")) ||
       Is(doc_.tokens[anchor - 1].key, "ثم"));
  bool conjoined = (at.proclitics & (kCliticWa | kCliticFa)) ||
                   (StartsWith(at.key, "و") && !StartsWith(at.stem, "و")) || sequel;
  bool shared_subject = arow.verb && conjoined && sentence_subject_ >= 0;
  if ((pronoun_subject || counterpart || participle) && sentence_subject_ >= 0)
    shared_subject = true;
  // Backward (SVO, light verbs "قام X بزيارة"). A verbal noun with the
  // article (الحرب، العمليات) names no agent far before it.
  const Token& trig_tok = doc_.tokens[anchor];
  const bool definite_noun = !arow.verb && (trig_tok.proclitics & kCliticAl);
  // "تضررت X جراء العقوبات على Y": the cause's doer is not X.
  // Likewise a verbal noun after منذ: "توجه X إلى Z ... منذ غزو Y" (background).
  // And an act of force or protest right after بعد/عقب/إثر: "احتجت X بعد
  // هجوم استهدف ..." (the clause answers it; X did not attack).
  const bool cause = !arow.verb && anchor > sb &&
                     ((MarkerAt(anchor - 1) & kCause) || Background(anchor, sb) ||
                      ((MarkerAt(anchor - 1) & kAfter) && arow.cameo >= "14"));
  if (src < 0 && !plain_subject && !shared_subject && !pronoun_subject && !tr.judged &&
      !participle && !cause) {
    // A definite noun takes only an actor right before it ("أصبح الاتحاد
    // الأوروبي المستثمر الأول"، "تحتفظ روسيا بالقاعدة").
    std::uint32_t reach = definite_noun ? 4 : 40;
    std::uint32_t lo = std::max({sb, scope_b, anchor > reach ? anchor - reach : 0u});
    for (std::uint32_t k = anchor; k > lo;) {
      --k;
      int g = group_of(k);
      if (g < 0) {
        // Do not reach across another coded verb, nor across a word that
        // opens a new clause (لكن، بينما).
        if (verb_at_[k - sb]) break;
        if (MarkerAt(k) & kClause) break;
        continue;
      }
      if (groups_[g].prep.empty() && actor_ok(g, false, k)) {
        src = chain_head(g);
        break;
      }
      k = groups_[g].tb;
    }
  }
  // (round B) "شهدت العاصمة X احتجاجات": the subject of a venue verb
  // (role venue) is where the noun's event happened, not its doer.
  bool at_venue = false;
  if (src >= 0 && !arow.verb && groups_[src].tb < anchor) {
    for (std::uint32_t k = groups_[src].tb; k > sb && groups_[src].tb - k < 4;) {
      --k;
      if (StemMarkerAt(k) & kVenue) at_venue = true;
      if (at_venue || IsPunct(k) || TriggerForm(k)) break;
    }
    if (at_venue) src = -1;
  }
  if (src >= 0) {
    src_entity = groups_[src].entity;
    conf += 0.2;
  } else if (cause || at_venue) {
    // No doer named: none is carried to a cause.
  } else if (speaker >= 0 && (!definite_noun || (arow.flags & kSymmetric))) {
    // (A definite noun is the speaker's only when he is a party to it:
    // "المحادثات مع إيران", not "الحرب في أوكرانيا".)
    src_entity = speaker;
    attributed = true;
  } else if (plain_subject) {
    // The subject is named but is not an actor entity.
  } else if (arow.verb && sentence_subject_ >= 0) {
    src_entity = sentence_subject_;
    carried = true;
  } else if ((arow.verb || !doc_.tokens[i].suffix.empty()) && carried_ >= 0 &&
             !(arow.verb && FeminineVerb(anchor, tr.imperfect) &&
               Is(doc_.entities[carried_].type, "PERSON"))) {
    // (A feminine verb, "واستضافت", does not continue a man's story; persons
    // are taken as men, as most in the news are.)
    src_entity = carried_;
    carried = true;
  }
  // Reported content: a person speaking stands for his own country (a body
  // speaking about its state leaves the state as the actor).
  const bool speaker_person = speaker >= 0 && Is(doc_.entities[speaker].type, "PERSON");
  if (speaker >= 0 && src_entity >= 0 && !attributed) {
    if (src_entity == speaker || (src_entity == CountryEntity(speaker) && speaker_person)) {
      src_entity = speaker;
    }
    AddUnique(modality, "reported");
  }
  if (attributed) AddUnique(modality, "reported");

  // ---- target
  std::vector<int> srcs;
  if (src >= 0)
    srcs = chain(src);
  else
    srcs = {-1};
  // "قمة بين X و Y": a meeting noun names its parties once, in the order of
  // mention (as "قمة X-Y"), not both directions.
  if (between_target >= 0 && srcs.size() == 2) srcs.resize(1);
  std::vector<int> tgts;
  std::vector<std::pair<int, const Span*>> target_dates;  // parallel targets' own dates
  int from_place = -1;  // (round B) the target found by PlaceOfObject
  int tgt = between_target;
  if (tgt < 0 && genobj_target >= 0 && groups_[genobj_target].entity != src_entity)
    tgt = genobj_target;  // غزو أوكرانيا: the genitive is the object
  if (tgt < 0) {
    // The governed trigger's prepositions ("تعهدت X بفرض عقوبات على Y").
    bool obj = row.obj;
    const auto* preps = &row.target_preps;
    if (preps->empty() && !obj) {
      preps = row.verb ? &kVerbDefault : &kNounDefault;
      obj = row.verb;
    }
    std::uint32_t start = anchor + 1;
    // (round C) An act noun described by a verb after it: the verb's
    // object is the act's target.
    if (tr.describer != UINT32_MAX && tr.describer <= limit) {
      start = tr.describer + 1;
      obj = true;
      // The act's phrase reaches to the verb after the describing one.
      limit = std::min({se, scope_e, tr.describer + 24});
      for (std::uint32_t k = start; k < limit; ++k)
        if (verb_at_[k - sb]) {
          limit = k;
          break;
        }
    }
    std::uint32_t hi = std::min<std::uint32_t>(limit, anchor + 16);
    // Force and coercion against a common-noun object that belongs to an
    // actor ("اعتقلت الشرطة قياديا في المعارضة", "قتل خمسة من جنود الجيش",
    // "فجّروا أنبوبا تابعا لشركة"): that actor is the target when no direct
    // object actor follows.
    const bool force = row.cameo.size() >= 2 &&
                       (row.cameo[0] == '2' || (row.cameo[0] == '1' && row.cameo[1] >= '7'));
    int member_tgt = -1;
    bool crossed_break = false;
    int nisba_tgt = -1;  // (round B) NisbaObject
    int place_tgt = -1;  // (round B) PlaceOfObject
    for (std::uint32_t k = start; k < hi; ++k) {
      if ((MarkerAt(k) & kComplementizer) && k > anchor + 1) break;
      if (MarkerAt(k) & kRelative) break;                       // a clause about the noun before it
      if (!row.verb && !tr.inherit && IsClauseBreak(k)) break;  // a noun's phrase ends
      // "أبرمت X عقودا، أهمها اتفاق بين Y وZ": past a comma, an event noun
      // of its own takes the actors after it (not for a statement, whose
      // object it is: "أعلن X، انضمام Y إلى").
      crossed_break |= IsClauseBreak(k);
      if (crossed_break && noun_at_[k - sb] && !(row.flags & kSpeech)) break;
      int g = group_of(k);
      if (g < 0) continue;
      k = groups_[g].te - 1;
      if (src >= 0 && chain_head(g) == chain_head(src)) continue;
      // A nisba on a common noun (التلفزيون الروسي) names no target.
      // A nisba on an event noun names its doer: "أدانت X القصف الروسي".
      if (groups_[g].nisba && !groups_[g].actor_np &&
          !(groups_[g].tb > anchor + 1 && TriggerForm(groups_[g].tb - 1))) {
        // ... except for force against it: "قصفت مواقع أوكرانية".
        // (Also after the row's preposition: "فتحت X النار على سفينة تركية".)
        if (force && member_tgt < 0 && k <= anchor + 8 &&
            (groups_[g].prep.empty() || preps->count(groups_[g].prep)) &&
            groups_[g].entity != src_entity)
          member_tgt = g;
        if (nisba_tgt < 0 && NisbaObject(g, anchor, src, row, *preps, obj)) nisba_tgt = g;
        continue;
      }
      if (groups_[chain_head(g)].entity == src_entity && groups_[g].coord_prev < 0) continue;
      const std::string& p = groups_[chain_head(g)].prep;
      if ((p.empty() && obj) || (!p.empty() && preps->count(p)) ||
          (p.empty() && preps->count("ل") && PurposeBeneficiary(chain_head(g), anchor))) {
        tgt = chain_head(g);
        break;
      }
      // Close to the trigger; for coercion (17) في names where it happened
      // unless the actor is a body ("قياديا في المعارضة").
      const std::string& ty = doc_.entities[groups_[chain_head(g)].entity].type;
      if (force && member_tgt < 0 && k > anchor + 1 && groups_[g].tb <= anchor + 6 &&
          (Is(p, "من") || Is(p, "ل") || Is(p, "في") || (Is(p, "قرب") && row.cameo[1] != '7')) &&
          !(Is(p, "في") && row.cameo[1] == '7' &&
            (Is(ty, "PLACE") || Is(ty, "COUNTRY") || Is(ty, "BLOC"))))
        member_tgt = chain_head(g);
      if (place_tgt < 0 && PlaceOfObject(chain_head(g), anchor, src_entity, row))
        place_tgt = chain_head(g);
    }
    if (tgt < 0) tgt = member_tgt;
    // (round B) An appeal or demand to no actor: the target of what it asks
    // for ("ناشدت X المانحين تقديم مساعدات لأفغانستان").
    if (tgt < 0 && !tr.inherit && !(row.flags & kSpeech) &&
        (row.cameo.compare(0, 2, "02") == 0 || row.cameo.compare(0, 2, "10") == 0))
      tgt = ContentTarget(tr, src_entity, sb, se);
    if (tgt < 0 && nisba_tgt >= 0 && groups_[nisba_tgt].entity != src_entity) tgt = nisba_tgt;
    if (tgt < 0 && place_tgt >= 0) tgt = from_place = place_tgt;
    // (round C) A rejection of another's act: its doer ("رفضها لانضمام Y").
    if (tgt < 0 && tr.act_doer >= 0 && groups_[tr.act_doer].entity != src_entity) tgt = tr.act_doer;
  }
  if (tgt < 0 && genobj_target >= 0 && groups_[genobj_target].entity != src_entity)
    tgt = genobj_target;
  // (round B) Victims: "نجا X من محاولة اغتيال"، "تعرضت X لهجوم" (X is the
  // target; the doer only when named: "شنه Y"، "على يد Y"), and a killing
  // whose counted victims follow the verb with no actor subject ("قتل ثلاثة
  // جنود أتراك": passive). These may be coded without a source.
  bool victim_frame = false;
  const bool force_root = row.cameo >= "18" && row.cameo < "21";
  if (force_root && !tr.inherit) {
    int victim = -1, doer = -1;
    if (VictimFrame(anchor, sb, se, victim, doer)) {
      victim_frame = true;
      tgt = victim;
      src = doer;
      src_entity = doer >= 0 ? groups_[doer].entity : -1;
      if (doer >= 0)
        srcs = chain(doer);
      else
        srcs = {-1};
    } else if (counted && src < 0 && speaker < 0 && !shared_subject) {
      victim_frame = true;
      src_entity = -1;
      srcs = {-1};
      // "قتل جنديان فرنسيان في مالي": where the victims fell is not whom
      // the act was against.
      if (tgt >= 0 && (tgt == from_place || Is(groups_[tgt].prep, "في"))) {
        const std::string& ty = doc_.entities[groups_[tgt].entity].type;
        if (tgt == from_place || Is(ty, "COUNTRY") || Is(ty, "PLACE") || Is(ty, "BLOC")) tgt = -1;
      }
    } else if (const int v = PassiveVictims(tr, anchor, sb, se);
               v >= 0 && arow.verb && speaker < 0 && !shared_subject &&
               (src < 0 || src == v || !Is(groups_[src].prep, "agent"))) {
      // "قتل صحفي فرنسي في أوكرانيا"، "قتل جنود أتراك في هجوم": passive.
      victim_frame = true;
      tgt = v;
      src = -1;
      src_entity = -1;
      srcs = {-1};
    }
  }
  if (tgt >= 0) {
    tgts = chain(tgt);
    conf += 0.15;
    // Parallel targets after an adjunct of time or place: "مع X في أبريل
    // وY في يونيو"، "مع X في ديسمبر ومع Y" are one event per target, as a
    // plain coordination is (the adjunct only splits the chain).
    if (tgt != between_target && tgt != genobj_target) {
      const std::string tp = groups_[tgt].prep;
      // The DATE in the adjunct after target group g (k: its في) dates g's
      // event: "مع X في أبريل وY في يونيو".
      auto adjunct_date = [&](int g, std::uint32_t k) {
        auto d = std::lower_bound(dates_.begin(), dates_.end(), k + 1,
                                  [](const auto& p, std::uint32_t t) { return p.second < t; });
        if (d != dates_.end() && d->second <= k + 2) target_dates.push_back({g, d->first});
      };
      for (int last = tgts.back(); tgts.size() < 8;) {
        std::uint32_t k = groups_[last].te;
        if (k + 1 >= limit || !Is(doc_.tokens[k].stem, "في") || doc_.tokens[k].proclitics) break;
        int next = -1;
        for (std::uint32_t j = k + 1; j < std::min(limit, k + 7); ++j) {
          // ("نيسان/أبريل": a slash inside the date.)
          if ((IsPunct(j) && !Is(doc_.Surface(doc_.tokens[j]), "/")) || verb_at_[j - sb] ||
              (TriggerForm(j) && group_of(j) < 0))
            break;
          int g = group_of(j);
          const Token& jt = doc_.tokens[j];
          // و as a clitic or split off as a token of its own.
          const bool wa = (jt.proclitics & kCliticWa) || Is(doc_.tokens[j - 1].key, "و");
          if (g < 0 && Is(jt.key, "و")) continue;
          // (Its preposition read back across the adjunct is the adjunct's في.)
          if (g >= 0 && groups_[g].tb == j && wa &&
              (groups_[g].prep.empty() || groups_[g].prep == tp || Is(groups_[g].prep, "في"))) {
            next = g;  // "وY"
            break;
          }
          if (g < 0 && wa && Is(jt.stem, tp) && j + 1 < limit) {
            int h = group_of(j + 1);
            if (h >= 0 && groups_[h].tb == j + 1) next = h;  // "ومع Y"
            break;
          }
          if (g >= 0)
            j = groups_[g].te - 1;  // a place in the adjunct: "في موسكو"
          else if (MarkerAt(j) != 0 && !(MarkerAt(j) & kPreposition))
            break;
        }
        if (next < 0 || groups_[next].entity == src_entity) break;
        bool dup = false;
        for (int t : tgts) dup |= groups_[t].entity == groups_[next].entity;
        if (dup) break;
        if (target_dates.empty()) adjunct_date(last, k);
        const std::uint32_t nk = groups_[chain(next).back()].te;
        if (nk < limit && Is(doc_.tokens[nk].stem, "في")) adjunct_date(chain(next).back(), nk);
        for (int t : chain(next)) tgts.push_back(t);
        last = tgts.back();
      }
    }
  } else {
    tgts = {-1};
    if (row.flags & kNeedTarget) return;
  }
  // Statements: a media outlet addressed is not a target.
  if ((row.flags & kSpeech) && tgt >= 0 && Is(doc_.entities[groups_[tgt].entity].type, "MEDIA"))
    tgts = {-1};

  // ---- modality and negation
  const Token& t0 = doc_.tokens[anchor];
  bool negated = false, future = false, possible = false, hypothetical = false;
  bool past_negation = false;  // (round B) لم right before the verb
  std::uint32_t nb = std::max(sb, anchor >= 3 ? anchor - 3 : 0u);
  for (std::uint32_t k = nb; k < anchor; ++k) {
    if (IsClauseBreak(k)) {
      negated = future = possible = false;
      continue;
    }
    Markers m = MarkerAt(k);
    bool imperfect =
        arow.verb && (tr.inherit ? triggers_[tr.inherit_source].imperfect : tr.imperfect);
    if (arow.verb && (m & kNegation)) negated = true;
    if (arow.verb && (m & kNegationPast) && k + 1 == anchor) past_negation = true;
    if (arow.verb && !imperfect && (m & kNegationPerfect) && k + 1 == anchor) negated = true;
    if (arow.verb && imperfect && (m & kNegationImperfect)) negated = true;
    if (!arow.verb && (m & kNegationNoun) && k + 1 == anchor) negated = true;
    if (m & kFuture) future = true;
    if (arow.verb && imperfect && (m & kMay) && k + 1 == anchor) possible = true;
  }
  if (arow.verb && (t0.proclitics & kCliticSa)) future = true;
  if (arow.verb && StartsWith(t0.key, "س") && !(t0.proclitics & kCliticSa)) {
    // "ستوقعان": the future prefix left on an unsplit token.
    bool imperfect = tr.inherit ? triggers_[tr.inherit_source].imperfect : tr.imperfect;
    if (imperfect) {
      std::string rest = DropFirst(t0.key);
      std::string f = FirstLetter(rest);
      if (Is(f, "ي") || Is(f, "ت") || Is(f, "ن") || Is(f, "ا")) future = true;
    }
  }
  for (std::uint32_t k = anchor + 1; k < std::min(se, anchor + 4); ++k) {
    Markers m = MarkerAt(k);
    if (!arow.verb && (m & kPlanned)) future = true;
    if (m & kFuture) future = true;
  }
  for (std::uint32_t k = std::max(sb, std::max(scope_b, anchor >= 8 ? anchor - 8 : 0u)); k < anchor;
       ++k)
    if (MarkerAt(k) & kHypothetical) hypothetical = true;
  if (tr.inherit && tr.inherit_negated) negated = !negated;
  if (tr.inherit && tr.inherit_intent) AddUnique(modality, "intent");

  // ---- code
  std::string code = row.cameo;
  const CodeInfo* ci = lex_.Code(code);
  if ((future || (tr.inherit && tr.inherit_intent)) && !negated) {
    if (future) AddUnique(modality, "future");
    if (ci && !ci->intent.empty()) {
      code = ci->intent;
      ci = lex_.Code(code);
    }
  }
  bool flag_negated = false;
  // (round B) A meeting or visit that did not take place (لم يلتق X بـ Y)
  // is no refusal to meet: the meeting is coded, flagged negated.
  const bool not_held = negated && past_negation && !tr.inherit && code.compare(0, 2, "04") == 0;
  if (not_held) {
    flag_negated = true;
    AddUnique(modality, "negated");
    conf -= 0.1;
  } else if (negated) {
    std::string root = code.substr(0, 2);
    const CodeInfo* rootinfo = lex_.Code(root);
    std::string refusal = ci && !ci->refusal.empty()               ? ci->refusal
                          : rootinfo && !rootinfo->refusal.empty() ? rootinfo->refusal
                                                                   : "";
    if (!refusal.empty()) {
      code = refusal;
      ci = lex_.Code(code);
      AddUnique(modality, "refusal");
    } else {
      flag_negated = true;
      AddUnique(modality, "negated");
      conf -= 0.1;
    }
  }
  if (possible) AddUnique(modality, "possible");
  if (hypothetical) AddUnique(modality, "hypothetical");
  if (possible || hypothetical) conf -= 0.1;
  if (tr.cue_tok != UINT32_MAX) conf += 0.1;
  if (attributed || carried) conf -= 0.15;
  if (!ci) return;

  // ---- date
  std::string date;
  std::string precision = "none";
  bool from_pub = false;
  {
    const Span* best = nullptr;
    std::uint32_t best_d = UINT32_MAX;
    auto it = std::lower_bound(dates_.begin(), dates_.end(), sb,
                               [](const auto& p, std::uint32_t t) { return p.second < t; });
    // A statement is not dated by a span of time in its sentence ("بحسب ما
    // أعلنته الحكومة" of growth "خلال العام الماضي"): that is the period the
    // statement reports on.
    const bool speech = (row.flags & kSpeech) != 0;
    // The date governing the trigger's clause: one inside the clause (from
    // the verb before it to the verb after it; for a statement only right
    // after the speaker, not inside what is reported), else one before the
    // clause in the sentence ("وفي 28 يونيو، ... اختار X"). A date in a
    // later clause dates that clause's event, not this one.
    // A verb of purpose (لعقد، ليزور) stays in its clause's time.
    auto clause_verb = [&](std::uint32_t k) {
      return verb_at_[k - sb] && k != tr.cue_tok && k != anchor &&
             !(doc_.tokens[k].proclitics & kCliticLi);
    };
    std::uint32_t clause_lo = sb;
    if (long_sentence_) {
      // (The sentence's table; the cue is no clause verb.)
      std::uint32_t stop = prev_stop_[anchor - sb];
      if (stop != UINT32_MAX && stop == tr.cue_tok && !(MarkerAt(stop) & kComplementizer))
        stop = prev_stop_[stop - sb];
      clause_lo = stop == UINT32_MAX ? sb : stop + 1;
    } else {
      for (std::uint32_t k = anchor; k > sb; --k) {
        if (clause_verb(k - 1) || (MarkerAt(k - 1) & kComplementizer)) {
          clause_lo = k;
          break;
        }
      }
    }
    std::uint32_t clause_hi = std::min(se, anchor + 24);
    bool reported = false;  // a statement's clause ends at its complementizer
    for (std::uint32_t k = anchor + 1; k < clause_hi; ++k)
      if (clause_verb(k) || (MarkerAt(k) & (kClause | kPronounSubject)) ||
          (speech && (MarkerAt(k) & kComplementizer))) {
        reported = speech && (MarkerAt(k) & kComplementizer);
        clause_hi = k;
        break;
      }
    // A statement without a reported clause: what its first preposition
    // governs is what it says ("أشار X إلى نمو التجارة في 2024"), not when.
    if (speech && !reported)
      for (std::uint32_t k = anchor + 2; k < clause_hi; ++k)
        if ((MarkerAt(k) & kPreposition) && group_of(k) < 0 && k > anchor + 1) {
          clause_hi = k;
          break;
        }
    std::uint32_t before_d = UINT32_MAX;
    const Span* before = nullptr;
    // In a long sentence: of the dates before the anchor only the last
    // usable one can win (nearest, before the clause or in it): start there,
    // not at the sentence's first date.
    if (long_sentence_) {
      auto at = std::lower_bound(dates_.begin(), dates_.end(), anchor,
                                 [](const auto& p, std::uint32_t t) { return p.second < t; });
      std::ptrdiff_t q = (at - dates_.begin()) - 1;
      if (speech && q >= 0) q = prev_nonrange_date_[q];
      if (q >= 0 && dates_[q].second >= sb)
        it = std::lower_bound(dates_.begin(), dates_.end(), dates_[q].second,
                              [](const auto& p, std::uint32_t t) { return p.second < t; });
      else
        it = at;
    }
    for (; it != dates_.end() && it->second < se; ++it) {
      std::uint32_t tok = it->second;
      const std::string* kind = it->first->Attr("kind");
      if (speech && kind && Is(*kind, "range")) continue;
      if (tok >= clause_hi) break;
      std::uint32_t d = tok > anchor ? tok - anchor : anchor - tok;
      if (tok < clause_lo) {
        if (d < before_d) {
          before_d = d;
          before = it->first;
        }
        continue;
      }
      if (d < best_d) {
        best_d = d;
        best = it->first;
      }
    }
    if (!best) best = before;
    const std::string* v = best ? best->Attr("value") : nullptr;
    bool imperfect_verb =
        arow.verb && (tr.inherit ? triggers_[tr.inherit_source].imperfect : tr.imperfect);
    const Span* frame = nullptr;
    bool headline = false;
    // Reported content ("قال X إن بلاده لن تساعد ...") is dated by the
    // statement, which news reports in the past, whatever its own tense.
    const bool in_speech = speaker >= 0;
    if (!(v && !v->empty()) && (!future || in_speech))
      frame = FrameDate(!imperfect_verb || in_speech, headline);
    const std::string* fv = frame ? frame->Attr("value") : nullptr;
    if (v && !v->empty()) {
      date = *v;
    } else if (fv && !fv->empty()) {
      date = *fv;
      // A headline's event is the lead's: merged with it when the lead
      // repeats it (docs/events.md "Date frame").
      if (!headline) framed_.insert(doc_.tokens[i].start);
      if (headline && !sent_dates_[cur_sentence_].first) headline_.insert(doc_.tokens[i].start);
    } else if (doc_.published) {
      date = *doc_.published;
      from_pub = true;
    }
    precision = date.empty() ? "none" : PrecisionOf(date);
  }
  // ---- quantity: nearest QUANTITY in the trigger's clause.
  int quantity = -1;
  {
    std::uint32_t lo = anchor > sb + 24 ? anchor - 24 : sb, hi = limit;
    for (std::uint32_t k = anchor; k > lo; --k)
      if (verb_at_[k - 1 - sb]) {
        lo = k - 1;
        break;
      }
    std::uint32_t best_d = UINT32_MAX;
    auto it = std::lower_bound(quants_.begin(), quants_.end(), lo,
                               [](const auto& p, std::uint32_t t) { return p.second < t; });
    for (; it != quants_.end() && it->second < hi; ++it) {
      auto [qi, tok] = *it;
      std::uint32_t d = tok > anchor ? tok - anchor : (anchor - tok) + 4;
      if (d < best_d) {
        best_d = d;
        quantity = static_cast<int>(qi);
      }
    }
  }
  // ---- evidence: the clause around the trigger, widened to the actors.
  std::uint32_t eb = anchor, ee = i;
  if (long_sentence_) {
    // (The sentence's break tables: the clause may be the whole sentence.)
    if (eb > sb) {
      const std::uint32_t p = prev_brk_[eb - 1 - sb];
      eb = p != UINT32_MAX ? p + 1 : sb;
    }
    ee = next_brk_[ee + 1 - sb] - 1;
  } else {
    while (eb > sb && !IsClauseBreak(eb - 1)) --eb;
    while (ee + 1 < se && !IsClauseBreak(ee + 1)) ++ee;
  }
  auto widen = [&](int g) {
    if (g < 0) return;
    for (int h : chain(g)) {
      eb = std::min(eb, groups_[h].tb);
      ee = std::max(ee, groups_[h].te - 1);
    }
  };
  widen(src);
  widen(tgt);

  // ---- location
  auto location_of = [&](int tg, int sg) -> int {
    // A place named with في in the clause.
    if (long_sentence_) {
      if (const std::uint32_t k = next_place_[eb - sb]; k <= ee && k < se)
        return groups_[group_of(k)].place;
    } else {
      for (std::uint32_t k = eb; k <= ee && k < se; ++k) {
        int g = group_of(k);
        if (g >= 0 && groups_[g].place >= 0 && Is(groups_[g].prep, "في")) return groups_[g].place;
      }
    }
    // (round C) A city targeted for its state ("قصفت X خاركيف" -> Ukraine):
    // the city is where it happened.
    if (tg >= 0 && groups_[tg].place >= 0 && groups_[tg].entity != groups_[tg].place)
      return groups_[tg].place;
    if ((arow.flags & kVisit) && tg >= 0)
      return groups_[tg].place >= 0 ? groups_[tg].place : groups_[tg].entity;
    if ((arow.flags & kHost) && sg >= 0)
      return groups_[sg].place >= 0 ? groups_[sg].place : groups_[sg].entity;
    return -1;
  };

  const CodeInfo* rootci = lex_.Code(code.substr(0, 2));
  const bool source_optional = rootci && rootci->source_optional;
  // ---- emit: one event per (source, target) pair of the coordinations.
  auto make = [&](int se_ent, int tg_group, int sg_group) {
    Event ev;
    ev.cameo = code;
    ev.plover = ci->plover;
    ev.plover_mode = !row.mode.empty() ? row.mode : ci->mode;
    ev.quad = ci->quad;
    ev.goldstein = ci->goldstein;
    if (se_ent >= 0) ev.source = doc_.entities[se_ent].id;
    if (tg_group >= 0) ev.target = doc_.entities[groups_[tg_group].entity].id;
    int loc = location_of(tg_group, sg_group);
    if (loc >= 0) ev.location = doc_.entities[loc].id;
    ev.date = date;
    ev.date_precision = precision;
    ev.date_from_published = from_pub;
    for (const auto& [g, sp] : target_dates)
      if (g == tg_group)
        if (const std::string* v = sp->Attr("value"); v && !v->empty()) {
          ev.date = *v;
          ev.date_precision = PrecisionOf(*v);
          ev.date_from_published = false;
        }
    ev.quantity = quantity;
    ev.modality = modality;
    ev.negated = flag_negated;
    ev.evidence_start = doc_.tokens[eb].start;
    ev.evidence_end = doc_.tokens[ee].end;
    ev.trigger_start = doc_.tokens[i].start;
    ev.trigger_end = doc_.tokens[i].end;
    ev.confidence = std::clamp(conf, 0.05, 0.95);
    return ev;
  };
  if (!row.verb) nominal_.insert(doc_.tokens[i].start);

  std::vector<Event>& made = made_;
  made.clear();
  for (int sg : srcs) {
    int se_ent = sg >= 0 ? groups_[sg].entity : src_entity;
    if (sg >= 0 && speaker >= 0 &&
        ((se_ent == CountryEntity(speaker) && speaker_person) || se_ent == speaker))
      se_ent = speaker;
    for (int tg : tgts) {
      if (se_ent < 0 && (tg < 0 || !(source_optional || victim_frame)))
        continue;  // no actor, no event (CAMEO codes actor to actor)
      if (tg >= 0 && groups_[tg].entity == se_ent) continue;
      // "عقد أردوغان القمة الثالثة لتركيا ودول آسيا الوسطى": a person is a
      // party to a meeting of his own country, not its counterpart.
      if (tg >= 0 && (arow.flags & kSymmetric) && se_ent >= 0 &&
          Is(doc_.entities[se_ent].type, "PERSON") && CountryEntity(se_ent) == groups_[tg].entity)
        continue;
      made.push_back(make(se_ent, tg, sg));
    }
  }
  // Symmetric events with a coordinated subject and no target: X <-> Y for
  // the two subjects of a verb ("X و Y ستوقعان"); one direction, in the
  // order of mention, for a noun ("قمة X-Y") and for three or more actors
  // (the pairs, not their permutations).
  if ((arow.flags & kSymmetric) && tgt < 0 && srcs.size() >= 2 && srcs.size() <= 4 &&
      srcs[0] >= 0) {
    made.clear();
    const bool both = arow.verb && srcs.size() == 2;
    for (std::size_t a = 0; a < srcs.size(); ++a)
      for (std::size_t b = 0; b < srcs.size(); ++b)
        if (a != b && (both || a < b) && groups_[srcs[a]].entity != groups_[srcs[b]].entity)
          made.push_back(make(groups_[srcs[a]].entity, srcs[b], srcs[a]));
  }
  // All the members of a bloc the document names, listed as one side ("قمة
  // مع قادة كازاخستان وقرغيزستان وطاجيكستان وتركمانستان وأوزبكستان"), are the
  // bloc acting as one (Central Asia): one event with the bloc.
  if (made.size() >= 3) CollapseBlocs(made);
  // Drop events that repeat an event of this sentence (same code root and
  // actors); in a long sentence from a set of its keys, not a scan back over
  // its events.
  if (long_sentence_ && seen_sb_ != sb) {
    seen_.clear();
    seen_sb_ = sb;
  }
  for (auto& ev : made) {
    bool dup = false;
    if (long_sentence_) {
      std::string key(std::string_view(ev.cameo).substr(0, 2));
      key += '\t';
      key += ev.source;
      key += '\t';
      key += ev.target;
      dup = !seen_.insert(std::move(key)).second;
    } else {
      for (std::size_t k = out.size(); k-- > 0;) {
        const Event& o = out[k];
        if (doc_.tokens[sb].start > o.trigger_start) break;
        if (std::string_view(o.cameo).substr(0, 2) == std::string_view(ev.cameo).substr(0, 2) &&
            o.source == ev.source && o.target == ev.target)
          dup = true;
      }
    }
    if (dup) continue;
    out.push_back(std::move(ev));
  }
  if (arow.verb && src >= 0 && !(row.flags & kSpeech)) sentence_subject_ = groups_[src].entity;
  if (arow.verb && src >= 0 && (row.flags & kSpeech)) sentence_subject_ = groups_[src].entity;
  // A light verb's subject before its noun ("يقوم X بزيارة ... حيث سيلتقي").
  if (!arow.verb && src >= 0 && groups_[src].tb < anchor && groups_[src].prep.empty() &&
      sentence_subject_ < 0)
    sentence_subject_ = groups_[src].entity;
}

void Coder::CollapseBlocs(std::vector<Event>& made) const {
  for (const auto& bloc : doc_.entities) {
    if (!Is(bloc.type, "BLOC")) continue;
    const std::string* members = nullptr;
    for (const auto& [k, v] : bloc.attrs)
      if (Is(k, "members") && !v.empty()) members = &v;
    if (!members) continue;
    std::vector<std::string_view> ids;
    for (std::size_t b = 0; b <= members->size();) {
      std::size_t e = members->find('|', b);
      if (e == std::string::npos) e = members->size();
      if (e > b) ids.push_back(std::string_view(*members).substr(b, e - b));
      b = e + 1;
    }
    if (ids.size() < 3) continue;
    for (int side = 0; side < 2; ++side) {
      auto member_of = [&](const Event& ev) -> std::string_view {
        return side == 0 ? ev.target : ev.source;
      };
      auto other_of = [&](const Event& ev) -> const std::string& {
        return side == 0 ? ev.source : ev.target;
      };
      // The other side and code of the first event naming a member.
      for (std::size_t f = 0; f < made.size(); ++f) {
        if (std::find(ids.begin(), ids.end(), member_of(made[f])) == ids.end()) continue;
        const std::string other = other_of(made[f]), code = made[f].cameo;
        std::vector<bool> seen(ids.size(), false);
        for (const auto& ev : made) {
          if (ev.cameo != code || other_of(ev) != other) continue;
          auto it = std::find(ids.begin(), ids.end(), member_of(ev));
          if (it != ids.end()) seen[it - ids.begin()] = true;
        }
        if (std::find(seen.begin(), seen.end(), false) != seen.end()) break;
        Event merged = made[f];
        (side == 0 ? merged.target : merged.source) = bloc.id;
        std::vector<Event> kept;
        for (auto& ev : made) {
          bool member = ev.cameo == code && other_of(ev) == other &&
                        std::find(ids.begin(), ids.end(), member_of(ev)) != ids.end();
          if (!member) kept.push_back(std::move(ev));
        }
        kept.insert(kept.begin(), std::move(merged));
        made = std::move(kept);
        break;
      }
    }
  }
}

// Per-actor date frame (docs/events.md "Date frame"): a person who returns to
// the story brings back the date of his last mention ("في أبريل سافرت X إلى
// A ... [June] ... وبعد A زارت X B" -> April), when that mention is older than
// the frame the event would inherit; later framed events of the paragraph
// with the same frame follow.
void Coder::ActorFrames() {
  if (framed_.empty() || mentions_.empty()) return;
  const auto& toks = doc_.tokens;
  auto sentence_of_tok = [&](std::uint32_t tok) -> std::size_t {
    auto it =
        std::upper_bound(doc_.sentences.begin(), doc_.sentences.end(), tok,
                         [](std::uint32_t t, const nufuz::Sentence& s) { return t < s.token_end; });
    return static_cast<std::size_t>(it - doc_.sentences.begin());
  };
  auto token_of_cp = [&](std::uint32_t cp) -> std::uint32_t {
    auto it = std::upper_bound(toks.begin(), toks.end(), cp,
                               [](std::uint32_t c, const Token& t) { return c < t.end; });
    return static_cast<std::uint32_t>(it - toks.begin());
  };
  std::uint32_t para = UINT32_MAX;
  std::size_t from_sentence = 0;
  std::string old_value, new_value;
  for (Event& ev : events_) {
    if (!framed_.count(ev.trigger_start)) continue;
    const std::size_t s_ev = sentence_of_tok(token_of_cp(ev.trigger_start));
    if (s_ev >= sent_dates_.size()) continue;
    // Later events of a re-anchored paragraph.
    if (sent_dates_[s_ev].para == para && s_ev >= from_sentence && ev.date == old_value) {
      ev.date = new_value;
      ev.date_precision = PrecisionOf(new_value);
      continue;
    }
    auto src = entity_index_.find(ev.source);
    if (src == entity_index_.end() || !Is(doc_.entities[src->second].type, "PERSON")) continue;
    const int fk = sent_dates_[s_ev].prev;
    if (fk < 0) continue;
    std::size_t last = SIZE_MAX;  // the sentence of the person's last earlier mention
    for (const auto& m : mentions_) {
      if (m.entity != static_cast<int>(src->second)) continue;
      std::size_t j = sentence_of_tok(m.tb);
      if (j >= s_ev) break;
      last = j;
    }
    if (last == SIZE_MAX || last >= static_cast<std::size_t>(fk) || !sent_dates_[last].last)
      continue;
    const std::string* v = sent_dates_[last].last->Attr("value");
    if (!v || v->empty() || *v == ev.date || !NotAfterPublished(*v)) continue;
    para = sent_dates_[s_ev].para;
    from_sentence = s_ev;
    old_value = ev.date;
    new_value = *v;
    ev.date = new_value;
    ev.date_precision = PrecisionOf(new_value);
  }
}

std::vector<Event> Coder::Run() {
  if (doc_.tokens.empty() || doc_.sentences.empty()) return {};
  Prepare();
  for (cur_sentence_ = 0; cur_sentence_ < doc_.sentences.size(); ++cur_sentence_)
    Sentence(doc_.sentences[cur_sentence_]);
  ActorFrames();
  // Repeated mentions of one event in a document (a headline and its lead,
  // a recap paragraph): same code, source, target and date (a date the text
  // gives, not the publication date) are one event,
  // kept at its first mention with the highest confidence (GDELT counts
  // such repeats as NumMentions of one event).
  {
    std::unordered_map<std::string, std::size_t> seen;
    std::size_t w = 0;
    for (std::size_t k = 0; k < events_.size(); ++k) {
      Event& ev = events_[k];
      std::string key = ev.cameo + '\t' + ev.source + '\t' + ev.target + '\t' + ev.date + '\t' +
                        (ev.negated ? "n" : "") + (ev.Factual() ? "" : "h");
      if (ev.date.empty() || ev.date_from_published || framed_.count(ev.trigger_start)) {
        // Undated in the text: two mentions may be two events.
        if (w != k) events_[w] = std::move(ev);
        ++w;
        continue;
      }
      auto [it, fresh] = seen.emplace(key, w);
      if (!fresh) {
        Event& first = events_[it->second];
        first.confidence = std::max(first.confidence, ev.confidence);
        continue;
      }
      if (w != k) events_[w] = std::move(ev);
      ++w;
    }
    events_.resize(w);
  }
  // A verbal noun without a date of its own that names an event the text
  // dates elsewhere ("غزت روسيا أوكرانيا في فبراير ... منذ الغزو الروسي
  // لأوكرانيا") refers back (or forward) to it: one event, the dated one.
  {
    auto own_date = [&](const Event& ev) {
      return !ev.date.empty() && !ev.date_from_published && !framed_.count(ev.trigger_start);
    };
    auto key = [](const Event& ev) {
      return ev.cameo.substr(0, 2) + '\t' + ev.source + '\t' + ev.target +
             (ev.negated ? "\tn" : "");
    };
    std::unordered_set<std::string> dated, body;
    for (const auto& ev : events_) {
      if (own_date(ev) && ev.Factual()) dated.insert(key(ev));
      if (!headline_.count(ev.trigger_start)) body.insert(key(ev));
    }
    // A headline restates an event of the story: the story's mention (and
    // its date) stands for it.
    if (!headline_.empty()) {
      std::size_t w = 0;
      for (std::size_t k = 0; k < events_.size(); ++k) {
        Event& ev = events_[k];
        if (headline_.count(ev.trigger_start) && body.count(key(ev))) continue;
        if (w != k) events_[w] = std::move(ev);
        ++w;
      }
      events_.resize(w);
    }
    if (!dated.empty()) {
      std::size_t w = 0;
      for (std::size_t k = 0; k < events_.size(); ++k) {
        Event& ev = events_[k];
        if (nominal_.count(ev.trigger_start) && !own_date(ev) && ev.Factual() &&
            dated.count(key(ev)))
          continue;
        if (w != k) events_[w] = std::move(ev);
        ++w;
      }
      events_.resize(w);
    }
  }
  for (std::size_t k = 0; k < events_.size(); ++k) events_[k].id = "ev" + std::to_string(k + 1);
  return std::move(events_);
}

}  // namespace

std::vector<Event> EventCoder::Run(const Document& doc) const {
  if (doc.failed) return {};
  Coder coder(*impl_, doc);
  return coder.Run();
}

// (round C) The entities with a mention that begins with an event word (a
// trigger form or a marker noun), as Coder::WordAsName reads it: one pass
// over the ENTITY spans, one binary search of the tokens each.
std::unordered_set<std::string> EventCoder::EventWordNamed(const Document& doc) const {
  std::unordered_set<std::string> out;
  for (const Span& sp : doc.spans) {
    if (sp.label != "ENTITY") continue;
    const std::string* id = sp.Attr("entity");
    if (!id || out.count(*id)) continue;
    auto tk = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), sp.start,
                               [](const Token& t, std::uint32_t s) { return t.start < s; });
    if (tk == doc.tokens.end() || tk->start != sp.start) continue;
    for (std::string_view w : {std::string_view(tk->key), std::string_view(tk->stem)}) {
      const Lookup* l = impl_->lookup.Find(w);
      if (l && (l->refs || (l->marker & (kNonActor | kActorNoun)))) out.insert(*id);
    }
  }
  return out;
}

// (round C) A city is a state's ground: the state is the actor (GDELT codes
// "Russia shelled Kharkiv" as RUS -> UKR, and the city is where it
// happened). A CITY or CAPITAL mentioned in the document whose state the
// document does not name gets that state added to Document::entities (no
// mentions, attr `implied_by` = the place) before coding, so the places rule
// reads it as it reads a named state; an added state that no event takes as
// source or target is removed again. Regions (قطاع غزة، الضفة الغربية،
// القرم) keep their own name: they are disputed or stand apart from the
// state the gazetteer files them under.
std::vector<Event> EventCoder::Run(Document& doc) const {
  if (doc.failed) return {};
  const std::size_t named = doc.entities.size();
  // Whether the document has an entity of this id: the named ones sorted
  // once (indices, as added entities may move the vector), then the few
  // added states one by one; a hash set of every id cost more than the rest
  // of this function.
  std::vector<std::uint32_t> by_id(named);
  for (std::size_t i = 0; i < named; ++i) by_id[i] = static_cast<std::uint32_t>(i);
  std::sort(by_id.begin(), by_id.end(), [&](std::uint32_t a, std::uint32_t b) {
    return doc.entities[a].id < doc.entities[b].id;
  });
  auto have = [&](const std::string& id) {
    auto it = std::lower_bound(
        by_id.begin(), by_id.end(), id,
        [&](std::uint32_t a, const std::string& v) { return doc.entities[a].id < v; });
    if (it != by_id.end() && doc.entities[*it].id == id) return true;
    for (std::size_t i = named; i < doc.entities.size(); ++i)
      if (doc.entities[i].id == id) return true;
    return false;
  };
  for (std::size_t i = 0; i < named; ++i) {
    const Entity& e = doc.entities[i];
    if (!Is(e.type, "PLACE")) continue;
    const std::string *kind = nullptr, *country = nullptr;
    for (const auto& [k, v] : e.attrs) {
      if (Is(k, "kind")) kind = &v;
      if (Is(k, "country")) country = &v;
    }
    if (!kind || !country || !(Is(*kind, "CITY") || Is(*kind, "CAPITAL"))) continue;
    if (have(*country)) continue;
    auto st = impl_->states.find(*country);
    if (st == impl_->states.end()) continue;
    // A state of disputed standing (Palestine, Taiwan, Kosovo) is not
    // implied: the news names the territory (a raid on Jenin is coded as
    // against the city, as the West Bank or Gaza Strip stay themselves).
    bool member = true;
    for (const auto& [k, v] : st->second.attrs)
      if (Is(k, "status")) member = Is(v, "UN_MEMBER");
    if (!member) continue;
    Entity added = st->second;
    added.attrs.emplace_back("implied_by", e.id);
    doc.entities.push_back(std::move(added));
  }
  // A word taken for a person's name after a title (WordAsName) stands for
  // the title's country: that state is implied too. The mention scan of
  // EventWordNamed runs only when some person could imply a state.
  auto person_country = [&](std::size_t i) -> const std::string* {
    const Entity& e = doc.entities[i];
    if (!Is(e.type, "PERSON") || !e.wikidata.empty()) return nullptr;
    const std::string* country = nullptr;
    for (const auto& [k, v] : e.attrs)
      if (Is(k, "country")) country = &v;
    return country;
  };
  bool candidate = false;
  for (std::size_t i = 0; i < named && !candidate; ++i) {
    const std::string* country = person_country(i);
    candidate = country && !have(*country) && impl_->states.count(*country);
  }
  const std::unordered_set<std::string> word_named =
      candidate ? EventWordNamed(doc) : std::unordered_set<std::string>();
  for (std::size_t i = 0; i < named && !word_named.empty(); ++i) {
    const std::string* country = person_country(i);
    if (!country || have(*country) || !word_named.count(doc.entities[i].id)) continue;
    auto st = impl_->states.find(*country);
    if (st == impl_->states.end()) continue;
    Entity added = st->second;
    added.attrs.emplace_back("implied_by", doc.entities[i].id);
    doc.entities.push_back(std::move(added));
  }
  std::vector<Event> evs = std::as_const(*this).Run(std::as_const(doc));
  if (doc.entities.size() == named) return evs;
  std::unordered_set<std::string> used;
  for (const Event& ev : evs) {
    used.insert(ev.source);
    used.insert(ev.target);
  }
  std::vector<Entity> kept(std::make_move_iterator(doc.entities.begin() + named),
                           std::make_move_iterator(doc.entities.end()));
  doc.entities.resize(named);
  for (Entity& e : kept)
    if (used.count(e.id)) doc.entities.push_back(std::move(e));
  return evs;
}

// ---------------------------------------------------------------- output

nlohmann::json EventsJson(const Document& doc, const std::vector<Event>& events) {
  (void)doc;
  auto id_or_null = [](const std::string& s) -> nlohmann::json {
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
  };
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& e : events) {
    nlohmann::json j;
    j["id"] = e.id;
    j["cameo"] = e.cameo;
    j["plover"] = id_or_null(e.plover);
    j["plover_mode"] = id_or_null(e.plover_mode);
    j["quad"] = e.quad;
    j["goldstein"] = e.goldstein;
    j["source"] = id_or_null(e.source);
    j["target"] = id_or_null(e.target);
    j["date"] = id_or_null(e.date);
    j["date_precision"] = e.date_precision;
    j["location"] = id_or_null(e.location);
    j["quantity"] = e.quantity >= 0 ? nlohmann::json(e.quantity) : nlohmann::json(nullptr);
    j["modality"] = e.modality;
    j["negated"] = e.negated;
    j["evidence"] = {{"start", e.evidence_start}, {"end", e.evidence_end}};
    j["trigger"] = {{"start", e.trigger_start}, {"end", e.trigger_end}};
    j["confidence"] = std::round(e.confidence * 100) / 100;
    arr.push_back(std::move(j));
  }
  return arr;
}

namespace {

const char* const kGdeltNames[kGdeltColumns] = {"GlobalEventID",
                                                "Day",
                                                "MonthYear",
                                                "Year",
                                                "FractionDate",
                                                "Actor1Code",
                                                "Actor1Name",
                                                "Actor1CountryCode",
                                                "Actor1KnownGroupCode",
                                                "Actor1EthnicCode",
                                                "Actor1Religion1Code",
                                                "Actor1Religion2Code",
                                                "Actor1Type1Code",
                                                "Actor1Type2Code",
                                                "Actor1Type3Code",
                                                "Actor2Code",
                                                "Actor2Name",
                                                "Actor2CountryCode",
                                                "Actor2KnownGroupCode",
                                                "Actor2EthnicCode",
                                                "Actor2Religion1Code",
                                                "Actor2Religion2Code",
                                                "Actor2Type1Code",
                                                "Actor2Type2Code",
                                                "Actor2Type3Code",
                                                "IsRootEvent",
                                                "EventCode",
                                                "EventBaseCode",
                                                "EventRootCode",
                                                "QuadClass",
                                                "GoldsteinScale",
                                                "NumMentions",
                                                "NumSources",
                                                "NumArticles",
                                                "AvgTone",
                                                "Actor1Geo_Type",
                                                "Actor1Geo_FullName",
                                                "Actor1Geo_CountryCode",
                                                "Actor1Geo_ADM1Code",
                                                "Actor1Geo_ADM2Code",
                                                "Actor1Geo_Lat",
                                                "Actor1Geo_Long",
                                                "Actor1Geo_FeatureID",
                                                "Actor2Geo_Type",
                                                "Actor2Geo_FullName",
                                                "Actor2Geo_CountryCode",
                                                "Actor2Geo_ADM1Code",
                                                "Actor2Geo_ADM2Code",
                                                "Actor2Geo_Lat",
                                                "Actor2Geo_Long",
                                                "Actor2Geo_FeatureID",
                                                "ActionGeo_Type",
                                                "ActionGeo_FullName",
                                                "ActionGeo_CountryCode",
                                                "ActionGeo_ADM1Code",
                                                "ActionGeo_ADM2Code",
                                                "ActionGeo_Lat",
                                                "ActionGeo_Long",
                                                "ActionGeo_FeatureID",
                                                "DATEADDED",
                                                "SOURCEURL"};

std::string Clean(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return Clean(s);
}

const std::string* AttrOf(const Entity& e, std::string_view k) {
  for (const auto& [key, v] : e.attrs)
    if (key == k) return &v;
  return nullptr;
}

// Digits of a date padded to YYYYMMDD (missing month/day -> 01).
std::string DayOf(const std::string& d) {
  if (d.size() < 4) return "";
  std::string y = d.substr(0, 4), m = d.size() >= 7 ? d.substr(5, 2) : "01",
              dd = d.size() >= 10 ? d.substr(8, 2) : "01";
  return y + m + dd;
}

}  // namespace

std::string GdeltHeader() {
  std::string s;
  for (int c = 0; c < kGdeltColumns; ++c) {
    if (c) s += '\t';
    s += kGdeltNames[c];
  }
  return s;
}

std::string GdeltRows(const Document& doc, const std::vector<Event>& events,
                      const EventCoder* coder) {
  std::unordered_map<std::string, const Entity*> by_id;
  for (const auto& e : doc.entities) by_id[e.id] = &e;
  const EventCoder::Impl* lex = nullptr;
  if (coder) lex = &coder->impl();
  auto country_code = [&](const Entity* e) -> std::string {
    for (int hop = 0; e && hop < 2; ++hop) {
      if (const std::string* iso = AttrOf(*e, "iso3")) return Upper(*iso);
      if (lex) {
        auto it = lex->iso3.find(e->id);
        if (it != lex->iso3.end()) return it->second;
      }
      if (Is(e->type, "COUNTRY") && StartsWith(e->id, "country:") && e->id.size() == 11)
        return Upper(e->id.substr(8));
      const std::string* c = AttrOf(*e, "country");
      if (!c) break;
      auto it = by_id.find(*c);
      if (it == by_id.end()) {
        if (lex) {
          auto iso = lex->iso3.find(*c);
          if (iso != lex->iso3.end()) return iso->second;
        }
        return c->size() == 3 ? Upper(*c) : "";
      }
      e = it->second;
    }
    return "";
  };
  auto iso2_of = [&](const Entity* e) -> std::string {
    for (int hop = 0; e && hop < 2; ++hop) {
      if (lex) {
        auto it = lex->iso2.find(e->id);
        if (it != lex->iso2.end()) return it->second;
      }
      const std::string* c = AttrOf(*e, "country");
      if (!c) break;
      auto it = by_id.find(*c);
      if (it == by_id.end()) {
        if (lex) {
          auto iso = lex->iso2.find(*c);
          if (iso != lex->iso2.end()) return iso->second;
        }
        break;
      }
      e = it->second;
    }
    return "";
  };
  auto type_code = [](const Entity* e) -> std::string {
    if (!e) return "";
    if (Is(e->type, "COMPANY")) return "BUS";
    if (Is(e->type, "MEDIA")) return "MED";
    if (Is(e->type, "PERSON")) return AttrOf(*e, "role") ? "GOV" : "";
    if (Is(e->type, "ORG")) {
      const std::string& n = e->name_en;
      for (const char* w : {"Army", "Armed Forces", "Military", "Defence", "Defense"})
        if (n.find(w) != std::string::npos) return "MIL";
      for (const char* w : {"Ministry", "Government", "Parliament", "President", "Council"})
        if (n.find(w) != std::string::npos) return "GOV";
      if (!AttrOf(*e, "country")) return "IGO";
    }
    return "";
  };
  auto actor = [&](const std::string& id, std::vector<std::string>& cols) {
    const Entity* e = nullptr;
    auto it = by_id.find(id);
    if (it != by_id.end()) e = it->second;
    std::string cc = country_code(e), tc = type_code(e);
    cols.push_back(e ? cc + tc : "");                // ActorCode
    cols.push_back(e ? Upper(e->name_en) : "");      // ActorName
    cols.push_back(cc);                              // ActorCountryCode
    for (int k = 0; k < 4; ++k) cols.push_back("");  // KnownGroup, Ethnic, Religion1, Religion2
    cols.push_back(tc);                              // Type1
    cols.push_back("");                              // Type2
    cols.push_back("");                              // Type3
  };
  auto geo = [&](const std::string& id, std::vector<std::string>& cols) {
    const Entity* e = nullptr;
    auto it = by_id.find(id);
    if (it != by_id.end()) e = it->second;
    std::string type;
    if (e) type = Is(e->type, "COUNTRY") ? "1" : Is(e->type, "PLACE") ? "4" : "";
    if (e && type.empty()) {
      // An actor's geography is its country.
      const std::string* c = AttrOf(*e, "country");
      auto ci = c ? by_id.find(*c) : by_id.end();
      e = ci != by_id.end() ? ci->second : nullptr;
      type = e ? "1" : "";
    }
    cols.push_back(type);
    cols.push_back(e ? Clean(e->name_en) : "");
    cols.push_back(e ? iso2_of(e) : "");
    cols.push_back("");  // ADM1
    cols.push_back("");  // ADM2
    const std::string* lat = e ? AttrOf(*e, "lat") : nullptr;
    const std::string* lon = e ? AttrOf(*e, "lon") : nullptr;
    cols.push_back(lat ? *lat : "");
    cols.push_back(lon ? *lon : "");
    cols.push_back(e && !e->wikidata.empty() ? e->wikidata : "");  // FeatureID
  };
  std::string out;
  std::string added = doc.published ? DayOf(*doc.published) + "000000" : "";
  std::string url = doc.source.url.empty() ? doc.source.path : doc.source.url;
  for (std::size_t n = 0; n < events.size(); ++n) {
    const Event& ev = events[n];
    std::vector<std::string> c;
    c.reserve(kGdeltColumns);
    c.push_back(std::to_string(n + 1));
    std::string day = DayOf(ev.date);
    c.push_back(day);
    c.push_back(day.size() == 8 ? day.substr(0, 6) : "");
    c.push_back(day.size() == 8 ? day.substr(0, 4) : "");
    if (day.size() == 8) {
      int y = std::atoi(day.substr(0, 4).c_str()), m = std::atoi(day.substr(4, 2).c_str()),
          d = std::atoi(day.substr(6, 2).c_str());
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.4f", y + ((m - 1) * 30 + d) / 365.0);
      c.push_back(buf);
    } else {
      c.push_back("");
    }
    actor(ev.source, c);
    actor(ev.target, c);
    c.push_back(ev.root_event ? "1" : "0");
    c.push_back(ev.cameo);
    c.push_back(ev.cameo.substr(0, 3));
    c.push_back(ev.cameo.substr(0, 2));
    c.push_back(std::to_string(ev.quad));
    char g[16];
    std::snprintf(g, sizeof g, "%.1f", ev.goldstein);
    c.push_back(g);
    c.push_back("1");  // NumMentions
    c.push_back("1");  // NumSources
    c.push_back("1");  // NumArticles
    c.push_back("");   // AvgTone
    geo(ev.source, c);
    geo(ev.target, c);
    geo(ev.location, c);
    c.push_back(added);
    c.push_back(Clean(url));
    for (int k = 0; k < kGdeltColumns; ++k) {
      if (k) out += '\t';
      out += c[k];
    }
    out += '\n';
  }
  return out;
}

}  // namespace nufuz::events
