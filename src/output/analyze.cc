#include "output/analyze.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/json.h"
#include "core/utf8.h"
#include "events/events.h"

namespace nufuz::output {
namespace {

// Byte offsets of code points of doc.text, found through the tokens, which
// record both offsets of their ends: a binary search finds the last token
// boundary at or before the code point, and only the few code points after
// it are scanned. Span ends are almost always token boundaries. (A sampled
// index over the whole text, utf8::CpIndex, costs a pass over every byte
// and a scan of up to 63 code points per lookup; the output looks up two
// per span.) Without tokens the scan starts at the text's beginning.
class CpOffsets {
 public:
  explicit CpOffsets(const Document& doc) : text_(doc.text), tokens_(doc.tokens) {}
  // Past the end: the text's size.
  std::size_t ByteOffset(std::size_t cp) const {
    std::size_t base_cp = 0, base_byte = 0;
    auto it = std::upper_bound(tokens_.begin(), tokens_.end(), cp,
                               [](std::size_t c, const Token& t) { return c < t.start; });
    if (it != tokens_.begin()) {
      const Token& t = *std::prev(it);
      const bool inside = cp < t.end;
      base_cp = inside ? t.start : t.end;
      base_byte = inside ? t.byte_start : t.byte_end;
      if (base_byte > text_.size()) base_cp = base_byte = 0;  // never trust beyond the text
    }
    return base_byte + utf8::BytesOfPrefix(text_.substr(base_byte), cp - base_cp);
  }

 private:
  std::string_view text_;
  const std::vector<Token>& tokens_;
};

// A value that reads as a number is written as one (nlohmann double format:
// "12" becomes 12.0), anything else as a string.
void WriteNumberOrString(JsonWriter& w, std::string_view s) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec == std::errc() && ptr == s.data() + s.size()) {
    w.Double(v);
  } else {
    w.String(s);
  }
}

// A member of an object whose keys partly come from data (date attributes,
// repair stats).
struct Member {
  enum Kind : std::uint8_t { kString, kUint, kNumberOrString };
  std::string_view key;
  Kind kind = kString;
  std::string_view text;
  std::uint64_t number = 0;
};

// Writes the members as nlohmann dumps an object built by assigning them in
// order: sorted by key, and of a repeated key only the last assignment.
void WriteMembers(JsonWriter& w, std::vector<Member>& members) {
  std::stable_sort(members.begin(), members.end(),
                   [](const Member& a, const Member& b) { return a.key < b.key; });
  w.BeginObject();
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (i + 1 < members.size() && members[i + 1].key == members[i].key) continue;
    const Member& m = members[i];
    w.DataKey(m.key);
    switch (m.kind) {
      case Member::kString: w.String(m.text); break;
      case Member::kUint: w.Uint(m.number); break;
      case Member::kNumberOrString: WriteNumberOrString(w, m.text); break;
    }
  }
  w.EndObject();
}

