#pragma once
// What `kg serve` is told: where it listens, who may ask, and the limits
// that keep one client from starving the others (docs/SERVER.md, "Limits").
#include <cstddef>
#include <cstdint>
#include <string>

namespace kg::server {

// Caps on what one request may ask for; a larger value is a 400 naming the
// parameter and the range.
struct Caps {
  std::uint64_t k = 100;          // paths asked for at once
  std::uint64_t max_hops = 50;    // hops a path may take
  std::uint64_t limit = 1000;     // items on one page
  std::uint64_t top = 10000;      // groups or scores listed
  std::uint64_t depth = 5;        // neighbourhood depth
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                       // 0: any free port
  std::size_t threads = 8;               // requests answered at once
  std::size_t queue = 64;                // connections waiting for a thread before 503
  std::string token;                     // when set, every request needs "Authorization: Bearer TOKEN"
  std::string cors_origin;               // when set, CORS headers allow this origin
  std::uint64_t max_query_ms = 5000;     // a query's time budget (504 past it)
  std::size_t max_body_bytes = 65536;    // larger request bodies get 413
  std::uint64_t read_timeout_ms = 5000;  // a client slower than this to send is dropped
  std::uint64_t keep_alive_ms = 1000;    // an idle connection is closed after this
  std::size_t cache_bytes = 64u << 20;   // answers kept for repeated questions
  bool quiet = false;                    // no access log
  Caps caps;

  // Throws InvalidArgument naming the field ("threads", "port", ...).
  void validate() const;
};

// True for 127.0.0.0/8, ::1 and "localhost".
bool is_loopback(const std::string& host);

}  // namespace kg::server
