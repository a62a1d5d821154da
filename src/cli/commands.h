// cli/commands.h: the subcommands that use the knowledge base. Each is a
// thin layer over the stage libraries; exit codes as in main.cc.
#pragma once

#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace nufuz::cli {

constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;

// A --repair-corpus that is a knowledge base (an SQLite file, known by its
// header, not its name) becomes word counts (PipelineOptions::
// repair_word_counts) instead of a text corpus. An unreadable file is an
// error naming it.
Status AddKnowledgeBaseCorpus(PipelineOptions& options);

// Ingest: when the --db file exists, the word counts of its clean documents
// back the repair of the new ones.
struct IngestArgs {
  std::string db;
  std::vector<std::string> inputs;
  std::size_t batch = 64;  // documents per transaction
};
int Ingest(const IngestArgs& args, const PipelineOptions& options);

struct StoriesArgs {
  std::string db;
  std::size_t min_articles = 2;
  bool events = false;
};
int Stories(const StoriesArgs& args);

struct SearchArgs {
  std::string db, query, from, to, actor, event, data_dir;
  std::size_t limit = 20;
};
int Search(const SearchArgs& args);

// Prints a canonical, sorted dump of the knowledge base (no internal keys or
// ingest times), so two databases can be compared with diff.
int Dump(const std::string& db);

struct ReportArgs {
  std::string db, out, month, data_dir;
  bool markdown = false;
};
int Report(const ReportArgs& args);

struct InfluenceArgs {
  std::string db, data_dir, month, what_if;
  std::vector<std::string> powers, countries;
  bool explain = false, tilt = false;
};
int Influence(const InfluenceArgs& args);

}  // namespace nufuz::cli
