// influence/load.cc: loading the model, facts, what-if changes and FBIC inputs.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/data.h"
#include "influence/influence.h"

namespace nufuz::influence {
namespace {

std::optional<double> ParseDouble(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<int> ParseInt(const std::string& s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

Status Bad(const TsvTable& t, std::size_t row, const std::string& what) {
  return Status::Error(StatusCode::kDataError, t.Where(row) + ": " + what);
}

}  // namespace

const char* DimensionName(Dimension d) {
  switch (d) {
    case Dimension::kSecurity: return "security";
    case Dimension::kEconomic: return "economic";
    case Dimension::kDiplomatic: return "diplomatic";
    case Dimension::kConnectivity: return "connectivity";
    case Dimension::kSocietal: return "societal";
  }
  return "?";
}

std::optional<Dimension> ParseDimension(const std::string& name) {
  for (int i = 0; i < kDimensions; ++i) {
    if (name == DimensionName(static_cast<Dimension>(i))) return static_cast<Dimension>(i);
  }
  return std::nullopt;
}

std::optional<MonthIndex> ParseMonth(const std::string& text) {
  if (text.size() != 7 && text.size() != 10) return std::nullopt;
  if (text[4] != '-') return std::nullopt;
  auto y = ParseInt(text.substr(0, 4));
  auto m = ParseInt(text.substr(5, 2));
  if (!y || !m || *m < 1 || *m > 12) return std::nullopt;
  if (text.size() == 10) {
    auto d = ParseInt(text.substr(8, 2));
    if (text[7] != '-' || !d || *d < 1 || *d > 31) return std::nullopt;
  }
  return *y * 12 + (*m - 1);
}

std::string FormatMonth(MonthIndex m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", m / 12, m % 12 + 1);
  return buf;
}

const Indicator* Model::Find(const std::string& name) const {
  for (const auto& i : indicators) {
    if (i.name == name) return &i;
  }
  return nullptr;
}

Dimension Model::EventDimension(const std::string& cameo) const {
  std::size_t best = 0;
  Dimension dim = Dimension::kDiplomatic;
  for (const auto& [prefix, d] : cameo_dimensions) {
    if (prefix.size() > best && cameo.compare(0, prefix.size(), prefix) == 0) {
      best = prefix.size();
      dim = d;
    }
  }
  return dim;
}

Result<Model> LoadModel(const std::filesystem::path& data_dir) {
  Model model;
  const auto dir = data_dir / "influence";
  auto ind =
      TsvTable::Load(dir / "indicators.tsv",
                     {"indicator", "dimension", "component", "weight", "transform", "frontier",
                      "aggregate", "closed_world", "stale_years", "expire_years"});
  if (!ind.ok()) return ind.status();
  const TsvTable& t = ind.value();
  for (std::size_t r = 0; r < t.rows(); ++r) {
    Indicator i;
    i.name = t.Cell(r, t.Column("indicator"));
    auto dim = ParseDimension(t.Cell(r, t.Column("dimension")));
    if (!dim) return Bad(t, r, "unknown dimension");
    i.dimension = *dim;
    const auto& comp = t.Cell(r, t.Column("component"));
    if (comp == "bandwidth") {
      i.component = Component::kBandwidth;
    } else if (comp == "dependence") {
      i.component = Component::kDependence;
    } else {
      return Bad(t, r, "component must be bandwidth or dependence");
    }
    auto w = ParseDouble(t.Cell(r, t.Column("weight")));
    if (!w || *w < 0 || *w > 0.5) return Bad(t, r, "weight must be a number in [0, 0.5]");
    i.weight = *w;
    const auto& tr = t.Cell(r, t.Column("transform"));
    if (tr != "log1p" && tr != "binary") return Bad(t, r, "transform must be log1p or binary");
    i.log1p = tr == "log1p";
    auto f = ParseDouble(t.Cell(r, t.Column("frontier")));
    if (!f || *f <= 0) return Bad(t, r, "frontier must be > 0");
    i.frontier = *f;
    i.aggregate = t.Cell(r, t.Column("aggregate"));
    if (i.aggregate != "sum" && i.aggregate != "max" && i.aggregate != "latest") {
      return Bad(t, r, "aggregate must be sum, max or latest");
    }
    i.closed_world = t.Cell(r, t.Column("closed_world")) == "yes";
    auto st = ParseInt(t.Cell(r, t.Column("stale_years")));
    auto ex = ParseInt(t.Cell(r, t.Column("expire_years")));
    if (!st || !ex) return Bad(t, r, "stale_years and expire_years must be integers");
    i.stale_years = *st;
    i.expire_years = *ex;
    model.indicators.push_back(i);
  }

  auto par = TsvTable::Load(dir / "model.tsv", {"key", "value"});
  if (!par.ok()) return par.status();
  const TsvTable& p = par.value();
  for (std::size_t r = 0; r < p.rows(); ++r) {
    const auto& key = p.Cell(r, p.Column("key"));
    const auto& val = p.Cell(r, p.Column("value"));
    if (key == "frontier_version") {
      model.frontier_version = val;
      continue;
    }
    auto v = ParseDouble(val);
    if (!v) return Bad(p, r, "value must be a number");
    if (key.rfind("dim_weight.", 0) == 0) {
      auto d = ParseDimension(key.substr(11));
      if (!d) return Bad(p, r, "unknown dimension");
      if (*v <= 0 || *v > 0.5) return Bad(p, r, "dimension weight must be in (0, 0.5]");
      model.dim_weight[static_cast<int>(*d)] = *v;
    } else if (key == "bandwidth_share") {
      model.bandwidth_share = *v;
    } else if (key == "event_lambda") {
      model.event_lambda = *v;
    } else if (key == "event_half_life_days") {
      model.event_half_life_days = *v;
    } else if (key == "event_window_days") {
      model.event_window_days = *v;
    } else if (key == "event_prior_mass") {
      model.event_prior_mass = *v;
    } else {
      return Bad(p, r, "unknown key " + key);
    }
  }

  auto cam = TsvTable::Load(dir / "cameo_dimensions.tsv", {"cameo_prefix", "dimension"});
  if (!cam.ok()) return cam.status();
  const TsvTable& c = cam.value();
  for (std::size_t r = 0; r < c.rows(); ++r) {
    auto d = ParseDimension(c.Cell(r, c.Column("dimension")));
    if (!d) return Bad(c, r, "unknown dimension");
    model.cameo_dimensions.emplace_back(c.Cell(r, c.Column("cameo_prefix")), *d);
  }
  return model;
}

namespace {

const std::vector<std::string> kFactColumns = {"id",   "power", "country", "indicator", "value",
                                               "year", "from",  "to",      "note"};

Result<Fact> RowToFact(const TsvTable& t, std::size_t r, const Model& model) {
  Fact f;
  f.id = t.Cell(r, t.Column("id"));
  f.power = t.Cell(r, t.Column("power"));
  f.country = t.Cell(r, t.Column("country"));
  f.indicator = t.Cell(r, t.Column("indicator"));
  if (f.power.empty() || f.country.empty()) return Bad(t, r, "power and country are required");
  if (!model.Find(f.indicator)) return Bad(t, r, "unknown indicator '" + f.indicator + "'");
  auto v = ParseDouble(t.Cell(r, t.Column("value")));
  if (!v || *v < 0) return Bad(t, r, "value must be a non-negative number");
  f.value = *v;
  auto y = ParseInt(t.Cell(r, t.Column("year")));
  if (!y || *y < 1900 || *y > 2200) return Bad(t, r, "year must be a year");
  f.year = *y;
  for (const char* col : {"from", "to"}) {
    const auto& s = t.Cell(r, t.Column(col));
    if (s.empty()) continue;
    auto m = ParseMonth(s);
    if (!m) return Bad(t, r, std::string(col) + " must be YYYY-MM or YYYY-MM-DD");
    (std::string(col) == "from" ? f.from : f.to) = m;
  }
  if (f.from && f.to && *f.to < *f.from) return Bad(t, r, "to is before from");
  f.source = t.Cell(r, t.Column("source"));
  if (f.source.empty()) return Bad(t, r, "source is required");
  f.note = t.Cell(r, t.Column("note"));
  f.where = t.Where(r);
  return f;
}

}  // namespace

Result<std::vector<Fact>> ParseFacts(const std::string& text, const std::string& name,
                                     const Model& model) {
  auto table = TsvTable::Parse(text, name, kFactColumns);
  if (!table.ok()) return table.status();
  std::vector<Fact> facts;
  for (std::size_t r = 0; r < table->rows(); ++r) {
    auto f = RowToFact(table.value(), r, model);
    if (!f.ok()) return f.status();
    facts.push_back(std::move(f).value());
  }
  return facts;
}

Result<std::vector<Fact>> LoadFacts(const std::filesystem::path& data_dir, const Model& model) {
  const auto dir = data_dir / "facts";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Status::Error(StatusCode::kNotFound, dir.string() + ": no facts directory");
  }
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".tsv") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Fact> facts;
  for (const auto& file : files) {
    auto text = ReadSmallFile(file);
    if (!text.ok()) return text.status();
    auto part = ParseFacts(text.value(), file.string(), model);
    if (!part.ok()) return part.status();
    for (auto& f : part.value()) facts.push_back(std::move(f));
  }
  return facts;
}

Result<std::vector<Change>> ParseChanges(const std::string& text, const std::string& name,
                                         const Model& model) {
  std::vector<std::string> cols = kFactColumns;
  cols.push_back("op");
  auto table = TsvTable::Parse(text, name, cols);
  if (!table.ok()) return table.status();
  const TsvTable& t = table.value();
  std::vector<Change> changes;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    Change c;
    const auto& op = t.Cell(r, t.Column("op"));
    if (op == "add") {
      c.op = Change::Op::kAdd;
      auto f = RowToFact(t, r, model);
      if (!f.ok()) return f.status();
      c.fact = std::move(f).value();
    } else if (op == "remove") {
      c.op = Change::Op::kRemove;
      c.fact.id = t.Cell(r, t.Column("id"));
      c.fact.power = t.Cell(r, t.Column("power"));
      c.fact.country = t.Cell(r, t.Column("country"));
      c.fact.indicator = t.Cell(r, t.Column("indicator"));
      c.fact.where = t.Where(r);
      if (c.fact.id.empty() && (c.fact.power.empty() || c.fact.indicator.empty())) {
        return Bad(t, r, "remove needs an id or power, country and indicator");
      }
    } else {
      return Bad(t, r, "op must be add or remove");
    }
    changes.push_back(std::move(c));
  }
  return changes;
}