// The events as events::EventsJson builds them (members in its dump's
// sorted order; empty ids, dates and places as null). Written here rather
// than through that DOM, which would cost a map node per member;
// output_analyze_json_test checks the two agree byte for byte.
void WriteEvents(JsonWriter& w, const std::vector<Event>& events) {
  auto string_or_null = [&w](const std::string& s) {
    if (s.empty()) {
      w.Null();
    } else {
      w.String(s);
    }
  };
  auto range = [&w](std::uint32_t start, std::uint32_t end) {
    w.BeginObject();
    w.Key("end");
    w.Uint(end);
    w.Key("start");
    w.Uint(start);
    w.EndObject();
  };
  w.BeginArray();
  for (const Event& e : events) {
    w.BeginObject();
    w.Key("cameo");
    w.String(e.cameo);
    w.Key("confidence");
    w.Double(std::round(e.confidence * 100) / 100);
    w.Key("date");
    string_or_null(e.date);
    w.Key("date_precision");
    w.String(e.date_precision);
    w.Key("evidence");
    range(e.evidence_start, e.evidence_end);
    w.Key("goldstein");
    w.Double(e.goldstein);
    w.Key("id");
    w.String(e.id);
    w.Key("location");
    string_or_null(e.location);
    w.Key("modality");
    w.BeginArray();
    for (const std::string& m : e.modality) w.String(m);
    w.EndArray();
    w.Key("negated");
    w.Bool(e.negated);
    w.Key("plover");
    string_or_null(e.plover);
    w.Key("plover_mode");
    string_or_null(e.plover_mode);
    w.Key("quad");
    w.Int(e.quad);
    w.Key("quantity");
    if (e.quantity >= 0) {
      w.Int(e.quantity);
    } else {
      w.Null();
    }
    w.Key("source");
    string_or_null(e.source);
    w.Key("target");
    string_or_null(e.target);
    w.Key("trigger");
    range(e.trigger_start, e.trigger_end);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

void AppendAnalyzeJson(const Document& doc, std::string& out) {
  // Surfaces are cut from text through one code-point table.
  const CpOffsets index(doc);
  auto surface = [&](const Span& s) {
    std::size_t b = index.ByteOffset(s.start), e = index.ByteOffset(s.end);
    return std::string_view(doc.text).substr(b, e - b);
  };

  // Entities by id. Of entities sharing an id the last one gets the
  // mentions (the contract's first definition kept a map id -> last index).
  std::vector<std::pair<std::string_view, std::uint32_t>> by_id;
  by_id.reserve(doc.entities.size());
  for (std::uint32_t i = 0; i < doc.entities.size(); ++i) by_id.emplace_back(doc.entities[i].id, i);
  std::sort(by_id.begin(), by_id.end());
  auto entity_of = [&](std::string_view id) -> std::int64_t {
    auto it = std::upper_bound(by_id.begin(), by_id.end(), id,
                               [](std::string_view v, const auto& p) { return v < p.first; });
    if (it == by_id.begin() || std::prev(it)->first != id) return -1;
    return std::prev(it)->second;
  };

  // The spans each array holds, in span order.
  std::vector<std::pair<std::uint32_t, const Span*>> mentions;  // entity index, span
  std::vector<const Span*> dates, quantities;
  for (const auto& s : doc.spans) {
    if (s.label == "ENTITY") {
      const std::string* id = s.Attr("entity");
      if (!id) continue;
      const std::int64_t e = entity_of(*id);
      if (e >= 0) mentions.emplace_back(static_cast<std::uint32_t>(e), &s);
    } else if (s.label == "DATE") {
      if (s.Attr("value")) dates.push_back(&s);
    } else if (s.label == "QUANTITY") {
      if (s.Attr("value") && s.Attr("unit")) quantities.push_back(&s);
    }
  }
  std::stable_sort(mentions.begin(), mentions.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });

  // Members in sorted key order, as the contract was first dumped.
  JsonWriter w(out);
  std::vector<Member> members;
  w.BeginObject();

  w.Key("dates");
  w.BeginArray();
  for (const Span* s : dates) {
    const std::string* anchor = s->Attr("anchor");
    members.clear();
    members.push_back({"start", Member::kUint, {}, s->start});
    members.push_back({"end", Member::kUint, {}, s->end});
    members.push_back({"surface", Member::kString, surface(*s)});
    members.push_back({"value", Member::kString, *s->Attr("value")});
    members.push_back({"anchor", Member::kString, anchor ? std::string_view(*anchor) : "absolute"});
    for (const auto& [k, v] : s->attrs)
      if (k != "value" && k != "anchor") members.push_back({k, Member::kString, v});
    WriteMembers(w, members);
  }
  w.EndArray();

  w.Key("diagnostics");
  WriteDiagnostics(w, doc);

  w.Key("doc");
  w.String(doc.id);

  w.Key("entities");
  w.BeginArray();
  auto next_mention = mentions.begin();
  for (std::uint32_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    w.BeginObject();
    w.Key("attrs");
    WriteStringMap(w, e.attrs);
    w.Key("id");
    w.String(e.id);
    w.Key("mentions");
    w.BeginArray();
    for (; next_mention != mentions.end() && next_mention->first == i; ++next_mention) {
      const Span& s = *next_mention->second;
      w.BeginObject();
      w.Key("end");
      w.Uint(s.end);
      w.Key("start");
      w.Uint(s.start);
      w.Key("surface");
      w.String(surface(s));
      w.EndObject();
    }
    w.EndArray();
    w.Key("name_ar");
    w.String(e.name_ar);
    w.Key("name_en");
    w.String(e.name_en);
    w.Key("type");
    w.String(e.type);
    w.Key("wikidata");
    if (e.wikidata.empty()) {
      w.Null();
    } else {
      w.String(e.wikidata);
    }
    w.EndObject();
  }
  w.EndArray();

  w.Key("events");
  WriteEvents(w, doc.events);

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

  w.Key("quantities");
  w.BeginArray();
  for (const Span* s : quantities) {
    const std::string* kind = s->Attr("kind");
    w.BeginObject();
    w.Key("end");
    w.Uint(s->end);
    w.Key("kind");
    w.String(kind ? std::string_view(*kind) : "count");
    w.Key("start");
    w.Uint(s->start);
    w.Key("surface");
    w.String(surface(*s));
    w.Key("unit");
    w.String(*s->Attr("unit"));
    w.Key("value");
    WriteNumberOrString(w, *s->Attr("value"));
    w.EndObject();
  }
  w.EndArray();

  w.Key("repair");
  if (doc.repair.ran) {
    w.BeginObject();
    w.Key("confidence");
    w.Double(doc.repair.confidence);
    w.Key("damaged");
    w.Bool(doc.repair.damaged);
    w.Key("edits");
    w.Uint(doc.repair.edits.size());
    w.Key("stats");
    members.clear();
    for (const auto& [k, v] : doc.repair.stats) members.push_back({k, Member::kNumberOrString, v});
    WriteMembers(w, members);
    w.EndObject();
  } else {
    w.Null();
  }

  w.Key("text");
  w.String(doc.text);
  w.EndObject();
}

std::string AnalyzeJsonText(const Document& doc) {
  std::string out;
  AppendAnalyzeJson(doc, out);
  return out;
}

// ---- The DOM. Kept as its own builder (not a parse of the text) so that
// callers needing the DOM (store, ingest) do not pay for writing and parsing;
// output_analyze_json_test checks both stay byte-identical.

namespace {

using nlohmann::json;

json NumberOrStringJson(const std::string& s) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec == std::errc() && ptr == s.data() + s.size()) return v;
  return s;
}

