#include "text/text.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cstring>
#include <fstream>
#include <string_view>
#include <unordered_set>

#include "core/data.h"
#include "core/utf8.h"
#include "text/arabic.h"

namespace nufuz::text {

// ---------------------------------------------------------------------------
// Keys

namespace {

// Key form of each code point U+0600..U+06FF (the Arabic block, all two-byte
// UTF-8 with lead byte D8..DB): kDropKey for marks and tatweel, an ASCII
// byte for digits and number signs, else the folded letter. Built once from
// the definitions in arabic.h so the two cannot drift apart.
constexpr char16_t kDropKey = 0xFFFF;
constexpr char16_t ArabicKeyUnit(char32_t c) {
  if (IsArabicMark(c)) return kDropKey;
  if (const int d = DigitValue(c); d >= 0) return static_cast<char16_t>('0' + d);
  if (c == 0x066B) return '.';  // Arabic decimal separator
  if (c == 0x066C) return ',';  // Arabic thousands separator
  if (c == 0x066A) return '%';  // Arabic percent sign
  return static_cast<char16_t>(FoldLetter(c));
}
constexpr std::array<char16_t, 256> kArabicKey = [] {
  std::array<char16_t, 256> t{};
  for (char32_t k = 0; k < 256; ++k) t[k] = ArabicKeyUnit(0x0600 + k);
  return t;
}();

// The general key loop for what the fast path leaves: other scripts,
// invalid UTF-8 (which becomes U+FFFD, so it may grow the output).
void AppendKeySlow(std::string_view s, std::size_t i, std::string& out) {
  while (i < s.size()) {
    char32_t c = utf8::Next(s, i);
    if (IsArabicMark(c)) continue;
    int d = DigitValue(c);
    if (d >= 0) {
      out.push_back(static_cast<char>('0' + d));
      continue;
    }
    if (c == 0x066B) {
      out.push_back('.');
      continue;
    }
    if (c == 0x066C) {
      out.push_back(',');
      continue;
    }
    if (c == 0x066A) {
      out.push_back('%');
      continue;
    }
    utf8::Append(out, FoldLetter(c));
  }
}

}  // namespace

void AppendKey(std::string_view s, std::string& out) {
  // Fast path: ASCII and valid two-byte sequences never grow, so the key is
  // written in place into room for the whole surface and trimmed after.
  const std::size_t base = out.size();
  out.resize(base + s.size());
  char* const start = out.data() + base;
  char* w = start;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned b = p[i];
    // The Arabic block first (lead byte D8..DB): nearly every byte of a key
    // is one, so its test comes before the ASCII and other-letter ones.
    if ((b & 0xFC) != 0xD8 || i + 1 >= n || (p[i + 1] & 0xC0) != 0x80) {
      if (b < 0x80) {
        *w++ = static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
        ++i;
        continue;
      }
      if (b < 0xC2 || b > 0xDF || i + 1 >= n || (p[i + 1] & 0xC0) != 0x80) break;
      // Other two-byte letters key to themselves.
      w[0] = static_cast<char>(b);
      w[1] = static_cast<char>(p[i + 1]);
      w += 2;
      i += 2;
      continue;
    }
    const char16_t k = kArabicKey[((b & 0x03) << 6) | (p[i + 1] & 0x3F)];
    i += 2;
    if (k == kDropKey) continue;
    if (k < 0x80) {
      *w++ = static_cast<char>(k);
    } else {
      w[0] = static_cast<char>(0xC0 | (k >> 6));
      w[1] = static_cast<char>(0x80 | (k & 0x3F));
      w += 2;
    }
  }
  out.resize(base + static_cast<std::size_t>(w - start));
  if (i < n) AppendKeySlow(s, i, out);
}

std::string Key(std::string_view surface) {
  std::string out;
  out.reserve(surface.size());
  AppendKey(surface, out);
  return out;
}

// ---------------------------------------------------------------------------
// Lexicon

namespace {

// 64-bit multiply-mix hash of a short byte string (keys: two bytes a letter),
// read as 8-byte words; used by the lexicon set and the analysis memo.
template <typename T>
T LoadBytes(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

[[gnu::always_inline]] inline std::uint64_t HashBytes(std::string_view s) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  const char* p = s.data();
  const std::size_t n = s.size();
  std::uint64_t h = n * kMul;
  auto mix = [&](std::uint64_t w) {
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  };
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) mix(LoadBytes<std::uint64_t>(p + i));
  // The last 1-7 bytes as (possibly overlapping) fixed-size loads: no
  // variable-length copy on the hot path.
  const std::size_t rest = n - i;
  if (rest >= 4) {
    mix(LoadBytes<std::uint32_t>(p + i) | std::uint64_t{LoadBytes<std::uint32_t>(p + n - 4)} << 32);
  } else if (rest >= 2) {
    mix(LoadBytes<std::uint16_t>(p + i) | std::uint64_t{LoadBytes<std::uint16_t>(p + n - 2)} << 16);
  } else if (rest == 1) {
    mix(static_cast<unsigned char>(p[i]));
  }
  h *= kMul;
  return h ^ (h >> 32);
}

