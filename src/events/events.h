// events/events.h: who did what to whom, coded in CAMEO and PLOVER.
//
// Contract
// - Reads: Document::text, tokens, sentences, published; ENTITY spans (attr
//   "entity" = id) with Document::entities; DATE spans (attr value
//   "YYYY[-MM[-DD]]"); QUANTITY spans. Run(const Document&) adds nothing to
//   the Document; Run(Document&) may add the state a city stands for to
//   Document::entities (no mentions). Run() returns the events (see the proposed Document::events
//   field in docs/events.md).
// - Triggers are Arabic verbs and verbal nouns listed in
//   data/lexicon/events.tsv, looked up by hash of the token's stem (and of a
//   few clitic-stripped variants of its key); conjugated verb forms are
//   derived from the perfect and imperfect listed there when loading.
//   Codes, Goldstein values, QuadClass, PLOVER types come from
//   data/lexicon/cameo.tsv; function words (negation, modality, prepositions,
//   complementizers) from data/lexicon/event_markers.tsv; CAMEO country codes
//   from data/gazetteer/countries.tsv (iso3). All are loaded once, validated
//   (a bad row is a kDataError naming file and line) and frozen.
// - Per sentence: trigger -> source and target among the sentence's entity
//   mentions (VSO, SVO, nouns with a genitive or nisba actor, prepositions,
//   passive "من قبل", "بين X و Y", coordination: one event per actor pair),
//   reported speech ("قال X إن ...": a statement by X, and the embedded
//   events attributed to X when their subject is X, X's country or absent),
//   negation and modality (future, intent, possibility, hypothesis), date,
//   location, quantity, evidence and trigger spans, confidence.
// - Linear in the number of tokens (every search window is bounded).
//   EventCoder is immutable after Load and may be shared across threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace nufuz::events {

// One coded event. Core-compatible (std types only) so that it can move to
// core/document.h as Document::events.
// The Event record lives in core/document.h (Document::events).
using nufuz::Event;

class EventCoder {
 public:
  // Loads data_dir/lexicon/{events,cameo,event_markers}.tsv and
  // data_dir/gazetteer/countries.tsv (optional: without it actor country
  // codes come only from entity attrs "iso3").
  static Result<std::shared_ptr<const EventCoder>> Load(const std::filesystem::path& data_dir);
  // Codes the events of a tokenised document. Never fails: a document
  // without tokens, sentences or entities yields no events.
  std::vector<Event> Run(const Document& doc) const;
  // (round C) As above, and a city or capital that stands for a state the
  // document does not name adds that state to doc.entities when an event
  // takes it as an actor (docs/events.md, "Cities for their states"). The
  // pipeline's non-const document picks this overload.
  std::vector<Event> Run(Document& doc) const;

  // Lexicon facts, for tests and docs.
  std::size_t trigger_rows() const;
  std::size_t trigger_forms() const;
  // The CAMEO name of a code, or empty.
  std::string CodeName(const std::string& code) const;

  struct Impl;
  const Impl& impl() const { return *impl_; }
  // (round C) The ids of the entities with a mention that begins with an
  // event word (a word the entity stage took for a name after a title).
  std::unordered_set<std::string> EventWordNamed(const Document& doc) const;
  explicit EventCoder(std::unique_ptr<Impl> impl);
  ~EventCoder();

 private:
  std::unique_ptr<Impl> impl_;
};

// The analyze contract's "events" array (docs/events.md).
nlohmann::json EventsJson(const Document& doc, const std::vector<Event>& events);

// Number of columns of a GDELT 2.0 event row.
inline constexpr int kGdeltColumns = 61;
// One tab-separated GDELT 2.0 event row per event (61 columns, empty cells
// where nothing applies; no header), each ending in '\n'. `coder` supplies
// CAMEO country codes; may be null (then only entity attrs are used).
std::string GdeltRows(const Document& doc, const std::vector<Event>& events,
                      const EventCoder* coder = nullptr);
// The 61 column names, tab-separated (for a header line).
std::string GdeltHeader();

}  // namespace nufuz::events
