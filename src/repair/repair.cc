#include "repair/repair.h"

#include <algorithm>
#include <atomic>
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
#include "repair/damage.h"

namespace nufuz::repair {
namespace {

enum class Kind : std::uint8_t { kWord, kFunc, kPrep, kBeforeVerb, kJunk };

struct Entry {
  float weight = 0;
  Kind kind = Kind::kWord;
  bool curated = false;
  bool name = false;  // from the gazetteer (a proper name or its nisba)
};

// Weight of a word known only from the generated system list / gazetteer.
constexpr float kSystemWeight = 2.0f;
// A curated weight from which a word counts as frequent.
constexpr float kStrongWord = 5.0f;
constexpr float kGazetteerWeight = 3.0f;
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

std::u32string Decode(std::string_view s) {
  std::u32string u;
  u.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) u.push_back(utf8::Next(s, i));
  return u;
}

std::string Encode(std::u32string_view u) {
  std::string s;
  s.reserve(u.size() * 2);
  for (char32_t c : u) utf8::Append(s, c);
  return s;
}

bool StartsWith(std::u32string_view s, std::u32string_view p) {
  return s.size() >= p.size() && s.substr(0, p.size()) == p;
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
  bool insert(std::u32string_view w) {
    if ((keys_.size() + 1) * 2 > slots_.size())
      Rehash(std::max<std::size_t>(16, slots_.size() * 2));
    const std::uint64_t h = HashWord(w);
    const std::uint64_t tag = h & kTagMask;
    std::size_t i = h & mask_;
    for (;; i = (i + 1) & mask_) {
      const std::uint64_t s = slots_[i];
      if (s == 0) break;
      if ((s & kTagMask) == tag && keys_[(s & ~kTagMask) - 1] == w) return false;
    }
    keys_.push_back(w);
    slots_[i] = tag | keys_.size();
    return true;
  }
  bool emplace(std::u32string_view w) { return insert(w); }

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

  const Entry* Find(std::u32string_view w) const {
    if (keys_.empty()) return nullptr;
    const std::uint64_t h = HashWord(w);
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
  Entry* Insert(std::u32string_view w, const Entry& e) {
    if ((keys_.size() + 1) * 2 > slots_.size())
      Rehash(std::max<std::size_t>(16, slots_.size() * 2));
    keys_.push_back(w);
    entries_.push_back(e);
    Place(HashWord(w), keys_.size() - 1);
    return &entries_.back();
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
  // Words of kind junk (damaged function-word shapes), for detection.
  WordSet junk;
  std::size_t junk_max = 0;    // longest junk word (code points)
  std::size_t bigram_max = 0;  // longest name bigram (code points)

  // Inserts w -> e unless present; returns the entry and whether it is new.
  std::pair<Entry*, bool> Emplace(std::u32string_view w, const Entry& e) {
    if (Entry* found = words.Find(w)) return {found, false};
    return {words.Insert(arena.Own(w), e), true};
  }

  void AddBigram(std::u32string_view a, std::u32string_view b) {
    std::u32string k(a);
    k += U' ';
    k += b;
    if (name_bigrams.count(k) > 0) return;
    bigram_max = std::max(bigram_max, k.size());
    name_bigrams.insert(arena.Own(k));
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
    auto consider = [&](std::u32string_view form, bool stripped, bool conj_only) {
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
      consider(r.substr(2), true, false);
    } else if (!r.empty() && (r[0] == U'ب' || r[0] == U'ل' || r[0] == U'ك') && r.size() > 2) {
      std::u32string_view r2 = r.substr(1);
      consider(r2, true, false);
      if (StartsWith(r2, U"ال") && r2.size() > 3) consider(r2.substr(2), true, false);
    }
    if (StartsWith(r, U"ال") && r.size() > 3) consider(r.substr(2), true, false);
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

Status AddTable(Model::Impl& m, const std::filesystem::path& path, bool curated) {
  auto t = TsvTable::Load(path, {"word"});
  if (!t.ok()) return t.status();
  int cw = t->Column("word"), ck = t->Column("kind"), cwt = t->Column("weight");
  for (std::size_t r = 0; r < t->rows(); ++r) {
    std::u32string w = Decode(t->Cell(r, cw));
    if (w.empty()) continue;
    Entry e;
    e.weight = kSystemWeight;
    e.curated = curated;
    if (cwt >= 0) {
      const std::string& s = t->Cell(r, cwt);
      char* end = nullptr;
      double v = std::strtod(s.c_str(), &end);
      if (s.empty() || end != s.c_str() + s.size() || v < 0 || v > 100)
        return Status::Error(StatusCode::kDataError,
                             t->Where(r) + ": weight must be a number 0..100");
      e.weight = static_cast<float>(v);
    }
    if (ck >= 0) {
      const std::string& k = t->Cell(r, ck);
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
                             t->Where(r) + ": kind must be word, func, prep, beforeverb or junk");
    }
    auto [entry, fresh] = m.Emplace(w, e);
    if (!fresh && curated) *entry = e;  // curated rows override the system list
  }
  return Status::Ok();
}

// Gazetteer names: any column called name/alias(es)/ar/arabic/name_ar/ar_names;
// words split on any non-letter (so "a|b" lists work).
Status AddGazetteer(Model::Impl& m, const std::filesystem::path& path) {
  auto t = TsvTable::Load(path);
  if (!t.ok()) return t.status();
  std::vector<int> cols;
  for (const char* n : {"name", "alias", "aliases", "ar", "arabic", "name_ar", "ar_names"})
    if (int c = t->Column(n); c >= 0) cols.push_back(c);
  for (std::size_t r = 0; r < t->rows(); ++r)
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
          if (!fresh && !entry->curated) entry->weight = std::max(entry->weight, e.weight);
        }
        w.clear();
      }
    }
  return Status::Ok();
}

}  // namespace

