// Quantity extraction on hand-written Arabic sentences (see
// src/extract/quantities.h).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/quantities.h"
#include "test_util.h"
#include "text/text.h"

namespace nufuz::extract {
namespace {

struct Env {
  std::shared_ptr<const text::Lexicon> lex;
  std::shared_ptr<const QuantityExtractor> q;
};

const Env& Shared() {
  static const Env env = [] {
    Env e;
    auto lex = text::Lexicon::Load(testing::DataDir());
    EXPECT_TRUE(lex.ok()) << lex.status().ToString();
    e.lex = *lex;
    auto q = QuantityExtractor::Load(testing::DataDir());
    EXPECT_TRUE(q.ok()) << q.status().ToString();
    e.q = *q;
    return e;
  }();
  return env;
}

Document Extract(const std::string& text) {
  Document doc;
  doc.text = text;
  text::Tokenize(doc, *Shared().lex);
  Shared().q->Run(doc);
  return doc;
}

// "value unit" of every QUANTITY span, in order.
std::vector<std::string> Values(const Document& doc) {
  std::vector<std::string> out;
  for (const Span& s : doc.spans)
    if (s.label == "QUANTITY") out.push_back(*s.Attr("value") + " " + *s.Attr("unit"));
  return out;
}

struct Case {
  const char* name;
  const char* text;
  std::vector<std::string> want;
};

class QuantityCases : public ::testing::TestWithParam<Case> {};

TEST_P(QuantityCases, Values) {
  const Case& c = GetParam();
  EXPECT_EQ(Values(Extract(c.text)), c.want) << c.text;
}

const Case kCases[] = {
    // Money.
    {"billion_euro", "تعهد الاتحاد باستثمار 15 مليار يورو في المنطقة.", {"15000000000 EUR"}},
    {"plural_scale_decimal", "بلغت التجارة 3.5 مليارات دولار.", {"3500000000 USD"}},
    {"decimal_comma", "ارتفع الرقم إلى 41,7 مليار دولار.", {"41700000000 USD"}},
    {"thousands_comma", "دفعت الشركة 1,250 دولارا للعامل.", {"1250 USD"}},
    {"arabic_indic_decimal", "بلغ العجز ١٢٫٥ مليون روبل.", {"12500000 RUB"}},
    {"yuan", "قدمت بكين قرضا بقيمة 700 مليون يوان.", {"700000000 CNY"}},
    {"tenge_accusative", "خصصت الحكومة 40 مليار تنغي للمشروع.", {"40000000000 KZT"}},
    {"pound_sterling", "تبرعت لندن بـ 20 مليون جنيه إسترليني.", {"20000000 GBP"}},
    {"lira_turkish", "تراجعت قيمة 100 ليرة تركية.", {"100 TRY"}},
    {"som_by_cue_uz", "أعلنت أوزبكستان تخصيص 900 مليار سوم للطرق.", {"900000000000 UZS"}},
    {"som_by_cue_kg", "رصدت قرغيزستان 5 ملايين سوم للمدارس.", {"5000000 KGS"}},
    {"elliptical_amount",
     "ارتفع حجم التبادل من 30 مليار دولار إلى 45 مليارا.",
     {"30000000000 USD", "45000000000 USD"}},
    {"range_shared_scale",
     "تراوحت الكلفة من 150 إلى 200 مليون دولار.",
     {"150000000 USD", "200000000 USD"}},
    // Words.
    {"word_dual_thousand", "أرسلت موسكو أكثر من ألفي جندي.", {"2000 troops"}},
    {"word_units", "قتل ثلاثة أشخاص في الحادث.", {"3 people"}},
    {"word_compound", "شارك خمسة وعشرون خبيرا في المؤتمر.", {"25 experts"}},
    {"word_hundreds_thousands", "عبر ثلاثمئة ألف مهاجر الحدود.", {"300000 migrants"}},
    {"tens_vague", "اعتقلت الشرطة عشرات الأشخاص.", {"10 people"}},
    {"millions_people", "يعيش في البلاد نحو 35 مليون نسمة.", {"35000000 people"}},
    // Measures and percent.
    {"km", "يمتد الخط مسافة 1200 كيلومتر.", {"1200 km"}},
    {"km_abbrev", "تبعد المدينة 40 كلم عن الحدود.", {"40 km"}},
    {"miles_accusative", "تمتد الحدود 3000 ميلا.", {"3000 mi"}},
    {"tonnes", "نقلت الطائرة 15 طنا من المساعدات.", {"15 t"}},
    {"cubic_metres", "تصدر البلاد 10 مليارات متر مكعب من الغاز.", {"10000000000 m3"}},
    {"barrels", "ينتج الحقل 300 ألف برميل يوميا.", {"300000 bbl"}},
    {"megawatt", "تبلغ قدرة المحطة 450 ميغاواط.", {"450 MW"}},
    {"percent_sign", "ارتفع التضخم إلى 8% هذا العام.", {"8 %"}},
    {"percent_words", "تراجعت الصادرات 12 في المئة.", {"12 %"}},
    {"percent_clitic", "نما الاقتصاد 4.5 بالمئة.", {"4.5 %"}},
    {"percent_range", "تتراوح النسبة بين 10 و15 في المائة.", {"10 %", "15 %"}},
    // Shares and counts without a digit.
    {"share_third", "تمثل الصادرات ثلث الناتج الوطني.", {"0.333333333333 share"}},
    {"share_half", "يعيش نصف السكان في الريف.", {"0.5 share"}},
    {"share_after_comparative", "تستورد البلاد أكثر من الربع.", {"0.25 share"}},
    {"dual_noun", "عقد الطرفان قمتين خلال عام.", {"2 summits"}},
    {"definite_cardinal", "اجتمع قادة الدول الخمس في المدينة.", {"5 states"}},
    {"definite_digits", "وافق الاتحاد بدوله الـ27 على القرار.", {"27 states"}},
    {"anaphoric_once", "اجتمعت الدول الخمس. ثم وقعت الدول الخمس بيانا.", {"5 states"}},
    // Negative cases.
    // Counted things with a multiword noun.
    {"drones", "أسقطت الدفاعات الجوية خمس طائرات مسيرة فوق المدينة.", {"5 drones"}},
    {"drones_no_pilot", "استخدم الجيش 12 طائرة بدون طيار.", {"12 drones"}},
    {"facilities", "تضررت 9 منشآت نفطية في القصف.", {"9 facilities"}},
    // A counted noun with a possessive suffix and a definite cardinal.
    {"possessive_cardinal", "زار الرئيس بلدانها الثلاثة.", {"3 states"}},
    // A definite dual with a dual adjective is a new pair.
    {"definite_dual_adjective", "اعترفت موسكو بالدولتين الجديدتين.", {"2 states"}},
    // A definite fraction as the end of a change.
    {"half_as_end_of_change", "سيخفض الممر زمن النقل إلى النصف.", {"0.5 share"}},
    {"year_not_quantity", "وقعت الأحداث عام 2022.", {}},
    {"bare_number", "حصل الحزب على 45 من الأصوات في الجولة.", {}},
    {"ordinal", "ناقش الفصل الثاني من التقرير الأزمة.", {}},
    {"half_hour_not_share", "استمر اللقاء نصف ساعة.", {}},
    {"duration_not_quantity", "استمرت المفاوضات ثلاثة أيام.", {}},
    {"between_dual", "تحسنت العلاقات بين البلدين.", {}},
    {"plural_not_dual", "زار الوزير نفس البلدان.", {}},
    {"group_name_not_count", "شارك الوزير في قمة مجموعة العشرين.", {}},
    {"definite_dual_anaphoric", "وقعت كازاخستان وأوزبكستان اتفاقا يعزز التجارة في البلدين.", {}},
    {"first_half_not_share", "تراجعت الأرباح في النصف الأول من العام.", {}},
    {"one_of", "قال أحد المسؤولين إن الوضع مستقر.", {}},
};

INSTANTIATE_TEST_SUITE_P(Quantities, QuantityCases, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(QuantityExtractor, SpanCoversQualifierNumberAndUnit) {
  const std::string text = "أرسلت موسكو أكثر من 2000 جندي.";
  Document doc = Extract(text);
  ASSERT_EQ(doc.spans.size(), 1u);
  EXPECT_EQ(doc.spans[0].start, 12u);
  EXPECT_EQ(doc.spans[0].end, 29u);
  EXPECT_EQ(*doc.spans[0].Attr("approx"), "more");
  EXPECT_EQ(*doc.spans[0].Attr("kind"), "count");
}

TEST(ParseDigits, Separators) {
  struct D {
    const char* key;
    double want;
  };
  const D cases[] = {{"1,200", 1200},        {"66,2", 66.2},      {"12.5", 12.5},
                     {"1,200,000", 1200000}, {"1,234.5", 1234.5}, {"7", 7}};
  for (const D& c : cases) {
    auto v = ParseDigits(c.key);
    ASSERT_TRUE(v) << c.key;
    EXPECT_DOUBLE_EQ(*v, c.want) << c.key;
  }
  EXPECT_FALSE(ParseDigits("abc"));
  EXPECT_FALSE(ParseDigits("1,,2"));
}

TEST(FormatNumber, PlainDecimal) {
  EXPECT_EQ(FormatNumber(12e9), "12000000000");
  EXPECT_EQ(FormatNumber(4.2 * 1e9), "4200000000");
  EXPECT_EQ(FormatNumber(66.2), "66.2");
  EXPECT_EQ(FormatNumber(0.25), "0.25");
}

TEST(QuantityExtractor, BadDataRowIsADataError) {
  auto t = TsvTable::Parse("word\tvalue\tkind\tsource\nخمسة\tfive\tunit\ttest\n", "numbers.tsv");
  ASSERT_TRUE(t.ok());
  auto r = NumberReader::FromTable(*t);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDataError);
  EXPECT_NE(r.status().message().find("numbers.tsv:2"), std::string::npos);
}

TEST(QuantityExtractor, MessyInputDoesNotCrash) {
  const char* inputs[] = {
      "",    "مليار",    "أكثر من",  "12 مليار",      "،،،", "الـ", "9999999999999999999999 دولار",
      "ثلث", "\xD9\x85", "من 5 إلى", "1,2,3,4.5.6 طن"};
  for (const char* in : inputs) {
    Document doc = Extract(in);
    for (const Span& s : doc.spans) EXPECT_LE(s.start, s.end);
  }
}

}  // namespace
}  // namespace nufuz::extract
