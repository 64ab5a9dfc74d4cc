#include "tests/support/random_graphs.hpp"

#include <random>

namespace kg::test {

std::string random_multigraph_json(std::uint64_t seed, const RandomGraphShape& shape) {
  std::mt19937_64 random(seed);
  const std::size_t linked = shape.entities - shape.isolated;
  std::string json = R"({"kg":1,"name":"random )" + std::to_string(seed) + R"(",)";
  if (!shape.directed) json += R"("directed":false,)";
  json += R"("relation_types":{"met":{"symmetric":true}},"entities":[)";
  for (std::size_t i = 0; i < shape.entities; ++i) {
    if (i) json += ",";
    json += R"({"id":"e)" + std::to_string(i) + R"(","name":"Entity )" + std::to_string(i) + R"(","type":")" +
            (random() % 3 == 0 ? "company" : "person") + R"("})";
  }
  json += R"(],"relations":[)";
  // Entity i belongs to component i % components; relations stay inside one.
  std::uniform_int_distribution<std::size_t> pick(0, linked - 1);
  for (std::size_t r = 0; r < shape.relations; ++r) {
    std::size_t source = pick(random), target = pick(random);
    target = target - target % shape.components + source % shape.components;
    if (target >= linked) target = source;  // a self-loop now and then
    const bool parallel = r > 0 && random() % 10 == 0;
    if (r) json += ",";
    const char* type = random() % 5 == 0 ? "met" : "funded";
    json += R"({"source":"e)" + std::to_string(source) + R"(","target":"e)" + std::to_string(target) +
            R"(","type":")" + type + R"("})";
    if (parallel) {
      json += R"(,{"source":"e)" + std::to_string(source) + R"(","target":"e)" + std::to_string(target) +
              R"(","type":"funded"})";
    }
  }
  json += "]}";
  return json;
}

}  // namespace kg::test
