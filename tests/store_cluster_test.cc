// Same-story clustering on paired rewrites written for the project: the
// threshold sweep (precision/recall of story pairs), LSH clustering through
// the store, order independence, and GDELT-style event merging.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include "store/minhash.h"
#include "store/store.h"
#include "test_util.h"
#include "text/text.h"

namespace nufuz::store {
namespace {

struct Article {
  const char* story;   // gold story ("U..": a story of its own)
  const char* outlet;  // rewrites of one story come from different outlets
  const char* date;
  const char* text;
};

// S1..S5: one event each, rewritten by two or three outlets (light edits,
// reordering and heavier rewrites). U1..U6: other stories on the same
// topics, actors and places (the hard negatives).
const Article kArticles[] = {
    {"S1", "a", "2025-03-10",
     "وصل الرئيس الكازاخستاني قاسم جومارت توكاييف إلى بكين في زيارة رسمية تستمر يومين، يلتقي "
     "خلالها نظيره الصيني شي جين بينغ لبحث توسيع التعاون الاقتصادي. وقال مكتب الرئاسة في أستانا إن "
     "الجانبين سيوقعان اتفاقيات لمد خط أنابيب غاز جديد وزيادة قدرة السكك الحديدية العابرة للحدود "
     "عند معبر خورغوس. وتعد الصين أكبر شريك تجاري لكازاخستان، إذ بلغ حجم التبادل بينهما نحو أربعين "
     "مليار دولار في العام الماضي."},
    {"S1", "b", "2025-03-10",
     "بدأ الرئيس قاسم جومارت توكاييف زيارة رسمية إلى العاصمة الصينية بكين تستمر يومين، حيث يجري "
     "محادثات مع الرئيس شي جين بينغ حول توسيع التعاون الاقتصادي بين البلدين. وأوضح مكتب الرئاسة "
     "الكازاخستانية أن الطرفين سيوقعان اتفاقيات لمد خط أنابيب غاز جديد ولزيادة قدرة السكك الحديدية "
     "العابرة للحدود عند معبر خورغوس. وبلغ حجم التبادل التجاري بين البلدين نحو أربعين مليار دولار "
     "العام الماضي، ما يجعل الصين الشريك التجاري الأول لكازاخستان."},
    {"S1", "c", "2025-03-11",
     "في بكين، استقبل الرئيس الصيني شي جين بينغ ضيفه الكازاخستاني قاسم جومارت توكاييف، ووقع "
     "الجانبان اتفاقيات لمد خط أنابيب غاز جديد ورفع قدرة السكك الحديدية عند معبر خورغوس الحدودي. "
     "وأكد شي أن بلاده مستعدة لتوسيع التعاون الاقتصادي مع أستانا في مجالات الطاقة والنقل. وتظل "
     "الصين أكبر شريك تجاري لكازاخستان بتبادل تجاوز أربعين مليار دولار."},
    {"S2", "a", "2025-04-02",
     "أعلنت وزارة الدفاع الروسية أن قاعدة كانت الجوية في قرغيزستان تستضيف مناورات مشتركة لقوات "
     "منظمة معاهدة الأمن الجماعي بمشاركة نحو ألفي عسكري من روسيا وقرغيزستان وكازاخستان وطاجيكستان. "
     "وتتدرب القوات على صد هجمات جماعات مسلحة على الحدود الجنوبية، وتشارك فيها طائرات مقاتلة "
     "ومروحيات. وتعد قاعدة كانت القريبة من بيشكيك جزءا من منظومة الدفاع الجوي المشتركة لدول "
     "المنظمة."},
    {"S2", "b", "2025-04-02",
     "انطلقت في قاعدة كانت الجوية الروسية في قرغيزستان مناورات مشتركة لقوات منظمة معاهدة الأمن "
     "الجماعي يشارك فيها نحو ألفي عسكري من روسيا وقرغيزستان وكازاخستان وطاجيكستان، وفق ما أعلنت "
     "وزارة الدفاع الروسية. وتشمل التدريبات صد هجمات جماعات مسلحة على الحدود الجنوبية بمشاركة "
     "طائرات مقاتلة ومروحيات. وتقع القاعدة قرب بيشكيك وتعد جزءا من منظومة الدفاع الجوي المشتركة."},
    {"S2", "c", "2025-04-03",
     "قالت موسكو إن نحو ألفي عسكري من أربع دول أعضاء في منظمة معاهدة الأمن الجماعي يشاركون في "
     "مناورات تحتضنها قاعدة كانت الجوية قرب بيشكيك. وأضافت وزارة الدفاع الروسية أن القوات القادمة "
     "من روسيا وقرغيزستان وكازاخستان وطاجيكستان تتدرب على التصدي لهجمات جماعات مسلحة على الحدود "
     "الجنوبية، بدعم من مقاتلات ومروحيات."},
    {"S3", "a", "2025-04-04",
     "أعلن الاتحاد الأوروبي في قمة سمرقند عن حزمة استثمارات بقيمة اثني عشر مليار يورو لدول آسيا "
     "الوسطى، يذهب جزء كبير منها إلى مشاريع الطاقة المتجددة والمواد الخام الحيوية في أوزبكستان. "
     "وقالت رئيسة المفوضية الأوروبية أورسولا فون دير لاين إن أوروبا تريد شراكة تقوم على القيمة "
     "المضافة داخل المنطقة لا على استخراج الموارد فقط. ووقع الرئيس الأوزبكي شوكت ميرضيائيف على "
     "اتفاقية شراكة وتعاون معززة مع الاتحاد."},
    {"S3", "b", "2025-04-04",
     "كشفت رئيسة المفوضية الأوروبية أورسولا فون دير لاين خلال قمة سمرقند عن حزمة استثمارات أوروبية "
     "بقيمة اثني عشر مليار يورو لآسيا الوسطى، تخصص حصة كبيرة منها لمشاريع الطاقة المتجددة والمواد "
     "الخام الحيوية في أوزبكستان. وأكدت أن الاتحاد الأوروبي يريد شراكة تقوم على القيمة المضافة "
     "داخل المنطقة وليس على استخراج الموارد فقط. كما وقع الرئيس شوكت ميرضيائيف اتفاقية شراكة "
     "وتعاون معززة مع الاتحاد الأوروبي."},
    {"S4", "a", "2025-05-20",
     "التقى الرئيس التركي رجب طيب أردوغان في أنقرة رئيس مجلس الشعب التركمانستاني قربان قولي بردي "
     "محمدوف، وبحثا نقل الغاز التركمانستاني إلى أوروبا عبر بحر قزوين وأذربيجان وتركيا. وقال "
     "أردوغان إن بلاده مستعدة لتكون ممرا للطاقة بين آسيا الوسطى وأوروبا، فيما أشار بردي محمدوف إلى "
     "أن عشق آباد تدرس مسارات تصدير جديدة لتنويع زبائنها بعيدا عن الصين."},
    {"S4", "b", "2025-05-21",
     "بحث الرئيس التركي رجب طيب أردوغان ورئيس مجلس الشعب في تركمانستان قربان قولي بردي محمدوف في "
     "أنقرة إمكانية نقل الغاز التركمانستاني إلى الأسواق الأوروبية عبر بحر قزوين وأذربيجان وتركيا. "
     "وأكد أردوغان استعداد أنقرة للعب دور ممر الطاقة بين آسيا الوسطى وأوروبا، بينما قال بردي "
     "محمدوف إن عشق آباد تدرس مسارات تصدير جديدة حتى لا تبقى معتمدة على الصين وحدها."},
    {"S5", "a", "2025-09-22",
     "عقد وزراء خارجية الولايات المتحدة وكازاخستان وقرغيزستان وطاجيكستان وتركمانستان وأوزبكستان "
     "اجتماعا في نيويورك ضمن صيغة خمسة زائد واحد على هامش الجمعية العامة للأمم المتحدة. وناقش "
     "الوزراء أمن الحدود مع أفغانستان وتطوير ممرات النقل والمعادن الحيوية، وأعلنت واشنطن تخصيص "
     "خمسين مليون دولار لبرامج التعاون الاقتصادي الإقليمي."},
    {"S5", "b", "2025-09-23",
     "على هامش الجمعية العامة للأمم المتحدة في نيويورك، اجتمع وزير الخارجية الأمريكي مع نظرائه من "
     "كازاخستان وقرغيزستان وطاجيكستان وتركمانستان وأوزبكستان في إطار صيغة خمسة زائد واحد. وتناول "
     "اللقاء أمن الحدود مع أفغانستان وممرات النقل والمعادن الحيوية، وأعلنت الولايات المتحدة تخصيص "
     "خمسين مليون دولار لدعم التعاون الاقتصادي الإقليمي."},
    {"U1", "a", "2025-03-15",
     "ارتفعت حركة الشحن عبر معبر خورغوس بين كازاخستان والصين بنسبة خمسة عشر في المئة خلال الربع "
     "الأول من العام، وفق بيانات هيئة الجمارك الكازاخستانية. وعبرت المعبر آلاف القطارات المحملة "
     "بالسلع الصينية المتجهة إلى أوروبا، فيما تخطط أستانا لبناء محطة لوجستية جديدة لتخفيف الازدحام "
     "على الحدود."},
    {"U2", "a", "2025-04-10",
     "أظهرت بيانات البنك المركزي في قرغيزستان أن تحويلات العمال المهاجرين من روسيا تراجعت بنسبة "
     "عشرة في المئة خلال العام الماضي، رغم أنها ما زالت تشكل نحو ربع الناتج المحلي الإجمالي. ويعمل "
     "مئات الآلاف من المواطنين القرغيز في المدن الروسية، وتخشى بيشكيك من أثر القيود الروسية "
     "الجديدة على الهجرة."},
    {"U3", "a", "2025-06-12",
     "وقع الاتحاد الأوروبي وكازاخستان مذكرة تفاهم لتطوير سلاسل إمداد المواد الخام الحيوية "
     "والهيدروجين الأخضر، تتضمن استثمارات أوروبية في مناجم الليثيوم والعناصر الأرضية النادرة. وقال "
     "مسؤول في المفوضية الأوروبية إن الاتفاق يهدف إلى تقليل اعتماد أوروبا على الصين في هذه "
     "المعادن."},
    {"U4", "a", "2025-10-07",
     "انعقدت في مدينة قبالة الأذربيجانية قمة منظمة الدول التركية بحضور رؤساء تركيا وأذربيجان "
     "وكازاخستان وقرغيزستان وأوزبكستان، وبحث القادة تعزيز الممر الأوسط للنقل عبر بحر قزوين. ودعا "
     "أردوغان إلى توحيد الأنظمة الجمركية بين الدول الأعضاء وتسريع مشاريع السكك الحديدية."},
    {"U5", "a", "2025-06-06",
     "أطلقت الصين وقرغيزستان وأوزبكستان رسميا أعمال بناء خط السكك الحديدية الذي يربط كاشغر "
     "بأنديجان مرورا بالأراضي القرغيزية، بتكلفة تقدر بأكثر من أربعة مليارات دولار. ويتوقع أن يختصر "
     "الخط زمن نقل البضائع من الصين إلى أوروبا والشرق الأوسط بعدة أيام."},
    {"U6", "a", "2025-04-20",
     "أجرت القوات الروسية المتمركزة في طاجيكستان تدريبات بالذخيرة الحية في ميادين قرب الحدود "
     "الأفغانية، بمشاركة نحو ألف وخمسمئة عسكري من القاعدة العسكرية الروسية المئتين والواحدة. وقالت "
     "وزارة الدفاع الروسية إن التدريبات تحاكي التصدي لتسلل مجموعات مسلحة من أفغانستان."},
};

const text::Lexicon& Lex() {
  static std::shared_ptr<const text::Lexicon> lex = [] {
    auto r = text::Lexicon::Load(nufuz::testing::DataDir());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : text::Lexicon::FromWords({});
  }();
  return *lex;
}

std::string DocId(const Article& a) {
  return std::string(a.story) + "-" + a.outlet;
}

std::vector<Document> Docs() {
  std::vector<Document> out;
  for (const Article& a : kArticles) {
    Document d;
    d.id = DocId(a);
    d.source.path = d.id + ".txt";
    d.source.outlet = std::string("outlet-") + a.outlet;
    d.published = a.date;
    d.text = a.text;
    text::Tokenize(d, Lex());
    out.push_back(std::move(d));
  }
  return out;
}

// Connected components of the pairs with similarity >= t.
std::vector<int> Components(const std::vector<std::vector<double>>& sim, double t) {
  const std::size_t n = sim.size();
  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j)
      if (sim[i][j] >= t) parent[find(static_cast<int>(i))] = find(static_cast<int>(j));
  std::vector<int> comp(n);
  for (std::size_t i = 0; i < n; ++i) comp[i] = find(static_cast<int>(i));
  return comp;
}

struct PR {
  double precision, recall;
};

// Pairwise precision and recall of predicted same-story pairs.
PR Score(const std::vector<int>& comp) {
  const std::size_t n = comp.size();
  int tp = 0, fp = 0, fn = 0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      const bool gold = std::string(kArticles[i].story) == kArticles[j].story;
      const bool pred = comp[i] == comp[j];
      tp += gold && pred;
      fp += !gold && pred;
      fn += gold && !pred;
    }
  return {tp + fp ? static_cast<double>(tp) / (tp + fp) : 1.0,
          tp + fn ? static_cast<double>(tp) / (tp + fn) : 1.0};
}

