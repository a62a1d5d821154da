// Knowledge-base word counts (schema 2): the words of documents repair
// judged undamaged are counted, as core/words.h splits them; damaged,
// repaired or unjudged documents are not; a replaced document's old counts
// are taken back; re-ingest changes nothing; a schema 1 file migrates and
// its documents are counted on their next ingest; the counts read back
// read-only from a file.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "store/store.h"
#include "test_util.h"
#include "text/text.h"

namespace nufuz::store {
namespace {

namespace fs = std::filesystem;

const text::Lexicon& Lex() {
  static std::shared_ptr<const text::Lexicon> lex = [] {
    auto r = text::Lexicon::Load(nufuz::testing::DataDir());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : text::Lexicon::FromWords({});
  }();
  return *lex;
}

enum class Verdict { kClean, kDamaged, kRepairedAnyway, kNotRun };

Document Doc(const std::string& id, const std::string& text, Verdict v) {
  Document d;
  d.id = id;
  d.source.path = id + ".txt";
  d.text = text;
  d.repair.ran = v != Verdict::kNotRun;
  d.repair.damaged = v == Verdict::kDamaged;
  if (v == Verdict::kDamaged || v == Verdict::kRepairedAnyway)
    d.repair.edits.push_back({0, 1, 0, 1, "restored"});
  text::Tokenize(d, Lex());
  return d;
}

std::map<std::string, std::uint64_t> Counts(Store& s) {
  auto c = s.WordCounts();
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  std::map<std::string, std::uint64_t> out;
  if (c.ok())
    for (const auto& [w, n] : *c) out[w] = n;
  return out;
}

std::string Sql(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  std::string out;
  if (sqlite3_open(db.c_str(), &h) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
      if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    } else {
      out = std::string("error: ") + sqlite3_errmsg(h);
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(h);
  return out;
}

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("nufuz_store_words_" + std::to_string(getpid()) + "_" + std::to_string(counter_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

using Want = std::map<std::string, std::uint64_t>;
using Docs = std::vector<const Document*>;

TEST(WordCounts, OnlyDocumentsJudgedUndamagedAreCountedAsRepairSplitsWords) {
  struct Case {
    std::string name, text;
    Verdict verdict;
    Want want;
  };
  const std::vector<Case> cases = {
      // Marks and tatweel are dropped, a lone letter is no counted word,
      // Latin and digits are no Arabic words.
      {"clean",
       "قالَ الوزيـــر إن الوزير و قال 2025 UN",
       Verdict::kClean,
       {{"قال", 2}, {"الوزير", 2}, {"إن", 1}}},
      {"damaged", "قال الوزير ف المؤتمر", Verdict::kDamaged, {}},
      {"repaired without the signature (--repair on)", "قال الوزير", Verdict::kRepairedAnyway, {}},
      {"repair did not run", "قال الوزير", Verdict::kNotRun, {}},
  };
  for (const Case& c : cases) {
    auto s = Store::Open(":memory:");
    ASSERT_TRUE(s.ok());
    const Document d = Doc("d", c.text, c.verdict);
    auto r = s.value()->IngestBatch(Docs{&d});
    ASSERT_TRUE(r.ok()) << c.name << ": " << r.status().ToString();
    EXPECT_EQ(r->counted, c.want.empty() ? 0u : 1u) << c.name;
    EXPECT_EQ(Counts(*s.value()), c.want) << c.name;
  }
}

TEST(WordCounts, SumAcrossDocumentsReplaceTakesBackAndReingestChangesNothing) {
  auto s = Store::Open(":memory:");
  ASSERT_TRUE(s.ok());
  const Document a = Doc("a", "زار الوفد الصيني طشقند وزار الوفد سمرقند", Verdict::kClean);
  const Document b = Doc("b", "وصل الوفد الروسي إلى طشقند", Verdict::kClean);
  const Document hurt = Doc("c", "وصل الوفد ف طشقند", Verdict::kDamaged);
  ASSERT_TRUE(s.value()->IngestBatch(Docs{&a, &b, &hurt}).ok());
  const Want both = {{"زار", 1},    {"الوفد", 3}, {"الصيني", 1}, {"طشقند", 2}, {"وزار", 1},
                     {"سمرقند", 1}, {"وصل", 1},   {"الروسي", 1}, {"إلى", 1}};
  EXPECT_EQ(Counts(*s.value()), both);

  // The same documents again: nothing changes.
  auto again = s.value()->IngestBatch(Docs{&a, &b, &hurt});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 3u);
  EXPECT_EQ(again->counted, 0u);
  EXPECT_EQ(Counts(*s.value()), both);

  // b, corrected: its old words are taken back (الروسي and إلى reach 0 and
  // go), its new ones added.
  const Document b2 = Doc("b", "وصل الوفد التركي إلى أنقرة", Verdict::kClean);
  auto r = s.value()->IngestBatch(Docs{&b2});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->replaced, 1u);
  Want want = both;
  want.erase("الروسي");
  want["التركي"] = 1;
  want["أنقرة"] = 1;
  want["طشقند"] = 1;
  EXPECT_EQ(Counts(*s.value()), want);

  // a, now judged damaged: all its words go; the damaged c, now clean,
  // comes in.
  const Document a2 = Doc("a", "زار الوفد الصين طشقند", Verdict::kDamaged);
  const Document c2 = Doc("c", "وصل الوفد في طشقند", Verdict::kClean);
  ASSERT_TRUE(s.value()->IngestBatch(Docs{&a2, &c2}).ok());
  const Want last = {{"وصل", 2},   {"الوفد", 2}, {"التركي", 1}, {"إلى", 1},
                     {"أنقرة", 1}, {"في", 1},    {"طشقند", 1}};
  EXPECT_EQ(Counts(*s.value()), last);

  // Equal to a store that only ever saw the last versions.
  auto fresh = Store::Open(":memory:");
  ASSERT_TRUE(fresh.ok());
  ASSERT_TRUE(fresh.value()->IngestBatch(Docs{&a2, &b2, &c2}).ok());
  EXPECT_EQ(Counts(*fresh.value()), last);
  EXPECT_EQ(fresh.value()->Dump().value(), s.value()->Dump().value());
}

// A schema 1 file (made here by undoing migration 2 on a fresh file, which
// gives exactly the version 1 tables) migrates: no counts, no verdicts; the
// next ingest of its documents counts the clean ones. ReadWordCounts reads
// either version without migrating it.
TEST(WordCounts, SchemaOneFileMigratesAndCountsOnTheNextIngest) {
  TempDir dir;
  const fs::path db = dir / "kb.sqlite";
  const Document a = Doc("a", "زار الوفد الصيني طشقند", Verdict::kClean);
  const Document b = Doc("b", "زار الوفد ف طشقند", Verdict::kDamaged);
  {
    auto s = Store::Open(db);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE(s.value()->IngestBatch(Docs{&a, &b}).ok());
  }
  Sql(db, "DROP TABLE word_counts");
  Sql(db, "ALTER TABLE documents DROP COLUMN counted");
  Sql(db, "PRAGMA user_version = 1");
  ASSERT_EQ(Sql(db, "PRAGMA user_version"), "1");
  ASSERT_EQ(Sql(db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'word_counts'"), "0");

  auto v1 = ReadWordCounts(db);
  ASSERT_TRUE(v1.ok()) << v1.status().ToString();
  EXPECT_TRUE(v1->empty());
  EXPECT_EQ(Sql(db, "PRAGMA user_version"), "1");  // read, not migrated

  auto s = Store::Open(db);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s.value()->schema_version(), 2);
  EXPECT_TRUE(Counts(*s.value()).empty());
  EXPECT_EQ(Sql(db, "SELECT COUNT(*) FROM documents WHERE counted IS NULL"), "2");
  auto r = s.value()->IngestBatch(Docs{&a, &b});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->unchanged, 2u);
  EXPECT_EQ(r->counted, 1u);
  const Want want = {{"زار", 1}, {"الوفد", 1}, {"الصيني", 1}, {"طشقند", 1}};
  EXPECT_EQ(Counts(*s.value()), want);
  EXPECT_EQ(Sql(db, "SELECT group_concat(id || '=' || counted) FROM documents"), "a=1,b=0");
  // Once decided, the next ingest changes nothing.
  r = s.value()->IngestBatch(Docs{&a, &b});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->counted, 0u);
  EXPECT_EQ(Counts(*s.value()), want);

  auto read = ReadWordCounts(db);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(*read, s.value()->WordCounts().value());
}

TEST(WordCounts, KnowledgeBaseFilesAreKnownByTheirHeader) {
  TempDir dir;
  const fs::path kb = dir / "notes.txt", text = dir / "words.sqlite";
  ASSERT_TRUE(Store::Open(kb).ok());
  std::ofstream(text) << "قال الوزير إن الوفد وصل";
  EXPECT_TRUE(IsSqliteFile(kb).value());
  EXPECT_FALSE(IsSqliteFile(text).value());
  auto missing = IsSqliteFile(dir / "absent.sqlite");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("absent.sqlite"), std::string::npos);
  auto unread = ReadWordCounts(dir / "absent.sqlite");
  ASSERT_FALSE(unread.ok());
  EXPECT_NE(unread.status().message().find("absent.sqlite"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir / "absent.sqlite"));  // read-only: not created
}

}  // namespace
}  // namespace nufuz::store
