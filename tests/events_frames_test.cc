// Actors and dates across clauses and sentences, on documents written for the
// project: counterparts (نظيره), cited sources (وفق/بحسب), statement targets,
// symmetric nouns, the date of a clause, a headline and its story, a verbal
// noun that refers back to a dated event.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "events/events.h"
#include "events_fixture.h"
#include "test_util.h"
#include "text/text.h"

namespace nufuz::events {
namespace {

using fixture::Catalog;

using fixture::Coder;
using fixture::Dump;
using fixture::Lex;
using fixture::Mark;

Document Build(const std::string& text, const std::vector<Mark>& entities,
               const std::vector<Mark>& dates = {}, const char* published = nullptr) {
  return fixture::BuildDocument(text, Catalog(), {entities, dates, {}, published});
}

struct Case {
  const char* name;
  const char* text;
  std::vector<Mark> entities;
  std::vector<Mark> dates;
  const char* published;  // may be null
  const char* code;       // CAMEO prefix of the expected event
  const char* source;
  const char* target;  // "" = none
  const char* date;    // expected date, "" = not checked
  int count;           // events with this code prefix, source and target (0 = not checked)
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.name;
}

class Frames : public ::testing::TestWithParam<Case> {};

TEST_P(Frames, CodesTheEvent) {
  const Case& c = GetParam();
  auto evs = Coder().Run(Build(c.text, c.entities, c.dates, c.published));
  int n = 0;
  const Event* first = nullptr;
  for (const auto& e : evs)
    if (e.cameo.rfind(c.code, 0) == 0 && e.source == c.source && e.target == c.target) {
      ++n;
      if (!first) first = &e;
    }
  ASSERT_NE(first, nullptr) << c.name << "\n" << Dump(evs);
  if (*c.date) {
    EXPECT_EQ(first->date, c.date) << c.name << "\n" << Dump(evs);
  }
  if (c.count) {
    EXPECT_EQ(n, c.count) << c.name << "\n" << Dump(evs);
  }
}

const Case kCases[] = {
    {"counterpart: نظيره after the verb is its object, the subject is the clause's",
     "زار بوتين طاجيكستان والتقى نظيره إمام علي رحمن.",
     {{"بوتين", "person:putin"}, {"طاجيكستان", "country:tjk"}, {"إمام علي رحمن", "person:rahmon"}},
     {},
     nullptr,
     "040",
     "person:putin",
     "person:rahmon",
     "",
     1},
    {"counterpart after حيث: the light verb's subject (يقوم X بزيارة) carries on",
     "ويقوم بوتين الأحد بزيارة إلى دوشنبه حيث سيلتقي نظيره الطاجيكي إمام علي رحمن.",
     {{"بوتين", "person:putin"}, {"دوشنبه", "place:dushanbe"}, {"إمام علي رحمن", "person:rahmon"}},
     {},
     nullptr,
     "04",
     "person:putin",
     "person:rahmon",
     "",
     1},
    {"a statement's target after إلى (أشار إلى)",
     "أشار بوتين إلى تنامي التجارة مع كازاخستان.",
     {{"بوتين", "person:putin"}, {"كازاخستان", "country:kaz"}},
     {},
     nullptr,
     "010",
     "person:putin",
     "country:kaz",
     "",
     1},
    {"an announcement's object names its target (أعلن انضمام X)",
     "أعلن بوتين انضمام طاجيكستان إلى المبادرة.",
     {{"بوتين", "person:putin"}, {"طاجيكستان", "country:tjk"}},
     {},
     nullptr,
     "010",
     "person:putin",
     "country:tjk",
     "",
     1},
    {"a meeting that brings X together with Y (جمع X بـY)",
     "جمعت القمة بوتين برئيس طاجيكستان في دوشنبه.",
     {{"بوتين", "person:putin"}, {"طاجيكستان", "country:tjk"}, {"دوشنبه", "place:dushanbe"}},
     {},
     nullptr,
     "040",
     "person:putin",
     "country:tjk",
     "",
     1},
    {"a summit held for X and Y (عقد قمة لـX و Y)",
     "عقدت روسيا القمة الأولى لروسيا والصين في موسكو.",
     {{"روسيا", "country:rus"}, {"روسيا", "country:rus"}, {"الصين", "country:chn"}},
     {},
     nullptr,
     "040",
     "country:rus",
     "country:chn",
     "",
     1},
    {"a symmetric noun X-Y is coded once, in the order of mention",
     "انطلقت أعمال قمة روسيا-الصين في موسكو.",
     {{"روسيا", "country:rus"}, {"الصين", "country:chn"}},
     {},
     nullptr,
     "040",
     "country:rus",
     "country:chn",
     "",
     1},
    {"a verbal noun without a date of its own refers to the dated event",
     "غزت روسيا أوكرانيا في فبراير 2022. وقد أدى الغزو الروسي لأوكرانيا إلى أزمة طاقة في أوروبا.",
     {{"روسيا", "country:rus"},
      {"أوكرانيا", "country:ukr"},
      {"الروسي", "country:rus#nisba"},
      {"أوكرانيا", "country:ukr"}},
     {{"فبراير 2022", "2022-02"}},
     "2022-07",
     "19",
     "country:rus",
     "country:ukr",
     "2022-02",
     1},
    {"a date in a later clause dates that clause, not this one",
     "زار بوتين الصين، بينما وقعت روسيا اتفاقا مع إيران في مايو 2023.",
     {{"بوتين", "person:putin"},
      {"الصين", "country:chn"},
      {"روسيا", "country:rus"},
      {"إيران", "country:irn"}},
     {{"مايو 2023", "2023-05"}},
     "2023-06-10",
     "042",
     "person:putin",
     "country:chn",
     "2023-06-10",
     1},
    {"a date before the clause in the sentence governs it",
     "وفي مايو 2023، بعد أسابيع من التوتر، زار بوتين الصين.",
     {{"بوتين", "person:putin"}, {"الصين", "country:chn"}},
     {{"مايو 2023", "2023-05"}},
     "2023-06-10",
     "042",
     "person:putin",
     "country:chn",
     "2023-05",
     1},
    {"a statement is not dated by what it says (a date after its first preposition)",
     "وفي ختام القمة، أشار بوتين إلى نمو المبادلات مع كازاخستان في 2024، لكنه رأى أنها أقل من "
     "المأمول.",
     {{"بوتين", "person:putin"}, {"كازاخستان", "country:kaz"}},
     {{"2024", "2024"}},
     "2025-10-10",
     "010",
     "person:putin",
     "country:kaz",
     "2025-10-10",
     1},
    {"a statement is dated by a date before its reported clause",
     "وقال بوتين في كلمته أمام البرلمان يوم الخميس إن روسيا ستعزز تجارتها مع كازاخستان في 2027.",
     {{"بوتين", "person:putin"}, {"روسيا", "country:rus"}, {"كازاخستان", "country:kaz"}},
     {{"يوم الخميس", "2025-10-09"}, {"2027", "2027"}},
     "2025-10-10",
     "03",
     "person:putin",
     "country:kaz",
     "",
     0},
    {"a person returning to the story brings back the date of his last mention",
     "وفي أبريل الماضي سافر بوتين إلى كازاخستان في جولة إقليمية واسعة.\n\n"
     "وفي 28 يونيو زار مسؤولون من إيران طاجيكستان في زيارة رسمية قصيرة.\n\n"
     "وبعد كازاخستان، زار بوتين تركيا المجاورة.",
     {{"بوتين", "person:putin"},
      {"كازاخستان", "country:kaz"},
      {"إيران", "country:irn"},
      {"طاجيكستان", "country:tjk"},
      {"كازاخستان", "country:kaz"},
      {"بوتين", "person:putin"},
      {"تركيا", "country:tur"}},
     {{"أبريل الماضي", "2022-04"}, {"28 يونيو", "2022-06-28"}},
     "2022-07-15",
     "042",
     "person:putin",
     "country:tur",
     "2022-04",
     1},
    {"... but not when he is named in the frame's sentence",
     "وفي أبريل الماضي سافر بوتين إلى كازاخستان في جولة إقليمية واسعة.\n\n"
     "وفي 28 يونيو زار بوتين طاجيكستان في زيارة رسمية قصيرة جدا.\n\n"
     "وبعد طاجيكستان، زار بوتين تركيا المجاورة.",
     {{"بوتين", "person:putin"},
      {"كازاخستان", "country:kaz"},
      {"بوتين", "person:putin"},
      {"طاجيكستان", "country:tjk"},
      {"طاجيكستان", "country:tjk"},
      {"بوتين", "person:putin"},
      {"تركيا", "country:tur"}},
     {{"أبريل الماضي", "2022-04"}, {"28 يونيو", "2022-06-28"}},
     "2022-07-15",
     "042",
     "person:putin",
     "country:tur",
     "2022-06-28",
     1},
    {"reported content in the future is dated by the statement's frame, not publication",
     "وفي 28 يونيو زار بوتين طاجيكستان في زيارة رسمية قصيرة.\n"
     "وقال بوتين إن بلاده ستدعم طاجيكستان في مجال الطاقة.",
     {{"بوتين", "person:putin"},
      {"طاجيكستان", "country:tjk"},
      {"بوتين", "person:putin"},
      {"طاجيكستان", "country:tjk"}},
     {{"28 يونيو", "2022-06-28"}},
     "2022-07-15",
     "03",
     "person:putin",
     "country:tjk",
     "2022-06-28",
     1},
    {"a headline restating the story's event is the story's event, with its date",
     "تركيا تحتج لدى إيران بعد هجوم على سفينة\n\n"
     "احتجت تركيا رسميا لدى إيران على هجوم استهدف سفينة تجارية يوم السبت في مياه الخليج.\n\n"
     "وقال متحدث باسم الخارجية التركية في أنقرة يوم الأحد إن الهجوم عمل عدائي.",
     {{"تركيا", "country:tur"},
      {"إيران", "country:irn"},
      {"تركيا", "country:tur"},
      {"إيران", "country:irn"},
      {"التركية", "country:tur#nisba"}},
     {{"يوم السبت", "2025-11-29"}, {"يوم الأحد", "2025-11-30"}},
     "2025-12-01",
     "11",
     "country:tur",
     "country:irn",
     "2025-11-30",
     1},
};

INSTANTIATE_TEST_SUITE_P(Events, Frames, ::testing::ValuesIn(kCases));

// All the members of a bloc named in the document, listed as one side, are
// the bloc; some of them stay themselves.
TEST(Frames, AllMembersOfABlocAreTheBloc) {
  const std::string all =
      "تعقد آسيا الوسطى مؤتمرا اقتصاديا. وعقد بوتين قمة مع قادة كازاخستان وقيرغيزستان "
      "وطاجيكستان وتركمانستان وأوزبكستان في موسكو.";
  const std::vector<Mark> five = {
      {"آسيا الوسطى", "bloc:central-asia"}, {"بوتين", "person:putin"},
      {"كازاخستان", "country:kaz"},         {"قيرغيزستان", "country:kgz"},
      {"طاجيكستان", "country:tjk"},         {"تركمانستان", "country:tkm"},
      {"أوزبكستان", "country:uzb"}};
  auto evs = Coder().Run(Build(all, five));
  int bloc = 0, members = 0;
  for (const auto& e : evs) {
    if (e.source != "person:putin") continue;
    bloc += e.target == "bloc:central-asia";
    members += e.target.rfind("country:", 0) == 0;
  }
  EXPECT_EQ(bloc, 1) << Dump(evs);
  EXPECT_EQ(members, 0) << Dump(evs);

  const std::string four =
      "تعقد آسيا الوسطى مؤتمرا اقتصاديا. وعقد بوتين قمة مع قادة كازاخستان وقيرغيزستان "
      "وطاجيكستان وأوزبكستان في موسكو.";
  std::vector<Mark> marks = five;
  marks.erase(marks.begin() + 5);  // no Turkmenistan
  evs = Coder().Run(Build(four, marks));
  bloc = members = 0;
  for (const auto& e : evs) {
    if (e.source != "person:putin") continue;
    bloc += e.target == "bloc:central-asia";
    members += e.target.rfind("country:", 0) == 0;
  }
  EXPECT_EQ(bloc, 0) << Dump(evs);
  EXPECT_EQ(members, 4) << Dump(evs);
}

// A source the news cites (وفق/بحسب X) is no actor of the event.
TEST(Frames, CitedSourceIsNoActor) {
  const std::string text = "التقى بوتين نظيره إمام علي رحمن في دوشنبه، وفق الكرملين.";
  auto evs = Coder().Run(Build(text, {{"بوتين", "person:putin"},
                                      {"إمام علي رحمن", "person:rahmon"},
                                      {"دوشنبه", "place:dushanbe"},
                                      {"الكرملين", "org:kremlin"}}));
  bool met = false;
  for (const auto& e : evs) {
    EXPECT_NE(e.source, "org:kremlin") << Dump(evs);
    EXPECT_NE(e.target, "org:kremlin") << Dump(evs);
    met = met || (e.cameo.rfind("04", 0) == 0 && e.source == "person:putin" &&
                  e.target == "person:rahmon");
  }
  EXPECT_TRUE(met) << Dump(evs);
}

}  // namespace
}  // namespace nufuz::events
