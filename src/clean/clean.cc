// clean/clean.cc: line features, furniture rules and the removal bookkeeping.
//
// How a decision is made (each removed line gets the reason of the first rule
// that fires; rules run in three passes so block rules see line verdicts):
//
// Pass 1, one line at a time
//   tracking-token   a short line holding a long high-entropy run of
//                    [A-Za-z0-9+/=_-] (base64 ids, hashes)
//   <lexicon>        a furniture phrase of data/lexicon/furniture.tsv where
//                    its `match` says, on a line short enough for its
//                    category (kCategories below); weak categories (credit,
//                    byline, section label, related, subscribe) never fire
//                    on a line that ends like a sentence, and no category
//                    fires on a body paragraph that ends like a sentence
//   dateline         a short line that is a date/time stamp plus a label
//   no-text          a line without letters (separators, page numbers)
//   non-arabic-line  a short Latin-script line in an Arabic document
// Pass 2, repetition and neighbours
//   title            the first unremoved title-like line before the body is
//                    kept as the title
//   byline           the name line after a bare byline cue, and any later
//                    line equal to a byline name
//   repeated-title   a line equal (normalised) to the title
//   caption          two adjacent short non-sentence lines where one
//                    normalised line is a prefix of the other (image alt text
//                    + caption); a short line just before a bare credit
//   repeated-line    a line equal (normalised) to an earlier line
// Pass 3, blocks
//   related-articles after a related heading: title-like lines, date stamps
//                    and the teaser line after each stamp, until body resumes
//   author-bio       in the tail, a name-like line followed by a paragraph
//                    with >= 2 bio cues and a profession word near its start;
//                    or the lines after a bio heading
//   footer           after the last body paragraph, everything after a footer
//                    cue
//   trailing-line    after the last body paragraph, short non-sentence lines
//
// Speed: the text is read once. SplitLines decodes each code point once and
// classifies it with one table load (kCharTable); runs of plain Arabic
// letters, most of the text, are folded by another table a pair of bytes at a
// time. The folded tokens of all lines go into one buffer (Lines::folded):
// a line's key and tokens are views into it, so no string is built per line
// or per token. The lexicon's skeleton tokens get small ids at load, and a
// line's tokens are looked up in a flat hash table once (Annotate); phrase
// matching then compares ids. Repetition uses a flat set of key views.
//
// "Paragraph-like" (body) = >= 10 words, mostly Arabic letters, and sentence
// punctuation at the end (or >= 14 words: hard-wrapped PDF text). Such lines
// are only removed by exact repetition or by the block rules above.
#include "clean/clean.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <span>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/data.h"
#include "core/utf8.h"

namespace nufuz::clean {

namespace {

enum Cat : std::uint8_t {
  kSkipLink,
  kShare,
  kFontSize,
  kSection,
  kRelated,
  kBackToTop,
  kSubscribe,
  kCredit,
  kFooter,
  kQr,
  kByline,
  kBio,
  kBioRole,
  kBioHeading,
  kAd,
  kNumCats,
};

struct CategoryInfo {
  const char* name;    // `category` column of furniture.tsv
  const char* reason;  // Removed::reason
  int max_words;       // longest line the category applies to
  bool weak;           // never fires on a line that ends like a sentence
};

// Indexed by Cat.
constexpr std::array<CategoryInfo, kNumCats> kCategories = {{
    {"skip-link", "skip-link", 8, false},
    {"share-widget", "share-widget", 12, false},
    {"font-size-widget", "font-size-widget", 8, false},
    {"section-label", "section-label", 4, true},
    {"related", "related-articles", 16, true},
    {"back-to-top", "back-to-top", 6, false},
    {"subscribe", "subscribe", 16, true},
    {"credit", "photo-credit", 14, true},
    {"footer", "footer", 20, false},
    {"qr-prompt", "qr-prompt", 10, false},
    {"byline", "byline", 6, true},
    {"bio", "author-bio", 1000, false},
    {"bio-role", "author-bio", 1000, false},
    {"bio-heading", "author-bio", 5, false},
    {"advertisement", "advertisement", 3, false},
}};

enum class Match : std::uint8_t { kLine, kStart, kEnd, kEdge, kAny, kToken };

// A lexicon phrase: its skeleton tokens as ids of Lexicon::Impl's token table.
struct Phrase {
  std::vector<std::uint32_t> tokens;
  Cat cat;
  Match match;
};

// ---------------------------------------------------------------------------
// Character classes and folding.

constexpr bool IsArabicLetter(char32_t c) {
  return (c >= 0x0621 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) ||
         (c >= 0x06FA && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F);
}
constexpr bool IsLatinLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x00C0 && c <= 0x024F);
}
constexpr bool IsOtherLetter(char32_t c) {
  return c >= 0x0370 && c <= 0x04FF;
}  // Greek, Cyrillic
constexpr bool IsDigit(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}
constexpr bool IsMark(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 || (c >= 0x06D6 && c <= 0x06ED);
}
constexpr bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}
constexpr bool IsCloser(char32_t c) {
  return c == ')' || c == ']' || c == '}' || c == '"' || c == '\'' || c == 0x201D || c == 0x00BB ||
         c == 0x2019 || c == 0x203A || c == 0x00AB || c == 0x201C;
}
bool IsSentencePunct(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x2026 || c == ';' ||
         c == 0x061B || c == ':' || c == 0x060C || c == ',';
}

// Folds a letter or digit to its comparison form.
constexpr char32_t Fold(char32_t c) {
  switch (c) {
    case 0x0622:
    case 0x0623:
    case 0x0625:
    case 0x0671: return 0x0627;  // alef forms
    case 0x0649:
    case 0x06CC: return 0x064A;  // ya forms
    case 0x0629: return 0x0647;  // ta marbuta
    case 0x0624: return 0x0648;  // waw hamza
    case 0x0626: return 0x064A;  // ya hamza
    case 0x06A9: return 0x0643;  // keheh
    default: break;
  }
  if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return U'0' + (c - 0x06F0);
  if (c >= 'A' && c <= 'Z') return c - 'A' + 'a';
  return c;
}

// Everything the line scan asks about one code point, so that the hot loop
// does one table load instead of a chain of range tests. The table covers
// U+0000-U+07FF (ASCII, Latin, Greek, Cyrillic, Arabic); other code points
// are classified by the same functions on the fly.
enum CharFlag : std::uint16_t {
  kFlagSpace = 1 << 0,
  kFlagArabic = 1 << 1,
  kFlagLatin = 1 << 2,
  kFlagOther = 1 << 3,  // other-script letter
  kFlagDigit = 1 << 4,
  kFlagMark = 1 << 5,
  kFlagCloser = 1 << 6,
  kFlagToken = 1 << 7,  // part of a token: letter, digit or '+'
  kFlagDate = 1 << 8,   // folds to 0-9 / - . : (date and time stamps)
  kFlagCrumb = 1 << 9,  // breadcrumb separator » › >
  // An Arabic letter that is none of the above but a token character (and
  // folds to a two-byte letter): in a line it only extends the current token
  // and counts as a letter (see Tokenizer::AddPlainRun).
  kFlagPlain = 1 << 10,
};

