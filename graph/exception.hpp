#pragma once
// The graph layer's exceptions are kg's shared ones (base/exception.hpp);
// this header keeps the includes of the layers above working.
#include "base/exception.hpp"
