// extract/quantities.h: numbers with a unit (money, percent, shares,
// measures, counts of people, troops, states...).
//
// Contract
// - Reads: Document::text and tokens (text::Tokenize must have run). Adds
//   QUANTITY spans, one per quantity, in text order:
//     attrs value  the number in `unit`, multipliers applied, printed in
//                  plain decimal with full precision ("12000000000", "66.2",
//                  "0.333333333333")
//           unit   ISO 4217 for money, "%" for percent, "share" for a bare
//                  fraction (ثلث الناتج = 0.333 share), SI-style symbols for
//                  measures (t, km, m3, MW; miles stay "mi", barrels "bbl"),
//                  an English plural noun for counts (troops, people, states)
//           kind   money, percent, share, distance, area, mass, volume,
//                  power, energy, count
//           approx optional: "more" (أكثر من), "less" (أقل من), "about"
//                  (نحو، حوالي), "at-least" (عشرات، آلاف without a count)
//   Offsets are code points into text; the span covers the qualifier, the
//   number and the unit.
// - What is a quantity: a number (digits with , . ٫ ٬ separators, or number
//   words: ثلاثة، عشرون، مئتان، ألفي، عشرات...) with scale words applied
//   (12 مليار = 12e9, 3.5 ملايين = 3.5e6), followed by a unit from
//   data/lexicon/units.tsv or currencies.tsv (clitics and an accusative -ا
//   are stripped: طنا، ميلا، بالمئة). Also:
//   * "N في المئة", "N%" -> percent;
//   * a dual of a counted noun alone (قمتين = 2 summits); a definite dual
//     only with a dual adjective (الدولتين الانفصاليتين = 2 states): alone
//     (في البلدين) it names a pair already introduced;
//   * a counted noun, also with a possessive suffix (دولها), followed within
//     three words by a definite cardinal (الدول الخمس = 5 states; دوله الـ27
//     = 27 states; not a group's name: مجموعة العشرين);
//   * a definite fraction after إلى/بمقدار/حتى not qualifying a noun
//     (تقلص إلى النصف = 0.5 share);
//   * a fraction word before a noun (ثلث الناتج, نصف سكانها) or after a
//     comparative (أكثر من الربع) -> unit "share";
//   * a large amount with a scale word but no unit (64 مليارا) inherits the
//     currency of a money amount at most 40 tokens before it (elliptical
//     amounts); "من 10 إلى 15 في المئة" gives both ends the unit.
//   Bare numbers (years, ordinals, "الفصل الثاني") are never quantities.
// - A currency name shared by several states (سوم: UZS|KGS) takes the code
//   whose country cue occurs nearest before it, else the first listed code.
// - Durations (ساعات، أيام، سنوات) are not reported (see dates.h).
// - Linear in tokens: every lexicon is a hash map keyed by normalised word
//   forms. Load once; the extractor is then immutable and thread-safe.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/data.h"
#include "core/document.h"
#include "core/status.h"
#include "extract/forms.h"
#include "extract/string_map.h"
#include "text/text.h"

namespace nufuz::extract {

// ---------------------------------------------------------------------------
// Lexical helpers shared with the date extractor.

// A table of one- or multi-word phrases (normalised keys) to values. The
// first word is matched under any form of its token (see WordFormsOf); later
// words must equal the next tokens' key or stem. Build with Add, then
// Freeze; read-only afterwards. Frozen, the first words live in an
// open-addressing table probed with the forms' precomputed hashes
// (DocForms), so a lookup hashes nothing; a bit filter of a few bits per
// first word answers most absent words without touching the table.
template <typename V>
class PhraseTable {
 public:
  struct Hit {
    const V* value = nullptr;
    std::size_t end = 0;        // token index after the phrase
    std::uint8_t stripped = 0;  // clitics stripped from the first token
  };

  PhraseTable() = default;
  // Copies rebuild the probe table (it points into first_); moves keep the
  // map's nodes and so its addresses.
  PhraseTable(const PhraseTable& o) : first_(o.first_) {
    if (!o.slots_.empty()) Freeze();
  }
  PhraseTable& operator=(const PhraseTable& o) {
    if (this != &o) {
      first_ = o.first_;
      slots_.clear();
      mask_ = 0;
      filter_.clear();
      filter_mask_ = 0;
      if (!o.slots_.empty()) Freeze();
    }
    return *this;
  }
  PhraseTable(PhraseTable&&) noexcept = default;
  PhraseTable& operator=(PhraseTable&&) noexcept = default;

