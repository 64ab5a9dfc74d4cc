#include "tests/server/server_process.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <sstream>
#include <thread>
#include <vector>

#include "tests/support/support.hpp"

namespace kg::test {
namespace {

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> items;
  std::istringstream stream(text);
  std::string word;
  while (stream >> word) items.push_back(word);
  return items;
}

// Reads the child's first line within the deadline.
std::string first_line(int fd, std::chrono::seconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  std::string line;
  char c = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd ready{fd, POLLIN, 0};
    if (poll(&ready, 1, 100) <= 0) continue;
    if (read(fd, &c, 1) != 1) break;
    if (c == '\n') return line;
    line += c;
  }
  return line;
}

}  // namespace

ServerProcess::ServerProcess(const std::string& arguments) {
  log_path_ = temp_dir() + "/serve.log";
  std::vector<std::string> argv_text = {kg_binary(), "serve"};
  for (auto& word : words(arguments)) argv_text.push_back(word);
  argv_text.push_back("--port");
  argv_text.push_back("0");
  std::vector<char*> argv;
  for (auto& word : argv_text) argv.push_back(word.data());
  argv.push_back(nullptr);

  int out[2];
  REQUIRE(pipe(out) == 0);
  pid_ = fork();
  REQUIRE(pid_ >= 0);
  if (pid_ == 0) {
    dup2(out[1], 1);
    const int log = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(log, 2);
    close(out[0]);
    close(out[1]);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  const std::string line = first_line(out[0], std::chrono::seconds(20));
  close(out[0]);  // nothing else is printed on stdout
  INFO("first line: " << line << "\nlog: " << log());
  const auto colon = line.rfind(':');
  REQUIRE(line.rfind("kg: serving ", 0) == 0);
  REQUIRE(colon != std::string::npos);
  port_ = std::stoi(line.substr(colon + 1));
  REQUIRE(port_ > 0);
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

std::unique_ptr<httplib::Client> ServerProcess::client() const {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port_);
  client->set_connection_timeout(10);
  client->set_read_timeout(10);
  client->set_write_timeout(10);
  return client;
}

httplib::Response ServerProcess::get(const std::string& target, const httplib::Headers& headers) const {
  auto result = client()->Get(target, headers);
  INFO("GET " << target << " failed: " << httplib::to_string(result.error()));
  REQUIRE(result);
  return *result;
}

std::string ServerProcess::raw(const std::string& bytes) const {
  const int sock = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(sock >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port_));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(sock, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(send(sock, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size()));
  std::string answer;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  char buffer[4096];
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd ready{sock, POLLIN, 0};
    if (poll(&ready, 1, 100) <= 0) continue;
    const auto got = recv(sock, buffer, sizeof buffer, 0);
    if (got <= 0) break;
    answer.append(buffer, static_cast<std::size_t>(got));
  }
  close(sock);
  return answer;
}

void ServerProcess::signal(int number) const { kill(pid_, number); }

int ServerProcess::stop(double seconds) {
  kill(pid_, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
  return -1;
}

std::string ServerProcess::log() const { return read_file(log_path_); }

}  // namespace kg::test
