#include "graph/snapshot.hpp"


#include <algorithm>
#include <array>
#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/serialization/array_wrapper.hpp>
#include <cstring>
#include <ostream>
#include <streambuf>
#include <type_traits>

#include "base/mapped_file.hpp"
#include "graph/exception.hpp"

namespace kg {
namespace {

// PNG's trick: a high byte and a CR-LF pair, so a file mangled by a text-mode
// transfer fails the magic instead of the checksum.
constexpr std::array<char, 8> kMagic = {'\x89', 'K', 'G', 'S', '\r', '\n', '\x1a', '\n'};
constexpr std::uint32_t kByteOrderMark = 0x01020304;
constexpr unsigned kArchiveFlags = boost::archive::no_header | boost::archive::no_codecvt;

// ---- checksum ---------------------------------------------------------------

constexpr std::uint64_t kPrime1 = 0x9E3779B185EBCA87ull;
constexpr std::uint64_t kPrime2 = 0xC2B2AE3D27D4EB4Full;
constexpr std::uint64_t kPrime3 = 0x165667B19E3779F9ull;
constexpr std::uint64_t kPrime4 = 0x85EBCA77C2B2AE63ull;

std::uint64_t rotate_left(std::uint64_t x, int bits) { return (x << bits) | (x >> (64 - bits)); }

std::uint64_t load_word(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

// One step of a lane: a bijection of the lane for a fixed word and of the
// word for a fixed lane, so a changed word always changes its lane.
std::uint64_t mix(std::uint64_t lane, std::uint64_t word) {
  return rotate_left(lane + word * kPrime2, 31) * kPrime1;
}

std::uint64_t avalanche(std::uint64_t h) {
  h ^= h >> 33;
  h *= kPrime2;
  h ^= h >> 29;
  h *= kPrime3;
  h ^= h >> 32;
  return h;
}

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
std::array<char, kSnapshotHeaderBytes> make_header(const std::string& payload) {
  std::array<char, kSnapshotHeaderBytes> header{};
  std::memcpy(header.data(), kMagic.data(), kMagic.size());
  put_u32(header.data() + 8, kSnapshotVersion);
  std::memcpy(header.data() + 12, &kByteOrderMark, sizeof kByteOrderMark);
  put_u64(header.data() + 16, payload.size());
  put_u64(header.data() + 24, snapshot_checksum(payload.data(), payload.size()));
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

// Appends what the archive writes to a string: the payload is checksummed
// before the header in front of it can be written.
class StringSink : public std::streambuf {
 public:
  explicit StringSink(std::string& out) : out_(out) {}

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    out_.append(s, static_cast<std::size_t>(n));
    return n;
  }
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) out_.push_back(traits_type::to_char_type(c));
    return traits_type::not_eof(c);
  }

 private:
  std::string& out_;
};

// Reads from bytes in memory and says how many are left, so that no column
// length is believed beyond the bytes that could hold it.
class MemorySource : public std::streambuf {
 public:
  MemorySource(const char* bytes, std::size_t size) {
    char* begin = const_cast<char*>(bytes);  // the get area is only read
    setg(begin, begin, begin + size);
  }
  std::size_t remaining() const { return static_cast<std::size_t>(egptr() - gptr()); }
  std::size_t consumed() const { return static_cast<std::size_t>(gptr() - eback()); }
};

class PayloadWriter {
 public:
  explicit PayloadWriter(std::string& out) : sink_(out), archive_(sink_, kArchiveFlags) {}