  void Add(std::string_view phrase, V value) {
    std::vector<std::string> words;
    std::size_t pos = 0;
    while (pos < phrase.size()) {
      std::size_t end = phrase.find(' ', pos);
      if (end == std::string_view::npos) end = phrase.size();
      std::string k = text::Key(phrase.substr(pos, end - pos));
      if (!k.empty()) words.push_back(std::move(k));
      pos = end + 1;
    }
    if (words.empty()) return;
    Entry e;
    e.rest.assign(words.begin() + 1, words.end());
    e.value = std::move(value);
    first_[words[0]].push_back(std::move(e));
  }
  // Orders each first word's phrases longest first and builds the probe
  // table.
  void Freeze() {
    for (auto& kv : first_)
      std::stable_sort(kv.second.begin(), kv.second.end(), [](const Entry& a, const Entry& b) {
        return a.rest.size() > b.rest.size();
      });
    std::size_t cap = 16;
    while (cap < first_.size() * 2) cap *= 2;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    filter_.assign(cap / 16, 0);  // 4 bits per slot
    filter_mask_ = cap * 4 - 1;
    for (const auto& kv : first_) {
      const std::uint64_t h = StringMapHash(kv.first);
      std::size_t k = h & mask_;
      while (slots_[k].entries) k = (k + 1) & mask_;
      slots_[k] = Slot{h, &kv.first, &kv.second};
      const std::size_t b = FilterBit(h);
      filter_[b >> 6] |= 1ull << (b & 63);
    }
  }
  bool empty() const { return first_.empty(); }
  // Whether a phrase starts with one of these forms (its first word only):
  // a cheap necessary condition for Match.
  bool MayStart(FormList words) const {
    for (const WordForm& f : words)
      if (Find(f)) return true;
    return false;
  }

  // Calls f(hit) for every phrase starting at token i, in Match's order
  // (forms most literal first, then longest phrase first), until f returns
  // true.
  template <typename F>
  void ForEachMatch(const DocForms& forms, std::size_t i, F f) const {
    const Document& doc = forms.doc();
    if (i >= doc.tokens.size()) return;
    for (const WordForm& w : forms.words(i)) {
      const std::vector<Entry>* entries = Find(w);
      if (!entries) continue;
      for (const Entry& e : *entries) {
        if (i + 1 + e.rest.size() > doc.tokens.size()) continue;
        bool ok = true;
        for (std::size_t k = 0; k < e.rest.size() && ok; ++k) {
          const Token& t = doc.tokens[i + 1 + k];
          ok = e.rest[k] == t.key || e.rest[k] == t.stem;
        }
        if (ok && f(Hit{&e.value, i + 1 + e.rest.size(), w.stripped})) return;
      }
    }
  }
  // The longest phrase starting at token i whose value satisfies pred.
  template <typename Pred>
  std::optional<Hit> Match(const DocForms& forms, std::size_t i, Pred pred) const {
    std::optional<Hit> found;
    ForEachMatch(forms, i, [&](const Hit& h) {
      if (!pred(*h.value)) return false;
      found = h;
      return true;
    });
    return found;
  }
  std::optional<Hit> Match(const DocForms& forms, std::size_t i) const {
    return Match(forms, i, [](const V&) { return true; });
  }

