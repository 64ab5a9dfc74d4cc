#pragma once
// The kg JSON v1 reader (docs/FORMAT.md).
#include <string>

#include "ingest/format.hpp"

namespace kg {

Format kg_json_format();

ReadResult read_kg_json_file(const std::string& path, const ReadOptions& options = {});
// Reads a document held in memory; `name` stands for the file in diagnostics.
ReadResult read_kg_json_text(const std::string& text, const std::string& name, const ReadOptions& options = {});

}  // namespace kg
