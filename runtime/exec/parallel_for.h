// runtime/exec/parallel_for.h: a plain thread pool for one batch: `jobs`
// std::threads pull item numbers from an atomic counter. The calling thread
// only watches: it calls `tick` a few times a second and rethrows the first
// exception a worker threw (the other workers then stop taking items).
#pragma once

#include <cstddef>
#include <functional>

namespace battc::runtime {

void parallel_for(std::size_t n_items, unsigned jobs, const std::function<void(unsigned worker, std::size_t item)>& work,
                  const std::function<void(std::size_t done)>& tick = {});

// jobs, or the hardware's thread count when 0 (at least 1).
unsigned resolve_jobs(unsigned jobs);

}  // namespace battc::runtime
