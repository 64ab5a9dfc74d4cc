#pragma once
// The plain edge list reader (`--from edgelist`; .edgelist, .edges, .ncol):
// one relation a line, two or three columns separated by spaces or tabs,
// "source target [weight]", as NetworkX's write_edgelist(data=False) /
// write_weighted_edgelist, igraph's NCOL and SNAP's data sets write them.
// `#` starts a comment (whole line or after the columns); blank lines are
// skipped. Entities are the endpoints, in order of first appearance, named
// by their ids; relations get the type "related" and, from the third
// column, a "weight" attribute (an integer or a number, text otherwise).
// The graph is directed, as kg graphs are by default.
#include <string>

#include "ingest/format.hpp"

namespace kg {

Format edgelist_format();
ReadResult read_edgelist_file(const std::string& path, const ReadOptions& options = {});
ReadResult read_edgelist_text(const std::string& text, const std::string& name, const ReadOptions& options = {});

}  // namespace kg
