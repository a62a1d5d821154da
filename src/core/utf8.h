// core/utf8.h: UTF-8 decoding and code-point offsets.
//
// Contract: every offset nufuz outputs is a Unicode code point index into a
// Document's text. Text is held as UTF-8; these helpers convert between byte
// and code-point offsets. All functions are pure, thread-safe and linear in
// the bytes they read. Decoding never reads past the end of its input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nufuz::utf8 {

namespace detail {
char32_t NextSlow(std::string_view s, std::size_t& i);
void AppendSlow(std::string& out, char32_t c);
}  // namespace detail

// Decodes the code point at s[i] and advances i. On an invalid or truncated
// sequence returns U+FFFD and advances by one byte. Inline fast paths for
// ASCII and two-byte sequences (Arabic).
inline char32_t Next(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  if (b0 >= 0xC2 && b0 <= 0xDF && i + 1 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if ((b1 & 0xC0) == 0x80) {
      i += 2;
      return (char32_t(b0 & 0x1F) << 6) | (b1 & 0x3F);
    }
  }
  return detail::NextSlow(s, i);
}

// Appends the UTF-8 encoding of c (U+FFFD for surrogates / out of range).
inline void Append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    const char b[2] = {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
    out.append(b, 2);
  } else {
    detail::AppendSlow(out, c);
  }
}

// The byte offset of the first invalid sequence, or nullopt if s is valid
// UTF-8 (overlongs, surrogates and values above U+10FFFF are invalid).
std::optional<std::size_t> FirstInvalid(std::string_view s);

// The length of a prefix of s (which starts on a sequence boundary) made of
// ASCII and well-formed two-byte sequences only, as most of Arabic text is,
// ending on a sequence boundary. Read sixteen bytes at a time (SSE2), it
// covers whole blocks and stops before the first byte that is neither, or
// before the last block's final lead byte, or at the last incomplete block:
// callers go on one character at a time from there. With `json_plain`,
// ASCII control bytes, '"' and '\\' (the bytes JSON escapes) end it too.
// 0 for less than 16 bytes or without SSE2.
std::size_t TwoBytePrefix(std::string_view s, bool json_plain);

// Replaces every invalid sequence with U+FFFD; returns how many were replaced.
std::size_t Repair(std::string& s);

// Number of code points in s.
std::size_t Length(std::string_view s);

// Bytes of the first n code points of s (clamped to s.size()).
std::size_t BytesOfPrefix(std::string_view s, std::size_t n);

// Substring of s by code-point range [start, end).
std::string_view SubstrCp(std::string_view s, std::size_t start, std::size_t end);

// Maps code-point offsets to byte offsets in O(1) amortised after an O(n)
// build: one byte offset is sampled every kStride code points.
class CpIndex {
 public:
  CpIndex() = default;
  explicit CpIndex(std::string_view s);
  std::size_t ByteOffset(std::size_t cp) const;
  std::size_t size_cp() const { return size_cp_; }

 private:
  static constexpr std::size_t kStride = 64;
  std::string_view s_;
  std::vector<std::size_t> samples_;
  std::size_t size_cp_ = 0;
};

}  // namespace nufuz::utf8
