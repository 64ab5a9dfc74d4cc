// kg::mpi built without MPI (KG_MPI off): every run is one process.
#include "mpi/world.hpp"

namespace kg::mpi {

void start(int*, char***) {}
int finish(int exit_code, bool) { return exit_code; }
int rank() { return 0; }
int size() { return 1; }
bool distributed() { return false; }
SourceSplit source_split() { return {}; }

void agree_on_input(const std::string&, const std::exception_ptr& failure, const std::string&) {
  if (failure) std::rethrow_exception(failure);
}

std::string busy_report() { return {}; }

void answer_in_order(std::size_t count, const std::function<std::string(std::size_t)>& answer,
                     const std::function<void(std::size_t, const std::string&)>& deliver) {
  for (std::size_t i = 0; i < count; ++i) deliver(i, answer(i));
}

}  // namespace kg::mpi
