// Throughput of the whole analyze path over input sizes (bytes/s per core),
// to show it is linear in the input.
//
// Method: one article set (the seeds in ../shared/corpus/seeds when present,
// else the project's examples/*.txt) is concatenated into one document and
// replicated to each size; each iteration runs ingest (detection, UTF-8
// check, normalisation), clean, repair (auto), tokenise, entities, dates,
// quantities, events and builds the analyze JSON, on one thread. Release
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

const std::string& Sample() {
  static const std::string sample = [] {
    fs::path root = NUFUZ_SOURCE_DIR;
    fs::path dir = root.parent_path() / "shared" / "corpus" / "seeds";
    if (!fs::is_directory(dir)) dir = root / "examples";
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::string all;
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      all += ss.str();
      all += "\n\n";
    }
    return all;
  }();
  return sample;
}

void BM_Analyze(benchmark::State& state) {
  std::string input;
  while (input.size() < static_cast<std::size_t>(state.range(0))) input += Sample();
  nufuz::PipelineOptions o;
  o.extract = true;
  static auto pipeline = std::move(nufuz::Pipeline::Load(o).value());
  nufuz::ingest::Options io;
  io.max_bytes = 1ull << 30;
  for (auto _ : state) {
    nufuz::Document doc = nufuz::ingest::FromBytes(input, "bench.txt", io);
    pipeline->Process(doc);
    auto json = nufuz::output::AnalyzeJson(doc);
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * input.size()));
}
BENCHMARK(BM_Analyze)->RangeMultiplier(4)->Range(32 << 10, 8 << 20)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
