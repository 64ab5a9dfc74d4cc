#pragma once
// Cancellation across the layers: the front end hands an algorithm a check
// that says when to stop (a deadline, a signal); the algorithm asks it now
// and then and returns what it has so far, marked as cut. Algorithms never
// read a clock of their own.
#include <cstdint>
#include <functional>

namespace kg {

// True when the work should stop; empty means never.
using ShouldStop = std::function<bool()>;

// Asks a ShouldStop once every `every` ticks, so an inner loop can tick at
// each step; once it said stop, stays stopped.
class StopPoller {
 public:
  explicit StopPoller(const ShouldStop& should_stop, std::uint32_t every = 1024)
      : should_stop_(should_stop), every_(every) {}

  // Counts one step; true when the work should stop.
  bool tick() {
    if (stopped_ || !should_stop_) return stopped_;
    if (++count_ < every_) return false;
    count_ = 0;
    stopped_ = should_stop_();
    return stopped_;
  }
  bool stopped() const { return stopped_; }

 private:
  ShouldStop should_stop_;
  std::uint32_t every_;
  std::uint32_t count_ = 0;
  bool stopped_ = false;
};

}  // namespace kg
