// kg serve under load and over its life (issue 14, points 4, 6 and 7):
// concurrent clients, a full queue (503), a query past its budget (504,
// and the server answers after), signals (stop within 2 s, reload on
// SIGHUP that keeps the old graph when the new file is broken), the access
// log. Loopback only; every loop is bounded.
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <rapidjson/document.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "tests/server/server_process.hpp"
#include "tests/support/support.hpp"

namespace kg {
namespace {

const std::string kSample = "samples/openai.json";

// A kg JSON graph of `n` entities and 5n relations between pseudo-random
// pairs (a fixed linear congruential sequence): big enough that Louvain
// takes tens of milliseconds.
std::string random_graph_json(int n) {
  std::string json = R"({"kg": 1, "entities": [)";
  for (int i = 0; i < n; ++i) json += std::string(i ? "," : "") + "{\"id\":\"e" + std::to_string(i) + "\"}";
  json += R"(], "relations": [)";
  std::uint64_t state = 12345;
  const auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(n));
  };
  for (int i = 0; i < 5 * n; ++i) {
    json += std::string(i ? "," : "") + "{\"source\":\"e" + std::to_string(next()) + "\",\"target\":\"e" +
            std::to_string(next()) + "\",\"type\":\"knows\"}";
  }
  return json + "]}";
}

std::uint64_t generation(const test::ServerProcess& server) {
  return test::parse_json(server.get("/api/v1/health").body)["generation"].GetUint64();
}

// Waits (bounded) until the server reports `wanted` as its generation.
bool reaches_generation(const test::ServerProcess& server, std::uint64_t wanted) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    if (generation(server) == wanted) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

TEST_CASE("kg serve: concurrent clients all get the whole, same answer") {
  test::ServerProcess server(kSample + " --quiet --threads 4");
  const std::string expected = server.get("/api/v1/communities?top=3").body;
  std::atomic<int> good{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 8; ++c) {
    clients.emplace_back([&] {
      auto client = server.client();
      for (int i = 0; i < 25; ++i) {
        auto response = client->Get(i % 2 ? "/api/v1/communities?top=3" : "/api/v1/components?top=1");
        if (response && response->status == 200 && (i % 2 == 0 || response->body == expected)) ++good;
      }
    });
  }
  for (auto& client : clients) client.join();
  CHECK(good == 8 * 25);
  CHECK(server.stop() == 0);
}

TEST_CASE("kg serve: a full queue is 503 with Retry-After, and service resumes") {
  test::ServerProcess server(kSample + " --quiet --threads 1 --queue 0 --read-timeout-ms 5000");
  // A client that connects and sends nothing holds the one thread.
  const int idle = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(idle >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(server.port()));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(idle, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));

  const auto busy = server.get("/api/v1/health");
  CHECK(busy.status == 503);
  CHECK(busy.get_header_value("Retry-After") == "1");
  CHECK(test::parse_json(busy.body)["status"].GetInt() == 503);

  close(idle);  // the thread is free again
  bool resumed = false;
  for (int attempt = 0; attempt < 50 && !resumed; ++attempt) {
    resumed = server.get("/api/v1/health").status == 200;
    if (!resumed) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK(resumed);
  CHECK(server.stop() == 0);
}

TEST_CASE("kg serve: a query past its budget is 504 at once, and the server answers after") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/big.json", random_graph_json(20000));
  test::ServerProcess server(dir + "/big.json --quiet --max-query-ms 1");
  const auto start = std::chrono::steady_clock::now();
  const auto slow = server.get("/api/v1/communities?top=1");
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(slow.status == 504);
  CHECK(test::parse_json(slow.body)["status"].GetInt() == 504);
  // Cancelled, not left running: the reply does not wait for Louvain.
  CHECK(took < std::chrono::milliseconds(500));
  CHECK(server.get("/api/v1/health").status == 200);
  CHECK(server.stop() == 0);
}

TEST_CASE("kg serve: SIGTERM and SIGINT stop it with exit 0 within 2 s, keep-alive clients or not") {
  for (const int signal_number : {SIGTERM, SIGINT}) {
    CAPTURE(signal_number);
    test::ServerProcess server(kSample);
    auto client = server.client();  // keeps its connection open
    REQUIRE(client->Get("/api/v1/health"));
    const auto start = std::chrono::steady_clock::now();
    server.signal(signal_number);
    CHECK(server.stop(2.0) == 0);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  }
}

TEST_CASE("kg serve: SIGHUP reloads the graph; a broken file leaves the old one serving") {
  const std::string dir = test::temp_dir();
  const std::string path = dir + "/graph.json";
  test::write_file(path, R"({"kg": 1, "entities": [{"id": "a"}, {"id": "b"}], "relations": []})");
  test::ServerProcess server(path);
  CHECK(test::parse_json(server.get("/api/v1/health").body)["entities"].GetUint64() == 2);

  test::write_file(path, R"({"kg": 1, "entities": [{"id": "a"}, {"id": "b"}, {"id": "c"}], "relations": []})");
  server.signal(SIGHUP);
  REQUIRE(reaches_generation(server, 2));
  CHECK(test::parse_json(server.get("/api/v1/health").body)["entities"].GetUint64() == 3);

  test::write_file(path, R"({"kg": 1, "entities": [{"id": "a"}, {"id": "a"}], "relations": [)");
  server.signal(SIGHUP);
  bool logged = false;
  for (int attempt = 0; attempt < 100 && !logged; ++attempt) {
    logged = server.log().find("reload failed, the previous graph keeps serving") != std::string::npos;
    if (!logged) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK(logged);
  CHECK(generation(server) == 2);
  CHECK(test::parse_json(server.get("/api/v1/health").body)["entities"].GetUint64() == 3);
  CHECK(server.stop() == 0);
}

TEST_CASE("kg serve: one access-log line per request; --quiet silences it") {
  test::ServerProcess server(kSample);
  server.get("/api/v1/components?top=1");
  server.get("/api/v1/nope");
  CHECK(server.stop() == 0);
  const std::string log = server.log();
  CHECK(log.find("\"GET /api/v1/components?top=1\" 200 ") != std::string::npos);
  CHECK(log.find("\"GET /api/v1/nope\" 404 ") != std::string::npos);

  test::ServerProcess quiet(kSample + " --quiet");
  quiet.get("/api/v1/health");
  CHECK(quiet.stop() == 0);
  CHECK(quiet.log().find("GET") == std::string::npos);
}

TEST_CASE("kg serve: a graph with problems is refused at start with exit 3, a taken port with exit 2") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/bad.json", R"({"kg": 1, "entities": [{"id": "a"}, {"id": "a"}]})");
  const auto bad = test::run_kg("serve " + dir + "/bad.json --port 0");
  CHECK(bad.exit_code == 3);
  CHECK(bad.err.find("bad.json:1:") != std::string::npos);

  test::ServerProcess server(kSample + " --quiet");
  // Bounded: were the port shared (SO_REUSEPORT), this would serve forever.
  const auto taken = test::run("timeout 10 " + test::shell_quote(test::kg_binary()) + " serve " + kSample +
                               " --port " + std::to_string(server.port()));
  CHECK(taken.exit_code == 2);
  CHECK(taken.err.find("cannot listen on --host 127.0.0.1 --port") != std::string::npos);
  CHECK(server.stop() == 0);
}

}  // namespace
}  // namespace kg
