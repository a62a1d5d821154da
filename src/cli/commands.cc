#include "cli/commands.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>

#include "core/data.h"
#include "influence/influence.h"
#include "output/analyze.h"
#include "report/report.h"
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
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", tm.tm_year + 1900, tm.tm_mon + 1);
  return buf;
}

// The knowledge base's merged events between actors the influence model
// scores (countries and the EU), with their first evidence.
Result<std::vector<influence::CodedEvent>> CodedEvents(store::Store& store) {
  auto stored = store.Events();
  if (!stored.ok()) return stored.status();
  auto countries = store.EntityCountries();
  if (!countries.ok()) return countries.status();
  // A person or body acts for the state it belongs to.
  auto code = [&](const std::string& id) {
    std::string c = PowerCode(id);
    if (c.empty()) {
      auto it = countries->find(id);
      if (it != countries->end()) c = PowerCode(it->second);
    }
    return c;
  };
  std::vector<influence::CodedEvent> events;
  for (const auto& e : *stored) {
    influence::CodedEvent c;
    c.source_country = code(e.source);
    c.target_country = code(e.target);
    if (c.source_country == c.target_country) continue;
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
  return events;
}

// A readable actor code for an entity id: ISO3 / EU for powers, else the id
// without its kind prefix.
std::string ActorCode(const std::string& entity) {
  std::string code = PowerCode(entity);
  if (!code.empty()) return code;
  const auto colon = entity.find(':');
  return colon == std::string::npos ? entity : entity.substr(colon + 1);
}

struct ModelAndFacts {
  influence::Model model;
  std::vector<influence::Fact> facts;
};

// The influence model's parameters and the structural facts of data/.
Result<ModelAndFacts> LoadModelAndFacts(const std::filesystem::path& dir) {
  auto model = influence::LoadModel(dir);
  if (!model.ok()) return model.status();
  auto facts = influence::LoadFacts(dir, *model);
  if (!facts.ok()) return facts.status();
  return ModelAndFacts{std::move(model.value()), std::move(facts.value())};
}

std::string UtcNow() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

}  // namespace

Status AddKnowledgeBaseCorpus(PipelineOptions& options) {
  if (options.repair_corpus.empty() || options.repair == repair::Mode::kOff) return Status::Ok();
  std::error_code ec;
  // A folder, or a path that does not exist: repair's corpus reader decides
  // (and names a missing path).
  if (!std::filesystem::is_regular_file(options.repair_corpus, ec)) return Status::Ok();
  auto sqlite = store::IsSqliteFile(options.repair_corpus);
  if (!sqlite.ok())
    return Status::Error(sqlite.status().code(), "repair corpus " + sqlite.status().message());
  if (!*sqlite) return Status::Ok();
  auto counts = store::ReadWordCounts(options.repair_corpus);
  if (!counts.ok())
    return Status::Error(counts.status().code(), "repair corpus " + counts.status().message());
  options.repair_word_counts.insert(options.repair_word_counts.end(), counts->begin(),
                                    counts->end());
  options.repair_corpus.clear();
  return Status::Ok();
}

