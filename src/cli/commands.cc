#include "cli/commands.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>

#include "core/data.h"
#include "influence/influence.h"
#include "output/analyze.h"
#include "store/progress.h"
#include "store/store.h"

namespace nufuz::cli {
namespace {

void Error(const std::string& message) {
  std::fprintf(stderr, "nufuz: %s\n", message.c_str());
}

// Number of document files the inputs hold, for the progress bar; 0 when
// unknown (stdin, JSON Lines files hold many documents each).
std::size_t CountDocuments(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::size_t n = 0;
  std::error_code ec;
  for (const auto& in : inputs) {
    if (in == "-") return 0;
    fs::path p(in);
    auto count_file = [&](const fs::path& f) -> bool {
      const auto ext = f.extension().string();
      if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") return false;
      ++n;
      return true;
    };
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (it->is_regular_file(ec) && !count_file(it->path())) return 0;
      }
    } else if (!count_file(p)) {
      return 0;
    }
  }
  return n;
}

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// The influence model's actor code of a knowledge-base entity id: countries
// by ISO3 ("country:rus" -> RUS), the European Union as EU; others none.
std::string PowerCode(const std::string& entity) {
  if (entity.rfind("country:", 0) == 0) return Upper(entity.substr(8));
  if (entity == "org:eu" || entity == "bloc:eu") return "EU";
  return {};
}

std::string CurrentMonth() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", tm.tm_year + 1900, tm.tm_mon + 1);
  return buf;
}

}  // namespace

int Ingest(const IngestArgs& args, const PipelineOptions& base) {
  PipelineOptions options = base;
  options.tokenize = options.extract = true;
  auto pipeline = Pipeline::Load(options);
  if (!pipeline.ok()) {
    Error(pipeline.status().ToString());
    return kExitUsage;
  }
  auto store = store::Store::Open(args.db);
  if (!store.ok()) {
    Error(store.status().ToString());
    return kExitUsage;
  }
  ingest::DocumentStream stream(args.inputs, (*pipeline)->options().ingest);
  store::ProgressBar bar(CountDocuments(args.inputs));
  std::vector<std::unique_ptr<Document>> batch;
  store::IngestStats total;
  std::size_t done = 0, failed = 0;
  bool store_failed = false;
  auto flush = [&]() {
    if (batch.empty()) return;
    std::vector<store::Item> items;
    items.reserve(batch.size());
    for (const auto& d : batch) items.push_back({d.get(), output::AnalyzeJson(*d)});
    auto stats = (*store)->IngestBatch(items);
    if (!stats.ok()) {
      Error(args.db + ": " + stats.status().ToString());
      store_failed = true;
    } else {
      total.added += stats->added;
      total.replaced += stats->replaced;
      total.unchanged += stats->unchanged;
      total.skipped += stats->skipped;
    }
    batch.clear();
  };
  auto doc = std::make_unique<Document>();
  while (!store_failed && stream.Next(*doc)) {
    (*pipeline)->Process(*doc);
    ++done;
    if (doc->failed) {
      ++failed;
      std::string msg = doc->ErrorMessage();
      if (msg.rfind(doc->id, 0) != 0) msg = doc->id + ": " + msg;
      if (bar.active()) std::fputc('\n', stderr);
      Error(msg);
    } else {
      batch.push_back(std::move(doc));
      if (batch.size() >= args.batch) flush();
    }
    doc = std::make_unique<Document>();
    bar.Update(done);
  }
  flush();
  bar.Finish();
  std::fprintf(stderr,
               "nufuz: %s: %zu documents read; %zu added, %zu replaced, %zu unchanged, %zu "
               "failed\n",
               args.db.c_str(), done, total.added, total.replaced, total.unchanged, failed);
  if (store_failed) return kExitUsage;
  return failed ? kExitSomeFailed : kExitOk;
}

int Stories(const StoriesArgs& args) {
  auto store = store::Store::Open(args.db);
  if (!store.ok()) {
    Error(store.status().ToString());
    return kExitUsage;
  }
  auto stories = (*store)->Stories(args.min_articles);
  if (!stories.ok()) {
    Error(args.db + ": " + stories.status().ToString());
    return kExitUsage;
  }
  for (const auto& s : *stories) {
    std::printf("story %lld: %zu articles, %zu outlets, %zu events, %s .. %s\n",
                static_cast<long long>(s.id), s.articles.size(), s.num_outlets, s.num_events,
                s.first_published.c_str(), s.last_published.c_str());
    for (const auto& a : s.articles)
      std::printf("  %s\t%s\t%s\t%s\n", a.published.c_str(), a.outlet.c_str(), a.doc.c_str(),
                  a.title.c_str());
    if (!args.events) continue;
    auto events = (*store)->Events(s.id);
    if (!events.ok()) continue;
    for (const auto& e : *events)
      std::printf("    event %s %s -> %s %s  NumArticles=%d NumSources=%d\n", e.cameo.c_str(),
                  e.source.c_str(), e.target.c_str(), e.date.c_str(), e.num_articles,
                  e.num_sources);
  }
  if (stories->empty()) std::printf("no stories with at least %zu articles\n", args.min_articles);
  return kExitOk;
}

