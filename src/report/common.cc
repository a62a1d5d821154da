// report/common.cc: escaping, numbers, colours, dates and actor names.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <system_error>

#include "core/data.h"
#include "core/utf8.h"
#include "report/internal.h"
#include "report/report.h"

namespace nufuz::report {

namespace {
constexpr const char* kDimEn[kDimensions] = {"Security", "Economic", "Diplomatic", "Connectivity",
                                             "Societal"};
constexpr const char* kDimAr[kDimensions] = {"الأمن", "الاقتصاد", "الدبلوماسية", "الترابط",
                                             "المجتمع"};
}  // namespace

const char* DimensionName(int d) {
  return d >= 0 && d < kDimensions ? kDimEn[d] : "?";
}
const char* DimensionNameAr(int d) {
  return d >= 0 && d < kDimensions ? kDimAr[d] : "?";
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\0': out += "\xEF\xBF\xBD"; break;  // U+FFFD: NUL is not allowed in HTML
      default: out += c;
    }
  }
  return out;
}

int QuadClass(std::string_view cameo) {
  if (cameo.size() < 2 || !std::isdigit(static_cast<unsigned char>(cameo[0])) ||
      !std::isdigit(static_cast<unsigned char>(cameo[1]))) {
    return 0;
  }
  int root = (cameo[0] - '0') * 10 + (cameo[1] - '0');
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 8) return 2;
  if (root >= 9 && root <= 13) return 3;
  if (root >= 14 && root <= 20) return 4;
  return 0;
}

const char* QuadClassName(int quad) {
  switch (quad) {
    case 1: return "Verbal cooperation";
    case 2: return "Material cooperation";
    case 3: return "Verbal conflict";
    case 4: return "Material conflict";
    default: return "Unclassified";
  }
}

Status FillActorNames(ReportData& data, const std::filesystem::path& data_dir) {
  struct Names {
    std::string en, ar;
  };
  std::map<std::string, Names> by_code;
  auto first_of = [](const std::string& pipe_list) {
    return pipe_list.substr(0, pipe_list.find('|'));
  };
  {
    auto table =
        TsvTable::Load(data_dir / "gazetteer" / "countries.tsv", {"iso3", "name_en", "ar_names"});
    if (!table.ok()) return table.status();
    int iso3 = table->Column("iso3"), en = table->Column("name_en"), ar = table->Column("ar_names");
    for (std::size_t r = 0; r < table->rows(); ++r) {
      const std::string& code = table->Cell(r, iso3);
      if (!code.empty()) by_code[code] = {table->Cell(r, en), first_of(table->Cell(r, ar))};
    }
  }
  {
    auto table =
        TsvTable::Load(data_dir / "gazetteer" / "orgs.tsv", {"aliases_en", "name_en", "ar_names"});
    if (!table.ok()) return table.status();
    int alias = table->Column("aliases_en"), en = table->Column("name_en"),
        ar = table->Column("ar_names");
    for (std::size_t r = 0; r < table->rows(); ++r) {
      std::string aliases = table->Cell(r, alias);
      std::size_t start = 0;
      while (start <= aliases.size()) {
        std::size_t bar = aliases.find('|', start);
        std::string a = aliases.substr(start, bar == std::string::npos ? bar : bar - start);
        // Only short upper-case aliases are codes (EU, NATO); countries win.
        bool code = !a.empty() && a.size() <= 6 &&
                    std::all_of(a.begin(), a.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        if (code && !by_code.count(a)) {
          by_code[a] = {table->Cell(r, en), first_of(table->Cell(r, ar))};
        }
        if (bar == std::string::npos) break;
        start = bar + 1;
      }
    }
  }
  auto fill = [&](std::vector<Actor>& actors) {
    for (Actor& a : actors) {
      auto it = by_code.find(a.code);
      if (it == by_code.end()) continue;
      if (a.name_en.empty()) a.name_en = it->second.en;
      if (a.name_ar.empty()) a.name_ar = it->second.ar;
    }
  };
  fill(data.powers);
  fill(data.republics);
  fill(data.network_actors);
  // Network nodes that are not yet named get an entry when the gazetteer
  // knows them.
  auto known = [&](const std::string& code) { return internal::FindActor(data, code) != nullptr; };
  for (const Edge& e : data.network) {
    for (const std::string* code : {&e.a, &e.b}) {
      if (known(*code)) continue;
      auto it = by_code.find(*code);
      if (it != by_code.end()) data.network_actors.push_back({*code, it->second.en, it->second.ar});
    }
  }
  return Status::Ok();
}

Status WriteFileAtomic(const std::filesystem::path& path, std::string_view content) {
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out)
      return Status::Error(StatusCode::kIoError, tmp.string() + ": cannot open for writing");
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) return Status::Error(StatusCode::kIoError, tmp.string() + ": write failed");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return Status::Error(StatusCode::kIoError, path.string() + ": cannot rename into place");
  }
  return Status::Ok();
}

