#!/usr/bin/env bash
# tools/kaggle_rehearsal.sh: the Kaggle notebook, rehearsed offline as Kaggle
# runs it, for every Python a wheel was built for (tools/build_wheels.sh):
#   1. a fresh venv of that Python, `pip install --no-index` of the wheel
#      (pip picks the one whose tags fit: cp310, cp311, or cp312-abi3 for
#      3.12 and 3.13);
#   2. with no network (`unshare -n`), no C++ compiler (PATH holds only the
#      venv's bin/, $CXX is unset, HOME and the cache are new and empty), from
#      an empty folder: examples/kaggle_submission.py on the Kaggle-format
#      challenges file in $ARC_DATA/kaggle with the seed programs of
#      tests/golden/arc1 and a budget of BATTC_REHEARSAL_MINUTES (2) minutes;
#   3. battc said it had no compiler (prebuilt spec packs only), and the
#      submission is valid: every task, every test input, attempt_1 and
#      attempt_2 each a grid (rows of equal length, cells 0-9); then it is
#      scored against the solutions file and the score printed.
# The Pythons run side by side, one evaluation thread each, so the whole takes
# about one budget (BATTC_REHEARSAL_SERIAL=1: one after the other, all cores).
# Usage: tools/kaggle_rehearsal.sh [WHEEL_DIR]   (default build-wheels/dist)
# Env: BATTC_PYTHONS ("3.10 3.11 3.12 3.13"), ARC_DATA (../shared/arc),
# BATTC_REHEARSAL_MINUTES, BATTC_OFFLINE_WORK (a scratch folder, kept).
# Prints "N passed, N failed, N skipped" last; exit 1 if a check failed.
# "[SKIP] why" (no wheel, no Kaggle-format data) exits 0: CTest's skipped.
set -uo pipefail

SRC=$(cd "$(dirname "$0")/.." && pwd)
DIST=$(cd "${1:-$SRC/build-wheels/dist}" 2>/dev/null && pwd || true)
NAME=kaggle
. "$SRC/tools/script_checks.sh"
ARC=${ARC_DATA:-$SRC/../shared/arc}
[ "${ARC#/}" = "$ARC" ] && { [ -d "$PWD/$ARC" ] && ARC=$PWD/$ARC || ARC=$SRC/$ARC; }
KAGGLE=$ARC/kaggle
CHALLENGES=$(ls "$KAGGLE"/arc-agi_*_challenges.json 2>/dev/null | head -1)
SOLUTIONS=${CHALLENGES%_challenges.json}_solutions.json
MINUTES=${BATTC_REHEARSAL_MINUTES:-2}

[ -n "$DIST" ] && ls "$DIST"/battc-*.whl > /dev/null 2>&1 || skip_all "no battc wheel in ${1:-build-wheels/dist} (tools/build_wheels.sh makes them)"
[ -f "$CHALLENGES" ] && [ -f "$SOLUTIONS" ] || skip_all "no Kaggle-format challenges and solutions pair in $KAGGLE"

. "$SRC/tools/find_python.sh"

# No network: a network namespace of its own (root, or a user namespace).
NONET=()
if unshare -n true 2> /dev/null; then NONET=(unshare -n)
elif unshare -rn true 2> /dev/null; then NONET=(unshare -rn)
else skip "unshare -n is not permitted here: the rehearsal runs with the network"; fi

JOBS=1; [ -n "${BATTC_REHEARSAL_SERIAL:-}" ] && JOBS=0
cp "$SRC/tests/golden/arc1/programs.py" "$WORK/seeds.py"
cp "$SRC/examples/kaggle_submission.py" "$WORK/kaggle_submission.py"

