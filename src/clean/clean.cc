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
// "Paragraph-like" (body) = >= 10 words, mostly Arabic letters, and sentence
// punctuation at the end (or >= 14 words: hard-wrapped PDF text). Such lines
// are only removed by exact repetition or by the block rules above.
#include "clean/clean.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
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

struct Phrase {
  std::vector<std::string> tokens;  // skeleton tokens
  Cat cat;
  Match match;
};

// ---------------------------------------------------------------------------
// Character classes and folding.

bool IsArabicLetter(char32_t c) {
  return (c >= 0x0621 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) ||
         (c >= 0x06FA && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F);
}
bool IsLatinLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x00C0 && c <= 0x024F);
}
bool IsOtherLetter(char32_t c) {
  return c >= 0x0370 && c <= 0x04FF;
}  // Greek, Cyrillic
bool IsDigit(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}
bool IsMark(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 || (c >= 0x06D6 && c <= 0x06ED);
}
bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

// Folds a letter or digit to its comparison form.
char32_t Fold(char32_t c) {
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

// Splits text into folded tokens: runs of letters, digits and '+'; '©' is a
// token of its own; marks are dropped; everything else separates.
std::vector<std::string> Tokenize(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t c = utf8::Next(s, i);
    if (IsMark(c)) continue;
    if (IsArabicLetter(c) || IsLatinLetter(c) || IsOtherLetter(c) || IsDigit(c) || c == '+') {
      utf8::Append(cur, Fold(c));
      continue;
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    cur.clear();
    if (c == 0x00A9) out.emplace_back("\u00A9");
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// The skeleton of a folded token: kaf and a word-final ya dropped, so that
// cues still match text from PDF extractions that lost those letters
// (الكاتب -> الاتب, في -> ف). Used for lexicon matching only.
std::string Skeleton(std::string_view tok) {
  std::string out;
  std::size_t i = 0;
  while (i < tok.size()) {
    char32_t c = utf8::Next(tok, i);
    if (c == 0x0643) continue;
    utf8::Append(out, c);
  }
  static constexpr std::string_view kYa = "\u064A";
  if (out.size() > kYa.size() && std::string_view(out).substr(out.size() - kYa.size()) == kYa)
    out.resize(out.size() - kYa.size());
  return out;
}

bool IsWord(const std::string& tok) {
  return tok != "\u00A9" && tok != "+";
}

// A whitespace-separated chunk of [A-Za-z0-9+/=_-], >= 16 long, mixing
// character classes, with high Shannon entropy: a base64 blob, hash or token.
bool IsTrackingChunk(std::string_view w) {
  while (!w.empty() && (w.back() == '.' || w.back() == ',' || w.back() == ';' || w.back() == ':'))
    w.remove_suffix(1);
  if (w.size() < 16) return false;
  int upper = 0, lower = 0, digit = 0;
  std::array<int, 128> freq{};
  for (char ch : w) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 128) return false;
    bool ok = std::isalnum(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '-';
    if (!ok) return false;
    upper += std::isupper(c) != 0;
    lower += std::islower(c) != 0;
    digit += std::isdigit(c) != 0;
    ++freq[c];
  }
  int classes = (upper > 0) + (lower > 0) + (digit > 0);
  if (classes < 2) return false;
  double h = 0;
  for (int f : freq)
    if (f > 0) {
      double p = static_cast<double>(f) / static_cast<double>(w.size());
      h -= p * std::log2(p);
    }
  return h >= 3.0;
}

// True when some whitespace-separated chunk (digits folded to ASCII) looks like
// a date (12-10-2025, 2025/10/12, 10.8.2025) or a time (12:18, 3:44:00).
bool HasDateOrTime(std::string_view s) {
  std::string ascii;
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t c = Fold(utf8::Next(s, i));
    if ((c >= '0' && c <= '9') || c == '/' || c == '-' || c == '.' || c == ':')
      ascii.push_back(static_cast<char>(c));
    else
      ascii.push_back(' ');
  }
  std::size_t p = 0;
  while (p < ascii.size()) {
    while (p < ascii.size() && ascii[p] == ' ') ++p;
    std::size_t q = p;
    while (q < ascii.size() && ascii[q] != ' ') ++q;
    std::string_view chunk(ascii.data() + p, q - p);
    p = q;
    // Count digit groups and separators.
    int groups = 0, dateseps = 0, colons = 0;
    bool in_digits = false, bad = false;
    for (char c : chunk) {
      if (c >= '0' && c <= '9') {
        if (!in_digits) ++groups;
        in_digits = true;
      } else {
        if (!in_digits) bad = true;  // separator not after digits
        in_digits = false;
        (c == ':' ? colons : dateseps) += 1;
      }
    }
    if (bad || !in_digits) continue;
    if (groups == 3 && dateseps == 2 && colons == 0) return true;
    if (groups >= 2 && groups <= 3 && colons == groups - 1 && dateseps == 0) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Per-line features.

struct Line {
  std::size_t b = 0, e = 0;      // bytes in raw_text, e excludes the '\n'
  std::uint32_t cs = 0, ce = 0;  // code points, ce excludes the '\n'
  bool nl = false;               // a '\n' follows
  bool blank = true;
  int words = 0;  // tokens with a letter or digit
  int alpha = 0;  // tokens with a letter
  int arabic = 0, latin = 0, letters = 0, digits = 0;
  bool punct_end = false;     // sentence punctuation at the end (or, from a
                              // right-to-left PDF extraction, at the start)
  bool sentence_end = false;  // punct_end, but a trailing colon (a heading
                              // or a quote's lead) does not count
  bool full_stop = false;     // ends with . or , (not a title)
  bool date = false;
  bool blob = false;
  std::string key;                  // folded tokens joined by ' '
  std::vector<std::string> tokens;  // folded tokens
  std::uint32_t hits = 0;           // bit per Cat
  int bio_hits = 0;                 // distinct bio / bio-role phrases
  int role_pos = -1;                // first token of a bio-role hit
  int byline_cue_len = 0;           // tokens of a leading byline cue
  int credit_words = 0;             // tokens covered by credit phrases
  int widget = -1;                  // Cat of a token-vocabulary line
  int crumbs = 0;                   // breadcrumb separators (» › >)
  const char* reason = nullptr;

  bool paragraph() const {
    return words >= 10 && arabic * 2 >= letters && (punct_end || words >= 14);
  }
  bool Has(Cat c) const { return (hits >> c) & 1u; }
};

bool IsSentencePunct(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x2026 || c == ';' ||
         c == 0x061B || c == ':' || c == 0x060C || c == ',';
}
bool IsCloser(char32_t c) {
  return c == ')' || c == ']' || c == '}' || c == '"' || c == '\'' || c == 0x201D || c == 0x00BB ||
         c == 0x2019 || c == 0x203A || c == 0x00AB || c == 0x201C;
}

}  // namespace

struct Lexicon::Impl {
  std::vector<Phrase> phrases;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_first;  // skeleton token
  std::unordered_map<std::string, Cat> vocab;                            // token-mode words

  // Sets lexicon features of a line from its folded tokens.
  void Annotate(Line& line) const {
    std::vector<std::string> sk;
    sk.reserve(line.tokens.size());
    for (const auto& t : line.tokens) sk.push_back(Skeleton(t));
    const std::size_t n = sk.size();
    // Token vocabulary: a short line made only of widget words.
    if (n > 0 && n <= 10) {
      std::array<int, kNumCats> count{};
      bool all = true;
      for (const auto& t : sk) {
        auto it = vocab.find(t);
        if (it == vocab.end()) {
          all = false;
          break;
        }
        ++count[it->second];
      }
      if (all) {
        int best = 0;
        for (int c = 1; c < kNumCats; ++c)
          if (count[c] > count[best]) best = c;
        line.widget = best;
      }
    }
    std::unordered_set<std::uint32_t> bio_seen;
    std::vector<char> credit_cover(n, 0);
    for (std::size_t p = 0; p < n; ++p) {
      auto it = by_first.find(sk[p]);
      if (it == by_first.end()) continue;
      for (std::uint32_t idx : it->second) {
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
          if (bio_seen.insert(idx).second) ++line.bio_hits;
          if (ph.cat == kBioRole && line.role_pos < 0) line.role_pos = static_cast<int>(p);
        }
        if (ph.cat == kByline && at_start)
          line.byline_cue_len = std::max(line.byline_cue_len, static_cast<int>(len));
        if (ph.cat == kCredit)
          for (std::size_t k = p; k < p + len; ++k) credit_cover[k] = 1;
      }
    }
    for (char c : credit_cover) line.credit_words += c;
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
    for (auto& tok : toks) tok = Skeleton(tok);
    std::erase_if(toks, [](const std::string& s) { return s.empty(); });
    if (toks.empty()) return Status::Error(StatusCode::kDataError, t.Where(r) + ": empty phrase");
    if (match == Match::kToken) {
      if (toks.size() != 1)
        return Status::Error(StatusCode::kDataError,
                             t.Where(r) + ": a token entry must be a single word");
      impl->vocab.emplace(toks[0], static_cast<Cat>(cat));
      continue;
    }
    impl->by_first[toks[0]].push_back(static_cast<std::uint32_t>(impl->phrases.size()));
    impl->phrases.push_back(Phrase{std::move(toks), static_cast<Cat>(cat), match});
  }
  return std::shared_ptr<const Lexicon>(std::make_shared<Lexicon>(std::move(impl)));
}

namespace {

std::vector<Line> SplitLines(const std::string& text) {
  std::vector<Line> lines;
  std::size_t pos = 0;
  std::uint32_t cp = 0;
  while (pos < text.size()) {
    Line line;
    line.b = pos;
    line.cs = cp;
    char32_t last = 0, first = 0;
    std::size_t i = pos;
    while (i < text.size() && text[i] != '\n') {
      char32_t c = utf8::Next(text, i);
      ++cp;
      if (IsSpace(c)) continue;
      line.blank = false;
      if (IsArabicLetter(c))
        ++line.arabic, ++line.letters;
      else if (IsLatinLetter(c))
        ++line.latin, ++line.letters;
      else if (IsOtherLetter(c))
        ++line.letters;
      else if (IsDigit(c))
        ++line.digits;
      if (!IsCloser(c)) {
        if (first == 0) first = c;
        last = c;
      }
      if (c == 0x00BB || c == 0x203A || c == '>') ++line.crumbs;  // » › >
    }
    line.e = i;
    line.ce = cp;
    line.nl = i < text.size();
    if (line.nl) ++cp;
    pos = line.nl ? i + 1 : i;
    if (!line.blank) {
      std::string_view s(text.data() + line.b, line.e - line.b);
      line.tokens = Tokenize(s);
      for (const auto& t : line.tokens) {
        if (!IsWord(t)) continue;
        ++line.words;
        std::size_t k = 0;
        while (k < t.size()) {
          char32_t c = utf8::Next(t, k);
          if (IsArabicLetter(c) || IsLatinLetter(c) || IsOtherLetter(c)) {
            ++line.alpha;
            break;
          }
        }
      }
      for (std::size_t k = 0; k < line.tokens.size(); ++k) {
        if (k) line.key.push_back(' ');
        line.key += line.tokens[k];
      }
      line.punct_end = IsSentencePunct(last) || first == '.' || first == 0x061F;
      line.sentence_end = (line.punct_end && last != ':') || first == '.' || first == 0x061F;
      line.full_stop = last == '.' || last == ',' || last == 0x060C || last == ':' || first == '.';
      line.date = HasDateOrTime(s);
      std::size_t a = 0;
      while (a < s.size() && !line.blob) {
        while (a < s.size() && (s[a] == ' ' || s[a] == '\t')) ++a;
        std::size_t z = a;
        while (z < s.size() && s[z] != ' ' && s[z] != '\t') ++z;
        line.blob = IsTrackingChunk(s.substr(a, z - a));
        a = z;
      }
    }
    lines.push_back(std::move(line));
  }
  return lines;
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
  // Category order decides which reason a line gets when several match.
  static constexpr std::array<Cat, 13> kOrder = {
      kSkipLink,   kBackToTop, kQr,        kFooter,  kAd,     kShare, kFontSize,
      kBioHeading, kRelated,   kSubscribe, kSection, kCredit, kByline};
  for (Line& l : lines) {
    if (l.blank) continue;
    lex.Annotate(l);
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
      for (const auto& t : l.tokens)
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
  std::unordered_set<std::string> names;
  for (int i = 0; i < n; ++i) {
    Line& l = lines[i];
    if (!Is(l, "byline")) continue;
    if (l.byline_cue_len < static_cast<int>(l.tokens.size())) {
      std::string name;
      for (std::size_t k = l.byline_cue_len; k < l.tokens.size(); ++k) {
        if (!name.empty()) name.push_back(' ');
        name += l.tokens[k];
      }
      names.insert(std::move(name));
      continue;
    }
    int j = NextContent(lines, i);
    if (j < 0 || j == title) continue;
    Line& m = lines[j];
    if ((m.reason && !Is(m, "non-arabic-line")) || m.words > 5 || m.punct_end || m.digits > 0)
      continue;
    m.reason = "byline";
    names.insert(m.key);
  }
  for (int i = 0; i < n; ++i) {
    Line& l = lines[i];
    if (l.blank || l.reason || i == title) continue;
    if (names.count(l.key))
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
  std::unordered_set<std::string> seen;
  for (int i = 0; i < n; ++i) {
    Line& l = lines[i];
    if (l.blank || l.key.empty()) continue;
    if (!seen.insert(l.key).second && !l.reason && i != title) l.reason = "repeated-line";
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
      bool same_name = bio.key.compare(0, name.key.size(), name.key) == 0 &&
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
  std::vector<Line> lines = SplitLines(raw);
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
    std::vector<int> pending;
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
