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

int TsvView::Column(std::string_view name) const {
  for (std::size_t i = 0; i < header_.size(); ++i)
    if (header_[i] == name) return static_cast<int>(i);
  return -1;
}

std::string_view TsvView::Cell(std::size_t row, int column) const {
  const std::string_view line = rows_[row].line;
  if (column == 0) return line.substr(0, rows_[row].tab0);
  std::size_t b = rows_[row].tab0 + 1;
  for (int c = 1; c < column; ++c)
    while (line[b++] != '\t') {
    }
  std::size_t e = b;
  while (e < line.size() && line[e] != '\t') ++e;
  return line.substr(b, e - b);
}

std::string TsvView::Where(std::size_t row) const {
  return path_ + ":" + std::to_string(rows_[row].line_no);
}

Result<TsvView> TsvView::Parse(std::string owned, std::string name,
                               const std::vector<std::string>& required) {
  TsvView t;
  t.path_ = std::move(name);
  t.text_ = std::make_unique<const std::string>(std::move(owned));
  const std::string_view text(*t.text_);
  if (auto bad = utf8::FirstInvalid(text))
    return Status::Error(StatusCode::kDataError,
                         t.path_ + ": byte " + std::to_string(*bad) + ": invalid UTF-8");
  std::size_t line_no = 0, pos = 0;
  while (pos <= text.size()) {
    // One pass over the line finds its end and counts its tabs (lines are
    // short: a library call per search would cost more).
    std::size_t nl = pos, tabs = 0, tab0 = 0;
    for (; nl < text.size() && text[nl] != '\n'; ++nl)
      if (text[nl] == '\t' && tabs++ == 0) tab0 = nl - pos;
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') {
      if (nl == text.size()) break;
      continue;
    }
    if (t.header_.empty()) {
      for (std::size_t p = 0;;) {
        const std::size_t tab = line.find('\t', p);
        t.header_.emplace_back(line.substr(p, tab == std::string_view::npos ? line.npos : tab - p));
        if (tab == std::string_view::npos) break;
        p = tab + 1;
      }
    } else {
      const std::size_t cells = tabs + 1;  // a '\r' stripped above is no tab
      if (cells != t.header_.size())
        return Status::Error(StatusCode::kDataError,
                             t.path_ + ":" + std::to_string(line_no) + ": expected " +
                                 std::to_string(t.header_.size()) + " columns, found " +
                                 std::to_string(cells));
      t.rows_.push_back({line, tabs > 0 ? tab0 : line.size(), line_no});
    }
    if (nl == text.size()) break;
  }
  if (t.header_.empty()) return Status::Error(StatusCode::kDataError, t.path_ + ": no header row");
  std::vector<std::string> need = required;
  need.push_back("source");
  for (const auto& col : need)
    if (t.Column(col) < 0)
      return Status::Error(StatusCode::kDataError, t.path_ + ":1: missing column '" + col + "'");
  const int src = t.Column("source");
  for (std::size_t r = 0; r < t.rows(); ++r)
    if (t.Cell(r, src).empty())
      return Status::Error(StatusCode::kDataError, t.Where(r) + ": empty source column");
  return t;
}

Result<TsvView> TsvView::Load(const std::filesystem::path& path,
                              const std::vector<std::string>& required) {
  auto text = ReadSmallFile(path);
  if (!text.ok()) return text.status();
  return Parse(std::move(*text), path.string(), required);
}

// The table is parsed once by TsvView (one set of rules and messages) and
// its cells copied out as strings.
Result<TsvTable> TsvTable::FromView(Result<TsvView> view) {
  if (!view.ok()) return view.status();
  TsvTable t;
  t.path_ = view->path();
  t.header_ = view->header();
  const std::size_t columns = t.header_.size();
  t.rows_.resize(view->rows());
  t.lines_.resize(view->rows());
  for (std::size_t r = 0; r < view->rows(); ++r) {
    t.rows_[r].reserve(columns);
    for (std::size_t c = 0; c < columns; ++c)
      t.rows_[r].emplace_back(view->Cell(r, static_cast<int>(c)));
    t.lines_[r] = view->Line(r);
  }
  return t;
}

Result<TsvTable> TsvTable::Parse(std::string_view text, std::string name,
                                 const std::vector<std::string>& required) {
  return FromView(TsvView::Parse(std::string(text), std::move(name), required));
}

Result<std::string> ReadSmallFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Status::Error(StatusCode::kNotFound, path.string() + ": cannot open");
  std::string text;
  const std::streamoff size = in.tellg();
  if (size >= 0) {  // a regular file: one read into a buffer of its size
    text.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(text.data(), size);
    text.resize(static_cast<std::size_t>(in.gcount()));
  } else {  // not seekable (a pipe): read to the end
    in.clear();
    std::ostringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  if (in.bad()) return Status::Error(StatusCode::kIoError, path.string() + ": read failed");
  return text;
}

Result<TsvTable> TsvTable::Load(const std::filesystem::path& path,
                                const std::vector<std::string>& required) {
  return FromView(TsvView::Load(path, required));
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
