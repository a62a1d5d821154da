// Knowledge-base ingest: schema and migrations, re-ingest is a no-op, a
// changed document replaces the old one, a SIGKILL mid-batch leaves a
// consistent database that a rerun completes to the same contents as an
// uninterrupted run, entities merge across documents, bad JSON is harmless.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "store/progress.h"
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

// Adds an ENTITY span (and the entity) over the first occurrence of `surface`.
void Mention(Document& d, const std::string& surface, const std::string& id,
             const std::string& type, const std::string& name_en,
             const std::string& wikidata = "") {
  std::size_t b = d.text.find(surface);
  ASSERT_NE(b, std::string::npos) << surface;
  auto start = static_cast<std::uint32_t>(utf8::Length(std::string_view(d.text).substr(0, b)));
  auto end = start + static_cast<std::uint32_t>(utf8::Length(surface));
  d.spans.push_back({start, end, "ENTITY", {{"entity", id}}});
  for (const auto& e : d.entities)
    if (e.id == id) return;
  d.entities.push_back({id, type, name_en, surface, wikidata, {}});
}

void Span(Document& d, const std::string& surface, const std::string& label, Attrs attrs) {
  std::size_t b = d.text.find(surface);
  ASSERT_NE(b, std::string::npos) << surface;
  auto start = static_cast<std::uint32_t>(utf8::Length(std::string_view(d.text).substr(0, b)));
  d.spans.push_back(
      {start, start + static_cast<std::uint32_t>(utf8::Length(surface)), label, std::move(attrs)});
}

// Twelve short reports written for the project, each with a country
// mention, a date and a figure.
std::vector<Document> Docs() {
  const char* countries[][3] = {
      {"كازاخستان", "kazakhstan", "Kazakhstan"},
      {"قرغيزستان", "kyrgyzstan", "Kyrgyzstan"},
      {"أوزبكستان", "uzbekistan", "Uzbekistan"},
      {"طاجيكستان", "tajikistan", "Tajikistan"},
  };
  const char* topics[] = {
      "وقعت %C اتفاقية مع الصين لبناء محطة طاقة شمسية بقدرة ٥٠٠ ميغاواط في ١٢ مارس ٢٠٢٥.",
      "أعلنت حكومة %C في ١٢ مارس ٢٠٢٥ خطة لرفع صادرات القمح إلى ٣ ملايين طن.",
      "استقبلت %C وفدا روسيا لبحث تمديد اتفاق القاعدة العسكرية، وقال مسؤول إن ٢٠٠ خبير "
      "سيشاركون في المحادثات التي بدأت في ١٢ مارس ٢٠٢٥.",
  };
  std::vector<Document> out;
  int n = 0;
  for (const char* topic : topics)
    for (const auto& c : countries) {
      Document d;
      d.id = "doc-" + std::to_string(++n);
      d.source.path = d.id + ".txt";
      d.source.outlet = n % 2 ? "outlet-one" : "outlet-two";
      d.published = "2025-03-12";
      d.text = topic;
      d.text.replace(d.text.find("%C"), 2, c[0]);
      text::Tokenize(d, Lex());
      Mention(d, c[0], c[1], "COUNTRY", c[2]);
      Span(d, "١٢ مارس ٢٠٢٥", "DATE", {{"value", "2025-03-12"}});
      for (const char* q : {"٥٠٠ ميغاواط", "٣ ملايين طن", "٢٠٠ خبير"})
        if (d.text.find(q) != std::string::npos)
          Span(d, q, "QUANTITY", {{"value", "500"}, {"unit", "MW"}});
      out.push_back(std::move(d));
    }
  return out;
}

