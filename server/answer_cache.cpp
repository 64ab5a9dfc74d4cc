#include "server/answer_cache.hpp"

namespace kg::server {

std::optional<std::string> AnswerCache::find(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto found = index_.find(key);
  if (found == index_.end()) return std::nullopt;
  entries_.splice(entries_.begin(), entries_, found->second);
  return found->second->second;
}

void AnswerCache::store(const std::string& key, const std::string& answer) {
  const std::size_t size = key.size() + answer.size();
  if (size > max_bytes_ / 4) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (index_.count(key) != 0) return;  // another request stored it first
  entries_.emplace_front(key, answer);
  index_[key] = entries_.begin();
  bytes_ += size;
  while (bytes_ > max_bytes_) {
    const auto& oldest = entries_.back();
    bytes_ -= oldest.first.size() + oldest.second.size();
    index_.erase(oldest.first);
    entries_.pop_back();
  }
}

std::size_t AnswerCache::bytes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bytes_;
}

}  // namespace kg::server
