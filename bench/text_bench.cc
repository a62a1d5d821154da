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
  std::size_t tokens = 0;
  for (auto _ : state) {
    nufuz::Document doc;
    doc.text = nufuz::NormalizeText(input);
    nufuz::text::Tokenize(doc, *lex);
    benchmark::DoNotOptimize(doc.tokens.data());
    tokens = doc.tokens.size();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * input.size()));
  // Input bytes per token: the token vector's size (and page faults) follow it.
  if (tokens) state.counters["bytes/token"] = static_cast<double>(input.size()) / tokens;
}
BENCHMARK(BM_NormalizeTokenize)
    ->RangeMultiplier(8)
    ->Range(64 << 10, 32 << 20)
    ->Unit(benchmark::kMillisecond);

// Cost of storing the tokens alone (no scanning): builds the token vector of
// an already tokenised document, as Tokenize does (reserve, fill, free with
// the Document). Arg 0: today's Token (three std::string, 120 bytes). Arg 1:
// a prototype Token whose key/stem/suffix are (offset, size) into one
// per-document byte pool (40 bytes). Measures what shrinking Token would save;
// not used by nufuz.
struct SlimToken {
  std::uint32_t start = 0, end = 0, byte_start = 0, byte_end = 0;
  nufuz::TokenKind kind = nufuz::TokenKind::kPunct;
  std::uint8_t proclitics = 0, prefix_cps = 0, suffix_cps = 0;
  std::uint32_t key_offset = 0, stem_offset = 0, suffix_offset = 0;
  std::uint16_t key_size = 0, stem_size = 0, suffix_size = 0;
};
static_assert(sizeof(SlimToken) <= 40);

void BM_TokenStorage(benchmark::State& state) {
  const std::string input = Replicate(static_cast<std::size_t>(state.range(0)));
  auto lex = nufuz::text::Lexicon::Load(nufuz::DataDir()).value();
  nufuz::Document src;
  src.text = nufuz::NormalizeText(input);
  nufuz::text::Tokenize(src, *lex);
  const bool slim = state.range(1) == 1;
  for (auto _ : state) {
    if (!slim) {
      std::vector<nufuz::Token> tokens;
      tokens.reserve(src.tokens.size() + src.tokens.size() / 4);  // as Tokenize estimates
      for (const auto& t : src.tokens) {
        nufuz::Token& u = tokens.emplace_back();
        u.start = t.start;
        u.end = t.end;
        u.byte_start = t.byte_start;
        u.byte_end = t.byte_end;
        u.kind = t.kind;
        u.proclitics = t.proclitics;
        u.key.assign(t.key);
        u.stem.assign(t.stem);
        u.suffix.assign(t.suffix);
      }
      benchmark::DoNotOptimize(tokens.data());
    } else {
      std::vector<SlimToken> tokens;
      std::string pool;
      tokens.reserve(src.tokens.size() + src.tokens.size() / 4);  // as Tokenize estimates
      pool.reserve(2 * src.text.size());
      for (const auto& t : src.tokens) {
        SlimToken& u = tokens.emplace_back();
        u.start = t.start;
        u.end = t.end;
        u.byte_start = t.byte_start;
        u.byte_end = t.byte_end;
        u.kind = t.kind;
        u.proclitics = t.proclitics;
        u.key_offset = static_cast<std::uint32_t>(pool.size());
        u.key_size = static_cast<std::uint16_t>(t.key.size());
        pool += t.key;
        u.stem_offset = static_cast<std::uint32_t>(pool.size());
        u.stem_size = static_cast<std::uint16_t>(t.stem.size());
        pool += t.stem;
        u.suffix_offset = static_cast<std::uint32_t>(pool.size());
        u.suffix_size = static_cast<std::uint16_t>(t.suffix.size());
        pool += t.suffix;
      }
      benchmark::DoNotOptimize(tokens.data());
      benchmark::DoNotOptimize(pool.data());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * input.size()));
}
BENCHMARK(BM_TokenStorage)
    ->ArgsProduct({{64 << 10, 2 << 20, 16 << 20}, {0, 1}})
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
