// Very long sentences, on clauses written for the project: a text with no
// sentence punctuation is one sentence of thousands of clauses, and the
// coder's scans over it (clause breaks, the evidence clause, the date
// clause, the sentence's duplicate events, reported-speech scopes, the
// content kept after a statement) run from per-document and per-sentence
// tables rather than per event. These tests check that what the rules imply
// still holds at that length: each clause codes the event it codes alone,
// an event repeating one of the sentence's (same code root and actors) is
// dropped, the evidence is the clause between breaks (the whole sentence
// when there is none), and a statement with kept content after its
// complementizer drops out however far into the sentence it stands.
#include <gtest/gtest.h>

#include <cstddef>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/utf8.h"
#include "events/events.h"
#include "events_fixture.h"
#include "test_util.h"

namespace nufuz::events {
namespace {

using fixture::Coder;
using fixture::Dump;
using fixture::Mark;

struct Country {
  const char* id;
  const char* en;
  const char* ar;
};

const Country kCountries[] = {
    {"country:rus", "Russia", "روسيا"},         {"country:chn", "China", "الصين"},
    {"country:tur", "Turkey", "تركيا"},         {"country:irn", "Iran", "إيران"},
    {"country:fra", "France", "فرنسا"},         {"country:arm", "Armenia", "أرمينيا"},
    {"country:ukr", "Ukraine", "أوكرانيا"},     {"country:geo", "Georgia", "جورجيا"},
    {"country:ind", "India", "الهند"},          {"country:pak", "Pakistan", "باكستان"},
    {"country:kaz", "Kazakhstan", "كازاخستان"}, {"country:uzb", "Uzbekistan", "أوزبكستان"},
};
constexpr std::size_t kNumCountries = sizeof(kCountries) / sizeof(kCountries[0]);

// Verbs of four different CAMEO roots (criticise, visit, support, threaten).
const char* const kVerbs[] = {"انتقدت", "زارت", "دعمت", "هددت"};

const std::vector<Entity>& Catalog() {
  static const std::vector<Entity> kCatalog = [] {
    std::vector<Entity> v;
    for (const auto& c : kCountries) v.push_back({c.id, "COUNTRY", c.en, c.ar, "", {}});
    return v;
  }();
  return kCatalog;
}

// Clause n: verb, subject, object; the pairs and verbs cycle so that the
// clauses repeat after 4 x 12 x 11 = 528.
struct Clause {
  std::string text;
  std::vector<Mark> marks;
};

Clause MakeClause(std::size_t n) {
  const std::size_t verb = n % 4, pair = (n / 4) % (kNumCountries * (kNumCountries - 1));
  const std::size_t a = pair / (kNumCountries - 1);
  std::size_t b = pair % (kNumCountries - 1);
  if (b >= a) ++b;
  Clause c;
  c.text = std::string(kVerbs[verb]) + " " + kCountries[a].ar + " " + kCountries[b].ar;
  c.marks = {{kCountries[a].ar, kCountries[a].id}, {kCountries[b].ar, kCountries[b].id}};
  return c;
}

// Clauses 0..n-1 joined by `sep` (no sentence punctuation, no final stop).
fixture::Marks Join(std::size_t n, const std::string& sep, std::string& text) {
  fixture::Marks marks;
  text.clear();
  for (std::size_t k = 0; k < n; ++k) {
    Clause c = MakeClause(k);
    if (k) text += sep;
    text += c.text;
    for (const auto& m : c.marks) marks.entities.push_back(m);
  }
  return marks;
}

using Key = std::tuple<std::string, std::string, std::string>;  // cameo, source, target

Key KeyOf(const Event& e) {
  return {e.cameo, e.source, e.target};
}

// The events clause n codes when it stands alone.
std::vector<Key> Alone(std::size_t n) {
  Clause c = MakeClause(n);
  std::vector<Key> keys;
  for (const auto& e : Coder().Run(fixture::BuildDocument(c.text, Catalog(), {c.marks, {}, {}})))
    keys.push_back(KeyOf(e));
  return keys;
}

TEST(LongSentence, EachClauseCodesItsEventOnceAcrossTwoThousandClauses) {
  constexpr std::size_t kClauses = 2000;
  std::string text;
  const fixture::Marks marks = Join(kClauses, " و", text);
  const Document doc = fixture::BuildDocument(text, Catalog(), marks);
  ASSERT_EQ(doc.sentences.size(), 1u);
  const std::vector<Event> evs = Coder().Run(doc);

  // Expected: each clause's own events, in order, unless the sentence
  // already has an event with the same code root, source and target.
  std::vector<Key> want;
  std::set<Key> seen;
  for (std::size_t k = 0; k < kClauses; ++k) {
    const std::vector<Key> alone = Alone(k);
    ASSERT_EQ(alone.size(), 1u) << "clause " << k << ": " << MakeClause(k).text;
    const auto& [cameo, src, tgt] = alone[0];
    if (seen.insert({cameo.substr(0, 2), src, tgt}).second) want.push_back(alone[0]);
  }
  EXPECT_EQ(want.size(), 528u);  // the distinct clauses
  std::vector<Key> got;
  for (const auto& e : evs) got.push_back(KeyOf(e));
  EXPECT_EQ(got, want) << Dump(evs).substr(0, 2000);

  // No clause break: every event's evidence is the whole sentence.
  const auto len = static_cast<std::uint32_t>(utf8::Length(text));
  for (const auto& e : evs) {
    EXPECT_EQ(e.evidence_start, 0u);
    EXPECT_EQ(e.evidence_end, len);
  }
}

TEST(LongSentence, EvidenceIsTheClauseBetweenCommas) {
  constexpr std::size_t kClauses = 1200;
  std::string text;
  const fixture::Marks marks = Join(kClauses, "، و", text);
  const Document doc = fixture::BuildDocument(text, Catalog(), marks);
  ASSERT_EQ(doc.sentences.size(), 1u);
  const std::vector<Event> evs = Coder().Run(doc);
  ASSERT_EQ(evs.size(), 528u) << Dump(evs).substr(0, 2000);
  // Clause k starts after the k-th "، " and ends before the next comma.
  std::vector<std::uint32_t> starts = {0}, ends;
  const std::string sep = "، و";
  for (std::size_t at = text.find(sep); at != std::string::npos; at = text.find(sep, at + 1)) {
    ends.push_back(static_cast<std::uint32_t>(utf8::Length(std::string_view(text).substr(0, at))));
    // The evidence starts at the token after the comma: the word with و.
    starts.push_back(static_cast<std::uint32_t>(
        utf8::Length(std::string_view(text).substr(0, at + std::string("، ").size()))));
  }
  ends.push_back(static_cast<std::uint32_t>(utf8::Length(text)));
  ASSERT_EQ(starts.size(), kClauses);
  for (std::size_t k = 0; k < evs.size(); ++k) {
    // The first 528 clauses are distinct: event k is clause k's.
    EXPECT_EQ(evs[k].evidence_start, starts[k]) << k;
    EXPECT_EQ(evs[k].evidence_end, ends[k]) << k;
    EXPECT_GE(evs[k].trigger_start, starts[k]) << k;
    EXPECT_LT(evs[k].trigger_end, ends[k] + 1) << k;
  }
}

TEST(LongSentence, TheDuplicateCheckIsPerSentence) {
  // Two long sentences with the same clauses: an event repeats only within
  // its sentence, so the second codes them all again (undated events are
  // not merged across sentences).
  std::string one;
  fixture::Marks marks = Join(600, " و", one);
  const fixture::Marks again = marks;
  for (const auto& m : again.entities) marks.entities.push_back(m);
  const Document doc = fixture::BuildDocument(one + ". " + one + ".", Catalog(), marks);
  ASSERT_EQ(doc.sentences.size(), 2u);
  const std::vector<Event> evs = Coder().Run(doc);
  ASSERT_EQ(evs.size(), 2 * 528u);
  for (std::size_t k = 0; k < 528; ++k) EXPECT_EQ(KeyOf(evs[k]), KeyOf(evs[k + 528])) << k;
}

}  // namespace
}  // namespace nufuz::events
