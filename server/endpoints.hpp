#pragma once
// The API's endpoints: each a path under /api/v1/, the parameters it
// documents (read through server/parameters.hpp, described in
// openapi.json from the same table, so the two cannot drift) and the
// handler that asks query/ the question and writes query/'s JSON, the
// same serializer as the command line's --format json.
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "query/context.hpp"
#include "server/graph_store.hpp"
#include "server/options.hpp"
#include "server/parameters.hpp"
#include "server/reply.hpp"

namespace kg::server {

// One request as an endpoint sees it.
struct Call {
  const Parameters& parameters;
  const ServedGraph& served;
  std::vector<std::string> path_values;  // the {...} parts of the path, in order
  query::Callbacks callbacks;            // should_stop is the time budget
  std::chrono::steady_clock::time_point deadline;  // the same budget, for work that cannot poll
};

struct Endpoint {
  std::string path;  // after /api/v1/; "{id}" stands for one path segment
  std::string summary;
  std::vector<ParameterSpec> parameters;
  std::function<Reply(const Call&)> handler;
  bool cached = false;  // answers kept per graph and parameters (costly questions)
};

// Every endpoint but openapi.json, which describes these.
std::vector<Endpoint> api_endpoints(const Caps& caps);

// GET /: the live evidence map (docs/VIEWER.md, "Live mode"). The page is
// the same for every graph and request: it holds no data, reads its
// parameters from its own URL and fetches pieces from /api/v1/subgraph.
Reply live_map_page();

// The OpenAPI 3.0 document for `endpoints`.
std::string openapi_json(const std::vector<Endpoint>& endpoints, const Caps& caps);

}  // namespace kg::server
