#include "repair/repair.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <iterator>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/data.h"
#include "core/utf8.h"
#include "core/words.h"
#include "repair/damage.h"

namespace nufuz::repair {
namespace {

enum class Kind : std::uint8_t { kWord, kFunc, kPrep, kBeforeVerb, kJunk };

struct Entry {
  float weight = 0;
  Kind kind = Kind::kWord;
  bool curated = false;
  bool name = false;    // from the gazetteer (a proper name or its nisba)
  bool person = false;  // a word of a person's name in the gazetteer (id person:...)
  bool given = false;   // a given name (data/lexicon/name_translit.tsv, kind given)
  bool title = false;   // a title that introduces a person (data/lexicon/titles.tsv)
  // log2(1 + count) in repair_word_freq.tsv, in tenths (breaks near-ties;
  // a byte keeps the entry, one per listed word, at 12 bytes).
  std::uint8_t freq10 = 0;
  float Freq() const { return freq10 * 0.1f; }
};

// Weight of a word known only from the generated system list / gazetteer.
constexpr float kSystemWeight = 2.0f;
// A listed whole form with a restored final ي/ى against the word as it
// stands known only through its stem: enough to break a tie.
constexpr float kWholeOverStem = 0.3f;
// A curated weight from which a word counts as frequent.
constexpr float kStrongWord = 5.0f;
constexpr float kGazetteerWeight = 3.0f;
// A word listed whole over a candidate known only through و/ف.
constexpr float kWholeOverConj = 0.5f;
// A listed weight from which a noun counts as frequent for the adjective
// rules (رئيس, عالم).
constexpr float kFrequentNoun = 4.0f;
// Breaks a tie between a restored final letter and a restored kaf.
constexpr float kFinalOverKaf = 0.01f;
// Corpus evidence (LoadOptions::corpus): a word seen n >= 2 times weighs
// kSystemWeight + min(kCorpusMax, kCorpusScale * log2 n): 2.6 for 2, 4 for
// 10, 5 at most (from about 30): a frequent word ranks with curated ones.
constexpr float kCorpusScale = 0.6f;
constexpr float kCorpusMax = 3.0f;
// Word frequencies (data/lexicon/repair_word_freq.tsv) move a candidate by
// kFreqScale per doubling of its count over the word as it stands, at most
// kFreqCap either way: enough to break a near-tie between readings the
// lists hold alike, never enough to overturn a context rule (2.5 and up).
constexpr float kFreqScale = 0.2f;
constexpr float kFreqCap = 1.0f;
// A nisba no list holds whose other forms a list holds (ListedNisbaForm).
constexpr float kListedNisbaForm = 1.5f;
// A candidate must beat the text as it stands by this much.
constexpr float kMargin = 0.25f;
// Evidence bonuses.
constexpr float kDocEvidence = 3.0f;
constexpr float kDocPrefixEvidence = 2.5f;
constexpr float kDefiniteAgreement = 3.0f;
constexpr float kPrepWithoutObject = 4.0f;
// A restored final yeh that makes a nisba adjective whose other forms
// (-ية -يا -يين -يون -يات) occur in the same document (عسكرية -> عسكري).
constexpr float kNisbaDoc = 1.0f;
// Coordination with a nisba adjective: "اقتصادي وثقاف" -> وثقافي.
constexpr float kCoordination = 3.0f;
// An indefinite adjective after an indefinite noun, before a preposition,
// conjunction or punctuation: "بشكل تدريج في" -> تدريجي.
constexpr float kIndefiniteAgreement = 2.5f;
// Consecutive words of a multi-word gazetteer name: "ش جين بينغ" -> شي.
constexpr float kNameBigram = 5.0f;
// A restored ى on a form with ال or a preposition's ب/ل that is known only
// as a bare stem (السعى: a past verb takes neither), when the ي form is a
// known word (السعي).
constexpr float kVerbShapeAsNoun = 1.0f;
// A past verb's shape in ى right after a preposition (مع سعى): the object
// is the masdar in ي (مع سعي).
constexpr float kVerbAfterPreposition = 1.5f;
// In those two noun contexts the ي form takes over the ى form's evidence:
// the context decides between ى and ي, not whether a letter was lost
// (بتلقى beats بتلق as it stands, so بتلقي does).

// Writes the code points of s to out (room for s.size(): one code point per
// byte at most) and returns the end. ASCII and valid two-byte sequences
// (all of Arabic) are decoded here, anything else by utf8::Next: the same
// code points, without push_back's per-character bookkeeping, which was a
// visible share of repair on clean text.
char32_t* DecodeInto(std::string_view s, char32_t* out) {
  const auto* const begin = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const end = begin + s.size();
  for (const unsigned char* p = begin; p < end;) {
    const unsigned c = *p;
    if (c < 0x80) {
      *out++ = c;
      ++p;
    } else if (c >= 0xC2 && c <= 0xDF && p + 1 < end && (p[1] & 0xC0) == 0x80) {
      *out++ = ((c & 0x1F) << 6) | (p[1] & 0x3F);
      p += 2;
    } else {
      std::size_t i = static_cast<std::size_t>(p - begin);
      *out++ = utf8::Next(s, i);
      p = begin + i;
    }
  }
  return out;
}

std::u32string Decode(std::string_view s) {
  std::u32string u;
  u.resize(s.size());
  u.resize(static_cast<std::size_t>(DecodeInto(s, u.data()) - u.data()));
  return u;
}

// Would the damage rule remove something from this (clean) word?
bool HasDamageable(std::u32string_view t) {
  const std::size_t n = t.size();
  for (std::size_t i = 0; i < n; ++i) {
    const char32_t c = t[i];
    if (c != U'ك' && c != U'ي' && c != U'ى') continue;
    std::size_t j = i;
    while (j > 0 && IsTransparent(t[j - 1])) --j;
    const bool before = j > 0 && IsDualJoining(t[j - 1]);
    if (!before) continue;
    std::size_t k = i + 1;
    while (k < n && IsTransparent(t[k])) ++k;
    const bool after = k < n && (IsDualJoining(t[k]) || IsRightJoining(t[k]));
    if (c == U'ك' ? after : !after) return true;
  }
  return false;
}

std::string Encode(std::u32string_view u) {
  std::string s;
  s.reserve(u.size() * 2);
  for (char32_t c : u) utf8::Append(s, c);
  return s;
}

// std::equal: no range check and no three-way compare (these are called
// for every candidate; measurably cheaper than substr() ==).
bool StartsWith(std::u32string_view s, std::u32string_view p) {
  return s.size() >= p.size() && std::equal(p.begin(), p.end(), s.begin());
}

// Hash of a word: FNV-1a over code points with a final mix.
inline std::uint64_t HashWord(std::u32string_view w) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (char32_t c : w) h = (h ^ static_cast<std::uint64_t>(c)) * 0x100000001b3ull;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

struct WordHash {
  std::size_t operator()(std::u32string_view w) const { return HashWord(w); }
};

// A set of word views (open addressing over 8-byte slots: hash tag + index).
class WordSet {
 public:
  void reserve(std::size_t n) {
    if (n * 2 > slots_.size()) Rehash(n * 2);
    keys_.reserve(n);
  }
  std::size_t size() const { return keys_.size(); }
  bool empty() const { return keys_.empty(); }

  // Inserts w (the caller keeps its storage alive); false if present.
  bool insert(std::u32string_view w) { return Intern(w).second; }
  bool emplace(std::u32string_view w) { return insert(w); }

  // Inserts w unless present; returns its index (insertion order) and
  // whether it is new, so callers can keep per-word data in a flat array.
  std::pair<std::uint32_t, bool> Intern(std::u32string_view w) {
    if ((keys_.size() + 1) * 2 > slots_.size())
      Rehash(std::max<std::size_t>(16, slots_.size() * 2));
    const std::uint64_t h = HashWord(w);
    const std::uint64_t tag = h & kTagMask;
    std::size_t i = h & mask_;
    for (;; i = (i + 1) & mask_) {
      const std::uint64_t s = slots_[i];
      if (s == 0) break;
      if ((s & kTagMask) == tag && keys_[(s & ~kTagMask) - 1] == w)
        return {static_cast<std::uint32_t>((s & ~kTagMask) - 1), false};
    }
    keys_.push_back(w);
    slots_[i] = tag | keys_.size();
    return {static_cast<std::uint32_t>(keys_.size() - 1), true};
  }
  std::u32string_view key(std::uint32_t k) const { return keys_[k]; }

  std::size_t count(std::u32string_view w) const { return count(w, HashWord(w)); }
  // h: HashWord(w), computed by the caller.
  std::size_t count(std::u32string_view w, std::uint64_t h) const {
    if (keys_.empty()) return 0;
    const std::uint64_t tag = h & kTagMask;
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const std::uint64_t s = slots_[i];
      if (s == 0) return 0;
      if ((s & kTagMask) == tag && keys_[(s & ~kTagMask) - 1] == w) return 1;
    }
  }

 private:
  static constexpr std::uint64_t kTagMask = 0xffffffff00000000ull;
  void Rehash(std::size_t want) {
    std::size_t cap = 16;
    while (cap < want) cap <<= 1;
    slots_.assign(cap, 0);
    mask_ = cap - 1;
    for (std::size_t k = 0; k < keys_.size(); ++k) {
      const std::uint64_t h = HashWord(keys_[k]);
      for (std::size_t i = h & mask_;; i = (i + 1) & mask_)
        if (slots_[i] == 0) {
          slots_[i] = (h & kTagMask) | (k + 1);
          break;
        }
    }
  }
  std::vector<std::uint64_t> slots_;
  std::vector<std::u32string_view> keys_;
  std::size_t mask_ = 0;
};

// An open-addressing table from word to Entry over 8-byte slots (hash tag +
// index): a miss, the common case for repair candidates, costs about one
// cache line. Keys are views whose storage the owner keeps alive.
class WordTable {
 public:
  void reserve(std::size_t n) {
    if (n * 2 > slots_.size()) Rehash(n * 2);
    keys_.reserve(n);
    entries_.reserve(n);
  }

  const Entry* Find(std::u32string_view w) const { return Find(w, HashWord(w)); }
  // h: HashWord(w), computed by the caller.
  const Entry* Find(std::u32string_view w, std::uint64_t h) const {
    if (keys_.empty()) return nullptr;
    const std::uint64_t tag = h & kTagMask;
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const std::uint64_t s = slots_[i];
      if (s == 0) return nullptr;
      if ((s & kTagMask) == tag && keys_[(s & ~kTagMask) - 1] == w)
        return &entries_[(s & ~kTagMask) - 1];
    }
  }
  Entry* Find(std::u32string_view w) {
    return const_cast<Entry*>(static_cast<const WordTable*>(this)->Find(w));
  }

  // Adds w -> e; w must be absent and its storage outlive the table.
  // h: HashWord(w).
  Entry* Insert(std::u32string_view w, const Entry& e, std::uint64_t h) {
    if ((keys_.size() + 1) * 2 > slots_.size())
      Rehash(std::max<std::size_t>(16, slots_.size() * 2));
    keys_.push_back(w);
    entries_.push_back(e);
    Place(h, keys_.size() - 1);
    return &entries_.back();
  }

  // Loading probes the table in random order: fetching the home slot of a
  // word a few rows ahead hides most of the cache misses.
  void Prefetch(std::uint64_t h) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[h & mask_]);
  }

  template <typename F>
  void ForEach(F f) const {
    for (std::size_t k = 0; k < keys_.size(); ++k) f(keys_[k], entries_[k]);
  }

 private:
  static constexpr std::uint64_t kTagMask = 0xffffffff00000000ull;
  void Place(std::uint64_t h, std::size_t k) {
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_)
      if (slots_[i] == 0) {
        slots_[i] = (h & kTagMask) | (k + 1);
        return;
      }
  }
  void Rehash(std::size_t want) {
    std::size_t cap = 16;
    while (cap < want) cap <<= 1;
    slots_.assign(cap, 0);
    mask_ = cap - 1;
    for (std::size_t k = 0; k < keys_.size(); ++k) Place(HashWord(keys_[k]), k);
  }
  std::vector<std::uint64_t> slots_;
  std::vector<std::u32string_view> keys_;
  std::vector<Entry> entries_;
  std::size_t mask_ = 0;
};

// Owns the characters of the model's words in large blocks, so that views
// into it stay valid and loading does not allocate per word.
class Arena {
 public:
  // A block of n characters owned by the arena (for a whole table's words).
  char32_t* Block(std::size_t n) {
    // Not zeroed: the caller writes what it uses.
    blocks_.push_back(std::make_unique_for_overwrite<char32_t[]>(std::max<std::size_t>(n, 1)));
    return blocks_.back().get();
  }
  std::u32string_view Own(std::u32string_view w) {
    if (w.size() > room_) {
      const std::size_t n = std::max<std::size_t>(kBlock, w.size());
      blocks_.push_back(std::make_unique<char32_t[]>(n));
      next_ = blocks_.back().get();
      room_ = n;
    }
    char32_t* p = next_;
    std::copy(w.begin(), w.end(), p);
    next_ += w.size();
    room_ -= w.size();
    return std::u32string_view(p, w.size());
  }

 private:
  static constexpr std::size_t kBlock = 1 << 16;
  std::vector<std::unique_ptr<char32_t[]>> blocks_;
  char32_t* next_ = nullptr;
  std::size_t room_ = 0;
};

}  // namespace

