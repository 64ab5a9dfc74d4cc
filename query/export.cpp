#include "query/export.hpp"

#include <ostream>

#include "export/csv.hpp"

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

void run(const ExportRequest& request, QueryContext& context, std::ostream& out) {
  request.validate();
  stream_view(context.view(request.view), export_writer(request.to), request.csv_safe, out);
  context.computed();
}

void run(const ExportRequest& request, QueryContext& context, const std::string& path,
         const OutputFileOptions& options) {
  request.validate();
  write_view(context.view(request.view), export_writer(request.to), request.csv_safe, path, options);
  context.computed();
}

}  // namespace kg::query
