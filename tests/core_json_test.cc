// JsonWriter and the `nufuz text --json` object: byte-identical to dumping
// the nlohmann DOM the format was first defined as (DocumentToJson, still
// built; dump(-1, ' ', false, error_handler_t::replace)), for escaping,
// numbers, nesting and whole documents with Arabic text.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/utf8.h"

namespace nufuz {
namespace {

using nlohmann::json;

std::string Dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string WriteString(std::string_view s) {
  std::string out;
  JsonWriter(out).String(s);
  return out;
}

std::string WriteDouble(double v) {
  std::string out;
  JsonWriter(out).Double(v);
  return out;
}

struct EscapeCase {
  const char* name;
  std::string in;
  std::string want;  // the JSON string literal; empty: only compared with nlohmann
};

const EscapeCase kEscapes[] = {
    {"plain", "abc", R"("abc")"},
    {"empty", "", R"("")"},
    {"quote", "say \"yes\"", R"("say \"yes\"")"},
    {"backslash", "a\\b", R"("a\\b")"},
    {"short escapes", "\b\t\n\f\r", R"("\b\t\n\f\r")"},
    {"other controls as \\u00xx", std::string("\x00\x01\x1f", 3), R"("\u0000\u0001\u001f")"},
    {"DEL and slash kept", "\x7f/", "\"\x7f/\""},
    {"Arabic kept as UTF-8", "وصل الوفد إلى طشقند", "\"وصل الوفد إلى طشقند\""},
    {"Arabic with harakat and tatweel", "وَصَلَ الـوفدُ", "\"وَصَلَ الـوفدُ\""},
    {"Arabic-Indic digits and Persian letters", "٢٠٢٤ ی ک", "\"٢٠٢٤ ی ک\""},
    {"quote and newline inside Arabic", "قال: \"نعم\"\nثم غادر", R"("قال: \"نعم\"\nثم غادر")"},
    {"C1 control and NBSP kept", "\xc2\x85\xc2\xa0", "\"\xc2\x85\xc2\xa0\""},
    {"three- and four-byte sequences", "\xe2\x80\x8f€\xf0\x9f\x98\x80", ""},
    {"U+10FFFF is valid", "\xf4\x8f\xbf\xbf", ""},
    // Invalid UTF-8: nlohmann's replacement (U+FFFD) is the reference.
    {"lone continuation byte", "a\x80z", "\"a\xef\xbf\xbdz\""},
    {"truncated two-byte at end", "ع\xd8", ""},
    {"truncated three-byte then ASCII", "\xe2\x80z", ""},
    {"overlong slash", "\xc0\xaf", ""},
    {"overlong three-byte", "\xe0\x80\xaf", ""},
    {"surrogate", "\xed\xa0\x80", ""},
    {"above U+10FFFF", "\xf4\x90\x80\x80", ""},
    {"F5 lead", "\xf5\x80\x80\x80", ""},
    {"Latin-1 text", "caf\xe9 na\xefve", ""},
    {"invalid byte then quote", "\xff\"", ""},
};

TEST(JsonWriter, EscapesStringsLikeNlohmann) {
  for (const auto& c : kEscapes) {
    const std::string got = WriteString(c.in);
    EXPECT_EQ(got, Dump(json(c.in))) << c.name;
    if (!c.want.empty()) {
      EXPECT_EQ(got, c.want) << c.name;
    }
  }
}

TEST(JsonWriter, EscapesEveryControlCharacterLikeNlohmann) {
  for (int c = 0; c < 0x80; ++c) {
    const std::string s = "ع" + std::string(1, static_cast<char>(c)) + "x";
    EXPECT_EQ(WriteString(s), Dump(json(s))) << "byte " << c;
  }
}

// Long strings are scanned sixteen bytes at a time: every byte value and
// some multi-byte sequences, at every alignment inside Arabic text, still
// give nlohmann's bytes.
TEST(JsonWriter, EscapesLongStringsAtEveryAlignmentLikeNlohmann) {
  const std::string arabic = "وصل الوفد إلى طشقند";
  std::vector<std::string> pieces = {"\xc0\xaf",
                                     "\xc1\x81",
                                     "\xc2\x80",
                                     "\xdf\xbf",
                                     "\xe2\x80\x8f",
                                     "\xd8",
                                     "\xd8\xd8",
                                     "\x80\x80",
                                     "\xed\xa0\x80",
                                     "\\\"",
                                     "\"\n",
                                     "\x7f",
                                     "\xe2\x80\x8f\xe2\x80\x8f",
                                     "\xf0\x9f\x98\x80"};
  for (int b = 0; b < 256; ++b) pieces.emplace_back(1, static_cast<char>(b));
  for (std::size_t pad = 0; pad < 18; ++pad) {
    for (const std::string& piece : pieces) {
      for (const bool at_end : {false, true}) {
        std::string s = std::string(pad, 'a') + arabic + piece;
        if (!at_end) s += arabic + "z";
        EXPECT_EQ(WriteString(s), Dump(json(s))) << pad << " " << at_end << " " << s;
      }
    }
  }
}

TEST(JsonWriter, KeysAreEscapedToo) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.DataKey("a\"b");
  w.Uint(1);
  w.Key("plain");
  w.Bool(false);
  w.DataKey("مفتاح\n");
  w.Null();
  w.EndObject();
  EXPECT_EQ(out, "{\"a\\\"b\":1,\"plain\":false,\"مفتاح\\n\":null}");
  EXPECT_EQ(out, Dump(json{{"a\"b", 1}, {"plain", false}, {"مفتاح\n", nullptr}}));
}

struct DoubleCase {
  double v;
  const char* want;
};

const DoubleCase kDoubles[] = {
    {0.1, "0.1"},
    {12.5, "12.5"},
    {12.0, "12.0"},
    {0.0, "0.0"},
    {-0.0, "-0.0"},
    {1e21, "1e+21"},
    {1e20, "1e+20"},
    {1e15, "1e+15"},
    {123456789012345.0, "123456789012345.0"},
    {12000000000.0, "12000000000.0"},
    {0.0001, "0.0001"},
    {0.00001, "1e-05"},
    {-2.75, "-2.75"},
    {2.0 / 3.0, "0.6666666666666666"},
    {5e-324, "5e-324"},
    {1.7976931348623157e308, "1.7976931348623157e+308"},
    {std::numeric_limits<double>::quiet_NaN(), "null"},
    {std::numeric_limits<double>::infinity(), "null"},
    {-std::numeric_limits<double>::infinity(), "null"},
};

TEST(JsonWriter, FormatsDoublesLikeNlohmann) {
  for (const auto& c : kDoubles) {
    EXPECT_EQ(WriteDouble(c.v), c.want) << c.want;
    EXPECT_EQ(WriteDouble(c.v), Dump(json(c.v))) << c.want;
  }
}

TEST(JsonWriter, FormatsRandomDoublesLikeNlohmann) {
  std::mt19937_64 rng(20241121);
  std::uniform_real_distribution<double> small(-1e6, 1e6);
  for (int i = 0; i < 20000; ++i) {
    // Every bit pattern (all magnitudes, subnormals, NaN), then everyday values.
    const std::uint64_t bits = rng();
    double v = 0;
    std::memcpy(&v, &bits, sizeof v);
    ASSERT_EQ(WriteDouble(v), Dump(json(v))) << bits;
    const double w = std::round(small(rng) * 100) / 100;
    ASSERT_EQ(WriteDouble(w), Dump(json(w))) << w;
  }
}

TEST(JsonWriter, FormatsIntegers) {
  struct {
    std::uint64_t u;
    const char* want;
  } const kUints[] = {{0, "0"},
                      {7, "7"},
                      {12000000000ULL, "12000000000"},
                      {18446744073709551615ULL, "18446744073709551615"}};
  for (const auto& c : kUints) {
    std::string out;
    JsonWriter(out).Uint(c.u);
    EXPECT_EQ(out, c.want);
    EXPECT_EQ(out, Dump(json(c.u)));
  }
  for (std::int64_t v :
       {std::int64_t{-7}, std::int64_t{0}, std::numeric_limits<std::int64_t>::min()}) {
    std::string out;
    JsonWriter(out).Int(v);
    EXPECT_EQ(out, Dump(json(v)));
  }
}

TEST(JsonWriter, NestsArraysAndObjectsWithCommas) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("a");
  w.BeginArray();
  w.Uint(1);
  w.BeginArray();
  w.EndArray();
  w.BeginObject();
  w.EndObject();
  w.BeginArray();
  w.Bool(true);
  w.Null();
  w.String("");
  w.EndArray();
  w.EndArray();
  w.Key("b");
  w.BeginObject();
  w.Key("c");
  w.String("دوشنبه");
  w.Key("d");
  w.Raw(R"([{"x":false}])");
  w.EndObject();
  w.Key("e");
  w.Double(0.5);
  w.EndObject();
  const char* want =
      R"({"a":[1,[],{},[true,null,""]],"b":{"c":"دوشنبه","d":[{"x":false}]},"e":0.5})";
  EXPECT_EQ(out, want);
  json dom = {{"a", {1, json::array(), json::object(), {true, nullptr, ""}}},
              {"b", {{"c", "دوشنبه"}, {"d", json::parse(R"([{"x":false}])")}}},
              {"e", 0.5}};
  EXPECT_EQ(out, Dump(dom));
  EXPECT_EQ(json::parse(out), dom);
}

