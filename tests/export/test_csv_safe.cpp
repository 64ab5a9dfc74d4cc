// --csv-safe: OWASP's rule against formula injection in CSV exports
// (docs/INTERCHANGE.md, "CSV and spreadsheets").
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

#include "export/csv.hpp"
#include "tests/support/support.hpp"

using kg::test::run_kg;
using kg::test::shell_quote;

namespace {

// Cells that a spreadsheet would evaluate: names starting = + - @, a tab,
// a carriage return; an attribute value -5.
const char* kHostile = R"json({"kg": 1,
  "entities": [{"id": "=cmd", "name": "+1+1", "type": "person", "attributes": {"note": "@SUM(A1)"}},
               {"id": "b", "name": "-2", "type": "person"},
               {"id": "c", "name": "\tTab", "type": "person"},
               {"id": "d", "name": "\rCR", "type": "person"},
               {"id": "e", "name": "plain = text", "type": "person"}],
  "relations": [{"source": "=cmd", "target": "b", "type": "paid", "attributes": {"amount": -5}}]})json";

}  // namespace

TEST_CASE("formula_safe prefixes cells that start a formula with an apostrophe and quotes them") {
  const kg::Graph graph = kg::test::graph_from_json(kHostile);
  const kg::View view(graph);
  std::ostringstream safe, plain;
  kg::write_csv(view, safe, kg::CsvOptions{true});
  kg::write_csv(view, plain, kg::CsvOptions{});
  CHECK(safe.str() ==
        "id:ID,name,:LABEL,aliases:string[],note:string\n"
        "\"'=cmd\",\"'+1+1\",person,,\"'@SUM(A1)\"\n"
        "b,\"'-2\",person,,\n"
        "c,\"'\tTab\",person,,\n"
        "d,\"'\rCR\",person,,\n"
        "e,plain = text,person,,\n"
        "\n"
        ":START_ID,:END_ID,:TYPE,date,until,evidence,amount:long\n"
        "\"'=cmd\",b,paid,,,,\"'-5\"\n");
  // The default keeps the data exactly as neo4j-admin should import it.
  CHECK(plain.str() ==
        "id:ID,name,:LABEL,aliases:string[],note:string\n"
        "=cmd,+1+1,person,,@SUM(A1)\n"
        "b,-2,person,,\n"
        "c,\tTab,person,,\n"
        "d,\"\rCR\",person,,\n"
        "e,plain = text,person,,\n"
        "\n"
        ":START_ID,:END_ID,:TYPE,date,until,evidence,amount:long\n"
        "=cmd,b,paid,,,,-5\n");
}

TEST_CASE("kg export and convert take --csv-safe for CSV only") {
  const std::string dir = kg::test::temp_dir();
  kg::test::write_file(dir + "/hostile.json", kHostile);
  const std::string input = shell_quote(dir + "/hostile.json");
  const auto out = run_kg("export " + input + " --to csv --csv-safe");
  REQUIRE(out.exit_code == 0);
  CHECK(out.out.find("\"'=cmd\",\"'+1+1\"") != std::string::npos);
  REQUIRE(run_kg("convert " + input + " " + shell_quote(dir + "/tables") + " --to csv --csv-safe").exit_code == 0);
  CHECK(kg::test::read_file(dir + "/tables/relations.csv").find("\"'=cmd\",b,paid") != std::string::npos);
  const auto other = run_kg("export " + input + " --to graphml --csv-safe");
  CHECK(other.exit_code == 2);
  CHECK(other.err == "kg: --csv-safe applies to CSV output only (this is graphml)\n");
}
