// Independent answers computed across ranks and printed in order by rank 0
// (mpi/world.hpp, answer_in_order).
#include <mpi.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "mpi/world.hpp"

namespace kg::mpi {
namespace {

// Items a rank answers between two gathers: enough to keep the gathers'
// latency small beside the answers, few enough that rank 0 holds one block
// of output at a time and prints as it goes.
constexpr std::size_t kItemsPerRank = 64;

void append_answer(std::string& packed, const std::string& answer) {
  const std::uint64_t length = answer.size();
  packed.append(reinterpret_cast<const char*>(&length), sizeof length);
  packed += answer;
}

// Rank 0 receives every rank's packed answers of one block, in rank order.
std::vector<std::string> gather_blocks(const std::string& mine) {
  if (mine.size() > static_cast<std::size_t>(INT_MAX)) throw std::length_error("a block of answers over 2 GB");
  const int length = static_cast<int>(mine.size());
  const bool first = rank() == 0;
  std::vector<int> lengths(first ? static_cast<std::size_t>(size()) : 0);
  MPI_Gather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<int> offsets(lengths.size());
  std::size_t total = 0;
  for (std::size_t r = 0; r < lengths.size(); ++r) {
    offsets[r] = static_cast<int>(total);
    total += static_cast<std::size_t>(lengths[r]);
    if (total > static_cast<std::size_t>(INT_MAX)) throw std::length_error("a block of answers over 2 GB");
  }
  std::string all(total, '\0');
  MPI_Gatherv(mine.data(), length, MPI_CHAR, all.data(), lengths.data(), offsets.data(), MPI_CHAR, 0,
              MPI_COMM_WORLD);
  std::vector<std::string> blocks;
  for (std::size_t r = 0; r < lengths.size(); ++r) {
    blocks.push_back(all.substr(static_cast<std::size_t>(offsets[r]), static_cast<std::size_t>(lengths[r])));
  }
  return blocks;
}

}  // namespace

void answer_in_order(std::size_t count, const std::function<std::string(std::size_t)>& answer,
                     const std::function<void(std::size_t, const std::string&)>& deliver) {
  const auto ranks = static_cast<std::size_t>(size());
  const auto me = static_cast<std::size_t>(rank());
  if (ranks == 1) {
    for (std::size_t i = 0; i < count; ++i) deliver(i, answer(i));
    return;
  }
  const std::size_t block = kItemsPerRank * ranks;
  for (std::size_t start = 0; start < count; start += block) {
    const std::size_t end = std::min(count, start + block);
    std::string mine;
    for (std::size_t i = start + me; i < end; i += ranks) append_answer(mine, answer(i));
    const std::vector<std::string> blocks = gather_blocks(mine);
    if (me != 0) continue;
    std::vector<std::size_t> read(ranks, 0);
    for (std::size_t i = start; i < end; ++i) {
      const std::string& packed = blocks[i % ranks];
      std::size_t& at = read[i % ranks];
      std::uint64_t length = 0;
      std::memcpy(&length, packed.data() + at, sizeof length);
      at += sizeof length;
      deliver(i, packed.substr(at, length));
      at += length;
    }
  }
}

}  // namespace kg::mpi
