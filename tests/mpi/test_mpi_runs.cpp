// kg under mpirun (docs/MPI.md): N = 1, 2 and 3 ranks print the bytes one
// process prints, on the sample, seeded random multigraphs and a graph of
// several components; a rank that cannot read the graph, or reads another,
// ends the job with one error; a killed rank ends the job within seconds.
// Built only with KG_MPI (tests/CMakeLists.txt).
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "tests/support/random_graphs.hpp"
#include "tests/support/support.hpp"

using namespace kg::test;

namespace {

// mpirun with `ranks` processes of kg, one OpenMP thread each; -q keeps
// mpirun's own banners out of stderr.
std::string mpirun(int ranks) {
  std::string line = "OMP_NUM_THREADS=1 " + shell_quote(KG_MPIEXEC) + " -q --oversubscribe";
  if (::geteuid() == 0) line += " --allow-run-as-root";
  return line + " -np " + std::to_string(ranks) + " " + shell_quote(kg_binary());
}

CommandResult run_ranks(int ranks, const std::string& arguments) { return run(mpirun(ranks) + " " + arguments); }

// Each command's single-process answer against N ranks' answer.
void check_same_bytes(const std::string& graph, const std::vector<std::string>& commands, const std::vector<int>& ranks) {
  for (const std::string& command : commands) {
    const std::string arguments = command + " " + shell_quote(graph);
    const CommandResult alone = run_kg(arguments);
    CAPTURE(arguments);
    REQUIRE_MESSAGE(alone.exit_code == 0, alone.err);
    REQUIRE(alone.out.size() > 20);
    for (const int n : ranks) {
      CAPTURE(n);
      const CommandResult split = run_ranks(n, arguments);
      CHECK_MESSAGE(split.exit_code == 0, split.err);
      CHECK(split.out == alone.out);
      CHECK(split.err.empty());
    }
  }
}

std::string write_random_graph(std::uint64_t seed, const RandomGraphShape& shape) {
  const std::string path = temp_dir() + "/random" + std::to_string(seed) + ".json";
  write_file(path, random_multigraph_json(seed, shape));
  return path;
}

}  // namespace

TEST_CASE("mpirun -np 1, 2, 3 on the sample prints what one process prints, for every source-parallel measure") {
  check_same_bytes(source_dir() + "/samples/openai.json",
                   {"rank --top 0 --format json --by betweenness", "rank --top 0 --format json --by betweenness --raw",
                    "rank --top 0 --format json --by betweenness --of relations",
                    "rank --top 0 --format json --by betweenness --samples 7 --seed 3",
                    "rank --top 0 --format json --by closeness", "rank --top 0 --format json --by harmonic",
                    "rank --by betweenness --direction any"},
                   {1, 2, 3});
}

TEST_CASE("mpirun -np 2, 3 on seeded random multigraphs, directed and not, print what one process prints") {
  const std::vector<std::string> commands = {"rank --top 0 --format json --by betweenness --of relations",
                                             "rank --top 0 --format json --by betweenness --samples 50",
                                             "rank --top 0 --format json --by closeness --direction in",
                                             "rank --top 0 --format json --by harmonic"};
  check_same_bytes(write_random_graph(21, {150, 500, 1, 3, true}), commands, {2, 3});
  check_same_bytes(write_random_graph(22, {150, 500, 1, 3, false}),
                   {"rank --top 0 --format json --by betweenness", "rank --top 0 --format json --by closeness"}, {3});
}

TEST_CASE("mpirun -np 2, 3 on a graph of several components prints what one process prints") {
  check_same_bytes(write_random_graph(23, {400, 900, 5, 10, true}),
                   {"rank --top 0 --format json --by betweenness --of relations",
                    "rank --top 0 --format json --by closeness", "rank --top 0 --format json --by harmonic"},
                   {2, 3});
}

