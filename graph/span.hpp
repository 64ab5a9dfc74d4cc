#pragma once
// A read-only view of contiguous elements: C++17 has no std::span, and the
// graph hands out slices of its columns everywhere.
#include <cstddef>

namespace kg {

template <typename T>
class Span {
 public:
  using value_type = T;
  using iterator = const T*;

  constexpr Span() = default;
  constexpr Span(const T* data, std::size_t size) : data_(data), size_(size) {}

  constexpr const T* begin() const { return data_; }
  constexpr const T* end() const { return data_ + size_; }
  constexpr const T* data() const { return data_; }
  constexpr std::size_t size() const { return size_; }
  constexpr bool empty() const { return size_ == 0; }
  constexpr const T& operator[](std::size_t i) const { return data_[i]; }

 private:
  const T* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace kg
