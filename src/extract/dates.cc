#include "extract/dates.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <tuple>
#include <unordered_map>

#include "text/text.h"

namespace nufuz::extract {

using namespace std::string_view_literals;

// ---------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian; days since 1970-01-01).

namespace {

long long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

DateValue CivilFromDays(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long y = static_cast<long long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

int IsoWeekday(long long days) {
  return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1;  // 1970-01-01 was a Thursday
}

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

bool ValidDay(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

// Gregorian date of a Hijri (islamic-civil) date, by ICU.
std::optional<DateValue> HijriToGregorian(int y, int m, int d) {
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> hc(icu::Calendar::createInstance(
      icu::TimeZone::createTimeZone("UTC"), icu::Locale("ar@calendar=islamic-civil"), st));
  std::unique_ptr<icu::Calendar> gc(icu::Calendar::createInstance(
      icu::TimeZone::createTimeZone("UTC"), icu::Locale("en@calendar=gregorian"), st));
  if (U_FAILURE(st) || !hc || !gc) return std::nullopt;
  hc->clear();
  hc->set(y, m - 1, d);
  UDate t = hc->getTime(st);
  gc->setTime(t, st);
  DateValue v{gc->get(UCAL_YEAR, st), gc->get(UCAL_MONTH, st) + 1, gc->get(UCAL_DATE, st)};
  if (U_FAILURE(st)) return std::nullopt;
  return v;
}

// The first word of a phrase as PhraseTable::Add keys it: the first
// space-separated word whose key is not empty; empty when none is.
std::string FirstWordKey(std::string_view phrase) {
  std::size_t pos = 0;
  while (pos < phrase.size()) {
    std::size_t end = phrase.find(' ', pos);
    if (end == std::string_view::npos) end = phrase.size();
    std::string k = text::Key(phrase.substr(pos, end - pos));
    if (!k.empty()) return k;
    pos = end + 1;
  }
  return {};
}

// Byte equality inline: GCC calls string_view's compare out of line, and the
// keys compared here are a few bytes.
inline bool BytesEqual(std::string_view a, std::string_view b) {
  return a.size() == b.size() && StartsWith(a, b);
}

int ToInt(std::string_view s, int fallback = 0) {
  int v = fallback;
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

}  // namespace

std::string DateValue::ToString() const {
  // Digits written by hand in the usual ranges: snprintf cost more than the
  // rest of emitting a date. Anything else goes through snprintf.
  if (year >= 0 && year <= 9999 && month >= 0 && month <= 99 && day >= 0 && day <= 99) {
    char buf[10] = {static_cast<char>('0' + year / 1000),
                    static_cast<char>('0' + year / 100 % 10),
                    static_cast<char>('0' + year / 10 % 10),
                    static_cast<char>('0' + year % 10),
                    '-',
                    static_cast<char>('0' + month / 10),
                    static_cast<char>('0' + month % 10),
                    '-',
                    static_cast<char>('0' + day / 10),
                    static_cast<char>('0' + day % 10)};
    return std::string(buf, day > 0 ? 10 : month > 0 ? 7 : 4);
  }
  char buf[32];
  if (day > 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  else if (month > 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else
    std::snprintf(buf, sizeof buf, "%04d", year);
  return buf;
}

std::optional<DateValue> DateValue::Parse(std::string_view s) {
  DateValue v;
  if (s.size() < 4) return std::nullopt;
  auto num = [](std::string_view p, int& out) {
    auto [e, ec] = std::from_chars(p.data(), p.data() + p.size(), out);
    return ec == std::errc() && e == p.data() + p.size();
  };
  if (!num(s.substr(0, 4), v.year) || v.year < 1) return std::nullopt;
  if (s.size() == 4) return v;
  if (s.size() < 7 || s[4] != '-' || !num(s.substr(5, 2), v.month) || v.month < 1 || v.month > 12)
    return std::nullopt;
  if (s.size() == 7) return v;
  if (s.size() != 10 || s[7] != '-' || !num(s.substr(8, 2), v.day) ||
      !ValidDay(v.year, v.month, v.day))
    return std::nullopt;
  return v;
}

// ---------------------------------------------------------------------------
// Loading

Result<std::shared_ptr<const DateExtractor>> DateExtractor::Load(
    const std::filesystem::path& data_dir, Options options) {
  auto x = std::make_shared<DateExtractor>();
  x->options_ = options;
  auto nums = NumberReader::Load(data_dir);
  if (!nums.ok()) return nums.status();
  x->numbers_ = *nums;

  auto months =
      TsvTable::Load(data_dir / "lexicon" / "months.tsv", {"word", "month", "series", "ambiguous"});
  if (!months.ok()) return months.status();
  int cw = months->Column("word"), cm = months->Column("month"), cs = months->Column("series"),
      ca = months->Column("ambiguous");
  for (std::size_t r = 0; r < months->rows(); ++r) {
    Month m;
    m.month = ToInt(months->Cell(r, cm));
    if (m.month < 1 || m.month > 12)
      return Status::Error(StatusCode::kDataError, months->Where(r) + ": month must be 1-12");
    m.hijri = months->Cell(r, cs) == "hijri";
    m.ambiguous = months->Cell(r, ca) == "1";
    x->months_.Add(months->Cell(r, cw), m);
    if (std::string first = FirstWordKey(months->Cell(r, cw)); !first.empty())
      x->first_kinds_[first] |= kStartsMonth;
  }
  x->months_.Freeze();

  auto words = TsvTable::Load(data_dir / "lexicon" / "date_words.tsv", {"word", "kind", "value"});
  if (!words.ok()) return words.status();
  cw = words->Column("word");
  int ck = words->Column("kind"), cv = words->Column("value");
  static const std::unordered_map<std::string_view, WordKind> kKinds = {
      {"weekday", WordKind::kWeekday},
      {"weekday?", WordKind::kWeakWeekday},
      {"deictic", WordKind::kDeictic},
      {"unit", WordKind::kUnit},
      {"year_word", WordKind::kYearWord},
      {"rel", WordKind::kRel},
      {"this", WordKind::kThis},
      {"part", WordKind::kPart},
      {"since", WordKind::kSince},
      {"during", WordKind::kDuring},
      {"between", WordKind::kBetween},
      {"until", WordKind::kUntil},
      {"after", WordKind::kAfter},
      {"before", WordKind::kBefore},
      {"decade", WordKind::kDecade},
      {"same", WordKind::kSame},
      {"era", WordKind::kEra},
      {"recent", WordKind::kRecent},
      {"notdate", WordKind::kNotDate},
      {"ordinal", WordKind::kOrdinal},
      {"daytime", WordKind::kDaytime},
      {"seq", WordKind::kSeq}};
  for (std::size_t r = 0; r < words->rows(); ++r) {
    auto k = kKinds.find(words->Cell(r, ck));
    if (k == kKinds.end())
      return Status::Error(StatusCode::kDataError,
                           words->Where(r) + ": unknown kind '" + words->Cell(r, ck) + "'");
    if (k->second == WordKind::kOrdinal) {
      int d = ToInt(words->Cell(r, cv));
      if (d < 1 || d > 31)
        return Status::Error(StatusCode::kDataError, words->Where(r) + ": ordinal must be 1-31");
    }
    x->words_.Add(words->Cell(r, cw), Word{k->second, words->Cell(r, cv)});
    if (std::string first = FirstWordKey(words->Cell(r, cw)); !first.empty())
      x->first_kinds_[first] |= 1u << static_cast<unsigned>(k->second);
  }
  x->words_.Freeze();

  // First words of units and currencies: a number before them is a
  // quantity, not a year.
  for (const char* file : {"units.tsv", "currencies.tsv"}) {
    auto t = TsvTable::Load(data_dir / "lexicon" / file, {"word"});
    if (!t.ok()) return t.status();
    int c = t->Column("word");
    for (std::size_t r = 0; r < t->rows(); ++r) {
      x->quantity_words_.Add(t->Cell(r, c), 1);
    }
  }
  x->quantity_words_.Freeze();
  return std::shared_ptr<const DateExtractor>(std::move(x));
}

// ---------------------------------------------------------------------------
// Matching

struct DateExtractor::Impl {
  const DateExtractor& x;
  Document& doc;
  const DocForms& forms;
  std::optional<DateValue> pub;
  std::vector<std::uint32_t> sentence_of;  // token -> sentence index
  DateValue last;                          // the last date the text gave
  std::size_t last_tok = 0;
  std::vector<Span> out;

  struct M {
    std::size_t end = 0;
    DateValue v;
    bool relative = false;
    bool range = false;
    bool from_context = false;  // the year came from an earlier date of the text
    DateValue from, to;
  };

  // The year of the last point date and its sentence: a month without a
  // year in the same or the next sentence takes it ("في عام 2022 ... في
  // مارس" -> 2022-03).
  int ctx_year = 0;
  std::uint32_t ctx_sent = 0;

  const std::vector<Token>& T() const { return doc.tokens; }
  std::size_t N() const { return doc.tokens.size(); }

  Impl(const DateExtractor& ex, Document& d, const DocForms& f)
      : x(ex),
        doc(d),
        forms(f),
        kinds_(d.tokens.size(), 0),
        word_hits_at_(d.tokens.size(), kUnlisted),
        word_hits_end_(d.tokens.size(), 0),
        ints_(d.tokens.size(), kUnread) {
    if (doc.published) pub = DateValue::Parse(*doc.published);
    sentence_of.assign(doc.tokens.size(), 0);
    // A fill per sentence, its end clamped once (a bounds test per token
    // was most of this constructor's cost).
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
      const std::size_t b = doc.sentences[s].token_begin;
      const std::size_t e = std::min<std::size_t>(doc.sentences[s].token_end, doc.tokens.size());
      if (b < e)
        std::fill(sentence_of.begin() + b, sentence_of.begin() + e, static_cast<std::uint32_t>(s));
    }
  }

  // Per token, the DateExtractor::first_kinds_ bits of its forms, or'd,
  // with kKnown once computed: which kinds of date word and whether a month
  // name can start at the token. Run computes every token's at once; the
  // dateline asks a few tokens only.
  static constexpr std::uint32_t kKnown = 1u << 31;
  static constexpr std::uint32_t kWordKinds = kStartsMonth - 1;
  static_assert(static_cast<unsigned>(WordKind::kSeq) < 30,
                "a bit per WordKind below kStartsMonth");
  mutable std::vector<std::uint32_t> kinds_;
  std::uint32_t Kinds(std::size_t i) const {
    const std::uint32_t k = kinds_[i];
    if (k & kKnown) [[likely]]
      return k;
    return KindsFirst(i);
  }
  [[gnu::noinline]] std::uint32_t KindsFirst(std::size_t i) const { return kinds_[i] = KindsOf(i); }
  std::uint32_t KindsOf(std::size_t i) const {
    std::uint32_t k = kKnown;
    for (const WordForm& f : forms.words(i))
      if (const std::uint32_t* m = x.first_kinds_.Find(f.text, f.hash)) k |= *m;
    return k;
  }
  // Every token's bits, the table set up once for the whole pass.
  void AllKinds() const {
    const StringMap<std::uint32_t>& table = x.first_kinds_;
    std::uint32_t* out = kinds_.data();
    for (std::size_t i = 0, n = N(); i < n; ++i) {
      std::uint32_t k = kKnown;
      for (const WordForm& f : forms.words(i))
        if (const std::uint32_t* m = table.Find(f.text, f.hash)) k |= *m;
      out[i] = k;
    }
  }
  // The month name at token i (see PhraseTable::Match).
  std::optional<PhraseTable<Month>::Hit> MonthAt(std::size_t i) const {
    if (i >= N() || !(Kinds(i) & kStartsMonth)) return std::nullopt;
    return x.months_.Match(forms, i);
  }

  // Every date word phrase starting at a token, in PhraseTable::Match order,
  // listed on first use: the parsers ask one token for many kinds of word.
  using WordHit = PhraseTable<Word>::Hit;
  static constexpr std::uint32_t kUnlisted = ~0u;
  mutable std::vector<std::uint32_t> word_hits_at_;   // token -> first index in word_hits_
  mutable std::vector<std::uint32_t> word_hits_end_;  // token -> end index in word_hits_
  mutable std::vector<WordHit> word_hits_;
  std::pair<const WordHit*, const WordHit*> WordHits(std::size_t i) const {
    if (word_hits_at_[i] == kUnlisted) {
      word_hits_at_[i] = static_cast<std::uint32_t>(word_hits_.size());
      x.words_.ForEachMatch(forms, i, [&](const WordHit& h) {
        word_hits_.push_back(h);
        return false;
      });
      word_hits_end_[i] = static_cast<std::uint32_t>(word_hits_.size());
    }
    return {word_hits_.data() + word_hits_at_[i], word_hits_.data() + word_hits_end_[i]};
  }

  // The date word of `kind` at token i. Most probes are for a kind no
  // phrase at the token has: the bit test is inline at the caller (kinds_
  // has a slot per token), and only the rest pay a call.
  using WK = WordKind;
  [[gnu::always_inline]] std::optional<WordHit> W(std::size_t i, WK kind) const {
    if (i >= kinds_.size() || !(Kinds(i) & (1u << static_cast<unsigned>(kind))))
      return std::nullopt;
    return WordOfKind(i, kind);
  }
  [[gnu::noinline]] std::optional<WordHit> WordOfKind(std::size_t i, WK kind) const {
    if (T()[i].kind != TokenKind::kArabic) return std::nullopt;
    auto [b, e] = WordHits(i);
    for (const WordHit* h = b; h != e; ++h)
      if (h->value->kind == kind) return *h;
    return std::nullopt;
  }
  bool Key(std::size_t i, std::string_view k) const { return i < N() && BytesEqual(T()[i].key, k); }
  static bool Definite(const PhraseTable<Word>::Hit& h, const Token& t) {
    return (h.stripped & kCliticAl) || StartsWith(t.key, "ال");
  }

  // An integer year written in digits at token i, within [lo, hi]. The
  // parsers ask the same number tokens for years and days many times: each
  // token's value is read once (ints_).
  std::optional<int> YearNum(std::size_t i, int lo, int hi) const {
    if (i >= N() || T()[i].kind != TokenKind::kNumber) return std::nullopt;
    std::int32_t v = ints_[i];
    if (v == kUnread) v = ints_[i] = ReadInt(T()[i].key);
    if (v == kNoInt || v < lo || v > hi) return std::nullopt;
    return v;
  }
  // A key of at most four digits as an integer, else kNoInt.
  static std::int32_t ReadInt(std::string_view key) {
    if (key.size() > 4) return kNoInt;
    bool integer = false;
    auto v = ParseDigits(key, nullptr, &integer);
    if (!v || !integer) return kNoInt;
    return static_cast<std::int32_t>(*v);
  }
  static constexpr std::int32_t kNoInt = INT32_MIN, kUnread = INT32_MIN + 1;
  mutable std::vector<std::int32_t> ints_;  // token -> ReadInt(key), or kUnread

  // A day of the month in digits at token i.
  std::optional<int> DayNum(std::size_t i) const {
    auto d = YearNum(i, 1, 31);
    if (!d || T()[i].key.size() > 2) return std::nullopt;
    return d;
  }

  // Era letters after a year: 1 hijri, 0 AD, -1 none; *end set past them.
  int Era(std::size_t i, std::size_t* end) const {
    auto h = W(i, WK::kEra);
    if (!h) return -1;
    *end = h->end;
    return h->value->value == "hijri" ? 1 : 0;
  }

  // --- point parsers -----------------------------------------------------

  std::optional<M> DateToken(std::size_t i) const {
    if (i >= N()) return std::nullopt;
    const Token& t = T()[i];
    if (t.kind != TokenKind::kDate) return std::nullopt;
    int g[3] = {0, 0, 0}, k = 0;
    std::size_t len[3] = {0, 0, 0};
    for (char c : t.key) {
      if (c >= '0' && c <= '9') {
        g[k] = g[k] * 10 + (c - '0');
        ++len[k];
      } else if (++k > 2) {
        return std::nullopt;
      }
    }
    if (k != 2) return std::nullopt;
    DateValue v = len[0] == 4 ? DateValue{g[0], g[1], g[2]} : DateValue{g[2], g[1], g[0]};
    // Day first, except a slashed date followed by a 12-hour clock time
    // (10/8/2025 3:44:00 AM), the US convention: month first.
    if (len[0] != 4 && t.key.find('/') != std::string::npos && ValidDay(g[2], g[0], g[1])) {
      for (std::size_t k = i + 1; k < N() && k <= i + 8; ++k) {
        const std::string& key = T()[k].key;
        if (key == "am"sv || key == "pm"sv) {
          v = {g[2], g[0], g[1]};
          break;
        }
        if (T()[k].kind != TokenKind::kNumber && key != ":"sv) break;
      }
    }
    if (!ValidDay(v.year, v.month, v.day)) return std::nullopt;
    M m;
    m.end = i + 1;
    m.v = v;
    return m;
  }

  bool TemporalBefore(std::size_t i) const {
    if (i == 0) return false;
    const Token& p = T()[i - 1];
    static const std::unordered_set<std::string_view> kPrep = {
        "في",    "منذ",   "حتي",   "خلال", "قبل", "بعد",  "شهر",  "الي",   "مطلع", "اوائل", "اواخر",
        "منتصف", "نهايه", "بدايه", "طوال", "وفي", "ومنذ", "وحتي", "وخلال", "وقبل", "وبعد"};
    return kPrep.count(p.key) != 0;
  }

  // A day of the month: digits (28) or an ordinal (الخامس، الحادي والعشرين),
  // after an optional يوم/يومي, with an optional second day for a span of
  // days (يومي 18 و19، 3-5، الخامس والسادس، من 3 إلى 5).
  struct DayLead {
    int day = 0, day2 = 0;
    std::size_t end = 0;
    bool ordinal = false;
  };
  std::optional<DayLead> Day(std::size_t j) const {
    if (j + 1 < N() && T()[j].kind == TokenKind::kArabic &&
        (BytesEqual(T()[j].key, "يوم") || BytesEqual(T()[j].key, "يومي") ||
         BytesEqual(T()[j].key, "ويوم") || BytesEqual(T()[j].key, "ويومي")))
      ++j;
    auto one = [&](std::size_t k, int* v, bool* ord) -> std::size_t {
      if (auto n = DayNum(k)) {
        *v = *n;
        *ord = false;
        return k + 1;
      }
      if (auto h = W(k, WK::kOrdinal)) {
        *v = ToInt(h->value->value);
        *ord = true;
        return h->end;
      }
      return 0;
    };
    DayLead d;
    d.end = one(j, &d.day, &d.ordinal);
    if (!d.end) return std::nullopt;
    const std::size_t e = d.end;
    int d2 = 0;
    bool o2 = false;
    std::size_t e2 = 0;
    if (Key(e, "و") || Key(e, "-") || Key(e, "–") || Key(e, "الي") || Key(e, "حتي"))
      e2 = one(e + 1, &d2, &o2);
    else if (d.ordinal && e < N() && (T()[e].proclitics & kCliticWa))
      e2 = one(e, &d2, &o2);  // الخامس والسادس
    if (e2 && d2 > d.day && o2 == d.ordinal) {
      d.day2 = d2;
      d.end = e2;
    }
    return d;
  }

  std::optional<M> MonthExpr(std::size_t i) const {
    std::size_t j = i;
    std::string part;
    if (auto h = W(j, WK::kPart)) {
      part = h->value->value;
      j = h->end;
      if (Key(j, "شهر")) ++j;
    }
    int day = 0, day2 = 0;
    if (auto d = Day(j)) {
      // [day] [من] [شهر] month; an ordinal needs "من" (الخامس من مايو).
      std::size_t k = d->end;
      const bool min = Key(k, "من");
      if (min) ++k;
      if (Key(k, "شهر")) ++k;
      if ((min || !d->ordinal) && k < N() && MonthAt(k)) {
        day = d->day;
        day2 = d->day2;
        j = k;
      }
    }
    auto mh = MonthAt(j);
    if (!mh) return std::nullopt;
    if (j == i && i + 1 < N() && mh->stripped &&
        !(mh->stripped & (kCliticWa | kCliticFa | kCliticBi | kCliticLi | kCliticAl)))
      return std::nullopt;
    Month mo = *mh->value;
    j = mh->end;
    bool paired = false;
    // A slashed or bracketed pair: نوفمبر/تشرين الثاني، حزيران (يونيو).
    if (j + 1 < N() && (Key(j, "/") || Key(j, "("))) {
      bool bracket = Key(j, "(");
      if (auto m2 = MonthAt(j + 1); m2 && m2->value->month == mo.month) {
        j = m2->end;
        if (bracket && Key(j, ")")) ++j;
        paired = true;
      }
    }
    int rel = 2;  // none
    int year = 0;
    bool hijri_year = false;
    if (auto r = W(j, WK::kRel)) {
      rel = ToInt(r->value->value);
      j = r->end;
    } else {
      std::size_t k = j;
      if (Key(k, "من") || Key(k, "،") || Key(k, ",")) ++k;
      if (auto yw = W(k, WK::kYearWord)) k = yw->end;
      if (auto y = YearNum(k, mo.hijri ? 1 : 1000, mo.hijri ? 1600 : 2200)) {
        year = *y;
        k += 1;
        std::size_t e = 0;
        int era = Era(k, &e);
        if (era >= 0) k = e;
        hijri_year = era == 1 || mo.hijri;
        j = k;
      }
    }
    if (mo.ambiguous && !day && !year && rel == 2 && !paired && part.empty() && !TemporalBefore(i))
      return std::nullopt;
    M m;
    m.end = j;
    if (mo.hijri || hijri_year) {
      if (!year || !mo.hijri) return std::nullopt;
      auto g = HijriToGregorian(year, mo.month, day ? day : 1);
      if (!g) return std::nullopt;
      m.v = *g;
      if (!day) m.v.day = 0;
      return m;
    }
    if (year) {
      m.v = {year, mo.month, day};
    } else if (rel == 2 && ctx_year && sentence_of[i] <= ctx_sent + 1 &&
               (!pub || ctx_year != pub->year)) {
      m.v = {ctx_year, mo.month, day};
      m.relative = true;
      m.from_context = true;
    } else {
      if (!pub) return std::nullopt;
      int y = pub->year;
      // الماضي: the latest such month (or day) before P; المقبل: the next
      // one after P. Without a day, P's own month is neither.
      const int pm = pub->month, pd = pub->day;
      const bool same_month = pm && mo.month == pm;
      if (rel == -1 && pm && (mo.month > pm || (same_month && !(day && pd && day < pd)))) y -= 1;
      if (rel == 1 && pm && (mo.month < pm || (same_month && !(day && pd && day > pd)))) y += 1;
      m.v = {y, mo.month, day};
      m.relative = true;
    }
    if (!part.empty()) m.v.day = day2 = 0;
    if (m.v.day && !ValidDay(m.v.year, m.v.month, m.v.day)) m.v.day = day2 = 0;
    if (day2 && ValidDay(m.v.year, m.v.month, day2)) {
      m.range = true;
      m.from = m.v;
      m.to = {m.v.year, m.v.month, day2};
    }
    return m;
  }

  // A day of a month named by الشهر: "الثاني من الشهر" (the month of the
  // last date given, else P's), "العاشر من الشهر الماضي" (P's month
  // shifted), "الخامس من الشهر نفسه" (the last date's month).
  std::optional<M> DayOfMonthWord(std::size_t i) const {
    auto d = Day(i);
    if (!d || !Key(d->end, "من")) return std::nullopt;
    std::size_t j = d->end + 1;
    auto u = W(j, WK::kUnit);
    if (!u || u->value->value != "month" || !Definite(*u, T()[j])) return std::nullopt;
    j = u->end;
    DateValue base;
    if (auto r = W(j, WK::kRel)) {
      if (!pub || !pub->month) return std::nullopt;
      int k = pub->year * 12 + (pub->month - 1) + ToInt(r->value->value);
      base = {k / 12, k % 12 + 1, 0};
      j = r->end;
    } else if (auto s = W(j, WK::kSame)) {
      if (!last.month) return std::nullopt;
      base = {last.year, last.month, 0};
      j = s->end;
    } else if (last.month) {
      base = {last.year, last.month, 0};
    } else if (pub && pub->month) {
      base = {pub->year, pub->month, 0};
    } else {
      return std::nullopt;
    }
    if (!ValidDay(base.year, base.month, d->day)) return std::nullopt;
    M m;
    m.end = j;
    m.relative = true;
    m.v = {base.year, base.month, d->day};
    if (d->day2 && ValidDay(base.year, base.month, d->day2)) {
      m.range = true;
      m.from = m.v;
      m.to = {base.year, base.month, d->day2};
    }
    return m;
  }

  // اليوم التالي، الأسبوع التالي، الشهر السابق، العام التالي: the last date
  // the text gave, shifted by one unit. Not when an event anchors it
  // (اليوم التالي لوصوله).
  std::optional<M> Seq(std::size_t i) const {
    auto u = W(i, WK::kUnit);
    if (!u || !Definite(*u, T()[i])) return std::nullopt;
    const std::string& unit = u->value->value;
    auto s = W(u->end, WK::kSeq);
    if (!s || !last.valid()) return std::nullopt;
    if (s->end < N()) {
      const Token& n = T()[s->end];
      if ((n.kind == TokenKind::kArabic && (n.proclitics & kCliticLi)) || n.key == "علي"sv ||
          n.key == "من"sv)
        return std::nullopt;
    }
    const int n = ToInt(s->value->value);
    M m;
    m.end = s->end;
    m.relative = true;
    if (unit == "day" || unit == "week") {
      if (!last.day) return std::nullopt;
      m.v = CivilFromDays(DaysFromCivil(last.year, last.month, last.day) +
                          n * (unit == "week" ? 7 : 1));
    } else if (unit == "month") {
      if (!last.month) return std::nullopt;
      int k = last.year * 12 + (last.month - 1) + n;
      m.v = {k / 12, k % 12 + 1, 0};
    } else if (unit == "year") {
      m.v = {last.year + n, 0, 0};
    } else {
      return std::nullopt;
    }
    return m;
  }

  bool ApproxBefore(std::size_t i) const {
    for (std::size_t back = 1; back <= 3 && back <= i; ++back)
      if (auto a = x.numbers_->Approx(forms, i - back); a && a->first == i) return true;
    return false;
  }

  bool QuantityAfter(std::size_t i) const {
    if (i >= N()) return false;
    if (x.numbers_->WordAt(forms, i)) return true;
    return x.quantity_words_.Match(forms, i).has_value();
  }

  std::optional<M> YearExpr(std::size_t i) const {
    std::size_t j = i;
    std::string part;
    if (auto h = W(j, WK::kPart)) {
      part = h->value->value;
      j = h->end;
    }
    bool yw = false;
    if (auto h = W(j, WK::kYearWord)) {
      yw = true;
      j = h->end;
    }
    std::optional<int> y = YearNum(j, yw || !part.empty() ? 1000 : 1900, yw ? 2200 : 2100);
    if (!y) return std::nullopt;
    if (!yw && part.empty() && T()[j].key.size() != 4) return std::nullopt;
    // A span of years: 2022-2026، 2019/2020.
    std::optional<int> y2;
    if (j + 2 < N() && T()[j].key.size() == 4 &&
        (Key(j + 1, "-") || Key(j + 1, "–") || Key(j + 1, "/")))
      if ((y2 = YearNum(j + 2, *y + 1, *y + 100)) && T()[j + 2].key.size() == 4) j += 2;
    std::size_t e = 0;
    int era = Era(j + 1, &e);
    std::size_t end = era >= 0 ? e : j + 1;
    if (!yw && part.empty() && era < 0) {
      // A bare year: not a count or an amount.
      if (QuantityAfter(j + 1) || ApproxBefore(y2 ? j - 2 : j)) return std::nullopt;
      if (j + 1 < N() && (T()[j + 1].key == "%"sv)) return std::nullopt;
    }
    M m;
    m.end = end;
    if (y2 && era != 1) {
      m.v = {*y, 0, 0};
      m.range = true;
      m.from = m.v;
      m.to = {*y2, 0, 0};
      return m;
    }
    if (era == 1) {
      auto from = HijriToGregorian(*y, 1, 1), to = HijriToGregorian(*y + 1, 1, 1);
      if (!from || !to) return std::nullopt;
      long long last_day = DaysFromCivil(to->year, to->month, to->day) - 1;
      m.range = true;
      m.from = *from;
      m.to = CivilFromDays(last_day);
      m.v = {from->year, 0, 0};
      return m;
    }
    m.v = {*y, 0, 0};
    if (part == "start") m.v.month = 1;
    if (part == "end") m.v.month = 12;
    return m;
  }

  // [part] [هذا] العام/الشهر/الأسبوع [الماضي|المقبل|الجاري]
  std::optional<M> RelUnit(std::size_t i) const {
    std::size_t j = i;
    std::string part;
    if (auto h = W(j, WK::kPart)) {
      part = h->value->value;
      j = h->end;
    }
    bool self = false;
    if (auto h = W(j, WK::kThis)) {
      self = true;
      j = h->end;
    }
    auto u = W(j, WK::kUnit);
    if (!u || u->value->value.find_first_of("*+") != std::string::npos) return std::nullopt;
    if (!self && !Definite(*u, T()[j])) return std::nullopt;
    const std::string unit = u->value->value;
    j = u->end;
    int rel = 0;
    if (auto r = W(j, WK::kRel)) {
      rel = ToInt(r->value->value);
      j = r->end;
    } else if (!self && part.empty()) {
      return std::nullopt;
    }
    if (!pub) return std::nullopt;
    M m;
    m.end = j;
    m.relative = true;
    if (unit == "year") {
      m.v = {pub->year + rel, 0, 0};
      if (part == "start") m.v.month = 1;
      if (part == "end") m.v.month = 12;
    } else if (unit == "month") {
      if (!pub->month) return std::nullopt;
      int k = pub->year * 12 + (pub->month - 1) + rel;
      m.v = {k / 12, k % 12 + 1, 0};
    } else if (unit == "week") {
      if (!pub->day || !part.empty()) return std::nullopt;
      long long d = DaysFromCivil(pub->year, pub->month, pub->day) + 7 * rel;
      long long monday = d - (IsoWeekday(d) - 1);
      DateValue thu = CivilFromDays(monday + 3);
      m.v = {thu.year, thu.month, 0};
      m.range = true;
      m.from = CivilFromDays(monday);
      m.to = CivilFromDays(monday + 6);
    } else {
      return std::nullopt;
    }
    return m;
  }

  std::optional<M> Weekday(std::size_t i) const {
    std::size_t j = i;
    bool yawm = false;
    if (Key(j, "يوم") || Key(j, "ويوم")) {
      yawm = true;
      ++j;
    }
    auto h = W(j, WK::kWeekday);
    bool weak = false;
    if (!h) {
      h = W(j, WK::kWeakWeekday);
      weak = true;
    }
    if (!h) return std::nullopt;
    int wd = ToInt(h->value->value);
    j = h->end;
    // A full date after the weekday gives the value.
    std::size_t k = j;
    if (Key(k, "،") || Key(k, ",") || Key(k, "-")) ++k;
    if (auto md = MonthExpr(k); md && md->v.day) {
      md->end = std::max(md->end, k);
      return md;
    }
    if (auto dt = k < N() ? DateToken(k) : std::nullopt) return dt;
    int rel = 2;
    if (auto r = W(j, WK::kRel)) {
      rel = ToInt(r->value->value);
      j = r->end;
    }
    // الأحد ("the one") is the weekday when set off by commas (قال ...،
    // الأحد، إن).
    auto comma = [&](std::size_t k) { return Key(k, "،") || Key(k, ","); };
    if (weak && !yawm && rel == 2 && !(i > 0 && comma(i - 1) && (comma(j) || Key(j, "."))))
      return std::nullopt;
    if (!pub || !pub->day) return std::nullopt;
    long long p = DaysFromCivil(pub->year, pub->month, pub->day);
    int pw = IsoWeekday(p);
    int back = (pw - wd + 7) % 7, fwd = (wd - pw + 7) % 7;
    if (rel == 2) {
      bool future = false;
      for (std::size_t b = 1; b <= 4 && b <= i; ++b) {
        const Token& t = T()[i - b];
        if ((t.proclitics & kCliticSa) || t.key == "سوف"sv) future = true;
      }
      rel = future ? 1 : (fwd < back ? 1 : -1);
    }
    if (rel == 0) rel = fwd < back ? 1 : -1;
    M m;
    m.end = j;
    m.relative = true;
    m.v = CivilFromDays(rel > 0 ? p + fwd : p - back);
    return m;
  }

  // Value at the publication date's precision shifted by days.
  std::optional<DateValue> PubPlusDays(long long days) const {
    if (!pub) return std::nullopt;
    if (!pub->day) {
      if (days != 0 && !pub->month) return std::nullopt;
      return pub;  // month precision: a day or two off rarely changes the month
    }
    return CivilFromDays(DaysFromCivil(pub->year, pub->month, pub->day) + days);
  }

  std::optional<M> Deictic(std::size_t i) const {
    auto h = W(i, WK::kDeictic);
    if (!h) return std::nullopt;
    int off = ToInt(h->value->value);
    // اليوم الأول، اليوم الوطني: a day, not today.
    if (off == 0 && h->end < N() && T()[h->end].kind == TokenKind::kArabic &&
        StartsWith(T()[h->end].key, "ال") && T()[h->end].key != "الي"sv &&
        !W(h->end, WK::kWeekday) && !W(h->end, WK::kWeakWeekday))
      return std::nullopt;
    auto v = PubPlusDays(off);
    if (!v) return std::nullopt;
    M m;
    m.end = h->end;
    // أمس الخميس، اليوم الأربعاء: the weekday names the same day.
    if (auto wd = W(h->end, WK::kWeekday))
      m.end = wd->end;
    else if (auto wd2 = W(h->end, WK::kWeakWeekday))
      m.end = wd2->end;
    m.v = *v;
    m.relative = true;
    return m;
  }

  // اليوم/الشهر/العام ذاته: the last date the text gave.
  std::optional<M> Same(std::size_t i) const {
    std::size_t j = i;
    std::string unit;
    if (auto u = W(j, WK::kUnit); u && Definite(*u, T()[j])) {
      unit = u->value->value;
      j = u->end;
    } else if (auto d = W(j, WK::kDeictic); d && d->value->value == "0") {
      unit = "day";
      j = d->end;
    } else {
      return std::nullopt;
    }
    auto s = W(j, WK::kSame);
    if (!s || !last.valid()) return std::nullopt;
    M m;
    m.end = s->end;
    m.relative = true;
    m.v = last;
    if (unit == "day") {
      if (!last.day) return std::nullopt;
    } else if (unit == "month") {
      if (!last.month) return std::nullopt;
      m.v.day = 0;
    } else if (unit == "year") {
      m.v.month = m.v.day = 0;
    } else {
      return std::nullopt;
    }
    return m;
  }

  // بعد/قبل/منذ + duration.
  std::optional<M> Offset(std::size_t i) const {
    int sign = 0;
    bool since = false;
    std::size_t j = i;
    if (auto h = W(i, WK::kAfter)) {
      sign = 1;
      j = h->end;
    } else if (auto h2 = W(i, WK::kBefore)) {
      sign = -1;
      j = h2->end;
    } else if (auto h3 = W(i, WK::kSince)) {
      sign = -1;
      since = true;
      j = h3->end;
    } else {
      return std::nullopt;
    }
    double count = 1;
    bool vague = false;
    bool have_number = false;
    if (auto n = x.numbers_->Read(forms, j); n && !n->percent && !n->fraction_only) {
      count = n->value;
      vague = n->vague;
      have_number = true;
      j = n->end;
    }
    auto u = W(j, WK::kUnit);
    if (!u) return std::nullopt;
    // منذ اليوم الأول، بعد العام: a definite unit is no duration.
    if (!have_number && Definite(*u, T()[j])) return std::nullopt;
    std::string unit = u->value->value;
    // عاما بعد عام، يوما بعد يوم: "year after year", not a date.
    if (i > 0) {
      if (auto p = W(i - 1, WK::kUnit);
          p && p->end == i && p->value->value.substr(0, 3) == unit.substr(0, 3))
        return std::nullopt;
    }
    if (unit.back() == '+') {
      unit.pop_back();
      if (!have_number) vague = true;
    } else if (auto star = unit.find('*'); star != std::string::npos) {
      if (have_number) return std::nullopt;
      count = ToInt(unit.substr(star + 1), 2);
      unit.resize(star);
    }
    if (count <= 0 || count > 1000) return std::nullopt;
    // بعد أسبوع من زيارته: counted from an event, not from a date.
    if (Key(u->end, "من") && !(u->end + 1 < N() && (DateToken(u->end + 1) ||
                                                    MonthExpr(u->end + 1) || YearExpr(u->end + 1))))
      return std::nullopt;
    if (vague) count = unit == "day" ? 3 : 2;
    // Anchor: the publication date, or for "بعد" the last date of the
    // previous two sentences.
    std::optional<DateValue> anchor = pub;
    if (sign > 0 && last.valid() && sentence_of[i] <= sentence_of[last_tok] + 2) anchor = last;
    if (!anchor) return std::nullopt;
    M m;
    m.end = u->end;
    m.relative = true;
    const int n = static_cast<int>(count);
    if (unit == "year") {
      if (vague) return std::nullopt;
      m.v = {anchor->year + sign * n, 0, 0};
    } else if (unit == "month") {
      if (!anchor->month) return std::nullopt;
      int k = anchor->year * 12 + anchor->month - 1 + sign * n;
      m.v = {k / 12, k % 12 + 1, 0};
      if (vague) m.v.month = 0;
    } else if (unit == "day" || unit == "week") {
      if (!anchor->month) return std::nullopt;
      long long d = DaysFromCivil(anchor->year, anchor->month, anchor->day ? anchor->day : 15) +
                    sign * n * (unit == "week" ? 7 : 1);
      m.v = CivilFromDays(d);
      if (!anchor->day || vague) m.v.day = 0;
    } else {
      return std::nullopt;
    }
    if (since && pub) {
      m.range = true;
      m.from = m.v;
      m.to = *pub;
    }
    return m;
  }

  std::optional<M> Decade(std::size_t i) const {
    std::size_t j = i;
    std::string part;
    if (auto h = W(j, WK::kPart)) {
      part = h->value->value;
      j = h->end;
    }
    auto d = W(j, WK::kDecade);
    if (!d) return std::nullopt;
    j = d->end;
    int dd = ToInt(d->value->value);
    int century = pub ? pub->year / 100 * 100 : 1900;
    if (pub && century + dd > pub->year) century -= 100;
    // من القرن الماضي/العشرين
    if (Key(j, "من") && j + 1 < N() && (T()[j + 1].key == "القرن"sv)) {
      j += 2;
      if (j < N() && T()[j].kind == TokenKind::kArabic && StartsWith(T()[j].key, "ال")) ++j;
    }
    int start = century + dd;
    int a = start, b = start + 9;
    if (part == "early" || part == "start") b = start + 3;
    if (part == "mid") a = start + 4, b = start + 6;
    if (part == "late" || part == "end") a = start + 7;
    M m;
    m.end = j;
    m.relative = !pub ? false : true;
    m.range = true;
    m.from = {a, 0, 0};
    m.to = {b, 0, 0};
    m.v = part == "mid" ? DateValue{start + 5, 0, 0} : DateValue{a, 0, 0};
    return m;
  }

  bool MayStartPoint(std::size_t i) const {
    const Token& t = T()[i];
    if (t.kind == TokenKind::kDate || t.kind == TokenKind::kNumber) return true;
    if (Kinds(i) & (kWordKinds | kStartsMonth)) return true;
    return BytesEqual(t.key, "يوم") || BytesEqual(t.key, "يومي") || BytesEqual(t.key, "ويوم") ||
           BytesEqual(t.key, "ويومي");
  }

  std::optional<M> Point(std::size_t i) const {
    if (i >= N()) return std::nullopt;  // e.g. a part of the day ending the text
    // Every parser below needs at i a date or number token, the first word
    // of a date word or month name, or يوم before a day. Most tokens asked
    // (the one after every من, for Range) are none of these.
    if (!MayStartPoint(i)) return std::nullopt;
    // مساء الخامس من يناير، صباح اليوم، فجر الخميس: a part of the day
    // before a point belongs to it.
    if (auto h = W(i, WK::kDaytime)) {
      if (auto p = Point(h->end); p && !p->range) return p;
    }
    std::optional<M> best;
    auto consider = [&](std::optional<M> m) {
      if (m && m->v.valid() && (!best || m->end > best->end)) best = m;
    };
    consider(DateToken(i));
    consider(MonthExpr(i));
    consider(YearExpr(i));
    consider(RelUnit(i));
    consider(Weekday(i));
    consider(Deictic(i));
    consider(Same(i));
    consider(Offset(i));
    consider(Decade(i));
    consider(DayOfMonthWord(i));
    consider(Seq(i));
    return best;
  }

  // --- ranges ------------------------------------------------------------

  std::optional<M> Range(std::size_t i) const {
    if (auto h = W(i, WK::kSince)) {
      if (auto off = Offset(i)) return off;
      std::size_t j = h->end;
      if (Key(j, "عام") || Key(j, "العام")) {
      }
      if (auto p = Point(j); p && !p->range) {
        M m = *p;
        m.range = true;
        m.from = p->v;
        if (pub) m.to = *pub;
        return m;
      }
      return std::nullopt;
    }
    if (auto h = W(i, WK::kBetween)) {
      auto p1 = Point(h->end);
      if (!p1) return std::nullopt;
      std::size_t j = p1->end;
      if (!Key(j, "و")) return std::nullopt;
      auto p2 = Point(j + 1);
      if (!p2) return std::nullopt;
      M m = *p1;
      m.end = p2->end;
      m.range = true;
      m.from = p1->v;
      m.to = p2->v;
      m.relative = p1->relative || p2->relative;
      return m;
    }
    if (Key(i, "من") || Key(i, "ومن")) {
      auto p1 = Point(i + 1);
      if (!p1) return std::nullopt;
      std::size_t j = p1->end;
      if (!(Key(j, "الي") || Key(j, "حتي") || Key(j, "-"))) return std::nullopt;
      auto p2 = Point(j + 1);
      if (!p2) return std::nullopt;
      M m = *p1;
      m.end = p2->end;
      m.range = true;
      m.from = p1->v;
      m.to = p2->v;
      m.relative = p1->relative || p2->relative;
      return m;
    }
    if (auto h = W(i, WK::kDuring)) {
      // خلال العامين الأخيرين، خلال السنوات الخمس الماضية
      std::size_t j = h->end;
      auto u = W(j, WK::kUnit);
      if (!u || !Definite(*u, T()[j])) return std::nullopt;
      std::string unit = u->value->value;
      int count = 0;
      j = u->end;
      if (auto star = unit.find('*'); star != std::string::npos) {
        count = ToInt(unit.substr(star + 1), 2);
        unit.resize(star);
      } else if (unit.back() == '+') {
        unit.pop_back();
        std::size_t e = 0;
        const auto* w = x.numbers_->WordAt(forms, j, &e);
        if (!w || w->kind != NumberReader::WordKind::kUnit) return std::nullopt;
        count = static_cast<int>(w->value);
        j = e;
      } else {
        return std::nullopt;
      }
      auto r = W(j, WK::kRecent);
      if (!r) {
        r = W(j, WK::kRel);
        if (!r || r->value->value != "-1") return std::nullopt;
      }
      if (!pub || count <= 0 || count > 200) return std::nullopt;
      M m;
      m.end = r->end;
      m.relative = true;
      m.range = true;
      if (unit == "year") {
        m.from = {pub->year - count, 0, 0};
        m.to = {pub->year, 0, 0};
      } else if (unit == "month" && pub->month) {
        int k = pub->year * 12 + pub->month - 1 - count;
        m.from = {k / 12, k % 12 + 1, 0};
        m.to = {pub->year, pub->month, 0};
      } else {
        return std::nullopt;
      }
      m.v = m.from;
      return m;
    }
    return std::nullopt;
  }

  bool CanStart(std::size_t i) const {
    const std::string_view key = T()[i].key;
    return BytesEqual(key, "من") || BytesEqual(key, "ومن") || BytesEqual(key, "يوم") ||
           BytesEqual(key, "ويوم") || BytesEqual(key, "يومي") || BytesEqual(key, "ويومي") ||
           MayStartWordOrMonth(i);
  }
  // A date word or a month name starts at token i (< N()), the kind bits
  // read once.
  bool MayStartWordOrMonth(std::size_t i) const {
    const std::uint32_t k = Kinds(i);
    if (k & kWordKinds) {
      const auto [b, e] = WordHits(i);
      if (b != e) return true;
    }
    return (k & kStartsMonth) && x.months_.Match(forms, i).has_value();
  }

  void Emit(std::size_t b, const M& m) {
    Span s;
    s.start = T()[b].start;
    s.end = T()[m.end - 1].end;
    s.label = "DATE";
    s.attrs = {{"value", m.v.ToString()},
               {"anchor", m.relative ? "relative" : "absolute"},
               {"kind", m.range ? "range" : "point"}};
    if (m.range) {
      if (m.from.valid()) s.attrs.emplace_back("from", m.from.ToString());
      if (m.to.valid()) s.attrs.emplace_back("to", m.to.ToString());
    }
    out.push_back(std::move(s));
  }

  void Run() {
    AllKinds();
    for (std::size_t i = 0; i < N();) {
      const TokenKind k = T()[i].kind;
      if (k != TokenKind::kArabic && k != TokenKind::kNumber && k != TokenKind::kDate) {
        ++i;
        continue;
      }
      // Only a date word, a month name, a number word or a few
      // prepositions can start a date: skip other words without trying
      // every parser.
      if (k == TokenKind::kArabic && !CanStart(i)) {
        ++i;
        continue;
      }
      if (auto h = W(i, WK::kNotDate)) {
        i = h->end;
        continue;
      }
      std::optional<M> m = Range(i);
      if (!m) m = Point(i);
      if (!m || m->end <= i) {
        ++i;
        continue;
      }
      Emit(i, *m);
      // The anchor of later relative dates (اليوم التالي، بعد يومين): a
      // date earlier than the anchor in the anchor's sentence is a
      // flashback (بعدما بدأت في الثاني من الشهر) and does not move it.
      const auto key = [](const DateValue& v) { return std::tuple(v.year, v.month, v.day); };
      if (!last.valid() || sentence_of[m->end - 1] != sentence_of[last_tok] ||
          key(m->v) >= key(last)) {
        last = m->v;
        last_tok = m->end - 1;
      }
      if (!m->range) {
        ctx_year = m->v.year;
        ctx_sent = sentence_of[m->end - 1];
      }
      i = m->end;
    }
  }
};

std::optional<DateValue> DateExtractor::Dateline(const Document& doc) const {
  const DocForms forms(doc);
  return Dateline(forms);
}

std::optional<DateValue> DateExtractor::Dateline(const DocForms& forms) const {
  const Document& doc = forms.doc();
  const std::size_t limit = std::min<std::size_t>(doc.tokens.size(), 60);
  Impl im(*this, const_cast<Document&>(doc), forms);
  im.pub.reset();
  for (const Sentence& s : doc.sentences) {
    if (s.token_begin >= limit) break;
    if (s.token_end - s.token_begin > 12) continue;
    for (std::size_t i = s.token_begin; i < s.token_end && i < limit; ++i) {
      std::optional<Impl::M> m = im.DateToken(i);
      if (!m) m = im.MonthExpr(i);
      if (m && m->v.day && !m->relative) return m->v;
    }
  }
  return std::nullopt;
}

void DateExtractor::Run(Document& doc) const {
  const DocForms forms(doc);
  Run(doc, forms);
}

void DateExtractor::Run(Document& doc, const DocForms& forms) const {
  if (options_.dateline && (!doc.published || doc.published->empty())) {
    if (auto d = Dateline(forms)) {
      doc.published = d->ToString();
      doc.published_source = "dateline";
    }
  }
  Impl im(*this, doc, forms);
  im.Run();
  for (auto& s : im.out) doc.spans.push_back(std::move(s));
}

}  // namespace nufuz::extract
