// store/schema.cc: the numbered schema migrations (docs/storage.md).
//
// Migration i takes a database at user_version i-1 to user_version i. Each
// runs in its own transaction together with the user_version bump, so a
// kill during a migration leaves the previous version intact. Never edit a
// released migration: add a new one and bump kSchemaVersion.
#include "store/schema.h"

#include <string>

namespace nufuz::store {
namespace {

// Version 1: documents, entities, mentions, dates, quantities, per-article
// events, merged events, LSH buckets, story edges, the FTS5 term index.
Status Migrate1(Db& db) {
  return db.Exec(R"sql(
CREATE TABLE meta(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE documents(
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  url TEXT NOT NULL,
  outlet TEXT NOT NULL,
  format TEXT NOT NULL,
  published TEXT,
  published_low TEXT NOT NULL,
  published_high TEXT NOT NULL,
  title TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  analysis_hash TEXT NOT NULL,
  text TEXT NOT NULL,
  terms TEXT NOT NULL,
  term_offsets BLOB NOT NULL,
  minhash BLOB NOT NULL,
  story INTEGER,
  ingested_at TEXT NOT NULL
);
CREATE INDEX documents_story ON documents(story);
CREATE INDEX documents_published ON documents(published_low, published_high);
CREATE TABLE entities(
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  name_en TEXT NOT NULL,
  name_ar TEXT NOT NULL,
  wikidata TEXT NOT NULL,
  attrs TEXT NOT NULL
);
CREATE TABLE mentions(
  doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
  entity TEXT NOT NULL REFERENCES entities(id),
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  surface TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions(doc);
CREATE INDEX mentions_entity ON mentions(entity, doc);
CREATE TABLE dates(
  doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  surface TEXT NOT NULL,
  value TEXT NOT NULL,
  anchor TEXT NOT NULL,
  attrs TEXT NOT NULL
);
CREATE INDEX dates_doc ON dates(doc);
CREATE INDEX dates_value ON dates(value);
CREATE TABLE quantities(
  doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  surface TEXT NOT NULL,
  value TEXT NOT NULL,
  unit TEXT NOT NULL,
  kind TEXT NOT NULL
);
CREATE INDEX quantities_doc ON quantities(doc);
CREATE TABLE doc_events(
  doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  event_key TEXT NOT NULL,
  cameo TEXT NOT NULL,
  cameo_root TEXT NOT NULL,
  plover TEXT NOT NULL,
  plover_mode TEXT NOT NULL,
  quad INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  date TEXT NOT NULL,
  date_precision TEXT NOT NULL,
  location TEXT NOT NULL,
  quantity TEXT NOT NULL,
  modality TEXT NOT NULL,
  negated INTEGER NOT NULL,
  confidence REAL NOT NULL,
  ev_start INTEGER NOT NULL,
  ev_end INTEGER NOT NULL,
  quote TEXT NOT NULL,
  trig_start INTEGER NOT NULL,
  trig_end INTEGER NOT NULL
);
CREATE INDEX doc_events_doc ON doc_events(doc);
CREATE INDEX doc_events_source ON doc_events(source);
CREATE INDEX doc_events_target ON doc_events(target);
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  story INTEGER NOT NULL,
  event_key TEXT NOT NULL,
  cameo TEXT NOT NULL,
  cameo_root TEXT NOT NULL,
  plover TEXT NOT NULL,
  plover_mode TEXT NOT NULL,
  quad INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  confidence REAL NOT NULL,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  date TEXT NOT NULL,
  location TEXT NOT NULL,
  modality TEXT NOT NULL,
  negated INTEGER NOT NULL,
  num_articles INTEGER NOT NULL,
  num_sources INTEGER NOT NULL,
  UNIQUE(story, event_key)
);
CREATE INDEX events_date ON events(date);
CREATE TABLE lsh(
  band INTEGER NOT NULL,
  bucket INTEGER NOT NULL,
  doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
  PRIMARY KEY(band, bucket, doc)
) WITHOUT ROWID;
CREATE INDEX lsh_doc ON lsh(doc);
CREATE TABLE story_edges(
  a INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
  b INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
  similarity REAL NOT NULL,
  PRIMARY KEY(a, b)
) WITHOUT ROWID;
CREATE INDEX story_edges_b ON story_edges(b);
CREATE VIRTUAL TABLE documents_fts USING fts5(
  terms, content='documents', content_rowid='key',
  tokenize='unicode61 remove_diacritics 0');
)sql");
}

// Version 2: word counts of the documents repair judged undamaged, the
// evidence that backs lost-letter repair of later documents (store.h).
// documents.counted: 1 counted, 0 not (damaged, repaired or not judged),
// NULL stored before version 2 with no verdict kept: decided on the next
// ingest of the same document (the verdict was never stored, and the
// stored text of a damaged document is its repaired text, so it cannot be
// judged afresh here).
Status Migrate2(Db& db) {
  return db.Exec(R"sql(
ALTER TABLE documents ADD COLUMN counted INTEGER;
CREATE TABLE word_counts(
  word TEXT PRIMARY KEY,
  n INTEGER NOT NULL CHECK(n > 0)
) WITHOUT ROWID;
)sql");
}

using Migration = Status (*)(Db&);
constexpr Migration kMigrations[] = {Migrate1, Migrate2};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == kSchemaVersion);

}  // namespace

Status Migrate(Db& db) {
  auto v = db.QueryInt("PRAGMA user_version");
  if (!v.ok()) return v.status();
  const std::int64_t current = v.value();
  if (current > kSchemaVersion)
    return Status::Error(StatusCode::kUnsupported, db.path() + ": schema version " +
                                                       std::to_string(current) +
                                                       " is newer than this nufuz understands (" +
                                                       std::to_string(kSchemaVersion) + ")");
  for (std::int64_t next = current + 1; next <= kSchemaVersion; ++next) {
    if (Status s = db.Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    Status s = kMigrations[next - 1](db);
    if (s.ok()) s = db.Exec("PRAGMA user_version = " + std::to_string(next));
    if (s.ok()) s = db.Exec("COMMIT");
    if (!s.ok()) {
      (void)db.Exec("ROLLBACK");
      return Status::Error(s.code(),
                           "migration to schema " + std::to_string(next) + ": " + s.message());
    }
  }
  return Status::Ok();
}

}  // namespace nufuz::store
