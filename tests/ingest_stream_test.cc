// Tests of DocumentStream and JSON Lines records: files, directories, stdin
// shapes, malformed records among good ones.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/ingest.h"

namespace nufuz::ingest {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  explicit TempDir(const std::string& name) : path_(fs::temp_directory_path() / name) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  fs::path Write(const std::string& rel, const std::string& bytes) const {
    fs::path p = path_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::vector<Document> ReadAll(std::vector<std::string> inputs, Options options = {}) {
  DocumentStream stream(std::move(inputs), std::move(options));
  std::vector<Document> docs;
  Document doc;
  while (stream.Next(doc)) docs.push_back(std::move(doc));
  return docs;
}

TEST(IngestStream, JsonlRecordsAndAMalformedLineInTheMiddle) {
  TempDir dir("nufuz_ingest_jsonl");
  const std::string jsonl =
      R"({"doc": "r1", "text": "قال الكرملين إن التعاون مع كازاخستان يتوسع.", "url": "https://example.org/1", "published": "2024-05-02T10:00:00Z", "outlet": "وكالة مثال"})"
      "\n"
      R"({"id": "r2", "html": "<html><body><nav>قائمة</nav><p>افتتحت الصين مصنعا في طشقند.</p></body></html>"})"
      "\n\n"
      R"({"doc": "r3", "text": "ناقص)"
      "\n"
      R"({"text": "نص بلا معرف عن تركمانستان"})"
      "\r\n"
      R"({"doc": "r5", "body": "حقل غير معروف"})"
      "\n"
      R"(["not", "an", "object"])"
      "\n";
  fs::path p = dir.Write("news.jsonl", jsonl);
  std::vector<Document> docs = ReadAll({p.string()});
  ASSERT_EQ(docs.size(), 6u);
  struct Expect {
    std::string id;
    bool failed;
    std::string error_prefix;
  };
  const std::string name = p.string();
  const std::vector<Expect> expected = {
      {"r1", false, ""},
      {"r2", false, ""},
      {name + "#4", true, name + ":4: malformed JSON record"},
      {name + "#5", false, ""},
      {"r5", true, name + ":6: record has no \"text\" or \"html\" string"},
      {name + "#7", true, name + ":7: JSON record is not an object"},
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(docs[i].id, expected[i].id) << i;
    EXPECT_EQ(docs[i].failed, expected[i].failed) << i << ": " << docs[i].ErrorMessage();
    EXPECT_EQ(docs[i].ErrorMessage().rfind(expected[i].error_prefix, 0), 0u)
        << i << ": " << docs[i].ErrorMessage();
    EXPECT_EQ(docs[i].source.path, name);
    EXPECT_EQ(docs[i].source.format, Format::kJsonl);
  }
  EXPECT_EQ(docs[0].source.record, 1u);
  EXPECT_EQ(docs[0].source.url, "https://example.org/1");
  EXPECT_EQ(docs[0].source.outlet, "وكالة مثال");
  EXPECT_EQ(docs[0].published, "2024-05-02");
  EXPECT_EQ(docs[0].published_source, "input");
  EXPECT_EQ(docs[1].raw_text, "افتتحت الصين مصنعا في طشقند.");
  EXPECT_EQ(docs[1].original.rfind("<html>", 0), 0u);
  EXPECT_EQ(docs[3].raw_text, "نص بلا معرف عن تركمانستان");
  EXPECT_EQ(docs[3].source.record, 5u);
}

TEST(IngestStream, JsonlRecordLimitsAndEncoding) {
  struct Case {
    std::string line;
    std::uint64_t max_bytes;
    bool lenient;
    bool failed;
    std::string error;
  };
  const std::string good = R"({"doc": "a", "text": "خبر قصير"})";
  const std::vector<Case> cases = {
      {good, 1000, false, false, ""},
      {good, 10, false, true,
       "in.jsonl:3: too large (" + std::to_string(good.size()) + " bytes > limit 10)"},
      {"{\"doc\": \"b\", \"text\": \"\xD8\"}", 1000, false, true,
       "in.jsonl:3: invalid UTF-8 at byte 22 of the line"},
      {"{\"doc\": \"b\", \"text\": \"\xD8 نص\"}", 1000, true, false, ""},
      {R"({"doc": "c", "text": "   "})", 1000, false, true, "in.jsonl:3 (c): empty"},
  };
  for (const Case& c : cases) {
    Options options;
    options.max_bytes = c.max_bytes;
    options.lenient = c.lenient;
    Document doc = FromJsonRecord(c.line, "in.jsonl", 3, options);
    EXPECT_EQ(doc.failed, c.failed) << c.line << ": " << doc.ErrorMessage();
    EXPECT_EQ(doc.ErrorMessage(), c.error) << c.line;
  }
}

// Records are read by a fast reader for flat string objects and by the
// general JSON parser for everything else; both must give the same fields
// and the same errors.
TEST(IngestStream, JsonlRecordFieldsEscapesAndErrors) {
  struct Case {
    std::string line;
    std::string id, title, raw_text;  // when the record is good
    std::string error_prefix;         // when it fails
  };
  const std::string bad = "in.jsonl:4: malformed JSON record (syntax error at byte ";
  const std::vector<Case> cases = {
      {R"({"doc": "a1", "title": "قمة في \"أستانا\"", "text": "سطر أول\nسطر ثان"})", "a1",
       "قمة في \"أستانا\"", "سطر أول\nسطر ثان", ""},
      {R"( { "doc" : "a2" , "text" : "\u0627\u0644\u0633\u0644\u0627\u0645 \/ \\ \t." } )", "a2",
       "", "السلام / \\ \t.", ""},
      // A surrogate pair is one code point outside the BMP.
      {R"({"doc": "a3", "text": "وفد \ud83d\ude00 رسمي"})", "a3", "", "وفد \xF0\x9F\x98\x80 رسمي",
       ""},
      // A repeated key: the last value wins.
      {R"({"doc": "x", "doc": "a4", "text": "نص مكرر المفتاح"})", "a4", "", "نص مكرر المفتاح", ""},
      // The same through the general parser (a number makes the record non-flat).
      {R"({"doc": "x", "n": 1, "doc": "a4", "text": "نص مكرر المفتاح"})", "a4", "",
       "نص مكرر المفتاح", ""},
      {R"({"doc": "a5", "published": null, "url": null, "text": "خبر بلا تاريخ"})", "a5", "",
       "خبر بلا تاريخ", ""},
      // Numbers and nested values go through the general parser.
      {R"({"id": 42, "meta": {"lang": "ar", "n": [1, 2]}, "text": "خبر برقم"})", "42", "",
       "خبر برقم", ""},
      {R"({"doc": "a7", "text": "\ude00 وحده"})", "", "", "", bad},
      {R"({"doc": "a8", "text": "\ud83d وحده"})", "", "", "", bad},
      {"{\"doc\": \"a9\", \"text\": \"حرف\x01تحكم\"}", "", "", "", bad},
      {R"({"doc": "a10", "text": "نص"} زائد)", "", "", "", bad},
      {R"({"doc": "a11", "text": "نص",})", "", "", "", bad},
      {R"({"doc": "a12", "text": "\x41"})", "", "", "", bad},
      {R"({"doc": "a13", "text": "نص غير مغلق)", "", "", "", bad},
      {R"(["doc", "a14"])", "", "", "", "in.jsonl:4: JSON record is not an object"},
  };
  for (const Case& c : cases) {
    Document doc = FromJsonRecord(c.line, "in.jsonl", 4, Options{});
    if (c.error_prefix.empty()) {
      EXPECT_FALSE(doc.failed) << c.line << ": " << doc.ErrorMessage();
      EXPECT_EQ(doc.id, c.id) << c.line;
      EXPECT_EQ(doc.title, c.title) << c.line;
      EXPECT_EQ(doc.raw_text, c.raw_text) << c.line;
    } else {
      EXPECT_TRUE(doc.failed) << c.line;
      EXPECT_EQ(doc.ErrorMessage().rfind(c.error_prefix, 0), 0u)
          << c.line << ": " << doc.ErrorMessage();
    }
  }
}

