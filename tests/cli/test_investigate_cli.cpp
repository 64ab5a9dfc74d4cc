// kg find, timeline, diff, validate --evidence, and the quotes neighbors and
// path print, run as a user would.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <filesystem>
#include <set>

#include "tests/support/support.hpp"

namespace {

using kg::test::run_kg;
using kg::test::shell_quote;

std::string sample() { return shell_quote(kg::test::source_dir() + "/samples/openai.json"); }

rapidjson::Document parse(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str());
  REQUIRE_MESSAGE(!document.HasParseError(), text);
  return document;
}

std::string relation_key(const rapidjson::Value& r) {
  return std::string(r["source"].GetString()) + " " + r["type"].GetString() + " " + r["target"].GetString();
}

//   a (Zoë) -[met 2016-03]-> b -[knew 2015]-> c      a -[saw]-> c (undated)
const char* kTiny = R"({"kg": 1, "sources": [{"id": "s"}],
  "entities": [{"id": "a", "name": "Zoë"}, {"id": "b", "name": "Bob"}, {"id": "c", "name": "Carl"}],
  "relations": [
    {"source": "a", "target": "b", "type": "met", "date": "2016-03", "evidence": [{"source": "s", "quote": "Zoe met Bob, said Carl"}]},
    {"source": "b", "target": "c", "type": "knew", "date": "2015", "evidence": [{"source": "s", "quote": "they knew, all of them"}]},
    {"source": "a", "target": "c", "type": "saw"}]})";

std::string tiny_file() {
  const std::string path = kg::test::temp_dir() + "/tiny.json";
  kg::test::write_file(path, kTiny);
  return path;
}

}  // namespace

TEST_CASE("kg find deepmind: DeepMind, its relations, and the quotes on other relations that mention it") {
  const auto run = run_kg("find " + sample() + " deepmind --format json");
  REQUIRE(run.exit_code == 0);
  const auto json = parse(run.out);
  REQUIRE(json["entities"].Size() == 1);
  CHECK(std::string(json["entities"][0]["id"].GetString()) == "deepmind");
  std::set<std::string> relations;
  for (const auto& r : json["relations"].GetArray()) relations.insert(relation_key(r));
  CHECK(relations == std::set<std::string>{"google owned deepmind", "deepmind competed openai", "musk feared deepmind"});
  // Read off samples/openai.json: ten quotes say "DeepMind", five of them on
  // relations DeepMind is not part of.
  std::multiset<std::string> quoted;
  for (const auto& q : json["quotes"].GetArray()) {
    const std::string quote = q["quote"].GetString();
    const auto& span = q["spans"][0];
    CHECK(quote.substr(span[0].GetUint(), span[1].GetUint() - span[0].GetUint()) == "DeepMind");
    quoted.insert(relation_key(q["relation"]));
  }
  CHECK(quoted == std::multiset<std::string>{"google competed openai", "google owned deepmind",
                                             "deepmind competed openai", "deepmind competed openai",
                                             "altman requested musk", "musk feared deepmind", "musk feared deepmind",
                                             "musk opposed google", "musk sought_to_lead openai",
                                             "founding-team rejected musk"});
}

TEST_CASE("kg find: marked spans in text, typographic apostrophes, no hits exit 1") {
  const auto alias = run_kg("find " + sample() + " \"google's ai lab\" --in names");
  CHECK(alias.exit_code == 0);
  CHECK(alias.out.find("  DeepMind (deepmind, lab): alias [[Google’s AI lab]]\n") != std::string::npos);
  const auto tiny = run_kg("find " + shell_quote(tiny_file()) + " ZOE");
  CHECK(tiny.exit_code == 0);
  CHECK(tiny.out ==
        "entities (1):\n"
        "  Zoë (a, entity): name [[Zoë]]\n"
        "\n"
        "relations (2):\n"
        "  Zoë -[met 2016-03]-> Bob\n"
        "  Zoë -[saw]-> Carl\n"
        "\n"
        "quotes (1):\n"
        "  Zoë -[met 2016-03]-> Bob\n"
        "    \"[[Zoe]] met Bob, said Carl\" (s)\n");
  const auto none = run_kg("find " + shell_quote(tiny_file()) + " nobody");
  CHECK(none.exit_code == 1);
  const auto bad = run_kg("find " + shell_quote(tiny_file()) + " '(' --regex");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("kg: TEXT: not a regular expression") == 0);
  const auto type = run_kg("find " + shell_quote(tiny_file()) + " zoe --type robot");
  CHECK(type.exit_code == 2);
  CHECK(type.err == "kg: --type: no entity has type 'robot'\n");
}

