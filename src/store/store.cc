#include "store/store.h"

#include <signal.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/utf8.h"
#include "core/words.h"
#include "output/analyze.h"
#include "store/schema.h"
#include "store/sqlite.h"

namespace nufuz::store {

using nlohmann::json;

namespace {

// ---- Safe JSON access: analysis JSON is input, so wrong types are ignored.

std::string Str(const json& j, const char* key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

double Num(const json& j, const char* key, double def = 0) {
  if (!j.is_object()) return def;
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return def;
  return it->get<double>();
}

std::int64_t Int(const json& j, const char* key) {
  double v = Num(j, key, 0);
  return v < 0 ? 0 : static_cast<std::int64_t>(v);
}

bool Bool(const json& j, const char* key) {
  if (!j.is_object()) return false;
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

const json& Arr(const json& j, const char* key) {
  static const json kEmpty = json::array();
  if (!j.is_object()) return kEmpty;
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : kEmpty;
}

const json& Obj(const json& j, const char* key) {
  static const json kEmpty = json::object();
  if (!j.is_object()) return kEmpty;
  auto it = j.find(key);
  return it != j.end() && it->is_object() ? *it : kEmpty;
}

// JSON text of a value that may be a string, an object or null ("" for null).
std::string Compact(const json& j, const char* key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

std::string Hex(std::uint64_t a, std::uint64_t b) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a),
                static_cast<unsigned long long>(b));
  return buf;
}

std::string Hash128(std::string_view s) {
  return Hex(Hash64(s, 0x6e75667a), Hash64(s, 0x73746f7265));
}

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Days since 1970-01-01 of a YYYY-MM-DD date; nullopt for less precise or
// malformed dates.
std::optional<long> DayNumber(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return std::nullopt;
  auto num = [&](std::size_t at, std::size_t n) {
    long v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (d[i] < '0' || d[i] > '9') return -1L;
      v = v * 10 + (d[i] - '0');
    }
    return v;
  };
  long y = num(0, 4), m = num(5, 2), day = num(8, 2);
  if (y < 0 || m < 1 || m > 12 || day < 1 || day > 31) return std::nullopt;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string OffsetsBytes(const std::vector<Term>& terms) {
  std::string out;
  out.reserve(terms.size() * 8);
  auto put = [&](std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  };
  for (const auto& t : terms) {
    put(t.byte_start);
    put(t.byte_end);
  }
  return out;
}

std::uint32_t GetU32(const std::string& b, std::size_t at) {
  std::uint32_t v = 0;
  for (int j = 0; j < 4; ++j)
    v |= static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + j])) << (8 * j);
  return v;
}

// Space-joined term keys (the FTS column).
std::string JoinTerms(const std::vector<Term>& terms) {
  std::string out;
  for (const auto& t : terms) {
    if (!out.empty()) out.push_back(' ');
    out += t.key;
  }
  return out;
}

std::vector<std::string> SplitSpaces(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// The cut of text by code points [start, end), clamped.
std::string Cut(const std::string& text, const utf8::CpIndex& index, std::uint32_t start,
                std::uint32_t end) {
  const std::size_t n = index.size_cp();
  std::size_t s = std::min<std::size_t>(start, n), e = std::min<std::size_t>(end, n);
  if (e < s) e = s;
  std::size_t bs = index.ByteOffset(s), be = index.ByteOffset(e);
  return text.substr(bs, be - bs);
}

std::string QuoteFts(const std::string& term) {
  std::string out = "\"";
  for (char c : term) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

// Whether a document's words may back repair: repair looked at it, found
// no damage and changed nothing (repaired text would confirm its own
// guesses).
bool CountsAsEvidence(const Document& doc) {
  return doc.repair.ran && !doc.repair.damaged && doc.repair.edits.empty();
}

// Per-word changes of a batch, applied once at its end.
using WordDelta = std::unordered_map<std::string, std::int64_t>;

void SubtractWords(std::string_view text, WordDelta& delta) {
  WordDelta old;
  words::CountArabicWords(text, old);
  for (const auto& [w, n] : old) delta[w] -= n;
}

}  // namespace

std::string DateLow(std::string_view date) {
  std::string d(date);
  if (d.size() == 4) return d + "-00-00";
  if (d.size() == 7) return d + "-00";
  return d;
}

std::string DateHigh(std::string_view date) {
  std::string d(date);
  if (d.size() == 4) return d + "-99-99";
  if (d.size() == 7) return d + "-99";
  return d;
}

// ---------------------------------------------------------------------------

struct Store::Impl {
  std::unique_ptr<Db> db;
  Options options;
  std::size_t kill_after = 0;  // NUFUZ_STORE_KILL_AFTER, 0 = off
  std::size_t written = 0;     // documents written since Open

  Status LoadOrSaveMeta();
  Status Ingest(const std::vector<Item>& items, IngestStats& stats);
  Status RemoveDocument(std::int64_t key, std::set<std::int64_t>& stories,
                        std::vector<std::int64_t>& seeds, WordDelta& words);
  Status InsertDocument(const Document& doc, const json& analysis, const std::string& chash,
                        const std::string& ahash, bool counted, std::int64_t* key);
  Status ApplyWordDelta(const WordDelta& delta);
  Status LinkStory(std::int64_t key, const Signature& sig, const std::string& pub_day);
  Status Recluster(const std::vector<std::int64_t>& seeds, std::set<std::int64_t>& stories);
  Status MergeEvents(const std::set<std::int64_t>& stories);
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

int Store::schema_version() const {
  auto v = impl_->db->QueryInt("PRAGMA user_version");
  return v.ok() ? static_cast<int>(v.value()) : -1;
}

Result<std::unique_ptr<Store>> Store::Open(const std::filesystem::path& path, Options options) {
  auto db = Db::Open(path.string());
  if (!db.ok()) return db.status();
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(db.value());
  impl->options = std::move(options);
  Db& d = *impl->db;
  // WAL: readers do not block the writer; a commit is one append to the log.
  // synchronous=NORMAL keeps every commit across a process kill (a power
  // loss may drop the last commits but never corrupts).
  for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                             "PRAGMA foreign_keys=ON", "PRAGMA cache_size=-65536"}) {
    if (Status s = d.Exec(pragma); !s.ok()) return s;
  }
  if (Status s = Migrate(d); !s.ok()) return s;
  if (Status s = impl->LoadOrSaveMeta(); !s.ok()) return s;
  if (const char* k = std::getenv("NUFUZ_STORE_KILL_AFTER"); k && *k)
    impl->kill_after = static_cast<std::size_t>(std::strtoull(k, nullptr, 10));
  return std::make_unique<Store>(std::move(impl));
}

