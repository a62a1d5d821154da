// Context and morphology evidence of the lost-letter repair: nisba
// coordination and agreement, other nisba forms in the same document,
// multi-word gazetteer names, abbreviations, a preposition after a
// preposition, frequent function words, construct state and noun
// contexts. Sentences written for this test.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "repair/damage.h"
#include "repair/repair.h"
#include "test_util.h"

namespace nufuz::repair {
namespace {

const Model& TheModel() {
  static std::shared_ptr<const Model> m = [] {
    auto r = Model::Load(nufuz::testing::DataDir());
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? r.value() : nullptr;
  }();
  return *m;
}

// A damaged paragraph that carries the lost-letter signature, so that auto
// mode repairs the sentence under test in the block after it.
constexpr const char* kSignature =
    "وصل الوفد إلى العاصمة في يوم الثلاثاء، وقال إن المحادثات التي جرت على مدى يومين "
    "كانت مفيدة في رأيه.\n";

struct Case {
  const char* name;
  const char* clean;     // the sentence as written
  const char* expected;  // what repair must give back from its damaged form
};

void Check(const Case& c) {
  const std::string clean = std::string(kSignature) + c.clean + "\n";
  Document d;
  d.text = Damage(clean);
  Repair(d, TheModel(), Mode::kAuto, Options{.move_punctuation = false});
  ASSERT_TRUE(d.repair.damaged) << c.name;
  EXPECT_EQ(d.text, std::string(kSignature) + c.expected + "\n") << c.name;
}

TEST(RepairContext, NisbaCoordinationAndAgreement) {
  const Case cases[] = {
      // A damaged nisba coordinated with a restored one (وسياس -> وسياسي).
      {"coordination", "وقدمت الحكومة دعما عسكريا ثم دعم اقتصادي وسياسي للبلد الجار.",
       "وقدمت الحكومة دعما عسكريا ثم دعم اقتصادي وسياسي للبلد الجار."},
      // The same coordination read backwards: the second nisba, restored
      // by its own evidence, backs the first (روس وصين -> روسي وصيني) ...
      {"coordination backwards", "وخضعت البلاد لنفوذ روسي وصيني كبير.",
       "وخضعت البلاد لنفوذ روسي وصيني كبير."},
      {"coordination backwards 2", "وبحث الوزيران تعاون أمني واقتصادي في المنطقة.",
       "وبحث الوزيران تعاون أمني واقتصادي في المنطقة."},
      // ... even when the second has a verb's shape, as long as a list
      // knows its other forms (وتقني: تقنية).
      {"coordination backwards, ت-initial nisba", "وتحدث الوزير عن تعاون علمي وتقني بين البلدين.",
       "وتحدث الوزير عن تعاون علمي وتقني بين البلدين."},
      {"no coordination without a nisba", "ويحتاج المشروع إلى عمل وجهد كبيرين.",
       "ويحتاج المشروع إلى عمل وجهد كبيرين."},
      // A three-letter conjunct, after a nisba that is also a land's name
      // (مالي) ...
      {"short conjunct after مالي", "ويعتزم الاتحاد تقديم دعم مالي وفني لدول الجوار.",
       "ويعتزم الاتحاد تقديم دعم مالي وفني لدول الجوار."},
      // ... but a frequent word after a nisba that agrees with a name stays.
      {"frequent word after a name's nisba",
       "وقال إن الاتحاد الأوروبي والدول الخمس اتفقت على الخطة.",
       "وقال إن الاتحاد الأوروبي والدول الخمس اتفقت على الخطة."},
      // A word followed by a nisba of its own is the noun it qualifies,
      // not a second nisba (النووي والتعاون الاقتصادي).
      {"noun with its own nisba after a nisba",
       "وبحث الوزيران الملف النووي والتعاون الاقتصادي بين البلدين.",
       "وبحث الوزيران الملف النووي والتعاون الاقتصادي بين البلدين."},
      // Over أو, and between demonyms (gazetteer names) ...
      {"coordination over أو", "وقال المحلل إن النفوذ الروسي أو الصيني سيتراجع.",
       "وقال المحلل إن النفوذ الروسي أو الصيني سيتراجع."},
      {"demonym coordination", "ويهتم المركز بالأمن القومي المصري والعربي منذ سنوات.",
       "ويهتم المركز بالأمن القومي المصري والعربي منذ سنوات."},
      // ... but a plural demonym after a plural one, a noun after a nisba
      // that agrees with another noun, and a land's name stay.
      {"plural demonyms", "وتقيم في المدينة جالية من الروس والعرب منذ عقود.",
       "وتقيم في المدينة جالية من الروس والعرب منذ عقود."},
      {"noun after a nisba", "وقال إن الاتحاد الأوروبي والدول المجاورة اتفقت على الخطة.",
       "وقال إن الاتحاد الأوروبي والدول المجاورة اتفقت على الخطة."},
      {"land names over أو", "وقال المحلل إن روسيا أو الصين ستتدخل.",
       "وقال المحلل إن روسيا أو الصين ستتدخل."},
      // Two nisbas joined by a dash or a lone tatweel.
      {"nisbas joined by a tatweel", "ويتابع الباحثون الملف الروسي ـ الصيني منذ سنوات.",
       "ويتابع الباحثون الملف الروسي ـ الصيني منذ سنوات."},
      // A hyphen with no blank makes one compound: the nisba agrees with
      // the noun before it (a heading or tag: المغرب-العربي).
      {"noun and nisba joined by a hyphen", "وينشر المركز دراسات عن المغرب-العربي كل شهر.",
       "وينشر المركز دراسات عن المغرب-العربي كل شهر."},
      {"nisbas joined by a hyphen", "وتناول التقرير الملف الروسي-الصيني بالتفصيل.",
       "وتناول التقرير الملف الروسي-الصيني بالتفصيل."},
      {"nisbas joined by a hyphen", "وتصاعد التوتر الهندي - الباكستاني على الحدود.",
       "وتصاعد التوتر الهندي - الباكستاني على الحدود."},
      {"nisbas joined by a dash", "وقال إن الحوار الأمريكي – الصيني متعثر.",
       "وقال إن الحوار الأمريكي – الصيني متعثر."},
      {"noun after a dash", "وزار الرئيس الهندي - البلاد في نوفمبر.",
       "وزار الرئيس الهندي - البلاد في نوفمبر."},
      // A definite dual or plural takes no singular nisba: the next
      // definite word is its object (بحث الوزيران الأمن) ...
      {"dual head", "وبحث الوزيران الأمن الإقليمي في العاصمة.",
       "وبحث الوزيران الأمن الإقليمي في العاصمة."},
      {"dual head 2", "وبحث الجانبان العمل والتعاون في مجال الطاقة.",
       "وبحث الجانبان العمل والتعاون في مجال الطاقة."},
      // ... unless the nisba opens an apposition with a person's name.
      {"dual head, apposition", "وعقد الرئيسان الروسي فلاديمير بوتين ونظيره لقاء في موسكو.",
       "وعقد الرئيسان الروسي فلاديمير بوتين ونظيره لقاء في موسكو."},
      // Indefinite noun + indefinite adjective before a preposition.
      {"indefinite before preposition", "ويعمل الميناء كمركز تجاري في المنطقة منذ سنوات.",
       "ويعمل الميناء كمركز تجاري في المنطقة منذ سنوات."},
      // A damaged function word (ف for في) closes the phrase too.
      {"indefinite before damaged preposition", "ودعا إلى إنشاء صندوق دولي في العاصمة.",
       "ودعا إلى إنشاء صندوق دولي في العاصمة."},
      {"indefinite before damaged preposition 2", "وأعلن عن برنامج علمي في الجامعة.",
       "وأعلن عن برنامج علمي في الجامعة."},
      // أن closes it, and so does و + a particle (ولم), also after a
      // two-letter word.
      {"indefinite before أن", "وأكد مصدر أمني أن المهاجمين فروا.",
       "وأكد مصدر أمني أن المهاجمين فروا."},
      {"two-letter nisba before ولم", "وسقطت الطائرة بسبب عطل فني ولم يصب أحد.",
       "وسقطت الطائرة بسبب عطل فني ولم يصب أحد."},
      // A verb's shape in ت after a quantifier or preposition is a masdar
      // that takes the adjective (أي تدخل خارجي) ...
      {"masdar in ت after a quantifier", "وقال إن بلاده ترفض أي تدخل خارجي في شؤونها.",
       "وقال إن بلاده ترفض أي تدخل خارجي في شؤونها."},
      // ... but not on a preposition with a pronoun (به), nor on a noun
      // counted by a hundred or a thousand (construct state).
      {"preposition with pronoun", "وأعلنت الشرطة اعتقال مشتبه به في الحادث.",
       "وأعلنت الشرطة اعتقال مشتبه به في الحادث."},
      {"noun counted by a thousand", "وتجاوز عدد النازحين مئة ألف شخص. وطالبت المنظمة بالمساعدة.",
       "وتجاوز عدد النازحين مئة ألف شخص. وطالبت المنظمة بالمساعدة."},
      // Or before a second masculine indefinite adjective (فعيل, فاعل or a
      // derived participle) ...
      // (A frequent noun, عالم, only with other forms of the nisba in the
      // document: otherwise it is as likely a genitive with its own
      // adjective, as in مكتب رئيس سابق.)
      {"indefinite before adjective",
       "ويدعو الحزب إلى نظام عالمي جديد، ويرى أن المنظمات العالمية عاجزة.",
       "ويدعو الحزب إلى نظام عالمي جديد، ويرى أن المنظمات العالمية عاجزة."},
      {"frequent noun as genitive before adjective", "وزار الوفد مكتب رئيس سابق للحكومة.",
       "وزار الوفد مكتب رئيس سابق للحكومة."},
      {"frequent noun as genitive before adjective 2", "وتحدث ابن عالم كبير عن تجربة والده.",
       "وتحدث ابن عالم كبير عن تجربة والده."},
      {"indefinite before participle", "وعقد الوزيران مؤتمر صحفي مشترك في ختام الزيارة.",
       "وعقد الوزيران مؤتمر صحفي مشترك في ختام الزيارة."},
      {"indefinite before فاعل", "وقالت إن العام الجديد سيشهد عام انتخابي حاسم.",
       "وقالت إن العام الجديد سيشهد عام انتخابي حاسم."},
      // ... but not before a feminine one, which agrees with the head.
      {"feminine adjective agrees with the head", "ويحتاج الشباب إلى فرص عمل جديدة في المدن.",
       "ويحتاج الشباب إلى فرص عمل جديدة في المدن."},
      // Only a nisba a list knows as one (its feminine or plural, not the
      // participle's feminine منسقة) takes ي there: بشكل منسق stays.
      {"participle is no nisba", "وتعمل الوزارات بشكل منسق بشأن الأزمة.",
       "وتعمل الوزارات بشكل منسق بشأن الأزمة."},
      {"participle is no nisba 2", "وتتحرك الدول بشكل منسق في مواجهة التضخم.",
       "وتتحرك الدول بشكل منسق في مواجهة التضخم."},
      {"nisba after بشكل", "ويتحرك الجيش بشكل تدريجي نحو الحدود.",
       "ويتحرك الجيش بشكل تدريجي نحو الحدود."},
      // ... but a verb's shape takes no nisba there, nor a noun counted by a
      // quantifier (لأي طرف: construct state).
      {"verb before damaged preposition", "ولم تنحز الحكومة لأي طرف وإنما تحافظ على الحياد.",
       "ولم تنحز الحكومة لأي طرف وإنما تحافظ على الحياد."},
      // A feminine definite noun takes no masculine nisba: اليوم stays.
      {"feminine blocks agreement", "وغادرت القوات الأراضي الأوزبكية اليوم بعد المناورات.",
       "وغادرت القوات الأراضي الأوزبكية اليوم بعد المناورات."},
      // A verb with a pronoun is no definite head: الدول stays.
      {"verb is no head", "وهي الجهود التي تبذلها الدول المجاورة منذ عقد.",
       "وهي الجهود التي تبذلها الدول المجاورة منذ عقد."},
  };
  for (const Case& c : cases) Check(c);
}

TEST(RepairContext, NisbaFormsInTheDocument) {
  const Case cases[] = {
      // عدائية elsewhere backs عدائي for a shape no word list knows.
      {"unknown base, feminine form present",
       "وتبنت الحكومة لهجة عدائية تجاه الجار، ثم عادت إلى موقف عدائي صريح.",
       "وتبنت الحكومة لهجة عدائية تجاه الجار، ثم عادت إلى موقف عدائي صريح."},
  };
  for (const Case& c : cases) Check(c);
}

TEST(RepairContext, NisbaKnownByItsOtherForms) {
  const Case cases[] = {
      // No list holds the masculine nisba, but its feminine or definite form
      // is listed and the word as it stands is no word.
      {"feminine form listed", "ودخل الحزبان في صراع أيديولوجي حاد حول مستقبل البلاد.",
       "ودخل الحزبان في صراع أيديولوجي حاد حول مستقبل البلاد."},
      {"feminine form listed, initial ل", "وتبحث الحكومة عن شريك لوجستي لتطوير الموانئ.",
       "وتبحث الحكومة عن شريك لوجستي لتطوير الموانئ."},
  };
  for (const Case& c : cases) Check(c);
}

TEST(RepairContext, DualInConstruct) {
  const Case cases[] = {
      // A feminine noun with open ت and no suffix is a dual in construct
      // that lost its ي (جمهورية is listed) ...
      {"dual construct after ب", "واعترفت موسكو بجمهوريتي أبخازيا وأوسيتيا الجنوبية عام 2008.",
       "واعترفت موسكو بجمهوريتي أبخازيا وأوسيتيا الجنوبية عام 2008."},
      {"dual construct", "وزار الوفد عاصمتي البلدين خلال أسبوع.",
       "وزار الوفد عاصمتي البلدين خلال أسبوع."},
      // ... while a listed verb in ت stays.
      {"past verb in ت", "وقالت الحكومة إنها صوتت ضد القرار.",
       "وقالت الحكومة إنها صوتت ضد القرار."},
  };
  for (const Case& c : cases) Check(c);
}

TEST(RepairContext, PhraseRunsOnAcrossLineInitialPunctuation) {
  // A visual-order extraction prints the full stop of a later line at the
  // start of this one: the coordination still reaches across it.
  const Case c = {"coordination across a line-initial full stop",
                  "وتلقى الجيش دعم عسكري\n.وإعلامي من الحلفاء",
                  "وتلقى الجيش دعم عسكري\n.وإعلامي من الحلفاء"};
  Check(c);
}

TEST(RepairContext, NamesAbbreviationsFunctionWords) {
  const Case cases[] = {
      // A lone letter restored as the first word of a gazetteer name.
      {"multi-word name", "واستقبل الرئيس شي جين بينغ نظيره في القصر.",
       "واستقبل الرئيس شي جين بينغ نظيره في القصر."},
      // A lone letter between lone letters is an abbreviation.
      {"abbreviation", "وأعلنت الوزارة النبأ (أ ف ب) صباح الأحد.",
       "وأعلنت الوزارة النبأ (أ ف ب) صباح الأحد."},
      // A preposition right after a preposition is a damaged word.
      {"preposition after preposition", "وسافر الوزير إلى بكين لحضور القمة.",
       "وسافر الوزير إلى بكين لحضور القمة."},
      // Frequent function words stay (له, بما, أن).
      {"function words", "وقال الوزير إن الزيارة أول رحلة له بما فيها من لقاءات.",
       "وقال الوزير إن الزيارة أول رحلة له بما فيها من لقاءات."},
      // A word of a multi-word person's name (قولي of قربان قولي) does not
      // make its form with the article a word; it backs one that is (الكريم).
      {"person word behind the article", "ويمكن القول إن الاتفاق صمد، كما قال عبد الكريم.",
       "ويمكن القول إن الاتفاق صمد، كما قال عبد الكريم."},
      // The ordinal ثان without a construct stays bare, but a name that
      // ends in the same word keeps its ي (آل ثاني).
      {"name ending in an ordinal's word",
       "واستقبل الأمير تميم بن حمد آل ثاني الوفد، وحل ثان في السباق.",
       "واستقبل الأمير تميم بن حمد آل ثاني الوفد، وحل ثان في السباق."},
  };
  for (const Case& c : cases) Check(c);
}

TEST(RepairContext, GrammaticalEvidence) {
  const Case cases[] = {
      // Construct state: a definite word right after an indefinite noun is
      // its genitive noun, not a definite adjective (الإنسان stays).
      {"genitive after indefinite noun", "وتحدث الوزير عن حماية حقوق الإنسان في البلاد.",
       "وتحدث الوزير عن حماية حقوق الإنسان في البلاد."},
      // A definite nisba after a definite noun is still restored.
      {"definite nisba after definite noun", "وقال إن الاتحاد الأوروبي يدعم الحوار.",
       "وقال إن الاتحاد الأوروبي يدعم الحوار."},
      // A past verb takes neither ال nor a preposition's ب: the masdar ends
      // in ي (السعي, بالسعي), not ى (سعى).
      {"ال makes a noun", "وأكد الوزير أهمية السعي إلى حل عادل للأزمة.",
       "وأكد الوزير أهمية السعي إلى حل عادل للأزمة."},
      {"ال makes a noun before ل", "وقال إن بلاده تواصل السعي لتوسيع التعاون.",
       "وقال إن بلاده تواصل السعي لتوسيع التعاون."},
      {"بال makes a noun", "ووعد بالسعي إلى تحسين الوضع.", "ووعد بالسعي إلى تحسين الوضع."},
      // A noun in ى other than the place nouns in م agrees as a feminine
      // (الذكرى), so no masculine nisba follows it; المستوى is masculine.
      {"feminine noun in ى", "وأحيت البلاد الذكرى العشرين لتأسيس المنظمة.",
       "وأحيت البلاد الذكرى العشرين لتأسيس المنظمة."},
      {"masculine place noun in ى", "وقال إن المستوى الأمني في البلاد جيد.",
       "وقال إن المستوى الأمني في البلاد جيد."},
      // A definite feminine head takes the feminine ordinal or elative in ى
      // (القمة الأولى); a masculine one keeps الأول.
      {"feminine ordinal", "وعقدت القمة الأولى في العاصمة الجديدة.",
       "وعقدت القمة الأولى في العاصمة الجديدة."},
      {"feminine ordinal before ل", "وتعد هذه الزيارة الأولى للرئيس إلى المنطقة.",
       "وتعد هذه الزيارة الأولى للرئيس إلى المنطقة."},
      {"masculine ordinal", "وكان الاجتماع الأول في المدينة ناجحا.",
       "وكان الاجتماع الأول في المدينة ناجحا."},
      {"land name with elative", "وتتنافس القوى في آسيا الوسطى على الموارد.",
       "وتتنافس القوى في آسيا الوسطى على الموارد."},
      // So does the pronoun هي (هي الأولى), while هو keeps الأول.
      {"feminine pronoun subject", "وقال إن الزيارة هي الأولى من نوعها منذ سنوات.",
       "وقال إن الزيارة هي الأولى من نوعها منذ سنوات."},
      {"masculine pronoun subject", "وقال إن الاجتماع هو الأول من نوعه منذ سنوات.",
       "وقال إن الاجتماع هو الأول من نوعه منذ سنوات."},
      // A definite demonym opens an apposition with a person's name.
      {"demonym before a person's name",
       "ووصل وفد كازاخستان إلى المدينة، ورحب الرئيس بنظرائه الكازاخستاني قاسم جومارت توكاييف "
       "والأوزبكي شوكت ميرضيائيف.",
       "ووصل وفد كازاخستان إلى المدينة، ورحب الرئيس بنظرائه الكازاخستاني قاسم جومارت توكاييف "
       "والأوزبكي شوكت ميرضيائيف."},
      // A head definite by its pronoun may be a subject whose predicate is a
      // listed name: الصين stays (its nisba elsewhere notwithstanding).
      {"name as predicate",
       "وتقرر أن يكون مقرها الصين، على أن تعقد القمة الصينية المقبلة في آسيا الوسطى.",
       "وتقرر أن يكون مقرها الصين، على أن تعقد القمة الصينية المقبلة في آسيا الوسطى."},
      {"nisba after a pronoun head", "وأكد دورها الإقليمي في الأزمة.",
       "وأكد دورها الإقليمي في الأزمة."},
      // A word that already ends in ي gains nothing from adjective context
      // towards a kaf reading (فوري, not ف + كوري).
      {"adjective in ي stays", "وطالب الجانب الأوكراني بتعليق فوري للهجوم.",
       "وطالب الجانب الأوكراني بتعليق فوري للهجوم."},
      // A number from three to ten is in construct with what it counts.
      {"counted noun", "وتضاعف الإنتاج خمس مرات بفضل الاستثمارات.",
       "وتضاعف الإنتاج خمس مرات بفضل الاستثمارات."},
      // Nor does a past verb follow a preposition: the masdar in ي (سعي,
      // نفي, تلقي) ...
      {"masdar after preposition", "وتحدث الوزير عن سعي بلاده إلى السلام.",
       "وتحدث الوزير عن سعي بلاده إلى السلام."},
      {"masdar after adverb", "وجاء القرار بعد نفي الحكومة الخبر.",
       "وجاء القرار بعد نفي الحكومة الخبر."},
      {"form V masdar after preposition", "وأشاد المسؤول مع تلقي الدعوة الرسمية.",
       "وأشاد المسؤول مع تلقي الدعوة الرسمية."},
      // A sentence opens on و + a past verb rather than on a masdar in
      // construct, once a letter is restored; وفي stays a preposition.
      {"past verb opening a sentence", "وعاد الهدوء. ونفى المتحدث وجود قوات أجنبية.",
       "وعاد الهدوء. ونفى المتحدث وجود قوات أجنبية."},
      {"past verb of form V opening a sentence", "وعاد الهدوء. وتبنى التنظيم المسؤولية عن الهجوم.",
       "وعاد الهدوء. وتبنى التنظيم المسؤولية عن الهجوم."},
      {"past verb after إذ", "وتحسنت العلاقات، إذ التقى الوزيران في العاصمة.",
       "وتحسنت العلاقات، إذ التقى الوزيران في العاصمة."},
      {"past verb after قد", "وقال إن الجيش قد تبنى خطة جديدة.",
       "وقال إن الجيش قد تبنى خطة جديدة."},
      {"past verb with و after قد", "وقال إن الرئيس قد وصف الاتفاق بأنه تاريخي.",
       "وقال إن الرئيس قد وصف الاتفاق بأنه تاريخي."},
      {"preposition opening a sentence", "وعاد الهدوء. وفي اليوم التالي غادر الوفد.",
       "وعاد الهدوء. وفي اليوم التالي غادر الوفد."},
      // ... while the past verb after its subject keeps ى (and مدى after
      // على in the signature paragraph keeps it too).
      {"past verb after its subject", "وقال إن الرئيس سعى إلى التهدئة.",
       "وقال إن الرئيس سعى إلى التهدئة."},
      // Nouns and elatives in ى listed with their article keep it, even
      // after a definite noun (الحد الأدنى, not the misspelling الأدني).
      {"elative in ى after a definite noun", "وطالبت النقابات برفع الحد الأدنى للأجور.",
       "وطالبت النقابات برفع الحد الأدنى للأجور."},
      {"elative in ى", "وجاءت هذه الخطوة ضمن الجهود الكبرى للبلاد.",
       "وجاءت هذه الخطوة ضمن الجهود الكبرى للبلاد."},
      {"noun in ى after ب", "ورحب المسؤول بالمستوى الذي بلغته العلاقات.",
       "ورحب المسؤول بالمستوى الذي بلغته العلاقات."},
      // After a preposition-like adverb (بعد) or a preposition with a
      // pronoun (فيه), the next word is no adjective of theirs.
      {"noun after بعد", "وبعد أيام، عاد الوفد إلى بلاده.", "وبعد أيام، عاد الوفد إلى بلاده."},
      {"name after فيه", "وهو منتدى تشارك فيه أوزبكستان بصفة عضو.",
       "وهو منتدى تشارك فيه أوزبكستان بصفة عضو."},
      // The ordinal ثان keeps its ي in construct with an elative or a
      // definite noun, and is indefinite without it elsewhere.
      {"ordinal before elative", "وتعد المدينة ثاني أكبر مركز صناعي في البلاد.",
       "وتعد المدينة ثاني أكبر مركز صناعي في البلاد."},
      {"ordinal before definite noun", "وتعد ألماتي ثاني المدن من حيث عدد السكان.",
       "وتعد ألماتي ثاني المدن من حيث عدد السكان."},
      {"indefinite ordinal", "وحل ثان في السباق.", "وحل ثان في السباق."},
      // بين after أن/إن and before a verb is the particle's noun (بكين) ...
      {"name before its verb after إن", "وقال المتحدث إن بكين تريد علاقات متوازنة مع جيرانها.",
       "وقال المتحدث إن بكين تريد علاقات متوازنة مع جيرانها."},
      {"name before its verb after أن", "وأكد الوزير أن بكين ترفض أي تدخل في شؤونها.",
       "وأكد الوزير أن بكين ترفض أي تدخل في شؤونها."},
      {"name before its predicate after إن", "وقال الوزير إن بكين مستعدة للتعاون مع الجميع.",
       "وقال الوزير إن بكين مستعدة للتعاون مع الجميع."},
      // ... and a preposition before a noun or a name.
      {"preposition after إن", "وقال إن بين البلدين علاقات تاريخية.",
       "وقال إن بين البلدين علاقات تاريخية."},
      {"preposition before a name", "وأكد أن بين تركيا وروسيا خلافات عميقة.",
       "وأكد أن بين تركيا وروسيا خلافات عميقة."},
      {"preposition before يوم", "وقال إن بين يوم وآخر تتغير المواقف.",
       "وقال إن بين يوم وآخر تتغير المواقف."},
      // An adjective carries no preposition: لكازاخستان, not لكازاخستاني.
      {"prepositional phrase is no adjective", "وتعد روسيا موردا رئيسا لكازاخستان وجيرانها.",
       "وتعد روسيا موردا رئيسا لكازاخستان وجيرانها."},
      // A place name that the word list rates above its nisba stays the
      // name after an indefinite noun (a genitive: جنوب طاجيكستان).
      {"place name after indefinite noun", "ويقع المصنع في جنوب طاجيكستان، قرب الحدود.",
       "ويقع المصنع في جنوب طاجيكستان، قرب الحدود."},
      {"place name before و", "وتمر السكة عبر غرب أوزبكستان وتصل إلى الحدود.",
       "وتمر السكة عبر غرب أوزبكستان وتصل إلى الحدود."},
      // A word of a person's name in the gazetteer (قاسم) with the article
      // takes no nisba from agreement alone ...
      {"person's name stays", "وقال المحلل القاسم إن الاتفاق مهم.",
       "وقال المحلل القاسم إن الاتفاق مهم."},
      // ... while a common nisba still agrees (جو is too short a name word).
      {"nisba after definite noun", "ونفذ الطيران قصفا جويا، ثم قال المتحدث إن الدعم الجوي مستمر.",
       "ونفذ الطيران قصفا جويا، ثم قال المتحدث إن الدعم الجوي مستمر."},
      // A preposition is followed by its object, not by a conjunction: فلك
      // stays, not ف + لكي.
      {"no conjunction after a preposition", "وابتعدت الحكومة عن فلك الجار الشمالي.",
       "وابتعدت الحكومة عن فلك الجار الشمالي."},
  };
  for (const Case& c : cases) Check(c);
}

TEST(RepairContext, DiacriticsAndJussive) {
  const Case cases[] = {
      // Marks after a lost kaf belonged to it (شريًا -> شريكًا, شّل -> شكّل),
      // and the lists, written without marks, still know the word.
      {"tanween after the kaf", "وأصبحت الهند شريكًا مهمًا للبلاد.",
       "وأصبحت الهند شريكًا مهمًا للبلاد."},
      {"shadda on the kaf", "وقد شكّل الوزير لجنة جديدة للتحقيق.",
       "وقد شكّل الوزير لجنة جديدة للتحقيق."},
      // Tanween ends a word: no final ي after it.
      {"tanween ends the word", "وللبلاد مراسٍ عديدة على البحر.", "وللبلاد مراسٍ عديدة على البحر."},
      // A word cannot end in ائ (final hamza after alif is ء): the cut nisba
      // ائي is restored even when no list knows it.
      {"nisba in ائي by shape", "وانتقد المعارضون النهج الإقصائي للحكومة.",
       "وانتقد المعارضون النهج الإقصائي للحكومة."},
      {"nisba in ائي by shape 2", "ويعمل المصنع في قطاع إنشائي مهم منذ عقد.",
       "ويعمل المصنع في قطاع إنشائي مهم منذ عقد."},
      // A form listed whole beats the word as it stands known only through
      // its stem: a defective noun keeps its ي with ال (المدعي, المحامي).
      {"defective noun with ال", "وأعلن المدعي العام فتح تحقيق في القضية.",
       "وأعلن المدعي العام فتح تحقيق في القضية."},
      {"defective noun with ال 2", "وحضر المحامي الجلسة الأخيرة.", "وحضر المحامي الجلسة الأخيرة."},
      // After لم a defective verb is jussive and has no final letter ...
      {"jussive after لم", "ولم تتخلّ الحكومة عن خططها.", "ولم تتخلّ الحكومة عن خططها."},
      {"jussive after لم 2", "ولم يبق أمام الوفد إلا العودة.", "ولم يبق أمام الوفد إلا العودة."},
      // ... while after لن it keeps its ى.
      {"subjunctive after لن", "وقال إن الحكومة لن تتخلى عن خططها.",
       "وقال إن الحكومة لن تتخلى عن خططها."},
  };
  for (const Case& c : cases) Check(c);
}

// Persons' names: a given name after a title (رام -> رامي, سلم -> سلمى),
// or before a definite word no list knows; that word, after a given name,
// is a family name and takes its ي (العويط -> العويطي). Names written for
// this test.
TEST(RepairContext, PersonNames) {
  const Case cases[] = {
      {"title, given and family name", "أكد النائب السابق رامي العويطي أن البرلمان سيناقش القانون.",
       "أكد النائب السابق رامي العويطي أن البرلمان سيناقش القانون."},
      {"title with a prepositional phrase",
       "وقالت الباحثة في الشؤون المالية سلمى القحيطي إن المشروع تأخر.",
       "وقالت الباحثة في الشؤون المالية سلمى القحيطي إن المشروع تأخر."},
      {"given name before an unknown family name", "ورأى هاني الطشيمي أن الأسعار سترتفع.",
       "ورأى هاني الطشيمي أن الأسعار سترتفع."},
      {"spokesman for a body", "وقال المتحدث باسم الدفاع المدني عدلي الورفلي إن فرق الإنقاذ وصلت.",
       "وقال المتحدث باسم الدفاع المدني عدلي الورفلي إن فرق الإنقاذ وصلت."},
      {"title in construct", "وأوضح أستاذ القانون في جامعة الموصل هادي الطشيمي أن القرار نهائي.",
       "وأوضح أستاذ القانون في جامعة الموصل هادي الطشيمي أن القرار نهائي."},
      // A listed given name in the slot stays as it is (كمال, not كمالي),
      // and a family nisba after it takes its ي (القحيطي).
      {"listed given name stays", "وقال العميد كمال القحيطي، في بيان، إن الطريق مفتوح.",
       "وقال العميد كمال القحيطي، في بيان، إن الطريق مفتوح."},
      // باسم is a name only where it names a person.
      {"on behalf of", "وقال الناطق باسم الجيش إن القوات صدت الهجوم.",
       "وقال الناطق باسم الجيش إن القوات صدت الهجوم."},
      // A family name that is a common word keeps its shape (الخطيب).
      {"family name that is a word", "وقال المحلل رامي الخطيب إن السوق هادئة.",
       "وقال المحلل رامي الخطيب إن السوق هادئة."},
      // A title right before a given name (الصحف -> الصحفي).
      {"title before a given name", "وأفرجت السلطات عن الصحفي زياد العموري بعد أسبوع.",
       "وأفرجت السلطات عن الصحفي زياد العموري بعد أسبوع."},
      // A damaged function word after a title stays a function word (عل:
      // على, not the name علي).
      {"function word after a title", "وشدد المتحدث على أهمية الحوار بين الطرفين.",
       "وشدد المتحدث على أهمية الحوار بين الطرفين."},
      // No title and a known word after it: فتح stays a verb.
      {"verb, not a given name", "وقرر المجلس فتح المعبر أمام الشاحنات.",
       "وقرر المجلس فتح المعبر أمام الشاحنات."},
      // A definite word no list knows, in no name's slot, keeps its shape.
      {"unknown definite word elsewhere", "وزار الوفد مصنع الإسمنت قرب بلدة الرميلة الجديدة.",
       "وزار الوفد مصنع الإسمنت قرب بلدة الرميلة الجديدة."},
  };
  for (const Case& c : cases) Check(c);
}

// Other forms of a nisba in a damaged document are damaged too: الحومية
// does not back حومي against the listed حكومي. An accusative's alif
// (متكررا) is looked up without it.
TEST(RepairContext, DamagedNisbaFormsAndAccusativeAlif) {
  const Case cases[] = {
      {"damaged nisba form", "وقال مصدر حكومي، رفض ذكر اسمه، إن الخطة الحكومية جاهزة.",
       "وقال مصدر حكومي، رفض ذكر اسمه، إن الخطة الحكومية جاهزة."},
      {"accusative alif", "وبات انقطاع الكهرباء أمرا متكررا في الصيف.",
       "وبات انقطاع الكهرباء أمرا متكررا في الصيف."},
  };
  for (const Case& c : cases) Check(c);
}

// A noun in construct with a proper name is definite: its nisba follows
// the name with the article (ميناء نوفوروسيسك الروسي); a prepositional
// phrase after a name is no adjective (بالحرب stays).
TEST(RepairContext, AdjectiveAfterConstructWithAName) {
  const Case cases[] = {
      {"nisba after a name", "ورست الناقلة في ميناء نوفوروسيسك الروسي صباح الأحد.",
       "ورست الناقلة في ميناء نوفوروسيسك الروسي صباح الأحد."},
      {"prepositional phrase", "ويرى المحلل أن انشغال موسكو بالحرب أضعف حضورها.",
       "ويرى المحلل أن انشغال موسكو بالحرب أضعف حضورها."},
  };
  for (const Case& c : cases) Check(c);
}

// Word frequencies of the project's own news text (repair_word_freq.tsv)
// break a near-tie between two listed readings: مستشفى is the noun, the
// listed مستشفي a misspelling of it.
TEST(RepairContext, FrequenciesBreakNearTies) {
  const Case cases[] = {
      {"frequent spelling", "ونقل المصابون إلى مستشفى المدينة لتلقي العلاج.",
       "ونقل المصابون إلى مستشفى المدينة لتلقي العلاج."},
      // No ك "like" after ب or ل before the article (بالاتفاق stays).
      // (كالاتفاقات in the document would back the kaf otherwise.)
      {"no stacked prepositions",
       "ووصف الوزير الخطة بأنها كالاتفاقات السابقة، ثم رحبت الأمم المتحدة بالاتفاق، وأبدت "
       "استعدادها للمساعدة.",
       "ووصف الوزير الخطة بأنها كالاتفاقات السابقة، ثم رحبت الأمم المتحدة بالاتفاق، وأبدت "
       "استعدادها للمساعدة."},
      // An imperfect in تأ opening a sentence keeps its ي (وتأتي).
      {"imperfect opening a sentence", "وتأتي الزيارة بعد شهرين من توقيع الاتفاق.",
       "وتأتي الزيارة بعد شهرين من توقيع الاتفاق."},
      // Names in the frequency corpus are no evidence: سلم stays a noun,
      // not the given name سلمى.
      {"no frequency for names", "ووضعت الحكومة التعليم ضمن سلم الأولويات الوطنية.",
       "ووضعت الحكومة التعليم ضمن سلم الأولويات الوطنية."},
      // A definite plural in ى of no verb's shape keeps its ى against a
      // listed misspelling in ي (القتلى; السعى, a verb's shape, still
      // yields to السعي).
      {"plural in alef maksura", "وارتفعت حصيلة القتلى في الاشتباكات إلى عشرة.",
       "وارتفعت حصيلة القتلى في الاشتباكات إلى عشرة."},
  };
  for (const Case& c : cases) Check(c);
}

TEST(RepairContext, CleanTextUnchangedInAuto) {
  for (const char* clean : {"وقدمت الحكومة دعما عسكريا ثم دعم اقتصادي وسياسي للبلد الجار.",
                            "واستقبل الرئيس شي جين بينغ نظيره في القصر.",
                            "وتحدث الوزير عن حماية حقوق الإنسان، ووعد بالسعي إلى حل عادل."}) {
    Document d;
    d.text = clean;
    Repair(d, TheModel(), Mode::kAuto);
    EXPECT_FALSE(d.repair.damaged);
    EXPECT_EQ(d.text, clean);
  }
}

}  // namespace
}  // namespace nufuz::repair
