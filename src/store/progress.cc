#include "store/progress.h"

#include <unistd.h>

#include <cstdio>

namespace nufuz::store {

std::string FormatProgress(std::size_t done, std::size_t total, double seconds, int width) {
  std::string out;
  char buf[128];
  if (total > 0) {
    if (done > total) done = total;
    const int filled = static_cast<int>(static_cast<double>(width) * static_cast<double>(done) /
                                        static_cast<double>(total));
    out.push_back('[');
    out.append(static_cast<std::size_t>(filled), '#');
    out.append(static_cast<std::size_t>(width - filled), '.');
    out += "] ";
    std::snprintf(buf, sizeof buf, "%zu/%zu docs", done, total);
  } else {
    std::snprintf(buf, sizeof buf, "%zu docs", done);
  }
  out += buf;
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
  std::snprintf(buf, sizeof buf, "  %.1f docs/s", rate);
  out += buf;
  if (total > 0 && rate > 0 && done < total) {
    const long eta = static_cast<long>(static_cast<double>(total - done) / rate + 0.5);
    std::snprintf(buf, sizeof buf, "  ETA %ld:%02ld", eta / 60, eta % 60);
    out += buf;
  }
  return out;
}

ProgressBar::ProgressBar(std::size_t total, int fd)
    : total_(total), fd_(fd), active_(isatty(fd) == 1) {
  start_ = last_draw_ = std::chrono::steady_clock::now();
}

void ProgressBar::Update(std::size_t done) {
  done_ = done;
  if (!active_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100) && done < total_) return;
  last_draw_ = now;
  Draw(done);
}

void ProgressBar::Finish() {
  if (!active_) return;
  Draw(done_);
  ssize_t n = write(fd_, "\n", 1);
  (void)n;
  active_ = false;
}

void ProgressBar::Draw(std::size_t done) {
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  // \r, the line, then erase to the end of the line.
  std::string line = "\r" + FormatProgress(done, total_, secs) + "\x1b[K";
  ssize_t n = write(fd_, line.data(), line.size());
  (void)n;
}

}  // namespace nufuz::store