std::vector<Fact> ApplyChanges(const std::vector<Fact>& facts, const std::vector<Change>& changes,
                               std::vector<std::string>* unmatched) {
  std::vector<Fact> out = facts;
  for (const auto& c : changes) {
    if (c.op == Change::Op::kAdd) {
      out.push_back(c.fact);
      continue;
    }
    const Fact& k = c.fact;
    auto it = std::remove_if(out.begin(), out.end(), [&](const Fact& f) {
      if (!k.id.empty()) return f.id == k.id;
      return f.power == k.power && f.country == k.country && f.indicator == k.indicator;
    });
    if (it == out.end() && unmatched) unmatched->push_back(k.where);
    out.erase(it, out.end());
  }
  return out;
}

Result<FbicInputs> LoadFbicInputs(const std::filesystem::path& path) {
  auto table = TsvTable::Load(path, {"field", "value", "kind"});
  if (!table.ok()) return table.status();
  const TsvTable& t = table.value();
  FbicInputs in;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    auto v = ParseDouble(t.Cell(r, t.Column("value")));
    if (!v) return Bad(t, r, "value must be a number");
    const auto& kind = t.Cell(r, t.Column("kind"));
    const auto& field = t.Cell(r, t.Column("field"));
    if (kind == "raw") {
      in.raw[field] = *v;
    } else if (kind == "global") {
      in.global[field] = *v;
    } else if (kind == "prior2_sum") {
      in.prior2_sum[field] = *v;
    } else if (kind == "expected") {
      in.expected[field] = *v;
    } else {
      return Bad(t, r, "kind must be raw, global, prior2_sum or expected");
    }
  }
  return in;
}

}  // namespace nufuz::influence
