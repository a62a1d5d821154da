// core/document.h: the one Document that flows through every stage.
//
// Contract
// - A Document owns its text and every annotation on it. Tokens, sentences
//   and spans are records that point into `text` by Unicode code-point
//   offsets [start, end); they never own text. (Tokens also carry byte
//   offsets for fast slicing.)
// - Text versions, oldest first:
//     `original`  the input as decoded to UTF-8 (for HTML the markup, for
//                 JSONL the record's text/html field, for PDF the page text);
//     `raw_text`  the plain text ingest extracted, Unicode-normalised (NFC,
//                 presentation forms folded, bidi controls removed);
//     `text`      the cleaned (and, when repair ran, repaired) text. Every
//                 offset nufuz outputs refers to this string.
//   Cleaning only deletes whole ranges of raw_text; each deletion is a
//   Removed record with its reason, so nothing is silently lost. Repair keeps
//   the text it started from in `repair.before` with an edit list mapping
//   repaired offsets back (see RepairInfo).
// - A stage reads what the stages to its left added and appends its own
//   spans; it never rewrites another stage's records. Messy input becomes a
//   Diagnostic; only unusable input sets `failed` (with an error diagnostic).
// - Not thread-safe for mutation; distinct Documents may be processed on
//   distinct threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nufuz {

// Input format, detected from content. Stored in outputs; never renumber.
enum class Format : std::uint8_t { kText = 0, kHtml = 1, kJsonl = 2, kPdf = 3 };
const char* FormatName(Format f);

struct Source {
  std::string path;    // as given on the command line ("-" for stdin)
  std::string url;     // from JSONL, HTML canonical/og:url, or empty
  std::string outlet;  // from JSONL, HTML og:site_name, or empty
  Format format = Format::kText;
  std::string encoding = "UTF-8";  // the charset the bytes were decoded from
  std::uint64_t record = 0;        // 1-based line of a JSONL record, else 0
};

enum class Severity : std::uint8_t { kInfo = 0, kWarning = 1, kError = 2 };
const char* SeverityName(Severity s);

// A note about the input: what was odd and where. `offset` is a byte offset
// into the input for ingest diagnostics, else a code point offset into text.
struct Diagnostic {
  Severity severity = Severity::kInfo;
  std::string stage;  // "ingest", "clean", "repair", ...
  std::string code;   // short stable identifier: "invalid-utf8", "lenient"
  std::string message;
  std::optional<std::uint64_t> offset;
};

// A range of raw_text that cleaning removed.
struct Removed {
  std::uint32_t start = 0, end = 0;  // code points in raw_text
  std::uint32_t at = 0;              // code point in text where it stood
  std::string reason;                // stable identifier: "share-widget", ...
  std::string content;               // the removed text itself
};

using Attrs = std::vector<std::pair<std::string, std::string>>;

// A typed annotation that later stages add: entity mention, date, quantity,
// event trigger, PDF page, ... Labels are stage-owned strings ("PAGE",
// "ENTITY", "DATE").
struct Span {
  std::uint32_t start = 0, end = 0;  // code points in text
  std::string label;
  Attrs attrs;
  const std::string* Attr(std::string_view key) const;
};

// Kinds of token. Stored in outputs; never renumber.
enum class TokenKind : std::uint8_t {
  kArabic = 0,  // Arabic-script word
  kLatin = 1,   // Latin or other-script word
  kNumber = 2,  // 12, 1,200.5, ١٢٫٥, 24%
  kDate = 3,    // 08-10-2025, 2025/10/08
  kUrl = 4,
  kEmail = 5,
  kPunct = 6,
  kSymbol = 7,
};
const char* TokenKindName(TokenKind k);

// Proclitics as bit flags (combined on one token).
enum Clitic : std::uint8_t {
  kCliticWa = 1 << 0,  // و conjunction
  kCliticFa = 1 << 1,  // ف conjunction
  kCliticBi = 1 << 2,  // ب preposition
  kCliticLi = 1 << 3,  // ل preposition
  kCliticKa = 1 << 4,  // ك preposition
  kCliticSa = 1 << 5,  // س future
  kCliticAl = 1 << 6,  // ال article (also when written لل after ل)
};

struct Token {
  std::uint32_t start = 0, end = 0;            // code points in text
  std::uint32_t byte_start = 0, byte_end = 0;  // bytes in text
  TokenKind kind = TokenKind::kPunct;
  std::uint8_t proclitics = 0;  // Clitic flags
  std::uint8_t prefix_cps = 0;  // code points of the surface that are proclitics
  std::uint8_t suffix_cps = 0;  // code points of the surface that are a pronoun suffix
  std::string key;              // normalised form of the whole surface
  std::string stem;             // normalised form without clitics (no ال)
  std::string suffix;           // normalised pronoun suffix, or empty
};