// The measurement behind Options::story_threshold (docs/storage.md): MinHash
// estimates over all pairs (the test set is small), single-link clusters,
// pairwise P/R per threshold. Printed for the record; the default must give
// perfect precision and full recall on these rewrites.
TEST(StoryThreshold, SweepOnPairedRewrites) {
  const std::vector<Document> docs = Docs();
  struct Config {
    int shingle;
    std::size_t min_cps;
  } configs[] = {{1, 3}, {2, 1}, {2, 3}, {3, 3}};
  const double thresholds[] = {0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5};
  Options defaults;
  for (const Config& c : configs) {
    MinHashOptions mo = defaults.minhash;
    mo.shingle = c.shingle;
    mo.min_term_cps = c.min_cps;
    std::vector<Signature> sigs;
    for (const auto& d : docs) sigs.push_back(MinHash(IndexTerms(d), mo));
    std::vector<std::vector<double>> sim(docs.size(), std::vector<double>(docs.size(), 0));
    double min_pos = 1, max_neg = 0;
    for (std::size_t i = 0; i < docs.size(); ++i)
      for (std::size_t j = i + 1; j < docs.size(); ++j) {
        sim[i][j] = EstimateJaccard(sigs[i], sigs[j]);
        if (std::string(kArticles[i].story) == kArticles[j].story)
          min_pos = std::min(min_pos, sim[i][j]);
        else
          max_neg = std::max(max_neg, sim[i][j]);
      }
    std::printf("shingle=%d min_term_cps=%zu: lowest same-story %.3f, highest other %.3f\n",
                c.shingle, c.min_cps, min_pos, max_neg);
    for (double t : thresholds) {
      PR pr = Score(Components(sim, t));
      std::printf("  threshold %.2f  precision %.3f  recall %.3f\n", t, pr.precision, pr.recall);
      if (c.shingle == defaults.minhash.shingle && c.min_cps == defaults.minhash.min_term_cps &&
          t == defaults.story_threshold) {
        EXPECT_EQ(pr.precision, 1.0) << "default threshold";
        EXPECT_EQ(pr.recall, 1.0) << "default threshold";
      }
    }
  }
}

