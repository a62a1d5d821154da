// core/json.h: the Document as JSON (nufuz text --json).
//
// Contract: every offset is a code point into "text", which is included.
// Field names are stable; see docs/output.md.
#pragma once

#include <nlohmann/json.hpp>

#include "core/document.h"

namespace nufuz {

struct JsonOptions {
  bool tokens = true;     // include "tokens" and "sentences"
  bool original = false;  // include "original" and "raw_text"
  bool removed = true;    // include "removed"
};

nlohmann::json DocumentToJson(const Document& doc, const JsonOptions& options = {});
nlohmann::json TokenToJson(const Document& doc, const Token& token);
// The "diagnostics" array shared by every JSON output.
nlohmann::json DiagnosticsJson(const Document& doc);
// The pipe-separated clitic names of a Clitic flag set: "wa|bi|al".
std::string CliticNames(std::uint8_t flags);

}  // namespace nufuz