TEST(JsonWriter, AppendsAfterEarlierLines) {
  std::string out = "{\"first\":1}\n";
  JsonWriter w(out);
  w.BeginArray();
  w.Uint(2);
  w.EndArray();
  EXPECT_EQ(out, "{\"first\":1}\n[2]");
}

TEST(JsonWriter, StringMapSortsAndLastValueWins) {
  struct {
    const char* name;
    std::vector<std::pair<std::string, std::string>> map;
  } const kMaps[] = {
      {"empty", {}},
      {"sorted", {{"country", "KAZ"}, {"role", "وزير"}}},
      {"unsorted", {{"role", "سفير"}, {"country", "UZB"}, {"iso3", "UZB"}}},
      {"repeated key", {{"role", "أول"}, {"country", "TJK"}, {"role", "ثان"}}},
      {"repeated adjacent key", {{"a", "1"}, {"a", "2"}}},
      {"prefix keys", {{"ab", "1"}, {"a", "2"}, {"a_b", "3"}, {"B", "4"}}},
  };
  for (const auto& c : kMaps) {
    std::string out;
    JsonWriter w(out);
    WriteStringMap(w, c.map);
    json dom = json::object();
    for (const auto& [k, v] : c.map) dom[k] = v;
    EXPECT_EQ(out, Dump(dom)) << c.name;
  }
}

