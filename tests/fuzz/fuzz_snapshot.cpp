// libFuzzer target for the snapshot reader (tests/fuzz/check_result.hpp).
// A snapshot's checksum refuses any changed byte, so the fuzzer's input is
// taken as the payload and given a header with the right checksum: what it
// explores is the payload's parser and the checks that stand between a file
// made by hand and a graph used in place. The seeds are payloads of real
// snapshots (a snapshot without its 32-byte header).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "base/exception.hpp"
#include "graph/snapshot.hpp"
#include "ingest/format.hpp"
#include "tests/fuzz/check_result.hpp"

namespace {

void put_le(std::string& bytes, std::size_t at, std::uint64_t value, int width) {
  for (int i = 0; i < width; ++i) bytes[at + i] = static_cast<char>(value >> (8 * i));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The header's layout: graph/snapshot.cpp, make_header.
  std::string bytes("\x89KGS\r\n\x1a\n", 8);
  bytes.resize(kg::kSnapshotHeaderBytes);
  put_le(bytes, 8, kg::kSnapshotVersion, 4);
  const std::uint32_t byte_order_mark = 0x01020304;
  std::memcpy(&bytes[12], &byte_order_mark, sizeof byte_order_mark);
  put_le(bytes, 16, size, 8);
  put_le(bytes, 24, kg::snapshot_checksum(reinterpret_cast<const char*>(data), size), 8);
  bytes.append(reinterpret_cast<const char*>(data), size);

  kg::ReadOptions options;
  options.contents = std::make_shared<const std::string>(std::move(bytes));
  try {
    check_read_result(kg::read_graph("fuzz.kgs", std::string("kgs"), options));
  } catch (const kg::InputError&) {
    // Refused with a message: what a damaged or crafted file should get.
  }
  return 0;
}