struct CharInfo {
  std::uint16_t flags = 0;
  char32_t fold = 0;
};

constexpr CharInfo Classify(char32_t c) {
  CharInfo ci;
  ci.fold = Fold(c);
  std::uint16_t f = 0;
  if (IsSpace(c)) f |= kFlagSpace;
  if (IsArabicLetter(c)) f |= kFlagArabic;
  if (IsLatinLetter(c)) f |= kFlagLatin;
  if (IsOtherLetter(c)) f |= kFlagOther;
  if (IsDigit(c)) f |= kFlagDigit;
  if (IsMark(c)) f |= kFlagMark;
  if (IsCloser(c)) f |= kFlagCloser;
  if (IsArabicLetter(c) || IsLatinLetter(c) || IsOtherLetter(c) || IsDigit(c) || c == '+')
    f |= kFlagToken;
  const char32_t d = ci.fold;
  if ((d >= '0' && d <= '9') || d == '/' || d == '-' || d == '.' || d == ':') f |= kFlagDate;
  if (c == 0x00BB || c == 0x203A || c == '>') f |= kFlagCrumb;
  if (f == (kFlagArabic | kFlagToken) && d >= 0x80 && d < 0x800) f |= kFlagPlain;
  ci.flags = f;
  return ci;
}

constexpr std::size_t kTableSize = 0x800;
struct CharEntry {
  std::uint16_t flags;
  std::uint16_t fold;  // Fold(c) < 0x800 for every c < 0x800
};
constexpr std::array<CharEntry, kTableSize> BuildCharTable() {
  std::array<CharEntry, kTableSize> t{};
  for (char32_t c = 0; c < kTableSize; ++c) {
    const CharInfo ci = Classify(c);
    t[c] = {ci.flags, static_cast<std::uint16_t>(ci.fold)};
  }
  return t;
}
constexpr std::array<CharEntry, kTableSize> kCharTable = BuildCharTable();

// The kFlagPlain characters are all in U+0600-U+077F, whose UTF-8 forms are
// two bytes led by D8-DD. For each such sequence this table holds the UTF-8
// bytes of its fold, or zeros when it is not plain: one load tests, folds and
// encodes a character of a run.
constexpr char32_t kPlainFirst = 0x0600, kPlainEnd = 0x0780;
struct PlainFold {
  std::uint8_t b0 = 0, b1 = 0;  // the fold's UTF-8 bytes; b0 == 0: not plain
  bool kaf = false;             // the fold is kaf
};
constexpr std::array<PlainFold, kPlainEnd - kPlainFirst> BuildPlainFolds() {
  std::array<PlainFold, kPlainEnd - kPlainFirst> t{};
  for (char32_t c = 0; c < kTableSize; ++c) {
    if (!(kCharTable[c].flags & kFlagPlain)) continue;
    if (c < kPlainFirst || c >= kPlainEnd) throw "a plain character outside U+0600-U+077F";
    const char32_t f = kCharTable[c].fold;
    t[c - kPlainFirst] = {static_cast<std::uint8_t>(0xC0 | (f >> 6)),
                          static_cast<std::uint8_t>(0x80 | (f & 0x3F)), f == 0x0643};
  }
  return t;
}
constexpr std::array<PlainFold, kPlainEnd - kPlainFirst> kPlainFolds = BuildPlainFolds();

// The fold of the plain character at s[i], or one with b0 == 0.
inline PlainFold PlainAt(std::string_view s, std::size_t i) {
  if (i + 1 >= s.size()) return {};
  const unsigned lead = static_cast<unsigned char>(s[i]) - 0xD8u;
  const unsigned next = static_cast<unsigned char>(s[i + 1]);
  if (lead >= 6 || (next & 0xC0) != 0x80) return {};
  return kPlainFolds[lead * 64 + (next & 0x3F)];
}

inline CharInfo Info(char32_t c) {
  if (c < kTableSize) return {kCharTable[c].flags, kCharTable[c].fold};
  return Classify(c);
}

// The code point of the two-byte sequence at s[i].
inline char32_t Decode2(std::string_view s, std::size_t i) {
  return (char32_t(static_cast<unsigned char>(s[i]) & 0x1F) << 6) |
         (static_cast<unsigned char>(s[i + 1]) & 0x3F);
}

// Splits text into folded tokens: runs of letters, digits and '+'; '©' is a
// token of its own; marks are dropped; everything else separates. The tokens
// of one line are written to `out` joined by ' ' (so the line's key is one
// contiguous range of `out`), and each token's byte range in `out` is
// appended to `ranges`: no string per token or per line. `out` is used as a
// raw buffer (trimmed by Finish) so that the per-character write is a store,
// not a call: before each line the caller reserves room for what the line
// can write. A code point writes at most its own UTF-8 length (Fold never
// lengthens, and token characters are all below U+0800) plus one ' ' when it
// starts a token, so a line of n bytes writes at most 2n bytes.
class Tokenizer {
 public:
  struct Range {
    std::uint32_t b = 0, e = 0;  // bytes in out
    bool kaf = false;            // the token has a kaf (see Skeleton)
  };
  Tokenizer(std::string& out, std::vector<Range>& ranges) : out_(out), ranges_(ranges) {
    d_ = out_.data();
  }
  // Makes room for a line of n bytes.
  void Reserve(std::size_t n) {
    if (pos_ + 2 * n + 8 <= out_.size()) return;
    out_.resize(std::max(out_.size() * 2, pos_ + 2 * n + 8));
    d_ = out_.data();
  }

  void BeginLine() {
    line_tokens_ = 0;
    words_ = 0;
  }
  // One code point of the line and its Info.
  void Add(char32_t c, const CharInfo& ci) {
    if (ci.flags & kFlagMark) return;
    if (ci.flags & kFlagToken) {
      if (!in_token_) Start();
      Put(ci.fold);
      kaf_ |= ci.fold == 0x0643;
      return;
    }
    End();
    if (c == 0x00A9) {
      Start();
      Put(c);
      End();
    }
  }
  // Adds the run of kFlagPlain characters at s[i] (the same as Add on each)
  // and returns its length in bytes (two per character).
  std::size_t AddPlainRun(std::string_view s, std::size_t i) {
    PlainFold f = PlainAt(s, i);
    if (f.b0 == 0) return 0;
    if (!in_token_) Start();
    const std::size_t start = i;
    char* d = d_ + pos_;
    bool kaf = false;
    do {
      d[0] = static_cast<char>(f.b0);
      d[1] = static_cast<char>(f.b1);
      d += 2;
      kaf |= f.kaf;
      i += 2;
      f = PlainAt(s, i);
    } while (f.b0 != 0);
    pos_ = static_cast<std::size_t>(d - d_);
    kaf_ |= kaf;
    return i - start;
  }
  void EndLine() { End(); }
  int words() const { return words_; }  // tokens other than '©' and '+'
  std::size_t size() const { return pos_; }
  // Ends the last line and trims `out` to the bytes written.
  void Finish() {
    End();
    out_.resize(pos_);
  }

