#pragma once
// Validation: every problem of an input, each with file:line:column, counted
// past those kept; with the evidence check, a warning for each relation none
// of whose quotes names either of its ends.
#include <optional>
#include <string>
#include <vector>

#include "ingest/diagnostic.hpp"
#include "ingest/format.hpp"
#include "query/context.hpp"
#include "query/json.hpp"

namespace kg::query {

struct ValidateRequest {
  GraphSource source;
  std::size_t max_problems = ReadOptions{}.max_problems;  // kept; every one is counted
  bool evidence = false;  // also warn about relations whose quotes name neither end
  bool strict = false;    // warnings fail the check, as problems do
  // Throws InvalidArgument ("max_problems") for 0.
  void validate() const;
};

struct ValidateAnswer {
  std::string file;
  // The graph's size, when the input had no problems.
  std::optional<std::size_t> entities, relations;
  std::vector<Diagnostic> problems;  // the first max_problems
  std::size_t problem_count = 0;     // all of them
  bool evidence_checked = false;
  std::vector<Diagnostic> warnings;  // evidence warnings (with the evidence check)
  // What the reader noticed but kept (a value type it cannot interpret, kept
  // as text): the warnings every other command prints on loading.
  std::vector<Diagnostic> read_warnings;
  bool passed = false;               // no problem, and no warning of either kind when strict
};

// Reads the input, reporting its progress to the callback's load_progress.
// Throws InputError when it cannot be read at all.
ValidateAnswer run(const ValidateRequest& request, const Callbacks& callbacks = {});
// "FILE: valid: 3 entities, 2 relations[; N evidence warnings][; N reader warnings]" or
// "FILE: N problems" (the problems themselves are diagnostics, for the
// front end to show where it shows them).
std::string to_text(const ValidateAnswer& answer);
void to_json(const ValidateAnswer& answer, JsonSink& json);

}  // namespace kg::query
