// Snapshots from the command line: kg export --to kgs, every command reading
// a .kgs as it reads the JSON it came from, and damaged files refused with
// exit code 3.
#include <doctest/doctest.h>

#include "tests/support/support.hpp"

using kg::test::run_kg;
using kg::test::shell_quote;

namespace {

std::string sample() { return shell_quote(kg::test::source_dir() + "/samples/openai.json"); }

// The sample saved as a snapshot, once per test run.
const std::string& sample_snapshot() {
  static const std::string path = [] {
    const std::string p = kg::test::temp_dir() + "/openai.kgs";
    const auto saved = run_kg("export " + sample() + " --to kgs -o " + shell_quote(p));
    REQUIRE(saved.exit_code == 0);
    REQUIRE(saved.out.empty());
    return p;
  }();
  return path;
}

}  // namespace

TEST_CASE("kg commands answer the same from a snapshot as from its JSON") {
  const std::string kgs = shell_quote(sample_snapshot());
  for (const std::string command :
       {"info {} --format json", "path {} musk microsoft --format json", "neighbors {} openai --depth 2",
        "rank {} --by pagerank --format json", "components {} --format json",
        "export {} --to dot --relations funded"}) {
    const auto at = command.find("{}");
    const std::string from_json = command.substr(0, at) + sample() + command.substr(at + 2);
    const std::string from_kgs = command.substr(0, at) + kgs + command.substr(at + 2);
    CAPTURE(command);
    const auto expected = run_kg(from_json);
    const auto actual = run_kg(from_kgs);
    CHECK(actual.exit_code == expected.exit_code);
    CHECK(actual.out == expected.out);
    CHECK(actual.err == expected.err);
  }
}

TEST_CASE("A snapshot is recognised by its magic without the extension") {
  const std::string copy = kg::test::temp_dir() + "/graph.bin";
  kg::test::write_file(copy, kg::test::read_file(sample_snapshot()));
  const auto info = run_kg("info " + shell_quote(copy) + " --format json");
  CHECK(info.exit_code == 0);
  CHECK(info.out == run_kg("info " + sample() + " --format json").out);
}

TEST_CASE("kg export --to kgs of a filtered view keeps what the view keeps") {
  const std::string part = kg::test::temp_dir() + "/funded.kgs";
  REQUIRE(run_kg("export " + sample() + " --to kgs --relations funded -o " + shell_quote(part)).exit_code == 0);
  const auto from_part = run_kg("info " + shell_quote(part) + " --format json");
  REQUIRE(from_part.exit_code == 0);
  CHECK(from_part.out.find("\"relation_types\":{\"funded\":") != std::string::npos);
  const auto expected = run_kg("export " + sample() + " --to dot --relations funded");
  CHECK(run_kg("export " + shell_quote(part) + " --to dot").out == expected.out);
}

TEST_CASE("Damaged and foreign snapshots exit 3 with a clear message") {
  const std::string dir = kg::test::temp_dir();
  const std::string bytes = kg::test::read_file(sample_snapshot());

  const std::string truncated = dir + "/truncated.kgs";
  kg::test::write_file(truncated, bytes.substr(0, bytes.size() / 2));
  auto result = run_kg("info " + shell_quote(truncated));
  CHECK(result.exit_code == 3);
  CHECK(result.out.empty());
  CHECK(result.err.rfind("kg: " + truncated + ": truncated kg snapshot", 0) == 0);

  std::string flipped_bytes = bytes;
  flipped_bytes[bytes.size() / 3] ^= 0x10;
  const std::string flipped = dir + "/flipped.kgs";
  kg::test::write_file(flipped, flipped_bytes);
  result = run_kg("path " + shell_quote(flipped) + " musk openai");
  CHECK(result.exit_code == 3);
  CHECK(result.err.find("checksum mismatch") != std::string::npos);

  const std::string png = dir + "/picture.kgs";
  kg::test::write_file(png, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  result = run_kg("rank " + shell_quote(png));
  CHECK(result.exit_code == 3);
  CHECK(result.err.find("not a kg snapshot") != std::string::npos);

  const std::string empty = dir + "/empty.kgs";
  kg::test::write_file(empty, "");
  result = run_kg("info " + shell_quote(empty));
  CHECK(result.exit_code == 3);
  CHECK(result.err.find("not a kg snapshot") != std::string::npos);
}
