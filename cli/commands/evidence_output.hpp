#pragma once
// A relation's evidence as every command prints it: quotes with their
// source in text, an "evidence" array in JSON (query/json.hpp writes it).
#include <string>
#include <string_view>
#include <vector>

#include "algorithms/evidence.hpp"
#include "cli/common.hpp"

namespace kg::cli {

// One line per quote: `indent"quote" (source)`, or "(no evidence recorded)".
void print_evidence(const Graph& graph, RelationId r, std::string_view indent);

// `indent(no quote names A or B)` when the relation has quotes and none of
// them names either endpoint (algorithms/evidence.hpp); nothing otherwise.
void print_unnamed_endpoints_note(const Graph& graph, const EntityMentions& mentions, RelationId r,
                                  std::string_view indent);

// "evidence": [{"source": ..., "quote": ...}, ...] as a member of the
// object being written: query::write_evidence_member, under the name the
// commands not yet moved to query/ call it by.
inline void write_evidence(JsonWriter& json, const Graph& graph, RelationId r) {
  query::write_evidence_member(json, graph, r);
}

// Whether standard output is a terminal (marks and colours are for people).
bool stdout_is_terminal();

}  // namespace kg::cli
