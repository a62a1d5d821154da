#include "repair/damage.h"

#include "core/utf8.h"

namespace nufuz::repair {

bool IsDualJoining(char32_t c) {
  switch (c) {
    case U'ب':
    case U'ت':
    case U'ث':
    case U'ج':
    case U'ح':
    case U'خ':
    case U'س':
    case U'ش':
    case U'ص':
    case U'ض':
    case U'ط':
    case U'ظ':
    case U'ع':
    case U'غ':
    case U'ف':
    case U'ق':
    case U'ك':
    case U'ل':
    case U'م':
    case U'ن':
    case U'ه':
    case U'ي':
    case U'ى':
    case U'ئ':
    case U'ـ':
    case U'پ':
    case U'چ':
    case U'ژ':
    case U'گ':
    case U'ک':
    case U'ی': return true;
    default: return false;
  }
}

bool IsRightJoining(char32_t c) {
  switch (c) {
    case U'ا':
    case U'أ':
    case U'إ':
    case U'آ':
    case U'ٱ':
    case U'د':
    case U'ذ':
    case U'ر':
    case U'ز':
    case U'و':
    case U'ؤ':
    case U'ة': return true;
    default: return false;
  }
}

std::u32string Damage(std::u32string_view t) {
  std::u32string out;
  out.reserve(t.size());
  const std::size_t n = t.size();
  for (std::size_t i = 0; i < n; ++i) {
    char32_t c = t[i];
    if (c == U'ك' || c == U'ي' || c == U'ى') {
      std::size_t j = i;
      while (j > 0 && IsTransparent(t[j - 1])) --j;
      bool before = j > 0 && IsDualJoining(t[j - 1]);
      std::size_t k = i + 1;
      while (k < n && IsTransparent(t[k])) ++k;
      bool after = k < n && (IsDualJoining(t[k]) || IsRightJoining(t[k]));
      if (c == U'ك' && before && after) continue;
      if (c != U'ك' && before && !after) continue;
    }
    out.push_back(c);
  }
  return out;
}

std::string Damage(std::string_view utf8) {
  std::u32string u;
  for (std::size_t i = 0; i < utf8.size();) u.push_back(utf8::Next(utf8, i));
  std::string out;
  for (char32_t c : Damage(std::u32string_view(u))) utf8::Append(out, c);
  return out;
}

}  // namespace nufuz::repair
