#pragma once
// kg render: the relationship diagram of a graph or a view of it, laid out by Graphviz.
#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "cli/common.hpp"

namespace kg::cli {

struct RenderOptions {
  GraphInput input;
  FilterOptions filters;
  std::string output;              // a file, or "-" for stdout
  OutputFileOptions output_file;   // --force
  std::string to;                  // svg, png, pdf or dot; else from the extension
  std::string engine;              // dot, neato, sfdp, circo; else chosen by size
  std::string style;               // a style sheet over samples/style.json
  bool legend = true;
  std::string cluster = "none";    // type or none
  bool merge_parallel = false;
  bool no_edge_labels = false;
  bool timings = false;
  std::optional<std::size_t> collapse_hubs;
  std::string focus;
  std::optional<std::size_t> depth;
  std::vector<std::string> path;   // A B
  std::size_t k = 1;               // shortest paths drawn with --path
  std::vector<std::string> diff;   // DATE1 DATE2
  TimeLimit time_limit;
  bool timeline = false;           // relations in date order, left to right
};

void setup_render(CLI::App& app, int& exit_code);
int run_render(const RenderOptions& options);

}  // namespace kg::cli
