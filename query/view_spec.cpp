#include "query/view_spec.hpp"

#include "graph/exception.hpp"

namespace kg::query {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ",") + item;
  return text;
}

}  // namespace

const char* direction_name(Direction direction) {
  switch (direction) {
    case Direction::Out: return "out";
    case Direction::In: return "in";
    case Direction::Any: return "any";
  }
  return "";
}

void ViewSpec::validate() const {
  if (!as_of.empty() && !between.empty()) {
    throw InvalidArgument(Field{"as_of"}, Message{Field{"as_of"}, " and ", Field{"between"}, " cannot be combined"});
  }
  if (!as_of.empty() && !Date::parse(as_of)) throw InvalidArgument(Field{"as_of"}, Date::explain_invalid(as_of));
  if (!between.empty() && !DateWindow::parse(between)) {
    // An impossible day on either side is named as such.
    const auto dots = between.find("..");
    for (const std::string& end :
         {between.substr(0, dots), dots == std::string::npos ? std::string() : between.substr(dots + 2)}) {
      if (!end.empty() && !Date::parse(end)) throw InvalidArgument(Field{"between"}, Date::explain_invalid(end));
    }
    throw InvalidArgument(Field{"between"}, "invalid window '" + between +
                                                "' (expected DATE..DATE, DATE.. or ..DATE, the first not after the "
                                                "second)");
  }
}

bool ViewSpec::marks_undated() const { return !as_of.empty() || !between.empty() || undated != Undated::Include; }

Filter ViewSpec::to_filter() const {
  validate();
  Filter filter;
  filter.relation_types = relation_types;
  filter.exclude_relation_types = exclude_relation_types;
  filter.entity_types = entity_types;
  filter.avoid = avoid;
  filter.max_degree = max_degree;
  filter.undated = undated;
  if (!as_of.empty()) {
    const Date date = *Date::parse(as_of);
    filter.window = DateWindow{date, date};
  }
  if (!between.empty()) filter.window = DateWindow::parse(between);
  return filter;
}

std::vector<SetField> set_fields(const ViewSpec& spec) {
  std::vector<SetField> set;
  const auto add = [&](const char* field, std::string value, auto clear) {
    ViewSpec without = spec;
    clear(without);
    set.push_back({field, std::move(value), std::move(without)});
  };
  if (!spec.relation_types.empty()) add("relation_types", joined(spec.relation_types), [](auto& s) { s.relation_types.clear(); });
  if (!spec.exclude_relation_types.empty()) {
    add("exclude_relation_types", joined(spec.exclude_relation_types), [](auto& s) { s.exclude_relation_types.clear(); });
  }
  if (!spec.entity_types.empty()) add("entity_types", joined(spec.entity_types), [](auto& s) { s.entity_types.clear(); });
  if (!spec.as_of.empty()) add("as_of", spec.as_of, [](auto& s) { s.as_of.clear(); });
  if (!spec.between.empty()) add("between", spec.between, [](auto& s) { s.between.clear(); });
  if (spec.undated != Undated::Include) {
    add("undated", spec.undated == Undated::Exclude ? "exclude" : "only", [](auto& s) { s.undated = Undated::Include; });
  }
  if (!spec.avoid.empty()) add("avoid", joined(spec.avoid), [](auto& s) { s.avoid.clear(); });
  if (spec.max_degree) add("max_degree", std::to_string(*spec.max_degree), [](auto& s) { s.max_degree.reset(); });
  if (spec.direction != Direction::Any) add("direction", direction_name(spec.direction), [](auto& s) { s.direction = Direction::Any; });
  return set;
}

}  // namespace kg::query
