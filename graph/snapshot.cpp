#include "graph/snapshot.hpp"


#include <algorithm>
#include <array>
#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <cstring>
#include <ostream>
#include <streambuf>
#include <type_traits>
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "base/mapped_file.hpp"
#include "graph/exception.hpp"

namespace kg {
namespace {

// PNG's trick: a high byte and a CR-LF pair, so a file mangled by a text-mode
// transfer fails the magic instead of the checksum.
constexpr std::array<char, 8> kMagic = {'\x89', 'K', 'G', 'S', '\r', '\n', '\x1a', '\n'};
constexpr std::uint32_t kByteOrderMark = 0x01020304;
constexpr unsigned kArchiveFlags = boost::archive::no_header | boost::archive::no_codecvt;

// ---- header -----------------------------------------------------------------

void put_u32(char* at, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) at[i] = static_cast<char>(value >> (8 * i));
}
void put_u64(char* at, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) at[i] = static_cast<char>(value >> (8 * i));
}
std::uint32_t get_u32(const char* at) {
  std::uint32_t value = 0;
  for (int i = 3; i >= 0; --i) value = value << 8 | static_cast<unsigned char>(at[i]);
  return value;
}
std::uint64_t get_u64(const char* at) {
  std::uint64_t value = 0;
  for (int i = 7; i >= 0; --i) value = value << 8 | static_cast<unsigned char>(at[i]);
  return value;
}

// Layout: magic[8], version u32 LE, byte-order mark u32 native (the payload
// is native-endian), payload size u64 LE, checksum u64 LE.
std::array<char, kSnapshotHeaderBytes> make_header(std::uint64_t payload_size, std::uint64_t checksum) {
  std::array<char, kSnapshotHeaderBytes> header{};
  std::memcpy(header.data(), kMagic.data(), kMagic.size());
  put_u32(header.data() + 8, kSnapshotVersion);
  std::memcpy(header.data() + 12, &kByteOrderMark, sizeof kByteOrderMark);
  put_u64(header.data() + 16, payload_size);
  put_u64(header.data() + 24, checksum);
  return header;
}

// Verifies everything the header promises; returns the payload's size.
std::size_t check_header(const char* bytes, std::size_t size, const std::string& name) {
  const std::size_t magic_bytes = std::min(size, kMagic.size());
  if (size == 0 || std::memcmp(bytes, kMagic.data(), magic_bytes) != 0) {
    throw InputError(name + ": not a kg snapshot (the file does not start with the .kgs magic bytes)");
  }
  if (size < kSnapshotHeaderBytes) {
    throw InputError(name + ": truncated kg snapshot: " + std::to_string(size) + " bytes, shorter than its " +
                     std::to_string(kSnapshotHeaderBytes) + "-byte header");
  }
  const std::uint32_t version = get_u32(bytes + 8);
  if (version != kSnapshotVersion) {
    throw InputError(name + ": kg snapshot format version " + std::to_string(version) +
                     " is not supported (this kg reads version " + std::to_string(kSnapshotVersion) +
                     "); save it again from its source");
  }
  std::uint32_t mark;
  std::memcpy(&mark, bytes + 12, sizeof mark);
  if (mark != kByteOrderMark) {
    throw InputError(name + ": kg snapshot written with another byte order, or its header is damaged");
  }
  const std::uint64_t payload = get_u64(bytes + 16);
  const std::uint64_t present = size - kSnapshotHeaderBytes;
  if (payload > present) {
    throw InputError(name + ": truncated kg snapshot: the header promises " + std::to_string(payload) +
                     " bytes of data, the file holds " + std::to_string(present));
  }
  if (payload < present) {
    throw InputError(name + ": damaged kg snapshot: " + std::to_string(present - payload) +
                     " unexpected bytes after the data the header describes");
  }
  const std::uint64_t expected = get_u64(bytes + 24);
  const std::uint64_t actual = snapshot_checksum(bytes + kSnapshotHeaderBytes, payload);
  if (expected != actual) {
    throw InputError(name + ": damaged kg snapshot: checksum mismatch (the data changed after it was written)");
  }
  return payload;
}

