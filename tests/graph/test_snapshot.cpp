// Snapshots: every column survives the round trip, and every damaged file
// (truncated at any length, any single bit flipped, foreign, or crafted to
// pass the checksum with broken data) is refused with InputError, never a
// crash or a silently different graph.
#include <doctest/doctest.h>

#include <cstring>
#include <filesystem>
#include <sstream>

#include "graph/exception.hpp"
#include "graph/snapshot.hpp"
#include "graph/view.hpp"
#include "ingest/format.hpp"
#include "ingest/kg_json.hpp"
#include "ingest/node_link.hpp"
#include "tests/support/support.hpp"

using namespace kg;

namespace {

// Every kind of column: graph attributes (a JSON one too), sources with and
// without dates, aliases, attributes of each kind, symmetric and polar
// relation types, open and closed date ranges, evidence.
//
//   ada --funded(2015..2018)--> lab <--competed(sym)--> rival
//    |                           ^
//    +--recruited(2016-03-14)----+-- (bob, no relations)
const char* kRichGraph = R"({
  "kg": 1, "name": "rich", "topic": {"nested": [1, 2, {"x": null}]}, "year": 2024,
  "sources": [{"id": "s1", "title": "First", "url": "https://example.org/1", "date": "2024-03"},
              {"id": "s2"}],
  "entities": [
    {"id": "ada", "name": "Ada", "type": "person", "aliases": ["A.", "Countess"],
     "attributes": {"born": 1815, "height": 1.65, "alive": false, "title": "countess"}},
    {"id": "lab", "name": "The Lab", "type": "lab"},
    {"id": "rival", "type": "lab", "attributes": {"big": true}},
    {"id": "bob", "name": "Bob", "type": "person", "aliases": ["Robert"]}
  ],
  "relations": [
    {"source": "ada", "target": "lab", "type": "funded", "date": "2015", "until": "2018-02",
     "attributes": {"amount_usd": 1000000, "share": 0.25},
     "evidence": [{"source": "s1", "quote": "Ada funded the lab."}, {"source": "s2", "quote": "\u00e9l\u00e8ve"}]},
    {"source": "lab", "target": "rival", "type": "competed"},
    {"source": "Countess", "target": "lab", "type": "recruited", "date": "2016-03-14",
     "evidence": [{"source": "s2", "quote": "she joined"}]}
  ],
  "relation_types": {"competed": {"symmetric": true, "polarity": "negative", "description": "rivals"},
                     "funded": {"polarity": "positive"}}
})";

std::string snapshot_bytes(const Graph& graph) {
  std::ostringstream out;
  write_snapshot(graph, out);
  return out.str();
}

// The snapshot of columns as given, with the adjacency of `shape` (a graph
// with the same relations): a file made by hand, which no Graph checked.
std::string crafted_bytes(const GraphData& data, const Graph& shape) {
  std::ostringstream out;
  write_snapshot(columns_of(data), shape.adjacency(), out);
  return out.str();
}

Graph read(const std::string& bytes) { return read_snapshot(std::make_shared<const std::string>(bytes), "test.kgs"); }

bool same_value(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::String:
    case Value::Kind::Json: return a.as_string() == b.as_string();
    case Value::Kind::Integer: return a.as_integer() == b.as_integer();
    case Value::Kind::Real: return a.as_real() == b.as_real();
    case Value::Kind::Boolean: return a.as_boolean() == b.as_boolean();
  }
  return false;
}

void check_same_attributes(const std::vector<Attribute>& a, const std::vector<Attribute>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].key == b[i].key);
    CHECK(same_value(a[i].value, b[i].value));
  }
}

