"""tests/python/distributed_test.py: battc.distributed, the island-model search on Ray, run by
tools/ray_test.sh in the venv the wheel is installed in.

    python distributed_test.py no-ray SRC    without Ray: importing battc.distributed says
                                             how to get it
    python distributed_test.py islands SRC   with Ray, on a local cluster of 2 CPUs and 20
                                             ARC-AGI-1 training tasks from $ARC_DATA

The islands' checks: 2 workers x 2 epochs of 2 rounds give the same merged store as a second
run with the same seed (and another seed another); a worker killed mid-epoch (the test hook
BATTC_TEST_KILL_WORKER) is run again by Ray and the final store is the same; a kept store
resumes; the merge binding refuses an existing output; a worker's BattcError reaches the
driver as BattcError. That a merge does not depend on its inputs' order is
tests/runtime/store_merge_test.cpp's. Prints [PASS] / [FAIL] per check and "[SKIP] why" when
it cannot run (no ARC data); exits 1 if a check failed.
"""
import os
import sqlite3
import sys
import tempfile

# The seed programs are the golden test's (tests/golden/arc1/programs.py), written for this
# project: the test needs no fetched code.
failed = 0


def check(ok, what, detail=""):
    global failed
    print(("[PASS] " if ok else "[FAIL] ") + what + ("" if ok or not detail else f": {detail}"))
    failed += 0 if ok else 1


def no_ray():
    try:
        import battc.distributed  # noqa: F401
    except ImportError as e:
        check("pip install battc[ray]" in str(e), "without Ray, battc.distributed says: " + str(e), str(e))
        return
    check(False, "without Ray, importing battc.distributed raised nothing")


# What the seeds decide in a store: every table, but for the rounds' clock columns.
TIMED = {"seconds", "generate_s", "compile_s", "run_s", "score_s", "store_s"}


def store_content(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    out = []
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for table in tables:
        cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[1] not in TIMED]
        rows = db.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {', '.join(cols)}").fetchall()
        out.append((table, cols, rows))
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    db.close()
    assert integrity == "ok", (path, integrity)
    return out


def arc_tasks(src):
    """20 training tasks: 10 of the golden test's (their seeds fit most) and the first 10 others
    by id (where the search climbs from partial scores)."""
    arc = os.environ.get("ARC_DATA", "")
    folder = os.path.join(arc, "ARC-AGI-1", "training")
    golden = open(os.path.join(src, "tests", "golden", "arc1", "tasks.txt")).read().split()
    if not arc or not all(os.path.isfile(os.path.join(folder, f"{i}.json")) for i in golden[:10]):
        print(f"[SKIP] ARC_DATA ({arc or 'not set'}) has no ARC-AGI-1/training with the golden test's tasks")
        sys.exit(0)
    others = sorted(n[:-5] for n in os.listdir(folder) if n.endswith(".json") and n[:-5] not in golden)
    return [os.path.join(folder, f"{i}.json") for i in golden[:10] + others[:10]]


def islands(src):
    import battc
    import battc.distributed as bd
    import ray

    tasks = arc_tasks(src)
    programs = os.path.join(src, "tests", "golden", "arc1", "programs.py")
    work = tempfile.mkdtemp(prefix="islands-", dir=os.getcwd())  # tools/ray_test.sh's scratch folder
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    lines = []

    def run(name, **kw):
        args = dict(workers=2, epochs=2, rounds_per_epoch=2, seed=5, progress=lines.append)
        args.update(kw)
        return bd.search(tasks=tasks, programs=programs, store=os.path.join(work, name), **args)

    first = run("a.db")
    check_first_run(first, lines)
    run("b.db")
    check(store_content(os.path.join(work, "a.db")) == store_content(os.path.join(work, "b.db")),
          "the same seed gives the same merged store (2 workers x 2 epochs of 2 rounds)")
    run("other.db", seed=6)  # so that the comparisons above and below are not vacuous
    check(store_content(os.path.join(work, "a.db")) != store_content(os.path.join(work, "other.db")),
          "another seed gives another merged store")
    check_killed_worker(run, work)
    check_resume(run, work)
    check_merge_binding(battc, work)
    check_worker_error(bd, battc, tasks, work)
    ray.shutdown()


def check_first_run(r, lines):
    per_epoch = [[w["seed"] for w in e["workers"]] for e in r["epochs"]]
    seeds = [s for e in per_epoch for s in e]
    check(len(r["epochs"]) == 2 and all(len(e) == 2 for e in per_epoch) and len(set(seeds)) == 4,
          "2 epochs of 2 workers, each with a seed of its own", str(per_epoch))
    check(r["epochs"][-1]["merged"]["rounds"] == 4 and all(w["rounds"] == 2 for e in r["epochs"] for w in e["workers"]),
          "every worker searched 2 rounds; the merged store ends at round 4")
    check(len(lines) == 2 and all(ln.startswith(f"epoch {i + 1}/2: ") and "evaluations/s" in ln and "fit train" in ln
                                  for i, ln in enumerate(lines)), "one progress line per epoch", str(lines))
    for ln in lines:
        print("   ", ln)


def check_killed_worker(run, work):
    marker = os.path.join(work, "killed")
    os.environ["BATTC_TEST_KILL_WORKER"] = f"1/0:{marker}"
    try:
        run("killed.db")
    finally:
        del os.environ["BATTC_TEST_KILL_WORKER"]
    check(os.path.exists(marker), "the test hook killed worker 0 in epoch 1 after a round")
    check(store_content(os.path.join(work, "a.db")) == store_content(os.path.join(work, "killed.db")),
          "a worker killed mid-epoch and run again by Ray: the same final store")


def check_resume(run, work):
    import battc
    try:
        run("a.db", epochs=1)
        check(False, "a store that holds a search is refused without resume")
    except battc.BattcError as e:
        check("resume" in str(e), "a store that holds a search is refused without resume", str(e))
    r = run("a.db", epochs=1, resume=True)
    check(r["epochs"][0]["merged"]["rounds"] == 6, "resume=True continues the kept store (round 4 to 6)",
          str(r["epochs"][0]["merged"]))


def check_merge_binding(battc, work):
    try:
        battc.merge_stores([os.path.join(work, "b.db")], os.path.join(work, "a.db"))
        check(False, "battc.merge_stores refuses an output that exists")
    except battc.BattcError as e:
        check("exists" in str(e), "battc.merge_stores refuses an output that exists", str(e))


def check_worker_error(bd, battc, tasks, work):
    bad = "def solve_x(I):\n    O = no_such_primitive(I)\n    return O\n"
    try:
        bd.search(tasks=tasks, programs=bad, store=os.path.join(work, "bad.db"), workers=1, rounds_per_epoch=1,
                  progress=None)
        check(False, "seeds a worker refuses raise BattcError")
    except battc.BattcError as e:
        check(str(e) == "no seed program was accepted", "seeds a worker refuses: BattcError with battc's message",
              str(e))


if __name__ == "__main__":
    {"no-ray": lambda: no_ray(), "islands": lambda: islands(sys.argv[2])}[sys.argv[1]]()
    sys.exit(1 if failed else 0)
