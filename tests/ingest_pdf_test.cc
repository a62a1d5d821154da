// Tests of PDF ingest: round trips through PDFs the test writes itself.
//
// The PDFs are built here byte by byte: Latin text with the standard
// Helvetica font, Arabic text with a small Type3 font whose ToUnicode map
// gives each glyph its Arabic character (some as presentation forms, as real
// PDFs often do). Arabic glyphs are drawn in visual order, right to left
// across the page, so extraction must restore logical order.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "ingest/ingest.h"

namespace nufuz::ingest {
namespace {

std::string Hex(unsigned v, int width) {
  static const char* kDigits = "0123456789ABCDEF";
  std::string s(width, '0');
  for (int i = width - 1; i >= 0; --i, v >>= 4) s[i] = kDigits[v & 15];
  return s;
}

// Assembles objects into a PDF with a correct xref table.
class PdfWriter {
 public:
  int Add(std::string body) {
    objects_.push_back(std::move(body));
    return static_cast<int>(objects_.size());
  }
  void Set(int id, std::string body) { objects_[id - 1] = std::move(body); }
  static std::string Stream(const std::string& dict_extra, const std::string& data) {
    return "<< /Length " + std::to_string(data.size()) + dict_extra + " >>\nstream\n" + data +
           "\nendstream";
  }
  std::string Finish(int root) const {
    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects_.size(); ++i) {
      offsets.push_back(out.size());
      out += std::to_string(i + 1) + " 0 obj\n" + objects_[i] + "\nendobj\n";
    }
    std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects_.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t off : offsets) {
      std::string n = std::to_string(off);
      out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
    }
    out += "trailer\n<< /Size " + std::to_string(objects_.size() + 1) + " /Root " +
           std::to_string(root) + " 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
  }

