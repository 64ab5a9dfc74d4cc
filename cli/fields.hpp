#pragma once
// The one table from the fields library errors name (query/ requests,
// algorithms' options) to the command line's flags: only the CLI words a
// field as a flag.
#include <string>
#include <string_view>

namespace kg::cli {

// "--relations" for "relation_types"; a field without an entry is shown as
// "--" and its name with dashes for underscores.
std::string flag_for(std::string_view field);

}  // namespace kg::cli
