#pragma once
// The server's workers: a fixed number of threads and a bounded queue of
// connections waiting for one. A connection that finds the queue full is
// not dropped silently: it is handed to one shedding thread, which reads its
// request and answers 503 at once (shedding() tells the handlers so). When
// even that thread is behind, the accepting thread waits, and the kernel's
// listen backlog holds further clients: every bound is finite.
#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kg::server {

class BoundedTaskQueue : public httplib::TaskQueue {
 public:
  BoundedTaskQueue(std::size_t threads, std::size_t max_waiting);
  ~BoundedTaskQueue() override;

  void enqueue(std::function<void()> task) override;
  // Finishes the tasks queued and running, then joins the threads.
  void shutdown() override;

  // True on the shedding thread: the request is to be answered 503.
  static bool shedding();

 private:
  struct Lane {
    std::deque<std::function<void()>> tasks;
    std::size_t limit = 0;  // tasks that may wait beyond the lane's idle threads
    std::size_t idle = 0;   // threads waiting for a task
    bool has_room() const { return tasks.size() < idle + limit; }
  };
  void work(Lane& lane, bool sheds);

  std::mutex mutex_;
  std::condition_variable ready_;  // a task was queued, or shutdown
  std::condition_variable room_;   // the shedding lane has room again
  Lane workers_lane_;
  Lane shedding_lane_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace kg::server
