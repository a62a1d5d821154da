// tests/report_fixture.h: a hand-built ReportData for the report tests.
// The Arabic sentences are written for nufuz (not taken from any article).
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "report/report.h"

namespace nufuz::testing {

inline report::ReportData SampleReport() {
  using report::Evidence;
  report::ReportData d;
  d.month = "2024-06";
  d.generated_at = "2024-07-01 09:00 UTC";
  d.powers = {{"RUS", "Russia", "روسيا"},
              {"CHN", "China", "الصين"},
              {"USA", "United States", "الولايات المتحدة"},
              {"EU", "European Union", "الاتحاد الأوروبي"},
              {"TUR", "Türkiye", "تركيا"},
              {"IRN", "Iran", "إيران"}};
  d.republics = {{"KAZ", "Kazakhstan", "كازاخستان"},
                 {"UZB", "Uzbekistan", "أوزبكستان"},
                 {"KGZ", "Kyrgyzstan", "قيرغيزستان"},
                 {"TJK", "Tajikistan", "طاجيكستان"},
                 {"TKM", "Turkmenistan", "تركمانستان"}};
  d.network_actors = {{"AFG", "Afghanistan", "أفغانستان"}};
  d.corpus = {42, 118, 57, 31, "2023-07-02", "2024-06-28"};

  // Base levels: power x republic, a plausible shape (not real scores).
  const double base[6][5] = {{0.71, 0.55, 0.78, 0.74, 0.38}, {0.62, 0.58, 0.66, 0.61, 0.69},
                             {0.33, 0.36, 0.22, 0.19, 0.17}, {0.41, 0.35, 0.24, 0.2, 0.15},
                             {0.27, 0.31, 0.25, 0.14, 0.29}, {0.08, 0.11, 0.05, 0.16, 0.23}};
  const char* months[12] = {"2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12",
                            "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"};
  for (int p = 0; p < 6; ++p) {
    for (int r = 0; r < 5; ++r) {
      report::Cell c;
      c.power = d.powers[p].code;
      c.republic = d.republics[r].code;
      double b = base[p][r];
      for (int k = 0; k < 5; ++k) {
        c.dims[k] = std::fmax(0, std::fmin(1, b + 0.18 * std::sin(1.3 * k + p + 0.7 * r)));
        c.dim_events[k] = 0.6 * std::sin(0.9 * k + 2 * p - r);
      }
      c.structural = b - 0.03;
      c.event = 0.5 * std::sin(p * 1.7 + r);
      c.combined = b;
      for (int m = 0; m < 12; ++m) {
        double drift = (p == 1 ? 0.008 : (p == 0 ? -0.006 : 0.002)) * (m - 11);
        c.trend.push_back({months[m], b + drift + 0.015 * std::sin(m + p + r)});
      }
      c.coverage = 0.45 + 0.1 * ((p + r) % 6);
      c.events = (p * 7 + r * 3) % 11;
      c.stale_facts = (p + r) % 3 == 0 ? 1 : 0;
      if (c.coverage < 0.7) c.missing = {"arms_import_share", "remittance_share"};
      d.cells.push_back(std::move(c));
    }
  }
  auto cell = [&](const char* p, const char* r) -> report::Cell& {
    for (auto& c : d.cells) {
      if (c.power == p && c.republic == r) return c;
    }
    return d.cells.front();
  };
  cell("RUS", "KAZ").top_evidence = {
      {Evidence::Kind::kFact, 0, "CSTO membership", 0.21, "2024", "data/facts/memberships.tsv:4",
       "عضوية كاملة في منظمة معاهدة الأمن الجماعي.", "https://en.wikipedia.org/wiki/CSTO"},
      {Evidence::Kind::kFact, 3, "Oil export route through Russia", 0.17, "2023",
       "data/facts/corridors.tsv:9", "يمر معظم صادرات النفط عبر خط أنابيب إلى ميناء روسي.",
       "https://example.org/cpc"},
      {Evidence::Kind::kEvent, 2, "036 Express intent to meet or negotiate", 0.06, "2024-05-14",
       "examples/kz-ru-talks.txt",
       "وقّعت روسيا وكازاخستان اتفاقاً لتوسيع التعاون العسكري بين البلدين خلال زيارة "
       "رسمية إلى أستانا.",
       ""},
  };
  cell("CHN", "KGZ").top_evidence = {
      {Evidence::Kind::kEvent, 1, "0233 Provide economic aid", 0.14, "2024-03-02",
       "examples/cn-kg-loan.html",
       "أعلنت الصين عن قرض بقيمة 500 مليون دولار لتمويل طريق سريع في قيرغيزستان.", ""},
      {Evidence::Kind::kFact, 1, "Share of imports from China", 0.25, "2022",
       "data/facts/trade.tsv:12", "", "https://example.org/trade"},
  };
  cell("IRN", "TJK").top_evidence = {
      {Evidence::Kind::kEvent, 2, "111 Criticize or denounce", -0.12, "2024-02-11",
       "examples/tj-ir.txt",
       "قال المتحدث: \"لن نقبل <script>alert(1)</script> أي ضغط\" & أضاف 'كفى'.", ""},
  };
  cell("EU", "UZB").top_evidence = {
      {Evidence::Kind::kEvent, 2, "042 Make a visit", 0.09, "2024-04-20", "examples/uz-eu.jsonl#3",
       "استقبل رئيس أوزبكستان وفداً من الاتحاد الأوروبي لبحث الاستثمار في الطاقة المتجددة.", ""},
  };

  struct Ev {
    const char *date, *src, *tgt, *cameo, *label;
    double g;
    int n;
    const char* quote;
  };
  const Ev events[] = {
      {"2023-07-18", "RUS", "TJK", "0871", "Conduct joint military exercise", 6.5, 3,
       "أجرت قوات روسية وطاجيكية مناورات مشتركة قرب الحدود الأفغانية."},
      {"2023-08-09", "CHN", "KAZ", "0312", "Express intent to cooperate economically", 3.4, 2,
       "أكدت بكين استعدادها لزيادة الاستثمار في السكك الحديدية الكازاخية."},
      {"2023-09-21", "TUR", "UZB", "043", "Host a visit", 2.8, 1,
       "افتتحت تركيا قنصلية جديدة في مدينة سمرقند."},
      {"2023-10-30", "USA", "TKM", "040", "Consult", 1.0, 1,
       "ناقش وزيرا خارجية الولايات المتحدة وتركمانستان أمن الطاقة في بحر قزوين."},
      {"2023-11-12", "IRN", "TJK", "111", "Criticize or denounce", -2.0, 2,
       "انتقدت الخارجية الطاجيكية تصريحات مسؤول إيراني حول الحدود."},
      {"2023-12-05", "RUS", "KGZ", "0233", "Provide economic aid", 7.4, 4,
       "أعلنت موسكو شطب جزء من ديون بيشكيك."},
      {"2024-01-16", "EU", "KAZ", "057", "Sign formal agreement", 8.0, 3,
       "وقّع الاتحاد الأوروبي وكازاخستان مذكرة تفاهم حول المواد الخام."},
      {"2024-02-11", "IRN", "TJK", "111", "Criticize or denounce", -2.0, 1,
       "قال المتحدث: \"لن نقبل <script>alert(1)</script> أي ضغط\" & أضاف 'كفى'."},
      {"2024-02-27", "RUS", "UZB", "0211", "Appeal for economic cooperation", 3.4, 1,
       "دعت روسيا إلى رفع التبادل التجاري مع طشقند."},
      {"2024-03-02", "CHN", "KGZ", "0233", "Provide economic aid", 7.4, 5,
       "أعلنت الصين عن قرض بقيمة 500 مليون دولار لتمويل طريق سريع في قيرغيزستان."},
      {"2024-03-19", "TJK", "AFG", "1383", "Threaten with military force", -7.0, 2,
       "حشدت طاجيكستان قوات إضافية على حدودها الجنوبية."},
      {"2024-04-20", "EU", "UZB", "042", "Make a visit", 1.9, 2,
       "استقبل رئيس أوزبكستان وفداً من الاتحاد الأوروبي لبحث الاستثمار في الطاقة المتجددة."},
      {"2024-05-14", "RUS", "KAZ", "036", "Express intent to meet or negotiate", 4.0, 6,
       "وقّعت روسيا وكازاخستان اتفاقاً لتوسيع التعاون العسكري بين البلدين."},
      {"2024-05-30", "USA", "KAZ", "1212", "Reject", -4.0, 1,
       "رفضت أستانا طلباً أمريكياً بفرض قيود على صادرات معيّنة."},
      {"2024-06-12", "CHN", "TKM", "0861", "Receive economic aid", 7.0, 2,
       "بدأت شركة صينية أعمال توسيع حقل غاز في تركمانستان."},
      {"2024-06-25", "TUR", "KGZ", "1823", "Kill by physical assault", -10.0, 1,
       "قُتل شخص في اشتباك عند منشأة تديرها شركة تركية."},
  };
  for (const Ev& e : events) {
    d.timeline.push_back({e.date, e.src, e.tgt, e.cameo, e.label, e.g, 0, e.n, e.quote,
                          std::string("examples/") + e.src + "-" + e.tgt + ".txt"});
  }
  d.network = {{"RUS", "KAZ", 3.1, 14}, {"RUS", "TJK", 5.2, 9},  {"RUS", "KGZ", 4.0, 7},
               {"RUS", "UZB", 2.0, 5},  {"CHN", "KGZ", 5.5, 8},  {"CHN", "KAZ", 3.0, 11},
               {"CHN", "TKM", 6.0, 4},  {"USA", "KAZ", -1.5, 3}, {"USA", "TKM", 1.0, 1},
               {"EU", "UZB", 2.2, 4},   {"EU", "KAZ", 6.0, 3},   {"TUR", "UZB", 2.8, 2},
               {"TUR", "KGZ", -6.0, 1}, {"IRN", "TJK", -2.0, 3}, {"TJK", "AFG", -6.5, 2},
               {"KAZ", "UZB", 3.5, 6}};
  d.figures = {
      {"2024-03-02", "CHN", "KGZ", "money", 500000000, "USD",
       "أعلنت الصين عن قرض بقيمة 500 مليون دولار لتمويل طريق سريع في قيرغيزستان.",
       "examples/cn-kg-loan.html"},
      {"2023-07-18", "RUS", "TJK", "troops", 7000, "troops",
       "تنشر روسيا نحو سبعة آلاف جندي في قاعدتها العسكرية قرب دوشنبه.", "examples/ru-tj.txt"},
      {"2024-06-12", "CHN", "TKM", "energy", 2.1, "bcm",
       "بدأت شركة صينية أعمال توسيع حقل غاز في تركمانستان.", "examples/cn-tm.txt"},
  };
  d.notes = {"لا تتوفر بيانات التحويلات المالية لتركمانستان.",
             "Arms-import shares end in 2022 for all republics."};
  return d;
}

}  // namespace nufuz::testing
