#pragma once
// The one clock kg times its work with, and the timings a query reports.
#include <chrono>
#include <string>

namespace kg::query {

using Clock = std::chrono::steady_clock;

struct Timings {
  Clock::duration load{};     // reading the graph
  Clock::duration compute{};  // from the loaded graph to the answer
};

double seconds(Clock::duration duration);

// "timings: load 0.620 s, compute 0.041 s".
std::string timings_text(const Timings& timings);

}  // namespace kg::query
