// Diagrams over HTTP: /api/v1/render (SVG, PNG, PDF, DOT or the HTML
// evidence map of a view). Graphviz layouts run one at a time (query/render.hpp:
// forking for a layout while other threads allocate is unsafe), each under
// the request's time budget.
#include <mutex>

#include "query/render.hpp"
#include "server/answer.hpp"

namespace kg::server {
namespace {

constexpr ImageFormat kFormats[] = {ImageFormat::Svg, ImageFormat::Png, ImageFormat::Pdf, ImageFormat::Dot,
                                    ImageFormat::Html};
constexpr const char* kContentTypes[] = {"image/svg+xml", "image/png", "application/pdf", "text/vnd.graphviz",
                                         "text/html; charset=utf-8"};
constexpr LayoutEngine kEngines[] = {LayoutEngine::Dot, LayoutEngine::Neato, LayoutEngine::Sfdp, LayoutEngine::Circo};

std::mutex& layout_turn() {
  static std::mutex turn;
  return turn;
}

std::vector<ParameterSpec> drawing_parameters(const Caps& caps) {
  return with_view(true, {
      {"focus", ParameterType::Text, "Draw the neighbourhood of this entity", "an id, name or alias"},
      {"depth", ParameterType::Whole, "Steps around focus (default 1) or path (default 0)", "", 0,
       static_cast<double>(caps.depth)},
      {"path", ParameterType::List, "Draw the shortest connections between two entities", "FROM,TO"},
      {"k", ParameterType::Whole, "Shortest paths drawn along path", "", 1, static_cast<double>(caps.k)},
      {"engine", ParameterType::Choice, "Graphviz layout (chosen by size when absent)", "dot|neato|sfdp|circo"},
  });
}

query::RenderRequest drawing_request(const Call& call, ImageFormat format) {
  const auto& p = call.parameters;
  query::RenderRequest request;
  request.view = read_view(p, true);
  request.format = format;
  request.focus = p.text("focus");
  request.depth = p.optional_whole("depth");
  request.path = p.list("path");
  request.k = p.whole("k", 1);
  if (p.has("engine")) request.engine = kEngines[p.choice("engine", 0)];
  return request;
}

Reply drawn(query::RenderRequest request, const Call& call, const char* content_type) {
  request.validate();
  std::lock_guard<std::mutex> turn(layout_turn());
  query::QueryContext context(call.served.graph, call.served.lookup, call.callbacks);
  if (std::chrono::steady_clock::now() > call.deadline) throw BudgetSpent();  // spent waiting for the turn
  request.deadline = call.deadline;
  auto result = query::run(request, context);
  if (result.bytes.empty()) {
    return error_reply({404, "no path joins " + request.path.front() + " and " + request.path.back() + " in this view"});
  }
  Reply reply(200, std::move(result.bytes));
  reply.content_type = content_type;
  return reply;
}

}  // namespace

void add_render_endpoints(std::vector<Endpoint>& endpoints, const Caps& caps) {
  auto parameters = drawing_parameters(caps);
  parameters.push_back({"format", ParameterType::Choice, "What to draw", "svg|png|pdf|dot|html"});
  endpoints.push_back({"render", "The diagram of a view (Graphviz, in turn with other renders), or its evidence map",
                       std::move(parameters), [](const Call& call) {
                         const auto format = call.parameters.choice("format", 0);
                         return drawn(drawing_request(call, kFormats[format]), call, kContentTypes[format]);
                       }});
}

}  // namespace kg::server
