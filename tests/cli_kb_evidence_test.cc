// End-to-end: the knowledge base's clean documents are word evidence for
// lost-letter repair. A rare family name, known to no word list, is written
// in documents a user ingested; a later document whose PDF font lost its
// medial kaf and joined final yeh gets the name back only when the
// knowledge base backs it (ingest --db of an existing file, or
// --repair-corpus naming the file), never without it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "repair/damage.h"
#include "test_util.h"

namespace {

namespace fs = std::filesystem;

using nufuz::testing::CommandResult;

// Sentences written for this test. السكلاني is a made-up family name.
const char* const kClean[] = {
    "التقى وزير الخارجية الكازاخستاني نظيره الأوزبكي في أستانا، وحضر اللقاء الدبلوماسي "
    "المخضرم عمر السكلاني الذي قاد مفاوضات المياه بين البلدين.",
    "قال المستشار السكلاني إن مشروع السكة الحديدية سيربط الموانئ بالأسواق الآسيوية خلال ثلاث "
    "سنوات.",
    "ونقلت الصحف عن السكلاني قوله إن التعاون الإقليمي يحتاج إلى ثقة متبادلة بين العواصم.",
};
const char kLater[] =
    "أكد السفير السكلاني في المؤتمر الذي عقد في العاصمة أن بلاده تعمل على دعم الحوار مع "
    "الجيران، وأشار إلى أن الاجتماع المقبل الذي تستضيفه طشقند سيبحث في الطاقة والمياه التي "
    "تحتاج إليها المنطقة.";
const char kName[] = "السكلاني";

class CliKbEvidence : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("nufuz_kb_evidence_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "clean");
    for (std::size_t i = 0; i < std::size(kClean); ++i)
      Write(dir_ / "clean" / ("c" + std::to_string(i) + ".txt"), kClean[i]);
    damaged_ = nufuz::repair::Damage(kLater);
    Write(dir_ / "later.txt", damaged_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  static void Write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text << "\n";
  }
  std::string P(const std::string& name) const { return (dir_ / name).string(); }
  static CommandResult Nufuz(const std::string& args) {
    return nufuz::testing::RunCommand(std::string(NUFUZ_BINARY) + " " + args);
  }
  // How many times the name occurs in s.
  static int Names(const std::string& s) {
    int n = 0;
    for (std::size_t at = s.find(kName); at != std::string::npos; at = s.find(kName, at + 1)) ++n;
    return n;
  }
  fs::path dir_;
  std::string damaged_;
};

TEST_F(CliKbEvidence, DamageRemovesTheNameAndRepairAloneCannotRestoreIt) {
  ASSERT_EQ(Names(damaged_), 0) << damaged_;
  CommandResult r = Nufuz("text " + P("later.txt"));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Names(r.out), 0) << r.out;
  // Repair did run on it: the function words are back.
  EXPECT_NE(r.out.find("في المؤتمر"), std::string::npos) << r.out;
}

TEST_F(CliKbEvidence, RepairCorpusNamingTheKnowledgeBaseRestoresTheName) {
  ASSERT_EQ(Nufuz("ingest --db " + P("kb.sqlite") + " " + P("clean")).code, 0);
  // No .sqlite-like name needed: the file is known by its SQLite header.
  fs::rename(dir_ / "kb.sqlite", dir_ / "kb.data");
  CommandResult r = Nufuz("text --repair-corpus " + P("kb.data") + " " + P("later.txt"));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, std::string(kLater) + "\n");
  // The same text as a .txt corpus of the clean documents gives.
  CommandResult txt = Nufuz("text --repair-corpus " + P("clean") + " " + P("later.txt"));
  ASSERT_EQ(txt.code, 0) << txt.err;
  EXPECT_EQ(r.out, txt.out);
}

TEST_F(CliKbEvidence, IngestIntoAnExistingKnowledgeBaseUsesItsCounts) {
  // Into a fresh knowledge base: no evidence, the name stays lost.
  ASSERT_EQ(Nufuz("ingest --db " + P("fresh.sqlite") + " " + P("later.txt")).code, 0);
  CommandResult fresh = Nufuz("search --db " + P("fresh.sqlite") + " " + kName);
  EXPECT_EQ(fresh.out.find("later"), std::string::npos) << fresh.out;
  // Into one that holds the clean documents: restored, and found by it.
  ASSERT_EQ(Nufuz("ingest --db " + P("kb.sqlite") + " " + P("clean")).code, 0);
  ASSERT_EQ(Nufuz("ingest --db " + P("kb.sqlite") + " " + P("later.txt")).code, 0);
  CommandResult hit = Nufuz("search --db " + P("kb.sqlite") + " " + kName);
  ASSERT_EQ(hit.code, 0) << hit.err;
  EXPECT_NE(hit.out.find("later"), std::string::npos) << hit.out;
  // The repaired document is no evidence: the name's count is the clean
  // documents' three, and no damaged shape was counted.
  CommandResult dump = Nufuz("dump --db " + P("kb.sqlite"));
  ASSERT_EQ(dump.code, 0) << dump.err;
  EXPECT_NE(dump.out.find(std::string("word\t") + kName + "\t3\n"), std::string::npos) << dump.out;
  EXPECT_EQ(dump.out.find("word\tالسلان\t"), std::string::npos);
}

TEST_F(CliKbEvidence, MissingRepairCorpusIsAnErrorNamingIt) {
  CommandResult r = Nufuz("text --repair-corpus " + P("absent.sqlite") + " " + P("later.txt"));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("absent.sqlite"), std::string::npos) << r.err;
  r = Nufuz("ingest --db " + P("kb.sqlite") + " --repair-corpus " + P("absent") + " " +
            P("later.txt"));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("absent"), std::string::npos) << r.err;
}

}  // namespace