int Ingest(const IngestArgs& args, const PipelineOptions& base) {
  namespace fs = std::filesystem;
  PipelineOptions options = base;
  options.tokenize = options.extract = true;
  std::error_code ec;
  const bool existed = fs::exists(args.db, ec);
  // The same knowledge base as --db and --repair-corpus counts once.
  if (existed && !options.repair_corpus.empty() &&
      fs::equivalent(options.repair_corpus, args.db, ec))
    options.repair_corpus.clear();
  if (Status s = AddKnowledgeBaseCorpus(options); !s.ok()) {
    Error(s.ToString());
    return kExitUsage;
  }
  // An existing knowledge base's clean documents back the repair of the
  // new ones: their word counts join the repair evidence, read once here
  // (documents of this run do not change the model while it runs).
  Result<std::unique_ptr<store::Store>> store = Status::Error(StatusCode::kIoError, "not opened");
  if (existed) {
    store = store::Store::Open(args.db);
    if (!store.ok()) {
      Error(store.status().ToString());
      return kExitUsage;
    }
    if (options.repair != repair::Mode::kOff) {
      auto counts = (*store)->WordCounts();
      if (!counts.ok()) {
        Error(counts.status().ToString());
        return kExitUsage;
      }
      options.repair_word_counts.insert(options.repair_word_counts.end(), counts->begin(),
                                        counts->end());
    }
  }
  auto pipeline = Pipeline::Load(options);
  if (!pipeline.ok()) {
    Error(pipeline.status().ToString());
    return kExitUsage;
  }
  options.repair_word_counts = {};  // in the model now
  if (!existed) {
    store = store::Store::Open(args.db);
    if (!store.ok()) {
      Error(store.status().ToString());
      return kExitUsage;
    }
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

int Report(const ReportArgs& args) {
  const auto dir = DataDir(args.data_dir);
  auto inputs = LoadModelAndFacts(dir);
  if (!inputs.ok()) {
    Error(inputs.status().ToString());
    return kExitUsage;
  }
  const influence::Model& model = inputs->model;
  const std::vector<influence::Fact>* facts = &inputs->facts;
  auto store = store::Store::Open(args.db);
  if (!store.ok()) {
    Error(store.status().ToString());
    return kExitUsage;
  }
  auto events = CodedEvents(**store);
  auto stored = (*store)->Events();
  auto figures = (*store)->Figures();
  auto counts = (*store)->Counts();
  for (const Status* st : {&events.status(), &stored.status(), &figures.status(), &counts.status()})
    if (!st->ok()) {
      Error(args.db + ": " + st->ToString());
      return kExitUsage;
    }
  const std::string month_text = args.month.empty() ? CurrentMonth() : args.month;
  auto month = influence::ParseMonth(month_text);
  if (!month) {
    Error("--month " + month_text + ": expected YYYY-MM");
    return kExitUsage;
  }

  report::ReportData data;
  data.month = month_text;
  data.generated_at = UtcNow();
  influence::Options opt;
  opt.explain = true;
  for (const auto& p : opt.powers) data.powers.push_back({p, {}, {}});
  for (const auto& c : opt.countries) data.republics.push_back({c, {}, {}});
  auto cells = influence::Compute(model, *facts, *events, *month, opt);
  // Trends: the combined score over the twelve months up to `month`.
  influence::Options trend_opt = opt;
  trend_opt.explain = false;
  std::map<std::pair<std::string, std::string>, std::vector<report::TrendPoint>> trends;
  for (int back = 11; back >= 0; --back) {
    const influence::MonthIndex m = *month - back;
    for (const auto& c : influence::Compute(model, *facts, *events, m, trend_opt))
      trends[{c.power, c.country}].push_back({influence::FormatMonth(m), c.combined});
  }
  for (const auto& c : cells) {
    report::Cell rc;
    rc.power = c.power;
    rc.republic = c.country;
    rc.structural = c.structural;
    rc.event = c.event;
    rc.combined = c.combined;
    rc.coverage = c.coverage;
    rc.stale_facts = c.stale_facts;
    rc.missing = c.missing;
    for (int d = 0; d < influence::kDimensions; ++d) {
      rc.dims[d] = c.dims[d].structural;
      rc.dim_events[d] = c.dims[d].event;
      rc.events += c.dims[d].events;
    }
    rc.trend = trends[{c.power, c.country}];
    std::vector<const influence::Contribution*> items;
    for (const auto& it : c.items) items.push_back(&it);
    std::sort(items.begin(), items.end(),
              [](const auto* a, const auto* b) { return std::abs(a->share) > std::abs(b->share); });
    for (const auto* it : items) {
      report::Evidence e;
      e.share = it->share;
      e.dimension = static_cast<int>(it->dimension);
      if (it->fact) {
        e.kind = report::Evidence::Kind::kFact;
        e.label = it->fact->indicator;
        e.date = std::to_string(it->fact->year);
        e.document = it->fact->where;
        e.quote = it->fact->note;
        e.source = it->fact->source;
      } else if (it->event) {
        e.kind = report::Evidence::Kind::kEvent;
        e.label = it->event->cameo;
        e.date = it->event->date;
        e.document = it->event->document;
        e.quote = it->event->quote;
      }
      rc.top_evidence.push_back(std::move(e));
    }
    data.cells.push_back(std::move(rc));
  }
  // Timeline and network from the merged events.
  std::map<std::pair<std::string, std::string>, std::pair<double, int>> edges;
  for (const auto& e : *stored) {
    if (e.negated || e.date.empty()) continue;
    report::TimelineEvent t;
    t.date = e.date;
    t.source = ActorCode(e.source);
    t.target = ActorCode(e.target);
    t.cameo = e.cameo;
    t.label = e.cameo + (e.plover.empty() ? "" : " " + e.plover);
    t.goldstein = e.goldstein;
    t.quad_class = e.quad;
    t.num_sources = e.num_sources;
    if (!e.evidence.empty()) {
      t.quote = e.evidence.front().quote;
      t.document = e.evidence.front().doc;
    }
    if (!t.source.empty() && !t.target.empty() && t.source != t.target) {
      auto key = std::minmax(t.source, t.target);
      auto& [sum, n] = edges[{key.first, key.second}];
      sum += e.goldstein;
      ++n;
    }
    data.timeline.push_back(std::move(t));
  }
  for (const auto& [pair, v] : edges)
    data.network.push_back({pair.first, pair.second, v.first / v.second, v.second});
  for (const auto& f : *figures) {
    report::Figure rf;
    rf.date = f.date.empty() ? f.published : f.date;
    rf.actor = ActorCode(f.source);
    rf.target = ActorCode(f.target);
    rf.kind = f.kind;
    rf.value = f.value;
    rf.unit = f.unit;
    rf.quote = f.quote;
    rf.document = f.doc;
    data.figures.push_back(std::move(rf));
  }
  data.corpus.documents = counts->documents;
  data.corpus.events = counts->events;
  data.corpus.stories = counts->stories;
  data.corpus.facts = static_cast<long long>(facts->size());
  data.corpus.first_date = counts->first_published;
  data.corpus.last_date = counts->last_published;
  data.notes.push_back(
      "Structural scores come from data/facts (sources per row); event scores "
      "from the coded events of the knowledge base. Missing data is not imputed: "
      "see coverage per cell.");
  if (auto st = report::FillActorNames(data, dir); !st.ok()) {
    Error(st.ToString());
    return kExitUsage;
  }
  const std::string out = args.markdown ? report::RenderMarkdown(data) : report::RenderHtml(data);
  if (args.out.empty() || args.out == "-") {
    std::fwrite(out.data(), 1, out.size(), stdout);
    return kExitOk;
  }
  if (auto st = report::WriteFileAtomic(args.out, out); !st.ok()) {
    Error(st.ToString());
    return kExitUsage;
  }
  std::fprintf(stderr, "nufuz: report written to %s\n",
               std::filesystem::absolute(args.out).string().c_str());
  return kExitOk;
}

int Influence(const InfluenceArgs& args) {
  auto inputs = LoadModelAndFacts(DataDir(args.data_dir));
  if (!inputs.ok()) {
    Error(inputs.status().ToString());
    return kExitUsage;
  }
  const influence::Model& model = inputs->model;
  const std::vector<influence::Fact>* facts = &inputs->facts;
  const std::string month_text = args.month.empty() ? CurrentMonth() : args.month;
  auto month = influence::ParseMonth(month_text);
  if (!month) {
    Error("--month " + month_text + ": expected YYYY-MM");
    return kExitUsage;
  }
  std::vector<influence::CodedEvent> events;
  if (!args.db.empty()) {
    auto store = store::Store::Open(args.db);
    if (!store.ok()) {
      Error(store.status().ToString());
      return kExitUsage;
    }
    auto loaded = CodedEvents(**store);
    if (!loaded.ok()) {
      Error(args.db + ": " + loaded.status().ToString());
      return kExitUsage;
    }
    events = std::move(loaded.value());
  }
  influence::Options opt;
  if (!args.powers.empty()) opt.powers = args.powers;
  if (!args.countries.empty()) opt.countries = args.countries;
  opt.explain = args.explain;
  auto cells = influence::Compute(model, *facts, events, *month, opt);
  std::printf("influence at %s (%zu facts, %zu coded events between powers and republics)\n",
              month_text.c_str(), facts->size(), events.size());
  if (!args.what_if.empty()) {
    auto text = ReadSmallFile(args.what_if);
    if (!text.ok()) {
      Error(text.status().ToString());
      return kExitUsage;
    }
    auto changes = influence::ParseChanges(*text, args.what_if, model);
    if (!changes.ok()) {
      Error(changes.status().ToString());
      return kExitUsage;
    }
    std::vector<std::string> unmatched;
    auto changed = influence::ApplyChanges(*facts, *changes, &unmatched);
    for (const auto& u : unmatched) Error(args.what_if + ": no fact matches " + u);
    auto after = influence::Compute(model, changed, events, *month, opt);
    std::fputs(influence::RenderDiff(influence::Diff(cells, after)).c_str(), stdout);
    return kExitOk;
  }
  std::fputs(influence::RenderMatrix(cells, model).c_str(), stdout);
  if (args.tilt) std::fputs(influence::RenderTilt(influence::ComputeTilt(cells)).c_str(), stdout);
  if (args.explain)
    for (const auto& c : cells) std::fputs(influence::RenderExplain(c, model).c_str(), stdout);
  return kExitOk;
}

}  // namespace nufuz::cli