// The clustering parameters are part of the data (signatures and edges
// depend on them): the first Open records them, later Opens use the
// recorded ones.
Status Store::Impl::LoadOrSaveMeta() {
  const MinHashOptions& m = options.minhash;
  const std::pair<std::string, std::string> wanted[] = {
      {"minhash.shingle", std::to_string(m.shingle)},
      {"minhash.hashes", std::to_string(m.hashes)},
      {"minhash.bands", std::to_string(m.bands)},
      {"minhash.min_term_cps", std::to_string(m.min_term_cps)},
      {"story.threshold", std::to_string(options.story_threshold)},
      {"story.days", std::to_string(options.story_days)},
  };
  auto ins = db->Prepare("INSERT OR IGNORE INTO meta(key, value) VALUES(?, ?)");
  if (!ins.ok()) return ins.status();
  for (const auto& [k, v] : wanted)
    if (Status s = ins->Bind(1, k).Bind(2, v).Run(); !s.ok()) return s;
  auto sel = db->Prepare("SELECT key, value FROM meta");
  if (!sel.ok()) return sel.status();
  Status s;
  while (sel->Step(&s)) {
    std::string k = sel->Text(0), v = sel->Text(1);
    if (k == "minhash.shingle") options.minhash.shingle = std::atoi(v.c_str());
    if (k == "minhash.hashes") options.minhash.hashes = std::atoi(v.c_str());
    if (k == "minhash.bands") options.minhash.bands = std::atoi(v.c_str());
    if (k == "minhash.min_term_cps")
      options.minhash.min_term_cps = static_cast<std::size_t>(std::atoi(v.c_str()));
    if (k == "story.threshold") options.story_threshold = std::atof(v.c_str());
    if (k == "story.days") options.story_days = std::atoi(v.c_str());
  }
  if (options.minhash.bands <= 0 || options.minhash.hashes % options.minhash.bands != 0)
    return Status::Error(StatusCode::kDataError, db->path() + ": bad minhash parameters in meta");
  return s;
}

Result<IngestStats> Store::IngestBatch(const std::vector<const Document*>& docs) {
  std::vector<Item> items;
  items.reserve(docs.size());
  for (const Document* d : docs) items.push_back({d, json()});
  return IngestBatch(items);
}

Result<IngestStats> Store::IngestBatch(const std::vector<Item>& items) {
  IngestStats stats;
  Db& db = *impl_->db;
  if (Status s = db.Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  Status s = impl_->Ingest(items, stats);
  if (s.ok()) s = db.Exec("COMMIT");
  if (!s.ok()) {
    (void)db.Exec("ROLLBACK");
    return s;
  }
  return stats;
}

Status Store::Impl::Ingest(const std::vector<Item>& items, IngestStats& stats) {
  auto find =
      db->Prepare("SELECT key, content_hash, analysis_hash, counted FROM documents WHERE id = ?");
  if (!find.ok()) return find.status();
  auto mark = db->Prepare("UPDATE documents SET counted = ? WHERE key = ?");
  if (!mark.ok()) return mark.status();
  WordDelta words;                  // applied after the loop: one write per distinct word
  std::set<std::int64_t> stories;   // stories whose events must be re-merged
  std::vector<std::int64_t> seeds;  // documents whose story must be recomputed
  std::size_t done = 0;
  for (const Item& item : items) {
    const Document* doc = item.doc;
    if (!doc || doc->failed) {
      ++stats.skipped;
      continue;
    }
    json computed;
    const json* analysis = &item.analysis;
    if (item.analysis.is_null()) {
      computed = output::AnalyzeJson(*doc);
      analysis = &computed;
    }
    std::string content;
    for (const std::string* f : {&doc->text, &doc->title, &doc->source.url, &doc->source.outlet})
      content += *f + '\x1f';
    content += doc->published.value_or("");
    const std::string chash = Hash128(content);
    const std::string ahash = Hash128(analysis->dump());

    find->Reset();
    find->Bind(1, doc->id);
    Status st;
    std::int64_t old_key = 0;
    const bool counted = CountsAsEvidence(*doc);
    if (find->Step(&st)) {
      if (find->Text(1) == chash && find->Text(2) == ahash) {
        ++stats.unchanged;
        // Stored before schema 2, without a verdict: it has one now (the
        // stored text is this text: the content hash says so).
        if (find->IsNull(3)) {
          const std::int64_t key = find->Int(0);
          find->Reset();
          if (counted) {
            words::CountArabicWords(doc->text, words);
            ++stats.counted;
          }
          if (Status r = mark->Bind(1, counted ? 1 : 0).Bind(2, key).Run(); !r.ok()) return r;
        }
        continue;
      }
      old_key = find->Int(0);
    }
    if (!st.ok()) return st;
    find->Reset();
    if (old_key != 0) {
      if (Status r = RemoveDocument(old_key, stories, seeds, words); !r.ok()) return r;
      ++stats.replaced;
    } else {
      ++stats.added;
    }
    std::int64_t key = 0;
    if (Status r = InsertDocument(*doc, *analysis, chash, ahash, counted, &key); !r.ok())
      return Status::Error(r.code(), doc->id + ": " + r.message());
    if (counted) {
      words::CountArabicWords(doc->text, words);
      ++stats.counted;
    }
    seeds.push_back(key);
    ++done;
    ++written;
    if (options.after_document) options.after_document(done);
    if (kill_after > 0 && written >= kill_after) raise(SIGKILL);  // test hook
  }
  if (Status r = ApplyWordDelta(words); !r.ok()) return r;
  if (Status r = Recluster(seeds, stories); !r.ok()) return r;
  return MergeEvents(stories);
}

// Sorted, so the table's B-tree is written in key order.
Status Store::Impl::ApplyWordDelta(const WordDelta& delta) {
  std::vector<const WordDelta::value_type*> rows;
  rows.reserve(delta.size());
  for (const auto& row : delta)
    if (row.second != 0) rows.push_back(&row);
  if (rows.empty()) return Status::Ok();
  std::sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->first < b->first; });
  auto add = db->Prepare(
      "INSERT INTO word_counts(word, n) VALUES(?, ?) ON CONFLICT(word) DO UPDATE SET n = n + "
      "excluded.n");
  if (!add.ok()) return add.status();
  auto sub = db->Prepare("UPDATE word_counts SET n = n + ? WHERE word = ?");
  if (!sub.ok()) return sub.status();
  auto drop = db->Prepare("DELETE FROM word_counts WHERE word = ? AND n + ? <= 0");
  if (!drop.ok()) return drop.status();
  for (const auto* row : rows) {
    const auto& [w, d] = *row;
    if (d > 0) {
      if (Status s = add->Bind(1, w).Bind(2, d).Run(); !s.ok()) return s;
      continue;
    }
    // A count going down: the row goes when nothing is left (the table
    // holds no zero or negative count), else it is lowered.
    if (Status s = drop->Bind(1, w).Bind(2, d).Run(); !s.ok()) return s;
    if (Status s = sub->Bind(1, d).Bind(2, w).Run(); !s.ok()) return s;
  }
  return Status::Ok();
}

