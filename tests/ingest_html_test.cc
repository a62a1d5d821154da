// Tests of HTML ingest: main text, furniture removal, metadata and dates.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "test_util.h"

namespace nufuz::ingest {
namespace {

Options WithLexicon() {
  Options options;
  auto lex = HtmlLexicon::Load(nufuz::testing::DataDir());
  EXPECT_TRUE(lex.ok()) << lex.status().message();
  if (lex.ok()) options.html_lexicon = *lex;
  return options;
}

// A news page with the usual furniture around one article.
const char* kPage = R"(<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8">
<title>الصين توسع استثماراتها في قيرغيزستان | صحيفة المثال</title>
<meta property="og:title" content="الصين توسع استثماراتها في قيرغيزستان">
<meta property="og:site_name" content="صحيفة المثال">
<meta property="article:published_time" content="2024-03-17T09:30:00+03:00">
<link rel="canonical" href="https://example.org/news/123">
<style>.x{color:red}</style>
</head><body>
<header class="site-header"><a href="/">الرئيسية</a> <a href="/world">العالم</a></header>
<nav><ul><li>سياسة</li><li>اقتصاد</li></ul></nav>
<div class="breadcrumbs">الرئيسية &gt; العالم</div>
<main>
<article>
<h1>الصين توسع استثماراتها في قيرغيزستان</h1>
<div class="share-buttons"><a>فيسبوك</a><a>تويتر</a><a>واتساب</a></div>
<p>أعلنت بكين عن حزمة قروض جديدة لبناء طرق في قيرغيزستان.</p>
<p>وقال مسؤولون إن <b>المشروع</b> سيربط بيشكيك بالحدود الصينية<br>خلال ثلاث سنوات.</p>
<script>trackPageView();</script>
<blockquote>نريد شراكة متوازنة مع جميع الجيران</blockquote>
<ul><li>الطول: 300 كيلومتر</li><li>الكلفة: 2 مليار دولار</li></ul>
<div class="related-articles"><h3>اقرأ أيضا</h3><p>روسيا تعزز وجودها العسكري في طاجيكستان</p></div>
<div id="comments"><p>تعليق من قارئ لا علاقة له بالخبر ولكنه طويل جدا</p></div>
</article>
</main>
<aside><p>الأكثر قراءة اليوم في الموقع</p></aside>
<div class="newsletter-signup"><p>اشترك في النشرة البريدية</p><form><input></form></div>
<footer><p>جميع الحقوق محفوظة 2024</p></footer>
</body></html>)";

TEST(IngestHtml, MainTextDropsFurnitureAndKeepsParagraphs) {
  Document doc = FromBytes(kPage, "page.html", WithLexicon());
  ASSERT_FALSE(doc.failed) << doc.ErrorMessage();
  EXPECT_EQ(doc.source.format, Format::kHtml);
  EXPECT_EQ(doc.raw_text,
            "الصين توسع استثماراتها في قيرغيزستان\n\n"
            "أعلنت بكين عن حزمة قروض جديدة لبناء طرق في قيرغيزستان.\n\n"
            "وقال مسؤولون إن المشروع سيربط بيشكيك بالحدود الصينية\nخلال ثلاث سنوات.\n\n"
            "نريد شراكة متوازنة مع جميع الجيران\n\n"
            "الطول: 300 كيلومتر\nالكلفة: 2 مليار دولار");
  EXPECT_EQ(doc.title, "الصين توسع استثماراتها في قيرغيزستان");
  EXPECT_EQ(doc.source.url, "https://example.org/news/123");
  EXPECT_EQ(doc.source.outlet, "صحيفة المثال");
  EXPECT_EQ(doc.published, "2024-03-17");
  EXPECT_EQ(doc.published_source, "html-meta");
  EXPECT_EQ(doc.original, kPage);
}

TEST(IngestHtml, FurnitureIsDroppedWhereverItSits) {
  struct Case {
    std::string name, html;
    std::vector<std::string> kept, dropped;
  };
  const std::string para = "<p>وقعت أستانا وموسكو اتفاقا لتوريد الغاز لمدة عشر سنوات.</p>";
  const std::vector<Case> cases = {
      {"share by class token",
       "<div class='post-share'><a>شارك الخبر</a></div>" + para,
       {"وقعت أستانا"},
       {"شارك الخبر"}},
      {"social by id",
       "<div id='socialLinks'>تابعونا على المنصات</div>" + para,
       {"وقعت أستانا"},
       {"تابعونا"}},
      {"role navigation",
       "<div role='navigation'>أقسام الموقع</div>" + para,
       {"وقعت أستانا"},
       {"أقسام الموقع"}},
      {"ad slot", "<div class='ad'>إعلان</div>" + para, {"وقعت أستانا"}, {"إعلان"}},
      {"hidden", "<div style='display: none'>نص مخفي</div>" + para, {"وقعت أستانا"}, {"نص مخفي"}},
      {"noscript and iframe",
       "<noscript>فعل جافا</noscript><iframe>إطار</iframe>" + para,
       {"وقعت أستانا"},
       {"فعل جافا", "إطار"}},
      // A wrapper whose class looks like a widget but holds the whole page stays.
      {"wrapper guard",
       "<div class='page has-comments'>" + para + para + "</div>",
       {"وقعت أستانا"},
       {}},
      // "header" inside a class name is not the <header> element.
      {"article-header text kept",
       "<div class='article-header-note'>ملاحظة المحرر</div>" + para,
       {"ملاحظة المحرر", "وقعت أستانا"},
       {}},
  };
  const Options options = WithLexicon();
  for (const Case& c : cases) {
    Document doc = FromBytes("<html><body>" + c.html + "</body></html>", "c.html", options);
    ASSERT_FALSE(doc.failed) << c.name << ": " << doc.ErrorMessage();
    for (const auto& k : c.kept)
      EXPECT_NE(doc.raw_text.find(k), std::string::npos) << c.name << ": " << doc.raw_text;
    for (const auto& d : c.dropped)
      EXPECT_EQ(doc.raw_text.find(d), std::string::npos) << c.name << ": " << doc.raw_text;
  }
}

TEST(IngestHtml, DensestParagraphContainerWinsWithoutArticleMarkup) {
  std::string html =
      "<html><body><div class='top'><a>رابط</a> <a>رابط آخر</a></div>"
      "<div class='col'><div class='x1'>"
      "<p>الفقرة الأولى عن زيارة الرئيس التركي إلى عشق آباد ومباحثات الطاقة.</p>"
      "<p>الفقرة الثانية عن خط أنابيب الغاز عبر بحر قزوين نحو أوروبا.</p>"
      "<p>الفقرة الثالثة عن موقف موسكو من المشروع وتحفظاتها عليه.</p>"
      "</div><div class='x2'><p>قصير</p></div></div>"
      "<div class='bottom'>نص سفلي خارج المقال يكرر في كل صفحة</div></body></html>";
  Document doc = FromBytes(html, "d.html", WithLexicon());
  ASSERT_FALSE(doc.failed) << doc.ErrorMessage();
  EXPECT_EQ(doc.raw_text.rfind("الفقرة الأولى", 0), 0u) << doc.raw_text;
  EXPECT_NE(doc.raw_text.find("الفقرة الثالثة"), std::string::npos);
  EXPECT_EQ(doc.raw_text.find("نص سفلي"), std::string::npos) << doc.raw_text;
  EXPECT_EQ(doc.raw_text.find("رابط"), std::string::npos) << doc.raw_text;
}

TEST(IngestHtml, PublicationDateSources) {
  struct Case {
    std::string name, head, body, expected;
  };
  const std::string p = "<p>زار وزير الخارجية الهندي دوشنبه لبحث التعاون.</p>";
  const std::vector<Case> cases = {
      {"article:published_time",
       "<meta property='article:published_time' content='2023-11-02T08:00:00Z'>", p, "2023-11-02"},
      {"meta name=pubdate", "<meta name='pubdate' content='20230415'>", p, "2023-04-15"},
      {"DC.date.issued", "<meta name='DC.date.issued' content='2022/07/09'>", p, "2022-07-09"},
      {"JSON-LD object",
       R"(<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"h","datePublished":"2021-05-06T10:00:00+04:00"}</script>)",
       p, "2021-05-06"},
      {"JSON-LD @graph",
       R"(<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"w"},{"@type":"NewsArticle","datePublished":"2020-12-31"}]}</script>)",
       p, "2020-12-31"},
      {"JSON-LD array",
       R"(<script type="application/ld+json">[{"@type":"Organization","name":"o"},{"@type":"Article","datePublished":"2019-01-20"}]</script>)",
       p, "2019-01-20"},
      {"time in article", "",
       "<article><time datetime='2018-09-03T12:00'>3 سبتمبر</time>" + p + p + "</article>",
       "2018-09-03"},
      {"broken JSON-LD falls back to meta",
       "<script type='application/ld+json'>{broken</script><meta name='date' content='2017-02-11'>",
       p, "2017-02-11"},
  };
  for (const Case& c : cases) {
    Document doc = FromBytes("<html><head>" + c.head + "</head><body>" + c.body + "</body></html>",
                             "d.html", WithLexicon());
    ASSERT_FALSE(doc.failed) << c.name << ": " << doc.ErrorMessage();
    EXPECT_EQ(doc.published.value_or("none"), c.expected) << c.name;
    EXPECT_EQ(doc.published_source, "html-meta") << c.name;
  }
  Document none = FromBytes("<html><body>" + p + "</body></html>", "n.html", WithLexicon());
  EXPECT_FALSE(none.published.has_value());
  EXPECT_EQ(none.published_source, "");
}

TEST(IngestHtml, MalformedMarkupDoesNotCrash) {
  const std::vector<std::string> inputs = {
      "<html><body><p>نص بلا إغلاق <div><span>داخلي<p>آخر",
      "<p>أ</p></div></div></body></html></p><<<>>>&&&#xZZZ;<p>ب</p>",
      "<!doctype html><table><tr><td>خلية<td>ثانية</table><p>فقرة بعد الجدول</p>",
      std::string(5000, '<') + "<p>بعد الفوضى</p>",
      [] {
        std::string deep = "<html><body>";
        for (int i = 0; i < 30000; ++i) deep += "<div>";
        return deep + "عميق" + "</body></html>";
      }(),
  };
  for (const auto& html : inputs) {
    Document doc = FromBytes(html, "m.html", WithLexicon());
    if (doc.failed) {
      EXPECT_NE(doc.ErrorMessage().find("m.html"), std::string::npos);
    } else {
      EXPECT_FALSE(doc.raw_text.empty());
    }
  }
}

TEST(IngestHtml, LexiconRejectsBadRows) {
  auto bad = HtmlLexicon::Parse("keyword\tmatch\tkind\treason\tsource\nshare\twhole\tdrop\tx\ty\n",
                                "lex.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("lex.tsv:2"), std::string::npos) << bad.status().message();
  auto good = HtmlLexicon::Parse(
      "keyword\tmatch\tkind\treason\tsource\nshare\tsubstring\tdrop\tshare-widget\ttest\n"
      "ad\ttoken\tdrop\tads\ttest\n",
      "lex.tsv");
  ASSERT_TRUE(good.ok());
  const HtmlLexicon& lex = **good;
  EXPECT_NE(lex.Match("post-Share-bar", false), nullptr);
  EXPECT_NE(lex.Match("top ad", false), nullptr);
  EXPECT_EQ(lex.Match("header loading", false), nullptr);  // "ad" only as a whole word
}

}  // namespace
}  // namespace nufuz::ingest
