#pragma once
// kg render: parses its flags into a query::RenderRequest (query/render.hpp),
// shows the plan's notes and an activity indicator while Graphviz works, and
// writes the bytes to the output file or standard output.
#include <CLI/CLI.hpp>

#include <string>

#include "cli/common.hpp"
#include "query/render.hpp"

namespace kg::cli {

struct RenderOptions {
  GraphInput input;
  // The flags that map onto the request as they are; the rest are words
  // turned into its fields by run_render.
  query::RenderRequest request;
  std::string output;              // a file, or "-" for stdout
  OutputFileOptions output_file;   // --force
  std::string to;                  // svg, png, pdf, dot or html; else from the extension
  std::string engine;              // dot, neato, sfdp, circo; else chosen by size
  std::string style;               // a style sheet over samples/style.json
  std::string cluster = "none";    // type, community or none
  bool no_edge_labels = false;
  bool timings = false;
  TimeLimit time_limit;
};

void setup_render(CLI::App& app, int& exit_code);
int run_render(const RenderOptions& options);

}  // namespace kg::cli
