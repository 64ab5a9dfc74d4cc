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

// One field, quoted when it holds a comma, a quote or a line break.
void write_csv_field(std::ostream& out, std::string_view text);

void write_entities_csv(const View& view, std::ostream& out);
void write_relations_csv(const View& view, std::ostream& out);
// Both tables on one stream, an empty line between them.
void write_csv(const View& view, std::ostream& out);
// DIRECTORY/entities.csv and DIRECTORY/relations.csv, each written whole or
// not at all; the directory is created when missing. Throws InvalidArgument
// naming the path that cannot be written.
void write_csv_directory(const View& view, const std::string& directory);

}  // namespace kg
