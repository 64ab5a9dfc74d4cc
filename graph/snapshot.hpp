#pragma once
// Snapshots (.kgs): a graph's columns and adjacency saved as they are held,
// so that opening one maps the file and uses the columns where they lie: a
// checksum and Graph's invariant checks instead of a parse, a build or a
// copy (docs/PERFORMANCE.md, "Loading").
//
// A snapshot is a 32-byte header (magic, format version, byte-order mark,
// payload size, XXH3 checksum of the payload) and a payload written by a
// Boost.Serialization binary archive: every column as its length (u64) and
// its raw elements, zero-padded to 8 bytes so that each column is aligned
// where it lies in the mapped file. Structs with padding or enums (sources,
// relation types, attributes) are split into one column per field and
// decoded on the way in; everything else is used in place. The header is
// verified before any of the payload is looked at, so a truncated, damaged
// or foreign file is refused before it can index anything; a payload that
// passes the checksum but breaks an invariant (a file made by hand) is
// refused by Graph's checks, which include that the stored adjacency is
// the one the relations imply.
//
// The mapping is private and read-only; kg replaces files by renaming, so
// a snapshot rewritten by kg while open is unaffected. A file truncated in
// place under a running kg is not (SIGBUS), as with any mapped database.
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

#include "base/output_file.hpp"
#include "graph/graph.hpp"
#include "graph/view.hpp"

namespace kg {

constexpr std::uint32_t kSnapshotVersion = 3;  // 2: the graph's direction; 3: in place, with adjacency
constexpr std::size_t kSnapshotHeaderBytes = 32;

// Whether the first bytes of a file are a snapshot's magic.
bool looks_like_snapshot(std::string_view head);

// Reports work done out of a total (bytes), for progress bars. Called from
// the thread that loads; may be empty.
using SnapshotProgress = std::function<void(std::uint64_t done, std::uint64_t total)>;

// Writes the snapshot of `graph` to `out` in two passes over the columns
// (the checksum, then the bytes), so that no copy of the payload is held;
// throws OutputError when the stream fails.
void write_snapshot(const Graph& graph, std::ostream& out);
// The same for columns and an adjacency no Graph has checked (tests craft
// files with them; the reader's checks are what stands between such a file
// and a graph).
void write_snapshot(const GraphColumns& columns, const AdjacencyColumns& adjacency, std::ostream& out);
// Writes the snapshot to `path` whole or not at all (base/output_file.hpp);
// throws OutputError naming the path when it cannot be written.
void save_snapshot(const Graph& graph, const std::string& path, const OutputFileOptions& options = {});

// Reads a snapshot held in memory, used in place; `name` stands for the file
// in messages. Throws InputError ("NAME: not a kg snapshot", "NAME:
// truncated ...", "NAME: checksum mismatch ...", "NAME: invalid snapshot: ...").
Graph read_snapshot(std::shared_ptr<const std::string> bytes, const std::string& name,
                    const SnapshotProgress& progress = {});
// Maps the file and uses it in place; throws InputError as above, or when
// the file cannot be opened.
Graph load_snapshot(const std::string& path, const SnapshotProgress& progress = {});

// The columns of what a view keeps: its entities (renumbered in order) and
// the relations between them, with their aliases, attributes and evidence.
// Strings, sources and vocabularies are kept whole.
GraphData view_data(const View& view);

// 64-bit checksum of the payload (XXH3); any single flipped bit changes it.
std::uint64_t snapshot_checksum(const char* bytes, std::size_t size);

}  // namespace kg
