#include "core/json.h"

namespace nufuz {

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
