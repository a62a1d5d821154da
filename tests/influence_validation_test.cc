// Validation of the structural score: rank agreement with FBIC (Russia and
// China over the five republics, per year) and stability of the rankings
// under +-50 % changes of each weight. Floors are measured, see
// docs/influence.md; they are not tuned to pass.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

#include "influence/influence.h"
#include "test_util.h"

namespace nufuz::influence {
namespace {

struct Bundle {
  Model model;
  std::vector<Fact> facts;
};
Bundle Load() {
  Bundle b;
  auto m = LoadModel(testing::DataDir());
  EXPECT_TRUE(m.ok());
  b.model = m.value();
  auto f = LoadFacts(testing::DataDir(), b.model);
  EXPECT_TRUE(f.ok());
  b.facts = f.value();
  return b;
}

const std::vector<std::string> kCountries = {"KAZ", "UZB", "KGZ", "TJK", "TKM"};

// Measured over 2000-2020 with frontier 2025.1 and the bundled facts
// (docs/influence.md): mean rho 0.691, minimum 0.116 (2019, where only the
// Russia-Uzbekistan pair has trade figures). Floors sit just under the
// measurement so that a regression fails; they were not tuned.
constexpr double kMeanRhoFloor = 0.65;
constexpr double kMinRhoFloor = 0.10;

TEST(InfluenceValidation, RanksAgreeWithFbicPerYear) {
  auto shared = testing::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared absent";
  std::istringstream csv(
      testing::ReadFile(*shared / "data" / "fbic" / "fbic_central_asia_rus_chn.csv"));
  std::string line;
  std::getline(csv, line);  // header: iso3,...,fbic_chn (col 8),...,fbic_rus (col 14)
  std::map<int, std::map<std::string, double>> fbic;  // year -> "RUS KAZ" -> value
  while (std::getline(csv, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, ',');) f.push_back(x);
    ASSERT_GE(f.size(), 15u);
    const int year = std::stoi(f[2]);
    fbic[year]["CHN " + f[0]] = std::stod(f[8]);
    fbic[year]["RUS " + f[0]] = std::stod(f[14]);
  }
  ASSERT_FALSE(fbic.empty());
  Bundle b = Load();
  Options o;
  o.powers = {"RUS", "CHN"};
  o.countries = kCountries;
  double sum = 0, min = 1;
  int n = 0;
  for (const auto& [year, values] : fbic) {
    auto cells = Compute(b.model, b.facts, {}, year * 12 + 6, o);
    std::vector<double> ours, theirs;
    for (const Cell& c : cells) {
      auto it = values.find(c.power + " " + c.country);
      if (it == values.end()) continue;
      ours.push_back(c.structural);
      theirs.push_back(it->second);
    }
    const double rho = Spearman(ours, theirs);
    std::printf("rho %d %.3f (n=%zu)\n", year, rho, ours.size());
    ASSERT_FALSE(std::isnan(rho)) << year;
    sum += rho;
    min = std::min(min, rho);
    ++n;
  }
  std::printf("rho mean %.3f min %.3f over %d years\n", sum / n, min, n);
  EXPECT_GE(sum / n, kMeanRhoFloor);
  EXPECT_GE(min, kMinRhoFloor);
}

// Each indicator weight and each dimension weight scaled by 0.5 and 1.5: the
// ranking of all 30 cells keeps Spearman rho >= the measured floor.
// Measured: worst rho 0.626 (diplomatic dimension weight x0.5, 2005).
constexpr double kStabilityFloor = 0.60;

TEST(InfluenceValidation, RankingsStableUnderHalfWeightChanges) {
  Bundle b = Load();
  std::vector<std::string> keys;
  for (const auto& i : b.model.indicators) {
    if (i.weight > 0) keys.push_back(i.name);
  }
  for (int d = 0; d < kDimensions; ++d)
    keys.push_back(std::string("dim:") + DimensionName(Dimension(d)));
  double worst = 1;
  std::string worst_key;
  for (int year : {2005, 2012, 2019, 2024}) {
    const MonthIndex m = year * 12 + 6;
    auto base = Compute(b.model, b.facts, {}, m);
    std::vector<double> s0;
    for (const Cell& c : base) s0.push_back(c.structural);
    for (const auto& key : keys) {
      for (double factor : {0.5, 1.5}) {
        Options o;
        o.weight_scale[key] = factor;
        std::vector<double> s1;
        for (const Cell& c : Compute(b.model, b.facts, {}, m, o)) s1.push_back(c.structural);
        const double rho = Spearman(s0, s1);
        if (rho < worst) {
          worst = rho;
          worst_key = key + " x" + std::to_string(factor) + " in " + std::to_string(year);
        }
      }
    }
  }
  std::printf("stability: worst rho %.3f (%s)\n", worst, worst_key.c_str());
  EXPECT_GE(worst, kStabilityFloor) << worst_key;
}

}  // namespace
}  // namespace nufuz::influence
