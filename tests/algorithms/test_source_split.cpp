// Source-parallel measures split into parts (algorithms/source_split.hpp):
// the fixed-point sums, the deal, and every split measure giving the same
// bits as the whole computation. The parts run here as threads of one
// process with an in-memory combine; tests/mpi runs them as MPI ranks.
#include <doctest/doctest.h>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <functional>
#include <mutex>
#include <random>
#include <thread>

#include "algorithms/centrality.hpp"
#include "algorithms/source_split.hpp"
#include "graph/exception.hpp"
#include "tests/support/random_graphs.hpp"
#include "tests/support/support.hpp"

using namespace kg;

namespace {

// Runs `work(split)` for each part on its own thread; their combine adds
// the parts' sums once all have arrived, as an MPI all-reduce would.
class InProcessParts {
 public:
  explicit InProcessParts(std::size_t parts) : parts_(parts) {}

  void run(const std::function<void(const SourceSplit&)>& work) {
    std::vector<std::thread> threads;
    for (std::size_t part = 0; part < parts_; ++part) {
      SourceSplit split;
      split.part = part;
      split.parts = parts_;
      split.combine = [this](PartSums& sums) { combine(sums); };
      threads.emplace_back([&work, split] { work(split); });
    }
    for (auto& thread : threads) thread.join();
  }

 private:
  void combine(PartSums& sums) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (arrived_ == 0) {
      total_ = PartSums{};
      total_.sums.resize(sums.sums.size());
      total_.owned.assign(sums.owned.size(), 0.0);
    }
    for (std::size_t i = 0; i < sums.sums.size(); ++i) total_.sums[i].add(sums.sums[i]);
    for (std::size_t i = 0; i < sums.owned.size(); ++i) total_.owned[i] += sums.owned[i];
    total_.count += sums.count;
    total_.cut = total_.cut || sums.cut;
    const std::size_t generation = generation_;
    if (++arrived_ == parts_) {
      arrived_ = 0;
      ++generation_;
      done_.notify_all();
    } else {
      done_.wait(lock, [&] { return generation_ != generation; });
    }
    sums = total_;
  }

  std::size_t parts_;
  std::mutex mutex_;
  std::condition_variable done_;
  std::size_t arrived_ = 0, generation_ = 0;
  PartSums total_;
};

// The same bits, NaN (left out) included.
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

// Runs `measure` whole and in 2, 3 and 5 parts; every part must give the
// whole's scores, bit for bit.
void check_split(const std::function<std::vector<double>(const SourceSplit&)>& measure, const std::string& what) {
  CAPTURE(what);
  const std::vector<double> whole = measure(SourceSplit{});
  REQUIRE(!whole.empty());
  for (const std::size_t parts : {2, 3, 5}) {
    CAPTURE(parts);
    std::vector<std::vector<double>> answers(parts);
    InProcessParts(parts).run([&](const SourceSplit& split) { answers[split.part] = measure(split); });
    for (const auto& answer : answers) CHECK(same_bits(answer, whole));
  }
}

}  // namespace

TEST_CASE("fixed-point sums: exact on binary fractions, the same bits in any order and grouping") {
  FixedSum a;
  a.add(0.5);
  a.add(0.75);  // the fractions carry into the whole part
  a.add(2.0);
  CHECK(a.whole == 3);
  CHECK(a.value() == 3.25);

  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> draw(0.0, 1000.0);
  std::vector<double> terms(2000);
  for (double& t : terms) t = draw(random);
  FixedSum forward, grouped, halves[2];
  for (double t : terms) forward.add(t);
  std::vector<double> shuffled = terms;
  std::shuffle(shuffled.begin(), shuffled.end(), random);
  for (std::size_t i = 0; i < shuffled.size(); ++i) halves[i % 2].add(shuffled[i]);
  grouped.add(halves[1]);
  grouped.add(halves[0]);
  CHECK(forward == grouped);
  // Each term loses less than 2^-63: the total is as close as long double
  // summation gets.
  long double exact = 0;
  for (double t : terms) exact += t;
  CHECK(std::fabs(forward.value() - static_cast<double>(exact)) <= 1e-15 * static_cast<double>(exact));
}

