#include "extract/quantities.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "text/text.h"

namespace nufuz::extract {

using namespace std::string_view_literals;

// ---------------------------------------------------------------------------
// Numbers

std::optional<double> ParseDigits(std::string_view key, bool* percent, bool* integer) {
  if (percent) *percent = false;
  if (integer) *integer = false;
  if (key.empty() || key[0] < '0' || key[0] > '9') return std::nullopt;
  bool pct = false;
  if (key.back() == '%') {
    pct = true;
    key.remove_suffix(1);
  }
  std::vector<std::string_view> groups;
  std::vector<char> seps;
  std::size_t start = 0;
  for (std::size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    if (c >= '0' && c <= '9') continue;
    if (c != ',' && c != '.') return std::nullopt;
    groups.push_back(key.substr(start, i - start));
    seps.push_back(c);
    start = i + 1;
  }
  groups.push_back(key.substr(start));
  for (auto g : groups)
    if (g.empty()) return std::nullopt;
  std::string digits(groups[0]);
  if (!seps.empty()) {
    // The last separator is a decimal point unless every group after the
    // first has three digits and (for '.') there are several of them, or
    // both kinds occur and it is the first kind.
    bool mixed = std::find(seps.begin(), seps.end(), seps[0] != ',' ? ',' : '.') != seps.end();
    bool all3 = true;
    for (std::size_t g = 1; g < groups.size(); ++g) all3 = all3 && groups[g].size() == 3;
    bool last_is_decimal;
    if (mixed)
      last_is_decimal = true;
    else if (seps[0] == ',')
      last_is_decimal = !all3;
    else
      last_is_decimal = !(all3 && seps.size() > 1);
    for (std::size_t g = 1; g < groups.size(); ++g) {
      bool decimal = last_is_decimal && g + 1 == groups.size();
      if (decimal) digits += '.';
      digits += groups[g];
    }
  }
  double v = 0;
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec != std::errc() || p != digits.data() + digits.size()) return std::nullopt;
  if (percent) *percent = pct;
  if (integer) *integer = !pct && seps.empty();
  return v;
}

std::string FormatNumber(double v) {
  if (std::isnan(v) || std::isinf(v)) return "0";
  // Round away binary noise from multiplying decimals (4.2 * 1e9).
  double r = std::abs(v) >= 1 ? std::round(v * 1e6) / 1e6 : v;
  if (std::abs(r - std::round(r)) < 1e-9 * std::max(1.0, std::abs(r))) r = std::round(r);
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, r, std::chars_format::fixed);
  if (ec != std::errc()) return "0";
  std::string s(buf, p);
  if (std::abs(v) < 1 && s.size() > 14) s.resize(14);  // 0.333333333333
  return s;
}

Result<std::shared_ptr<const NumberReader>> NumberReader::Load(
    const std::filesystem::path& data_dir) {
  auto t = TsvTable::Load(data_dir / "lexicon" / "numbers.tsv", {"word", "value", "kind"});
  if (!t.ok()) return t.status();
  return FromTable(*t);
}

Result<std::shared_ptr<const NumberReader>> NumberReader::FromTable(const TsvTable& t) {
  auto r = std::make_shared<NumberReader>();
  int cw = t.Column("word"), cv = t.Column("value"), ck = t.Column("kind");
  for (std::size_t i = 0; i < t.rows(); ++i) {
    Word w;
    const std::string& kind = t.Cell(i, ck);
    const std::string& value = t.Cell(i, cv);
    if (kind == "unit")
      w.kind = WordKind::kUnit;
    else if (kind == "hundred")
      w.kind = WordKind::kHundred;
    else if (kind == "scale")
      w.kind = WordKind::kScale;
    else if (kind == "scale_pl")
      w.kind = WordKind::kScalePlural;
    else if (kind == "dual")
      w.kind = WordKind::kDual;
    else if (kind == "fraction")
      w.kind = WordKind::kFraction;
    else if (kind == "vague")
      w.kind = WordKind::kVague;
    else if (kind == "approx")
      w.kind = WordKind::kApprox;
    else
      return Status::Error(StatusCode::kDataError, t.Where(i) + ": unknown kind '" + kind + "'");
    if (w.kind == WordKind::kApprox) {
      w.approx = value;
    } else {
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), w.value);
      if (ec != std::errc() || p != value.data() + value.size())
        return Status::Error(StatusCode::kDataError, t.Where(i) + ": bad value '" + value + "'");
    }
    r->words_.Add(t.Cell(i, cw), std::move(w));
  }
  r->words_.Freeze();
  return std::shared_ptr<const NumberReader>(std::move(r));
}

