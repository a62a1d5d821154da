// repair/damage.h: the Arabic joining rule behind lost-letter damage.
//
// Contract: a broken PDF font map drops kaf (U+0643) in medial form and yeh
// (U+064A) / alef maksura (U+0649) in final form. A letter is joined to the
// one before it when that one is dual-joining, and to the one after it when
// it is itself dual-joining and the next letter joins (dual or right).
// Transparent marks (harakat, U+064B-U+065F, U+0670) are skipped. Pure,
// thread-safe, linear.
#pragma once

#include <string>
#include <string_view>

namespace nufuz::repair {

bool IsDualJoining(char32_t c);
bool IsRightJoining(char32_t c);
// Inline: repair tests every character of a document with these.
inline bool IsTransparent(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670;
}
// An Arabic letter or mark that belongs to a word.
inline bool IsArabicWordChar(char32_t c) {
  return (c >= 0x0621 && c <= 0x064A) || IsTransparent(c) || (c >= 0x0671 && c <= 0x06D3) ||
         c == 0x0640 || c == 0x06CC || c == 0x06A9 || c == 0x06AF;
}

// Applies the damage rule to UTF-8 text (what the broken font leaves).
// Used by tests and benchmarks to make damaged text from clean text.
std::string Damage(std::string_view utf8);
std::u32string Damage(std::u32string_view text);

}  // namespace nufuz::repair
