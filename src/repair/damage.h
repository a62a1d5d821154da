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

#include "core/words.h"

namespace nufuz::repair {

bool IsDualJoining(char32_t c);
bool IsRightJoining(char32_t c);
// Transparent marks and word characters: the one definition in core/words.h
// (inline: repair tests every character of a document with these).
using words::IsArabicWordChar;
inline bool IsTransparent(char32_t c) {
  return words::IsArabicMark(c);
}

// Applies the damage rule to UTF-8 text (what the broken font leaves).
// Used by tests and benchmarks to make damaged text from clean text.
std::string Damage(std::string_view utf8);
std::u32string Damage(std::u32string_view text);

}  // namespace nufuz::repair