  template <typename T>
  void scalar(T value) {
    static_assert(std::is_arithmetic_v<T>);
    archive_ << value;
  }
  template <typename T>
  void column(const std::vector<T>& values) {
    static_assert(std::is_arithmetic_v<T>);
    archive_ << static_cast<std::uint64_t>(values.size());
    if (!values.empty()) archive_ << boost::serialization::make_array(values.data(), values.size());
  }
  void column(const std::string& bytes) { column(std::vector<char>(bytes.begin(), bytes.end())); }
  // One column per field of each struct.
  template <typename T, typename Field>
  void field(const std::vector<T>& items, Field get) {
    std::vector<decltype(get(items.front()))> values;
    values.reserve(items.size());
    for (const T& item : items) values.push_back(get(item));
    column(values);
  }
  void attributes(const std::vector<Attribute>& items) {
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
  StringSink sink_;
  boost::archive::binary_oarchive archive_;
};

// A payload that passed its checksum but not these checks was not written
// by kg (or by a kg with a bug): say so rather than guess.
[[noreturn]] void corrupt(const std::string& what) { throw InvalidArgument("snapshot data: " + what); }

class PayloadReader {
 public:
  PayloadReader(const char* bytes, std::size_t size, const SnapshotProgress& progress)
      : source_(bytes, size), archive_(source_, kArchiveFlags), size_(size), progress_(progress) {}

  template <typename T>
  T scalar() {
    static_assert(std::is_arithmetic_v<T>);
    if (source_.remaining() < sizeof(T)) corrupt("ends early");
    T value;
    archive_ >> value;
    return value;
  }
  template <typename T>
  std::vector<T> column(const char* what) {
    static_assert(std::is_arithmetic_v<T>);
    const auto count = scalar<std::uint64_t>();
    if (count > source_.remaining() / sizeof(T)) corrupt(std::string(what) + ": length beyond the data");
    std::vector<T> values(count);
    if (count) archive_ >> boost::serialization::make_array(values.data(), values.size());
    if (progress_) progress_(source_.consumed(), size_);
    return values;
  }
  std::string bytes(const char* what) {
    const std::vector<char> chars = column<char>(what);
    return std::string(chars.begin(), chars.end());
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
    if (source_.remaining() != 0) corrupt(std::to_string(source_.remaining()) + " bytes left over");
  }

