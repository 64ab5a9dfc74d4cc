#include "base/interrupt_cleanup.hpp"

#include <limits.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

#include "base/exception.hpp"

namespace kg {
namespace {

constexpr int kHandledSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};

// Slot states: free, being filled (not yet visible to the handler), in use.
enum SlotState : int { kFree = 0, kFilling = 1, kInUse = 2 };

struct Slot {
  std::atomic<int> state{kFree};
  bool directory = false;
  char path[PATH_MAX] = {};
};

// A handful of writers at once is the most kg has (a CSV directory: the
// directory and its two files).
constexpr int kSlots = 32;
Slot slots[kSlots];

static_assert(std::atomic<int>::is_always_lock_free, "the handler reads slot states");

// Only unlink and rmdir: both async-signal-safe. Files first, so that the
// directories holding them are empty when their turn comes.
void remove_registered() {
  for (Slot& slot : slots) {
    if (slot.state.load() == kInUse && !slot.directory) ::unlink(slot.path);
  }
  for (Slot& slot : slots) {
    if (slot.state.load() == kInUse && slot.directory) ::rmdir(slot.path);
  }
}

void on_signal(int signal) {
  const int saved_errno = errno;
  remove_registered();
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  sigemptyset(&default_action.sa_mask);
  ::sigaction(signal, &default_action, nullptr);
  errno = saved_errno;
  ::raise(signal);  // delivered when the handler returns: the signal's own end
}

sigset_t handled_set() {
  sigset_t set;
  sigemptyset(&set);
  for (const int signal : kHandledSignals) sigaddset(&set, signal);
  return set;
}

}  // namespace

void install_interrupt_cleanup() {
  for (const int signal : kHandledSignals) {
    struct sigaction previous {};
    ::sigaction(signal, nullptr, &previous);
    if (previous.sa_handler == SIG_IGN) continue;
    struct sigaction action {};
    action.sa_handler = on_signal;
    action.sa_mask = handled_set();  // one handler at a time
    ::sigaction(signal, &action, nullptr);
  }
  ::signal(SIGXFSZ, SIG_IGN);
}

void end_as_if_signalled(int signal) {
  remove_registered();
  ::signal(signal, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, signal);
  ::sigprocmask(SIG_UNBLOCK, &set, nullptr);
  ::raise(signal);
  ::_exit(128 + signal);  // only if the signal could not end the process
}

TemporaryRegistration::TemporaryRegistration(const std::string& path, TemporaryKind kind) : slot_(-1) {
  if (path.size() >= PATH_MAX) throw OutputError(path + ": the path is too long");
  for (int i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (!slots[i].state.compare_exchange_strong(expected, kFilling)) continue;
    slots[i].directory = kind == TemporaryKind::Directory;
    std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
    slots[i].state.store(kInUse);
    slot_ = i;
    return;
  }
  throw OutputError(path + ": too many temporary files at once");
}

TemporaryRegistration::~TemporaryRegistration() { slots[slot_].state.store(kFree); }

SignalsBlocked::SignalsBlocked() {
  const sigset_t set = handled_set();
  ::pthread_sigmask(SIG_BLOCK, &set, &saved_);
}

SignalsBlocked::~SignalsBlocked() { ::pthread_sigmask(SIG_SETMASK, &saved_, nullptr); }

}  // namespace kg
