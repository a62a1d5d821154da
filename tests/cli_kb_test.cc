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

struct CmdResult {
  int code = -1;
  bool killed = false;
  std::string out;
};

CmdResult Sh(const std::string& cmd) {
  CmdResult r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 65536> buf;
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = ::pclose(p);
  if (WIFEXITED(status)) {
    r.code = WEXITSTATUS(status);
    // The shell reports a child killed by signal N as 128+N.
    r.killed = r.code == 128 + 9;
  }
  return r;
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
  std::string Nufuz(const std::string& args) {
    return std::string(NUFUZ_BINARY) + " " + args + " 2>/dev/null";
  }
  fs::path dir_;
  std::string examples_;
};

TEST_F(CliKb, KillMidBatchThenRerunEqualsUninterruptedRun) {
  // Uninterrupted run.
  ASSERT_EQ(Sh(Nufuz("ingest --batch 2 --db " + Db("a.db") + " " + examples_)).code, 0);
  CmdResult want = Sh(Nufuz("dump --db " + Db("a.db")));
  ASSERT_EQ(want.code, 0);
  ASSERT_FALSE(want.out.empty());

  // Killed (SIGKILL) after the 3rd document of a batch, then rerun.
  CmdResult killed = Sh("NUFUZ_STORE_KILL_AFTER=3 " +
                        Nufuz("ingest --batch 4 --db " + Db("b.db") + " " + examples_));
  EXPECT_TRUE(killed.killed) << "exit code " << killed.code;
  CmdResult partial = Sh(Nufuz("dump --db " + Db("b.db")));
  EXPECT_EQ(partial.code, 0) << "the database must open after a kill";
  EXPECT_NE(partial.out, want.out) << "the kill must have interrupted the ingest";
  ASSERT_EQ(Sh(Nufuz("ingest --batch 4 --db " + Db("b.db") + " " + examples_)).code, 0);
  CmdResult got = Sh(Nufuz("dump --db " + Db("b.db")));
  EXPECT_EQ(got.out, want.out);
}

TEST_F(CliKb, IngestingTwiceChangesNothing) {
  ASSERT_EQ(Sh(Nufuz("ingest --db " + Db("c.db") + " " + examples_)).code, 0);
  CmdResult first = Sh(Nufuz("dump --db " + Db("c.db")));
  ASSERT_EQ(Sh(Nufuz("ingest --db " + Db("c.db") + " " + examples_)).code, 0);
  CmdResult second = Sh(Nufuz("dump --db " + Db("c.db")));
  EXPECT_EQ(first.out, second.out);
}

TEST_F(CliKb, SearchFindsCliticAttachedWords) {
  ASSERT_EQ(Sh(Nufuz("ingest --db " + Db("d.db") + " " + examples_)).code, 0);
  // The query's plain form finds documents that write it with clitics.
  CmdResult r = Sh(Nufuz("search --db " + Db("d.db") + " قرغيزستان"));
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("10_china_kyrgyzstan_uzbekistan_railway"), std::string::npos) << r.out;
}

}  // namespace