 private:
  void Start() {
    if (line_tokens_ > 0) Put(' ');
    start_ = static_cast<std::uint32_t>(pos_);
    in_token_ = true;
    kaf_ = false;
  }
  void End() {
    if (!in_token_) return;
    in_token_ = false;
    const auto end = static_cast<std::uint32_t>(pos_);
    ranges_.push_back({start_, end, kaf_});
    ++line_tokens_;
    const std::string_view t(d_ + start_, end - start_);
    words_ += t != "\u00A9" && t != "+";
  }
  // Appends the UTF-8 encoding of c.
  void Put(char32_t c) {
    char* d = d_ + pos_;
    if (c < 0x80) {
      d[0] = static_cast<char>(c);
      pos_ += 1;
    } else if (c < 0x800) {
      d[0] = static_cast<char>(0xC0 | (c >> 6));
      d[1] = static_cast<char>(0x80 | (c & 0x3F));
      pos_ += 2;
    } else {  // no token character is above U+07FF today; kept general
      std::string enc;
      utf8::Append(enc, c);
      enc.copy(d, enc.size());
      pos_ += enc.size();
    }
  }

  std::string& out_;
  std::vector<Range>& ranges_;
  char* d_ = nullptr;  // out_.data()
  std::size_t pos_ = 0;
  std::uint32_t start_ = 0;
  bool in_token_ = false, kaf_ = false;
  int line_tokens_ = 0;
  int words_ = 0;
};

// Folded tokens of s as strings (for loading the lexicon).
std::vector<std::string> Tokenize(std::string_view s) {
  std::string buf;
  std::vector<Tokenizer::Range> ranges;
  Tokenizer tk(buf, ranges);
  tk.Reserve(s.size());
  tk.BeginLine();
  std::size_t i = 0;
  while (i < s.size()) {
    const char32_t c = utf8::Next(s, i);
    tk.Add(c, Info(c));
  }
  tk.Finish();
  std::vector<std::string> out;
  for (const auto& r : ranges) out.emplace_back(buf, r.b, r.e - r.b);
  return out;
}

// The skeleton of a folded token: kaf and a word-final ya dropped, so that
// cues still match text from PDF extractions that lost those letters
// (الكاتب -> الاتب, في -> ف). Used for lexicon matching only. `has_kaf`
// says whether tok holds a kaf (the tokenizer knows); without one the
// skeleton is a view of tok itself, else of `buf`. (Tokens are valid UTF-8,
// so the bytes D9 83 / D9 8A are always kaf / ya.)
constexpr std::string_view kKaf = "\u0643";
std::string_view DropKaf(std::string_view tok, std::string& buf) {
  buf.resize(tok.size());
  std::size_t n = 0;
  for (std::size_t k = 0; k < tok.size(); ++k) {
    if (tok[k] == kKaf[0] && k + 1 < tok.size() && tok[k + 1] == kKaf[1]) {
      ++k;
      continue;
    }
    buf[n++] = tok[k];
  }
  return std::string_view(buf).substr(0, n);
}
inline std::string_view Skeleton(std::string_view tok, bool has_kaf, std::string& buf) {
  static constexpr std::string_view kYa = "\u064A";
  std::string_view out = has_kaf ? DropKaf(tok, buf) : tok;
  if (out.size() > kYa.size() && out.ends_with(kYa)) out.remove_suffix(kYa.size());
  return out;
}

bool IsWord(std::string_view tok) {
  return tok != "\u00A9" && tok != "+";
}

// A whitespace-separated chunk of [A-Za-z0-9+/=_-], >= 16 long, mixing
// character classes, with high Shannon entropy: a base64 blob, hash or token.
bool IsTrackingChunk(std::string_view w) {
  while (!w.empty() && (w.back() == '.' || w.back() == ',' || w.back() == ';' || w.back() == ':'))
    w.remove_suffix(1);
  if (w.size() < 16) return false;
  int upper = 0, lower = 0, digit = 0;
  for (char ch : w) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 128) return false;
    bool ok = std::isalnum(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '-';
    if (!ok) return false;
    upper += std::isupper(c) != 0;
    lower += std::islower(c) != 0;
    digit += std::isdigit(c) != 0;
  }
  int classes = (upper > 0) + (lower > 0) + (digit > 0);
  if (classes < 2) return false;
  std::array<int, 128> freq{};
  for (char ch : w) ++freq[static_cast<unsigned char>(ch)];
  double h = 0;
  for (int f : freq)
    if (f > 0) {
      double p = static_cast<double>(f) / static_cast<double>(w.size());
      h -= p * std::log2(p);
    }
  return h >= 3.0;
}

// Whether some chunk of a line looks like a date (12-10-2025, 2025/10/12,
// 10.8.2025) or a time (12:18, 3:44:00). A chunk is a maximal run of code
// points that fold to 0-9 / - . : (digits folded to ASCII); fed one code
// point at a time by the line scan.
class DateScan {
 public:
  void Add(const CharInfo& ci) {
    if (!(ci.flags & kFlagDate)) {
      Break();
      return;
    }
    in_chunk_ = true;
    if (ci.fold >= '0' && ci.fold <= '9') {
      if (!in_digits_) ++groups_;
      in_digits_ = true;
    } else {
      if (!in_digits_) bad_ = true;  // separator not after digits
      in_digits_ = false;
      (ci.fold == ':' ? colons_ : dateseps_) += 1;
    }
  }
  // Ends the line; true when a chunk was a date or time.
  bool Finish() {
    Break();
    return found_;
  }
  // Ends the current chunk (a code point that is not a date character).
  void Break() {
    if (!in_chunk_) return;
    if (!bad_ && in_digits_) {
      if (groups_ == 3 && dateseps_ == 2 && colons_ == 0) found_ = true;
      if (groups_ >= 2 && groups_ <= 3 && colons_ == groups_ - 1 && dateseps_ == 0) found_ = true;
    }
    in_chunk_ = in_digits_ = bad_ = false;
    groups_ = dateseps_ = colons_ = 0;
  }

 private:
  bool found_ = false, in_chunk_ = false, in_digits_ = false, bad_ = false;
  int groups_ = 0, dateseps_ = 0, colons_ = 0;
};

// A string hash for the flat tables below.
std::size_t HashBytes(std::string_view s) {
  return std::hash<std::string_view>{}(s);  // 8 bytes per step
}

