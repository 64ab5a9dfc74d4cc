// Every rank must hold the same graph before any work is shared out
// (mpi/world.hpp, agree_on_input).
#include <mpi.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <vector>

#include <fmt/core.h>

#include "base/mapped_file.hpp"
#include "graph/exception.hpp"
#include "graph/snapshot.hpp"
#include "mpi/work_clock.hpp"
#include "mpi/world.hpp"

namespace kg::mpi {
namespace {

// What one rank tells the others about its load.
struct LoadReport {
  std::uint64_t fingerprint = 0;
  std::int32_t failed = 0;
  std::array<char, 1020> message{};  // why it failed, cut short
};

// A snapshot's header holds its payload's size and checksum, verified by
// the load: 16 bytes that identify the graph without reading it again.
// Any other input is checksummed whole.
std::uint64_t input_fingerprint(const std::string& path) {
  std::array<char, kSnapshotHeaderBytes> header{};
  {
    std::ifstream in(path, std::ios::binary);
    in.read(header.data(), header.size());
    if (in.gcount() == static_cast<std::streamsize>(header.size()) &&
        looks_like_snapshot(std::string_view(header.data(), header.size()))) {
      return snapshot_checksum(header.data() + 16, 16);
    }
  }
  const MappedFile file(path);
  return snapshot_checksum(file.data(), file.size()) ^ file.size();
}

std::string message_of(const std::exception_ptr& failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const std::exception& error) {
    return error.what();
  } catch (...) {
    return "unknown failure";
  }
}

}  // namespace

void agree_on_input(const std::string& path, const std::exception_ptr& failure, const std::string& what) {
  if (!distributed()) {
    if (failure) std::rethrow_exception(failure);
    return;
  }
  LoadReport mine;
  std::string why;
  if (failure) {
    why = message_of(failure);
  } else if (is_stream_input(path)) {
    why = path + ": every rank must read " + what + " from a file, not a stream";
  } else {
    try {
      mine.fingerprint = input_fingerprint(path);
    } catch (const std::exception& error) {
      why = error.what();
    }
  }
  if (!why.empty()) {
    mine.failed = 1;
    std::memcpy(mine.message.data(), why.data(), std::min(why.size(), mine.message.size() - 1));
  }
  std::vector<LoadReport> all(static_cast<std::size_t>(size()));
  MPI_Allgather(&mine, sizeof(LoadReport), MPI_BYTE, all.data(), sizeof(LoadReport), MPI_BYTE, MPI_COMM_WORLD);

  if (failure) std::rethrow_exception(failure);
  for (std::size_t r = 0; r < all.size(); ++r) {
    if (all[r].failed) {
      throw InputError(fmt::format("rank {} of {} could not read {}: {}", r, all.size(), what, all[r].message.data()));
    }
  }
  for (std::size_t r = 1; r < all.size(); ++r) {
    if (all[r].fingerprint != all[0].fingerprint) {
      throw InputError(fmt::format("{}: rank {} of {} read other bytes than rank 0 (checksum {:016x}, rank 0 {:016x}); "
                                   "every rank must read the same {}",
                                   path, r, all.size(), all[r].fingerprint, all[0].fingerprint, what));
    }
  }
  start_work_clock();
}

}  // namespace kg::mpi
