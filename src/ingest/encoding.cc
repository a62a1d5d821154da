#include "ingest/encoding.h"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "core/utf8.h"

namespace nufuz::ingest {
namespace {

bool IsArabic(char32_t c) {
  return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
         (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFF);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Maps a charset label to the legacy Arabic charset it names, or empty.
std::string CanonicalArabicCharset(std::string_view label) {
  std::string l = Lower(label);
  if (l == "windows-1256" || l == "cp1256" || l == "x-cp1256" || l == "win-1256") {
    return "windows-1256";
  }
  if (l == "iso-8859-6" || l == "iso8859-6" || l == "iso_8859-6" || l == "arabic" ||
      l == "asmo-708" || l == "iso-ir-127" || l == "ecma-114" || l == "csisolatinarabic" ||
      l == "iso-8859-6-i" || l == "iso-8859-6-e") {
    return "ISO-8859-6";
  }
  return {};
}

// Converts with an ICU converter; counts substituted (unmappable) characters.
struct Conversion {
  std::string utf8;
  std::size_t substituted = 0;
  bool ok = false;
};

Conversion Convert(std::string_view bytes, const char* charset) {
  Conversion out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(charset, &status), ucnv_close);
  if (U_FAILURE(status) || !conv) return out;
  icu::UnicodeString u;
  // Convert in chunks so one allocation per chunk, linear overall.
  std::vector<UChar> buf(1 << 15);
  const char* src = bytes.data();
  const char* limit = bytes.data() + bytes.size();
  while (true) {
    UChar* target = buf.data();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, buf.data() + buf.size(), &src, limit, nullptr, true,
                   &status);
    u.append(buf.data(), static_cast<int32_t>(target - buf.data()));
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) return out;
    break;
  }
  for (int32_t i = 0; i < u.length(); ++i) {
    UChar c = u.charAt(i);
    if (c == 0xFFFD || c == 0x1A) ++out.substituted;
  }
  u.toUTF8String(out.utf8);
  out.ok = true;
  return out;
}

std::size_t CountNonAscii(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) ++n;
  return n;
}

// Counts valid multi-byte UTF-8 sequences and invalid bytes.
void CountUtf8(std::string_view s, std::size_t& valid_multi, std::size_t& invalid) {
  valid_multi = invalid = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    char32_t c = utf8::Next(s, i);
    if (c == 0xFFFD && s.substr(start, 3) != "\xEF\xBF\xBD") {
      ++invalid;
    } else {
      ++valid_multi;
    }
  }
}

}  // namespace

double ArabicShareOfNonAscii(std::string_view s) {
  std::size_t letters = 0, arabic = 0, i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t c = utf8::Next(s, i);
    if (IsArabic(c)) {
      ++arabic;
      ++letters;
    } else if (u_isalpha(static_cast<UChar32>(c))) {
      ++letters;
    }
  }
  return letters == 0 ? 1.0 : static_cast<double>(arabic) / static_cast<double>(letters);
}

bool LooksBinary(std::string_view bytes) {
  std::string_view sample = bytes.substr(0, 1 << 16);
  if (std::memchr(sample.data(), 0, sample.size()) != nullptr) return true;
  // Control bytes other than \t \n \v \f \r (9..13) and ESC, and DEL.
  // Counted without branches so that the loop vectorises: it runs over
  // every text document.
  std::size_t controls = 0;
  for (char ch : sample) {
    const auto b = static_cast<unsigned char>(ch);
    controls +=
        static_cast<unsigned>((b < 0x20) & (static_cast<unsigned char>(b - 9) > 4) & (b != 0x1B)) |
        static_cast<unsigned>(b == 0x7F);
  }
  return !sample.empty() && controls * 20 > sample.size();  // over 5%
}

