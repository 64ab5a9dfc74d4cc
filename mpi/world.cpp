// MPI start and end for kg's ranks (mpi/world.hpp).
#include "mpi/world.hpp"

#include <fcntl.h>
#include <mpi.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace kg::mpi {
namespace {

bool started = false;
int world_rank = 0;
int world_size = 1;

// Open MPI's mpirun, Slurm's srun (PMIx or PMI-2) and MPICH's Hydra each
// name the rank in the environment of the processes they start. Without
// one, MPI_Init would start a singleton MPI world: slower to start (it
// spawns a helper daemon) and of no use to a lone process.
bool launched_by_mpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

void silence(int descriptor) {
  const int null = ::open("/dev/null", O_WRONLY);
  if (null < 0) return;
  ::dup2(null, descriptor);
  ::close(null);
}

}  // namespace

void start(int* argc, char*** argv) {
  if (!launched_by_mpi()) return;
  int provided = 0;
  // Only the main thread calls MPI; OpenMP threads compute between calls.
  MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided);
  started = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &world_rank);
  MPI_Comm_size(MPI_COMM_WORLD, &world_size);
  if (world_rank != 0) {
    std::fflush(stdout);
    std::fflush(stderr);
    silence(STDOUT_FILENO);
    silence(STDERR_FILENO);
  }
}

int finish(int exit_code, bool only_here) {
  if (!started) return exit_code;
  std::fflush(stdout);
  std::fflush(stderr);
  if (only_here && world_size > 1) MPI_Abort(MPI_COMM_WORLD, exit_code);
  MPI_Finalize();
  return exit_code;
}

int rank() { return world_rank; }
int size() { return world_size; }
bool distributed() { return world_size > 1; }

}  // namespace kg::mpi