Result<std::shared_ptr<const Model>> Model::Load(const std::filesystem::path& data_dir) {
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
  impl->Finish();
  return std::shared_ptr<const Model>(std::make_shared<Model>(std::move(impl)));
}

namespace {

struct Word {
  std::uint32_t start = 0, end = 0;  // code points
  std::uint32_t block = 0;
};

struct Candidate {
  std::u32string form;
  float score = 0;
  bool final_yeh = false;  // restored a final ي
  bool lone = false;       // restored from a lone letter: needs a name bigram
  bool nisba_doc = false;  // other forms of this nisba occur in the document
  bool known = false;      // in a word list (not only document evidence)
};

bool EndsWith(std::u32string_view s, std::u32string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
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

bool IsLetter(char32_t c) {
  return IsArabicWordChar(c) && !IsTransparent(c);
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
    if (IsDualJoining(w[j - 1]) && (IsDualJoining(w[i]) || IsRightJoining(w[i]))) gaps.push_back(i);
  }
  const bool final_ok = IsDualJoining(last);
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
  for (std::u32string_view p : {U"في", U"إلى", U"على", U"عن", U"مع", U"حتى", U"نحو", U"لدى"})
    if (w == p) return true;
  return false;
}

struct BlockStats {
  int damaged_fw = 0;  // damaged function words
  int clean = 0;       // letters damage would have removed
};

struct Op {  // a replacement in before-coordinates
  std::uint32_t start, end;
  std::u32string text;
  std::string reason;
};

// The document-independent part of a word's repair candidates.
struct ModelCandidate {
  std::u32string form;
  float weight;    // m.Weight(form): -1 when unknown
  bool final_yeh;  // restored a final ي
  // StripClitics(form) as form.substr(st_off, st_len), and hashes of form,
  // of that stem (when >= 3 long) and of the stem without its final letter
  // (final_yeh only), for the document lookups.
  std::uint32_t st_off = 0, st_len = 0;
  std::uint64_t h_form = 0, h_st = 0, h_nisba = 0;
};
struct ModelWord {
  float identity = 0;                 // max(0, m.Weight(word))
  bool lone = false;                  // a lone letter not listed as a damaged shape
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
  mw.identity = std::max(0.0f, m.Weight(s));
  // A lone letter is restored only when listed as a damaged shape (ف).
  const Entry* self = m.Find(s);
  mw.lone = s.size() == 1 && !(self && self->kind == Kind::kJunk);
  const std::size_t ncands = Candidates(s, buf);
  for (std::size_t k = 1; k < ncands; ++k) {  // buf[0] is the word itself
    const std::u32string& f = buf[k];
    // No yeh is restored after a final yeh / alef maksura (القياديي).
    if (f.size() == s.size() + 1 && f.compare(0, s.size(), s) == 0 &&
        (s.back() == U'ي' || s.back() == U'ى'))
      continue;
    const bool final_yeh = f.back() == U'ي' && f.size() > s.size() && f[f.size() - 2] != U'ك';
    ModelCandidate mc{f, m.Weight(f), final_yeh};
    const std::u32string_view st = StripClitics(mc.form);
    mc.st_off = static_cast<std::uint32_t>(st.data() - mc.form.data());
    mc.st_len = static_cast<std::uint32_t>(st.size());
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
  const std::u32string t = Decode(doc.text);
  const std::uint32_t n = static_cast<std::uint32_t>(t.size());

  // Words and blocks (a blank line starts a block).
  std::vector<Word> words;
  std::vector<std::uint32_t> block_start = {0};
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
        }
        newlines = 0;
        seen_text = true;
        std::uint32_t s = i;
        while (i < n && IsArabicWordChar(t[i])) ++i;
        words.push_back({s, i, block});
        continue;
      }
      if (c == U'\n')
        ++newlines;
      else if (c != U' ' && c != U'\t') {
        if (newlines >= 2 && seen_text) {
          ++block;
          block_start.push_back(i);
        }
        newlines = 0;
        seen_text = true;
      }
      ++i;
    }
  }
  const std::size_t nblocks = block_start.size();

  // Detection.
  // A cheap linear pass: no allocation, dictionary work only for words no
  // longer than the longest damaged shape.
  std::vector<BlockStats> stats(nblocks);
  for (const Word& w : words) {
    std::u32string_view s(t.data() + w.start, w.end - w.start);
    if (HasDamageable(s)) ++stats[w.block].clean;
    std::u32string_view core = s;
    if (core.size() > 1 && core[0] == U'و') core.remove_prefix(1);
    if (m.IsJunk(core)) ++stats[w.block].damaged_fw;
  }
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
    bool damaged =
        info.damaged && (stats[b].clean == 0 || stats[b].damaged_fw > 3 * stats[b].clean);
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
  WordSet vocab;
  std::vector<std::u32string_view> kaf_stems;  // surviving words that start with ك
  WordSet nisba_stems;                         // X of Xية, Xيين ... in the document
  if (any_repair) {
    vocab.reserve(words.size());
    for (const Word& w : words) {
      std::u32string_view s(t.data() + w.start, w.end - w.start);
      vocab.emplace(s);
      std::u32string_view st = StripClitics(s);
      if (st.size() >= 5 && st[0] == U'ك') kaf_stems.push_back(st);
      for (std::u32string_view suf : kNisbaSuffixes)
        if (EndsWith(st, suf) && st.size() >= suf.size() + 2) {
          nisba_stems.emplace(st.substr(0, st.size() - suf.size()));
          break;
        }
    }
    std::sort(kaf_stems.begin(), kaf_stems.end());
    kaf_stems.erase(std::unique(kaf_stems.begin(), kaf_stems.end()), kaf_stems.end());
  }

  // Lost letters. The candidates of a word and their model weights depend
  // only on the model: they are cached per thread across documents.
  struct Memo {
    float identity;
    std::vector<Candidate> cands;  // known candidates other than identity
  };
  std::unordered_map<std::u32string_view, Memo, WordHash> memo;
  std::vector<std::u32string> buf;
  auto doc_evidence = [&](const ModelCandidate& mc, std::u32string_view seen) -> float {
    const std::u32string_view form = mc.form;
    const std::u32string_view st = form.substr(mc.st_off, mc.st_len);
    if (vocab.count(form, mc.h_form) || (st.size() >= 3 && vocab.count(st, mc.h_st)))
      return kDocEvidence;
    // A restored kaf that starts the stem, matching a surviving word of the
    // document (كازاخستان for لازاخستان, الازاخستانية).
    std::u32string_view seen_st = StripClitics(seen);
    if (st.size() >= 5 && st[0] == U'ك' && (seen_st.empty() || seen_st[0] != U'ك')) {
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
  std::u32string prev_form;  // the previous word as decided
  std::uint32_t prev_end = 0;
  for (std::size_t wi = 0; any_repair && wi < words.size(); ++wi) {
    const Word& w = words[wi];
    std::u32string_view s(t.data() + w.start, w.end - w.start);
    if (!repair_block[w.block]) {
      prev_form.assign(s);
      prev_end = w.end;
      continue;
    }
    ++examined;
    auto it = memo.find(s);
    if (it == memo.end()) {
      const ModelWord& mw = CachedModelWord(m, s, buf);
      Memo mm;
      mm.identity = mw.identity;
      for (const ModelCandidate& mc : mw.cands) {
        const float wt = mc.weight;
        float ev = doc_evidence(mc, s);
        bool nisba_doc = false;
        if (mc.final_yeh) {
          std::u32string_view st(mc.form.data() + mc.st_off, mc.st_len);
          st.remove_suffix(1);
          nisba_doc = st.size() >= 2 && nisba_stems.count(st, mc.h_nisba) > 0;
        }
        if (wt < 0 && ev == 0 && !(nisba_doc && mm.identity <= 0)) continue;
        Candidate c{mc.form, std::max(0.0f, wt) + ev, mc.final_yeh, mw.lone, nisba_doc, wt >= 0};
        mm.cands.push_back(std::move(c));
      }
      it = memo.emplace(s, std::move(mm)).first;
    }
    const Memo& mm = it->second;
    std::u32string_view decided = s;
    if (!mm.cands.empty()) {
      float id_score = mm.identity;
      // Context: what follows (punctuation?) and the previous word.
      std::uint32_t k = w.end;
      while (k < n && (t[k] == U' ' || t[k] == U'\t')) ++k;
      bool next_is_punct =
          k >= n || (!IsLetter(t[k]) && t[k] != U'\n' && !(t[k] >= U'0' && t[k] <= U'9'));
      bool next_is_func = false, next_is_verb = false;
      if (wi + 1 < words.size() && !next_is_punct && words[wi + 1].start == k) {
        std::u32string_view nx(t.data() + words[wi + 1].start,
                               words[wi + 1].end - words[wi + 1].start);
        const Entry* e = m.Find(nx);
        next_is_func = e && (e->kind == Kind::kFunc || e->kind == Kind::kPrep ||
                             e->kind == Kind::kJunk || e->kind == Kind::kBeforeVerb);
        // An imperfect verb opens with one of أ ت ن ي.
        next_is_verb = nx.size() >= 3 && !next_is_func &&
                       (nx[0] == U'ي' || nx[0] == U'ت' || nx[0] == U'ن' || nx[0] == U'أ');
      }
      std::u32string_view nx_raw;
      if (wi + 1 < words.size() && words[wi + 1].start == k)
        nx_raw = std::u32string_view(t.data() + words[wi + 1].start,
                                     words[wi + 1].end - words[wi + 1].start);
      // Punctuation that closes a phrase (not quotes or dashes).
      const bool next_closes = k >= n || t[k] == U'.' || t[k] == U'،' || t[k] == U'؛' ||
                               t[k] == U':' || t[k] == U'؟' || t[k] == U'!' || t[k] == U')' ||
                               t[k] == U',' || t[k] == U';';
      const Kind self_kind = m.KindOf(s);
      const bool next_is_prep =
          next_is_func && (IsPreposition(nx_raw) || m.KindOf(nx_raw) != Kind::kFunc);
      if (self_kind == Kind::kPrep && (next_is_punct || next_is_prep))
        id_score -= kPrepWithoutObject;
      if (self_kind == Kind::kBeforeVerb && !next_is_verb) id_score -= kPrepWithoutObject;
      bool prev_adjacent = false;
      if (!prev_form.empty() && prev_end <= w.start) {
        prev_adjacent = true;
        for (std::uint32_t q = prev_end; q < w.start; ++q)
          if (t[q] != U' ' && t[q] != U'\n' && t[q] != U'\t') prev_adjacent = false;
      }
      // A preposition right after another one is unlikely (إلى بين).
      if (self_kind == Kind::kPrep && prev_adjacent && IsPreposition(prev_form))
        id_score -= kPrepWithoutObject;
      const bool prev_feminine = EndsFeminine(prev_form);
      const bool agreement =
          prev_adjacent && StartsWith(s, U"ال") && !prev_feminine &&
          (IsDefinite(prev_form) || (EndsWithPronoun(prev_form) && !LooksVerb(prev_form)));
      // Coordination with a preceding nisba adjective (عسكري وسياس).
      const bool self_name = m.IsName(s);
      const bool self_content = self_kind == Kind::kWord && !self_name;
      // A proper name takes no indefinite adjective and is no nisba.
      const bool prev_name = m.IsName(prev_form);
      const bool coordination = prev_adjacent && self_content && s.size() >= 4 && s[0] == U'و' &&
                                !prev_name && prev_form.size() >= 4 && prev_form.back() == U'ي' &&
                                m.KindThroughConj(prev_form) == Kind::kWord;
      // Indefinite noun + indefinite adjective, closed by a preposition,
      // conjunction, function word or punctuation (a construct state would
      // be followed by its genitive noun instead).
      bool indefinite = false;
      if (prev_adjacent && self_content && s.size() >= 3 && !IsDefinite(s) &&
          !IsDefinite(prev_form) && prev_form.size() >= 3 && !prev_feminine &&
          !EndsWithPronoun(prev_form) && m.KindThroughConj(prev_form) == Kind::kWord &&
          !IsPreposition(prev_form) && !LooksVerb(prev_form) && !prev_name) {
        const bool closes =
            next_closes || IsPreposition(nx_raw) || nx_raw == U"من" || nx_raw == U"عن" ||
            (nx_raw.size() >= 4 && (nx_raw[0] == U'و' || nx_raw[0] == U'ل' || nx_raw[0] == U'ب'));
        indefinite = closes;
      }
      // A lone letter next to another lone letter is an abbreviation (أ ف ب).
      const bool abbreviation =
          s.size() == 1 && ((prev_adjacent && prev_form.size() == 1) || nx_raw.size() == 1);
      // The word as it stands continues a multi-word name (فرانس برس).
      if (m.NameBigram(s, nx_raw) || (prev_adjacent && m.NameBigram(prev_form, s)))
        id_score += kNameBigram;
      float best = id_score + kMargin;
      const Candidate* pick = nullptr;
      for (const Candidate& c : mm.cands) {
        if (abbreviation) break;
        float sc = c.score;
        const bool name_pair =
            m.NameBigram(c.form, nx_raw) || (prev_adjacent && m.NameBigram(prev_form, c.form));
        if (name_pair) sc += kNameBigram;
        if (c.lone && !name_pair) continue;
        // Agreement alone does not overturn a frequent word or a name
        // (الأول, الحسين); with other forms of the nisba in the document it does.
        if (c.final_yeh && agreement &&
            ((mm.identity < kStrongWord && (!self_name || m.IsName(c.form))) || c.nisba_doc))
          sc += kDefiniteAgreement;
        if (c.final_yeh && coordination) sc += kCoordination;
        if (c.final_yeh && indefinite) sc += kIndefiniteAgreement;
        // Other forms of the nisba in the document back a context signal,
        // or stand alone when the word as it stands is no known word.
        if (c.nisba_doc && ((agreement || coordination || indefinite) || !c.known)) sc += kNisbaDoc;
        if (sc > best) {
          best = sc;
          pick = &c;
        }
      }
      if (pick) {
        decided = pick->form;
        ops.push_back({w.start, w.end, pick->form, "lost-letters"});
        ++changed;
      }
    }
    prev_form.assign(decided);
    prev_end = w.end;
  }

  // Visual order: sentence-final punctuation at the start of a line.
  std::size_t moved = 0, reversed = 0;
  auto block_of = [&](std::uint32_t pos) {
    return static_cast<std::size_t>(std::upper_bound(block_start.begin(), block_start.end(), pos) -
                                    block_start.begin() - 1);
  };
  for (std::uint32_t ls = 0; ls < n;) {
    std::uint32_t le = ls;
    while (le < n && t[le] != U'\n') ++le;
    std::uint32_t a = ls;
    while (a < le && (t[a] == U' ' || t[a] == U'\t')) ++a;
    if (a + 1 < le && repair_block[block_of(a)]) {
      char32_t p = t[a];
      bool final_punct = p == U'.' || p == U'؟' || p == U'!' || p == U'؛' || p == U'،' || p == U':';
      if (final_punct && IsLetter(t[a + 1])) {
        std::uint32_t z = le;
        while (z > a && (t[z - 1] == U' ' || t[z - 1] == U'\t')) --z;
        if (options.move_punctuation) {
          ops.push_back({a, a + 1, U"", "punctuation-order"});
          ops.push_back({z, z, std::u32string(1, p), "punctuation-order"});
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
