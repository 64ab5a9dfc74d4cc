#pragma once
// Export: a view of the graph in another tool's format (export/writers.hpp),
// streamed to a stream or written to a path by base/output_file.hpp's rules
// (whole or not at all; "-" is standard output; a directory for CSV).
#include <iosfwd>
#include <string>

#include "base/output_file.hpp"
#include "export/writers.hpp"
#include "query/context.hpp"
#include "query/view_spec.hpp"

namespace kg::query {

struct ExportRequest {
  ViewSpec view;
  std::string to;         // a writer's name: graphml, gexf, json, csv, ...
  bool csv_safe = false;  // CSV cells that would start a spreadsheet formula are defused
  // Leave out the entities no kept relation touches, and the relation types
  // no kept relation has: "the 2016 funding network" and nothing beside it.
  bool drop_isolated = false;

  // Throws InvalidArgument naming the field: "to" (no such format),
  // "csv_safe" (for a format other than CSV), or the view's.
  void validate() const;
};

// Streams the view to `out`, CSV's two tables one after the other.
void run(const ExportRequest& request, QueryContext& context, std::ostream& out);
// Writes the view to `path` ("-": standard output).
void run(const ExportRequest& request, QueryContext& context, const std::string& path,
         const OutputFileOptions& options = {});

// The writer named `to`; throws InvalidArgument naming "to" otherwise.
const ExportWriter& export_writer(const std::string& to);

}  // namespace kg::query
