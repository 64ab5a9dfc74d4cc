#include "ingest/snapshot_reader.hpp"

#include "graph/snapshot.hpp"
#include "ingest/content_check.hpp"

namespace kg {
namespace {

// A damaged snapshot has no line or column to point at, and one problem
// makes the whole file unusable, so every failure is thrown as InputError
// with the file's name.
// A snapshot made by hand passes the checksum: its content is checked as a
// JSON input's is, and refused the same way.
ReadResult read_snapshot_file(const std::string& path, const ReadOptions& options) {
  ReadResult result;
  Graph graph = options.contents
                      ? read_snapshot(options.contents->data(), options.contents->size(), path, options.progress)
                      : load_snapshot(path, options.progress);
  result.problems = check_graph_content(graph, path, options.max_problems);
  if (result.problems.empty()) result.graph = std::move(graph);
  return result;
}

bool sniff_snapshot(std::string_view head) { return looks_like_snapshot(head); }

}  // namespace

Format snapshot_format() {
  return {"kgs", "kg snapshot, kg's own checksummed binary form (loads fastest)", {".kgs"}, &sniff_snapshot,
          &read_snapshot_file};
}

}  // namespace kg
