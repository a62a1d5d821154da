// Search over the FTS5 index of normalised term keys: Arabic variant
// folding in both directions (hamza forms, ta marbuta, diacritics,
// clitics), snippets cut from the stored text, dates, and the filters.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "output/analyze.h"
#include "store/store.h"
#include "test_util.h"
#include "text/text.h"

namespace nufuz::store {
namespace {

const text::Lexicon& Lex() {
  static std::shared_ptr<const text::Lexicon> lex = [] {
    auto r = text::Lexicon::Load(nufuz::testing::DataDir());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : text::Lexicon::FromWords({});
  }();
  return *lex;
}

struct Source {
  const char* id;
  const char* published;
  const char* text;
  const char* entity;  // id of the entity mentioned by `mention`
  const char* mention;
  const char* cameo;  // event code reported, or ""
};

// Written for the project.
const Source kDocs[] = {
    {"kz-rail", "2025-02-03",
     "وصل وفد تجاري صيني إلى أستانا، وبكازاخستان يتوقع المسؤولون أن يرتفع حجم الشحن عبر "
     "السكك الحديدية في ٥ شباط ٢٠٢٥.",
     "kazakhstan", "وبكازاخستان", "036"},
    {"ru-security", "2025-03-18",
     "قال مسؤولٌ في وزارةِ الدفاعِ إنَّ رُوسيا ستُعزّز الأمنَ على الحدودِ الطاجيكية.", "russia", "رُوسيا",
     "051"},
    {"uz-gov", "2024-11-20",
     "أعلنت الحكومة الأوزبكية أن إنتاج الذهب زاد، وأشارت الحكومة إلى خطط لمصانع جديدة.",
     "uzbekistan", "الأوزبكية", ""},
    {"kz-gas", "2024-07-01", "أكدت كازاخستان أن صادرات الغاز إلى الصين ستتضاعف خلال عامين.",
     "kazakhstan", "كازاخستان", "057"},
};

Document Make(const Source& s) {
  Document d;
  d.id = s.id;
  d.source.outlet = "outlet";
  d.published = s.published;
  d.text = s.text;
  text::Tokenize(d, Lex());
  std::size_t b = d.text.find(s.mention);
  auto start = static_cast<std::uint32_t>(utf8::Length(std::string_view(d.text).substr(0, b)));
  auto end = start + static_cast<std::uint32_t>(utf8::Length(s.mention));
  d.spans.push_back({start, end, "ENTITY", {{"entity", s.entity}}});
  d.entities.push_back({s.entity, "COUNTRY", s.entity, s.mention, "", {}});
  const std::size_t db = d.text.find("٥ شباط ٢٠٢٥");
  if (db != std::string::npos) {
    auto ds = static_cast<std::uint32_t>(utf8::Length(std::string_view(d.text).substr(0, db)));
    d.spans.push_back({ds, ds + 11, "DATE", {{"value", "2025-02-05"}}});
  }
  return d;
}

class SearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = Store::Open(":memory:");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s.value());
    for (const Source& src : kDocs) docs_.push_back(Make(src));
    std::vector<Item> items;
    for (std::size_t i = 0; i < docs_.size(); ++i) {
      nlohmann::json a = output::AnalyzeJson(docs_[i]);
      if (*kDocs[i].cameo)
        a["events"].push_back({{"cameo", kDocs[i].cameo},
                               {"source", kDocs[i].entity},
                               {"target", "china"},
                               {"evidence", {{"start", 0}, {"end", 5}}},
                               {"confidence", 0.8}});
      items.push_back({&docs_[i], a});
    }
    auto r = store_->IngestBatch(items);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }

  std::vector<std::string> Ids(const Query& q) {
    auto hits = store_->Search(q, Lex());
    EXPECT_TRUE(hits.ok()) << hits.status().ToString();
    std::vector<std::string> out;
    if (hits.ok())
      for (const Hit& h : hits.value()) out.push_back(h.doc);
    std::sort(out.begin(), out.end());
    return out;
  }

  std::unique_ptr<Store> store_;
  std::vector<Document> docs_;
};