Status Store::Impl::RemoveDocument(std::int64_t key, std::set<std::int64_t>& stories,
                                   std::vector<std::int64_t>& seeds, WordDelta& words) {
  auto sel = db->Prepare("SELECT terms, story, counted, text FROM documents WHERE key = ?");
  if (!sel.ok()) return sel.status();
  sel->Bind(1, key);
  Status s;
  if (!sel->Step(&s)) return s;
  std::string terms = sel->Text(0);
  std::int64_t story = sel->IsNull(1) ? 0 : sel->Int(1);
  // Its words were counted from its stored text: take them back.
  if (!sel->IsNull(2) && sel->Int(2) == 1) SubtractWords(sel->Text(3), words);
  sel = Stmt();
  auto fts =
      db->Prepare("INSERT INTO documents_fts(documents_fts, rowid, terms) VALUES('delete', ?, ?)");
  if (!fts.ok()) return fts.status();
  if (Status r = fts->Bind(1, key).Bind(2, terms).Run(); !r.ok()) return r;
  // The rest of the old story may fall apart without this document.
  if (story != 0) {
    stories.insert(story);
    auto members = db->Prepare("SELECT key FROM documents WHERE story = ? AND key <> ?");
    if (!members.ok()) return members.status();
    members->Bind(1, story).Bind(2, key);
    while (members->Step(&s)) seeds.push_back(members->Int(0));
    if (!s.ok()) return s;
  }
  auto del = db->Prepare("DELETE FROM documents WHERE key = ?");
  if (!del.ok()) return del.status();
  if (Status r = del->Bind(1, key).Run(); !r.ok()) return r;
  // A seed that was this document is gone.
  seeds.erase(std::remove(seeds.begin(), seeds.end(), key), seeds.end());
  return Status::Ok();
}

