// query::RenderRequest: the fields validate() names, and run() returning the
// bytes of a drawing of a tiny graph, or nothing when no path exists.
#include <doctest/doctest.h>

#include "graph/exception.hpp"
#include "query/render.hpp"
#include "tests/support/support.hpp"

namespace {

//   Ann -[hired 2015]-> Bob -[funded 2016]-> Cyd        Dee (alone)
const char* kGraph = R"({"kg": 1,
  "entities": [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}, {"id": "cyd", "name": "Cyd"},
               {"id": "dee", "name": "Dee"}],
  "relations": [{"source": "ann", "target": "bob", "type": "hired", "date": "2015"},
                {"source": "bob", "target": "cyd", "type": "funded", "date": "2016"}]})";

}  // namespace

TEST_CASE("query render: validate() names the field of options that do not go together") {
  kg::query::RenderRequest request;
  CHECK(kg::test::refused_field(request).empty());
  request.k = 2;
  CHECK(kg::test::refused_field(request) == "k");  // without a path
  request.k = 1;
  request.depth = 2;
  CHECK(kg::test::refused_field(request) == "depth");  // without a focus or path
  request.focus = "ann";
  CHECK(kg::test::refused_field(request).empty());
  request.diff = {"2015", "2016"};
  CHECK(kg::test::refused_field(request) == "focus");  // two drawings at once
  request.focus.clear();
  request.depth.reset();
  request.view.as_of = "2016";
  CHECK(kg::test::refused_field(request) == "diff");  // a date window besides the diff's
  request.view.as_of.clear();
  request.diff = {"2017", "2016"};
  CHECK(kg::test::refused_field(request) == "diff");
  request.diff.clear();
  request.format = kg::ImageFormat::Dot;
  request.engine = kg::LayoutEngine::Neato;
  CHECK(kg::test::refused_field(request) == "engine");
  request.engine.reset();
  request.format = kg::ImageFormat::Svg;
  request.view.direction = kg::Direction::Out;
  request.view.direction_given = true;
  CHECK(kg::test::refused_field(request) == "direction");  // nothing is walked
  request.view.direction_given = false;
  request.timeline = true;
  request.format = kg::ImageFormat::Html;
  CHECK(kg::test::refused_field(request) == "timeline");
}

TEST_CASE("query render: the path from Ann to Cyd as DOT and SVG, no path to Dee") {
  const kg::Graph g = kg::test::graph_from_json(kGraph);
  kg::query::QueryContext context(g);
  kg::query::RenderRequest request;
  request.format = kg::ImageFormat::Dot;
  request.path = {"Ann", "Cyd"};
  const auto dot = kg::query::run(request, context);
  // DOT names entities by id; all three on the path are drawn, Dee is not.
  for (const char* id : {"\"ann\"", "\"bob\"", "\"cyd\""}) CHECK(dot.bytes.find(id) != std::string::npos);
  CHECK(dot.bytes.find("\"dee\"") == std::string::npos);

  request.format = kg::ImageFormat::Svg;
  const auto svg = kg::query::run(request, context);
  CHECK(svg.bytes.find("<svg") != std::string::npos);
  CHECK(svg.bytes.find("<title>bob</title>") != std::string::npos);  // ids back in the titles

  request.path = {"ann", "dee"};
  CHECK_FALSE(kg::query::plan(request, context).found);
  CHECK(kg::query::run(request, context).bytes.empty());
}
