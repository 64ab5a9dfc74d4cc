// The parser bound of kg's JSON load: RapidJSON's SAX Reader over a file
// held in memory, with a handler that only counts events, so whatever kg's
// reader costs beyond it is kg's own (docs/PERFORMANCE.md, "JSON at parser
// speed"). Built like the ingest library (SSE2 scanning on).
//
// Usage: json_parse_bound FILE.json [--runs N]
// Prints one Markdown row per parse mode: the best CPU seconds of N runs
// (default 5) and the MB/s that makes. CPU time, not wall time, because the
// machine is shared.
#include <rapidjson/reader.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

namespace {

double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

struct EventCounter : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, EventCounter> {
  std::uint64_t events = 0;
  bool Default() {
    ++events;
    return true;
  }
};

struct Measurement {
  double seconds;
  std::uint64_t events;
};

// In-situ parsing writes into the text, so every run gets a fresh copy
// (made outside the timed part).
template <unsigned Flags>
Measurement best_of(const std::string& text, int runs) {
  Measurement best{1e300, 0};
  for (int run = 0; run < runs; ++run) {
    std::vector<char> buffer(text.begin(), text.end());
    buffer.push_back('\0');
    EventCounter counter;
    rapidjson::Reader reader;
    const double start = cpu_seconds();
    rapidjson::ParseResult parsed;
    if (Flags & rapidjson::kParseInsituFlag) {
      rapidjson::InsituStringStream stream(buffer.data());
      parsed = reader.Parse<Flags>(stream, counter);
    } else {
      rapidjson::StringStream stream(buffer.data());
      parsed = reader.Parse<Flags>(stream, counter);
    }
    const double seconds = cpu_seconds() - start;
    if (parsed.IsError()) {
      std::fprintf(stderr, "json_parse_bound: parse error %d at byte %zu\n", static_cast<int>(parsed.Code()),
                   parsed.Offset());
      std::exit(1);
    }
    if (seconds < best.seconds) best = {seconds, counter.events};
  }
  return best;
}

void row(const char* mode, const Measurement& m, std::size_t bytes) {
  std::printf("| %s | %.3f | %.0f | %llu |\n", mode, m.seconds, static_cast<double>(bytes) / 1e6 / m.seconds,
              static_cast<unsigned long long>(m.events));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && !(argc == 4 && std::string(argv[2]) == "--runs")) {
    std::fprintf(stderr, "usage: json_parse_bound FILE.json [--runs N]\n");
    return 2;
  }
  const int runs = argc == 4 ? std::max(1, std::atoi(argv[3])) : 5;
  const double read_start = cpu_seconds();
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "json_parse_bound: cannot open %s\n", argv[1]);
    return 1;
  }
  in.seekg(0, std::ios::end);
  std::string text(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(text.data(), static_cast<std::streamsize>(text.size()))) {
    std::fprintf(stderr, "json_parse_bound: cannot read %s\n", argv[1]);
    return 1;
  }
  const double read_seconds = cpu_seconds() - read_start;
  const std::size_t bytes = text.size();

  std::printf("%s: %.1f MB, read in %.3f s of CPU; parse: best of %d runs\n\n", argv[1],
              static_cast<double>(bytes) / 1e6, read_seconds, runs);
  std::printf("| RapidJSON SAX parse | CPU s | MB/s | events |\n| --- | ---: | ---: | ---: |\n");
  row("kParseDefaultFlags", best_of<rapidjson::kParseDefaultFlags>(text, runs), bytes);
  row("in situ", best_of<rapidjson::kParseInsituFlag>(text, runs), bytes);
  row("iterative, full precision (kg's flags)",
      best_of<rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag>(text, runs), bytes);
  return 0;
}
