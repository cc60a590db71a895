#!/usr/bin/env bash
# tools/offline_test.sh: battc as a user outside the source tree gets it.
#   1. the wheel (pip wheel ., scikit-build-core + nanobind), installed with
#      --no-index into a fresh virtual environment;
#   2. from an empty folder: the demo through the console script and through
#      Python (paths, then tasks and programs in memory), arc-dsl-style
#      programs on ARC-AGI-1 tasks (with $ARC_DATA), CLI and Python agreeing
#      (runs, search reports, an injected internal error);
#   3. no CUDA library in ldd of the executable or the module, and no
#      installed file naming the source or build folder;
#   4. `cmake --install` of BUILD_DIR into a prefix, moved elsewhere: the demo
#      runs, and `battc compile --target cuda` works with NVRTC and nvJitLink
#      from the NVIDIA wheels in a venv while /usr/local/cuda is hidden (a
#      private mount namespace; needs root and PyPI, else reported skipped).
# Usage: tools/offline_test.sh [BUILD_DIR]   (BUILD_DIR: a configured build
# tree with the DSL device library, for step 4; default build/)
# Env: PYTHON (python3), BATTC_OFFLINE_WORK (a scratch folder, kept; default
# a temporary one, removed), BATTC_WHEEL_BUILD_DIR (scikit-build-core's build
# folder, reused between runs; default <source>/build-wheel), BATTC_WHEEL (a
# wheel already built, installed instead of building one).
# Prints "N passed, N failed, N skipped" last; exit 1 if any check failed. A
# check that cannot run here prints "[part skipped] why"; when nothing can run
# (no venv, no PyPI for the build tools) it prints "[SKIP] why" and exits 0,
# which CTest reports as skipped.
set -uo pipefail

SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "${1:-$SRC/build}" 2>/dev/null && pwd || true)
PY=${PYTHON:-python3}
NAME=offline
. "$SRC/tools/script_checks.sh"
WHEEL_BUILD=${BATTC_WHEEL_BUILD_DIR:-$SRC/build-wheel}

# 1. The wheel. Its build tools come from PyPI into a build venv (the
#    install is the offline step; tools/wheel_venv.sh).
. "$SRC/tools/wheel_venv.sh"

# 2. From an empty folder outside the source tree.
mkdir -p "$WORK/empty" && cd "$WORK/empty"
export BATTC_CACHE_DIR=$WORK/cache
if "$VBIN/battc" run --quiet --out cli_demo > demo.txt 2>&1 && grep -q "^tasks solved: 5/5" demo.txt; then
  ok "console script: battc run (demo): $(grep '^tasks solved' demo.txt | head -1)"
else
  cat demo.txt; bad "console script: battc run (demo)"
fi
DEMO=$PKG/share/battc/demo
if "$VBIN/python" - "$DEMO" cli_demo/results.json > py_demo.txt 2>&1 <<'PYEOF'
import json, sys, glob, os
import battc
demo, cli = sys.argv[1], json.load(open(sys.argv[2]))
r = battc.run(tasks=demo, programs=os.path.join(demo, "programs.py"))
want = {t: v["solved_by"] for t, v in cli["tasks"].items() if v["solved_by"]}
assert r.solved == want, (r.solved, want)
# The same tasks and programs in memory: a dict of tasks, program source text.
tasks = {os.path.basename(f)[:-5]: json.load(open(f)) for f in glob.glob(os.path.join(demo, "*.json"))}
source = open(os.path.join(demo, "programs.py")).read()
m = battc.run(tasks=tasks, programs=source, backend="cpu")
assert m.solved == want, (m.solved, want)
assert len(m.solved_matrix) == len(m.tasks) and all(len(row) == len(m.programs) for row in m.solved_matrix)
assert all(m.best[t][0]["program"] in m.solved[t] for t in m.solved) and m.near_misses == []
# A prediction is a list of lists of ints.
task, progs = next(iter(m.solved.items()))
pred = m.predictions[task][progs[0]][0]
assert isinstance(pred, list) and all(isinstance(c, int) for row in pred for c in row)
# Errors are BattcError with battc's message.
try:
    battc.run(tasks=tasks, programs="def solve_x(I):\n    O = no_such_primitive(I)\n    return O\n")
    raise SystemExit("a program set with nothing accepted did not raise")
except battc.BattcError as e:
    assert "no program was accepted" in str(e), str(e)
