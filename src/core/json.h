// core/json.h: the Document as JSON (nufuz text --json), and the streaming
// JSON writer every JSON output is written with.
//
// Contract: every offset is a code point into "text", which is included.
// Field names are stable; see docs/output.md.
//
// The outputs were first defined as nlohmann::json DOMs dumped with
// dump(-1, ' ', false, error_handler_t::replace): compact, object members
// sorted by key (nlohmann keeps objects in a std::map), UTF-8 kept as is,
// invalid UTF-8 replaced by U+FFFD. JsonWriter writes exactly those bytes
// without building the DOM (no per-member allocation), so the *Json string
// functions below are byte-identical to dumping the DOMs. The DOM builders
// are kept for callers that read the JSON; core_json_test and
// output_analyze_json_test check that each DOM and its writer agree byte for
// byte, so a change to a format is made in both.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/document.h"

namespace nufuz {

// A member name written in code: checked at compile time to need no
// escaping (printable ASCII without '"' or '\\'), so it is copied as is.
// The name is also composed at compile time with its quotes and colon
// ("name":), so that Key writes a member name with one append; Key runs
// for every member of every output, and three small appends (each a
// library call) per name were a tenth of the analyze output's cost.
struct JsonName {
  template <std::size_t N>
  consteval JsonName(const char (&s)[N]) : text(s, N - 1) {  // NOLINT: implicit by design
    for (const char c : text)
      if (c < 0x20 || c == '"' || c == '\\' || static_cast<unsigned char>(c) >= 0x7F)
        throw "a JsonName must be printable ASCII without quote or backslash";
    if (N - 1 + 3 > sizeof quoted) throw "a JsonName must be at most 29 characters";
    quoted[0] = '"';
    for (std::size_t k = 0; k + 1 < N; ++k) quoted[k + 1] = s[k];
    quoted[N] = '"';
    quoted[N + 1] = ':';
    quoted_size = static_cast<std::uint8_t>(N + 2);
  }
  std::string_view text;
  char quoted[32] = {};  // "name":
  std::uint8_t quoted_size = 0;
};

// Appends one JSON value to a string, token by token.
//
// Writes what nlohmann::json::dump(-1, ' ', false, error_handler_t::replace)
// writes for the same value: no whitespace; strings escaped like nlohmann
// (\" \\ \b \f \n \r \t, other bytes below 0x20 as \u00xx, everything else
// including UTF-8 and DEL kept as is; invalid UTF-8 replaced by U+FFFD the
// way nlohmann replaces it); doubles in nlohmann's Grisu2 format ("0.1",
// "12.0", "1e+21", NaN and infinities as null).
//
// The caller writes members in nlohmann's order: sorted by key bytes, each
// key once (see WriteStringMap for keys that come from data). Commas are
// placed by the writer. Not thread-safe; one writer per output string.
class JsonWriter {
 public:
  // Appends to `out` (which may already hold other text, e.g. earlier lines).
  explicit JsonWriter(std::string& out) : out_(out), base_(out.size()) {}

  void BeginObject() {
    Separate();
    out_.push_back('{');
  }
  void EndObject() { out_.push_back('}'); }
  void BeginArray() {
    Separate();
    out_.push_back('[');
  }
  void EndArray() { out_.push_back(']'); }
  // A member name written in code ("start"); the next call writes its value.
  void Key(const JsonName& name) {
    Separate();
    out_.append(name.quoted, name.quoted_size);
  }
  // A member name that comes from data (escaped like a string).
  void DataKey(std::string_view key);

  void String(std::string_view s);
  void Uint(std::uint64_t v);
  void Int(std::int64_t v);
  void Double(double v);
  void Bool(bool v);
  void Null();
  // A complete JSON value serialised elsewhere (e.g. a DOM's dump()).
  void Raw(std::string_view json);

  std::string& out() { return out_; }

 private:
  // A comma before a key or an array element unless it opens its container.
  // The last byte tells: '{' '[' (first member) or ':' (value after a key)
  // need none; every complete value ends in another byte.
  void Separate() {
    if (out_.size() == base_) return;
    const char c = out_.back();
    if (c != '{' && c != '[' && c != ':') out_.push_back(',');
  }
  void Quoted(std::string_view s);

  std::string& out_;
  std::size_t base_;
};

// An object whose keys come from data (attributes, stats) as nlohmann dumps
// it after `obj[k] = v` for each pair in order: sorted by key, and of a
// repeated key only the last value.
void WriteStringMap(JsonWriter& w, const std::vector<std::pair<std::string, std::string>>& map);

// Writes a DOM built elsewhere (e.g. the events stage's), byte for byte as
// its dump(-1, ' ', false, error_handler_t::replace) would.
void WriteJson(JsonWriter& w, const nlohmann::json& value);

struct JsonOptions {
  bool tokens = true;     // include "tokens" and "sentences"
  bool original = false;  // include "original" and "raw_text"
  bool removed = true;    // include "removed"
};

// One document as a JSON object (no newline), appended to `out`.
void AppendDocumentJson(const Document& doc, const JsonOptions& options, std::string& out);
std::string DocumentJsonText(const Document& doc, const JsonOptions& options = {});
// The "diagnostics" array shared by every JSON output.
void WriteDiagnostics(JsonWriter& w, const Document& doc);
void WriteToken(JsonWriter& w, const Document& doc, const Token& token);

// The same as DOMs (for callers that read them; the CLI writes the text).
nlohmann::json DocumentToJson(const Document& doc, const JsonOptions& options = {});
nlohmann::json TokenToJson(const Document& doc, const Token& token);
nlohmann::json DiagnosticsJson(const Document& doc);

// The pipe-separated clitic names of a Clitic flag set: "wa|bi|al".
std::string CliticNames(std::uint8_t flags);

}  // namespace nufuz
