#include "extract/forms.h"

#include <bit>
#include <cstring>

#include "core/utf8.h"
#include "extract/gazetteer.h"
#include "text/text.h"

namespace nufuz::extract {

namespace {

constexpr std::string_view kAl = "ال";
constexpr std::string_view kAlif = "ا";

// Equal texts, compared in place by 8- or 4-byte words (the last one
// overlapping): forms are a few bytes, and a library memcmp call per
// comparison was a measurable share of building them.
template <typename W>
inline W Load(const char* p) {
  W w;
  std::memcpy(&w, p, sizeof w);
  return w;
}
inline bool SameText(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  if (n >= 8) {
    for (std::size_t k = 0; k + 8 <= n; k += 8)
      if (Load<std::uint64_t>(p + k) != Load<std::uint64_t>(q + k)) return false;
    return Load<std::uint64_t>(p + n - 8) == Load<std::uint64_t>(q + n - 8);
  }
  if (n >= 4)
    return Load<std::uint32_t>(p) == Load<std::uint32_t>(q) &&
           Load<std::uint32_t>(p + n - 4) == Load<std::uint32_t>(q + n - 4);
  for (std::size_t k = 0; k < n; ++k)
    if (p[k] != q[k]) return false;
  return true;
}

// A token's forms while they are found: a small local list (no hashing, no
// vector growth per form), copied out with hashes once complete. A token
// has at most 64 forms: its key, per conjunction (3) the لل pair and per
// preposition (4) two forms, its stem, and each of these without -ا.
class FormBuilder {
 public:
  // Adds a form unless it is too short or the token already has it. `text`
  // must outlive the list (a view into the token or into owned).
  void Add(std::string_view text, std::uint8_t stripped) {
    if (text.size() < 2) return;
    if (Has(text)) return;
    if (n_ < kMax) forms_[n_++] = {text.data(), text.size(), stripped};
  }
  // Forms are mostly views of the same key: equal pointers settle most
  // comparisons of equal sizes without reading the text.
  bool Has(std::string_view text) const {
    for (std::size_t k = 0; k < n_; ++k) {
      const Pending& f = forms_[k];
      if (f.size == text.size() && (f.data == text.data() || SameText(f.text(), text))) return true;
    }
    return false;
  }
  std::size_t size() const { return n_; }
  std::string_view text(std::size_t k) const { return forms_[k].text(); }
  std::uint8_t stripped(std::size_t k) const { return forms_[k].stripped; }
  void Clear() { n_ = 0; }
  // `known`: a view whose hash is already computed (the token's name form
  // without the article, when DocForms has it), reused for the form that is
  // the same view.
  // Appended one by one: with the room reserved, a push is a few stores,
  // where a resize per token value-initialised first (a sixth of the cost).
  void AppendTo(std::vector<WordForm>& out, std::string_view known = {},
                std::uint64_t known_hash = 0) const {
    for (std::size_t k = 0; k < n_; ++k) {
      const Pending& f = forms_[k];
      const std::uint64_t h =
          f.data == known.data() && f.size == known.size() ? known_hash : StringMapHash(f.text());
      out.push_back(WordForm{f.text(), f.stripped, h});
    }
  }

 public:
  static constexpr std::size_t kMax = 64;