// memcmp for short keys without the call: eight bytes at a time.
[[gnu::always_inline]] inline bool SameBytes(const char* a, const char* b, std::size_t n) {
  for (; n >= 8; n -= 8, a += 8, b += 8)
    if (LoadBytes<std::uint64_t>(a) != LoadBytes<std::uint64_t>(b)) return false;
  for (; n > 0; --n)
    if (*a++ != *b++) return false;
  return true;
}

}  // namespace

// The set of known keys: an open-addressing table of (hash, offset, size)
// slots over one byte string holding the keys back to back. Lookups hash the
// bytes once and compare a key only when the full hash matches.
struct Lexicon::Impl {
  // Distinct for every lexicon ever built, so per-thread memos of analyses
  // never mistake a new lexicon at a freed one's address for the old one.
  std::uint64_t id = NextId();
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0;
    std::uint32_t size = 0;  // 0: empty (keys are never empty)
  };
  std::string bytes;
  std::vector<Slot> slots = std::vector<Slot>(1 << 10);
  std::size_t count = 0;
  std::string scratch;  // Add's key buffer

  bool Contains(std::string_view key) const { return Contains(key, HashBytes(key)); }

  bool Contains(std::string_view key, std::uint64_t h) const {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots[i];
      if (slot.size == 0) return false;
      if (slot.hash == h && slot.size == key.size() &&
          SameBytes(bytes.data() + slot.offset, key.data(), key.size()))
        return true;
    }
  }

  void Add(std::string_view surface) {
    scratch.clear();
    AppendKey(surface, scratch);
    const std::uint64_t h = HashBytes(scratch);
    if (scratch.empty() || Contains(scratch, h)) return;
    Place(
        {h, static_cast<std::uint32_t>(bytes.size()), static_cast<std::uint32_t>(scratch.size())});
    bytes += scratch;
    if (2 * ++count > slots.size()) {
      std::vector<Slot> old(slots.size() * 2);
      old.swap(slots);
      for (const Slot& slot : old)
        if (slot.size != 0) Place(slot);
    }
  }

  void Place(const Slot& slot) {
    const std::size_t mask = slots.size() - 1;
    std::size_t i = slot.hash & mask;
    while (slots[i].size != 0) i = (i + 1) & mask;
    slots[i] = slot;
  }

  static std::uint64_t NextId() {
    static std::atomic<std::uint64_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
  }
};

Lexicon::Lexicon(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Lexicon::~Lexicon() = default;

bool Lexicon::Contains(std::string_view key) const {
  return impl_->Contains(key);
}
std::size_t Lexicon::size() const {
  return impl_->count;
}

std::shared_ptr<const Lexicon> Lexicon::FromWords(const std::vector<std::string>& words) {
  auto impl = std::make_unique<Impl>();
  for (const auto& w : words) impl->Add(w);
  return std::make_shared<const Lexicon>(std::move(impl));
}

namespace {

constexpr std::string_view kHunspellArabic = "/usr/share/hunspell/ar.dic";

// Adds the stems of the system's Arabic hunspell dictionary. Its file joins
// several word lists under "::::" headers; the stop-word and tool lists come
// pre-expanded with clitics (فإنها, وبالله), so only the name and verb lists,
// which hold bare stems, are used. Flags after '/' and counts after a tab are
// dropped.
void AddHunspellStems(Lexicon::Impl& impl) {
  // Read whole (3 MB) and split into lines by view: no per-line copies.
  std::ifstream in{std::string(kHunspellArabic), std::ios::binary};
  if (!in) return;
  std::string text;
  in.seekg(0, std::ios::end);
  const std::streamoff file_size = in.tellg();
  if (file_size < 0) return;
  text.resize(static_cast<std::size_t>(file_size));
  in.seekg(0);
  in.read(text.data(), file_size);
  text.resize(static_cast<std::size_t>(in.gcount()));
  const std::string_view all = text;
  bool use = false, header = false;
  std::size_t pos = 0;
  while (pos < all.size()) {
    std::size_t end = all.find('\n', pos);
    if (end == std::string_view::npos) end = all.size();
    const std::string_view line = all.substr(pos, end - pos);
    pos = end + 1;
    if (line.starts_with("::::")) {
      header = !header;
      continue;
    }
    if (header) {
      use = line == "names.dic" || line == "verb.huns.dic";
      continue;
    }
    if (!use || line.empty() || line[0] == '#') continue;
    std::size_t cut = 0;
    while (cut < line.size() && line[cut] != '/' && line[cut] != '\t' && line[cut] != ' ') ++cut;
    const std::string_view word = line.substr(0, cut);
    if (utf8::FirstInvalid(word)) continue;
    impl.Add(word);
  }
}

bool StartsWithBytes(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.compare(0, p.size(), p) == 0;
}

// Adds every word of the Arabic names in data/gazetteer/*.tsv (columns whose
// name starts with "ar"; several names per cell separated by '|'). A word that
// begins with the article is added without it, so that the tokeniser splits
// the article off both in the text and in names alike. A word that is a
// preposition ل ب ك (after an optional و ف) on a one-word name of the
// gazetteer (العابرة لأفغانستان, الضاحية الجنوبية لبيروت) is left out: known
// whole, it would keep the tokeniser from splitting لأفغانستان in the text,
// and the name would go unfound there.
Status AddGazetteerWords(Lexicon::Impl& impl, const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return Status::Ok();
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().extension() == ".tsv") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> words;
  std::unordered_set<std::string> one_word_names;
  for (const auto& f : files) {
    auto table = TsvTable::Load(f);
    if (!table.ok()) return table.status();
    for (std::size_t col = 0; col < table->header().size(); ++col) {
      const std::string& name = table->header()[col];
      if (name.rfind("ar", 0) != 0) continue;
      for (std::size_t r = 0; r < table->rows(); ++r) {
        std::string_view cell = table->Cell(r, static_cast<int>(col));
        std::size_t pos = 0;
        while (pos < cell.size()) {
          std::size_t end = cell.find_first_of("| ", pos);
          if (end == std::string_view::npos) end = cell.size();
          const bool alone =
              (pos == 0 || cell[pos - 1] == '|') && (end == cell.size() || cell[end] == '|');
          std::string k = Key(cell.substr(pos, end - pos));
          pos = end + 1;
          if (k.size() > 6 && k.rfind("\xD8\xA7\xD9\x84", 0) == 0) k.erase(0, 4);  // ال
          if (k.size() < 4) continue;
          if (alone) one_word_names.insert(k);
          words.push_back(std::move(k));
        }
      }
    }
  }
  // Two bytes per Arabic letter.
  auto clitic_on_name = [&](const std::string& k) {
    if (one_word_names.count(k)) return false;
    std::size_t at = 0;
    if (StartsWithBytes(k, "\xD9\x88") || StartsWithBytes(k, "\xD9\x81")) at = 2;  // و ف
    const std::string_view rest = std::string_view(k).substr(at);
    if (!StartsWithBytes(rest, "\xD9\x84") && !StartsWithBytes(rest, "\xD8\xA8") &&
        !StartsWithBytes(rest, "\xD9\x83"))  // ل ب ك
      return false;
    return rest.size() >= 8 && one_word_names.count(std::string(rest.substr(2)));
  };
  for (const std::string& k : words)
    if (!clitic_on_name(k)) impl.Add(k);
  return Status::Ok();
}

}  // namespace

