// The kg JSON v1 reader (docs/FORMAT.md). It runs RapidJSON's SAX parser
// over the mapped file, so memory holds the graph being built and not a DOM
// of the document (parsed pages are released as it goes), and it records
// one byte offset per item; lines, columns and the places of fields are
// worked out only for the problems it reports. The parts: the document's
// shape (kg_json_shape), the checks of values (kg_json_values), the items
// and their hand-over to the builder (kg_json_items), the state machine
// over the parser's events (kg_json_handler), and problems and progress
// (kg_json_report); this file runs them and places what they report.
#include "ingest/kg_json.hpp"

#include <rapidjson/error/en.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <optional>

#include "base/mapped_file.hpp"
#include "graph/builder.hpp"
#include "graph/exception.hpp"
#include "ingest/json_location.hpp"
#include "ingest/kg_json_handler.hpp"

namespace kg {
namespace {

using kg_json::Handler;
using kg_json::ItemOrigins;
using kg_json::RawProblem;

// Turns a builder problem into a located one, using the offsets the handler
// recorded for each item.
RawProblem place(const ContentProblem& problem, const Handler& handler, const std::string& text) {
  const ItemOrigins* origins = nullptr;
  const char* array = "";
  switch (problem.subject) {
    case ContentProblem::Subject::Source: origins = &handler.items().sources(); array = "sources"; break;
    case ContentProblem::Subject::Entity: origins = &handler.items().entities(); array = "entities"; break;
    case ContentProblem::Subject::Relation: origins = &handler.items().relations(); array = "relations"; break;
    case ContentProblem::Subject::RelationType:
      return {handler.relation_types_offset(), "relation_types", problem.message};
    case ContentProblem::Subject::Graph:  // a top-level member
      return {locate_json_path(text, skip_json_separators(text, 0), parse_json_path(problem.field)), problem.field,
              problem.message};
  }
  const std::size_t item = origins->offsets[problem.index];
  const std::string path = std::string(array) + "[" + std::to_string(origins->indices[problem.index]) + "]" +
                           (problem.field.empty() ? "" : "." + problem.field);
  return {locate_json_path(text, item, parse_json_path(problem.field)), path, problem.message};
}

// Parses `size` bytes at `data`, which are followed by a NUL.
ReadResult parse(const char* data, std::size_t size, MappedFile* file, const std::string& name,
                 const std::function<std::string(std::size_t)>& load_text, const ReadOptions& options) {
  const std::size_t base_offset = size >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;  // a BOM
  rapidjson::StringStream stream(data + base_offset);
  Builder builder;
  kg_json::ReadProgress progress(file, options.progress, size);
  Handler handler(stream, base_offset, builder, progress, options.max_problems);
  rapidjson::ParseResult parsed = handler.parse();
  // The parser stops at the first NUL, which should be the one after the text.
  if (parsed && base_offset + stream.Tell() < size) {
    parsed.Set(rapidjson::kParseErrorDocumentRootNotSingular, stream.Tell());
  }

  std::optional<std::string> text;  // loaded only to place problems
  std::optional<Graph> graph;
  if (parsed) {
    BuildResult built;
    try {
      built = std::move(builder).finish();
    } catch (const InvalidArgument& error) {
      handler.report(0, "", error.what());
    }
    if (built.problems.empty()) {
      graph = std::move(built.graph);
    } else {
      text = load_text(std::string::npos);
      for (const auto& problem : built.problems) {
        RawProblem placed = place(problem, handler, *text);
        handler.report(placed.offset, std::move(placed.path), std::move(placed.message));
      }
    }
  } else {
    const bool nul = base_offset + parsed.Offset() < size && data[base_offset + parsed.Offset()] == '\0';
    const std::string message = !handler.abort_message().empty() ? handler.abort_message()
                                : nul ? std::string("invalid JSON: a NUL byte")
                                      : std::string("invalid JSON: ") + rapidjson::GetParseError_En(parsed.Code());
    // Past the depth limit the path is as long as the nesting: leave it out.
    handler.report(base_offset + parsed.Offset(), handler.path_wanted() ? handler.current_path() : "", message);
  }

  ReadResult result;
  if (handler.problems().empty()) {
    result.graph = std::move(graph);
    return result;
  }
  // Placing problems needs the text up to the last of them only (a little
  // more for the separators skipped): not a copy of a 200 MB value after it.
  std::size_t last = 0;
  for (const auto& problem : handler.problems().kept()) last = std::max(last, problem.offset);
  const TextPositions positions(text ? std::move(*text) : load_text(last + 4096));
  auto& problems = handler.problems().kept();
  std::stable_sort(problems.begin(), problems.end(),
                   [](const RawProblem& a, const RawProblem& b) { return a.offset < b.offset; });
  for (const auto& problem : problems) {
    const auto [line, column] = positions.locate(skip_json_separators(positions.text(), problem.offset));
    result.problems.push_back({name, line, column, problem.path, problem.message, {}});
  }
  result.problems_not_shown = handler.problems().not_kept();
  return result;
}

bool looks_like_kg_json(std::string_view head) {
  const auto start = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (start == std::string_view::npos || head[start] != '{') return false;
  return head.find("\"entities\"") != std::string_view::npos || head.find("\"relations\"") != std::string_view::npos ||
         head.find("\"kg\"") != std::string_view::npos;
}

}  // namespace

ReadResult read_kg_json_file(const std::string& path, const ReadOptions& options) {
  MappedFile file(path, options.contents);
  return parse(file.data(), file.size(), &file, path,
               [&file](std::size_t bytes) { return std::string(file.data(), std::min(bytes, file.size())); },
               options);
}

ReadResult read_kg_json_text(const std::string& text, const std::string& name, const ReadOptions& options) {
  return parse(text.c_str(), text.size(), nullptr, name,
               [&text](std::size_t bytes) { return text.substr(0, bytes); }, options);
}

Format kg_json_format() {
  return {"kg-json", "kg JSON version 1 (docs/FORMAT.md)", {".json", ".kg.json"}, &looks_like_kg_json,
          &read_kg_json_file};
}

}  // namespace kg
