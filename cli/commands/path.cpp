#include "cli/commands/path.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>

#include "base/standard_output.hpp"
#include "cli/fields.hpp"
#include "mpi/world.hpp"
#include "query/path_batch.hpp"

namespace kg::cli {

void setup_path(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<PathOptions>();
  auto& request = options->request;
  auto* command = app.add_subcommand("path", "How A connects to B: shortest path(s), each step with its evidence");
  add_graph_input(*command, options->input);
  auto* from = command->add_option("from", request.from, "Start entity (id, name or alias)");
  auto* to = command->add_option("to", request.to, "End entity (id, name or alias)");
  add_output_format(*command, options->format);
  command->add_option("--k", request.k, "The k shortest simple paths (Yen), shortest first")
      ->default_val(1)
      ->check(whole_range(1, kMostCount));
  command->add_option("--max-hops", request.max_hops,
                      "At most H steps; alone, lists every simple path up to H steps (see --limit)")
      ->check(whole_range(1, kMostCount));
  command->add_flag("--all-shortest", request.all_shortest, "Every shortest path (see --limit)");
  command->add_flag("--weighted", request.weighted, "Least total weight, by the relation attribute 'weight'");
  command->add_option("--weight-by", request.weight_by,
                      "Least total weight by a numeric relation attribute (amount_usd) or a table of relation "
                      "types (funded=1,competed=5); others weigh 1");
  command->add_flag("--time-respecting", request.time_respecting,
                    "Only chains whose steps are in date order (each not earlier than the one before)");
  command->add_flag("--parallel", request.distinct_relations,
                    "Report paths that differ only in parallel relations separately");
  command->add_option("--limit", request.limit, "Most paths listed by --all-shortest and --max-hops")
      ->default_str(std::to_string(query::PathRequest::default_limit))
      ->check(whole_range(1, kMostCount));
  command->add_option("--batch", options->batch,
                      "Answer every pair of FILE ('-': stdin), one SOURCE<TAB>TARGET per line, in order; with "
                      "--format json, one JSON object per line")
      ->type_name("FILE")
      ->excludes(from)
      ->excludes(to);
  add_filter_options(*command, request.view, Direction::Any);
  add_time_limit(*command, options->time_limit);
  command->callback([options, from, to, &exit_code] {
    if (options->batch.empty()) {
      for (const auto* end : {from, to}) {
        if (end->count() == 0) throw CLI::RequiredError(end->get_name());
      }
    }
    exit_code = options->batch.empty() ? run_path(*options) : run_path_batch(*options);
  });
}

int run_path(const PathOptions& options) {
  options.request.validate();
  const auto context = open_context(options.input, options.time_limit);
  const auto out = [](std::string_view text) { print_text(std::string(text)); };
  std::unique_ptr<query::PathSink> writer;
  if (options.format == OutputFormat::Json) {
    writer = std::make_unique<query::PathJsonWriter>(context->graph(), out, flag_for);
  } else {
    writer = std::make_unique<query::PathTextWriter>(context->graph(), out, flag_for);
  }
  const query::PathAnswer answer = query::run(options.request, *context, *writer);
  if (options.format == OutputFormat::Text && !answer.reason) {
    flush_standard_output();
    print_undated_note(options.request.view, answer.undated_relations);
  }
  if (answer.cut) {
    options.time_limit.report_cut(fmt::format("{} path{} found so far", answer.count, answer.count == 1 ? "" : "s"));
  }
  return answer.count == 0 || answer.cut ? kExitNo : kExitOk;
}

namespace {

query::PathBatchRequest read_batch(const PathOptions& options) {
  if (options.batch == "-" && options.input.path == "-") {
    throw InvalidArgument(Field{"batch"}, "the graph and the batch cannot both be standard input");
  }
  query::PathBatchRequest batch;
  batch.options = options.request;
  if (options.batch == "-") {
    batch.pairs = query::read_path_pairs(std::cin, "<stdin>");
    return batch;
  }
  std::ifstream file(options.batch);
  if (!file) throw InputError("cannot read " + options.batch + ": " + std::strerror(errno));
  batch.pairs = query::read_path_pairs(file, options.batch);
  return batch;
}

}  // namespace

int run_path_batch(const PathOptions& options) {
  options.request.validate();
  query::PathBatchRequest batch;
  std::exception_ptr failure;
  try {
    batch = read_batch(options);
  } catch (...) {
    failure = std::current_exception();
  }
  // Under mpirun every rank reads the batch itself and must read the same.
  mpi::agree_on_input(options.batch, failure, "the batch");
  const auto context = open_context(options.input, options.time_limit);
  const auto format = options.format == OutputFormat::Json ? query::BatchFormat::Json : query::BatchFormat::Text;
  query::PathBatchAnswerer answerer(batch, *context, format, flag_for);
  std::size_t missing = 0;  // no path, or a name that matches no entity
  std::size_t cut = 0;
  // Under mpirun the ranks share the queries and rank 0 prints them in
  // order; an answer travels as its outcome's byte and then its output.
  mpi::answer_in_order(
      answerer.size(),
      [&answerer](std::size_t i) {
        const query::PairAnswer answer = answerer.answer(i);
        return static_cast<char>(answer.outcome) + answer.output;
      },
      [&](std::size_t, const std::string& answer) {
        const auto outcome = static_cast<query::PairOutcome>(answer.front());
        print_text(answer.substr(1));
        if (outcome == query::PairOutcome::NoPath || outcome == query::PairOutcome::UnknownName) ++missing;
        if (outcome == query::PairOutcome::Cut) ++cut;
      });
  if (options.format == OutputFormat::Text) {
    flush_standard_output();
    print_undated_note(options.request.view, answerer.undated_relations());
  }
  if (cut) {
    options.time_limit.report_cut(fmt::format("{} of {} answers cut", cut, answerer.size()));
  }
  return missing || cut ? kExitNo : kExitOk;
}

}  // namespace kg::cli
