// output/analyze.h: the analyze JSON contract (docs/output.md,
// docs/analyze.schema.json).
//
// Contract
// - Reads a fully processed Document (ENTITY, DATE, QUANTITY spans and the
//   entity table); writes one JSON object in the versioned contract.
//   Offsets are code points into "text", which is included.
// - Pure; thread-safe; linear in the number of spans.
#pragma once

#include <nlohmann/json.hpp>

#include "core/document.h"

namespace nufuz::output {

// Version of the analyze contract; bumped on any incompatible change.
inline constexpr const char* kAnalyzeContractVersion = "1.0";

nlohmann::json AnalyzeJson(const Document& doc);

}  // namespace nufuz::output
