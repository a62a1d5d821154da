// extract/extract.h: entities, people, dates and quantities.
//
// Contract
// - Reads: Document::text, tokens, sentences, published. Adds: ENTITY spans
//   (attr "entity" = id) and Document::entities; DATE spans (attrs value
//   "YYYY[-MM[-DD]]", anchor absolute|relative, kind point|range); QUANTITY
//   spans (attrs value, unit, kind); and Document::published from a dateline
//   when the input gave none (published_source "dateline").
// - Resources (gazetteer automaton, date, number and unit lexicons) are
//   loaded from data/ once, then frozen and shared read-only across threads.
// - Linear in the number of tokens.
#pragma once

#include <filesystem>
#include <memory>

#include "core/document.h"
#include "core/status.h"

namespace nufuz::extract {

class Extractors;

}  // namespace nufuz::extract
