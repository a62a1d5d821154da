#include "core/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/utf8.h"

namespace nufuz {
namespace {

bool IsPresentationForm(char32_t c) {
  return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

constexpr bool IsDropped(char32_t c) {
  if (c == 0x200E || c == 0x200F || c == 0x061C || c == 0xFEFF) return true;
  if (c >= 0x202A && c <= 0x202E) return true;
  if (c >= 0x2066 && c <= 0x2069) return true;
  if (c < 0x20 && c != '\t' && c != '\n') return true;
  if (c >= 0x7F && c <= 0x9F) return true;
  return false;
}

bool IsSpaceSeparator(char32_t c) {
  return c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000 ||
         c == 0x1680;
}

// Arabic letters, digits and punctuation: NFC quick check "yes" and
// combining class 0, so a text of only these (and code points below U+0300)
// is already NFC. Marks (U+064B..) and the rest still trigger the check.
constexpr bool IsNfcInert(char32_t c) {
  return (c >= 0x0621 && c <= 0x064A) || (c >= 0x0660 && c <= 0x0669) || c == 0x060C ||
         c == 0x061B || c == 0x061F;
}

// Folds one presentation-form code point through NFKC.
void AppendFolded(std::string& out, char32_t c, const icu::Normalizer2* nfkc) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString s(static_cast<UChar32>(c));
  icu::UnicodeString folded = nfkc->normalize(s, status);
  if (U_FAILURE(status)) {
    utf8::Append(out, c);
    return;
  }
  std::string tmp;
  folded.toUTF8String(tmp);
  out += tmp;
}

// The copy loop's view of U+0600+k: kInert, kMayChange (NFC may change the
// run: marks, composing marks), or kNotCopied (U+061C, a bidi control).
constexpr std::uint8_t kInert = 0, kMayChange = 1, kNotCopied = 2;
constexpr std::array<std::uint8_t, 256> kArabicCopy = [] {
  std::array<std::uint8_t, 256> t{};
  for (char32_t k = 0; k < 256; ++k)
    t[k] = IsDropped(0x0600 + k) ? kNotCopied : IsNfcInert(0x0600 + k) ? kInert : kMayChange;
  return t;
}();

}  // namespace

// One pass copies the input, cleaning as the contract says, and notes which
// runs may not be NFC: a run lies between ASCII spaces / line feeds, which are
// NFC boundaries (combining class 0, quick check "yes", never the second
// half of a composition), so NFC of the text is the concatenation of NFC of
// its runs. Only runs holding a code point that is not inert go through ICU;
// Arabic text without marks never does.
std::string NormalizeText(std::string_view in) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::string pre;
  pre.reserve(in.size());
  std::vector<std::pair<std::size_t, std::size_t>> dirty;  // byte ranges of pre
  std::size_t run_start = 0;
  bool run_dirty = false;
  // A run ends before the space or line feed that will land at pre[at].
  auto boundary = [&](std::size_t at) {
    if (run_dirty) dirty.emplace_back(run_start, at);
    run_start = at;
    run_dirty = false;
  };

  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const std::size_t n = in.size();
  std::size_t i = 0;
  std::size_t copy_from = 0;  // in[copy_from, i) is still to be copied verbatim
  while (i < n) {
    // Fast paths, copied in bulk: the Arabic block U+0600..U+06FF (two-byte
    // UTF-8, lead byte D8..DB) except U+061C, then printable ASCII, TAB, LF.
    std::uint8_t may_change = 0;
    while (i + 1 < n && (p[i] & 0xFC) == 0xD8 && (p[i + 1] & 0xC0) == 0x80) {
      const std::uint8_t v = kArabicCopy[((p[i] & 0x03) << 6) | (p[i + 1] & 0x3F)];
      if (v == kNotCopied) break;
      may_change |= v;
      i += 2;
    }
    if (may_change) run_dirty = true;
    if (i >= n) break;
    const unsigned b = p[i];
    if ((b >= 0x20 && b < 0x7F) || b == '\t' || b == '\n') {
      if (b == ' ' || b == '\n') boundary(pre.size() + (i - copy_from));
      ++i;
      continue;
    }
    pre.append(in.data() + copy_from, i - copy_from);
    char32_t c = utf8::Next(in, i);
    if (c == '\r') {
      if (i < n && in[i] == '\n') ++i;
      boundary(pre.size());
      pre.push_back('\n');
    } else if (IsDropped(c)) {
      // nothing
    } else if (IsSpaceSeparator(c)) {
      boundary(pre.size());
      pre.push_back(' ');
    } else if (IsPresentationForm(c) && U_SUCCESS(status)) {
      AppendFolded(pre, c, nfkc);
      run_dirty = true;
    } else {
      utf8::Append(pre, c);
      if (c >= 0x300 && !IsNfcInert(c)) run_dirty = true;
    }
    copy_from = i;
  }
  pre.append(in.data() + copy_from, n - copy_from);
  boundary(pre.size());
  if (dirty.empty() || U_FAILURE(status)) return pre;

  // Most runs with marks are already NFC; only when one is not is a second
  // buffer built (the clean prefix copied once, then run by run).
  std::string out;
  bool changed = false;
  std::size_t done = 0;
  for (const auto& [from, to] : dirty) {
    icu::StringPiece piece(pre.data() + from, static_cast<int32_t>(to - from));
    if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) continue;
    if (U_FAILURE(status)) return pre;
    if (!changed) {
      out.reserve(pre.size() + pre.size() / 16);
      changed = true;
    }
    out.append(pre, done, from - done);
    icu::StringByteSink<std::string> sink(&out);
    nfc->normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_FAILURE(status)) return pre;
    done = to;
  }
  if (!changed) return pre;
  out.append(pre, done, std::string::npos);
  return out;
}

}  // namespace nufuz
