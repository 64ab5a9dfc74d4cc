// The rate of kg's snapshot checksum (XXH3, graph/snapshot.hpp) over a file
// held in memory: the part of opening a snapshot that reads every byte.
//   build/bench/snapshot_checksum FILE [RUNS]   (best of RUNS, default 10)
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "graph/snapshot.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE [RUNS]\n", argv[0]);
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 1;
  }
  const int runs = argc > 2 ? std::atoi(argv[2]) : 10;
  double best = 1e300;
  std::uint64_t checksum = 0;  // printed, so that no run is optimised away
  for (int run = 0; run < runs; ++run) {
    const auto start = std::chrono::steady_clock::now();
    checksum = kg::snapshot_checksum(bytes.data(), bytes.size());
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::printf("snapshot checksum (XXH3): %zu bytes in %.2f ms, %.1f GB/s (best of %d; %016llx)\n", bytes.size(),
              best * 1e3, static_cast<double>(bytes.size()) / best / 1e9, runs, static_cast<unsigned long long>(checksum));
  return 0;
}
