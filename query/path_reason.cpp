// Why there is no path: each constraint of the request is dropped in turn,
// and the ones whose absence connects A and B are named with the hops they
// would take.
#include <fmt/core.h>

#include <utility>

#include "query/path.hpp"
#include "query/printable.hpp"
#include "query/text.hpp"

namespace kg::query {
namespace {

std::string hops(std::size_t n) { return counted(n, "hop", "hops"); }

std::optional<std::size_t> hop_distance(const Graph& graph, const ViewSpec& spec, EntityId from, EntityId to,
                                        bool time_respecting) {
  const View view(graph, spec.to_filter());
  ShortestPathOptions options;
  options.direction = spec.direction;
  options.time_respecting = time_respecting;
  const auto result = shortest_path(view, from, to, options);
  if (result.paths.empty()) return std::nullopt;
  return result.paths.front().length();
}

// "relation_types funded,offered direction out", each field worded by the
// front end.
void append_fields(Message& message, const std::vector<SetField>& fields) {
  bool first = true;
  for (const auto& set : fields) {
    if (!first) message.append(" ");
    first = false;
    message.append(Field{set.field}).append(" " + set.value);
  }
}

}  // namespace

Message no_path_reason(const Graph& graph, EntityId from, EntityId to, const PathRequest& request) {
  const std::string base = fmt::format("no {}path from {} to {}", request.time_respecting ? "time-respecting " : "",
                                       printable(graph.entity_name(from)), printable(graph.entity_name(to)));
  if (request.max_hops) {
    if (const auto d = hop_distance(graph, request.view, from, to, request.time_respecting)) {
      return Message{fmt::format("{} within {}; the shortest has {}", base, hops(*request.max_hops), *d)};
    }
  }
  if (request.time_respecting) {
    if (const auto d = hop_distance(graph, request.view, from, to, false)) {
      return Message{fmt::format("{}: every connection has a step dated before the step it follows; ignoring dates "
                                 "they connect in {}",
                                 base, hops(*d))};
    }
  }
  const auto set = set_fields(request.view);
  // The fields that alone keep A and B apart, each with the hops without it.
  std::vector<std::pair<SetField, std::size_t>> culprits;
  for (const auto& field : set) {
    if (const auto d = hop_distance(graph, field.without, from, to, false)) culprits.emplace_back(field, *d);
  }
  Message message{base};
  if (!set.empty()) {
    message.append(" with ");
    append_fields(message, set);
  }
  if (culprits.size() == 1 && set.size() == 1) {
    return message.append("; without it they connect in " + hops(culprits[0].second));
  }
  if (!culprits.empty()) {
    message.append(";");
    bool first = true;
    for (const auto& [field, d] : culprits) {
      message.append(first ? " without " : ", without ");
      first = false;
      append_fields(message, {field});
      message.append(" they connect in " + hops(d));
    }
    return message;
  }
  if (set.empty()) return message.append(": they are not connected in this graph");
  if (const auto d = hop_distance(graph, ViewSpec{}, from, to, false)) {
    return message.append("; without filters they connect in " + hops(*d));
  }
  return message.append(": they are not connected in this graph, even without filters");
}

}  // namespace kg::query
