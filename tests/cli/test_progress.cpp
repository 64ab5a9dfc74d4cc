// Progress bars: what they draw, that they wait before drawing and erase
// themselves, and that kg draws nothing when stderr is not a terminal.
#include <doctest/doctest.h>

#include <sstream>
#include <thread>

#include "cli/progress.hpp"
#include "tests/support/support.hpp"

using kg::cli::ActivityIndicator;
using kg::cli::ProgressBar;
using kg::cli::ProgressUnit;

TEST_CASE("A progress line shows the share done, the rate and the time left") {
  // 50 MB of 100 MB in 2 s: 25 MB/s, 2 s left.
  CHECK(ProgressBar::line("loading g.json", ProgressUnit::Bytes, 50'000'000, 100'000'000, 2.0) ==
        "loading g.json  [############............]  50%  25.0 MB/s  2 s left");
  // Done: no time left is shown.
  CHECK(ProgressBar::line("x", ProgressUnit::Bytes, 100'000'000, 100'000'000, 4.0) ==
        "x  [########################] 100%  25.0 MB/s");
  // Unknown total: the amount so far.
  CHECK(ProgressBar::line("ranking", ProgressUnit::Items, 2'500'000, 0, 10.0) == "ranking  2.5M  250.0k/s");
  // Minutes and hours.
  CHECK(ProgressBar::line("x", ProgressUnit::Items, 1, 7201, 1.0).find("2:00:00 left") != std::string::npos);
  CHECK(ProgressBar::line("x", ProgressUnit::Items, 1, 91, 1.0).find("1:30 left") != std::string::npos);
}

TEST_CASE("A progress bar waits, redraws in place and erases itself") {
  std::ostringstream out;
  {
    ProgressBar bar("load", ProgressUnit::Bytes, &out, std::chrono::hours(1));
    bar.update(1, 2);
  }
  CHECK(out.str().empty());  // quick work draws nothing

  ProgressBar bar("load", ProgressUnit::Bytes, &out, std::chrono::seconds(0), std::chrono::seconds(0));
  bar.callback()(1'000'000, 4'000'000);
  bar.update(2'000'000, 4'000'000);
  bar.finish();
  const std::string drawn = out.str();
  CHECK(drawn.rfind("\rload  [######..................]  25%", 0) == 0);
  CHECK(drawn.find("\rload  [############............]  50%") != std::string::npos);
  // Ends by blanking the line and returning to its start.
  CHECK(drawn.size() >= 2);
  CHECK(drawn.back() == '\r');
  CHECK(drawn.find('\n') == std::string::npos);

  ProgressBar nowhere("load", ProgressUnit::Bytes, nullptr, std::chrono::seconds(0));
  nowhere.update(1, 2);  // no stream: nothing to do, nothing to crash
}

TEST_CASE("An activity indicator shows elapsed time from its own thread until it ends") {
  std::ostringstream out;
  { ActivityIndicator quick("ranking", &out, std::chrono::hours(1)); }
  CHECK(out.str().empty());
  {
    ActivityIndicator slow("ranking", &out, std::chrono::milliseconds(0));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK(out.str().rfind("\rranking  0 s", 0) == 0);
  CHECK(out.str().back() == '\r');
}

TEST_CASE("kg draws no progress when stderr is not a terminal, and takes --quiet") {
  const std::string sample = kg::test::shell_quote(kg::test::source_dir() + "/samples/openai.json");
  const auto plain = kg::test::run_kg("info " + sample);
  CHECK(plain.exit_code == 0);
  CHECK(plain.err.empty());
  const auto quiet = kg::test::run_kg("info " + sample + " --quiet");
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out == plain.out);
  CHECK(quiet.err.empty());
}