void check_same_columns(const GraphData& a, const GraphData& b) {
  CHECK(a.strings.data() == b.strings.data());
  CHECK(a.strings.offsets() == b.strings.offsets());
  CHECK(a.name == b.name);
  check_same_attributes(a.graph_attributes, b.graph_attributes);
  REQUIRE(a.sources.size() == b.sources.size());
  for (std::size_t i = 0; i < a.sources.size(); ++i) {
    CHECK(a.sources[i].id == b.sources[i].id);
    CHECK(a.sources[i].title == b.sources[i].title);
    CHECK(a.sources[i].url == b.sources[i].url);
    CHECK(a.sources[i].date == b.sources[i].date);
  }
  CHECK(a.entity_type_names == b.entity_type_names);
  REQUIRE(a.relation_type_infos.size() == b.relation_type_infos.size());
  for (std::size_t i = 0; i < a.relation_type_infos.size(); ++i) {
    CHECK(a.relation_type_infos[i].name == b.relation_type_infos[i].name);
    CHECK(a.relation_type_infos[i].description == b.relation_type_infos[i].description);
    CHECK(a.relation_type_infos[i].polarity == b.relation_type_infos[i].polarity);
    CHECK(a.relation_type_infos[i].symmetric == b.relation_type_infos[i].symmetric);
  }
  CHECK(a.entity_keys == b.entity_keys);
  CHECK(a.entity_names == b.entity_names);
  CHECK(a.entity_types == b.entity_types);
  CHECK(a.alias_offsets == b.alias_offsets);
  CHECK(a.aliases == b.aliases);
  CHECK(a.entity_attribute_offsets == b.entity_attribute_offsets);
  check_same_attributes(a.entity_attributes, b.entity_attributes);
  CHECK(a.relation_sources == b.relation_sources);
  CHECK(a.relation_targets == b.relation_targets);
  CHECK(a.relation_types == b.relation_types);
  CHECK(a.relation_dates == b.relation_dates);
  CHECK(a.relation_untils == b.relation_untils);
  CHECK(a.relation_attribute_offsets == b.relation_attribute_offsets);
  check_same_attributes(a.relation_attributes, b.relation_attributes);
  CHECK(a.evidence_offsets == b.evidence_offsets);
  REQUIRE(a.evidence.size() == b.evidence.size());
  for (std::size_t i = 0; i < a.evidence.size(); ++i) {
    CHECK(a.evidence[i].source == b.evidence[i].source);
    CHECK(a.evidence[i].quote == b.evidence[i].quote);
  }
}

// Replaces the payload's checksum in the header with the right one, as
// someone crafting a file by hand would.
void fix_checksum(std::string& bytes) {
  const std::uint64_t sum =
      snapshot_checksum(bytes.data() + kSnapshotHeaderBytes, bytes.size() - kSnapshotHeaderBytes);
  for (int i = 0; i < 8; ++i) bytes[24 + i] = static_cast<char>(sum >> (8 * i));
}

void check_rejected(const std::string& bytes, const std::string& expected_words) {
  try {
    read(bytes);
    FAIL("accepted a damaged snapshot (expected: " << expected_words << ")");
  } catch (const InputError& error) {
    const std::string message = error.what();
    CHECK(message.rfind("test.kgs: ", 0) == 0);
    CHECK_MESSAGE(message.find(expected_words) != std::string::npos, message);
  }
}

}  // namespace

TEST_CASE("Snapshot round trip keeps every column") {
  const Graph original = test::graph_from_json(kRichGraph);
  const std::string bytes = snapshot_bytes(original);
  CHECK(looks_like_snapshot(bytes));
  const Graph loaded = read(bytes);
  check_same_columns(copy_of(original.columns()), copy_of(loaded.columns()));
  // And what the graph derives from them.
  CHECK(loaded.entity_count() == 4);
  CHECK(loaded.relation_count() == 3);
  CHECK(loaded.relation_type_info(*loaded.find_relation_type("competed")).symmetric);
  CHECK(loaded.relation_type_info(*loaded.find_relation_type("funded")).polarity == Polarity::Positive);
  CHECK(loaded.str(loaded.evidence(0)[1].quote) == "\xc3\xa9l\xc3\xa8ve");
  CHECK(loaded.until(0).to_string() == "2018-02");
  CHECK(loaded.find_entity("bob") == EntityId{3});
  REQUIRE(loaded.in_relations(1).size() == 2);
  CHECK(loaded.source(loaded.in_relations(1)[1]) == 0);  // recruited by ada through her alias
  // Saving what was loaded gives the same bytes: nothing uninitialised is written.
  CHECK(snapshot_bytes(loaded) == bytes);
}

TEST_CASE("Snapshot round trip of the sample and of an empty graph") {
  ReadResult sample = read_kg_json_file(test::source_dir() + "/samples/openai.json");
  REQUIRE(sample.graph);
  check_same_columns(copy_of(sample.graph->columns()), copy_of(read(snapshot_bytes(*sample.graph)).columns()));

  const Graph empty = test::graph_from_json(R"({"kg": 1, "entities": [], "relations": []})");
  const Graph loaded = read(snapshot_bytes(empty));
  CHECK(loaded.entity_count() == 0);
  CHECK(loaded.relation_count() == 0);
}