Result<std::shared_ptr<const Lexicon>> Lexicon::Load(const std::filesystem::path& data_dir) {
  auto impl = std::make_unique<Impl>();
  auto words = TsvTable::Load(data_dir / "lexicon" / "function_words.tsv", {"word"});
  if (!words.ok()) return words.status();
  int col = words->Column("word");
  for (std::size_t r = 0; r < words->rows(); ++r) impl->Add(words->Cell(r, col));
  AddHunspellStems(*impl);
  if (auto st = AddGazetteerWords(*impl, data_dir / "gazetteer"); !st.ok()) return st;
  return std::shared_ptr<const Lexicon>(std::make_shared<const Lexicon>(std::move(impl)));
}

// ---------------------------------------------------------------------------
// Clitic segmentation over keys. Keys of Arabic words are sequences of
// two-byte letters (U+0600-U+06FF), so letter i is key[2i, 2i+2).

namespace {

constexpr char16_t kWaw = 0x0648, kFa = 0x0641, kBa = 0x0628, kLam = 0x0644, kKaf = 0x0643,
                   kSin = 0x0633, kAlef = 0x0627, kYa = 0x064A, kTa = 0x062A, kNun = 0x0646;

class Letters {
 public:
  explicit Letters(std::string_view key) : key_(key) {}
  std::size_t size() const { return key_.size() / 2; }
  char16_t at(std::size_t i) const {
    auto b0 = static_cast<unsigned char>(key_[2 * i]);
    auto b1 = static_cast<unsigned char>(key_[2 * i + 1]);
    return static_cast<char16_t>(((b0 & 0x1F) << 6) | (b1 & 0x3F));
  }
  std::string_view from(std::size_t i) const { return key_.substr(2 * i); }

 private:
  std::string_view key_;
};

// Suffixes (as keys) stripped when testing whether a stem is known:
// pronouns first (they are reported as the token's suffix), then inflection.
constexpr std::array<std::string_view, 11> kPronounSuffixes = {"هما", "كما", "هم", "هن", "كم", "كن",
                                                               "نا",  "ها",  "ه",  "ي",  "ك"};
constexpr std::array<std::string_view, 10> kInflections = {"يات", "تين", "تان", "ات", "ون",
                                                           "ين",  "ان",  "وا",  "يه", "ت"};

struct Analysis {
  std::uint8_t proclitics = 0;
  std::uint8_t prefix_letters = 0;
  std::uint8_t suffix_letters = 0;
  std::string stem, suffix;
};

class Segmenter {
 public:
  explicit Segmenter(const Lexicon& lex) : lex_(lex) {}