std::uint64_t NextModelSerial() {
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

struct Model::Impl {
  // Identifies this model for per-thread caches (never reused, unlike an address).
  const std::uint64_t serial = NextModelSerial();
  Arena arena;      // the characters of every key below
  WordTable words;  // word -> evidence
  // "a b" for consecutive words a, b of a multi-word gazetteer name.
  WordSet name_bigrams;
  // The first and the second words of those pairs: most words are neither,
  // so NameBigram's key is built and probed only for likely pairs.
  WordSet bigram_first, bigram_second;
  // Words of kind junk (damaged function-word shapes), for detection.
  WordSet junk;
  std::size_t junk_max = 0;    // longest junk word (code points)
  std::size_t bigram_max = 0;  // longest name bigram (code points)
  std::size_t title_max = 0;   // longest title key (code points)

  // Inserts w -> e unless present; returns the entry and whether it is new.
  std::pair<Entry*, bool> Emplace(std::u32string_view w, const Entry& e) {
    return Emplace(w, e, HashWord(w), false);
  }
  // h: HashWord(w). owned: w's storage already lives as long as the model.
  std::pair<Entry*, bool> Emplace(std::u32string_view w, const Entry& e, std::uint64_t h,
                                  bool owned) {
    if (const Entry* found = words.Find(w, h)) return {const_cast<Entry*>(found), false};
    return {words.Insert(owned ? w : arena.Own(w), e, h), true};
  }

  void AddBigram(std::u32string_view a, std::u32string_view b) {
    std::u32string k(a);
    k += U' ';
    k += b;
    if (name_bigrams.count(k) > 0) return;
    bigram_max = std::max(bigram_max, k.size());
    const std::u32string_view owned = arena.Own(k);
    name_bigrams.insert(owned);
    bigram_first.insert(owned.substr(0, a.size()));
    bigram_second.insert(owned.substr(a.size() + 1));
  }

  // Collects the junk words once loading is done.
  void Finish() {
    words.ForEach([&](std::u32string_view w, const Entry& e) {
      if (e.kind == Kind::kJunk) {
        junk.insert(w);
        junk_max = std::max(junk_max, w.size());
      }
    });
  }

  bool IsJunk(std::u32string_view w) const { return w.size() <= junk_max && junk.count(w) > 0; }

  bool NameBigram(std::u32string_view a, std::u32string_view b) const {
    if (a.empty() || b.empty() || name_bigrams.empty()) return false;
    if (a.size() + b.size() + 1 > bigram_max) return false;
    char32_t buf[64];
    std::u32string k;
    std::u32string_view key;
    if (a.size() + b.size() + 1 <= std::size(buf)) {
      std::copy(a.begin(), a.end(), buf);
      buf[a.size()] = U' ';
      std::copy(b.begin(), b.end(), buf + a.size() + 1);
      key = std::u32string_view(buf, a.size() + b.size() + 1);
    } else {
      k.assign(a);
      k += U' ';
      k += b;
      key = k;
    }
    return name_bigrams.count(key) > 0;
  }

  const Entry* Find(std::u32string_view w) const { return words.Find(w); }

  // Prior weight of a word, looking through proclitics (و ف, ب ل ك, ال/لل).
  // Returns -1 for unknown words; 0 for known damaged shapes.
  float Weight(std::u32string_view w) const {
    float best = -1;
    bool curated_hit = false;
    const bool whole_known = Find(w) != nullptr;
    auto consider = [&](std::u32string_view form, bool stripped, bool conj_only,
                        bool after_article = false) {
      if (form.size() < 2) return;
      const Entry* e = Find(form);
      if (e == nullptr) return;
      float wt = e->weight;
      if (stripped) {
        wt *= 0.9f;
        // A function word behind a clitic other than و is weak evidence
        // (فعل vs فعلى, بين vs ببين).
        if ((e->kind == Kind::kFunc || e->kind == Kind::kPrep) && !conj_only)
          wt = std::min(wt, kSystemWeight);
        // A word of a person's name may back its form with the article
        // when that form is a word (كريم backs الكريم), but does not make
        // one (قربان قولي does not make القولي a word).
        if (after_article && e->person && !e->curated && !whole_known)
          wt = std::min(wt, kSystemWeight * 0.9f);
      }
      if (e->curated && !curated_hit && !stripped) curated_hit = true;
      best = std::max(best, wt);
    };
    consider(w, false, false);
    if (curated_hit) return best;  // a curated entry for the whole word decides
    std::u32string_view r = w;
    bool conj = false;
    if (!r.empty() && (r[0] == U'و' || r[0] == U'ف') && r.size() > 2) {
      r.remove_prefix(1);
      conj = true;
      consider(r, true, true);
    }
    // لل = ل + ال.
    if (StartsWith(r, U"لل") && r.size() > 3) {
      std::u32string al = U"ال";
      al += r.substr(2);
      consider(al, true, false);
      consider(r.substr(2), true, false, true);
    } else if (!r.empty() && (r[0] == U'ب' || r[0] == U'ل' || r[0] == U'ك') && r.size() > 2) {
      std::u32string_view r2 = r.substr(1);
      // ك "like" before a bare name is rare (كمالي is no "like Mali"):
      // such a reading is weak evidence.
      const float before = best;
      consider(r2, true, false);
      if (r[0] == U'ك' && best > before && best > kSystemWeight * 0.9f) {
        const Entry* e = Find(r2);
        if (e != nullptr && e->name) best = std::max(before, kSystemWeight * 0.9f);
      }
      if (StartsWith(r2, U"ال") && r2.size() > 3) consider(r2.substr(2), true, false, true);
    }
    if (StartsWith(r, U"ال") && r.size() > 3) consider(r.substr(2), true, false, true);
    // An indefinite accusative writes its tanween on an alif (متكررا,
    // مؤكدا): the word without it, when the lists hold it and the alif
    // follows a letter it can join (not ا, ء, ة).
    if (best < 0 && r.size() >= 5 && r.back() == U'ا' && r[r.size() - 2] != U'ا' &&
        r[r.size() - 2] != U'ء' && r[r.size() - 2] != U'ة' && !StartsWith(r, U"ال"))
      consider(r.substr(0, r.size() - 1), true, false);
    (void)conj;
    return best;
  }

  Kind KindOf(std::u32string_view w) const {
    const Entry* e = Find(w);
    return e ? e->kind : Kind::kWord;
  }

  // Kind looking through a leading و / ف (وبعد is a function word).
  Kind KindThroughConj(std::u32string_view w) const {
    if (const Entry* e = Find(w)) return e->kind;
    if (w.size() >= 3 && (w[0] == U'و' || w[0] == U'ف'))
      if (const Entry* e = Find(w.substr(1))) return e->kind;
    return Kind::kWord;
  }

  // A word of a person's name (4 letters or more, so not جو or لي), as
  // listed or with the article (حسن -> الحسن).
  bool IsPersonWord(std::u32string_view w) const {
    if (StartsWith(w, U"ال")) w.remove_prefix(2);
    if (w.size() < 4 || StartsWith(w, U"ال")) return false;
    const Entry* e = Find(w);
    return e != nullptr && e->person;
  }

  // A title that introduces a person (الباحث, والنائب, للخبير), looking
  // through و/ف, ب/ل and the article.
  bool IsTitle(std::u32string_view w) const {
    if (w.size() > title_max + 4) return false;  // (و + ب/ل + ال at most)
    if (w.size() >= 4 && (w[0] == U'و' || w[0] == U'ف')) w.remove_prefix(1);
    if (w.size() >= 5 && StartsWith(w, U"لل")) {
      w.remove_prefix(2);
    } else {
      if (w.size() >= 5 && (w[0] == U'ب' || w[0] == U'ل') && w[1] == U'ا' && w[2] == U'ل')
        w.remove_prefix(1);
      if (w.size() >= 5 && StartsWith(w, U"ال")) w.remove_prefix(2);
    }
    const Entry* e = Find(w);
    return e != nullptr && e->title;
  }

  bool IsName(std::u32string_view w) const {
    const Entry* e = Find(w);
    if (e == nullptr && w.size() >= 4 && (w[0] == U'و' || w[0] == U'ل' || w[0] == U'ب'))
      e = Find(w.substr(1));
    return e != nullptr && e->name;
  }
};

Model::Model(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Model::~Model() = default;

namespace {

// Writes the code points of s, valid UTF-8 (TsvView::Load checked it), to out;
// returns the end. Inline: the word list is 100k short words.
char32_t* DecodeValid(std::string_view s, char32_t* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    const unsigned b = *p;
    if (b < 0x80) {
      *out++ = b;
      p += 1;
    } else if (b < 0xE0) {
      *out++ = ((b & 0x1F) << 6) | (p[1] & 0x3F);
      p += 2;
    } else if (b < 0xF0) {
      *out++ = ((b & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      p += 3;
    } else {
      *out++ = ((b & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
      p += 4;
    }
  }
  return out;
}

// A TSV cell that is a whole number or decimal in [lo, hi].
bool CellNumber(std::string_view cell, double lo, double hi, double& out) {
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), out);
  return !cell.empty() && ec == std::errc() && end == cell.data() + cell.size() && out >= lo &&
         out <= hi;
}

Status AddTable(Model::Impl& m, const std::filesystem::path& path, bool curated) {
  auto table = TsvView::Load(path, {"word"});
  if (!table.ok()) return table.status();
  const TsvView& t = *table;
  int cw = t.Column("word"), ck = t.Column("kind"), cwt = t.Column("weight");
  // The words' characters go to one arena block (sized exactly), and rows
  // are entered in small batches with their hashes known, so the table's
  // slots can be fetched ahead.
  // Sized by bytes (a code point takes at least one); the unused tail of
  // the block is never written, so never paged in.
  std::size_t bytes = 0;
  for (std::size_t r = 0; r < t.rows(); ++r) bytes += t.Cell(r, cw).size();
  char32_t* chars = m.arena.Block(bytes);
  struct Row {
    std::u32string_view word;
    std::uint64_t hash;
    Entry entry;
  };
  constexpr std::size_t kBatch = 64, kAhead = 16;
  std::vector<Row> batch;
  batch.reserve(kBatch);
  auto flush = [&] {
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (i + kAhead < batch.size()) m.words.Prefetch(batch[i + kAhead].hash);
      const Row& row = batch[i];
      auto [entry, fresh] = m.Emplace(row.word, row.entry, row.hash, /*owned=*/true);
      if (!fresh && curated) *entry = row.entry;  // curated rows override the system list
    }
    batch.clear();
  };
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const std::string_view cell = t.Cell(r, cw);
    char32_t* end = DecodeValid(cell, chars);
    const std::u32string_view w(chars, static_cast<std::size_t>(end - chars));
    chars = end;
    if (w.empty()) continue;
    Entry e;
    e.weight = kSystemWeight;
    e.curated = curated;
    if (cwt >= 0) {
      double v = 0;
      if (!CellNumber(t.Cell(r, cwt), 0, 100, v))
        return Status::Error(StatusCode::kDataError,
                             t.Where(r) + ": weight must be a number 0..100");
      e.weight = static_cast<float>(v);
    }
    if (ck >= 0) {
      const std::string_view k = t.Cell(r, ck);
      if (k == "func")
        e.kind = Kind::kFunc;
      else if (k == "prep")
        e.kind = Kind::kPrep;
      else if (k == "junk")
        e.kind = Kind::kJunk;
      else if (k == "beforeverb")
        e.kind = Kind::kBeforeVerb;
      else if (k == "word")
        e.kind = Kind::kWord;
      else
        return Status::Error(StatusCode::kDataError,
                             t.Where(r) + ": kind must be word, func, prep, beforeverb or junk");
    }
    batch.push_back({w, HashWord(w), e});
    if (batch.size() == kBatch) flush();
  }
  flush();
  return Status::Ok();
}

// Gazetteer names: any column called name/alias(es)/ar/arabic/name_ar/ar_names;
// words split on any non-letter (so "a|b" lists work).
Status AddGazetteer(Model::Impl& m, const std::filesystem::path& path) {
  auto table = TsvView::Load(path);
  if (!table.ok()) return table.status();
  const TsvView* t = &*table;
  std::vector<int> cols;
  for (const char* n : {"name", "alias", "aliases", "ar", "arabic", "name_ar", "ar_names"})
    if (int c = t->Column(n); c >= 0) cols.push_back(c);
  const int id_col = t->Column("id");
  for (std::size_t r = 0; r < t->rows(); ++r) {
    const bool person = id_col >= 0 && t->Cell(r, id_col).starts_with("person:");
    for (int c : cols) {
      std::u32string cell = Decode(t->Cell(r, c));
      std::u32string w, prev;
      for (std::size_t i = 0; i <= cell.size(); ++i) {
        if (i < cell.size() && IsArabicWordChar(cell[i])) {
          w.push_back(cell[i]);
          continue;
        }
        // Consecutive words of one name (separated by a space only). Only a
        // one-word name marks its word as a name (مجلس الأمن does not).
        const bool single = prev.empty() && (i == cell.size() || cell[i] != U' ');
        if (!w.empty() && !prev.empty()) m.AddBigram(prev, w);
        if (!w.empty()) prev = w;
        if (i < cell.size() && cell[i] != U' ') prev.clear();
        if (w.size() >= 2) {
          Entry e{kGazetteerWeight, Kind::kWord, false, single};
          auto [entry, fresh] = m.Emplace(w, e);
          if (single) entry->name = true;
          if (person) entry->person = true;
          if (!fresh && !entry->curated) entry->weight = std::max(entry->weight, e.weight);
        }
        w.clear();
      }
    }
  }
  return Status::Ok();
}

}  // namespace

namespace {

// Word counts of clean news text (repair_word_freq.tsv: word, count), for
// words the other lists hold; a word they lack stays unknown.
Status AddFrequencies(Model::Impl& m, const std::filesystem::path& path) {
  auto table = TsvView::Load(path);
  if (!table.ok()) return table.status();
  const int wc = table->Column("word"), cc = table->Column("count");
  if (wc < 0 || cc < 0)
    return Status::Error(StatusCode::kDataError, path.string() + ": needs columns word and count");
  for (std::size_t r = 0; r < table->rows(); ++r) {
    double n = 0;
    if (!CellNumber(table->Cell(r, cc), 0, 1e15, n))
      return Status::Error(StatusCode::kDataError,
                           table->Where(r) + ": count must be a number >= 0");
    if (Entry* e = m.words.Find(Decode(table->Cell(r, wc))))
      e->freq10 =
          static_cast<std::uint8_t>(std::min<long>(255, std::lround(10 * std::log2(1 + n))));
  }
  return Status::Ok();
}

// Given names (name_translit.tsv rows of kind given) and one-word titles
// that introduce a person (titles.tsv rows of kind person or prefix, the
// article dropped: الباحث and باحث alike). Both mark entries; a given name
// no other list holds becomes a known word.
Status AddPersonCues(Model::Impl& m, const std::filesystem::path& lex) {
  std::error_code ec;
  for (const char* name : {"name_translit.tsv", "titles.tsv"}) {
    const auto path = lex / name;
    if (!std::filesystem::exists(path, ec)) continue;
    auto table = TsvView::Load(path);
    if (!table.ok()) return table.status();
    const int ar = table->Column("ar"), kind = table->Column("kind");
    if (ar < 0 || kind < 0) continue;
    const bool titles = std::string_view(name) == "titles.tsv";
    for (std::size_t r = 0; r < table->rows(); ++r) {
      const std::string_view k = table->Cell(r, kind);
      if (titles ? (k != "person" && k != "prefix") : k != "given") continue;
      std::u32string w = Decode(table->Cell(r, ar));
      if (w.size() < 2 || !std::all_of(w.begin(), w.end(), IsArabicWordChar)) continue;
      if (titles && StartsWith(w, U"ال") && w.size() >= 5) w.erase(0, 2);
      auto [entry, fresh] = m.Emplace(w, Entry{kSystemWeight, Kind::kWord, false, false, false});
      if (titles) {
        entry->title = true;
        m.title_max = std::max(m.title_max, w.size());
      } else
        entry->given = true;
    }
  }
  return Status::Ok();
}

// Word counts of a clean corpus (LoadOptions::corpus) into `counts`.
Status CountCorpus(const Model::Impl& m, const std::filesystem::path& path,
                   std::unordered_map<std::u32string, std::uint64_t>& counts) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  if (std::filesystem::is_directory(path, ec)) {
    for (auto it = std::filesystem::recursive_directory_iterator(
             path, std::filesystem::directory_options::skip_permission_denied, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file(ec) && it->path().extension() == ".txt") files.push_back(it->path());
    std::sort(files.begin(), files.end());
  } else if (std::filesystem::is_regular_file(path, ec)) {
    files.push_back(path);
  } else {
    return Status::Error(StatusCode::kNotFound,
                         "repair corpus " + path.string() + ": no such file or folder");
  }
  std::uintmax_t total = 0;
  std::vector<std::u32string> file_words;
  for (const auto& f : files) {
    const std::uintmax_t size = std::filesystem::file_size(f, ec);
    if (ec || total + size > kMaxCorpusBytes) continue;
    total += size;
    auto text = ReadSmallFile(f);
    if (!text.ok()) continue;  // an unreadable file is no evidence
    const std::u32string u = Decode(*text);
    // The words of the file (core/words.h, as the knowledge base counts
    // them), and the damage signature as Repair detects it.
    file_words.clear();
    int damaged_fw = 0, clean = 0;
    words::ForEachArabicWord(std::u32string_view(u), [&](std::u32string_view word) {
      if (HasDamageable(word)) ++clean;
      std::u32string_view core = word;
      if (core.size() > 1 && core[0] == U'و') core.remove_prefix(1);
      if (m.IsJunk(core)) ++damaged_fw;
      file_words.emplace_back(word);
    });
    if (damaged_fw >= 2 && damaged_fw > 3 * clean) continue;  // damaged text
    for (const std::u32string& w : file_words)
      if (w.size() >= words::kMinCountedLetters) ++counts[w];
  }
  return Status::Ok();
}

// Counts handed in by the caller (LoadOptions::word_counts): each key must
// be one word as core/words.h splits it, or it is ignored.
void CountGiven(const std::vector<std::pair<std::string, std::uint64_t>>& given,
                std::unordered_map<std::u32string, std::uint64_t>& counts) {
  for (const auto& [key, n] : given) {
    if (n == 0) continue;
    const std::u32string u = Decode(key);
    std::size_t seen = 0;
    bool whole = false;
    words::ForEachArabicWord(std::u32string_view(u), [&](std::u32string_view w) {
      ++seen;
      whole = w.size() == u.size() && w.size() >= words::kMinCountedLetters;
    });
    if (seen == 1 && whole) counts[u] += n;
  }
}

// Word counts as evidence: the corpus files' and the given ones, summed.
Status AddCorpus(Model::Impl& m, const LoadOptions& options) {
  std::unordered_map<std::u32string, std::uint64_t> counts;
  if (!options.corpus.empty())
    if (Status s = CountCorpus(m, options.corpus, counts); !s.ok()) return s;
  CountGiven(options.word_counts, counts);
  for (const auto& [w, n] : counts) {
    if (n < 2) continue;  // once may be a typo
    const float wt = kSystemWeight + std::min(kCorpusMax, kCorpusScale * std::log2(float(n)));
    auto [entry, fresh] = m.Emplace(w, Entry{wt, Kind::kWord, false, false, false});
    // Never below a listed weight, and a curated one decides.
    if (!fresh && !entry->curated && entry->kind == Kind::kWord)
      entry->weight = std::max(entry->weight, wt);
  }
  return Status::Ok();
}

}  // namespace

Result<std::shared_ptr<const Model>> Model::Load(const std::filesystem::path& data_dir,
                                                 const LoadOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->words.reserve(1 << 17);
  const auto lex = data_dir / "lexicon";
  for (const char* name : {"repair_system_words.tsv", "repair_words.tsv"}) {
    auto p = lex / name;
    std::error_code ec;
    if (!std::filesystem::exists(p, ec)) continue;  // a smaller model still runs
    if (Status s = AddTable(*impl, p, std::string(name) == "repair_words.tsv"); !s.ok()) return s;
  }
  std::error_code ec;
  const auto gaz = data_dir / "gazetteer";
  if (std::filesystem::is_directory(gaz, ec)) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(gaz, ec))
      if (e.path().extension() == ".tsv") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files)
      if (Status s = AddGazetteer(*impl, f); !s.ok()) return s;
  }
  if (Status s = AddPersonCues(*impl, lex); !s.ok()) return s;
  if (const auto freq = lex / "repair_word_freq.tsv"; std::filesystem::exists(freq, ec))
    if (Status s = AddFrequencies(*impl, freq); !s.ok()) return s;
  // Junk words first (the corpus reader detects damaged files with them).
  impl->Finish();
  if (Status s = AddCorpus(*impl, options); !s.ok()) return s;
  return std::shared_ptr<const Model>(std::make_shared<Model>(std::move(impl)));
}