TEST_CASE("kg find --offset --limit: a page of each list, with the totals") {
  // "o" is in Zoë and Bob, not in Carl: 2 entities, the three relations
  // (met between the two) and both quotes ("Zoe met Bob", "they knew, all of them").
  const auto page = run_kg("find " + shell_quote(tiny_file()) + " o --offset 1 --limit 1 --format json");
  REQUIRE(page.exit_code == 0);
  const auto json = parse(page.out);
  REQUIRE(json["entities"].Size() == 1);
  CHECK(std::string(json["entities"][0]["id"].GetString()) == "b");
  REQUIRE(json["relations"].Size() == 1);
  CHECK(relation_key(json["relations"][0]) == "b knew c");
  REQUIRE(json["quotes"].Size() == 1);
  CHECK(relation_key(json["quotes"][0]["relation"]) == "b knew c");
  CHECK(json["offset"].GetUint() == 1);
  CHECK(json["limit"].GetUint() == 1);
  CHECK(json["total"]["entities"].GetUint() == 2);
  CHECK(json["total"]["relations"].GetUint() == 3);
  CHECK(json["total"]["quotes"].GetUint() == 2);
  const auto bad = run_kg("find " + shell_quote(tiny_file()) + " o --limit -1");
  CHECK(bad.exit_code == 2);
}

TEST_CASE("kg timeline --csv-safe: a quote that starts a formula is defused, for CSV only") {
  const std::string dir = kg::test::temp_dir();
  kg::test::write_file(dir + "/f.json", R"j({"kg": 1, "sources": [{"id": "s"}],
    "entities": [{"id": "a"}, {"id": "b"}],
    "relations": [{"source": "a", "target": "b", "type": "t", "date": "2016",
                   "evidence": [{"source": "s", "quote": "@SUM(1)"}]}]})j");
  const std::string file = shell_quote(dir + "/f.json");
  const std::string header = "date,until,source,type,target,evidence_source,quote\n";
  CHECK(run_kg("timeline " + file + " --format csv").out == header + "2016,,a,t,b,s,@SUM(1)\n");
  CHECK(run_kg("timeline " + file + " --format csv --csv-safe").out == header + "2016,,a,t,b,s,\"'@SUM(1)\"\n");
  const auto text = run_kg("timeline " + file + " --csv-safe");
  CHECK(text.exit_code == 2);
  CHECK(text.err == "kg: --csv-safe applies to --format csv only\n");
}

TEST_CASE("kg timeline: year, then month; quotes; undated last; CSV and Mermaid") {
  const std::string file = shell_quote(tiny_file());
  const auto text = run_kg("timeline " + file);
  REQUIRE(text.exit_code == 0);
  CHECK(text.out ==
        "2015\n"
        "  Bob -[knew 2015]-> Carl\n"
        "      \"they knew, all of them\" (s)\n"
        "\n"
        "2016\n"
        "  2016-03\n"
        "    Zoë -[met 2016-03]-> Bob\n"
        "        \"Zoe met Bob, said Carl\" (s)\n"
        "\n"
        "undated\n"
        "  Zoë -[saw]-> Carl\n"
        "      (no evidence recorded)\n");
  const auto of_c = run_kg("timeline " + file + " carl --format json");
  const auto json = parse(of_c.out);
  REQUIRE(json["periods"].Size() == 1);
  CHECK(std::string(json["periods"][0]["period"].GetString()) == "2015");
  REQUIRE(json["undated"].Size() == 1);
  CHECK(relation_key(json["undated"][0]) == "a saw c");
  CHECK(run_kg("timeline " + file + " --format csv").out ==
        "date,until,source,type,target,evidence_source,quote\n"
        "2015,,b,knew,c,s,\"they knew, all of them\"\n"
        "2016-03,,a,met,b,s,\"Zoe met Bob, said Carl\"\n"
        ",,a,saw,c,,\n");
  CHECK(run_kg("timeline " + file + " --format mermaid").out ==
        "timeline\n"
        "  2015 : Bob knew Carl\n"
        "  2016-03 : Zoë met Bob\n"
        "  undated : Zoë saw Carl\n");
}

