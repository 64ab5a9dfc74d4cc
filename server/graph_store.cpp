#include "server/graph_store.hpp"

#include "ingest/format.hpp"

namespace kg::server {

GraphStore::GraphStore(query::GraphSource source, std::vector<std::string>& warnings) : source_(std::move(source)) {
  current_ = load(1, warnings);
}

std::shared_ptr<const ServedGraph> GraphStore::load(std::uint64_t generation, std::vector<std::string>& warnings) const {
  ReadOptions options;
  options.csv = source_.csv;
  ReadResult result = read_graph(source_.path, source_.format, options);
  for (const auto& warning : result.warnings) warnings.push_back(warning.to_string());
  if (result.problem_count() != 0) {
    throw query::InputProblems(std::move(result.problems), std::move(result.warnings), result.problems_not_shown);
  }
  return std::make_shared<const ServedGraph>(std::move(*result.graph), generation);
}

std::shared_ptr<const ServedGraph> GraphStore::current() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return current_;
}

std::string GraphStore::reload(std::vector<std::string>& warnings) {
  const auto generation = current()->generation + 1;
  try {
    auto fresh = load(generation, warnings);
    std::lock_guard<std::mutex> lock(mutex_);
    current_ = std::move(fresh);
    return {};
  } catch (const query::InputProblems& problems) {
    std::string why = problems.what();
    const auto more = problems.problems().size() + problems.not_shown() - 1;
    if (more > 0) why += " (and " + std::to_string(more) + " more problems)";
    return why;
  } catch (const Error& error) {
    return error.what();
  } catch (const std::bad_alloc&) {
    return "out of memory";
  }
}

}  // namespace kg::server