namespace {

struct Word {
  std::uint32_t start = 0, end = 0;  // code points
  std::uint32_t block = 0;
};

// What the context rules ask of a word form, from the model and the form's
// shape only: computed once per form (see Describe) instead of per use.
struct FormInfo {
  Kind kind = Kind::kWord;       // m.KindOf(form)
  Kind kind_conj = Kind::kWord;  // m.KindThroughConj(form)
  bool name = false;             // m.IsName(form)
  bool person = false;           // m.IsPersonWord(form)
  bool preposition = false;      // IsPreposition(form)
  bool definite = false;         // IsDefinite(form)
  bool feminine = false;         // EndsFeminine(form)
  bool pronoun = false;          // EndsWithPronoun(form)
  bool verb = false;             // LooksVerb(form)
  bool bigram_first = false;     // first word of a name bigram
  bool bigram_second = false;    // second word of a name bigram
  bool dual_plural = false;      // SoundDualOrPlural(form)
  bool governs = false;          // GovernsGenitive(form)
  bool noun_object = false;      // TakesNounObject(form)
  bool given = false;            // a listed given name (Entry::given)
  bool title = false;            // m.IsTitle(form)
};

struct Candidate {
  std::u32string form;
  FormInfo info;
  float score = 0;
  bool final_yeh = false;  // restored a final ي
  bool lone = false;       // restored from a lone letter: needs a name bigram
  bool nisba_doc = false;  // other forms of this nisba occur in the document
  bool known = false;      // in a word list (not only document evidence)
  // Ends in ى and has ال or a preposition's ب/ل, and neither the form nor
  // its ال-form is curated (السعى, بتلقى: a past verb's shape as a noun).
  bool maqsur_verb_shape = false;
  bool jarr = false;  // HasJarrProclitic(form)
  // The part of the weight that only the reading و/ف + a known word gives
  // (فلكي as ف + لكي): the whole form's own weight is lower or absent.
  float conj_gain = 0;
  bool curated = false;  // CuratedWithArticle(form): a listed noun or elative
  bool whole = false;    // the form itself is listed
  bool nisba = false;    // final_yeh and ListedNisbaForm(form)
  // A definite word no list knows, with ي restored, where the word as it
  // stands is no known word either: a family name's nisba (الدميس ->
  // الدميسي), considered only in a family name's slot.
  bool family = false;
  // kFreqScale * (frequency of the form - frequency of the word), capped.
  float freq_gain = 0;
};

bool EndsWith(std::u32string_view s, std::u32string_view p) {
  return s.size() >= p.size() && std::equal(p.begin(), p.end(), s.end() - p.size());
}

// Other forms of a nisba adjective: the stem before -ية -يا -يًا -يين ...
constexpr std::u32string_view kNisbaSuffixes[] = {U"ية",  U"يا",  U"يًا",   U"ياً",  U"يين",
                                                  U"يون", U"يات", U"يتين", U"يتان"};

// A definite noun phrase head for agreement: ال- word, or a noun with a
// possessive pronoun (دورها, بلادهم).
bool EndsWithPronoun(std::u32string_view w) {
  return w.size() >= 5 &&
         (EndsWith(w, U"ها") || EndsWith(w, U"هم") || EndsWith(w, U"هما") || EndsWith(w, U"نا"));
}

// Feminine or plural forms a masculine singular adjective cannot follow.
bool EndsFeminine(std::u32string_view w) {
  return EndsWith(w, U"ة") || EndsWith(w, U"ات");
}

// Sentence-final punctuation that a visual-order extraction prints at the
// start of a line.
bool IsLinePunct(char32_t p) {
  return p == U'.' || p == U'؟' || p == U'!' || p == U'؛' || p == U'،' || p == U':';
}

bool IsLetter(char32_t c) {
  return IsArabicWordChar(c) && !IsTransparent(c);
}

// Every form the damage rule maps onto `w` (w itself first). At most two
// kaf insertions plus an optional final yeh / alef maksura. Writes them to
// out[0, count) reusing the strings' storage; returns count.
std::size_t Candidates(std::u32string_view w, std::vector<std::u32string>& out) {
  std::size_t count = 0;
  auto next = [&]() -> std::u32string& {
    if (count == out.size()) out.emplace_back();
    std::u32string& r = out[count++];
    r.clear();
    return r;
  };
  next().assign(w);
  const std::size_t n = w.size();
  // Gap i: between the letter before i and the letter at i (or the end when
  // a final yeh follows).
  std::vector<std::size_t> gaps;
  char32_t last = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (!IsTransparent(w[i])) last = w[i];
  for (std::size_t i = 1; i < n; ++i) {
    if (IsTransparent(w[i])) continue;
    std::size_t j = i;
    while (j > 0 && IsTransparent(w[j - 1])) --j;
    if (j == 0) continue;
    if (IsDualJoining(w[j - 1]) && (IsDualJoining(w[i]) || IsRightJoining(w[i]))) {
      // Marks between the two letters belonged to the lost kaf (شّل for
      // شكّل, شريًا for شريكًا): it goes before them; when the letter before
      // had marks of its own it goes after them.
      gaps.push_back(j);
      if (j != i) gaps.push_back(i);
    }
  }
  // Tanween ends a word: nothing follows it (مراسٍ).
  const bool final_ok = IsDualJoining(last) && !(w.back() >= U'\u064B' && w.back() <= U'\u064D');
  // w with a kaf inserted before position a (and b, when b != npos).
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  auto with_kafs = [&](std::size_t a, std::size_t b) {
    std::u32string& s = next();
    s.reserve(n + 4);
    s.append(w.substr(0, a));
    s.push_back(U'ك');
    if (b == kNone) {
      s.append(w.substr(a));
    } else {
      s.append(w.substr(a, b - a));
      s.push_back(U'ك');
      s.append(w.substr(b));
    }
  };
  for (std::size_t g : gaps) with_kafs(g, kNone);
  if (n >= 5)
    for (std::size_t a = 0; a < gaps.size(); ++a)
      for (std::size_t b = a + 1; b < gaps.size(); ++b) with_kafs(gaps[a], gaps[b]);
  const std::size_t nbases = count - 1;
  if (final_ok) {
    // Finals: w, each base, and w + ك (شري -> شريكي), each + ي and + ى.
    for (std::size_t f = 0; f <= nbases + 1; ++f) {
      for (char32_t y : {U'ي', U'ى'}) {
        std::u32string& s = next();
        if (f <= nbases) {
          s.assign(out[f]);  // out[0] is w, out[1..nbases] the bases
        } else {
          s.assign(w);
          s.push_back(U'ك');
        }
        s.push_back(y);
      }
    }
  }
  return count;
}

bool IsDefinite(std::u32string_view w) {
  for (std::u32string_view p : {U"ال", U"لل", U"وال", U"بال", U"فال", U"كال", U"ولل"})
    if (StartsWith(w, p) && w.size() > p.size() + 1) return true;
  return false;
}

// A view into w.
std::u32string_view StripClitics(std::u32string_view w) {
  std::u32string_view r = w;
  if (!r.empty() && (r[0] == U'و' || r[0] == U'ف') && r.size() > 3) r.remove_prefix(1);
  if (StartsWith(r, U"لل") && r.size() > 4) return r.substr(2);
  if (!r.empty() && (r[0] == U'ب' || r[0] == U'ل') && r.size() > 3) r.remove_prefix(1);
  if (StartsWith(r, U"ال") && r.size() > 4) r.remove_prefix(2);
  return r;
}

// A verb by its shape (conservative: only used to veto adjective rules):
// an imperfect prefix, or a past-tense ending -ت / -وا.
bool LooksVerb(std::u32string_view w) {
  if (w.size() >= 4 && (w[0] == U'و' || w[0] == U'ف')) w.remove_prefix(1);
  if (w.size() < 3) return false;
  if ((w[0] == U'ي' || w[0] == U'ت' || w[0] == U'ن') && w.size() <= 6) return true;
  return EndsWith(w, U"ت") || EndsWith(w, U"وا");
}

bool IsPreposition(std::u32string_view w) {
  if (w.size() < 2 || w.size() > 3) return false;  // the lengths of the list below
  for (std::u32string_view p : {U"في", U"إلى", U"على", U"عن", U"مع", U"حتى", U"نحو", U"لدى"})
    if (w == p) return true;
  return false;
}

// Cardinal numbers from three to ten: in construct with the noun they count
// (ثلاث مرات), which is therefore no adjective.
bool IsSmallCardinal(std::u32string_view w) {
  if (w.size() < 2 || w.size() > 6) return false;  // the lengths of the list below
  for (std::u32string_view p :
       {U"ثلاث", U"ثلاثة", U"أربع", U"أربعة", U"خمس", U"خمسة", U"ست", U"ستة", U"سبع", U"سبعة",
        U"ثماني", U"ثمانية", U"تسع", U"تسعة", U"عشر", U"عشرة"})
    if (w == p) return true;
  return false;
}

// Words that govern a following noun in the genitive: prepositions with an
// attached pronoun (فيه, عليها: the phrase is complete, so the next word
// starts a new constituent) and adverbs of time and place used as
// prepositions (بعد, خلال, بين ...), and quantifiers in construct with the
// noun they count (أي, لأي, عدة, جميع ...). The word after them is a noun
// (their object) or a new constituent, never an adjective of theirs.
bool GovernsGenitive(std::u32string_view w) {
  if (w.size() >= 4 && (w[0] == U'و' || w[0] == U'ف')) w.remove_prefix(1);
  // The longest word listed below has six letters, seven with ل/ب.
  if (w.size() > 7) return false;
  {
    std::u32string_view q = w;
    if (q.size() >= 3 && (q[0] == U'ل' || q[0] == U'ب')) q.remove_prefix(1);
    // (With the hundreds and thousands, which count in construct too: ألف
    // شخص.)
    for (std::u32string_view p : {U"أي",   U"كل",   U"بعض",  U"عدة",   U"أحد",    U"إحدى",  U"جميع",
                                  U"معظم", U"أغلب", U"كافة", U"غير",   U"سائر",   U"مختلف", U"مئة",
                                  U"مائة", U"ألف",  U"آلاف", U"مليون", U"ملايين", U"مليار"})
      if (w == p || q == p) return true;
    if (IsSmallCardinal(w) || IsSmallCardinal(q)) return true;
  }
  for (std::u32string_view p :
       {U"بعد", U"قبل",  U"خلال", U"بين",  U"عبر",  U"ضد",    U"حول",   U"دون",  U"منذ",   U"عند",
        U"لدى", U"تجاه", U"نحو",  U"وسط",  U"أمام", U"خلف",   U"فوق",   U"تحت",  U"مثل",   U"بسبب",
        U"رغم", U"فيه",  U"فيها", U"فيهم", U"عليه", U"عليها", U"عليهم", U"إليه", U"إليها", U"إليهم",
        U"منه", U"منها", U"منهم", U"عنه",  U"عنها", U"عنهم",  U"معه",   U"معها", U"معهم",  U"له",
        U"لها", U"لهم",  U"به",   U"بها",  U"بهم",  U"لديه",  U"لديها", U"لديهم"})
    if (w == p) return true;
  return false;
}

// Prepositions and adverbs used as prepositions that take a noun object and
// never a past verb right after them (not حتى or منذ: حتى بدأ, منذ بدأ; not
// من, also a relative pronoun: من سعى).
bool TakesNounObject(std::u32string_view w) {
  if (w.size() >= 4 && (w[0] == U'و' || w[0] == U'ف')) w.remove_prefix(1);
  if (w.size() > 4) return false;  // the longest word listed below
  for (std::u32string_view p : {U"في",   U"إلى",  U"على", U"عن",  U"مع",  U"نحو", U"لدى",  U"بعد",
                                U"قبل",  U"خلال", U"بين", U"عبر", U"ضد",  U"حول", U"دون",  U"عند",
                                U"تجاه", U"أمام", U"خلف", U"فوق", U"تحت", U"مثل", U"بسبب", U"رغم"})
    if (w == p) return true;
  return false;
}

// The shape of a past verb of a defective root whose masdar ends in ي:
// فعى (سعى / سعي) and تفعّى (تلقى / تلقي). Nouns of these shapes in ى
// whose ى the damage can remove are rare (مدى starts with م: the place
// noun مفعى, excluded).
bool DefectiveVerbShape(std::u32string_view f) {
  return f.back() == U'ى' && ((f.size() == 3 && f[0] != U'م') || (f.size() == 4 && f[0] == U'ت'));
}

// A preposition ب or ل written on a word the model knows without it
// (بتلقي = ب + تلقي, لكازاخستان = ل + كازاخستان): a prepositional phrase.
bool HasJarrProclitic(const Model::Impl& m, std::u32string_view w) {
  if (w.size() >= 4 && (w[0] == U'و' || w[0] == U'ف')) w.remove_prefix(1);
  return w.size() >= 5 && (w[0] == U'ب' || w[0] == U'ل') && w[1] != U'ا' &&
         m.Find(w.substr(1)) != nullptr;
}

// A curated entry for the form with its article (للكبرى -> الكبرى): nouns
// and elatives in ى (الكبرى, المستوى) are listed with ال; a form with
// proclitics known only through its bare stem is a verb's shape (سعى).
bool CuratedWithArticle(const Model::Impl& m, std::u32string_view w) {
  auto curated = [&](std::u32string_view f) {
    const Entry* e = m.Find(f);
    return e != nullptr && e->curated;
  };
  if (curated(w)) return true;
  if (w.size() >= 4 && (w[0] == U'و' || w[0] == U'ف')) w.remove_prefix(1);
  if (StartsWith(w, U"لل") && w.size() > 3) {
    std::u32string al = U"ال";
    al += w.substr(2);
    return curated(al);
  }
  if (w.size() >= 4 && (w[0] == U'ب' || w[0] == U'ل' || w[0] == U'ك')) w.remove_prefix(1);
  return StartsWith(w, U"ال") && curated(w);
}

// A noun in ى that agrees as a feminine: the فُعلى / فِعلى nouns and
// elatives (الذكرى, الكبرى, الأولى) and broken plurals (القوى), which take a
// feminine adjective. The masculine ones are the place and instrument nouns
// in م (المستوى, المبنى), left out; so are bare three-letter forms (فتى,
// and past verbs: سعى).
bool FeminineMaqsur(std::u32string_view w) {
  if (w.empty() || w.back() != U'ى') return false;
  const std::u32string_view st = StripClitics(w);
  return st.size() >= 3 && st[0] != U'م' && (IsDefinite(w) || st.size() >= 4);
}

// A definite dual or sound masculine plural (الجانبان, الطرفين,
// المسؤولون): the stem before -ان -ين -ون is a listed word of four letters
// or more (شريان, ميدان, تعاون are singulars over a listed three-letter
// stem). Such a head takes a dual or plural adjective, not a singular nisba.
bool SoundDualOrPlural(const Model::Impl& m, std::u32string_view w) {
  if (!IsDefinite(w)) return false;
  const std::u32string_view st = StripClitics(w);
  if (st.size() < 6 || !(EndsWith(st, U"ان") || EndsWith(st, U"ين") || EndsWith(st, U"ون")))
    return false;
  return m.Find(st.substr(0, st.size() - 2)) != nullptr;
}

// Is w (without و/ف) listed with the article? No verb takes it.
bool ListedWithArticle(const Model::Impl& m, std::u32string_view w) {
  if (w.size() >= 4 && (w[0] == U'و' || w[0] == U'ف')) w.remove_prefix(1);
  std::u32string al = U"ال";
  al += w;
  return m.Find(al) != nullptr;
}

// A word of a verb's shape in ن or ي that a list holds with the article
// (نظام: النظام, يوم: اليوم) is a noun: no verb takes ال. Not ت, which
// also opens past verbs that share their letters with a masdar (تحدث).
bool NounWithNunOrYeh(const Model::Impl& m, std::u32string_view w) {
  if (w.size() >= 4 && (w[0] == U'و' || w[0] == U'ف')) w.remove_prefix(1);
  if (w.size() < 3 || (w[0] != U'ن' && w[0] != U'ي')) return false;
  std::u32string al = U"ال";
  al += w;
  return m.Find(al) != nullptr;
}

FormInfo Describe(const Model::Impl& m, std::u32string_view w) {
  FormInfo f;
  f.kind = m.KindOf(w);
  f.kind_conj = m.KindThroughConj(w);
  f.name = m.IsName(w);
  f.person = m.IsPersonWord(w);
  f.preposition = IsPreposition(w);
  f.definite = IsDefinite(w);
  f.feminine = EndsFeminine(w) || FeminineMaqsur(w);
  f.pronoun = EndsWithPronoun(w);
  f.verb = LooksVerb(w) && !NounWithNunOrYeh(m, w);
  f.bigram_first = m.bigram_first.count(w) > 0;
  f.bigram_second = m.bigram_second.count(w) > 0;
  f.dual_plural = SoundDualOrPlural(m, w);
  f.governs = GovernsGenitive(w);
  f.noun_object = TakesNounObject(w);
  const Entry* e = m.Find(w);
  f.given = e != nullptr && e->given;
  f.title = m.IsTitle(w);
  return f;
}

// m.NameBigram(a, b), probing the pair only when a can start and b can end
// a name bigram.
bool NameBigram(const Model::Impl& m, std::u32string_view a, const FormInfo& ai,
                std::u32string_view b, const FormInfo& bi) {
  return ai.bigram_first && bi.bigram_second && m.NameBigram(a, b);
}

struct BlockStats {
  int damaged_fw = 0;  // damaged function words
  int clean = 0;       // letters damage would have removed
};

struct Op {  // a replacement in before-coordinates
  std::uint32_t start, end;
  std::u32string_view text;  // into the memo or the decoded text
  const char* reason;
};

// The document-independent part of a word's repair candidates.
struct ModelCandidate {
  std::u32string form;
  float weight = -1;       // m.Weight(form): -1 when unknown
  bool final_yeh = false;  // restored a final ي
  bool whole = false;      // the form itself is listed
  bool nisba = false;      // final_yeh and ListedNisbaForm(form)
  // StripClitics(form) as form.substr(st_off, st_len), and hashes of form,
  // of that stem (when >= 3 long) and of the stem without its final letter
  // (final_yeh only), for the document lookups.
  std::uint32_t st_off = 0, st_len = 0;
  std::uint64_t h_form = 0, h_st = 0, h_nisba = 0;
  // The stem is >= 5 long and starts with ك (checked here, so that scoring
  // reads the form's characters only for a hit).
  bool kaf_stem = false;
  FormInfo info;
  float freq = 0;  // Entry::freq of the form (0 when unlisted)
};
struct ModelWord {
  FormInfo info;                      // of the word itself
  float identity = 0;                 // max(0, m.Weight(word))
  bool identity_stripped = false;     // known only through a proclitic's stem
  bool lone = false;                  // a lone letter not listed as a damaged shape
  float freq = 0;                     // Entry::freq of the word (0 when unlisted)
  std::vector<ModelCandidate> cands;  // candidates other than the word itself
};

struct WordKeyHash {
  using is_transparent = void;
  std::size_t operator()(std::u32string_view w) const { return HashWord(w); }
};
struct WordKeyEq {
  using is_transparent = void;
  bool operator()(std::u32string_view a, std::u32string_view b) const { return a == b; }
};

// m.Weight(w), or, for a word the lists do not know with its diacritics
// (شريكًا), the weight of its letters alone (شريكا): word lists are written
// without them.
float WeightIgnoringMarks(const Model::Impl& m, std::u32string_view w) {
  const float wt = m.Weight(w);
  if (wt >= 0 || std::none_of(w.begin(), w.end(), [](char32_t c) { return IsTransparent(c); }))
    return wt;
  std::u32string bare;
  for (char32_t c : w)
    if (!IsTransparent(c)) bare.push_back(c);
  return bare.size() >= 2 ? m.Weight(bare) : wt;
}

// Does a word list hold another form of the nisba f (ending in ي): its
// feminine (-ية), its plurals (-يون -يين -يات), its definite form, or the
// feminine noun it derives from (سياسة for سياسي)?
// The stem is tried as it stands, without a conjunction, and without every
// proclitic (a ل or ب may be the word's own first letter: لوجستي).
bool ListedNisbaForm(const Model::Impl& m, std::u32string_view f) {
  std::u32string k;
  auto listed = [&](std::u32string_view pre, std::u32string_view b, std::u32string_view suf) {
    k.assign(pre);
    k += b;
    k += suf;
    return m.Find(k) != nullptr;
  };
  auto stem_listed = [&](std::u32string_view st) {
    if (st.size() < 3 || StartsWith(st, U"ال")) return false;
    const std::u32string_view base = st.substr(0, st.size() - 1);
    for (std::u32string_view suf : {U"ية", U"يين", U"يون", U"يات"})
      if (listed(U"", base, suf) || listed(U"ال", base, suf)) return true;
    // The noun in ة backs the nisba only when the bare stem is no word: منسقة
    // is the feminine of منسق, not the source of a nisba منسقي.
    return listed(U"ال", st, U"") || (listed(U"", base, U"ة") && m.Find(base) == nullptr);
  };
  if (stem_listed(f)) return true;
  std::u32string_view r = f;
  if (r.size() > 4 && (r[0] == U'و' || r[0] == U'ف')) {
    r.remove_prefix(1);
    if (stem_listed(r)) return true;
  }
  const std::u32string_view st = StripClitics(f);
  return st != r && st != f && stem_listed(st);
}

// s ends in ت (marks aside) and, without a proclitic, its form in ة is
// listed: جمهوريتَ -> جمهورية.
bool DualConstruct(const Model::Impl& m, std::u32string_view s) {
  while (!s.empty() && IsTransparent(s.back())) s.remove_suffix(1);
  if (s.size() < 4 || s.back() != U'ت') return false;
  std::u32string k;
  auto listed = [&](std::u32string_view w) {
    if (w.size() < 3) return false;
    k.assign(w.substr(0, w.size() - 1));
    k += U'ة';
    return m.Find(k) != nullptr;
  };
  if (listed(s)) return true;
  std::u32string_view r = s;
  if (r.size() > 4 && (r[0] == U'و' || r[0] == U'ف')) r.remove_prefix(1);
  if (r.size() > 4 && (r[0] == U'ب' || r[0] == U'ل')) r.remove_prefix(1);
  return r.size() != s.size() && listed(r);
}

// Per-thread cache of ModelWord by word, for one model at a time; bounded
// (cleared when full).
const ModelWord& CachedModelWord(const Model::Impl& m, std::u32string_view s,
                                 std::vector<std::u32string>& buf) {
  struct Cache {
    std::uint64_t serial = 0;
    std::unordered_map<std::u32string, ModelWord, WordKeyHash, WordKeyEq> words;
  };
  constexpr std::size_t kMaxWords = 1 << 16;
  thread_local Cache cache;
  if (cache.serial != m.serial) {
    cache.words.clear();
    cache.serial = m.serial;
  }
  if (auto it = cache.words.find(s); it != cache.words.end()) return it->second;
  if (cache.words.size() >= kMaxWords) cache.words.clear();
  ModelWord mw;
  mw.info = Describe(m, s);
  mw.identity = std::max(0.0f, WeightIgnoringMarks(m, s));
  // A lone letter is restored only when listed as a damaged shape (ف).
  const Entry* self = m.Find(s);
  mw.lone = s.size() == 1 && !(self && self->kind == Kind::kJunk);
  mw.identity_stripped = mw.identity > 0 && self == nullptr;
  mw.freq = self ? self->Freq() : 0.0f;
  const std::size_t ncands = Candidates(s, buf);
  for (std::size_t k = 1; k < ncands; ++k) {  // buf[0] is the word itself
    const std::u32string& f = buf[k];
    // No yeh is restored after a final yeh / alef maksura (القياديي).
    if (f.size() == s.size() + 1 && f.compare(0, s.size(), s) == 0 &&
        (s.back() == U'ي' || s.back() == U'ى'))
      continue;
    // Two prepositions are never stacked: no ك "like" after ب or ل before
    // the article (بكالاتفاق, لكالعادة).
    {
      std::u32string_view g = f;
      if (g.size() >= 5 && (g[0] == U'و' || g[0] == U'ف')) g.remove_prefix(1);
      if (g.size() >= 5 && (g[0] == U'ب' || g[0] == U'ل') && g[1] == U'ك' && g[2] == U'ا' &&
          g[3] == U'ل' && (s.size() < 2 || s.find(U'ك') == std::u32string_view::npos))
        continue;
    }
    const bool final_yeh = f.back() == U'ي' && f.size() > s.size() && f[f.size() - 2] != U'ك';
    ModelCandidate mc;
    mc.form = f;
    mc.weight = WeightIgnoringMarks(m, f);
    const Entry* whole = m.Find(f);
    mc.whole = whole != nullptr;
    mc.freq = whole ? whole->Freq() : 0.0f;
    // Hamza after alif at the end of a word is written on the line (عداء,
    // ثناء); ائ there is the cut nisba ائي (عدائي, ثنائي, نهائي), known to
    // the lists or not.
    if (mc.weight < 0 && f.size() == s.size() + 1 && f.back() == U'ي' && EndsWith(s, U"ائ") &&
        s.size() >= 4)
      mc.weight = kSystemWeight;
    // A nisba whose masculine form the lists lack but whose other forms
    // they hold (لوجستية, الجيوسياسي back لوجستي, جيوسياسي), when the word
    // as it stands is no word: weaker than a listed word, so a listed kaf
    // reading of the same shape still wins.
    if (mc.weight < 0 && final_yeh && mw.identity <= 0 && f.size() == s.size() + 1 &&
        ListedNisbaForm(m, f))
      mc.weight = kListedNisbaForm;
    // A feminine noun written with open ت and no suffix is a dual in
    // construct whose ي was lost (بجمهوريتي دونيتسك ولوغانسك: جمهورية is
    // listed), when the word as it stands is no word.
    if (mc.weight < 0 && mw.identity <= 0 && f.size() == s.size() + 1 && f.back() == U'ي' &&
        DualConstruct(m, s))
      mc.weight = kListedNisbaForm;
    mc.nisba = final_yeh && ListedNisbaForm(m, f);
    mc.final_yeh = final_yeh;
    mc.info = Describe(m, f);
    const std::u32string_view st = StripClitics(mc.form);
    mc.st_off = static_cast<std::uint32_t>(st.data() - mc.form.data());
    mc.st_len = static_cast<std::uint32_t>(st.size());
    mc.kaf_stem = st.size() >= 5 && st[0] == U'ك';
    mc.h_form = HashWord(mc.form);
    if (st.size() >= 3) mc.h_st = HashWord(st);
    if (final_yeh && st.size() >= 3) mc.h_nisba = HashWord(st.substr(0, st.size() - 1));
    mw.cands.push_back(std::move(mc));
  }
  return cache.words.emplace(std::u32string(s), std::move(mw)).first->second;
}

}  // namespace

