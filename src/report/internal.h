// report/internal.h: helpers shared by the report renderers (not installed).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.h"

namespace nufuz::report::internal {

// Fixed-point decimal ("0.42", "-1.5"); "–" for NaN or infinity.
std::string Num(double v, int decimals);
// A large number with thin grouping: 1 250 000 -> "1,250,000"; keeps up to
// `decimals` decimals for small values.
std::string Amount(double v);
// A number for SVG coordinates (2 decimals, never "nan").
std::string Coord(double v);
bool Finite(double v);
double Clamp(double v, double lo, double hi);

// Sequential heat colour for v in [0, 1] and whether text on it should be
// white.
std::string HeatColour(double v);
bool HeatIsDark(double v);
// Diverging colour for v in [-1, 1] (red conflict .. grey .. green cooperation).
std::string DivergingColour(double v);
// Categorical colour of the i-th power.
const char* SeriesColour(std::size_t i);
const char* QuadColour(int quad);

// Days since 1970-01-01 of "YYYY-MM-DD", "YYYY-MM" (the 1st) or "YYYY"
// (1 Jan); nullopt when malformed.
std::optional<long> ParseDay(std::string_view date);
// The date of a day number, "YYYY-MM-DD".
std::string FormatDay(long day);
// Year and month (1..12) of a day number.
void YearMonth(long day, int& year, int& month);
long DayOf(int year, int month, int day);

// The actor's display names: English (or the code) and Arabic (may be empty).
const Actor* FindActor(const ReportData& data, std::string_view code);
std::string NameEn(const ReportData& data, std::string_view code);
std::string NameAr(const ReportData& data, std::string_view code);

const Cell* FindCell(const ReportData& data, std::string_view power, std::string_view republic);
int EffectiveQuad(const TimelineEvent& e);

// Collapses whitespace runs (newlines, tabs) into one space and trims.
std::string OneLine(std::string_view text);
// Shortens to at most n code points, appending "…" when cut.
std::string Shorten(std::string_view text, std::size_t n);

// SVG charts (charts.cc). Each returns one <svg> element.
std::string Sparkline(const std::vector<TrendPoint>& trend, double width, double height, bool dark);
std::string HeatLegend();
std::string DimensionChart(const ReportData& data, int dimension);
std::string TiltChart(const ReportData& data);
// `plotted` receives how many events were drawn, `undated` how many had no
// parseable date.
std::string TimelineChart(const ReportData& data, const std::vector<const TimelineEvent*>& events,
                          int* undated);
std::string NetworkChart(const ReportData& data, int max_nodes);
// Horizontal bar of a share in [-1, 1] (evidence) or a score in [0, 1].
std::string ShareBar(double share, double width);

}  // namespace nufuz::report::internal