std::vector<const Document*> Ptrs(const std::vector<Document>& docs, std::size_t from = 0,
                                  std::size_t to = SIZE_MAX) {
  std::vector<const Document*> out;
  for (std::size_t i = from; i < std::min(to, docs.size()); ++i) out.push_back(&docs[i]);
  return out;
}

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("nufuz_store_test_" + std::to_string(getpid()) + "_" + std::to_string(counter_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

std::string Dump(Store& s) {
  auto d = s.Dump();
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  return d.ok() ? d.value() : "";
}

// Runs one SQL query on the file with plain SQLite; returns the first column
// of the first row.
std::string Sql(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  std::string out;
  if (sqlite3_open(db.c_str(), &h) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
      out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
  }
  sqlite3_close(h);
  return out;
}

TEST(Schema, CreatesVersionedWalDatabaseAndRefusesNewer) {
  TempDir dir;
  const fs::path db = dir / "kb.sqlite";
  {
    auto s = Store::Open(db);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(s.value()->schema_version(), kSchemaVersion);
  }
  EXPECT_EQ(Sql(db, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(Sql(db, "PRAGMA user_version"), std::to_string(kSchemaVersion));
  ASSERT_TRUE(Store::Open(db).ok());  // reopening migrates nothing
  Sql(db, "PRAGMA user_version = 99");
  auto newer = Store::Open(db);
  ASSERT_FALSE(newer.ok());
  EXPECT_EQ(newer.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(newer.status().message().find("kb.sqlite"), std::string::npos);
}

TEST(Schema, UnopenablePathIsAnErrorNamingIt) {
  auto s = Store::Open("/nonexistent-dir/kb.sqlite");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("/nonexistent-dir/kb.sqlite"), std::string::npos);
}

TEST(Ingest, ReingestingTheSameContentIsANoOp) {
  const std::vector<Document> docs = Docs();
  auto s = Store::Open(":memory:");
  ASSERT_TRUE(s.ok());
  auto first = s.value()->IngestBatch(Ptrs(docs));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first.value().added, docs.size());
  const std::string before = Dump(*s.value());
  auto again = s.value()->IngestBatch(Ptrs(docs));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value().added, 0u);
  EXPECT_EQ(again.value().replaced, 0u);
  EXPECT_EQ(again.value().unchanged, docs.size());
  EXPECT_EQ(Dump(*s.value()), before);
  EXPECT_NE(before.find("mention\tdoc-1\tkazakhstan"), std::string::npos);
  EXPECT_NE(before.find("date\tdoc-1\t"), std::string::npos);
  EXPECT_NE(before.find("quantity\tdoc-1\t"), std::string::npos);
}

TEST(Ingest, ChangedDocumentReplacesTheOldVersion) {
  std::vector<Document> docs = Docs();
  auto s = Store::Open(":memory:");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(s.value()->IngestBatch(Ptrs(docs)).ok());
  // doc-1, corrected: another figure, and no longer a mention of the country.
  Document fixed;
  fixed.id = "doc-1";
  fixed.source = docs[0].source;
  fixed.published = docs[0].published;
  fixed.text = "صححت الوكالة الرقم: المحطة الشمسية بقدرة ٦٠٠ ميغاواط.";
  text::Tokenize(fixed, Lex());
  auto r = s.value()->IngestBatch({&fixed});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r.value().replaced, 1u);
  EXPECT_EQ(r.value().added, 0u);
  EXPECT_EQ(s.value()->DocumentCount().value(), static_cast<std::int64_t>(docs.size()));
  const std::string dump = Dump(*s.value());
  EXPECT_EQ(dump.find("mention\tdoc-1\t"), std::string::npos);  // old mentions gone
  EXPECT_EQ(dump.find("date\tdoc-1\t"), std::string::npos);
  // The index follows: the new word is found, the old-only one is not.
  Query q;
  q.text = "صححت";
  auto hits = s.value()->Search(q, Lex());
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits.value().size(), 1u);
  EXPECT_EQ(hits.value()[0].doc, "doc-1");
  q.text = "شمسية وقعت";
  hits = s.value()->Search(q, Lex());
  ASSERT_TRUE(hits.ok());
  for (const Hit& h : hits.value()) EXPECT_NE(h.doc, "doc-1");
  // Equal to a store that only ever saw the new version.
  docs[0] = fixed;
  auto fresh = Store::Open(":memory:");
  ASSERT_TRUE(fresh.ok());
  ASSERT_TRUE(fresh.value()->IngestBatch(Ptrs(docs)).ok());
  EXPECT_EQ(Dump(*fresh.value()), dump);
}