# Installs the wheel for Python $1 into a fresh venv, then runs the notebook
# script there as Kaggle would; its output in $WORK/$1.out.
rehearse() {
  local v=$1 py=$2 venv=$WORK/venv-$1 run=$WORK/run-$1
  "$py" -m venv "$venv" > /dev/null 2>&1 || { echo "python -m venv failed"; return 1; }
  "$venv/bin/pip" install -q --disable-pip-version-check --no-index --find-links "$DIST" battc ||
    { echo "pip install --no-index battc failed"; return 1; }
  mkdir -p "$run" "$WORK/home-$v" && cd "$run" || return 1
  local t0; t0=$(date +%s)
  "${NONET[@]}" env -i PATH="$venv/bin" HOME="$WORK/home-$v" LANG=C.UTF-8 \
    "$venv/bin/python" "$WORK/kaggle_submission.py" --challenges "$CHALLENGES" --solutions "$SOLUTIONS" \
    --programs "$WORK/seeds.py" --minutes "$MINUTES" --epoch-minutes 1 --jobs "$JOBS" --out "$run/submission.json"
  local rc=$?
  echo "wall: $(( $(date +%s) - t0 )) s"
  return $rc
}

# The submission's format against the challenges; prints the score.
check_submission() {
  "$1" - "$CHALLENGES" "$SOLUTIONS" "$2" <<'PYEOF'
import json, sys
challenges, solutions, sub = (json.load(open(p)) for p in sys.argv[1:4])
def grid(g):
    return (isinstance(g, list) and g and all(isinstance(r, list) and r for r in g)
            and len({len(r) for r in g}) == 1
            and all(isinstance(c, int) and not isinstance(c, bool) and 0 <= c <= 9 for r in g for c in r))
missing = [t for t in challenges if t not in sub]
assert not missing, f"{len(missing)} tasks missing, e.g. {missing[:3]}"
for t, task in challenges.items():
    assert isinstance(sub[t], list) and len(sub[t]) == len(task["test"]), f"{t}: {len(sub[t])} entries for {len(task['test'])} test inputs"
    for i, e in enumerate(sub[t]):
        for a in ("attempt_1", "attempt_2"):
            assert a in e and grid(e[a]), f"{t} test {i}: {a} is not a grid"
score = sum(sum(1 for i, want in enumerate(outs) if want in (sub[t][i]["attempt_1"], sub[t][i]["attempt_2"])) / len(outs)
            for t, outs in solutions.items())
print(f"valid: {len(challenges)} tasks, {sum(len(t['test']) for t in challenges.values())} test inputs; "
      f"score {score:.2f} of {len(solutions)} tasks ({100 * score / len(solutions):.1f}%)")
PYEOF
}

VERSIONS=()
for v in ${BATTC_PYTHONS:-3.10 3.11 3.12 3.13}; do
  py=$(find_python "$v")
  if [ -z "$py" ]; then skip "no python$v here: not rehearsed"; continue; fi
  VERSIONS+=("$v")
  if [ -n "${BATTC_REHEARSAL_SERIAL:-}" ]; then (rehearse "$v" "$py" > "$WORK/$v.out" 2>&1; echo $? > "$WORK/$v.rc")
  else (rehearse "$v" "$py" > "$WORK/$v.out" 2>&1; echo $? > "$WORK/$v.rc") & fi
done
wait
[ ${#VERSIONS[@]} -gt 0 ] || skip_all "none of the Pythons ${BATTC_PYTHONS:-3.10 3.11 3.12 3.13} is installed here"

for v in "${VERSIONS[@]}"; do
  out=$WORK/$v.out
  wheel=$(sed -n 's/^Tag: //p' "$WORK/venv-$v"/lib/python*/site-packages/battc-*.dist-info/WHEEL 2>/dev/null | head -1)
  if [ "$(cat "$WORK/$v.rc")" != 0 ]; then
    tail -30 "$out"; bad "python $v: the notebook script failed"; continue
  fi
  if grep -q "no C++ compiler: prebuilt spec packs only" "$out"; then ok "python $v: battc ran with no compiler (prebuilt spec packs only), wheel tag $wheel"
  else grep '^battc:' "$out"; bad "python $v: battc did not report the prebuilt-only mode"; fi
  if res=$(check_submission "$WORK/venv-$v/bin/python" "$WORK/run-$v/submission.json" 2>&1); then
    ok "python $v: submission $res; $(grep -o 'done in .* epochs' "$out"), $(grep '^wall:' "$out")"
  else
    echo "$res"; bad "python $v: the submission is not valid"
  fi
  grep -E '^(score|[0-9]+ candidates skipped)' "$out" | sed "s/^/   python $v: /"
done
finish
