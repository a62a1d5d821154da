// tests/events_fixture.h: what the event coder's tests share. They build a
// Document the way the pipeline would hand it to the coder (tokenised text,
// ENTITY/DATE/QUANTITY spans, the entities named) from a sentence written
// for the test and the surfaces to mark in it, so each test states only its
// sentence, its marks and the events it expects.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/utf8.h"
#include "events/events.h"
#include "test_util.h"
#include "text/text.h"

namespace nufuz::events::fixture {

// The project's lexicon and event coder, loaded once per test program.
inline const text::Lexicon& Lex() {
  static std::shared_ptr<const text::Lexicon> lex = [] {
    auto r = text::Lexicon::Load(nufuz::testing::DataDir());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : text::Lexicon::FromWords({});
  }();
  return *lex;
}

inline const EventCoder& Coder() {
  static std::shared_ptr<const EventCoder> coder = [] {
    auto r = EventCoder::Load(nufuz::testing::DataDir());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : nullptr;
  }();
  return *coder;
}

inline std::uint32_t CpOf(const std::string& text, std::size_t byte) {
  return static_cast<std::uint32_t>(utf8::Length(std::string_view(text).substr(0, byte)));
}

// A surface to mark. For an entity, its id ("country:rus#nisba": a nisba
// mention, span attribute form=nisba); for a date, its value; for a
// quantity, its unit.
struct Mark {
  const char* surface;
  const char* id;
};

struct Marks {
  std::vector<Mark> entities, dates, quantities;
  const char* published = nullptr;  // the document's publication date
};

// Tokenises `text` and marks each surface in list order; a surface listed
// again marks its next occurrence. Entities named by a mark are taken from
// `catalog`.
inline Document BuildDocument(const std::string& text, const std::vector<Entity>& catalog,
                              const Marks& marks) {
  Document d;
  d.id = "test";
  d.text = text;
  if (marks.published) d.published = marks.published;
  text::Tokenize(d, Lex());
  std::vector<std::pair<std::string, std::size_t>> seen;  // surface, where to look next
  auto find = [&](const std::string& s) {
    std::size_t from = 0;
    for (const auto& [w, next] : seen)
      if (w == s) from = next;
    const std::size_t at = d.text.find(s, from);
    EXPECT_NE(at, std::string::npos) << s;
    if (at != std::string::npos) seen.push_back({s, at + 1});
    return at;
  };
  auto span = [&](std::size_t at, const std::string& surface, const char* label, Attrs attrs) {
    d.spans.push_back(
        Span{CpOf(d.text, at), CpOf(d.text, at + surface.size()), label, std::move(attrs)});
  };
  for (const auto& m : marks.entities) {
    const std::size_t at = find(m.surface);
    if (at == std::string::npos) continue;
    std::string id = m.id;
    Attrs attrs;
    if (auto hash = id.find('#'); hash != std::string::npos) {
      attrs.emplace_back("form", id.substr(hash + 1));
      id.resize(hash);
    }
    attrs.insert(attrs.begin(), {"entity", id});
    span(at, m.surface, "ENTITY", std::move(attrs));
    bool have = false;
    for (const auto& e : d.entities) have = have || e.id == id;
    if (!have)
      for (const auto& e : catalog)
        if (e.id == id) d.entities.push_back(e);
  }
  for (const auto& m : marks.dates) {
    const std::size_t at = find(m.surface);
    if (at != std::string::npos)
      span(at, m.surface, "DATE", {{"value", m.id}, {"anchor", "absolute"}, {"kind", "point"}});
  }
  for (const auto& m : marks.quantities) {
    const std::size_t at = find(m.surface);
    if (at != std::string::npos) span(at, m.surface, "QUANTITY", {{"value", "1"}, {"unit", m.id}});
  }
  return d;
}

// The events one per line, for failure messages.
inline std::string Dump(const std::vector<Event>& evs) {
  std::ostringstream o;
  for (const auto& e : evs) {
    o << e.cameo << " " << (e.source.empty() ? "-" : e.source) << " -> "
      << (e.target.empty() ? "-" : e.target) << " " << (e.date.empty() ? "-" : e.date) << " [";
    for (const auto& m : e.modality) o << m << " ";
    o << "] neg=" << e.negated << "\n";
  }
  return o.str();
}

// Expects `wants` to be exactly the events `evs`, in any order: each want
// (with code, source, target and Matches(const Event&)) takes one event of
// its own, and no event is left over.
template <typename Want>
void ExpectExactly(const char* name, const std::vector<Event>& evs,
                   const std::vector<Want>& wants) {
  std::vector<bool> used(evs.size(), false);
  std::size_t n_used = 0;
  for (const Want& w : wants) {
    bool hit = false;
    for (std::size_t i = 0; i < evs.size() && !hit; ++i)
      if (!used[i] && w.Matches(evs[i])) used[i] = hit = true;
    n_used += hit;
    EXPECT_TRUE(hit) << name << ": no " << w.code << " " << w.source << " -> " << w.target << "\n"
                     << Dump(evs);
  }
  EXPECT_EQ(n_used, evs.size()) << name << ": events beyond the expected ones\n" << Dump(evs);
}

}  // namespace nufuz::events::fixture
