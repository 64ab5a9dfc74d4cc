#pragma once
// kg's exceptions as Python's (kg.errors): kg.InputError with file, line and
// column, kg.NameNotFound with suggestions, kg.UsageError naming the keyword
// at fault, kg.OutputError, and kg.Error for the rest.
#include <string>
#include <string_view>
#include <vector>

#include "graph/exception.hpp"
#include "graph/graph.hpp"

namespace kg::python {

// A name that matched no entity, with the graph's closest names: the
// suggestions need the graph, which the exception translator does not have.
class NameNotFoundWithSuggestions : public NameNotFound {
 public:
  NameNotFoundWithSuggestions(const NameNotFound& error, std::vector<std::string> suggestions)
      : NameNotFound(error), suggestions_(std::move(suggestions)) {}
  const std::vector<std::string>& suggestions() const { return suggestions_; }

 private:
  std::vector<std::string> suggestions_;
};

// Runs `work`, adding `graph`'s suggestions to a NameNotFound it throws.
template <typename Work>
auto with_suggestions(const Graph& graph, Work&& work) -> decltype(work());

// The Python keyword a library field is set by ("relation_types": "relations").
std::string keyword_name(std::string_view field);

[[noreturn]] void throw_with_suggestions(const Graph& graph, const NameNotFound& error);

template <typename Work>
auto with_suggestions(const Graph& graph, Work&& work) -> decltype(work()) {
  try {
    return work();
  } catch (const NameNotFoundWithSuggestions&) {
    throw;
  } catch (const NameNotFound& error) {
    throw_with_suggestions(graph, error);
  }
}

}  // namespace kg::python
