#include "ingest/snapshot_reader.hpp"

#include "graph/snapshot.hpp"

namespace kg {
namespace {

// A damaged snapshot has no line or column to point at, and one problem
// makes the whole file unusable, so every failure is thrown as InputError
// with the file's name.
ReadResult read_snapshot_file(const std::string& path, const ReadOptions& options) {
  ReadResult result;
  if (options.contents) {
    result.graph = read_snapshot(options.contents->data(), options.contents->size(), path, options.progress);
  } else {
    result.graph = load_snapshot(path, options.progress);
  }
  return result;
}

bool sniff_snapshot(std::string_view head) { return looks_like_snapshot(head); }

}  // namespace

Format snapshot_format() {
  return {"kgs", "kg snapshot, as kg export --to kgs writes it (loads fastest)", {".kgs"}, &sniff_snapshot,
          &read_snapshot_file};
}

}  // namespace kg
