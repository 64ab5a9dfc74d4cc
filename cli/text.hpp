#pragma once
// Text shown to people, control characters escaped: query/printable.hpp,
// which the presenters of query/ share with the command line.
#include "query/printable.hpp"

namespace kg::cli {

using query::printable;

}  // namespace kg::cli
