// core/words.h: the Arabic words of a text as word evidence counts them.
//
// Contract: one definition, shared by lost-letter repair (the word counts
// of a clean corpus, repair/repair.h) and the knowledge base (the word
// counts of stored clean documents, store/store.h), so a word counted in
// one place is the same key in the other. A word is a maximal run of Arabic
// letters and marks; the marks (harakat) and tatweel are dropped from it,
// since the word lists are written without them. Pure, thread-safe, linear.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/utf8.h"

namespace nufuz::words {

// Harakat and the superscript alef: transparent to Arabic joining, and
// dropped from a counted word.
inline bool IsArabicMark(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670;
}
inline constexpr char32_t kTatweel = 0x0640;
// An Arabic letter or mark that belongs to a word (tatweel included).
inline bool IsArabicWordChar(char32_t c) {
  return (c >= 0x0621 && c <= 0x064A) || IsArabicMark(c) || (c >= 0x0671 && c <= 0x06D3) ||
         c == kTatweel || c == 0x06CC || c == 0x06A9 || c == 0x06AF;
}

// Words shorter than this many letters are not counted as evidence (a lone
// letter is as often a clitic or an abbreviation as a word).
inline constexpr std::size_t kMinCountedLetters = 2;

// Calls f(std::u32string_view word) for every word of `text`, in order:
// letters only, never empty (a run of marks alone is no word). The view
// lives until the next call.
template <typename F>
void ForEachArabicWord(std::u32string_view text, F&& f) {
  std::u32string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && IsArabicWordChar(text[i])) {
      if (!IsArabicMark(text[i]) && text[i] != kTatweel) word.push_back(text[i]);
      continue;
    }
    if (word.empty()) continue;
    f(std::u32string_view(word));
    word.clear();
  }
}

// Adds to `counts` (UTF-8 keys) one for every word of the UTF-8 `text` with
// at least kMinCountedLetters letters.
void CountArabicWords(std::string_view text, std::unordered_map<std::string, std::int64_t>& counts);

}  // namespace nufuz::words