// A hash of a short string (a token) from at most two 8-byte loads, inline:
// cheaper than a general string hash for the one lookup per token. Any hash
// is correct here, since a hit is confirmed by comparing the bytes.
inline std::uint64_t TokenHash(std::string_view s) {
  const auto load = [&](std::size_t at, std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t k = 0; k < n; ++k)  // n <= 8; unrolled by the compiler
      v |= std::uint64_t(static_cast<unsigned char>(s[at + k])) << (8 * k);
    return v;
  };
  const std::size_t n = s.size();
  std::uint64_t a, b;
  if (n >= 8) {
    std::memcpy(&a, s.data(), 8);
    std::memcpy(&b, s.data() + n - 8, 8);
  } else if (n >= 4) {
    std::uint32_t x, y;
    std::memcpy(&x, s.data(), 4);
    std::memcpy(&y, s.data() + n - 4, 4);
    a = x;
    b = y;
  } else {
    a = load(0, n);
    b = 0;
  }
  std::uint64_t h = (a * 0x9E3779B97F4A7C15ull) ^ (b * 0xC2B2AE3D27D4EB4Full) ^ n;
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  h ^= h >> 29;
  return h;
}

// An open-addressing set of strings identified by small ids, used to find a
// token's id without building a std::string. Kept at most a quarter full,
// with a hash tag per slot, so a token that is not there (most) is rejected
// after one or two slot reads. Built once, then read-only.
class FlatIndex {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;
  // Builds the index over keys: a key's id is its position.
  void Build(std::vector<std::string> keys) {
    keys_ = std::move(keys);
    std::size_t cap = 16;
    while (cap < keys_.size() * 4) cap *= 2;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    for (std::uint32_t id = 0; id < keys_.size(); ++id) {
      const std::uint64_t h = TokenHash(keys_[id]);
      std::size_t s = h & mask_;
      while (slots_[s].id != kNone) s = (s + 1) & mask_;
      slots_[s] = {id, static_cast<std::uint32_t>(h >> 32)};
    }
  }
  std::uint32_t Find(std::string_view key) const {
    if (slots_.empty()) return kNone;
    const std::uint64_t h = TokenHash(key);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t s = h & mask_;; s = (s + 1) & mask_) {
      const Slot& slot = slots_[s];
      if (slot.id == kNone) return kNone;
      if (slot.tag == tag && keys_[slot.id] == key) return slot.id;
    }
  }

 private:
  struct Slot {
    std::uint32_t id = kNone;
    std::uint32_t tag = 0;  // high bits of the key's hash
  };
  std::vector<std::string> keys_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

// A set of strings held as views (the strings outlive the set), with open
// addressing: no allocation per insert.
class ViewSet {
 public:
  // True when v was not in the set (and is now).
  bool Insert(std::string_view v) {
    if ((items_.size() + 1) * 2 > slots_.size()) Grow();
    std::size_t s = Slot(v);
    if (slots_[s] != 0) return false;
    items_.push_back(v);
    slots_[s] = static_cast<std::uint32_t>(items_.size());
    return true;
  }
  bool Contains(std::string_view v) const { return !slots_.empty() && slots_[Slot(v)] != 0; }

 private:
  // The slot holding v, or the empty slot where it would go. Slots hold an
  // item index + 1; 0 is empty.
  std::size_t Slot(std::string_view v) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t s = HashBytes(v) & mask;
    while (slots_[s] != 0 && items_[slots_[s] - 1] != v) s = (s + 1) & mask;
    return s;
  }
  void Grow() {
    slots_.assign(std::max<std::size_t>(16, slots_.size() * 2), 0);
    for (std::uint32_t k = 0; k < items_.size(); ++k) slots_[Slot(items_[k])] = k + 1;
  }

  std::vector<std::string_view> items_;
  std::vector<std::uint32_t> slots_;
};

// ---------------------------------------------------------------------------
// Per-line features.

struct Line {
  std::size_t b = 0, e = 0;      // bytes in raw_text, e excludes the '\n'
  std::uint32_t cs = 0, ce = 0;  // code points, ce excludes the '\n'
  bool nl = false;               // a '\n' follows
  bool blank = true;
  int words = 0;  // tokens with a letter or digit
  int arabic = 0, latin = 0, letters = 0, digits = 0;
  bool punct_end = false;     // sentence punctuation at the end (or, from a
                              // right-to-left PDF extraction, at the start)
  bool sentence_end = false;  // punct_end, but a trailing colon (a heading
                              // or a quote's lead) does not count
  bool full_stop = false;     // ends with . or , (not a title)
  bool date = false;
  bool blob = false;
  std::string_view key;                      // folded tokens joined by ' '
  std::span<const std::string_view> tokens;  // folded tokens (views into key)
  std::span<const char> kaf;                 // per token: it has a kaf
  std::uint32_t key_b = 0, key_e = 0;        // key's bytes in Lines::folded
  std::uint32_t tok_b = 0, tok_e = 0;        // tokens' indices in Lines::tokens
  std::uint32_t hits = 0;                    // bit per Cat
  int bio_hits = 0;                          // distinct bio / bio-role phrases
  int role_pos = -1;                         // first token of a bio-role hit
  int byline_cue_len = 0;                    // tokens of a leading byline cue
  int credit_words = 0;                      // tokens covered by credit phrases
  int widget = -1;                           // Cat of a token-vocabulary line
  int crumbs = 0;                            // breadcrumb separators (» › >)
  const char* reason = nullptr;

  bool paragraph() const {
    return words >= 10 && arabic * 2 >= letters && (punct_end || words >= 14);
  }
  bool Has(Cat c) const { return (hits >> c) & 1u; }
};

// The lines of one document and the storage their keys and tokens view.
struct Lines {
  std::vector<Line> lines;
  std::string folded;                    // every line's key, back to back
  std::vector<std::string_view> tokens;  // every line's tokens, in order
  std::vector<char> kaf;                 // per token: it has a kaf
};

// Buffers Annotate reuses from line to line.
struct AnnotateScratch {
  std::string skeleton;               // a skeleton that had to be rebuilt
  std::vector<std::uint32_t> ids;     // the line's skeleton token ids
  std::vector<char> credit_cover;     // tokens covered by credit phrases
  std::vector<std::uint32_t> bio_at;  // phrase index -> line stamp of its last bio hit
  std::uint32_t stamp = 0;            // bumped per line
};

}  // namespace

struct Lexicon::Impl {
  std::vector<Phrase> phrases;
  // Distinct skeleton tokens of all entries; a token's id is its index.
  std::vector<std::string> token_text;  // while loading; then moved into token_index
  FlatIndex token_index;
  std::vector<std::vector<std::uint32_t>> by_first;  // token id -> phrases starting with it
  std::vector<std::int8_t> vocab;                    // token id -> Cat of a token entry, or -1

