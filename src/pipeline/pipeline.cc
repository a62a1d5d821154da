#include "pipeline/pipeline.h"

#include "core/data.h"
#include "extract/forms.h"

namespace nufuz {

Result<std::unique_ptr<Pipeline>> Pipeline::Load(const PipelineOptions& options) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  p->options_ = options;
  // The counts live on in the repair model only (a knowledge base's can be
  // large); the model reads them from `options`.
  p->options_.repair_word_counts = {};
  const auto dir = DataDir(options.data_dir);
  auto html = ingest::HtmlLexicon::Load(dir);
  if (!html.ok()) return html.status();
  p->options_.ingest.html_lexicon = std::move(html.value());
  auto clean = clean::Lexicon::Load(dir);
  if (!clean.ok()) return clean.status();
  p->clean_ = std::move(clean.value());
  if (options.repair != repair::Mode::kOff) {
    auto model = repair::Model::Load(
        dir, {.corpus = options.repair_corpus, .word_counts = options.repair_word_counts});
    if (!model.ok()) return model.status();
    p->repair_ = std::move(model.value());
  }
  if (options.tokenize) {
    auto lex = text::Lexicon::Load(dir);
    if (!lex.ok()) return lex.status();
    p->text_ = std::move(lex.value());
  }
  if (options.extract && p->text_) {
    auto entities = extract::EntityExtractor::Load(dir, p->text_);
    if (!entities.ok()) return entities.status();
    p->entities_ = std::move(entities.value());
    auto dates = extract::DateExtractor::Load(dir);
    if (!dates.ok()) return dates.status();
    p->dates_ = std::move(dates.value());
    auto quantities = extract::QuantityExtractor::Load(dir);
    if (!quantities.ok()) return quantities.status();
    p->quantities_ = std::move(quantities.value());
    auto coder = events::EventCoder::Load(dir);
    if (!coder.ok()) return coder.status();
    p->events_ = std::move(coder.value());
  }
  return p;
}

void Pipeline::Process(Document& doc) const {
  if (doc.failed) return;
  clean::Clean(doc, *clean_, options_.clean);
  if (repair_) repair::Repair(doc, *repair_, options_.repair, options_.repair_options);
  if (text_) text::Tokenize(doc, *text_);
  if (entities_ || dates_ || quantities_) {
    // Word forms are computed once for all extractors.
    const extract::DocForms forms(doc);
    if (entities_) entities_->Run(doc, forms);
    if (dates_) dates_->Run(doc, forms);
    if (quantities_) quantities_->Run(doc, forms);
  }
  if (events_) doc.events = events_->Run(doc);
}

}  // namespace nufuz
