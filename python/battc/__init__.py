"""battc from Python: run ARC DSL programs over ARC tasks, check them, search.

    import battc
    r = battc.run(tasks="ARC-AGI-1/training", programs="solvers.py", pairing="by-name")
    print(r.solved)            # {task id: [programs that solve it]}
    r.write_submission("submission.json")

Tasks may be paths (folders, task files, Kaggle challenges files) or tasks in
memory: a dict in the ARC JSON shape, either one task ({"train": [...],
"test": [...]}, named by its "id" key if it has one, else "task", or "task_1",
"task_2", ... when several bare tasks are given) or a mapping of task ids to
tasks (a challenges file's shape); a list may mix them, and an id given twice
is an error. Programs may be paths or program source: a str holding a
newline is source, any other str or os.PathLike is a path. Errors raise
BattcError with battc's own message. The `battc` command (the same program as
the CLI) is installed beside this package.
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

from . import _battc
from ._battc import BattcError

__all__ = ["run", "check", "search", "merge_stores", "doctor", "RunResult", "CheckResult", "BattcError", "executable"]

Grid = List[List[int]]
PathLike = Union[str, "os.PathLike[str]"]

# NVRTC and nvJitLink may come from the NVIDIA wheels in this Python's paths.
_battc.set_python_paths([p for p in sys.path if isinstance(p, str) and p])


def executable() -> str:
    """The path of the battc executable installed with this package."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "bin", "battc")


def _as_list(x: Any) -> list:
    if x is None:
        return []
    if isinstance(x, (str, bytes, os.PathLike, Mapping)):
        return [x]
    return list(x)


def _is_task(t: Any) -> bool:
    return isinstance(t, Mapping) and "train" in t and "test" in t


def _in_memory_tasks(items: List[Any]) -> Dict[str, Any]:
    """Tasks given in memory, by id: a mapping of ids to tasks keeps its ids; a bare task
    uses its own "id" when it has one, else "task" when it is the only bare task and
    "task_1", "task_2", ... (in the order given) when there are several. An id given
    twice is an error, never a task silently replaced."""
    bare = [t for t in items if _is_task(t)]
    out: Dict[str, Any] = {}

    def add(tid: Any, task: Any) -> None:
        if not isinstance(tid, str) or not tid:
            raise BattcError(f"a task id must be a non-empty str, not {tid!r}")
        if not _is_task(task):
            raise BattcError(f"task {tid!r} is not a task (a dict with 'train' and 'test')")
        if tid in out:
            raise BattcError(f"task {tid!r} is given twice")
        out[tid] = task

    n_bare = 0
    for t in items:
        if _is_task(t):
            n_bare += 1
            own = t.get("id")
            add(own if own is not None else ("task" if len(bare) == 1 else f"task_{n_bare}"),
                {k: v for k, v in t.items() if k != "id"})
        else:
            for tid, task in t.items():
                add(tid, task)
    return out


def _split_tasks(tasks: Any, solutions: Any) -> Dict[str, Any]:
    paths: List[str] = []
    mappings: List[Any] = []
    for t in _as_list(tasks):
        if isinstance(t, Mapping):
            mappings.append(t)
        else:
            paths.append(os.fspath(t))
    in_memory = _in_memory_tasks(mappings)
    out: Dict[str, Any] = {"task_paths": paths}
    if solutions is not None and not isinstance(solutions, Mapping):
        out["solutions"] = os.fspath(solutions)
    elif solutions is not None:
        # Known test outputs given in memory: {task id: [grid per test input]}.
        for tid, grids in solutions.items():
            if tid not in in_memory:
                raise BattcError(f"solutions for task {tid!r}, which is not among the in-memory tasks")
            task = dict(in_memory[tid])
            task["test"] = [dict(s, output=g) for s, g in zip(task["test"], grids)]
            in_memory[tid] = task
    if in_memory:
        out["tasks"] = in_memory
    return out


def _split_programs(programs: Any) -> Dict[str, Any]:
    files: List[str] = []
    texts: List[Dict[str, str]] = []
    for i, p in enumerate(_as_list(programs)):
        if isinstance(p, str) and "\n" in p:
            texts.append({"name": f"<program text {i + 1}>", "text": p})
        else:
            files.append(os.fspath(p))
    return {"program_files": files, "program_texts": texts}


