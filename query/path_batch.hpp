#pragma once
// Many path questions asked the same way: a list of pairs read from a file
// (`source<TAB>target` per line), each answered as kg path answers one pair.
// Any query of the batch can be answered on its own, as the bytes the batch
// prints for it, so a runner may compute any subset (the MPI runner splits
// the batch across ranks) and still print the whole batch in input order.
#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "query/path.hpp"

namespace kg::query {

struct PathPair {
  std::string source;
  std::string target;
  std::size_t line = 0;  // where the pair was read, 1-based
};

// Reads pairs from `in`: one `source<TAB>target` per line (spaces around
// each name ignored, a trailing CR too); blank lines and lines starting
// with '#' are skipped. Throws InputError "NAME:LINE:COLUMN: what" on a
// malformed line.
std::vector<PathPair> read_path_pairs(std::istream& in, const std::string& name);

struct PathBatchRequest {
  // Every field but from and to, which come from the pairs.
  PathRequest options;
  std::vector<PathPair> pairs;
  // Throws InvalidArgument naming the field, as PathRequest::validate().
  void validate() const;
};

enum class BatchFormat { Text, Json };

// What one query came to.
enum class PairOutcome { Found, NoPath, UnknownName, Cut };

struct PairAnswer {
  // Text: "== SOURCE -> TARGET" and what kg path prints for the pair (a
  // blank line before it but for the first query); JSON: one line, the
  // object kg path --format json prints, or {"source", "target", "error"}
  // for a name that matches no entity.
  std::string output;
  PairOutcome outcome = PairOutcome::Found;
};

// Answers the queries of a batch one at a time; the view and the weights
// are built once. Not thread-safe: one answerer per thread.
class PathBatchAnswerer {
 public:
  // Validates the request and builds the view: throws InvalidArgument as
  // a single path request would.
  PathBatchAnswerer(const PathBatchRequest& batch, QueryContext& context, BatchFormat format,
                    FieldNamer namer = {});
  std::size_t size() const { return batch_.pairs.size(); }
  // Query i (0-based) as the batch prints it.
  PairAnswer answer(std::size_t i);
  // The undated relations the view keeps (for a note after the answers).
  std::size_t undated_relations() const { return search_.undated_relations(); }

 private:
  const PathBatchRequest& batch_;
  QueryContext& context_;
  BatchFormat format_;
  FieldNamer namer_;
  PathSearch search_;
  std::string output_;  // what the writer wrote for the current query
  std::optional<PathTextWriter> text_;
  std::optional<PathJsonWriter> json_;
};

}  // namespace kg::query