using V = std::vector<std::string>;

Query Text(const char* text) {
  Query q;
  q.text = text;
  return q;
}

TEST_F(SearchTest, FoldsArabicVariantsBothWays) {
  struct Case {
    const char* query;
    V expect;
  } cases[] = {
      {"كازاخستان", {"kz-gas", "kz-rail"}},   // clitics: وبكازاخستان
      {"لكازاخستان", {"kz-gas", "kz-rail"}},  // clitic in the query
      {"روسيا", {"ru-security"}},             // diacritics in the text: رُوسيا
      {"رُوسْيَا", {"ru-security"}},             // and in the query
      {"الامن", {"ru-security"}},             // الأمنَ: hamza form and article
      {"أمن", {"ru-security"}},
      {"حكومه", {"uz-gov"}},  // ة / ه
      {"والحكومة", {"uz-gov"}},
      {"الصين كازاخستان", {"kz-gas"}},  // every term must occur
      {"٢٠٢٥", {"kz-rail"}},            // Arabic-Indic digits fold to 2025
      {"2025", {"kz-rail"}},
      {"طوكيو", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(Ids(Text(c.query)), c.expect) << c.query;
}

TEST_F(SearchTest, SnippetMarksTheMatchInTheOriginalText) {
  Query q;
  q.text = "كازاخستان شحن";
  auto hits = store_->Search(q, Lex());
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits.value().size(), 1u);
  const Hit& h = hits.value()[0];
  EXPECT_EQ(h.doc, "kz-rail");
  EXPECT_NE(h.snippet.find("[وبكازاخستان]"), std::string::npos) << h.snippet;
  EXPECT_NE(h.snippet.find("[الشحن]"), std::string::npos) << h.snippet;
  EXPECT_EQ(h.published, "2025-02-03");
  EXPECT_EQ(h.dates, V{"2025-02-05"});
  EXPECT_LT(h.score, 0.0);  // bm25: lower is better, matches are negative

  q.text = "روسيا";
  hits = store_->Search(q, Lex());
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits.value().size(), 1u);
  // Diacritics are kept in the snippet: it is the text as written.
  EXPECT_NE(hits.value()[0].snippet.find("[رُوسيا]"), std::string::npos) << hits.value()[0].snippet;
}

TEST_F(SearchTest, FiltersByDateActorAndEventCode) {
  Query q;
  q.text = "كازاخستان";
  q.from = "2025";
  EXPECT_EQ(Ids(q), V{"kz-rail"});
  q.from = "";
  q.to = "2024-12";
  EXPECT_EQ(Ids(q), V{"kz-gas"});
  q = Query{};
  q.from = "2024-11-20";
  q.to = "2025-02-03";
  EXPECT_EQ(Ids(q), (V{"kz-rail", "uz-gov"}));  // no query text: filters only
  q = Query{};
  q.actor = "kazakhstan";
  EXPECT_EQ(Ids(q), (V{"kz-gas", "kz-rail"}));
  q.actor = "china";  // a target of events, never mentioned
  EXPECT_EQ(Ids(q), (V{"kz-gas", "kz-rail", "ru-security"}));
  q = Query{};
  q.event = "05";
  EXPECT_EQ(Ids(q), (V{"kz-gas", "ru-security"}));
  q.event = "057";
  q.text = "الغاز";
  EXPECT_EQ(Ids(q), V{"kz-gas"});
}

TEST_F(SearchTest, QuerySyntaxCharactersAreText) {
  for (const char* q : {"\"", "NEAR(", "AND OR NOT", "كازاخستان*", "(روسيا", "-", ""}) {
    auto hits = store_->Search(Text(q), Lex());
    EXPECT_TRUE(hits.ok()) << q << ": " << hits.status().ToString();
  }
}

}  // namespace
}  // namespace nufuz::store
