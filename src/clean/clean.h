// clean/clean.h: removes page furniture from extracted text.
//
// Contract
// - Reads: Document::raw_text. Adds: Document::text (raw_text minus removed
//   ranges) and one Removed record per removed line with a stable reason:
//   "skip-link", "share-widget", "font-size-widget", "section-label",
//   "dateline", "repeated-title", "caption", "photo-credit",
//   "related-articles", "back-to-top", "author-bio", "subscribe",
//   "qr-prompt", "tracking-token", "footer", "trailing-line", "byline",
//   "advertisement", "repeated-line", "no-text", "non-arabic-line". Nothing
//   is lost: raw_text is kept, and inserting each record's content at its
//   `at` (in order) rebuilds raw_text exactly. A "dateline" record keeps the
//   date stamp a later stage may read for the publication date.
// - Decides per line from general features: length, sentence punctuation,
//   Arabic-letter ratio, repetition within the document, position (before
//   the title, after the last body paragraph), neighbouring lines, and a
//   furniture lexicon (data/lexicon/furniture.tsv) that users may extend.
//   Never keyed on one site's exact strings. The rules and their order are
//   listed at the top of clean.cc. A body paragraph (>= 10 mostly Arabic
//   words ending like a sentence, or >= 14 words) is only removed when it
//   repeats an earlier line exactly or sits in a related-articles or
//   author-bio block.
// - Cleaning only deletes whole lines. Blank lines: where lines were
//   removed between two kept lines, at most one blank line stays (one if
//   the gap had any); removed edges take their blank lines with them; gaps
//   that lost nothing are kept as in the input. Linear in the text size.
// - Adds a "heavy-removal" warning diagnostic when over half the letters go.
// - Lexicon is immutable after Load and may be shared across threads; Load
//   fails with kDataError naming file:line on an unknown category or match.
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
  bool enabled = true;  // false: text = raw_text, nothing removed (default: true)
};

void Clean(Document& doc, const Lexicon& lexicon, const Options& options = {});

}  // namespace nufuz::clean
