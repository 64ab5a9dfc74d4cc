#pragma once
// Temporary files and directories that must not outlive an interrupted
// write. Each is registered while it exists; a handler for SIGINT, SIGTERM,
// SIGHUP and SIGPIPE removes every registered path, then lets the signal end
// the process as it would have (default action, re-raised). SIGKILL cannot be
// caught: it leaves the temporary (`.kg-XXXXXX` beside the target), never a
// damaged target.
#include <signal.h>

#include <string>

namespace kg {

// Installs the handlers (signals ignored when the process started stay
// ignored, as `nohup` expects) and ignores SIGXFSZ, so that exceeding
// `ulimit -f` is a write error (EFBIG) the writer reports and cleans up,
// not a kill. Call once, early in main.
void install_interrupt_cleanup();

// Removes every registered path now, then ends the process by `signal` with
// its default action (used when a write finds the reading end of a pipe
// closed while SIGPIPE is ignored: the process ends as if it had not been).
[[noreturn]] void end_as_if_signalled(int signal);

enum class TemporaryKind { File, Directory };

// A path removed by the signal handler while this object is registered. The
// table is fixed (no allocation in the handler); registering more paths than
// it holds throws OutputError. Removal on an ordinary failure is the
// caller's: this only guards against signals.
class TemporaryRegistration {
 public:
  TemporaryRegistration(const std::string& path, TemporaryKind kind);
  ~TemporaryRegistration();
  TemporaryRegistration(const TemporaryRegistration&) = delete;
  TemporaryRegistration& operator=(const TemporaryRegistration&) = delete;

 private:
  int slot_;
};

// Blocks the handled signals for its lifetime, so that a path can be created
// and registered without a signal in between.
class SignalsBlocked {
 public:
  SignalsBlocked();
  ~SignalsBlocked();
  SignalsBlocked(const SignalsBlocked&) = delete;
  SignalsBlocked& operator=(const SignalsBlocked&) = delete;

 private:
  sigset_t saved_;
};

}  // namespace kg