@dataclass
class RunResult:
    """What battc.run found. `results` is results.json's content."""

    tasks: List[str]
    programs: List[str]
    solved: Dict[str, List[str]]                 # task id -> programs solving it (solved tasks only)
    status: Dict[str, Dict[str, List[Optional[str]]]]   # task -> program -> per-sample status ("skipped": not run)
    match: Dict[str, Dict[str, List[Optional[int]]]]    # task -> program -> per-sample 1/0 (None: unknown)
    samples: Dict[str, List[str]]                # task -> sample names ("train/0", "test/0", ...)
    predictions: Dict[str, Dict[str, List[Optional[Grid]]]]  # task -> program -> grid per test input
    submission: Dict[str, Any]                   # the Kaggle submission
    summary: Dict[str, Any]
    results: Dict[str, Any] = field(repr=False)
    diagnostics: str = ""
    accepted: int = 0
    rejected: int = 0
    backend: str = "cpu"
    engine: str = "unit"
    times: Dict[str, float] = field(default_factory=dict)

    @property
    def best(self) -> Dict[str, List[Dict[str, Any]]]:
        """Per task, its best programs (even when nothing solves it): program, solved,
        train_matched, test_matched, test_known and predictions on the test inputs."""
        return {tid: t.get("best", []) for tid, t in self.results["tasks"].items()}

    @property
    def near_misses(self) -> List[str]:
        """Unsolved tasks whose best program is right on every train pair, wrong on a known test."""
        return [tid for tid, t in self.results["tasks"].items() if t.get("near_miss")]

    @property
    def solved_matrix(self) -> List[List[bool]]:
        """One row per task, one column per program: True where it solves the task."""
        return [[p in self.solved.get(t, ()) for p in self.programs] for t in self.tasks]

    def write_submission(self, path: PathLike) -> None:
        with open(path, "w") as f:
            json.dump(self.submission, f)


@dataclass
class CheckResult:
    accepted: List[str]
    rejected: int
    diagnostics: str

    @property
    def ok(self) -> bool:
        return self.rejected == 0


def run(tasks: Any, programs: Any, *, solutions: Any = None, pairing: str = "all", backend: str = "auto",
        engine: str = "auto", evaluate: str = "auto", jobs: int = 0, dialect: str = "auto", budget_mb: int = 256,
        cache_dir: Optional[PathLike] = None, disable_passes: Sequence[str] = (),
        attempt_order: str = "rank") -> RunResult:
    """Every program on every sample of every task (pairing="by-name": solve_<id> on task <id> only).

    The submission's two attempts per test input come from the programs right on the most train
    pairs, those whose test predictions look like the train outputs (shape, colours) first: then
    the fewer statements first (attempt_order="rank"), or in the programs' order
    (attempt_order="given": a store export, which a search ranked; as battc run --attempt-order).

    evaluate="until-train-fails" stops a program on a task at its first wrong train pair (the same
    tasks solved, far fewer evaluations; its later samples have status "skipped"); "all" runs
    everything; "auto" is "all" where a test output is unknown (the submission's guesses need
    every program's predictions) or on the GPU, else "until-train-fails"."""
    req: Dict[str, Any] = {**_split_tasks(tasks, solutions), **_split_programs(programs)}
    req.update(pairing=pairing, backend=backend, engine=engine, evaluate=evaluate, jobs=int(jobs), dialect=dialect,
               budget_mb=int(budget_mb), disable_passes=list(disable_passes), attempt_order=attempt_order)
    if cache_dir is not None:
        req["cache_dir"] = os.fspath(cache_dir)
    out = json.loads(_battc.run(json.dumps(req)))
    results = out["results"]
    tasks_json = results["tasks"]
    status: Dict[str, Dict[str, List[Optional[str]]]] = {}
    match: Dict[str, Dict[str, List[Optional[int]]]] = {}
    for tid, t in tasks_json.items():
        status[tid] = {p: v["status"] for p, v in t["programs"].items()}
        match[tid] = {p: v["match"] for p, v in t["programs"].items()}
    return RunResult(
        tasks=out["tasks"],
        programs=out["programs"],
        solved={tid: t["solved_by"] for tid, t in tasks_json.items() if t["solved_by"]},
        status=status,
        match=match,
        samples={tid: t["samples"] for tid, t in tasks_json.items()},
        predictions=out["predictions"],
        submission=out["submission"],
        summary=results["summary"],
        results=results,
        diagnostics=out["diagnostics"],
        accepted=out["accepted"],
        rejected=out["rejected"],
        backend=out["backend"],
        engine=out["engine"],
        times=out["times"],
    )