std::map<std::string, std::set<std::string>> StoryMembers(Store& store) {
  auto stories = store.Stories(1);
  EXPECT_TRUE(stories.ok()) << stories.status().ToString();
  std::map<std::string, std::set<std::string>> out;
  if (!stories.ok()) return out;
  for (const Story& s : stories.value()) {
    std::set<std::string> ids;
    for (const auto& a : s.articles) ids.insert(a.doc);
    out[*ids.begin()] = ids;
  }
  return out;
}

TEST(Stories, LshClustersRewritesAndSeparatesSameTopicStories) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  const std::vector<Document> docs = Docs();
  std::vector<const Document*> ptrs;
  for (const auto& d : docs) ptrs.push_back(&d);
  auto r = store.value()->IngestBatch(ptrs);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::map<std::string, std::set<std::string>> gold;
  for (const Article& a : kArticles) gold[std::string(a.story) + "-a"].insert(DocId(a));
  EXPECT_EQ(StoryMembers(*store.value()), gold);

  auto stories = store.value()->Stories(2);
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories.value().size(), 5u);
  EXPECT_EQ(stories.value()[0].articles.size(), 3u);
  EXPECT_EQ(stories.value()[0].num_outlets, 3u);
}

TEST(Stories, IndependentOfIngestOrderAndBatches) {
  const std::vector<Document> docs = Docs();
  auto forward = Store::Open(":memory:");
  auto backward = Store::Open(":memory:");
  ASSERT_TRUE(forward.ok() && backward.ok());
  for (const auto& d : docs) ASSERT_TRUE(forward.value()->IngestBatch({&d}).ok());
  std::vector<const Document*> rev;
  for (auto it = docs.rbegin(); it != docs.rend(); ++it) rev.push_back(&*it);
  ASSERT_TRUE(backward.value()->IngestBatch(rev).ok());
  EXPECT_EQ(StoryMembers(*forward.value()), StoryMembers(*backward.value()));
}