 private:
  MemorySource source_;
  boost::archive::binary_iarchive archive_;
  std::size_t size_;
  const SnapshotProgress& progress_;
};

template <typename T>
void require_same_length(const std::vector<T>& column, std::size_t length, const char* what) {
  if (column.size() != length) corrupt(std::string(what) + ": columns differ in length");
}

Date date_from(std::uint32_t code) {
  try {
    return Date::unpack(code);
  } catch (const InvalidArgument&) {
    corrupt("invalid date code " + std::to_string(code));
  }
}

// The graph's booleans in one byte; a bit this version does not know is
// damage (or a newer kg), never silently dropped.
constexpr std::uint8_t kUndirected = 1, kIntegerIds = 2;

std::uint8_t graph_flags(const GraphData& d) {
  return static_cast<std::uint8_t>((d.directed ? 0 : kUndirected) | (d.integer_ids ? kIntegerIds : 0));
}

void set_graph_flags(GraphData& d, std::uint8_t flags) {
  if (flags & ~(kUndirected | kIntegerIds)) corrupt("unknown graph flags " + std::to_string(flags));
  d.directed = (flags & kUndirected) == 0;
  d.integer_ids = (flags & kIntegerIds) != 0;
}

// Version 2 (version 1 had no graph flags): the order of the columns below
// is the format.
std::string make_payload(const GraphData& d) {
  std::string payload;
  {
    PayloadWriter w(payload);
    w.column(d.strings.data());
    w.column(d.strings.offsets());
    w.scalar(d.name);
    w.scalar(graph_flags(d));
    w.attributes(d.graph_attributes);

    w.field(d.sources, [](const SourceInfo& s) { return s.id; });
    w.field(d.sources, [](const SourceInfo& s) { return s.title; });
    w.field(d.sources, [](const SourceInfo& s) { return s.url; });
    w.field(d.sources, [](const SourceInfo& s) { return s.date.pack(); });

    w.column(d.entity_type_names);
    w.field(d.relation_type_infos, [](const RelationTypeInfo& t) { return t.name; });
    w.field(d.relation_type_infos, [](const RelationTypeInfo& t) { return t.description; });
    w.field(d.relation_type_infos, [](const RelationTypeInfo& t) { return static_cast<std::uint8_t>(t.polarity); });
    w.field(d.relation_type_infos, [](const RelationTypeInfo& t) { return static_cast<std::uint8_t>(t.symmetric); });

    w.column(d.entity_keys);
    w.column(d.entity_names);
    w.column(d.entity_types);
    w.column(d.alias_offsets);
    w.column(d.aliases);
    w.column(d.entity_attribute_offsets);
    w.attributes(d.entity_attributes);

    w.column(d.relation_sources);
    w.column(d.relation_targets);
    w.column(d.relation_types);
    w.column(d.relation_dates);
    w.column(d.relation_untils);
    w.column(d.relation_attribute_offsets);
    w.attributes(d.relation_attributes);
    w.column(d.evidence_offsets);
    w.field(d.evidence, [](const Evidence& e) { return e.source; });
    w.field(d.evidence, [](const Evidence& e) { return e.quote; });
  }  // the archive flushes as it closes
  return payload;
}

GraphData parse_payload(const char* bytes, std::size_t size, const SnapshotProgress& progress) {
  PayloadReader r(bytes, size, progress);
  GraphData d;
  std::string strings = r.bytes("strings");
  d.strings = StringPool::from_columns(std::move(strings), r.column<std::uint64_t>("string offsets"));
  d.name = r.scalar<StringId>();
  set_graph_flags(d, r.scalar<std::uint8_t>());
  d.graph_attributes = r.attributes("graph attributes");

  const auto source_ids = r.column<StringId>("sources");
  const auto source_titles = r.column<StringId>("sources");
  const auto source_urls = r.column<StringId>("sources");
  const auto source_dates = r.column<std::uint32_t>("sources");
  const std::size_t sources = source_ids.size();
  require_same_length(source_titles, sources, "sources");
  require_same_length(source_urls, sources, "sources");
  require_same_length(source_dates, sources, "sources");
  for (std::size_t i = 0; i < sources; ++i) {
    d.sources.push_back({source_ids[i], source_titles[i], source_urls[i], date_from(source_dates[i])});
  }

  d.entity_type_names = r.column<StringId>("entity types");
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
    d.relation_type_infos.push_back(info);
  }

  d.entity_keys = r.column<StringId>("entity keys");
  d.entity_names = r.column<StringId>("entity names");
  d.entity_types = r.column<TypeId>("entity types");
  d.alias_offsets = r.column<Offset>("alias offsets");
  d.aliases = r.column<StringId>("aliases");
  d.entity_attribute_offsets = r.column<Offset>("entity attribute offsets");
  d.entity_attributes = r.attributes("entity attributes");

  d.relation_sources = r.column<EntityId>("relation sources");
  d.relation_targets = r.column<EntityId>("relation targets");
  d.relation_types = r.column<TypeId>("relation types");
  d.relation_dates = r.column<std::uint32_t>("relation dates");
  d.relation_untils = r.column<std::uint32_t>("relation untils");
  d.relation_attribute_offsets = r.column<Offset>("relation attribute offsets");
  d.relation_attributes = r.attributes("relation attributes");
  d.evidence_offsets = r.column<Offset>("evidence offsets");
  const auto evidence_sources = r.column<std::uint32_t>("evidence");
  const auto evidence_quotes = r.column<StringId>("evidence");
  require_same_length(evidence_quotes, evidence_sources.size(), "evidence");
  d.evidence.reserve(evidence_sources.size());
  for (std::size_t i = 0; i < evidence_sources.size(); ++i) d.evidence.push_back({evidence_sources[i], evidence_quotes[i]});
  r.finish();
  return d;
}

template <typename T>
void append_range(std::vector<T>& to, Span<T> items) {
  to.insert(to.end(), items.begin(), items.end());
}

}  // namespace

