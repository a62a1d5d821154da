// Tests of RenderHtml on a hand-built ReportData (tests/report_fixture.h).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <regex>
#include <set>
#include <string>

#include "report/report.h"
#include "report_fixture.h"
#include "test_util.h"

namespace nufuz::report {
namespace {

std::size_t Count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t pos = haystack.find(needle); pos != std::string::npos;
       pos = haystack.find(needle, pos + needle.size())) {
    ++n;
  }
  return n;
}

TEST(ReportHtml, IsOneRtlArabicDocument) {
  std::string html = RenderHtml(testing::SampleReport());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<html lang=\"ar\" dir=\"rtl\">"), std::string::npos);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_EQ(Count(html, "<html"), 1u);
  EXPECT_EQ(Count(html, "</html>"), 1u);
}

TEST(ReportHtml, EveryPowerAndRepublicIsNamedInBothLanguages) {
  ReportData data = testing::SampleReport();
  std::string html = RenderHtml(data);
  for (const auto* list : {&data.powers, &data.republics}) {
    for (const Actor& a : *list) {
      SCOPED_TRACE(a.code);
      EXPECT_NE(html.find(">" + HtmlEscape(a.name_en) + "<"), std::string::npos);
      EXPECT_NE(html.find(">" + a.name_ar + "<"), std::string::npos);
    }
  }
  // Every cell of the matrix links to its evidence, and the target exists once.
  for (const Cell& c : data.cells) {
    std::string id = "cell-" + c.power + "-" + c.republic;
    SCOPED_TRACE(id);
    EXPECT_EQ(Count(html, "href=\"#" + id + "\""), 1u);
    EXPECT_EQ(Count(html, "id=\"" + id + "\""), 1u);
  }
}

TEST(ReportHtml, HasTheChartsAndSections) {
  ReportData data = testing::SampleReport();
  std::string html = RenderHtml(data);
  struct Case {
    const char* needle;
    std::size_t at_least;
  };
  const Case cases[] = {
      {"class=\"spark\"", data.cells.size()},  // one sparkline per cell
      {"class=\"chart dim-chart\"", 5},        // one chart per dimension
      {"class=\"chart timeline\"", 1},
      {"class=\"chart network\"", 1},
      {"class=\"chart tilt-chart\"", 1},
      {"class=\"heat-legend\"", 1},
      {"<circle cx=", data.timeline.size()},  // a dot per dated event (+ nodes)
      {"id=\"figures\"", 1},
      {"id=\"coverage\"", 1},
      {"<details class=\"cell-detail\"", data.cells.size()},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.needle);
    EXPECT_GE(Count(html, c.needle), c.at_least);
  }
  // Balanced elements (a cheap well-formedness check).
  for (const char* tag : {"svg", "table", "details", "section", "script", "style", "blockquote"}) {
    SCOPED_TRACE(tag);
    EXPECT_EQ(Count(html, std::string("<") + tag + " ") + Count(html, std::string("<") + tag + ">"),
              Count(html, std::string("</") + tag + ">"));
  }
  // Figures: the loan is printed with grouping, the unit beside it.
  EXPECT_NE(html.find("500,000,000</span> USD"), std::string::npos);
  EXPECT_NE(html.find("7,000</span> troops"), std::string::npos);
}

TEST(ReportHtml, EscapesQuotesFromArticles) {
  std::string html = RenderHtml(testing::SampleReport());
  // Only the report's own two scripts.
  EXPECT_EQ(Count(html, "<script"), 2u);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&quot;لن نقبل"), std::string::npos);
  EXPECT_NE(html.find("&amp; أضاف &#39;كفى&#39;"), std::string::npos);
}

TEST(ReportHtml, LoadsNothingFromOutside) {
  std::string html = RenderHtml(testing::SampleReport());
  std::regex attr(R"re(\b(src|href|xlink:href|action|poster|srcset)\s*=\s*"([^"]*)")re",
                  std::regex::icase);
  int attrs = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), attr); it != std::sregex_iterator();
       ++it) {
    ++attrs;
    std::string value = (*it)[2];
    SCOPED_TRACE(value);
    EXPECT_EQ(value.rfind("#", 0), 0u) << "only in-page links";
  }
  EXPECT_GT(attrs, 30);  // the matrix links at least
  EXPECT_FALSE(
      std::regex_search(html, std::regex(R"(<(link|base|object|embed)[\s/>])", std::regex::icase)));
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<iframe"), std::string::npos);
  // Fact sources are shown, as text.
  EXPECT_NE(html.find(">https://en.wikipedia.org/wiki/CSTO<"), std::string::npos);
}

TEST(ReportHtml, IsolatesMixedDirectionText) {
  std::string html = RenderHtml(testing::SampleReport());
  // Quotes take their direction from their own text; document ids are LTR.
  EXPECT_NE(html.find("<blockquote class=\"quote\" dir=\"auto\">وقّعت روسيا"), std::string::npos);
  EXPECT_NE(html.find("<code class=\"doc\" dir=\"ltr\">examples/kz-ru-talks.txt</code>"),
            std::string::npos);
  // English labels are marked as such inside the Arabic page.
  EXPECT_NE(html.find("<span class=\"en\" lang=\"en\" dir=\"ltr\">Influence matrix</span>"),
            std::string::npos);
  // Charts read left to right.
  EXPECT_NE(html.find("class=\"chart timeline\" viewBox=\"0 0 1000.0 340.0\" role=\"img\" "
                      "aria-label=\"Timeline of events by Goldstein score\" "
                      "style=\"direction:ltr\""),
            std::string::npos);
}

