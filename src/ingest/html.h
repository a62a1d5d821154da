// ingest/html.h: main text and metadata of an HTML page (internal to ingest).
//
// Contract: ExtractHtml parses with gumbo (tolerant of any markup), picks the
// main content container, drops furniture (see ingest.h) and returns the text
// with one line per block and a blank line between paragraphs, plus title,
// url, outlet and publication date. Never throws; linear in the markup
// (iterative walks, so deep nesting cannot exhaust the stack).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingest.h"

namespace nufuz::ingest {

struct HtmlResult {
  std::string text;  // not yet normalised
  std::string title, url, outlet;
  std::optional<std::string> published;  // YYYY[-MM[-DD]]
  std::string published_from;            // which markup gave the date
  std::vector<std::string> notes;        // info diagnostics
  bool failed = false;                   // markup could not be parsed at all
  std::string error;
};

HtmlResult ExtractHtml(std::string_view html, const HtmlLexicon* lexicon);

// Parses a date as written in markup or records ("2025-10-08T10:00:00Z",
// "2025/10/08", "20251008", "08-10-2025", "Oct 8, 2025", "8 October 2025")
// into "YYYY-MM-DD" (or "YYYY-MM", "YYYY"), or nullopt.
std::optional<std::string> ParseDate(std::string_view s);

}  // namespace nufuz::ingest