TEST_CASE("mpirun -np 2, 3 answers a path batch with the bytes and the exit code of one process") {
  // 400 pairs (several blocks of every rank's share), some with no path
  // (two components), one name that matches no entity.
  const std::string graph = write_random_graph(25, {300, 700, 2, 3, true});
  std::string pairs;
  std::mt19937_64 random(25);
  for (int i = 0; i < 400; ++i) {
    pairs += "e" + std::to_string(random() % 300) + "\te" + std::to_string(random() % 300) + "\n";
  }
  pairs += "e1\tnobody\n";
  const std::string batch = temp_dir() + "/pairs.tsv";
  write_file(batch, pairs);
  for (const std::string format : {"text", "json"}) {
    const std::string arguments = "path --batch " + shell_quote(batch) + " --format " + format + " " + shell_quote(graph);
    const CommandResult alone = run_kg(arguments);
    CAPTURE(arguments);
    REQUIRE(alone.exit_code == 1);  // some pairs have no path
    REQUIRE(std::count(alone.out.begin(), alone.out.end(), '\n') >= 401);
    for (const int n : {2, 3}) {
      CAPTURE(n);
      const CommandResult split = run_ranks(n, arguments);
      CHECK(split.exit_code == alone.exit_code);
      CHECK(split.out == alone.out);
      CHECK(split.err == alone.err);
    }
  }

  // A rank with another batch, or a batch from standard input (which
  // mpirun gives to rank 0 alone): one error, no rank left waiting.
  const std::string other = temp_dir() + "/other.tsv";
  write_file(other, "e1\te2\n");
  CommandResult result = run(mpirun(2) + " path --batch " + shell_quote(batch) + " " + shell_quote(graph) + " : -np 1 " +
                             shell_quote(kg_binary()) + " path --batch " + shell_quote(other) + " " + shell_quote(graph));
  CHECK(result.exit_code == 3);
  CHECK(result.out.empty());
  CHECK(result.err.find("rank 2 of 3 read other bytes than rank 0") != std::string::npos);
  result = run(mpirun(2) + " path --batch - " + shell_quote(graph) + " < " + shell_quote(batch));
  CHECK(result.exit_code == 3);
  CHECK(result.out.empty());
  CHECK(result.err.find("every rank must read the batch from a file") != std::string::npos);
}

TEST_CASE("a rank that cannot read the graph, or reads another, ends every rank with one error from rank 0") {
  const std::string sample = shell_quote(source_dir() + "/samples/openai.json");
  const std::string missing = shell_quote(temp_dir() + "/missing.json");
  // mpirun's MPMD form: ranks 0 and 1 read the sample, rank 2 a missing file.
  CommandResult result = run(mpirun(2) + " rank --by betweenness " + sample + " : -np 1 " +
                             shell_quote(kg_binary()) + " rank --by betweenness " + missing);
  CHECK(result.exit_code == 3);
  CHECK(result.out.empty());
  CHECK(result.err.find("kg: rank 2 of 3 could not read the graph: ") == 0);
  CHECK(result.err.find("missing.json: cannot open") != std::string::npos);
  CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);

  // Rank 2 reads the same graph from other bytes: refused before any work.
  const std::string copy = temp_dir() + "/copy.json";
  write_file(copy, read_file(source_dir() + "/samples/openai.json") + "\n");
  result = run(mpirun(2) + " rank --by betweenness " + sample + " : -np 1 " + shell_quote(kg_binary()) +
               " rank --by betweenness " + shell_quote(copy));
  CHECK(result.exit_code == 3);
  CHECK(result.out.empty());
  CHECK(result.err.find("rank 2 of 3 read other bytes than rank 0") != std::string::npos);
  CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);

  // Every rank failing the same way: one error, not three.
  result = run_ranks(3, "rank --by betweenness " + missing);
  CHECK(result.exit_code == 3);
  CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
}

TEST_CASE("killing one rank of three ends the job within seconds, with an error") {
  // Exact betweenness here takes each rank several seconds.
  const std::string graph = write_random_graph(24, {20000, 80000, 1, 0, true});
  const std::string dir = temp_dir();
  // timeout bounds the whole job should mpirun never notice; the ranks are
  // mpirun's children.
  const std::string script =
      "timeout -s KILL 60 " + mpirun(3) + " rank --by betweenness " + shell_quote(graph) + " & job=$!\n" +
      "for i in $(seq 100); do mp=$(pgrep -P $job); [ -n \"$mp\" ] && [ $(pgrep -P $mp | wc -l) -ge 3 ] && break; "
      "sleep 0.1; done\n"
      "sleep 0.5\n"
      "kill -9 $(pgrep -P $mp | sed -n 2p)\n"
      "start=$(date +%s%N)\n"
      "wait $job; code=$?\n"
      "echo $code $(( ($(date +%s%N) - start) / 1000000 ))\n";
  write_file(dir + "/kill.sh", script);
  const CommandResult result = run("sh " + shell_quote(dir + "/kill.sh"));
  int code = -1;
  long milliseconds = -1;
  REQUIRE(std::sscanf(result.out.c_str(), "%d %ld", &code, &milliseconds) == 2);
  CHECK(code != 0);
  // Well before timeout's 60 s: mpirun itself ended the job.
  CHECK(milliseconds >= 0);
  CHECK(milliseconds < 10000);
}
