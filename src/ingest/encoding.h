// ingest/encoding.h: bytes -> UTF-8 (internal to ingest).
//
// Contract
// - Decode() turns input bytes into valid UTF-8. Order: UTF-8 with or
//   without BOM; UTF-16 with a BOM; then, when the bytes are not UTF-8, a
//   legacy Arabic charset (windows-1256 or ISO-8859-6): the HTML-declared
//   charset and ICU's detector propose, and a sanity check (the share of
//   Arabic among the decoded non-ASCII characters) decides.
// - Bytes that are none of these are invalid UTF-8: an error with the byte
//   offset of the first bad sequence, or, when lenient, repaired with U+FFFD
//   and the count of replacements reported.
// - LooksBinary() flags NUL bytes or a high share of control bytes.
// Linear in the input; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nufuz::ingest {

struct Decoded {
  std::string text;                     // valid UTF-8, no BOM
  std::string encoding = "UTF-8";       // charset the bytes were decoded from
  std::optional<std::uint64_t> bad_at;  // first invalid byte (set on failure)
  std::size_t replaced = 0;             // lenient replacements
  bool ok = true;
};

// `declared` is a charset named by the document itself (HTML <meta charset>),
// or empty.
Decoded Decode(std::string bytes, std::string_view declared, bool lenient);

// True when the bytes look like binary data rather than text.
bool LooksBinary(std::string_view bytes);

// The charset an HTML document declares in its first bytes (<meta charset>
// or http-equiv content-type), lower-cased, or empty.
std::string DeclaredHtmlCharset(std::string_view bytes);

// Share of Arabic characters among the non-ASCII characters of UTF-8 text
// (1.0 when there are none).
double ArabicShareOfNonAscii(std::string_view utf8);

}  // namespace nufuz::ingest
