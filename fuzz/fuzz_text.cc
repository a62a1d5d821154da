// Fuzz target: arbitrary bytes through ingest (format detected by content,
// so text, HTML, JSON Lines and PDF parsers are all reached), clean, repair
// (forced on, so the repair code runs on every input), tokenise, extraction
// (entities, dates, quantities), events, and both JSON outputs (the Document
// and the analyze contract). Checks the offset invariants every output
// relies on.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/json.h"
#include "core/utf8.h"
#include "output/analyze.h"
#include "pipeline/pipeline.h"

namespace {

const nufuz::Pipeline& GetPipeline() {
  static std::unique_ptr<nufuz::Pipeline> p = [] {
    nufuz::PipelineOptions o;
    o.repair = nufuz::repair::Mode::kOn;
    o.extract = true;
    o.ingest.max_bytes = 1 << 20;
    auto r = nufuz::Pipeline::Load(o);
    if (!r.ok()) std::abort();
    return std::move(r.value());
  }();
  return *p;
}

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks the lenient flag so both paths are fuzzed.
  nufuz::ingest::Options io;
  io.lenient = size > 0 && (data[0] & 1);
  nufuz::Document doc = nufuz::ingest::FromBytes(std::move(bytes), "fuzz-input", io);
  GetPipeline().Process(doc);
  if (doc.failed) return 0;
  Check(!nufuz::utf8::FirstInvalid(doc.text).has_value());
  const std::size_t n = nufuz::utf8::Length(doc.text);
  for (const auto& t : doc.tokens) {
    Check(t.start < t.end && t.end <= n);
    Check(t.byte_end <= doc.text.size());
  }
  for (const auto& s : doc.sentences) Check(s.start <= s.end && s.end <= n);
  for (const auto& s : doc.spans) Check(s.start <= s.end && s.end <= n);
  for (const auto& e : doc.events) Check(e.evidence_start <= e.evidence_end && e.evidence_end <= n);
  // The streaming writers must agree byte for byte with the DOM builders
  // (strict: the text is valid UTF-8, checked above).
  Check(nufuz::output::AnalyzeJsonText(doc) ==
        nufuz::output::AnalyzeJson(doc).dump(-1, ' ', false,
                                             nlohmann::json::error_handler_t::strict));
  Check(nufuz::DocumentJsonText(doc) ==
        nufuz::DocumentToJson(doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict));
  return 0;
}
