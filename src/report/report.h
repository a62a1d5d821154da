// report/report.h: the analyst's report, as one self-contained HTML file or a
// Markdown terminal summary.
//
// Contract
// - Reads: a ReportData, a plain value the CLI fills from the knowledge base
//   (store) and the influence model. This stage depends on neither: it knows
//   codes, names, numbers, dates and quotes, nothing else.
// - Produces: RenderHtml -> one HTML5 document, `<html lang="ar" dir="rtl">`,
//   Arabic-first with English labels, that works offline: inline CSS, inline
//   SVG charts, one small inline vanilla script (opens a cell's evidence when
//   its matrix cell is clicked; records script errors into the DOM as
//   `.nufuz-js-error` elements and sets `data-nufuz-ready="1"` on <html> when
//   it ran, so a headless browser test can check both). No external URL is
//   loaded: no src/href points outside the file (source URLs of facts are
//   shown as text, not links). Every piece of text from the data is
//   HTML-escaped and isolated with <bdi>/dir="auto" for bidi correctness.
//   RenderMarkdown -> the matrix as a Markdown table, the top movers and the
//   top evidence, for a terminal.
// - Sections of the HTML: header with corpus figures; influence matrix
//   (powers x republics, heat-coloured by `combined`, structural and event
//   scores, a trend sparkline per cell, a tooltip with per-dimension
//   scores); each republic's tilt (stacked shares of `combined`);
//   per-dimension grouped bar charts (one per dimension, groups = republics,
//   bars = powers, axis 0..1); the event timeline (date x Goldstein, coloured
//   by CAMEO QuadClass, dot size by NumSources) with the notable events
//   listed; the actor network (nodes on two deterministic rings, edge width
//   by number of events, colour by mean Goldstein); the figures table; the
//   evidence of every cell (per-dimension bars, top evidence with quotes and
//   document ids); coverage notes.
// - Charts read left to right (time and numeric axes), as in Arabic print
//   charts; prose and tables read right to left.
// - Output is deterministic: the same ReportData gives the same bytes (no
//   clock is read; `generated_at` is the caller's).
// - Bad data never crashes: NaN/inf scores render as "–" and are plotted as
//   missing, unparseable dates are left off the timeline (and counted in a
//   note), cells naming unknown actors are listed in the coverage notes.
// - Thread safety: pure functions. Complexity: linear in the data, plus
//   O(powers * republics) for the matrix; lists are capped by RenderOptions.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace nufuz::report {

inline constexpr int kDimensions = 5;
// English names of the dimensions in the order of Cell::dims:
// security, economic, diplomatic, connectivity, societal.
const char* DimensionName(int d);
// Arabic names, same order.
const char* DimensionNameAr(int d);

// A power or republic. `code` is the id used in cells and events (ISO3 or a
// power code such as EU); names may be empty (the code is shown), see
// FillActorNames.
struct Actor {
  std::string code;
  std::string name_en;
  std::string name_ar;
};

// One item behind a cell's score.
struct Evidence {
  enum class Kind { kFact, kEvent };
  Kind kind = Kind::kFact;
  int dimension = -1;    // 0..4, or -1 when not known
  std::string label;     // "Gas pipeline transit", "036 Express intent to meet"
  double share = 0;      // signed share of the cell's score, -1..1
  std::string date;      // YYYY-MM-DD, YYYY-MM or YYYY
  std::string document;  // document id or path (events), file:line (facts)
  std::string quote;     // the sentence (events) or the fact's note
  std::string source;    // URL of a fact's source (shown as text)
};

struct TrendPoint {
  std::string month;  // YYYY-MM
  double value = 0;   // combined score that month
};

struct Cell {
  std::string power;                             // Actor::code of a power
  std::string republic;                          // Actor::code of a republic
  double structural = 0;                         // S, 0..1
  double event = 0;                              // E, -1..1
  double combined = 0;                           // 0..1
  std::array<double, kDimensions> dims{};        // structural S_d, 0..1
  std::array<double, kDimensions> dim_events{};  // event E_d, -1..1
  std::vector<TrendPoint> trend;                 // ascending by month
  double coverage = 0;                           // 0..1: weight share of indicators with data
  int events = 0;                                // events counted in the event score
  int stale_facts = 0;
  std::vector<std::string> missing;    // indicators without data
  std::vector<Evidence> top_evidence;  // most important first
};

struct TimelineEvent {
  std::string date;            // YYYY-MM-DD (YYYY-MM accepted)
  std::string source, target;  // actor codes
  std::string cameo;           // "036"
  std::string label;           // human label of the event
  double goldstein = 0;        // -10..10
  int quad_class = 0;          // 1..4; 0 = derive from `cameo`
  int num_sources = 1;
  std::string quote;
  std::string document;
};

// An undirected tie between two actors; `weight` is the mean Goldstein of
// their events (colour), `events` their number (width).
struct Edge {
  std::string a, b;
  double weight = 0;
  int events = 0;
};

// A quantity reported in the corpus: money, troops, volumes.
struct Figure {
  std::string date;
  std::string actor, target;  // codes or names
  std::string kind;           // money | troops | trade | energy | ...
  double value = 0;
  std::string unit;  // USD, EUR, troops, bcm, ...
  std::string quote;
  std::string document;
};

struct CorpusStats {
  long long documents = 0;
  long long events = 0;
  long long facts = 0;
  long long stories = 0;  // same-story clusters; 0 = not known
  std::string first_date, last_date;
};

struct ReportData {
  std::string title;         // empty: a default bilingual title
  std::string month;         // the month scored, YYYY-MM
  std::string generated_at;  // shown as given
  std::vector<Actor> powers;
  std::vector<Actor> republics;
  std::vector<Cell> cells;  // at most one per (power, republic)
  std::vector<TimelineEvent> timeline;
  std::vector<Edge> network;
  std::vector<Actor> network_actors;  // names for network nodes not in powers/republics
  std::vector<Figure> figures;
  CorpusStats corpus;
  std::vector<std::string> notes;  // coverage notes, shown as given
};

struct RenderOptions {
  int max_evidence_per_cell = 6;   // evidence items shown per cell
  int max_timeline_events = 1500;  // plotted; the strongest |Goldstein|*sources kept
  int max_notable_events = 15;     // listed under the timeline
  int max_figures = 200;           // rows of the figures table
  int max_network_nodes = 40;      // the most connected kept
  int max_movers = 8;              // Markdown: top movers listed
};

std::string RenderHtml(const ReportData& data, const RenderOptions& options = {});
std::string RenderMarkdown(const ReportData& data, const RenderOptions& options = {});

// Fills empty Actor names (powers, republics, network_actors) from the
// gazetteer in `data_dir`: gazetteer/countries.tsv by iso3 and
// gazetteer/orgs.tsv by English alias (EU). Unknown codes keep empty names.
Status FillActorNames(ReportData& data, const std::filesystem::path& data_dir);

// Writes `content` to `path` atomically (temporary file, then rename).
Status WriteFileAtomic(const std::filesystem::path& path, std::string_view content);

// Helpers, exposed for tests and for other renderers.
// Escapes & < > " ' for HTML text and attribute values.
std::string HtmlEscape(std::string_view text);
// CAMEO QuadClass of a code from its root: 01-05 verbal cooperation (1),
// 06-08 material cooperation (2), 09-13 verbal conflict (3), 14-20 material
// conflict (4); 0 when the code is not CAMEO.
int QuadClass(std::string_view cameo);
const char* QuadClassName(int quad);

}  // namespace nufuz::report
