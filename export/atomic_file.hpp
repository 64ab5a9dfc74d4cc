#pragma once
// Output files are written by base/output_file.hpp (one implementation for
// every writer); this header keeps the writers' includes working.
#include "base/output_file.hpp"
