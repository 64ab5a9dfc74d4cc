#include "cli/progress.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <ostream>

namespace kg::cli {
namespace {

constexpr int kBarWidth = 24;

std::string amount(double value, ProgressUnit unit) {
  if (unit == ProgressUnit::Items) {
    if (value >= 1e6) return fmt::format("{:.1f}M", value / 1e6);
    if (value >= 1e3) return fmt::format("{:.1f}k", value / 1e3);
    return fmt::format("{:.0f}", value);
  }
  if (value >= 1e9) return fmt::format("{:.1f} GB", value / 1e9);
  if (value >= 1e6) return fmt::format("{:.1f} MB", value / 1e6);
  return fmt::format("{:.0f} kB", value / 1e3);
}

std::string duration(double seconds) {
  const auto s = static_cast<long>(std::lround(seconds));
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  if (s >= 60) return fmt::format("{}:{:02}", s / 60, s % 60);
  return fmt::format("{} s", s);
}

void draw(std::ostream& out, const std::string& text, std::size_t& drawn_width) {
  // Pads over a longer previous line instead of relying on escape codes.
  const std::size_t pad = drawn_width > text.size() ? drawn_width - text.size() : 0;
  out << '\r' << text << std::string(pad, ' ') << std::flush;
  drawn_width = text.size();
}

void erase(std::ostream& out, std::size_t& drawn_width) {
  if (drawn_width == 0) return;
  out << '\r' << std::string(drawn_width, ' ') << '\r' << std::flush;
  drawn_width = 0;
}

}  // namespace

bool progress_wanted(bool quiet) { return !quiet && ::isatty(STDERR_FILENO) == 1; }

ProgressBar::ProgressBar(std::string label, ProgressUnit unit, std::ostream* out, Clock::duration delay,
                         Clock::duration interval)
    : label_(std::move(label)), unit_(unit), out_(out), start_(Clock::now()), next_draw_(start_ + delay),
      interval_(interval) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::update(std::uint64_t done, std::uint64_t total) {
  if (!out_) return;
  const auto now = Clock::now();
  if (now < next_draw_) return;
  next_draw_ = now + interval_;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  draw(*out_, line(label_, unit_, done, total, elapsed), drawn_width_);
}

void ProgressBar::finish() {
  if (out_) erase(*out_, drawn_width_);
}

std::function<void(std::uint64_t, std::uint64_t)> ProgressBar::callback() {
  return [this](std::uint64_t done, std::uint64_t total) { update(done, total); };
}

std::string ProgressBar::line(const std::string& label, ProgressUnit unit, std::uint64_t done, std::uint64_t total,
                              double elapsed_seconds) {
  const double rate = elapsed_seconds > 0 ? static_cast<double>(done) / elapsed_seconds : 0.0;
  std::string text = label;
  if (total > 0) {
    const double fraction = std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
    const int filled = static_cast<int>(fraction * kBarWidth);
    text += fmt::format("  [{}{}] {:3.0f}%", std::string(static_cast<std::size_t>(filled), '#'),
                        std::string(static_cast<std::size_t>(kBarWidth - filled), '.'), fraction * 100);
  } else {
    text += "  " + amount(static_cast<double>(done), unit);
  }
  text += "  " + amount(rate, unit) + "/s";
  if (total > 0 && rate > 0 && done < total) {
    text += "  " + duration(static_cast<double>(total - done) / rate) + " left";
  }
  return text;
}

ActivityIndicator::ActivityIndicator(std::string label, std::ostream* out, std::chrono::steady_clock::duration delay) {
  if (out) thread_ = std::thread(&ActivityIndicator::run, this, std::move(label), out, delay);
}

ActivityIndicator::~ActivityIndicator() {
  if (!thread_.joinable()) return;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  stop_signal_.notify_one();
  thread_.join();
}

void ActivityIndicator::run(std::string label, std::ostream* out, std::chrono::steady_clock::duration delay) {
  const auto start = std::chrono::steady_clock::now();
  std::size_t drawn_width = 0;
  std::unique_lock<std::mutex> lock(mutex_);
  auto next = start + delay;
  while (!stop_signal_.wait_until(lock, next, [this] { return stop_; })) {
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    draw(*out, label + "  " + duration(elapsed), drawn_width);
    next += std::chrono::seconds(1);
  }
  erase(*out, drawn_width);
}

}  // namespace kg::cli
