#pragma once
// Text shown to people, control characters escaped: query/printable.hpp,
// which the presenters of query/ share with the command line; and whether
// standard output is a person's terminal.
#include <unistd.h>

#include <cstdio>

#include "query/printable.hpp"

namespace kg::cli {

using query::printable;

// Whether standard output is a terminal (marks and colours are for people).
inline bool stdout_is_terminal() { return isatty(fileno(stdout)) == 1; }

}  // namespace kg::cli
