// End-to-end tests of `nufuz analyze`: the JSON Lines contract and the GDELT
// export on the bundled example articles.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <sstream>
#include <string>

#include "test_util.h"

namespace {

std::string RunNufuz(const std::string& args, int* code) {
  auto r = nufuz::testing::RunCommand(std::string(NUFUZ_BINARY) + " " + args);
  *code = r.code;
  return r.out;
}

std::size_t Columns(const std::string& line) {
  std::size_t n = 1;
  for (char c : line) n += c == '\t';
  return n;
}

TEST(CliAnalyze, GdeltExportHasTheDocumentedColumnsOnEveryRow) {
  const std::string examples = (nufuz::testing::SourceDir() / "examples").string();
  int code = -1;
  std::string out = RunNufuz("analyze --format gdelt --header " + examples, &code);
  ASSERT_EQ(code, 0);
  std::istringstream in(out);
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(Columns(line), 61u) << line;  // the header: GDELT 2.0 event columns
  EXPECT_EQ(line.rfind("GlobalEventID\t", 0), 0u) << line;
  std::size_t rows = 0;
  while (std::getline(in, line)) {
    ++rows;
    EXPECT_EQ(Columns(line), 61u) << line;
  }
  // The examples report summits, visits, deals and deployments.
  EXPECT_GE(rows, 20u);
}

TEST(CliAnalyze, OneJsonObjectPerDocumentWithTheContractFields) {
  const std::string examples = (nufuz::testing::SourceDir() / "examples").string();
  int code = -1;
  std::string out = RunNufuz("analyze " + examples, &code);
  ASSERT_EQ(code, 0);
  std::istringstream in(out);
  std::string line;
  std::size_t docs = 0;
  while (std::getline(in, line)) {
    ++docs;
    for (const char* field :
         {"\"doc\":", "\"published\":", "\"published_source\":", "\"text\":", "\"repair\":",
          "\"diagnostics\":", "\"entities\":", "\"dates\":", "\"quantities\":", "\"events\":"})
      EXPECT_NE(line.find(field), std::string::npos) << field;
  }
  EXPECT_EQ(docs, 10u);  // 6 .txt, 2 .html, 2 JSON Lines records
}

}  // namespace