TEST(Stories, ArticlesFarApartInTimeAreNotOneStory) {
  std::vector<Document> docs = Docs();
  // The second rewrite of S1 dated a month later: same words, another story.
  for (auto& d : docs)
    if (d.id == "S1-b") d.published = "2025-04-20";
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  std::vector<const Document*> ptrs;
  for (const auto& d : docs) ptrs.push_back(&d);
  ASSERT_TRUE(store.value()->IngestBatch(ptrs).ok());
  auto members = StoryMembers(*store.value());
  EXPECT_EQ(members["S1-a"], (std::set<std::string>{"S1-a", "S1-c"}));
  EXPECT_EQ(members["S1-b"], (std::set<std::string>{"S1-b"}));
}

// An event reported by every article of a story is one stored event with
// NumArticles = articles and NumSources = distinct outlets.
nlohmann::json EventJson(const std::string& cameo, const std::string& source,
                         const std::string& target, const std::string& date, double confidence,
                         bool negated = false) {
  return {{"id", "e1"},
          {"cameo", cameo},
          {"plover", "AGREE"},
          {"plover_mode", ""},
          {"quad", 2},
          {"goldstein", 4.0},
          {"source", source},
          {"target", target},
          {"date", date.empty() ? nlohmann::json(nullptr) : nlohmann::json(date)},
          {"date_precision", "day"},
          {"location", nullptr},
          {"quantity", nullptr},
          {"modality", "asserted"},
          {"negated", negated},
          {"evidence", {{"start", 0}, {"end", 10}}},
          {"trigger", {{"start", 0}, {"end", 3}}},
          {"confidence", confidence}};
}

