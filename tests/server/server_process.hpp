#pragma once
// `kg serve` as a child process for the server tests: started on port 0 on
// 127.0.0.1, its printed port read within a bound, asked over a bounded
// httplib client, stopped with a signal and waited for with a timeout.
// Nothing is left running: the destructor kills a server still alive.
#include <httplib.h>
#include <sys/types.h>

#include <memory>
#include <string>

namespace kg::test {

class ServerProcess {
 public:
  // Runs `kg serve ARGUMENTS --port 0` (arguments shell-words, unquoted);
  // fails the test when no port is printed within 20 s.
  explicit ServerProcess(const std::string& arguments);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  // A client with 10 s connect/read/write timeouts.
  std::unique_ptr<httplib::Client> client() const;
  // GET `target`; fails the test when no response comes.
  httplib::Response get(const std::string& target, const httplib::Headers& headers = {}) const;

  // Sends `bytes` on a fresh connection and returns all that comes back
  // until the server closes it (at most 10 s).
  std::string raw(const std::string& bytes) const;

  void signal(int number) const;
  // Sends SIGTERM and waits up to `seconds`; the exit code, or -1 when it
  // did not exit in time (it is then killed).
  int stop(double seconds = 2.0);
  // What the server wrote on stderr so far.
  std::string log() const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string log_path_;
};

}  // namespace kg::test
