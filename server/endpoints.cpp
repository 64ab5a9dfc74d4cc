#include "server/endpoints.hpp"

#include "query/communities.hpp"
#include "query/components.hpp"
#include "query/info.hpp"
#include "query/json.hpp"
#include "query/rank.hpp"
#include "server/answer.hpp"

namespace kg::server {
namespace {

ParameterSpec top_parameter(const Caps& caps) {
  return {"top", ParameterType::Whole, "List only the N largest (0: all, up to the cap)", "", 0,
          static_cast<double>(caps.top)};
}

// Groups listed when the client names no number: all of them would be one
// group per entity on a graph of isolated entities.
constexpr std::uint64_t kDefaultTop = 100;

std::string measure_choices() {
  std::string words;
  for (const auto& [word, measure] : query::measure_words()) words += (words.empty() ? "" : "|") + word;
  return words;
}

Endpoint rank_endpoint(const Caps& caps) {
  std::vector<ParameterSpec> own = {
      {"by", ParameterType::Choice, "The measure (docs/RANKING.md)", measure_choices()},
      {"top", ParameterType::Whole, "Show the N highest (0: all, up to the cap)", "", 0, static_cast<double>(caps.top)},
      {"of", ParameterType::Choice, "Rank entities, or relations (betweenness only)", "entities|relations"},
      {"normalized", ParameterType::Boolean, "Normalise as NetworkX does (false: raw counts)"},
      {"samples", ParameterType::Whole, "Betweenness from K sampled sources (estimate)", "", 1, 1e9},
      {"seed", ParameterType::Whole, "Seed of the samples' draw", "", 0, 1e18},
      {"personalize", ParameterType::List, "PageRank teleports only to these entities", "entity names"},
      {"weight_by", ParameterType::Text, "Relation attribute used as weight", "an attribute name"},
      {"damping", ParameterType::Real, "PageRank damping factor", "", 0, 1},
      {"tolerance", ParameterType::Real, "PageRank/eigenvector tolerance per entity", "", 1e-15, 1},
      {"max_iterations", ParameterType::Whole, "PageRank/eigenvector iteration limit", "", 1, 1e6},
      {"wf_improved", ParameterType::Boolean, "Closeness with the Wasserman-Faust scaling (default true)"},
  };
  return {"rank", "Who matters: entities (or relations) by a centrality measure, highest first",
          with_view(true, std::move(own)),
          [](const Call& call) {
            const auto& p = call.parameters;
            query::RankRequest request;
            request.view = read_view(p, true);
            request.measure = query::measure_words()[p.choice("by", 0)].second;
            request.top = p.whole("top", request.top);
            request.of_relations = p.choice("of", 0) == 1;
            if (p.has("normalized")) request.normalized = p.boolean("normalized");
            request.samples = p.optional_whole("samples");
            request.seed = p.optional_whole("seed");
            request.personalize = p.list("personalize");
            request.weight_attribute = p.text("weight_by");
            if (p.has("damping")) request.damping = p.real("damping", 0);
            if (p.has("tolerance")) request.tolerance = p.real("tolerance", 0);
            request.max_iterations = p.optional_whole("max_iterations");
            request.wf_improved = p.boolean("wf_improved", true);
            return answer(request, call);
          },
          true};
}

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

std::vector<ParameterSpec> with_view(bool walks, std::vector<ParameterSpec> own) {
  auto specs = view_parameters(walks);
  specs.insert(specs.end(), own.begin(), own.end());
  return specs;
}

std::vector<Endpoint> api_endpoints(const Caps& caps) {
  std::vector<Endpoint> endpoints;
  endpoints.push_back({"health", "Whether the server answers, and the size and generation of its graph", {}, health});

  endpoints.push_back({"info", "Counts by entity and relation type, date range, sources",
                       with_view(false, {{"stats", ParameterType::Boolean, "Also the memory the graph takes"}}),
                       [](const Call& call) {
                         query::InfoRequest request;
                         request.view = read_view(call.parameters, false);
                         request.stats = call.parameters.boolean("stats");
                         return answer(request, call);
                       },
                       true});
  add_walk_endpoints(endpoints, caps);
  endpoints.push_back(rank_endpoint(caps));
  add_render_endpoints(endpoints, caps);
  add_map_endpoints(endpoints, caps);

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
