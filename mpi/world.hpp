#pragma once
// The processes a run of kg is one of (docs/MPI.md). Without mpirun it is
// one process and MPI is never touched; launched by mpirun (or srun), each
// rank holds the whole graph, takes its share of the sources of the
// source-parallel measures, and rank 0 alone prints. Built without MPI
// (the CMake option KG_MPI off), every run is one process.
//
// MPI is process-wide state, so this is a set of free functions over it.
#include <cstddef>
#include <exception>
#include <functional>
#include <string>

#include "algorithms/source_split.hpp"

namespace kg::mpi {

// Starts MPI when the environment says mpirun or srun launched this
// process; then every rank but 0 writes its standard output and error to
// /dev/null (rank 0 reports for all). Call once, first thing in main.
void start(int* argc, char*** argv);
// Ends MPI; returns the exit code to end the process with. A failure that
// may have struck this rank alone (`only_here`: an internal error, memory)
// aborts the whole job instead, since the other ranks may be waiting for
// this one.
int finish(int exit_code, bool only_here);

int rank();
int size();
// Whether this process is one rank of several.
bool distributed();

// This rank's share of the source-parallel work; whole (one part) when the
// run is one process. Its combine is collective: every rank calls it.
SourceSplit source_split();

// Collective: answers items 0..count-1, each on one rank (dealt round
// robin, a block at a time), and hands rank 0 every answer in item order
// through `deliver`; other ranks deliver nothing. One process answers and
// delivers each item in turn. For batches of independent questions (kg path
// --batch), whose answers are bytes to print in input order.
void answer_in_order(std::size_t count, const std::function<std::string(std::size_t)>& answer,
                     const std::function<void(std::size_t, const std::string&)>& deliver);

// Collective, after every rank tried to load the graph at `path`: `failure`
// is why this rank could not (null when it could). Rethrows `failure`;
// throws InputError saying which rank failed and why when another rank
// could not load it, or when the ranks read different bytes (a checksum of
// the input compared across ranks). Returns when all read the same input.
// `what` names the input in the messages ("the graph", "the batch").
void agree_on_input(const std::string& path, const std::exception_ptr& failure, const std::string& what = "the graph");

// For --timings on rank 0: how long each rank worked on its share before
// the last combine, in wall and in CPU seconds ("ranks busy over 2 ranks:
// wall max 1.2 s, mean 1.1 s, imbalance 1.091; CPU ..."); empty when the
// run is one process or nothing was combined.
std::string busy_report();

}  // namespace kg::mpi
