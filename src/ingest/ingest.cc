#include "ingest/ingest.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>

#include "core/data.h"
#include "core/unicode.h"
#include "core/utf8.h"
#include "ingest/encoding.h"
#include "ingest/html.h"
#include "ingest/pdf.h"

namespace nufuz::ingest {
namespace fs = std::filesystem;

// ---------------------------------------------------------------- lexicon

Result<std::shared_ptr<const HtmlLexicon>> HtmlLexicon::Load(const fs::path& data_dir) {
  fs::path path = data_dir / "lexicon" / "html_furniture.tsv";
  Result<std::string> text = ReadSmallFile(path);
  if (!text.ok()) return text.status();
  return Parse(*text, path.string());
}

Result<std::shared_ptr<const HtmlLexicon>> HtmlLexicon::Parse(std::string_view tsv,
                                                              std::string name) {
  Result<TsvTable> table =
      TsvTable::Parse(tsv, std::move(name), {"keyword", "match", "kind", "reason"});
  if (!table.ok()) return table.status();
  auto lex = std::make_shared<HtmlLexicon>();
  const int kw = table->Column("keyword"), match = table->Column("match"),
            kind = table->Column("kind"), reason = table->Column("reason");
  for (std::size_t row = 0; row < table->rows(); ++row) {
    Entry e;
    e.keyword = table->Cell(row, kw);
    for (char& c : e.keyword)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    e.match = table->Cell(row, match);
    e.reason = table->Cell(row, reason);
    const std::string& k = table->Cell(row, kind);
    if (e.keyword.empty())
      return Status::Error(StatusCode::kDataError, table->Where(row) + ": empty keyword");
    if (e.match != "token" && e.match != "substring" && e.match != "role")
      return Status::Error(
          StatusCode::kDataError,
          table->Where(row) + ": match must be token, substring or role, not '" + e.match + "'");
    if (k != "drop" && k != "content")
      return Status::Error(StatusCode::kDataError,
                           table->Where(row) + ": kind must be drop or content, not '" + k + "'");
    e.content = k == "content";
    lex->entries_.push_back(std::move(e));
  }
  return std::shared_ptr<const HtmlLexicon>(std::move(lex));
}

const HtmlLexicon::Entry* HtmlLexicon::Match(std::string_view value, bool role) const {
  std::string low(value);
  for (char& c : low)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  auto is_sep = [role](char c) {
    return c == ' ' || c == '\t' || c == '\n' || (!role && (c == '-' || c == '_' || c == ':'));
  };
  std::vector<std::string_view> tokens;
  std::string_view sv(low);
  for (std::size_t i = 0; i < sv.size();) {
    while (i < sv.size() && is_sep(sv[i])) ++i;
    std::size_t j = i;
    while (j < sv.size() && !is_sep(sv[j])) ++j;
    if (j > i) tokens.push_back(sv.substr(i, j - i));
    i = j;
  }
  for (const Entry& e : entries_) {
    if (role != (e.match == "role")) continue;
    if (e.match == "substring") {
      if (low.find(e.keyword) != std::string::npos) return &e;
    } else if (std::find(tokens.begin(), tokens.end(), e.keyword) != tokens.end()) {
      return &e;
    }
  }
  return nullptr;
}

namespace {

// ---------------------------------------------------------------- helpers

constexpr std::size_t kPeekBytes = 4096;

std::string TooLarge(const std::string& name, std::uint64_t size, std::uint64_t limit,
                     bool at_least = false) {
  return name + ": too large (" +
         (at_least ? "over " + std::to_string(limit) : std::to_string(size)) + " bytes > limit " +
         std::to_string(limit) + ")";
}

const HtmlLexicon* DefaultLexicon(std::string& error) {
  static std::once_flag once;
  static std::shared_ptr<const HtmlLexicon> lexicon;
  static std::string load_error;
  std::call_once(once, [] {
    auto r = HtmlLexicon::Load(DataDir());
    if (r.ok()) {
      lexicon = *r;
    } else {
      load_error = r.status().message();
    }
  });
  error = load_error;
  return lexicon.get();
}

bool IsBlank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  return true;
}

std::string_view SkipBomAndSpace(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  return s;
}

bool HasPdfMagic(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

bool LooksLikeHtml(std::string_view text) {
  std::string_view head = SkipBomAndSpace(text).substr(0, kPeekBytes);
  // Every marker starts with '<': plain text skips the lower-cased copy.
  if (std::memchr(head.data(), '<', head.size()) == nullptr) return false;
  std::string low(head);
  for (char& c : low)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  static const char* const kMarkers[] = {"<!doctype html", "<html", "<head", "<body", "<p>",
                                         "</p>",           "<div",  "<br",   "<meta", "<title",
                                         "<article",       "<p "};
  int found = 0;
  for (const char* m : kMarkers)
    if (low.find(m) != std::string::npos) ++found;
  if (found == 0) return false;
  return (!low.empty() && low.front() == '<') || found >= 2;
}

// The first line of text, if it is a JSON object.
bool FirstLineIsJsonObject(std::string_view text) {
  std::string_view s = SkipBomAndSpace(text);
  if (s.empty() || s.front() != '{') return false;
  std::string_view line = s.substr(0, s.find('\n'));
  auto j = nlohmann::json::parse(line, nullptr, false);
  return !j.is_discarded() && j.is_object();
}

std::optional<Format> FormatFromExtension(const std::string& name) {
  std::string ext = fs::path(name).extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return Format::kHtml;
  if (ext == ".json" || ext == ".jsonl" || ext == ".ndjson") return Format::kJsonl;
  if (ext == ".pdf") return Format::kPdf;
  if (ext == ".txt" || ext == ".text" || ext == ".md") return Format::kText;
  return std::nullopt;
}

bool WalkableFile(const fs::path& p) {
  return !p.has_extension() || FormatFromExtension(p.string()).has_value();
}

void SetTitle(Document& doc, const std::string& title) {
  std::string t = NormalizeText(title);
  std::replace(t.begin(), t.end(), '\n', ' ');
  std::replace(t.begin(), t.end(), '\t', ' ');
  std::size_t b = t.find_first_not_of(' '), e = t.find_last_not_of(' ');
  doc.title = b == std::string::npos ? std::string() : t.substr(b, e - b + 1);
}

const HtmlLexicon* LexiconFor(const Options& options, Document& doc) {
  if (options.html_lexicon) return options.html_lexicon.get();
  std::string error;
  const HtmlLexicon* lex = DefaultLexicon(error);
  if (lex == nullptr)
    doc.Diagnose(Severity::kWarning, "ingest", "no-html-lexicon",
                 "HTML furniture lexicon unavailable (" + error + "); only tag rules apply");
  return lex;
}

// Fills text fields from decoded text of a given format. `where` names the
// input in messages.
void BuildFromText(Document& doc, std::string text, Format format, const std::string& where,
                   const Options& options) {
  if (format == Format::kHtml) {
    HtmlResult h = ExtractHtml(text, LexiconFor(options, doc));
    doc.original = std::move(text);
    if (h.failed) {
      doc.Fail("ingest", "bad-html", where + ": " + h.error);
      return;
    }
    for (const auto& note : h.notes) doc.Diagnose(Severity::kInfo, "ingest", "html", note);
    doc.raw_text = NormalizeText(h.text);
    SetTitle(doc, h.title);
    if (doc.source.url.empty()) doc.source.url = h.url;
    if (doc.source.outlet.empty()) doc.source.outlet = h.outlet;
    if (!doc.published && h.published) {
      doc.published = h.published;
      doc.published_source = "html-meta";
      doc.Diagnose(Severity::kInfo, "ingest", "published", "date from " + h.published_from);
    }
    if (IsBlank(doc.raw_text)) doc.Fail("ingest", "empty", where + ": empty (no text in the HTML)");
    return;
  }
  doc.raw_text = NormalizeText(text);
  doc.original = std::move(text);
  if (IsBlank(doc.raw_text)) doc.Fail("ingest", "empty", where + ": empty");
}

Document RecordFromJson(const nlohmann::json& j, const std::string& input_name,
                        std::uint64_t line_no, const Options& options, Document doc) {
  const std::string where = input_name + ":" + std::to_string(line_no);
  if (!j.is_object()) {
    doc.Fail("ingest", "bad-record", where + ": JSON record is not an object");
    return doc;
  }
  for (const char* key : {"doc", "id"}) {
    auto it = j.find(key);
    if (it == j.end()) continue;
    if (it->is_string() && !it->get<std::string>().empty()) {
      doc.id = it->get<std::string>();
      break;
    }
    if (it->is_number()) {
      doc.id = it->dump();
      break;
    }
  }
  auto str = [&](const char* key) -> std::string {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  doc.source.url = str("url");
  doc.source.outlet = str("outlet");
  if (auto it = j.find("published"); it != j.end() && !it->is_null()) {
    std::string raw = it->is_string() ? it->get<std::string>() : it->dump();
    if (auto d = ParseDate(raw)) {
      doc.published = d;
      doc.published_source = "input";
    } else {
      doc.Diagnose(
          Severity::kWarning, "ingest", "bad-published",
          where + ": unrecognised \"published\" value '" + raw.substr(0, 64) + "' ignored");
    }
  }
  if (auto t = j.find("title"); t != j.end() && t->is_string())
    SetTitle(doc, t->get<std::string>());
  std::string text = str("text");
  Format format = Format::kText;
  if (IsBlank(text)) {
    std::string html = str("html");
    if (!html.empty()) {
      text = std::move(html);
      format = Format::kHtml;
    }
  }
  if (text.empty() && !j.contains("text") && !j.contains("html")) {
    doc.Fail("ingest", "bad-record", where + ": record has no \"text\" or \"html\" string");
    return doc;
  }
  std::string title = doc.title;
  BuildFromText(doc, std::move(text), format, where + " (" + doc.id + ")", options);
  if (!title.empty()) doc.title = title;
  return doc;
}

// A JSON Lines record as a crawler writes it: one flat object whose values
// are strings or null ({"doc": "...", "text": "..."}). nlohmann's lexer
// reads such a line one character at a time through a general state machine
// (and checks UTF-8 again, which FirstInvalid has done), a tenth of analyze
// on a JSONL batch; this reader copies the runs between quotes and escapes
// whole. It gives up (nullopt) on anything else, malformed lines included,
// so nlohmann still decides, and words the error for, every other line. Its
// result equals nlohmann's DOM for the lines it accepts: the same escapes,
// surrogate pairs and control-character rule, and the last of a repeated
// key wins as in nlohmann's DOM parser.
class FlatRecordReader {
 public:
  explicit FlatRecordReader(std::string_view line) : s_(line) {}

  std::optional<nlohmann::json> Read() {
    nlohmann::json record = nlohmann::json::object();
    SkipSpace();
    if (!Eat('{')) return std::nullopt;
    SkipSpace();
    if (!Eat('}')) {
      std::string key, value;
      while (true) {
        SkipSpace();
        if (!String(key)) return std::nullopt;
        SkipSpace();
        if (!Eat(':')) return std::nullopt;
        SkipSpace();
        if (s_.substr(p_, 4) == "null") {
          p_ += 4;
          record[key] = nullptr;
        } else if (String(value)) {
          record[key] = std::move(value);
        } else {
          return std::nullopt;  // a number, object, array, boolean or error
        }
        SkipSpace();
        if (Eat(',')) continue;
        if (Eat('}')) break;
        return std::nullopt;
      }
    }
    SkipSpace();
    if (p_ != s_.size()) return std::nullopt;
    return record;
  }

 private:
  bool Eat(char c) {
    if (p_ < s_.size() && s_[p_] == c) {
      ++p_;
      return true;
    }
    return false;
  }
  void SkipSpace() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\t' || s_[p_] == '\n' || s_[p_] == '\r'))
      ++p_;
  }
  // Four hex digits after \u.
  bool Hex4(char32_t& out) {
    if (s_.size() - p_ < 4) return false;
    out = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[p_++];
      int d;
      if (c >= '0' && c <= '9')
        d = c - '0';
      else if (c >= 'a' && c <= 'f')
        d = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        d = c - 'A' + 10;
      else
        return false;
      out = out * 16 + static_cast<char32_t>(d);
    }
    return true;
  }
  // A string at p_ into `out` (cleared first).
  bool String(std::string& out) {
    out.clear();
    if (!Eat('"')) return false;
    while (true) {
      const std::size_t b = p_;
      // Eight bytes at a time while none of them is a quote, a backslash or
      // a control character (the usual test for a zero byte, applied to
      // x ^ '"' and x ^ '\\', and for a byte below 0x20).
      constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
      auto zero_byte = [&](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
      while (s_.size() - p_ >= 8) {
        std::uint64_t x;
        std::memcpy(&x, s_.data() + p_, 8);
        if ((zero_byte(x ^ (kOnes * '"')) | zero_byte(x ^ (kOnes * '\\')) |
             ((x - kOnes * 0x20) & ~x & kHigh)) != 0)
          break;
        p_ += 8;
      }
      while (p_ < s_.size()) {
        const auto c = static_cast<unsigned char>(s_[p_]);
        if (c == '"' || c == '\\' || c < 0x20) break;
        ++p_;
      }
      out.append(s_.data() + b, p_ - b);
      if (p_ == s_.size() || static_cast<unsigned char>(s_[p_]) < 0x20) return false;
      if (s_[p_++] == '"') return true;
      if (p_ == s_.size()) return false;
      switch (s_[p_++]) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          char32_t c;
          if (!Hex4(c)) return false;
          if (c >= 0xDC00 && c <= 0xDFFF) return false;  // a low surrogate alone
          if (c >= 0xD800 && c <= 0xDBFF) {
            char32_t low;
            if (!Eat('\\') || !Eat('u') || !Hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
          }
          utf8::Append(out, c);
          break;
        }
        default: return false;
      }
    }
  }

  std::string_view s_;
  std::size_t p_ = 0;
};

// `line_offset`: byte offset of the line in its file, when known.
Document RecordFromLine(std::string_view line, const std::string& input_name, std::uint64_t line_no,
                        std::uint64_t full_size, const Options& options,
                        std::optional<std::uint64_t> line_offset = std::nullopt) {
  Document doc;
  doc.id = input_name + "#" + std::to_string(line_no);
  doc.source.path = input_name;
  doc.source.format = Format::kJsonl;
  doc.source.record = line_no;
  const std::string where = input_name + ":" + std::to_string(line_no);
  if (full_size > options.max_bytes) {
    doc.Fail("ingest", "too-large", TooLarge(where, full_size, options.max_bytes));
    return doc;
  }
  std::string repaired;
  if (auto bad = utf8::FirstInvalid(line)) {
    if (!options.lenient) {
      std::string at = "byte " + std::to_string(*bad) + " of the line";
      if (line_offset) at = "byte " + std::to_string(*line_offset + *bad) + " (" + at + ")";
      doc.Fail("ingest", "invalid-utf8", where + ": invalid UTF-8 at " + at,
               line_offset ? *line_offset + *bad : *bad);
      return doc;
    }
    repaired = std::string(line);
    std::size_t n = utf8::Repair(repaired);
    doc.Diagnose(Severity::kWarning, "ingest", "lenient",
                 where + ": replaced " + std::to_string(n) +
                     " invalid UTF-8 sequence(s) with U+FFFD (first at byte " +
                     std::to_string(*bad) + " of the line)",
                 *bad);
    line = repaired;
  }
  nlohmann::json j;
  if (std::optional<nlohmann::json> flat = FlatRecordReader(line).Read())
    return RecordFromJson(*flat, input_name, line_no, options, std::move(doc));
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    doc.Fail(
        "ingest", "bad-record",
        where + ": malformed JSON record (syntax error at byte " + std::to_string(e.byte) + ")");
    return doc;
  }
  return RecordFromJson(j, input_name, line_no, options, std::move(doc));
}

}  // namespace

