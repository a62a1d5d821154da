// StringMap: lookups by string_view agree with std::unordered_map on Arabic
// and Latin keys, including keys that share prefixes, empty keys, and tables
// that grow through many rehashes.
#include <gtest/gtest.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "extract/string_map.h"

namespace nufuz::extract {
namespace {

TEST(StringMap, EmplaceKeepsTheFirstValueAndFindsByView) {
  StringMap<int> m;
  struct Case {
    const char* key;
    int value;
    bool inserted;
  } cases[] = {
      {"كازاخستان", 1, true},  {"كازاخستاني", 2, true}, {"كازاخ", 3, true},
      {"كازاخستان", 9, false},  // a repeat keeps the first value
      {"", 4, true},           {"nato", 5, true},       {"nato ", 6, true},
  };
  for (const auto& c : cases) {
    auto [value, inserted] = m.Emplace(c.key, c.value);
    EXPECT_EQ(inserted, c.inserted) << c.key;
    ASSERT_NE(value, nullptr);
  }
  EXPECT_EQ(m.size(), 6u);
  const std::string text = "زار كازاخستانيون";
  // A view into a longer text finds the key without copying it.
  EXPECT_EQ(*m.Find(std::string_view(text).substr(7, 18)), 1);  // كازاخستان
  EXPECT_EQ(*m.Find("كازاخ"), 3);
  EXPECT_EQ(*m.Find(""), 4);
  EXPECT_EQ(m.Find("كازاخستانيون"), nullptr);
  EXPECT_EQ(m.Find("NATO"), nullptr);  // keys are compared byte for byte
  EXPECT_TRUE(m.Contains("nato "));
  m["جديد"] = 7;
  EXPECT_EQ(*m.Find("جديد"), 7);
  EXPECT_EQ(m["غائب"], 0);  // operator[] inserts a default value
}

TEST(StringMap, AgreesWithUnorderedMapThroughManyRehashes) {
  StringMap<int> m;
  std::unordered_map<std::string, int> ref;
  for (int i = 0; i < 20000; ++i) {
    std::string key = "ك" + std::to_string(i * 7919 % 100003);
    m.Emplace(key, i);
    ref.emplace(key, i);
  }
  EXPECT_EQ(m.size(), ref.size());
  for (const auto& [k, v] : ref) {
    const int* got = m.Find(k);
    ASSERT_NE(got, nullptr) << k;
    EXPECT_EQ(*got, v) << k;
  }
  for (int i = 0; i < 2000; ++i) {
    std::string absent = "ل" + std::to_string(i);
    EXPECT_EQ(m.Find(absent), nullptr) << absent;
  }
}

}  // namespace
}  // namespace nufuz::extract