 private:
  std::vector<std::string> objects_;
};

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '(' || c == ')' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// pages[i] = lines of page i (ASCII).
std::string LatinPdf(const std::vector<std::vector<std::string>>& pages) {
  PdfWriter w;
  int catalog = w.Add("");
  int pages_id = w.Add("");
  int font = w.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  std::string kids;
  for (const auto& lines : pages) {
    std::string content = "BT /F1 12 Tf 72 720 Td 16 TL\n";
    for (const auto& line : lines) content += "(" + Escape(line) + ") Tj T*\n";
    content += "ET";
    int stream = w.Add(PdfWriter::Stream("", content));
    int page =
        w.Add("<< /Type /Page /Parent " + std::to_string(pages_id) +
              " 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 " + std::to_string(font) +
              " 0 R >> >> /Contents " + std::to_string(stream) + " 0 R >>");
    kids += std::to_string(page) + " 0 R ";
  }
  w.Set(catalog, "<< /Type /Catalog /Pages " + std::to_string(pages_id) + " 0 R >>");
  w.Set(pages_id,
        "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  return w.Finish(catalog);
}

// Isolated presentation forms for some letters, to check that they fold.
char32_t PresentationForm(char32_t c) {
  static const std::map<char32_t, char32_t> kIsolated = {
      {U'ا', 0xFE8D}, {U'ر', 0xFEAD}, {U'د', 0xFEA9}, {U'و', 0xFEED}, {U'ز', 0xFEAF}};
  auto it = kIsolated.find(c);
  return it == kIsolated.end() ? c : it->second;
}

// pages[i] = lines of page i (Arabic, logical order), drawn right to left.
std::string ArabicPdf(const std::vector<std::vector<std::string>>& pages) {
  std::map<char32_t, int> codes;  // character -> byte code (32 = space)
  codes[U' '] = 32;
  for (const auto& lines : pages)
    for (const auto& line : lines)
      for (std::size_t i = 0; i < line.size();) {
        char32_t c = utf8::Next(line, i);
        if (!codes.count(c)) codes[c] = 33 + static_cast<int>(codes.size()) - 1;
      }
  const int first = 32, last = 32 + static_cast<int>(codes.size()) - 1;
  PdfWriter w;
  int catalog = w.Add("");
  int pages_id = w.Add("");
  // Glyph procedures: a box per letter, nothing for the space.
  std::string charprocs = "<<", differences = "[32", widths = "[";
  std::map<int, char32_t> by_code;
  for (auto [c, code] : codes) by_code[code] = c;
  for (auto [code, c] : by_code) {
    const bool space = c == U' ';
    int proc =
        w.Add(PdfWriter::Stream("", space ? "300 0 d0" : "500 0 0 0 450 600 d1 50 0 350 600 re f"));
    charprocs += " /g" + std::to_string(code) + " " + std::to_string(proc) + " 0 R";
    differences += " /g" + std::to_string(code);
    widths += space ? " 300" : " 500";
  }
  charprocs += " >>";
  differences += "]";
  widths += "]";
  std::string cmap =
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
      "1 begincodespacerange <00> <FF> endcodespacerange\n" +
      std::to_string(codes.size()) + " beginbfchar\n";
  for (auto [code, c] : by_code)
    cmap += "<" + Hex(static_cast<unsigned>(code), 2) + "> <" +
            Hex(static_cast<unsigned>(PresentationForm(c)), 4) + ">\n";
  cmap += "endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end";
  int tounicode = w.Add(PdfWriter::Stream("", cmap));
  int font = w.Add(
      "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] /FontMatrix [0.001 0 "
      "0 0.001 0 0] /CharProcs " +
      charprocs + " /Encoding << /Type /Encoding /Differences " + differences + " >> /FirstChar " +
      std::to_string(first) + " /LastChar " + std::to_string(last) + " /Widths " + widths +
      " /Resources << >> /ToUnicode " + std::to_string(tounicode) + " 0 R >>");
  std::string kids;
  for (const auto& lines : pages) {
    std::string content = "BT /F1 12 Tf\n";
    double y = 720;
    for (const auto& line : lines) {
      std::vector<char32_t> cps;
      for (std::size_t i = 0; i < line.size();) cps.push_back(utf8::Next(line, i));
      // Visual order: the last logical character is drawn leftmost.
      std::string visual;
      double width = 0;
      for (auto it = cps.rbegin(); it != cps.rend(); ++it) {
        int code = codes[*it];
        visual += "\\" + std::to_string(code / 64) + std::to_string((code / 8) % 8) +
                  std::to_string(code % 8);
        width += (*it == U' ' ? 300 : 500) * 12 / 1000.0;
      }
      const double x = 540 - width;  // right-aligned at x = 540
      content +=
          "1 0 0 1 " + std::to_string(x) + " " + std::to_string(y) + " Tm (" + visual + ") Tj\n";
      y -= 18;
    }
    content += "ET";
    int stream = w.Add(PdfWriter::Stream("", content));
    int page =
        w.Add("<< /Type /Page /Parent " + std::to_string(pages_id) +
              " 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 " + std::to_string(font) +
              " 0 R >> >> /Contents " + std::to_string(stream) + " 0 R >>");
    kids += std::to_string(page) + " 0 R ";
  }
  w.Set(catalog, "<< /Type /Catalog /Pages " + std::to_string(pages_id) + " 0 R >>");
  w.Set(pages_id,
        "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  return w.Finish(catalog);
}

std::string PageText(const Document& doc, const Span& span) {
  return std::string(utf8::SubstrCp(doc.raw_text, span.start, span.end));
}

TEST(IngestPdf, LatinRoundTripWithPageSpans) {
  const std::vector<std::vector<std::string>> pages = {
      {"Kazakhstan signed a transit agreement.", "The corridor crosses the Caspian Sea."},
      {"Uzbekistan announced a new rail link."}};
  Document doc = FromBytes(LatinPdf(pages), "report.pdf", Options{});
  ASSERT_FALSE(doc.failed) << doc.ErrorMessage();
  EXPECT_EQ(doc.source.format, Format::kPdf);
  ASSERT_EQ(doc.spans.size(), 2u);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const Span& s = doc.spans[i];
    EXPECT_EQ(s.label, "PAGE");
    ASSERT_NE(s.Attr("page"), nullptr);
    EXPECT_EQ(*s.Attr("page"), std::to_string(i + 1));
    std::string expected;
    for (const auto& line : pages[i]) expected += (expected.empty() ? "" : "\n") + line;
    EXPECT_EQ(PageText(doc, s), expected);
  }
  EXPECT_EQ(doc.spans[1].start, doc.spans[0].end + 1);  // one '\n' between pages
  EXPECT_EQ(doc.spans[1].end, utf8::Length(doc.raw_text));
}

TEST(IngestPdf, ArabicRoundTripInLogicalOrder) {
  const std::vector<std::vector<std::string>> pages = {
      {"وقعت كازاخستان اتفاقا للنقل", "مع الصين حول ممر بحر قزوين"}, {"وزار وفد روسي مدينة طشقند"}};
  Document doc = FromBytes(ArabicPdf(pages), "arabic.pdf", Options{});
  ASSERT_FALSE(doc.failed) << doc.ErrorMessage();
  ASSERT_EQ(doc.spans.size(), 2u);
  EXPECT_EQ(PageText(doc, doc.spans[0]), pages[0][0] + "\n" + pages[0][1]);
  EXPECT_EQ(PageText(doc, doc.spans[1]), pages[1][0]);
}

TEST(IngestPdf, BrokenAndEncryptedPdfsFailNamingTheFile) {
  struct Case {
    std::string name, bytes, error;
  };
  std::string pdf = LatinPdf({{"Some text on a page."}});
  std::string truncated = pdf.substr(0, pdf.size() / 3);
  // An /Encrypt entry in the trailer whose handler poppler cannot open.
  std::string encrypted = pdf;
  std::size_t root = encrypted.find("/Root");
  encrypted.insert(root, "/Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <" +
                             std::string(64, '0') + "> /U <" + std::string(64, '0') +
                             "> >> /ID [<" + std::string(32, '1') + "> <" + std::string(32, '1') +
                             ">] ");
  const std::vector<Case> cases = {
      {"garbage.pdf", "%PDF-1.4\nthis is not a pdf at all\n", "garbage.pdf: unreadable PDF"},
      {"cut.pdf", truncated, "cut.pdf: "},
      {"locked.pdf", encrypted, "locked.pdf: encrypted PDF"},
      {"nomagic.pdf", "plain words, no header", "nomagic.pdf: unreadable PDF (no %PDF header)"},
  };
  for (const Case& c : cases) {
    Document doc = FromBytes(c.bytes, c.name, Options{});
    if (c.name == "cut.pdf" && !doc.failed) continue;  // poppler may reconstruct a cut file
    EXPECT_TRUE(doc.failed) << c.name;
    EXPECT_EQ(doc.ErrorMessage().rfind(c.error, 0), 0u) << c.name << ": " << doc.ErrorMessage();
  }
}

TEST(IngestPdf, FileThroughStream) {
  const auto dir = std::filesystem::temp_directory_path() / "nufuz_ingest_pdf_test";
  std::filesystem::create_directories(dir);
  const auto path = dir / "one.pdf";
  {
    std::ofstream out(path, std::ios::binary);
    out << LatinPdf({{"Tajikistan opened a hydropower plant."}});
  }
  DocumentStream stream({path.string()}, Options{});
  Document doc;
  ASSERT_TRUE(stream.Next(doc));
  EXPECT_FALSE(doc.failed) << doc.ErrorMessage();
  EXPECT_EQ(doc.id, path.string());
  EXPECT_EQ(doc.raw_text, "Tajikistan opened a hydropower plant.");
  EXPECT_FALSE(stream.Next(doc));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace nufuz::ingest