 private:
  struct Entry {
    std::vector<std::string> rest;
    V value;
  };
  struct Slot {
    std::uint64_t hash = 0;
    const std::string* key = nullptr;
    const std::vector<Entry>* entries = nullptr;
  };
  const std::vector<Entry>* Find(const WordForm& f) const {
    if (slots_.empty()) {  // not frozen
      auto it = first_.find(std::string(f.text));
      return it == first_.end() ? nullptr : &it->second;
    }
    // Most words start no phrase: one bit of a small filter (it stays in
    // cache, unlike the slots) answers them.
    const std::size_t b = FilterBit(f.hash);
    if (!((filter_[b >> 6] >> (b & 63)) & 1)) return nullptr;
    for (std::size_t k = f.hash & mask_;; k = (k + 1) & mask_) {
      const Slot& s = slots_[k];
      if (!s.entries) return nullptr;
      if (s.hash == f.hash && *s.key == f.text) return s.entries;
    }
  }
  std::size_t FilterBit(std::uint64_t h) const {
    return static_cast<std::size_t>((h * 0x9E3779B97F4A7C15ull) >> 32) & filter_mask_;
  }
  std::unordered_map<std::string, std::vector<Entry>> first_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::vector<std::uint64_t> filter_;
  std::size_t filter_mask_ = 0;
};

// ---------------------------------------------------------------------------
// Numbers

// Number words of data/lexicon/numbers.tsv and digit numerals.
class NumberReader {
 public:
  enum class WordKind : std::uint8_t {
    kUnit,
    kHundred,
    kScale,
    kScalePlural,
    kDual,
    kFraction,
    kVague,
    kApprox
  };
  struct Word {
    WordKind kind = WordKind::kUnit;
    double value = 0;
    std::string approx;  // kApprox: more|less|about
  };
  struct Number {
    double value = 0;
    std::size_t begin = 0, end = 0;  // token indices [begin, end)
    bool digits = false;             // written in digits
    bool percent = false;            // the digits carried a % sign
    bool fraction_only = false;      // only a fraction word (ثلث)
    bool vague = false;              // a lower bound (عشرات، آلاف)
    bool scaled = false;             // a scale word applied (مليون...)
    double scale = 1;                // the product of the scale words
    bool definite = false;           // the first word carried ال
    bool integer_digits = false;     // digits without separators or %
  };

  static Result<std::shared_ptr<const NumberReader>> Load(const std::filesystem::path& data_dir);
  static Result<std::shared_ptr<const NumberReader>> FromTable(const TsvTable& table);

  // The number starting at token i, or nullopt.
  std::optional<Number> Read(const DocForms& forms, std::size_t i) const;
  // A qualifier (أكثر من، نحو) starting at token i: its end token and label
  // (a view into this reader).
  std::optional<std::pair<std::size_t, std::string_view>> Approx(const DocForms& forms,
                                                                 std::size_t i) const;
  // Whether a number word (or qualifier) may start at a token with these forms.
  bool MayStart(FormList words) const { return words_.MayStart(words); }
  // The word at token i (first form that is a number word), or nullptr.
  const Word* WordAt(const DocForms& forms, std::size_t i, std::size_t* end = nullptr,
                     std::uint8_t* stripped = nullptr) const;

 private:
  static std::optional<Number> Finish(Number n, double value, std::size_t end, bool any,
                                      bool only_fraction);
  PhraseTable<Word> words_;
};

// Parses a digit numeral key ("1,200", "66,2", "12.5", "24%"); nullopt when
// it is not one.
std::optional<double> ParseDigits(std::string_view key, bool* percent = nullptr,
                                  bool* integer = nullptr);

// Prints a value in plain decimal with the shortest exact representation.
std::string FormatNumber(double v);

// ---------------------------------------------------------------------------
// Quantities

class QuantityExtractor {
 public:
  struct Options {
    // Elliptical money: tokens back to look for the currency (0 = off).
    std::size_t inherit_window = 40;
    // Tokens back to look for a country cue of a shared currency name.
    std::size_t cue_window = 400;
  };

  // Loads data/lexicon/{numbers,units,currencies}.tsv; a kDataError names
  // the file and line of a bad row.
  static Result<std::shared_ptr<const QuantityExtractor>> Load(
      const std::filesystem::path& data_dir, Options options);
  static Result<std::shared_ptr<const QuantityExtractor>> Load(
      const std::filesystem::path& data_dir) {
    return Load(data_dir, Options());
  }

  void Run(Document& doc) const;
  // With the document's forms computed once for all extractors (forms.h).
  void Run(Document& doc, const DocForms& forms) const;

  struct Unit {
    std::string unit;  // or codes "UZS|KGS"
    std::string kind;
    std::vector<std::vector<std::string>> cues;  // per code, for shared names
  };
  struct Impl;

 private:
  Options options_;
  std::shared_ptr<const NumberReader> numbers_;
  PhraseTable<Unit> units_;
  StringMap<Unit> singular_;  // one-word rows, for duals and counted nouns
};

}  // namespace nufuz::extract
