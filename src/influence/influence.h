// influence/influence.h: the influence model (docs/influence.md).
//
// Contract
// - Reads: structural facts (data/facts/*.tsv), the model's indicators,
//   parameters and CAMEO-to-dimension map (data/influence/*.tsv), and a list
//   of coded events (CodedEvent, a plain struct: the event coder and store
//   adapt to it; this stage depends on neither).
// - Computes, for each (power, republic, month): per dimension a structural
//   score S_d = a*B_d + (1-a)*D_d from facts (bandwidth B, dependence D, each a
//   weighted mean of log-scaled indicators normalised by a frozen, versioned
//   frontier), an event score E_d in [-1, 1] (net cooperation, Goldstein- and
//   confidence-weighted, recency-decayed), the totals S and E, and
//   combined = clamp(S + lambda*E, 0, 1). S and E are never mixed except in
//   `combined`. Missing figures are not imputed: each cell reports coverage.
// - Explain: every fact and event behind a cell with its contribution and
//   share; what-if: facts added or removed, recomputed, per-cell change.
// - FBIC-compatible mode (ComputeFbic) reproduces the Pardee Center formula.
// - Thread safety: Model is immutable after Load and may be shared; the
//   functions are pure. Complexity: O(cells * (facts + events)).
// - Errors: loaders return a Status naming the file and line; malformed rows
//   never crash. Unknown indicators in facts are a load error.
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace nufuz::influence {

// Stored in outputs; never renumber.
enum class Dimension : int {
  kSecurity = 0,
  kEconomic = 1,
  kDiplomatic = 2,
  kConnectivity = 3,
  kSocietal = 4,
};
inline constexpr int kDimensions = 5;
const char* DimensionName(Dimension d);
std::optional<Dimension> ParseDimension(const std::string& name);

enum class Component : int { kBandwidth = 0, kDependence = 1 };

// A month as year*12 + (month-1); comparable and subtractable.
using MonthIndex = int;
// "2019-07" or "2019-07-15" -> MonthIndex; nullopt when malformed.
std::optional<MonthIndex> ParseMonth(const std::string& text);
std::string FormatMonth(MonthIndex m);

// One structural fact (a row of data/facts/*.tsv).
struct Fact {
  std::string id;
  std::string power;    // RUS, CHN, USA, EU, TUR, IRN, ... or ALL
  std::string country;  // KAZ, UZB, KGZ, TJK, TKM
  std::string indicator;
  double value = 0;
  int year = 0;                    // the year the figure holds for
  std::optional<MonthIndex> from;  // holds from (inclusive); none = from Jan of `year`
  std::optional<MonthIndex> to;    // holds to (inclusive); none = open
  std::string source;              // URL
  std::string note;
  std::string where;  // file:line
};

// Event modality; only kAsserted events count.
enum class Modality : int { kAsserted = 0, kHypothetical = 1, kConditional = 2, kReported = 3 };

// One coded event, as the event coder and store produce it.
struct CodedEvent {
  std::string source_country;  // ISO3 or power code (RUS, CHN, USA, EU, ...)
  std::string target_country;
  std::string cameo;      // "036", "0211", ...
  double goldstein = 0;   // -10 .. +10
  std::string date;       // YYYY-MM-DD
  double confidence = 1;  // 0..1
  int num_sources = 1;    // distinct sources reporting it (GDELT NumSources)
  bool negated = false;
  Modality modality = Modality::kAsserted;
  std::string event_id;  // evidence: store id
  std::string document;  // evidence: document id or path
  std::string quote;     // evidence: the sentence
};

struct Indicator {
  std::string name;
  Dimension dimension = Dimension::kSecurity;
  Component component = Component::kBandwidth;
  double weight = 0;
  bool log1p = true;  // else binary
  double frontier = 1;
  std::string aggregate;  // sum | max | latest
  bool closed_world = false;
  int stale_years = 0;   // 0 = never stale
  int expire_years = 0;  // 0 = never expires
};

struct Model {
  std::string frontier_version;
  std::vector<Indicator> indicators;
  std::array<double, kDimensions> dim_weight{};
  double bandwidth_share = 0.5;
  double event_lambda = 0.1;
  double event_half_life_days = 90;
  double event_window_days = 365;
  double event_prior_mass = 2;
  std::vector<std::pair<std::string, Dimension>> cameo_dimensions;  // prefix -> dim
  const Indicator* Find(const std::string& name) const;
  Dimension EventDimension(const std::string& cameo) const;
};

// Loads data/influence/{indicators,model,cameo_dimensions}.tsv from
// `dir` (the data directory). Checks each weight is in (0, 0.5].
Result<Model> LoadModel(const std::filesystem::path& data_dir);
// Loads every data/facts/*.tsv (sorted by name). Rows naming an unknown
// indicator or a malformed number or date are an error naming file:line.
Result<std::vector<Fact>> LoadFacts(const std::filesystem::path& data_dir, const Model& model);
// Parses one facts table (the facts files and what-if files share columns).
Result<std::vector<Fact>> ParseFacts(const std::string& text, const std::string& name,
                                     const Model& model);

// One item behind a score.
struct Contribution {
  enum class Kind { kFact, kEvent } kind = Kind::kFact;
  Dimension dimension = Dimension::kSecurity;
  Component component = Component::kBandwidth;  // facts only
  double contribution = 0;  // to the cell's structural S (facts) or lambda*E (events)
  double share = 0;         // contribution / sum of |contributions| of the cell
  bool stale = false;
  const Fact* fact = nullptr;         // into the input facts
  const CodedEvent* event = nullptr;  // into the input events
  double event_weight = 0;            // events: confidence * (1+ln n) * decay
};

struct DimensionScore {
  double bandwidth = 0, dependence = 0, structural = 0;
  double event = 0;     // E_d in [-1, 1]
  int events = 0;       // events counted
  double coverage = 0;  // weight share of indicators with data (0..1)
};

struct Cell {
  std::string power, country;
  MonthIndex month = 0;
  std::array<DimensionScore, kDimensions> dims{};
  double structural = 0;  // S = sum_d w_d S_d
  double event = 0;       // E = sum_d w_d E_d over dimensions with events, renormalised
  double combined = 0;    // clamp(S + lambda * E, 0, 1)
  double coverage = 0;    // sum_d w_d coverage_d
  int stale_facts = 0;
  std::vector<std::string> missing;  // indicators without data (open-world)
  std::vector<Contribution> items;   // filled when Options::explain
};

struct Options {
  std::vector<std::string> powers = {"RUS", "CHN", "USA", "EU", "TUR", "IRN"};
  std::vector<std::string> countries = {"KAZ", "UZB", "KGZ", "TJK", "TKM"};
  bool explain = false;
  // Overrides applied on top of Model (weights perturbation tests, what-if).
  std::map<std::string, double> weight_scale;  // indicator -> factor
};

// Scores every (power, country) at `month`. Facts with power ALL feed the
// derived remittance dependence of each power.
std::vector<Cell> Compute(const Model& model, const std::vector<Fact>& facts,
                          const std::vector<CodedEvent>& events, MonthIndex month,
                          const Options& options = {});

// Each republic's tilt: shares of `combined` across the powers scored.
struct Tilt {
  std::string country;
  std::vector<std::pair<std::string, double>> shares;  // power -> share, descending
};
std::vector<Tilt> ComputeTilt(const std::vector<Cell>& cells);

// What-if: a facts table with an extra `op` column (add | remove). `remove`
// matches by id (or, with id empty, by power+country+indicator).
struct Change {
  enum class Op { kAdd, kRemove } op = Op::kAdd;
  Fact fact;
};
Result<std::vector<Change>> ParseChanges(const std::string& text, const std::string& name,
                                         const Model& model);
std::vector<Fact> ApplyChanges(const std::vector<Fact>& facts, const std::vector<Change>& changes,
                               std::vector<std::string>* unmatched = nullptr);
struct CellDiff {
  std::string power, country;
  double structural_before = 0, structural_after = 0;
  double combined_before = 0, combined_after = 0;
  std::array<double, kDimensions> dim_delta{};  // structural S_d after - before
};
std::vector<CellDiff> Diff(const std::vector<Cell>& before, const std::vector<Cell>& after);

// Text renderings (CLI output).
std::string RenderMatrix(const std::vector<Cell>& cells, const Model& model);
std::string RenderExplain(const Cell& cell, const Model& model);
std::string RenderTilt(const std::vector<Tilt>& tilts);
std::string RenderDiff(const std::vector<CellDiff>& diffs, double min_abs = 1e-9);

// Spearman rank correlation (average ranks for ties); NaN when undefined.
double Spearman(const std::vector<double>& a, const std::vector<double>& b);

// ---- FBIC-compatible mode -------------------------------------------------
// The Pardee Center's Formal Bilateral Influence Capacity for one dyad-year,
// from the inputs FBIC uses (data/influence/fbic_*.tsv; see docs).
struct FbicInputs {
  std::map<std::string, double> raw, global, prior2_sum, expected;
};
Result<FbicInputs> LoadFbicInputs(const std::filesystem::path& path);
struct FbicResult {
  double bandwidth = 0, dependence = 0, fbic = 0;
  std::map<std::string, double> terms;  // weighted smoothed terms by name
};
FbicResult ComputeFbic(const FbicInputs& in);

}  // namespace nufuz::influence
