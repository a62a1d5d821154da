// Loading the repair model from data files: the word lists are read with
// repair's own view-based strict TSV reader, which must accept and refuse
// exactly what core's TsvTable does, with the same messages; and the word
// counts of a clean corpus (LoadOptions::corpus). Sentences written for
// this test.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/data.h"
#include "repair/damage.h"
#include "repair/repair.h"
#include "test_util.h"

namespace nufuz::repair {
namespace {

namespace fs = std::filesystem;

// A data directory holding only lexicon/repair_words.tsv with `content`.
class LexiconDir {
 public:
  explicit LexiconDir(const std::string& content) {
    dir_ =
        fs::temp_directory_path() /
        ("nufuz_repair_model_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "_" + std::to_string(counter_++));
    fs::create_directories(dir_ / "lexicon");
    std::ofstream(file(), std::ios::binary) << content;
  }
  ~LexiconDir() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  const fs::path& dir() const { return dir_; }
  fs::path file() const { return dir_ / "lexicon" / "repair_words.tsv"; }

 private:
  static inline int counter_ = 0;
  fs::path dir_;
};

struct BadTable {
  const char* name;
  std::string content;
};

TEST(RepairModel, RefusesWhatTsvTableRefusesWithItsMessage) {
  const std::vector<BadTable> cases = {
      {"no header", "# only a comment\n\n"},
      {"no source column", "word\tkind\tweight\nمكتب\tword\t5\n"},
      {"no word column", "kind\tweight\tsource\nword\t5\tmine\n"},
      {"too few cells", "word\tkind\tweight\tsource\nمكتب\tword\t5\tmine\nكتاب\tword\n"},
      {"too many cells", "word\tkind\tweight\tsource\n# note\nمكتب\tword\t5\tmine\textra\n"},
      {"empty source", "word\tkind\tweight\tsource\nمكتب\tword\t5\tmine\nكتاب\tword\t4\t\n"},
      {"invalid utf-8", "word\tkind\tweight\tsource\n\xD9\tword\t5\tmine\n"},
  };
  for (const BadTable& c : cases) {
    LexiconDir d(c.content);
    auto model = Model::Load(d.dir());
    auto table = TsvTable::Load(d.file(), {"word"});
    ASSERT_FALSE(table.ok()) << c.name;
    ASSERT_FALSE(model.ok()) << c.name;
    EXPECT_EQ(model.status().message(), table.status().message()) << c.name;
  }
}

TEST(RepairModel, RefusesBadWeightsAndKindsNamingTheLine) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"word\tkind\tweight\tsource\nمكتب\tword\t5\tmine\nكتاب\tword\tmany\tmine\n",
       ":3: weight must be a number 0..100"},
      {"word\tkind\tweight\tsource\n# a comment\nمكتب\tword\t101\tmine\n",
       ":3: weight must be a number 0..100"},
      {"word\tkind\tweight\tsource\nمكتب\tnoun\t5\tmine\n",
       ":2: kind must be word, func, prep, beforeverb or junk"},
  };
  for (const auto& [content, message] : cases) {
    LexiconDir d(content);
    auto model = Model::Load(d.dir());
    ASSERT_FALSE(model.ok()) << content;
    EXPECT_EQ(model.status().message(), d.file().string() + message);
  }
}

// The frequency table (repair_word_freq.tsv) needs word and count columns,
// and a count that is a number >= 0, named by its line.
TEST(RepairModel, RefusesBadWordFrequenciesNamingTheLine) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"word\tcount\tsource\nمكتب\t3\tmine\nكتاب\tmany\tmine\n", ":3: count must be a number >= 0"},
      {"word\tcount\tsource\nمكتب\t-2\tmine\n", ":2: count must be a number >= 0"},
      {"word\tsource\nمكتب\tmine\n", ": needs columns word and count"},
  };
  for (const auto& [content, message] : cases) {
    LexiconDir d("word\tkind\tweight\tsource\nمكتب\tword\t5\tmine\n");
    const fs::path freq = d.dir() / "lexicon" / "repair_word_freq.tsv";
    std::ofstream(freq, std::ios::binary) << content;
    auto model = Model::Load(d.dir());
    ASSERT_FALSE(model.ok()) << content;
    EXPECT_EQ(model.status().message(), freq.string() + message);
  }
}

TEST(RepairModel, LoadsCommentsBlankLinesAndCrlfAndUsesTheWeights) {
  // Our own words; "متب" is what a broken font leaves of "مكتب" (medial kaf).
  LexiconDir d(
      "# curated test words\r\n"
      "word\tkind\tweight\tsource\r\n"
      "\r\n"
      "مكتب\tword\t5\tmine\r\n"
      "في\tprep\t9\tmine\r\n");
  auto model = Model::Load(d.dir());
  ASSERT_TRUE(model.ok()) << model.status().message();
  Document doc;
  doc.text = "زار الوفد متب الوزير";
  Repair(doc, **model, Mode::kOn);
  EXPECT_EQ(doc.text, "زار الوفد مكتب الوزير");
}

