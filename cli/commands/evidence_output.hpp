#pragma once
// A relation's evidence as every command prints it: quotes with their
// source in text, an "evidence" array in JSON, and matched spans marked.
#include <string>
#include <string_view>
#include <vector>

#include "algorithms/evidence.hpp"
#include "cli/common.hpp"
#include "graph/text_fold.hpp"

namespace kg::cli {

// One line per quote: `indent"quote" (source)`, or "(no evidence recorded)".
void print_evidence(const Graph& graph, RelationId r, std::string_view indent);

// `indent(no quote names A or B)` when the relation has quotes and none of
// them names either endpoint (algorithms/evidence.hpp); nothing otherwise.
void print_unnamed_endpoints_note(const Graph& graph, const EntityMentions& mentions, RelationId r,
                                  std::string_view indent);

// "evidence": [{"source": ..., "quote": ...}, ...] as a member of the
// object being written.
void write_evidence(JsonWriter& json, const Graph& graph, RelationId r);

// `text` with each span marked: bold on a terminal, [[...]] otherwise.
std::string marked(std::string_view text, const std::vector<TextSpan>& spans, bool terminal);

// [[begin, end], ...] byte offsets.
void write_spans(JsonWriter& json, const std::vector<TextSpan>& spans);

// Whether standard output is a terminal (marks and colours are for people).
bool stdout_is_terminal();

}  // namespace kg::cli