TEST_CASE("kg timeline on the sample: 2015 first, the undated relations last") {
  const auto run = run_kg("timeline " + sample() + " --format json");
  REQUIRE(run.exit_code == 0);
  const auto json = parse(run.out);
  std::vector<std::string> periods;
  for (const auto& p : json["periods"].GetArray()) periods.push_back(p["period"].GetString());
  CHECK(periods == std::vector<std::string>{"2015", "2016", "2017", "2018"});
  // The four undated relations of the file: installed, sued, reported_on, retold, clashed_with, and
  // Musk's board seat (open start, until 2018).
  std::vector<std::string> undated;
  for (const auto& r : json["undated"].GetArray()) undated.push_back(r["type"].GetString());
  CHECK(undated == std::vector<std::string>{"installed", "served_on_board_of", "sued", "reported_on", "retold",
                                            "clashed_with"});
  CHECK(relation_key(json["periods"][0]["relations"][0]) == "altman led y-combinator");
}

TEST_CASE("kg diff 2016 2018 on the sample: 20 started, none ended, 38 stayed; Tesla and the new corporation appeared") {
  // By hand from samples/openai.json: the 14 relations dated 2017 and the 6
  // dated 2018 started after 2016; every until is 2018, not before 2018, so
  // nothing ended; the other 58 - 20 stayed. Tesla's only relation is of
  // 2017, the limited-profit corporation's of 2018.
  const auto run = run_kg("diff " + sample() + " 2016 2018 --format json");
  REQUIRE(run.exit_code == 0);
  const auto json = parse(run.out);
  CHECK(json["started"].Size() == 20);
  CHECK(json["ended"].Size() == 0);
  CHECK(json["stayed"].Size() == 38);
  REQUIRE(json["appeared"].Size() == 2);
  CHECK(std::string(json["appeared"][0].GetString()) == "limited-profit-corp");
  CHECK(std::string(json["appeared"][1].GetString()) == "tesla");
  CHECK(json["left"].Size() == 0);
  const auto text = run_kg("diff " + sample() + " 2016 2018");
  CHECK(text.out.rfind("from 2016 to 2018: 20 relations started, 0 ended, 38 stayed active; 2 entities appeared, "
                       "0 left\n",
                       0) == 0);
  CHECK(run_kg("diff " + sample() + " 2018 2016").exit_code == 2);
  const auto one_date = run_kg("diff " + sample() + " 2016");
  CHECK(one_date.exit_code == 2);
  CHECK(one_date.err.find("needs two dates") != std::string::npos);
  CHECK(run_kg("diff " + sample() + " 2016 2018 --as-of 2017").exit_code == 2);
}

TEST_CASE("kg diff OLD NEW: added, removed, changed; exit 1 when they differ") {
  const std::string dir = kg::test::temp_dir();
  kg::test::write_file(dir + "/old.json", kTiny);
  std::string changed = kTiny;
  changed.replace(changed.find("\"knew\", \"date\": \"2015\""), 22, "\"knew\", \"date\": \"2014\"");
  kg::test::write_file(dir + "/new.json", changed);
  const auto same = run_kg(shell_quote("diff") + " " + shell_quote(dir + "/old.json") + " " + shell_quote(dir + "/old.json"));
  CHECK(same.exit_code == 0);
  const auto run = run_kg("diff " + shell_quote(dir + "/old.json") + " " + shell_quote(dir + "/new.json") + " --format json");
  CHECK(run.exit_code == 1);
  const auto json = parse(run.out);
  REQUIRE(json["relations"]["added"].Size() == 1);
  CHECK(std::string(json["relations"]["added"][0]["date"].GetString()) == "2014");
  REQUIRE(json["relations"]["removed"].Size() == 1);
  CHECK(std::string(json["relations"]["removed"][0]["date"].GetString()) == "2015");
  CHECK(json["relations"]["changed"].Size() == 0);
  CHECK(json["entities"]["changed"].Size() == 0);
}

TEST_CASE("kg validate --evidence: a warning with file:line:column; exit 0, or 1 with --strict") {
  const std::string path = kg::test::temp_dir() + "/unnamed.json";
  kg::test::write_file(path, R"({"kg": 1, "sources": [{"id": "s"}],
  "entities": [{"id": "a", "name": "Ann"}, {"id": "b", "name": "Ben"}],
  "relations": [{"source": "a", "target": "b", "type": "met", "evidence": [{"source": "s", "quote": "Ann met Ben"}]},
    {"source": "b", "target": "a", "type": "paid", "evidence": [{"source": "s", "quote": "money changed hands"}]}]})");
  const auto run = run_kg("validate " + shell_quote(path) + " --evidence");
  CHECK(run.exit_code == 0);
  CHECK(run.err == "kg: " + path + ":4:5: relations[1]: warning: no quote names Ben or Ann (b paid a)\n");
  CHECK(run.out == path + ": valid: 2 entities, 2 relations; 1 evidence warning\n");
  CHECK(run_kg("validate " + shell_quote(path) + " --evidence --strict").exit_code == 1);
  CHECK(run_kg("validate " + shell_quote(path)).err.empty());
}

