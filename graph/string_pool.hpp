#pragma once
// Every string of a graph stored once, addressed by a 32-bit id.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
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
  friend class StringInterner;
  // Forgets the last appended string: the interner's tentative copy.
  void pop_back() {
    offsets_.pop_back();
    data_.resize(offsets_.back());
  }

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

 private:
  struct Hash {
    const StringPool* pool;
    std::size_t operator()(StringId id) const;
  };
  struct Equal {
    const StringPool* pool;
    bool operator()(StringId a, StringId b) const;
  };
  StringPool& pool_;
  std::unordered_set<StringId, Hash, Equal> ids_;
};

}  // namespace kg
