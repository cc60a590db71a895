// runtime/exec/parallel_for.cpp: workers, an atomic item counter, and a
// condition variable the watching thread waits on between ticks.
#include "runtime/exec/parallel_for.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace battc::runtime {

unsigned resolve_jobs(unsigned jobs) {
  if (jobs == 0) jobs = std::thread::hardware_concurrency();
  return jobs == 0 ? 1 : jobs;
}

void parallel_for(std::size_t n_items, unsigned jobs, const std::function<void(unsigned, std::size_t)>& work,
                  const std::function<void(std::size_t)>& tick) {
  jobs = resolve_jobs(jobs);
  if (jobs > n_items) jobs = unsigned(n_items == 0 ? 1 : n_items);
  std::atomic<std::size_t> next{0}, done{0};
  std::mutex mu;
  std::condition_variable cv;
  std::exception_ptr failure;
  unsigned running = jobs;

  auto worker = [&](unsigned w) {
    try {
      for (std::size_t i; (i = next.fetch_add(1)) < n_items;) {
        work(w, i);
        done.fetch_add(1);
      }
    } catch (...) {
      std::lock_guard lock(mu);
      if (!failure) failure = std::current_exception();
      next.store(n_items);  // the others finish their item and stop
    }
    std::lock_guard lock(mu);
    --running;
    cv.notify_all();
  };

  std::vector<std::thread> threads;
  threads.reserve(jobs);
  for (unsigned w = 0; w < jobs; ++w) threads.emplace_back(worker, w);
  {
    std::unique_lock lock(mu);
    while (running > 0) {
      cv.wait_for(lock, std::chrono::milliseconds(200));
      if (tick && running > 0) {
        lock.unlock();
        tick(done.load());
        lock.lock();
      }
    }
  }
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
  if (tick) tick(done.load());
}

}  // namespace battc::runtime
