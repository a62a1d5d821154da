// store/store.h: the knowledge base (SQLite), same-story clustering and
// search. The schema is written down in docs/storage.md.
//
// Contract
// - Reads fully analysed Documents: Document::id, source, title, published,
//   text and tokens (the text stage must have run), plus the document's
//   analyze JSON (output/analyze.h, docs/output.md) for entities and their
//   mentions, dates, quantities and events. The store does not depend on
//   the extract or events libraries' types.
// - Writes one SQLite database (WAL journal, foreign keys on). Its schema
//   version is PRAGMA user_version; Open migrates an older database forward
//   one numbered migration at a time, each in its own transaction, and
//   refuses a newer one.
// - IngestBatch writes a whole batch in ONE transaction: after a crash or a
//   kill at any moment the database holds every earlier batch and nothing of
//   the interrupted one, and rerunning the same input completes it without
//   duplicates. A document whose content and analysis hashes are both
//   unchanged is skipped (re-ingest is a no-op); a document with a known id
//   and a new hash replaces the old version (its mentions, dates, events,
//   index rows and story links) inside the same transaction. Failed
//   Documents are skipped and counted.
// - Word counts (schema 2): the words of every document that repair looked
//   at and judged undamaged, without edits (Document::repair.ran, !damaged,
//   no edits), counted as core/words.h splits them, are summed in one table
//   inside the batch's transaction: the evidence that backs lost-letter
//   repair of later documents (repair::LoadOptions::word_counts). Repaired
//   or unjudged text is never counted. A replaced document's old counts are
//   subtracted first (from its stored text, which is what was counted);
//   rows reaching 0 are deleted; an unchanged document changes nothing,
//   except one stored before schema 2 (no verdict kept), which is counted
//   or marked not counted by its verdict now.
// - Entities are merged across documents by id (the first non-empty name,
//   type and Wikidata id win; attributes are unioned, first value wins).
// - Stories: each document gets a MinHash signature over its stem shingles
//   (store/minhash.h); LSH bands give candidate pairs (no all-pairs scan);
//   a candidate pair whose estimated Jaccard similarity is at least
//   Options::story_threshold and whose publication dates are at most
//   Options::story_days apart is an edge; a story is a connected component
//   of edges. Order-independent: the same documents give the same stories
//   whatever order or batches they came in.
// - Events: an article's event is identified within its story by (CAMEO
//   root, source, target, date, negated), the date being the event's date or
//   else the article's publication date; the articles reporting one event
//   are merged into one stored event with NumArticles (distinct documents)
//   and NumSources (distinct outlets; a document without an outlet counts
//   as its own source), as GDELT does. Recomputed for every story a batch
//   touches.
// - Search: an FTS5 index whose text is the documents' space-joined term
//   keys (IndexTerms); the query is tokenised by the same text stage, so
//   letter variants, diacritics and clitics fold both ways. Snippets are cut
//   from the stored text through stored token byte offsets.
// - Complexity: ingest is linear in the document size (times the signature
//   length; word counting is one pass, and a batch writes each changed word
//   once); clustering touches only LSH candidates (buckets capped at
//   Options::max_bucket) and the components of changed documents.
// - A Store is one connection: not thread-safe; use one Store per thread
//   (SQLite serialises writers; readers run concurrently under WAL).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "store/minhash.h"
#include "text/text.h"