// ---- payload ----------------------------------------------------------------

constexpr std::size_t kAlignment = 8;

// Counts and checksums what is written to it, keeping nothing: the first of
// the writer's two passes.
class ChecksumSink : public std::streambuf {
 public:
  ChecksumSink() : state_(XXH3_createState()) {
    if (!state_) throw std::bad_alloc();
    XXH3_64bits_reset(state_);
  }
  ~ChecksumSink() override { XXH3_freeState(state_); }
  ChecksumSink(const ChecksumSink&) = delete;
  ChecksumSink& operator=(const ChecksumSink&) = delete;

  std::uint64_t size() const { return size_; }
  std::uint64_t checksum() const { return XXH3_64bits_digest(state_); }

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    XXH3_64bits_update(state_, s, static_cast<std::size_t>(n));
    size_ += static_cast<std::uint64_t>(n);
    return n;
  }
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char byte = traits_type::to_char_type(c);
    xsputn(&byte, 1);
    return c;
  }

 private:
  XXH3_state_t* state_;
  std::uint64_t size_ = 0;
};

// Hands the archive's bytes to an ostream, which keeps any failure of the
// file in its state: an exception thrown inside the archive (its destructor
// flushes) would end the process.
class StreamForwarder : public std::streambuf {
 public:
  explicit StreamForwarder(std::ostream& out) : out_(out) {}

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override { return out_.write(s, n) ? n : 0; }
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    return out_.put(traits_type::to_char_type(c)) ? c : traits_type::eof();
  }

 private:
  std::ostream& out_;
};

class PayloadWriter {
 public:
  explicit PayloadWriter(std::streambuf& out) : archive_(out, kArchiveFlags) {}

  void scalar(std::uint64_t value) { archive_.save_binary(&value, sizeof value); }
  template <typename T>
  void column(Span<T> values) {
    static_assert(std::is_trivially_copyable_v<T> && std::has_unique_object_representations_v<T>,
                  "a column is written as its bytes: no padding, no floating point");
    scalar(values.size());
    const std::size_t bytes = values.size() * sizeof(T);
    if (bytes) archive_.save_binary(values.data(), bytes);
    static constexpr char kZeros[kAlignment] = {};
    if (bytes % kAlignment) archive_.save_binary(kZeros, kAlignment - bytes % kAlignment);
  }
  // One column per field of each struct.
  template <typename T, typename Field>
  void field(Span<T> items, Field get) {
    std::vector<decltype(get(*items.begin()))> values;
    values.reserve(items.size());
    for (const T& item : items) values.push_back(get(item));
    column(Span<typename decltype(values)::value_type>(values.data(), values.size()));
  }
  void attributes(Span<Attribute> items) {
    field(items, [](const Attribute& a) { return a.key; });
    field(items, [](const Attribute& a) { return static_cast<std::uint8_t>(a.value.kind()); });
    field(items, [](const Attribute& a) -> std::uint64_t {
      const Value& v = a.value;
      switch (v.kind()) {
        case Value::Kind::String:
        case Value::Kind::Json: return v.as_string();
        case Value::Kind::Integer: return static_cast<std::uint64_t>(v.as_integer());
        case Value::Kind::Boolean: return v.as_boolean() ? 1 : 0;
        case Value::Kind::Real: {
          const double real = v.as_real();
          std::uint64_t bits;
          std::memcpy(&bits, &real, sizeof bits);
          return bits;
        }
      }
      return 0;
    });
  }

 private:
  boost::archive::binary_oarchive archive_;
};

// A payload that passed its checksum but not these checks was not written
// by kg (or by a kg with a bug): say so rather than guess.
[[noreturn]] void corrupt(const std::string& what) { throw InvalidArgument("snapshot data: " + what); }

