#pragma once
// Streaming a file whole or not at all: the writer fills a temporary file
// beside the target, which is renamed over it only once complete. For large
// outputs (interchange formats of millions of relations) that should not be
// held in memory first, unlike write_file_atomically (export/render.hpp).
#include <functional>
#include <iosfwd>
#include <string>

namespace kg {

// Throws InvalidArgument naming the path when it cannot be written; the
// temporary file is removed on every failure, the writer's exceptions
// included (they propagate).
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace kg
