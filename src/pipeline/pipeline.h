// pipeline/pipeline.h: composes the stages in their fixed order.
//
// Contract
// - Pipeline::Load reads every data resource once (data/ and the system
//   word lists) and freezes them; a loaded Pipeline is immutable and may be
//   shared by threads, each processing its own Documents.
// - Process(doc) runs, on a document ingest produced: clean -> repair ->
//   text (tokens, sentences) -> extract (entities, dates, quantities) ->
//   events (CAMEO/PLOVER) when options.extract. A failed document is left untouched.
// - Stages depend only on stages to their left; nothing reaches back.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "clean/clean.h"
#include "core/document.h"
#include "core/status.h"
#include "events/events.h"
#include "extract/dates.h"
#include "extract/entities.h"
#include "extract/quantities.h"
#include "ingest/ingest.h"
#include "repair/repair.h"
#include "text/text.h"

namespace nufuz {

struct PipelineOptions {
  std::string data_dir;    // empty: DataDir() decides
  ingest::Options ingest;  // size limit, leniency
  clean::Options clean;    // furniture removal on/off
  repair::Mode repair = repair::Mode::kAuto;
  repair::Options repair_options;  // e.g. punctuation moving on/off
  std::string repair_corpus;       // clean text whose word counts back repair (empty: none)
  // More word counts backing repair (repair::LoadOptions::word_counts): the
  // CLI fills them from a knowledge base.
  std::vector<std::pair<std::string, std::uint64_t>> repair_word_counts;
  bool tokenize = true;  // false: stop after repair
  bool extract = false;  // entities, dates, quantities (implies tokenize)
};

class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> Load(const PipelineOptions& options);
  void Process(Document& doc) const;
  // The tokeniser's lexicon (for normalising queries), or null without it.
  const text::Lexicon* text_lexicon() const { return text_.get(); }
  // The event coder (for GDELT country codes), or null without extract.
  const events::EventCoder* event_coder() const { return events_.get(); }
  // The options as loaded (ingest options carry the loaded HTML lexicon:
  // build DocumentStreams from these), without repair_word_counts, which
  // live on in the repair model only.
  const PipelineOptions& options() const { return options_; }

 private:
  Pipeline() = default;
  PipelineOptions options_;
  std::shared_ptr<const clean::Lexicon> clean_;
  std::shared_ptr<const repair::Model> repair_;
  std::shared_ptr<const text::Lexicon> text_;
  std::shared_ptr<const extract::EntityExtractor> entities_;
  std::shared_ptr<const extract::DateExtractor> dates_;
  std::shared_ptr<const extract::QuantityExtractor> quantities_;
  std::shared_ptr<const events::EventCoder> events_;
};

}  // namespace nufuz
