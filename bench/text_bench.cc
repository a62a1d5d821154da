// Throughput of the text layer over input sizes (bytes/s per core).
//
// Method: the input is the project's example articles (examples/*.txt),
// concatenated and replicated up to the benchmarked size; with ../shared
// present, the seed articles are used instead (real scraped text). Each
// iteration processes one Document of that size on one thread. Reported
// bytes/s are of UTF-8 input. Build: Release (-O3), GCC 12.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/data.h"
#include "core/unicode.h"
#include "pipeline/pipeline.h"

namespace {

namespace fs = std::filesystem;

std::string Sample() {
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

std::string Replicate(std::size_t bytes) {
  const std::string& s = Sample();
  std::string out;
  out.reserve(bytes + s.size());
  while (out.size() < bytes) out += s;
  return out;
}

const nufuz::Pipeline& Get(nufuz::repair::Mode mode) {
  static std::unique_ptr<nufuz::Pipeline> on, off;
  auto& p = mode == nufuz::repair::Mode::kOff ? off : on;
  if (!p) {
    nufuz::PipelineOptions o;
    o.repair = mode;
    p = std::move(nufuz::Pipeline::Load(o).value());
  }
  return *p;
}

// Unicode normalisation + tokenisation (keys, clitics, sentences).
void BM_NormalizeTokenize(benchmark::State& state) {
  const std::string input = Replicate(static_cast<std::size_t>(state.range(0)));
  auto lex = nufuz::text::Lexicon::Load(nufuz::DataDir()).value();
  for (auto _ : state) {
    nufuz::Document doc;
    doc.text = nufuz::NormalizeText(input);
    nufuz::text::Tokenize(doc, *lex);
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * input.size()));
}
BENCHMARK(BM_NormalizeTokenize)
    ->RangeMultiplier(8)
    ->Range(64 << 10, 32 << 20)
    ->Unit(benchmark::kMillisecond);

// Whole text layer on one document: ingest (detect, validate, normalise),
// clean, repair (auto), tokenise.
void BM_TextPipeline(benchmark::State& state) {
  const std::string input = Replicate(static_cast<std::size_t>(state.range(0)));
  const auto& p = Get(nufuz::repair::Mode::kAuto);
  nufuz::ingest::Options io;
  io.max_bytes = 1ull << 30;
  for (auto _ : state) {
    nufuz::Document doc = nufuz::ingest::FromBytes(input, "bench.txt", io);
    p.Process(doc);
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * input.size()));
}
BENCHMARK(BM_TextPipeline)
    ->RangeMultiplier(8)
    ->Range(64 << 10, 32 << 20)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