  std::uint32_t Intern(const std::string& tok,
                       std::unordered_map<std::string, std::uint32_t>& ids) {
    auto [it, added] = ids.emplace(tok, static_cast<std::uint32_t>(token_text.size()));
    if (added) {
      token_text.push_back(tok);
      by_first.emplace_back();
      vocab.push_back(-1);
    }
    return it->second;
  }

  // Sets lexicon features of a line from its folded tokens.
  void Annotate(Line& line, AnnotateScratch& s) const {
    const std::size_t n = line.tokens.size();
    s.ids.clear();
    bool any = false;
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint32_t id = token_index.Find(Skeleton(line.tokens[k], line.kaf[k], s.skeleton));
      s.ids.push_back(id);
      any |= id != FlatIndex::kNone;
    }
    if (!any) return;  // no lexicon token: no vocabulary line, no phrase
    const std::vector<std::uint32_t>& sk = s.ids;
    // Token vocabulary: a short line made only of widget words.
    if (n > 0 && n <= 10) {
      std::array<int, kNumCats> count{};
      bool all = true;
      for (std::uint32_t id : sk) {
        if (id == FlatIndex::kNone || vocab[id] < 0) {
          all = false;
          break;
        }
        ++count[vocab[id]];
      }
      if (all) {
        int best = 0;
        for (int c = 1; c < kNumCats; ++c)
          if (count[c] > count[best]) best = c;
        line.widget = best;
      }
    }
    ++s.stamp;
    if (s.bio_at.size() != phrases.size()) s.bio_at.assign(phrases.size(), 0);
    s.credit_cover.assign(n, 0);
    for (std::size_t p = 0; p < n; ++p) {
      if (sk[p] == FlatIndex::kNone) continue;
      for (std::uint32_t idx : by_first[sk[p]]) {
        const Phrase& ph = phrases[idx];
        const std::size_t len = ph.tokens.size();
        if (p + len > n) continue;
        bool eq = true;
        for (std::size_t k = 1; k < len && eq; ++k) eq = sk[p + k] == ph.tokens[k];
        if (!eq) continue;
        const bool at_start = p == 0, at_end = p + len == n;
        bool ok = false;
        switch (ph.match) {
          case Match::kLine: ok = at_start && at_end; break;
          case Match::kStart: ok = at_start; break;
          case Match::kEnd: ok = at_end; break;
          case Match::kEdge: ok = at_start || at_end; break;
          case Match::kAny: ok = true; break;
          case Match::kToken: ok = false; break;
        }
        if (!ok) continue;
        line.hits |= 1u << ph.cat;
        if (ph.cat == kBio || ph.cat == kBioRole) {
          if (s.bio_at[idx] != s.stamp) {
            s.bio_at[idx] = s.stamp;
            ++line.bio_hits;
          }
          if (ph.cat == kBioRole && line.role_pos < 0) line.role_pos = static_cast<int>(p);
        }
        if (ph.cat == kByline && at_start)
          line.byline_cue_len = std::max(line.byline_cue_len, static_cast<int>(len));
        if (ph.cat == kCredit)
          for (std::size_t k = p; k < p + len; ++k) s.credit_cover[k] = 1;
      }
    }
    for (char c : s.credit_cover) line.credit_words += c;
  }
};

Lexicon::Lexicon(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Lexicon::~Lexicon() = default;

Result<std::shared_ptr<const Lexicon>> Lexicon::Load(const std::filesystem::path& data_dir) {
  auto table =
      TsvTable::Load(data_dir / "lexicon" / "furniture.tsv", {"category", "match", "phrase"});
  if (!table.ok()) return table.status();
  const TsvTable& t = table.value();
  const int cat_col = t.Column("category"), match_col = t.Column("match"),
            phrase_col = t.Column("phrase");
  auto impl = std::make_unique<Impl>();
  std::unordered_map<std::string, std::uint32_t> ids;  // skeleton token -> id, while loading
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const std::string& cat_name = t.Cell(r, cat_col);
    int cat = -1;
    for (int c = 0; c < kNumCats; ++c)
      if (cat_name == kCategories[c].name) cat = c;
    if (cat < 0)
      return Status::Error(StatusCode::kDataError,
                           t.Where(r) + ": unknown category '" + cat_name + "'");
    const std::string& m = t.Cell(r, match_col);
    Match match;
    if (m == "line")
      match = Match::kLine;
    else if (m == "start")
      match = Match::kStart;
    else if (m == "end")
      match = Match::kEnd;
    else if (m == "edge")
      match = Match::kEdge;
    else if (m == "any")
      match = Match::kAny;
    else if (m == "token")
      match = Match::kToken;
    else
      return Status::Error(StatusCode::kDataError, t.Where(r) + ": unknown match '" + m + "'");
    std::vector<std::string> toks = Tokenize(t.Cell(r, phrase_col));
    std::string buf;
    for (auto& tok : toks)
      tok = std::string(Skeleton(tok, tok.find(kKaf) != std::string::npos, buf));
    std::erase_if(toks, [](const std::string& s) { return s.empty(); });
    if (toks.empty()) return Status::Error(StatusCode::kDataError, t.Where(r) + ": empty phrase");
    if (match == Match::kToken) {
      if (toks.size() != 1)
        return Status::Error(StatusCode::kDataError,
                             t.Where(r) + ": a token entry must be a single word");
      const std::uint32_t id = impl->Intern(toks[0], ids);
      if (impl->vocab[id] < 0) impl->vocab[id] = static_cast<std::int8_t>(cat);  // first entry wins
      continue;
    }
    Phrase ph{{}, static_cast<Cat>(cat), match};
    for (const auto& tok : toks) ph.tokens.push_back(impl->Intern(tok, ids));
    impl->by_first[ph.tokens[0]].push_back(static_cast<std::uint32_t>(impl->phrases.size()));
    impl->phrases.push_back(std::move(ph));
  }
  impl->token_index.Build(std::move(impl->token_text));
  return std::shared_ptr<const Lexicon>(std::make_shared<Lexicon>(std::move(impl)));
}

