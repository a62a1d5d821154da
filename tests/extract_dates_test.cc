// Date extraction on hand-written Arabic sentences (see src/extract/dates.h).
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "extract/dates.h"
#include "test_util.h"
#include "text/text.h"

namespace nufuz::extract {
namespace {

struct Env {
  std::shared_ptr<const text::Lexicon> lex;
  std::shared_ptr<const DateExtractor> dates;
};

const Env& Shared() {
  static const Env env = [] {
    Env e;
    auto lex = text::Lexicon::Load(testing::DataDir());
    EXPECT_TRUE(lex.ok()) << lex.status().ToString();
    e.lex = *lex;
    auto d = DateExtractor::Load(testing::DataDir());
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    e.dates = *d;
    return e;
  }();
  return env;
}

Document Extract(const std::string& text, const std::string& published) {
  Document doc;
  doc.text = text;
  if (!published.empty()) doc.published = published;
  text::Tokenize(doc, *Shared().lex);
  Shared().dates->Run(doc);
  return doc;
}

// "value/kind" of every DATE span, in order.
std::vector<std::string> Values(const Document& doc) {
  std::vector<std::string> out;
  for (const Span& s : doc.spans)
    if (s.label == "DATE") out.push_back(*s.Attr("value") + "/" + *s.Attr("kind"));
  return out;
}

struct Case {
  const char* name;
  const char* text;
  const char* published;
  std::vector<std::string> want;
};

class DateCases : public ::testing::TestWithParam<Case> {};

TEST_P(DateCases, Values) {
  const Case& c = GetParam();
  Document doc = Extract(c.text, c.published);
  EXPECT_EQ(Values(doc), c.want) << c.text;
}

const Case kCases[] = {
    // Absolute.
    {"numeric_dmy", "وصل الوفد في 14-03-2024 إلى أستانا.", "", {"2024-03-14/point"}},
    {"numeric_ymd", "وقعت الاتفاقية بتاريخ 2023-11-02 في طشقند.", "", {"2023-11-02/point"}},
    {"arabic_indic", "افتتح الخط في ١٥-٠٦-٢٠٢١ رسميا.", "", {"2021-06-15/point"}},
    {"day_month_year", "زار الوزير بكين في 3 سبتمبر 2024.", "", {"2024-09-03/point"}},
    {"levant_pair_year",
     "عقدت القمة في تشرين الثاني/نوفمبر 2023 في سمرقند.",
     "",
     {"2023-11/point"}},
    {"gregorian_pair_year", "بدأ المشروع في مايو/أيار 2019.", "", {"2019-05/point"}},
    {"clitic_month",
     "وبحلول يناير 2020 تغير الوضع وبأكتوبر 2021 انتهى.",
     "",
     {"2020-01/point", "2021-10/point"}},
    {"year_word",
     "تأسست المنظمة عام 2001 ثم توسعت في العام 2017.",
     "",
     {"2001/point", "2017/point"}},
    {"bare_year", "شهدت قمة 2019 في بيشكيك نقاشا.", "", {"2019/point"}},
    {"year_ad", "اكتمل البناء سنة 1998م.", "", {"1998/point"}},
    {"maghreb", "انعقد المؤتمر في 12 جانفي 2022.", "", {"2022-01-12/point"}},
    {"hijri_year", "أسست المدينة عام 1420هـ.", "", {"1999/range"}},
    // Relative to publication.
    {"month_no_year", "التقى الرئيسان في أبريل لبحث التعاون.", "2023-09-10", {"2023-04/point"}},
    {"month_last", "أعلنت الحكومة في نوفمبر الماضي عن الخطة.", "2024-02-01", {"2023-11/point"}},
    {"month_next", "ستعقد القمة في مارس المقبل.", "2024-05-20", {"2025-03/point"}},
    {"day_month", "وصل الوفد في 28 يونيو إلى دوشنبه.", "2022-07-05", {"2022-06-28/point"}},
    {"late_month", "ارتفعت الأسعار في أواخر مايو.", "2022-07-05", {"2022-05/point"}},
    {"start_of_year", "في بداية العام أعلنت الحكومة خطتها.", "2021-08-01", {"2021-01/point"}},
    {"late_year_keeps_year", "تراجع الإنتاج أواخر عام 2019.", "", {"2019/point"}},
    {"last_year", "نما الاقتصاد العام الماضي بنسبة كبيرة.", "2025-03-01", {"2024/point"}},
    {"this_year", "يتوقع الخبراء نموا هذا العام.", "2025-03-01", {"2025/point"}},
    {"last_month", "وقع الاتفاق الشهر الماضي.", "2025-01-15", {"2024-12/point"}},
    {"yesterday", "قال الوزير أمس إن المحادثات مستمرة.", "2024-03-01", {"2024-02-29/point"}},
    {"tomorrow", "يصل الرئيس غدا إلى العاصمة.", "2023-12-31", {"2024-01-01/point"}},
    {"weekday_nearest_future",
     "يعقد الرئيس قمة الخميس مع نظرائه.",
     "2025-10-08",
     {"2025-10-09/point"}},
    {"weekday_nearest_past",
     "التقى الوزيران الاثنين في موسكو.",
     "2025-10-08",
     {"2025-10-06/point"}},
    {"weekday_last", "أعلن الجيش الجمعة الماضي عن مناورات.", "2025-10-08", {"2025-10-03/point"}},
    {"weekday_future_marker",
     "سيزور الوزير المنطقة يوم الاثنين.",
     "2025-10-08",
     {"2025-10-13/point"}},
    {"same_day",
     "وصل الوفد في 3 مارس 2020 وغادر في اليوم ذاته.",
     "",
     {"2020-03-03/point", "2020-03-03/point"}},
    {"after_weeks",
     "بدأت الأزمة في بداية العام، وبعد ستة أسابيع اندلعت الحرب.",
     "2022-07-01",
     {"2022-01/point", "2022-02/point"}},
    {"ago_years", "انضمت البلاد إلى المنظمة قبل عامين.", "2024-05-01", {"2022/point"}},
    {"after_event_not_date", "وصل بعد أسبوع من زيارة الوزير.", "2024-05-01", {}},
    {"decade", "انهار الاقتصاد في التسعينيات من القرن الماضي.", "2024-05-01", {"1990/range"}},
    // Ranges.
    {"since_year", "تستضيف البلاد القاعدة منذ 2003.", "2024-01-01", {"2003/range"}},
    {"between_years", "تضاعفت التجارة بين 2015 و2020.", "", {"2015/range"}},
    {"last_two_years", "ارتفعت الاستثمارات خلال العامين الأخيرين.", "2024-06-01", {"2022/range"}},
    // Ordinal days of the month (Arabic ordinals need "من" + a month).
    {"ordinal_day_month_last",
     "اندلعت المواجهات في الرابع من مارس الماضي.",
     "2024-06-10",
     {"2024-03-04/point"}},
    {"ordinal_compound_year",
     "وقع الطرفان الاتفاق في الحادي والعشرين من سبتمبر 2019.",
     "",
     {"2019-09-21/point"}},
    {"ordinal_of_current_month",
     "بدأ الإضراب في العاشر من الشهر الجاري.",
     "2024-06-20",
     {"2024-06-10/point"}},
    {"ordinal_of_same_month",
     "وصل الوفد في 3 أغسطس 2021، وغادر في السابع من الشهر نفسه.",
     "",
     {"2021-08-03/point", "2021-08-07/point"}},
    {"ordinal_of_the_month_follows_last_date",
     "عاد السفير إلى عمله في 2 نوفمبر 2017، واستقال في الثاني عشر من الشهر.",
     "2018-05-01",
     {"2017-11-02/point", "2017-11-12/point"}},
    {"ordinal_without_min_is_no_date",
     "حل الفريق الثاني في سبتمبر.",
     "2024-10-01",
     {"2024-09/point"}},
    {"ordinal_alone_is_no_date", "احتل المنتخب المركز الثالث من بين عشرة فرق.", "2024-01-01", {}},
    {"day_min_month_digits", "وصلت الشحنة في 9 من فبراير.", "2023-03-01", {"2023-02-09/point"}},
    // A part of the day before a date.
    {"daytime_ordinal", "انفجرت العبوة مساء الثالث من أبريل.", "2023-05-01", {"2023-04-03/point"}},
    {"daytime_today", "وصلت الطائرة فجر اليوم إلى المطار.", "2023-05-01", {"2023-05-01/point"}},
    // The day, week, month or year after the last date given.
    {"next_day",
     "اجتمع الوزراء في 9 نوفمبر 2020، وفي اليوم التالي صدر البيان.",
     "",
     {"2020-11-09/point", "2020-11-10/point"}},
    {"next_year",
     "انتخب رئيسا عام 2016، وفي العام التالي زار موسكو.",
     "",
     {"2016/point", "2017/point"}},
    {"next_day_of_event_is_no_date", "صدر البيان في اليوم التالي لوصول الوفد.", "2023-05-01", {}},
    {"flashback_does_not_move_anchor",
     "أعلنت الحكومة الطوارئ في 8 مايو 2022 بعدما بدأت الاحتجاجات في 2 مايو 2022. وفي "
     "اليوم التالي فرضت حظر التجول.",
     "",
     {"2022-05-08/point", "2022-05-02/point", "2022-05-09/point"}},
    // Spans of days: the value is the first day.
    {"two_days", "عقد المنتدى يومي 14 و15 أكتوبر 2024 في باكو.", "", {"2024-10-14/range"}},
    {"days_from_to", "تجري المناورات من 3 إلى 7 يوليو.", "2023-06-01", {"2023-07-03/range"}},
    {"year_span", "أقرت الحكومة الخطة للفترة 2021-2025 في أنقرة.", "", {"2021/range"}},
    // Year first, slashed.
    {"slashed_ymd", "صدر القرار بتاريخ 2022/12/05 رسميا.", "", {"2022-12-05/point"}},
    // A day and month with الماضي/المقبل: the nearest such day before/after P.
    {"day_month_last_same_month",
     "أصيب المبنى في 3 ديسمبر الماضي.",
     "2025-12-20",
     {"2025-12-03/point"}},
    {"day_month_last_year_before",
     "أصيب المبنى في 25 ديسمبر الماضي.",
     "2025-12-20",
     {"2024-12-25/point"}},
    {"day_month_next", "تبدأ الرحلات في 10 يناير المقبل.", "2025-12-20", {"2026-01-10/point"}},
    {"month_next_same_month", "تعقد الانتخابات في ديسمبر المقبل.", "2025-12-20", {"2026-12/point"}},
    // A month without a year near a date of another year takes that year.
    {"month_takes_context_year",
     "شهد عام 2019 أزمة حادة، إذ انهارت العملة في فبراير ثم تعافت في أغسطس.",
     "2021-03-01",
     {"2019/point", "2019-02/point", "2019-08/point"}},
    {"context_year_is_local",
     "تأسس المصنع عام 2010. وتوسع الإنتاج كثيرا بعد ذلك. وفي مايو أعلنت الشركة أرباحها.",
     "2024-09-01",
     {"2010/point", "2024-05/point"}},
    // Weekdays.
    {"weak_weekday_between_commas",
     "وقال المتحدث، الأحد، إن الحوار مستمر.",
     "2025-10-08",
     {"2025-10-05/point"}},
    {"deictic_with_weekday_is_one_date",
     "صرح الوزير أمس الثلاثاء بأن الحوار مستمر.",
     "2025-10-08",
     {"2025-10-07/point"}},
    // A date word found under a form without its proclitic; من before words
    // that start no date; a span of ordinals after من.
    {"clitic_during_years",
     "وخلال الأعوام الثلاثة الماضية تضاعفت التجارة.",
     "2024-04-17",
     {"2021/range"}},
    {"min_before_plain_words",
     "انسحب عدد من النواب من الجلسة يوم الاثنين.",
     "2024-04-17",
     {"2024-04-15/point"}},
    {"ordinals_from_to",
     "تعقد الجلسات من الثالث إلى السادس من يونيو.",
     "2024-04-20",
     {"2024-06-03/range"}},
    // Negative cases.
    {"number_before_unit", "قطع الوفد 1500 كيلومتر في يومين.", "", {}},
    {"year_after_year", "تزداد الاستثمارات عاما بعد عام.", "2025-01-01", {}},
    {"since_first_day", "ظل الموقف ثابتا منذ اليوم الأول للأزمة.", "2025-01-01", {}},
    {"relative_without_published", "وقع الاتفاق الشهر الماضي وفي يونيو.", "", {}},
    {"year_is_count_not_date", "أرسلت روسيا 2000 جندي.", "", {}},
    {"approx_number_not_year", "بلغ عدد الزوار نحو 2000 زائر.", "", {}},
    {"march_verb", "مارس الوفد ضغوطا كبيرة على الحكومة.", "2024-01-01", {}},
    {"father_not_august", "قال الأب إن ابنه سافر.", "2024-01-01", {}},
    {"today_as_name", "ذكرت قناة روسيا اليوم أن الوفد وصل.", "2024-01-01", {}},
    {"first_day_not_today", "في اليوم الأول من المؤتمر تحدث الوزير.", "2024-01-01", {}},
    {"invalid_date", "الرقم 31-02-2024 ليس تاريخا.", "", {}},
    {"small_number", "حصلت البلاد على 150 مقعدا.", "", {}},
};

INSTANTIATE_TEST_SUITE_P(Dates, DateCases, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(DateExtractor, OffsetsAreCodePointsIntoText) {
  const std::string text = "قال الوزير إن المحادثات بدأت في 3 سبتمبر 2024 بنجاح.";
  Document doc = Extract(text, "");
  ASSERT_EQ(doc.spans.size(), 1u);
  // "في" precedes the date; the span starts at the day number.
  EXPECT_EQ(doc.spans[0].start, 32u);
  EXPECT_EQ(doc.spans[0].end, 45u);
  EXPECT_EQ(*doc.spans[0].Attr("anchor"), "absolute");
}

TEST(DateExtractor, RangeCarriesFromAndTo) {
  Document doc = Extract("تراجعت الصادرات بين 2015 و2020.", "");
  ASSERT_EQ(doc.spans.size(), 1u);
  EXPECT_EQ(*doc.spans[0].Attr("from"), "2015");
  EXPECT_EQ(*doc.spans[0].Attr("to"), "2020");
}

TEST(DateExtractor, RelativeDatesAreMarkedRelative) {
  Document doc = Extract("وقع الاتفاق العام الماضي.", "2025-03-01");
  ASSERT_EQ(doc.spans.size(), 1u);
  EXPECT_EQ(*doc.spans[0].Attr("anchor"), "relative");
}

TEST(Dateline, FillsPublishedFromShortLineNearTop) {
  struct DL {
    const char* text;
    const char* want;  // "" = none
  };
  const DL cases[] = {
      {"عنوان المقال\n\nأستانا - 12-04-2024 | 09:30\n\nقال الرئيس إن بلاده ستوسع التعاون.",
       "2024-04-12"},
      {"عنوان آخر\nنشر في 5 مارس 2023\nيزور الوزير المنطقة.", "2023-03-05"},
      {"بدأ الرئيس زيارة رسمية تستمر ثلاثة أيام إلى العاصمة حيث يلتقي كبار المسؤولين ويبحث "
       "معهم التعاون في مجالات الطاقة والنقل والتجارة منذ 12-04-2024 وحتى الآن.",
       ""},
  };
  for (const DL& c : cases) {
    Document doc = Extract(c.text, "");
    if (*c.want) {
      ASSERT_TRUE(doc.published.has_value()) << c.text;
      EXPECT_EQ(*doc.published, c.want);
      EXPECT_EQ(doc.published_source, "dateline");
    } else {
      EXPECT_FALSE(doc.published.has_value()) << c.text;
    }
  }
}

TEST(Dateline, InputPublishedWins) {
  Document doc = Extract("أستانا - 12-04-2024\nقال الرئيس اليوم إن التعاون مستمر.", "2024-04-13");
  EXPECT_EQ(*doc.published, "2024-04-13");
  EXPECT_EQ(Values(doc), (std::vector<std::string>{"2024-04-12/point", "2024-04-13/point"}));
}

TEST(DateExtractor, DaytimeBelongsToTheSpan) {
  Document doc = Extract("انفجرت العبوة مساء الثالث من أبريل.", "2023-05-01");
  ASSERT_EQ(doc.spans.size(), 1u);
  // "مساء" starts at code point 14.
  EXPECT_EQ(doc.spans[0].start, 14u);
  EXPECT_EQ(*doc.spans[0].Attr("kind"), "point");
}

TEST(DateExtractor, DaySpanCarriesFromAndTo) {
  Document doc = Extract("عقد المنتدى يومي 14 و15 أكتوبر 2024 في باكو.", "");
  ASSERT_EQ(doc.spans.size(), 1u);
  EXPECT_EQ(*doc.spans[0].Attr("from"), "2024-10-14");
  EXPECT_EQ(*doc.spans[0].Attr("to"), "2024-10-15");
}

TEST(DateValue, ParseAndPrint) {
  EXPECT_EQ(DateValue::Parse("2024-02-29")->ToString(), "2024-02-29");
  EXPECT_EQ(DateValue::Parse("2024-07")->ToString(), "2024-07");
  EXPECT_EQ(DateValue::Parse("1991")->ToString(), "1991");
  EXPECT_FALSE(DateValue::Parse("2023-02-29"));
  EXPECT_FALSE(DateValue::Parse("2023-13"));
  EXPECT_FALSE(DateValue::Parse("garbage"));
}

// ToString writes the usual ranges by hand: the same text as the printf
// format for every year, and for values outside those ranges.
TEST(DateValue, PrintsAsPrintfFormat) {
  auto printf_form = [](const DateValue& v) {
    char buf[64];
    if (v.day > 0)
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.year, v.month, v.day);
    else if (v.month > 0)
      std::snprintf(buf, sizeof buf, "%04d-%02d", v.year, v.month);
    else
      std::snprintf(buf, sizeof buf, "%04d", v.year);
    return std::string(buf);
  };
  std::vector<DateValue> values;
  for (int y = 0; y <= 10000; ++y) values.push_back({y, y % 13, y % 32});
  for (int y : {-12345, -1, 5, 999, 2024, 9999, 10000, 123456})
    for (int m : {-1, 0, 1, 9, 12, 99, 100})
      for (int d : {-3, 0, 1, 28, 99, 100}) values.push_back({y, m, d});
  for (const DateValue& v : values)
    ASSERT_EQ(v.ToString(), printf_form(v)) << v.year << " " << v.month << " " << v.day;
}

TEST(DateExtractor, MessyInputDoesNotCrash) {
  const char* inputs[] = {"", "منذ", "بين 2020 و", "بعد", "الخميس", "28", "يونيو/", "من 2020 إلى",
                          "خلال العامين", "أواخر", "\xD9", "1446هـ 99999-99-99",
                          // Regression: a part of the day as the last token read past the tokens.
                          "مساء", "وصل الوفد صباح"};
  for (const char* in : inputs) {
    Document doc = Extract(in, "2024-01-01");
    Extract(in, "");
    for (const Span& s : doc.spans) EXPECT_LE(s.end, doc.text.size());
  }
}

}  // namespace
}  // namespace nufuz::extract
