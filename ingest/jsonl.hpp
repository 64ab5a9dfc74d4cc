#pragma once
// The JSON Lines reader: one JSON object a line, streamed, so memory holds
// the graph being built and one line (the file is mapped and read pages are
// released). Objects use kg JSON's member names, with a "kind" naming what
// each is: "entity", "relation", "source", "relation_type" or "graph"
// ({"kind": "graph", "name", "attributes"}). Without "kind", an object with
// "source" and "target" is a relation and one with "id" an entity. Blank
// lines are skipped.
#include <string>

#include "ingest/format.hpp"

namespace kg {

Format jsonl_format();

ReadResult read_jsonl_file(const std::string& path, const ReadOptions& options = {});
ReadResult read_jsonl_text(const std::string& text, const std::string& name, const ReadOptions& options = {});

}  // namespace kg