Status Store::Impl::InsertDocument(const Document& doc, const json& a, const std::string& chash,
                                   const std::string& ahash, bool counted, std::int64_t* key) {
  const std::vector<Term> terms = IndexTerms(doc);
  const std::string term_text = JoinTerms(terms);
  const Signature sig = MinHash(terms, options.minhash);
  const std::string published = doc.published.value_or("");

  auto ins = db->Prepare(
      "INSERT INTO documents(id, path, url, outlet, format, published, published_low, "
      "published_high, title, content_hash, analysis_hash, text, terms, term_offsets, minhash, "
      "story, ingested_at, counted) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,?,?)");
  if (!ins.ok()) return ins.status();
  const std::string offsets = OffsetsBytes(terms), sigb = SignatureBytes(sig);
  ins->Bind(1, doc.id)
      .Bind(2, doc.source.path)
      .Bind(3, doc.source.url)
      .Bind(4, doc.source.outlet)
      .Bind(5, FormatName(doc.source.format))
      .BindOrNull(6, published)
      .Bind(7, published.empty() ? std::string() : DateLow(published))
      .Bind(8, published.empty() ? std::string("~") : DateHigh(published))
      .Bind(9, doc.title)
      .Bind(10, chash)
      .Bind(11, ahash)
      .Bind(12, doc.text)
      .Bind(13, term_text)
      .BindBlob(14, offsets.data(), offsets.size())
      .BindBlob(15, sigb.data(), sigb.size())
      .Bind(16, NowUtc())
      .Bind(17, counted ? 1 : 0);
  if (Status s = ins->Run(); !s.ok()) return s;
  *key = db->LastInsertRowid();

  auto fts = db->Prepare("INSERT INTO documents_fts(rowid, terms) VALUES(?, ?)");
  if (!fts.ok()) return fts.status();
  if (Status s = fts->Bind(1, *key).Bind(2, term_text).Run(); !s.ok()) return s;

  // Entities (merged by id) and their mentions.
  auto ent = db->Prepare(
      "INSERT INTO entities(id, type, name_en, name_ar, wikidata, attrs) VALUES(?,?,?,?,?,?) "
      "ON CONFLICT(id) DO UPDATE SET "
      "type = CASE WHEN entities.type = '' THEN excluded.type ELSE entities.type END, "
      "name_en = CASE WHEN entities.name_en = '' THEN excluded.name_en ELSE entities.name_en END, "
      "name_ar = CASE WHEN entities.name_ar = '' THEN excluded.name_ar ELSE entities.name_ar END, "
      "wikidata = CASE WHEN entities.wikidata = '' THEN excluded.wikidata "
      "ELSE entities.wikidata END, "
      "attrs = json_patch(excluded.attrs, entities.attrs)");
  auto men =
      db->Prepare("INSERT INTO mentions(doc, entity, start, end, surface) VALUES(?,?,?,?,?)");
  if (!ent.ok()) return ent.status();
  if (!men.ok()) return men.status();
  for (const json& e : Arr(a, "entities")) {
    const std::string id = Str(e, "id");
    if (id.empty()) continue;
    ent->Bind(1, id)
        .Bind(2, Str(e, "type"))
        .Bind(3, Str(e, "name_en"))
        .Bind(4, Str(e, "name_ar"))
        .Bind(5, Str(e, "wikidata"))
        .Bind(6, Obj(e, "attrs").dump());
    if (Status s = ent->Run(); !s.ok()) return s;
    for (const json& m : Arr(e, "mentions")) {
      men->Bind(1, *key)
          .Bind(2, id)
          .Bind(3, Int(m, "start"))
          .Bind(4, Int(m, "end"))
          .Bind(5, Str(m, "surface"));
      if (Status s = men->Run(); !s.ok()) return s;
    }
  }

  auto dat = db->Prepare(
      "INSERT INTO dates(doc, start, end, surface, value, anchor, attrs) VALUES(?,?,?,?,?,?,?)");
  if (!dat.ok()) return dat.status();
  for (const json& d : Arr(a, "dates")) {
    json rest = json::object();
    if (d.is_object())
      for (auto it = d.begin(); it != d.end(); ++it)
        if (it.key() != "start" && it.key() != "end" && it.key() != "surface" &&
            it.key() != "value" && it.key() != "anchor")
          rest[it.key()] = it.value();
    dat->Bind(1, *key)
        .Bind(2, Int(d, "start"))
        .Bind(3, Int(d, "end"))
        .Bind(4, Str(d, "surface"))
        .Bind(5, Str(d, "value"))
        .Bind(6, Str(d, "anchor"))
        .Bind(7, rest.dump());
    if (Status s = dat->Run(); !s.ok()) return s;
  }

  auto qty = db->Prepare(
      "INSERT INTO quantities(doc, start, end, surface, value, unit, kind) VALUES(?,?,?,?,?,?,?)");
  if (!qty.ok()) return qty.status();
  for (const json& q : Arr(a, "quantities")) {
    qty->Bind(1, *key)
        .Bind(2, Int(q, "start"))
        .Bind(3, Int(q, "end"))
        .Bind(4, Str(q, "surface"))
        .Bind(5, Str(q, "value"))
        .Bind(6, Str(q, "unit"))
        .Bind(7, Str(q, "kind"));
    if (Status s = qty->Run(); !s.ok()) return s;
  }

  // Events, each with its provenance (offsets and the evidence quote).
  auto evt = db->Prepare(
      "INSERT INTO doc_events(doc, local_id, event_key, cameo, cameo_root, plover, plover_mode, "
      "quad, goldstein, source, target, date, date_precision, location, quantity, modality, "
      "negated, confidence, ev_start, ev_end, quote, trig_start, trig_end) "
      "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!evt.ok()) return evt.status();
  const json& events = Arr(a, "events");
  utf8::CpIndex index;
  if (!events.empty()) index = utf8::CpIndex(doc.text);
  for (const json& e : events) {
    const std::string cameo = Str(e, "cameo");
    const std::string root = cameo.substr(0, std::min<std::size_t>(2, cameo.size()));
    const std::string source = Str(e, "source"), target = Str(e, "target");
    std::string date = Str(e, "date");
    if (date.empty()) date = published;
    const bool negated = Bool(e, "negated");
    const std::string ekey =
        root + '\x1f' + source + '\x1f' + target + '\x1f' + date + '\x1f' + (negated ? "1" : "0");
    const json& ev = Obj(e, "evidence");
    const json& tr = Obj(e, "trigger");
    const auto es = static_cast<std::uint32_t>(Int(ev, "start"));
    const auto ee = static_cast<std::uint32_t>(Int(ev, "end"));
    evt->Bind(1, *key)
        .Bind(2, Str(e, "id"))
        .Bind(3, ekey)
        .Bind(4, cameo)
        .Bind(5, root)
        .Bind(6, Str(e, "plover"))
        .Bind(7, Str(e, "plover_mode"))
        .Bind(8, Int(e, "quad"))
        .Bind(9, Num(e, "goldstein"))
        .Bind(10, source)
        .Bind(11, target)
        .Bind(12, date)
        .Bind(13, Str(e, "date_precision"))
        .Bind(14, Compact(e, "location"))
        .Bind(15, Compact(e, "quantity"))
        .Bind(16, Str(e, "modality"))
        .Bind(17, negated ? 1 : 0)
        .Bind(18, Num(e, "confidence"))
        .Bind(19, es)
        .Bind(20, ee)
        .Bind(21, Cut(doc.text, index, es, ee))
        .Bind(22, Int(tr, "start"))
        .Bind(23, Int(tr, "end"));
    if (Status s = evt->Run(); !s.ok()) return s;
  }

  return LinkStory(*key, sig, published);
}

// Adds the LSH rows of a new document and its edges to similar documents.
Status Store::Impl::LinkStory(std::int64_t key, const Signature& sig, const std::string& pub) {
  if (sig.empty()) return Status::Ok();
  const std::vector<std::uint64_t> bands = BandHashes(sig, options.minhash);
  auto find =
      db->Prepare("SELECT doc FROM lsh WHERE band = ? AND bucket = ? ORDER BY doc DESC LIMIT ?");
  auto ins = db->Prepare("INSERT OR IGNORE INTO lsh(band, bucket, doc) VALUES(?, ?, ?)");
  if (!find.ok()) return find.status();
  if (!ins.ok()) return ins.status();
  std::set<std::int64_t> candidates;
  Status s;
  for (std::size_t b = 0; b < bands.size(); ++b) {
    const auto bucket = static_cast<std::int64_t>(bands[b]);
    find->Bind(1, b).Bind(2, bucket).Bind(3, options.max_bucket);
    while (find->Step(&s)) candidates.insert(find->Int(0));
    if (!s.ok()) return s;
    find->Reset();
    if (Status r = ins->Bind(1, b).Bind(2, bucket).Bind(3, key).Run(); !r.ok()) return r;
  }
  candidates.erase(key);
  if (candidates.empty()) return Status::Ok();
  auto other = db->Prepare("SELECT minhash, published FROM documents WHERE key = ?");
  auto edge = db->Prepare("INSERT OR REPLACE INTO story_edges(a, b, similarity) VALUES(?, ?, ?)");
  if (!other.ok()) return other.status();
  if (!edge.ok()) return edge.status();
  const std::optional<long> day = DayNumber(pub);
  for (std::int64_t c : candidates) {
    other->Bind(1, c);
    if (!other->Step(&s)) {
      if (!s.ok()) return s;
      other->Reset();
      continue;
    }
    const double sim = EstimateJaccard(sig, SignatureFromBytes(other->Blob(0)));
    const std::optional<long> oday = DayNumber(other->Text(1));
    other->Reset();
    if (sim < options.story_threshold) continue;
    if (options.story_days > 0 && day && oday && std::labs(*day - *oday) > options.story_days)
      continue;
    edge->Bind(1, std::min(key, c)).Bind(2, std::max(key, c)).Bind(3, sim);
    if (Status r = edge->Run(); !r.ok()) return r;
  }
  return Status::Ok();
}

// Recomputes the story (connected component of story_edges) of every seed;
// a story's id is its lowest document key. Collects old and new story ids.
Status Store::Impl::Recluster(const std::vector<std::int64_t>& seeds,
                              std::set<std::int64_t>& stories) {
  auto nb = db->Prepare(
      "SELECT b FROM story_edges WHERE a = ?1 UNION SELECT a FROM story_edges WHERE b = ?1");
  auto get = db->Prepare("SELECT story FROM documents WHERE key = ?");
  auto set = db->Prepare("UPDATE documents SET story = ? WHERE key = ?");
  if (!nb.ok()) return nb.status();
  if (!get.ok()) return get.status();
  if (!set.ok()) return set.status();
  std::unordered_set<std::int64_t> visited;
  Status s;
  for (std::int64_t seed : seeds) {
    if (visited.count(seed)) continue;
    std::vector<std::int64_t> comp{seed}, stack{seed};
    visited.insert(seed);
    while (!stack.empty()) {
      std::int64_t k = stack.back();
      stack.pop_back();
      nb->Bind(1, k);
      while (nb->Step(&s)) {
        std::int64_t n = nb->Int(0);
        if (visited.insert(n).second) {
          comp.push_back(n);
          stack.push_back(n);
        }
      }
      if (!s.ok()) return s;
      nb->Reset();
    }
    const std::int64_t id = *std::min_element(comp.begin(), comp.end());
    stories.insert(id);
    for (std::int64_t k : comp) {
      get->Bind(1, k);
      if (get->Step(&s) && !get->IsNull(0)) {
        const std::int64_t old = get->Int(0);
        stories.insert(old);
        if (old == id) {
          get->Reset();
          continue;
        }
      }
      if (!s.ok()) return s;
      get->Reset();
      if (Status r = set->Bind(1, id).Bind(2, k).Run(); !r.ok()) return r;
    }
  }
  return Status::Ok();
}

// Rebuilds the merged events of the given stories from their articles' events.
Status Store::Impl::MergeEvents(const std::set<std::int64_t>& stories) {
  auto del = db->Prepare("DELETE FROM events WHERE story = ?");
  auto sel = db->Prepare(
      "SELECT e.event_key, e.cameo, e.cameo_root, e.plover, e.plover_mode, e.quad, e.goldstein, "
      "e.confidence, e.source, e.target, e.date, e.location, e.modality, e.negated, d.id, "
      "d.outlet FROM doc_events e JOIN documents d ON d.key = e.doc WHERE d.story = ? "
      "ORDER BY e.event_key, e.confidence DESC, d.id, e.ev_start");
  auto ins = db->Prepare(
      "INSERT INTO events(story, event_key, cameo, cameo_root, plover, plover_mode, quad, "
      "goldstein, confidence, source, target, date, location, modality, negated, num_articles, "
      "num_sources) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!del.ok()) return del.status();
  if (!sel.ok()) return sel.status();
  if (!ins.ok()) return ins.status();
  Status s;
  for (std::int64_t story : stories) {
    if (Status r = del->Bind(1, story).Run(); !r.ok()) return r;
    sel->Bind(1, story);
    std::string current;
    std::set<std::string> docs, outlets;
    bool have = false;
    auto flush = [&]() -> Status {
      if (!have) return Status::Ok();
      ins->Bind(16, docs.size()).Bind(17, outlets.size());
      Status r = ins->Run();
      ins->Reset();
      return r;
    };
    while (sel->Step(&s)) {
      std::string ekey = sel->Text(0);
      if (!have || ekey != current) {
        if (Status r = flush(); !r.ok()) return r;
        // The first row of a group is its most confident report.
        ins->Bind(1, story).Bind(2, ekey);
        for (int c = 1; c <= 13; ++c) {
          if (c == 5) {
            ins->Bind(c + 2, sel->Int(c));
          } else if (c == 6 || c == 7) {
            ins->Bind(c + 2, sel->Double(c));
          } else if (c == 13) {
            ins->Bind(c + 2, sel->Int(c));
          } else {
            ins->Bind(c + 2, sel->Text(c));
          }
        }
        docs.clear();
        outlets.clear();
        current = ekey;
        have = true;
      }
      const std::string id = sel->Text(14), outlet = sel->Text(15);
      docs.insert(id);
      outlets.insert(outlet.empty() ? "\x1f" + id : outlet);
    }
    if (!s.ok()) return s;
    sel->Reset();
    if (Status r = flush(); !r.ok()) return r;
  }
  return Status::Ok();
}

// ---------------------------------------------------------------------------

Result<std::vector<Story>> Store::Stories(std::size_t min_articles) {
  Db& db = *impl_->db;
  auto sel = db.Prepare(
      "SELECT story, id, outlet, url, COALESCE(published, ''), title FROM documents "
      "WHERE story IS NOT NULL ORDER BY story, published_low, id");
  if (!sel.ok()) return sel.status();
  std::vector<Story> out;
  Status s;
  while (sel->Step(&s)) {
    const std::int64_t id = sel->Int(0);
    if (out.empty() || out.back().id != id) {
      out.emplace_back();
      out.back().id = id;
    }
    out.back().articles.push_back(
        {sel->Text(1), sel->Text(2), sel->Text(3), sel->Text(4), sel->Text(5)});
  }
  if (!s.ok()) return s;
  auto nev = db.Prepare("SELECT COUNT(*) FROM events WHERE story = ?");
  if (!nev.ok()) return nev.status();
  std::vector<Story> kept;
  for (Story& st : out) {
    if (st.articles.size() < min_articles) continue;
    std::set<std::string> outlets;
    for (const auto& a : st.articles) {
      outlets.insert(a.outlet.empty() ? "\x1f" + a.doc : a.outlet);
      if (!a.published.empty()) {
        if (st.first_published.empty() || a.published < st.first_published)
          st.first_published = a.published;
        if (a.published > st.last_published) st.last_published = a.published;
      }
    }
    st.num_outlets = outlets.size();
    nev->Bind(1, st.id);
    if (nev->Step(&s)) st.num_events = static_cast<std::size_t>(nev->Int(0));
    if (!s.ok()) return s;
    nev->Reset();
    kept.push_back(std::move(st));
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Story& a, const Story& b) {
    return a.articles.size() > b.articles.size();
  });
  return kept;
}

Result<std::vector<StoredEvent>> Store::Events(std::int64_t story) {
  Db& db = *impl_->db;
  auto sel = db.Prepare(
      "SELECT story, event_key, cameo, cameo_root, plover, plover_mode, quad, goldstein, "
      "confidence, source, target, date, location, modality, negated, num_articles, num_sources "
      "FROM events WHERE ?1 = 0 OR story = ?1 ORDER BY date, story, event_key");
  auto ev = db.Prepare(
      "SELECT d.id, e.ev_start, e.ev_end, e.quote FROM doc_events e "
      "JOIN documents d ON d.key = e.doc WHERE d.story = ? AND e.event_key = ? "
      "ORDER BY e.confidence DESC, d.id, e.ev_start");
  if (!sel.ok()) return sel.status();
  if (!ev.ok()) return ev.status();
  sel->Bind(1, story);
  std::vector<StoredEvent> out;
  Status s;
  while (sel->Step(&s)) {
    StoredEvent e;
    e.story = sel->Int(0);
    const std::string ekey = sel->Text(1);
    e.cameo = sel->Text(2);
    e.cameo_root = sel->Text(3);
    e.plover = sel->Text(4);
    e.plover_mode = sel->Text(5);
    e.quad = static_cast<int>(sel->Int(6));
    e.goldstein = sel->Double(7);
    e.confidence = sel->Double(8);
    e.source = sel->Text(9);
    e.target = sel->Text(10);
    e.date = sel->Text(11);
    e.location = sel->Text(12);
    e.modality = sel->Text(13);
    e.negated = sel->Int(14) != 0;
    e.num_articles = static_cast<int>(sel->Int(15));
    e.num_sources = static_cast<int>(sel->Int(16));
    ev->Bind(1, e.story).Bind(2, ekey);
    while (ev->Step(&s))
      e.evidence.push_back({ev->Text(0), static_cast<std::uint32_t>(ev->Int(1)),
                            static_cast<std::uint32_t>(ev->Int(2)), ev->Text(3)});
    if (!s.ok()) return s;
    ev->Reset();
    out.push_back(std::move(e));
  }
  if (!s.ok()) return s;
  return out;
}

namespace {

// The snippet of a hit: the window of `kWindow` terms holding the most
// distinct query terms, cut from the stored text, matched terms marked.
std::string MakeSnippet(const std::string& text, const std::string& terms_text,
                        const std::string& offsets, const std::set<std::string>& query,
                        const Query& q) {
  constexpr std::size_t kWindow = 24;
  const std::vector<std::string> terms = SplitSpaces(terms_text);
  const std::size_t n = std::min(terms.size(), offsets.size() / 8);
  if (n == 0) return {};
  std::vector<bool> match(n, false);
  for (std::size_t i = 0; i < n; ++i) match[i] = query.count(terms[i]) > 0;
  // Sliding window maximising the number of matched positions (distinct
  // terms would need a map per window; positions are a good proxy).
  std::size_t best = 0, best_count = 0, count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    count += match[i];
    if (i >= kWindow) count -= match[i - kWindow];
    if (count > best_count) {
      best_count = count;
      best = i + 1 >= kWindow ? i + 1 - kWindow : 0;
    }
  }
  // Start a few terms before the first match of the window for context.
  const std::size_t end = std::min(n, best + kWindow);
  std::string out;
  if (best > 0) out += "… ";
  std::size_t pos = GetU32(offsets, best * 8);
  for (std::size_t i = best; i < end; ++i) {
    const std::size_t bs = GetU32(offsets, i * 8), be = GetU32(offsets, i * 8 + 4);
    if (bs < pos || be > text.size() || be < bs) break;  // defensive: stale offsets
    out.append(text, pos, bs - pos);
    if (match[i]) out += q.mark_open;
    out.append(text, bs, be - bs);
    if (match[i]) out += q.mark_close;
    pos = be;
  }
  if (end < n) out += " …";
  // One line.
  for (char& c : out)
    if (c == '\n' || c == '\t') c = ' ';
  return out;
}

}  // namespace

