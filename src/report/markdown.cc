// report/markdown.cc: RenderMarkdown, the terminal summary.
#include <algorithm>
#include <cmath>

#include "report/internal.h"
#include "report/report.h"

namespace nufuz::report {

using namespace internal;  // NOLINT: the helpers of this stage

namespace {

// Text safe inside a Markdown table cell or list item: one line, pipes and
// backticks escaped.
std::string Md(std::string_view s) {
  std::string out;
  for (char c : OneLine(s)) {
    if (c == '|' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<' ||
        c == '>') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string Signed(double v, int decimals) {
  return (Finite(v) && v > 0 ? "+" : "") + Num(v, decimals);
}

std::string Name(const ReportData& data, const std::string& code) {
  std::string en = NameEn(data, code);
  return en == code ? Md(code) : Md(en) + " (" + Md(code) + ")";
}

}  // namespace

std::string RenderMarkdown(const ReportData& data, const RenderOptions& options) {
  std::string out =
      "# " + (data.title.empty() ? std::string("Influence over Central Asia") : Md(data.title)) +
      "\n\n";
  std::string meta;
  auto add = [&](const std::string& s) { meta += (meta.empty() ? "" : " · ") + s; };
  if (!data.month.empty()) add("month scored: " + Md(data.month));
  if (!data.generated_at.empty()) add("generated: " + Md(data.generated_at));
  add(std::to_string(data.corpus.documents) + " documents");
  add(std::to_string(data.corpus.events) + " events");
  if (data.corpus.stories > 0) add(std::to_string(data.corpus.stories) + " stories");
  add(std::to_string(data.corpus.facts) + " facts");
  if (!data.corpus.first_date.empty() || !data.corpus.last_date.empty()) {
    add(Md(data.corpus.first_date) + " → " + Md(data.corpus.last_date));
  }
  out += meta + "\n\n";

  // Matrix.
  out += "## Influence matrix\n\ncombined score (0–1), with structural S / event E\n\n| Power |";
  for (const Actor& r : data.republics) out += " " + Name(data, r.code) + " |";
  out += "\n|---|";
  for (std::size_t i = 0; i < data.republics.size(); ++i) out += "---:|";
  out += "\n";
  for (const Actor& p : data.powers) {
    out += "| " + Name(data, p.code) + " |";
    for (const Actor& r : data.republics) {
      const Cell* c = FindCell(data, p.code, r.code);
      if (!c) {
        out += " – |";
        continue;
      }
      out += " **" + Num(c->combined, 2) + "** (S " + Num(c->structural, 2) + " / E " +
             Signed(c->event, 2) + ") |";
    }
    out += "\n";
  }

  // Top movers: first to last point of each trend.
  struct Mover {
    const Cell* cell;
    double from, to;
    std::string m0, m1;
  };
  std::vector<Mover> movers;
  for (const Cell& c : data.cells) {
    const TrendPoint* first = nullptr;
    const TrendPoint* last = nullptr;
    for (const TrendPoint& t : c.trend) {
      if (!Finite(t.value)) continue;
      if (!first) first = &t;
      last = &t;
    }
    if (first && last && first != last && first->value != last->value) {
      movers.push_back({&c, first->value, last->value, first->month, last->month});
    }
  }
  std::stable_sort(movers.begin(), movers.end(), [](const Mover& a, const Mover& b) {
    return std::fabs(a.to - a.from) > std::fabs(b.to - b.from);
  });
  out += "\n## Top movers\n\n";
  if (movers.empty()) out += "No trend data.\n";
  for (std::size_t i = 0; i < movers.size() && i < static_cast<std::size_t>(options.max_movers);
       ++i) {
    const Mover& m = movers[i];
    out += "- " + Name(data, m.cell->power) + " → " + Name(data, m.cell->republic) + ": " +
           Num(m.from, 2) + " → " + Num(m.to, 2) + " (" + Signed(m.to - m.from, 2) + ", " +
           Md(m.m0) + " to " + Md(m.m1) + ")\n";
  }

  // Tilt.
  out += "\n## Tilt\n\n";
  for (const Actor& r : data.republics) {
    std::vector<std::pair<double, std::string>> shares;
    double total = 0;
    for (const Actor& p : data.powers) {
      const Cell* c = FindCell(data, p.code, r.code);
      if (c && Finite(c->combined) && c->combined > 0) {
        shares.emplace_back(c->combined, p.code);
        total += c->combined;
      }
    }
    std::stable_sort(shares.begin(), shares.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    out += "- " + Name(data, r.code) + ":";
    if (total <= 0) out += " no scores";
    for (std::size_t i = 0; i < shares.size(); ++i) {
      out += std::string(i ? ", " : " ") + Md(shares[i].second) + " " +
             Num(100 * shares[i].first / total, 0) + "%";
    }
    out += "\n";
  }

  // Top evidence of the strongest cells.
  std::vector<const Cell*> cells;
  for (const Cell& c : data.cells) {
    if (!c.top_evidence.empty()) cells.push_back(&c);
  }
  std::stable_sort(cells.begin(), cells.end(), [](const Cell* a, const Cell* b) {
    return Clamp(a->combined, 0, 1) > Clamp(b->combined, 0, 1);
  });
  out += "\n## Top evidence\n";
  if (cells.empty()) out += "\nNo evidence recorded.\n";
  const std::size_t kCells = 10;
  for (std::size_t i = 0; i < cells.size() && i < kCells; ++i) {
    const Cell& c = *cells[i];
    out += "\n### " + Name(data, c.power) + " → " + Name(data, c.republic) + ": " +
           Num(c.combined, 2) + "\n\n";
    int n = 0;
    for (const Evidence& ev : c.top_evidence) {
      if (n++ >= std::min(3, options.max_evidence_per_cell)) break;
      out += std::to_string(n) + ". [" + (ev.kind == Evidence::Kind::kFact ? "fact" : "event") +
             (ev.dimension >= 0 && ev.dimension < kDimensions
                  ? std::string(", ") + DimensionName(ev.dimension)
                  : std::string()) +
             ", " + Signed(100 * ev.share, 1) + "%] " + Md(ev.label);
      if (!ev.date.empty()) out += " (" + Md(ev.date) + ")";
      if (!ev.quote.empty()) out += " — \"" + Md(Shorten(OneLine(ev.quote), 200)) + "\"";
      if (!ev.document.empty()) out += " — " + Md(ev.document);
      out += "\n";
    }
  }
  if (cells.size() > kCells) {
    out += "\n(" + std::to_string(cells.size() - kCells) +
           " more cells with evidence: see the HTML report)\n";
  }

  // Coverage.
  std::vector<const Cell*> low;
  for (const Cell& c : data.cells) {
    if (Clamp(c.coverage, 0, 1) < 0.5) low.push_back(&c);
  }
  if (!low.empty() || !data.notes.empty()) {
    out += "\n## Coverage\n\n";
    for (const std::string& n : data.notes) out += "- " + Md(n) + "\n";
    for (const Cell* c : low) {
      out += "- " + Name(data, c->power) + " → " + Name(data, c->republic) + ": coverage " +
             Num(100 * Clamp(c->coverage, 0, 1), 0) + "%\n";
    }
  }
  return out;
}

}  // namespace nufuz::report