TEST(JsonWriter, WritesDomsAsNlohmannDumpsThem) {
  const json kDoms[] = {
      json(),
      json::object(),
      json::array(),
      json::parse(R"({"b":[1,-2,3.5,true,null,"س"],"a":{"z":{},"y":[]},"c\u0001":"\"\\"})"),
      json{{"id", "ev1"}, {"goldstein", -7.0}, {"quad", 4}, {"modality", {"reported", "future"}}},
      json{{"confidence", std::round(0.8349 * 100) / 100}, {"big", 18446744073709551615ULL}},
      json{{"nan", std::nan("")}, {"bad", "\xd8"}, {"ar", "قمة دوشنبه"}},
      json::binary({1, 2, 3}),
  };
  for (const auto& dom : kDoms) {
    std::string out = "[0";
    JsonWriter w(out);
    WriteJson(w, dom);
    EXPECT_EQ(out, "[0" + Dump(dom)) << Dump(dom);
  }
}

// ---- nufuz text --json

// Splits text at spaces into tokens (Arabic when the first byte is not ASCII).
void AddTokens(Document& doc) {
  std::size_t b = 0;
  while (b < doc.text.size()) {
    std::size_t e = doc.text.find(' ', b);
    if (e == std::string::npos) e = doc.text.size();
    if (e > b) {
      Token t;
      t.byte_start = static_cast<std::uint32_t>(b);
      t.byte_end = static_cast<std::uint32_t>(e);
      t.start = static_cast<std::uint32_t>(utf8::Length(std::string_view(doc.text).substr(0, b)));
      t.end = static_cast<std::uint32_t>(utf8::Length(std::string_view(doc.text).substr(0, e)));
      t.kind =
          static_cast<unsigned char>(doc.text[b]) >= 0x80 ? TokenKind::kArabic : TokenKind::kNumber;
      t.key = std::string(doc.Surface(t));
      if (t.kind == TokenKind::kArabic && doc.tokens.size() % 2 == 0) {
        t.proclitics = kCliticWa | kCliticAl;
        t.stem = std::string(utf8::SubstrCp(t.key, 1, utf8::Length(t.key)));
        t.suffix = "ها";
      }
      doc.tokens.push_back(t);
    }
    b = e + 1;
  }
  doc.sentences.push_back({0, 5, 0, 2});
  doc.sentences.push_back({6, static_cast<std::uint32_t>(utf8::Length(doc.text)), 2,
                           static_cast<std::uint32_t>(doc.tokens.size())});
}