TEST(Events, OneEventPerStoryWithSourcesAndArticles) {
  std::vector<Document> docs = Docs();
  // S1-c republished by outlet-a: two articles, one outlet.
  Document copy = docs[2];
  copy.id = "S1-c-copy";
  copy.source.outlet = "outlet-a";
  docs.push_back(copy);
  std::vector<Item> items;
  for (const auto& d : docs) {
    nlohmann::json a = {
        {"doc", d.id}, {"entities", nlohmann::json::array()}, {"events", nlohmann::json::array()}};
    if (d.id.rfind("S1", 0) == 0) {
      // Same root (05..), same actors, same day: one event. The date is
      // missing in one report (the publication date stands in).
      a["events"].push_back(EventJson(d.id == "S1-b" ? "057" : "0571", "KAZ", "CHN",
                                      d.id == "S1-a" ? "" : "2025-03-10",
                                      d.id == "S1-c" ? 0.9 : 0.6));
      // A denial is another event.
      if (d.id == "S1-b") a["events"].push_back(EventJson("057", "KAZ", "CHN", "", 0.5, true));
    }
    if (d.id == "U1-a") a["events"].push_back(EventJson("057", "KAZ", "CHN", "2025-03-10", 0.7));
    items.push_back({&d, a});
  }
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(store.value()->IngestBatch(items).ok());
  auto events = store.value()->Events();
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  ASSERT_EQ(events.value().size(), 3u);
  int merged = 0;
  for (const StoredEvent& e : events.value()) {
    if (e.num_articles == 4) {
      ++merged;
      EXPECT_EQ(e.num_sources, 3);  // outlet-a twice
      EXPECT_EQ(e.cameo, "0571");   // of the most confident report (S1-c)
      EXPECT_EQ(e.confidence, 0.9);
      EXPECT_EQ(e.evidence.size(), 4u);
      EXPECT_EQ(e.evidence[0].doc, "S1-c");
      EXPECT_FALSE(e.negated);
    } else {
      EXPECT_EQ(e.num_articles, 1);  // the denial, and U1's own story
      EXPECT_EQ(e.num_sources, 1);
    }
  }
  EXPECT_EQ(merged, 1);
}

}  // namespace
}  // namespace nufuz::store
