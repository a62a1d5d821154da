#include "core/words.h"

namespace nufuz::words {

void CountArabicWords(std::string_view text,
                      std::unordered_map<std::string, std::int64_t>& counts) {
  std::u32string u;
  u.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) u.push_back(utf8::Next(text, i));
  std::string key;
  ForEachArabicWord(std::u32string_view(u), [&](std::u32string_view w) {
    if (w.size() < kMinCountedLetters) return;
    key.clear();
    for (char32_t c : w) utf8::Append(key, c);
    ++counts[key];
  });
}

}  // namespace nufuz::words