TEST_CASE("A snapshot truncated at any length is refused") {
  const std::string bytes = snapshot_bytes(test::graph_from_json(kRichGraph));
  REQUIRE(bytes.size() > 200);
  for (std::size_t length = 0; length < bytes.size(); ++length) {
    CAPTURE(length);
    check_rejected(bytes.substr(0, length), length == 0 ? "not a kg snapshot" : "truncated");
  }
  check_rejected(bytes + '\0', "unexpected bytes after");
}

TEST_CASE("A snapshot with any single bit flipped is refused") {
  const std::string bytes = snapshot_bytes(test::graph_from_json(kRichGraph));
  std::size_t refused = 0;
  for (std::size_t bit = 0; bit < bytes.size() * 8; ++bit) {
    std::string damaged = bytes;
    damaged[bit / 8] = static_cast<char>(damaged[bit / 8] ^ (1 << (bit % 8)));
    try {
      read(damaged);
      FAIL("bit " << bit << " flipped and the snapshot was accepted");
    } catch (const InputError& error) {
      ++refused;
      const std::string message = error.what();
      const bool says_why = message.find("not a kg snapshot") != std::string::npos ||
                            message.find("version") != std::string::npos ||
                            message.find("byte order") != std::string::npos ||
                            message.find("truncated") != std::string::npos ||
                            message.find("unexpected bytes") != std::string::npos ||
                            message.find("checksum mismatch") != std::string::npos;
      CHECK_MESSAGE(says_why, message);
    }
  }
  CHECK(refused == bytes.size() * 8);
}

TEST_CASE("Foreign files are not snapshots") {
  check_rejected("", "not a kg snapshot");
  check_rejected(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "not a kg snapshot");
  check_rejected(R"({"kg": 1, "entities": []})", "not a kg snapshot");
  check_rejected(std::string(4096, '\0'), "not a kg snapshot");
  CHECK_FALSE(looks_like_snapshot("\x89PNG\r\n\x1a\n"));
}

TEST_CASE("A crafted snapshot that passes the checksum is still checked") {
  const Graph graph = test::graph_from_json(kRichGraph);
  const std::string bytes = snapshot_bytes(graph);
  const std::size_t payload = kSnapshotHeaderBytes;

  SUBCASE("a column length far beyond the file allocates nothing") {
    std::string crafted = bytes;
    const std::uint64_t huge = std::uint64_t{1} << 60;
    std::memcpy(&crafted[payload], &huge, sizeof huge);  // the string pool's length
    fix_checksum(crafted);
    check_rejected(crafted, "length beyond the data");
  }
  SUBCASE("a padding byte that is not zero") {
    // The payload starts with the string pool: its length, its bytes, then
    // zeros up to a multiple of eight.
    std::uint64_t length;
    std::memcpy(&length, &bytes[payload], sizeof length);
    REQUIRE(length % 8 != 0);
    std::string crafted = bytes;
    crafted[payload + 8 + length] = 1;
    fix_checksum(crafted);
    check_rejected(crafted, "strings: padding not zero");
  }
  SUBCASE("a relation endpoint out of range") {
    GraphData data = copy_of(graph.columns());
    data.relation_targets[1] = 99;
    std::string crafted = crafted_bytes(data, graph);
    check_rejected(crafted, "relation endpoint out of range");
  }
  SUBCASE("a bool byte that is neither 0 nor 1") {
    // Two snapshots that differ only in one type's symmetry differ in
    // exactly that byte.
    GraphData data = copy_of(graph.columns());
    std::string reference = crafted_bytes(data, graph);
    data.relation_type_infos[0].symmetric = !data.relation_type_infos[0].symmetric;
    std::string flipped = crafted_bytes(data, graph);
    REQUIRE(reference.size() == flipped.size());
    std::size_t at = kSnapshotHeaderBytes;
    while (reference[at] == flipped[at]) ++at;
    flipped[at] = 2;
    fix_checksum(flipped);
    check_rejected(flipped, "symmetry neither 0 nor 1");
  }
  SUBCASE("an unknown format version") {
    std::string crafted = bytes;
    crafted[8] = 4;
    check_rejected(crafted, "format version 4 is not supported");
  }
  SUBCASE("a version 1 snapshot (no direction stored) is refused, not guessed directed") {
    std::string crafted = bytes;
    crafted[8] = 1;
    check_rejected(crafted, "format version 1 is not supported (this kg reads version 3); save it again");
  }
  SUBCASE("a graph flag this version does not know") {
    // The flags byte follows the string pool's two columns and the name.
    GraphData data = copy_of(graph.columns());
    std::string reference = crafted_bytes(data, graph);
    data.directed = false;
    std::string flipped = crafted_bytes(data, graph);
    REQUIRE(reference.size() == flipped.size());
    std::size_t at = kSnapshotHeaderBytes;
    while (reference[at] == flipped[at]) ++at;
    CHECK(static_cast<unsigned char>(flipped[at]) == 1);
    flipped[at] = 4;
    fix_checksum(flipped);
    check_rejected(flipped, "unknown graph flags 4");
  }
  SUBCASE("integer ids flagged on ids that are not integers") {
    GraphData data = copy_of(graph.columns());
    data.integer_ids = true;
    check_rejected(crafted_bytes(data, graph), "integer ids flagged, an id is not one");
  }
}

