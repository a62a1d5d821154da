// output/analyze.h: the analyze JSON contract (docs/output.md,
// docs/analyze.schema.json).
//
// Contract
// - Reads a fully processed Document (ENTITY, DATE, QUANTITY spans and the
//   entity table); writes one JSON object in the versioned contract.
//   Offsets are code points into "text", which is included.
// - Written with JsonWriter (core/json.h): byte-identical to dumping the DOM
//   with dump(-1, ' ', false, error_handler_t::replace), as the contract was
//   first defined (members sorted by key).
// - Pure; thread-safe; linear in the number of spans (plus a sort of the
//   mentions by entity).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/document.h"

namespace nufuz::output {

// Version of the analyze contract; bumped on any incompatible change.
inline constexpr const char* kAnalyzeContractVersion = "1.0";

// The analysis as one JSON object (no newline), appended to `out`.
void AppendAnalyzeJson(const Document& doc, std::string& out);
std::string AnalyzeJsonText(const Document& doc);

// The same as a DOM, for callers that read it (the store). Dumped with
// dump(-1, ' ', false, error_handler_t::replace) it is byte-identical to
// AnalyzeJsonText (output_analyze_json_test); change both together.
nlohmann::json AnalyzeJson(const Document& doc);

}  // namespace nufuz::output
