"""ARC Prize on Kaggle with battc: search from your seed programs within a wall-time budget and
keep /kaggle/working/submission.json valid all along.

Run it from a notebook cell as is, after `pip install --no-index` of the battc wheel
(docs/install.md, "Kaggle"):

    %run /kaggle/input/battc-wheel/kaggle_submission.py --programs /kaggle/input/my-programs/solvers.py --minutes 60

or `!python kaggle_submission.py ...`, or import it and call main([...]). What it does:

1. reads the challenges file (ARC Prize's arc-agi_test_challenges.json: task id -> train pairs
   and test inputs);
2. writes the submission at once, two placeholder attempts ([[0]]) for every test input of every
   task, so a valid file exists even if the notebook is stopped;
3. runs battc.search over the tasks in epochs (a few minutes each, resuming one store), and
   after every epoch replaces the submission atomically (a temporary file renamed over it) with
   the search's attempts, filled up with placeholders where a task or test input has none;
4. prints a progress bar as it goes, and the score when a solutions file is given (as on the
   public evaluation set).

The search's final attempts of each epoch run with backend="auto": on the GPU when one is usable
(driver, NVRTC, nvJitLink and a device library for it), else on the CPU. battc needs no C++
compiler for the statement shapes its prebuilt spec packs cover; without a compiler a candidate
needing another shape is skipped, and the count is printed.
"""
import argparse
import json
import os
import sys
import threading
import time
from typing import Any, Dict, List, Optional

import battc

DEFAULT_CHALLENGES = "/kaggle/input/arc-prize-2025/arc-agi_test_challenges.json"
DEFAULT_OUT = "/kaggle/working/submission.json"
PLACEHOLDER = [[0]]


