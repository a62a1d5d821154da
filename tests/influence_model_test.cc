// The influence model on the bundled facts: dates, explain, events, what-if.
#include <gtest/gtest.h>

#include <cmath>

#include "influence/influence.h"
#include "test_util.h"

namespace nufuz::influence {
namespace {

struct Fixture {
  Model model;
  std::vector<Fact> facts;
};
const Fixture& Bundled() {
  static const Fixture f = [] {
    Fixture x;
    auto m = LoadModel(testing::DataDir());
    EXPECT_TRUE(m.ok()) << m.status().ToString();
    x.model = m.value();
    auto facts = LoadFacts(testing::DataDir(), x.model);
    EXPECT_TRUE(facts.ok()) << facts.status().ToString();
    x.facts = facts.value();
    return x;
  }();
  return f;
}

const Cell& Find(const std::vector<Cell>& cells, const std::string& p, const std::string& c) {
  for (const Cell& x : cells) {
    if (x.power == p && x.country == c) return x;
  }
  ADD_FAILURE() << p << " " << c;
  return cells.front();
}

double Dim(const Cell& c, Dimension d) {
  return c.dims[static_cast<int>(d)].structural;
}

TEST(InfluenceModel, FactsHoldBetweenTheirDates) {
  const auto& b = Bundled();
  struct Case {
    const char* month;
    const char* power;
    const char* country;
    Dimension dim;
    bool positive;
  };
  const Case cases[] = {
      {"2010-06", "USA", "KGZ", Dimension::kSecurity, true},   // Manas open
      {"2015-06", "USA", "KGZ", Dimension::kSecurity, false},  // closed June 2014
      {"2009-06", "RUS", "UZB", Dimension::kSecurity, true},   // CSTO 2006-2012
      {"2016-06", "RUS", "UZB", Dimension::kSecurity, false},
      {"2022-06", "IRN", "KAZ", Dimension::kConnectivity, true},
      {"2000-06", "CHN", "TKM", Dimension::kConnectivity, false},  // gas line from 2009
      {"2011-01", "CHN", "TKM", Dimension::kConnectivity, true},
  };
  for (const auto& c : cases) {
    auto cells = Compute(b.model, b.facts, {}, *ParseMonth(c.month));
    EXPECT_EQ(Dim(Find(cells, c.power, c.country), c.dim) > 0, c.positive)
        << c.month << ' ' << c.power << ' ' << c.country;
  }
}

TEST(InfluenceModel, RussiaLeadsTajikSecurity) {
  const auto& b = Bundled();
  auto cells = Compute(b.model, b.facts, {}, *ParseMonth("2021-06"));
  const Cell& rus = Find(cells, "RUS", "TJK");
  for (const char* p : {"CHN", "USA", "EU", "TUR", "IRN"}) {
    EXPECT_GT(Dim(rus, Dimension::kSecurity), Dim(Find(cells, p, "TJK"), Dimension::kSecurity))
        << p;
  }
  auto tilt = ComputeTilt(cells);
  for (const auto& t : tilt) {
    if (t.country == "TJK") {
      EXPECT_EQ(t.shares.front().first, "RUS");
    }
  }
}

TEST(InfluenceModel, MissingFiguresLowerCoverageNotScores) {
  const auto& b = Bundled();
  auto cells = Compute(b.model, b.facts, {}, *ParseMonth("2019-06"));
  const Cell& uzb = Find(cells, "RUS", "UZB");  // 2019 trade figures known
  const Cell& tkm = Find(cells, "RUS", "TKM");  // none
  EXPECT_GT(uzb.coverage, tkm.coverage);
  EXPECT_NE(std::find(tkm.missing.begin(), tkm.missing.end(), "trade_share"), tkm.missing.end());
  EXPECT_EQ(std::find(uzb.missing.begin(), uzb.missing.end(), "trade_share"), uzb.missing.end());
}

TEST(InfluenceModel, OldFiguresAreFlaggedStaleThenExpire) {
  const auto& b = Bundled();
  Options o;
  o.powers = {"RUS"};
  o.countries = {"UZB"};
  EXPECT_EQ(Compute(b.model, b.facts, {}, *ParseMonth("2020-06"), o)[0].stale_facts, 0);
  // 2019 trade_gdp figure: stale after 2 years, gone after 5.
  EXPECT_GT(Compute(b.model, b.facts, {}, *ParseMonth("2022-06"), o)[0].stale_facts, 0);
  auto late = Compute(b.model, b.facts, {}, *ParseMonth("2026-06"), o)[0];
  EXPECT_NE(std::find(late.missing.begin(), late.missing.end(), "trade_gdp"), late.missing.end());
}

CodedEvent Ev(const char* src, const char* dst, const char* cameo, double g, const char* date) {
  CodedEvent e;
  e.source_country = src;
  e.target_country = dst;
  e.cameo = cameo;
  e.goldstein = g;
  e.date = date;
  e.document = "fixture";
  e.quote = "وقّعت الصين وكازاخستان اتفاقية لتوسيع خط أنابيب النفط";
  return e;
}

TEST(InfluenceModel, EventsScoreNetCooperationWithExclusions) {
  const auto& b = Bundled();
  Options o;
  o.powers = {"CHN"};
  o.countries = {"KAZ"};
  o.explain = true;
  const MonthIndex m = *ParseMonth("2024-03");
  auto coop = Ev("CHN", "KAZ", "061", 6.4, "2024-03-10");
  auto neg = coop;
  neg.negated = true;
  auto hyp = coop;
  hyp.modality = Modality::kHypothetical;
  auto threat = Ev("KAZ", "CHN", "138", -7.0, "2024-03-12");
  auto old = Ev("CHN", "KAZ", "061", 6.4, "2021-01-01");     // outside the window
  auto future = Ev("CHN", "KAZ", "061", 6.4, "2024-05-01");  // after the month
  struct Case {
    std::vector<CodedEvent> events;
    int sign;  // of the event score
  };
  const Case cases[] = {
      {{coop}, +1}, {{neg}, 0}, {{hyp}, 0}, {{threat}, -1}, {{old}, 0}, {{future}, 0},
  };
  const double s0 = Compute(b.model, b.facts, {}, m, o)[0].structural;
  for (const auto& c : cases) {
    Cell cell = Compute(b.model, b.facts, c.events, m, o)[0];
    EXPECT_EQ((cell.event > 1e-12) - (cell.event < -1e-12), c.sign);
    EXPECT_DOUBLE_EQ(cell.structural, s0);  // events never move S
  }
  // More sources weigh more: a cooperative event with 5 sources outweighs a
  // conflictual one with 1.
  auto many = coop;
  many.num_sources = 5;
  auto threat_now = threat;
  threat_now.goldstein = -6.4;
  threat_now.date = "2024-03-10";
  EXPECT_GT(Compute(b.model, b.facts, {many, threat_now}, m, o)[0].event, 0);
}

TEST(InfluenceModel, ExplainSharesCoverTheScore) {
  const auto& b = Bundled();
  Options o;
  o.powers = {"RUS"};
  o.countries = {"KAZ"};
  o.explain = true;
  std::vector<CodedEvent> ev = {Ev("RUS", "KAZ", "036", 4.0, "2023-05-20")};
  Cell c = Compute(b.model, b.facts, ev, *ParseMonth("2023-06"), o)[0];
  ASSERT_FALSE(c.items.empty());
  double facts = 0, abs_share = 0;
  bool has_event = false;
  for (const auto& it : c.items) {
    abs_share += std::fabs(it.share);
    if (it.kind == Contribution::Kind::kFact) facts += it.contribution;
    if (it.kind == Contribution::Kind::kEvent) has_event = true;
  }
  EXPECT_NEAR(facts, c.structural, 1e-9);  // fact contributions add up to S
  EXPECT_NEAR(abs_share, 1.0, 1e-9);
  EXPECT_TRUE(has_event);
  const std::string text = RenderExplain(c, b.model);
  EXPECT_NE(text.find("pl-rus-kaz-cpc"), std::string::npos);
  EXPECT_NE(text.find("https://"), std::string::npos);
}

TEST(InfluenceModel, WhatIfCpcClosedChangesOnlyRussiaKazakhstan) {
  const auto& b = Bundled();
  auto changes = ParseChanges(
      "id\tpower\tcountry\tindicator\tvalue\tyear\tfrom\tto\tsource\tnote\top\n"
      "pl-rus-kaz-cpc\t\t\t\t\t\t\t\tscenario\tCPC closed\tremove\n"
      "base-x\tCHN\tKGZ\tmilitary_base\t1\t2024\t2024-01\t\tscenario\thypothetical base\tadd\n",
      "whatif.tsv", b.model);
  ASSERT_TRUE(changes.ok()) << changes.status().ToString();
  std::vector<std::string> unmatched;
  auto after_facts = ApplyChanges(b.facts, changes.value(), &unmatched);
  EXPECT_TRUE(unmatched.empty());
  const MonthIndex m = *ParseMonth("2024-06");
  auto diffs = Diff(Compute(b.model, b.facts, {}, m), Compute(b.model, after_facts, {}, m));
  int changed = 0;
  for (const auto& d : diffs) {
    const double delta = d.structural_after - d.structural_before;
    if (std::fabs(delta) < 1e-12) continue;
    ++changed;
    if (d.power == "RUS") {
      EXPECT_EQ(d.country, "KAZ");
      EXPECT_LT(delta, 0);
      EXPECT_LT(d.dim_delta[static_cast<int>(Dimension::kConnectivity)], 0);
    } else {
      EXPECT_EQ(d.power + d.country, "CHNKGZ");
      EXPECT_GT(delta, 0);
    }
  }
  EXPECT_EQ(changed, 2);
  EXPECT_NE(RenderDiff(diffs).find("RUS\tKAZ"), std::string::npos);
}

TEST(InfluenceModel, BadRowsNameFileAndLine) {
  const auto& b = Bundled();
  const std::string head = "id\tpower\tcountry\tindicator\tvalue\tyear\tfrom\tto\tsource\tnote\n";
  const char* rows[] = {
      "a\tRUS\tKAZ\tno_such_indicator\t1\t2020\t\t\thttp://x\t\n",
      "a\tRUS\tKAZ\tembassy\tone\t2020\t\t\thttp://x\t\n",
      "a\tRUS\tKAZ\tembassy\t1\t2020\t2020-13\t\thttp://x\t\n",
      "a\tRUS\tKAZ\tembassy\t1\t2020\t2021-01\t2020-01\thttp://x\t\n",
      "a\tRUS\tKAZ\tembassy\t1\t2020\t\t\t\t\n",
  };
  for (const char* r : rows) {
    auto f = ParseFacts(head + r, "bad.tsv", b.model);
    ASSERT_FALSE(f.ok()) << r;
    EXPECT_NE(f.status().message().find("bad.tsv:2"), std::string::npos) << f.status().message();
  }
}

TEST(InfluenceModel, SpearmanHandlesTies) {
  EXPECT_NEAR(Spearman({1, 2, 3, 4}, {10, 20, 30, 40}), 1.0, 1e-12);
  EXPECT_NEAR(Spearman({1, 2, 3, 4}, {4, 3, 2, 1}), -1.0, 1e-12);
  EXPECT_NEAR(Spearman({1, 1, 2, 3}, {1, 1, 2, 3}), 1.0, 1e-12);
  EXPECT_TRUE(std::isnan(Spearman({1, 1}, {1, 2})));
}

}  // namespace
}  // namespace nufuz::influence
