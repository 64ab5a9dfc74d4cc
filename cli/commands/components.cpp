#include "cli/commands/components.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <memory>

#include "algorithms/components.hpp"
#include "cli/text.hpp"

namespace kg::cli {
namespace {

std::vector<std::string_view> sorted_keys(const Graph& graph, const std::vector<EntityId>& members) {
  std::vector<std::string_view> keys;
  keys.reserve(members.size());
  for (EntityId e : members) keys.push_back(graph.entity_key(e));
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::size_t shown(const GroupListing& listing) {
  const std::size_t count = listing.groups->size();
  return listing.top == 0 ? count : std::min(listing.top, count);
}

}  // namespace

void print_groups_text(const GroupListing& listing, std::string_view title) {
  const auto& groups = *listing.groups;
  // "1 community", "3 communities": titles are plurals ending in "s" or "ies".
  std::string noun(title);
  if (groups.size() == 1) noun = noun.size() > 3 && noun.substr(noun.size() - 3) == "ies" ? noun.substr(0, noun.size() - 3) + "y" : noun.substr(0, noun.size() - 1);
  fmt::print("{} {}{}\n", groups.size(), noun, shown(listing) < groups.size() ? fmt::format(" (largest {} shown)", shown(listing)) : "");
  const std::size_t number_width = std::to_string(shown(listing)).size();
  std::size_t size_width = 4;
  for (std::size_t i = 0; i < shown(listing); ++i) size_width = std::max(size_width, std::to_string(groups[i].size()).size());
  fmt::print("{:>{}}  {:>{}}  {}\n", "#", number_width, "size", size_width, "entities");
  for (std::size_t i = 0; i < shown(listing); ++i) {
    std::string members;
    for (const auto key : sorted_keys(*listing.graph, groups[i])) {
      if (!members.empty()) members += ", ";
      members += printable(key);
    }
    fmt::print("{:>{}}  {:>{}}  {}\n", i + 1, number_width, groups[i].size(), size_width, members);
  }
}

void write_groups_json(JsonWriter& json, const char* key, const GroupListing& listing) {
  json.Key(key);
  json.StartArray();
  for (std::size_t i = 0; i < shown(listing); ++i) {
    const auto& members = (*listing.groups)[i];
    json.StartObject();
    json.Key("size");
    json.Uint64(members.size());
    json.Key("entities");
    json.StartArray();
    for (const auto member : sorted_keys(*listing.graph, members)) write_string(json, member);
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
}

void print_timings(Clock::time_point start, Clock::time_point loaded, Clock::time_point computed) {
  const auto seconds = [](Clock::duration d) { return std::chrono::duration<double>(d).count(); };
  print_error(fmt::format("timings: load {:.3f} s, compute {:.3f} s", seconds(loaded - start), seconds(computed - loaded)));
}

void setup_components(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ComponentsOptions>();
  auto* command = app.add_subcommand("components", "Groups of connected entities, largest first");
  add_graph_input(*command, options->input);
  add_output_format(*command, options->format);
  add_filter_options(*command, options->filters);
  command->add_flag("--strong", options->strong,
                    "Strongly connected: each member reaches every other following the arrows");
  command->add_flag("--timings", options->timings, "Report load and compute seconds on stderr");
  command->add_option("--top", options->top, "List only the N largest (0: all)")
      ->check(whole_range(0, kMostCount))
      ->default_str("0");
  add_time_limit(*command, options->time_limit);
  command->callback([options, &exit_code] { exit_code = run_components(*options); });
}

int run_components(const ComponentsOptions& options) {
  const auto start = Clock::now();
  const Graph graph = load_graph(options.input);
  const auto loaded = Clock::now();
  const View view(graph, options.filters.to_filter());
  const ShouldStop should_stop = options.time_limit.should_stop();
  const ComponentsResult result = options.strong ? strongly_connected_components(view, should_stop)
                                                 : weakly_connected_components(view, should_stop);
  if (options.timings) print_timings(start, loaded, Clock::now());
  const GroupListing listing{&graph, &result.members, options.top};
  if (options.format == OutputFormat::Json) {
    print_json([&](JsonWriter& json) {
      json.StartObject();
      json.Key("strong");
      json.Bool(options.strong);
      json.Key("count");
      json.Uint64(result.members.size());
      write_groups_json(json, "components", listing);
      json.Key("undated_relations");
      json.Uint64(count_kept_undated(view));
      write_cut(json, result.cut);
      json.EndObject();
    });
  } else {
    print_groups_text(listing, options.strong ? "strongly connected components" : "connected components");
    print_undated_note(options.filters, view);
  }
  if (!result.cut) return kExitOk;
  options.time_limit.report_cut("the components found so far; entities not reached yet are not listed");
  return kExitNo;
}

}  // namespace kg::cli
