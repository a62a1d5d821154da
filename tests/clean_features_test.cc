// Per-line features that cleaning computes in one pass over the bytes (folded
// tokens and keys, skeletons for the lexicon, date stamps, tracking blobs),
// checked through the verdicts they lead to. Our own Arabic wording.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "clean/clean.h"
#include "core/unicode.h"
#include "test_util.h"

namespace nufuz::clean {
namespace {

using Verdicts = std::vector<std::pair<std::string, std::string>>;  // reason, line

const Lexicon& Lex() {
  static const std::shared_ptr<const Lexicon> lex = [] {
    auto r = Lexicon::Load(testing::DataDir());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : nullptr;
  }();
  return *lex;
}

// (reason, removed line) for every record, line breaks trimmed off.
Verdicts Removed(const std::string& raw) {
  Document doc;
  doc.raw_text = NormalizeText(raw);
  Clean(doc, Lex());
  Verdicts v;
  for (const auto& r : doc.removed) {
    std::string_view s = r.content;
    while (!s.empty() && s.back() == '\n') s.remove_suffix(1);
    v.emplace_back(r.reason, std::string(s));
  }
  return v;
}

// Body paragraphs (our own wording).
const std::string kP1 =
    "قالت حكومة قرغيزستان إن مشروع السكة الحديدية الجديد سيربط البلاد بموانئ الصين ويختصر مدة "
    "نقل البضائع إلى النصف.";
const std::string kP2 =
    "ويرى محللون في بشكيك أن المشروع يمنح بكين نفوذا أكبر في المنطقة، بينما تتابع موسكو "
    "التطورات بحذر واضح.";
const std::string kP3 =
    "وأضاف الوزير أن التمويل سيأتي من قروض ميسرة ومن صندوق مشترك تشارك فيه عدة دول مجاورة "
    "خلال السنوات المقبلة.";

struct Case {
  const char* name;
  std::string input;
  Verdicts removed;  // exactly these, in order
};

TEST(CleanFeatures, TableOfCases) {
  const std::vector<Case> cases = {
      {"repetition compares folded keys: hamza forms, ta marbuta, diacritics, tatweel",
       kP1 + "\nأعلنت الوزارةُ خطة جديدة للنقل\n" + kP2 + "\nاعلنت الوزارة خطـه جديده للنقل\n" +
           kP3 + "\n",
       {{"repeated-line", "اعلنت الوزارة خطـه جديده للنقل"}}},
      {"a widget line matches the lexicon when a PDF lost its kaf and final ya",
       kP1 + "\nمشارة فيسبو\n" + kP2 + "\n",
       {{"share-widget", "مشارة فيسبو"}}},
      {"a tracking id after a tab, at the end of the line, with a trailing stop",
       kP1 + "\nالمعرف\tQm9zdG9uMjAyNXRyYWNr.\n" + kP2 + "\n",
       {{"tracking-token", "المعرف\tQm9zdG9uMjAyNXRyYWNr."}}},
      {"a long one-class run is no tracking id",
       kP1 + "\nالرقم المرجعي للطلب 12345678901234567890\n" + kP2 + "\n",
       {}},
      {"a date stamp in Arabic-Indic digits after the body has begun",
       kP1 + "\n٠٨-١٠-٢٠٢٥ | ١٢:٣٠\n" + kP2 + "\n",
       {{"dateline", "٠٨-١٠-٢٠٢٥ | ١٢:٣٠"}}},
      {"a chunk with a separator before its digits is no date",
       kP1 + "\nالعدد -12-10-2025 هنا\n" + kP2 + "\n" + kP3 + "\n",
       {}},
      {"a byline name is the cue line's tail and removes its later repeat",
       "بقلم: نور الهدى سليم\n" + kP1 + "\nنور الهدى سليم\n" + kP2 + "\n",
       {{"byline", "بقلم: نور الهدى سليم"}, {"byline", "نور الهدى سليم"}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Removed(c.input), c.removed);
  }
}

}  // namespace
}  // namespace nufuz::clean
