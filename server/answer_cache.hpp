#pragma once
// Answers to costly questions (rank, components, communities) kept for the
// next client who asks the same thing of the same graph: keyed by the
// graph's generation, the endpoint and its parameters; bounded in bytes,
// least recently used dropped first.
#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace kg::server {

class AnswerCache {
 public:
  explicit AnswerCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  std::optional<std::string> find(const std::string& key);
  // An answer larger than a quarter of the bound is not kept.
  void store(const std::string& key, const std::string& answer);
  std::size_t bytes() const;

 private:
  using Entry = std::pair<std::string, std::string>;  // key, answer
  std::size_t max_bytes_;
  std::size_t bytes_ = 0;
  mutable std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace kg::server
