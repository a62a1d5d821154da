// bench/repair_bench.cc: repair throughput. Method: a paragraph of our own
// Arabic text is repeated to the swept size; "Damaged" runs repair on its
// damaged form (the lost-letter rule of repair/damage.h) in kAuto mode,
// "Clean" on the clean form (detection only). Timed: Repair() on a fresh
// Document copy per iteration (the copy is excluded). Bytes are input bytes.
// Build RelWithDebInfo (-O2 -g), run:
//   build-repair/bench/repair_bench --benchmark_repetitions=3
#include <benchmark/benchmark.h>

#include <string>

#include "repair/damage.h"
#include "repair/repair.h"

namespace {

using nufuz::Document;
namespace repair = nufuz::repair;

constexpr const char* kPara =
    "وصل وفد الحكومة إلى موسكو في زيارة رسمية تستمر يومين، وقال المتحدث إن الاتفاق الذي "
    "وقعه الجانبان يمكن أن يكون بداية لتعاون عسكري أوسع. وتسعى كازاخستان إلى دور أكبر في "
    "آسيا الوسطى، لكن جارتها الكبرى تراقب بحذر، وأكد الوزير أن بلاده لن تتخلى عن شراكتها "
    "مع بكين، وأن العلاقات التي تربطهما قوية. ويرى الباحث أن النفوذ الروسي في المنطقة "
    "يتراجع بشكل واضح منذ الحرب، على حد قوله.\n\n";

const repair::Model& TheModel() {
  static auto m = repair::Model::Load(std::string(NUFUZ_SOURCE_DIR) + "/data");
  return **m;
}

std::string Text(std::size_t bytes, bool damaged) {
  std::string p = damaged ? repair::Damage(std::string(kPara)) : std::string(kPara);
  std::string s;
  while (s.size() < bytes) s += p;
  return s;
}

void Run(benchmark::State& state, bool damaged) {
  const repair::Model& m = TheModel();
  const std::string text = Text(static_cast<std::size_t>(state.range(0)), damaged);
  for (auto _ : state) {
    state.PauseTiming();
    Document d;
    d.text = text;
    state.ResumeTiming();
    repair::Repair(d, m, repair::Mode::kAuto);
    benchmark::DoNotOptimize(d.text.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}

void BM_RepairDamaged(benchmark::State& state) {
  Run(state, true);
}
void BM_RepairClean(benchmark::State& state) {
  Run(state, false);
}
BENCHMARK(BM_RepairDamaged)->Arg(4 << 10)->Arg(64 << 10)->Arg(1 << 20);
BENCHMARK(BM_RepairClean)->Arg(4 << 10)->Arg(64 << 10)->Arg(1 << 20);

void BM_ModelLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto m = repair::Model::Load(std::string(NUFUZ_SOURCE_DIR) + "/data");
    benchmark::DoNotOptimize(m.ok());
  }
}
BENCHMARK(BM_ModelLoad)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