TEST(ReportHtml, IsDeterministic) {
  EXPECT_EQ(RenderHtml(testing::SampleReport()), RenderHtml(testing::SampleReport()));
}

TEST(ReportHtml, BadNumbersAndDatesDoNotLeak) {
  ReportData data = testing::SampleReport();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  data.cells[0].combined = nan;
  data.cells[0].dims[2] = inf;
  data.cells[0].trend[3].value = nan;
  data.cells[1].event = -inf;
  data.timeline[0].date = "sometime in spring";
  data.timeline[1].goldstein = nan;
  data.figures[0].value = nan;
  data.network[0].weight = nan;
  data.cells.push_back({});  // a cell naming no known actor
  data.cells.back().power = "XXX";
  data.cells.back().republic = "KAZ";
  std::string html = RenderHtml(data);
  EXPECT_FALSE(std::regex_search(html, std::regex(R"(\b(nan|inf)\b)", std::regex::icase)));
  EXPECT_NE(html.find("2 without a usable date"), std::string::npos);
  EXPECT_NE(html.find("outside the matrix"), std::string::npos);
}

TEST(ReportHtml, EmptyDataStillRenders) {
  ReportData empty;
  std::string html = RenderHtml(empty);
  EXPECT_NE(html.find("no dated events"), std::string::npos);
  EXPECT_NE(html.find("no ties between actors"), std::string::npos);
  EXPECT_NE(html.find("No figures in the corpus."), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
}

TEST(ReportHtml, CapsLongLists) {
  ReportData data = testing::SampleReport();
  RenderOptions options;
  options.max_timeline_events = 4;
  options.max_figures = 1;
  options.max_evidence_per_cell = 1;
  std::string html = RenderHtml(data, options);
  EXPECT_EQ(Count(html, "class=\"ev\""), 4u);
  EXPECT_NE(html.find("4 of 16 events plotted"), std::string::npos);
  EXPECT_NE(html.find("1 of 3 figures shown"), std::string::npos);
  // RUS-KAZ has three evidence items; only the first is shown.
  EXPECT_NE(html.find("CSTO membership"), std::string::npos);
  EXPECT_EQ(html.find("Oil export route through Russia"), std::string::npos);
}

TEST(ReportHelpers, HtmlEscape) {
  const std::pair<const char*, const char*> cases[] = {
      {"", ""},
      {"plain", "plain"},
      {"<b>", "&lt;b&gt;"},
      {"a & b", "a &amp; b"},
      {"\"q\" 'a'", "&quot;q&quot; &#39;a&#39;"},
      {"قال: \"نعم\"", "قال: &quot;نعم&quot;"},
      {"&amp;", "&amp;amp;"},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(HtmlEscape(in), out) << in;
}

TEST(ReportHelpers, QuadClass) {
  const std::pair<const char*, int> cases[] = {
      {"010", 1}, {"036", 1},  {"0571", 1}, {"06", 2},   {"0871", 2}, {"090", 3},
      {"111", 3}, {"1383", 3}, {"140", 4},  {"1823", 4}, {"204", 4},  {"000", 0},
      {"21", 0},  {"", 0},     {"x1", 0},   {"7", 0},
  };
  for (const auto& [code, quad] : cases) EXPECT_EQ(QuadClass(code), quad) << code;
}

TEST(ReportHelpers, FillActorNamesFromTheGazetteer) {
  ReportData data;
  data.powers = {{"RUS", "", ""}, {"EU", "", ""}, {"ZZZ", "", ""}, {"CHN", "PRC", ""}};
  data.republics = {{"KAZ", "", ""}};
  data.network = {{"AFG", "KAZ", 1, 1}};
  Status s = FillActorNames(data, testing::DataDir());
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(data.powers[0].name_en, "Russia");
  EXPECT_EQ(data.powers[0].name_ar, "روسيا");
  EXPECT_EQ(data.powers[1].name_en, "European Union");
  EXPECT_EQ(data.powers[1].name_ar, "الاتحاد الأوروبي");
  EXPECT_EQ(data.powers[2].name_en, "");     // unknown stays empty: the code is shown
  EXPECT_EQ(data.powers[3].name_en, "PRC");  // given names are kept
  EXPECT_EQ(data.powers[3].name_ar, "الصين");
  EXPECT_EQ(data.republics[0].name_ar, "كازاخستان");
  ASSERT_EQ(data.network_actors.size(), 1u);
  EXPECT_EQ(data.network_actors[0].name_en, "Afghanistan");
}

TEST(ReportHelpers, FillActorNamesReportsAMissingGazetteer) {
  ReportData data;
  Status s = FillActorNames(data, "/nonexistent/data");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("countries.tsv"), std::string::npos) << s.message();
}

TEST(ReportHelpers, WriteFileAtomic) {
  auto dir = std::filesystem::temp_directory_path() / "nufuz_report_write_test";
  std::filesystem::create_directories(dir);
  auto path = dir / "r.html";
  ASSERT_TRUE(WriteFileAtomic(path, "<p>مرحبا</p>").ok());
  EXPECT_EQ(testing::ReadFile(path), "<p>مرحبا</p>");
  EXPECT_FALSE(std::filesystem::exists(dir / "r.html.tmp"));
  EXPECT_FALSE(WriteFileAtomic(dir / "no" / "such" / "dir.html", "x").ok());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace nufuz::report
