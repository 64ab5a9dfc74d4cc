#include "base/standard_output.hpp"

#include <signal.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "base/exception.hpp"
#include "base/interrupt_cleanup.hpp"

namespace kg {

void standard_output_failed(int error) {
  if (error == EPIPE) end_as_if_signalled(SIGPIPE);
  throw OutputError(std::string("cannot write output: ") + std::strerror(error));
}

void flush_standard_output() {
  // std::cout holds no buffer of its own (it is synchronised with stdio):
  // flushing stdout flushes both, and says why when it fails.
  errno = 0;
  if (std::fflush(stdout) != 0) standard_output_failed(errno ? errno : EIO);
  // A write that failed earlier left the error flag; the buffer it could not
  // write is gone, so the reason is no longer known.
  if (std::ferror(stdout) || std::cout.bad()) standard_output_failed(EIO);
}

void close_standard_output() {
  flush_standard_output();
  errno = 0;
  if (std::fclose(stdout) != 0) standard_output_failed(errno ? errno : EIO);
}

}  // namespace kg