c = battc.check(source)
assert c.ok and c.accepted, c
# Two bare tasks in one list: both run, each under an id of its own.
two = [tasks[k] for k in sorted(tasks)[:2]]
b = battc.run(tasks=two, programs=source, backend="cpu")
assert sorted(b.tasks) == ["task_1", "task_2"], b.tasks
# The attempts in the programs' order (a store export's): the same run otherwise.
g = battc.run(tasks=tasks, programs=source, backend="cpu", attempt_order="given")
assert g.solved == want, (g.solved, want)
try:
    battc.run(tasks=tasks, programs=source, attempt_order="best")
    raise SystemExit("attempt_order='best' did not raise")
except battc.BattcError as e:
    assert "attempt_order 'best'" in str(e), str(e)
# One round of search over the demo, into a new store.
s = battc.search(tasks=demo, programs=os.path.join(demo, "programs.py"), store="search.db", rounds=1, seed=3)
assert s["rounds"] == 1 and s["fits_train"] == len(want) and s["verified"] == len(want), s
json.dump(s, open("py_search.json", "w"))
print("python: solved", sorted(r.solved))
PYEOF
then ok "python: battc.run on paths, in memory and on two bare tasks equals the CLI, check, one search round ($(tail -1 py_demo.txt))"
else
  cat py_demo.txt; bad "python: battc.run (demo)"
fi
# The same search from the CLI: the same report, but for the clock.
if "$VBIN/battc" search -q --tasks "$DEMO" --programs "$DEMO/programs.py" --store cli_search.db --rounds 1 --seed 3 \
     --report-json cli_search.json > cli_search.txt 2>&1 &&
   "$VBIN/python" -c '
import json
timed = {"seconds", "evaluations_per_second", "phases"}
py, cli = (json.load(open(f)) for f in ("py_search.json", "cli_search.json"))
def strip(j):
    out = {k: v for k, v in j.items() if k not in timed}
    out["strategies"] = {k: {f: x for f, x in v.items() if f != "seconds"} for k, v in out.get("strategies", {}).items()}
    return out
assert strip(py) == strip(cli), (strip(py), strip(cli))
assert set(py) == set(cli)' > search_cmp.txt 2>&1; then
  ok "battc search --report-json and battc.search() give the same report"
else
  cat cli_search.txt search_cmp.txt; bad "battc search --report-json and battc.search() differ"
fi
# A bug of battc's (injected in the specs engine): exit 70 from the CLI,
# BattcError from Python, never an abort.
BATTC_TEST_INTERNAL_ERROR=spec_engine.prologue "$VBIN/battc" run -q --engine specs --out cli_bug > bug.txt 2>&1
code=$?
if [ "$code" -eq 70 ] && grep -q "internal error" bug.txt &&
   BATTC_TEST_INTERNAL_ERROR=spec_engine.prologue "$VBIN/python" - "$DEMO" > bug_py.txt 2>&1 <<'PYEOF'
import os, sys
import battc
demo = sys.argv[1]
try:
    battc.run(tasks=demo, programs=os.path.join(demo, "programs.py"), engine="specs", backend="cpu")
    raise SystemExit("an injected internal error did not raise")
except battc.BattcError as e:
    assert "internal error" in str(e) and "report" in str(e), str(e)
PYEOF
then
  ok "an internal error: exit 70 from the CLI, BattcError from Python"
else
  cat bug.txt bug_py.txt 2>/dev/null; bad "an internal error (exit $code)"
fi

ARC=${ARC_DATA:-}
if [ -n "$ARC" ] && [ -d "$ARC/ARC-AGI-1/training" ]; then
  mkdir -p arc1_tasks
  while read -r id; do cp "$ARC/ARC-AGI-1/training/$id.json" arc1_tasks/ 2>/dev/null || true; done < "$SRC/tests/golden/arc1/tasks.txt"
  cp "$SRC/tests/golden/arc1/programs.py" arc1.py
  if "$VBIN/battc" run --quiet --tasks arc1_tasks --programs arc1.py --pairing by-name --out cli_arc1 > arc1.txt 2>&1 &&
     "$VBIN/python" -c '
import json, battc, sys
cli = json.load(open("cli_arc1/results.json"))
want = {t: v["solved_by"] for t, v in cli["tasks"].items() if v["solved_by"]}
r = battc.run(tasks="arc1_tasks", programs="arc1.py", pairing="by-name")
assert r.solved == want and len(want) > 0, (len(r.solved), len(want))
print(len(want))' > arc1_py.txt 2>&1; then
    ok "arc-dsl-style programs on ARC-AGI-1 tasks: CLI and Python agree ($(tail -1 arc1_py.txt) tasks solved)"
  else
    cat arc1.txt arc1_py.txt; bad "arc-dsl-style programs on ARC-AGI-1 tasks"
  fi
else
  skip "ARC_DATA not set (or without ARC-AGI-1/training): arc-dsl-style programs on ARC-AGI-1 not run"