 private:
  // Trivial, so the array is left uninitialised until used.
  struct Pending {
    const char* data;
    std::size_t size;
    std::uint8_t stripped;
    std::string_view text() const { return {data, size}; }
  };
  Pending forms_[kMax];
  std::size_t n_ = 0;
};

// The two bytes of an Arabic letter as one value (as letter() reads them).
constexpr std::uint16_t Letter(std::string_view l) {
  const auto b0 = static_cast<std::uint16_t>(static_cast<unsigned char>(l[0]));
  const auto b1 = static_cast<std::uint16_t>(static_cast<unsigned char>(l[1]));
  if constexpr (std::endian::native == std::endian::little)
    return static_cast<std::uint16_t>(b0 | (b1 << 8));
  else
    return static_cast<std::uint16_t>((b0 << 8) | b1);
}

}  // namespace

namespace {

// Token t's forms into b (cleared first); the caller writes them out with
// their hashes.
[[gnu::always_inline]] inline void FormsOf(const Token& t, FormBuilder& b,
                                           std::deque<std::string>& owned) {
  b.Clear();
  b.Add(t.key, 0);
  if (t.kind != TokenKind::kArabic) return;
  const std::string_view key = t.key;
  const std::size_t ks = key.size();
  // Arabic letters are two bytes each; keep at least two letters. The
  // letter at a byte offset is read as one 16-bit value (0 past the end), so
  // each proclitic test is one compare.
  auto letter = [&](std::size_t at) -> std::uint16_t {
    return at + 2 > ks ? std::uint16_t{0} : Load<std::uint16_t>(key.data() + at);
  };
  static constexpr std::uint16_t kWa = Letter("و"), kFa = Letter("ف"), kBi = Letter("ب"),
                                 kLi = Letter("ل"), kKa = Letter("ك"), kA = Letter("ا");
  const std::uint16_t first = letter(0);
  // Conjunctions: none, then و or ف (at most one can match); after each,
  // prepositions: none, then ب ل or ك.
  for (int ci = 0; ci < 2; ++ci) {
    std::uint8_t cflags = 0;
    std::size_t ao = 0;
    if (ci == 1) {
      if (first == kWa)
        cflags = kCliticWa;
      else if (first == kFa)
        cflags = kCliticFa;
      else
        break;
      ao = 2;
    }
    const std::size_t as = ks - ao;
    const std::uint16_t second = letter(ao);
    // لل = ل + ال
    if (as >= 8 && second == kLi && letter(ao + 2) == kLi) {
      std::string with_al(kAl);
      with_al += key.substr(ao + 4);
      // Rare (a fused لل): only then is a form built rather than viewed.
      if (!b.Has(with_al)) b.Add(owned.emplace_back(std::move(with_al)), cflags | kCliticLi);
      b.Add(key.substr(ao + 4), cflags | kCliticLi | kCliticAl);
    }
    for (int pi = 0; pi < 2; ++pi) {
      std::uint8_t flags = cflags;
      std::size_t bo = ao;
      if (pi == 1) {
        if (second == kBi)
          flags |= kCliticBi;
        else if (second == kLi)
          flags |= kCliticLi;
        else if (second == kKa)
          flags |= kCliticKa;
        else
          break;
        bo += 2;
      }
      const std::size_t rs = ks - bo;
      if (rs >= 4 && flags) b.Add(key.substr(bo), flags);
      if (rs >= 8 && letter(bo) == kA && letter(bo + 2) == kLi)
        b.Add(key.substr(bo + 4), flags | kCliticAl);
    }
  }
  if (!t.stem.empty()) b.Add(t.stem, t.proclitics);
  const std::size_t n = b.size();
  for (std::size_t k = 0; k < n; ++k) {
    std::string_view f = b.text(k);
    if (EndsWith(f, kAlif) && f.size() >= 6) b.Add(f.substr(0, f.size() - 2), b.stripped(k));
  }
}

}  // namespace

void WordFormsOf(const Token& t, std::vector<WordForm>& out, std::deque<std::string>& owned) {
  FormBuilder b;
  FormsOf(t, b, owned);
  b.AppendTo(out);
}

DocForms::DocForms(const Document& doc) : doc_(&doc) {}

void DocForms::ComputeWords() const {
  const Document& doc = *doc_;
  const std::size_t n = doc.tokens.size();
  begin_.resize(n + 1);
  // Tokens have 1.6 forms on average (at most FormBuilder::kMax).
  words_.reserve(2 * n + FormBuilder::kMax);
  FormBuilder b;
  for (std::size_t i = 0; i < n; ++i) {
    begin_[i] = static_cast<std::uint32_t>(words_.size());
    FormsOf(doc.tokens[i], b, owned_);
    // The name forms' hash of the key without the article is reused when
    // they were computed first (EntityExtractor runs before the others).
    if (have_tokens_)
      b.AppendTo(words_, tokens_[i].whole, tokens_[i].whole_hash);
    else
      b.AppendTo(words_);
  }
  begin_[n] = static_cast<std::uint32_t>(words_.size());
  have_words_ = true;
}

void DocForms::ComputeTokens() const {
  const Document& doc = *doc_;
  const std::size_t n = doc.tokens.size();
  tokens_.resize(n);
  // Keys of the surfaces after the proclitics, written one after another
  // into one buffer (no string per token); viewed once all are written,
  // since the buffer may move while it grows.
  std::string& pool = owned_.emplace_back();
  pool.reserve(doc.text.size());
  std::vector<std::uint32_t> core_at(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const Token& t = doc.tokens[i];
    core_at[i] = static_cast<std::uint32_t>(pool.size());
    if (t.prefix_cps > 0) {
      std::string_view surface = doc.Surface(t);
      std::size_t b = utf8::BytesOfPrefix(surface, t.prefix_cps);
      text::AppendKey(surface.substr(b), pool);
    }
  }
  core_at[n] = static_cast<std::uint32_t>(pool.size());
  for (std::size_t i = 0; i < n; ++i) {
    const Token& t = doc.tokens[i];
    TokenForms& f = tokens_[i];
    f.arabic = t.kind == TokenKind::kArabic;
    bool had = false;
    f.whole = StripArticle(t.key, &had);
    f.whole_hash = StringMapHash(f.whole);
    if (t.prefix_cps > 0) {
      std::string_view k = std::string_view(pool).substr(core_at[i], core_at[i + 1] - core_at[i]);
      bool core_had = false;
      f.core = StripArticle(k, &core_had);
      f.core_hash = f.core == f.whole ? f.whole_hash : StringMapHash(f.core);
      had |= core_had;  // والصين cut as و + الصين
    } else {
      f.core = f.whole;
      f.core_hash = f.whole_hash;
    }
    // The stem differs from the core by a pronoun suffix; matching names on it
    // would read فيومه as في + اليوم, so a suffixed token offers its core only.
    f.stem = f.core;
    f.stem_hash = f.core_hash;
    f.article = had || (t.proclitics & kCliticAl);
    std::uint32_t cps = t.prefix_cps;
    if ((t.proclitics & kCliticAl) && !(t.proclitics & kCliticLi) && cps >= 2) cps -= 2;
    f.clitic_cps = cps;
  }
  have_tokens_ = true;
}

}  // namespace nufuz::extract