namespace nufuz::store {

// Schema version this build writes (PRAGMA user_version); see docs/storage.md.
inline constexpr int kSchemaVersion = 2;

struct Options {
  // Minimum estimated Jaccard similarity of stem 2-shingles for two
  // articles to be one story (measured in tests/store_cluster_test.cc and
  // docs/storage.md).
  double story_threshold = 0.15;
  // Maximum days between two articles' publication dates for them to be
  // one story (only when both dates are known to the day); 0 = no limit.
  int story_days = 7;
  // Per LSH bucket, only the most recently stored this-many documents are
  // compared (bounds the work per document when boilerplate fills a bucket).
  std::size_t max_bucket = 50;
  MinHashOptions minhash;
  // Test hook: called inside IngestBatch after each document is written
  // (argument: documents written so far in this batch). Null by default.
  // The environment variable NUFUZ_STORE_KILL_AFTER=N (read by Open) makes
  // the process SIGKILL itself after N documents of a batch, for end-to-end
  // kill tests of the CLI.
  std::function<void(std::size_t)> after_document;
};

// One document to store: the Document (tokens, source, text) and its
// analyze JSON. An empty (null) analysis is computed with AnalyzeJson.
struct Item {
  const Document* doc = nullptr;
  nlohmann::json analysis;
};

struct IngestStats {
  std::size_t added = 0;      // new document ids
  std::size_t replaced = 0;   // known ids with new content or analysis
  std::size_t unchanged = 0;  // same hashes: nothing written
  std::size_t skipped = 0;    // failed or null documents
  std::size_t counted = 0;    // documents whose words were added to the word counts
};

// Word -> occurrences in the stored clean documents, sorted by word.
using WordCountList = std::vector<std::pair<std::string, std::uint64_t>>;

struct StoryArticle {
  std::string doc, outlet, url, published, title;
};

struct Story {
  std::int64_t id = 0;                 // the lowest internal document key of the story
  std::vector<StoryArticle> articles;  // by publication date, then id
  std::size_t num_outlets = 0;         // distinct outlets (empty outlet: per document)
  std::size_t num_events = 0;          // merged events
  std::string first_published, last_published;
};

struct Evidence {
  std::string doc;
  std::uint32_t start = 0, end = 0;  // code points in the document's text
  std::string quote;
};

// A merged event: one real-world event as reported by the articles of a story.
struct StoredEvent {
  std::int64_t story = 0;
  std::string cameo, cameo_root, plover, plover_mode, source, target, date, location, modality;
  int quad = 0;
  double goldstein = 0, confidence = 0;  // of the most confident report
  bool negated = false;
  int num_articles = 0, num_sources = 0;
  std::vector<Evidence> evidence;  // one per report, most confident first
};

// A figure (money, counted people or troops) with its context, for reports.
struct StoredFigure {
  std::string doc, published, surface, unit, kind, quote;
  double value = 0;
  std::string source, target, cameo, date;  // of the event it belongs to, if any
};

struct CorpusCounts {
  std::int64_t documents = 0, events = 0, stories = 0;
  std::string first_published, last_published;
};

struct Query {
  std::string text;   // free text; every term must occur (AND). May be empty.
  std::string from;   // YYYY[-MM[-DD]]: publication on or after (empty: open)
  std::string to;     // YYYY[-MM[-DD]]: publication on or before (empty: open)
  std::string actor;  // entity id mentioned or acting in an event (empty: any)
  std::string event;  // CAMEO code prefix of an event in the document ("04")
  std::size_t limit = 20;
  std::string mark_open = "[", mark_close = "]";  // around matched terms
};

struct Hit {
  std::string doc, title, outlet, url, published;
  std::int64_t story = 0;
  double score = 0;                // bm25 (lower is better); 0 without query text
  std::string snippet;             // from the stored text, matched terms marked
  std::vector<std::string> dates;  // DATE values the document mentions
};

class Store {
 public:
  // Opens or creates the database at `path` (":memory:" works) and migrates it.
  static Result<std::unique_ptr<Store>> Open(const std::filesystem::path& path,
                                             Options options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  Result<IngestStats> IngestBatch(const std::vector<Item>& items);
  // Convenience: each document's analysis is AnalyzeJson(doc).
  Result<IngestStats> IngestBatch(const std::vector<const Document*>& docs);

  // Stories with at least `min_articles` articles, largest first.
  Result<std::vector<Story>> Stories(std::size_t min_articles = 1);
  // Merged events; story 0 = all stories.
  Result<std::vector<StoredEvent>> Events(std::int64_t story = 0);
  // Documents matching `query`, best first. `lexicon` tokenises the query as
  // documents were tokenised.
  Result<std::vector<Hit>> Search(const Query& query, const text::Lexicon& lexicon);

  // Every stored fact as sorted text lines without internal keys or ingest
  // times: equal dumps mean equal knowledge bases.
  // Money and count figures, by publication date, at most `limit`.
  Result<std::vector<StoredFigure>> Figures(std::size_t limit = 500);
  Result<CorpusCounts> Counts();
  // Entity id -> the "country" attribute of every stored entity that has one
  // (people, bodies, cities: the state they belong to).
  Result<std::map<std::string, std::string>> EntityCountries();
  Result<std::string> Dump();
  // The word counts of the documents judged undamaged (see the contract).
  Result<WordCountList> WordCounts();
  Result<std::int64_t> DocumentCount();
  int schema_version() const;

  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

// Whether the file at `path` starts with SQLite's 16-byte header
// ("SQLite format 3\0"): a knowledge base, whatever its name. An error when
// it cannot be read.
Result<bool> IsSqliteFile(const std::filesystem::path& path);

// The word counts of the knowledge base at `path`, opened read-only (the
// file is neither created nor migrated): empty for a schema 1 file, which
// kept none; an error naming the file when it cannot be read or is newer
// than this build.
Result<WordCountList> ReadWordCounts(const std::filesystem::path& path);

// Pads a YYYY[-MM[-DD]] date to the first ("2023" -> "2023-00-00") or last
// ("2023" -> "2023-99-99") day string it can mean, for range comparison.
std::string DateLow(std::string_view date);
std::string DateHigh(std::string_view date);

}  // namespace nufuz::store
