#include "server/server.hpp"

#include <httplib.h>
#include <malloc.h>

#include <chrono>
#include <fmt/core.h>

#include "graph/exception.hpp"
#include "graph/lookup.hpp"
#include "query/printable.hpp"
#include "server/answer_cache.hpp"
#include "server/endpoints.hpp"
#include "server/reply.hpp"
#include "server/task_queue.hpp"

namespace kg::server {
namespace {

using Clock = std::chrono::steady_clock;
using HandlerResponse = httplib::Server::HandlerResponse;

// When the request this thread is answering arrived, for the access log.
thread_local Clock::time_point request_start = Clock::now();

const std::string kApi = "/api/v1/";

// "entities/{id}" -> "/api/v1/entities/([^/]+)", dots taken literally.
std::string route_pattern(const std::string& path) {
  std::string pattern;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '{') {
      pattern += "([^/]+)";
      i = path.find('}', i);
    } else if (path[i] == '.') {
      pattern += "\\.";
    } else {
      pattern += path[i];
    }
  }
  return kApi + pattern;
}

void send(httplib::Response& response, const Reply& reply) {
  response.status = reply.status;
  response.set_content(reply.body, reply.content_type.c_str());
}

// The key of an answer in the cache: the graph, the endpoint and every
// parameter (httplib keeps them sorted by name).
std::string cache_key(std::uint64_t generation, const httplib::Request& request) {
  std::string key = std::to_string(generation) + ' ' + request.path;
  for (const auto& [name, value] : request.params) {
    key += '\n' + name + '=' + value;
  }
  return key;
}

}  // namespace

bool same_secret(const std::string& given, const std::string& expected) {
  // Every byte of the longer one is compared, whatever differs first.
  const std::size_t length = std::max(given.size(), expected.size());
  unsigned char difference = given.size() == expected.size() ? 0 : 1;
  for (std::size_t i = 0; i < length; ++i) {
    const unsigned char a = i < given.size() ? static_cast<unsigned char>(given[i]) : 0;
    const unsigned char b = i < expected.size() ? static_cast<unsigned char>(expected[i]) : 0;
    difference |= static_cast<unsigned char>(a ^ b);
  }
  return difference == 0;
}

struct Server::Impl {
  Impl(GraphStore& graph_store, ServerOptions server_options, LogLine log_line)
      : store(graph_store),
        options(std::move(server_options)),
        log(std::move(log_line)),
        endpoints(api_endpoints(options.caps)),
        page(live_map_page()),
        openapi(openapi_json(endpoints, options.caps)),
        cache(options.cache_bytes) {}

  void configure();
  HandlerResponse before_routing(const httplib::Request& request, httplib::Response& response);
  void answer(const Endpoint& endpoint, const httplib::Request& request, httplib::Response& response);
  void fill_error(const httplib::Request& request, httplib::Response& response);
  void log_request(const httplib::Request& request, const httplib::Response& response);
  Reply body_too_large() const {
    return error_reply({413, "the request body is over " + std::to_string(options.max_body_bytes) + " bytes"});
  }

  GraphStore& store;
  const ServerOptions options;
  const LogLine log;
  const std::vector<Endpoint> endpoints;
  const Reply page;  // the live map, the same for every request
  const std::string openapi;
  AnswerCache cache;
  std::atomic<bool> stopping{false};
  httplib::Server http;
};

void Server::Impl::configure() {
  http.new_task_queue = [this] { return new BoundedTaskQueue(options.threads, options.queue); };
  // SO_REUSEADDR alone: httplib's default SO_REUSEPORT would let a second
  // server bind a port already serving and split its clients.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_payload_max_length(options.max_body_bytes);
  // A reply leaves in two writes (headers, body): with Nagle's algorithm the
  // second waits for the client's delayed ACK, 40 ms on every kept-alive request.
  http.set_tcp_nodelay(true);
  http.set_read_timeout(std::chrono::milliseconds(options.read_timeout_ms));
  http.set_write_timeout(std::chrono::milliseconds(options.read_timeout_ms));
  // Whole seconds only in httplib: an idle connection waits at least one,
  // which bounds how long a stop waits for it.
  http.set_keep_alive_timeout(static_cast<time_t>(std::max<std::uint64_t>(1, options.keep_alive_ms / 1000)));
  http.set_keep_alive_max_count(100);
  http.set_pre_routing_handler(
      [this](const httplib::Request& request, httplib::Response& response) { return before_routing(request, response); });
  for (const auto& endpoint : endpoints) {
    http.Get(route_pattern(endpoint.path),
             [this, &endpoint](const httplib::Request& request, httplib::Response& response) {
               answer(endpoint, request, response);
             });
  }
  http.Get("/", [this](const httplib::Request&, httplib::Response& response) { send(response, page); });
  http.Get(route_pattern("openapi.json"), [this](const httplib::Request&, httplib::Response& response) {
    send(response, Reply{200, openapi});
  });
  http.set_error_handler([this](const httplib::Request& request, httplib::Response& response) {
    fill_error(request, response);
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
    send(response, error_reply({500, "internal error"}));
  });
  if (!options.quiet) {
    http.set_logger(
        [this](const httplib::Request& request, const httplib::Response& response) { log_request(request, response); });
  }
}

