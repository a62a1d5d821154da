// ingest/ingest.h: bytes -> Documents.
//
// Contract
// - Reads: paths given by the user (files, directories walked recursively in
//   sorted order, "-" for stdin). Adds: Document{id, source, published,
//   title, original, raw_text}. raw_text is already NormalizeText()ed
//   (core/unicode.h).
// - Format is detected by content first (PDF magic, HTML markup, JSON Lines
//   records), extension second. Encodings: UTF-8 (BOM stripped), and
//   windows-1256 / ISO-8859-6 detected and converted with ICU.
// - Invalid UTF-8 fails the document with the byte offset, unless
//   options.lenient (then replaced with U+FFFD and a warning diagnostic).
//   Empty, binary, oversize, malformed HTML/JSON/PDF input fails only that
//   document, with a message naming the input. A failed document is still
//   yielded (failed == true) so callers can report it and go on.
// - Streaming: DocumentStream holds at most one document (or one JSONL
//   record) in memory at a time plus one directory listing per level, so
//   memory stays bounded for inputs of any total size.
// - HTML: gumbo parses; the main text comes from <article>,
//   [itemprop=articleBody], a container the lexicon marks as content, or the
//   densest-paragraph container; nav/aside/footer/header/script/style/form/
//   ... and elements whose class/id/role the furniture lexicon
//   (data/lexicon/html_furniture.tsv) marks are dropped. Block elements
//   become line breaks (a blank line between paragraphs). Title, url,
//   outlet and the publication date (meta tags, JSON-LD datePublished,
//   <time datetime>) come from the markup (published_source "html-meta").
// - PDF: poppler-cpp, text per page in reading order; one Span{label "PAGE",
//   attrs {{"page", "N"}}} per page in Document::spans whose offsets are
//   code points into raw_text (not text: cleaning has not run yet; the clean
//   stage remaps them). Encrypted or unreadable PDFs fail the document.
// - Directories: regular files with a known extension (.txt .text .md .html
//   .htm .xhtml .json .jsonl .ndjson .pdf) or none, hidden entries skipped,
//   symlinked directories not followed. A JSON Lines file yields one
//   Document per non-blank line; a malformed line fails only its Document.
// - Linear in the input size. Not thread-safe; one stream per thread.
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace nufuz::ingest {

// Class/id/role keywords of HTML page furniture (share, related, comments,
// menus, ads...) and of main-content containers, from
// data/lexicon/html_furniture.tsv (columns keyword, match, kind, reason,
// source; match is "token", "substring" or "role"; kind is "drop" or
// "content"). Immutable after Load; share across threads.
class HtmlLexicon {
 public:
  static Result<std::shared_ptr<const HtmlLexicon>> Load(const std::filesystem::path& data_dir);
  static Result<std::shared_ptr<const HtmlLexicon>> Parse(std::string_view tsv, std::string name);

  struct Entry {
    std::string keyword;   // lower case
    std::string match;     // token | substring | role
    bool content = false;  // marks main content instead of furniture
    std::string reason;
  };
  // The entry a class or id value (or a role value, when `role`) matches, or
  // nullptr. Case-insensitive; tokens split on space, '-', '_' and ':'.
  const Entry* Match(std::string_view value, bool role) const;
  std::size_t size() const { return entries_.size(); }

 private:
  std::vector<Entry> entries_;
};

struct Options {
  // Documents larger than this (bytes of input; per record for JSON Lines)
  // are refused: the document fails with "too large (N bytes > limit M)".
  std::uint64_t max_bytes = 50ull << 20;
  // Replace invalid UTF-8 with U+FFFD (and flag it) instead of failing.
  bool lenient = false;
  // HTML furniture lexicon. Null: loaded once from DataDir() on first use;
  // if that fails, HTML documents get a warning and only tag rules apply.
  std::shared_ptr<const HtmlLexicon> html_lexicon;
};

// Builds one Document from bytes already read. `name` is the input name used
// as id and in messages. `hint` is the format suggested by the extension or
// caller; content wins when it disagrees.
Document FromBytes(std::string bytes, const std::string& name, const Options& options,
                   std::optional<Format> hint = std::nullopt);

// Builds a Document from one JSON Lines record (a JSON object with "doc" or
// "id", "text" or "html", optional "url", "published", "outlet").
Document FromJsonRecord(std::string_view line, const std::string& input_name, std::uint64_t line_no,
                        const Options& options);

// Yields the documents of a list of inputs, in order.
class DocumentStream {
 public:
  DocumentStream(std::vector<std::string> inputs, Options options);
  ~DocumentStream();
  DocumentStream(const DocumentStream&) = delete;
  DocumentStream& operator=(const DocumentStream&) = delete;

  // Fills `out` with the next document (possibly failed). False at the end.
  bool Next(Document& out);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace nufuz::ingest