Result<std::vector<Hit>> Store::Search(const Query& q, const text::Lexicon& lexicon) {
  Db& db = *impl_->db;
  Document qdoc;
  qdoc.text = q.text;
  text::Tokenize(qdoc, lexicon);
  std::set<std::string> terms;
  std::string match;
  for (const Term& t : IndexTerms(qdoc)) {
    if (!terms.insert(t.key).second) continue;
    if (!match.empty()) match += " AND ";
    match += QuoteFts(t.key);
  }
  std::string sql =
      "SELECT d.key, d.id, d.title, d.outlet, d.url, COALESCE(d.published, ''), "
      "COALESCE(d.story, 0), d.text, d.terms, d.term_offsets, ";
  sql += match.empty() ? "0.0 FROM documents d WHERE 1"
                       : "bm25(documents_fts) FROM documents_fts JOIN documents d "
                         "ON d.key = documents_fts.rowid WHERE documents_fts MATCH ?1";
  if (!q.from.empty()) sql += " AND d.published_high >= ?2";
  if (!q.to.empty()) sql += " AND d.published_low <= ?3 AND d.published_low <> ''";
  if (!q.actor.empty())
    sql +=
        " AND (EXISTS(SELECT 1 FROM mentions m WHERE m.doc = d.key AND m.entity = ?4) OR "
        "EXISTS(SELECT 1 FROM doc_events e WHERE e.doc = d.key AND (e.source = ?4 OR "
        "e.target = ?4)))";
  if (!q.event.empty())
    sql +=
        " AND EXISTS(SELECT 1 FROM doc_events e WHERE e.doc = d.key AND "
        "substr(e.cameo, 1, length(?5)) = ?5)";
  sql += match.empty() ? " ORDER BY d.published_low DESC, d.id" : " ORDER BY 11, d.id";
  sql += " LIMIT ?6";
  auto sel = db.Prepare(sql);
  if (!sel.ok()) return sel.status();
  if (!match.empty()) sel->Bind(1, match);
  if (!q.from.empty()) sel->Bind(2, DateLow(q.from));
  if (!q.to.empty()) sel->Bind(3, DateHigh(q.to));
  if (!q.actor.empty()) sel->Bind(4, q.actor);
  if (!q.event.empty()) sel->Bind(5, q.event);
  sel->Bind(6, q.limit);
  auto dates = db.Prepare(
      "SELECT value FROM dates WHERE doc = ? AND value <> '' GROUP BY value ORDER BY MIN(start)");
  if (!dates.ok()) return dates.status();
  std::vector<Hit> out;
  Status s;
  while (sel->Step(&s)) {
    Hit h;
    const std::int64_t key = sel->Int(0);
    h.doc = sel->Text(1);
    h.title = sel->Text(2);
    h.outlet = sel->Text(3);
    h.url = sel->Text(4);
    h.published = sel->Text(5);
    h.story = sel->Int(6);
    h.score = sel->Double(10);
    h.snippet = MakeSnippet(sel->Text(7), sel->Text(8), sel->Blob(9), terms, q);
    dates->Bind(1, key);
    while (dates->Step(&s)) h.dates.push_back(dates->Text(0));
    dates->Reset();
    out.push_back(std::move(h));
  }
  if (!s.ok()) return s;
  return out;
}