// A child process ingests two batches and SIGKILLs itself after the third
// document of the second batch. The database must hold exactly the first
// batch, pass SQLite's integrity checks, and a rerun of both batches must
// end with the same contents as an uninterrupted run.
TEST(Ingest, KillMidBatchThenRerunEqualsUninterruptedRun) {
  const std::vector<Document> docs = Docs();
  TempDir dir;
  const fs::path killed = dir / "killed.sqlite", clean = dir / "clean.sqlite";
  const std::size_t split = 5;

  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    Options o;
    std::size_t total = 0;
    o.after_document = [&](std::size_t) {
      if (++total == split + 3) raise(SIGKILL);
    };
    auto s = Store::Open(killed, o);
    if (!s.ok()) _exit(2);
    if (!s.value()->IngestBatch(Ptrs(docs, 0, split)).ok()) _exit(3);
    (void)s.value()->IngestBatch(Ptrs(docs, split));
    _exit(0);  // not reached
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status)) << "child exited with " << WEXITSTATUS(status);
  EXPECT_EQ(WTERMSIG(status), SIGKILL);

  EXPECT_EQ(Sql(killed, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(Sql(killed, "SELECT COUNT(*) FROM pragma_foreign_key_check"), "0");
  EXPECT_EQ(Sql(killed, "SELECT COUNT(*) FROM documents"), std::to_string(split));
  {
    auto s = Store::Open(killed);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    auto r1 = s.value()->IngestBatch(Ptrs(docs, 0, split));
    ASSERT_TRUE(r1.ok());
    EXPECT_EQ(r1.value().unchanged, split);
    auto r2 = s.value()->IngestBatch(Ptrs(docs, split));
    ASSERT_TRUE(r2.ok());
    EXPECT_EQ(r2.value().added, docs.size() - split);
  }
  {
    auto s = Store::Open(clean);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE(s.value()->IngestBatch(Ptrs(docs, 0, split)).ok());
    ASSERT_TRUE(s.value()->IngestBatch(Ptrs(docs, split)).ok());
  }
  auto a = Store::Open(killed), b = Store::Open(clean);
  ASSERT_TRUE(a.ok() && b.ok());
  const std::string da = Dump(*a.value()), db = Dump(*b.value());
  EXPECT_FALSE(da.empty());
  EXPECT_EQ(da, db);
  EXPECT_EQ(Sql(killed, "SELECT COUNT(*) FROM documents"), std::to_string(docs.size()));
  // The FTS index agrees with its content table.
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(killed.c_str(), &h), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(h, "INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(h);
  sqlite3_close(h);
}

TEST(Ingest, EntitiesMergeAcrossDocumentsById) {
  std::vector<Document> docs = Docs();
  // doc-5 names Kazakhstan too and knows its Wikidata id; doc-1 did not.
  docs[4].entities[0].wikidata = "Q232";
  auto s = Store::Open(":memory:");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(s.value()->IngestBatch(Ptrs(docs)).ok());
  const std::string dump = Dump(*s.value());
  EXPECT_NE(dump.find("entity\tkazakhstan\tCOUNTRY\tKazakhstan\tكازاخستان\tQ232\t"),
            std::string::npos)
      << dump.substr(0, 2000);
  std::size_t rows = 0;
  for (std::size_t at = dump.find("entity\tkazakhstan\t"); at != std::string::npos;
       at = dump.find("entity\tkazakhstan\t", at + 1))
    ++rows;
  EXPECT_EQ(rows, 1u);
}

TEST(Ingest, MalformedAnalysisAndFailedDocumentsDoNotBreakABatch) {
  std::vector<Document> docs = Docs();
  docs[1].Fail("ingest", "unreadable", "doc-2: cannot read");
  std::vector<Item> items;
  for (const auto& d : docs) items.push_back({&d, nlohmann::json()});
  items[0].analysis = {
      {"entities", "not an array"},
      {"dates", {{{"start", "x"}, {"value", 5}}}},
      {"events",
       {{{"cameo", 42}, {"evidence", {{"start", 9999}, {"end", 99999}}}}, "not an object"}}};
  items.push_back({nullptr, nlohmann::json()});
  auto s = Store::Open(":memory:");
  ASSERT_TRUE(s.ok());
  auto r = s.value()->IngestBatch(items);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r.value().added, docs.size() - 1);
  EXPECT_EQ(r.value().skipped, 2u);
}

TEST(Progress, FormatsCountRateAndEta) {
  EXPECT_EQ(FormatProgress(50, 100, 10.0, 10), "[#####.....] 50/100 docs  5.0 docs/s  ETA 0:10");
  EXPECT_EQ(FormatProgress(100, 100, 20.0, 4), "[####] 100/100 docs  5.0 docs/s");
  EXPECT_EQ(FormatProgress(7, 0, 0.0), "7 docs  0.0 docs/s");
}

TEST(Progress, SilentWhenNotATerminal) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  {
    ProgressBar bar(10, fds[1]);
    EXPECT_FALSE(bar.active());
    bar.Update(5);
    bar.Finish();
  }
  close(fds[1]);
  char buf[16];
  EXPECT_EQ(read(fds[0], buf, sizeof buf), 0);
  close(fds[0]);
}

}  // namespace
}  // namespace nufuz::store