TEST_CASE("A crafted snapshot whose stored adjacency differs from its relations is refused") {
  // kRichGraph: ada(0) -funded-> lab(1), lab -competed-> rival(2), ada -recruited-> lab.
  // The adjacency is used as stored, so each way it could lie is caught.
  const Graph graph = test::graph_from_json(kRichGraph);
  const GraphColumns& columns = graph.columns();
  const AdjacencyColumns& stored = graph.adjacency();
  std::vector<Offset> out_offsets(stored.out_offsets.begin(), stored.out_offsets.end());
  std::vector<RelationId> out_relations(stored.out_relations.begin(), stored.out_relations.end());
  std::vector<EntityId> out_neighbors(stored.out_neighbors.begin(), stored.out_neighbors.end());
  std::vector<Offset> in_offsets(stored.in_offsets.begin(), stored.in_offsets.end());
  std::vector<RelationId> in_relations(stored.in_relations.begin(), stored.in_relations.end());
  const auto span = [](const auto& v) { return Span<typename std::decay_t<decltype(v)>::value_type>(v.data(), v.size()); };
  const auto crafted = [&] {
    std::ostringstream out;
    write_snapshot(columns,
                   {span(out_offsets), span(out_relations), span(out_neighbors), span(in_offsets), span(in_relations)},
                   out);
    return out.str();
  };
  REQUIRE(in_relations == std::vector<RelationId>{0, 2, 1});  // lab's two, then rival's
  SUBCASE("the sound adjacency loads") { CHECK(read(crafted()).relation_count() == 3); }
  SUBCASE("a slice out of input order") {
    std::swap(in_relations[0], in_relations[1]);
    check_rejected(crafted(), "in-adjacency inconsistent");
  }
  SUBCASE("a relation listed twice, another not at all") {
    in_relations[1] = 0;
    check_rejected(crafted(), "in-adjacency inconsistent");
  }
  SUBCASE("a relation in another entity's slice") {
    in_offsets[2] = 1;  // lab keeps one relation, rival gets relation 2
    check_rejected(crafted(), "in-adjacency inconsistent");
  }
  SUBCASE("a neighbour that is not the relation's target") {
    out_neighbors[0] = 2;
    check_rejected(crafted(), "out-adjacency inconsistent");
  }
  SUBCASE("a relation id past the end") {
    out_relations[0] = 7;
    check_rejected(crafted(), "out-adjacency inconsistent");
  }
}

TEST_CASE("A snapshot keeps the graph's direction and integer ids") {
  //   0 -- 1   (undirected, NetworkX integer ids)
  const auto result = read_node_link_text(
      R"({"directed": false, "nodes": [{"id": 0}, {"id": 1}], "links": [{"source": 0, "target": 1}]})", "t.json");
  REQUIRE(result.graph);
  const Graph loaded = read(snapshot_bytes(*result.graph));
  CHECK_FALSE(loaded.directed());
  CHECK(loaded.integer_ids());
  CHECK(loaded.both_ways(0));
  const Graph directed = read(snapshot_bytes(test::graph_from_json(kRichGraph)));
  CHECK(directed.directed());
  CHECK_FALSE(directed.integer_ids());
}

TEST_CASE("Saving writes a whole file or none") {
  const Graph graph = test::graph_from_json(kRichGraph);
  const std::string dir = test::temp_dir();
  const std::string path = dir + "/g.kgs";
  save_snapshot(graph, path);
  check_same_columns(copy_of(graph.columns()), copy_of(load_snapshot(path).columns()));
  // Saving again replaces it; no temporary file stays behind.
  save_snapshot(graph, path);
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++files;
  CHECK(files == 1);

  CHECK_THROWS_AS(save_snapshot(graph, dir + "/missing/g.kgs"), OutputError);
  CHECK_THROWS_AS(load_snapshot(dir + "/absent.kgs"), InputError);
  CHECK_THROWS_AS(load_snapshot(dir), InputError);
}

