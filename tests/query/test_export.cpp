// query::ExportRequest: the fields validate() names, and a view streamed in
// a format with what the view leaves out left out.
#include <doctest/doctest.h>

#include <sstream>

#include "graph/exception.hpp"
#include "query/export.hpp"
#include "tests/support/support.hpp"

namespace {

//   Ann -[hired 2015]-> Bob -[funded 2017]-> Cyd
const char* kGraph = R"({"kg": 1,
  "entities": [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}, {"id": "cyd", "name": "Cyd"}],
  "relations": [{"source": "ann", "target": "bob", "type": "hired", "date": "2015"},
                {"source": "bob", "target": "cyd", "type": "funded", "date": "2017"}]})";

}  // namespace

TEST_CASE("query export: validate() names the bad field") {
  kg::query::ExportRequest request;
  request.to = "png";
  CHECK(kg::test::refused_field(request) == "to");
  request.to = "graphml";
  request.csv_safe = true;
  CHECK(kg::test::refused_field(request) == "csv_safe");
  request.to = "csv";
  CHECK(kg::test::refused_field(request).empty());
  request.view.between = "2017..2015";
  CHECK(kg::test::refused_field(request) == "between");
}

TEST_CASE("query export: the view as of 2016 in Mermaid holds hired, not funded") {
  const kg::Graph g = kg::test::graph_from_json(kGraph);
  kg::query::QueryContext context(g);
  kg::query::ExportRequest request;
  request.to = "mermaid";
  request.view.as_of = "2016";
  std::ostringstream out;
  kg::query::run(request, context, out);
  const std::string text = out.str();
  CHECK(text.find("hired") != std::string::npos);
  CHECK(text.find("funded") == std::string::npos);
  request.view.as_of.clear();
  std::ostringstream whole;
  kg::query::run(request, context, whole);
  CHECK(whole.str().find("funded") != std::string::npos);
}

TEST_CASE("query export: drop_isolated keeps the entities and relation types of the kept relations") {
  //   ann -[hired 2015]-> bob -[funded 2017]-> cyd    (hired and funded declared)
  const kg::Graph g = kg::test::graph_from_json(R"({"kg": 1,
    "entities": [{"id": "ann"}, {"id": "bob"}, {"id": "cyd"}],
    "relations": [{"source": "ann", "target": "bob", "type": "hired", "date": "2015"},
                  {"source": "bob", "target": "cyd", "type": "funded", "date": "2017"}],
    "relation_types": {"hired": {"description": "took on"}, "funded": {"description": "gave money"}}})");
  kg::query::QueryContext context(g);
  kg::query::ExportRequest request;
  request.to = "json";
  request.view.relation_types = {"funded"};
  const auto exported = [&] {
    std::ostringstream out;
    kg::query::run(request, context, out);
    return kg::test::parse_json(out.str());
  };
  const auto view = exported();
  CHECK(view["entities"].Size() == 3);  // the view keeps ann, alone
  CHECK(view["relation_types"].HasMember("hired"));
  request.drop_isolated = true;
  const auto part = exported();
  REQUIRE(part["entities"].Size() == 2);
  CHECK(std::string(part["entities"][0]["id"].GetString()) == "bob");
  CHECK(std::string(part["entities"][1]["id"].GetString()) == "cyd");
  REQUIRE(part["relations"].Size() == 1);
  CHECK(part["relation_types"].HasMember("funded"));
  CHECK_FALSE(part["relation_types"].HasMember("hired"));
}
