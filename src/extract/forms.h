// extract/forms.h: the word forms of a document's tokens, computed once.
//
// Contract
// - DocForms(doc) computes, once per document, every form under which the
//   extractors look a token up:
//   * TokenForms (gazetteer names, titles, nisbas, person names): the key
//     without the article, the key of the surface after the tokeniser's
//     proclitics, the stem (see gazetteer.h);
//   * WordForms (date words, months, number words, units): the key, the key
//     without proclitic combinations, the stem, each also without an
//     accusative -ا (see WordFormsOf).
//   Each form is a string_view with its StringMapHash, so the lexicons'
//   lookups hash nothing and no extractor builds a string per token. Each
//   kind is computed on first use (an extractor that needs only one kind
//   does not pay for the other), then kept.
// - Reads Document::text and tokens only. The views point into the tokens'
//   keys and stems and into storage the DocForms owns: it is valid while
//   doc.tokens is unchanged (the extractors only append spans and entities,
//   so one DocForms serves EntityExtractor, DateExtractor and
//   QuantityExtractor in turn). Not thread-safe; one per document.
// - Linear in the tokens; a handful of forms per token.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "extract/string_map.h"

namespace nufuz::extract {

// Prefix and suffix tests on bytes, in a loop: the affixes are a few bytes,
// and a library memcmp call per test was a measurable share of the run time.
inline bool StartsWith(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (std::size_t k = 0; k < p.size(); ++k)
    if (s[k] != p[k]) return false;
  return true;
}
inline bool EndsWith(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  const std::size_t o = s.size() - p.size();
  for (std::size_t k = 0; k < p.size(); ++k)
    if (s[o + k] != p[k]) return false;
  return true;
}

// The forms of one token that name matching compares (all normalised keys).
struct TokenForms {
  std::string_view whole;  // the token's key without a leading article
  std::string_view core;   // key of the surface after the tokeniser's proclitics
  std::string_view stem;   // the stem; today the core (see DocForms::ComputeTokens)
  std::uint64_t whole_hash = 0, core_hash = 0, stem_hash = 0;  // StringMapHash
  bool arabic = false;
  bool article = false;  // the token carries ال (attached or after a clitic)
  // Code points of conjunction/preposition proclitics before the word (ال kept
  // unless written fused as لل), for mention offsets.
  std::uint32_t clitic_cps = 0;
  bool Has(std::string_view form) const { return form == whole || form == core || form == stem; }
};

// A normalised form of a token under which it is looked up, with the
// proclitics that were stripped to get it (Clitic flags).
struct WordForm {
  std::string_view text;
  std::uint8_t stripped = 0;
  std::uint64_t hash = 0;  // StringMapHash(text)
};

// A token's WordForms: a range inside a DocForms.
struct FormList {
  const WordForm* first = nullptr;
  const WordForm* last = nullptr;
  const WordForm* begin() const { return first; }
  const WordForm* end() const { return last; }
  bool empty() const { return first == last; }
};

// The WordForms of a token, most literal first: its key; its key without
// proclitic combinations (و ف, ب ل ك, ال, لل); its stem; and each of these
// without an accusative -ا. Non-Arabic tokens have only their key. Appends
// to out; forms that are no substring of the key or stem are kept in owned.
void WordFormsOf(const Token& t, std::vector<WordForm>& out, std::deque<std::string>& owned);

class DocForms {
 public:
  explicit DocForms(const Document& doc);
  DocForms(const DocForms&) = delete;
  DocForms& operator=(const DocForms&) = delete;

  const Document& doc() const { return *doc_; }
  std::size_t size() const { return doc_->tokens.size(); }
  // Name-matching forms of every token (index = token index).
  const std::vector<TokenForms>& tokens() const {
    if (!have_tokens_) ComputeTokens();
    return tokens_;
  }
  const TokenForms& operator[](std::size_t i) const { return tokens()[i]; }
  // Lexicon forms of token i.
  [[gnu::always_inline]] FormList words(std::size_t i) const {
    if (!have_words_) [[unlikely]]
      ComputeWords();
    return {words_.data() + begin_[i], words_.data() + begin_[i + 1]};
  }

 private:
  void ComputeTokens() const;
  void ComputeWords() const;
  // Filled on first use (the object is per document and per thread).
  const Document* doc_;
  mutable bool have_tokens_ = false, have_words_ = false;
  mutable std::vector<TokenForms> tokens_;
  mutable std::vector<WordForm> words_;       // every token's WordForms, in token order
  mutable std::vector<std::uint32_t> begin_;  // token i's: words_[begin_[i], begin_[i + 1])
  mutable std::deque<std::string> owned_;  // forms that are no view into a token (stable addresses)
};

}  // namespace nufuz::extract