namespace {

// The sentence of `text` around code points [start, end): from the previous
// sentence stop or line break to the next one.
std::string SentenceAround(const std::string& text, std::uint32_t start, std::uint32_t end) {
  utf8::CpIndex index(text);
  std::size_t b = index.ByteOffset(start), e = index.ByteOffset(end);
  auto stop = [](char c) { return c == '.' || c == '\n' || c == '!' || c == '?'; };
  auto arabic_stop = [&](std::size_t i) {  // ؟ (D8 9F) and ؛ (D8 9B)
    return i + 1 < text.size() && static_cast<unsigned char>(text[i]) == 0xD8 &&
           (static_cast<unsigned char>(text[i + 1]) == 0x9F ||
            static_cast<unsigned char>(text[i + 1]) == 0x9B);
  };
  while (b > 0 && !stop(text[b - 1]) && !(b >= 2 && arabic_stop(b - 2))) --b;
  while (e < text.size() && !stop(text[e]) && !arabic_stop(e)) ++e;
  if (e < text.size() && text[e] != '\n') e += arabic_stop(e) ? 2 : 1;
  std::string out = text.substr(b, e - b);
  const std::size_t first = out.find_first_not_of(" \t");
  return first == std::string::npos ? std::string() : out.substr(first);
}

}  // namespace

