#pragma once
// Inside kg::mpi: when this rank started its share of the work (once every
// rank agreed on the input), so that the combine can tell how long each
// rank was busy.
namespace kg::mpi {

void start_work_clock();
// Seconds since start_work_clock().
double work_seconds();

}  // namespace kg::mpi
