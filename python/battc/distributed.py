"""battc.distributed: program search on a Ray cluster, as an island model.

    import battc.distributed
    r = battc.distributed.search(tasks="ARC-AGI-1/training", programs="solvers.py", store="all.db",
                                 workers=8, epochs=6, minutes_per_epoch=10, seed=1)

Each epoch every worker (a Ray task holding `cpus_per_worker` CPUs) runs
battc.search on its own copy of the store the epoch before ended with, with
its own seed derived from (seed, epoch, worker); the driver merges the
workers' stores (battc.merge_stores) and the next epoch starts from the
merge. Tasks, programs and stores travel by value through Ray's object store
(no shared file system), so workers may be on other machines; each of them
needs battc and Ray installed (`pip install battc[ray]`). With
rounds_per_epoch every worker's store is decided by its inputs and seed, so a
worker that dies is run again by Ray and gives the same store; after each
epoch the driver keeps the merged store at `store`, so nothing finished is
lost (resume=True continues it). docs/search.md, "Beyond one machine".
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

try:
    import ray
except ImportError as e:  # Ray is an optional extra
    raise ImportError("battc.distributed needs Ray, which is not installed: pip install battc[ray]",
                      name="ray") from e

import battc
from battc import _as_list  # one rule for "one input or several" in both front ends

__all__ = ["search", "island_seed"]

# A test hook, read on the driver: "E/K:MARKER" makes the first attempt of
# worker K in epoch E (both from 0) die after its first round, as a lost
# machine would; MARKER, a file the worker makes before dying, tells the
# attempts apart (so the hook needs Ray's retry on a machine that sees it).
KILL_ENV = "BATTC_TEST_KILL_WORKER"


def island_seed(seed: int, epoch: int, worker: int) -> int:
    """The search seed of one worker in one epoch: a hash of (seed, epoch, worker), so that
    islands search apart and a rerun of one (Ray's retry) searches alike."""
    digest = hashlib.sha256(f"battc-island/{seed}/{epoch}/{worker}".encode()).digest()
    return (int.from_bytes(digest[:8], "big") >> 1) or 1


# ---------------------------------------------------------------------------
# Inputs by value: what the driver reads once and every worker writes back.

@dataclass
class _Inputs:
    """Tasks, solutions and programs as bytes, with the relative paths they are written to."""

    files: Dict[str, bytes]   # relative path -> content
    task_paths: List[str]     # relative paths handed to battc.search, in the order given
    program_paths: List[str]
    solutions: Optional[str] = None


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:  # a missing task or program file reads as battc.search would say it
        raise battc.BattcError(f"{path}: cannot read it: {e.strerror}") from None


def _pack_task_path(path: str, slot: str, inputs: _Inputs) -> None:
    """A task folder (its .json files, as battc reads them) or a task file, under `slot`.
    File names are kept: a task's id is its file's name."""
    if os.path.isdir(path):
        names = sorted(n for n in os.listdir(path) if n.endswith(".json") and os.path.isfile(os.path.join(path, n)))
        for n in names:
            inputs.files[f"{slot}/{n}"] = _read(os.path.join(path, n))
        inputs.task_paths.append(slot)
    else:
        rel = f"{slot}/{os.path.basename(path)}"
        inputs.files[rel] = _read(path)
        inputs.task_paths.append(rel)


def _pack_tasks(tasks: Any, inputs: _Inputs) -> None:
    """Paths (folders, task files, challenges files) or a mapping {task id: task}."""
    for i, t in enumerate(_as_list(tasks)):
        slot = f"tasks/{i}"
        if isinstance(t, Mapping):
            for tid, task in t.items():
                inputs.files[f"{slot}/{tid}.json"] = json.dumps(task).encode()
            inputs.task_paths.append(slot)
        else:
            _pack_task_path(os.fspath(t), slot, inputs)


def _pack_programs(programs: Any, inputs: _Inputs) -> None:
    """Program files, or program source (a str holding a newline, as battc.run takes it)."""
    for i, p in enumerate(_as_list(programs)):
        if isinstance(p, str) and "\n" in p:
            rel, data = f"programs/{i}/program_{i}.py", p.encode()
        else:
            rel, data = f"programs/{i}/{os.path.basename(os.fspath(p))}", _read(os.fspath(p))
        inputs.files[rel] = data
        inputs.program_paths.append(rel)


def _pack_inputs(tasks: Any, programs: Any, solutions: Any) -> _Inputs:
    inputs = _Inputs(files={}, task_paths=[], program_paths=[])
    _pack_tasks(tasks, inputs)
    _pack_programs(programs, inputs)
    if solutions is not None:
        inputs.solutions = f"solutions/{os.path.basename(os.fspath(solutions))}"
        inputs.files[inputs.solutions] = _read(os.fspath(solutions))
    if not inputs.task_paths:
        raise battc.BattcError("battc.distributed.search: no tasks given")
    return inputs


def _unpack_inputs(inputs: _Inputs, root: str) -> None:
    for rel, data in inputs.files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)


