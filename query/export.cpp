#include "query/export.hpp"

#include <ostream>

#include "export/csv.hpp"
#include "graph/builder.hpp"

namespace kg::query {
namespace {

void check_csv_safe(const ExportWriter& writer, bool csv_safe) {
  if (csv_safe && writer.name != "csv") {
    throw InvalidArgument(Field{"csv_safe"}, Message{Field{"csv_safe"}, " applies to CSV output only (this is " +
                                                                            std::string(writer.name) + ")"});
  }
}

void stream_view(const View& view, const ExportWriter& writer, bool csv_safe, std::ostream& out) {
  if (writer.name == "csv") {
    write_csv(view, out, CsvOptions{csv_safe});
  } else {
    writer.write(view, out);
  }
}

// The part of a graph a view keeps, without the entities left with no kept
// relation: "the 2016 funding network" rather than every entity beside it.
Graph linked_part(const View& view) {
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
  if (!built.graph) throw Error("the linked part of a valid graph failed to build: " + built.problems.front().message);
  return std::move(*built.graph);
}

}  // namespace

const ExportWriter& export_writer(const std::string& to) {
  const ExportWriter* writer = find_export_writer(to);
  if (!writer) throw InvalidArgument(Field{"to"}, "unknown format '" + to + "'");
  return *writer;
}

void ExportRequest::validate() const {
  check_csv_safe(export_writer(to), csv_safe);
  view.validate();
}

namespace {

void write_view(const View& view, const ExportWriter& writer, bool csv_safe, const std::string& path,
                const OutputFileOptions& options) {
  check_csv_safe(writer, csv_safe);
  const bool to_stdout = path.empty() || path == "-";
  if (writer.write_directory && !to_stdout) {
    writer.name == "csv" ? write_csv_directory(view, path, CsvOptions{csv_safe}) : writer.write_directory(view, path);
    return;
  }
  // Streamed, to a file or standard output: a graph of millions of
  // relations is never held as text.
  write_atomically(
      to_stdout ? std::string("-") : path, [&](std::ostream& out) { stream_view(view, writer, csv_safe, out); },
      options);
}

// Hands `write` the view the request asks for.
template <typename Write>
void with_exported_view(const ExportRequest& request, QueryContext& context, Write&& write) {
  request.validate();
  const View view = context.view(request.view);
  if (request.drop_isolated) {
    const Graph part = linked_part(view);
    write(View(part));
  } else {
    write(view);
  }
  context.computed();
}

}  // namespace

void run(const ExportRequest& request, QueryContext& context, std::ostream& out) {
  with_exported_view(request, context, [&](const View& view) {
    stream_view(view, export_writer(request.to), request.csv_safe, out);
  });
}

void run(const ExportRequest& request, QueryContext& context, const std::string& path,
         const OutputFileOptions& options) {
  with_exported_view(request, context, [&](const View& view) {
    write_view(view, export_writer(request.to), request.csv_safe, path, options);
  });
}

}  // namespace kg::query