namespace {

// Splits raw_text into lines and computes every line's features in one pass
// over its bytes: character counts, the first and last characters, folded
// tokens (written once into Lines::folded), date stamps and tracking blobs.
// `out` must be empty; its lines view its own buffers, so it is filled in
// place rather than returned (moving a short std::string moves its bytes).
void SplitLines(const std::string& raw, Lines& out) {
  // Locals rather than Line fields in the per-character loop: the compiler
  // keeps them in registers.
  const std::string_view text = raw;
  out.folded.resize(text.size() + 64);  // usually enough: tokens are at most the text
  std::vector<Tokenizer::Range> ranges;
  Tokenizer tk(out.folded, ranges);
  std::size_t pos = 0;
  std::uint32_t cp = 0;
  while (pos < text.size()) {
    Line line;
    line.b = pos;
    line.cs = cp;
    std::size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    const std::string_view s = text.substr(0, e);  // ends at the line's end
    tk.Reserve(e - pos);
    const std::size_t key_b = tk.size(), tok_b = ranges.size();
    tk.BeginLine();
    DateScan date;
    char32_t last = 0, first = 0;
    int arabic = 0, latin = 0, letters = 0, digits = 0, crumbs = 0;
    bool blank = true, blob = false;
    // The current ' '/'\t'-separated chunk, for IsTrackingChunk (which only
    // accepts ASCII, so other chunks are not passed to it).
    std::size_t chunk_b = pos;
    bool chunk_ascii = true;
    std::size_t i = pos;
    while (i < e) {
      // Most characters are plain Arabic letters: take a run of them at once.
      if (const std::size_t run = tk.AddPlainRun(s, i); run > 0) {
        const std::size_t n = run / 2;
        date.Break();  // a letter ends a date chunk
        if (first == 0) first = Decode2(s, i);
        last = Decode2(s, i + run - 2);
        i += run;
        cp += static_cast<std::uint32_t>(n);
        arabic += static_cast<int>(n);
        letters += static_cast<int>(n);
        blank = false;
        chunk_ascii = false;
        continue;
      }
      const std::size_t at = i;
      const char32_t c = utf8::Next(s, i);
      ++cp;
      const CharInfo ci = Info(c);
      tk.Add(c, ci);
      date.Add(ci);
      if (ci.flags & kFlagSpace) {
        if (c == ' ' || c == '\t') {
          if (!blob && chunk_ascii && at - chunk_b >= 16)
            blob = IsTrackingChunk(text.substr(chunk_b, at - chunk_b));
          chunk_b = i;
          chunk_ascii = true;
        }
        continue;
      }
      chunk_ascii &= c < 0x80;
      blank = false;
      if (ci.flags & kFlagArabic)
        ++arabic, ++letters;
      else if (ci.flags & kFlagLatin)
        ++latin, ++letters;
      else if (ci.flags & kFlagOther)
        ++letters;
      else if (ci.flags & kFlagDigit)
        ++digits;
      if (!(ci.flags & kFlagCloser)) {
        if (first == 0) first = c;
        last = c;
      }
      if (ci.flags & kFlagCrumb) ++crumbs;
    }
    line.blank = blank;
    line.arabic = arabic;
    line.latin = latin;
    line.letters = letters;
    line.digits = digits;
    line.crumbs = crumbs;
    tk.EndLine();
    line.e = i;
    line.ce = cp;
    line.nl = i < text.size();
    if (line.nl) ++cp;
    pos = line.nl ? i + 1 : i;
    if (!line.blank) {
      if (!blob && chunk_ascii && i - chunk_b >= 16)
        blob = IsTrackingChunk(text.substr(chunk_b, i - chunk_b));
      line.blob = blob;
      line.words = tk.words();
      line.punct_end = IsSentencePunct(last) || first == '.' || first == 0x061F;
      line.sentence_end = (line.punct_end && last != ':') || first == '.' || first == 0x061F;
      line.full_stop = last == '.' || last == ',' || last == 0x060C || last == ':' || first == '.';
      line.date = date.Finish();
    }
    line.key_b = static_cast<std::uint32_t>(key_b);
    line.key_e = static_cast<std::uint32_t>(tk.size());
    line.tok_b = static_cast<std::uint32_t>(tok_b);
    line.tok_e = static_cast<std::uint32_t>(ranges.size());
    out.lines.push_back(line);
  }
  tk.Finish();
  // `folded` is complete: turn the recorded ranges into views.
  out.tokens.reserve(ranges.size());
  out.kaf.reserve(ranges.size());
  for (const auto& r : ranges) {
    out.tokens.emplace_back(out.folded.data() + r.b, r.e - r.b);
    out.kaf.push_back(r.kaf);
  }
  for (Line& l : out.lines) {
    l.key = std::string_view(out.folded.data() + l.key_b, l.key_e - l.key_b);
    l.tokens = std::span<const std::string_view>(out.tokens.data() + l.tok_b, l.tok_e - l.tok_b);
    l.kaf = std::span<const char>(out.kaf.data() + l.tok_b, l.tok_e - l.tok_b);
  }
}

// Index of the next / previous non-blank line, or -1.
int NextContent(const std::vector<Line>& lines, int i) {
  for (int j = i + 1; j < static_cast<int>(lines.size()); ++j)
    if (!lines[j].blank) return j;
  return -1;
}
int PrevContent(const std::vector<Line>& lines, int i) {
  for (int j = i - 1; j >= 0; --j)
    if (!lines[j].blank) return j;
  return -1;
}

// True when the shorter of a, b (token strings) is a token prefix of the
// longer and has at least `min_tokens` tokens.
bool TokenPrefix(const Line& a, const Line& b, std::size_t min_tokens) {
  const Line& s = a.tokens.size() <= b.tokens.size() ? a : b;
  const Line& l = &s == &a ? b : a;
  if (s.tokens.size() < min_tokens) return false;
  for (std::size_t k = 0; k < s.tokens.size(); ++k)
    if (s.tokens[k] != l.tokens[k]) return false;
  return true;
}

bool Is(const Line& l, std::string_view reason) {
  return l.reason != nullptr && reason == l.reason;
}

// Title-like: a short line that does not end like a running sentence.
bool TitleLike(const Line& l, int max_words) {
  return l.words >= 1 && l.words <= max_words && !l.full_stop && l.letters > 0;
}

void Pass1(std::vector<Line>& lines, const Lexicon::Impl& lex, bool arabic_doc) {
  AnnotateScratch scratch;
  // Category order decides which reason a line gets when several match.
  static constexpr std::array<Cat, 13> kOrder = {
      kSkipLink,   kBackToTop, kQr,        kFooter,  kAd,     kShare, kFontSize,
      kBioHeading, kRelated,   kSubscribe, kSection, kCredit, kByline};
  for (Line& l : lines) {
    if (l.blank) continue;
    lex.Annotate(l, scratch);
    if (l.blob && l.words <= 10 && !l.paragraph()) {
      l.reason = "tracking-token";
      continue;
    }
    if (l.widget >= 0 && l.words <= kCategories[l.widget].max_words) {
      l.reason = kCategories[l.widget].reason;
      continue;
    }
    const bool sentence_paragraph = l.paragraph() && l.sentence_end;
    for (Cat c : kOrder) {
      if (sentence_paragraph) break;  // a body paragraph is never furniture by a word
      const CategoryInfo& info = kCategories[c];
      if (!l.Has(c) || l.words > info.max_words || (info.weak && l.sentence_end)) continue;
      l.reason = info.reason;
      if (c == kCredit && l.words > l.credit_words) l.reason = "caption";
      break;
    }
    if (l.reason) continue;
    if (l.date && !l.punct_end && l.words <= 10) {
      int label_words = 0;
      for (std::string_view t : l.tokens)
        if (t != "am" && t != "pm" && t != "\u0635" && t != "\u0645") {
          std::size_t k = 0;
          char32_t c = utf8::Next(t, k);
          label_words += !IsDigit(c) && IsWord(t);
        }
      if (label_words <= 4) {
        l.reason = "dateline";
        continue;
      }
    }
    if (l.letters == 0 && l.words <= 3) {
      l.reason = "no-text";
      continue;
    }
    // A breadcrumb trail: short section names joined by » › >.
    if (l.crumbs >= 2 && !l.punct_end && l.words <= 3 * (l.crumbs + 1)) {
      l.reason = "breadcrumb";
      continue;
    }
    if (arabic_doc && l.words <= 6 && l.letters >= 2 && l.arabic * 5 < l.letters && !l.punct_end)
      l.reason = "non-arabic-line";
  }
}

// Returns the index of the title line, or -1.
int Pass2(std::vector<Line>& lines) {
  const int n = static_cast<int>(lines.size());
  // Title: the first unremoved content line, if title-like and before the body.
  int title = -1;
  for (int i = 0; i < n; ++i) {
    const Line& l = lines[i];
    if (l.blank || l.reason) continue;
    if (l.words >= 2 && TitleLike(l, 25) && !(l.paragraph() && l.punct_end)) title = i;
    break;
  }
  // Bylines: a bare cue takes the next short line as the name.
  ViewSet names;
  for (int i = 0; i < n; ++i) {
    Line& l = lines[i];
    if (!Is(l, "byline")) continue;
    if (l.byline_cue_len < static_cast<int>(l.tokens.size())) {
      // The tokens after the cue, joined by ' ': the key's tail from the
      // first of them.
      const char* from = l.tokens[l.byline_cue_len].data();
      names.Insert(std::string_view(from, l.key.data() + l.key.size() - from));
      continue;
    }
    int j = NextContent(lines, i);
    if (j < 0 || j == title) continue;
    Line& m = lines[j];
    if ((m.reason && !Is(m, "non-arabic-line")) || m.words > 5 || m.punct_end || m.digits > 0)
      continue;
    m.reason = "byline";
    names.Insert(m.key);
  }
  for (int i = 0; i < n; ++i) {
    Line& l = lines[i];
    if (l.blank || l.reason || i == title) continue;
    if (names.Contains(l.key))
      l.reason = "byline";
    else if (title >= 0 && l.key == lines[title].key)
      l.reason = "repeated-title";
  }
  // Caption pairs: image alt text and caption, one a prefix of the other.
  auto caption_candidate = [&](int i) {
    const Line& l = lines[i];
    return i != title && l.words <= 15 && !l.punct_end && !l.paragraph() &&
           (!l.reason || Is(l, "caption") || Is(l, "photo-credit") || Is(l, "repeated-line"));
  };
  for (int i = NextContent(lines, -1); i >= 0;) {
    int j = NextContent(lines, i);
    if (j < 0) break;
    if (caption_candidate(i) && caption_candidate(j) && TokenPrefix(lines[i], lines[j], 3)) {
      if (!lines[i].reason) lines[i].reason = "caption";
      if (!lines[j].reason) lines[j].reason = "caption";
    }
    i = j;
  }
  // A short line just before a bare credit is its caption.
  for (int i = 0; i < n; ++i) {
    if (!Is(lines[i], "photo-credit")) continue;
    int p = PrevContent(lines, i);
    if (p >= 0 && p != title && !lines[p].reason && lines[p].words <= 15 && !lines[p].punct_end &&
        !lines[p].paragraph())
      lines[p].reason = "caption";
  }
  // Exact repetition (normalised).
  ViewSet seen;
  for (int i = 0; i < n; ++i) {
    Line& l = lines[i];
    if (l.blank || l.key.empty()) continue;
    if (!seen.Insert(l.key) && !l.reason && i != title) l.reason = "repeated-line";
  }
  return title;
}

void Pass3(std::vector<Line>& lines, int title) {
  const int n = static_cast<int>(lines.size());
  // Related-articles blocks.
  for (int i = 0; i < n; ++i) {
    if (!Is(lines[i], "related-articles") || lines[i].words > 6) continue;
    bool after_stamp = false;
    int j = i;
    while ((j = NextContent(lines, j)) >= 0) {
      Line& l = lines[j];
      if (Is(l, "related-articles")) {
        after_stamp = false;
        continue;
      }
      if (l.reason) {
        static constexpr std::array<std::string_view, 8> kMeta = {
            "dateline",      "section-label",  "caption",         "photo-credit",
            "repeated-line", "repeated-title", "non-arabic-line", "no-text"};
        bool meta = false;
        for (auto m : kMeta) meta |= Is(l, m);
        if (!meta) break;  // another kind of furniture ends the block
        after_stamp = Is(l, "dateline") || Is(l, "section-label");
        l.reason = "related-articles";
        continue;
      }
      if (!after_stamp && TitleLike(l, 20) && !l.punct_end) {
        // A title-like line set off by a blank line and followed by a body
        // paragraph is the body's own intertitle: the list has ended.
        int nx = NextContent(lines, j);
        if (lines[j - 1].blank && nx >= 0 && !lines[nx].reason && lines[nx].paragraph()) break;
      }
      if (after_stamp || (TitleLike(l, 20) && !l.punct_end)) {
        l.reason = "related-articles";
        after_stamp = false;
        continue;
      }
      break;  // the body resumes
    }
    // Continue after the block: each line is scanned once (linear time).
    if (j < 0) break;
    i = j - 1;
  }
  // Bio headings: the lines after them, up to three.
  for (int i = 0; i < n; ++i) {
    if (!Is(lines[i], "author-bio") || !lines[i].Has(kBioHeading)) continue;
    int j = i;
    for (int k = 0; k < 3 && (j = NextContent(lines, j)) >= 0 && !lines[j].reason; ++k)
      lines[j].reason = "author-bio";
  }
  // The body's end: the last unremoved paragraph-like line.
  auto last_paragraph = [&]() {
    for (int i = n - 1; i >= 0; --i)
      if (!lines[i].blank && !lines[i].reason && lines[i].paragraph()) return i;
    return -1;
  };
  // Author bio: a name-like line then a bio paragraph, at the tail.
  int end = last_paragraph();
  if (end >= 0) {
    Line& bio = lines[end];
    int p = PrevContent(lines, end);
    if (bio.bio_hits >= 2 && bio.role_pos >= 0 && bio.role_pos <= 4 && p >= 0 && p != title) {
      Line& name = lines[p];
      bool name_like = (!name.reason || Is(name, "non-arabic-line")) && name.words >= 1 &&
                       name.words <= 4 && !name.punct_end && name.digits == 0;
      bool latin_name = name.latin > name.arabic;
      bool same_name = bio.key.starts_with(name.key) &&
                       (bio.key.size() == name.key.size() || bio.key[name.key.size()] == ' ');
      if (name_like && (latin_name || same_name)) {
        name.reason = "author-bio";
        bio.reason = "author-bio";
      }
    }
  }
  // Tail: footer blocks and short non-sentence lines after the body.
  end = last_paragraph();
  if (end < 0) return;
  bool in_footer = false;
  for (int i = end + 1; i < n; ++i) {
    Line& l = lines[i];
    if (l.blank || i == title) continue;
    if (Is(l, "footer")) {
      in_footer = true;
      continue;
    }
    if (l.reason) continue;
    if (in_footer && l.words <= 20 && !l.paragraph())
      l.reason = "footer";
    else if (l.words <= 6 && !l.punct_end)
      l.reason = "trailing-line";
  }
}

// The article's own dateline ("موسكو - 08-10-2025 |") is content: it says
// where and when the report was filed, and the date extractor reads the
// publication date from it. The first date stamp among the first lines, with
// no body paragraph before it, is kept; later stamps (in related-article
// lists, under photos) stay furniture.
void KeepOwnDateline(std::vector<Line>& lines) {
  constexpr int kTopLines = 6;
  int seen = 0;
  for (Line& l : lines) {
    if (l.blank) continue;
    if (++seen > kTopLines) return;
    if (l.reason && std::string_view(l.reason) == "dateline") {
      l.reason = nullptr;
      return;
    }
    if (!l.reason && l.paragraph() && l.sentence_end) return;  // the body has begun
  }
}

// Spans added before cleaning (PDF pages) point into raw_text; move them to
// text. A raw offset inside a removed range maps to where that range stood.
// Removed records are sorted by start, so this is one merge pass.
std::uint32_t RawToText(const std::vector<Removed>& removed, std::size_t& k, std::uint32_t& shift,
                        std::uint32_t raw) {
  while (k < removed.size() && removed[k].end <= raw) {
    shift += removed[k].end - removed[k].start;
    ++k;
  }
  if (k < removed.size() && removed[k].start <= raw) return removed[k].at;
  return raw - shift;
}

void RemapSpans(Document& doc) {
  if (doc.spans.empty() || doc.removed.empty()) return;
  // Starts and ends are each non-decreasing for page spans; map them in two
  // sorted sweeps to stay linear for any span set.
  std::vector<std::pair<std::uint32_t, std::uint32_t*>> points;
  points.reserve(doc.spans.size() * 2);
  for (auto& sp : doc.spans) {
    points.emplace_back(sp.start, &sp.start);
    points.emplace_back(sp.end, &sp.end);
  }
  std::sort(points.begin(), points.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::size_t k = 0;
  std::uint32_t shift = 0;
  for (auto& [raw, out] : points) *out = RawToText(doc.removed, k, shift, raw);
}

}  // namespace

void Clean(Document& doc, const Lexicon& lexicon, const Options& options) {
  if (!options.enabled) {
    doc.text = doc.raw_text;
    return;
  }
  const std::string& raw = doc.raw_text;
  Lines split;
  SplitLines(raw, split);
  std::vector<Line>& lines = split.lines;
  long arabic = 0, letters = 0;
  for (const Line& l : lines) arabic += l.arabic, letters += l.letters;
  const bool arabic_doc = letters > 0 && arabic * 10 >= letters * 6;

  Pass1(lines, lexicon.impl(), arabic_doc);
  int title = Pass2(lines);
  Pass3(lines, title);
  KeepOwnDateline(lines);

  // Assemble text. Between two kept lines, a gap that lost a line keeps at
  // most one blank line (its last); gaps at the edges that lost a line are
  // removed whole; untouched gaps stay as they were. Blank lines removed with
  // a gap join the record of the removed line before them (or after them).
  const int n = static_cast<int>(lines.size());
  auto kept = [&](int i) { return !lines[i].blank && !lines[i].reason; };
  std::vector<char> drop(n, 0);
  std::vector<int> owner(n, -1);  // line whose record a dropped blank joins
  std::vector<int> pending;
  for (int i = 0; i < n;) {
    if (kept(i)) {
      ++i;
      continue;
    }
    int g0 = i;
    while (i < n && !kept(i)) ++i;
    int g1 = i;  // gap [g0, g1)
    bool lost = false;
    for (int k = g0; k < g1; ++k) lost |= !lines[k].blank;
    if (!lost) continue;
    const bool inner = g0 > 0 && g1 < n;
    int keep_blank = -1;
    if (inner)
      for (int k = g0; k < g1; ++k)
        if (lines[k].blank) keep_blank = k;
    int last_removed = -1;
    pending.clear();
    for (int k = g0; k < g1; ++k) {
      if (k == keep_blank) {
        last_removed = -1;
        continue;
      }
      drop[k] = 1;
      if (!lines[k].blank) {
        owner[k] = k;
        for (int b : pending) owner[b] = k;
        pending.clear();
        last_removed = k;
      } else if (last_removed >= 0) {
        owner[k] = last_removed;
      } else {
        pending.push_back(k);
      }
    }
    // Defensive: every pending blank precedes a removed line, since the kept
    // blank is the gap's last blank line.
    for (int b : pending) owner[b] = b;
  }

  std::string text;
  text.reserve(raw.size());
  std::uint32_t text_cp = 0;
  long removed_letters = 0;
  auto full_end_byte = [&](const Line& l) { return l.nl ? l.e + 1 : l.e; };
  auto full_end_cp = [&](const Line& l) { return l.nl ? l.ce + 1 : l.ce; };
  for (int i = 0; i < n;) {
    if (!drop[i]) {
      const Line& l = lines[i];
      text.append(raw, l.b, full_end_byte(l) - l.b);
      text_cp += full_end_cp(l) - l.cs;
      ++i;
      continue;
    }
    // A record: consecutive dropped lines sharing an owner.
    int o = owner[i];
    int j = i;
    while (j < n && drop[j] && owner[j] == o) ++j;
    Removed r;
    r.start = lines[i].cs;
    r.end = full_end_cp(lines[j - 1]);
    r.at = text_cp;
    r.reason = lines[o].reason ? lines[o].reason : "blank-lines";
    r.content = raw.substr(lines[i].b, full_end_byte(lines[j - 1]) - lines[i].b);
    for (int k = i; k < j; ++k) removed_letters += lines[k].letters;
    doc.removed.push_back(std::move(r));
    i = j;
  }
  doc.text = std::move(text);
  RemapSpans(doc);
  if (letters > 0 && removed_letters * 2 > letters)
    doc.Diagnose(Severity::kWarning, "clean", "heavy-removal",
                 "cleaning removed " + std::to_string(removed_letters * 100 / letters) +
                     "% of the letters; check the furniture rules on this input");
}

}  // namespace nufuz::clean
