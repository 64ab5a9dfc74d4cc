#pragma once
// CSV for Neo4j's bulk importer (`neo4j-admin database import full
// --nodes=entities.csv --relationships=relations.csv`): entities with
// `id:ID`, `name`, `:LABEL` (the entity type), `aliases:string[]` and typed
// attribute columns (`amount_usd:long`); relations with `:START_ID`,
// `:END_ID`, `:TYPE`, `date`, `until`, `evidence` (JSON text) and typed
// attribute columns. Fields are quoted when they hold a comma, a quote or a
// line break (pass --multiline-fields=true to neo4j-admin for the last).
#include <iosfwd>
#include <string>
#include <string_view>

#include "graph/view.hpp"

namespace kg {

struct CsvOptions {
  // OWASP's rule against formula injection when a spreadsheet opens the
  // file: a cell starting with = + - @, a tab or a carriage return gets a
  // leading apostrophe and is quoted. It changes the data (a negative number
  // becomes text), so it is not the default: neo4j-admin would import the
  // apostrophes (docs/INTERCHANGE.md).
  bool formula_safe = false;
};

// One field, quoted when it holds a comma, a quote or a line break (or,
// with formula_safe, when it starts a formula).
void write_csv_field(std::ostream& out, std::string_view text, const CsvOptions& options = {});

void write_entities_csv(const View& view, std::ostream& out, const CsvOptions& options);
void write_relations_csv(const View& view, std::ostream& out, const CsvOptions& options);
void write_csv(const View& view, std::ostream& out, const CsvOptions& options);
void write_csv_directory(const View& view, const std::string& directory, const CsvOptions& options);

// With the default options, for the registry of writers.
void write_entities_csv(const View& view, std::ostream& out);
void write_relations_csv(const View& view, std::ostream& out);
// Both tables on one stream, an empty line between them.
void write_csv(const View& view, std::ostream& out);
// DIRECTORY/entities.csv and DIRECTORY/relations.csv, each written whole or
// not at all; the directory is created when missing. Throws InvalidArgument
// naming the path that cannot be written.
void write_csv_directory(const View& view, const std::string& directory);

}  // namespace kg
