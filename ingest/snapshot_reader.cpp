#include "ingest/snapshot_reader.hpp"

#include "base/problem_collector.hpp"
#include "graph/content_check.hpp"
#include "graph/snapshot.hpp"

namespace kg {
namespace {

// A damaged snapshot has no line or column to point at, and one problem
// makes the whole file unusable, so every failure is thrown as InputError
// with the file's name.
// A snapshot made by hand passes the checksum: its content is checked by
// the rules a JSON input's is (graph/content_check.hpp), and each problem
// named by its item and field.
ReadResult read_snapshot_file(const std::string& path, const ReadOptions& options) {
  ReadResult result;
  Graph graph = options.contents
                      ? read_snapshot(options.contents, path, options.progress)
                      : load_snapshot(path, options.progress);
  ProblemCollector<Diagnostic> problems(options.max_problems);
  const ContentCheck check(graph.columns(), References::Indices);
  for (const ContentProblem& problem : check.problems()) {
    problems.report({path, 0, 0, problem.path(), problem.message, {}});
  }
  if (problems.empty()) result.graph = std::move(graph);
  result.problems_not_shown = problems.not_kept();
  result.problems = std::move(problems.kept());
  return result;
}

bool sniff_snapshot(std::string_view head) { return looks_like_snapshot(head); }

}  // namespace

Format snapshot_format() {
  return {"kgs", "kg snapshot, kg's own checksummed binary form (loads fastest)", {".kgs"}, &sniff_snapshot,
          &read_snapshot_file};
}

}  // namespace kg
