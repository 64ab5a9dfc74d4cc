#include "server/endpoints.hpp"

#include <type_traits>

#include "query/communities.hpp"
#include "query/components.hpp"
#include "query/json.hpp"

namespace kg::server {
namespace {

template <typename Answer, typename = void>
struct CanBeCut : std::false_type {};
template <typename Answer>
struct CanBeCut<Answer, std::void_t<decltype(std::declval<Answer>().cut)>> : std::true_type {};

// Runs `request` on the served graph and writes its answer as the command
// line's --format json does. An answer cut by the time budget is no answer
// for a client that cannot see the cut: 504.
template <typename Request>
Reply answer(const Request& request, const Call& call) {
  request.validate();
  query::QueryContext context(call.served.graph, call.callbacks);
  const auto result = query::run(request, context);
  if constexpr (CanBeCut<decltype(result)>::value) {
    if (result.cut) throw BudgetSpent();
  }
  return json_reply(query::json_text([&](query::JsonSink& json) { to_json(result, call.served.graph, json); }));
}

std::vector<ParameterSpec> with_view(bool walks, std::vector<ParameterSpec> own) {
  auto specs = view_parameters(walks);
  specs.insert(specs.end(), own.begin(), own.end());
  return specs;
}

ParameterSpec top_parameter(const Caps& caps) {
  return {"top", ParameterType::Whole, "List only the N largest (0: all, up to the cap)", "", 0,
          static_cast<double>(caps.top)};
}

// Groups listed when the client names no number: all of them would be one
// group per entity on a graph of isolated entities.
constexpr std::uint64_t kDefaultTop = 100;

Reply health(const Call& call) {
  return json_reply(query::json_text([&](query::JsonSink& json) {
    json.StartObject();
    json.Key("status");
    json.String("ok");
    json.Key("generation");
    json.Uint64(call.served.generation);
    json.Key("entities");
    json.Uint64(call.served.graph.entity_count());
    json.Key("relations");
    json.Uint64(call.served.graph.relation_count());
    json.EndObject();
  }));
}

}  // namespace

std::vector<Endpoint> api_endpoints(const Caps& caps) {
  std::vector<Endpoint> endpoints;
  endpoints.push_back({"health", "Whether the server answers, and the size and generation of its graph", {}, health});

  endpoints.push_back({"components", "Groups of connected entities, largest first",
                       with_view(false, {{"strong", ParameterType::Boolean,
                                          "Strongly connected: each member reaches every other following the arrows"},
                                         top_parameter(caps)}),
                       [](const Call& call) {
                         query::ComponentsRequest request;
                         request.view = read_view(call.parameters, false);
                         request.strong = call.parameters.boolean("strong");
                         request.top = call.parameters.whole("top", kDefaultTop);
                         return answer(request, call);
                       },
                       true});

  endpoints.push_back({"communities", "Densely linked groups of entities (Louvain), with modularity",
                       with_view(false, {{"seed", ParameterType::Whole, "Seed of the order entities are visited in", "",
                                          0, 1e18},
                                         {"resolution", ParameterType::Real, "Above 1 favours smaller communities", "",
                                          1e-9, 1e6},
                                         top_parameter(caps)}),
                       [](const Call& call) {
                         query::CommunitiesRequest request;
                         request.view = read_view(call.parameters, false);
                         request.seed = call.parameters.whole("seed", 0);
                         request.resolution = call.parameters.real("resolution", 1.0);
                         request.top = call.parameters.whole("top", kDefaultTop);
                         return answer(request, call);
                       },
                       true});
  return endpoints;
}

}  // namespace kg::server