def parse_args(argv: Optional[List[str]]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--challenges", default=DEFAULT_CHALLENGES, help="the challenges file (default: %(default)s)")
    p.add_argument("--solutions", default=None, help="its solutions file, to print the score (optional)")
    p.add_argument("--programs", nargs="*", default=[], help="seed program files (none: a search from nothing)")
    p.add_argument("--minutes", type=float, default=10.0, help="wall-time budget in minutes (default: %(default)s)")
    p.add_argument("--epoch-minutes", type=float, default=5.0,
                   help="minutes between submission updates (default: %(default)s)")
    p.add_argument("--out", default=DEFAULT_OUT, help="the submission file (default: %(default)s)")
    p.add_argument("--store", default=None, help="the search's SQLite store (default: beside --out)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default: %(default)s)")
    p.add_argument("--jobs", type=int, default=0, help="evaluation threads (default: all cores)")
    p.add_argument("--backend", default="auto", choices=["auto", "cpu", "cuda"],
                   help="where each epoch's final attempts run (default: %(default)s)")
    return p.parse_args(argv)


def test_counts(challenges: Dict[str, Any]) -> Dict[str, int]:
    """Task id -> its number of test inputs."""
    return {tid: len(task["test"]) for tid, task in challenges.items()}


def is_grid(g: Any) -> bool:
    """What ARC Prize accepts: a non-empty list of equally long non-empty rows of cells 0-9."""
    return (isinstance(g, list) and len(g) > 0 and all(isinstance(r, list) and len(r) > 0 for r in g)
            and len({len(r) for r in g}) == 1
            and all(type(c) is int and 0 <= c <= 9 for r in g for c in r))


def complete(found: Dict[str, Any], counts: Dict[str, int]) -> Dict[str, Any]:
    """Every task, every test input, attempt_1 and attempt_2: the search's grids where it has them
    and they are valid grids, the placeholder elsewhere."""
    out = {}
    for tid, n in counts.items():
        mine = found.get(tid) or []
        entries = []
        for i in range(n):
            have = mine[i] if i < len(mine) and isinstance(mine[i], dict) else {}
            entries.append({a: have[a] if is_grid(have.get(a)) else PLACEHOLDER for a in ("attempt_1", "attempt_2")})
        out[tid] = entries
    return out


def write_atomically(path: str, submission: Dict[str, Any]) -> None:
    """A reader (Kaggle's scorer, a stopped notebook) sees the old file or the new, never half."""
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(submission, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def score(submission: Dict[str, Any], solutions: Dict[str, Any]) -> float:
    """ARC Prize's score: per task the fraction of its test outputs matched by either attempt."""
    total = 0.0
    for tid, outputs in solutions.items():
        got = submission.get(tid, [])
        hits = sum(1 for i, want in enumerate(outputs)
                   if i < len(got) and want in (got[i]["attempt_1"], got[i]["attempt_2"]))
        total += hits / max(1, len(outputs))
    return total


class Bar:
    """A one-line progress bar over the wall-time budget, redrawn in place."""

    def __init__(self, seconds: float) -> None:
        self.t0, self.seconds, self.status = time.time(), seconds, "starting"

    def draw(self, end: str = "\r") -> None:
        spent = time.time() - self.t0
        frac = min(1.0, spent / self.seconds) if self.seconds > 0 else 1.0
        filled = int(30 * frac)
        line = f"[{'#' * filled}{'.' * (30 - filled)}] {spent / 60:5.1f}/{self.seconds / 60:.1f} min  {self.status}"
        sys.stdout.write(line.ljust(100) + end)
        sys.stdout.flush()


def search_epoch(args: argparse.Namespace, store: str, minutes: float, resume: bool, epoch_file: str,
                 bar: Bar) -> Dict[str, Any]:
    """One battc.search call (its GIL released) while the bar is redrawn every second."""
    result: Dict[str, Any] = {}

    def work() -> None:
        try:
            result["report"] = battc.search(tasks=args.challenges, programs=args.programs, store=store,
                                            minutes=minutes, seed=args.seed, jobs=args.jobs, resume=resume,
                                            submission=epoch_file, backend=args.backend)
        except BaseException as e:  # re-raised in the caller's thread
            result["error"] = e

    t = threading.Thread(target=work, daemon=True)
    t.start()
    while t.is_alive():
        bar.draw()
        t.join(1.0)
    if "error" in result:
        raise result["error"]
    return result["report"]


def show_mode() -> None:
    d = battc.doctor()
    modes = {"compiler": "a C++ compiler is here: new statement shapes are compiled",
             "prebuilt": "no C++ compiler: prebuilt spec packs only (candidates needing other shapes are skipped)",
             "none": "no C++ compiler and no prebuilt spec packs: battc cannot run here"}
    print(f"battc: {modes.get(d.get('mode'), d.get('mode'))}; GPU {'ready' if d['gpu_ready'] else 'not available'}")


def main(argv: Optional[List[str]] = None) -> Dict[str, Any]:
    args = parse_args(argv)
    t_start = time.time()
    with open(args.challenges) as f:
        counts = test_counts(json.load(f))
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    submission = complete({}, counts)
    write_atomically(args.out, submission)
    print(f"{len(counts)} tasks, {sum(counts.values())} test inputs: placeholder submission written to {args.out}")
    show_mode()
    store = args.store or os.path.join(os.path.dirname(os.path.abspath(args.out)), "battc_search.db")
    if os.path.exists(store):
        os.remove(store)  # a store is for one set of tasks and seeds: start afresh
    epoch_file = args.out + ".epoch.json"
    budget = args.minutes * 60
    bar = Bar(budget)
    epoch, report = 0, {}
    # An epoch runs past the minutes it is given (the seeds' round, the last round in flight, the
    # final attempts): that overrun, measured, is kept back from the budget.
    overrun = 15.0
    while budget - (time.time() - t_start) - overrun > 5:
        left = budget - (time.time() - t_start) - overrun
        minutes = min(args.epoch_minutes * 60, left) / 60
        t_epoch = time.time()
        report = search_epoch(args, store, minutes, epoch > 0, epoch_file, bar)
        overrun = max(overrun, time.time() - t_epoch - minutes * 60)
        epoch += 1
        with open(epoch_file) as f:
            submission = complete(json.load(f), counts)
        write_atomically(args.out, submission)
        bar.status = (f"epoch {epoch}: {report['rounds']} rounds, fit train {report['fits_train']}/"
                      f"{report['tasks']} tasks, submission updated")
        bar.draw()
    bar.draw(end="\n")
    if os.path.exists(epoch_file):
        os.remove(epoch_file)
    skipped = report.get("skipped_no_compiler", 0)
    if skipped:
        print(f"{skipped} candidates skipped in the last epoch: they need statement shapes no prebuilt spec pack has")
    print(f"done in {(time.time() - t_start) / 60:.1f} min, {epoch} epochs; {args.out}: {len(submission)} tasks")
    if args.solutions:
        with open(args.solutions) as f:
            solutions = json.load(f)
        s = score(submission, solutions)
        print(f"score: {s:.2f} of {len(solutions)} tasks ({100 * s / max(1, len(solutions)):.1f}%)")
    return submission


if __name__ == "__main__":
    main()
