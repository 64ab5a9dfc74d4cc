// The live evidence map: the page at / and /api/v1/subgraph, the pieces of
// the graph it fetches (a neighbourhood or the paths between two entities,
// capped at `limit` entities) and merges into what it shows. Nothing is laid
// out here: no Graphviz, no turn to wait for.
#include "export/html.hpp"
#include "query/subgraph.hpp"
#include "server/answer.hpp"

namespace kg::server {
namespace {

// Entities in a piece when the client names no limit: a neighbourhood a
// reader can take in at a glance, and a page that stays quick to merge.
constexpr std::uint64_t kDefaultLimit = 100;

Endpoint subgraph_endpoint(const Caps& caps) {
  std::vector<ParameterSpec> own = {
      {"focus", ParameterType::Text, "The neighbourhood of this entity (default: the one with the most relations)",
       "an id, name or alias"},
      {"depth", ParameterType::Whole, "Steps around focus (default 1) or path (default 0)", "", 0,
       static_cast<double>(caps.depth)},
      {"path", ParameterType::List, "The shortest connections between two entities instead", "FROM,TO"},
      {"k", ParameterType::Whole, "Shortest paths along path", "", 1, static_cast<double>(caps.k)},
      {"limit", ParameterType::Whole,
       "At most N entities (default 100): the nearest, the busiest among equally near; the focus and the paths are "
       "always kept",
       "", 1, static_cast<double>(caps.limit)},
  };
  return {"subgraph", "A piece of the graph for the live evidence map: the map's own model, capped at limit entities",
          with_view(true, std::move(own)), [](const Call& call) {
            const auto& p = call.parameters;
            query::SubgraphRequest request;
            request.view = read_view(p, true);
            request.focus = p.text("focus");
            request.path = p.list("path");
            request.depth = p.optional_whole("depth");
            request.k = p.whole("k", 1);
            request.limit = p.whole("limit", kDefaultLimit);
            return answer(request, call);
          }};
}

}  // namespace

void add_map_endpoints(std::vector<Endpoint>& endpoints, const Caps& caps) {
  endpoints.push_back(subgraph_endpoint(caps));
}

Reply live_map_page() {
  Reply page(200, write_live_html(default_style()));
  page.content_type = "text/html; charset=utf-8";
  return page;
}

}  // namespace kg::server