namespace internal {

bool Finite(double v) {
  return std::isfinite(v);
}

double Clamp(double v, double lo, double hi) {
  if (!std::isfinite(v)) return lo;
  return std::min(hi, std::max(lo, v));
}

std::string Num(double v, int decimals) {
  if (!std::isfinite(v)) return "–";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  if (r.ec != std::errc()) return "–";
  std::string s(buf, r.ptr);
  if (s.find_first_not_of("-0.") == std::string::npos && s[0] == '-') s.erase(0, 1);  // "-0.00"
  return s;
}

std::string Amount(double v) {
  if (!std::isfinite(v)) return "–";
  double a = std::fabs(v);
  int decimals = a >= 100 || a == std::floor(a) ? 0 : (a >= 1 ? 1 : 3);
  std::string s = Num(a, decimals);
  std::size_t dot = s.find('.');
  std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  return (v < 0 ? "-" : "") + grouped + frac;
}

std::string Coord(double v) {
  return Num(std::isfinite(v) ? v : 0, 1);
}

namespace {
struct Rgb {
  double r, g, b;
};
std::string Hex(Rgb c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<int>(std::lround(c.r)),
                static_cast<int>(std::lround(c.g)), static_cast<int>(std::lround(c.b)));
  return buf;
}
Rgb Mix(Rgb a, Rgb b, double t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}
Rgb Ramp(const std::vector<Rgb>& stops, double v) {
  v = Clamp(v, 0, 1) * static_cast<double>(stops.size() - 1);
  std::size_t i = std::min(static_cast<std::size_t>(v), stops.size() - 2);
  return Mix(stops[i], stops[i + 1], v - static_cast<double>(i));
}
}  // namespace

std::string HeatColour(double v) {
  // YlGnBu (ColorBrewer), perceptually ordered light -> dark.
  static const std::vector<Rgb> kStops = {
      {255, 255, 217}, {199, 233, 180}, {65, 182, 196}, {34, 94, 168}, {8, 29, 88}};
  if (!std::isfinite(v)) return "#eeeeee";
  return Hex(Ramp(kStops, v));
}

bool HeatIsDark(double v) {
  return std::isfinite(v) && v > 0.55;
}

std::string DivergingColour(double v) {
  static const std::vector<Rgb> kStops = {
      {178, 24, 43}, {244, 165, 130}, {200, 200, 200}, {146, 197, 110}, {26, 128, 64}};
  if (!std::isfinite(v)) return "#bbbbbb";
  return Hex(Ramp(kStops, (Clamp(v, -1, 1) + 1) / 2));
}

const char* SeriesColour(std::size_t i) {
  // Okabe-Ito, safe for colour-blind readers.
  static const char* kColours[] = {"#D55E00", "#0072B2", "#009E73", "#CC79A7",
                                   "#E69F00", "#56B4E9", "#7f7f7f", "#332288"};
  return kColours[i % (sizeof kColours / sizeof kColours[0])];
}

const char* QuadColour(int quad) {
  switch (quad) {
    case 1: return "#74c476";
    case 2: return "#1a7f3c";
    case 3: return "#f4a261";
    case 4: return "#c0262d";
    default: return "#8c8c8c";
  }
}

long DayOf(int y, int m, int d) {
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

void YearMonth(long z, int& year, int& month) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = static_cast<int>(yoe) + static_cast<int>(era * 400) + (month <= 2);
}

std::string FormatDay(long day) {
  int y = 0, m = 0;
  YearMonth(day, y, m);
  long d = day - DayOf(y, m, 1) + 1;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02ld", y, m, d);
  return buf;
}

std::optional<long> ParseDay(std::string_view s) {
  auto num = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
    if (pos + len > s.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  auto y = num(0, 4);
  if (!y || *y < 1000) return std::nullopt;
  int m = 1, d = 1;
  if (s.size() == 4) return DayOf(*y, 1, 1);
  if (s.size() < 7 || s[4] != '-') return std::nullopt;
  auto mm = num(5, 2);
  if (!mm || *mm < 1 || *mm > 12) return std::nullopt;
  m = *mm;
  if (s.size() > 7) {
    if (s.size() < 10 || s[7] != '-') return std::nullopt;
    auto dd = num(8, 2);
    if (!dd || *dd < 1 || *dd > 31) return std::nullopt;
    d = *dd;
  }
  return DayOf(*y, m, d);
}

const Actor* FindActor(const ReportData& data, std::string_view code) {
  for (const auto* list : {&data.powers, &data.republics, &data.network_actors}) {
    for (const Actor& a : *list) {
      if (a.code == code) return &a;
    }
  }
  return nullptr;
}

std::string NameEn(const ReportData& data, std::string_view code) {
  const Actor* a = FindActor(data, code);
  return a && !a->name_en.empty() ? a->name_en : std::string(code);
}

std::string NameAr(const ReportData& data, std::string_view code) {
  const Actor* a = FindActor(data, code);
  return a ? a->name_ar : std::string();
}

const Cell* FindCell(const ReportData& data, std::string_view power, std::string_view republic) {
  for (const Cell& c : data.cells) {
    if (c.power == power && c.republic == republic) return &c;
  }
  return nullptr;
}

int EffectiveQuad(const TimelineEvent& e) {
  return e.quad_class >= 1 && e.quad_class <= 4 ? e.quad_class : QuadClass(e.cameo);
}

std::string OneLine(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string Shorten(std::string_view text, std::size_t n) {
  if (utf8::Length(text) <= n) return std::string(text);
  return std::string(text.substr(0, utf8::BytesOfPrefix(text, n))) + "…";
}

}  // namespace internal
}  // namespace nufuz::report
