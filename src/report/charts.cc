// report/charts.cc: the inline SVG charts of the HTML report.
//
// Every chart is an <svg> with a viewBox (it scales with its container),
// `direction: ltr` (axes read left to right even in the RTL page), a <title>
// per mark for tooltips, axes with ticks and labels, and a legend. Text from
// the data is HTML-escaped (SVG in HTML shares the escaping rules).
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "report/internal.h"
#include "report/report.h"

namespace nufuz::report::internal {

namespace {

constexpr double kPi = 3.14159265358979323846;

std::string Esc(std::string_view s) {
  return HtmlEscape(s);
}

std::string SvgOpen(double w, double h, std::string_view cls, std::string_view label) {
  return "<svg class=\"" + std::string(cls) + "\" viewBox=\"0 0 " + Coord(w) + " " + Coord(h) +
         "\" role=\"img\" aria-label=\"" + Esc(label) + "\" style=\"direction:ltr\">";
}

std::string Text(double x, double y, std::string_view text, std::string_view anchor = "middle",
                 std::string_view cls = "") {
  std::string out = "<text x=\"" + Coord(x) + "\" y=\"" + Coord(y) + "\" text-anchor=\"" +
                    std::string(anchor) + "\"";
  if (!cls.empty()) out += " class=\"" + std::string(cls) + "\"";
  return out + ">" + Esc(text) + "</text>";
}

std::string Line(double x1, double y1, double x2, double y2, std::string_view cls) {
  return "<line x1=\"" + Coord(x1) + "\" y1=\"" + Coord(y1) + "\" x2=\"" + Coord(x2) + "\" y2=\"" +
         Coord(y2) + "\" class=\"" + std::string(cls) + "\"/>";
}

std::string Rect(double x, double y, double w, double h, std::string_view fill,
                 std::string_view title = {}) {
  std::string out = "<rect x=\"" + Coord(x) + "\" y=\"" + Coord(y) + "\" width=\"" +
                    Coord(std::max(0.0, w)) + "\" height=\"" + Coord(std::max(0.0, h)) +
                    "\" fill=\"" + std::string(fill) + "\"";
  if (title.empty()) return out + "/>";
  return out + "><title>" + Esc(title) + "</title></rect>";
}

// Label of an actor for charts: English name, or the code.
std::string Label(const ReportData& data, const std::string& code) {
  return NameEn(data, code);
}

}  // namespace

std::string Sparkline(const std::vector<TrendPoint>& trend, double w, double h, bool dark) {
  std::vector<std::pair<std::size_t, double>> pts;
  for (std::size_t i = 0; i < trend.size(); ++i) {
    if (Finite(trend[i].value)) pts.emplace_back(i, trend[i].value);
  }
  std::string out = SvgOpen(w, h, "spark", "trend");
  if (pts.size() < 2) {
    out += Text(w / 2, h / 2 + 3, "no trend", "middle", dark ? "spark-na dark" : "spark-na");
    return out + "</svg>";
  }
  double lo = pts[0].second, hi = lo;
  for (auto& p : pts) lo = std::min(lo, p.second), hi = std::max(hi, p.second);
  // Each cell uses its own range (at least 0.05 wide) so movement is visible.
  if (hi - lo < 0.05) {
    double mid = (hi + lo) / 2;
    lo = mid - 0.025, hi = mid + 0.025;
  }
  const double pad = 2.5;
  auto x = [&](std::size_t i) {
    return pad + (w - 2 * pad) * static_cast<double>(i) / static_cast<double>(trend.size() - 1);
  };
  auto y = [&](double v) { return h - pad - (h - 2 * pad) * (v - lo) / (hi - lo); };
  std::string points;
  for (auto& p : pts) points += Coord(x(p.first)) + "," + Coord(y(p.second)) + " ";
  const char* stroke = dark ? "#ffffff" : "#08306b";
  out += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + stroke +
         "\" stroke-width=\"1.4\" stroke-linejoin=\"round\"/>";
  auto& last = pts.back();
  out += "<circle cx=\"" + Coord(x(last.first)) + "\" cy=\"" + Coord(y(last.second)) +
         "\" r=\"2\" fill=\"" + stroke + "\"/>";
  out += "<title>" +
         Esc(trend[pts.front().first].month + " " + Num(pts.front().second, 2) + " → " +
             trend[last.first].month + " " + Num(last.second, 2)) +
         "</title>";
  return out + "</svg>";
}

std::string HeatLegend() {
  const double w = 320, h = 40, x0 = 10, bw = 300;
  std::string out = SvgOpen(w, h, "heat-legend", "colour scale of the combined score");
  const int steps = 40;
  for (int i = 0; i < steps; ++i) {
    double v = (i + 0.5) / steps;
    out += Rect(x0 + bw * i / steps, 4, bw / steps + 0.5, 14, HeatColour(v));
  }
  for (int t = 0; t <= 4; ++t) {
    double x = x0 + bw * t / 4.0;
    out += Line(x, 18, x, 22, "axis");
    out += Text(x, 33, Num(t / 4.0, 2), "middle", "tick");
  }
  return out + "</svg>";
}

std::string DimensionChart(const ReportData& data, int dim) {
  const double w = 520, h = 280, ml = 42, mr = 10, mt = 30, mb = 52;
  const double pw = w - ml - mr, ph = h - mt - mb;
  std::string title = std::string(DimensionName(dim)) + " · " + DimensionNameAr(dim);
  std::string out = SvgOpen(w, h, "chart dim-chart", std::string("Structural score: ") + title);
  out += Text(ml, 18, title, "start", "chart-title");
  for (int t = 0; t <= 4; ++t) {
    double y = mt + ph - ph * t / 4.0;
    out += Line(ml, y, ml + pw, y, t == 0 ? "axis" : "grid");
    out += Text(ml - 6, y + 4, Num(t / 4.0, 2), "end", "tick");
  }
  out += "<text class=\"axis-title\" transform=\"translate(12 " + Coord(mt + ph / 2) +
         ") rotate(-90)\" text-anchor=\"middle\">S_d (0–1)</text>";
  std::size_t nr = std::max<std::size_t>(1, data.republics.size());
  std::size_t np = std::max<std::size_t>(1, data.powers.size());
  double gw = pw / static_cast<double>(nr);
  double bw = gw * 0.8 / static_cast<double>(np);
  for (std::size_t r = 0; r < data.republics.size(); ++r) {
    const Actor& rep = data.republics[r];
    double gx = ml + gw * static_cast<double>(r) + gw * 0.1;
    for (std::size_t p = 0; p < data.powers.size(); ++p) {
      const Cell* c = FindCell(data, data.powers[p].code, rep.code);
      double x = gx + bw * static_cast<double>(p);
      if (!c || !Finite(c->dims[dim])) {
        out += Text(x + bw / 2, mt + ph - 3, "·", "middle", "na");
        continue;
      }
      double v = Clamp(c->dims[dim], 0, 1);
      std::string tip = Label(data, data.powers[p].code) + " → " + Label(data, rep.code) + ": " +
                        DimensionName(dim) + " " + Num(c->dims[dim], 2);
      out += Rect(x, mt + ph - ph * v, bw * 0.92, ph * v, SeriesColour(p), tip);
    }
    out += Text(ml + gw * (static_cast<double>(r) + 0.5), mt + ph + 16, Label(data, rep.code),
                "middle", "tick");
    if (!rep.name_ar.empty()) {
      out += Text(ml + gw * (static_cast<double>(r) + 0.5), mt + ph + 32, rep.name_ar, "middle",
                  "tick ar");
    }
  }
  return out + "</svg>";
}

std::string TiltChart(const ReportData& data) {
  const double w = 1000, row = 34, ml = 150, mr = 20, mt = 10;
  const double h =
      mt + row * static_cast<double>(std::max<std::size_t>(1, data.republics.size())) + 34;
  const double pw = w - ml - mr;
  std::string out = SvgOpen(w, h, "chart tilt-chart", "Each republic's tilt between the powers");
  for (std::size_t r = 0; r < data.republics.size(); ++r) {
    const Actor& rep = data.republics[r];
    double y = mt + row * static_cast<double>(r);
    out += Text(ml - 10, y + row / 2 + 4, Label(data, rep.code), "end", "row-label");
    double total = 0;
    for (const Actor& p : data.powers) {
      const Cell* c = FindCell(data, p.code, rep.code);
      if (c && Finite(c->combined) && c->combined > 0) total += c->combined;
    }
    if (total <= 0) {
      out += Text(ml + 4, y + row / 2 + 4, "no scores", "start", "na");
      continue;
    }
    double x = ml;
    for (std::size_t p = 0; p < data.powers.size(); ++p) {
      const Cell* c = FindCell(data, data.powers[p].code, rep.code);
      if (!c || !Finite(c->combined) || c->combined <= 0) continue;
      double share = c->combined / total, sw = pw * share;
      std::string tip = Label(data, rep.code) + ": " + Label(data, data.powers[p].code) + " " +
                        Num(100 * share, 0) + "% of the combined scores";
      out += Rect(x, y + 5, sw, row - 10, SeriesColour(p), tip);
      if (sw > 46) {
        out += Text(x + sw / 2, y + row / 2 + 4,
                    data.powers[p].code + " " + Num(100 * share, 0) + "%", "middle", "seg-label");
      }
      x += sw;
    }
  }
  double ay = mt + row * static_cast<double>(data.republics.size()) + 2;
  out += Line(ml, ay, ml + pw, ay, "axis");
  for (int t = 0; t <= 4; ++t) {
    double x = ml + pw * t / 4.0;
    out += Line(x, ay, x, ay + 4, "axis");
    out += Text(x, ay + 16, Num(25.0 * t, 0) + "%", "middle", "tick");
  }
  return out + "</svg>";
}

std::string TimelineChart(const ReportData& data, const std::vector<const TimelineEvent*>& events,
                          int* undated) {
  const double w = 1000, h = 340, ml = 48, mr = 16, mt = 40, mb = 46;
  const double pw = w - ml - mr, ph = h - mt - mb;
  std::string out = SvgOpen(w, h, "chart timeline", "Timeline of events by Goldstein score");
  struct Dot {
    long day;
    const TimelineEvent* e;
  };
  std::vector<Dot> dots;
  int bad = 0;
  for (const TimelineEvent* e : events) {
    auto d = ParseDay(e->date);
    if (d && Finite(e->goldstein)) {
      dots.push_back({*d, e});
    } else {
      ++bad;
    }
  }
  if (undated) *undated = bad;
  // Legend.
  double lx = ml;
  for (int q = 1; q <= 4; ++q) {
    out +=
        "<circle cx=\"" + Coord(lx + 6) + "\" cy=\"16\" r=\"5\" fill=\"" + QuadColour(q) + "\"/>";
    out += Text(lx + 15, 20, QuadClassName(q), "start", "legend-text");
    lx += 190;
  }
  out += Text(w - mr, 20, "dot size = sources", "end", "legend-text");
  // Y axis: Goldstein -10..10.
  auto y = [&](double g) { return mt + ph / 2 - ph / 2 * Clamp(g, -10, 10) / 10; };
  for (int g = -10; g <= 10; g += 5) {
    out += Line(ml, y(g), ml + pw, y(g), g == 0 ? "axis" : "grid");
    out += Text(ml - 6, y(g) + 4, (g > 0 ? "+" : "") + std::to_string(g), "end", "tick");
  }
  out += "<text class=\"axis-title\" transform=\"translate(14 " + Coord(mt + ph / 2) +
         ") rotate(-90)\" text-anchor=\"middle\">Goldstein</text>";
  out += Line(ml, mt + ph, ml + pw, mt + ph, "axis");
  if (dots.empty()) {
    out += Text(ml + pw / 2, mt + ph / 2 - 8, "no dated events", "middle", "na");
    return out + "</svg>";
  }
  long lo = dots[0].day, hi = lo;
  for (const Dot& d : dots) lo = std::min(lo, d.day), hi = std::max(hi, d.day);
  if (hi - lo < 30) lo -= 15, hi += 15;
  long span = hi - lo;
  lo -= span / 30 + 1, hi += span / 30 + 1;
  auto x = [&](long day) {
    return ml + pw * static_cast<double>(day - lo) / static_cast<double>(hi - lo);
  };
  // Month ticks with a step that keeps at most 12 labels.
  int y0 = 0, m0 = 0, y1 = 0, m1 = 0;
  YearMonth(lo, y0, m0);
  YearMonth(hi, y1, m1);
  int months = (y1 - y0) * 12 + (m1 - m0) + 1;
  int step = 1;
  for (int s : {1, 2, 3, 6, 12, 24, 60, 120}) {
    step = s;
    if (months / s <= 12) break;
  }
  for (int k = (y0 * 12 + m0 - 1); k <= y1 * 12 + m1 - 1; ++k) {
    if (k % step != 0) continue;
    long day = DayOf(k / 12, k % 12 + 1, 1);
    if (day < lo || day > hi) continue;
    char label[16];
    std::snprintf(label, sizeof label, step >= 12 ? "%04d" : "%04d-%02d", k / 12, k % 12 + 1);
    out += Line(x(day), mt, x(day), mt + ph, "grid v");
    out += Line(x(day), mt + ph, x(day), mt + ph + 5, "axis");
    out += Text(x(day), mt + ph + 18, label, "middle", "tick");
  }
  out += Text(ml + pw / 2, h - 6, "Date", "middle", "axis-title");
  // Larger dots first so that small ones stay visible.
  std::stable_sort(dots.begin(), dots.end(), [](const Dot& a, const Dot& b) {
    return std::max(1, a.e->num_sources) > std::max(1, b.e->num_sources);
  });
  for (const Dot& d : dots) {
    const TimelineEvent& e = *d.e;
    int q = EffectiveQuad(e);
    double r =
        std::min(10.0, 3.5 + 1.8 * std::log2(static_cast<double>(std::max(1, e.num_sources))));
    std::string tip = FormatDay(d.day) + "  " + Label(data, e.source) + " → " +
                      Label(data, e.target) + "  [" + e.cameo + "] " + OneLine(e.label) +
                      "  Goldstein " + Num(e.goldstein, 1) + "  sources " +
                      std::to_string(e.num_sources) + "\n" + Shorten(OneLine(e.quote), 220) +
                      (e.document.empty() ? "" : "\n" + e.document);
    out += "<circle cx=\"" + Coord(x(d.day)) + "\" cy=\"" + Coord(y(e.goldstein)) + "\" r=\"" +
           Coord(r) + "\" fill=\"" + QuadColour(q) + "\" class=\"ev\"><title>" + Esc(tip) +
           "</title></circle>";
  }
  return out + "</svg>";
}

std::string NetworkChart(const ReportData& data, int max_nodes) {
  const double w = 760, h = 600, cx = w / 2, cy = h / 2 + 6;
  std::map<std::string, long> degree;
  for (const Edge& e : data.network) {
    if (e.a.empty() || e.b.empty() || e.a == e.b) continue;
    degree[e.a] += std::max(1, e.events);
    degree[e.b] += std::max(1, e.events);
  }
  std::string out = SvgOpen(w, h, "chart network", "Actor network");
  if (degree.empty()) {
    out += Text(cx, cy, "no ties between actors", "middle", "na");
    return out + "</svg>";
  }
  // Keep the most connected nodes.
  std::vector<std::pair<std::string, long>> nodes(degree.begin(), degree.end());
  std::stable_sort(nodes.begin(), nodes.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (max_nodes > 0 && nodes.size() > static_cast<std::size_t>(max_nodes)) nodes.resize(max_nodes);
  std::set<std::string> kept;
  for (auto& n : nodes) kept.insert(n.first);
  auto index_in = [](const std::vector<Actor>& list, const std::string& code) -> int {
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (list[i].code == code) return static_cast<int>(i);
    }
    return -1;
  };
  // Rings: republics inside; powers (in their order) then others (by degree)
  // outside. Deterministic: same data, same picture.
  std::vector<std::string> inner, outer;
  for (const Actor& r : data.republics) {
    if (kept.count(r.code)) inner.push_back(r.code);
  }
  for (const Actor& p : data.powers) {
    if (kept.count(p.code) && index_in(data.republics, p.code) < 0) outer.push_back(p.code);
  }
  for (auto& n : nodes) {
    if (index_in(data.republics, n.first) < 0 && index_in(data.powers, n.first) < 0) {
      outer.push_back(n.first);
    }
  }
  if (inner.empty()) inner.swap(outer);
  struct Pos {
    double x, y, angle;
    bool inner;
  };
  std::map<std::string, Pos> pos;
  auto place = [&](const std::vector<std::string>& ring, double radius, bool is_inner) {
    for (std::size_t i = 0; i < ring.size(); ++i) {
      double a = -kPi / 2 + 2 * kPi * static_cast<double>(i) / static_cast<double>(ring.size()) +
                 (is_inner ? 0 : kPi / static_cast<double>(std::max<std::size_t>(ring.size(), 1)));
      pos[ring[i]] = {cx + radius * std::cos(a), cy + radius * std::sin(a), a, is_inner};
    }
  };
  place(inner, outer.empty() ? 210 : 115, true);
  place(outer, 235, false);
  // Edges, thin first.
  std::vector<const Edge*> edges;
  for (const Edge& e : data.network) {
    if (pos.count(e.a) && pos.count(e.b) && e.a != e.b) edges.push_back(&e);
  }
  std::stable_sort(edges.begin(), edges.end(),
                   [](const Edge* a, const Edge* b) { return a->events < b->events; });
  for (const Edge* e : edges) {
    const Pos& a = pos[e->a];
    const Pos& b = pos[e->b];
    double sw = std::min(14.0, 1 + 1.8 * std::log2(1.0 + std::max(0, e->events)));
    std::string tip = Label(data, e->a) + " — " + Label(data, e->b) + ": " +
                      std::to_string(e->events) + " events, mean Goldstein " + Num(e->weight, 1);
    out += "<line x1=\"" + Coord(a.x) + "\" y1=\"" + Coord(a.y) + "\" x2=\"" + Coord(b.x) +
           "\" y2=\"" + Coord(b.y) + "\" stroke=\"" + DivergingColour(e->weight / 10) +
           "\" stroke-width=\"" + Coord(sw) + "\" stroke-linecap=\"round\" class=\"edge\"><title>" +
           Esc(tip) + "</title></line>";
  }
  for (auto& [code, p] : pos) {
    int power = index_in(data.powers, code);
    bool republic = index_in(data.republics, code) >= 0;
    const char* fill = power >= 0 ? SeriesColour(static_cast<std::size_t>(power))
                                  : (republic ? "#253746" : "#9aa5ad");
    double r = std::min(22.0, 7 + 2 * std::log2(1.0 + static_cast<double>(degree[code])));
    out += "<circle cx=\"" + Coord(p.x) + "\" cy=\"" + Coord(p.y) + "\" r=\"" + Coord(r) +
           "\" fill=\"" + fill + "\" class=\"node\"><title>" +
           Esc(Label(data, code) + ": " + std::to_string(degree[code]) + " events") +
           "</title></circle>";
    // Labels outside the node, away from the centre.
    double ca = std::cos(p.angle), sa = std::sin(p.angle);
    double lx = p.x + (r + 6) * ca, ly = p.y + (r + 6) * sa + 4;
    const char* anchor = ca > 0.3 ? "start" : (ca < -0.3 ? "end" : "middle");
    if (std::fabs(ca) <= 0.3) ly += sa > 0 ? 8 : -4;
    out += Text(lx, ly, Label(data, code), anchor, "node-label");
    std::string ar = NameAr(data, code);
    if (!ar.empty()) out += Text(lx, ly + 14, ar, anchor, "node-label ar");
  }
  // Legend.
  double ly = h - 44;
  out += Text(12, ly, "edge width = events; colour = mean Goldstein", "start", "legend-text");
  for (int i = 0; i < 5; ++i) {
    double g = -10 + 5 * i;
    out += Rect(12 + 44 * i, ly + 8, 40, 8, DivergingColour(g / 10));
    out += Text(32 + 44 * i, ly + 30, (g > 0 ? "+" : "") + Num(g, 0), "middle", "tick");
  }
  return out + "</svg>";
}

std::string ShareBar(double share, double width) {
  const double h = 10;
  double v = Clamp(share, -1, 1);
  std::string out = SvgOpen(width, h, "share-bar", "share of the score");
  double mid = width / 2;
  out += Rect(0, 0, width, h, "#f1f1f1");
  double bw = mid * std::fabs(v);
  out += Rect(v >= 0 ? mid : mid - bw, 1, bw, h - 2, v >= 0 ? "#1a7f3c" : "#c0262d");
  out += Line(mid, 0, mid, h, "axis");
  return out + "</svg>";
}

}  // namespace nufuz::report::internal
