#include "cli/commands/convert.hpp"

#include <memory>

#include "cli/output_format.hpp"
#include "graph/builder.hpp"
#include "graph/exception.hpp"

namespace kg::cli {
namespace {

// The part of a graph a view keeps, without the entities left with no kept
// relation: "the 2016 funding network" rather than every entity beside it.
Graph connected_part(const View& view) {
  const Graph& graph = view.graph();
  std::vector<bool> linked(graph.entity_count(), false);
  std::vector<bool> used_types(graph.relation_type_count(), false);
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (!view.keeps_relation(r)) continue;
    linked[graph.source(r)] = linked[graph.target(r)] = true;
    used_types[graph.relation_type(r)] = true;
  }
  Builder builder;
  builder.set_name(graph.name());
  builder.set_directed(graph.directed());
  builder.set_integer_ids(graph.integer_ids());
  const auto scalar = [&graph](const Value& value) -> ScalarInput {
    switch (value.kind()) {
      case Value::Kind::Boolean: return value.as_boolean();
      case Value::Kind::Integer: return value.as_integer();
      case Value::Kind::Real: return value.as_real();
      default: return graph.str(value.as_string());
    }
  };
  for (const Attribute& attribute : graph.graph_attributes()) {
    if (attribute.value.kind() == Value::Kind::Json) {
      builder.add_graph_json_attribute(graph.str(attribute.key), graph.str(attribute.value.as_string()));
    } else {
      builder.add_graph_attribute(graph.str(attribute.key), scalar(attribute.value));
    }
  }
  for (const SourceInfo& source : graph.sources()) {
    builder.add_source(graph.str(source.id), graph.str(source.title), graph.str(source.url), source.date);
  }
  for (TypeId t = 0; t < graph.relation_type_count(); ++t) {
    const RelationTypeInfo& info = graph.relation_type_info(t);
    if (!used_types[t]) continue;
    if (info.symmetric || info.polarity != Polarity::Neutral || !graph.str(info.description).empty()) {
      builder.declare_relation_type(graph.relation_type_name(t), info.symmetric, info.polarity,
                                    graph.str(info.description));
    }
  }
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    if (!linked[e]) continue;
    builder.add_entity(graph.entity_key(e), graph.entity_name(e), graph.entity_type_name(graph.entity_type(e)));
    for (const StringId alias : graph.entity_aliases(e)) builder.add_alias(graph.str(alias));
    for (const Attribute& attribute : graph.entity_attributes(e)) {
      builder.add_entity_attribute(graph.str(attribute.key), scalar(attribute.value));
    }
  }
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (!view.keeps_relation(r)) continue;
    builder.add_relation(graph.entity_key(graph.source(r)), graph.entity_key(graph.target(r)),
                         graph.relation_type_name(graph.relation_type(r)), graph.date(r), graph.until(r));
    for (const Attribute& attribute : graph.relation_attributes(r)) {
      builder.add_relation_attribute(graph.str(attribute.key), scalar(attribute.value));
    }
    for (const Evidence& evidence : graph.evidence(r)) {
      builder.add_evidence(graph.str(graph.sources()[evidence.source].id), graph.str(evidence.quote));
    }
  }
  BuildResult built = std::move(builder).finish();
  if (!built.graph) throw Error("connected part of a valid graph failed to build: " + built.problems.front().message);
  return std::move(*built.graph);
}

}  // namespace

void setup_convert(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ConvertOptions>();
  auto* command = app.add_subcommand(
      "convert", "Convert a graph between formats (by extension: .graphml .gexf .json .jsonl .csv .cyjs .mmd .dot .kgs)");
  add_graph_input(*command, options->input);
  command->add_option("output", options->output, "Output file, written whole or not at all (a directory for csv)")
      ->required();
  add_force_option(*command, options->output_file);
  command->add_option("--to", options->to, "Output format, when the extension does not tell (one of " +
                                               writer_names() + ")");
  add_filter_options(*command, options->filters);
  add_csv_safe_flag(*command, options->csv_safe);
  command->add_flag("--drop-isolated", options->drop_isolated,
                    "Leave out entities without a kept relation (after --relations, --as-of, ...)")
      ->group("Filters");
  command->callback([options, &exit_code] { exit_code = run_convert(*options); });
}

int run_convert(const ConvertOptions& options) {
  const std::string to = options.to ? *options.to : output_format_for(options.output);
  const ExportWriter* writer = find_export_writer(to);
  if (!writer) {
    if (is_diagram_extension("." + to)) {
      throw InvalidArgument("--to " + to + " is a diagram: kg render draws one (kg render GRAPH -o FILE --to " + to +
                            ")");
    }
    throw InvalidArgument("--to: unknown format '" + to + "' (one of " + writer_names() + ")");
  }
  const Graph graph = load_graph(options.input);
  const View filtered(graph, options.filters.to_filter());
  std::optional<Graph> part;
  if (options.drop_isolated) part = connected_part(filtered);
  const View view = part ? View(*part) : filtered;
  write_output(*writer, view, options.output, options.csv_safe, options.output_file);
  return kExitOk;
}

}  // namespace kg::cli