# ---------------------------------------------------------------------------
# One worker's epoch (runs in a Ray task).

@dataclass
class _Plan:
    """What one worker does in one epoch."""

    epoch: int
    worker: int
    seed: int
    rounds: int               # stop after this round of the store (0: by minutes)
    minutes: float
    jobs: int
    strategy: str
    cache_dir: Optional[str]
    kill_marker: Optional[str] = None   # the test hook: die once, after one round


def _store_bytes(path: str) -> bytes:
    """The store file's content. battc.search closes its store before it returns, which folds
    SQLite's write-ahead log into the file; a log left beside it would be lost in transit."""
    if os.path.exists(path + "-wal"):
        raise battc.BattcError(f"{path}: its SQLite log is still beside it after the search (a battc bug)")
    return _read(path)


def _die_once(plan: _Plan, search: Callable[[int], Dict[str, Any]], start_round: int, root: str) -> None:
    """The test hook: the first attempt searches one round, then its process ends as a machine
    lost mid-epoch would (no reply); the marker makes Ray's retry run normally. Its folder
    goes first only so that tests leave nothing behind."""
    if plan.kill_marker is None or os.path.exists(plan.kill_marker):
        return
    with open(plan.kill_marker, "w") as f:
        f.write(f"epoch {plan.epoch} worker {plan.worker}\n")
    search(start_round + 1)
    shutil.rmtree(root, ignore_errors=True)
    os._exit(1)


def _search_island(inputs: _Inputs, store: Optional[bytes], start_round: int,
                   plan: _Plan) -> Tuple[Dict[str, Any], bytes]:
    """One worker's epoch: the inputs and the epoch's store written to a temporary folder, a
    search from that store with the worker's seed, and the worker's store back as bytes."""
    with tempfile.TemporaryDirectory(prefix="battc-island-") as root:
        _unpack_inputs(inputs, root)
        path = os.path.join(root, "island.db")
        if store is not None:
            with open(path, "wb") as f:
                f.write(store)

        def search(rounds: int) -> Dict[str, Any]:
            return battc.search(tasks=[os.path.join(root, t) for t in inputs.task_paths],
                                programs=[os.path.join(root, p) for p in inputs.program_paths],
                                store=path, rounds=rounds, minutes=plan.minutes, seed=plan.seed, jobs=plan.jobs,
                                resume=os.path.exists(path), strategy=plan.strategy,
                                solutions=os.path.join(root, inputs.solutions) if inputs.solutions else None,
                                cache_dir=plan.cache_dir)

        _die_once(plan, search, start_round, root)
        report = search(plan.rounds)
        report.update(worker=plan.worker, seed=plan.seed)
        return report, _store_bytes(path)


# ---------------------------------------------------------------------------
# The driver.

