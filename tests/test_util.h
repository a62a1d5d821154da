// tests/test_util.h: helpers shared by the tests.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace nufuz::testing {

// The project source tree.
std::filesystem::path SourceDir();
// ../shared beside the project root, or nullopt when absent (a user's clone
// lacks it; tests that need it GTEST_SKIP()).
std::optional<std::filesystem::path> SharedDir();
// The project's bundled data/ directory.
std::filesystem::path DataDir();
// Reads a file whole (test fixtures only).
std::string ReadFile(const std::filesystem::path& path);

struct CommandResult {
  int code = -1;        // exit status (a shell reports death by signal N as 128+N)
  bool killed = false;  // ended by SIGKILL
  std::string out, err;
};
// Runs a shell command, capturing standard output and standard error.
CommandResult RunCommand(const std::string& command);

}  // namespace nufuz::testing