json AttrsJson(const Attrs& attrs) {
  json a = json::object();
  for (const auto& [k, v] : attrs) a[k] = v;
  return a;
}

}  // namespace

json AnalyzeJson(const Document& doc) {
  json j;
  j["doc"] = doc.id;
  j["published"] = doc.published ? json(*doc.published) : json(nullptr);
  j["published_source"] = doc.published_source.empty() ? json(nullptr) : json(doc.published_source);
  j["text"] = doc.text;
  if (doc.repair.ran) {
    json stats = json::object();
    for (const auto& [k, v] : doc.repair.stats) stats[k] = NumberOrStringJson(v);
    j["repair"] = {{"damaged", doc.repair.damaged},
                   {"confidence", doc.repair.confidence},
                   {"edits", doc.repair.edits.size()},
                   {"stats", stats}};
  } else {
    j["repair"] = nullptr;
  }
  j["diagnostics"] = DiagnosticsJson(doc);

  // Surfaces are cut from text through one code-point table.
  const CpOffsets index(doc);
  auto surface = [&](const Span& s) {
    std::size_t b = index.ByteOffset(s.start), e = index.ByteOffset(s.end);
    return doc.text.substr(b, e - b);
  };

  std::unordered_map<std::string, std::size_t> entity_at;
  json entities = json::array();
  for (const auto& e : doc.entities) {
    entity_at[e.id] = entities.size();
    entities.push_back({{"id", e.id},
                        {"type", e.type},
                        {"name_en", e.name_en},
                        {"name_ar", e.name_ar},
                        {"wikidata", e.wikidata.empty() ? json(nullptr) : json(e.wikidata)},
                        {"attrs", AttrsJson(e.attrs)},
                        {"mentions", json::array()}});
  }
  json dates = json::array(), quantities = json::array();
  for (const auto& s : doc.spans) {
    if (s.label == "ENTITY") {
      const std::string* id = s.Attr("entity");
      if (!id) continue;
      auto it = entity_at.find(*id);
      if (it == entity_at.end()) continue;
      entities[it->second]["mentions"].push_back(
          {{"start", s.start}, {"end", s.end}, {"surface", surface(s)}});
    } else if (s.label == "DATE") {
      const std::string* value = s.Attr("value");
      if (!value) continue;
      json d = {{"start", s.start}, {"end", s.end}, {"surface", surface(s)}, {"value", *value}};
      const std::string* anchor = s.Attr("anchor");
      d["anchor"] = anchor ? *anchor : "absolute";
      for (const auto& [k, v] : s.attrs)
        if (k != "value" && k != "anchor") d[k] = v;
      dates.push_back(std::move(d));
    } else if (s.label == "QUANTITY") {
      const std::string* value = s.Attr("value");
      const std::string* unit = s.Attr("unit");
      if (!value || !unit) continue;
      json q = {{"start", s.start},
                {"end", s.end},
                {"surface", surface(s)},
                {"value", NumberOrStringJson(*value)},
                {"unit", *unit}};
      const std::string* kind = s.Attr("kind");
      q["kind"] = kind ? *kind : "count";
      quantities.push_back(std::move(q));
    }
  }
  j["entities"] = std::move(entities);
  j["dates"] = std::move(dates);
  j["quantities"] = std::move(quantities);
  j["events"] = events::EventsJson(doc, doc.events);
  return j;
}

}  // namespace nufuz::output
