#pragma once
// kg rank: entities (or relations) ordered by a centrality measure.
#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "cli/common.hpp"

namespace kg::cli {

enum class Measure { Degree, Betweenness, Closeness, Harmonic, PageRank, Eigenvector };

struct RankOptions {
  GraphInput input;
  OutputFormat format = OutputFormat::Text;
  FilterOptions filters;
  Measure measure = Measure::Degree;
  bool timings = false;  // load and compute seconds on stderr
  std::size_t top = 10;  // 0: all
  bool relations = false;  // --of relations (betweenness only)
  std::optional<bool> normalized;  // --normalized / --raw; default normalized
  std::optional<std::size_t> samples;
  std::optional<std::uint64_t> seed;
  std::vector<std::string> personalize;
  std::string weight_by;
  std::optional<double> damping;
  std::optional<double> tolerance;
  std::optional<std::size_t> max_iterations;
  bool wf_improved = true;  // false with --no-wf-improved
  TimeLimit time_limit;
  // --explain: why the top entities score what they do; with a name, that
  // entity alone ("" when none was given).
  std::optional<std::string> explain;
};

void setup_rank(CLI::App& app, int& exit_code);
int run_rank(const RankOptions& options);

}  // namespace kg::cli