std::uint64_t snapshot_checksum(const char* bytes, std::size_t size) {
  std::uint64_t lanes[4] = {kPrime1 + kPrime2, kPrime2, 0, 0 - kPrime1};
  std::size_t i = 0;
  for (; i + 32 <= size; i += 32) {
    for (int lane = 0; lane < 4; ++lane) lanes[lane] = mix(lanes[lane], load_word(bytes + i + 8 * lane));
  }
  std::uint64_t h = rotate_left(lanes[0], 1) + rotate_left(lanes[1], 7) + rotate_left(lanes[2], 12) +
                    rotate_left(lanes[3], 18);
  for (const std::uint64_t lane : lanes) h = (h ^ mix(0, lane)) * kPrime1 + kPrime4;
  h += size;
  for (; i + 8 <= size; i += 8) h = rotate_left(h ^ mix(0, load_word(bytes + i)), 27) * kPrime1 + kPrime4;
  for (; i < size; ++i) h = rotate_left(h ^ (static_cast<unsigned char>(bytes[i]) * kPrime1), 11) * kPrime2;
  return avalanche(h);
}

bool looks_like_snapshot(std::string_view head) {
  return head.size() >= kMagic.size() && std::memcmp(head.data(), kMagic.data(), kMagic.size()) == 0;
}

void write_snapshot(const GraphData& data, std::ostream& out) {
  const std::string payload = make_payload(data);
  const auto header = make_header(payload);
  out.write(header.data(), static_cast<std::streamsize>(header.size()));
  out.write(payload.data(), static_cast<std::streamsize>(payload.size()));
  if (!out) throw OutputError("cannot write the snapshot: the output stream failed");
}

void save_snapshot(const Graph& graph, const std::string& path, const OutputFileOptions& options) {
  write_atomically(path, [&graph](std::ostream& out) { write_snapshot(graph.data(), out); }, options);
}

Graph read_snapshot(const char* bytes, std::size_t size, const std::string& name, const SnapshotProgress& progress) {
  const std::size_t payload = check_header(bytes, size, name);
  try {
    return Graph(parse_payload(bytes + kSnapshotHeaderBytes, payload, progress));
  } catch (const InvalidArgument& error) {
    throw InputError(name + ": invalid kg snapshot: " + error.what());
  } catch (const boost::archive::archive_exception& error) {
    throw InputError(name + ": invalid kg snapshot: " + error.what());
  }
}

Graph load_snapshot(const std::string& path, const SnapshotProgress& progress) {
  MappedFile file(path);
  const SnapshotProgress release = [&file, &progress](std::uint64_t done, std::uint64_t total) {
    file.release_before(kSnapshotHeaderBytes + done);
    if (progress) progress(done, total);
  };
  return read_snapshot(file.data(), file.size(), path, release);
}

GraphData view_data(const View& view) {
  const Graph& g = view.graph();
  const GraphData& whole = g.data();
  if (!view.filters_anything()) return whole;

  GraphData d;
  d.strings = StringPool::from_columns(whole.strings.data(), whole.strings.offsets());
  d.name = whole.name;
  d.graph_attributes = whole.graph_attributes;
  d.sources = whole.sources;
  d.entity_type_names = whole.entity_type_names;
  d.relation_type_infos = whole.relation_type_infos;

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
    d.relation_types.push_back(whole.relation_types[r]);
    d.relation_dates.push_back(whole.relation_dates[r]);
    d.relation_untils.push_back(whole.relation_untils[r]);
    append_range(d.relation_attributes, g.relation_attributes(r));
    d.relation_attribute_offsets.push_back(static_cast<Offset>(d.relation_attributes.size()));
    append_range(d.evidence, g.evidence(r));
    d.evidence_offsets.push_back(static_cast<Offset>(d.evidence.size()));
  }
  return d;
}

}  // namespace kg
