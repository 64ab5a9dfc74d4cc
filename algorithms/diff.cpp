#include "algorithms/diff.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "graph/exception.hpp"

namespace kg {
namespace {

// Entities at either end of a kept relation active on `day`.
std::vector<bool> active_entities(const View& view, Date day) {
  const Graph& graph = view.graph();
  std::vector<bool> active(graph.entity_count(), false);
  const DateWindow window{day, day};
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (view.keeps_relation(r) && active_in(graph.date(r), graph.until(r), window)) {
      active[graph.source(r)] = active[graph.target(r)] = true;
    }
  }
  return active;
}

std::string value_text(const Graph& graph, const Value& value) {
  switch (value.kind()) {
    case Value::Kind::String: return "s" + std::string(graph.str(value.as_string()));
    case Value::Kind::Json: return "j" + std::string(graph.str(value.as_string()));
    case Value::Kind::Integer: return "i" + std::to_string(value.as_integer());
    case Value::Kind::Real: return "r" + std::to_string(value.as_real());
    case Value::Kind::Boolean: return value.as_boolean() ? "btrue" : "bfalse";
  }
  return "";
}

// Attributes as comparable text, in key order (the order of a JSON object
// carries no meaning).
std::vector<std::string> attributes_text(const Graph& graph, Span<Attribute> attributes) {
  std::vector<std::string> text;
  for (const Attribute& a : attributes) {
    text.push_back(std::string(graph.str(a.key)) + '\0' + value_text(graph, a.value));
  }
  std::sort(text.begin(), text.end());
  return text;
}

std::vector<std::string> aliases_text(const Graph& graph, EntityId e) {
  std::vector<std::string> text;
  for (const StringId alias : graph.entity_aliases(e)) text.emplace_back(graph.str(alias));
  return text;
}

std::vector<std::string> evidence_text(const Graph& graph, RelationId r) {
  std::vector<std::string> text;
  for (const Evidence& e : graph.evidence(r)) {
    text.push_back(std::string(graph.str(graph.sources()[e.source].id)) + '\0' + std::string(graph.str(e.quote)));
  }
  return text;
}

std::vector<std::string> entity_changes(const Graph& before, EntityId b, const Graph& after, EntityId a) {
  std::vector<std::string> fields;
  if (before.entity_name(b) != after.entity_name(a)) fields.push_back("name");
  if (before.entity_type_name(before.entity_type(b)) != after.entity_type_name(after.entity_type(a))) {
    fields.push_back("type");
  }
  if (aliases_text(before, b) != aliases_text(after, a)) fields.push_back("aliases");
  if (attributes_text(before, before.entity_attributes(b)) != attributes_text(after, after.entity_attributes(a))) {
    fields.push_back("attributes");
  }
  return fields;
}

std::vector<std::string> relation_changes(const Graph& before, RelationId b, const Graph& after, RelationId a) {
  std::vector<std::string> fields;
  if (before.until(b) != after.until(a)) fields.push_back("until");
  if (attributes_text(before, before.relation_attributes(b)) !=
      attributes_text(after, after.relation_attributes(a))) {
    fields.push_back("attributes");
  }
  if (evidence_text(before, b) != evidence_text(after, a)) fields.push_back("evidence");
  return fields;
}

using RelationKey = std::tuple<std::string, std::string, std::string, std::uint32_t>;

RelationKey key_of(const Graph& graph, RelationId r) {
  return {std::string(graph.entity_key(graph.source(r))), std::string(graph.relation_type_name(graph.relation_type(r))),
          std::string(graph.entity_key(graph.target(r))), graph.date(r).pack()};
}

}  // namespace

std::size_t DateDiff::started_count() const {
  return std::count_if(relations.begin(), relations.end(), [](const RelationChange& c) { return c.started; });
}
std::size_t DateDiff::ended_count() const {
  return std::count_if(relations.begin(), relations.end(), [](const RelationChange& c) { return c.ended; });
}
std::size_t DateDiff::stayed_count() const {
  return std::count_if(relations.begin(), relations.end(), [](const RelationChange& c) { return c.stayed(); });
}

DateDiff diff_dates(const View& view, Date from, Date to) {
  if (from.empty() || to.empty() || to.last_day() < from.first_day()) {
    throw InvalidArgument("dates: the first date must not be after the second");
  }
  const Graph& graph = view.graph();
  DateDiff diff;
  diff.from = from;
  diff.to = to;
  const DateWindow window{from, to};
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    const Date date = graph.date(r), until = graph.until(r);
    if (!view.keeps_relation(r) || !active_in(date, until, window)) continue;
    const bool started = !date.empty() && date.first_day() > from.last_day();
    const bool ended = !until.empty() && until.last_day() < to.first_day();
    diff.relations.push_back({r, started, ended});
  }
  const auto before = active_entities(view, from), after = active_entities(view, to);
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    if (after[e] && !before[e]) diff.appeared.push_back(e);
    if (before[e] && !after[e]) diff.left.push_back(e);
  }
  return diff;
}

bool GraphDiff::empty() const {
  return added_entities.empty() && removed_entities.empty() && changed_entities.empty() && added_relations.empty() &&
         removed_relations.empty() && changed_relations.empty();
}

GraphDiff diff_graphs(const Graph& before, const Graph& after) {
  GraphDiff diff;
  for (EntityId b = 0; b < before.entity_count(); ++b) {
    const auto a = after.find_entity(before.entity_key(b));
    if (!a) {
      diff.removed_entities.push_back(b);
    } else if (auto fields = entity_changes(before, b, after, *a); !fields.empty()) {
      diff.changed_entities.push_back({b, *a, std::move(fields)});
    }
  }
  for (EntityId a = 0; a < after.entity_count(); ++a) {
    if (!before.find_entity(after.entity_key(a))) diff.added_entities.push_back(a);
  }
  // The relations of `after` by key, each list in input order, consumed
  // from the front as relations of `before` claim them.
  std::map<RelationKey, std::vector<RelationId>> unmatched;
  for (RelationId a = after.relation_count(); a-- > 0;) unmatched[key_of(after, a)].push_back(a);
  for (RelationId b = 0; b < before.relation_count(); ++b) {
    auto it = unmatched.find(key_of(before, b));
    if (it == unmatched.end() || it->second.empty()) {
      diff.removed_relations.push_back(b);
      continue;
    }
    const RelationId a = it->second.back();
    it->second.pop_back();
    if (auto fields = relation_changes(before, b, after, a); !fields.empty()) {
      diff.changed_relations.push_back({b, a, std::move(fields)});
    }
  }
  for (const auto& [key, relations] : unmatched) {
    diff.added_relations.insert(diff.added_relations.end(), relations.begin(), relations.end());
  }
  std::sort(diff.added_relations.begin(), diff.added_relations.end());
  return diff;
}

}  // namespace kg
