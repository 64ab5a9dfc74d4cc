#include "graph/string_pool.hpp"

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

StringInterner::StringInterner(StringPool& pool)
    : pool_(pool), ids_(16, Hash{&pool}, Equal{&pool}) {
  for (StringId id = 0; id < pool.size(); ++id) ids_.insert(id);
}

std::size_t StringInterner::Hash::operator()(StringId id) const {
  return std::hash<std::string_view>()(pool->view(id));
}

bool StringInterner::Equal::operator()(StringId a, StringId b) const {
  return a == b || pool->view(a) == pool->view(b);
}

StringId StringInterner::intern(std::string_view text) {
  // Store tentatively so the set can hash and compare it like any member;
  // drop the copy again when an equal string is already there. The set has no
  // heterogeneous lookup in C++17.
  const StringId candidate = pool_.append(text);
  const auto [it, inserted] = ids_.insert(candidate);
  if (!inserted) pool_.pop_back();
  return *it;
}

}  // namespace kg
