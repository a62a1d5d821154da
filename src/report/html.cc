// report/html.cc: RenderHtml, the self-contained HTML report.
#include <algorithm>
#include <cmath>
#include <set>

#include "report/internal.h"
#include "report/report.h"

namespace nufuz::report {

using namespace internal;  // NOLINT: the helpers of this stage

namespace {

std::string Esc(std::string_view s) {
  return HtmlEscape(s);
}

// Free text from the data (labels, names, quotes): isolated for bidi.
std::string Bdi(std::string_view s) {
  return "<bdi>" + Esc(s) + "</bdi>";
}

// English UI label inside the Arabic page.
std::string En(std::string_view s) {
  return "<span class=\"en\" lang=\"en\" dir=\"ltr\">" + Esc(s) + "</span>";
}

// Bilingual heading text: Arabic, then the English label.
std::string Bi(std::string_view ar, std::string_view en) {
  return "<span lang=\"ar\">" + Esc(ar) + "</span> " + En(en);
}

std::string NumSpan(double v, int decimals, bool sign = false) {
  std::string n = Num(v, decimals);
  if (sign && Finite(v) && v > 0) n = "+" + n;
  return "<span class=\"num\" dir=\"ltr\">" + n + "</span>";
}

// A labelled number kept together as one LTR unit: "S 0.68".
std::string Metric(std::string_view label, const std::string& value) {
  return "<span class=\"metric\" dir=\"ltr\">" + Esc(label) + " <b class=\"num\">" + value +
         "</b></span>";
}

std::string Signed(double v, int decimals) {
  return (Finite(v) && v > 0 ? "+" : "") + Num(v, decimals);
}

std::string Percent(double v) {
  return "<span class=\"num\" dir=\"ltr\">" + Num(100 * v, 0) + "%</span>";
}

// Code usable in an id attribute.
std::string IdPart(std::string_view code) {
  std::string out;
  for (char c : code) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    out += ok ? c : '_';
  }
  return out;
}

std::string CellId(const Cell& c) {
  return "cell-" + IdPart(c.power) + "-" + IdPart(c.republic);
}

// An actor's name: Arabic (when known) and English, each isolated.
std::string ActorHtml(const ReportData& data, std::string_view code) {
  std::string ar = NameAr(data, code), en = NameEn(data, code);
  std::string out = "<span class=\"actor\">";
  if (!ar.empty()) out += "<bdi lang=\"ar\">" + Esc(ar) + "</bdi> ";
  out += "<bdi class=\"en\" lang=\"en\" dir=\"ltr\">" + Esc(en) + "</bdi></span>";
  return out;
}

std::string PowerLegend(const ReportData& data) {
  std::string out = "<div class=\"legend\" dir=\"ltr\">";
  for (std::size_t p = 0; p < data.powers.size(); ++p) {
    out += "<span class=\"swatch\"><i style=\"background:" + std::string(SeriesColour(p)) +
           "\"></i>" + Bdi(NameEn(data, data.powers[p].code)) + "</span>";
  }
  return out + "</div>";
}

constexpr const char* kCss = R"CSS(
:root{--ink:#1d2731;--muted:#5b6875;--line:#d9dee3;--bg:#f6f7f9;--card:#fff;--accent:#225ea8}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.55 "Noto Naskh Arabic","Noto Sans Arabic","Amiri","DejaVu Sans","Segoe UI",Tahoma,sans-serif}
.wrap{max-width:1280px;margin:0 auto;padding:0 20px 40px}
header.top{background:linear-gradient(135deg,#081d58,#225ea8);color:#fff;padding:26px 0 20px;margin-bottom:18px}
header.top h1{margin:0;font-size:28px;line-height:1.3}
header.top .subtitle{font-size:17px;opacity:.9}
header.top .meta{margin-top:6px;font-size:13px;opacity:.9;display:flex;gap:18px;flex-wrap:wrap}
.metric{unicode-bidi:isolate;white-space:nowrap}
.metric b{font-weight:700}
.en{font-family:"DejaVu Sans","Segoe UI",Helvetica,Arial,sans-serif;font-size:.86em;color:var(--muted)}
header.top .en{color:#dfe8f5}
.stats{display:flex;flex-wrap:wrap;gap:10px;margin-top:14px}
.stat{background:rgba(255,255,255,.12);border-radius:8px;padding:6px 14px;min-width:120px}
.stat b{display:block;font-size:20px}
.stat .en{color:#dfe8f5}
nav.toc{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 14px}
nav.toc a{background:#fff;border:1px solid var(--line);border-radius:16px;padding:2px 12px;color:var(--accent);text-decoration:none;font-size:14px}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:0 0 18px}
h2{margin:0 0 8px;font-size:21px}
h3{margin:14px 0 6px;font-size:17px}
p.lead{margin:0 0 12px;color:var(--muted);font-size:14px}
.num{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;unicode-bidi:isolate}
table{border-collapse:collapse;width:100%}
th,td{text-align:start;vertical-align:top}
table.matrix{border-collapse:separate;border-spacing:5px;table-layout:fixed}
table.matrix th{font-weight:600;padding:4px 6px;text-align:center}
table.matrix th.rowh{text-align:start;width:150px}
table.matrix td.heat{border-radius:8px;padding:0;height:104px}
table.matrix td.heat a{display:block;height:100%;padding:8px 8px 6px;color:inherit;text-decoration:none;border-radius:8px}
table.matrix td.heat a:hover,table.matrix td.heat a:focus{outline:3px solid #f4a261;outline-offset:-1px}
td.heat .score{display:block;font-size:24px;font-weight:700;text-align:center;line-height:1.2}
td.heat .sub{display:block;font-size:11.5px;text-align:center;opacity:.9}
td.heat svg.spark{display:block;width:100%;height:26px;margin:3px 0}
td.heat .cov{display:block;font-size:11px;text-align:center;opacity:.85}
td.heat.dark{color:#fff}
td.heat.none{background:repeating-linear-gradient(45deg,#f3f3f3,#f3f3f3 6px,#e9e9e9 6px,#e9e9e9 12px);color:#888;text-align:center;vertical-align:middle}
.scale{display:flex;align-items:center;gap:12px;flex-wrap:wrap;font-size:13px;color:var(--muted)}
.scale svg{width:340px;height:40px}
svg text{font-family:"DejaVu Sans","Noto Sans Arabic",sans-serif;fill:#2b3640}
svg .tick{font-size:11px;fill:#5b6875}
svg .tick.ar,svg .node-label.ar{font-size:11.5px}
svg .chart-title{font-size:14px;font-weight:700}
svg .axis-title{font-size:11px;fill:#5b6875}
svg .legend-text{font-size:12px}
svg .row-label{font-size:13px}
svg .seg-label{font-size:11px;fill:#fff;font-weight:700}
svg .node-label{font-size:12.5px;font-weight:600}
svg .na{font-size:12px;fill:#999}
svg .spark-na{font-size:9px;fill:#777}
svg .spark-na.dark{fill:#dde}
svg line.axis{stroke:#6b7780;stroke-width:1}
svg line.grid{stroke:#e4e8ec;stroke-width:1}
svg line.grid.v{stroke-dasharray:3 3}
svg circle.ev{stroke:#fff;stroke-width:.8;fill-opacity:.85}
svg circle.ev:hover{stroke:#000;stroke-width:1.5}
svg line.edge{stroke-opacity:.75}
svg circle.node{stroke:#fff;stroke-width:2}
svg.chart{width:100%;height:auto;display:block}
.grid2{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:14px}
.grid2 figure{margin:0;border:1px solid var(--line);border-radius:8px;padding:8px}
.legend{display:flex;flex-wrap:wrap;gap:14px;font-size:13px;margin:0 0 10px}
.legend .swatch i{display:inline-block;width:12px;height:12px;border-radius:3px;margin-inline-end:5px;vertical-align:-1px}
table.list{font-size:13.5px}
table.list th{background:#eef1f4;padding:6px 8px;font-weight:600;border-bottom:1px solid var(--line)}
table.list td{padding:6px 8px;border-bottom:1px solid #eceff2}
table.list tr:nth-child(even) td{background:#fafbfc}
td.val{white-space:nowrap;text-align:end}
.quote{font-size:14px;color:#2b3640}
code.doc{font-size:12px;color:#5b6875;background:#f1f3f5;padding:0 4px;border-radius:4px;word-break:break-all}
.pill{display:inline-block;min-width:42px;text-align:center;border-radius:10px;padding:0 6px;color:#fff;font-size:12px}
details.cell-detail{border:1px solid var(--line);border-radius:8px;margin:6px 0;background:#fff}
details.cell-detail[open]{box-shadow:0 1px 6px rgba(0,0,0,.08)}
details.cell-detail>summary{cursor:pointer;padding:8px 12px;list-style-position:inside}
details.cell-detail>summary .chip{display:inline-block;width:14px;height:14px;border-radius:3px;vertical-align:-2px;margin-inline-end:6px;border:1px solid rgba(0,0,0,.15)}
details.cell-detail .body{padding:4px 14px 12px}
.dims{display:grid;grid-template-columns:150px 1fr 60px 1fr 60px;gap:4px 10px;align-items:center;font-size:13px;max-width:760px}
.dims .hd{color:var(--muted);font-size:12px}
.bar{height:10px;background:#eef1f4;border-radius:5px;position:relative;overflow:hidden;direction:ltr}
.bar i{position:absolute;top:0;bottom:0;left:0;border-radius:5px}
.bar.div i{left:auto}
.bar.div::after{content:"";position:absolute;left:50%;top:0;bottom:0;border-left:1px solid #8a959e}
ol.evidence{margin:8px 0 0;padding-inline-start:22px}
ol.evidence li{margin:0 0 10px}
.kind{display:inline-block;font-size:11px;border-radius:4px;padding:0 6px;margin-inline-end:6px;color:#fff}
.kind.fact{background:#225ea8}.kind.event{background:#6a3d9a}
.tag{font-size:12px;color:var(--muted);margin-inline-end:8px}
.share{display:inline-flex;align-items:center;gap:6px;margin-inline-end:8px}
.share svg{width:90px;height:10px}
blockquote{margin:4px 0;padding:4px 12px;border-inline-start:3px solid #c7d3df;background:#f8fafc;border-radius:4px}
.src{font-size:12px;color:var(--muted);word-break:break-all}
.missing{font-size:12.5px;color:#8a5a00}
.tools{margin:0 0 8px}
.tools button{font:inherit;font-size:13px;border:1px solid var(--line);background:#fff;border-radius:6px;padding:2px 10px;cursor:pointer}
ul.notes{margin:6px 0;font-size:14px}
.js-errors{background:#fde2e1;border:1px solid #c0262d;padding:8px;border-radius:6px;margin:10px 0}
.js-errors:empty{display:none}
footer{color:var(--muted);font-size:12.5px;padding:8px 4px}
@media print{nav.toc,.tools{display:none}details.cell-detail{break-inside:avoid}}
)CSS";

// Runs first: records any script error or console.error into the DOM, where
// a headless browser test (and a reader) can see it.
constexpr const char* kErrorTrap = R"JS(
(function(){
  var errs=[];window.__nufuzErrors=errs;
  function show(msg){
    var p=document.createElement('p');p.className='nufuz-js-error';p.textContent=msg;
    (document.getElementById('nufuz-js-errors')||document.body).appendChild(p);
  }
  function mark(msg){
    msg=String(msg);errs.push(msg);
    if(document.body){show(msg);}else{document.addEventListener('DOMContentLoaded',function(){show(msg);});}
  }
  window.addEventListener('error',function(e){
    var t=e&&e.target;
    mark(t&&t!==window&&t.tagName?'resource failed: '+t.tagName:'error: '+(e.message||'unknown'));
  },true);
  window.addEventListener('unhandledrejection',function(e){mark('unhandled rejection: '+e.reason);});
  var ce=console.error;
  console.error=function(){mark('console.error: '+Array.prototype.join.call(arguments,' '));return ce.apply(console,arguments);};
})();
)JS";

constexpr const char* kScript = R"JS(
(function(){
  function openCell(id){
    var d=id&&document.getElementById(id);
    if(d&&d.tagName==='DETAILS'){d.open=true;}
  }
  var links=document.querySelectorAll('a.cell-link');
  for(var i=0;i<links.length;i++){
    links[i].addEventListener('click',function(){openCell(this.getAttribute('href').slice(1));});
  }
  if(location.hash){openCell(decodeURIComponent(location.hash.slice(1)));}
  window.addEventListener('hashchange',function(){openCell(decodeURIComponent(location.hash.slice(1)));});
  function all(open){
    var ds=document.querySelectorAll('details.cell-detail');
    for(var j=0;j<ds.length;j++){ds[j].open=open;}
  }
  var ex=document.getElementById('expand-all'),co=document.getElementById('collapse-all');
  if(ex){ex.addEventListener('click',function(){all(true);});}
  if(co){co.addEventListener('click',function(){all(false);});}
  document.documentElement.setAttribute('data-nufuz-ready','1');
})();
)JS";

std::string Header(const ReportData& data) {
  std::string out = "<header class=\"top\"><div class=\"wrap\">";
  if (data.title.empty()) {
    out += "<h1>ميزان النفوذ في آسيا الوسطى</h1>";
    out += "<div class=\"subtitle\">" + En("The balance of influence over Central Asia") + "</div>";
  } else {
    out += "<h1>" + Bdi(data.title) + "</h1>";
  }
  out += "<div class=\"meta\">";
  if (!data.month.empty()) {
    out += "<span>الشهر المقيس " + En("month scored") + " <b><bdi dir=\"ltr\">" + Esc(data.month) +
           "</bdi></b></span>";
  }
  if (!data.generated_at.empty()) {
    out += "<span>تاريخ الإنشاء " + En("generated") + " <b><bdi dir=\"ltr\">" +
           Esc(data.generated_at) + "</bdi></b></span>";
  }
  out += "</div><div class=\"stats\">";
  auto stat = [&](long long v, std::string_view ar, std::string_view en) {
    out += "<div class=\"stat\"><b>" + NumSpan(static_cast<double>(v), 0) + "</b>" + Esc(ar) + " " +
           En(en) + "</div>";
  };
  stat(data.corpus.documents, "وثيقة", "documents");
  stat(data.corpus.events, "حدث", "events");
  if (data.corpus.stories > 0) stat(data.corpus.stories, "قصة", "stories");
  stat(data.corpus.facts, "حقيقة هيكلية", "structural facts");
  if (!data.corpus.first_date.empty() || !data.corpus.last_date.empty()) {
    out += "<div class=\"stat\"><b><bdi dir=\"ltr\" class=\"num\">" + Esc(data.corpus.first_date) +
           " → " + Esc(data.corpus.last_date) + "</bdi></b>" + "الفترة " + En("period") + "</div>";
  }
  out += "</div></div></header>";
  return out;
}

std::string Toc() {
  struct Item {
    const char *id, *ar, *en;
  };
  static const Item kItems[] = {
      {"matrix", "المصفوفة", "Matrix"},        {"tilt", "الميل", "Tilt"},
      {"dimensions", "الأبعاد", "Dimensions"}, {"timeline", "الخط الزمني", "Timeline"},
      {"network", "الشبكة", "Network"},        {"figures", "الأرقام", "Figures"},
      {"evidence", "الأدلة", "Evidence"},      {"coverage", "التغطية", "Coverage"}};
  std::string out = "<nav class=\"toc\">";
  for (const Item& i : kItems) {
    out += "<a href=\"#" + std::string(i.id) + "\">" + Esc(i.ar) + " " + En(i.en) + "</a>";
  }
  return out + "</nav>";
}

std::string CellTooltip(const ReportData& data, const Cell& c) {
  std::string t = NameEn(data, c.power) + " → " + NameEn(data, c.republic) + "\ncombined " +
                  Num(c.combined, 2) + " = structural " + Num(c.structural, 2) + " with events " +
                  Num(c.event, 2);
  for (int d = 0; d < kDimensions; ++d) {
    t += std::string("\n") + DimensionName(d) + ": S " + Num(c.dims[d], 2) + ", E " +
         Num(c.dim_events[d], 2);
  }
  t += "\ncoverage " + Num(100 * c.coverage, 0) + "%, " + std::to_string(c.events) + " events";
  return t;
}

std::string Matrix(const ReportData& data) {
  std::string out =
      "<section id=\"matrix\"><h2>" + Bi("مصفوفة النفوذ", "Influence matrix") + "</h2>";
  out += "<p class=\"lead\">" +
         Esc("كل خلية: النتيجة المركبة لنفوذ القوة في الجمهورية (0–1)، الهيكلية S وصافي التعاون "
             "في الأحداث E، واتجاهها الشهري. انقر الخلية لرؤية أدلتها.") +
         "<br>" +
         En("Each cell: the combined score (0–1), structural S and event E, and the monthly "
            "trend. Click a cell for its evidence.") +
         "</p>";
  out += "<table class=\"matrix\"><thead><tr><th class=\"rowh\">" + Bi("القوة", "Power") + "</th>";
  for (const Actor& r : data.republics) out += "<th>" + ActorHtml(data, r.code) + "</th>";
  out += "</tr></thead><tbody>";
  for (const Actor& p : data.powers) {
    out += "<tr><th class=\"rowh\" scope=\"row\">" + ActorHtml(data, p.code) + "</th>";
    for (const Actor& r : data.republics) {
      const Cell* c = FindCell(data, p.code, r.code);
      if (!c) {
        out += "<td class=\"heat none\">–<br>" + En("no data") + "</td>";
        continue;
      }
      bool dark = HeatIsDark(c->combined);
      out += "<td class=\"heat" + std::string(dark ? " dark" : "") +
             "\" style=\"background:" + HeatColour(Clamp(c->combined, 0, 1)) + "\">";
      out += "<a class=\"cell-link\" href=\"#" + CellId(*c) + "\" title=\"" +
             Esc(CellTooltip(data, *c)) + "\">";
      out += "<span class=\"score num\" dir=\"ltr\">" + Num(c->combined, 2) + "</span>";
      out += "<span class=\"sub\" dir=\"ltr\">S " + Num(c->structural, 2) + " · E " +
             (Finite(c->event) && c->event > 0 ? "+" : "") + Num(c->event, 2) + "</span>";
      out += Sparkline(c->trend, 120, 26, dark);
      out += "<span class=\"cov\" dir=\"ltr\">coverage " + Num(100 * c->coverage, 0) + "% · " +
             std::to_string(c->events) + " ev</span>";
      out += "</a></td>";
    }
    out += "</tr>";
  }
  out += "</tbody></table>";
  out += "<div class=\"scale\">" + HeatLegend() + "<span>" +
         Bi("مقياس النتيجة المركبة", "combined score scale") + "</span><span>" +
         En("Sparklines: each cell on its own range, last month marked.") + "</span></div>";
  return out + "</section>";
}

std::string Tilt(const ReportData& data) {
  std::string out = "<section id=\"tilt\"><h2>" + Bi("ميل كل جمهورية", "Each republic's tilt") +
                    "</h2><p class=\"lead\">" +
                    En("Share of each power in the sum of the combined scores of a republic.") +
                    "</p>";
  return out + PowerLegend(data) + TiltChart(data) + "</section>";
}

std::string Dimensions(const ReportData& data) {
  std::string out = "<section id=\"dimensions\"><h2>" +
                    Bi("النفوذ حسب البعد", "Structural influence by dimension") +
                    "</h2><p class=\"lead\">" +
                    En("Structural score S_d per dimension: groups are republics, bars are "
                       "powers.") +
                    "</p>" + PowerLegend(data) + "<div class=\"grid2\">";
  for (int d = 0; d < kDimensions; ++d) out += "<figure>" + DimensionChart(data, d) + "</figure>";
  return out + "</div></section>";
}

double Salience(const TimelineEvent& e) {
  double g = Finite(e.goldstein) ? std::fabs(e.goldstein) : 0;
  return g * (1 + std::log2(static_cast<double>(std::max(1, e.num_sources))));
}

std::string Goldstein(double g) {
  std::string colour = DivergingColour(Finite(g) ? g / 10 : 0);
  return "<span class=\"pill num\" dir=\"ltr\" style=\"background:" + colour + "\">" +
         (Finite(g) && g > 0 ? "+" : "") + Num(g, 1) + "</span>";
}

std::string Timeline(const ReportData& data, const RenderOptions& options) {
  std::vector<const TimelineEvent*> events;
  for (const TimelineEvent& e : data.timeline) events.push_back(&e);
  std::size_t total = events.size();
  std::vector<const TimelineEvent*> ranked = events;
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto* a, const auto* b) { return Salience(*a) > Salience(*b); });
  if (options.max_timeline_events >= 0 &&
      events.size() > static_cast<std::size_t>(options.max_timeline_events)) {
    events.assign(ranked.begin(), ranked.begin() + options.max_timeline_events);
  }
  int undated = 0;
  std::string chart = TimelineChart(data, events, &undated);
  std::string out = "<section id=\"timeline\"><h2>" + Bi("الخط الزمني للأحداث", "Event timeline") +
                    "</h2><p class=\"lead\">" +
                    En("Each dot is an event between two actors: date across, Goldstein score "
                       "(−10 conflict … +10 cooperation) up; colour = CAMEO QuadClass. Hover a "
                       "dot for its quote.") +
                    "</p>" + chart;
  if (events.size() < total || undated > 0) {
    out += "<p class=\"lead\">" +
           En(std::to_string(events.size() - static_cast<std::size_t>(undated)) + " of " +
              std::to_string(total) + " events plotted" +
              (undated > 0 ? "; " + std::to_string(undated) + " without a usable date" : "") +
              (events.size() < total ? "; the most salient kept" : "")) +
           "</p>";
  }
  if (!ranked.empty() && options.max_notable_events > 0) {
    if (ranked.size() > static_cast<std::size_t>(options.max_notable_events)) {
      ranked.resize(options.max_notable_events);
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto* a, const auto* b) { return a->date < b->date; });
    out += "<h3>" + Bi("أبرز الأحداث", "Notable events") + "</h3>";
    out += "<table class=\"list\"><thead><tr><th>" + Bi("التاريخ", "Date") + "</th><th>" +
           Bi("الأطراف", "Actors") + "</th><th>" + Bi("الحدث", "Event") + "</th><th>" +
           En("Goldstein") + "</th><th>" + Bi("الاقتباس", "Quote") + "</th></tr></thead><tbody>";
    for (const TimelineEvent* e : ranked) {
      out += "<tr><td class=\"val\"><bdi dir=\"ltr\">" + Esc(e->date) + "</bdi></td><td>" +
             ActorHtml(data, e->source) + " ← " + ActorHtml(data, e->target) + "</td><td>" +
             "<code class=\"doc\" dir=\"ltr\">" + Esc(e->cameo) + "</code> " + Bdi(e->label) +
             "<br><span class=\"tag\">" + Esc(QuadClassName(EffectiveQuad(*e))) + " · " +
             std::to_string(e->num_sources) + " sources</span></td><td class=\"val\">" +
             Goldstein(e->goldstein) + "</td><td><div class=\"quote\" dir=\"auto\">" +
             Esc(Shorten(OneLine(e->quote), 400)) + "</div>" +
             (e->document.empty()
                  ? ""
                  : "<code class=\"doc\" dir=\"ltr\">" + Esc(e->document) + "</code>") +
             "</td></tr>";
    }
    out += "</tbody></table>";
  }
  return out + "</section>";
}

std::string Network(const ReportData& data, const RenderOptions& options) {
  return "<section id=\"network\"><h2>" + Bi("شبكة الفاعلين", "Actor network") +
         "</h2><p class=\"lead\">" +
         En("Republics on the inner ring, powers and other actors outside; edge width grows with "
            "the number of events, colour shows their mean Goldstein score.") +
         "</p><div style=\"max-width:820px;margin:0 auto\">" +
         NetworkChart(data, options.max_network_nodes) + "</div></section>";
}

std::string Figures(const ReportData& data, const RenderOptions& options) {
  std::string out = "<section id=\"figures\"><h2>" +
                    Bi("الأرقام المذكورة", "Figures reported (money, troops, volumes)") + "</h2>";
  if (data.figures.empty()) {
    return out + "<p class=\"lead\">" + En("No figures in the corpus.") + "</p></section>";
  }
  std::vector<const Figure*> rows;
  for (const Figure& f : data.figures) rows.push_back(&f);
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto* a, const auto* b) { return a->date < b->date; });
  std::size_t shown =
      std::min(rows.size(), static_cast<std::size_t>(std::max(0, options.max_figures)));
  out += "<table class=\"list\"><thead><tr><th>" + Bi("التاريخ", "Date") + "</th><th>" +
         Bi("الأطراف", "Actors") + "</th><th>" + Bi("النوع", "Kind") + "</th><th>" +
         Bi("القيمة", "Value") + "</th><th>" + Bi("الاقتباس", "Quote") +
         "</th></tr></thead><tbody>";
  for (std::size_t i = 0; i < shown; ++i) {
    const Figure& f = *rows[i];
    out += "<tr><td class=\"val\"><bdi dir=\"ltr\">" + Esc(f.date) + "</bdi></td><td>" +
           ActorHtml(data, f.actor) + (f.target.empty() ? "" : " ← " + ActorHtml(data, f.target)) +
           "</td><td>" + Bdi(f.kind) +
           "</td><td class=\"val\"><bdi dir=\"ltr\"><span class=\"num\">" + Amount(f.value) +
           "</span> " + Esc(f.unit) +
           "</bdi></td><td><div class=\"quote\" "
           "dir=\"auto\">" +
           Esc(Shorten(OneLine(f.quote), 300)) + "</div>" +
           (f.document.empty() ? ""
                               : "<code class=\"doc\" dir=\"ltr\">" + Esc(f.document) + "</code>") +
           "</td></tr>";
  }
  out += "</tbody></table>";
  if (shown < rows.size()) {
    out += "<p class=\"lead\">" +
           En(std::to_string(shown) + " of " + std::to_string(rows.size()) + " figures shown") +
           "</p>";
  }
  return out + "</section>";
}

std::string DimBars(const Cell& c) {
  std::string out = "<div class=\"dims\"><span class=\"hd\">" + Bi("البعد", "Dimension") +
                    "</span><span class=\"hd\">" + En("structural S_d") +
                    "</span><span></span><span class=\"hd\">" + En("events E_d") +
                    "</span><span></span>";
  for (int d = 0; d < kDimensions; ++d) {
    double s = Clamp(c.dims[d], 0, 1), e = Clamp(c.dim_events[d], -1, 1);
    out += "<span>" + Esc(DimensionNameAr(d)) + " " + En(DimensionName(d)) + "</span>";
    out += "<div class=\"bar\"><i style=\"width:" + Num(100 * s, 1) +
           "%;background:" + HeatColour(std::max(0.25, s)) + "\"></i></div>" +
           NumSpan(c.dims[d], 2);
    double half = 50 * std::fabs(e);
    out += "<div class=\"bar div\"><i style=\"" +
           (e >= 0 ? "left:50%;width:" + Num(half, 1) + "%;background:#1a7f3c"
                   : "left:" + Num(50 - half, 1) + "%;width:" + Num(half, 1) +
                         "%;background:#c0262d") +
           "\"></i></div>" + NumSpan(c.dim_events[d], 2, true);
  }
  return out + "</div>";
}

std::string EvidenceItem(const Evidence& ev) {
  bool fact = ev.kind == Evidence::Kind::kFact;
  std::string out = "<li>";
  out += "<span class=\"kind " + std::string(fact ? "fact" : "event") + "\">" +
         (fact ? "حقيقة fact" : "حدث event") + "</span>";
  if (ev.dimension >= 0 && ev.dimension < kDimensions) {
    out += "<span class=\"tag\">" + Esc(DimensionNameAr(ev.dimension)) + " " +
           En(DimensionName(ev.dimension)) + "</span>";
  }
  out += "<span class=\"share\">" + ShareBar(ev.share, 90) + "<span class=\"num\" dir=\"ltr\">" +
         (Finite(ev.share) && ev.share > 0 ? "+" : "") + Num(100 * ev.share, 1) + "%</span></span>";
  out += "<b>" + Bdi(ev.label) + "</b>";
  if (!ev.date.empty())
    out += " <span class=\"tag\"><bdi dir=\"ltr\">" + Esc(ev.date) + "</bdi></span>";
  if (!ev.quote.empty()) {
    out += "<blockquote class=\"quote\" dir=\"auto\">" + Esc(Shorten(OneLine(ev.quote), 600)) +
           "</blockquote>";
  }
  if (!ev.document.empty())
    out += "<code class=\"doc\" dir=\"ltr\">" + Esc(ev.document) + "</code> ";
  if (!ev.source.empty()) out += "<span class=\"src\" dir=\"ltr\">" + Esc(ev.source) + "</span>";
  return out + "</li>";
}

std::string EvidenceSection(const ReportData& data, const RenderOptions& options) {
  std::string out = "<section id=\"evidence\"><h2>" + Bi("أدلة كل خلية", "Evidence per cell") +
                    "</h2><p class=\"lead\">" +
                    En("Per-dimension scores and the items with the largest share of each "
                       "cell's score; facts carry their source, events their quote and "
                       "document.") +
                    "</p><div class=\"tools\"><button type=\"button\" id=\"expand-all\">" +
                    Esc("فتح الكل") + " " + En("expand all") +
                    "</button> <button type=\"button\" id=\"collapse-all\">" + Esc("طي الكل") +
                    " " + En("collapse all") + "</button></div>";
  for (const Actor& p : data.powers) {
    bool any = false;
    for (const Actor& r : data.republics) {
      const Cell* c = FindCell(data, p.code, r.code);
      if (!c) continue;
      if (!any) out += "<h3>" + ActorHtml(data, p.code) + "</h3>";
      any = true;
      out += "<details class=\"cell-detail\" id=\"" + CellId(*c) + "\"><summary>";
      out += "<span class=\"chip\" style=\"background:" + HeatColour(Clamp(c->combined, 0, 1)) +
             "\"></span>" + ActorHtml(data, c->power) + " ← " + ActorHtml(data, c->republic) +
             " · " + Metric("combined", Num(c->combined, 2)) + " · " +
             Metric("S", Num(c->structural, 2)) + " · " + Metric("E", Signed(c->event, 2)) + " · " +
             Metric("coverage", Num(100 * c->coverage, 0) + "%") + "</summary><div class=\"body\">";
      out += DimBars(*c);
      if (!c->missing.empty() || c->stale_facts > 0) {
        std::string m;
        for (const std::string& s : c->missing) m += (m.empty() ? "" : ", ") + s;
        out += "<p class=\"missing\">";
        if (!m.empty())
          out += Esc("بيانات ناقصة") + " " + En("missing") + ": <bdi dir=\"ltr\">" + Esc(m) +
                 "</bdi> ";
        if (c->stale_facts > 0) {
          out += En(std::to_string(c->stale_facts) + " stale facts");
        }
        out += "</p>";
      }
      if (c->top_evidence.empty()) {
        out += "<p class=\"lead\">" + En("No evidence recorded for this cell.") + "</p>";
      } else {
        out += "<ol class=\"evidence\">";
        int n = 0;
        for (const Evidence& ev : c->top_evidence) {
          if (n++ >= options.max_evidence_per_cell) break;
          out += EvidenceItem(ev);
        }
        out += "</ol>";
      }
      out += "</div></details>";
    }
  }
  return out + "</section>";
}

std::string Coverage(const ReportData& data) {
  std::string out = "<section id=\"coverage\"><h2>" + Bi("ملاحظات التغطية", "Coverage notes") +
                    "</h2><p class=\"lead\">" +
                    En("Missing data is not imputed: a low coverage means the score rests on "
                       "fewer indicators.") +
                    "</p>";
  std::vector<const Cell*> cells;
  std::set<std::string> unknown;
  for (const Cell& c : data.cells) {
    cells.push_back(&c);
    bool known_p = std::any_of(data.powers.begin(), data.powers.end(),
                               [&](const Actor& a) { return a.code == c.power; });
    bool known_r = std::any_of(data.republics.begin(), data.republics.end(),
                               [&](const Actor& a) { return a.code == c.republic; });
    if (!known_p) unknown.insert(c.power);
    if (!known_r) unknown.insert(c.republic);
  }
  std::stable_sort(cells.begin(), cells.end(), [](const Cell* a, const Cell* b) {
    return Clamp(a->coverage, 0, 1) < Clamp(b->coverage, 0, 1);
  });
  if (!data.notes.empty() || !unknown.empty()) {
    out += "<ul class=\"notes\">";
    for (const std::string& n : data.notes) out += "<li dir=\"auto\">" + Esc(n) + "</li>";
    if (!unknown.empty()) {
      std::string u;
      for (const std::string& s : unknown) u += (u.empty() ? "" : ", ") + s;
      out += "<li>" + En("Cells name actors outside the matrix (not shown): ") +
             "<bdi dir=\"ltr\">" + Esc(u) + "</bdi></li>";
    }
    out += "</ul>";
  }
  out += "<table class=\"list\"><thead><tr><th>" + Bi("القوة", "Power") + "</th><th>" +
         Bi("الجمهورية", "Republic") + "</th><th>" + Bi("التغطية", "Coverage") + "</th><th>" +
         Bi("الأحداث", "Events") + "</th><th>" + Bi("قديمة", "Stale facts") + "</th><th>" +
         Bi("مؤشرات ناقصة", "Missing indicators") + "</th></tr></thead><tbody>";
  for (const Cell* c : cells) {
    std::string m;
    for (const std::string& s : c->missing) m += (m.empty() ? "" : ", ") + s;
    out += "<tr><td>" + ActorHtml(data, c->power) + "</td><td>" + ActorHtml(data, c->republic) +
           "</td><td class=\"val\">" + Percent(Clamp(c->coverage, 0, 1)) +
           "</td><td class=\"val\">" + NumSpan(c->events, 0) + "</td><td class=\"val\">" +
           NumSpan(c->stale_facts, 0) + "</td><td><bdi dir=\"ltr\" class=\"src\">" + Esc(m) +
           "</bdi></td></tr>";
  }
  return out + "</tbody></table></section>";
}

}  // namespace

std::string RenderHtml(const ReportData& data, const RenderOptions& options) {
  std::string out;
  out.reserve(256 * 1024);
  out += "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  out += "<meta name=\"generator\" content=\"nufuz report\">";
  out += "<title>" +
         Esc(data.title.empty() ? "ميزان النفوذ في آسيا الوسطى · nufuz report" : data.title) +
         "</title>";
  out += "<script>" + std::string(kErrorTrap) + "</script>";
  out += "<style>" + std::string(kCss) + "</style></head><body>";
  out += Header(data);
  out +=
      "<div class=\"wrap\"><div id=\"nufuz-js-errors\" class=\"js-errors\" role=\"alert\"></div>";
  out += Toc();
  out += Matrix(data);
  out += Tilt(data);
  out += Dimensions(data);
  out += Timeline(data, options);
  out += Network(data, options);
  out += Figures(data, options);
  out += EvidenceSection(data, options);
  out += Coverage(data);
  out += "<footer>" +
         En("nufuz report. combined = structural S plus λ·event E, clamped to 0–1; S from "
            "structural facts (bandwidth and dependence), E from Goldstein-weighted events; "
            "see docs/influence.md. Source URLs are shown as text so that the file never "
            "reaches the network.") +
         "</footer></div>";
  out += "<script>" + std::string(kScript) + "</script></body></html>\n";
  return out;
}

}  // namespace nufuz::report
