#include "output/analyze.h"

#include <charconv>
#include <map>
#include <unordered_map>

#include "core/json.h"
#include "core/utf8.h"
#include "events/events.h"

namespace nufuz::output {
namespace {

using nlohmann::json;

json NumberOrString(const std::string& s) {
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
    for (const auto& [k, v] : doc.repair.stats) stats[k] = NumberOrString(v);
    j["repair"] = {{"damaged", doc.repair.damaged},
                   {"confidence", doc.repair.confidence},
                   {"edits", doc.repair.edits.size()},
                   {"stats", stats}};
  } else {
    j["repair"] = nullptr;
  }
  j["diagnostics"] = DiagnosticsJson(doc);

  // Surfaces are cut from text through one code-point index.
  utf8::CpIndex index(doc.text);
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
                {"value", NumberOrString(*value)},
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
