#include "test_util.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace nufuz::testing {

std::filesystem::path SourceDir() {
  return NUFUZ_SOURCE_DIR;
}

std::optional<std::filesystem::path> SharedDir() {
  auto p = SourceDir().parent_path() / "shared";
  if (std::filesystem::is_directory(p / "corpus")) return p;
  return std::nullopt;
}

std::filesystem::path DataDir() {
  return SourceDir() / "data";
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

CommandResult RunCommand(const std::string& command) {
  static int serial = 0;
  const std::filesystem::path err_file =
      std::filesystem::temp_directory_path() /
      ("nufuz_test_err_" + std::to_string(::getpid()) + "_" + std::to_string(++serial));
  CommandResult r;
  FILE* p = ::popen((command + " 2>" + err_file.string()).c_str(), "r");
  if (!p) return r;
  std::array<char, 65536> buf;
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int status = ::pclose(p);
  if (WIFEXITED(status)) {
    r.code = WEXITSTATUS(status);
    r.killed = r.code == 128 + 9;
  }
  r.err = ReadFile(err_file);
  std::filesystem::remove(err_file);
  return r;
}

}  // namespace nufuz::testing
