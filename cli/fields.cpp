#include "cli/fields.hpp"

#include <algorithm>
#include <utility>

namespace kg::cli {
namespace {

// Fields whose flag is not "--" + the field with dashes.
constexpr std::pair<std::string_view, std::string_view> kFlags[] = {
    {"relation_types", "--relations"},
    {"exclude_relation_types", "--exclude-relations"},
    {"weight_attribute", "--weight-by"},
    {"weights", "--weight-by"},
    {"path_weights", "--weighted/--weight-by"},
    {"format", "--from"},
    {"measure", "--by"},
    {"of_relations", "--of relations"},
    {"normalized", "--normalized/--raw"},
    {"wf_improved", "--no-wf-improved"},
    {"distinct_relations", "--parallel"},
    {"text", "TEXT"},
    {"entity_type", "--type"},
    {"from_date", "DATE1"},
    {"to_date", "DATE2"},
};

}  // namespace

std::string flag_for(std::string_view field) {
  for (const auto& [name, flag] : kFlags) {
    if (name == field) return std::string(flag);
  }
  std::string flag = "--" + std::string(field);
  std::replace(flag.begin(), flag.end(), '_', '-');
  return flag;
}

}  // namespace kg::cli
