#include "extract/forms.h"

#include "core/utf8.h"
#include "extract/gazetteer.h"
#include "text/text.h"

namespace nufuz::extract {

namespace {

constexpr std::string_view kAl = "ال";
constexpr std::string_view kAlif = "ا";

// Equal texts, compared in place: forms are a few bytes, and a library
// memcmp call per comparison was a measurable share of building them.
inline bool SameText(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k] != b[k]) return false;
  return true;
}

// Appends a form unless it is too short or the token already has it.
// `text` must outlive the list (a view into the token or into owned).
void AddForm(std::vector<WordForm>& out, std::size_t base, std::string_view text,
             std::uint8_t stripped) {
  if (text.size() < 2) return;
  for (std::size_t k = base; k < out.size(); ++k)
    if (SameText(out[k].text, text)) return;
  out.push_back({text, stripped, StringMapHash(text)});
}

}  // namespace

void WordFormsOf(const Token& t, std::vector<WordForm>& out, std::deque<std::string>& owned) {
  const std::size_t base = out.size();
  AddForm(out, base, t.key, 0);
  if (t.kind != TokenKind::kArabic) return;
  const std::string_view key = t.key;
  // Arabic letters are two bytes each; keep at least two letters.
  struct Pre {
    std::string_view text;
    std::uint8_t flags;
  };
  static constexpr Pre kConj[] = {{"", 0}, {"و", kCliticWa}, {"ف", kCliticFa}};
  static constexpr Pre kPrep[] = {{"", 0}, {"ب", kCliticBi}, {"ل", kCliticLi}, {"ك", kCliticKa}};
  for (const Pre& c : kConj) {
    if (!StartsWith(key, c.text)) continue;
    std::string_view a = key.substr(c.text.size());
    // لل = ل + ال
    if (StartsWith(a, "لل") && a.size() >= 8) {
      std::string with_al(kAl);
      with_al += a.substr(4);
      // Rare (a fused لل): only then is a form built rather than viewed.
      bool known = false;
      for (std::size_t k = base; k < out.size() && !known; ++k)
        known = SameText(out[k].text, with_al);
      if (!known) AddForm(out, base, owned.emplace_back(std::move(with_al)), c.flags | kCliticLi);
      AddForm(out, base, a.substr(4), c.flags | kCliticLi | kCliticAl);
    }
    for (const Pre& p : kPrep) {
      if (!StartsWith(a, p.text)) continue;
      std::string_view b = a.substr(p.text.size());
      if (b.size() >= 4 && (c.flags | p.flags)) AddForm(out, base, b, c.flags | p.flags);
      if (StartsWith(b, kAl) && b.size() >= 8)
        AddForm(out, base, b.substr(4), c.flags | p.flags | kCliticAl);
    }
  }
  if (!t.stem.empty()) AddForm(out, base, t.stem, t.proclitics);
  const std::size_t n = out.size();
  for (std::size_t k = base; k < n; ++k) {
    std::string_view f = out[k].text;
    if (EndsWith(f, kAlif) && f.size() >= 6)
      AddForm(out, base, f.substr(0, f.size() - 2), out[k].stripped);
  }
}

DocForms::DocForms(const Document& doc) : doc_(&doc) {}

void DocForms::ComputeWords() const {
  const Document& doc = *doc_;
  const std::size_t n = doc.tokens.size();
  words_.reserve(n * 4);
  begin_.resize(n + 1);
  for (std::size_t i = 0; i < n; ++i) {
    begin_[i] = static_cast<std::uint32_t>(words_.size());
    WordFormsOf(doc.tokens[i], words_, owned_);
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
