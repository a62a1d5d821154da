// FBIC-compatible mode: reproduces the public FBIC row Russia -> Uzbekistan,
// 2019 (0.22731) from its raw inputs.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "influence/influence.h"
#include "test_util.h"

namespace nufuz::influence {
namespace {

FbicInputs Committed() {
  auto in = LoadFbicInputs(testing::DataDir() / "influence" / "fbic_rus_uzb_2019.tsv");
  EXPECT_TRUE(in.ok()) << in.status().ToString();
  return in.ok() ? in.value() : FbicInputs{};
}

TEST(InfluenceFbic, ReproducesCommittedRow) {
  FbicInputs in = Committed();
  FbicResult r = ComputeFbic(in);
  EXPECT_NEAR(r.fbic, in.expected.at("fbic"), 1e-4);
  EXPECT_NEAR(r.fbic, 0.22731, 1e-4);
  EXPECT_NEAR(r.bandwidth, in.expected.at("bandwidth"), 1e-4);
  EXPECT_NEAR(r.dependence, in.expected.at("dependence"), 1e-4);
}

TEST(InfluenceFbic, ChangingAnInputMovesTheIndex) {
  FbicInputs in = Committed();
  const double base = ComputeFbic(in).fbic;
  in.raw["totaltradeawithb"] /= 10;  // a tenth of the trade
  EXPECT_LT(ComputeFbic(in).fbic, base - 0.01);
  in = Committed();
  in.raw["allianceindex"] = 0;  // no alliance
  EXPECT_LT(ComputeFbic(in).fbic, base - 0.01);
}

// Against the row file in ../shared: every weighted term and the index.
TEST(InfluenceFbic, MatchesSharedRowTermByTerm) {
  auto shared = testing::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared absent";
  std::istringstream text(
      testing::ReadFile(*shared / "data" / "fbic" / "fbic_rus_uzb_2019_row.txt"));
  std::map<std::string, double> row;
  for (std::string line; std::getline(text, line);) {
    auto eq = line.find(" = ");
    if (eq == std::string::npos) continue;
    try {
      row[line.substr(0, eq)] = std::stod(line.substr(eq + 3));
    } catch (...) {
    }
  }
  ASSERT_TRUE(row.count("fbic"));
  FbicResult r = ComputeFbic(Committed());
  EXPECT_NEAR(r.fbic, row["fbic"], 1e-4);
  EXPECT_NEAR(r.fbic, 0.22731, 1e-4);
  const std::pair<const char*, const char*> terms[] = {
      {"wt_norm_igos_ma", "wt_norm_igos_ma"},
      {"wt_norm_lntotaltrade_ma", "wt_norm_lntotaltrade_ma"},
      {"wt_norm_allianceindex_ma", "wt_norm_allianceindex_ma"},
      {"wt_norm_armstotalstock_ma", "wt_norm_armstotalstock_ma"},
      {"wt_ln_totaltradeabgdpb_ma", "wt_ln_totaltradeabgdpb_ma"},
      {"wt_ln_totaltradeaballtradeb_ma", "wt_ln_totaltradeaballtradeb_ma"},
      {"wt_ln_armimportstockabmilstockb_ma", "wt_ln_armimptockabmilstockb_ma"},
      {"wt_ln_armsimportsstockaballimstockb_ma", "wln_armsimpstockaballimstockb_ma"},
  };
  for (const auto& [ours, theirs] : terms) {
    ASSERT_TRUE(r.terms.count(ours)) << ours;
    EXPECT_NEAR(r.terms[ours], row[theirs], 1e-5) << ours;
  }
}

}  // namespace
}  // namespace nufuz::influence
