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

std::uint64_t load8(const char* bytes) {
  std::uint64_t word;
  std::memcpy(&word, bytes, 8);
  return word;
}

std::uint64_t load4(const char* bytes) {
  std::uint32_t word;
  std::memcpy(&word, bytes, 4);
  return word;
}

// The first eight bytes of `text`, zero-padded, read without a loop or a
// call: shorter text in two overlapping reads (4 to 7 bytes) or three
// single bytes that may repeat (1 to 3).
[[gnu::always_inline]] inline std::uint64_t head_of(std::string_view text) {
  const char* bytes = text.data();
  const std::size_t size = text.size();
  if (size >= 8) return load8(bytes);
  if (size >= 4) return load4(bytes) | load4(bytes + size - 4) << (8 * (size - 4));
  if (size == 0) return 0;
  const auto byte = [bytes](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(bytes[i])}; };
  return byte(0) | byte(size / 2) << (8 * (size / 2)) | byte(size - 1) << (8 * (size - 1));
}

// The strings a graph interns are mostly short (ids, types, names), millions
// of them: their head and then eight bytes at a time, mixed by
// multiplication, inlined, costs a fraction of std::hash's call. The low
// bits pick the slot and the high ones go into the tag, so the last steps
// spread every input bit over both.
[[gnu::always_inline]] inline std::uint64_t text_hash(std::string_view text, std::uint64_t head) {
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15u;
  std::uint64_t hash = text.size() * kMultiplier;
  const auto mix = [&hash](std::uint64_t word) {
    hash = (hash ^ word) * kMultiplier;
    hash ^= hash >> 29;
  };
  mix(head);
  const char* bytes = text.data();
  const std::size_t size = text.size();
  if (size > 8) {
    for (std::size_t at = 8; at + 8 <= size; at += 8) mix(load8(bytes + at));
    if (size % 8 != 0) mix(load8(bytes + size - 8));  // the last bytes, read again in part
  }
  hash ^= hash >> 32;
  hash *= 0xD6E8FEB86659FD93u;
  return hash ^ (hash >> 32);
}

std::uint32_t tag_of(std::uint64_t hash, std::size_t size) {
  return (static_cast<std::uint32_t>(hash >> 32) & ~0xFFu) | static_cast<std::uint32_t>(std::min<std::size_t>(size, 255));
}

}  // namespace

StringInterner::StringInterner(StringPool& pool) : pool_(pool) {
  for (StringId id = 0; id < pool.size(); ++id) {
    if (2 * (used_ + 1) > slots_.size()) grow();
    const std::string_view text = pool.view(id);
    const std::uint64_t head = head_of(text);
    const std::uint64_t hash = text_hash(text, head);
    insert({head, tag_of(hash, text.size()), id + 1}, hash);
    ++used_;
  }
}

void StringInterner::insert(const Slot& slot, std::uint64_t hash) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  while (slots_[i].id_plus_one != 0) i = (i + 1) & mask;
  slots_[i] = slot;
}

void StringInterner::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(std::max<std::size_t>(1024, old.size() * 2), Slot{});
  for (const Slot& slot : old) {
    if (slot.id_plus_one == 0) continue;
    const std::string_view text = pool_.view(slot.id_plus_one - 1);
    insert(slot, text_hash(text, slot.head));
  }
}

// Inlined into intern(), which readers call for nearly every string they
// read.
[[gnu::always_inline]] inline std::size_t StringInterner::slot_of(std::string_view text, std::uint64_t head,
                                                                   std::uint64_t hash) const {
  const std::uint32_t tag = tag_of(hash, text.size());
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id_plus_one == 0) return i;
    if (slot.tag != tag || slot.head != head) continue;
    if (text.size() <= 8 || pool_.view(slot.id_plus_one - 1) == text) return i;  // the head is all of it
  }
}

StringId StringInterner::intern(std::string_view text) {
  // At most half full, so probes stay short.
  if (2 * (used_ + 1) > slots_.size()) grow();
  const std::uint64_t head = head_of(text);
  const std::uint64_t hash = text_hash(text, head);
  Slot& slot = slots_[slot_of(text, head, hash)];
  if (slot.id_plus_one == 0) {
    slot = {head, tag_of(hash, text.size()), pool_.append(text) + 1};
    ++used_;
  }
  return slot.id_plus_one - 1;
}

void StringInterner::prefetch(std::string_view text) const {
  if (slots_.empty()) return;
  __builtin_prefetch(&slots_[text_hash(text, head_of(text)) & (slots_.size() - 1)]);
}

}  // namespace kg
