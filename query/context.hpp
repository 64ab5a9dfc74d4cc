#pragma once
// The context a query runs in: the graph (loaded from any input kg reads, or
// one the caller already holds), views of it, entity names resolved, the
// timings of the work, and the front end's progress and cancellation
// callbacks. It knows no front end: the command line draws a bar from the
// progress callback, a server enforces its time budget through cancelled().
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "algorithms/source_split.hpp"
#include "graph/exception.hpp"
#include "graph/graph.hpp"
#include "graph/lookup.hpp"
#include "graph/stop.hpp"
#include "graph/view.hpp"
#include "ingest/diagnostic.hpp"
#include "ingest/format.hpp"
#include "query/clock.hpp"
#include "query/view_spec.hpp"

namespace kg::query {

// Where a graph comes from: a file (or a .kgs snapshot) in any input format.
struct GraphSource {
  std::string path;
  std::optional<std::string> format;  // by extension and content when empty
  CsvColumns csv;
};

struct Callbacks {
  // Bytes read so far and the input's size, while loading.
  std::function<void(std::uint64_t done, std::uint64_t total)> load_progress;
  // Asked by the algorithms as they work (graph/stop.hpp): true stops them
  // with the answer so far, marked as cut. The command line's --time-limit
  // is a deadline here; a server's budget or Ctrl-C in Python would be too.
  ShouldStop should_stop;
  // How the source-parallel measures share their sources among processes
  // (the MPI runner); one process does all by default.
  SourceSplit split;
};

// The front end asked to stop (a time limit, Ctrl-C, a closed connection).
class Cancelled : public Error {
 public:
  using Error::Error;
};

// The input has problems; each carries file:line:column.
class InputProblems : public InputError {
 public:
  InputProblems(std::vector<Diagnostic> problems, std::vector<Diagnostic> warnings, std::size_t not_shown = 0);
  const std::vector<Diagnostic>& problems() const { return problems_; }
  const std::vector<Diagnostic>& warnings() const { return warnings_; }
  // Problems counted past the reader's limit but not kept.
  std::size_t not_shown() const { return not_shown_; }

 private:
  std::vector<Diagnostic> problems_;
  std::vector<Diagnostic> warnings_;
  std::size_t not_shown_ = 0;
};

class QueryContext {
 public:
  // Loads the graph. Throws InputProblems when the input has problems and
  // InputError when it cannot be read.
  explicit QueryContext(const GraphSource& source, Callbacks callbacks = {});
  // Queries a graph the caller holds (a server, the Python module); it must
  // outlive the context.
  explicit QueryContext(const Graph& graph, Callbacks callbacks = {});
  // The same with a name lookup the caller built once (a server answering
  // many requests: building one costs a pass over every name); both must
  // outlive the context.
  QueryContext(const Graph& graph, const EntityLookup& lookup, Callbacks callbacks = {});
  QueryContext(const QueryContext&) = delete;
  QueryContext& operator=(const QueryContext&) = delete;

  const Graph& graph() const { return *graph_; }
  // What the reader noticed but kept (file:line:column each).
  const std::vector<Diagnostic>& warnings() const { return warnings_; }
  // The graph seen through `spec`; throws InvalidArgument naming the field.
  View view(const ViewSpec& spec) const;
  // The one entity `name` means (id, name or alias); throws NameNotFound.
  EntityId resolve(std::string_view name) const;

  // For the algorithms; empty when the front end never stops a query.
  const ShouldStop& should_stop() const { return callbacks_.should_stop; }
  const SourceSplit& split() const { return callbacks_.split; }
  // Throws Cancelled when the front end asked to stop: for work that has no
  // answer so far to give.
  void check_cancelled() const;
  // Marks the answer computed: the compute timing runs from the load to here.
  void computed();
  const Timings& timings() const { return timings_; }

 private:
  Callbacks callbacks_;
  std::optional<Graph> owned_;
  const Graph* graph_ = nullptr;
  std::vector<Diagnostic> warnings_;
  mutable std::optional<EntityLookup> lookup_;  // built on the first name resolved
  const EntityLookup* shared_lookup_ = nullptr;  // the caller's, when given
  Clock::time_point loaded_;
  Timings timings_;
};

}  // namespace kg::query