HandlerResponse Server::Impl::before_routing(const httplib::Request& request, httplib::Response& response) {
  request_start = Clock::now();
  if (!options.cors_origin.empty()) {
    response.set_header("Access-Control-Allow-Origin", options.cors_origin);
    response.set_header("Vary", "Origin");
    if (request.method == "OPTIONS") {
      response.set_header("Access-Control-Allow-Methods", "GET, OPTIONS");
      response.set_header("Access-Control-Allow-Headers", "Authorization");
      response.set_header("Access-Control-Max-Age", "600");
      response.status = 204;
      return HandlerResponse::Handled;
    }
  }
  // No endpoint reads a body, and httplib leaves an unread one in the
  // stream, where it would be taken for the next request: a request that
  // carries one ends its connection, and one over the limit is refused.
  if (request.has_header("Content-Length") || request.has_header("Transfer-Encoding")) {
    response.set_header("Connection", "close");
    const auto length = request.get_header_value("Content-Length");
    if (length.size() > 18 || (!length.empty() && std::stoull("0" + length) > options.max_body_bytes)) {
      send(response, body_too_large());
      return HandlerResponse::Handled;
    }
  }
  if (BoundedTaskQueue::shedding() || stopping) {
    response.set_header("Retry-After", "1");
    response.set_header("Connection", "close");
    send(response, error_reply({503, stopping ? "the server is stopping" : "the server is busy: retry later"}));
    return HandlerResponse::Handled;
  }
  // The live map's page holds no data (every piece of the graph comes
  // through the API, with the token): a browser, which cannot send a
  // header when it opens a URL, may load it without one.
  const bool public_page = request.path == "/";
  if (!options.token.empty() && !public_page &&
      !same_secret(request.get_header_value("Authorization"), "Bearer " + options.token)) {
    response.set_header("WWW-Authenticate", "Bearer");
    send(response, error_reply({401, "this server needs a token: Authorization: Bearer TOKEN"}));
    return HandlerResponse::Handled;
  }
  if (request.method != "GET" && request.method != "HEAD") {
    response.set_header("Allow", "GET, HEAD");
    send(response, error_reply({405, "the API is read-only: only GET is answered"}));
    return HandlerResponse::Handled;
  }
  return HandlerResponse::Unhandled;
}

void Server::Impl::answer(const Endpoint& endpoint, const httplib::Request& request, httplib::Response& response) {
  const auto served = store.current();
  const auto deadline = request_start + std::chrono::milliseconds(options.max_query_ms);
  try {
    const Parameters parameters(request.params, endpoint.parameters);
    const std::string key = endpoint.cached ? cache_key(served->generation, request) : std::string();
    if (endpoint.cached) {
      if (auto hit = cache.find(key)) return send(response, Reply{200, std::move(*hit)});
    }
    Call call{parameters, *served, {}, {}, deadline};
    for (std::size_t i = 1; i < request.matches.size(); ++i) call.path_values.push_back(request.matches[i]);
    call.callbacks.should_stop = [this, deadline] { return stopping || Clock::now() > deadline; };
    const Reply reply = endpoint.handler(call);
    if (endpoint.cached && reply.status == 200) cache.store(key, reply.body);
    send(response, reply);
  } catch (...) {
    send(response, reply_for_exception(served->lookup, stopping));
  }
}

void Server::Impl::fill_error(const httplib::Request& request, httplib::Response& response) {
  if (!response.body.empty()) return;  // a handler's own JSON error
  switch (response.status) {
    case 404: {
      std::vector<std::string_view> known;
      std::vector<std::string> names;
      for (const auto& endpoint : endpoints) names.push_back(kApi + endpoint.path);
      names.push_back(kApi + "openapi.json");
      for (const auto& name : names) known.push_back(name);
      ErrorReply error{404, "no endpoint " + request.path + " (see " + kApi + "openapi.json)"};
      for (const auto& match : closest_matches(request.path, known)) error.suggestions.emplace_back(match);
      return send(response, error_reply(error));
    }
    case 413: return send(response, body_too_large());
    case 414: return send(response, error_reply({414, "the URL is over " + std::to_string(CPPHTTPLIB_REQUEST_URI_MAX_LENGTH) + " bytes"}));
    case 400: return send(response, error_reply({400, "malformed request"}));
    default: return send(response, error_reply({response.status, "request refused"}));
  }
}

void Server::Impl::log_request(const httplib::Request& request, const httplib::Response& response) {
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - request_start).count();
  log(fmt::format("{} \"{} {}\" {} {} {:.1f} ms", request.remote_addr, query::printable(request.method),
                  query::printable(request.target), response.status, response.body.size(), ms));
}

Server::Server(GraphStore& store, ServerOptions options, LogLine log) {
  options.validate();
  impl_ = std::make_unique<Impl>(store, std::move(options), std::move(log));
  impl_->configure();
}

Server::~Server() = default;

int Server::bind() {
  const auto& options = impl_->options;
  const int port = options.port == 0 ? impl_->http.bind_to_any_port(options.host)
                                     : (impl_->http.bind_to_port(options.host, options.port) ? options.port : -1);
  if (port < 0) {
    throw InvalidArgument(Field{"port"}, Message{"cannot listen on ", Field{"host"}, " " + options.host + " ",
                                                 Field{"port"}, " " + std::to_string(options.port) +
                                                                    " (in use, not an address of this machine, or not allowed)"});
  }
  return port;
}

void Server::run() {
  // Answers of megabytes (a hub's neighbourhood) are built and freed by many
  // threads: under glibc's adaptive mmap threshold they settle in the
  // threads' arenas and stay (RSS grew by 280 MB over 100,000 requests on
  // M). A fixed threshold maps them and gives them back.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  impl_->http.listen_after_bind();
}

void Server::stop() {
  impl_->stopping = true;
  impl_->http.stop();
}

}  // namespace kg::server