// Reads the columns where they lie: each is checked to fit in what is left
// of the payload before a span over it is handed out.
class PayloadReader {
 public:
  PayloadReader(const char* bytes, std::size_t size) : at_(bytes), left_(size) {
    if (reinterpret_cast<std::uintptr_t>(bytes) % kAlignment) corrupt("payload not aligned");
  }

  std::uint64_t scalar() {
    if (left_ < sizeof(std::uint64_t)) corrupt("ends early");
    std::uint64_t value;
    std::memcpy(&value, at_, sizeof value);
    advance(sizeof value);
    return value;
  }
  template <typename T>
  Span<T> column(const char* what) {
    const std::uint64_t count = scalar();
    if (count > left_ / sizeof(T)) corrupt(std::string(what) + ": length beyond the data");
    const std::size_t bytes = count * sizeof(T);
    const std::size_t padded = (bytes + kAlignment - 1) / kAlignment * kAlignment;
    if (padded > left_) corrupt(std::string(what) + ": length beyond the data");
    const Span<T> values(reinterpret_cast<const T*>(at_), count);
    for (std::size_t i = bytes; i < padded; ++i) {
      if (at_[i] != 0) corrupt(std::string(what) + ": padding not zero");
    }
    advance(padded);
    return values;
  }
  std::vector<Attribute> attributes(const char* what) {
    const auto keys = column<StringId>(what);
    const auto kinds = column<std::uint8_t>(what);
    const auto payloads = column<std::uint64_t>(what);
    if (kinds.size() != keys.size() || payloads.size() != keys.size()) corrupt(std::string(what) + ": columns differ");
    std::vector<Attribute> attributes;
    attributes.reserve(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
      const std::uint64_t p = payloads[i];
      const auto as_id = [&] {
        if (p > UINT32_MAX) corrupt(std::string(what) + ": string id out of range");
        return static_cast<StringId>(p);
      };
      Value value = Value::boolean(false);
      switch (static_cast<Value::Kind>(kinds[i])) {
        case Value::Kind::String: value = Value::string(as_id()); break;
        case Value::Kind::Json: value = Value::json(as_id()); break;
        case Value::Kind::Integer: value = Value::integer(static_cast<std::int64_t>(p)); break;
        case Value::Kind::Real: {
          double real;
          std::memcpy(&real, &p, sizeof real);
          value = Value::real(real);
          break;
        }
        case Value::Kind::Boolean:
          if (p > 1) corrupt(std::string(what) + ": boolean neither 0 nor 1");
          value = Value::boolean(p == 1);
          break;
        default: corrupt(std::string(what) + ": unknown value kind");
      }
      attributes.push_back({keys[i], value});
    }
    return attributes;
  }
  void finish() {
    if (left_ != 0) corrupt(std::to_string(left_) + " bytes left over");
  }

 private:
  void advance(std::size_t bytes) {
    at_ += bytes;
    left_ -= bytes;
  }

  const char* at_;
  std::size_t left_;
};

template <typename T>
void require_same_length(Span<T> column, std::size_t length, const char* what) {
  if (column.size() != length) corrupt(std::string(what) + ": columns differ in length");
}

Date date_from(std::uint32_t code) {
  if (!Date::is_code(code)) corrupt("invalid date code " + std::to_string(code));
  return Date::from_checked_code(code);
}

// The graph's booleans in one byte; a bit this version does not know is
// damage (or a newer kg), never silently dropped.
constexpr std::uint8_t kUndirected = 1, kIntegerIds = 2;

std::uint8_t graph_flags(const GraphColumns& c) {
  return static_cast<std::uint8_t>((c.directed ? 0 : kUndirected) | (c.integer_ids ? kIntegerIds : 0));
}

void set_graph_flags(GraphColumns& c, std::uint64_t flags) {
  if (flags & ~std::uint64_t{kUndirected | kIntegerIds}) corrupt("unknown graph flags " + std::to_string(flags));
  c.directed = (flags & kUndirected) == 0;
  c.integer_ids = (flags & kIntegerIds) != 0;
}

