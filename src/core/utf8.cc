#include "core/utf8.h"

#include <cstring>

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

// How many of the 8 bytes at p (a sequence boundary) are ASCII or valid
// two-byte sequences, ending on a boundary: 8, or 7 when the last byte leads
// a sequence; 0 when a byte needs ValidLength's closer look (a lead of three
// or four bytes, C0/C1, a stray continuation or an unfinished lead).
std::size_t AsciiOrTwoByte8(const char* p) {
  std::uint64_t x;
  std::memcpy(&x, p, 8);
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  // Bit 7 of each byte flags it (x << k brings bit 7 - k of the same byte there).
  const std::uint64_t lead2 = x & (x << 1) & ~(x << 2) & kHigh;      // 110xxxxx
  const std::uint64_t lead3 = x & (x << 1) & (x << 2) & kHigh;       // 111xxxxx
  const std::uint64_t cont = x & ~(x << 1) & kHigh;                  // 10xxxxxx
  const std::uint64_t c0c1 = (x & (kOnes * 0xFE)) ^ (kOnes * 0xC0);  // zero byte: C0 or C1
  const std::uint64_t overlong = (c0c1 - kOnes) & ~c0c1 & kHigh;     // exact for "any"
  // Every continuation byte follows a two-byte lead and every lead but the
  // last byte is followed by one.
  if ((lead3 | overlong) != 0 || cont != (lead2 << 8)) return 0;
  return 8 - static_cast<std::size_t>(lead2 >> 63);
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
  std::size_t i = 0;
  char32_t c;
  while (i < s.size()) {
    // Arabic text is ASCII and two-byte letters: eight bytes at a time while
    // they are only that (input, data files and the hunspell word list all
    // pass here, and a branch chain per character was most of their check).
    if (s.size() - i >= 8) {
      if (const std::size_t n = AsciiOrTwoByte8(s.data() + i); n > 0) {
        i += n;
        continue;
      }
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = ValidLength(s, i, &c);
    if (len == 0) return i;
    i += len;
  }
  return std::nullopt;
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