// Written for the project.
Document MakeTextDocument() {
  Document d;
  d.id = "tashkent-visit.html";
  d.source.path = "in/tashkent-visit.html";
  d.source.url = "https://example.org/a?x=1&y=\"2\"";
  d.source.outlet = "وكالة المثال";
  d.source.format = Format::kHtml;
  d.source.record = 12;
  d.published = "2024-05-12";
  d.published_source = "html-meta";
  d.title = "زيارة\tإلى طشقند";
  d.original = "<p>وصل الوفد</p>\r\n";
  d.raw_text = "وصل الوفد الصيني إلى طشقند يوم 12 مايو\nشارك الآن";
  d.text = "وصل الوفد الصيني إلى طشقند يوم 12 مايو";
  AddTokens(d);
  d.removed.push_back({40, 49, 38, "share-widget", "شارك الآن"});
  d.Diagnose(Severity::kWarning, "ingest", "lenient", "fixed \"quotes\" in <meta>", 17);
  d.Diagnose(Severity::kInfo, "clean", "removed", "1 line");
  d.spans.push_back({0, 3, "TRIGGER", {{"cameo", "042"}, {"by", "وفد"}}});
  d.spans.push_back(
      {21, 26, "ENTITY", {{"entity", "tashkent"}, {"alias", "x"}, {"entity", "tas"}}});
  d.spans.push_back({0, 0, "PAGE", {}});
  d.repair.ran = true;
  d.repair.damaged = true;
  d.repair.confidence = 0.873;
  d.repair.before = "وصل الوفد الصني";
  d.repair.edits.push_back({10, 16, 10, 15, "lost-ya"});
  d.repair.stats = {{"ya_ratio", "0.1"}, {"words", "8"}, {"note", "منخفض"}, {"words", "9"}};
  return d;
}

TEST(DocumentJson, ByteIdenticalToTheDomForEveryOptionSet) {
  Document full = MakeTextDocument();
  Document bare;
  bare.id = "-";
  bare.text =
      "سطر\x01"
      "غريب\\";
  bare.failed = true;
  Document repaired_no_edits = MakeTextDocument();
  repaired_no_edits.repair.edits.clear();
  for (const Document* doc : {&full, &bare, &repaired_no_edits}) {
    for (int bits = 0; bits < 8; ++bits) {
      JsonOptions o;
      o.tokens = bits & 1;
      o.original = bits & 2;
      o.removed = bits & 4;
      const json dom = DocumentToJson(*doc, o);
      const std::string text = DocumentJsonText(*doc, o);
      EXPECT_EQ(text, Dump(dom)) << doc->id << " options " << bits;
      EXPECT_EQ(json::parse(text), dom) << doc->id << " options " << bits;
    }
  }
}

TEST(DocumentJson, TokensAndDiagnosticsAsTheirDoms) {
  const Document d = MakeTextDocument();
  std::string diags;
  JsonWriter dw(diags);
  WriteDiagnostics(dw, d);
  EXPECT_EQ(diags, Dump(DiagnosticsJson(d)));
  EXPECT_NE(diags.find(R"("offset":17)"), std::string::npos);
  for (const auto& t : d.tokens) {
    std::string tok;
    JsonWriter tw(tok);
    WriteToken(tw, d, t);
    EXPECT_EQ(tok, Dump(TokenToJson(d, t)));
  }
}

TEST(DocumentJson, InvalidUtf8IsReplacedLikeNlohmann) {
  Document d = MakeTextDocument();
  d.text = "نص \xd8 مقطوع";
  d.tokens.clear();
  d.sentences.clear();
  d.title = "\xc0\xaf";
  EXPECT_EQ(DocumentJsonText(d, {}), Dump(DocumentToJson(d, {})));
}

}  // namespace
}  // namespace nufuz
