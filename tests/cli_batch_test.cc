// End-to-end tests of the nufuz binary: exit codes, error messages that name
// the input, and batches that go on past bad documents.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "test_util.h"

namespace {

namespace fs = std::filesystem;

using nufuz::testing::CommandResult;

CommandResult Nufuz(const std::string& args) {
  return nufuz::testing::RunCommand(std::string(NUFUZ_BINARY) + " " + args);
}

class CliBatch : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("nufuz_cli_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    Write("a_good.txt",
          "زار وزير الخارجية الكازاخستاني بكين يوم الاثنين لبحث مشروعات السكك الحديدية.\n"
          "وقال إن بلاده تريد ممرا تجاريا جديدا عبر بحر قزوين.\n");
    Write("b_invalid.txt", std::string("نص عربي ثم بايت غير صالح \xC3\x28 هنا\n"));
    Write("c_binary.txt", std::string("\x7f"
                                      "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
                                      20));
    Write("d_empty.txt", "");
    Write("e_good.txt", "أعلنت طاجيكستان عن خطة لبناء محطة كهرومائية جديدة على نهر فخش.\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }
  std::string P(const std::string& name) { return (dir_ / name).string(); }
  fs::path dir_;
};

TEST_F(CliBatch, BadDocumentsFailAloneAndAreNamed) {
  CommandResult r = Nufuz("text " + P("a_good.txt") + " " + P("b_invalid.txt") + " " +
                          P("c_binary.txt") + " " + P("d_empty.txt") + " " + P("e_good.txt"));
  EXPECT_EQ(r.code, 1) << r.err;
  // Each bad file is named in its own error line, with what is wrong.
  EXPECT_NE(r.err.find(P("b_invalid.txt")), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("UTF-8"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(P("c_binary.txt")), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("binary"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(P("d_empty.txt")), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("empty"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(P("a_good.txt")), std::string::npos) << r.err;
  // The good documents' output is complete.
  EXPECT_NE(r.out.find("بحر قزوين"), std::string::npos);
  EXPECT_NE(r.out.find("نهر فخش"), std::string::npos);
}

TEST_F(CliBatch, InvalidUtf8ErrorGivesTheByteOffset) {
  CommandResult r = Nufuz("text " + P("b_invalid.txt"));
  EXPECT_EQ(r.code, 1);
  // "نص عربي ثم بايت غير صالح " is 44 bytes; the bad byte is at offset 44.
  EXPECT_NE(r.err.find("44"), std::string::npos) << r.err;
}

TEST_F(CliBatch, LenientReplacesAndFlags) {
  CommandResult r = Nufuz("text --lenient --json " + P("b_invalid.txt"));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_NE(r.out.find("\"warning\""), std::string::npos);
}

TEST_F(CliBatch, DirectoryIsWalkedInSortedOrder) {
  CommandResult r = Nufuz("text " + dir_.string());
  EXPECT_EQ(r.code, 1);
  std::size_t a = r.out.find("a_good.txt"), e = r.out.find("e_good.txt");
  ASSERT_NE(a, std::string::npos) << r.out;
  ASSERT_NE(e, std::string::npos);
  EXPECT_LT(a, e);
}

TEST_F(CliBatch, UsageErrorsExitTwo) {
  EXPECT_EQ(Nufuz("").code, 2);
  EXPECT_EQ(Nufuz("text").code, 2);
  EXPECT_EQ(Nufuz("text --repair sometimes " + P("a_good.txt")).code, 2);
  EXPECT_EQ(Nufuz("frobnicate").code, 2);
}

TEST_F(CliBatch, HelpAndVersion) {
  CommandResult v = Nufuz("--version");
  EXPECT_EQ(v.code, 0);
  EXPECT_NE(v.out.find("nufuz "), std::string::npos);
  CommandResult h = Nufuz("text --help");
  EXPECT_EQ(h.code, 0);
  EXPECT_NE(h.out.find("--tokens"), std::string::npos);
  EXPECT_NE(h.out.find("--show-removed"), std::string::npos);
}

TEST_F(CliBatch, MissingFileIsNamed) {
  CommandResult r = Nufuz("text " + P("nope.txt") + " " + P("e_good.txt"));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find(P("nope.txt")), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("نهر فخش"), std::string::npos);
}

// A clean corpus the user names backs repair: a name no list holds is
// restored from its counts; a corpus that does not exist is a usage error
// naming the path, before any document is read.
TEST_F(CliBatch, RepairCorpusBacksRareNames) {
  Write("corpus.txt",
        "استقبل الوزير تيكيباييف الوفد الزائر.\nوقال تيكيباييف إن الزيارة كانت مثمرة.\n");
  // Damaged as a PDF font loses medial kaf and joined final yeh.
  Write("damaged.txt",
        "وصل الوفد إل العاصمة ف يوم الثلاثاء، وقال إن المحادثات الت جرت عل مدى يومين "
        "مفيدة ف رأيه.\nواجتمع الوزير تييباييف بالسفير.\n");
  CommandResult plain = Nufuz("text " + P("damaged.txt"));
  EXPECT_EQ(plain.code, 0) << plain.err;
  EXPECT_NE(plain.out.find("الوزير تييباييف"), std::string::npos) << plain.out;
  CommandResult r = Nufuz("text --repair-corpus " + P("corpus.txt") + " " + P("damaged.txt"));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("الوزير تيكيباييف"), std::string::npos) << r.out;
  CommandResult bad = Nufuz("text --repair-corpus " + P("nope") + " " + P("damaged.txt"));
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find(P("nope")), std::string::npos) << bad.err;
}

TEST_F(CliBatch, TokensShowCliticAnalysis) {
  Write("f.txt", "وبكازاخستان للصين والولايات فإنها بالأسلحة وزير بين لندن\n");
  CommandResult r = Nufuz("text --tokens " + P("f.txt"));
  EXPECT_EQ(r.code, 0) << r.err;
  for (const char* line :
       {"\tوبكازاخستان\tوبكازاخستان\twa|bi\tكازاخستان\t", "\tللصين\tللصين\tli|al\tصين\t",
        "\tوالولايات\tوالولايات\twa|al\tولايات\t", "\tفإنها\tفانها\tfa\tان\tها",
        "\tبالأسلحة\tبالاسلحه\tbi|al\tاسلحه\t", "\tوزير\tوزير\t\tوزير\t", "\tبين\tبين\t\tبين\t",
        "\tلندن\tلندن\t\tلندن\t"})
    EXPECT_NE(r.out.find(line), std::string::npos) << line << "\n" << r.out;
}

}  // namespace
