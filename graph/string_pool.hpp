#pragma once
// Every string of a graph stored once, addressed by a 32-bit id.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

using StringId = std::uint32_t;

// Append-only storage: string i is data[offsets[i], offsets[i+1]).
class StringPool {
 public:
  StringPool() { offsets_.push_back(0); }

  std::string_view view(StringId id) const {
    return std::string_view(data_.data() + offsets_[id], offsets_[id + 1] - offsets_[id]);
  }
  std::size_t size() const { return offsets_.size() - 1; }
  std::size_t bytes() const { return data_.size() + offsets_.size() * sizeof(std::uint64_t); }

  // Appends without looking for an equal string already stored.
  StringId append(std::string_view text);

  // Raw columns, for snapshots.
  const std::string& data() const { return data_; }
  const std::vector<std::uint64_t>& offsets() const { return offsets_; }
  // Takes columns read from a snapshot; throws InvalidArgument unless the
  // offsets start at 0, never decrease and end at data.size().
  static StringPool from_columns(std::string data, std::vector<std::uint64_t> offsets);

 private:
  std::string data_;
  std::vector<std::uint64_t> offsets_;
};

// Deduplicating front of a StringPool, used while building. Equal strings get
// the same id, so comparing ids compares strings.
class StringInterner {
 public:
  explicit StringInterner(StringPool& pool);
  StringInterner(const StringInterner&) = delete;
  StringInterner& operator=(const StringInterner&) = delete;

  StringId intern(std::string_view text);
  // Starts fetching the slot intern(text) will read: a reader that calls
  // this as it reads a string and interns it a few fields later waits for
  // the table (larger than the caches on a large graph) only once in a while.
  void prefetch(std::string_view text) const;

 private:
  // Open addressing with linear probing, no allocation per string. A slot
  // holds what settles most comparisons without reading the pool, whose
  // strings lie far apart in memory: the string's first eight bytes
  // (zero-padded: all of an id like "e1234"), and `tag`, the high bits of
  // its hash with its length (up to 255) in the low byte.
  struct Slot {
    std::uint64_t head = 0;
    std::uint32_t tag = 0;
    std::uint32_t id_plus_one = 0;  // 0: empty
  };

  void grow();
  void insert(const Slot& slot, std::uint64_t hash);
  // The slot holding `text`, or the empty slot where it would go.
  std::size_t slot_of(std::string_view text, std::uint64_t head, std::uint64_t hash) const;

  StringPool& pool_;
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

}  // namespace kg
