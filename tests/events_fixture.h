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

// The entities the event tests name, by id: a test's marks take from it
// the entities its sentence mentions (BuildDocument), so one catalog
// serves every test program.
inline const std::vector<Entity>& Catalog() {
  static const std::vector<Entity> kCatalog = {
      {"country:rus", "COUNTRY", "Russia", "روسيا", "Q159", {}},
      {"country:chn", "COUNTRY", "China", "الصين", "Q148", {}},
      {"country:kaz", "COUNTRY", "Kazakhstan", "كازاخستان", "Q232", {}},
      {"country:tjk", "COUNTRY", "Tajikistan", "طاجيكستان", "Q863", {}},
      {"country:uzb", "COUNTRY", "Uzbekistan", "أوزبكستان", "Q265", {}},
      {"country:usa", "COUNTRY", "United States", "الولايات المتحدة", "Q30", {}},
      {"country:gbr", "COUNTRY", "United Kingdom", "بريطانيا", "Q145", {}},
      {"country:ukr", "COUNTRY", "Ukraine", "أوكرانيا", "Q212", {}},
      {"country:irn", "COUNTRY", "Iran", "إيران", "Q794", {}},
      {"country:syr", "COUNTRY", "Syria", "سوريا", "Q858", {}},
      {"country:geo", "COUNTRY", "Georgia", "جورجيا", "Q230", {}},
      {"country:tur", "COUNTRY", "Turkey", "تركيا", "Q43", {}},
      {"org:eu", "ORG", "European Union", "الاتحاد الأوروبي", "Q458", {}},
      {"org:un", "ORG", "United Nations", "الأمم المتحدة", "Q1065", {}},
      {"company:boeing", "COMPANY", "Boeing", "بوينغ", "Q66", {{"country", "country:usa"}}},
      {"person:putin",
       "PERSON",
       "Vladimir Putin",
       "فلاديمير بوتين",
       "Q7747",
       {{"role", "president"}, {"country", "country:rus"}}},
      {"person:tokayev",
       "PERSON",
       "Kassym-Jomart Tokayev",
       "قاسم جومرت توكاييف",
       "",
       {{"role", "president"}, {"country", "country:kaz"}}},
      {"person:rahmon",
       "PERSON",
       "Emomali Rahmon",
       "إمام علي رحمن",
       "",
       {{"role", "president"}, {"country", "country:tjk"}}},
      {"place:dushanbe", "PLACE", "Dushanbe", "دوشنبه", "", {{"country", "country:tjk"}}},
      {"place:kharkiv", "PLACE", "Kharkiv", "خاركيف", "", {{"country", "country:ukr"}}},
      {"place:ankara", "PLACE", "Ankara", "أنقرة", "", {{"country", "country:tur"}}},
      {"place:tehran", "PLACE", "Tehran", "طهران", "", {{"country", "country:irn"}}},
      {"bloc:central-asia",
       "BLOC",
       "Central Asia",
       "آسيا الوسطى",
       "Q27275",
       {{"members", "country:kaz|country:kgz|country:tjk|country:tkm|country:uzb"}}},
      {"org:commission", "ORG", "European Commission", "المفوضية الأوروبية", "Q8880", {}},
      {"person:kallas",
       "PERSON",
       "Maria Kallas",
       "ماريا كالاس",
       "",
       {{"role", "spokesperson"}, {"org", "org:commission"}}},
      {"country:kgz", "COUNTRY", "Kyrgyzstan", "قيرغيزستان", "Q813", {}},
      {"org:police", "ORG", "Police", "الشرطة", "", {{"country", "country:irn"}}},
      {"org:army", "ORG", "Army", "الجيش", "", {{"country", "country:kgz"}}},
      {"org:opposition", "ORG", "Opposition", "المعارضة", "", {}},
      {"org:rebels", "ORG", "Rebel group", "حركة التحرير", "", {}},
      {"country:tkm", "COUNTRY", "Turkmenistan", "تركمانستان", "Q874", {}},
      {"org:kremlin", "ORG", "Kremlin", "الكرملين", "", {{"country", "country:rus"}}},
      {"country:fra", "COUNTRY", "France", "فرنسا", "Q142", {}},
      {"country:aze", "COUNTRY", "Azerbaijan", "أذربيجان", "Q227", {}},
      {"country:arm", "COUNTRY", "Armenia", "أرمينيا", "Q399", {}},
      {"country:blr", "COUNTRY", "Belarus", "بيلاروسيا", "Q184", {}},
      {"person:lavrov",
       "PERSON",
       "Sergei Lavrov",
       "لافروف",
       "",
       {{"country", "country:rus"}, {"role", "foreign minister"}}},
      {"person:xi", "PERSON", "Xi Jinping", "شي جين بينغ", "", {{"country", "country:chn"}}},
      {"person:erdogan",
       "PERSON",
       "Recep Tayyip Erdogan",
       "أردوغان",
       "",
       {{"country", "country:tur"}, {"role", "president"}}},
      {"org:court", "ORG", "International Criminal Court", "المحكمة", "", {}},
      {"place:tashkent", "PLACE", "Tashkent", "طشقند", "", {{"country", "country:uzb"}}},
      {"place:baku", "PLACE", "Baku", "باكو", "", {{"country", "country:aze"}}},
      {"country:deu", "COUNTRY", "Germany", "ألمانيا", "Q183", {}},
      {"country:afg", "COUNTRY", "Afghanistan", "أفغانستان", "Q889", {}},
      {"country:irq", "COUNTRY", "Iraq", "العراق", "Q796", {}},
      {"org:taliban", "ORG", "Taliban", "حركة طالبان", "", {{"country", "country:afg"}}},
      {"country:sun", "COUNTRY", "Soviet Union", "الاتحاد السوفياتي", "Q15180", {}},
      {"org:sco",
       "ORG",
       "Shanghai Cooperation Organisation",
       "منظمة شنغهاي للتعاون",
       "Q485207",
       {}},
      {"org:unsc", "ORG", "United Nations Security Council", "مجلس الأمن", "Q37470", {}},
      {"org:airbus", "ORG", "Airbus", "إيرباص", "Q67", {}},
      {"bloc:gcc", "BLOC", "Gulf Cooperation Council", "مجلس التعاون الخليجي", "Q80952", {}},
      {"org:ots", "ORG", "Organization of Turkic States", "منظمة الدول التركية", "Q1066016", {}},
      {"country:isr", "COUNTRY", "Israel", "إسرائيل", "Q801", {}},
      {"country:pse", "COUNTRY", "Palestine", "فلسطين", "Q219060", {}},
      {"country:egy", "COUNTRY", "Egypt", "مصر", "Q79", {}},
      {"country:pak", "COUNTRY", "Pakistan", "باكستان", "Q843", {}},
      {"country:npl", "COUNTRY", "Nepal", "نيبال", "Q837", {}},
      {"country:ner", "COUNTRY", "Niger", "النيجر", "Q1032", {}},
      {"country:sdn", "COUNTRY", "Sudan", "السودان", "Q1049", {}},
      {"country:ind", "COUNTRY", "India", "الهند", "Q668", {}},
      {"place:odesa",
       "PLACE",
       "Odesa",
       "أوديسا",
       "",
       {{"country", "country:ukr"}, {"kind", "CITY"}}},
      {"place:damascus",
       "PLACE",
       "Damascus",
       "دمشق",
       "",
       {{"country", "country:syr"}, {"kind", "CAPITAL"}}},
      {"place:aleppo",
       "PLACE",
       "Aleppo",
       "حلب",
       "",
       {{"country", "country:syr"}, {"kind", "CITY"}}},
      {"place:kabul",
       "PLACE",
       "Kabul",
       "كابول",
       "",
       {{"country", "country:afg"}, {"kind", "CAPITAL"}}},
      {"place:gaza",
       "PLACE",
       "Gaza Strip",
       "قطاع غزة",
       "",
       {{"country", "country:pse"}, {"kind", "REGION"}}},
      {"place:jenin", "PLACE", "Jenin", "جنين", "", {{"country", "country:pse"}, {"kind", "CITY"}}},
      {"org:imf", "ORG", "International Monetary Fund", "صندوق النقد الدولي", "Q7804", {}},
      {"org:world-bank", "ORG", "World Bank", "البنك الدولي", "Q81934", {}},
      {"org:isis", "ORG", "Islamic State", "تنظيم الدولة الإسلامية", "Q2429253", {}},
      {"org:iaea",
       "ORG",
       "International Atomic Energy Agency",
       "الوكالة الدولية للطاقة الذرية",
       "Q170375",
       {}},
      {"person:talks", "PERSON", "Mahadthat", "محادثات", "", {{"country", "country:fra"}}},
      {"person:shakhsa", "PERSON", "Shakhsa", "شخصا", "", {{"country", "country:fra"}}},
      {"person:protest",
       "PERSON",
       "Ahtjaja",
       "احتجاجا على التصريحات",
       "",
       {{"country", "country:jpn"}, {"role", "ambassador"}}},
      {"person:ali-hassan", "PERSON", "Ali Hassan", "علي حسن", "", {{"country", "country:irq"}}},
  };
  return kCatalog;
}

// The catalog with entries replaced by id, for a test that needs an entity
// described otherwise (a city with its kind, which makes it stand for its
// state).
inline std::vector<Entity> CatalogWith(const std::vector<Entity>& overrides) {
  std::vector<Entity> v = Catalog();
  for (const Entity& o : overrides)
    for (Entity& e : v)
      if (e.id == o.id) e = o;
  return v;
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