const NumberReader::Word* NumberReader::WordAt(const DocForms& forms, std::size_t i,
                                               std::size_t* end, std::uint8_t* stripped) const {
  const Document& doc = forms.doc();
  if (i >= doc.tokens.size() || doc.tokens[i].kind != TokenKind::kArabic) return nullptr;
  auto h = words_.Match(forms, i, [](const Word& w) { return w.kind != WordKind::kApprox; });
  if (!h) return nullptr;
  if (end) *end = h->end;
  if (stripped) *stripped = h->stripped;
  return h->value;
}

std::optional<std::pair<std::size_t, std::string_view>> NumberReader::Approx(const DocForms& forms,
                                                                             std::size_t i) const {
  const Document& doc = forms.doc();
  if (i >= doc.tokens.size() || doc.tokens[i].kind != TokenKind::kArabic) return std::nullopt;
  auto h = words_.Match(forms, i, [](const Word& w) { return w.kind == WordKind::kApprox; });
  if (!h) return std::nullopt;
  return std::make_pair(h->end, std::string_view(h->value->approx));
}

std::optional<NumberReader::Number> NumberReader::Read(const DocForms& forms, std::size_t i) const {
  const auto& toks = forms.doc().tokens;
  if (i >= toks.size()) return std::nullopt;
  Number n;
  n.begin = i;
  double total = 0, cur = 0;
  bool any = false, only_fraction = true;
  std::size_t j = i;
  if (toks[i].kind == TokenKind::kNumber) {
    bool pct = false, integer = false;
    auto v = ParseDigits(toks[i].key, &pct, &integer);
    if (!v) return std::nullopt;
    cur = *v;
    n.digits = true;
    n.percent = pct;
    n.integer_digits = integer;
    any = true;
    only_fraction = false;
    j = i + 1;
    if (pct) {
      n.value = cur;
      n.end = j;
      return n;
    }
  }
  WordKind last = WordKind::kUnit;
  bool have_last = false;
  while (j < toks.size()) {
    std::size_t end = 0;
    std::uint8_t stripped = 0;
    const Word* w = WordAt(forms, j, &end, &stripped);
    if (!w) break;
    // A conjunction joins number words only inside a word numeral
    // (خمسة وعشرون، ثلاثة ملايين وخمسمئة ألف).
    bool conj = stripped & (kCliticWa | kCliticFa);
    if (stripped & ~(kCliticWa | kCliticAl)) break;  // ب ل ك: not a numeral
    if (j > i && conj) {
      if (n.digits || !(w->kind == WordKind::kUnit || w->kind == WordKind::kHundred)) break;
      if (!(cur > 0 && cur < 10) && !(cur == 0 && total > 0)) break;
    }
    if (j > i && (stripped & kCliticAl) &&
        !(w->kind == WordKind::kScale || w->kind == WordKind::kScalePlural))
      break;  // a definite word after a number is an adjective (الخمسة)
    if (j == i && (stripped & kCliticAl)) n.definite = true;
    switch (w->kind) {
      case WordKind::kUnit:
        if (have_last && (last == WordKind::kUnit) && !conj)
          return Finish(n, total + cur, j, any, only_fraction);
        cur += w->value;
        only_fraction = false;
        break;
      case WordKind::kHundred:
        cur = (cur > 0 ? cur : 1) * w->value;
        only_fraction = false;
        break;
      case WordKind::kScale:
      case WordKind::kScalePlural:
        if (cur == 0 && total == 0) {
          cur = 1;
          if (w->kind == WordKind::kScalePlural) n.vague = true;
        }
        total += cur * w->value;
        cur = 0;
        n.scaled = true;
        n.scale *= w->value;
        only_fraction = false;
        break;
      case WordKind::kDual:
        if (cur != 0 || any) return Finish(n, total + cur, j, any, only_fraction);
        total += w->value;
        n.scaled = w->value >= 1000;
        only_fraction = false;
        break;
      case WordKind::kFraction:
        if (any && !only_fraction && cur == 0) return Finish(n, total + cur, j, any, only_fraction);
        cur = (cur > 0 ? cur : 1) * w->value;
        break;
      case WordKind::kVague:
        if (any) return Finish(n, total + cur, j, any, only_fraction);
        cur = w->value;
        n.vague = true;
        only_fraction = false;
        break;
      case WordKind::kApprox: break;
    }
    any = true;
    last = w->kind;
    have_last = true;
    j = end;
  }
  return Finish(n, total + cur, j, any, only_fraction);
}

