#include "query/context.hpp"

namespace kg::query {

InputProblems::InputProblems(std::vector<Diagnostic> problems, std::vector<Diagnostic> warnings, std::size_t not_shown)
    : InputError(problems.empty() ? std::string("input has problems") : problems.front().to_string()),
      problems_(std::move(problems)),
      warnings_(std::move(warnings)),
      not_shown_(not_shown) {}

QueryContext::QueryContext(const GraphSource& source, Callbacks callbacks) : callbacks_(std::move(callbacks)) {
  const auto start = Clock::now();
  ReadOptions options;
  options.progress = callbacks_.load_progress;
  options.csv = source.csv;
  ReadResult result = read_graph(source.path, source.format, options);
  callbacks_.load_progress = nullptr;  // it may refer to a bar that ends with the load
  if (result.problem_count() != 0) {
    throw InputProblems(std::move(result.problems), std::move(result.warnings), result.problems_not_shown);
  }
  warnings_ = std::move(result.warnings);
  owned_ = std::move(result.graph);
  graph_ = &*owned_;
  loaded_ = Clock::now();
  timings_.load = loaded_ - start;
}

QueryContext::QueryContext(const Graph& graph, Callbacks callbacks)
    : callbacks_(std::move(callbacks)), graph_(&graph), loaded_(Clock::now()) {}

QueryContext::QueryContext(const Graph& graph, const EntityLookup& lookup, Callbacks callbacks)
    : QueryContext(graph, std::move(callbacks)) {
  shared_lookup_ = &lookup;
}

View QueryContext::view(const ViewSpec& spec) const { return View(*graph_, spec.to_filter()); }

EntityId QueryContext::resolve(std::string_view name) const {
  if (shared_lookup_) return shared_lookup_->resolve(name);
  if (!lookup_) lookup_.emplace(*graph_);
  return lookup_->resolve(name);
}

void QueryContext::check_cancelled() const {
  if (callbacks_.should_stop && callbacks_.should_stop()) throw Cancelled("stopped before the answer was complete");
}

void QueryContext::computed() { timings_.compute = Clock::now() - loaded_; }

}  // namespace kg::query
