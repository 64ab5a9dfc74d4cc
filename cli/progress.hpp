#pragma once
// Progress on stderr for long work: a bar with the rate and the time left
// when the total is known, the elapsed time when it is not. Drawn only when
// stderr is a terminal and --quiet was not given, not before the work has
// taken a moment, and erased when the work is done, so quick commands, pipes
// and logs never see it. The libraries report through callbacks
// (ReadOptions::progress); only the command line draws.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <mutex>
#include <string>
#include <thread>

namespace kg::cli {

// Whether progress may be drawn: stderr is a terminal and not `quiet`.
bool progress_wanted(bool quiet);

enum class ProgressUnit : std::uint8_t { Bytes, Items };

class ProgressBar {
 public:
  using Clock = std::chrono::steady_clock;

  // Draws on `out`, or nowhere when it is null. Nothing is drawn before
  // `delay` has passed; then at most every `interval`.
  ProgressBar(std::string label, ProgressUnit unit, std::ostream* out,
              Clock::duration delay = std::chrono::milliseconds(500),
              Clock::duration interval = std::chrono::milliseconds(100));
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(std::uint64_t done, std::uint64_t total);
  // Erases the bar, if it was drawn.
  void finish();
  // update() as a callback, for ReadOptions::progress.
  std::function<void(std::uint64_t, std::uint64_t)> callback();

  // The line drawn for `done` of `total` after `elapsed`, without the
  // carriage return: "loading g.json  [#####.....]  50%  12.0 MB/s  3 s left".
  static std::string line(const std::string& label, ProgressUnit unit, std::uint64_t done, std::uint64_t total,
                          double elapsed_seconds);

 private:
  std::string label_;
  ProgressUnit unit_;
  std::ostream* out_;
  Clock::time_point start_, next_draw_;
  Clock::duration interval_;
  std::size_t drawn_width_ = 0;
};

// For work that cannot say how far it is (a ranking, a layout): after
// `delay`, shows the label and the elapsed seconds, once a second, from a
// thread of its own, until it goes out of scope.
class ActivityIndicator {
 public:
  ActivityIndicator(std::string label, std::ostream* out,
                    std::chrono::steady_clock::duration delay = std::chrono::milliseconds(1000));
  ~ActivityIndicator();
  ActivityIndicator(const ActivityIndicator&) = delete;
  ActivityIndicator& operator=(const ActivityIndicator&) = delete;

 private:
  void run(std::string label, std::ostream* out, std::chrono::steady_clock::duration delay);

  std::mutex mutex_;
  std::condition_variable stop_signal_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace kg::cli