@dataclass
class _Run:
    """The driver's settings and state between epochs."""

    inputs: Any                 # a Ray object ref of _Inputs
    store: str                  # where the merged store of each finished epoch is kept
    work: str                   # the driver's scratch folder (the islands' stores, merges)
    workers: int
    rounds: int
    minutes: float
    seed: int
    cpus: int
    strategy: str
    cache_dir: Optional[str]
    kill: Optional[Tuple[int, int, str]] = None   # (epoch, worker, marker): the test hook
    last_round: int = 0


def _kill_hook() -> Optional[Tuple[int, int, str]]:
    spec = os.environ.get(KILL_ENV)
    if not spec:
        return None
    try:
        where, marker = spec.split(":", 1)
        epoch, worker = (int(x) for x in where.split("/"))
    except ValueError:
        raise battc.BattcError(f"{KILL_ENV}={spec!r}: give E/K:MARKER (epoch and worker from 0, a file)") from None
    return epoch, worker, marker


def _plan(run: _Run, epoch: int, worker: int) -> _Plan:
    killed = run.kill is not None and run.kill[:2] == (epoch, worker)
    return _Plan(epoch=epoch, worker=worker, seed=island_seed(run.seed, epoch, worker),
                 rounds=run.last_round + run.rounds if run.rounds > 0 else 0, minutes=run.minutes,
                 jobs=run.cpus, strategy=run.strategy, cache_dir=run.cache_dir,
                 kill_marker=run.kill[2] if killed else None)


def _keep(merged: str, store: str) -> None:
    """The merged store replaces `store` in one rename; SQLite files left beside an older store
    would be read as this one's log, so they go first."""
    for suffix in ("-wal", "-shm"):
        if os.path.exists(store + suffix):
            os.remove(store + suffix)
    os.replace(merged, store)


def _merge_islands(run: _Run, epoch: int, stores: List[bytes]) -> Dict[str, Any]:
    """The workers' stores written out, merged into the run's store (kept on the driver)."""
    folder = os.path.join(run.work, f"epoch{epoch}")
    os.makedirs(folder)
    paths = []
    for k, data in enumerate(stores):
        paths.append(os.path.join(folder, f"island{k}.db"))
        with open(paths[-1], "wb") as f:
            f.write(data)
    merged = os.path.join(folder, "merged.db")
    report = battc.merge_stores(paths, merged)
    _keep(merged, run.store)
    shutil.rmtree(folder)
    return report


def _progress_line(e: Dict[str, Any], epochs: int) -> str:
    islands = "; ".join(f"worker {w['worker']}: {w['evaluations_per_second']:,.0f} evaluations/s, "
                        f"{w['fits_train']} tasks fit train" for w in e["workers"])
    return (f"epoch {e['epoch'] + 1}/{epochs}: {e['seconds']:.1f} s (merge and hand-out "
            f"{e['overhead_seconds']:.1f} s); {islands}; merged: {e['merged']['programs']} programs, "
            f"round {e['merged']['rounds']}")


def _gather(refs: List[Any]) -> List[Any]:
    """The workers' results. battc's own error in a worker (bad tasks or programs) is raised as
    BattcError with battc's message, not inside Ray's wrapper with the worker's traceback."""
    try:
        return ray.get(refs)
    except ray.exceptions.RayTaskError as e:
        cause = getattr(e, "cause", None)
        if isinstance(cause, battc.BattcError):
            raise battc.BattcError(str(cause)) from None
        raise


def _epoch(run: _Run, epoch: int, store_ref: Any, task: Any) -> Dict[str, Any]:
    """Every worker's search from the epoch's store, then their merge."""
    t0 = time.monotonic()
    refs = [task.remote(run.inputs, store_ref, run.last_round, _plan(run, epoch, k)) for k in range(run.workers)]
    results = _gather(refs)
    merged = _merge_islands(run, epoch, [store for _, store in results])
    seconds = time.monotonic() - t0
    reports = [report for report, _ in results]
    run.last_round = merged["rounds"]
    return {"epoch": epoch, "seconds": seconds, "merged": merged, "workers": reports,
            "evaluations": sum(r["evaluations"] for r in reports),
            # Ray's hand-out and collection, the stores' copies and the merge: the epoch's time
            # outside the slowest worker's search.
            "overhead_seconds": max(0.0, seconds - max(r["seconds"] for r in reports))}