// ---------------------------------------------------------------- documents

Document FromJsonRecord(std::string_view line, const std::string& input_name, std::uint64_t line_no,
                        const Options& options) {
  return RecordFromLine(line, input_name, line_no, line.size(), options);
}

Document FromBytes(std::string bytes, const std::string& name, const Options& options,
                   std::optional<Format> hint) {
  Document doc;
  doc.id = name;
  doc.source.path = name;
  if (!hint) hint = FormatFromExtension(name);
  if (bytes.size() > options.max_bytes) {
    doc.Fail("ingest", "too-large", TooLarge(name, bytes.size(), options.max_bytes));
    return doc;
  }
  if (HasPdfMagic(bytes)) {
    doc.source.format = Format::kPdf;
    doc.source.encoding = "PDF";
    PdfResult pdf = ExtractPdf(bytes);
    if (!pdf.ok) {
      doc.Fail("ingest", "bad-pdf", name + ": " + pdf.error);
      return doc;
    }
    std::uint32_t cp = 0;
    for (std::size_t i = 0; i < pdf.pages.size(); ++i) {
      if (i > 0) {
        doc.original.push_back('\n');
        doc.raw_text.push_back('\n');
        ++cp;
      }
      std::string norm = NormalizeText(pdf.pages[i]);
      while (!norm.empty() && norm.back() == '\n') norm.pop_back();
      const std::uint32_t len = static_cast<std::uint32_t>(utf8::Length(norm));
      doc.spans.push_back({cp, cp + len, "PAGE", {{"page", std::to_string(i + 1)}}});
      cp += len;
      doc.raw_text += norm;
      doc.original += pdf.pages[i];
    }
    SetTitle(doc, pdf.title);
    if (IsBlank(doc.raw_text))
      doc.Fail("ingest", "empty", name + ": empty (no text in the PDF; scanned images?)");
    return doc;
  }
  if (hint == Format::kPdf) {
    doc.source.format = Format::kPdf;
    doc.Fail("ingest", "bad-pdf", name + ": unreadable PDF (no %PDF header)");
    return doc;
  }
  if (IsBlank(bytes)) {
    doc.Fail("ingest", "empty", name + ": empty");
    return doc;
  }
  const bool utf16_bom = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                                               (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
  if (!utf16_bom && LooksBinary(bytes)) {
    doc.Fail("ingest", "binary", name + ": binary data, not text");
    return doc;
  }
  const std::string declared = DeclaredHtmlCharset(bytes);
  Decoded d = Decode(std::move(bytes), declared, options.lenient);
  if (!d.ok) {
    doc.Fail("ingest", "invalid-utf8",
             name + ": invalid UTF-8 at byte " + std::to_string(*d.bad_at), d.bad_at);
    return doc;
  }
  doc.source.encoding = d.encoding;
  if (d.encoding != "UTF-8")
    doc.Diagnose(Severity::kInfo, "ingest", "encoding", name + ": decoded from " + d.encoding);
  if (d.replaced > 0)
    doc.Diagnose(Severity::kWarning, "ingest", "lenient",
                 name + ": replaced " + std::to_string(d.replaced) +
                     " invalid UTF-8 sequence(s) with U+FFFD" +
                     (d.bad_at ? " (first at byte " + std::to_string(*d.bad_at) + ")" : ""),
                 d.bad_at);

  // Content first, extension second.
  Format format = Format::kText;
  std::string_view s = SkipBomAndSpace(d.text);
  if (!s.empty() && (s.front() == '{' || s.front() == '[')) {
    const bool one_line = FirstLineIsJsonObject(s);
    if (one_line || hint == Format::kJsonl) {
      // One JSON document (object, array of one object) or JSON Lines.
      auto j = nlohmann::json::parse(s, nullptr, false);
      std::size_t lines = 0;
      for (std::size_t p = 0; p < s.size(); p = s.find('\n', p) + 1) {
        std::size_t e = s.find('\n', p);
        if (!IsBlank(s.substr(p, e == std::string_view::npos ? s.npos : e - p))) ++lines;
        if (e == std::string_view::npos) break;
      }
      if (!j.is_discarded() && j.is_array() && j.size() == 1) j = j[0];
      if (!j.is_discarded() && j.is_object()) {
        doc.source.format = Format::kJsonl;
        return RecordFromJson(j, name, 1, options, std::move(doc));
      }
      if (one_line && lines == 1) {
        return RecordFromLine(s, name, 1, s.size(), options);
      }
      doc.source.format = Format::kJsonl;
      if (!j.is_discarded() || one_line) {
        doc.Fail("ingest", "unsupported",
                 name + ": holds several JSON records; read it through DocumentStream");
      } else {
        doc.Fail("ingest", "bad-record", name + ": malformed JSON");
      }
      return doc;
    }
  }
  if (LooksLikeHtml(d.text)) {
    format = Format::kHtml;
  } else if (hint == Format::kHtml) {
    format = Format::kHtml;
  }
  doc.source.format = format;
  BuildFromText(doc, std::move(d.text), format, name, options);
  return doc;
}

// ---------------------------------------------------------------- stream

namespace {

// Reads lines from a stream in 64 KiB chunks, keeping at most `limit` bytes
// of any line (the rest is counted and skipped).
class LineReader {
 public:
  LineReader(std::istream* in, std::string seed) : in_(in), buf_(std::move(seed)) {}

  // False at the end. `full` receives the true line length, `offset` the
  // byte offset of the line in the input.
  bool Next(std::string& line, std::uint64_t limit, std::uint64_t& full, std::uint64_t& offset) {
    line.clear();
    full = 0;
    offset = consumed_;
    bool any = false;
    while (true) {
      if (pos_ == buf_.size()) {
        if (!Refill()) {
          if (any && !line.empty() && line.back() == '\r') line.pop_back();
          return any;
        }
      }
      any = true;
      const char* start = buf_.data() + pos_;
      std::size_t avail = buf_.size() - pos_;
      const void* nl = std::memchr(start, '\n', avail);
      std::size_t n = nl != nullptr ? static_cast<const char*>(nl) - start : avail;
      if (line.size() < limit) line.append(start, std::min<std::uint64_t>(n, limit - line.size()));
      full += n;
      pos_ += n;
      consumed_ += n;
      if (nl != nullptr) {
        ++pos_;
        ++consumed_;
        if (!line.empty() && line.back() == '\r') {
          line.pop_back();
          --full;
        }
        return true;
      }
    }
  }

 private:
  bool Refill() {
    if (in_ == nullptr || !*in_) return false;
    buf_.resize(1 << 16);
    in_->read(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.resize(static_cast<std::size_t>(in_->gcount()));
    pos_ = 0;
    return !buf_.empty();
  }

  std::istream* in_;
  std::string buf_;
  std::size_t pos_ = 0;
  std::uint64_t consumed_ = 0;
};

// Reads up to n bytes.
std::string ReadUpTo(std::istream& in, std::uint64_t n) {
  std::string out;
  char buf[1 << 16];
  while (out.size() < n && in) {
    in.read(buf, static_cast<std::streamsize>(std::min<std::uint64_t>(sizeof buf, n - out.size())));
    out.append(buf, static_cast<std::size_t>(in.gcount()));
    if (in.gcount() == 0) break;
  }
  return out;
}

Document FailedInput(const std::string& name, const std::string& code, const std::string& message) {
  Document doc;
  doc.id = name;
  doc.source.path = name;
  doc.Fail("ingest", code, message);
  return doc;
}

}  // namespace

struct DocumentStream::State {
  std::vector<std::string> inputs;
  Options options;
  std::size_t next_input = 0;

  struct Level {
    std::vector<fs::path> entries;
    // Whether each entry is a directory, as listed (saves a stat per file).
    std::vector<bool> is_dir;
    std::size_t next = 0;
  };
  std::vector<Level> walk;  // one listing per directory level

  // JSON Lines in progress.
  std::unique_ptr<std::ifstream> file;
  std::unique_ptr<LineReader> lines;
  std::string lines_name;
  std::uint64_t line_no = 0;
  std::string line;

  bool NextRecord(Document& out) {
    std::uint64_t full = 0, offset = 0;
    while (lines->Next(line, options.max_bytes + 1, full, offset)) {
      ++line_no;
      if (full <= options.max_bytes && IsBlank(line)) continue;
      out = RecordFromLine(line, lines_name, line_no, full, options, offset);
      return true;
    }
    lines.reset();
    file.reset();
    return false;
  }

  // Opens one file (or stdin). Returns true when `out` holds a document;
  // false when a JSON Lines stream was started instead.
  bool Open(const std::string& name, Document& out) {
    std::istream* in = nullptr;
    std::optional<std::uint64_t> size;
    if (name == "-") {
      in = &std::cin;
    } else {
      auto f = std::make_unique<std::ifstream>(name, std::ios::binary);
      if (!*f) {
        out = FailedInput(name, "io-error", name + ": cannot open (" + std::strerror(errno) + ")");
        return true;
      }
      std::error_code ec;
      std::uint64_t s = fs::file_size(name, ec);
      if (!ec) size = s;
      file = std::move(f);
      in = file.get();
    }
    std::string head = ReadUpTo(*in, kPeekBytes);
    std::string_view s = SkipBomAndSpace(head);
    if (!s.empty() && s.front() == '{' && !HasPdfMagic(head)) {
      // JSON Lines if the first line is a JSON object.
      auto reader = std::make_unique<LineReader>(in, std::move(head));
      std::string first;
      std::uint64_t full = 0, offset = 0;
      reader->Next(first, options.max_bytes + 1, full, offset);
      std::string_view fl = SkipBomAndSpace(first);
      auto j = nlohmann::json::parse(fl, nullptr, false);
      const bool ext_jsonl =
          FormatFromExtension(name) == Format::kJsonl && fs::path(name).extension() != ".json";
      if ((!j.is_discarded() && j.is_object()) || ext_jsonl || full > options.max_bytes) {
        lines = std::move(reader);
        lines_name = name;
        line_no = 1;
        out = RecordFromLine(fl, name, 1, full, options);
        return true;
      }
      // Not JSON Lines (a pretty-printed JSON document): re-read whole.
      lines.reset();
      if (name == "-") {
        out = FailedInput(name, "unsupported",
                          "-: multi-line JSON on stdin is not supported; send JSON Lines");
        file.reset();
        return true;
      }
      file = std::make_unique<std::ifstream>(name, std::ios::binary);
      in = file.get();
      head = ReadUpTo(*in, kPeekBytes);
    }
    lines.reset();
    // One document: check the size before reading the rest.
    if (size && *size > options.max_bytes) {
      out = FailedInput(name, "too-large", TooLarge(name, *size, options.max_bytes));
      file.reset();
      return true;
    }
    std::string bytes = std::move(head);
    if (bytes.size() <= options.max_bytes)
      bytes += ReadUpTo(*in, options.max_bytes + 1 - bytes.size());
    file.reset();
    if (bytes.size() > options.max_bytes) {
      out = FailedInput(name, "too-large", TooLarge(name, bytes.size(), options.max_bytes, true));
      return true;
    }
    out = FromBytes(std::move(bytes), name, options);
    return true;
  }

  // Pushes a sorted listing of a directory.
  bool PushDir(const fs::path& dir, Document& out) {
    Level level;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      std::string fname = p.filename().string();
      if (fname.empty() || fname.front() == '.') continue;
      std::error_code e2;
      if (it->is_symlink(e2) && it->is_directory(e2)) continue;
      const bool is_dir = it->is_directory(e2);
      if (is_dir || (it->is_regular_file(e2) && WalkableFile(p))) {
        level.entries.push_back(p);
        level.is_dir.push_back(is_dir);
      }
    }
    if (ec) {
      out = FailedInput(dir.string(), "io-error",
                        dir.string() + ": cannot read directory (" + ec.message() + ")");
      return true;
    }
    // Sorted by file name, keeping each entry's directory flag with it.
    // (File names taken once, not twice per comparison.)
    std::vector<fs::path> names;
    std::vector<std::size_t> order(level.entries.size());
    names.reserve(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
      order[i] = i;
      names.push_back(level.entries[i].filename());
    }
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return names[a] < names[b]; });
    Level sorted;
    for (std::size_t i : order) {
      sorted.entries.push_back(std::move(level.entries[i]));
      sorted.is_dir.push_back(level.is_dir[i]);
    }
    level = std::move(sorted);
    walk.push_back(std::move(level));
    return false;
  }
};