std::optional<NumberReader::Number> NumberReader::Finish(Number n, double value, std::size_t end,
                                                         bool any, bool only_fraction) {
  if (!any || end <= n.begin) return std::nullopt;
  n.value = value;
  n.end = end;
  n.fraction_only = only_fraction && !n.digits;
  return n;
}

// ---------------------------------------------------------------------------
// Quantities

namespace {

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    std::size_t end = s.find(sep, pos);
    if (end == std::string_view::npos) end = s.size();
    out.emplace_back(s.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

}  // namespace

Result<std::shared_ptr<const QuantityExtractor>> QuantityExtractor::Load(
    const std::filesystem::path& data_dir, Options options) {
  auto q = std::make_shared<QuantityExtractor>();
  q->options_ = options;
  auto nums = NumberReader::Load(data_dir);
  if (!nums.ok()) return nums.status();
  q->numbers_ = *nums;

  auto units = TsvTable::Load(data_dir / "lexicon" / "units.tsv", {"word", "unit", "kind"});
  if (!units.ok()) return units.status();
  int cw = units->Column("word"), cu = units->Column("unit"), ck = units->Column("kind");
  for (std::size_t r = 0; r < units->rows(); ++r) {
    Unit u{units->Cell(r, cu), units->Cell(r, ck), {}};
    if (u.unit.empty() || u.kind.empty())
      return Status::Error(StatusCode::kDataError, units->Where(r) + ": empty unit or kind");
    const std::string& w = units->Cell(r, cw);
    if (w.find(' ') == std::string::npos) q->singular_.Emplace(text::Key(w), u);
    q->units_.Add(w, std::move(u));
  }

  auto cur = TsvTable::Load(data_dir / "lexicon" / "currencies.tsv", {"word", "code", "cue"});
  if (!cur.ok()) return cur.status();
  cw = cur->Column("word");
  int cc = cur->Column("code"), cq = cur->Column("cue");
  for (std::size_t r = 0; r < cur->rows(); ++r) {
    Unit u{cur->Cell(r, cc), "money", {}};
    auto codes = Split(u.unit, '|');
    if (codes.size() > 1) {
      auto cues = Split(cur->Cell(r, cq), '|');
      if (cues.size() != codes.size())
        return Status::Error(StatusCode::kDataError,
                             cur->Where(r) + ": a shared name needs one cue per code");
      for (const auto& c : cues) {
        std::vector<std::string> alts;
        for (const auto& a : Split(c, ' '))
          if (!a.empty()) alts.push_back(text::Key(a));
        u.cues.push_back(std::move(alts));
      }
    }
    const std::string& w = cur->Cell(r, cw);
    if (w.find(' ') == std::string::npos) q->singular_.Emplace(text::Key(w), u);
    q->units_.Add(w, std::move(u));
  }
  q->units_.Freeze();
  return std::shared_ptr<const QuantityExtractor>(std::move(q));
}

struct QuantityExtractor::Impl {
  const QuantityExtractor& q;
  Document& doc;
  const DocForms& forms;
  std::vector<Span> out;
  std::size_t last_money_tok = 0;
  std::string last_money_unit;
  bool have_money = false;

