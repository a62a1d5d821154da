#include "core/utf8.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace nufuz::utf8 {
namespace {

// Length of the valid sequence at s[i], or 0 if it is not valid UTF-8.
std::size_t ValidLength(std::string_view s, std::size_t i, char32_t* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  unsigned char b0 = p[i];
  if (b0 < 0x80) {
    *out = b0;
    return 1;
  }
  auto cont = [&](std::size_t k) { return i + k < n && (p[i + k] & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (!cont(1)) return 0;
    *out = (char32_t(b0 & 0x1F) << 6) | (p[i + 1] & 0x3F);
    return 2;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    char32_t c = (char32_t(b0 & 0x0F) << 12) | (char32_t(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
    if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    *out = c;
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    char32_t c = (char32_t(b0 & 0x07) << 18) | (char32_t(p[i + 1] & 0x3F) << 12) |
                 (char32_t(p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
    if (c < 0x10000 || c > 0x10FFFF) return 0;
    *out = c;
    return 4;
  }
  return 0;
}

}  // namespace

namespace detail {

char32_t NextSlow(std::string_view s, std::size_t& i) {
  char32_t c = 0;
  std::size_t len = ValidLength(s, i, &c);
  if (len == 0) {
    ++i;
    return 0xFFFD;
  }
  i += len;
  return c;
}

void AppendSlow(std::string& out, char32_t c) {
  if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = 0xFFFD;
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    const char b[3] = {static_cast<char>(0xE0 | (c >> 12)),
                       static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                       static_cast<char>(0x80 | (c & 0x3F))};
    out.append(b, 3);
  } else {
    const char b[4] = {
        static_cast<char>(0xF0 | (c >> 18)), static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
        static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
    out.append(b, 4);
  }
}

}  // namespace detail

std::optional<std::size_t> FirstInvalid(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  char32_t c;
  while (i < n) {
    // Arabic text is ASCII and two-byte letters: sixteen bytes at a time
    // while it is only that (input, data files and the hunspell word list
    // all pass here), then one character.
    if (n - i >= 16) {
      i += TwoBytePrefix(s.substr(i), false);
      if (i == n) break;
    }
    const unsigned b = p[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    if (b >= 0xC2 && b <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    std::size_t len = ValidLength(s, i, &c);
    if (len == 0) return i;
    i += len;
  }
  return std::nullopt;
}

std::size_t TwoBytePrefix(std::string_view s, bool json_plain) {
  std::size_t i = 0;
#if defined(__SSE2__)
  // Bit k of each mask below describes byte k of the block: its bit 7, 6
  // and 5 (a 16-bit lane shifted left by k < 8 brings bit 7 - k of each of
  // its bytes to that byte's bit 7, which movemask reads).
  const __m128i c0 = _mm_set1_epi8(static_cast<char>(0xC0));
  const __m128i fe = _mm_set1_epi8(static_cast<char>(0xFE));
  const __m128i below_space = _mm_set1_epi8(0x1F);
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  while (s.size() - i >= 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const unsigned b7 = static_cast<unsigned>(_mm_movemask_epi8(x));
    const unsigned b6 = static_cast<unsigned>(_mm_movemask_epi8(_mm_add_epi8(x, x)));
    const unsigned b5 = static_cast<unsigned>(_mm_movemask_epi8(_mm_slli_epi16(x, 2)));
    const unsigned lead2 = b7 & b6 & ~b5;  // 110xxxxx
    const unsigned lead3 = b7 & b6 & b5;   // 111xxxxx: three or four bytes
    const unsigned cont = b7 & ~b6;        // 10xxxxxx
    const unsigned c0c1 =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(x, fe), c0)));
    unsigned bad = lead3 | c0c1 | (cont ^ ((lead2 << 1) & 0xFFFF));  // a cont without its lead
    if (json_plain) {
      const __m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(x, below_space), x);  // unsigned x <= 0x1F
      bad |= static_cast<unsigned>(_mm_movemask_epi8(
          _mm_or_si128(ctl, _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)))));
    }
    if (bad == 0) {
      i += 16 - (lead2 >> 15);  // a lead in the last byte starts the next block
      continue;
    }
    // The bytes before the first bad one, less a lead whose sequence it cuts.
    unsigned k = static_cast<unsigned>(__builtin_ctz(bad));
    if (k > 0 && (lead2 >> (k - 1)) & 1) --k;
    i += k;
    break;
  }
#endif
  return i;
}

std::size_t Repair(std::string& s) {
  if (!FirstInvalid(s)) return 0;
  std::string out;
  out.reserve(s.size() + 16);
  std::size_t replaced = 0, i = 0;
  char32_t c;
  while (i < s.size()) {
    std::size_t len = ValidLength(s, i, &c);
    if (len == 0) {
      Append(out, 0xFFFD);
      ++replaced;
      ++i;
    } else {
      out.append(s, i, len);
      i += len;
    }
  }
  s.swap(out);
  return replaced;
}

std::size_t Length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char b : s) n += (b & 0xC0) != 0x80;
  return n;
}

std::size_t BytesOfPrefix(std::string_view s, std::size_t n) {
  // The first code point starts at s[0] whatever that byte is; each further
  // one starts at a byte that is no continuation byte (10xxxxxx). So the
  // answer is the n-th such byte after s[0], or s.size().
  if (n == 0 || s.empty()) return 0;
  const std::size_t size = s.size();
  std::size_t j = 1;
  // Eight bytes at a time while the n-th lead byte lies beyond them.
  while (j + 8 <= size) {
    std::uint64_t x;
    std::memcpy(&x, s.data() + j, 8);
    const std::uint64_t cont = x & ~(x << 1) & 0x8080808080808080ull;
    const auto leads = static_cast<std::size_t>(8 - __builtin_popcountll(cont));
    if (leads >= n) break;
    n -= leads;
    j += 8;
  }
  for (; j < size; ++j)
    if ((static_cast<unsigned char>(s[j]) & 0xC0) != 0x80 && --n == 0) return j;
  return size;
}

std::string_view SubstrCp(std::string_view s, std::size_t start, std::size_t end) {
  if (end < start) end = start;
  std::size_t b = BytesOfPrefix(s, start);
  std::size_t e = b + BytesOfPrefix(s.substr(b), end - start);
  return s.substr(b, e - b);
}

CpIndex::CpIndex(std::string_view s) : s_(s) {
  samples_.reserve(s.size() / kStride + 1);
  std::size_t cp = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (cp % kStride == 0) samples_.push_back(i);
      ++cp;
    }
  }
  size_cp_ = cp;
}

std::size_t CpIndex::ByteOffset(std::size_t cp) const {
  if (cp >= size_cp_) return s_.size();
  std::size_t i = samples_[cp / kStride];
  return i + BytesOfPrefix(s_.substr(i), cp % kStride);
}

}  // namespace nufuz::utf8
