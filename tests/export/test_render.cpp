// In-process rendering through libgvc, the choice of layout engine, and
// files written whole or not at all. Small graphs keep it quick.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli/fields.hpp"
#include "export/dot.hpp"
#include "export/render.hpp"
#include "graph/exception.hpp"
#include "tests/support/support.hpp"

namespace kg {
namespace {

//   ann --funded--> lab <--rejected-- bob,  ann ==competed== bob
const char* const kTiny = R"({"kg": 1, "name": "tiny",
  "sources": [{"id": "s", "title": "Source", "url": "https://example.test/a?b=1&c=2"}],
  "entities": [{"id": "ann", "name": "Ann", "type": "person"}, {"id": "bob", "name": "Bob", "type": "person"},
               {"id": "lab", "name": "The Lab", "type": "lab"}],
  "relations": [{"source": "ann", "target": "lab", "type": "funded", "date": "2016",
                 "evidence": [{"source": "s", "quote": "Ann paid"}]},
                {"source": "bob", "target": "lab", "type": "rejected"},
                {"source": "ann", "target": "bob", "type": "competed"}],
  "relation_types": {"competed": {"symmetric": true, "polarity": "negative"}}})";

std::string tiny_dot() {
  static const Graph graph = test::graph_from_json(kTiny);
  return write_dot(whole_diagram(View(graph), false));
}

}  // namespace

TEST_CASE("render: SVG from every engine, with tooltips and links") {
  for (const LayoutEngine engine : {LayoutEngine::Dot, LayoutEngine::Neato, LayoutEngine::Sfdp, LayoutEngine::Circo}) {
    CAPTURE(engine_name(engine));
    const Rendering svg = render_dot(tiny_dot(), engine, ImageFormat::Svg);
    CHECK(svg.bytes.find("<svg") != std::string::npos);
    CHECK(svg.bytes.find(">The Lab</text>") != std::string::npos);
    CHECK(svg.bytes.find("xlink:href=\"https://example.test/a?b=1&amp;c=2\"") != std::string::npos);
    CHECK(svg.bytes.find("xlink:title=\"Ann funded The Lab (2016)&#10;“Ann paid” — Source\"") != std::string::npos);
  }
}

TEST_CASE("render: PNG and PDF carry their signatures, DOT passes through") {
  CHECK(render_dot(tiny_dot(), LayoutEngine::Neato, ImageFormat::Png).bytes.rfind("\x89PNG\r\n\x1a\n", 0) == 0);
  CHECK(render_dot(tiny_dot(), LayoutEngine::Neato, ImageFormat::Pdf).bytes.rfind("%PDF-", 0) == 0);
  CHECK(render_dot(tiny_dot(), LayoutEngine::Dot, ImageFormat::Dot).bytes == tiny_dot());
}

TEST_CASE("render: DOT Graphviz cannot read is an InvalidArgument with its message") {
  CHECK_THROWS_WITH_AS(render_dot("digraph { a -> ", LayoutEngine::Dot, ImageFormat::Svg),
                       doctest::Contains("Graphviz cannot read the DOT: "), InvalidArgument);
}

TEST_CASE("render: formats from file names") {
  CHECK(format_from_path("out/x.SVG") == ImageFormat::Svg);
  CHECK(format_from_path("x.png") == ImageFormat::Png);
  CHECK(format_from_path("x.pdf") == ImageFormat::Pdf);
  CHECK(format_from_path("x.gv") == ImageFormat::Dot);
  CHECK_FALSE(format_from_path("x.jpeg"));
  CHECK_FALSE(format_from_path("svg"));
}

TEST_CASE("render: engines chosen by size, too large layouts refused with advice") {
  CHECK(choose_engine(21, 58, std::nullopt).engine == LayoutEngine::Dot);
  CHECK(choose_engine(100, 300, std::nullopt).engine == LayoutEngine::Neato);
  CHECK(choose_engine(40, 400, std::nullopt).engine == LayoutEngine::Neato);
  const EngineChoice big = choose_engine(301, 900, std::nullopt);
  CHECK(big.engine == LayoutEngine::Sfdp);
  CHECK(big.note == "using sfdp for 301 entities");
  CHECK(choose_engine(21, 58, LayoutEngine::Circo).engine == LayoutEngine::Circo);
  // The library names fields; the command line words them as flags (cli/fields.cpp).
  const auto advice = [](std::size_t entities, std::size_t relations, std::optional<LayoutEngine> engine) {
    try {
      choose_engine(entities, relations, engine);
    } catch (const InvalidArgument& error) {
      CHECK(std::string(error.what()).find("--") == std::string::npos);
      return std::make_pair(std::string(error.what()), error.worded(kg::cli::flag_for));
    }
    FAIL("no advice for a layout that is too large");
    return std::make_pair(std::string(), std::string());
  };
  CHECK(advice(101, 300, LayoutEngine::Dot).second.find("would take too long; draw less with --focus X --depth N") !=
        std::string::npos);
  CHECK(advice(100, 301, LayoutEngine::Dot).second.find("or use --engine sfdp") != std::string::npos);
  CHECK(advice(100, 301, LayoutEngine::Dot).first.find("or use engine sfdp") != std::string::npos);
  CHECK_THROWS_AS(choose_engine(1001, 2000, LayoutEngine::Neato), InvalidArgument);
  CHECK(advice(6001, 12000, std::nullopt).second ==
        "a sfdp layout of 6001 entities and 12000 relations would take too long; draw less with "
        "--focus X --depth N, --path A B or the filters (--relations, --entity-types, --as-of), or "
        "collapse hubs with --collapse-hubs N");
  CHECK_NOTHROW(choose_engine(6000, 20000, std::nullopt));
  CHECK(choose_engine(50000, 200000, LayoutEngine::Dot, LayoutLimits::unbounded()).engine == LayoutEngine::Dot);
}

}  // namespace kg
