// The source split's combine as MPI all-reduces (mpi/world.hpp), and the
// ranks' busy times for --timings.
#include <mpi.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdint>
#include <numeric>
#include <vector>

#include <fmt/core.h>

#include "mpi/work_clock.hpp"
#include "mpi/world.hpp"

namespace kg::mpi {
namespace {

using Clock = std::chrono::steady_clock;
Clock::time_point work_start = Clock::now();
std::vector<double> last_busy;  // by rank, at the last combine

// Integer additions: the same bits whatever order MPI adds the ranks in.
void add_fixed_sums(void* in, void* inout, int* length, MPI_Datatype*) {
  const auto* from = static_cast<const FixedSum*>(in);
  auto* to = static_cast<FixedSum*>(inout);
  for (int i = 0; i < *length; ++i) to[i].add(from[i]);
}

// MPI counts are ints: long columns go in pieces.
template <typename T>
void all_reduce(std::vector<T>& values, MPI_Datatype type, MPI_Op op) {
  constexpr std::size_t kPiece = std::size_t{1} << 28;
  for (std::size_t first = 0; first < values.size(); first += kPiece) {
    const auto count = static_cast<int>(std::min(kPiece, values.size() - first));
    MPI_Allreduce(MPI_IN_PLACE, values.data() + first, count, type, op, MPI_COMM_WORLD);
  }
}

void combine(PartSums& part) {
  const double busy = work_seconds();
  last_busy.assign(static_cast<std::size_t>(size()), 0.0);
  MPI_Allgather(&busy, 1, MPI_DOUBLE, last_busy.data(), 1, MPI_DOUBLE, MPI_COMM_WORLD);

  static_assert(sizeof(FixedSum) == 2 * sizeof(std::uint64_t), "FixedSum is two 64-bit words");
  MPI_Datatype fixed_type;
  MPI_Type_contiguous(2, MPI_UINT64_T, &fixed_type);
  MPI_Type_commit(&fixed_type);
  MPI_Op fixed_add;
  MPI_Op_create(&add_fixed_sums, /*commute=*/1, &fixed_add);
  all_reduce(part.sums, fixed_type, fixed_add);
  MPI_Op_free(&fixed_add);
  MPI_Type_free(&fixed_type);

  // Each element is non-zero in one rank at most: x + 0 is exact.
  all_reduce(part.owned, MPI_DOUBLE, MPI_SUM);
  std::uint64_t count = part.count;
  MPI_Allreduce(MPI_IN_PLACE, &count, 1, MPI_UINT64_T, MPI_SUM, MPI_COMM_WORLD);
  part.count = count;
  int cut = part.cut ? 1 : 0;
  MPI_Allreduce(MPI_IN_PLACE, &cut, 1, MPI_INT, MPI_LOR, MPI_COMM_WORLD);
  part.cut = cut != 0;
}

}  // namespace

void start_work_clock() { work_start = Clock::now(); }

double work_seconds() { return std::chrono::duration<double>(Clock::now() - work_start).count(); }

SourceSplit source_split() {
  SourceSplit split;
  split.part = static_cast<std::size_t>(rank());
  split.parts = static_cast<std::size_t>(size());
  if (distributed()) split.combine = combine;
  return split;
}

std::string busy_report() {
  if (last_busy.size() < 2) return {};
  const double most = *std::max_element(last_busy.begin(), last_busy.end());
  const double mean = std::accumulate(last_busy.begin(), last_busy.end(), 0.0) / static_cast<double>(last_busy.size());
  return fmt::format("ranks busy: max {:.3g} s, mean {:.3g} s, imbalance {:.3f} over {} ranks", most, mean,
                     mean > 0 ? most / mean : 1.0, last_busy.size());
}

}  // namespace kg::mpi