  const std::vector<Token>& toks() const { return doc.tokens; }

  // The unit at token i (after an optional "من" + definite plural), or none.
  std::optional<PhraseTable<Unit>::Hit> UnitAt(std::size_t i) const {
    if (i >= toks().size()) return std::nullopt;
    auto h = q.units_.Match(forms, i);
    if (h) return h;
    return std::nullopt;
  }

  // A dual of a listed singular (قمتين، الدولتين، جنديين): the unit or null.
  // `listed`: whether a unit phrase starts at Arabic token i (UnitAt).
  const Unit* DualAt(std::size_t i, bool listed) {
    const FormList words = forms.words(i);
    // Cheap test first: most words have no dual ending.
    bool dual_ending = false;
    for (const WordForm& f : words)
      if (EndsWith(f.text, "ين"sv) || EndsWith(f.text, "ان"sv)) dual_ending = true;
    if (!dual_ending) return nullptr;
    if (listed) return nullptr;       // a listed form
    if (InEntity(i)) return nullptr;  // a name (طالبان)
    for (const WordForm& f : words)
      if (q.singular_.Find(f.text, f.hash)) return nullptr;
    // A dual after بين or as the predicate of هما names a pair already
    // introduced (بين البلدين، وهما دولتان), not a new count.
    if (i > 0 && (toks()[i - 1].key == "بين"sv || toks()[i - 1].key == "هما"sv ||
                  toks()[i - 1].key == "وهما"sv))
      return nullptr;
    for (const WordForm& f : words) {
      std::string_view s = f.text;
      for (std::string_view suf : {"تين"sv, "تان"sv}) {
        if (EndsWith(s, suf) && s.size() >= suf.size() + 4) {
          std::string base(s.substr(0, s.size() - suf.size()));
          base += "ه";
          if (const Unit* u = q.singular_.Find(base)) return u;
        }
      }
      for (std::string_view suf : {"ين"sv, "ان"sv}) {
        if (EndsWith(s, suf) && s.size() >= suf.size() + 4) {
          const std::string_view base = s.substr(0, s.size() - suf.size());
          const Unit* u = q.singular_.Find(base);
          if (u && !EndsWith(base, "ه"sv)) return u;
        }
      }
    }
    return nullptr;
  }

  std::string ResolveCode(const Unit& u, std::size_t at) const {
    auto codes = Split(u.unit, '|');
    if (codes.size() == 1) return codes[0];
    std::size_t lo = at > q.options_.cue_window ? at - q.options_.cue_window : 0;
    for (std::size_t k = at; k-- > lo;) {
      const Token& t = toks()[k];
      if (t.kind != TokenKind::kArabic) continue;
      for (std::size_t c = 0; c < u.cues.size(); ++c)
        for (const auto& cue : u.cues[c])
          if (StartsWith(t.stem, cue) || StartsWith(t.key, cue) ||
              StartsWith(t.key, std::string("ال") + cue))
            return codes[c];
    }
    return codes[0];
  }

  // Anaphoric counts (قمتين، الدول الخمس) already reported with the same
  // value and unit: the same group mentioned again.
  std::vector<std::pair<double, std::string>> anaphoric;

