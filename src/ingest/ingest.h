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
// - Not thread-safe; one stream per thread.
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "core/document.h"

namespace nufuz::ingest {

struct Options {
  // Documents larger than this (bytes of input) are refused with kTooLarge.
  std::uint64_t max_bytes = 50ull << 20;
  // Replace invalid UTF-8 with U+FFFD (and flag it) instead of failing.
  bool lenient = false;
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
