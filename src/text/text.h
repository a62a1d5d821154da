// text/text.h: Arabic normalised keys, sentence splitting and tokenisation.
//
// Contract
// - Reads: Document::text. Adds: Document::tokens and Document::sentences
//   (views by code-point and byte offsets; text is never rewritten).
// - Each token carries a normalised key: no diacritics or tatweel; أ إ آ ٱ ->
//   ا; ى -> ي; ة -> ه; Persian ی ک -> ي ك; Arabic-Indic and Persian digits ->
//   ASCII. All later matching uses keys.
// - Clitic segmentation: proclitics و ف ب ل ك س and the article ال (ل+ال
//   written لل), pronoun suffixes; a clitic is split only when the lexicon
//   supports it, so words that merely begin with the same letter (وزير, بين,
//   كازاخستان, لندن, فرنسا) stay whole.
// - Numbers with separators (٫ ٬ , .), percent, URLs, e-mails, Latin words and
//   dates like 08-10-2025 are single tokens.
// - Sentences end at . ؟ ? ! ؛ … and at paragraph breaks; abbreviations and
//   decimals do not split.
// - Linear time. Lexicon is immutable after Load, shareable across threads.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/status.h"

namespace nufuz::text {

// Normalised key of a piece of text (see the contract above).
std::string Key(std::string_view surface);
// Appends the key of `surface` to `out`.
void AppendKey(std::string_view surface, std::string& out);

class Lexicon;
void Tokenize(Document& doc, const Lexicon& lexicon);

class Lexicon {
 public:
  // Loads data_dir/lexicon/words.tsv (and the system hunspell Arabic
  // dictionary when installed) as the set of known stems.
  static Result<std::shared_ptr<const Lexicon>> Load(const std::filesystem::path& data_dir);
  // A lexicon from an explicit word list (tests).
  static std::shared_ptr<const Lexicon> FromWords(const std::vector<std::string>& words);
  bool Contains(std::string_view key) const;
  std::size_t size() const;
  struct Impl;
  explicit Lexicon(std::unique_ptr<Impl> impl);
  ~Lexicon();

 private:
  friend void Tokenize(Document& doc, const Lexicon& lexicon);  // reads impl_->id
  std::unique_ptr<Impl> impl_;
};

void Tokenize(Document& doc, const Lexicon& lexicon);

}  // namespace nufuz::text