  // Tokens inside a name the entity stage found (طالبان is no dual of
  // طالب "student"; entities run before quantities, see pipeline.cc):
  // marked from the ENTITY spans once, when the first dual is probed.
  std::vector<bool> in_entity;
  bool entity_marks = false;
  bool InEntity(std::size_t i) {
    if (!entity_marks) {
      entity_marks = true;
      const std::vector<Token>& T = toks();
      in_entity.assign(T.size(), false);
      for (const Span& sp : doc.spans) {
        if (sp.label != "ENTITY") continue;
        auto it = std::lower_bound(T.begin(), T.end(), sp.start,
                                   [](const Token& t, std::uint32_t cp) { return t.end <= cp; });
        for (; it != T.end() && it->start < sp.end; ++it)
          in_entity[static_cast<std::size_t>(it - T.begin())] = true;
      }
    }
    return i < in_entity.size() && in_entity[i];
  }
  bool SeenAnaphoric(double value, const std::string& unit) {
    for (const auto& [v, u] : anaphoric)
      if (v == value && u == unit) return true;
    anaphoric.emplace_back(value, unit);
    return false;
  }

  void Emit(std::size_t b, std::size_t e, double value, const std::string& unit,
            const std::string& kind, std::string_view approx) {
    Span s;
    s.start = toks()[b].start;
    s.end = toks()[e - 1].end;
    s.label = "QUANTITY";
    s.attrs = {{"value", FormatNumber(value)}, {"unit", unit}, {"kind", kind}};
    if (!approx.empty()) s.attrs.emplace_back("approx", std::string(approx));
    out.push_back(std::move(s));
    if (kind == "money") {
      have_money = true;
      last_money_tok = e;
      last_money_unit = unit;
    }
  }

  bool IsCountUnit(const Unit& u) const { return u.kind == "count"; }

  bool Definite(std::size_t i) const {
    const Token& t = toks()[i];
    return (t.proclitics & kCliticAl) || StartsWith(t.key, "ال") || StartsWith(t.key, "بال") ||
           StartsWith(t.key, "وال") || StartsWith(t.key, "لل") || StartsWith(t.key, "وبال") ||
           StartsWith(t.key, "فال");
  }
  // A definite word ending in a dual suffix right after token i.
  bool DualAdjectiveAfter(std::size_t i) const {
    if (i + 1 >= toks().size()) return false;
    const Token& t = toks()[i + 1];
    if (t.kind != TokenKind::kArabic || !StartsWith(t.key, "ال")) return false;
    for (std::string_view suf : {"ين", "ان", "تين", "تان"})
      if (EndsWith(t.key, suf) && t.key.size() >= suf.size() + 8) return true;
    return false;
  }

  // A counted noun at token i, also with a possessive suffix (دولها، بلدانهم)
  // for the "noun + definite cardinal" pattern (لدولها الخمس).
  // `unit`: UnitAt(i), which At has looked up.
  std::optional<PhraseTable<Unit>::Hit> CountedNounAt(
      std::size_t i, const std::optional<PhraseTable<Unit>::Hit>& unit) const {
    if (unit) return unit;
    const Token& t = toks()[i];
    if (t.kind != TokenKind::kArabic) return std::nullopt;
    for (const WordForm& f : forms.words(i)) {
      for (std::string_view suf : {"هما"sv, "هم"sv, "ها"sv, "نا"sv}) {
        if (!EndsWith(f.text, suf) || f.text.size() < suf.size() + 4) continue;
        const Unit* u = q.singular_.Find(f.text.substr(0, f.text.size() - suf.size()));
        if (u && IsCountUnit(*u)) return PhraseTable<Unit>::Hit{u, i + 1, f.stripped};
      }
    }
    return std::nullopt;
  }

