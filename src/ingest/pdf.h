// ingest/pdf.h: text of a PDF per page (internal to ingest).
//
// Contract: ExtractPdf loads the bytes with poppler-cpp and returns the text
// of each page in reading order (poppler's non-raw, non-physical layout,
// which orders right-to-left lines logically). Encrypted (locked) and
// unreadable PDFs return an error. poppler's own error printing is silenced.
// Thread-safe as far as poppler-cpp is; linear in the pages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nufuz::ingest {

struct PdfResult {
  std::vector<std::string> pages;  // UTF-8, one entry per page
  std::string title;               // document info Title, or empty
  std::string error;               // "encrypted PDF", "unreadable PDF: ..."
  bool ok = false;
};

PdfResult ExtractPdf(std::string_view bytes);

}  // namespace nufuz::ingest
