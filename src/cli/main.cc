// nufuz command line. Composes the pipeline stages; owns no analysis logic.
//
// Exit codes: 0 every document processed, 1 some documents failed (the
// others were still processed and printed), 2 usage or start-up error.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <type_traits>
#include <vector>

#include "cli/commands.h"
#include "core/data.h"
#include "core/json.h"
#include "core/utf8.h"
#include "output/analyze.h"
#include "pipeline/pipeline.h"

namespace nufuz {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;

struct CommonFlags {
  std::vector<std::string> inputs;
  std::string data_dir;
  std::string repair = "auto";
  bool lenient = false;
  bool no_clean = false;
  bool keep_punctuation = false;
  std::string repair_corpus;
  std::uint64_t max_mb = 50;
};

void AddCommon(CLI::App* cmd, CommonFlags& f) {
  cmd->add_option("inputs", f.inputs,
                  "Files (.txt .html .json/.jsonl .pdf, detected by content), directories "
                  "(walked recursively, sorted), or - for standard input")
      ->required();
  cmd->add_option("--data", f.data_dir, "Data directory (default: NUFUZ_DATA, else bundled data/)");
  cmd->add_option("--repair", f.repair,
                  "Damaged-text repair: auto (only when damage is detected), on, off")
      ->check(CLI::IsMember({"auto", "on", "off"}))
      ->capture_default_str();
  cmd->add_flag("--lenient", f.lenient,
                "Replace invalid UTF-8 with U+FFFD (flagged) instead of failing the document");
  cmd->add_flag("--no-clean", f.no_clean, "Keep page furniture (skip boilerplate removal)");
  cmd->add_flag("--keep-punctuation", f.keep_punctuation,
                "Repair letters only: leave sentence punctuation printed at line starts in place");
  cmd->add_option("--repair-corpus", f.repair_corpus,
                  "Clean Arabic text (a .txt file or a folder of them), or a knowledge base "
                  "(SQLite file from ingest), whose word counts back lost-letter repair");
  cmd->add_option("--max-size", f.max_mb, "Refuse documents larger than this many MB")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
}

PipelineOptions ToOptions(const CommonFlags& f) {
  PipelineOptions o;
  o.data_dir = f.data_dir;
  o.ingest.lenient = f.lenient;
  o.ingest.max_bytes = f.max_mb << 20;
  o.clean.enabled = !f.no_clean;
  o.repair_options.move_punctuation = !f.keep_punctuation;
  o.repair_corpus = f.repair_corpus;
  o.repair = f.repair == "on"    ? repair::Mode::kOn
             : f.repair == "off" ? repair::Mode::kOff
                                 : repair::Mode::kAuto;
  return o;
}

void ReportFailure(const Document& doc) {
  std::string msg = doc.ErrorMessage();
  // Messages from ingest already name the input; make sure they do.
  if (msg.rfind(doc.id, 0) != 0) msg = doc.id + ": " + msg;
  std::fprintf(stderr, "nufuz: %s\n", msg.c_str());
}

// Runs the pipeline over every input document, calling `emit` for each good
// one. Returns the exit code.
template <typename Emit>
int ForEachDocument(const CommonFlags& flags, bool tokenize, bool extract, Emit emit) {
  PipelineOptions options = ToOptions(flags);
  options.tokenize = tokenize || extract;
  options.extract = extract;
  if (Status s = cli::AddKnowledgeBaseCorpus(options); !s.ok()) {
    std::fprintf(stderr, "nufuz: %s\n", s.ToString().c_str());
    return kExitUsage;
  }
  auto pipeline = Pipeline::Load(options);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "nufuz: %s\n", pipeline.status().ToString().c_str());
    return kExitUsage;
  }
  options.repair_word_counts = {};  // in the model now
  ingest::DocumentStream stream(flags.inputs, (*pipeline)->options().ingest);
  Document doc;
  std::size_t failed = 0, total = 0;
  while (stream.Next(doc)) {
    ++total;
    (*pipeline)->Process(doc);
    if (doc.failed) {
      ++failed;
      ReportFailure(doc);
    } else {
      if constexpr (std::is_invocable_v<Emit, const Document&, std::size_t, const Pipeline&>)
        emit(doc, total, **pipeline);
      else
        emit(doc, total);
    }
    std::fflush(stdout);
    doc = Document();
  }
  return failed ? kExitSomeFailed : kExitOk;
}

// Whether the inputs may hold more than one document (several inputs, a
// directory, stdin, a JSON Lines file).
bool ManyDocuments(const std::vector<std::string>& inputs) {
  if (inputs.size() != 1) return true;
  std::error_code ec;
  const std::filesystem::path p(inputs[0]);
  if (inputs[0] == "-" || !std::filesystem::is_regular_file(p, ec)) return true;
  const std::string ext = p.extension().string();
  return ext == ".jsonl" || ext == ".json" || ext == ".ndjson";
}