template <typename T>
Span<T> span_of(const std::vector<T>& v) {
  return Span<T>(v.data(), v.size());
}

static_assert(sizeof(Evidence) == 2 * sizeof(std::uint32_t), "evidence is used in place as two u32 fields");

// Version 3: the order of the columns below is the format.
void write_payload(const GraphColumns& c, const AdjacencyColumns& a, std::streambuf& out) {
  PayloadWriter w(out);
  w.column(Span<char>(c.strings.bytes.data(), c.strings.bytes.size()));
  w.column(c.strings.offsets);
  w.scalar(c.name);
  w.scalar(graph_flags(c));
  w.attributes(c.graph_attributes);

  w.field(c.sources, [](const SourceInfo& s) { return s.id; });
  w.field(c.sources, [](const SourceInfo& s) { return s.title; });
  w.field(c.sources, [](const SourceInfo& s) { return s.url; });
  w.field(c.sources, [](const SourceInfo& s) { return s.date.pack(); });

  w.column(c.entity_type_names);
  w.field(c.relation_type_infos, [](const RelationTypeInfo& t) { return t.name; });
  w.field(c.relation_type_infos, [](const RelationTypeInfo& t) { return t.description; });
  w.field(c.relation_type_infos, [](const RelationTypeInfo& t) { return static_cast<std::uint8_t>(t.polarity); });
  w.field(c.relation_type_infos, [](const RelationTypeInfo& t) { return static_cast<std::uint8_t>(t.symmetric); });

  w.column(c.entity_keys);
  w.column(c.entity_names);
  w.column(c.entity_types);
  w.column(c.alias_offsets);
  w.column(c.aliases);
  w.column(c.entity_attribute_offsets);
  w.attributes(c.entity_attributes);

  w.column(c.relation_sources);
  w.column(c.relation_targets);
  w.column(c.relation_types);
  w.column(c.relation_dates);
  w.column(c.relation_untils);
  w.column(c.relation_attribute_offsets);
  w.attributes(c.relation_attributes);
  w.column(c.evidence_offsets);
  w.column(Span<std::uint32_t>(reinterpret_cast<const std::uint32_t*>(c.evidence.data()), 2 * c.evidence.size()));

  w.column(a.out_offsets);
  w.column(a.out_relations);
  w.column(a.out_neighbors);
  w.column(a.in_offsets);
  w.column(a.in_relations);
}

// What a graph opened in place holds: the file, and the few columns that
// are decoded rather than used where they lie.
struct OpenSnapshot {
  OpenSnapshot(const std::string& path, std::shared_ptr<const std::string> contents) : file(path, std::move(contents)) {}
  MappedFile file;
  std::vector<Attribute> graph_attributes, entity_attributes, relation_attributes;
  std::vector<SourceInfo> sources;
  std::vector<RelationTypeInfo> relation_types;
};

