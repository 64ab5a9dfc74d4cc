#include "cli/commands/find.hpp"

#include <memory>

#include "cli/commands/evidence_output.hpp"

namespace kg::cli {

void setup_find(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<FindOptions>();
  auto& request = options->request;
  auto* command = app.add_subcommand(
      "find", "Entities whose name or alias contains TEXT, their relations, and the quotes that mention it");
  add_graph_input(*command, options->input);
  command->add_option("text", request.text, "What to look for; case, accents and curly apostrophes do not matter")
      ->required();
  add_output_format(*command, options->format);
  add_choice<SearchScope>(*command, "--in", request.scope,
                          {{"names", SearchScope::Names}, {"quotes", SearchScope::Quotes}, {"all", SearchScope::All}},
                          "Look in entity names and aliases, in quotes, or both");
  command->add_option("--type", request.entity_type, "Only entities of this type match by name");
  command->add_flag("--regex", request.regex,
                    "TEXT is a regular expression (ECMAScript), matched against lower-case text without accents");
  command->add_option("--offset", request.offset, "Skip the first N items of each list (entities, relations, quotes)")
      ->check(whole_range(0, kMostCount))
      ->default_str("0");
  command->add_option("--limit", request.limit, "List at most N items of each list (0: all)")
      ->check(whole_range(0, kMostCount))
      ->default_str("0");
  add_filter_options(*command, request.view);
  add_time_limit(*command, options->time_limit);
  command->callback([options, &exit_code] { exit_code = run_find(*options); });
}

int run_find(const FindOptions& options) {
  options.request.validate();
  const auto context = open_context(options.input, options.time_limit);
  const auto answer = query::run(options.request, *context);
  if (options.format == OutputFormat::Json) {
    print_answer(options.format, answer, context->graph());
  } else {
    print_text(query::to_text(answer, context->graph(), stdout_is_terminal() ? query::Marks::Bold : query::Marks::Brackets));
  }
  if (answer.cut) {
    options.time_limit.report_cut("the matches found so far");
    return kExitNo;
  }
  return answer.found() ? kExitOk : kExitNo;
}

}  // namespace kg::cli
