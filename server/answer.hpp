#pragma once
// The one way an endpoint answers a query/ request: run it on the served
// graph under the request's time budget and write query/'s JSON, the same
// bytes as the command line's --format json.
#include <type_traits>
#include <utility>

#include "query/json.hpp"
#include "server/endpoints.hpp"
#include "server/parameters.hpp"

namespace kg::server {

template <typename Answer, typename = void>
struct CanBeCut : std::false_type {};
template <typename Answer>
struct CanBeCut<Answer, std::void_t<decltype(std::declval<Answer>().cut)>> : std::true_type {};

// An answer cut by the time budget is no answer for a client that cannot
// see the cut: 504. `write` presents the answer (to_json by default).
template <typename Request, typename Write>
Reply answer(const Request& request, const Call& call, Write&& write) {
  request.validate();
  query::QueryContext context(call.served.graph, call.served.lookup, call.callbacks);
  const auto result = query::run(request, context);
  if constexpr (CanBeCut<std::decay_t<decltype(result)>>::value) {
    if (result.cut) throw BudgetSpent();
  }
  return json_reply(query::json_text([&](query::JsonSink& json) { write(result, call.served.graph, json); }));
}

template <typename Request>
Reply answer(const Request& request, const Call& call) {
  return answer(request, call, [](const auto& result, const Graph& graph, query::JsonSink& json) {
    to_json(result, graph, json);
  });
}

// The view parameters (view_parameters(walks)) followed by `own`.
std::vector<ParameterSpec> with_view(bool walks, std::vector<ParameterSpec> own);

// Adds path, neighbors, entities (search) and entities/{id}.
void add_walk_endpoints(std::vector<Endpoint>& endpoints, const Caps& caps);
// Adds render.
void add_render_endpoints(std::vector<Endpoint>& endpoints, const Caps& caps);
// Adds subgraph, the live evidence map's pieces.
void add_map_endpoints(std::vector<Endpoint>& endpoints, const Caps& caps);

}  // namespace kg::server
