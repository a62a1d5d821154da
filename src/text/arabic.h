// text/arabic.h: character classes and key folding for Arabic text.
//
// Internal to the text stage (and reusable by later stages through
// text/text.h's Key()). Pure functions; thread-safe.
#pragma once

#include <cstdint>

namespace nufuz::text {

// Arabic-script letters (U+0621-U+064A except tatweel U+0640, U+0671-U+06D3,
// U+06FA-U+06FF).
constexpr bool IsArabicLetter(char32_t c) {
  return (c >= 0x0621 && c <= 0x063F) || (c >= 0x0641 && c <= 0x064A) ||
         (c >= 0x0671 && c <= 0x06D3) || (c >= 0x066E && c <= 0x066F) ||
         (c >= 0x06FA && c <= 0x06FF);
}

// Marks that belong to the preceding letter: harakat, superscript alef,
// Quranic annotation signs, and tatweel. Dropped from keys.
constexpr bool IsArabicMark(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x0610 && c <= 0x061A) ||
         (c >= 0x06D6 && c <= 0x06ED && c != 0x06DE && c != 0x06E9) || c == 0x0640;
}

// 0-9 for ASCII, Arabic-Indic and Persian digits; -1 otherwise.
constexpr int DigitValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 0x0660 && c <= 0x0669) return static_cast<int>(c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return static_cast<int>(c - 0x06F0);
  return -1;
}

// The key form of one letter: أ إ آ ٱ -> ا, ى ی -> ي, ة -> ه, ک -> ك,
// ASCII upper -> lower. Other characters map to themselves.
constexpr char32_t FoldLetter(char32_t c) {
  switch (c) {
    case 0x0623:
    case 0x0625:
    case 0x0622:
    case 0x0671:
    case 0x0672:
    case 0x0673: return 0x0627;
    case 0x0649:
    case 0x06CC:
    case 0x06D2: return 0x064A;
    case 0x0629: return 0x0647;
    case 0x06A9: return 0x0643;
    default: break;
  }
  if (c >= 'A' && c <= 'Z') return c + ('a' - 'A');
  return c;
}

}  // namespace nufuz::text
