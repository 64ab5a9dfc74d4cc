// The endpoints that start from named entities: path, neighbors, and
// entities (search, and one entity with its relations and evidence).
#include "query/entity.hpp"
#include "query/find.hpp"
#include "query/neighbors.hpp"
#include "query/path.hpp"
#include "server/answer.hpp"

namespace kg::server {
namespace {

// Items on a page when the client names no limit.
constexpr std::uint64_t kDefaultLimit = 100;

ParameterSpec paging_offset() {
  return {"offset", ParameterType::Whole, "Skip the first N items", "", 0, 1e9};
}
ParameterSpec paging_limit(const Caps& caps) {
  return {"limit", ParameterType::Whole, "At most N items (default 100)", "", 1, static_cast<double>(caps.limit)};
}

Endpoint path_endpoint(const Caps& caps) {
  std::vector<ParameterSpec> own = {
      {"from", ParameterType::Text, "Start entity", "an id, name or alias"},
      {"to", ParameterType::Text, "End entity", "an id, name or alias"},
      {"k", ParameterType::Whole, "The k shortest simple paths (Yen), shortest first", "", 1, static_cast<double>(caps.k)},
      {"max_hops", ParameterType::Whole, "At most this many steps; alone, every simple path up to it", "", 1,
       static_cast<double>(caps.max_hops)},
      {"all_shortest", ParameterType::Boolean, "Every shortest path (see limit)"},
      {"weighted", ParameterType::Boolean, "Least total weight, by the relation attribute 'weight'"},
      {"weight_by", ParameterType::Text, "Least total weight by an attribute or per type", "amount_usd or funded=1,competed=5"},
      {"time_respecting", ParameterType::Boolean, "Only chains whose steps are in date order"},
      {"parallel", ParameterType::Boolean, "Paths differing only in parallel relations count apart"},
      {"limit", ParameterType::Whole, "Most paths listed by all_shortest and max_hops (default 100)", "", 1,
       static_cast<double>(caps.limit)},
  };
  own[0].required = own[1].required = true;
  return {"path", "Shortest connections between two entities, each step with its date and evidence",
          with_view(true, std::move(own)), [](const Call& call) {
            const auto& p = call.parameters;
            query::PathRequest request;
            request.view = read_view(p, true);
            request.from = p.required_text("from");
            request.to = p.required_text("to");
            request.k = p.whole("k", 1);
            request.max_hops = p.optional_whole("max_hops");
            request.all_shortest = p.boolean("all_shortest");
            request.weighted = p.boolean("weighted");
            request.weight_by = p.text("weight_by");
            request.time_respecting = p.boolean("time_respecting");
            request.distinct_relations = p.boolean("parallel");
            request.limit = p.optional_whole("limit");
            return answer(request, call, [](const query::PathAnswer& result, const Graph& graph, query::JsonSink& json) {
              // A "no path" reason names parameters the way HTTP spells them.
              to_json(result, graph, json, [](std::string_view field) { return parameter_for(field); });
            });
          }};
}

Endpoint neighbors_endpoint(const Caps& caps) {
  std::vector<ParameterSpec> own = {
      {"center", ParameterType::Text, "The entity at the centre", "an id, name or alias"},
      {"depth", ParameterType::Whole, "How many steps out", "", 1, static_cast<double>(caps.depth)},
  };
  own[0].required = true;
  return {"neighbors", "The ego network of an entity within depth steps", with_view(true, std::move(own)),
          [](const Call& call) {
            query::NeighborsRequest request;
            request.view = read_view(call.parameters, true);
            request.center = call.parameters.required_text("center");
            request.depth = call.parameters.whole("depth", 1);
            return answer(request, call);
          }};
}

Endpoint search_endpoint(const Caps& caps) {
  std::vector<ParameterSpec> own = {
      {"text", ParameterType::Text, "What to look for; case, accents and curly apostrophes do not matter", "text"},
      {"regex", ParameterType::Boolean, "text is an ECMAScript regular expression"},
      {"in", ParameterType::Choice, "Look in names and aliases, in quotes, or both", "names|quotes|all"},
      {"type", ParameterType::Text, "Only entities of this type match by name", "an entity type"},
      paging_offset(),
      paging_limit(caps),
  };
  own[0].required = true;
  return {"entities", "Entities, relations and quotes that match a text, paged", with_view(false, std::move(own)),
          [](const Call& call) {
            const auto& p = call.parameters;
            query::FindRequest request;
            request.view = read_view(p, false);
            request.text = p.required_text("text");
            request.regex = p.boolean("regex");
            constexpr SearchScope kScopes[] = {SearchScope::Names, SearchScope::Quotes, SearchScope::All};
            request.scope = kScopes[p.choice("in", 2)];
            request.entity_type = p.text("type");
            request.offset = p.whole("offset", 0);
            request.limit = p.whole("limit", kDefaultLimit);
            return answer(request, call);
          }};
}

Endpoint entity_endpoint(const Caps& caps) {
  return {"entities/{id}", "One entity and its relations in the view, each with its evidence, paged",
          with_view(true, {paging_offset(), paging_limit(caps)}), [](const Call& call) {
            query::EntityRequest request;
            request.view = read_view(call.parameters, true);
            request.entity = call.path_values.at(0);
            request.offset = call.parameters.whole("offset", 0);
            request.limit = call.parameters.whole("limit", kDefaultLimit);
            return answer(request, call);
          }};
}

}  // namespace

void add_walk_endpoints(std::vector<Endpoint>& endpoints, const Caps& caps) {
  endpoints.push_back(path_endpoint(caps));
  endpoints.push_back(neighbors_endpoint(caps));
  endpoints.push_back(search_endpoint(caps));
  endpoints.push_back(entity_endpoint(caps));
}

}  // namespace kg::server