  // What may start at a token: a number (digits, a number word or
  // qualifier: Approx, Read), a unit (UnitAt), or a word with a dual or
  // possessive ending (DualAt, CountedNounAt). At probes only what may.
  struct Starts {
    bool number = false, unit = false, ending = false;
    bool any() const { return number || unit || ending; }
  };
  // For an Arabic token, from a few probes with precomputed hashes; most
  // words start nothing.
  Starts MayStart(std::size_t i) const {
    const FormList words = forms.words(i);
    Starts st;
    st.number = q.numbers_->MayStart(words);
    st.unit = q.units_.MayStart(words);
    st.ending = Ending(words);
    return st;
  }
  bool Ending(FormList words) const {
    // The endings (ين ان هم ها نا, and ما for هما) are two letters, four
    // bytes: one load and a few compares per form.
    static const std::uint32_t kEndings[] = {Last4("ين"), Last4("ان"), Last4("هم"),
                                             Last4("ها"), Last4("نا"), Last4("ما")};
    for (const WordForm& f : words) {
      if (f.text.size() < 4) continue;
      const std::uint32_t end = Last4(f.text);
      for (const std::uint32_t e : kEndings)
        if (end == e) return true;
    }
    return false;
  }
  static std::uint32_t Last4(std::string_view s) {
    std::uint32_t v;
    std::memcpy(&v, s.data() + s.size() - 4, 4);
    return v;
  }

  // Tries a quantity at token i, an Arabic word or a number, where `st`
  // says what may start; returns the token after it, or i.
  std::size_t At(std::size_t i, Starts st) {
    const auto& T = toks();
    std::string_view approx;
    std::size_t b = i, j = i;
    if (st.number) {
      if (auto a = q.numbers_->Approx(forms, i)) {
        approx = a->second;
        j = a->first;
      }
      if (j < T.size()) {
        if (auto n = q.numbers_->Read(forms, j)) return FromNumber(b, *n, approx);
      }
      if (j != i) return i;
    }
    const bool arabic = T[i].kind == TokenKind::kArabic;
    const std::optional<PhraseTable<Unit>::Hit> unit =
        st.unit ? UnitAt(i) : std::optional<PhraseTable<Unit>::Hit>();
    // A dual noun alone. A definite dual (البلدين، الدولتين) names a pair
    // the text already introduced, unless a dual adjective describes it
    // (الدولتين الانفصاليتين) as a new group.
    if (const Unit* u = arabic && st.ending ? DualAt(i, unit.has_value()) : nullptr;
        u && u->kind != "time" && u->kind != "percent" && (!Definite(i) || DualAdjectiveAfter(i))) {
      if (!SeenAnaphoric(2, u->unit)) Emit(i, i + 1, 2, ResolveCode(*u, i), u->kind, "");
      return i + 1;
    }
    // A counted noun and a definite cardinal after it.
    if (auto h = st.unit || st.ending ? CountedNounAt(i, unit) : std::nullopt;
        h && IsCountUnit(*h->value)) {
      for (std::size_t k = h->end; k < T.size() && k <= h->end + 3; ++k) {
        const Token& t = T[k];
        if (t.kind != TokenKind::kArabic) break;
        // مجموعة السبع، مجموعة العشرين: a group's name (G7, G20).
        if (t.key == "مجموعه"sv || t.key == "ومجموعه"sv) break;
        if ((t.key == "ال"sv || t.key == "الـ"sv) && k + 1 < T.size() &&
            T[k + 1].kind == TokenKind::kNumber) {
          bool integer = false;
          auto v = ParseDigits(T[k + 1].key, nullptr, &integer);
          if (v && integer && *v >= 2 && *v < 1000) {
            if (!SeenAnaphoric(*v, h->value->unit))
              Emit(i, k + 2, *v, h->value->unit, h->value->kind, "");
            return k + 2;
          }
          break;
        }
        std::size_t end = 0;
        std::uint8_t stripped = 0;
        const auto* w = q.numbers_->WordAt(forms, k, &end, &stripped);
        if (w && (stripped == kCliticAl) && w->kind == NumberReader::WordKind::kUnit &&
            w->value >= 2 && w->value <= 10) {
          if (!SeenAnaphoric(w->value, h->value->unit))
            Emit(i, end, w->value, h->value->unit, h->value->kind, "");
          return end;
        }
        if (w) break;
      }
      return h->end;
    }
    return i;
  }

