// Tests of FromBytes: format detection, encodings and refusals.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <string>
#include <vector>

#include "ingest/ingest.h"

namespace nufuz::ingest {
namespace {

// Encodes UTF-8 text in a legacy charset with ICU.
std::string Encode(const std::string& utf8, const char* charset) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &status);
  std::string out(static_cast<std::size_t>(u.length()) * 4 + 16, '\0');
  int32_t n = ucnv_fromUChars(conv, out.data(), static_cast<int32_t>(out.size()), u.getBuffer(),
                              u.length(), &status);
  ucnv_close(conv);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

const std::string kArabic =
    "أعلنت أوزبكستان عن خطة لتوسيع التجارة مع روسيا والصين.\n"
    "وقال الوزير إن المشروع يربط طشقند بموانئ بحر قزوين.";

TEST(IngestFormat, DetectsFormatByContentThenExtension) {
  struct Case {
    std::string name, bytes;
    Format expected;
  };
  const std::vector<Case> cases = {
      {"a.txt", kArabic, Format::kText},
      {"a.txt", "<!DOCTYPE html><html><body><p>" + kArabic + "</p></body></html>", Format::kHtml},
      {"noext", "<p>" + kArabic + "</p>\n<p>فقرة ثانية</p>", Format::kHtml},
      {"a.html", kArabic, Format::kHtml},  // no markup: the extension decides
      {"a.txt", "{\"doc\": \"x1\", \"text\": \"نص الخبر\"}\n", Format::kJsonl},
      {"a.json", "{\n  \"id\": \"x2\",\n  \"text\": \"نص الخبر\"\n}\n", Format::kJsonl},
      {"a.html", "أسعار النفط: 3 < 5 و 7 > 2", Format::kHtml},
      {"a.txt", "أسعار النفط: 3 < 5 و 7 > 2", Format::kText},
  };
  for (const Case& c : cases) {
    Document doc = FromBytes(c.bytes, c.name, Options{});
    EXPECT_FALSE(doc.failed) << c.name << ": " << doc.ErrorMessage();
    EXPECT_EQ(doc.source.format, c.expected) << c.name << ": " << c.bytes.substr(0, 40);
  }
}

TEST(IngestFormat, TextKeepsLinesAndNormalises) {
  Document doc = FromBytes(
      "\xEF\xBB\xBF"
      "سطر أول\r\nسطر\u00A0ثان \u200Fهنا\n",
      "n.txt", Options{});
  ASSERT_FALSE(doc.failed) << doc.ErrorMessage();
  EXPECT_EQ(doc.id, "n.txt");
  EXPECT_EQ(doc.source.encoding, "UTF-8");
  EXPECT_EQ(doc.raw_text, "سطر أول\nسطر ثان هنا\n");
  EXPECT_EQ(doc.original, "سطر أول\r\nسطر\u00A0ثان \u200Fهنا\n");  // BOM stripped only
}

TEST(IngestFormat, LegacyArabicEncodingsAreDetectedAndConverted) {
  struct Case {
    const char* charset;
    std::string name;
    std::string wrap_before, wrap_after;
  };
  const std::vector<Case> cases = {
      {"windows-1256", "cp.txt", "", ""},
      {"ISO-8859-6", "iso.txt", "", ""},
      {"windows-1256", "meta.html",
       "<html><head><meta charset=\"windows-1256\"><title>t</title></head><body><p>",
       "</p></body></html>"},
  };
  for (const Case& c : cases) {
    std::string text = kArabic;
    if (std::string(c.charset) == "ISO-8859-6") {
      // ISO-8859-6 has no hamza-on-alef-below letters beyond the basics; keep
      // to the letters it has.
      text = "اعلنت الحكومة عن خطة لتوسيع التجارة مع روسيا والصين.";
    }
    std::string bytes = Encode(c.wrap_before + text + c.wrap_after, c.charset);
    Document doc = FromBytes(bytes, c.name, Options{});
    ASSERT_FALSE(doc.failed) << c.name << ": " << doc.ErrorMessage();
    EXPECT_EQ(doc.source.encoding, c.charset) << c.name;
    EXPECT_NE(doc.raw_text.find(text.substr(0, text.find('\n'))), std::string::npos)
        << c.name << ": " << doc.raw_text;
  }
}

TEST(IngestFormat, RefusalsNameTheInputAndThePlace) {
  std::string bad = "نص عربي صحيح ثم بايت فاسد ";
  const std::size_t bad_at = bad.size();
  bad += "\xC3\x28 وبقية";
  std::string binary = "\x89PNG\r\n\x1A\n";
  binary += std::string("\0\0\0\rIHDR\0\0\0\x10", 12);
  struct Case {
    std::string name, bytes;
    std::uint64_t max_bytes;
    std::string code, message;
  };
  const std::vector<Case> cases = {
      {"bad.txt", bad, 1 << 20, "invalid-utf8",
       "bad.txt: invalid UTF-8 at byte " + std::to_string(bad_at)},
      {"bin.txt", binary, 1 << 20, "binary", "bin.txt: binary data, not text"},
      {"empty.txt", "", 1 << 20, "empty", "empty.txt: empty"},
      {"blank.txt", " \n\t\r\n  ", 1 << 20, "empty", "blank.txt: empty"},
      {"nbsp.txt", "\u00A0\u200F\n", 1 << 20, "empty", "nbsp.txt: empty"},
      {"big.txt", std::string(2000, 'a'), 1000, "too-large",
       "big.txt: too large (2000 bytes > limit 1000)"},
      {"empty.html", "<html><body><nav>قائمة</nav><script>x()</script></body></html>", 1 << 20,
       "empty", "empty.html: empty (no text in the HTML)"},
  };
  for (const Case& c : cases) {
    Options options;
    options.max_bytes = c.max_bytes;
    Document doc = FromBytes(c.bytes, c.name, options);
    EXPECT_TRUE(doc.failed) << c.name;
    ASSERT_FALSE(doc.diagnostics.empty()) << c.name;
    EXPECT_EQ(doc.diagnostics.back().code, c.code) << c.name;
    EXPECT_EQ(doc.ErrorMessage(), c.message) << c.name;
  }
}

TEST(IngestFormat, LenientRepairsInvalidUtf8WithAWarning) {
  // Latin bytes in Latin-1 are not a legacy Arabic encoding: still invalid.
  std::string bytes = "خبر عن الطاقة \xFF\xFE في كازاخستان\n caf\xE9 ";
  Options options;
  options.lenient = true;
  Document doc = FromBytes(bytes, "len.txt", options);
  ASSERT_FALSE(doc.failed) << doc.ErrorMessage();
  EXPECT_NE(doc.raw_text.find("\uFFFD"), std::string::npos);
  bool warned = false;
  for (const auto& d : doc.diagnostics)
    if (d.code == "lenient" && d.severity == Severity::kWarning) {
      warned = true;
      EXPECT_NE(d.message.find("replaced 3 invalid"), std::string::npos) << d.message;
    }
  EXPECT_TRUE(warned);
  Document strict = FromBytes(bytes, "len.txt", Options{});
  EXPECT_TRUE(strict.failed);
}

TEST(IngestFormat, Utf16WithBom) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(kArabic);
  std::string bytes = "\xFF\xFE";
  for (int32_t i = 0; i < u.length(); ++i) {
    bytes.push_back(static_cast<char>(u.charAt(i) & 0xFF));
    bytes.push_back(static_cast<char>(u.charAt(i) >> 8));
  }
  Document doc = FromBytes(bytes, "u16.txt", Options{});
  ASSERT_FALSE(doc.failed) << doc.ErrorMessage();
  EXPECT_EQ(doc.source.encoding, "UTF-16LE");
  EXPECT_EQ(doc.raw_text, kArabic);
}

}  // namespace
}  // namespace nufuz::ingest
