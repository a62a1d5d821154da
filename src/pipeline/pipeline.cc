#include "pipeline/pipeline.h"

#include "core/data.h"

namespace nufuz {

Result<std::unique_ptr<Pipeline>> Pipeline::Load(const PipelineOptions& options) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  p->options_ = options;
  const auto dir = DataDir(options.data_dir);
  auto html = ingest::HtmlLexicon::Load(dir);
  if (!html.ok()) return html.status();
  p->options_.ingest.html_lexicon = std::move(html.value());
  auto clean = clean::Lexicon::Load(dir);
  if (!clean.ok()) return clean.status();
  p->clean_ = std::move(clean.value());
  if (options.repair != repair::Mode::kOff) {
    auto model = repair::Model::Load(dir);
    if (!model.ok()) return model.status();
    p->repair_ = std::move(model.value());
  }
  if (options.tokenize) {
    auto lex = text::Lexicon::Load(dir);
    if (!lex.ok()) return lex.status();
    p->text_ = std::move(lex.value());
  }
  return p;
}

void Pipeline::Process(Document& doc) const {
  if (doc.failed) return;
  clean::Clean(doc, *clean_, options_.clean);
  if (repair_) repair::Repair(doc, *repair_, options_.repair);
  if (text_) text::Tokenize(doc, *text_);
}

}  // namespace nufuz
