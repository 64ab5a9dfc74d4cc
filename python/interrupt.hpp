#pragma once
// Running kg's work from Python: with the GIL released, so that other Python
// threads run meanwhile, and stoppable by Ctrl-C. Python runs its signal
// handlers only on the main thread, holding the GIL, so the work runs on a
// thread of its own while the calling thread waits, taking the GIL back a few
// times a second to let Python see a signal. When a handler raises
// (KeyboardInterrupt), the work's ShouldStop turns true; the work returns
// soon after, its answer is dropped and the handler's exception is raised.
#include <functional>
#include <optional>
#include <utility>

#include "graph/stop.hpp"

namespace kg::python {

// Runs work(should_stop) as described above; rethrows what it throws.
void run_released(const std::function<void(const ShouldStop&)>& work);

template <typename Work>
auto run_released_for(Work&& work) -> decltype(work(std::declval<const ShouldStop&>())) {
  std::optional<decltype(work(std::declval<const ShouldStop&>()))> result;
  run_released([&](const ShouldStop& should_stop) { result.emplace(work(should_stop)); });
  return std::move(*result);
}

}  // namespace kg::python