void Repair(Document& doc, const Model& model, Mode mode, const Options& options) {
  if (mode == Mode::kOff || doc.failed) return;
  const Model::Impl& m = model.impl();
  RepairInfo& info = doc.repair;
  info.ran = true;
  // The text as code points, in a buffer that is not zeroed first (sized
  // for one code point per byte; only the decoded part is read).
  const auto decoded = std::make_unique_for_overwrite<char32_t[]>(doc.text.size() + 1);
  const std::u32string_view t(
      decoded.get(), static_cast<std::size_t>(DecodeInto(doc.text, decoded.get()) - decoded.get()));
  const std::uint32_t n = static_cast<std::uint32_t>(t.size());

  // Words and blocks (a blank line starts a block), and detection in the
  // same pass: no allocation beyond the arrays, dictionary work only for
  // words no longer than the longest damaged shape.
  std::vector<Word> words;
  std::vector<std::uint32_t> block_start = {0};
  std::vector<BlockStats> stats(1);
  {
    std::uint32_t block = 0;
    int newlines = 0;
    bool seen_text = false;
    for (std::uint32_t i = 0; i < n;) {
      char32_t c = t[i];
      if (IsLetter(c)) {
        if (newlines >= 2 && seen_text) {
          ++block;
          block_start.push_back(i);
          stats.emplace_back();
        }
        newlines = 0;
        seen_text = true;
        std::uint32_t s = i;
        // Only a word with one of ك ي ى can have a letter the damage removes.
        bool kaf_or_yeh = false;
        for (; i < n && IsArabicWordChar(t[i]); ++i)
          kaf_or_yeh = kaf_or_yeh || t[i] == U'ك' || t[i] == U'ي' || t[i] == U'ى';
        words.push_back({s, i, block});
        const std::u32string_view word(t.data() + s, i - s);
        if (kaf_or_yeh && HasDamageable(word)) ++stats[block].clean;
        std::u32string_view core = word;
        if (core.size() > 1 && core[0] == U'و') core.remove_prefix(1);
        if (m.IsJunk(core)) ++stats[block].damaged_fw;
        continue;
      }
      if (c == U'\n')
        ++newlines;
      else if (c != U' ' && c != U'\t') {
        if (newlines >= 2 && seen_text) {
          ++block;
          block_start.push_back(i);
          stats.emplace_back();
        }
        newlines = 0;
        seen_text = true;
      }
      ++i;
    }
  }
  const std::size_t nblocks = block_start.size();

  // Detection.
  int dmg = 0, clean = 0;
  for (const auto& b : stats) {
    dmg += b.damaged_fw;
    clean += b.clean;
  }
  info.damaged = dmg >= 2 && dmg > 3 * clean;
  const double margin = info.damaged ? dmg - 3.0 * clean : clean + 1.0 - dmg;
  info.confidence = 1.0 - std::exp(-std::max(0.0, margin) / 3.0);
  std::vector<bool> repair_block(nblocks, mode == Mode::kOn);
  int blocks_damaged = 0;
  for (std::size_t b = 0; b < nblocks; ++b) {
    // Within a damaged document a block needs less evidence than the whole:
    // damage itself leaves words that look clean (a final ي whose word lost
    // a following ك), so a block is left alone only when its clean letters
    // are at least as many as its damaged function words.
    bool damaged = info.damaged && (stats[b].clean == 0 || stats[b].damaged_fw > stats[b].clean);
    if (damaged) {
      repair_block[b] = true;
      ++blocks_damaged;
    }
  }

  info.stats.push_back({"damaged_function_words", std::to_string(dmg)});
  info.stats.push_back({"damageable_letters", std::to_string(clean)});
  info.stats.push_back({"blocks", std::to_string(nblocks)});
  info.stats.push_back({"blocks_damaged", std::to_string(blocks_damaged)});

  std::vector<Op> ops;
  std::size_t examined = 0, changed = 0;
  const bool any_repair =
      std::find(repair_block.begin(), repair_block.end(), true) != repair_block.end();

  // Document evidence, needed only when some block is repaired. Views into t.
  // Every word form gets an id (its index in vocab), so per-form work below
  // is done once per form and looked up by index.
  WordSet vocab;
  std::vector<std::uint32_t> word_id;
  std::vector<std::u32string_view> kaf_stems;  // surviving words that start with ك
  WordSet nisba_stems;                         // X of Xية, Xيين ... in the document
  if (any_repair) {
    vocab.reserve(words.size());
    word_id.resize(words.size());
    for (std::size_t wi = 0; wi < words.size(); ++wi) {
      const Word& w = words[wi];
      std::u32string_view s(t.data() + w.start, w.end - w.start);
      const auto [id, fresh] = vocab.Intern(s);
      word_id[wi] = id;
      if (!fresh) continue;  // the stems of a form are collected once
      std::u32string_view st = StripClitics(s);
      if (st.size() >= 5 && st[0] == U'ك') kaf_stems.push_back(st);
      // Every suffix starts with ي, 2 to 4 letters from the end.
      const std::size_t z = st.size();
      const bool yeh_near_end =
          z >= 4 && (st[z - 2] == U'ي' || st[z - 3] == U'ي' || st[z - 4] == U'ي');
      for (std::u32string_view suf : kNisbaSuffixes)
        if (yeh_near_end && EndsWith(st, suf) && st.size() >= suf.size() + 2) {
          nisba_stems.emplace(st.substr(0, st.size() - suf.size()));
          break;
        }
    }
    std::sort(kaf_stems.begin(), kaf_stems.end());
    kaf_stems.erase(std::unique(kaf_stems.begin(), kaf_stems.end()), kaf_stems.end());
  }

  // Lost letters. The candidates of a word and their model weights depend
  // only on the model: they are cached per thread across documents. Memo
  // adds the document evidence, per form id; built on first use.
  struct Memo {
    bool ready = false;
    float identity = 0;
    bool identity_stripped = false;
    FormInfo info;                 // of the form itself
    std::vector<Candidate> cands;  // known candidates other than identity
    // The family-name reading (Candidate::family), scored only in a family
    // name's slot: kept apart so that words without other candidates skip
    // scoring.
    std::vector<Candidate> family;
  };
  std::vector<Memo> memo(vocab.size());
  std::vector<std::u32string> buf;
  // seen_st: StripClitics of the word as it stands.
  auto doc_evidence = [&](const ModelCandidate& mc, std::u32string_view seen_st) -> float {
    const std::u32string_view form = mc.form;
    const std::u32string_view st = form.substr(mc.st_off, mc.st_len);
    if (vocab.count(form, mc.h_form) || (mc.st_len >= 3 && vocab.count(st, mc.h_st)))
      return kDocEvidence;
    // A restored kaf that starts the stem, matching a surviving word of the
    // document (كازاخستان for لازاخستان, الازاخستانية).
    if (mc.kaf_stem && (seen_st.empty() || seen_st[0] != U'ك')) {
      auto it = std::upper_bound(kaf_stems.begin(), kaf_stems.end(), st);
      if (it != kaf_stems.begin()) {
        const auto& p = *(it - 1);
        if (StartsWith(st, p)) return kDocPrefixEvidence;
      }
      if (it != kaf_stems.end() &&
          StartsWith(*it, st.substr(0, std::max<std::size_t>(5, st.size() - 3))))
        return kDocPrefixEvidence;
    }
    return 0;
  };
  auto memo_of = [&](std::uint32_t id) -> const Memo& {
    Memo& mm = memo[id];
    if (mm.ready) return mm;
    const std::u32string_view s = vocab.key(id);
    const ModelWord& mw = CachedModelWord(m, s, buf);
    mm.ready = true;
    mm.identity = mw.identity;
    mm.identity_stripped = mw.identity_stripped;
    mm.info = mw.info;
    const std::u32string_view seen_st = StripClitics(s);
    for (const ModelCandidate& mc : mw.cands) {
      const float wt = mc.weight;
      float ev = doc_evidence(mc, seen_st);
      bool nisba_doc = false;
      if (mc.final_yeh) {
        std::u32string_view st(mc.form.data() + mc.st_off, mc.st_len);
        st.remove_suffix(1);
        nisba_doc = st.size() >= 2 && nisba_stems.count(st, mc.h_nisba) > 0;
      }
      const bool family = wt < 0 && ev == 0 && mc.final_yeh && mc.form.back() == U'ي' &&
                          mc.form.size() == s.size() + 1 && mc.info.definite && s.size() >= 5 &&
                          mm.identity < kStrongWord && mm.info.kind == Kind::kWord;
      if (wt < 0 && ev == 0 && !(nisba_doc && mm.identity <= 0) && !family) continue;
      const bool jarr = HasJarrProclitic(m, mc.form);
      const bool maqsur_verb_shape = mc.form.back() == U'ى' && mc.form.size() > s.size() &&
                                     (mc.info.definite || jarr) && !CuratedWithArticle(m, mc.form);
      float conj_gain = 0;
      if (wt > 0 && mc.form.size() >= 3 && (mc.form[0] == U'و' || mc.form[0] == U'ف')) {
        const Entry* whole = m.Find(mc.form);
        conj_gain = whole == nullptr ? kPrepWithoutObject : std::max(0.0f, wt - whole->weight);
      }
      std::vector<Candidate>& into = family && !nisba_doc ? mm.family : mm.cands;
      into.push_back({mc.form, mc.info, std::max(0.0f, wt) + ev, mc.final_yeh, mw.lone, nisba_doc,
                      wt >= 0, maqsur_verb_shape, jarr, conj_gain,
                      mc.form.back() == U'ى' && CuratedWithArticle(m, mc.form), mc.whole, mc.nisba,
                      family && !nisba_doc,
                      // (Names in the frequency corpus are its writers'
                      // choice, no evidence: a given name gains nothing.)
                      mc.info.given || mc.info.person
                          ? 0.0f
                          : std::clamp(kFreqScale * (mc.freq - mw.freq), -kFreqCap, kFreqCap)});
    }
    // In a damaged document the other forms of a nisba are damaged too: a
    // nisba no list knows, backed only by such a form (حومي by الحومية),
    // yields to a listed nisba that restores a kaf as well (حكومي).
    // (A nisba known only through its other forms, حومة for حومي, counts as
    // no list's.)
    bool listed_longer_nisba = false;
    for (const Candidate& c : mm.cands)
      if (c.whole && c.final_yeh && c.form.size() >= s.size() + 2) listed_longer_nisba = true;
    if (listed_longer_nisba)
      std::erase_if(mm.cands, [&](const Candidate& c) {
        return !c.whole && c.final_yeh && c.form.size() == s.size() + 1;
      });
    return mm;
  };
  // Are the words ending at `from` and starting at `to` in one phrase: only
  // blanks between them, or sentence-final punctuation printed at the start
  // of the line right before the second, which belongs to the end of some
  // later line (see the visual-order repair below)?
  auto Joined = [&](std::uint32_t from, std::uint32_t to) {
    if (from > to) return false;
    // A hyphen with no blank around it makes one compound of two words
    // (المشرق-العربي, as in tags and headings): they are one phrase.
    if (to == from + 1 && t[from] == U'-') return true;
    std::uint32_t upto = to;
    if (upto > from + 1 && IsLinePunct(t[upto - 1])) {
      std::uint32_t b = upto - 1;
      while (b > from && (t[b - 1] == U' ' || t[b - 1] == U'\t')) --b;
      if (b > from && t[b - 1] == U'\n') upto = b;
    }
    for (std::uint32_t q = from; q < upto; ++q)
      if (t[q] != U' ' && t[q] != U'\n' && t[q] != U'\t') return false;
    return true;
  };
  // The previous word as decided: its form, and where its FormInfo lives (a
  // chosen candidate, or the memo of the word as it stands).
  std::u32string_view prev_form;
  // The word before it as decided, when in one phrase with it.
  std::u32string_view prev2_form;
  // The FormInfo of the word before it as decided (null across unrepaired
  // text).
  const FormInfo* pp_info = nullptr;
  const Candidate* prev_cand = nullptr;
  std::uint32_t prev_id = 0;
  std::uint32_t prev_end = 0;
  // A person's name after a title: title_run counts the words since a title
  // (الباحث, النائب) while they are definite words or prepositions that
  // qualify it (النائب الأردني السابق, الباحث في الشؤون الآسيوية); the first
  // other word is the given name's slot, and the word after the given name
  // (or after a listed given name anywhere) is the family name's slot.
  int title_run = 0;
  bool family_next = false;
  for (std::size_t wi = 0; any_repair && wi < words.size(); ++wi) {
    const Word& w = words[wi];
    std::u32string_view s(t.data() + w.start, w.end - w.start);
    if (!repair_block[w.block]) {
      title_run = 0;
      family_next = false;
      prev2_form = {};
      pp_info = nullptr;
      prev_form = s;
      prev_cand = nullptr;
      prev_id = word_id[wi];
      prev_end = w.end;
      continue;
    }
    ++examined;
    const Memo& mm = memo_of(word_id[wi]);
    const Candidate* pick = nullptr;
    // Punctuation between words ends a name and a title's phrase.
    if ((title_run > 0 || family_next) && (prev_form.empty() || !Joined(prev_end, w.start))) {
      title_run = 0;
      family_next = false;
    }
    const bool name_slot = title_run > 0;
    const bool family_slot = family_next;
    if (!mm.cands.empty() || (family_slot && !mm.family.empty())) {
      const FormInfo& self = mm.info;
      float id_score = mm.identity;
      // Context: what follows (punctuation?) and the previous word.
      std::uint32_t k = w.end;
      while (k < n && (t[k] == U' ' || t[k] == U'\t')) ++k;
      bool next_is_punct =
          k >= n || (!IsLetter(t[k]) && t[k] != U'\n' && !(t[k] >= U'0' && t[k] <= U'9'));
      // The next word when it follows after blanks only (nx_raw), and its
      // FormInfo (an empty form is no word of any kind).
      std::u32string_view nx_raw;
      static const FormInfo kNoWord;
      const FormInfo* nxi = &kNoWord;
      if (wi + 1 < words.size() && words[wi + 1].start == k) {
        nx_raw = std::u32string_view(t.data() + words[wi + 1].start,
                                     words[wi + 1].end - words[wi + 1].start);
        nxi = &memo_of(word_id[wi + 1]).info;
      }
      bool next_is_func = false, next_is_verb = false;
      if (!nx_raw.empty() && !next_is_punct) {
        const std::u32string_view nx = nx_raw;
        next_is_func = nxi->kind != Kind::kWord;
        // An imperfect verb opens with one of أ ت ن ي.
        next_is_verb = nx.size() >= 3 && !next_is_func &&
                       (nx[0] == U'ي' || nx[0] == U'ت' || nx[0] == U'ن' || nx[0] == U'أ');
      }
      // Punctuation that closes a phrase (not quotes or dashes).
      const bool next_closes = k >= n || t[k] == U'.' || t[k] == U'،' || t[k] == U'؛' ||
                               t[k] == U':' || t[k] == U'؟' || t[k] == U'!' || t[k] == U')' ||
                               t[k] == U',' || t[k] == U';';
      const Kind self_kind = self.kind;
      const bool next_is_prep = next_is_func && (nxi->preposition || nxi->kind != Kind::kFunc);
      if (self_kind == Kind::kPrep && (next_is_punct || next_is_prep))
        id_score -= kPrepWithoutObject;
      if (self_kind == Kind::kBeforeVerb && !next_is_verb) id_score -= kPrepWithoutObject;
      static const FormInfo kNoPrev;
      const FormInfo& prev = prev_form.empty() ? kNoPrev
                             : prev_cand       ? prev_cand->info
                                               : memo_of(prev_id).info;
      const bool prev_adjacent = !prev_form.empty() && Joined(prev_end, w.start);
      // A preposition right after another one is unlikely (إلى بين).
      if (self_kind == Kind::kPrep && prev_adjacent && prev.preposition)
        id_score -= kPrepWithoutObject;
      // بين between أن/إن and a verb's shape that is no name: the particle's
      // noun, then its verb (أن بكين تريد), not a preposition with an object
      // (not من, also a relative pronoun: أن من يريد).
      if (s.size() == 3 && s == U"بين" && prev_adjacent &&
          (prev_form == U"أن" || prev_form == U"إن" || prev_form == U"لأن" || prev_form == U"وأن" ||
           prev_form == U"وإن" || prev_form == U"بأن") &&
          !nxi->name && !nxi->definite && nx_raw.size() >= 3 &&
          ((nxi->verb && (nx_raw[0] == U'ت' || nx_raw[0] == U'ي')) ||
           // or a feminine participle, the particle's predicate (إن بكين
           // مستعدة): derived forms in مت / مفت / مست.
           (nx_raw.size() >= 5 && nx_raw[0] == U'م' && nx_raw.back() == U'ة' &&
            (nx_raw[1] == U'ت' || nx_raw[2] == U'ت'))))
        id_score -= kPrepWithoutObject;
      const bool prev_feminine = prev.feminine;
      // A dual or plural head takes no singular nisba, unless the nisba
      // opens an apposition naming one of them (الرئيسان الروسي بوتين ...).
      const bool agreement = prev_adjacent && StartsWith(s, U"ال") && !prev_feminine &&
                             (!prev.dual_plural || nxi->person) &&
                             (prev.definite || (prev.pronoun && !prev.verb));
      // The same agreement with a feminine head: a definite feminine noun, or
      // a place name in ا (آسيا, روسيا: names of lands are feminine), takes
      // the feminine elative or ordinal in ى (القمة الأولى, آسيا الوسطى).
      // So does the feminine pronoun هي as a subject (هي الأولى من نوعها).
      const bool feminine_agreement =
          prev_adjacent && StartsWith(s, U"ال") &&
          ((prev_feminine && prev.definite) ||
           (prev.name && prev_form.size() >= 4 && prev_form.back() == U'ا') || prev_form == U"هي" ||
           prev_form == U"وهي");
      // Coordination with a preceding nisba adjective (عسكري وسياس).
      const bool self_name = self.name;
      const bool self_content = self_kind == Kind::kWord && !self_name;
      // A proper name takes no indefinite adjective and is no nisba.
      const bool prev_name = prev.name;
      // Is the next word a nisba of this word's definiteness, as it stands
      // (after د ر ز و the ي survives) or restored by its own evidence?
      // Then this word is the noun it qualifies (النووي والتعاون الاقتصادي),
      // not a second nisba.
      auto next_nisba = [&]() {
        if (nx_raw.size() < 4 || next_is_punct || nxi->definite != self.definite) return false;
        if (nx_raw.back() == U'ي') return !nxi->verb && !nxi->person;
        const Memo& nm = memo_of(word_id[wi + 1]);
        for (const Candidate& c : nm.cands)
          if (c.final_yeh && c.nisba && c.form.size() == nx_raw.size() + 1 &&
              c.score > nm.identity + kMargin)
            return true;
        return false;
      };
      // (A name counts when it was restored here as a listed nisba, مالي is
      // also a land's name, and this word is no frequent one: والدول stays
      // after الأوروبي.)
      const bool coordination = prev_adjacent && self_content && s.size() >= 3 && s[0] == U'و' &&
                                (!prev_name || (prev_cand != nullptr && prev_cand->nisba &&
                                                mm.identity < kGazetteerWeight)) &&
                                prev_form.size() >= 4 && prev_form.back() == U'ي' &&
                                prev.kind_conj == Kind::kWord && !next_nisba();
      // The ordinal ثان is in construct with a definite noun or an elative
      // that follows it (ثاني أكبر, ثاني المدن), and a construct keeps the
      // ي of a defective noun.
      const bool ordinal = s.size() <= 4 && (s == U"ثان" || s == U"وثان");
      const bool ordinal_construct =
          ordinal && !next_is_punct &&
          ((nx_raw.size() == 4 && nx_raw[0] == U'أ') || IsDefinite(nx_raw));
      const bool apposition = self.definite && nxi->person && !next_is_punct && !self.person;
      // Or over أو: "X-ي أو Y" (الروسي أو الصين -> الصيني), X and Y alike
      // definite or not.
      // Demonyms are gazetteer names, which the rule above leaves out: a
      // demonym coordinated with a demonym or a nisba (المصري والعرب ->
      // والعربي) is one too.
      const bool coordination_or = prev2_form.size() >= 4 && prev_adjacent && prev_form == U"أو" &&
                                   prev2_form.back() == U'ي' && s.size() >= 3 &&
                                   self_kind == Kind::kWord && !self.person &&
                                   IsDefinite(prev2_form) == self.definite;
      // Two nisbas joined by a dash (الهندي ـ الباكستاني, الروسي-الأوكراني):
      // the previous word, decided, ends in ي and only blanks and one dash
      // stand between.
      bool coordination_dash = false;
      if (!prev_adjacent && prev_form.size() >= 4 && prev_form.back() == U'ي' &&
          prev_end < w.start && w.start - prev_end <= 5 && self.definite && IsDefinite(prev_form) &&
          !self.person && self_kind == Kind::kWord) {
        int dashes = 0;
        bool other = false;
        for (std::uint32_t q = prev_end; q < w.start; ++q) {
          if (t[q] == U'-' || t[q] == U'ـ' || t[q] == U'–' || t[q] == U'—')
            ++dashes;
          else if (t[q] != U' ')
            other = true;
        }
        coordination_dash = dashes == 1 && !other;
      }
      // A lone tatweel between blanks is read as a word: the nisba is then
      // the word before it.
      if (prev_adjacent && prev_form == U"ـ" && prev2_form.size() >= 4 &&
          prev2_form.back() == U'ي' && self.definite && IsDefinite(prev2_form) && !self.person &&
          self_kind == Kind::kWord)
        coordination_dash = true;
      const bool coordination_demonym =
          prev_adjacent && !coordination && prev.name && s.size() >= 4 && s[0] == U'و' &&
          self_kind == Kind::kWord && !self.person && prev_form.size() >= 4 &&
          prev_form.back() == U'ي' && !prev.person && IsDefinite(prev_form) == self.definite;
      // The same coordination read backwards: the next word is و + a nisba,
      // written whole (واقتصادي: after د the ي survives) or one that its own
      // evidence restores (وصين -> وصيني), so this word is the first nisba
      // of the pair (روس وصين -> روسي وصيني).
      bool coordinated_next = false;
      // Demonyms count (روسي and صيني are gazetteer names), words of
      // persons' names do not.
      if (self_kind == Kind::kWord && !self.person && s.size() >= 3 && s[0] != U'و' &&
          nx_raw.size() >= 4 && nx_raw[0] == U'و' && !next_is_punct && !nxi->person &&
          nxi->kind_conj == Kind::kWord) {
        const Memo& nm = memo_of(word_id[wi + 1]);
        if (nx_raw.back() == U'ي') {
          coordinated_next = nm.identity > 0 && !nxi->verb;
        } else {
          for (const Candidate& c : nm.cands)
            // A verb's shape (وتأتي) is no nisba unless a list knows the
            // nisba's other forms (وتقني: تقنية).
            if (c.final_yeh && (c.nisba || !c.info.verb) && !c.info.person &&
                c.form.size() == nx_raw.size() + 1 && c.score > nm.identity + kMargin)
              coordinated_next = true;
        }
      }
      // Indefinite noun + indefinite adjective, closed by a preposition,
      // conjunction, function word or punctuation (a construct state would
      // be followed by its genitive noun instead).
      // A damaged function word (ف for في, إل for إلى, الت for التي) closes
      // it too, unless the word has a verb's shape (وإنما تحافظ عل).
      bool indefinite = false;
      bool indefinite_before_adjective = false;
      // A verb's shape in ت right after a preposition or a quantifier, listed
      // with the article, is a masdar (أي تدخل, بعد تحرك): a noun that takes
      // an adjective (أي تدخل خارجي).
      const bool prev_noun_by_position = prev.verb && prev_adjacent && pp_info != nullptr &&
                                         (pp_info->noun_object || pp_info->governs) &&
                                         ListedWithArticle(m, prev_form);
      // (A two-letter word only when it is no preposition with a pronoun:
      // فن, not به.)
      if (prev_adjacent && self_content && (s.size() >= 3 || !self.governs) && s.size() >= 2 &&
          !self.definite && !prev.definite && prev_form.size() >= 3 && !prev_feminine &&
          !prev.pronoun && prev.kind_conj == Kind::kWord && !prev.preposition &&
          (!prev.verb || prev_noun_by_position) && !prev_name && !prev.governs) {
        const bool closes =
            next_closes || nxi->preposition || (nxi->kind == Kind::kJunk && !self.verb) ||
            nx_raw == U"من" || nx_raw == U"عن" || nx_raw == U"أن" || nx_raw == U"بأن" ||
            (nx_raw.size() >= 4 && (nx_raw[0] == U'و' || nx_raw[0] == U'ل' || nx_raw[0] == U'ب')) ||
            // و + a particle opens a new clause (ولم, ولا, وقد).
            (nx_raw.size() == 3 && nx_raw[0] == U'و' && m.KindOf(nx_raw.substr(1)) != Kind::kWord);
        indefinite = closes;
        // Or a second masculine indefinite adjective follows, of a shape
        // that is rarely a noun: فعيل (جديد, كبير), فاعل (حاسم, شامل) or a
        // derived participle
        // مفتعل / متفاعل / مستفعل (مشترك, متكامل, مستقل): نظام عالمي جديد.
        // A feminine one (فرص عمل جديدة) agrees with the head instead.
        if (!closes && nx_raw.size() >= 4 && !nxi->definite && !nxi->name && !nxi->feminine &&
            nxi->kind_conj == Kind::kWord && !nxi->verb && !IsDefinite(nx_raw)) {
          const std::u32string_view a = nx_raw;
          const bool fail = a.size() == 4 && ((a[2] == U'ي' && a[1] != U'ي') || a[1] == U'ا');
          const bool participle = a.size() >= 5 && a[0] == U'م' &&
                                  (a[1] == U'ت' || a[2] == U'ت' || (a[1] == U'س' && a[2] == U'ت'));
          indefinite_before_adjective = fail || participle;
        }
      }
      // A lone letter next to another lone letter is an abbreviation (أ ف ب).
      const bool abbreviation =
          s.size() == 1 && ((prev_adjacent && prev_form.size() == 1) || nx_raw.size() == 1);
      // The next word is a definite word no list knows (nor any of its
      // candidates): the shape of a family name after a given name.
      bool next_family_shape = false;
      if (!nx_raw.empty() && !next_is_punct && nxi->definite && nxi->kind == Kind::kWord &&
          nx_raw.size() >= 5) {
        const Memo& nm = memo_of(word_id[wi + 1]);
        next_family_shape =
            nm.identity <= 0 && std::all_of(nm.cands.begin(), nm.cands.end(),
                                            [](const Candidate& c) { return !c.known; });
      }
      // The word as it stands continues a multi-word name (فرانس برس).
      if (NameBigram(m, s, self, nx_raw, *nxi) ||
          (prev_adjacent && NameBigram(m, prev_form, prev, s, self)))
        id_score += kNameBigram;
      // Construct state: after an indefinite common noun, a definite word is
      // its genitive noun (حقوق الإنسان), not its adjective, which would
      // agree with it in definiteness. So a real word with ال does not
      // become a definite nisba there.
      // The previous word is a proper name (listed, or no word at all) after
      // an indefinite common noun: the noun's construct with the name.
      const bool name_construct =
          prev_adjacent && StartsWith(s, U"ال") && !self.person && pp_info != nullptr &&
          !prev.definite && !prev.person && !prev.given && prev.kind_conj == Kind::kWord &&
          (prev.name || (prev_cand == nullptr && memo_of(prev_id).identity <= 0)) &&
          prev_form.size() >= 3 && !pp_info->definite && !pp_info->pronoun && !pp_info->verb &&
          !pp_info->preposition && !pp_info->name && !pp_info->given && !pp_info->title &&
          pp_info->kind_conj == Kind::kWord;
      const bool genitive_slot = prev_adjacent && !family_slot && self.definite &&
                                 mm.identity >= kSystemWeight && prev_form.size() >= 3 &&
                                 !prev.definite && !prev.pronoun && !prev.preposition &&
                                 !prev.verb && !prev_name && prev.kind_conj == Kind::kWord;
      // The previous word is a preposition that needs its object next.
      const bool prev_takes_object =
          prev_adjacent && (prev.preposition || prev.kind == Kind::kPrep);
      const bool prev_noun_object = prev_adjacent && prev.noun_object;
      // Does a known candidate end in ي where another ends in ى?
      // Does c (in ي) have a sibling in ى that a list holds with its article
      // (الأدنى, الأقصى: elatives, whose ي spelling is a misspelling)?
      auto curated_maqsur_sibling = [&](const Candidate& c) {
        for (const Candidate& o : mm.cands)
          if (o.curated && o.form.size() == c.form.size() && o.form.back() == U'ى' &&
              std::equal(o.form.begin(), o.form.end() - 1, c.form.begin()))
            return true;
        return false;
      };
      auto has_yeh_sibling = [&](const Candidate& c) {
        for (const Candidate& o : mm.cands)
          if (o.known && o.form.size() == c.form.size() && o.form.back() == U'ي' &&
              std::equal(o.form.begin(), o.form.end() - 1, c.form.begin()))
            return true;
        return false;
      };
      // The score of the ى sibling of a ي candidate when that sibling is a
      // past verb's shape in a noun context (see the rules below); else 0.
      auto verb_shape_sibling = [&](const Candidate& c) -> float {
        for (const Candidate& o : mm.cands)
          if (o.known && o.form.size() == c.form.size() && o.form.back() == U'ى' &&
              std::equal(o.form.begin(), o.form.end() - 1, c.form.begin()))
            return (o.maqsur_verb_shape || prev_noun_object) &&
                           DefectiveVerbShape(StripClitics(o.form))
                       ? o.score
                       : 0.0f;
        return 0.0f;
      };
      // Is the candidate c without its final ي a name with a higher score?
      auto stronger_name_sibling = [&](const Candidate& c) {
        for (const Candidate& o : mm.cands)
          if (o.info.name && o.score > c.score && o.form.size() + 1 == c.form.size() &&
              std::equal(o.form.begin(), o.form.end(), c.form.begin()))
            return true;
        return false;
      };
      // After لم an imperfect verb is jussive, and a defective one has lost
      // its final letter (لم يبق, لم تتخلّ): no final ي/ى is restored there.
      const bool after_lam =
          prev_adjacent && (prev_form == U"لم" || prev_form == U"ولم" || prev_form == U"فلم") &&
          s.size() >= 2 && (s[0] == U'ي' || s[0] == U'ت' || s[0] == U'ن' || s[0] == U'أ');
      const bool whole_self = !mm.identity_stripped && mm.identity > 0;
      // Does the word open a sentence (after . ! ؟ or at a block's start)?
      bool sentence_start = false;
      {
        std::uint32_t q = w.start;
        while (q > 0 && (t[q - 1] == U' ' || t[q - 1] == U'\t' || t[q - 1] == U'\n')) --q;
        sentence_start = q == 0 || t[q - 1] == U'.' || t[q - 1] == U'!' || t[q - 1] == U'؟' ||
                         (w.start - q >= 2 && t[w.start - 1] == U'\n' && t[w.start - 2] == U'\n');
      }
      float best = id_score + kMargin;
      // The last candidate in ي scored, and its score.
      const Candidate* last_yeh = nullptr;
      // Where a past verb is expected: و opening a sentence, or right after
      // قد or إذ (وقد تبنى, إذ التقى).
      const bool after_qad =
          prev_adjacent && prev_form.size() <= 3 &&
          (prev_form == U"قد" || prev_form == U"وقد" || prev_form == U"فقد" || prev_form == U"لقد");
      // (Not تأ...: تأتي is an imperfect; past verbs of the shape تفعّى
      // with a hamza first, تأنّى, are rare.)
      const std::u32string_view s_core = s.size() >= 3 && s[0] == U'و' ? s.substr(1) : s;
      const bool verb_slot = ((sentence_start && s[0] == U'و') || after_qad ||
                              (prev_adjacent && prev_form == U"إذ")) &&
                             !StartsWith(s_core, U"تأ");
      float last_yeh_sc = 0;
      auto score = [&](const Candidate& c) {
        if (after_lam && c.form.size() == s.size() + 1 &&
            (c.form.back() == U'ي' || c.form.back() == U'ى'))
          return;
        float sc = c.score;
        // Word frequencies break near-ties (مستشفى over مستشفي).
        sc += c.freq_gain;
        // A family name's slot: a definite word that no list knows is more
        // often a nisba name (الدميسي) than not; a known word only when the
        // nisba is a listed name (الخزرج, الخطيب and الصالح are names too).
        if (family_slot && self.definite && c.final_yeh && s.back() != U'ي' &&
            c.form.size() == s.size() + 1 && c.form.back() == U'ي' &&
            (mm.identity <= 0 || c.info.name || c.info.person))
          sc += c.family ? kSystemWeight + kDefiniteAgreement : kDefiniteAgreement;
        // A given name in a given name's slot (after a title) before a word
        // of content, or before a definite word no list knows (a family
        // name): قص -> قصي.
        // A damaged function word (عل) is a name only in the slot and before
        // such a family name.
        if (c.info.given && !self.given && c.form.size() == s.size() + 1 && !next_is_punct &&
            (self_kind == Kind::kWord ? (name_slot && !next_is_func) || next_family_shape
                                      : self_kind == Kind::kJunk && name_slot && next_family_shape))
          sc += kDefiniteAgreement;
        // A title right before a given name or a listed person's name
        // (بسجن الصحف إياد -> الصحفي إياد).
        if (c.info.title && !self.title && !next_is_punct && (nxi->given || nxi->person))
          sc += kDefiniteAgreement;
        // A listed given name there stays one (كمال, not كمالي).
        if (self.given && !c.info.given && (name_slot || next_family_shape))
          sc -= kDefiniteAgreement;
        // Context tells an adjective ending in ي from a noun; when the word
        // already ends in ي (فوري), it tells nothing about a kaf to insert
        // (فكوري).
        const bool yeh_ctx = c.final_yeh && s.back() != U'ي';
        const bool name_pair = NameBigram(m, c.form, c.info, nx_raw, *nxi) ||
                               (prev_adjacent && NameBigram(m, prev_form, prev, c.form, c.info));
        if (name_pair) sc += kNameBigram;
        if (c.lone && !name_pair) return;
        // Agreement alone does not overturn a frequent word or a name
        // (الأول, الحسين); with other forms of the nisba in the document it does.
        // Nor does it turn a word of a person's name into a nisba that only
        // the generated word list knows (الحسن -> الحسني).
        const bool person_kept = self.person && c.score <= kSystemWeight;
        // A head made definite by a pronoun (مقرها) may be a subject whose
        // predicate is a listed name (مقرها الصين): that name stays.
        const bool predicate_name =
            self_name && !prev.definite && mm.identity >= kGazetteerWeight + 1;
        if (yeh_ctx && agreement && !predicate_name && !curated_maqsur_sibling(c) &&
            (c.whole || c.nisba || c.info.name || c.nisba_doc) &&
            ((mm.identity < kStrongWord && (!self_name || c.info.name) && !person_kept) ||
             c.nisba_doc))
          sc += kDefiniteAgreement;
        // A definite demonym or nisba opens an apposition with the person's
        // name that follows (بنظرائه الكازاخستاني قاسم توكاييف).
        if (yeh_ctx && apposition && (c.info.name || c.nisba) && !c.info.person && !genitive_slot)
          sc += kDefiniteAgreement;
        if (yeh_ctx && coordination) sc += kCoordination;
        // A noun in construct with a proper name is definite, and its
        // adjective agrees with it after the name (مطار معيتيقة الدولي,
        // ميناء نوفوروسيسك الروسي): a listed nisba.
        if (yeh_ctx && name_construct && (c.nisba || c.info.name) && !c.info.person)
          sc += kDefiniteAgreement;
        // Elsewhere it is indefinite and has no final ي (حل ثانٍ في السباق),
        // even when a name holds the word (آل ثاني: the name is backed by
        // its consecutive words instead).
        if (ordinal && c.form.size() == s.size() + 1 && c.form.back() == U'ي')
          sc += ordinal_construct ? kIndefiniteAgreement : -2 * kIndefiniteAgreement;
        if (yeh_ctx && (coordination_or || coordination_dash) && (c.nisba || c.info.name) &&
            !c.info.person)
          sc += kCoordination;
        // (The conjunction's form may be listed whole, not as a name.)
        if (yeh_ctx && coordination_demonym && !c.info.person &&
            (c.info.name || m.IsName(std::u32string_view(c.form).substr(1))))
          sc += kCoordination;
        if (yeh_ctx && coordinated_next && (c.nisba || !c.info.verb) && !c.info.person &&
            c.info.definite == IsDefinite(nx_raw))
          sc += kCoordination;
        // A form the lists hold whole (المدعي) against the word as it
        // stands known only through its stem (المدع = ال + مدع): a منقوص
        // noun drops its ي only when indefinite, a verb after ل of purpose
        // keeps it (لتنتهي).
        if (mm.identity_stripped && c.whole && c.form.size() == s.size() + 1) sc += kWholeOverStem;
        if (feminine_agreement && c.curated && c.form.size() == s.size() + 1 &&
            c.form.back() == U'ى')
          sc += kDefiniteAgreement;
        // An adjective carries no preposition (لكازاخستاني after a noun
        // is a prepositional phrase, لكازاخستان).
        // Nor does the nisba of a place name beat the name itself when the
        // name is the likelier word (شرق أوزبكستان: a genitive, as after
        // any indefinite noun); the word as it stands is treated likewise
        // (a name takes no indefinite adjective, see self_content).
        // A frequent noun there is as likely a genitive with its own
        // adjective (مكتب رئيس سابق, ابن عالم كبير): it takes the nisba only
        // when other forms of the nisba occur in the document.
        if (yeh_ctx && indefinite_before_adjective && c.nisba && !c.jarr &&
            (mm.identity < kFrequentNoun || c.nisba_doc) && !stronger_name_sibling(c))
          sc += kIndefiniteAgreement;
        if (yeh_ctx && indefinite && (c.nisba || c.nisba_doc) && !c.jarr &&
            !stronger_name_sibling(c))
          sc += kIndefiniteAgreement;
        if (c.final_yeh && c.info.definite && genitive_slot && !name_construct)
          sc -= kDefiniteAgreement;
        if (c.maqsur_verb_shape && has_yeh_sibling(c) && DefectiveVerbShape(StripClitics(c.form)))
          sc -= kVerbShapeAsNoun;
        // A sentence opens on و + a past verb more often than on a noun in
        // construct: ونفى المتحدث, وتبنى التنظيم (not ونفي, وتبني). This
        // only decides between the two once a letter is restored: the ى
        // form takes the score of its ي sibling (scored just before it).
        if (verb_slot && last_yeh != nullptr && c.form.size() == s.size() + 1 &&
            c.form.back() == U'ى' && c.known && c.form.size() >= 4 &&
            last_yeh->info.kind_conj == Kind::kWord && last_yeh->form.size() == c.form.size() &&
            std::equal(c.form.begin(), c.form.end() - 1, last_yeh->form.begin()) &&
            DefectiveVerbShape(StripClitics(c.form)))
          sc = std::max(sc, last_yeh_sc + kFinalOverKaf);
        // After قد only a verb comes: a past verb's shape in ى beats a noun
        // of the same letters (قد تبنى, not قد تبن).
        // (No proclitic: nothing stands between قد and its verb; وصف stays.)
        if (after_qad && c.known && c.form.size() == s.size() + 1 && c.form.back() == U'ى' &&
            DefectiveVerbShape(c.form))
          sc += kIndefiniteAgreement;
        if (c.form.back() == U'ي') {
          last_yeh = &c;
          last_yeh_sc = sc;
        }
        if (prev_noun_object && c.form.size() > s.size() && DefectiveVerbShape(c.form) &&
            has_yeh_sibling(c))
          sc -= kVerbAfterPreposition;
        if (c.final_yeh && c.known) sc = std::max(sc, verb_shape_sibling(c));
        // A preposition is followed by its object, not by a conjunction.
        if (prev_takes_object) sc -= c.conj_gain;
        // A word listed whole (فوري) against a candidate known only as
        // و/ف + a word (ف + كوري): the whole word's own entry counts more.
        else if (whole_self && !c.whole && c.conj_gain > 0)
          sc -= std::min(c.conj_gain, kWholeOverConj);
        // Other forms of the nisba in the document back a context signal,
        // or stand alone when the word as it stands is no known word.
        if (c.nisba_doc && ((agreement || coordination || indefinite) || !c.known)) sc += kNisbaDoc;
        // A tie between a lost final letter and a lost medial kaf goes to
        // the final: a joined final ي/ى is far more common than a medial ك
        // (مستشف: مستشفى, not مستكشف).
        if (c.form.size() == s.size() + 1 && std::equal(s.begin(), s.end(), c.form.begin()))
          sc += kFinalOverKaf;
        if (sc > best) {
          best = sc;
          pick = &c;
        }
      };
      if (!abbreviation) {
        for (const Candidate& c : mm.cands) score(c);
        if (family_slot)
          for (const Candidate& c : mm.family) score(c);
      }
      if (pick) {
        ops.push_back({w.start, w.end, pick->form, "lost-letters"});
        ++changed;
      }
    }
    // Only coordination over أو reads the word before the previous one.
    prev2_form = ((s.size() == 2 && s == U"أو") || (s.size() == 1 && s[0] == U'ـ')) &&
                         !prev_form.empty() && Joined(prev_end, w.start)
                     ? prev_form
                     : std::u32string_view();
    pp_info = prev_form.empty() ? nullptr : prev_cand ? &prev_cand->info : &memo_of(prev_id).info;
    {
      // The word as decided opens, continues or closes a title's phrase.
      const FormInfo& d = pick ? pick->info : mm.info;
      const std::u32string_view f = pick ? std::u32string_view(pick->form) : s;
      // An indefinite noun in construct with a known definite word
      // qualifies the title too (رئيس رابطة المتقاعدين, أستاذ في جامعة
      // البصرة), and so does باسم (المتحدث باسم الهيئة); a given name, or a
      // word before a definite word no list knows (a family name), opens
      // the name.
      bool construct = f == U"باسم";
      if (!construct && title_run > 0 && !d.given && !d.definite && d.kind_conj == Kind::kWord &&
          wi + 1 < words.size()) {
        // The next word as it stands, when only blanks come before it.
        std::uint32_t k = w.end;
        while (k < n && (t[k] == U' ' || t[k] == U'\t')) ++k;
        if (words[wi + 1].start == k) {
          const Memo& nm = memo_of(word_id[wi + 1]);
          construct = IsDefinite(std::u32string_view(t.data() + k, words[wi + 1].end - k)) &&
                      nm.identity > 0 && !nm.info.given;
        }
      }
      const bool qualifies = d.definite || d.preposition || construct;
      const bool in_slot = title_run > 0 && !qualifies && !d.title && d.kind_conj == Kind::kWord;
      family_next =
          (in_slot || (d.given && !d.definite && !construct)) && d.kind_conj == Kind::kWord;
      if (d.title)
        title_run = 1;
      else if (title_run > 0 && title_run < 5 && qualifies)
        title_run += 1;
      else
        title_run = 0;
    }
    prev_form = pick ? std::u32string_view(pick->form) : s;
    prev_cand = pick;
    prev_id = word_id[wi];
    prev_end = w.end;
  }

  // Visual order: sentence-final punctuation at the start of a line.
  std::size_t moved = 0, reversed = 0;
  auto block_of = [&](std::uint32_t pos) {
    return static_cast<std::size_t>(std::upper_bound(block_start.begin(), block_start.end(), pos) -
                                    block_start.begin() - 1);
  };
  // Everything below acts only in blocks to repair.
  for (std::uint32_t ls = 0; any_repair && ls < n;) {
    std::uint32_t le = ls;
    while (le < n && t[le] != U'\n') ++le;
    std::uint32_t a = ls;
    while (a < le && (t[a] == U' ' || t[a] == U'\t')) ++a;
    if (a + 1 < le && repair_block[block_of(a)]) {
      char32_t p = t[a];
      const bool final_punct = IsLinePunct(p);
      if (final_punct && IsLetter(t[a + 1])) {
        std::uint32_t z = le;
        while (z > a && (t[z - 1] == U' ' || t[z - 1] == U'\t')) --z;
        if (options.move_punctuation) {
          ops.push_back({a, a + 1, U"", "punctuation-order"});
          ops.push_back({z, z, std::u32string_view(t.data() + a, 1), "punctuation-order"});
          ++moved;
        } else {
          doc.Diagnose(Severity::kInfo, "repair", "line-initial-punctuation",
                       "sentence-final punctuation printed at the start of a line", a);
        }
      }
      // A line that opens on a lone letter that is no word is likely a run
      // of words in reversed (visual) order.
      std::uint32_t e = a;
      while (e < le && IsArabicWordChar(t[e])) ++e;
      if (e == a + 1 && (e == le || t[e] == U' ') &&
          m.Weight(std::u32string_view(t.data() + a, 1)) < 0) {
        const char32_t c = t[a];
        if (c != U'و' && c != U'ب' && c != U'ل' && c != U'ف' && c != U'ك') {
          doc.Diagnose(Severity::kWarning, "repair", "reversed-run",
                       "line looks like words in reversed visual order; left as is", a);
          ++reversed;
        }
      }
    }
    ls = le + 1;
  }

  info.stats.push_back({"words_examined", std::to_string(examined)});
  info.stats.push_back({"words_changed", std::to_string(changed)});
  info.stats.push_back({"punctuation_moved", std::to_string(moved)});
  info.stats.push_back({"reversed_runs_reported", std::to_string(reversed)});
  if (ops.empty()) return;

  std::stable_sort(ops.begin(), ops.end(), [](const Op& x, const Op& y) {
    return x.start != y.start ? x.start < y.start : x.end < y.end;
  });
  info.before = doc.text;
  std::u32string out;
  out.reserve(n + ops.size() * 2);
  std::uint32_t pos = 0;
  for (const Op& op : ops) {
    out.append(t, pos, op.start - pos);
    Edit e;
    e.start = static_cast<std::uint32_t>(out.size());
    out += op.text;
    e.end = static_cast<std::uint32_t>(out.size());
    e.orig_start = op.start;
    e.orig_end = op.end;
    e.reason = op.reason;
    info.edits.push_back(std::move(e));
    pos = op.end;
  }
  out.append(t, pos, n - pos);
  doc.text = Encode(out);
  // Spans added before repair (PDF pages) follow the text they cover.
  for (Span& sp : doc.spans) {
    sp.start = info.ToAfter(sp.start);
    sp.end = info.ToAfter(sp.end);
  }
}

}  // namespace nufuz::repair
