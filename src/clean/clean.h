// clean/clean.h: removes page furniture from extracted text.
//
// Contract
// - Reads: Document::raw_text. Adds: Document::text (raw_text minus removed
//   ranges) and one Removed record per removed range with a stable reason
//   ("skip-link", "share-widget", "font-size-widget", "section-label",
//   "repeated-title", "caption", "photo-credit", "related-articles",
//   "back-to-top", "author-bio", "qr-prompt", "tracking-token", "footer",
//   "byline", "repeated-line", ...). Nothing is lost: raw_text is kept and
//   every deletion is recorded.
// - Decides per line from general features: length, sentence punctuation,
//   Arabic-letter ratio, repetition within the document, position, and a
//   furniture lexicon (data/lexicon/furniture.tsv) that users may extend.
//   Never keyed on one site's exact strings.
// - Cleaning only deletes whole lines (and trailing blank runs); text keeps
//   one blank line between paragraphs. Linear in the text size.
// - Lexicon is immutable after Load and may be shared across threads.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace nufuz::clean {

class Lexicon {
 public:
  // Loads data_dir/lexicon/furniture.tsv.
  static Result<std::shared_ptr<const Lexicon>> Load(const std::filesystem::path& data_dir);
  struct Impl;
  const Impl& impl() const { return *impl_; }
  explicit Lexicon(std::unique_ptr<Impl> impl);
  ~Lexicon();

 private:
  std::unique_ptr<Impl> impl_;
};

struct Options {
  bool enabled = true;  // false: text = raw_text, nothing removed
};

void Clean(Document& doc, const Lexicon& lexicon, const Options& options = {});

}  // namespace nufuz::clean
