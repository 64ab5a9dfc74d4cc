#pragma once
// What the question bindings share: an answer with the graph its ids index,
// and running a request over a graph's view with the GIL released.
#include "python/binding.hpp"
#include "python/errors.hpp"
#include "python/interrupt.hpp"
#include "query/context.hpp"
#include "query/json.hpp"

namespace kg::python {

template <typename Answer>
struct Answered {
  GraphPointer graph;
  Answer answer;

  // The answer as the CLI's --format json prints it.
  std::string json() const {
    // Unqualified: found by argument-dependent lookup where the answer type is declared.
    return query::json_text([this](query::JsonSink& json) { to_json(answer, graph->graph(), json); });
  }
};

// Runs `request` over `graph`, the GIL released; Ctrl-C stops it
// (KeyboardInterrupt), a name that matches no entity raises NameNotFound
// with the graph's suggestions.
template <typename Request>
auto answer(const GraphPointer& graph, const Request& request) {
  request.validate();
  auto answer = with_suggestions(graph->graph(), [&] {
    return run_released_for([&](const ShouldStop& should_stop) {
      query::Callbacks callbacks;
      callbacks.should_stop = should_stop;
      query::QueryContext context(graph->graph(), graph->lookup(), callbacks);
      return run(request, context);  // found by argument-dependent lookup
    });
  });
  return Answered<decltype(answer)>{graph, std::move(answer)};
}

}  // namespace kg::python
