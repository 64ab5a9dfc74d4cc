#pragma once
// Snapshots (.kgs): a graph's columns saved as they are held, so loading is
// a checksum, a few large copies and Graph's invariant checks instead of a
// parse and a build (docs/PERFORMANCE.md, "Loading").
//
// A snapshot is a 32-byte header (magic, format version, byte-order mark,
// payload size, 64-bit checksum of the payload) and a payload written by a
// Boost.Serialization binary archive: every column as its length and its raw
// elements, structs split into one column per field so that no padding byte
// is written and every enum and bool byte is checked on the way in. The
// header is verified before any of the payload is deserialized, so a
// truncated, damaged or foreign file is refused before it can allocate or
// index anything; a payload that passes the checksum but breaks an
// invariant (a file made by hand) is refused by Graph's constructor.
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

#include "base/output_file.hpp"
#include "graph/graph.hpp"
#include "graph/view.hpp"

namespace kg {

constexpr std::uint32_t kSnapshotVersion = 2;  // 2: the graph's direction
constexpr std::size_t kSnapshotHeaderBytes = 32;

// Whether the first bytes of a file are a snapshot's magic.
bool looks_like_snapshot(std::string_view head);

// Reports work done out of a total (bytes), for progress bars. Called from
// the thread that loads; may be empty.
using SnapshotProgress = std::function<void(std::uint64_t done, std::uint64_t total)>;

// Writes the snapshot of `data` to `out`; throws Error when the stream fails.
void write_snapshot(const GraphData& data, std::ostream& out);
// Writes the snapshot to `path` whole or not at all (base/output_file.hpp);
// throws OutputError naming the path when it cannot be written.
void save_snapshot(const Graph& graph, const std::string& path, const OutputFileOptions& options = {});

// Reads a snapshot held in memory; `name` stands for the file in messages.
// Throws InputError ("NAME: not a kg snapshot", "NAME: truncated ...",
// "NAME: checksum mismatch ...", "NAME: invalid snapshot: ...").
Graph read_snapshot(const char* bytes, std::size_t size, const std::string& name,
                    const SnapshotProgress& progress = {});
// Maps the file and reads it; throws InputError as above, or when the file
// cannot be opened.
Graph load_snapshot(const std::string& path, const SnapshotProgress& progress = {});

// The columns of what a view keeps: its entities (renumbered in order) and
// the relations between them, with their aliases, attributes and evidence.
// Strings, sources and vocabularies are kept whole.
GraphData view_data(const View& view);

// 64-bit checksum of the payload (word-at-a-time, xxHash-style mixing); any
// single flipped bit changes it.
std::uint64_t snapshot_checksum(const char* bytes, std::size_t size);

}  // namespace kg
