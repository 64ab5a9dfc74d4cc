// The machine's sustainable memory bandwidth, measured the way STREAM does:
// copy, scale, add and triad over arrays far larger than the last-level
// cache, best of 10, once with every thread and once with one. The kernels'
// bandwidth bounds in docs/PERFORMANCE.md ("Kernels at the bandwidth bound")
// divide their bytes per iteration by the copy figure.
//
//   build/bench/stream [MiB per array, default 128]
//
// Bytes are counted as STREAM counts them: each array element read or
// written once (copy and scale 16 bytes per element, add and triad 24); the
// cache line a store must first fetch (write-allocate) is not counted, so a
// kernel bound computed from these figures counts its stores the same way.
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace {

constexpr int kRepetitions = 10;
constexpr double kScalar = 3.0;

// Left uninitialised by new[], so that the threads touch their pages first.
struct Arrays {
  std::size_t n;
  std::unique_ptr<double[]> a, b, c;
};

// Seconds of the fastest of kRepetitions runs of `kernel`.
template <typename Kernel>
double best_seconds(Kernel&& kernel) {
  double best = 1e30;
  for (int i = 0; i < kRepetitions; ++i) {
    const auto start = std::chrono::steady_clock::now();
    kernel();
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    best = std::min(best, took.count());
  }
  return best;
}

void measure(Arrays& x, int threads) {
  omp_set_num_threads(threads);
  const auto n = static_cast<std::int64_t>(x.n);
  double* a = x.a.get();
  double* b = x.b.get();
  double* c = x.c.get();
  const double element_bytes = static_cast<double>(n) * sizeof(double);
  struct Result {
    const char* name;
    double seconds;
    int arrays;
  };
  const Result results[] = {
      {"copy", best_seconds([&] {
#pragma omp parallel for schedule(static)
         for (std::int64_t i = 0; i < n; ++i) c[i] = a[i];
       }),
       2},
      {"scale", best_seconds([&] {
#pragma omp parallel for schedule(static)
         for (std::int64_t i = 0; i < n; ++i) b[i] = kScalar * c[i];
       }),
       2},
      {"add", best_seconds([&] {
#pragma omp parallel for schedule(static)
         for (std::int64_t i = 0; i < n; ++i) c[i] = a[i] + b[i];
       }),
       3},
      {"triad", best_seconds([&] {
#pragma omp parallel for schedule(static)
         for (std::int64_t i = 0; i < n; ++i) a[i] = b[i] + kScalar * c[i];
       }),
       3},
  };
  for (const Result& r : results) {
    std::printf("threads %d  %-5s  %7.2f GB/s  (best %.2f ms)\n", threads, r.name,
                r.arrays * element_bytes / r.seconds / 1e9, r.seconds * 1e3);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const long mib = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 128;
  if (argc > 2 || mib <= 0) {
    std::fprintf(stderr, "usage: %s [MiB per array, default 128]\n", argv[0]);
    return 2;
  }
  const auto n = static_cast<std::size_t>(mib) * 1024 * 1024 / sizeof(double);
  Arrays x{n, std::unique_ptr<double[]>(new double[n]), std::unique_ptr<double[]>(new double[n]),
           std::unique_ptr<double[]>(new double[n])};
  // Touched first by the threads that later stream them, as STREAM does.
  const auto count = static_cast<std::int64_t>(n);
#pragma omp parallel for schedule(static)
  for (std::int64_t i = 0; i < count; ++i) {
    x.a[i] = 1.0;
    x.b[i] = 2.0;
    x.c[i] = 0.0;
  }
  std::printf("3 arrays of %ld MiB (%zu doubles each)\n", mib, n);
  const int all = omp_get_max_threads();
  measure(x, all);
  if (all > 1) measure(x, 1);
  // The sum keeps the compiler from discarding the kernels' stores.
  double sum = 0;
  for (std::size_t i = 0; i < n; i += 4096) sum += x.a[i] + x.b[i] + x.c[i];
  std::printf("checksum %g\n", sum);
  return 0;
}
