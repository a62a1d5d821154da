// repair/repair.h: detects and repairs damaged Arabic text.
//
// Contract
// - Reads: Document::text (cleaned). Adds: Document::repair (verdict,
//   confidence, edits, stats) and, when it repairs, replaces text with the
//   repaired text, keeping the old one in repair.before; Edit records map
//   repaired offsets back. Runs before tokenisation.
// - Two kinds of damage: lost letters (a PDF font without Unicode mapping
//   for medial kaf and final yeh/alef maksura), and visual-order damage
//   (sentence-final punctuation printed at the start of a line; reversed
//   word runs, reported as diagnostics where not repaired).
// - Mode kAuto repairs only when the lost-letter signature is found; on text
//   without it the text is unchanged. kOn repairs regardless; kOff skips.
// - Model is immutable after Load and may be shared across threads.
#pragma once

#include <filesystem>
#include <memory>

#include "core/document.h"
#include "core/status.h"

namespace nufuz::repair {

enum class Mode { kAuto, kOn, kOff };

class Model {
 public:
  // Loads word evidence: data_dir/lexicon/*, the system Arabic word lists
  // when installed, and the gazetteer names when present.
  static Result<std::shared_ptr<const Model>> Load(const std::filesystem::path& data_dir);
  struct Impl;
  const Impl& impl() const { return *impl_; }
  explicit Model(std::unique_ptr<Impl> impl);
  ~Model();

 private:
  std::unique_ptr<Impl> impl_;
};

void Repair(Document& doc, const Model& model, Mode mode);

}  // namespace nufuz::repair