// A folder of corpus files for LoadOptions::corpus.
class CorpusDir {
 public:
  CorpusDir() {
    dir_ = fs::temp_directory_path() /
           ("nufuz_repair_corpus_" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            std::to_string(counter_++));
    fs::create_directories(dir_ / "sub");
  }
  ~CorpusDir() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  void Add(const std::string& name, const std::string& text, int times) {
    std::ofstream out(dir_ / name, std::ios::binary);
    for (int i = 0; i < times; ++i) out << text << "\n";
  }
  const fs::path& dir() const { return dir_; }

 private:
  static inline int counter_ = 0;
  fs::path dir_;
};

LoadOptions Corpus(const fs::path& path) {
  LoadOptions o;
  o.corpus = path;
  return o;
}

std::string Repaired(const Model& model, const std::string& clean) {
  Document doc;
  doc.text = Damage(clean);
  Repair(doc, model, Mode::kOn);
  return doc.text;
}

TEST(RepairModel, CorpusWordCountsBackFrequentWords) {
  // Without a corpus the nisba wins after an indefinite noun before ل.
  const std::string sentence = "ووفرت المشاريع فرص عمل لآلاف الشباب.";
  auto plain = Model::Load(nufuz::testing::DataDir());
  ASSERT_TRUE(plain.ok()) << plain.status().message();
  EXPECT_EQ(Repaired(**plain, sentence), "ووفرت المشاريع فرص عملي لآلاف الشباب.");
  // A clean corpus (in a subfolder, read recursively) where عمل is frequent.
  CorpusDir corpus;
  corpus.Add("sub/a.txt", "وقال الوزير إن العمل مستمر وإن كل عمل جديد يحتاج إلى تمويل.", 20);
  corpus.Add("notes.md", "عملي عملي عملي", 50);  // not .txt: not read
  auto model = Model::Load(nufuz::testing::DataDir(), Corpus(corpus.dir()));
  ASSERT_TRUE(model.ok()) << model.status().message();
  EXPECT_EQ(Repaired(**model, sentence), sentence);
  // A single file works too.
  auto one = Model::Load(nufuz::testing::DataDir(), Corpus(corpus.dir() / "sub" / "a.txt"));
  ASSERT_TRUE(one.ok()) << one.status().message();
  EXPECT_EQ(Repaired(**one, sentence), sentence);
}

TEST(RepairModel, CorpusSkipsDamagedFilesAndNeedsAnExistingPath) {
  // A corpus file that carries the damage signature: its damaged shapes
  // (مشلة for مشكلة) must not become known words.
  CorpusDir corpus;
  corpus.Add("damaged.txt",
             Damage("وقال الوزير في العاصمة إن المشكلة التي تواجه البلاد هي مشكلة المياه."), 20);
  auto model = Model::Load(nufuz::testing::DataDir(), Corpus(corpus.dir()));
  ASSERT_TRUE(model.ok()) << model.status().message();
  EXPECT_EQ(Repaired(**model, "وتواجه البلاد مشكلة كبيرة."), "وتواجه البلاد مشكلة كبيرة.");
  auto missing = Model::Load(nufuz::testing::DataDir(), Corpus(corpus.dir() / "absent"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("absent"), std::string::npos);
}

// LoadOptions::word_counts (the knowledge base's counts): a rare family
// name the lists do not know is restored only with enough counts, counts
// sum with the corpus files' counts under the same threshold (twice), and a
// key that is not exactly one word is no evidence.
TEST(RepairModel, HandedInWordCountsBackRareWords) {
  struct Case {
    std::string name;
    std::vector<std::pair<std::string, std::uint64_t>> counts;
    int corpus_times;  // lines of a corpus file naming the family once each
    bool restored;
  };
  const std::string clean = "واستقبل الوزير السفير السكلاني في مكتبه صباح الأحد.";
  const std::vector<Case> cases = {
      {"no evidence", {}, 0, false},
      {"counted once: may be a typo", {{"السكلاني", 1}}, 0, false},
      {"counted three times", {{"السكلاني", 3}}, 0, true},
      {"once here, once in the corpus", {{"السكلاني", 1}}, 1, true},
      {"once in the corpus alone", {}, 1, false},
      {"with marks: not a word key", {{"السَّكلاني", 9}}, 0, false},
      {"two words: not a word key", {{"السفير السكلاني", 9}}, 0, false},
      {"zero", {{"السكلاني", 0}}, 1, false},
  };
  for (const Case& c : cases) {
    CorpusDir corpus;
    if (c.corpus_times) corpus.Add("a.txt", "وصل السكلاني إلى المطار.", c.corpus_times);
    LoadOptions o;
    if (c.corpus_times) o.corpus = corpus.dir();
    o.word_counts = c.counts;
    auto model = Model::Load(nufuz::testing::DataDir(), o);
    ASSERT_TRUE(model.ok()) << c.name << ": " << model.status().message();
    const std::string got = Repaired(**model, clean);
    if (c.restored)
      EXPECT_EQ(got, clean) << c.name;
    else
      EXPECT_EQ(got.find("السكلاني"), std::string::npos) << c.name << ": " << got;
  }
}

}  // namespace
}  // namespace nufuz::repair