DocumentStream::DocumentStream(std::vector<std::string> inputs, Options options)
    : state_(std::make_unique<State>()) {
  state_->inputs = std::move(inputs);
  state_->options = std::move(options);
}

DocumentStream::~DocumentStream() = default;

bool DocumentStream::Next(Document& out) {
  State& st = *state_;
  while (true) {
    if (st.lines) {
      if (st.NextRecord(out)) return true;
      continue;
    }
    if (!st.walk.empty()) {
      State::Level& level = st.walk.back();
      if (level.next == level.entries.size()) {
        st.walk.pop_back();
        continue;
      }
      const bool is_dir = level.is_dir[level.next];
      fs::path p = level.entries[level.next++];
      if (is_dir) {
        if (st.PushDir(p, out)) return true;
        continue;
      }
      if (st.Open(p.string(), out)) return true;
      continue;
    }
    if (st.next_input == st.inputs.size()) return false;
    const std::string& name = st.inputs[st.next_input++];
    if (name == "-") {
      if (st.Open(name, out)) return true;
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(name, ec);
    if (ec || !fs::exists(status)) {
      out = FailedInput(name, "not-found", name + ": not found");
      return true;
    }
    if (fs::is_directory(status)) {
      if (st.PushDir(name, out)) return true;
      continue;
    }
    if (st.Open(name, out)) return true;
  }
}

}  // namespace nufuz::ingest
