#include "query/clock.hpp"

#include <fmt/core.h>

namespace kg::query {

double seconds(Clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

std::string timings_text(const Timings& timings) {
  return fmt::format("timings: load {:.3f} s, compute {:.3f} s", seconds(timings.load), seconds(timings.compute));
}

}  // namespace kg::query
