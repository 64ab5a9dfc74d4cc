#pragma once
// Seeded random multigraphs as kg JSON text, for tests that compare two ways
// of computing the same answer (one process or several, one thread or many):
// parallel relations, reciprocal pairs, self-loops, a symmetric relation
// type, isolated entities, and as many weakly connected components as asked.
#include <cstddef>
#include <cstdint>
#include <string>

namespace kg::test {

struct RandomGraphShape {
  std::size_t entities = 40;
  std::size_t relations = 120;  // drawn; about one in ten also gets a parallel copy
  std::size_t components = 1;  // the entities but the isolated ones are split into this many groups
  std::size_t isolated = 2;    // entities without any relation
  bool directed = true;
};

std::string random_multigraph_json(std::uint64_t seed, const RandomGraphShape& shape);

}  // namespace kg::test
