// Tests of RenderMarkdown (the terminal summary).
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "report/report.h"
#include "report_fixture.h"

namespace nufuz::report {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Cells of a Markdown table row, honouring "\|".
int Columns(const std::string& row) {
  int pipes = 0;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '\\') {
      ++i;
    } else if (row[i] == '|') {
      ++pipes;
    }
  }
  return pipes - 1;
}

TEST(ReportMarkdown, MatrixTableShape) {
  ReportData data = testing::SampleReport();
  data.powers[4].name_en = "Tür|kiye";  // a pipe in a name must not break the table
  std::vector<std::string> lines = Lines(RenderMarkdown(data));
  std::size_t header = 0;
  while (header < lines.size() && lines[header].rfind("| Power |", 0) != 0) ++header;
  ASSERT_LT(header + 1 + data.powers.size(), lines.size());
  const int columns = static_cast<int>(data.republics.size()) + 1;
  EXPECT_EQ(Columns(lines[header]), columns);
  EXPECT_EQ(lines[header + 1], "|---|---:|---:|---:|---:|---:|");
  for (std::size_t p = 0; p < data.powers.size(); ++p) {
    const std::string& row = lines[header + 2 + p];
    SCOPED_TRACE(row);
    EXPECT_EQ(Columns(row), columns);
    EXPECT_EQ(row.rfind("| ", 0), 0u);
  }
  for (const Actor& r : data.republics) {
    EXPECT_NE(lines[header].find(r.name_en + " (" + r.code + ")"), std::string::npos);
  }
  // Russia in Kazakhstan: combined, then S and E.
  EXPECT_NE(lines[header + 2].find("**0.71** (S 0.68 / E "), std::string::npos);
  EXPECT_NE(lines[header + 2 + 4].find("Tür\\|kiye"), std::string::npos);
}

TEST(ReportMarkdown, TopMoversAreTheLargestChanges) {
  ReportData data = testing::SampleReport();
  data.cells[7].trend = {{"2024-01", 0.10}, {"2024-06", 0.60}};  // the largest move
  std::string md = RenderMarkdown(data);
  std::size_t movers = md.find("## Top movers\n\n");
  ASSERT_NE(movers, std::string::npos);
  std::string first = md.substr(movers + 15, md.find('\n', movers + 15) - movers - 15);
  EXPECT_EQ(first, "- China (CHN) → Kyrgyzstan (KGZ): 0.10 → 0.60 (+0.50, 2024-01 to 2024-06)");
}

TEST(ReportMarkdown, TopEvidenceCarriesQuotesAndDocuments) {
  std::string md = RenderMarkdown(testing::SampleReport());
  EXPECT_NE(md.find("### Russia (RUS) → Kazakhstan (KAZ): 0.71"), std::string::npos);
  EXPECT_NE(md.find("1. [fact, Security, +21.0%] CSTO membership (2024)"), std::string::npos);
  EXPECT_NE(md.find("وقّعت روسيا وكازاخستان اتفاقاً"), std::string::npos);
  EXPECT_NE(md.find("examples/kz-ru-talks.txt"), std::string::npos);
  // Markup in quotes is neutralised for Markdown viewers.
  EXPECT_EQ(md.find("<script>"), std::string::npos);
  EXPECT_NE(md.find("\\<script\\>"), std::string::npos);
}

TEST(ReportMarkdown, TiltSharesSumToAboutOneHundred) {
  std::string md = RenderMarkdown(testing::SampleReport());
  std::size_t at = md.find("- Kazakhstan (KAZ): ");
  ASSERT_NE(at, std::string::npos);
  std::string line = md.substr(at, md.find('\n', at) - at);
  EXPECT_EQ(line.find("RUS"), line.find(": ") + 2) << line;  // the largest share first
  int total = 0;
  for (std::size_t p = line.find('%'); p != std::string::npos; p = line.find('%', p + 1)) {
    std::size_t s = line.rfind(' ', p);
    total += std::stoi(line.substr(s + 1, p - s - 1));
  }
  EXPECT_NEAR(total, 100, 3);
}

TEST(ReportMarkdown, EmptyData) {
  std::string md = RenderMarkdown(ReportData{});
  EXPECT_NE(md.find("No trend data."), std::string::npos);
  EXPECT_NE(md.find("No evidence recorded."), std::string::npos);
}

}  // namespace
}  // namespace nufuz::report