  // Whether a stem (no clitics) is a known word, directly or once an
  // inflectional or pronoun suffix is stripped (with ت restored to ة).
  // `base_out` receives the stem without a pronoun suffix when one applied.
  bool Known(std::string_view s, std::string* base_out = nullptr,
             std::string* suffix_out = nullptr) const {
    if (s.size() < 4) return s.size() >= 2 && lex_.Contains(s);
    if (lex_.Contains(s)) return true;
    for (std::string_view suf : kPronounSuffixes) {
      if (!EndsWith(s, suf) || s.size() < suf.size() + 4) continue;
      std::string_view base = s.substr(0, s.size() - suf.size());
      std::string found;
      if (KnownBase(base, &found)) {
        if (base_out) *base_out = std::move(found);
        if (suffix_out) *suffix_out = std::string(suf);
        return true;
      }
    }
    for (std::string_view suf : kInflections) {
      if (!EndsWith(s, suf) || s.size() < suf.size() + 6) continue;  // base of 3+ letters
      std::string_view base = s.substr(0, s.size() - suf.size());
      if (KnownBase(base, nullptr)) return true;
    }
    return false;
  }

  Analysis Analyze(std::string_view key) const {
    Analysis a;
    Letters L(key);
    const std::size_t n = L.size();
    if (n < 3 || Known(key)) {
      a.stem = std::string(key);
      SplitSuffix(a);
      return a;
    }
    // Candidate prefixes in order of increasing length; the first whose
    // remainder is a known stem wins. Remember the first article split as a
    // fallback.
    struct Cand {
      std::uint8_t flags, letters;
    };
    std::array<Cand, 16> cands{};
    std::size_t nc = 0;
    auto add = [&](std::uint8_t flags, std::size_t letters) {
      if (n >= letters + 2 && nc < cands.size())
        cands[nc++] = {flags, static_cast<std::uint8_t>(letters)};
    };
    std::size_t i0s[2] = {0, 0};
    std::uint8_t conj_flags[2] = {0, 0};
    std::size_t nconj = 1;
    if (L.at(0) == kWaw || L.at(0) == kFa) {
      i0s[1] = 1;
      conj_flags[1] = L.at(0) == kWaw ? kCliticWa : kCliticFa;
      nconj = 2;
    }
    for (std::size_t c = 0; c < nconj; ++c) {
      std::size_t i = i0s[c];
      std::uint8_t f = conj_flags[c];
      if (i > 0) add(f, i);
      if (i + 1 >= n) continue;
      char16_t x = L.at(i), y = L.at(i + 1);
      if (x == kAlef && y == kLam) add(f | kCliticAl, i + 2);
      if (x == kLam && y == kLam) add(f | kCliticLi | kCliticAl, i + 2);
      std::uint8_t prep = x == kBa ? kCliticBi : x == kLam ? kCliticLi : x == kKaf ? kCliticKa : 0;
      if (prep) {
        add(f | prep, i + 1);
        if (i + 2 < n && y == kAlef && L.at(i + 2) == kLam) add(f | prep | kCliticAl, i + 3);
      }
      if (x == kSin && (y == kYa || y == kTa || y == kNun || y == kAlef)) add(f | kCliticSa, i + 1);
    }
    std::sort(cands.begin(), cands.begin() + nc,
              [](const Cand& a, const Cand& b) { return a.letters < b.letters; });
    const Cand* fallback = nullptr;
    for (std::size_t k = 0; k < nc; ++k) {
      const Cand& cd = cands[k];
      std::string_view stem = L.from(cd.letters);
      if (Known(stem)) return Finish(key, cd.flags, cd.letters);
      if ((cd.flags & kCliticAl) && !fallback) fallback = &cd;
    }
    // Nothing known: the article is a strong cue on its own; a conjunction
    // before a long unknown word is the usual reading; anything else stays
    // whole (names that merely begin with ب ل ك س).
    if (fallback) return Finish(key, fallback->flags, fallback->letters);
    if (nconj == 2 && n >= 4) return Finish(key, conj_flags[1], 1);
    a.stem = std::string(key);
    return a;
  }

 private:
  static bool EndsWith(std::string_view s, std::string_view suf) {
    return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
  }

  bool KnownBase(std::string_view base, std::string* found) const {
    if (lex_.Contains(base)) {
      if (found) *found = std::string(base);
      return true;
    }
    if (EndsWith(base, "ت") || EndsWith(base, "ا")) {  // حكومت -> حكومه ; لها
      std::string restored(base.substr(0, base.size() - 2));
      restored += "ه";
      if (restored.size() >= 4 && lex_.Contains(restored)) {
        if (found) *found = std::move(restored);
        return true;
      }
    }
    for (std::string_view suf : kInflections) {
      if (!EndsWith(base, suf) || base.size() < suf.size() + 6) continue;
      if (lex_.Contains(base.substr(0, base.size() - suf.size()))) {
        if (found) *found = std::string(base);
        return true;
      }
    }
    return false;
  }

  Analysis Finish(std::string_view key, std::uint8_t flags, std::size_t letters) const {
    Analysis a;
    a.proclitics = flags;
    a.prefix_letters = static_cast<std::uint8_t>(letters);
    a.stem = std::string(Letters(key).from(letters));
    SplitSuffix(a);
    return a;
  }

  // Splits a pronoun suffix off the stem when the stem itself is not a word
  // but its base is (حكومتها -> حكومه + ها; انها -> ان + ها).
  void SplitSuffix(Analysis& a) const {
    if (lex_.Contains(a.stem)) return;
    std::string base, suffix;
    if (Known(a.stem, &base, &suffix) && !suffix.empty()) {
      a.suffix_letters = static_cast<std::uint8_t>(suffix.size() / 2);
      a.stem = std::move(base);
      a.suffix = std::move(suffix);
    }
  }