TEST_CASE("kg neighbors prints each relation's quotes; kg path notes quotes that name neither endpoint") {
  const std::string file = shell_quote(tiny_file());
  const auto text = run_kg("neighbors " + file + " bob");
  CHECK(text.out ==
        "Bob (b): 2 entities within 1 step, 3 relations among them\n"
        "\n"
        "1 step away:\n"
        "  Zoë (a, entity)\n"
        "      Zoë -[met 2016-03]-> Bob\n"
        "          \"Zoe met Bob, said Carl\" (s)\n"
        "  Carl (c, entity)\n"
        "      Bob -[knew 2015]-> Carl\n"
        "          \"they knew, all of them\" (s)\n"
        "\n"
        "other relations among them:\n"
        "      Zoë -[saw]-> Carl\n"
        "          (no evidence recorded)\n");
  const auto json = parse(run_kg("neighbors " + file + " bob --format json").out);
  CHECK(std::string(json["relations"][0]["evidence"][0]["quote"].GetString()) == "Zoe met Bob, said Carl");
  const auto path = run_kg("path " + file + " bob carl");
  CHECK(path.out ==
        "Bob -[knew 2015]-> Carl\n"
        "    \"they knew, all of them\" (s)\n"
        "    (no quote names Bob or Carl)\n");
}

TEST_CASE("kg rank --explain: betweenness pairs with an example path; refused where it cannot explain") {
  // In the tiny graph Zoë -[saw]-> Carl joins the two directly, so Bob
  // carries no pair.
  const std::string file = shell_quote(tiny_file());
  const auto none = run_kg("rank " + file + " --by betweenness --explain bob");
  CHECK(none.exit_code == 0);
  CHECK(none.out == "Bob (b): betweenness 0 (raw 0): on shortest paths of 0 pairs\n");
  //   a --> b --> c: b carries (a, c), one of one shortest path; directed
  //   (the graph's default), that is 1 of (n-1)(n-2) = 2 ordered pairs.
  const std::string path = kg::test::temp_dir() + "/chain.json";
  kg::test::write_file(path, R"({"kg": 1, "sources": [{"id": "s"}],
    "entities": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
    "relations": [{"source": "a", "target": "b", "type": "x", "evidence": [{"source": "s", "quote": "A to B"}]},
                  {"source": "b", "target": "c", "type": "y"}]})");
  const auto chain = run_kg("rank " + shell_quote(path) + " --by betweenness --explain b");
  CHECK(chain.out ==
        "B (b): betweenness 0.5 (raw 1): on shortest paths of 1 pair\n"
        "  A .. C: 1 of 1 shortest path\n"
        "  for example A .. C:\n"
        "    A -[x]-> B\n"
        "        \"A to B\" (s)\n"
        "    B -[y]-> C\n"
        "        (no evidence recorded)\n");
  const auto json = parse(run_kg("rank " + shell_quote(path) + " --by degree --explain --top 1 --format json").out);
  REQUIRE(json["explanations"].Size() == 1);
  CHECK(std::string(json["explanations"][0]["id"].GetString()) == "b");
  CHECK(json["explanations"][0]["relations"].Size() == 2);
  CHECK(run_kg("rank " + shell_quote(path) + " --by closeness --explain").exit_code == 2);
  CHECK(run_kg("rank " + shell_quote(path) + " --by betweenness --explain b --samples 2").exit_code == 2);
}

