// Throughput of the whole analyze path over input sizes (bytes/s per core),
// to show it is linear in the input.
//
// Method: the articles (the seeds in ../shared/corpus/seeds when present,
// else the project's examples/*.txt) are cycled as separate documents until
// the benchmarked number of input bytes is reached (a batch as a crawler
// delivers it; one huge document would be mostly removed by clean as
// repeated lines). Each document runs ingest (detection, UTF-8 check,
// normalisation), clean, repair (auto), tokenise, entities, dates,
// quantities, events, and the analyze JSON is built, on one thread. Release
// build (-O3), GCC 12. Bytes are of UTF-8 input.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "output/analyze.h"
#include "pipeline/pipeline.h"

namespace {

namespace fs = std::filesystem;

const std::vector<std::string>& Articles() {
  static const std::vector<std::string> articles = [] {
    fs::path root = NUFUZ_SOURCE_DIR;
    fs::path dir = root.parent_path() / "shared" / "corpus" / "seeds";
    if (!fs::is_directory(dir)) dir = root / "examples";
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> out;
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      out.push_back(ss.str());
    }
    return out;
  }();
  return articles;
}

void BM_Analyze(benchmark::State& state) {
  std::vector<const std::string*> batch;
  std::size_t bytes = 0;
  for (std::size_t i = 0; bytes < static_cast<std::size_t>(state.range(0)); ++i) {
    batch.push_back(&Articles()[i % Articles().size()]);
    bytes += batch.back()->size();
  }
  nufuz::PipelineOptions o;
  o.extract = true;
  static auto pipeline = std::move(nufuz::Pipeline::Load(o).value());
  nufuz::ingest::Options io;
  io.max_bytes = 1ull << 30;
  for (auto _ : state) {
    for (const std::string* article : batch) {
      nufuz::Document doc = nufuz::ingest::FromBytes(*article, "bench.txt", io);
      pipeline->Process(doc);
      std::string json = nufuz::output::AnalyzeJsonText(doc);
      benchmark::DoNotOptimize(json);
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["documents"] = static_cast<double>(batch.size());
}
BENCHMARK(BM_Analyze)->RangeMultiplier(4)->Range(64 << 10, 4 << 20)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
