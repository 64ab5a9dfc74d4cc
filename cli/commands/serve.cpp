#include "cli/commands/serve.hpp"

#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <thread>

#include "server/graph_store.hpp"
#include "server/server.hpp"

namespace kg::cli {
namespace {

void log_line(const std::string& line) {
  const std::string text = "kg: " + line + "\n";
  std::fwrite(text.data(), 1, text.size(), stderr);
}

// The signals kg serve acts on, taken by one watcher thread (sigwait) so
// that no handler runs inside the server's threads.
sigset_t lifecycle_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  return set;
}

void reload(server::GraphStore& store, const std::string& path) {
  log_line("SIGHUP: reloading " + path);
  std::vector<std::string> warnings;
  const std::string failure = store.reload(warnings);
  for (const auto& warning : warnings) log_line("warning: " + warning);
  if (failure.empty()) {
    const auto served = store.current();
    log_line("serving generation " + std::to_string(served->generation) + ": " +
             std::to_string(served->graph.entity_count()) + " entities, " +
             std::to_string(served->graph.relation_count()) + " relations");
  } else {
    log_line("reload failed, the previous graph keeps serving: " + failure);
  }
}

}  // namespace

void setup_serve(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ServeOptions>();
  auto& server = options->server;
  auto* command = app.add_subcommand(
      "serve", "Answer kg's questions over HTTP/JSON from a graph loaded once (docs/SERVER.md)");
  add_graph_input(*command, options->input);
  command->get_option("--quiet")->description("No access log and no progress bar on stderr");
  command->add_option("--host", server.host, "Address to listen on (non-loopback addresses want --token)")
      ->default_str(server.host);
  command->add_option("--port", server.port, "Port to listen on; 0 picks a free one and prints it")
      ->check(whole_range(0, 65535))
      ->default_str(std::to_string(server.port));
  command->add_option("--threads", server.threads, "Requests answered at once")
      ->check(whole_range(1, 1024))
      ->default_str(std::to_string(server.threads));
  command->add_option("--queue", server.queue, "Connections that may wait for a thread; more get 503")
      ->check(whole_range(0, 100000))
      ->default_str(std::to_string(server.queue));
  command->add_option("--token", server.token,
                      "Require 'Authorization: Bearer TOKEN' on every request (also from KG_SERVE_TOKEN)")
      ->envname("KG_SERVE_TOKEN");
  command->add_option("--cors", server.cors_origin, "Allow browser pages from ORIGIN to call the API")
      ->type_name("ORIGIN");
  command->add_option("--max-query-ms", server.max_query_ms, "A query's time budget; past it the answer is 504")
      ->check(whole_range(1, 3600000))
      ->default_str(std::to_string(server.max_query_ms));
  command->add_option("--max-body-bytes", server.max_body_bytes, "Larger request bodies get 413")
      ->check(whole_range(0, 1 << 30))
      ->default_str(std::to_string(server.max_body_bytes));
  command->add_option("--read-timeout-ms", server.read_timeout_ms, "Drop a client slower than this to send its request")
      ->check(whole_range(1, 600000))
      ->default_str(std::to_string(server.read_timeout_ms));
  command->add_option("--cache-bytes", server.cache_bytes, "Memory for answers kept for repeated questions")
      ->check(whole_range(0, kMostCount * 16))
      ->default_str(std::to_string(server.cache_bytes));
  command->callback([options, &exit_code] { exit_code = run_serve(*options); });
}

int run_serve(const ServeOptions& options) {
  auto server_options = options.server;
  server_options.quiet = options.input.quiet;
  server_options.validate();

  std::vector<std::string> warnings;
  std::unique_ptr<server::GraphStore> store;
  try {
    store = std::make_unique<server::GraphStore>(query::GraphSource{options.input.path, options.input.from, options.input.csv},
                                                 warnings);
  } catch (const query::InputProblems& problems) {
    fail_on_problems(problems);
  }
  for (const auto& warning : warnings) print_error("warning: " + warning);

  // Blocked before any server thread starts, so every thread inherits it.
  const sigset_t signals = lifecycle_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  server::Server http(*store, server_options, log_line);
  const int port = http.bind();
  if (!server::is_loopback(server_options.host) && server_options.token.empty()) {
    print_error("warning: listening on " + server_options.host +
                " without --token: anyone who can reach this address can query the graph");
  }
  std::printf("kg: serving %s on http://%s:%d\n", options.input.path.c_str(), server_options.host.c_str(), port);
  std::fflush(stdout);

  std::thread watcher([&] {
    for (;;) {
      int signal = 0;
      if (sigwait(&signals, &signal) != 0) continue;
      if (signal == SIGHUP) {
        reload(*store, options.input.path);
        continue;
      }
      if (!server_options.quiet) log_line(std::string("stopping (") + (signal == SIGINT ? "SIGINT" : "SIGTERM") + ")");
      http.stop();
      return;
    }
  });
  http.run();
  // run() returns after a stop, or when listening failed: then the watcher
  // still waits and is told to end.
  pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  return kExitOk;
}

}  // namespace kg::cli