  const Lexicon& lex_;
};

// An analysis as the memo hands it out: views into the memo's storage, valid
// until its next Get.
struct AnalysisView {
  std::uint8_t proclitics = 0;
  std::uint8_t prefix_letters = 0;
  std::uint8_t suffix_letters = 0;
  std::string_view stem, suffix;
};

// Analyses are a pure function of (lexicon, key); Arabic word types repeat
// (Zipf), so each thread remembers the analyses of recent keys. The memo is
// dropped when it grows past a bound or the lexicon changes.
//
// Layout, for few cache misses per hit and no allocation: an open-addressing
// table of 8-byte slots (hash tag, record offset) over one append-only byte
// arena of records [key size:2][key][proclitics][prefix letters]
// [suffix letters][stem size:2][suffix size:1][stem][suffix], so a hit reads
// one slot and one record.
class Memo {
 public:
  AnalysisView Get(const Segmenter& seg, std::uint64_t lexicon_id, std::string_view key) {
    if (lexicon_id != lexicon_id_ || entries_ > kMaxEntries || arena_.size() > kMaxArena)
      Reset(lexicon_id);
    if (key.size() > kMaxSize) return Store(seg.Analyze(key));  // not remembered
    const std::uint64_t h = HashBytes(key);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = h & mask;
    for (;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.offset == kEmpty) break;
      if (slot.tag != tag) continue;
      const char* r = arena_.data() + slot.offset;
      if (Read16(r) == key.size() && SameBytes(r + 2, key.data(), key.size()))
        return ViewAt(slot.offset + 2 + key.size());
    }
    Analysis a = seg.Analyze(key);
    if (a.stem.size() > kMaxSize || a.suffix.size() > 255) return Store(std::move(a));
    const auto offset = static_cast<std::uint32_t>(arena_.size());
    Append16(key.size());
    arena_.append(key);
    const std::size_t analysis_at = arena_.size();
    arena_.push_back(static_cast<char>(a.proclitics));
    arena_.push_back(static_cast<char>(a.prefix_letters));
    arena_.push_back(static_cast<char>(a.suffix_letters));
    Append16(a.stem.size());
    arena_.push_back(static_cast<char>(a.suffix.size()));
    arena_.append(a.stem);
    arena_.append(a.suffix);
    slots_[i] = {tag, offset};
    if (2 * ++entries_ > slots_.size()) Grow();
    return ViewAt(analysis_at);
  }

 private:
  static constexpr std::size_t kMaxEntries = 1 << 18;
  static constexpr std::size_t kMaxArena = std::size_t{1} << 30;  // offsets stay 32-bit
  static constexpr std::size_t kMaxSize = 0xFFFF;                 // keys and stems
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFF;
  static constexpr std::size_t kInitialSlots = 1 << 12;
  struct Slot {
    std::uint32_t tag = 0;          // high half of the key's hash
    std::uint32_t offset = kEmpty;  // of the record in arena_
  };

  static std::size_t Read16(const char* p) {
    return static_cast<unsigned char>(p[0]) |
           (static_cast<std::size_t>(static_cast<unsigned char>(p[1])) << 8);
  }
  void Append16(std::size_t v) {
    arena_.push_back(static_cast<char>(v & 0xFF));
    arena_.push_back(static_cast<char>(v >> 8));
  }

  AnalysisView ViewAt(std::size_t at) const {
    const char* r = arena_.data() + at;
    AnalysisView v;
    v.proclitics = static_cast<std::uint8_t>(r[0]);
    v.prefix_letters = static_cast<std::uint8_t>(r[1]);
    v.suffix_letters = static_cast<std::uint8_t>(r[2]);
    const std::size_t stem_size = Read16(r + 3);
    const std::size_t suffix_size = static_cast<unsigned char>(r[5]);
    v.stem = std::string_view(r + 6, stem_size);
    v.suffix = std::string_view(r + 6 + stem_size, suffix_size);
    return v;
  }

  // For analyses too large for a record: kept only until the next Get.
  AnalysisView Store(Analysis a) {
    spill_ = std::move(a);
    return {spill_.proclitics, spill_.prefix_letters, spill_.suffix_letters, spill_.stem,
            spill_.suffix};
  }

  void Reset(std::uint64_t lexicon_id) {
    lexicon_id_ = lexicon_id;
    entries_ = 0;
    arena_.clear();
    slots_.assign(kInitialSlots, Slot{});
  }

  // Doubles the table; records are re-hashed from their keys in the arena.
  void Grow() {
    std::vector<Slot> old(slots_.size() * 2, Slot{});
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.offset == kEmpty) continue;
      const char* r = arena_.data() + s.offset;
      std::size_t i = HashBytes(std::string_view(r + 2, Read16(r))) & mask;
      while (slots_[i].offset != kEmpty) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::uint64_t lexicon_id_ = 0;
  std::size_t entries_ = 0;
  std::vector<Slot> slots_;
  std::string arena_;
  Analysis spill_;
};

// ---------------------------------------------------------------------------
// Scanning

