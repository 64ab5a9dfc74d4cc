#include "server/task_queue.hpp"

namespace kg::server {
namespace {

thread_local bool on_shedding_thread = false;

// Connections the shedding thread may hold before the accepting thread waits.
constexpr std::size_t kSheddingBacklog = 256;

}  // namespace

BoundedTaskQueue::BoundedTaskQueue(std::size_t threads, std::size_t max_waiting) {
  // A thread counts as idle from the start: a connection that arrives
  // before it first waits is its, not the shedding thread's.
  workers_lane_.limit = max_waiting;
  workers_lane_.idle = threads;
  shedding_lane_.limit = kSheddingBacklog;
  shedding_lane_.idle = 1;
  for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { work(workers_lane_, false); });
  threads_.emplace_back([this] { work(shedding_lane_, true); });
}

BoundedTaskQueue::~BoundedTaskQueue() {
  if (!threads_.empty()) shutdown();
}

bool BoundedTaskQueue::shedding() { return on_shedding_thread; }

void BoundedTaskQueue::enqueue(std::function<void()> task) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (workers_lane_.has_room()) {
    workers_lane_.tasks.push_back(std::move(task));
  } else {
    room_.wait(lock, [this] { return shedding_lane_.has_room() || stopping_; });
    shedding_lane_.tasks.push_back(std::move(task));
  }
  ready_.notify_all();
}

void BoundedTaskQueue::work(Lane& lane, bool sheds) {
  on_shedding_thread = sheds;
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [&] { return !lane.tasks.empty() || stopping_; });
      if (lane.tasks.empty()) return;  // stopping, and nothing left to finish
      task = std::move(lane.tasks.front());
      lane.tasks.pop_front();
      --lane.idle;
      if (sheds) room_.notify_all();
    }
    task();
    std::lock_guard<std::mutex> lock(mutex_);
    ++lane.idle;
  }
}

void BoundedTaskQueue::shutdown() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  room_.notify_all();
  for (auto& thread : threads_) thread.join();
  threads_.clear();
}

}  // namespace kg::server
