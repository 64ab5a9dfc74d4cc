#pragma once
// kg rank: parses its flags into a query::RankRequest (or, with --explain, a
// query::RankExplainRequest) and prints the answer (query/rank.hpp,
// query/rank_explain.hpp).
#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "cli/common.hpp"
#include "query/rank.hpp"

namespace kg::cli {

struct RankOptions {
  GraphInput input;
  OutputFormat format = OutputFormat::Text;
  query::RankRequest request;
  bool timings = false;  // load and compute seconds on stderr
  TimeLimit time_limit;
  // --explain: why the top entities score what they do; with a name, that
  // entity alone ("" when none was given).
  std::optional<std::string> explain;
};

void setup_rank(CLI::App& app, int& exit_code);
int run_rank(const RankOptions& options);

}  // namespace kg::cli
