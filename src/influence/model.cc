// influence/model.cc: scores, explain, what-if diff, renderings, FBIC mode.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <sstream>

#include "influence/influence.h"

namespace nufuz::influence {
namespace {

bool HoldsAt(const Fact& f, MonthIndex m) {
  const MonthIndex start = f.from ? *f.from : f.year * 12;
  if (m < start) return false;
  if (f.to && m > *f.to) return false;
  return true;
}

// Days since epoch of YYYY-MM-DD; an event known to the month counts from
// the 15th, one known to the year only is too coarse for monthly scores and
// is left out (nullopt), as is a malformed date.
std::optional<long> DayNumber(const std::string& date) {
  if (date.size() < 7) return std::nullopt;
  auto m = ParseMonth(date.substr(0, 7));
  if (!m) return std::nullopt;
  int d = date.size() >= 10 ? std::atoi(date.substr(8, 2).c_str()) : 15;
  using namespace std::chrono;
  year_month_day ymd{year{*m / 12}, month{static_cast<unsigned>(*m % 12 + 1)},
                     day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd}.time_since_epoch().count();
}

long MonthEndDay(MonthIndex m) {
  using namespace std::chrono;
  year_month_day_last last{year{m / 12}, month_day_last{month{static_cast<unsigned>(m % 12 + 1)}}};
  return sys_days{last}.time_since_epoch().count();
}

double Transform(const Indicator& ind, double v) {
  double x = ind.log1p ? std::log1p(v) : (v > 0 ? 1.0 : 0.0);
  return std::min(1.0, x / ind.frontier);
}

struct Selected {
  double value = 0;
  std::vector<std::pair<const Fact*, double>> parts;  // fact, its portion of value (0..1)
  bool present = false;
  bool stale = false;
};

// Picks the facts of one indicator for a pair at month m.
Selected Select(const Indicator& ind, const std::vector<const Fact*>& cand, MonthIndex m) {
  Selected s;
  const int year = m / 12;
  std::vector<const Fact*> live;
  for (const Fact* f : cand) {
    if (!HoldsAt(*f, m)) continue;
    if (ind.aggregate == "latest" && ind.expire_years > 0 && year - f->year > ind.expire_years) {
      continue;
    }
    live.push_back(f);
  }
  if (live.empty()) return s;
  s.present = true;
  if (ind.aggregate == "sum") {
    for (const Fact* f : live) s.value += f->value;
    for (const Fact* f : live) s.parts.emplace_back(f, s.value > 0 ? f->value / s.value : 0);
  } else {
    const Fact* best = live.front();
    for (const Fact* f : live) {
      bool better = ind.aggregate == "max" ? f->value > best->value : f->year > best->year;
      if (better) best = f;
    }
    s.value = best->value;
    s.parts.emplace_back(best, 1.0);
  }
  for (const auto& [f, _] : s.parts) {
    if (ind.stale_years > 0 && year - f->year > ind.stale_years) s.stale = true;
  }
  return s;
}

}  // namespace

std::vector<Cell> Compute(const Model& model, const std::vector<Fact>& facts,
                          const std::vector<CodedEvent>& events, MonthIndex month,
                          const Options& options) {
  auto scale = [&](const std::string& key) {
    auto it = options.weight_scale.find(key);
    return it == options.weight_scale.end() ? 1.0 : it->second;
  };
  std::array<double, kDimensions> dim_w{};
  for (int d = 0; d < kDimensions; ++d) {
    dim_w[d] = model.dim_weight[d] * scale(std::string("dim:") + DimensionName(Dimension(d)));
  }
  const double dim_w_sum = std::accumulate(dim_w.begin(), dim_w.end(), 0.0);
  const long month_end = MonthEndDay(month);

  std::vector<Cell> cells;
  for (const auto& power : options.powers) {
    for (const auto& country : options.countries) {
      Cell cell;
      cell.power = power;
      cell.country = country;
      cell.month = month;

      // Facts of this pair (and ALL rows for the derived remittance term).
      std::map<std::string, std::vector<const Fact*>> by_ind;
      for (const Fact& f : facts) {
        if (f.country != country) continue;
        if (f.power == power || (f.power == "ALL" && f.indicator == "remittance_gdp")) {
          by_ind[f.indicator].push_back(&f);
        }
      }
      // Derived: remittance_dep = remittance_gdp(ALL) * sender_share(power) / 100.
      std::vector<Fact> derived;
      if (model.Find("remittance_dep") && model.Find("remittance_gdp") &&
          model.Find("remittance_sender_share")) {
        auto g = Select(*model.Find("remittance_gdp"), by_ind["remittance_gdp"], month);
        auto s = Select(*model.Find("remittance_sender_share"), by_ind["remittance_sender_share"],
                        month);
        if (g.present && s.present) {
          Fact f = *s.parts.front().first;
          f.indicator = "remittance_dep";
          f.value = g.value * s.value / 100.0;
          f.year = std::min(g.parts.front().first->year, f.year);
          f.note += " (x " + g.parts.front().first->id + ")";
          derived.push_back(f);
        }
      }
      for (const Fact& f : derived) by_ind["remittance_dep"].push_back(&f);

      // Structural, per dimension and component.
      std::array<std::array<double, 2>, kDimensions> wsum{}, score{};
      std::array<double, kDimensions> covered{}, total{};
      struct Pending {
        Contribution c;
        double raw;  // w_i * x_i * portion before normalisation
      };
      std::vector<Pending> pending;
      for (const Indicator& ind : model.indicators) {
        const double w = ind.weight * scale(ind.name);
        if (w <= 0) continue;
        const int d = static_cast<int>(ind.dimension);
        const int c = static_cast<int>(ind.component);
        wsum[d][c] += w;
        total[d] += w;
        Selected sel = Select(ind, by_ind[ind.name], month);
        if (sel.present || ind.closed_world) {
          covered[d] += w;
        } else {
          cell.missing.push_back(ind.name);
        }
        if (!sel.present) continue;
        const double x = Transform(ind, sel.value);
        score[d][c] += w * x;
        if (sel.stale) ++cell.stale_facts;
        for (const auto& [f, portion] : sel.parts) {
          Pending p;
          p.c.kind = Contribution::Kind::kFact;
          p.c.dimension = ind.dimension;
          p.c.component = ind.component;
          p.c.fact = f;
          p.c.stale = sel.stale;
          p.raw = w * x * portion;
          pending.push_back(p);
        }
      }
      for (int d = 0; d < kDimensions; ++d) {
        DimensionScore& ds = cell.dims[d];
        const bool hb = wsum[d][0] > 0, hd = wsum[d][1] > 0;
        ds.bandwidth = hb ? score[d][0] / wsum[d][0] : 0;
        ds.dependence = hd ? score[d][1] / wsum[d][1] : 0;
        const double a = hb && hd ? model.bandwidth_share : (hb ? 1.0 : 0.0);
        ds.structural = a * ds.bandwidth + (1 - a) * ds.dependence;
        ds.coverage = total[d] > 0 ? covered[d] / total[d] : 0;
        cell.structural += dim_w[d] / dim_w_sum * ds.structural;
        cell.coverage += dim_w[d] / dim_w_sum * ds.coverage;
      }
      for (auto& p : pending) {
        const int d = static_cast<int>(p.c.dimension);
        const int c = static_cast<int>(p.c.component);
        const bool hb = wsum[d][0] > 0, hd = wsum[d][1] > 0;
        const double a = hb && hd ? model.bandwidth_share : (hb ? 1.0 : 0.0);
        const double comp_share = c == 0 ? a : 1 - a;
        p.c.contribution = dim_w[d] / dim_w_sum * comp_share * p.raw / wsum[d][c];
      }

      // Events between the pair, either direction.
      std::array<double, kDimensions> ew{}, eg{};
      double w_all = 0, g_all = 0;
      std::vector<Contribution> ev_items;
      for (const CodedEvent& e : events) {
        const bool pair = (e.source_country == power && e.target_country == country) ||
                          (e.source_country == country && e.target_country == power);
        if (!pair || e.negated || e.modality != Modality::kAsserted) continue;
        auto day = DayNumber(e.date);
        if (!day) continue;
        const double age = static_cast<double>(month_end - *day);
        if (age < 0 || age > model.event_window_days) continue;
        const double conf = std::clamp(e.confidence, 0.0, 1.0);
        const double w = conf * (1.0 + std::log(std::max(1, e.num_sources))) *
                         std::exp2(-age / model.event_half_life_days);
        const double g = std::clamp(e.goldstein, -10.0, 10.0) / 10.0;
        const int d = static_cast<int>(model.EventDimension(e.cameo));
        ew[d] += w;
        eg[d] += w * g;
        w_all += w;
        g_all += w * g;
        ++cell.dims[d].events;
        Contribution c;
        c.kind = Contribution::Kind::kEvent;
        c.dimension = static_cast<Dimension>(d);
        c.event = &e;
        c.event_weight = w;
        c.contribution = g * w;  // scaled below
        ev_items.push_back(c);
      }
      for (int d = 0; d < kDimensions; ++d) {
        cell.dims[d].event = eg[d] / (ew[d] + model.event_prior_mass);
      }
      cell.event = g_all / (w_all + model.event_prior_mass);
      cell.combined = std::clamp(cell.structural + model.event_lambda * cell.event, 0.0, 1.0);

      if (options.explain) {
        for (auto& p : pending) cell.items.push_back(p.c);
        for (auto& c : ev_items) {
          c.contribution = model.event_lambda * c.contribution / (w_all + model.event_prior_mass);
          cell.items.push_back(c);
        }
        double abs_sum = 0;
        for (const auto& c : cell.items) abs_sum += std::fabs(c.contribution);
        for (auto& c : cell.items) c.share = abs_sum > 0 ? c.contribution / abs_sum : 0;
        std::stable_sort(cell.items.begin(), cell.items.end(), [](const auto& a, const auto& b) {
          return std::fabs(a.contribution) > std::fabs(b.contribution);
        });
      }
      cells.push_back(std::move(cell));
    }
  }
  return cells;
}

std::vector<Tilt> ComputeTilt(const std::vector<Cell>& cells) {
  std::vector<Tilt> out;
  std::map<std::string, std::size_t> index;
  for (const Cell& c : cells) {
    auto [it, fresh] = index.emplace(c.country, out.size());
    if (fresh) out.push_back(Tilt{c.country, {}});
    out[it->second].shares.emplace_back(c.power, c.combined);
  }
  for (Tilt& t : out) {
    double sum = 0;
    for (auto& [_, v] : t.shares) sum += v;
    for (auto& [_, v] : t.shares) v = sum > 0 ? v / sum : 0;
    std::stable_sort(t.shares.begin(), t.shares.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
  }
  return out;
}

std::vector<CellDiff> Diff(const std::vector<Cell>& before, const std::vector<Cell>& after) {
  std::vector<CellDiff> out;
  for (const Cell& b : before) {
    for (const Cell& a : after) {
      if (a.power != b.power || a.country != b.country) continue;
      CellDiff d;
      d.power = b.power;
      d.country = b.country;
      d.structural_before = b.structural;
      d.structural_after = a.structural;
      d.combined_before = b.combined;
      d.combined_after = a.combined;
      for (int i = 0; i < kDimensions; ++i) {
        d.dim_delta[i] = a.dims[i].structural - b.dims[i].structural;
      }
      out.push_back(d);
    }
  }
  return out;
}

namespace {
std::string Fmt(const char* fmt, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}
}  // namespace

std::string RenderMatrix(const std::vector<Cell>& cells, const Model& model) {
  std::ostringstream o;
  if (!cells.empty()) {
    o << "influence " << FormatMonth(cells.front().month) << " (frontier " << model.frontier_version
      << ")\n";
  }
  o << "power\tcountry\tcombined\tstructural\tevent";
  for (int d = 0; d < kDimensions; ++d) o << '\t' << DimensionName(Dimension(d));
  o << "\tcoverage\tstale\tmissing\n";
  for (const Cell& c : cells) {
    o << c.power << '\t' << c.country << '\t' << Fmt("%.3f", c.combined) << '\t'
      << Fmt("%.3f", c.structural) << '\t' << Fmt("%+.3f", c.event);
    for (const auto& d : c.dims) o << '\t' << Fmt("%.3f", d.structural);
    o << '\t' << Fmt("%.2f", c.coverage) << '\t' << c.stale_facts << '\t';
    for (std::size_t i = 0; i < c.missing.size(); ++i) o << (i ? "," : "") << c.missing[i];
    o << '\n';
  }
  return o.str();
}

std::string RenderExplain(const Cell& c, const Model& model) {
  std::ostringstream o;
  o << c.power << " -> " << c.country << ' ' << FormatMonth(c.month) << ": combined "
    << Fmt("%.3f", c.combined) << " = structural " << Fmt("%.3f", c.structural) << " + "
    << Fmt("%.2f", model.event_lambda) << " x event " << Fmt("%+.3f", c.event) << " (coverage "
    << Fmt("%.2f", c.coverage) << ")\n";
  for (int d = 0; d < kDimensions; ++d) {
    const auto& s = c.dims[d];
    o << "  " << DimensionName(Dimension(d)) << ": S " << Fmt("%.3f", s.structural) << " (B "
      << Fmt("%.3f", s.bandwidth) << ", D " << Fmt("%.3f", s.dependence) << "), E "
      << Fmt("%+.3f", s.event) << " from " << s.events << " events, coverage "
      << Fmt("%.2f", s.coverage) << '\n';
  }
  if (!c.missing.empty()) {
    o << "  missing (not imputed):";
    for (const auto& m : c.missing) o << ' ' << m;
    o << '\n';
  }
  for (const auto& it : c.items) {
    o << "  " << Fmt("%+6.1f%%", 100 * it.share) << ' ' << DimensionName(it.dimension) << ' ';
    if (it.kind == Contribution::Kind::kFact) {
      const Fact& f = *it.fact;
      o << "fact " << f.id << ' ' << f.indicator << '=' << f.value << " (" << f.year << ")"
        << (it.stale ? " STALE" : "") << ": " << f.note << " <" << f.source << "> [" << f.where
        << "]\n";
    } else {
      const CodedEvent& e = *it.event;
      o << "event " << e.date << ' ' << e.source_country << "->" << e.target_country << " CAMEO "
        << e.cameo << " g=" << e.goldstein << " conf=" << e.confidence << " n=" << e.num_sources
        << " doc=" << e.document << " \"" << e.quote << "\"\n";
    }
  }
  return o.str();
}

std::string RenderTilt(const std::vector<Tilt>& tilts) {
  std::ostringstream o;
  for (const Tilt& t : tilts) {
    o << t.country << ':';
    for (const auto& [p, s] : t.shares) o << ' ' << p << ' ' << Fmt("%.0f%%", 100 * s);
    o << '\n';
  }
  return o.str();
}

std::string RenderDiff(const std::vector<CellDiff>& diffs, double min_abs) {
  std::ostringstream o;
  o << "power\tcountry\tstructural\tdelta\tcombined\tdelta";
  for (int d = 0; d < kDimensions; ++d) o << "\td_" << DimensionName(Dimension(d));
  o << '\n';
  for (const auto& d : diffs) {
    const double ds = d.structural_after - d.structural_before;
    const double dc = d.combined_after - d.combined_before;
    if (std::fabs(ds) < min_abs && std::fabs(dc) < min_abs) continue;
    o << d.power << '\t' << d.country << '\t' << Fmt("%.3f", d.structural_after) << '\t'
      << Fmt("%+.3f", ds) << '\t' << Fmt("%.3f", d.combined_after) << '\t' << Fmt("%+.3f", dc);
    for (double x : d.dim_delta) o << '\t' << Fmt("%+.3f", x);
    o << '\n';
  }
  return o.str();
}

namespace {
std::vector<double> Ranks(const std::vector<double>& v) {
  std::vector<std::size_t> idx(v.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::sort(idx.begin(), idx.end(), [&](auto a, auto b) { return v[a] < v[b]; });
  std::vector<double> r(v.size());
  for (std::size_t i = 0; i < idx.size();) {
    std::size_t j = i;
    while (j + 1 < idx.size() && v[idx[j + 1]] == v[idx[i]]) ++j;
    for (std::size_t k = i; k <= j; ++k) r[idx[k]] = (i + j) / 2.0 + 1;
    i = j + 1;
  }
  return r;
}
}  // namespace

double Spearman(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size() || a.size() < 2) return std::numeric_limits<double>::quiet_NaN();
  auto ra = Ranks(a), rb = Ranks(b);
  const double n = static_cast<double>(a.size());
  const double ma = std::accumulate(ra.begin(), ra.end(), 0.0) / n;
  const double mb = std::accumulate(rb.begin(), rb.end(), 0.0) / n;
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < ra.size(); ++i) {
    sab += (ra[i] - ma) * (rb[i] - mb);
    saa += (ra[i] - ma) * (ra[i] - ma);
    sbb += (rb[i] - mb) * (rb[i] - mb);
  }
  if (saa == 0 || sbb == 0) return std::numeric_limits<double>::quiet_NaN();
  return sab / std::sqrt(saa * sbb);
}

FbicResult ComputeFbic(const FbicInputs& in) {
  auto get = [](const std::map<std::string, double>& m, const std::string& k) {
    auto it = m.find(k);
    return it == m.end() ? 0.0 : it->second;
  };
  auto raw = [&](const std::string& k) { return get(in.raw, k); };
  auto glob = [&](const std::string& k) { return get(in.global, k); };
  auto smooth = [&](const std::string& k, double current) {
    return (current + get(in.prior2_sum, k)) / 3.0;
  };
  FbicResult r;
  // Bandwidth: each component rescaled so that its all-dyad total equals the
  // total of the diplomatic-representation component, smoothed over 3 years.
  const double lortotal = glob("lortotal");
  auto norm = [&](double x, const std::string& total) {
    const double t = glob(total);
    return t > 0 ? x * lortotal / t : 0.0;
  };
  const double trade = raw("totaltradeawithb");
  struct Term {
    const char* name;
    double weight;
    double value;
  };
  const Term bw[] = {
      {"norm_lor_avg", 0.11, norm(raw("lor_avg"), "lortotal")},
      {"norm_igos", 0.19, norm(raw("sharedigoweighted"), "igostotal")},
      {"norm_tradeagreement", 0.14, norm(raw("tradeagreementindex"), "tradeagreetotal")},
      {"norm_lntotaltrade", 0.35, norm(std::log1p(trade / 1e6), "lntotaltradetotal")},
      {"norm_allianceindex", 0.13, norm(raw("allianceindex"), "alliancetotal")},
      {"norm_armstotalstock", 0.08, norm(std::log1p(raw("armstotalstockab")), "lnarmstocktotal")},
  };
  double bsum = 0;
  for (const Term& t : bw) {
    const double v = t.weight * smooth(t.name, t.value);
    r.terms[std::string("wt_") + t.name + "_ma"] = v;
    bsum += v;
  }
  // Dependence: percentages, smoothed, ln(1 + pct), weighted.
  auto pct = [](double a, double b) { return b > 0 ? 100.0 * a / b : 0.0; };
  const double gdp = raw("gdpmer2011usdb");
  const double aid = raw("foreignaid2011usdatob");  // USD millions
  const double arms = raw("armsimportstockbfroma");
  const Term dp[] = {
      {"aidabgdpb", 0.21, pct(aid, gdp / 1e6)},
      {"aidaballaidb", 0.12, pct(aid * 1e6, raw("allaidb"))},
      {"totaltradeabgdpb", 0.28, pct(trade, gdp)},
      {"totaltradeaballtradeb", 0.16, pct(trade, raw("alltradeb"))},
      {"armimportstockabmilstockb", 0.10, pct(arms, raw("milstockb"))},
      {"armsimportsstockaballimstockb", 0.13, pct(arms, raw("allarmsimportstockb"))},
  };
  double dsum = 0;
  for (const Term& t : dp) {
    const double v = t.weight * std::log1p(smooth(t.name, t.value));
    r.terms[std::string("wt_ln_") + t.name + "_ma"] = v;
    dsum += v;
  }
  r.bandwidth = glob("bandwidthmax") > 0 ? bsum / glob("bandwidthmax") : 0;
  r.dependence = glob("dependencemax") > 0 ? dsum / glob("dependencemax") : 0;
  r.fbic = glob("fbicmax") > 0 ? r.bandwidth * r.dependence / glob("fbicmax") : 0;
  return r;
}

}  // namespace nufuz::influence