Result<std::vector<StoredFigure>> Store::Figures(std::size_t limit) {
  Db& db = *impl_->db;
  // A quantity's index within its document (span order) is what an event's
  // `quantity` field refers to.
  auto st = db.Prepare(
      "WITH q AS (SELECT rowid AS rid, doc, start, end, surface, value, unit, kind, "
      "  ROW_NUMBER() OVER (PARTITION BY doc ORDER BY rowid) - 1 AS idx FROM quantities) "
      "SELECT d.id, COALESCE(d.published, ''), q.start, q.end, q.surface, q.value, q.unit, q.kind, "
      "  d.text, COALESCE(e.source, ''), COALESCE(e.target, ''), COALESCE(e.cameo, ''), "
      "  COALESCE(e.date, '') "
      "FROM q JOIN documents d ON d.key = q.doc "
      "LEFT JOIN doc_events e ON e.doc = q.doc AND e.quantity = CAST(q.idx AS TEXT) "
      "WHERE q.kind IN ('money', 'count') "
      "GROUP BY q.rid ORDER BY d.published_low, d.id, q.start LIMIT ?");
  if (!st.ok()) return st.status();
  st->Bind(1, limit);
  std::vector<StoredFigure> out;
  Status s;
  while (st->Step(&s)) {
    StoredFigure f;
    f.doc = st->Text(0);
    f.published = st->Text(1);
    f.surface = st->Text(4);
    f.value = std::strtod(st->Text(5).c_str(), nullptr);
    f.unit = st->Text(6);
    f.kind = st->Text(7);
    f.quote = SentenceAround(st->Text(8), static_cast<std::uint32_t>(st->Int(2)),
                             static_cast<std::uint32_t>(st->Int(3)));
    f.source = st->Text(9);
    f.target = st->Text(10);
    f.cameo = st->Text(11);
    f.date = st->Text(12);
    out.push_back(std::move(f));
  }
  if (!s.ok()) return s;
  return out;
}

Result<std::map<std::string, std::string>> Store::EntityCountries() {
  auto st = impl_->db->Prepare("SELECT id, attrs FROM entities WHERE attrs LIKE '%\"country\"%'");
  if (!st.ok()) return st.status();
  std::map<std::string, std::string> out;
  Status s;
  while (st->Step(&s)) {
    auto attrs = nlohmann::json::parse(st->Text(1), nullptr, false);
    if (attrs.is_object() && attrs.contains("country") && attrs["country"].is_string())
      out[st->Text(0)] = attrs["country"].get<std::string>();
  }
  if (!s.ok()) return s;
  return out;
}

