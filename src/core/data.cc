#include "core/data.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/utf8.h"

namespace nufuz {

int TsvTable::Column(std::string_view name) const {
  for (std::size_t i = 0; i < header_.size(); ++i)
    if (header_[i] == name) return static_cast<int>(i);
  return -1;
}

std::string TsvTable::Where(std::size_t row) const {
  return path_ + ":" + std::to_string(lines_[row]);
}

namespace {

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (true) {
    std::size_t tab = line.find('\t', pos);
    if (tab == std::string_view::npos) {
      out.emplace_back(line.substr(pos));
      return out;
    }
    out.emplace_back(line.substr(pos, tab - pos));
    pos = tab + 1;
  }
}

}  // namespace

Result<TsvTable> TsvTable::Parse(std::string_view text, std::string name,
                                 const std::vector<std::string>& required) {
  TsvTable t;
  t.path_ = std::move(name);
  if (auto bad = utf8::FirstInvalid(text))
    return Status::Error(StatusCode::kDataError,
                         t.path_ + ": byte " + std::to_string(*bad) + ": invalid UTF-8");
  std::size_t line_no = 0, pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') {
      if (nl == text.size()) break;
      continue;
    }
    auto cells = SplitTabs(line);
    if (t.header_.empty()) {
      t.header_ = std::move(cells);
    } else {
      if (cells.size() != t.header_.size())
        return Status::Error(StatusCode::kDataError,
                             t.path_ + ":" + std::to_string(line_no) + ": expected " +
                                 std::to_string(t.header_.size()) + " columns, found " +
                                 std::to_string(cells.size()));
      t.rows_.push_back(std::move(cells));
      t.lines_.push_back(line_no);
    }
    if (nl == text.size()) break;
  }
  if (t.header_.empty()) return Status::Error(StatusCode::kDataError, t.path_ + ": no header row");
  std::vector<std::string> need = required;
  need.push_back("source");
  for (const auto& col : need)
    if (t.Column(col) < 0)
      return Status::Error(StatusCode::kDataError, t.path_ + ":1: missing column '" + col + "'");
  int src = t.Column("source");
  for (std::size_t r = 0; r < t.rows_.size(); ++r)
    if (t.rows_[r][src].empty())
      return Status::Error(StatusCode::kDataError, t.Where(r) + ": empty source column");
  return t;
}

Result<std::string> ReadSmallFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(StatusCode::kNotFound, path.string() + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::Error(StatusCode::kIoError, path.string() + ": read failed");
  return ss.str();
}

Result<TsvTable> TsvTable::Load(const std::filesystem::path& path,
                                const std::vector<std::string>& required) {
  auto text = ReadSmallFile(path);
  if (!text.ok()) return text.status();
  return Parse(*text, path.string(), required);
}

std::filesystem::path DataDir(const std::string& explicit_dir) {
  namespace fs = std::filesystem;
  if (!explicit_dir.empty()) return explicit_dir;
  if (const char* env = std::getenv("NUFUZ_DATA"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path beside = exe.parent_path().parent_path() / "data";
    if (fs::is_directory(beside / "lexicon", ec)) return beside;
  }
  return NUFUZ_DEFAULT_DATA_DIR;
}

const char* Version() {
  return NUFUZ_VERSION;
}

}  // namespace nufuz