TEST_CASE("deal: costliest first, snake order, every item in one share") {
  //  costs 9 7 5 3 1 1 dealt to 2 shares: 9->0, 7->1, 5->1, 3->0, 1->0, 1->1
  const std::vector<double> costs = {9, 7, 5, 3, 1, 1};
  CHECK(deal(costs, 2, 0) == std::vector<std::uint32_t>{0, 3, 4});
  CHECK(deal(costs, 2, 1) == std::vector<std::uint32_t>{1, 2, 5});
  CHECK(dealt_imbalance(costs, 2) == 1.0);  // 13 and 13
  // 3 shares, snake: 9->0 7->1 5->2 3->2 1->1 1->0: 10, 8 and 8
  CHECK(deal(costs, 3, 2) == std::vector<std::uint32_t>{2, 3});
  CHECK(dealt_imbalance(costs, 3) == doctest::Approx(10.0 / (26.0 / 3)));
  for (std::size_t parts = 1; parts <= 7; ++parts) {
    std::vector<int> seen(costs.size(), 0);
    for (std::size_t part = 0; part < parts; ++part) {
      for (std::uint32_t i : deal(costs, parts, part)) ++seen[i];
    }
    CHECK(std::count(seen.begin(), seen.end(), 1) == static_cast<long>(costs.size()));
  }
}

TEST_CASE("a split is checked: part below parts, a combine when there are several") {
  SourceSplit split;
  split.parts = 2;
  split.part = 1;
  CHECK_THROWS_WITH_AS(split.validate(), "combine: is needed to split the work into parts", InvalidArgument);
  split.combine = [](PartSums&) {};
  split.part = 2;
  CHECK_THROWS_WITH_AS(split.validate(), "part: must be below parts (2)", InvalidArgument);
}

TEST_CASE("betweenness, closeness and harmonic in parts give the whole's scores, bit for bit") {
  struct Case {
    const char* name;
    test::RandomGraphShape shape;
  };
  const Case cases[] = {
      {"directed", {60, 200, 1, 3, true}},
      {"undirected", {60, 200, 1, 3, false}},
      {"four components", {90, 240, 4, 5, true}},
      // More than 64 entities per component: closeness and harmonic search
      // in several batches of 64.
      {"two large components", {300, 900, 2, 4, true}},
  };
  std::uint64_t seed = 11;
  for (const Case& c : cases) {
    const Graph g = test::graph_from_json(test::random_multigraph_json(seed++, c.shape));
    const View view(g);
    for (const Direction d : {Direction::Out, Direction::In, Direction::Any}) {
      if (!g.directed() && d != Direction::Any) continue;
      const std::string where = std::string(c.name) + (d == Direction::Out ? " out" : d == Direction::In ? " in" : " any");
      for (const std::size_t samples : {0, 17}) {
        check_split(
            [&](const SourceSplit& split) {
              BetweennessOptions options;
              options.direction = d;
              options.relations = true;
              options.samples = samples;
              options.seed = 5;
              options.split = split;
              BetweennessResult result = betweenness_centrality(view, options);
              std::vector<double> all = result.entities.values;
              all.insert(all.end(), result.relations.begin(), result.relations.end());
              all.push_back(static_cast<double>(result.sources));
              return all;
            },
            where + " betweenness, samples " + std::to_string(samples));
      }
      check_split(
          [&](const SourceSplit& split) {
            ClosenessOptions options;
            options.direction = d;
            options.split = split;
            return closeness_centrality(view, options).values;
          },
          where + " closeness");
      check_split(
          [&](const SourceSplit& split) {
            HarmonicOptions options;
            options.direction = d;
            options.split = split;
            return harmonic_centrality(view, options).values;
          },
          where + " harmonic");
    }
  }
}