void PrintTokens(const Document& doc) {
  std::printf("# start\tend\tkind\tsurface\tkey\tproclitics\tstem\tsuffix\n");
  std::size_t sentence = 0;
  for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
    while (sentence < doc.sentences.size() && doc.sentences[sentence].token_begin == i) {
      std::printf("# sentence %zu [%u, %u)\n", sentence + 1, doc.sentences[sentence].start,
                  doc.sentences[sentence].end);
      ++sentence;
    }
    const Token& t = doc.tokens[i];
    std::string surface(doc.Surface(t));
    std::printf("%u\t%u\t%s\t%s\t%s\t%s\t%s\t%s\n", t.start, t.end, TokenKindName(t.kind),
                surface.c_str(), t.key.c_str(), CliticNames(t.proclitics).c_str(), t.stem.c_str(),
                t.suffix.c_str());
  }
}

void PrintRemoved(const Document& doc) {
  for (const auto& r : doc.removed) {
    std::string content = r.content;
    for (char& ch : content)
      if (ch == '\n') ch = ' ';
    std::printf("[removed %s] raw %u-%u, at %u: %s\n", r.reason.c_str(), r.start, r.end, r.at,
                content.c_str());
  }
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{
      "nufuz: reads Arabic news about the contest for influence over Central Asia and turns it "
      "into a measured, explainable model of that contest."};
  app.set_version_flag("--version", std::string("nufuz ") + Version());
  app.require_subcommand(1);

  CommonFlags text_flags;
  bool tokens = false, json = false, show_removed = false, original = false;
  CLI::App* text =
      app.add_subcommand("text", "Print the cleaned (and repaired) text of each document");
  AddCommon(text, text_flags);
  text->add_flag("--tokens", tokens, "Print tokens with code-point offsets and their analysis");
  text->add_flag("--json", json, "Print each Document as one JSON object per line");
  text->add_flag("--original", original, "With --json: include the original input and raw text");
  text->add_flag("--show-removed", show_removed, "Also print what cleaning removed and why");

  CommonFlags analyze_flags;
  std::string out_path, format = "json";
  bool gdelt_header = false;
  CLI::App* analyze = app.add_subcommand(
      "analyze",
      "Extract entities, people, dates, quantities and events: one JSON object per document "
      "(JSON Lines; contract in docs/output.md)");
  AddCommon(analyze, analyze_flags);
  analyze->add_option("--out", out_path, "Write to this file instead of standard output");
  analyze->add_flag("--header", gdelt_header, "With --format gdelt: write the column names first");
  analyze
      ->add_option("--format", format,
                   "json: JSON Lines, the analyze contract (docs/output.md); gdelt: one "
                   "tab-separated row per event in the GDELT 2.0 event layout (docs/events.md)")
      ->check(CLI::IsMember({"json", "gdelt"}))
      ->capture_default_str();

  // Knowledge base.
  CommonFlags ingest_flags;
  cli::IngestArgs ingest_args;
  CLI::App* ingest_cmd = app.add_subcommand(
      "ingest", "Analyze documents and store them in the knowledge base (SQLite)");
  AddCommon(ingest_cmd, ingest_flags);
  ingest_cmd
      ->add_option("--db", ingest_args.db,
                   "Knowledge base file (created if absent); when it exists, the word "
                   "counts of its undamaged documents back lost-letter repair")
      ->required();
  ingest_cmd->add_option("--batch", ingest_args.batch, "Documents per transaction")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);

  cli::StoriesArgs stories_args;
  CLI::App* stories_cmd = app.add_subcommand("stories", "List same-story clusters across outlets");
  stories_cmd->add_option("--db", stories_args.db, "Knowledge base file")->required();
  stories_cmd->add_option("--min", stories_args.min_articles, "Minimum articles per story")
      ->capture_default_str();
  stories_cmd->add_flag("--events", stories_args.events,
                        "Also list each story's merged events (NumArticles, NumSources)");

  cli::SearchArgs search_args;
  CLI::App* search_cmd = app.add_subcommand(
      "search",
      "Full-text search over stored documents (Arabic letter variants, diacritics "
      "and clitics folded)");
  search_cmd->add_option("--db", search_args.db, "Knowledge base file")->required();
  search_cmd->add_option("query", search_args.query, "Words that must all occur");
  search_cmd->add_option("--from", search_args.from, "Published on or after YYYY[-MM[-DD]]");
  search_cmd->add_option("--to", search_args.to, "Published on or before YYYY[-MM[-DD]]");
  search_cmd->add_option("--actor", search_args.actor, "Entity id (e.g. country:kaz)");
  search_cmd->add_option("--event", search_args.event, "CAMEO code prefix (e.g. 04)");
  search_cmd->add_option("--limit", search_args.limit, "Maximum hits")->capture_default_str();
  search_cmd->add_option("--data", search_args.data_dir, "Data directory");

  std::string dump_db;
  CLI::App* dump_cmd = app.add_subcommand(
      "dump", "Print a canonical dump of the knowledge base (to compare databases)");
  dump_cmd->add_option("--db", dump_db, "Knowledge base file")->required();

  cli::ReportArgs report_args;
  std::string report_format = "html";
  CLI::App* report_cmd = app.add_subcommand(
      "report", "Write the influence report: one self-contained HTML file (or Markdown)");
  report_cmd->add_option("--db", report_args.db, "Knowledge base file")->required();
  report_cmd->add_option("--out", report_args.out, "Output file (default: standard output)");
  report_cmd->add_option("--format", report_format, "html or md")
      ->check(CLI::IsMember({"html", "md"}))
      ->capture_default_str();
  report_cmd->add_option("--month", report_args.month, "YYYY-MM scored (default: this month)");
  report_cmd->add_option("--data", report_args.data_dir, "Data directory");

  cli::InfluenceArgs influence_args;
  CLI::App* influence_cmd =
      app.add_subcommand("influence",
                         "Balance of influence per power and republic: structural facts and coded "
                         "events (docs/influence.md)");
  influence_cmd->add_option("--db", influence_args.db,
                            "Knowledge base whose events feed the event score (optional)");
  influence_cmd->add_option("--power", influence_args.powers, "Powers (RUS CHN USA EU TUR IRN)");
  influence_cmd->add_option("--country", influence_args.countries,
                            "Republics (KAZ UZB KGZ TJK TKM)");
  influence_cmd->add_option("--month", influence_args.month, "YYYY-MM (default: this month)");
  influence_cmd->add_flag("--explain", influence_args.explain,
                          "Every fact and event behind each score, with its share");
  influence_cmd->add_flag("--tilt", influence_args.tilt, "Each republic's tilt between powers");
  influence_cmd->add_option("--what-if", influence_args.what_if,
                            "TSV of facts to add or remove (column op); prints the change per "
                            "cell");
  influence_cmd->add_option("--data", influence_args.data_dir, "Data directory");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  if (text->parsed()) {
    // Name each document unless the input is exactly one plain file.
    const bool many = ManyDocuments(text_flags.inputs);
    return ForEachDocument(text_flags, tokens || json, false,
                           [&](const Document& doc, std::size_t n) {
                             if (json) {
                               JsonOptions jo;
                               jo.tokens = true;
                               jo.original = original;
                               std::string line = DocumentJsonText(doc, jo);
                               std::fwrite(line.data(), 1, line.size(), stdout);
                               std::fputc('\n', stdout);
                               return;
                             }
                             (void)n;
                             if (many) std::printf("==> %s <==\n", doc.id.c_str());
                             if (tokens) {
                               PrintTokens(doc);
                             } else {
                               std::fwrite(doc.text.data(), 1, doc.text.size(), stdout);
                               if (!doc.text.empty() && doc.text.back() != '\n')
                                 std::fputc('\n', stdout);
                             }
                             if (show_removed) PrintRemoved(doc);
                           });
  }
  if (ingest_cmd->parsed()) {
    ingest_args.inputs = ingest_flags.inputs;
    return cli::Ingest(ingest_args, ToOptions(ingest_flags));
  }
  if (stories_cmd->parsed()) return cli::Stories(stories_args);
  if (dump_cmd->parsed()) return cli::Dump(dump_db);
  if (report_cmd->parsed()) {
    report_args.markdown = report_format == "md";
    return cli::Report(report_args);
  }
  if (search_cmd->parsed()) return cli::Search(search_args);
  if (influence_cmd->parsed()) return cli::Influence(influence_args);
  if (analyze->parsed()) {
    std::FILE* out = stdout;
    if (!out_path.empty()) {
      out = std::fopen(out_path.c_str(), "wb");
      if (!out) {
        std::fprintf(stderr, "nufuz: %s: cannot open for writing\n", out_path.c_str());
        return kExitUsage;
      }
    }
    const bool gdelt = format == "gdelt";
    if (gdelt && gdelt_header) {
      const std::string header = events::GdeltHeader() + "\n";
      std::fwrite(header.data(), 1, header.size(), out);
    }
    int code = ForEachDocument(analyze_flags, true, true,
                               [&](const Document& doc, std::size_t, const Pipeline& p) {
                                 std::string chunk;
                                 if (gdelt) {
                                   chunk = events::GdeltRows(doc, doc.events, p.event_coder());
                                 } else {
                                   output::AppendAnalyzeJson(doc, chunk);
                                   chunk.push_back('\n');
                                 }
                                 std::fwrite(chunk.data(), 1, chunk.size(), out);
                               });
    if (out != stdout && std::fclose(out) != 0) {
      std::fprintf(stderr, "nufuz: %s: write failed\n", out_path.c_str());
      return kExitUsage;
    }
    return code;
  }
  return kExitUsage;
}

}  // namespace nufuz

int main(int argc, char** argv) {
  try {
    return nufuz::Main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "nufuz: internal error: %s\n", e.what());
    return 2;
  }
}
