#pragma once
// A timeline (algorithms/timeline.hpp) as CSV, one row per quote, and as a
// Mermaid `timeline` diagram, one period per year or month, and as DOT.
#include <iosfwd>

#include <string>

#include "algorithms/timeline.hpp"
#include "export/csv.hpp"
#include "export/style.hpp"

namespace kg {

// Columns date, until, source, type, target, evidence_source, quote; a
// relation without evidence has one row with the last two empty. Undated
// relations come last, with an empty date. Fields as CsvOptions say.
void write_timeline_csv(const Graph& graph, const Timeline& timeline, std::ostream& out,
                        const CsvOptions& options = {});

// timeline / title / one line per period ("2016", "2016-03", "undated"),
// each event "Elon Musk funded OpenAI".
void write_timeline_mermaid(const Graph& graph, const Timeline& timeline, std::ostream& out);

// DOT for Graphviz's dot layout, left to right: one column per period
// (its label on top), one box per relation in date order, coloured as the
// style colours its type, quotes in the tooltip.
std::string write_timeline_dot(const Graph& graph, const Timeline& timeline, const Style& style);

// The period a relation's date falls in: "2016" for a year, "2016-03" for a
// month or a day in it; "undated" for the absent date.
std::string timeline_period(Date date);

}  // namespace kg