// The word scanner's view of U+0600..U+06FF: kNotWord for code points that
// are neither Arabic letters nor marks, kWordMark for marks (dropped from
// keys), else the letter's key form (always U+0621 or above, so two bytes).
constexpr char16_t kNotWord = 0, kWordMark = 1;
constexpr std::array<char16_t, 256> kWordChar = [] {
  std::array<char16_t, 256> t{};
  for (char32_t k = 0; k < 256; ++k) {
    const char32_t c = 0x0600 + k;
    t[k] = IsArabicLetter(c) ? static_cast<char16_t>(FoldLetter(c))
           : IsArabicMark(c) ? kWordMark
                             : kNotWord;
  }
  return t;
}();

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000;
}

bool IsLatinLetter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  if (IsArabicLetter(c) || IsArabicMark(c)) return false;
  return u_isalpha(static_cast<UChar32>(c));
}

bool IsSentenceEnd(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x061B || c == 0x2026;
}

struct Cursor {
  std::string_view s;
  std::size_t i = 0;     // byte
  std::uint32_t cp = 0;  // code point
  [[gnu::always_inline]] char32_t Peek(std::size_t* len = nullptr) const {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (len) *len = 1;
      return b;
    }
    if (b >= 0xC2 && b <= 0xDF && i + 1 < s.size() &&
        (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
      if (len) *len = 2;
      return (char32_t(b & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
    }
    std::size_t j = i;
    char32_t c = utf8::Next(s, j);
    if (len) *len = j - i;
    return c;
  }
  char32_t PeekAt(std::size_t byte) const {
    if (byte >= s.size()) return 0;
    return utf8::Next(s, byte);
  }
  [[gnu::always_inline]] void Advance() {
    std::size_t len = 1;
    Peek(&len);
    i += len;
    ++cp;
  }
  bool AtEnd() const { return i >= s.size(); }
};

// Matches d{1,4}[-/.]d{1,2}[-/.]d{1,4} with one separator kind, and a
// 4-digit year at one end. Returns bytes and code points consumed, or 0.
std::size_t MatchDate(const Cursor& c, std::uint32_t* cps) {
  std::size_t j = c.i;
  int groups[3] = {0, 0, 0};
  char32_t sep = 0;
  std::uint32_t n = 0;
  for (int g = 0; g < 3; ++g) {
    while (j < c.s.size()) {
      std::size_t k = j;
      char32_t ch = utf8::Next(c.s, k);
      if (DigitValue(ch) < 0) break;
      ++groups[g];
      ++n;
      j = k;
    }
    if (groups[g] == 0 || groups[g] > 4) return 0;
    if (g == 2) break;
    if (j >= c.s.size()) return 0;
    char ch = c.s[j];
    if (ch != '-' && ch != '/' && ch != '.') return 0;
    if (sep && static_cast<char32_t>(ch) != sep) return 0;
    sep = static_cast<char32_t>(ch);
    ++j;
    ++n;
  }
  bool ymd = groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2;
  bool dmy = groups[2] == 4 && groups[0] <= 2 && groups[1] <= 2;
  if (!ymd && !dmy) return 0;
  if (j < c.s.size()) {  // not followed by more digits
    std::size_t k = j;
    if (DigitValue(utf8::Next(c.s, k)) >= 0) return 0;
  }
  *cps = n;
  return j - c.i;
}

bool StartsWithCi(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k)
    if ((s[k] | 0x20) != prefix[k]) return false;
  return true;
}

bool IsUrlChar(char32_t c) {
  return c > 0x20 && !IsSpace(c) && c != '"' && c != '<' && c != '>';
}

bool IsTrailingPunct(char32_t c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == '"' || c == '\'' || c == 0x00BB || c == 0x060C || c == 0x061B || c == 0x061F;
}

// Abbreviations after which a period does not end a sentence: single letters
// (U.S., د.), and a few titles.
bool IsAbbreviation(const Token& t) {
  if (t.end - t.start == 1 && (t.kind == TokenKind::kLatin || t.kind == TokenKind::kArabic))
    return true;
  static const std::unordered_set<std::string_view> kAbbr = {"dr", "mr",  "mrs", "ms",   "st", "no",
                                                             "vs", "etc", "jr",  "prof", "gen"};
  return t.kind == TokenKind::kLatin && kAbbr.count(t.key);
}

// Room for the tokens of s. Words are space-separated; with punctuation,
// Arabic news runs 0.9-1.16 tokens per space or line feed (per article, 1.05
// typical), so 5/4 per space leaves headroom without a growth copy. The old
// guess of one token per 7 bytes over-reserved Arabic (two bytes a letter,
// ~10 bytes a token) by half, which is not free: past glibc's mmap threshold
// (at most 32 MB) the vector is a fresh mapping for every document, its pages
// faulted in one by one.
std::size_t EstimateTokens(std::string_view s) {
  std::size_t spaces = 0;
  for (char ch : s) spaces += ch == ' ' || ch == '\n';
  return std::max(spaces + spaces / 4, s.size() / 16) + 16;
}

}  // namespace

