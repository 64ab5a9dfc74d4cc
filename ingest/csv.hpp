#pragma once
// The CSV reader: a graph as an entities table and a relations table, each
// with a header (RFC 4180 quoting; quoted fields may span lines). A CSV
// input is a directory holding entities.csv and/or relations.csv (what
// `kg export --to csv -o DIR` writes), or one file: a relations table when
// its header has source and target columns (entities are then made from the
// endpoints), an entities table otherwise.
//
// Columns are found by the flags of ReadOptions::csv, else by Neo4j's header
// conventions (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, typed
// properties `amount:long`, `aliases:string[]`), else by plain names (id,
// name, type or label, aliases; source, target, type, date, until,
// evidence). Every other column is an attribute, typed by its header's
// suffix (int/long, float/double, boolean, string; string when none); an
// empty cell is no attribute.
#include <string>

#include "ingest/format.hpp"

namespace kg {

Format csv_format();

ReadResult read_csv_path(const std::string& path, const ReadOptions& options = {});
// Tables held in memory; either text may be empty (no such table). Names
// stand for the files in diagnostics.
ReadResult read_csv_texts(const std::string& entities, const std::string& relations, const ReadOptions& options = {});

}  // namespace kg