TEST(IngestStream, DirectoryWalkIsRecursiveSortedAndFiltered) {
  TempDir dir("nufuz_ingest_walk");
  dir.Write("b.txt", "نص الملف ب");
  dir.Write("a.txt", "نص الملف أ");
  dir.Write("sub/c.html", "<p>نص الملف ج</p>");
  dir.Write("sub/deeper/d.txt", "نص الملف د");
  dir.Write("c.jsonl",
            "{\"doc\": \"j1\", \"text\": \"سجل أول\"}\n{\"doc\": \"j2\", \"text\": \"سجل ثان\"}\n");
  dir.Write(".hidden.txt", "مخفي");
  dir.Write("image.png", "\x89PNG");
  dir.Write("empty.txt", "");
  const std::string root = dir.path().string();
  std::vector<Document> docs = ReadAll({root});
  std::vector<std::string> ids;
  for (const auto& d : docs) ids.push_back(d.id);
  const std::vector<std::string> expected = {
      root + "/a.txt",      root + "/b.txt",           "j1", "j2", root + "/empty.txt",
      root + "/sub/c.html", root + "/sub/deeper/d.txt"};
  EXPECT_EQ(ids, expected);
  ASSERT_EQ(docs.size(), expected.size());
  EXPECT_TRUE(docs[4].failed);
  EXPECT_EQ(docs[4].ErrorMessage(), root + "/empty.txt: empty");
  EXPECT_EQ(docs[5].raw_text, "نص الملف ج");
}

TEST(IngestStream, FileLevelRefusals) {
  TempDir dir("nufuz_ingest_refuse");
  fs::path big = dir.Write("big.txt", std::string(5000, 'x'));
  fs::path bad = dir.Write("bad.txt", "سطر صحيح\n\xFF بعده");
  const std::string missing = (dir.path() / "missing.txt").string();
  Options options;
  options.max_bytes = 4096;
  std::vector<Document> docs = ReadAll({big.string(), missing, bad.string()}, options);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].ErrorMessage(), big.string() + ": too large (5000 bytes > limit 4096)");
  EXPECT_EQ(docs[1].ErrorMessage(), missing + ": not found");
  EXPECT_EQ(docs[2].ErrorMessage(), bad.string() + ": invalid UTF-8 at byte 16");
  for (const auto& d : docs) EXPECT_TRUE(d.failed);
}

TEST(IngestStream, PrettyJsonFileIsOneRecord) {
  TempDir dir("nufuz_ingest_pretty");
  fs::path p = dir.Write("one.json",
                         "{\n  \"doc\": \"p1\",\n  \"text\": \"قمة منظمة شنغهاي في أستانا\"\n}\n");
  std::vector<Document> docs = ReadAll({p.string()});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].failed) << docs[0].ErrorMessage();
  EXPECT_EQ(docs[0].id, "p1");
  EXPECT_EQ(docs[0].raw_text, "قمة منظمة شنغهاي في أستانا");
}

}  // namespace
}  // namespace nufuz::ingest
