#pragma once
// The HTTP service: routes /api/v1/ onto the endpoints, checks the token,
// adds CORS headers, sheds load, gives each query its time budget, logs one
// line per request, and stops cleanly (in-flight requests finish or are cut
// at once, idle connections close).
#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "server/graph_store.hpp"
#include "server/options.hpp"

namespace kg::server {

// One access-log or event line (without a newline).
using LogLine = std::function<void(const std::string& line)>;

class Server {
 public:
  // validate()s the options.
  Server(GraphStore& store, ServerOptions options, LogLine log);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the address; returns the port (the real one for port 0). Throws
  // InvalidArgument naming "host" or "port" when it cannot.
  int bind();
  // Serves until stop(); after bind().
  void run();
  // From any thread (a signal watcher): stops accepting, cuts the queries in
  // flight, lets their replies go out, and makes run() return.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Whether two secrets are equal, in time that depends only on their lengths.
bool same_secret(const std::string& given, const std::string& expected);

}  // namespace kg::server
