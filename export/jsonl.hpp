#pragma once
// JSON Lines: one JSON object a line, each with a "kind": the graph's name
// and attributes ("graph"), then sources, relation type declarations,
// entities and relations, with kg JSON's member names. Large graphs stream
// through it in both directions (ingest/jsonl.hpp reads it back).
#include <iosfwd>

#include "graph/view.hpp"

namespace kg {

void write_jsonl(const View& view, std::ostream& out);

}  // namespace kg
