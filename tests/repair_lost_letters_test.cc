// Repair of lost letters (medial kaf, joined final yeh / alef maksura):
// our own sentences, damaged with the same rule as a broken PDF font.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/unicode.h"
#include "core/utf8.h"
#include "repair/damage.h"
#include "repair/repair.h"
#include "test_util.h"

namespace nufuz::repair {
namespace {

const Model& TheModel() {
  static std::shared_ptr<const Model> m = [] {
    auto r = Model::Load(nufuz::testing::DataDir());
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? r.value() : nullptr;
  }();
  return *m;
}

Document Doc(std::string text) {
  Document d;
  d.text = std::move(text);
  return d;
}

TEST(RepairDamage, RuleMatchesJoining) {
  struct Case {
    const char* clean;
    const char* damaged;
  } cases[] = {
      {"في", "ف"},      {"إلى", "إل"},         {"على", "عل"},       {"الحكومة", "الحومة"},
      {"ذلك", "ذلك"},   {"كتب", "كتب"},        {"الكاتب", "الاتب"}, {"موسكو", "موسو"},
      {"وادي", "وادي"}, {"العسكري", "العسري"}, {"دار", "دار"},      {"شريكي", "شري"},
  };
  for (const auto& c : cases) EXPECT_EQ(Damage(std::string(c.clean)), c.damaged) << c.clean;
}

// Sentences written for this test (not from any corpus).
constexpr const char* kClean[] = {
    "وصل وفد الحكومة إلى موسكو في زيارة رسمية تستمر يومين.\n"
    "وقال المتحدث إن الاتفاق الذي وقعه الجانبان يمكن أن يكون بداية لتعاون عسكري أوسع.\n\n"
    "وتسعى كازاخستان إلى دور أكبر في آسيا الوسطى، لكن جارتها الكبرى تراقب بحذر.\n"
    "وأكد الوزير أن بلاده لن تتخلى عن شراكتها مع بكين، وأن العلاقات التي تربطهما قوية.\n\n"
    "ويرى الباحث أن النفوذ الروسي في المنطقة يتراجع بشكل واضح منذ الحرب، على حد قوله.\n",
};

TEST(RepairLostLetters, RestoresOwnSentences) {
  for (const char* clean : kClean) {
    Document d = Doc(Damage(std::string(clean)));
    Repair(d, TheModel(), Mode::kAuto, Options{.move_punctuation = false});
    EXPECT_TRUE(d.repair.damaged);
    EXPECT_GT(d.repair.confidence, 0.5);
    EXPECT_EQ(d.text, clean);
  }
}

// A short paragraph of a damaged document is repaired even when damage itself
// left a word that looks clean there: البلجيكي loses its medial ك and final ي
// and comes out as البلجي, whose final ي is joined like an undamaged one.
TEST(RepairLostLetters, ShortBlockWithCleanLookingWordIsRepaired) {
  const std::string clean =
      std::string(kClean[0]) + "\nوقال الخبير البلجيكي إن بلاده في حاجة إلى التعاون.\n";
  const std::string damaged = Damage(clean);
  ASSERT_NE(damaged.find("البلجي "), std::string::npos);
  Document d = Doc(damaged);
  Repair(d, TheModel(), Mode::kAuto, Options{.move_punctuation = false});
  EXPECT_TRUE(d.repair.damaged);
  EXPECT_NE(d.text.find("في حاجة إلى التعاون"), std::string::npos) << d.text;
}

TEST(RepairLostLetters, CleanTextUnchangedInAuto) {
  for (const char* clean : kClean) {
    Document d = Doc(clean);
    Repair(d, TheModel(), Mode::kAuto);
    EXPECT_TRUE(d.repair.ran);
    EXPECT_FALSE(d.repair.damaged);
    EXPECT_EQ(d.text, clean);
    EXPECT_TRUE(d.repair.edits.empty());
    EXPECT_TRUE(d.repair.before.empty());
  }
}

TEST(RepairLostLetters, OffModeDoesNothing) {
  Document d = Doc(Damage(std::string(kClean[0])));
  const std::string before = d.text;
  Repair(d, TheModel(), Mode::kOff);
  EXPECT_FALSE(d.repair.ran);
  EXPECT_EQ(d.text, before);
}

TEST(RepairLostLetters, OffsetsMapBack) {
  const std::string damaged = Damage(std::string(kClean[0]));
  Document d = Doc(damaged);
  Repair(d, TheModel(), Mode::kAuto, Options{.move_punctuation = false});
  ASSERT_FALSE(d.repair.edits.empty());
  EXPECT_EQ(d.repair.before, damaged);
  // Every word of the repaired text maps onto the damaged word it came from.
  const std::u32string after = [&] {
    std::u32string u;
    for (std::size_t i = 0; i < d.text.size();) u.push_back(utf8::Next(d.text, i));
    return u;
  }();
  std::u32string before;
  for (std::size_t i = 0; i < damaged.size();) before.push_back(utf8::Next(damaged, i));
  for (std::uint32_t i = 0; i < after.size(); ++i) {
    if (after[i] != U'.' && after[i] != U'،' && after[i] != U'\n') continue;
    // Punctuation is never edited: it maps to the same character.
    std::uint32_t b = d.repair.ToBefore(i);
    ASSERT_LT(b, before.size());
    EXPECT_EQ(before[b], after[i]) << "offset " << i;
  }
  for (const Edit& e : d.repair.edits) {
    EXPECT_LE(e.start, e.end);
    EXPECT_EQ(d.repair.ToBefore(e.start), e.orig_start);
  }
}

TEST(RepairPunctuation, MovesLineInitialPeriodToLineEnd) {
  // A damaged paragraph whose second line starts with its own final period.
  std::string clean =
      "وقالت الحكومة إن الوفد سيصل إلى العاصمة في الأسبوع المقبل\n"
      ".وسيلتقي الرئيس الذي دعا إلى تعاون أوسع";
  Document d = Doc(Damage(clean));
  Repair(d, TheModel(), Mode::kAuto);
  EXPECT_EQ(d.text,
            "وقالت الحكومة إن الوفد سيصل إلى العاصمة في الأسبوع المقبل\n"
            "وسيلتقي الرئيس الذي دعا إلى تعاون أوسع.");
  std::uint32_t moved = 0;
  for (const Edit& e : d.repair.edits) moved += e.reason == "punctuation-order";
  EXPECT_EQ(moved, 2u);  // one deletion, one insertion
}

TEST(RepairAcceptance, SharedSeeds) {
  auto shared = nufuz::testing::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared absent";
  // Damaged seeds (made with the shared rule) must be mostly restored and
  // clean seeds untouched in auto mode.
  for (const auto& e : std::filesystem::directory_iterator(*shared / "corpus/seeds")) {
    if (e.path().extension() != ".txt") continue;
    const std::string name = e.path().filename().string();
    const std::string clean = NormalizeText(nufuz::testing::ReadFile(e.path()));
    if (name.rfind("000_", 0) == 0) {
      Document d = Doc(clean);  // a real damaged document
      Repair(d, TheModel(), Mode::kAuto);
      EXPECT_TRUE(d.repair.damaged) << name;
      EXPECT_NE(d.text, clean) << name;
      continue;
    }
    Document c = Doc(clean);
    Repair(c, TheModel(), Mode::kAuto);
    EXPECT_FALSE(c.repair.damaged) << name;
    EXPECT_EQ(c.text, clean) << name;
    Document d = Doc(Damage(clean));
    Repair(d, TheModel(), Mode::kAuto, Options{.move_punctuation = false});
    EXPECT_TRUE(d.repair.damaged) << name;
    // Word accuracy after repair (whitespace words, same count both sides).
    auto split = [](const std::string& s) {
      std::vector<std::string> w;
      std::size_t i = 0;
      while (i < s.size()) {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        std::size_t j = i;
        while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
        if (j > i) w.push_back(s.substr(i, j - i));
        i = j;
      }
      return w;
    };
    auto g = split(clean), p = split(d.text);
    ASSERT_EQ(g.size(), p.size()) << name;
    std::size_t ok = 0;
    for (std::size_t i = 0; i < g.size(); ++i) ok += g[i] == p[i];
    EXPECT_GT(static_cast<double>(ok) / g.size(), 0.97) << name;
  }
}

}  // namespace
}  // namespace nufuz::repair

namespace nufuz::repair {
namespace {

// Offsets map both ways through the edits: an offset before an insertion is
// unchanged, one after it shifts by the inserted length, and ToBefore
// inverts ToAfter outside edited ranges.
TEST(RepairOffsets, ToAfterInvertsToBefore) {
  RepairInfo info;
  // "ف X" -> "في X": one letter inserted after code point 1.
  info.edits.push_back({1, 2, 1, 1, "lost-letter"});
  // "... الت Y" -> "... التي Y": one more letter at before-offset 10.
  info.edits.push_back({11, 12, 10, 10, "lost-letter"});
  const std::uint32_t before_offsets[] = {0, 1, 2, 5, 10, 11, 20};
  const std::uint32_t after_offsets[] = {0, 2, 3, 6, 12, 13, 22};
  for (std::size_t i = 0; i < std::size(before_offsets); ++i) {
    EXPECT_EQ(info.ToAfter(before_offsets[i]), after_offsets[i]) << before_offsets[i];
    EXPECT_EQ(info.ToBefore(after_offsets[i]), before_offsets[i]) << after_offsets[i];
  }
}

}  // namespace
}  // namespace nufuz::repair