Graph open_payload(std::shared_ptr<OpenSnapshot> open, const char* bytes, std::size_t size) {
  PayloadReader r(bytes, size);
  GraphColumns c;
  AdjacencyColumns a;
  const auto chars = r.column<char>("strings");
  c.strings = {std::string_view(chars.data(), chars.size()), r.column<std::uint64_t>("string offsets")};
  const std::uint64_t name = r.scalar();
  if (name > UINT32_MAX) corrupt("graph name out of range");
  c.name = static_cast<StringId>(name);
  set_graph_flags(c, r.scalar());
  open->graph_attributes = r.attributes("graph attributes");

  const auto source_ids = r.column<StringId>("sources");
  const auto source_titles = r.column<StringId>("sources");
  const auto source_urls = r.column<StringId>("sources");
  const auto source_dates = r.column<std::uint32_t>("sources");
  const std::size_t sources = source_ids.size();
  require_same_length(source_titles, sources, "sources");
  require_same_length(source_urls, sources, "sources");
  require_same_length(source_dates, sources, "sources");
  for (std::size_t i = 0; i < sources; ++i) {
    open->sources.push_back({source_ids[i], source_titles[i], source_urls[i], date_from(source_dates[i])});
  }

  c.entity_type_names = r.column<StringId>("entity types");
  const auto type_names = r.column<StringId>("relation types");
  const auto type_descriptions = r.column<StringId>("relation types");
  const auto type_polarities = r.column<std::uint8_t>("relation types");
  const auto type_symmetric = r.column<std::uint8_t>("relation types");
  const std::size_t types = type_names.size();
  require_same_length(type_descriptions, types, "relation types");
  require_same_length(type_polarities, types, "relation types");
  require_same_length(type_symmetric, types, "relation types");
  for (std::size_t i = 0; i < types; ++i) {
    if (type_polarities[i] > static_cast<std::uint8_t>(Polarity::Negative)) corrupt("relation type polarity");
    if (type_symmetric[i] > 1) corrupt("relation type symmetry neither 0 nor 1");
    RelationTypeInfo info;
    info.name = type_names[i];
    info.description = type_descriptions[i];
    info.polarity = static_cast<Polarity>(type_polarities[i]);
    info.symmetric = type_symmetric[i] == 1;
    open->relation_types.push_back(info);
  }

  c.entity_keys = r.column<StringId>("entity keys");
  c.entity_names = r.column<StringId>("entity names");
  c.entity_types = r.column<TypeId>("entity types");
  c.alias_offsets = r.column<Offset>("alias offsets");
  c.aliases = r.column<StringId>("aliases");
  c.entity_attribute_offsets = r.column<Offset>("entity attribute offsets");
  open->entity_attributes = r.attributes("entity attributes");

  c.relation_sources = r.column<EntityId>("relation sources");
  c.relation_targets = r.column<EntityId>("relation targets");
  c.relation_types = r.column<TypeId>("relation types");
  c.relation_dates = r.column<std::uint32_t>("relation dates");
  c.relation_untils = r.column<std::uint32_t>("relation untils");
  c.relation_attribute_offsets = r.column<Offset>("relation attribute offsets");
  open->relation_attributes = r.attributes("relation attributes");
  c.evidence_offsets = r.column<Offset>("evidence offsets");
  const auto evidence = r.column<std::uint32_t>("evidence");
  if (evidence.size() % 2) corrupt("evidence: a source without its quote");
  c.evidence = Span<Evidence>(reinterpret_cast<const Evidence*>(evidence.data()), evidence.size() / 2);

  a.out_offsets = r.column<Offset>("out-adjacency");
  a.out_relations = r.column<RelationId>("out-adjacency");
  a.out_neighbors = r.column<EntityId>("out-adjacency");
  a.in_offsets = r.column<Offset>("in-adjacency");
  a.in_relations = r.column<RelationId>("in-adjacency");
  r.finish();

  c.graph_attributes = span_of(open->graph_attributes);
  c.sources = span_of(open->sources);
  c.relation_type_infos = span_of(open->relation_types);
  c.entity_attributes = span_of(open->entity_attributes);
  c.relation_attributes = span_of(open->relation_attributes);
  return Graph(std::move(open), c, a);
}

Graph open_snapshot(std::shared_ptr<OpenSnapshot> open, const std::string& name, const SnapshotProgress& progress) {
  const char* bytes = open->file.data();
  const std::size_t size = open->file.size();
  const std::size_t payload = check_header(bytes, size, name);
  if (progress) progress(payload / 2, payload);
  open->file.keep_resident();
  try {
    Graph graph = open_payload(open, bytes + kSnapshotHeaderBytes, payload);
    if (progress) progress(payload, payload);
    return graph;
  } catch (const InvalidArgument& error) {
    throw InputError(name + ": invalid kg snapshot: " + error.what());
  }
}

}  // namespace

std::uint64_t snapshot_checksum(const char* bytes, std::size_t size) { return XXH3_64bits(bytes, size); }

bool looks_like_snapshot(std::string_view head) {
  return head.size() >= kMagic.size() && std::memcmp(head.data(), kMagic.data(), kMagic.size()) == 0;
}

