// The analyze JSON written by the streaming writer is byte-identical to the
// nlohmann DOM the contract was first defined as (AnalyzeJson, still built
// for the store), dumped the way the CLI dumped it, and parses back to that
// DOM; hand-built documents cover every member, data-driven keys (attribute
// overrides, repeated keys), numbers and awkward text.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/json.h"
#include "core/utf8.h"
#include "output/analyze.h"

namespace nufuz::output {
namespace {

using nlohmann::json;

std::string Dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// ---- Documents written for the project.

// The code-point span of the first `needle` in the document's text.
std::pair<std::uint32_t, std::uint32_t> Find(const Document& d, std::string_view needle) {
  const std::size_t b = d.text.find(needle);
  EXPECT_NE(b, std::string::npos) << needle;
  const auto start =
      static_cast<std::uint32_t>(utf8::Length(std::string_view(d.text).substr(0, b)));
  return {start, start + static_cast<std::uint32_t>(utf8::Length(needle))};
}

void AddSpan(Document& d, std::string_view needle, std::string label, Attrs attrs) {
  auto [s, e] = Find(d, needle);
  d.spans.push_back({s, e, std::move(label), std::move(attrs)});
}

Document MakeVisit() {
  Document d;
  d.id = "visit-1";
  d.published = "2024-05-14";
  d.published_source = "input";
  d.text =
      "وصل وزير الخارجية الصيني إلى طشقند في 12 مايو 2024، ووقّع اتفاقاً بقيمة 1.5 مليار دولار "
      "لتوسيع خط الغاز. وقالت أوزبكستان إن \"المرحلة الثانية\" تبدأ العام المقبل.\n"
      "وأضاف بيان: 12000000000 متر مكعب سنوياً.";
  d.entities.push_back({"china", "COUNTRY", "China", "الصين", "Q148", {{"iso3", "CHN"}}});
  d.entities.push_back({"uzbekistan",
                        "COUNTRY",
                        "Uzbekistan",
                        "أوزبكستان",
                        "Q265",
                        {{"iso3", "UZB"}, {"capital", "طشقند"}, {"iso3", "UZB2"}}});
  d.entities.push_back({"tashkent", "PLACE", "Tashkent", "طشقند", "", {}});
  d.entities.push_back({"fm-china",
                        "PERSON",
                        "Foreign minister",
                        "وزير الخارجية",
                        "",
                        {{"role", "وزير"}, {"country", "china"}}});
  AddSpan(d, "طشقند", "ENTITY", {{"entity", "tashkent"}});
  AddSpan(d, "أوزبكستان", "ENTITY", {{"entity", "uzbekistan"}});
  AddSpan(d, "الصيني", "ENTITY", {{"entity", "china"}});
  AddSpan(d, "وزير الخارجية", "ENTITY", {{"entity", "fm-china"}});
  AddSpan(d, "خط الغاز", "ENTITY", {{"entity", "no-such-entity"}});
  AddSpan(d, "الثانية", "ENTITY", {});
  AddSpan(d, "12 مايو 2024", "DATE", {{"value", "2024-05-12"}, {"kind", "point"}});
  AddSpan(d, "العام المقبل", "DATE",
          {{"anchor", "relative"},
           {"value", "2025"},
           {"kind", "range"},
           {"from", "2025-01"},
           {"to", "2025-12"}});
  AddSpan(d, "سنوياً", "DATE", {{"kind", "point"}});  // no value: left out
  AddSpan(d, "1.5 مليار دولار", "QUANTITY",
          {{"value", "1500000000"}, {"unit", "USD"}, {"kind", "money"}});
  AddSpan(d, "12000000000 متر مكعب", "QUANTITY", {{"value", "12000000000"}, {"unit", "m3"}});
  AddSpan(d, "12 مايو", "QUANTITY", {{"value", "0.1"}, {"unit", "x"}});
  AddSpan(d, "2024", "QUANTITY", {{"value", "1e21"}, {"unit", "x"}});
  AddSpan(d, "مليار", "QUANTITY", {{"value", "نحو مليار"}, {"unit", "USD"}});
  AddSpan(d, "دولار", "QUANTITY", {{"value", "12.5"}});  // no unit: left out
  d.Diagnose(Severity::kWarning, "ingest", "invalid-utf8", "bytes replaced \"\\x\"", 1024);
  d.Diagnose(Severity::kInfo, "extract", "note", "تاريخ نسبي");
  Event ev;
  ev.id = "ev1";
  ev.cameo = "057";
  ev.plover = "AGREE";
  ev.quad = 1;
  ev.goldstein = 8.0;
  ev.source = "china";
  ev.target = "uzbekistan";
  ev.date = "2024-05-12";
  ev.date_precision = "day";
  ev.quantity = 0;
  ev.modality = {"reported"};
  ev.trigger_start = 52;
  ev.trigger_end = 57;
  ev.confidence = 0.8349;
  d.events.push_back(ev);
  Event none;  // the members that may be null, null; a negated event
  none.id = "ev2";
  none.cameo = "19";
  none.quad = 4;
  none.goldstein = -10.0;
  none.location = "place:osh";
  none.negated = true;
  none.evidence_start = 60;
  none.evidence_end = 75;
  none.confidence = 1.0 / 3.0;
  d.events.push_back(none);
  return d;
}

Document MakeRepaired() {
  Document d;
  d.id = "pdf-3\t\"page\"";
  d.text = "قال السفير إن الحكومه تدرس العرض\x01\x1f\\";
  d.repair.ran = true;
  d.repair.damaged = true;
  d.repair.confidence = 0.1;
  d.repair.edits.push_back({15, 22, 15, 21, "lost-ta"});
  d.repair.edits.push_back({23, 27, 22, 26, "lost-ya"});
  d.repair.stats = {{"words", "7"},      {"ratio", "0.3333333333333333"},
                    {"mode", "letters"}, {"empty", ""},
                    {"big", "1e400"},    {"words", "8"},
                    {"neg", "-0"},       {"pi", "3.14"},
                    {"hex", "0x10"},     {"plus", "+1"},
                    {"space", " 1"},     {"exp", "2E3"}};
  d.entities.push_back({"amb", "PERSON", "Ambassador", "السفير", "", {}});
  d.entities.push_back({"amb", "PERSON", "Ambassador (again)", "السفير", "", {}});
  AddSpan(d, "السفير", "ENTITY", {{"entity", "amb"}});
  AddSpan(d, "الحكومه", "DATE",
          {{"value", "2024"}, {"end", "override"}, {"surface", "x"}, {"start", "s"}, {"end", "2"}});
  return d;
}

Document MakeEmpty() {
  Document d;
  d.id = "empty";
  return d;
}

TEST(AnalyzeJson, ByteIdenticalToTheDomDump) {
  for (const Document& d : {MakeVisit(), MakeRepaired(), MakeEmpty()}) {
    const json dom = AnalyzeJson(d);
    const std::string text = AnalyzeJsonText(d);
    EXPECT_EQ(text, Dump(dom)) << d.id;
    // Round trip: the text reads back as the DOM the old code built.
    EXPECT_EQ(json::parse(text), dom) << d.id;
  }
}

TEST(AnalyzeJson, AppendsToEarlierOutput) {
  const Document a = MakeVisit(), b = MakeEmpty();
  std::string out;
  AppendAnalyzeJson(a, out);
  out.push_back('\n');
  AppendAnalyzeJson(b, out);
  EXPECT_EQ(out, Dump(AnalyzeJson(a)) + "\n" + Dump(AnalyzeJson(b)));
}

TEST(AnalyzeJson, MembersAsTheContractNamesThem) {
  const json j = json::parse(AnalyzeJsonText(MakeVisit()));
  // Mentions go to their entity in span order; unknown ids and spans without one are dropped.
  EXPECT_EQ(j["entities"][2]["mentions"][0]["surface"], "طشقند");
  EXPECT_EQ(j["entities"][0]["mentions"].size(), 1u);
  EXPECT_EQ(j["entities"][1]["attrs"]["iso3"], "UZB2");
  EXPECT_TRUE(j["entities"][2]["wikidata"].is_null());
  ASSERT_EQ(j["dates"].size(), 2u);
  EXPECT_EQ(j["dates"][0]["anchor"], "absolute");
  EXPECT_EQ(j["dates"][1]["to"], "2025-12");
  ASSERT_EQ(j["quantities"].size(), 5u);
  EXPECT_EQ(j["quantities"][0]["value"], 1500000000.0);
  EXPECT_EQ(j["quantities"][0]["surface"], "1.5 مليار دولار");
  EXPECT_EQ(j["quantities"][4]["value"], "نحو مليار");
  EXPECT_EQ(j["quantities"][1]["kind"], "count");
  const std::string text = AnalyzeJsonText(MakeVisit());
  EXPECT_NE(text.find(R"("value":12000000000.0)"), std::string::npos);
  EXPECT_NE(text.find(R"("value":0.1)"), std::string::npos);
  EXPECT_NE(text.find(R"("value":1e+21)"), std::string::npos);
  EXPECT_NE(text.find(R"(\"المرحلة الثانية\")"), std::string::npos);
  EXPECT_EQ(text.rfind(R"({"dates":[)", 0), 0u);
}

// Surfaces are cut through the tokens' offsets: spans at token boundaries,
// inside a token, across the space between tokens and at the text's end
// give the same surface with and without tokens.
TEST(AnalyzeJson, SurfacesWithAndWithoutTokens) {
  Document d;
  d.id = "surfaces";
  d.text = "زار الوفد الكازاخي بكين، ثم عاد في 3 يونيو\nإلى أستانا";
  const std::vector<std::string> needles = {"زار",        "الكازاخي بكين", "كازاخي", "، ثم",
                                            "يونيو\nإلى", "أستانا",        "ز",      "ستان"};
  for (const std::string& n : needles) AddSpan(d, n, "DATE", {{"value", "2024"}});
  const json no_tokens = json::parse(AnalyzeJsonText(d));
  // Tokens: runs between spaces and newlines, with both kinds of offsets.
  std::uint32_t cp = 0, token_cp = 0;
  std::size_t token_byte = 0;
  for (std::size_t i = 0; i <= d.text.size(); ++i) {
    const bool end = i == d.text.size() || d.text[i] == ' ' || d.text[i] == '\n';
    if (end && i > token_byte) {
      Token t;
      t.start = token_cp;
      t.end = cp;
      t.byte_start = static_cast<std::uint32_t>(token_byte);
      t.byte_end = static_cast<std::uint32_t>(i);
      d.tokens.push_back(t);
    }
    if (i == d.text.size()) break;
    if ((static_cast<unsigned char>(d.text[i]) & 0xC0) != 0x80) ++cp;
    if (end) {
      token_byte = i + 1;
      token_cp = cp;
    }
  }
  ASSERT_EQ(d.tokens.size(), 11u);
  const json with_tokens = json::parse(AnalyzeJsonText(d));
  ASSERT_EQ(with_tokens["dates"].size(), needles.size());
  for (std::size_t i = 0; i < needles.size(); ++i) {
    EXPECT_EQ(with_tokens["dates"][i]["surface"], needles[i]) << i;
    EXPECT_EQ(no_tokens["dates"][i]["surface"], needles[i]) << i;
  }
  EXPECT_EQ(AnalyzeJsonText(d), Dump(AnalyzeJson(d)));
}

TEST(AnalyzeJson, RepeatedIdsAndOverriddenDateMembers) {
  const json j = json::parse(AnalyzeJsonText(MakeRepaired()));
  // The last entity of a repeated id gets the mentions.
  EXPECT_TRUE(j["entities"][0]["mentions"].empty());
  EXPECT_EQ(j["entities"][1]["mentions"].size(), 1u);
  // A date attribute named like a member replaces it; the last one wins.
  EXPECT_EQ(j["dates"][0]["end"], "2");
  EXPECT_EQ(j["dates"][0]["surface"], "x");
  EXPECT_EQ(j["repair"]["stats"]["words"], 8.0);
  EXPECT_EQ(j["repair"]["stats"]["big"], "1e400");
  EXPECT_EQ(j["repair"]["edits"], 2);
}

// JSON has no NaN or infinity: like nlohmann, the writer writes null.
TEST(AnalyzeJson, NonFiniteNumbersAreNull) {
  Document d = MakeEmpty();
  d.repair.ran = true;
  d.repair.stats = {{"inf", "inf"}, {"nan", "nan"}, {"neg", "-infinity"}};
  const std::string text = AnalyzeJsonText(d);
  EXPECT_EQ(text, Dump(AnalyzeJson(d)));
  EXPECT_NE(text.find(R"("stats":{"inf":null,"nan":null,"neg":null})"), std::string::npos);
}

TEST(AnalyzeJson, InvalidUtf8IsReplacedLikeTheDomDump) {
  Document d = MakeRepaired();
  d.text = "قال \xd8\xff السفير \xe2\x80";
  d.spans.clear();
  d.entities[0].name_ar = "\xc0\xaf";
  EXPECT_EQ(AnalyzeJsonText(d), Dump(AnalyzeJson(d)));
}

}  // namespace
}  // namespace nufuz::output
