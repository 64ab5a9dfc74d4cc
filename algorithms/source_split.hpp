#pragma once
// Source-parallel measures (betweenness, closeness, harmonic) split across
// processes: each process (an MPI rank, docs/MPI.md) computes the sums of
// its share of the sources, and the shares' sums are combined into the
// whole. The answer must not depend on how many shares there are, so:
//   - sums that many shares add to (betweenness) are kept in fixed point,
//     whose integer additions give the same bits in any order and grouping;
//   - sums that one share alone writes (closeness, harmonic: an entity's
//     distances all come from its own search) are doubles, zero in every
//     other share, and x + 0 is exact.
// Which sources a share takes changes only how long it works, never the
// answer. This header knows no MPI: the split is a part number, a part
// count and a function that combines the parts' sums, supplied by whoever
// runs the parts (a single process needs none).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace kg {

// An exact sum of non-negative doubles (the total below 2^63), each
// rounded down to a multiple of 2^-63 (so each term loses less than
// 1.1e-19): the integer part and the fraction in units of 2^-63, carried on
// every addition.
struct FixedSum {
  std::int64_t whole = 0;
  std::uint64_t fraction = 0;  // < 2^63

  static constexpr double kUnit = 1.0 / 9223372036854775808.0;  // 2^-63

  void add(double value) {
    const double floor_value = static_cast<double>(static_cast<std::int64_t>(value));
    whole += static_cast<std::int64_t>(floor_value);
    // value - floor_value is exact (both share the exponent range), and so
    // is the scaling by a power of two; the conversion truncates.
    fraction += static_cast<std::uint64_t>((value - floor_value) * 9223372036854775808.0);
    carry();
  }
  void add(const FixedSum& other) {
    whole += other.whole;
    fraction += other.fraction;
    carry();
  }
  double value() const { return static_cast<double>(whole) + static_cast<double>(fraction) * kUnit; }
  bool operator==(const FixedSum& other) const { return whole == other.whole && fraction == other.fraction; }

 private:
  void carry() {
    whole += static_cast<std::int64_t>(fraction >> 63);
    fraction &= ~(std::uint64_t{1} << 63);
  }
};

// What one share contributes, in the form the combine step adds up.
struct PartSums {
  std::vector<FixedSum> sums;  // added across shares
  std::vector<double> owned;   // each element non-zero in at most one share
  std::uint64_t count = 0;     // added across shares (sources done)
  bool cut = false;            // any share stopped early
};

// Replaces a share's PartSums by the total over all shares, in every share
// (an all-reduce); the vectors have the same sizes in every share.
using CombineParts = std::function<void(PartSums&)>;

struct SourceSplit {
  std::size_t part = 0;
  std::size_t parts = 1;
  CombineParts combine;  // needed when parts > 1

  bool whole() const { return parts == 1; }
  // Throws InvalidArgument naming the bad field.
  void validate() const;
};

// Deals items out to `parts` shares so that their costs balance: by
// descending cost (ties by index), in snake order (0,1,..,p-1,p-1,..,0,0,..),
// so each share gets one of every `parts` items of similar cost. Returns
// the items of share `part`, most costly first.
std::vector<std::uint32_t> deal(const std::vector<double>& costs, std::size_t parts, std::size_t part);

// The largest over the mean of the shares' total costs for a deal (1 is a
// perfect balance): the imbalance the deal predicts.
double dealt_imbalance(const std::vector<double>& costs, std::size_t parts);

}  // namespace kg
