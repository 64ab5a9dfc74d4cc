#pragma once
// Input files are mapped by base/mapped_file.hpp (one implementation for
// every reader and snapshots); this header keeps the readers' includes working.
#include "base/mapped_file.hpp"