def check(programs: Any, *, dialect: str = "auto") -> CheckResult:
    """Parse and type-check programs; nothing runs."""
    req = {**_split_programs(programs), "dialect": dialect}
    out = json.loads(_battc.check(json.dumps(req)))
    return CheckResult(accepted=out["accepted"], rejected=out["rejected"], diagnostics=out["diagnostics"])


def search(tasks: Union[PathLike, Iterable[PathLike]], programs: Union[PathLike, Iterable[PathLike]], store: PathLike,
           *, rounds: int = 0, minutes: float = 0, seed: int = 1, jobs: int = 0, resume: bool = False,
           solutions: Optional[PathLike] = None, cache_dir: Optional[PathLike] = None,
           submission: Optional[PathLike] = None, select_on_test: bool = False,
           strategy: str = "auto", backend: str = "cpu", seeds_on: str = "all") -> Dict[str, Any]:
    """Program search (battc search): mutate the best, keep the best per task in `store` (SQLite).

    `programs` may be empty (a search from nothing): enumeration makes the first programs.
    `strategy`: "auto" (each round to mutation or enumeration, whichever found more lately),
    "mutate" or "enumerate". `seeds_on`: round 0 runs every seed, its prefixes and its conjugates
    (turned or mirrored, kept where they fit) on every task ("all") or each seed on the task it is
    named for ("own").

    Known test outputs steer nothing unless select_on_test: the search reads train pairs, and the
    test outputs once, to score its final attempts (`verified`, `kaggle_score`). `submission`
    writes the Kaggle submission.json of those attempts. `backend` ("cpu", "cuda", "auto": the GPU
    when usable) is where the rounds and those final attempts are evaluated (on the GPU by the
    device specs engine; the results are the same). Returns the report `battc search
    --report-json` writes (the same writer), whose "backend" says where the evaluations ran."""
    req: Dict[str, Any] = {
        "task_paths": [os.fspath(t) for t in _as_list(tasks)],
        "program_files": [os.fspath(p) for p in _as_list(programs)],
        "store": os.fspath(store), "rounds": int(rounds), "minutes": float(minutes), "seed": int(seed),
        "jobs": int(jobs), "resume": bool(resume), "select_on_test": bool(select_on_test),
        "strategy": str(strategy), "backend": str(backend), "seeds_on": str(seeds_on),
    }
    if submission is not None:
        req["submission"] = os.fspath(submission)
    if solutions is not None:
        req["solutions"] = os.fspath(solutions)
    if cache_dir is not None:
        req["cache_dir"] = os.fspath(cache_dir)
    return json.loads(_battc.search(json.dumps(req)))


def merge_stores(inputs: Iterable[PathLike], out: PathLike) -> Dict[str, int]:
    """battc store merge: one new store `out` holding the union of the stores `inputs` (of one
    search: the same seeds and options; tasks may differ), each task's best kept by the search's
    ranking. The result does not depend on the order of `inputs`, and a search resumes it with
    any seed. Returns {"stores", "programs", "tasks", "rounds"}; raises BattcError on a store of
    other seeds or options, or an `out` that exists."""
    return json.loads(_battc.merge_stores([os.fspath(p) for p in inputs], os.fspath(out)))


def doctor(cache_dir: Optional[PathLike] = None) -> Dict[str, Any]:
    """What battc found: its files, the C++ compiler, NVRTC/nvJitLink, GPUs, the cache."""
    return json.loads(_battc.doctor(os.fspath(cache_dir) if cache_dir is not None else ""))
