#include "test_util.h"

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

}  // namespace nufuz::testing
