// End-to-end tests of the knowledge-base commands: a kill -9 in the middle
// of an ingest leaves a consistent database that a rerun completes exactly;
// ingesting the same files twice changes nothing.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include "test_util.h"

namespace {

namespace fs = std::filesystem;

using nufuz::testing::CommandResult;

CommandResult Sh(const std::string& command) {
  return nufuz::testing::RunCommand(command);
}

class CliKb : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("nufuz_kb_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    examples_ = (nufuz::testing::SourceDir() / "examples").string();
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Db(const std::string& name) { return (dir_ / name).string(); }
  std::string Nufuz(const std::string& args) { return std::string(NUFUZ_BINARY) + " " + args; }
  fs::path dir_;
  std::string examples_;
};

TEST_F(CliKb, KillMidBatchThenRerunEqualsUninterruptedRun) {
  // Uninterrupted run.
  ASSERT_EQ(Sh(Nufuz("ingest --batch 2 --db " + Db("a.db") + " " + examples_)).code, 0);
  CommandResult want = Sh(Nufuz("dump --db " + Db("a.db")));
  ASSERT_EQ(want.code, 0);
  ASSERT_FALSE(want.out.empty());

  // Killed (SIGKILL) after the 3rd document of a batch, then rerun.
  CommandResult killed = Sh("NUFUZ_STORE_KILL_AFTER=3 " +
                            Nufuz("ingest --batch 4 --db " + Db("b.db") + " " + examples_));
  EXPECT_TRUE(killed.killed) << "exit code " << killed.code;
  CommandResult partial = Sh(Nufuz("dump --db " + Db("b.db")));
  EXPECT_EQ(partial.code, 0) << "the database must open after a kill";
  EXPECT_NE(partial.out, want.out) << "the kill must have interrupted the ingest";
  ASSERT_EQ(Sh(Nufuz("ingest --batch 4 --db " + Db("b.db") + " " + examples_)).code, 0);
  CommandResult got = Sh(Nufuz("dump --db " + Db("b.db")));
  EXPECT_EQ(got.out, want.out);
}

TEST_F(CliKb, IngestingTwiceChangesNothing) {
  ASSERT_EQ(Sh(Nufuz("ingest --db " + Db("c.db") + " " + examples_)).code, 0);
  CommandResult first = Sh(Nufuz("dump --db " + Db("c.db")));
  ASSERT_EQ(Sh(Nufuz("ingest --db " + Db("c.db") + " " + examples_)).code, 0);
  CommandResult second = Sh(Nufuz("dump --db " + Db("c.db")));
  EXPECT_EQ(first.out, second.out);
}

TEST_F(CliKb, SearchFindsCliticAttachedWords) {
  ASSERT_EQ(Sh(Nufuz("ingest --db " + Db("d.db") + " " + examples_)).code, 0);
  // The query's plain form finds documents that write it with clitics.
  CommandResult r = Sh(Nufuz("search --db " + Db("d.db") + " قرغيزستان"));
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("10_china_kyrgyzstan_uzbekistan_railway"), std::string::npos) << r.out;
}

}  // namespace