  std::size_t FromNumber(std::size_t b, const NumberReader::Number& n, std::string_view approx) {
    const auto& T = toks();
    std::size_t j = n.end;
    if (n.percent) {
      Emit(b, j, n.value, "%", "percent", approx);
      return j;
    }
    // A fraction alone: a share of the noun after it.
    if (n.fraction_only) {
      // إلى النصف، بمقدار الثلث: a definite fraction as the end or amount
      // of a change, not followed by a noun it qualifies (النصف الأول).
      if (n.definite && approx.empty() && b > 0 &&
          (T[b - 1].key == "الي"sv || T[b - 1].key == "بمقدار"sv || T[b - 1].key == "حتي"sv) &&
          !(j < T.size() && T[j].kind == TokenKind::kArabic && StartsWith(T[j].key, "ال"))) {
        Emit(b - 1, j, n.value, "share", "share", "");
        return j;
      }
      if (n.definite && approx.empty()) return n.end;
      if (j < T.size() && T[j].kind == TokenKind::kArabic) {
        auto h = UnitAt(j);
        if (h && h->value->kind == "time") return h->end;
        if (T[j].key.rfind("ال", 0) == 0 && n.definite) return n.end;  // النصف الأول
        Emit(b, n.definite ? n.end : j + 1, n.value, "share", "share", approx);
        return n.definite ? n.end : j + 1;
      }
      if (!approx.empty()) {
        Emit(b, j, n.value, "share", "share", approx);
        return j;
      }
      return j;
    }
    std::string_view vague = n.vague && approx.empty() ? std::string_view("at-least") : approx;
    // The unit: right after the number, or after "من" + definite plural
    // (أكثر من 2000 من الجنود), or a unit of the second end of a range.
    std::optional<PhraseTable<Unit>::Hit> h = UnitAt(j);
    if (!h && j + 1 < T.size() && T[j].key == "من"sv && !n.digits && n.vague) h = UnitAt(j + 1);
    if (h) {
      const Unit& u = *h->value;
      if (u.kind == "time") return h->end;
      Emit(b, h->end, n.value, ResolveCode(u, b), u.kind, vague);
      return h->end;
    }
    // A range: N إلى/و/- M unit.
    if (j + 1 < T.size() &&
        (T[j].key == "الي"sv || T[j].key == "و"sv || T[j].key == "-"sv || T[j].key == "او"sv)) {
      if (auto m = q.numbers_->Read(forms, j + 1)) {
        // من 208 إلى 260 مليون دولار: the first end shares the scale.
        double v = n.scaled || !n.digits ? n.value : n.value * m->scale;
        if (auto h2 = UnitAt(m->end); h2 && h2->value->kind != "time" && !m->percent) {
          Emit(b, j, v, ResolveCode(*h2->value, b), h2->value->kind, vague);
          return j;
        }
        if (m->percent) {
          Emit(b, j, n.value, "%", "percent", vague);
          return j;
        }
      }
    }
    // An elliptical amount: inherits the currency of a recent one.
    if (n.scaled && n.value >= 1e6 && have_money && q.options_.inherit_window > 0 &&
        b >= last_money_tok && b - last_money_tok <= q.options_.inherit_window) {
      Emit(b, j, n.value, last_money_unit, "money", vague);
      return j;
    }
    return j;
  }
};

void QuantityExtractor::Run(Document& doc) const {
  const DocForms forms(doc);
  Run(doc, forms);
}

void QuantityExtractor::Run(Document& doc, const DocForms& forms) const {
  Impl im{*this, doc, forms, {}, 0, {}, false, {}, {}};
  const std::size_t n = doc.tokens.size();
  for (std::size_t i = 0; i < n;) {
    const Token& t = doc.tokens[i];
    Impl::Starts st;
    if (t.kind == TokenKind::kArabic) {
      st = im.MayStart(i);
    } else if (t.kind == TokenKind::kNumber) {
      st = {true, true, true};  // digits: every probe, as forms may hold anything
    }
    if (!st.any()) {
      ++i;
      continue;
    }
    std::size_t next = im.At(i, st);
    i = next > i ? next : i + 1;
  }
  for (auto& s : im.out) doc.spans.push_back(std::move(s));
}

}  // namespace nufuz::extract
