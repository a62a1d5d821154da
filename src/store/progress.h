// store/progress.h: a progress bar for long ingests (documents, rate, ETA).
//
// Contract: draws on the given file descriptor only when it is a terminal
// (isatty); otherwise every call is a no-op, so piped and logged runs stay
// clean. Redraws at most ten times a second. Not thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace nufuz::store {

// One line: "[#####.....]  120/500 docs  35.2 docs/s  ETA 0:11". `total` 0
// means unknown (no bar, no ETA). Pure; exposed for tests.
std::string FormatProgress(std::size_t done, std::size_t total, double seconds, int width = 30);

class ProgressBar {
 public:
  explicit ProgressBar(std::size_t total, int fd = 2);
  // Sets the number of documents done so far.
  void Update(std::size_t done);
  // Draws the final state and ends the line.
  void Finish();
  bool active() const { return active_; }

 private:
  void Draw(std::size_t done);
  std::size_t total_ = 0, done_ = 0;
  int fd_ = 2;
  bool active_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace nufuz::store
