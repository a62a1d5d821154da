// utf8::FirstInvalid: where the first ill-formed byte of a string is, on
// short cases and on every alignment inside longer Arabic text (the check
// reads sixteen bytes at a time where it can).
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/utf8.h"

namespace nufuz::utf8 {
namespace {

// The reference: RFC 3629 well-formed sequences, one code point at a time.
std::optional<std::size_t> ReferenceFirstInvalid(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned b = p[i];
    std::size_t len = 0;
    unsigned lo = 0x80, hi = 0xBF;
    if (b < 0x80) {
      len = 1;
    } else if (b >= 0xC2 && b <= 0xDF) {
      len = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > s.size()) return i;
    for (std::size_t k = 1; k < len; ++k) {
      const unsigned c = p[i + k];
      if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) return i;
    }
    i += len;
  }
  return std::nullopt;
}

TEST(Utf8, FirstInvalidOnShortCases) {
  struct Case {
    const char* name;
    std::string in;
    std::optional<std::size_t> want;
  };
  const std::vector<Case> cases = {
      {"empty", "", std::nullopt},
      {"ASCII", "Astana 2024", std::nullopt},
      {"Arabic", "وصلت البعثة إلى عشق آباد", std::nullopt},
      {"three and four bytes", "\xe2\x80\x8f ok \xf0\x9f\x98\x80", std::nullopt},
      {"lone continuation", "ab\x80", 2},
      {"truncated lead at end", "عمان\xd8", 8},
      {"overlong C0", "\xc0\xaf", 0},
      {"surrogate", "x\xed\xa0\x80", 1},
      {"above U+10FFFF", "\xf4\x90\x80\x80", 0},
      {"Latin-1 byte inside Arabic", "قمة \xe9 ثنائية", 7},
  };
  for (const Case& c : cases) EXPECT_EQ(FirstInvalid(c.in), c.want) << c.name;
}

TEST(Utf8, FirstInvalidAtEveryAlignmentInsideArabicText) {
  const std::string arabic = "اتفق الطرفان على توسيع التعاون الاقتصادي";
  std::vector<std::string> pieces = {"\xc0\xaf",     "\xc1\x81",     "\xc2\x80",        "\xdf\xbf",
                                     "\xe2\x80\x8f", "\xe0\x80\xaf", "\xed\xa0\x80",    "\xd8",
                                     "\xd8\xd8",     "\x80\x80",     "\xf0\x9f\x98\x80"};
  for (int b = 0; b < 256; ++b) pieces.emplace_back(1, static_cast<char>(b));
  for (std::size_t pad = 0; pad < 18; ++pad) {
    for (const std::string& piece : pieces) {
      for (const bool at_end : {false, true}) {
        std::string s = std::string(pad, 'a') + arabic + piece;
        if (!at_end) s += arabic + "z";
        EXPECT_EQ(FirstInvalid(s), ReferenceFirstInvalid(s)) << pad << " " << at_end << " " << s;
      }
    }
  }
}

}  // namespace
}  // namespace nufuz::utf8
