#include "cli/commands/path.hpp"

#include <fmt/core.h>

#include <memory>

#include "base/standard_output.hpp"
#include "cli/fields.hpp"

namespace kg::cli {

void setup_path(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<PathOptions>();
  auto& request = options->request;
  auto* command = app.add_subcommand("path", "How A connects to B: shortest path(s), each step with its evidence");
  add_graph_input(*command, options->input);
  command->add_option("from", request.from, "Start entity (id, name or alias)")->required();
  command->add_option("to", request.to, "End entity (id, name or alias)")->required();
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
  add_filter_options(*command, request.view, Direction::Any);
  add_time_limit(*command, options->time_limit);
  command->callback([options, &exit_code] { exit_code = run_path(*options); });
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

}  // namespace kg::cli