int Search(const SearchArgs& args) {
  auto store = store::Store::Open(args.db);
  if (!store.ok()) {
    Error(store.status().ToString());
    return kExitUsage;
  }
  auto lexicon = text::Lexicon::Load(DataDir(args.data_dir));
  if (!lexicon.ok()) {
    Error(lexicon.status().ToString());
    return kExitUsage;
  }
  store::Query q;
  q.text = args.query;
  q.from = args.from;
  q.to = args.to;
  q.actor = args.actor;
  q.event = args.event;
  q.limit = args.limit;
  auto hits = (*store)->Search(q, **lexicon);
  if (!hits.ok()) {
    Error(args.db + ": " + hits.status().ToString());
    return kExitUsage;
  }
  for (const auto& h : *hits) {
    std::printf("%s\t%s\t%s\t%s\n", h.published.c_str(), h.outlet.c_str(), h.doc.c_str(),
                h.title.c_str());
    std::printf("    %s\n", h.snippet.c_str());
  }
  std::fprintf(stderr, "nufuz: %zu hits\n", hits->size());
  return kExitOk;
}

int Dump(const std::string& db) {
  auto store = store::Store::Open(db);
  if (!store.ok()) {
    Error(store.status().ToString());
    return kExitUsage;
  }
  auto dump = (*store)->Dump();
  if (!dump.ok()) {
    Error(db + ": " + dump.status().ToString());
    return kExitUsage;
  }
  std::fwrite(dump->data(), 1, dump->size(), stdout);
  return kExitOk;
}

int Influence(const InfluenceArgs& args) {
  const auto dir = DataDir(args.data_dir);
  auto model = influence::LoadModel(dir);
  if (!model.ok()) {
    Error(model.status().ToString());
    return kExitUsage;
  }
  auto facts = influence::LoadFacts(dir, *model);
  if (!facts.ok()) {
    Error(facts.status().ToString());
    return kExitUsage;
  }
  const std::string month_text = args.month.empty() ? CurrentMonth() : args.month;
  auto month = influence::ParseMonth(month_text);
  if (!month) {
    Error("--month " + month_text + ": expected YYYY-MM");
    return kExitUsage;
  }
  // Coded events from the knowledge base (merged across articles).
  std::vector<influence::CodedEvent> events;
  if (!args.db.empty()) {
    auto store = store::Store::Open(args.db);
    if (!store.ok()) {
      Error(store.status().ToString());
      return kExitUsage;
    }
    auto stored = (*store)->Events();
    if (!stored.ok()) {
      Error(args.db + ": " + stored.status().ToString());
      return kExitUsage;
    }
    for (const auto& e : *stored) {
      influence::CodedEvent c;
      c.source_country = PowerCode(e.source);
      c.target_country = PowerCode(e.target);
      if (c.source_country.empty() || c.target_country.empty()) continue;
      c.cameo = e.cameo;
      c.goldstein = e.goldstein;
      c.date = e.date;
      c.confidence = e.confidence;
      c.num_sources = e.num_sources;
      c.negated = e.negated;
      if (e.modality.find("hypothetical") != std::string::npos ||
          e.modality.find("possible") != std::string::npos)
        c.modality = influence::Modality::kHypothetical;
      if (!e.evidence.empty()) {
        c.document = e.evidence.front().doc;
        c.quote = e.evidence.front().quote;
      }
      events.push_back(std::move(c));
    }
  }
  influence::Options opt;
  if (!args.powers.empty()) opt.powers = args.powers;
  if (!args.countries.empty()) opt.countries = args.countries;
  opt.explain = args.explain;
  auto cells = influence::Compute(*model, *facts, events, *month, opt);
  std::printf("influence at %s (%zu facts, %zu coded events between powers and republics)\n",
              month_text.c_str(), facts->size(), events.size());
  if (!args.what_if.empty()) {
    auto text = ReadSmallFile(args.what_if);
    if (!text.ok()) {
      Error(text.status().ToString());
      return kExitUsage;
    }
    auto changes = influence::ParseChanges(*text, args.what_if, *model);
    if (!changes.ok()) {
      Error(changes.status().ToString());
      return kExitUsage;
    }
    std::vector<std::string> unmatched;
    auto changed = influence::ApplyChanges(*facts, *changes, &unmatched);
    for (const auto& u : unmatched) Error(args.what_if + ": no fact matches " + u);
    auto after = influence::Compute(*model, changed, events, *month, opt);
    std::fputs(influence::RenderDiff(influence::Diff(cells, after)).c_str(), stdout);
    return kExitOk;
  }
  std::fputs(influence::RenderMatrix(cells, *model).c_str(), stdout);
  if (args.tilt) std::fputs(influence::RenderTilt(influence::ComputeTilt(cells)).c_str(), stdout);
  if (args.explain)
    for (const auto& c : cells) std::fputs(influence::RenderExplain(c, *model).c_str(), stdout);
  return kExitOk;
}

}  // namespace nufuz::cli