TEST_CASE("kg render --timeline: one column per period in date order, drawn by dot") {
  const std::string file = shell_quote(tiny_file());
  const auto dot = run_kg("render " + file + " --timeline -o - --to dot");
  REQUIRE(dot.exit_code == 0);
  // Columns 2015 (knew), 2016-03 (met), undated (saw), each relation under its period.
  CHECK(dot.out.find("\"p0\" [label=\"2015\"") != std::string::npos);
  CHECK(dot.out.find("\"p1\" [label=\"2016-03\"") != std::string::npos);
  CHECK(dot.out.find("\"p2\" [label=\"undated\"") != std::string::npos);
  CHECK(dot.out.find("{ rank=\"same\"; \"p0\" -> \"r1\"; }") != std::string::npos);
  CHECK(dot.out.find("{ rank=\"same\"; \"p1\" -> \"r0\"; }") != std::string::npos);
  CHECK(dot.out.find("{ rank=\"same\"; \"p2\" -> \"r2\"; }") != std::string::npos);
  const std::string png = kg::test::temp_dir() + "/timeline.png";
  REQUIRE(run_kg("render " + file + " --timeline -o " + shell_quote(png)).exit_code == 0);
  CHECK(kg::test::read_file(png).rfind("\x89PNG", 0) == 0);
  CHECK(run_kg("render " + file + " --timeline --engine neato -o " + shell_quote(png)).exit_code == 2);
  CHECK(run_kg("render " + file + " --timeline --focus bob -o " + shell_quote(png)).exit_code == 2);
}

TEST_CASE("scripts/edge_crossings.py counts crossings of laid-out edges") {
  // Pinned corners of a square: the diagonals cross once, the sides never.
  const std::string dir = kg::test::temp_dir();
  const std::string corners =
      "a [pos=\"0,0!\"]; b [pos=\"2,2!\"]; c [pos=\"0,2!\"]; d [pos=\"2,0!\"]; ";
  kg::test::write_file(dir + "/diagonals.dot", "graph { splines=line; " + corners + "a -- b; c -- d; }");
  kg::test::write_file(dir + "/sides.dot", "graph { splines=line; " + corners + "a -- c; b -- d; }");
  const std::string script = kg::test::source_dir() + "/scripts/edge_crossings.py";
  // run() gives commands /dev/null as stdin; a shell of their own reads the file.
  const auto crossings = [&](const std::string& file) {
    return kg::test::run("sh -c " + shell_quote("/usr/bin/python3 " + shell_quote(script) + " --engine neato < " +
                                                shell_quote(dir + "/" + file)));
  };
  const auto diagonals = crossings("diagonals.dot");
  CHECK(diagonals.out == "{\"edges\": 2, \"crossings\": 1}\n");
  const auto sides = crossings("sides.dot");
  CHECK(sides.out == "{\"edges\": 2, \"crossings\": 0}\n");
}

TEST_CASE("kg render: the whole graph bundles parallel arrows with concentrate, views do not") {
  const auto whole = run_kg("render " + sample() + " -o - --to dot");
  CHECK(whole.out.find("concentrate=\"true\"") != std::string::npos);
  const auto focus = run_kg("render " + sample() + " -o - --to dot --focus musk");
  CHECK(focus.out.find("concentrate") == std::string::npos);
  const auto clustered = run_kg("render " + sample() + " -o - --to dot --cluster type");
  CHECK(clustered.out.find("concentrate") == std::string::npos);
}

TEST_CASE("kg timeline --format mermaid: mermaid.parse accepts the sample and hostile names (when installed)") {
  const std::string checker = kg::test::source_dir() + "/tests/oracle/mermaid";
  if (!std::filesystem::exists(checker + "/node_modules/mermaid") || kg::test::run("node --version").exit_code != 0) {
    MESSAGE("skipped: run scripts/install-deps.sh --mermaid to check with Mermaid's own parser");
    return;
  }
  const std::string dir = kg::test::temp_dir();
  kg::test::write_file(dir + "/hostile.json", R"({"kg": 1, "name": "t: #1 \"q\"",
    "entities": [{"id": "a", "name": "a: b"}, {"id": "b", "name": "#x <y> & `z`"}, {"id": "c", "name": "c;d | e"}],
    "relations": [{"source": "a", "target": "b", "type": "x", "date": "2016"}, {"source": "b", "target": "c", "type": "y"}]})");
  std::string files;
  for (const auto& [input, name] : {std::pair<std::string, std::string>{sample(), "sample.mmd"},
                                    {shell_quote(dir + "/hostile.json"), "hostile.mmd"}}) {
    const std::string out = dir + "/" + name;
    const auto timeline = run_kg("timeline " + input + " --format mermaid");
    REQUIRE(timeline.exit_code == 0);
    kg::test::write_file(out, timeline.out);
    files += " " + shell_quote(out);
  }
  const auto parsed = kg::test::run("cd " + shell_quote(checker) + " && node check.mjs" + files);
  CHECK(parsed.out == "{\"ok\":true,\"type\":\"timeline\"}\n{\"ok\":true,\"type\":\"timeline\"}\n");
}
