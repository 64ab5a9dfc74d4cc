// The source split's combine as MPI all-reduces (mpi/world.hpp), and the
// ranks' busy times for --timings.
#include <mpi.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <ctime>
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
double work_start_cpu = 0.0;
// By rank, at the last combine: wall and CPU seconds (all threads) since
// the work started. On a shared machine the CPU seconds show the balance
// that the wall seconds blur.
std::vector<double> last_busy, last_busy_cpu;

double process_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

std::string spread(const std::vector<double>& seconds) {
  const double most = *std::max_element(seconds.begin(), seconds.end());
  const double mean = std::accumulate(seconds.begin(), seconds.end(), 0.0) / static_cast<double>(seconds.size());
  return fmt::format("max {:.3g} s, mean {:.3g} s, imbalance {:.3f}", most, mean, mean > 0 ? most / mean : 1.0);
}

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
  const double busy[2] = {work_seconds(), process_cpu_seconds() - work_start_cpu};
  std::vector<double> gathered(2 * static_cast<std::size_t>(size()));
  MPI_Allgather(busy, 2, MPI_DOUBLE, gathered.data(), 2, MPI_DOUBLE, MPI_COMM_WORLD);
  last_busy.clear();
  last_busy_cpu.clear();
  for (std::size_t r = 0; r < gathered.size(); r += 2) {
    last_busy.push_back(gathered[r]);
    last_busy_cpu.push_back(gathered[r + 1]);
  }

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

void start_work_clock() {
  work_start = Clock::now();
  work_start_cpu = process_cpu_seconds();
}

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
  return fmt::format("ranks busy over {} ranks: wall {}; CPU {}", last_busy.size(), spread(last_busy),
                     spread(last_busy_cpu));
}

}  // namespace kg::mpi