Result<CorpusCounts> Store::Counts() {
  Db& db = *impl_->db;
  CorpusCounts c;
  auto docs = db.QueryInt("SELECT COUNT(*) FROM documents");
  if (!docs.ok()) return docs.status();
  c.documents = *docs;
  auto events = db.QueryInt("SELECT COUNT(*) FROM events");
  if (!events.ok()) return events.status();
  c.events = *events;
  auto stories = db.QueryInt("SELECT COUNT(DISTINCT story) FROM documents WHERE story IS NOT NULL");
  if (!stories.ok()) return stories.status();
  c.stories = *stories;
  auto st = db.Prepare(
      "SELECT COALESCE(MIN(published), ''), COALESCE(MAX(published), '') FROM documents "
      "WHERE published IS NOT NULL AND published != ''");
  if (!st.ok()) return st.status();
  Status s;
  if (st->Step(&s)) {
    c.first_published = st->Text(0);
    c.last_published = st->Text(1);
  }
  if (!s.ok()) return s;
  return c;
}

namespace {

Result<WordCountList> SelectWordCounts(Db& db) {
  auto st = db.Prepare("SELECT word, n FROM word_counts ORDER BY word");
  if (!st.ok()) return st.status();
  WordCountList out;
  Status s;
  while (st->Step(&s)) out.emplace_back(st->Text(0), static_cast<std::uint64_t>(st->Int(1)));
  if (!s.ok()) return s;
  return out;
}

}  // namespace

Result<WordCountList> Store::WordCounts() {
  return SelectWordCounts(*impl_->db);
}

Result<bool> IsSqliteFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(StatusCode::kIoError, path.string() + ": cannot read");
  static constexpr char kHeader[16] = {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f',
                                       'o', 'r', 'm', 'a', 't', ' ', '3', '\0'};
  char head[16] = {};
  in.read(head, sizeof head);
  return in.gcount() == sizeof head && std::equal(head, head + sizeof head, kHeader);
}

Result<WordCountList> ReadWordCounts(const std::filesystem::path& path) {
  auto db = Db::Open(path.string(), /*read_only=*/true);
  if (!db.ok()) return db.status();
  auto v = (*db)->QueryInt("PRAGMA user_version");
  if (!v.ok()) return v.status();
  if (*v > kSchemaVersion)
    return Status::Error(StatusCode::kUnsupported, path.string() + ": schema version " +
                                                       std::to_string(*v) +
                                                       " is newer than this nufuz understands (" +
                                                       std::to_string(kSchemaVersion) + ")");
  if (*v < 2) return WordCountList();  // schema 1 kept no word counts
  return SelectWordCounts(**db);
}

Result<std::int64_t> Store::DocumentCount() {
  return impl_->db->QueryInt("SELECT COUNT(*) FROM documents");
}

Result<std::string> Store::Dump() {
  Db& db = *impl_->db;
  std::vector<std::string> lines;
  Status s;
  // Stories are named by their sorted member ids (internal keys differ
  // between databases holding the same facts).
  std::unordered_map<std::int64_t, std::string> story_name;
  {
    auto st =
        db.Prepare("SELECT story, id FROM documents WHERE story IS NOT NULL ORDER BY story, id");
    if (!st.ok()) return st.status();
    while (st->Step(&s)) {
      std::string& n = story_name[st->Int(0)];
      if (!n.empty()) n += ",";
      n += st->Text(1);
    }
    if (!s.ok()) return s;
  }
  auto add = [&](const std::string& prefix, const std::string& sql) -> Status {
    auto st = db.Prepare(sql);
    if (!st.ok()) return st.status();
    const int cols = sqlite3_column_count(st->raw());
    Status r;
    while (st->Step(&r)) {
      std::string line = prefix;
      for (int c = 0; c < cols; ++c) {
        line += '\t';
        std::string name = sqlite3_column_name(st->raw(), c);
        if (name == "story") {
          auto it = story_name.find(st->Int(c));
          line += it == story_name.end() ? "" : it->second;
        } else {
          line += st->Text(c);
        }
      }
      lines.push_back(std::move(line));
    }
    return r;
  };
  const std::pair<const char*, const char*> queries[] = {
      {"doc",
       "SELECT id, path, url, outlet, format, published, title, content_hash, analysis_hash, "
       "terms, hex(term_offsets), hex(minhash), story, counted FROM documents"},
      {"word", "SELECT word, n FROM word_counts"},
      {"entity", "SELECT id, type, name_en, name_ar, wikidata, attrs FROM entities"},
      {"mention",
       "SELECT d.id, m.entity, m.start, m.end, m.surface FROM mentions m "
       "JOIN documents d ON d.key = m.doc"},
      {"date",
       "SELECT d.id, x.start, x.end, x.surface, x.value, x.anchor, x.attrs FROM dates x "
       "JOIN documents d ON d.key = x.doc"},
      {"quantity",
       "SELECT d.id, x.start, x.end, x.surface, x.value, x.unit, x.kind FROM quantities x "
       "JOIN documents d ON d.key = x.doc"},
      {"doc_event",
       "SELECT d.id, x.local_id, x.event_key, x.cameo, x.plover, x.plover_mode, x.quad, "
       "x.goldstein, x.source, x.target, x.date, x.date_precision, x.location, x.quantity, "
       "x.modality, x.negated, x.confidence, x.ev_start, x.ev_end, x.quote, x.trig_start, "
       "x.trig_end FROM doc_events x JOIN documents d ON d.key = x.doc"},
      {"event",
       "SELECT story, event_key, cameo, plover, plover_mode, quad, goldstein, confidence, "
       "source, target, date, location, modality, negated, num_articles, num_sources "
       "FROM events"},
      {"edge",
       "SELECT min(x.id, y.id), max(x.id, y.id), e.similarity FROM story_edges e JOIN documents x "
       "ON x.key = e.a "
       "JOIN documents y ON y.key = e.b"},
      {"lsh", "SELECT d.id, l.band, l.bucket FROM lsh l JOIN documents d ON d.key = l.doc"},
  };
  for (const auto& [prefix, sql] : queries)
    if (Status r = add(prefix, sql); !r.ok()) return r;
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

}  // namespace nufuz::store