std::string DeclaredHtmlCharset(std::string_view bytes) {
  // No '<', no <meta>: plain text skips the lower-cased copy.
  const std::string_view raw = bytes.substr(0, 4096);
  if (std::memchr(raw.data(), '<', raw.size()) == nullptr) return {};
  std::string head = Lower(raw);
  std::size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    std::size_t end = head.find('>', pos);
    if (end == std::string::npos) end = head.size();
    std::size_t cs = head.find("charset", pos);
    if (cs != std::string::npos && cs < end) {
      std::size_t i = cs + 7;
      while (i < end && (head[i] == ' ' || head[i] == '=' || head[i] == '"' || head[i] == '\''))
        ++i;
      std::size_t j = i;
      while (j < end && (std::isalnum(static_cast<unsigned char>(head[j])) || head[j] == '-' ||
                         head[j] == '_' || head[j] == ':' || head[j] == '.'))
        ++j;
      if (j > i) return head.substr(i, j - i);
    }
    pos = end;
  }
  return {};
}

Decoded Decode(std::string bytes, std::string_view declared, bool lenient) {
  Decoded out;
  std::size_t bom = 0;
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bom = 3;
  if (bom == 0 && bytes.size() >= 2) {
    const char* utf16 = nullptr;
    if (bytes[0] == '\xFF' && bytes[1] == '\xFE') utf16 = "UTF-16LE";
    if (bytes[0] == '\xFE' && bytes[1] == '\xFF') utf16 = "UTF-16BE";
    if (utf16 != nullptr) {
      Conversion c = Convert(std::string_view(bytes).substr(2), utf16);
      if (c.ok) {
        out.text = std::move(c.utf8);
        out.encoding = utf16;
        out.replaced = c.substituted;
        return out;
      }
    }
  }
  std::optional<std::size_t> bad = utf8::FirstInvalid(std::string_view(bytes).substr(bom));
  if (!bad) {
    bytes.erase(0, bom);
    out.text = std::move(bytes);
    return out;
  }

  // Not UTF-8: is it a legacy Arabic charset? Collect candidates in order of
  // trust (declared, detector, defaults), then let the decoded text decide.
  // UTF-8 with a few damaged bytes is not a legacy charset: legacy Arabic
  // text forms almost no valid multi-byte UTF-8 sequences.
  std::size_t valid_multi = 0, invalid = 0;
  CountUtf8(bytes, valid_multi, invalid);
  if (bom == 0 && valid_multi * 4 < invalid) {
    std::vector<std::string> candidates;
    auto add = [&](const std::string& c) {
      if (!c.empty() && std::find(candidates.begin(), candidates.end(), c) == candidates.end())
        candidates.push_back(c);
    };
    add(CanonicalArabicCharset(declared));
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> det(ucsdet_open(&status),
                                                                       ucsdet_close);
    if (U_SUCCESS(status) && det) {
      std::string_view sample = std::string_view(bytes).substr(0, 1 << 16);
      ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
      int32_t n = 0;
      const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &n, &status);
      for (int32_t i = 0; U_SUCCESS(status) && i < n && i < 8; ++i) {
        UErrorCode s2 = U_ZERO_ERROR;
        const char* name = ucsdet_getName(matches[i], &s2);
        if (U_SUCCESS(s2) && name != nullptr) add(CanonicalArabicCharset(name));
      }
    }
    add("windows-1256");
    add("ISO-8859-6");
    double best_score = 0.0;
    Conversion best;
    std::string best_name;
    for (const std::string& name : candidates) {
      Conversion c = Convert(bytes, name.c_str());
      if (!c.ok) continue;
      std::size_t non_ascii = std::max<std::size_t>(1, CountNonAscii(bytes));
      double share = ArabicShareOfNonAscii(c.utf8);
      double sub_ratio = static_cast<double>(c.substituted) / static_cast<double>(non_ascii);
      double score = share - 5.0 * sub_ratio;
      if (share >= 0.6 && sub_ratio <= 0.01 && score > best_score) {
        best_score = score;
        best = std::move(c);
        best_name = name;
      }
    }
    if (!best_name.empty()) {
      out.text = std::move(best.utf8);
      out.encoding = best_name;
      return out;
    }
  }

  out.bad_at = *bad + bom;
  if (!lenient) {
    out.ok = false;
    return out;
  }
  bytes.erase(0, bom);
  out.replaced = utf8::Repair(bytes);
  out.text = std::move(bytes);
  return out;
}

}  // namespace nufuz::ingest
