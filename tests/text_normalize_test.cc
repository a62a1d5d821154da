// NormalizeText (core/unicode.h) as the text stage relies on it: NFC, folded
// presentation forms, dropped controls. NormalizeText runs ICU only on the
// space-delimited runs that may not be NFC; these tests hold it to the NFC of
// the whole text.
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/unicode.h"

namespace nufuz {
namespace {

std::string WholeNfc(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), sink, nullptr,
                     status);
  EXPECT_TRUE(U_SUCCESS(status));
  return out;
}

TEST(NormalizeText, CleansAndComposes) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      // Shadda before fatha is reordered (canonical order: fatha 30, shadda 33).
      {"وقّع الوزيرُ", "وقّع الوزيرُ"},
      {"مدّ\u064E يده", "مد\u064E\u0651 يده"},
      // Alef + madda / hamza above compose.
      {"\u0627\u0653\u0633\u064A\u0627 \u0627\u0654\u0645\u0646", "آسيا أمن"},
      // Latin base + combining acute composes; the run before stays.
      {"Almaty cafe\u0301 Tashkent", "Almaty café Tashkent"},
      // Presentation forms fold (lam-alef ligature becomes two letters).
      {"\uFEFB\uFE8E\uFE97", "لاات"},
      // Bidi controls and BOM dropped, NBSP to space, CR LF to LF.
      {"\u200Fكازاخستان\u200E\u00A0\uFEFFروسيا\r\nالصين\rأوزبكستان",
       "كازاخستان روسيا\nالصين\nأوزبكستان"},
      // A mark right after a space stays where it is.
      {"بين \u064E\u0651 الدول", "بين \u064E\u0651 الدول"},
      // Already NFC, with and without marks: unchanged.
      {"قمة دوشنبه ٢٠٢٥", "قمة دوشنبه ٢٠٢٥"},
      {"عَلَى الحُدُودِ", "عَلَى الحُدُودِ"},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(NormalizeText(c.in), c.out) << c.in;
}

// Text made of pieces NormalizeText does not clean (letters, marks in any
// order, composing pairs, spaces, line feeds) must come out as the NFC of the
// whole text, wherever the marks fall relative to run boundaries.
TEST(NormalizeText, EqualsWholeTextNfc) {
  const std::vector<std::string> pieces = {
      "ب",      "ت",      "ا",      "ل",      "و",      " ",      " ",  "\n",
      "\u064E", "\u0651", "\u0650", "\u0653", "\u0654", "\u0655", "e",  "\u0301",
      "\u0327", "a",      "ه",      "ي",      "\u0670", "\u0640", "\t", "1",
  };
  std::uint32_t state = 12345;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const std::size_t n = 1 + next() % 40;
    for (std::size_t k = 0; k < n; ++k) s += pieces[next() % pieces.size()];
    ASSERT_EQ(NormalizeText(s), WholeNfc(s)) << s;
  }
}

}  // namespace
}  // namespace nufuz
