#include "server/options.hpp"

#include "graph/exception.hpp"

namespace kg::server {

void ServerOptions::validate() const {
  if (host.empty()) throw InvalidArgument(Field{"host"}, "must not be empty");
  if (port < 0 || port > 65535) throw InvalidArgument(Field{"port"}, "must be in 0..65535");
  if (threads < 1 || threads > 1024) throw InvalidArgument(Field{"threads"}, "must be in 1..1024");
  if (queue > 100000) throw InvalidArgument(Field{"queue"}, "must be in 0..100000");
  if (max_query_ms < 1) throw InvalidArgument(Field{"max_query_ms"}, "must be at least 1");
  if (read_timeout_ms < 1) throw InvalidArgument(Field{"read_timeout_ms"}, "must be at least 1");
  for (const char c : token) {
    // The token travels in a header: visible ASCII only.
    if (c <= ' ' || c > '~') throw InvalidArgument(Field{"token"}, "must be printable ASCII without spaces");
  }
}

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

}  // namespace kg::server