fi

# 3. What the install links and names.
EXE=$PKG/bin/battc
MOD=$(ls "$PKG"/_battc*.so)
if ldd "$EXE" "$MOD" | grep -Ei 'cuda|nvrtc|nvjitlink'; then bad "ldd lists a CUDA library"
else ok "ldd of the executable and the module lists no CUDA library"; fi
# The wheel is tagged linux_x86_64: it needs this glibc or newer (docs/install.md).
glibc=$(objdump -T "$EXE" "$MOD" 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)
echo "the installed executable and module need ${glibc:-an unknown glibc} or newer"
for dir in "$SRC" ${BUILD:+"$BUILD"} "$WHEEL_BUILD"; do
  if hits=$(grep -rlF "$dir" "$PKG" 2>/dev/null) && [ -n "$hits" ]; then
    bad "installed files name $dir: $(echo "$hits" | head -3 | tr '\n' ' ')"
  else
    ok "no installed file names $dir"
  fi
done

# 4. A relocated install prefix, and the CUDA JIT from the NVIDIA wheels.
if [ -z "$BUILD" ] || [ ! -f "$BUILD/CMakeCache.txt" ]; then
  skip "no build folder given: the relocated-prefix checks were not run"; finish
fi
cmake --install "$BUILD" --prefix "$WORK/prefix" > /dev/null || { bad "cmake --install failed"; finish; }
mv "$WORK/prefix" "$WORK/moved-prefix"
P=$WORK/moved-prefix
same_solved() {  # two results.json files solve the same tasks with the same programs
  "$PY" -c 'import json, sys
a, b = (json.load(open(f))["tasks"] for f in sys.argv[1:3])
sys.exit(0 if {t: v["solved_by"] for t, v in a.items()} == {t: v["solved_by"] for t, v in b.items()} else 1)' "$1" "$2"
}
if "$P/bin/battc" run --quiet --out moved_demo > moved.txt 2>&1 && same_solved moved_demo/results.json cli_demo/results.json; then
  ok "a moved install prefix runs the demo (results equal the wheel's)"
else
  cat moved.txt; bad "a moved install prefix runs the demo"
fi
ARCH=$(ls "$P/lib/battc/device" 2>/dev/null | sed -n 's/^libbattc_dsl_device_\(sm_[0-9]*\)\.a$/\1/p' | head -1)
if [ -z "$ARCH" ]; then skip "this build has no DSL device library: the CUDA JIT check was not run"; finish; fi
MAJOR=$(sed -n 's/^ok *DSL device libraries.*built with CUDA \([0-9]*\).*/\1/p;s/^no *DSL device libraries.*built with CUDA \([0-9]*\).*/\1/p' <("$P/bin/battc" doctor 2>&1) | head -1)
"$PY" -m venv "$WORK/cuda-venv"
if ! "$WORK/cuda-venv/bin/pip" install -q "nvidia-cuda-nvrtc==${MAJOR:-13}.*" "nvidia-nvjitlink==${MAJOR:-13}.*" > pipcuda.txt 2>&1; then
  tail -3 pipcuda.txt; skip "the NVIDIA NVRTC/nvJitLink wheels could not be installed from PyPI"; finish
fi
cat > cuda_check.sh <<SHEOF
set -e
[ -e /usr/local/cuda ] && mount -t tmpfs none /usr/local/cuda/
export VIRTUAL_ENV=$WORK/cuda-venv
unset CUDA_HOME CUDA_PATH BATTC_CUDA_HOME
"$P/bin/battc" doctor > doctor.txt 2>&1 || true
"$P/bin/battc" compile --target cuda --arch $ARCH --programs "$P/share/battc/demo/programs.py" --cache-dir "$WORK/cuda-cache"
SHEOF
if ! unshare --mount --propagation private true 2>/dev/null; then
  skip "no private mount namespace (unshare needs root): /usr/local/cuda cannot be hidden"; finish
fi
if unshare --mount --propagation private bash cuda_check.sh > cuda.txt 2>&1 && grep -q "^compiled" cuda.txt &&
   grep -E '^ok +NVRTC' doctor.txt | grep -qF "$WORK/cuda-venv" && grep -E '^ok +nvJitLink' doctor.txt | grep -qF "$WORK/cuda-venv"; then
  ok "battc compile --target cuda ($ARCH) from the moved prefix with NVRTC/nvJitLink from the NVIDIA wheels, /usr/local/cuda hidden"
  grep -E 'NVRTC|nvJitLink' doctor.txt
else
  cat doctor.txt cuda.txt; bad "CUDA compile with the NVIDIA wheels"
fi
finish
