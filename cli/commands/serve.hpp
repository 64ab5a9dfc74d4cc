#pragma once
// kg serve: parses its flags into server::ServerOptions, loads the graph
// once, and serves it until SIGINT or SIGTERM; SIGHUP reloads the graph.
#include <CLI/CLI.hpp>

#include "cli/common.hpp"
#include "server/options.hpp"

namespace kg::cli {

struct ServeOptions {
  GraphInput input;
  server::ServerOptions server;
};

void setup_serve(CLI::App& app, int& exit_code);
int run_serve(const ServeOptions& options);

}  // namespace kg::cli