struct Sentence {
  std::uint32_t start = 0, end = 0;              // code points in text
  std::uint32_t token_begin = 0, token_end = 0;  // indices into tokens
};

// One edit made by repair: text[start, end) replaced before[orig_start, orig_end).
struct Edit {
  std::uint32_t start = 0, end = 0;
  std::uint32_t orig_start = 0, orig_end = 0;
  std::string reason;
};

struct RepairInfo {
  bool ran = false;         // repair looked at the document
  bool damaged = false;     // the lost-letter signature was found
  double confidence = 0.0;  // of the verdict
  std::string before;       // text before repair (offsets of Edit::orig_*)
  std::vector<Edit> edits;  // sorted by start
  std::vector<std::pair<std::string, std::string>> stats;  // name -> value
  // Maps a code point offset in the repaired text back into `before`.
  std::uint32_t ToBefore(std::uint32_t offset) const;
  // Maps a code point offset in `before` forward into the repaired text.
  std::uint32_t ToAfter(std::uint32_t offset) const;
};

// A distinct real-world actor, place or thing the document names (one per id;
// its mentions are ENTITY spans whose "entity" attribute is the id).
struct Entity {
  std::string id;        // stable across documents and runs: a slug or Wikidata id
  std::string type;      // COUNTRY BLOC ORG COMPANY MEDIA PERSON PLACE INFRA
  std::string name_en;   // never empty
  std::string name_ar;   // canonical Arabic name
  std::string wikidata;  // "Q..." when verified, else empty
  Attrs attrs;           // role, country, ...
};

// A coded event: who did what to whom (CAMEO / PLOVER), with its evidence.
// Added by the events stage; see docs/events.md.
struct Event {
  std::string id;                       // "ev1", "ev2", ... in document order
  std::string cameo;                    // three-digit CAMEO code ("042"), or two digits for a root
  std::string plover;                   // PLOVER event type ("CONSULT"), empty when PLOVER has none
  std::string plover_mode;              // PLOVER mode ("visit"), may be empty
  int quad = 0;                         // GDELT QuadClass 1..4
  double goldstein = 0.0;               // Goldstein scale -10..10
  std::string source;                   // entity id, empty = none
  std::string target;                   // entity id, empty = none
  std::string location;                 // entity id, empty = none
  std::string date;                     // "YYYY[-MM[-DD]]", empty = unknown
  std::string date_precision = "none";  // day | month | year | none
  bool date_from_published = false;     // no date in the sentence: the document date
  int quantity = -1;  // index into the document's QUANTITY spans (in span order), -1 = none
  std::vector<std::string> modality;  // future intent planned possible hypothetical reported
                                      // refusal negated (see docs/events.md)
  bool negated = false;               // the coded event did not / will not happen
  std::uint32_t evidence_start = 0, evidence_end = 0;  // code points in text
  std::uint32_t trigger_start = 0, trigger_end = 0;    // code points in text
  double confidence = 0.0;                             // 0..1
  bool root_event = false;  // the first event of its sentence (GDELT IsRootEvent)
  // Not a fact: negated, or only possible / hypothetical.
  bool Factual() const;
};

struct Document {
  std::string id;
  Source source;
  std::optional<std::string> published;  // "YYYY[-MM[-DD]]"
  std::string published_source;          // "input", "html-meta", "dateline", ""
  std::string title;                     // from HTML <title>/og:title, else empty

  std::string original;
  std::string raw_text;
  std::string text;

  std::vector<Removed> removed;
  std::vector<Diagnostic> diagnostics;
  std::vector<Span> spans;
  std::vector<Entity> entities;
  std::vector<Event> events;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  RepairInfo repair;

  bool failed = false;  // unusable input; see the error diagnostic

  void Diagnose(Severity severity, std::string stage, std::string code, std::string message,
                std::optional<std::uint64_t> offset = std::nullopt);
  // Marks the document failed with an error diagnostic.
  void Fail(std::string stage, std::string code, std::string message,
            std::optional<std::uint64_t> offset = std::nullopt);
  // The first error diagnostic's message, or empty.
  std::string ErrorMessage() const;

  // The token's surface text (as written, diacritics kept).
  std::string_view Surface(const Token& t) const {
    return std::string_view(text).substr(t.byte_start, t.byte_end - t.byte_start);
  }
};

}  // namespace nufuz