def _start_store(run: _Run, resume: bool) -> Optional[bytes]:
    """The first epoch's store: none for a new search; with resume, the store as it stands,
    merged alone first (a merged store resumes with any seed, as the workers' are)."""
    if not os.path.exists(run.store):
        return None
    if not resume:
        raise battc.BattcError(f"{run.store} already holds a search; pass resume=True to continue it, "
                               "or another store")
    merged = os.path.join(run.work, "start.db")
    run.last_round = battc.merge_stores([run.store], merged)["rounds"]
    return _read(merged)


def _check_sizes(workers: int, epochs: int, rounds: int, minutes: float, cpus: int) -> None:
    if workers < 1 or epochs < 1 or cpus < 1:
        raise battc.BattcError("battc.distributed.search: workers, epochs and cpus_per_worker must be at least 1")
    if rounds <= 0 and minutes <= 0:
        raise battc.BattcError("battc.distributed.search: give rounds_per_epoch or minutes_per_epoch")


def search(tasks: Any, programs: Any, store: "battc.PathLike", *, workers: int = 2, epochs: int = 1,
           minutes_per_epoch: float = 0, rounds_per_epoch: int = 0, seed: int = 1, cpus_per_worker: int = 1,
           resume: bool = False, solutions: Any = None, strategy: str = "auto", cache_dir: Any = None,
           max_retries: int = 3, progress: Optional[Callable[[str], None]] = print) -> Dict[str, Any]:
    """An island-model search on Ray: `epochs` epochs of `workers` searches, merged after each.

    tasks: paths (folders, task files, a challenges file) or a mapping {task id: task}; programs:
    paths or program source (none: a search from nothing, enumeration making the first
    programs); both are read here and sent to the workers by value. `strategy` is
    battc.search's ("auto", "mutate", "enumerate"). Each worker searches rounds_per_epoch
    rounds (reproducible) or minutes_per_epoch minutes (fits a budget), with cpus_per_worker
    threads on as many of Ray's CPUs. `store` gets the merged store after every epoch. Ray is
    used as found: ray.init() first for a cluster's address or options, else a local one is
    started (RAY_ADDRESS is honoured). `progress` gets one line per epoch.
    Returns {"store", "epochs": [per epoch: seconds, overhead_seconds, merged, workers (their
    search reports), evaluations], "evaluations", "seconds", "evaluations_per_second"}."""
    _check_sizes(workers, epochs, rounds_per_epoch, minutes_per_epoch, cpus_per_worker)
    if not ray.is_initialized():
        ray.init()
    store = os.path.abspath(os.fspath(store))
    task = ray.remote(_search_island).options(num_cpus=cpus_per_worker, max_retries=max_retries)
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="battc-driver-", dir=os.path.dirname(store)) as work:
        run = _Run(inputs=ray.put(_pack_inputs(tasks, programs, solutions)), store=store, work=work, workers=workers,
                   rounds=rounds_per_epoch, minutes=minutes_per_epoch, seed=seed, cpus=cpus_per_worker,
                   strategy=strategy,
                   cache_dir=os.fspath(cache_dir) if cache_dir is not None else None, kill=_kill_hook())
        start = _start_store(run, resume)
        store_ref = ray.put(start) if start is not None else None
        done: List[Dict[str, Any]] = []
        for e in range(epochs):
            done.append(_epoch(run, e, store_ref, task))
            if progress is not None:
                progress(_progress_line(done[-1], epochs))
            if e + 1 < epochs:
                store_ref = ray.put(_read(store))
    seconds = time.monotonic() - t0
    evaluations = sum(e["evaluations"] for e in done)
    return {"store": store, "epochs": done, "evaluations": evaluations, "seconds": seconds,
            "evaluations_per_second": evaluations / max(seconds, 1e-9)}
