#pragma once
// Problems found while reading an input, collected the same way by every
// reader: each one is counted, the first `limit` are kept (a wrong file
// should not print a million lines), and the rest are summed up as "N more
// problems not shown".
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace kg {

template <typename Problem>
class ProblemCollector {
 public:
  explicit ProblemCollector(std::size_t limit) : limit_(limit) {}

  void report(Problem problem) {
    if (++count_ <= limit_) kept_.push_back(std::move(problem));
  }
  std::size_t count() const { return count_; }
  bool empty() const { return count_ == 0; }
  std::vector<Problem>& kept() { return kept_; }
  // How many were counted but not kept.
  std::size_t not_kept() const { return count_ - kept_.size(); }

 private:
  std::size_t limit_;
  std::size_t count_ = 0;
  std::vector<Problem> kept_;
};

// The line that stands for `count` problems past the limit.
inline std::string more_problems_text(std::size_t count) {
  return std::to_string(count) + " more problems not shown";
}

}  // namespace kg