TEST_CASE("A view's columns hold what it keeps, renumbered") {
  const Graph graph = test::graph_from_json(kRichGraph);
  Filter filter;
  filter.entity_types = {"person", "lab"};
  filter.relation_types = {"funded", "recruited"};
  filter.avoid = {"bob"};
  const Graph part(view_data(View(graph, filter)));
  REQUIRE(part.entity_count() == 3);
  CHECK(part.entity_key(0) == "ada");
  CHECK(part.entity_key(1) == "lab");
  CHECK(part.entity_key(2) == "rival");
  REQUIRE(part.entity_aliases(0).size() == 2);
  CHECK(part.str(part.entity_aliases(0)[1]) == "Countess");
  CHECK(part.entity_attributes(2).size() == 1);
  REQUIRE(part.relation_count() == 2);
  CHECK(part.relation_type_name(part.relation_type(0)) == "funded");
  CHECK(part.evidence(0).size() == 2);
  CHECK(part.relation_type_name(part.relation_type(1)) == "recruited");
  CHECK(part.date(1).to_string() == "2016-03-14");
  CHECK(part.evidence(1).size() == 1);

  // A view of an undirected graph with integer ids is one too.
  const auto undirected = read_node_link_text(
      R"({"directed": false, "nodes": [{"id": 0}, {"id": 1}, {"id": 2}], "links": [{"source": 0, "target": 1}]})",
      "t.json");
  REQUIRE(undirected.graph);
  Filter keep_two;
  keep_two.avoid = {"2"};
  const Graph two(view_data(View(*undirected.graph, keep_two)));
  CHECK(two.entity_count() == 2);
  CHECK_FALSE(two.directed());
  CHECK(two.integer_ids());

  // Dropping an entity renumbers the ones after it.
  Filter avoid_lab;
  avoid_lab.avoid = {"lab"};
  const Graph without_lab(view_data(View(graph, avoid_lab)));
  CHECK(without_lab.entity_count() == 3);
  CHECK(without_lab.entity_key(1) == "rival");
  CHECK(without_lab.relation_count() == 0);
}

// A snapshot made by hand, with a correct checksum, passes every check a
// JSON input passes: each of these loaded before, and kg then wrote broken
// output from it.
TEST_CASE("A hand-made snapshot with a correct checksum is checked as a JSON input is") {
  const Graph graph = test::graph_from_json(kRichGraph);
  const std::string dir = test::temp_dir();
  const auto refused = [&](const GraphData& data, const std::string& path, const std::string& words) {
    const std::string file = dir + "/crafted.kgs";
    test::write_file(file, crafted_bytes(data, graph));
    const ReadResult result = read_graph(file);
    CHECK_FALSE(result.graph);
    REQUIRE_FALSE(result.problems.empty());
    CHECK(result.problems[0].path == path);
    CHECK_MESSAGE(result.problems[0].message.find(words) != std::string::npos, result.problems[0].message);
  };
  const GraphData original = copy_of(graph.columns());
  {
    GraphData d = original;  // ada, lab, rival, bob
    d.entity_keys[2] = d.entity_keys[1];
    refused(d, "entities[2].id", "duplicate id 'lab' (first defined by entities[1])");
  }
  {
    GraphData d = original;
    d.entity_keys[3] = 0;  // the empty string
    refused(d, "entities[3].id", "empty id");
  }
  {
    GraphData d = original;
    d.aliases[2] = d.entity_keys[1];  // bob's alias "Robert" becomes "lab"
    refused(d, "entities[3].aliases[0]", "alias 'lab' already names 'lab'");
  }
  {
    GraphData d = original;
    d.relation_untils[0] = Date::parse("2014")->pack();  // date 2015
    refused(d, "relations[0].until", "until 2014 precedes date 2015");
  }
  {
    GraphData d = original;
    d.sources[1].id = d.sources[0].id;
    refused(d, "sources[1].id", "duplicate source id 's1'");
  }
  {
    GraphData d = original;
    std::string bytes = d.strings.data();
    const std::size_t at = bytes.find("Ada funded");
    REQUIRE(at != std::string::npos);
    bytes[at] = '\xff';
    d.strings = StringPool::from_columns(bytes, d.strings.offsets());
    refused(d, "relations[0].evidence[0].quote", "invalid UTF-8 in string (byte 0xFF at byte 0 of the text)");
  }
  // The sound original loads.
  test::write_file(dir + "/sound.kgs", crafted_bytes(original, graph));
  CHECK(read_graph(dir + "/sound.kgs").graph);
}