void write_snapshot(const Graph& graph, std::ostream& out) { write_snapshot(graph.columns(), graph.adjacency(), out); }

void write_snapshot(const GraphColumns& columns, const AdjacencyColumns& adjacency, std::ostream& out) {
  ChecksumSink sink;
  write_payload(columns, adjacency, sink);
  const auto header = make_header(sink.size(), sink.checksum());
  out.write(header.data(), static_cast<std::streamsize>(header.size()));
  StreamForwarder forwarder(out);
  try {
    if (out) write_payload(columns, adjacency, forwarder);
  } catch (const boost::archive::archive_exception&) {
    // The stream refused bytes; its state says so, and why.
  }
  if (!out.flush()) throw OutputError("cannot write the snapshot: the output stream failed");
}

void save_snapshot(const Graph& graph, const std::string& path, const OutputFileOptions& options) {
  write_atomically(path, [&graph](std::ostream& out) { write_snapshot(graph, out); }, options);
}

Graph read_snapshot(std::shared_ptr<const std::string> bytes, const std::string& name,
                    const SnapshotProgress& progress) {
  return open_snapshot(std::make_shared<OpenSnapshot>(name, std::move(bytes)), name, progress);
}

Graph load_snapshot(const std::string& path, const SnapshotProgress& progress) {
  return open_snapshot(std::make_shared<OpenSnapshot>(path, nullptr), path, progress);
}

template <typename T>
void append_range(std::vector<T>& to, Span<T> items) {
  to.insert(to.end(), items.begin(), items.end());
}

GraphData view_data(const View& view) {
  const Graph& g = view.graph();
  const GraphColumns& whole = g.columns();
  if (!view.filters_anything()) return copy_of(whole);

  GraphData d;
  d.strings = StringPool::from_columns(std::string(whole.strings.bytes),
                                       std::vector<std::uint64_t>(whole.strings.offsets.begin(), whole.strings.offsets.end()));
  d.name = whole.name;
  d.directed = whole.directed;
  d.integer_ids = whole.integer_ids;
  append_range(d.graph_attributes, whole.graph_attributes);
  append_range(d.sources, whole.sources);
  append_range(d.entity_type_names, whole.entity_type_names);
  append_range(d.relation_type_infos, whole.relation_type_infos);

  constexpr EntityId kDropped = UINT32_MAX;
  std::vector<EntityId> renumbered(g.entity_count(), kDropped);
  for (EntityId e = 0; e < g.entity_count(); ++e) {
    if (!view.keeps_entity(e)) continue;
    renumbered[e] = static_cast<EntityId>(d.entity_keys.size());
    d.entity_keys.push_back(whole.entity_keys[e]);
    d.entity_names.push_back(whole.entity_names[e]);
    d.entity_types.push_back(whole.entity_types[e]);
    append_range(d.aliases, g.entity_aliases(e));
    d.alias_offsets.push_back(static_cast<Offset>(d.aliases.size()));
    append_range(d.entity_attributes, g.entity_attributes(e));
    d.entity_attribute_offsets.push_back(static_cast<Offset>(d.entity_attributes.size()));
  }
  for (RelationId r = 0; r < g.relation_count(); ++r) {
    const EntityId source = renumbered[g.source(r)], target = renumbered[g.target(r)];
    if (!view.keeps_relation(r) || source == kDropped || target == kDropped) continue;
    d.relation_sources.push_back(source);
    d.relation_targets.push_back(target);
    d.relation_types.push_back(g.relation_type(r));
    d.relation_dates.push_back(g.date(r).pack());
    d.relation_untils.push_back(g.until(r).pack());
    append_range(d.relation_attributes, g.relation_attributes(r));
    d.relation_attribute_offsets.push_back(static_cast<Offset>(d.relation_attributes.size()));
    append_range(d.evidence, g.evidence(r));
    d.evidence_offsets.push_back(static_cast<Offset>(d.evidence.size()));
  }
  return d;
}

}  // namespace kg
