#include "python/interrupt.hpp"

#include <atomic>
#include <chrono>
#include <future>
#include <memory>

#include "python/binding.hpp"

namespace kg::python {
namespace {

// How often the waiting thread lets Python handle signals: well within the
// second a Ctrl-C should take.
constexpr auto kSignalPoll = std::chrono::milliseconds(50);

}  // namespace

void run_released(const std::function<void(const ShouldStop&)>& work) {
  const auto stop = std::make_shared<std::atomic<bool>>(false);
  const ShouldStop should_stop = [stop] { return stop->load(std::memory_order_relaxed); };
  std::optional<py::error_already_set> handler_error;
  {
    py::gil_scoped_release released;
    auto done = std::async(std::launch::async, [&] { work(should_stop); });
    while (done.wait_for(kSignalPoll) != std::future_status::ready) {
      if (handler_error) continue;
      py::gil_scoped_acquire acquired;
      if (PyErr_CheckSignals() != 0) {
        handler_error.emplace();
        stop->store(true);
      }
    }
    if (!handler_error) done.get();
  }
  if (handler_error) throw std::move(*handler_error);
}

}  // namespace kg::python
