#include "core/json.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/utf8.h"

namespace nufuz {
namespace {

// Length of the well-formed UTF-8 sequence at p (lead byte >= 0x80), or 0.
// Well-formed exactly as nlohmann's decoder (Hoehrmann's DFA) accepts it:
// no overlongs, no surrogates, nothing above U+10FFFF.
std::size_t SequenceLength(const unsigned char* p, const unsigned char* end) {
  const unsigned char b0 = p[0];
  auto cont = [&](std::size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return p + i < end && p[i] >= lo && p[i] <= hi;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

// Appends s escaped (without quotes). Returns false, having appended part of
// it, when s is not valid UTF-8.
bool AppendEscaped(std::string& out, std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  const auto* run = p;  // start of the bytes not yet appended; they need no escaping
  while (p < end) {
    // Sixteen bytes at a time over what needs no escaping and is ASCII or
    // two-byte letters (most of a long Arabic string), then one character.
    if (end - p >= 16) {
      p += utf8::TwoBytePrefix(
          std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(end - p)),
          true);
      if (p == end) break;
    }
    const unsigned char c = *p;
    if (c >= 0x80) {
      // Arabic letters are two-byte sequences: the common case first.
      if (c >= 0xC2 && c <= 0xDF && p + 1 < end && (p[1] & 0xC0) == 0x80) {
        p += 2;
        continue;
      }
      const std::size_t n = SequenceLength(p, end);
      if (n == 0) return false;
      p += n;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++p;
      continue;
    }
    out.append(reinterpret_cast<const char*>(run), p - run);
    out.push_back('\\');
    switch (c) {
      case '"': out.push_back('"'); break;
      case '\\': out.push_back('\\'); break;
      case '\b': out.push_back('b'); break;
      case '\t': out.push_back('t'); break;
      case '\n': out.push_back('n'); break;
      case '\f': out.push_back('f'); break;
      case '\r': out.push_back('r'); break;
      default: {
        // nlohmann writes the other control characters as \u00xx, lower-case hex.
        static constexpr char kHex[] = "0123456789abcdef";
        const char u[5] = {'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out.append(u, 5);
      }
    }
    run = ++p;
  }
  out.append(reinterpret_cast<const char*>(run), end - run);
  return true;
}

}  // namespace

void JsonWriter::Quoted(std::string_view s) {
  const std::size_t mark = out_.size();
  out_.push_back('"');
  if (AppendEscaped(out_, s)) {
    out_.push_back('"');
    return;
  }
  // Invalid UTF-8 is rare (ingest repairs it): let nlohmann itself do its
  // replacement, whose rules (which bytes one U+FFFD stands for) are subtle.
  out_.resize(mark);
  out_ +=
      nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void JsonWriter::DataKey(std::string_view key) {
  Separate();
  Quoted(key);
  out_.push_back(':');
}

void JsonWriter::String(std::string_view s) {
  Separate();
  Quoted(s);
}

void JsonWriter::Uint(std::uint64_t v) {
  Separate();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}

void JsonWriter::Int(std::int64_t v) {
  Separate();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}

void JsonWriter::Double(double v) {
  Separate();
  if (!std::isfinite(v)) {
    out_ += "null";
    return;
  }
  // nlohmann's own Grisu2 formatter, not std::to_chars: Grisu2 is not always
  // the shortest representation, and its layout differs ("12.0", "1e+21").
  char buf[64];
  const char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, static_cast<std::size_t>(end - buf));
}

void JsonWriter::Bool(bool v) {
  Separate();
  out_ += v ? "true" : "false";
}

void JsonWriter::Null() {
  Separate();
  out_ += "null";
}

void JsonWriter::Raw(std::string_view json) {
  Separate();
  out_ += json;
}

void WriteStringMap(JsonWriter& w, const std::vector<std::pair<std::string, std::string>>& map) {
  w.BeginObject();
  const bool sorted_unique = std::adjacent_find(map.begin(), map.end(), [](auto& a, auto& b) {
                               return a.first >= b.first;
                             }) == map.end();
  if (sorted_unique) {
    for (const auto& [k, v] : map) {
      w.DataKey(k);
      w.String(v);
    }
  } else {
    std::vector<const std::pair<std::string, std::string>*> order;
    order.reserve(map.size());
    for (const auto& kv : map) order.push_back(&kv);
    std::stable_sort(order.begin(), order.end(),
                     [](auto* a, auto* b) { return a->first < b->first; });
    for (std::size_t i = 0; i < order.size(); ++i) {
      // Of equal keys, the last assigned (the last in stable order) wins.
      if (i + 1 < order.size() && order[i + 1]->first == order[i]->first) continue;
      w.DataKey(order[i]->first);
      w.String(order[i]->second);
    }
  }
  w.EndObject();
}

void WriteJson(JsonWriter& w, const nlohmann::json& value) {
  using value_t = nlohmann::json::value_t;
  switch (value.type()) {
    case value_t::object:
      // nlohmann's objects are std::maps: already in key order.
      w.BeginObject();
      for (const auto& [k, v] : value.get_ref<const nlohmann::json::object_t&>()) {
        w.DataKey(k);
        WriteJson(w, v);
      }
      w.EndObject();
      return;
    case value_t::array:
      w.BeginArray();
      for (const auto& v : value.get_ref<const nlohmann::json::array_t&>()) WriteJson(w, v);
      w.EndArray();
      return;
    case value_t::string: w.String(value.get_ref<const std::string&>()); return;
    case value_t::boolean: w.Bool(value.get<bool>()); return;
    case value_t::number_integer: w.Int(value.get<std::int64_t>()); return;
    case value_t::number_unsigned: w.Uint(value.get<std::uint64_t>()); return;
    case value_t::number_float: w.Double(value.get<double>()); return;
    case value_t::null: w.Null(); return;
    default:  // binary and discarded values: never in nufuz's JSON; nlohmann knows their form
      w.Raw(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

std::string CliticNames(std::uint8_t flags) {
  static const std::pair<std::uint8_t, const char*> kNames[] = {
      {kCliticWa, "wa"}, {kCliticFa, "fa"}, {kCliticBi, "bi"}, {kCliticLi, "li"},
      {kCliticKa, "ka"}, {kCliticSa, "sa"}, {kCliticAl, "al"}};
  std::string out;
  for (const auto& [bit, name] : kNames) {
    if (!(flags & bit)) continue;
    if (!out.empty()) out += '|';
    out += name;
  }
  return out;
}

// Members of every object below are written in sorted key order.

void WriteToken(JsonWriter& w, const Document& doc, const Token& t) {
  const bool arabic = t.kind == TokenKind::kArabic;
  w.BeginObject();
  w.Key("end");
  w.Uint(t.end);
  w.Key("key");
  w.String(t.key);
  w.Key("kind");
  w.String(TokenKindName(t.kind));
  if (arabic) {
    w.Key("proclitics");
    w.BeginArray();
    for (std::uint8_t bit = 1; bit != 0 && bit <= kCliticAl; bit <<= 1)
      if (t.proclitics & bit) w.String(CliticNames(bit));
    w.EndArray();
  }
  w.Key("start");
  w.Uint(t.start);
  if (arabic) {
    w.Key("stem");
    w.String(t.stem);
    w.Key("suffix");
    w.String(t.suffix);
  }
  w.Key("surface");
  w.String(doc.Surface(t));
  w.EndObject();
}

void WriteDiagnostics(JsonWriter& w, const Document& doc) {
  w.BeginArray();
  for (const auto& d : doc.diagnostics) {
    w.BeginObject();
    w.Key("code");
    w.String(d.code);
    w.Key("message");
    w.String(d.message);
    if (d.offset) {
      w.Key("offset");
      w.Uint(*d.offset);
    }
    w.Key("severity");
    w.String(SeverityName(d.severity));
    w.Key("stage");
    w.String(d.stage);
    w.EndObject();
  }
  w.EndArray();
}

namespace {

void WriteRepair(JsonWriter& w, const RepairInfo& repair) {
  if (!repair.ran) {
    w.Null();
    return;
  }
  w.BeginObject();
  if (!repair.edits.empty()) {
    w.Key("before");
    w.String(repair.before);
  }
  w.Key("confidence");
  w.Double(repair.confidence);
  w.Key("damaged");
  w.Bool(repair.damaged);
  w.Key("edits");
  w.BeginArray();
  for (const auto& e : repair.edits) {
    w.BeginObject();
    w.Key("end");
    w.Uint(e.end);
    w.Key("orig_end");
    w.Uint(e.orig_end);
    w.Key("orig_start");
    w.Uint(e.orig_start);
    w.Key("reason");
    w.String(e.reason);
    w.Key("start");
    w.Uint(e.start);
    w.EndObject();
  }
  w.EndArray();
  w.Key("stats");
  WriteStringMap(w, repair.stats);
  w.EndObject();
}

}  // namespace

void AppendDocumentJson(const Document& doc, const JsonOptions& options, std::string& out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Key("diagnostics");
  WriteDiagnostics(w, doc);
  w.Key("doc");
  w.String(doc.id);
  w.Key("failed");
  w.Bool(doc.failed);
  if (options.original) {
    w.Key("original");
    w.String(doc.original);
  }
  w.Key("published");
  if (doc.published) {
    w.String(*doc.published);
  } else {
    w.Null();
  }
  w.Key("published_source");
  if (doc.published_source.empty()) {
    w.Null();
  } else {
    w.String(doc.published_source);
  }
  if (options.original) {
    w.Key("raw_text");
    w.String(doc.raw_text);
  }
  if (options.removed) {
    w.Key("removed");
    w.BeginArray();
    for (const auto& r : doc.removed) {
      w.BeginObject();
      w.Key("at");
      w.Uint(r.at);
      w.Key("content");
      w.String(r.content);
      w.Key("end");
      w.Uint(r.end);
      w.Key("reason");
      w.String(r.reason);
      w.Key("start");
      w.Uint(r.start);
      w.EndObject();
    }
    w.EndArray();
  }
  w.Key("repair");
  WriteRepair(w, doc.repair);
  if (options.tokens) {
    w.Key("sentences");
    w.BeginArray();
    for (const auto& s : doc.sentences) {
      w.BeginObject();
      w.Key("end");
      w.Uint(s.end);
      w.Key("start");
      w.Uint(s.start);
      w.Key("tokens");
      w.BeginArray();
      w.Uint(s.token_begin);
      w.Uint(s.token_end);
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
  }
  w.Key("source");
  w.BeginObject();
  w.Key("encoding");
  w.String(doc.source.encoding);
  w.Key("format");
  w.String(FormatName(doc.source.format));
  w.Key("outlet");
  w.String(doc.source.outlet);
  w.Key("path");
  w.String(doc.source.path);
  if (doc.source.record) {
    w.Key("record");
    w.Uint(doc.source.record);
  }
  w.Key("url");
  w.String(doc.source.url);
  w.EndObject();
  w.Key("spans");
  w.BeginArray();
  for (const auto& s : doc.spans) {
    w.BeginObject();
    w.Key("attrs");
    WriteStringMap(w, s.attrs);
    w.Key("end");
    w.Uint(s.end);
    w.Key("label");
    w.String(s.label);
    w.Key("start");
    w.Uint(s.start);
    w.EndObject();
  }
  w.EndArray();
  w.Key("text");
  w.String(doc.text);
  w.Key("title");
  w.String(doc.title);
  if (options.tokens) {
    w.Key("tokens");
    w.BeginArray();
    for (const auto& t : doc.tokens) WriteToken(w, doc, t);
    w.EndArray();
  }
  w.EndObject();
}

std::string DocumentJsonText(const Document& doc, const JsonOptions& options) {
  std::string out;
  AppendDocumentJson(doc, options, out);
  return out;
}

// ---- The DOMs. Kept as their own builders (not a parse of the text) so
// that callers needing a DOM do not pay for writing and parsing;
// core_json_test checks both stay byte-identical.

nlohmann::json TokenToJson(const Document& doc, const Token& t) {
  nlohmann::json j = {{"start", t.start},
                      {"end", t.end},
                      {"surface", std::string(doc.Surface(t))},
                      {"kind", TokenKindName(t.kind)},
                      {"key", t.key}};
  if (t.kind == TokenKind::kArabic) {
    nlohmann::json pro = nlohmann::json::array();
    for (std::uint8_t bit = 1; bit != 0 && bit <= kCliticAl; bit <<= 1)
      if (t.proclitics & bit) pro.push_back(CliticNames(bit));
    j["proclitics"] = pro;
    j["stem"] = t.stem;
    j["suffix"] = t.suffix;
  }
  return j;
}

nlohmann::json DiagnosticsJson(const Document& doc) {
  nlohmann::json diags = nlohmann::json::array();
  for (const auto& d : doc.diagnostics) {
    nlohmann::json dj = {{"severity", SeverityName(d.severity)},
                         {"stage", d.stage},
                         {"code", d.code},
                         {"message", d.message}};
    if (d.offset) dj["offset"] = *d.offset;
    diags.push_back(std::move(dj));
  }
  return diags;
}

nlohmann::json DocumentToJson(const Document& doc, const JsonOptions& options) {
  using nlohmann::json;
  json j;
  j["doc"] = doc.id;
  j["source"] = {{"path", doc.source.path},
                 {"url", doc.source.url},
                 {"outlet", doc.source.outlet},
                 {"format", FormatName(doc.source.format)},
                 {"encoding", doc.source.encoding}};
  if (doc.source.record) j["source"]["record"] = doc.source.record;
  j["published"] = doc.published ? json(*doc.published) : json(nullptr);
  j["published_source"] = doc.published_source.empty() ? json(nullptr) : json(doc.published_source);
  j["title"] = doc.title;
  j["failed"] = doc.failed;
  j["text"] = doc.text;
  if (options.original) {
    j["original"] = doc.original;
    j["raw_text"] = doc.raw_text;
  }
  if (doc.repair.ran) {
    json r = {{"damaged", doc.repair.damaged}, {"confidence", doc.repair.confidence}};
    json stats = json::object();
    for (const auto& [k, v] : doc.repair.stats) stats[k] = v;
    r["stats"] = stats;
    json edits = json::array();
    for (const auto& e : doc.repair.edits)
      edits.push_back({{"start", e.start},
                       {"end", e.end},
                       {"orig_start", e.orig_start},
                       {"orig_end", e.orig_end},
                       {"reason", e.reason}});
    r["edits"] = edits;
    if (!doc.repair.edits.empty()) r["before"] = doc.repair.before;
    j["repair"] = r;
  } else {
    j["repair"] = nullptr;
  }
  j["diagnostics"] = DiagnosticsJson(doc);
  if (options.removed) {
    json rem = json::array();
    for (const auto& r : doc.removed)
      rem.push_back({{"start", r.start},
                     {"end", r.end},
                     {"at", r.at},
                     {"reason", r.reason},
                     {"content", r.content}});
    j["removed"] = rem;
  }
  json spans = json::array();
  for (const auto& s : doc.spans) {
    json a = json::object();
    for (const auto& [k, v] : s.attrs) a[k] = v;
    spans.push_back({{"start", s.start}, {"end", s.end}, {"label", s.label}, {"attrs", a}});
  }
  j["spans"] = spans;
  if (options.tokens) {
    json toks = json::array();
    for (const auto& t : doc.tokens) toks.push_back(TokenToJson(doc, t));
    j["tokens"] = toks;
    json sents = json::array();
    for (const auto& s : doc.sentences)
      sents.push_back(
          {{"start", s.start}, {"end", s.end}, {"tokens", {s.token_begin, s.token_end}}});
    j["sentences"] = sents;
  }
  return j;
}

}  // namespace nufuz
