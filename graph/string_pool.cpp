#include "graph/string_pool.hpp"

#include <algorithm>
#include <functional>

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

StringInterner::StringInterner(StringPool& pool) : pool_(pool) {
  for (StringId id = 0; id < pool.size(); ++id) {
    if (2 * (used_ + 1) > slots_.size()) grow();
    const std::uint64_t hash = std::hash<std::string_view>()(pool.view(id));
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = (hash >> 32 << 32) | (static_cast<std::uint64_t>(id) + 1);
    ++used_;
  }
}

void StringInterner::grow() {
  std::vector<std::uint64_t> old = std::move(slots_);
  slots_.assign(std::max<std::size_t>(1024, old.size() * 2), 0);
  const std::size_t mask = slots_.size() - 1;
  for (const std::uint64_t slot : old) {
    if (slot == 0) continue;
    const auto id = static_cast<StringId>((slot & 0xFFFFFFFFu) - 1);
    std::size_t i = std::hash<std::string_view>()(pool_.view(id)) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

StringId StringInterner::intern(std::string_view text) {
  // At most half full, so probes stay short.
  if (2 * (used_ + 1) > slots_.size()) grow();
  const std::uint64_t hash = std::hash<std::string_view>()(text);
  const std::uint64_t tag = hash >> 32 << 32;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const std::uint64_t slot = slots_[i];
    if (slot == 0) {
      const StringId id = pool_.append(text);
      slots_[i] = tag | (static_cast<std::uint64_t>(id) + 1);
      ++used_;
      return id;
    }
    const auto id = static_cast<StringId>((slot & 0xFFFFFFFFu) - 1);
    if ((slot & ~std::uint64_t{0xFFFFFFFFu}) == tag && pool_.view(id) == text) return id;
  }
}

}  // namespace kg
