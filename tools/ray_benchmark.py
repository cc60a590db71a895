#!/usr/bin/env python3
"""tools/ray_benchmark.py: battc.distributed's islands against one search, on one machine.

    python tools/ray_benchmark.py --tasks ../shared/arc/ARC-AGI-1/training \\
        --programs tests/golden/arc1/programs.py --minutes 4 --epochs 4

Back to back, from one compile cache warmed first (a one-round search, so that neither side
pays the seeds' first compile): one battc.search with jobs=W over the minutes, then
battc.distributed.search with W workers of 1 CPU (a local Ray cluster of W CPUs) over the same
minutes in `epochs` epochs. Each side's work (evaluations as the search reports count them,
rounds, seconds) is printed before the ratio of evaluations/s, and the islands' merge and
hand-out share of their epochs (the epoch's time outside its slowest worker's search). The
islands' evaluations include each worker's round 0 (the seeds evaluated once per worker in
epoch 0, as the single search evaluates them once). Needs battc[ray] in the Python running it.
"""
import argparse
import os
import tempfile
import time

import battc


def single(args, work):
    t0 = time.monotonic()
    r = battc.search(tasks=args.tasks, programs=args.programs, store=os.path.join(work, "single.db"),
                     minutes=args.minutes, seed=args.seed, jobs=args.workers)
    wall = time.monotonic() - t0
    print(f"one search, jobs={args.workers}: {r['rounds']} rounds, {r['evaluations']:,} evaluations in "
          f"{wall:.1f} s: {r['evaluations'] / wall:,.0f} evaluations/s; {r['fits_train']} tasks fit train")
    return r["evaluations"] / wall


def islands(args, work):
    import battc.distributed
    import ray
    ray.init(num_cpus=args.workers, include_dashboard=False, log_to_driver=False)
    r = battc.distributed.search(tasks=args.tasks, programs=args.programs, store=os.path.join(work, "islands.db"),
                                 workers=args.workers, epochs=args.epochs, minutes_per_epoch=args.minutes / args.epochs,
                                 seed=args.seed, progress=print)
    ray.shutdown()
    epochs = r["epochs"]
    busy = sum(e["seconds"] for e in epochs)
    overhead = sum(e["overhead_seconds"] for e in epochs)
    rounds = sum(w["rounds"] for e in epochs for w in e["workers"])
    print(f"islands, {args.workers} workers x {args.epochs} epochs: {rounds} rounds in all, {r['evaluations']:,} "
          f"evaluations in {r['seconds']:.1f} s: {r['evaluations_per_second']:,.0f} evaluations/s; "
          f"merge and hand-out {overhead:.1f} s of the epochs' {busy:.1f} s ({100 * overhead / busy:.1f}%)")
    return r["evaluations_per_second"], overhead / busy


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--tasks", required=True)
    p.add_argument("--programs", required=True)
    p.add_argument("--minutes", type=float, default=4)
    p.add_argument("--epochs", type=int, default=4)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="battc-ray-bench-") as work:
        battc.search(tasks=args.tasks, programs=args.programs, store=os.path.join(work, "warm.db"), rounds=1,
                     seed=args.seed, jobs=args.workers)
        one = single(args, work)
        many, share = islands(args, work)
    print(f"islands / one search: {many / one:.2f} of the evaluations/s (target >= 0.9); "
          f"merge and hand-out {100 * share:.1f}% of the epochs (target <= 5%)")


if __name__ == "__main__":
    main()
