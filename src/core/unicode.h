// core/unicode.h: Unicode normalisation of extracted text (ICU).
//
// Contract: NormalizeText returns NFC text with Arabic presentation forms
// (U+FB50-U+FDFF, U+FE70-U+FEFF) folded to base letters (NFKC on those
// characters only, so lam-alef ligatures become two letters), bidi controls
// (U+200E/F, U+202A-E, U+2066-9, U+061C) and BOM removed, NBSP and other
// space separators turned into U+0020, CR LF / CR into LF, and other C0/C1
// controls except TAB and LF dropped. Input must be valid UTF-8. Linear time;
// thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace nufuz {

std::string NormalizeText(std::string_view utf8);

}  // namespace nufuz