void Tokenize(Document& doc, const Lexicon& lexicon) {
  doc.tokens.clear();
  doc.sentences.clear();
  const std::string_view s = doc.text;
  doc.tokens.reserve(EstimateTokens(s));
  Segmenter seg(lexicon);
  const std::uint64_t lexicon_id = lexicon.impl_->id;
  thread_local Memo memo;
  Cursor c{s};
  std::vector<std::uint32_t> letter_pos;  // surface cp of each key letter
  std::array<char, 64> key_buf;           // the key of an Arabic word being scanned
  bool pending_break = false;             // a paragraph break since the last token
  std::uint32_t sent_start_tok = 0;

  auto close_sentence = [&](std::uint32_t end_tok) {
    if (end_tok <= sent_start_tok) return;
    Sentence se;
    se.token_begin = sent_start_tok;
    se.token_end = end_tok;
    se.start = doc.tokens[sent_start_tok].start;
    se.end = doc.tokens[end_tok - 1].end;
    doc.sentences.push_back(se);
    sent_start_tok = end_tok;
  };

  while (!c.AtEnd()) {
    std::size_t len = 0;
    char32_t ch = c.Peek(&len);
    if (IsSpace(ch)) {
      if (ch == '\n') pending_break = true;
      c.i += len;
      ++c.cp;
      continue;
    }
    if (pending_break) {
      close_sentence(static_cast<std::uint32_t>(doc.tokens.size()));
      pending_break = false;
    }
    // Built in place: a Token holds three strings, so no moves.
    Token& t = doc.tokens.emplace_back();
    t.start = c.cp;
    t.byte_start = static_cast<std::uint32_t>(c.i);
    std::string_view rest = s.substr(c.i);
    bool has_marks = false;  // an Arabic word with marks (not one key letter per code point)
    std::uint32_t date_cps = 0;
    std::size_t date_bytes = 0;

    // Arabic words first: most tokens, and no other branch can match them
    // (no URL, date or number starts with an Arabic letter or mark).
    if (IsArabicLetter(ch) || IsArabicMark(ch)) {
      // Arabic letters and marks all lie in U+0610..U+06FF: two-byte UTF-8
      // with lead byte D8..DB. One table lookup classifies each and gives its
      // key form, so the key is built in the same pass (in a stack buffer;
      // the rare longer word takes AppendKey).
      const auto* p = reinterpret_cast<const unsigned char*>(s.data());
      const std::size_t n = s.size();
      std::size_t j = c.i;
      std::size_t key_size = 0;
      bool marks = false;
      while (j + 1 < n && (p[j] & 0xFC) == 0xD8 && (p[j + 1] & 0xC0) == 0x80) {
        const char16_t w = kWordChar[((p[j] & 0x03) << 6) | (p[j + 1] & 0x3F)];
        if (w == kNotWord) break;
        j += 2;
        if (w == kWordMark) {
          marks = true;
          continue;
        }
        if (key_size + 2 <= key_buf.size()) {
          key_buf[key_size] = static_cast<char>(0xC0 | (w >> 6));
          key_buf[key_size + 1] = static_cast<char>(0x80 | (w & 0x3F));
        }
        key_size += 2;
      }
      has_marks = marks;
      c.cp += static_cast<std::uint32_t>((j - c.i) / 2);
      c.i = j;
      if (key_size <= key_buf.size()) {
        t.key.append(key_buf.data(), key_size);  // append: the cheap path into an empty string
      } else {
        AppendKey(s.substr(t.byte_start, j - t.byte_start), t.key);
      }
      t.kind = TokenKind::kArabic;
    } else if (StartsWithCi(rest, "http://") || StartsWithCi(rest, "https://") ||
               StartsWithCi(rest, "www.")) {
      while (!c.AtEnd() && IsUrlChar(c.Peek())) c.Advance();
      // Trailing punctuation belongs to the sentence, not the URL.
      while (c.i > t.byte_start) {
        std::size_t back = c.i - 1;
        while (back > t.byte_start && (static_cast<unsigned char>(s[back]) & 0xC0) == 0x80) --back;
        std::size_t k = back;
        if (!IsTrailingPunct(utf8::Next(s, k))) break;
        c.i = back;
        --c.cp;
      }
      t.kind = TokenKind::kUrl;
    } else if (DigitValue(ch) >= 0 && (date_bytes = MatchDate(c, &date_cps)) > 0) {
      c.i += date_bytes;
      c.cp += date_cps;
      t.kind = TokenKind::kDate;
    } else if (DigitValue(ch) >= 0) {
      while (!c.AtEnd()) {
        char32_t d = c.Peek();
        if (DigitValue(d) >= 0) {
          c.Advance();
          continue;
        }
        bool sep = d == ',' || d == '.' || d == 0x066B || d == 0x066C;
        if (sep) {
          std::size_t k = c.i;
          utf8::Next(s, k);
          if (k < s.size() && DigitValue(c.PeekAt(k)) >= 0) {
            c.Advance();
            continue;
          }
        }
        break;
      }
      if (!c.AtEnd() && (c.Peek() == '%' || c.Peek() == 0x066A)) c.Advance();
      t.kind = TokenKind::kNumber;
    } else if (IsLatinLetter(ch) || (ch < 0x80 && std::isdigit(static_cast<int>(ch)))) {
      auto word_char = [&](char32_t d) {
        return IsLatinLetter(d) || (d < 0x80 && std::isdigit(static_cast<int>(d)));
      };
      while (!c.AtEnd()) {
        char32_t d = c.Peek();
        if (word_char(d)) {
          c.Advance();
          continue;
        }
        // Internal joiners: Al-Jazeera, O'Brien, john.doe (in e-mails).
        if (d == '-' || d == '\'' || d == '.' || d == '_') {
          std::size_t k = c.i + 1;
          if (k < s.size() && word_char(c.PeekAt(k)) &&
              (d != '.' || s.find('@', c.i) != std::string_view::npos)) {
            c.Advance();
            continue;
          }
        }
        break;
      }
      t.kind = TokenKind::kLatin;
      // e-mail: word@domain.tld
      if (!c.AtEnd() && s[c.i] == '@') {  // NOLINT
        std::size_t k = c.i + 1;
        std::size_t dot = std::string_view::npos;
        while (k < s.size() &&
               (std::isalnum(static_cast<unsigned char>(s[k])) || s[k] == '.' || s[k] == '-')) {
          if (s[k] == '.') dot = k;
          ++k;
        }
        while (k > c.i + 1 && s[k - 1] == '.') --k;
        if (dot != std::string_view::npos && dot + 1 < k) {
          c.cp += static_cast<std::uint32_t>(k - c.i);
          c.i = k;
          t.kind = TokenKind::kEmail;
        }
      }
    } else {
      // Punctuation and symbols: one code point, except "..." runs.
      if (ch == '.' && rest.substr(0, 3) == "...") {
        c.i += 3;
        c.cp += 3;
      } else {
        c.Advance();
      }
      t.kind = (u_ispunct(static_cast<UChar32>(ch)) || ch == 0x060C || ch == 0x061B || ch == 0x061F)
                   ? TokenKind::kPunct
                   : TokenKind::kSymbol;
    }
    t.end = c.cp;
    t.byte_end = static_cast<std::uint32_t>(c.i);
    std::string_view surface = s.substr(t.byte_start, t.byte_end - t.byte_start);
    if (t.kind != TokenKind::kArabic) AppendKey(surface, t.key);  // Arabic: built above

    if (t.kind == TokenKind::kArabic && !t.key.empty()) {
      const AnalysisView a = memo.Get(seg, lexicon_id, t.key);
      t.proclitics = a.proclitics;
      t.stem.append(a.stem);
      if (!a.suffix.empty()) t.suffix.append(a.suffix);
      const std::uint32_t len_cp = t.end - t.start;
      if (!has_marks) {
        // One key letter per code point: letter counts are code points.
        if (a.prefix_letters && a.prefix_letters < len_cp) t.prefix_cps = a.prefix_letters;
        if (a.suffix_letters && a.suffix_letters < len_cp) t.suffix_cps = a.suffix_letters;
      } else if (a.prefix_letters || a.suffix_letters) {
        // Map letter counts back to surface code points (marks stay with
        // the letter before them).
        letter_pos.clear();
        std::size_t k = 0;
        std::uint32_t cpi = 0;
        while (k < surface.size()) {
          char32_t d = utf8::Next(surface, k);
          if (!IsArabicMark(d)) letter_pos.push_back(cpi);
          ++cpi;
        }
        if (a.prefix_letters && a.prefix_letters < letter_pos.size())
          t.prefix_cps =
              static_cast<std::uint8_t>(std::min<std::uint32_t>(letter_pos[a.prefix_letters], 255));
        if (a.suffix_letters && a.suffix_letters < letter_pos.size())
          t.suffix_cps = static_cast<std::uint8_t>(std::min<std::uint32_t>(
              len_cp - letter_pos[letter_pos.size() - a.suffix_letters], 255));
      }
    } else if (t.kind == TokenKind::kLatin) {
      t.stem = t.key;
    }

    const Token& last = doc.tokens.back();
    if (last.kind == TokenKind::kPunct && IsSentenceEnd(ch)) {
      bool abbrev = ch == '.' && doc.tokens.size() >= 2 &&
                    doc.tokens[doc.tokens.size() - 2].end == last.start &&
                    IsAbbreviation(doc.tokens[doc.tokens.size() - 2]);
      if (!abbrev) {
        // Closing quotes and brackets right after the stop stay in the sentence.
        while (!c.AtEnd()) {
          char32_t q = c.Peek();
          if (q != '"' && q != 0x00BB && q != ')' && q != 0x201D && q != '\'' && !IsSentenceEnd(q))
            break;
          Token qt;
          qt.start = c.cp;
          qt.byte_start = static_cast<std::uint32_t>(c.i);
          c.Advance();
          qt.end = c.cp;
          qt.byte_end = static_cast<std::uint32_t>(c.i);
          qt.kind = TokenKind::kPunct;
          AppendKey(s.substr(qt.byte_start, qt.byte_end - qt.byte_start), qt.key);
          doc.tokens.push_back(std::move(qt));
        }
        close_sentence(static_cast<std::uint32_t>(doc.tokens.size()));
      }
    }
  }
  close_sentence(static_cast<std::uint32_t>(doc.tokens.size()));
}

}  // namespace nufuz::text
