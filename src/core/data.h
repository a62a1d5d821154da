// core/data.h: the one strict loader for data/ files.
//
// Contract
// - data/ holds what users may read, correct and extend: gazetteers,
//   lexicons, facts. Every file is UTF-8 TSV: lines starting with '#' are
//   comments, the first other line is the header, every row has exactly the
//   header's columns, and the header has a `source` column. Any violation is
//   a kDataError Status naming the file and line.
// - The data directory is, in order: an explicit path (--data), the
//   NUFUZ_DATA environment variable, data/ beside the executable's parent
//   (build/../data), or the source tree's data/ recorded at build time.
// - Loaded tables are immutable; share them as shared_ptr<const T>.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace nufuz {

// The same table viewed over its file's text: one parse with the rules and
// messages above, rows kept as views into the text and cells split on
// demand. For files of many rows that a loader walks once (repair's 100k-word
// list), where a string per cell would cost most of the load. Move-only;
// views stay valid while the TsvView lives.
class TsvView {
 public:
  const std::string& path() const { return path_; }
  const std::vector<std::string>& header() const { return header_; }
  std::size_t rows() const { return rows_.size(); }
  int Column(std::string_view name) const;
  // column must be a valid index (Column() >= 0).
  std::string_view Cell(std::size_t row, int column) const;
  std::size_t Line(std::size_t row) const { return rows_[row].line_no; }
  std::string Where(std::size_t row) const;

  static Result<TsvView> Load(const std::filesystem::path& path,
                              const std::vector<std::string>& required = {});
  static Result<TsvView> Parse(std::string text, std::string name,
                               const std::vector<std::string>& required = {});

 private:
  struct Row {
    std::string_view line;
    std::size_t tab0;  // end of the first cell
    std::size_t line_no;
  };
  std::unique_ptr<const std::string> text_;  // stable address: rows view it
  std::string path_;
  std::vector<std::string> header_;
  std::vector<Row> rows_;
};

class TsvTable {
 public:
  const std::string& path() const { return path_; }
  const std::vector<std::string>& header() const { return header_; }
  std::size_t rows() const { return rows_.size(); }
  // Index of a column, or -1.
  int Column(std::string_view name) const;
  const std::string& Cell(std::size_t row, int column) const { return rows_[row][column]; }
  // Source line of a row, for error messages.
  std::size_t Line(std::size_t row) const { return lines_[row]; }
  // "file:line" of a row.
  std::string Where(std::size_t row) const;

  // Reads and validates a file. `required` columns must be in the header
  // (`source` is always required).
  static Result<TsvTable> Load(const std::filesystem::path& path,
                               const std::vector<std::string>& required = {});
  // Same over text already in memory (tests, embedded fixtures).
  static Result<TsvTable> Parse(std::string_view text, std::string name,
                                const std::vector<std::string>& required = {});

 private:
  static Result<TsvTable> FromView(Result<TsvView> view);
  std::string path_;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::size_t> lines_;
};

// Resolves the data directory (see the contract above). `explicit_dir` may be
// empty.
std::filesystem::path DataDir(const std::string& explicit_dir = {});

// Reads a whole small file (data, fixtures). Not for documents: ingest streams.
Result<std::string> ReadSmallFile(const std::filesystem::path& path);

const char* Version();

}  // namespace nufuz
