#include "graph/string_pool.hpp"

#include <algorithm>
#include <cstring>

#include "graph/exception.hpp"

namespace kg {

StringId StringPool::append(std::string_view text) {
  data_.append(text.data(), text.size());
  offsets_.push_back(data_.size());
  return static_cast<StringId>(offsets_.size() - 2);
}

StringPool StringPool::from_columns(std::string data, std::vector<std::uint64_t> offsets) {
  if (offsets.empty() || offsets.front() != 0 || offsets.back() != data.size()) {
    throw InvalidArgument("string pool: offsets do not span the data");
  }
  for (std::size_t i = 1; i < offsets.size(); ++i) {
    if (offsets[i] < offsets[i - 1]) throw InvalidArgument("string pool: offsets decrease");
  }
  StringPool pool;
  pool.data_ = std::move(data);
  pool.offsets_ = std::move(offsets);
  return pool;
}

namespace {

constexpr std::uint64_t kIdBits = 0xFFFFFFFFu;

// The strings a graph interns are mostly short (ids, types, names, dates),
// millions of them: eight bytes at a time, mixed by multiplication, inlined,
// costs a fraction of std::hash's call. The low bits pick the slot and the
// high half is kept as a tag, so the last steps spread every input bit
// over both.
[[gnu::always_inline]] inline std::uint64_t text_hash(std::string_view text) {
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15u;
  const char* bytes = text.data();
  std::size_t left = text.size();
  std::uint64_t hash = left * kMultiplier;
  const auto mix = [&hash](std::uint64_t word) {
    hash = (hash ^ word) * kMultiplier;
    hash ^= hash >> 29;
  };
  for (; left >= 8; bytes += 8, left -= 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes, 8);
    mix(word);
  }
  if (left >= 4) {  // two overlapping four-byte reads cover 4..7 bytes
    std::uint32_t head, tail;
    std::memcpy(&head, bytes, 4);
    std::memcpy(&tail, bytes + left - 4, 4);
    mix(std::uint64_t{head} << 32 | tail);
  } else if (left > 0) {
    const auto byte = [bytes](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(bytes[i])}; };
    mix(byte(0) << 16 | byte(left / 2) << 8 | byte(left - 1));
  }
  hash ^= hash >> 32;
  hash *= 0xD6E8FEB86659FD93u;
  return hash ^ (hash >> 32);
}

// Whether `size` bytes at `a` and `b` are equal: most interned strings are
// shorter than 16 bytes, for which a few word compares beat memcmp's call.
[[gnu::always_inline]] inline bool same_bytes(const char* a, const char* b, std::size_t size) {
  const auto word = [](const char* bytes) {
    std::uint64_t value;
    std::memcpy(&value, bytes, 8);
    return value;
  };
  const auto half = [](const char* bytes) {
    std::uint32_t value;
    std::memcpy(&value, bytes, 4);
    return value;
  };
  if (size > 16) return std::memcmp(a, b, size) == 0;
  if (size >= 8) return word(a) == word(b) && word(a + size - 8) == word(b + size - 8);
  if (size >= 4) return half(a) == half(b) && half(a + size - 4) == half(b + size - 4);
  for (std::size_t i = 0; i < size; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace

StringInterner::StringInterner(StringPool& pool) : pool_(pool) {
  for (StringId id = 0; id < pool.size(); ++id) {
    if (2 * (used_ + 1) > slots_.size()) grow();
    const std::uint64_t hash = text_hash(pool.view(id));
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = (hash & ~kIdBits) | (static_cast<std::uint64_t>(id) + 1);
    ++used_;
  }
}

void StringInterner::grow() {
  std::vector<std::uint64_t> old = std::move(slots_);
  slots_.assign(std::max<std::size_t>(1024, old.size() * 2), 0);
  const std::size_t mask = slots_.size() - 1;
  for (const std::uint64_t slot : old) {
    if (slot == 0) continue;
    const auto id = static_cast<StringId>((slot & kIdBits) - 1);
    std::size_t i = text_hash(pool_.view(id)) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

std::size_t StringInterner::slot_of(std::string_view text, std::uint64_t hash) const {
  const std::uint64_t tag = hash & ~kIdBits;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const std::uint64_t slot = slots_[i];
    if (slot == 0) return i;
    if ((slot & ~kIdBits) != tag) continue;
    const std::string_view stored = pool_.view(static_cast<StringId>((slot & kIdBits) - 1));
    if (stored.size() == text.size() && same_bytes(stored.data(), text.data(), text.size())) return i;
  }
}

StringId StringInterner::intern(std::string_view text) {
  // At most half full, so probes stay short.
  if (2 * (used_ + 1) > slots_.size()) grow();
  const std::uint64_t hash = text_hash(text);
  std::uint64_t& slot = slots_[slot_of(text, hash)];
  if (slot == 0) {
    const StringId id = pool_.append(text);
    slot = (hash & ~kIdBits) | (static_cast<std::uint64_t>(id) + 1);
    ++used_;
  }
  return static_cast<StringId>((slot & kIdBits) - 1);
}

std::optional<StringId> StringInterner::find(std::string_view text) const {
  if (slots_.empty()) return std::nullopt;
  const std::uint64_t slot = slots_[slot_of(text, text_hash(text))];
  if (slot == 0) return std::nullopt;
  return static_cast<StringId>((slot & kIdBits) - 1);
}

}  // namespace kg
