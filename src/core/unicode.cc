#include "core/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "core/utf8.h"

namespace nufuz {
namespace {

bool IsPresentationForm(char32_t c) {
  return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

bool IsDropped(char32_t c) {
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
bool IsNfcInert(char32_t c) {
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

}  // namespace

std::string NormalizeText(std::string_view in) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::string pre;
  pre.reserve(in.size());
  std::size_t i = 0;
  bool needs_nfc = false;
  while (i < in.size()) {
    unsigned char b = static_cast<unsigned char>(in[i]);
    if (b >= 0x20 && b < 0x7F) {  // ASCII fast path
      pre.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    char32_t c = utf8::Next(in, i);
    if (c == '\r') {
      if (i < in.size() && in[i] == '\n') ++i;
      pre.push_back('\n');
    } else if (IsDropped(c)) {
      continue;
    } else if (IsSpaceSeparator(c)) {
      pre.push_back(' ');
    } else if (IsPresentationForm(c) && U_SUCCESS(status)) {
      AppendFolded(pre, c, nfkc);
      needs_nfc = true;
    } else {
      utf8::Append(pre, c);
      if (c >= 0x300 && !IsNfcInert(c)) needs_nfc = true;
    }
  }
  if (!needs_nfc || U_FAILURE(status)) return pre;
  // Only run NFC when something could change: quick check first.
  icu::StringPiece piece(pre.data(), static_cast<int32_t>(pre.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return pre;
  status = U_ZERO_ERROR;
  std::string out;
  out.reserve(pre.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return pre;
  return out;
}

}  // namespace nufuz
