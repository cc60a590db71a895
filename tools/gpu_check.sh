#!/usr/bin/env bash
# tools/gpu_check.sh: the GPU check, one script for a machine with an NVIDIA
# GPU (issue: "the GPU executor fills a GPU"), in at most 8 minutes there:
#   1. the GPU it sees (nvidia-smi) and its compute capability;
#   2. battc and the golden tests: either a Release build with the DSL device
#      library for that architecture only (the long part of a build), or,
#      with --bundle, the prebuilt bundle of tools/gpu_bundle.sh, for a
#      machine where nothing can be installed (its libraries resolved by ldd,
#      battc doctor, a device library for the GPU's architecture);
#   3. the golden tests on the GPU ([gpu]: the CUDA unit's dump equals the
#      CPU's; [device_specs]: the device specs engine's dumps equal the
#      CPU's on demo, arc1, tk1 and arc-dsl's solvers on 40 tasks, and what
#      its compile of statement shapes costs) and on the stand-in device
#      ([gpu_exec], arc-dsl's solvers left to the CPU tests);
#   4. tools/gpu_benchmark.py --check-dumps on the ARC-AGI-1 training cross
#      product of arc-dsl's solvers, by the specs engine (on the GPU the
#      device specs engine): CPU and GPU run time, their ratio, the compile
#      times (the device spec packs cold), and whether the dumps are equal;
#   5. one search round (arc-dsl's solvers as seeds on ARC-AGI-1 training,
#      else the demo): on the GPU (`battc search --backend cuda`, the device
#      specs engine) when `battc search` has --backend, else on the CPU, said
#      so.
# Every step runs under a time limit that keeps the whole within 8 minutes. A
# failed build (or bundle) stops the script; a failed check is reported and
# the next one runs, so one run on a GPU machine says all it can; the exit
# status is the first failed step's. The figures (the GPU, each step's status
# and seconds, the golden tests' counts, the benchmark's and the search's
# figures) go to one file, FIG_DIR/gpu_check.json, and each step's output to
# FIG_DIR/gpu_check_logs/.
#
# Usage: tools/gpu_check.sh [BUILD_DIR]                      (default build-gpu)
#        tools/gpu_check.sh --bundle DIR [--allow-no-gpu]
#   --allow-no-gpu          run without a GPU: the GPU steps report themselves
#                           skipped (tools/gpu_bundle_test.sh); otherwise no
#                           GPU means exit 2
#   ARC_DATA                the ARC data folder (default: ../shared/arc; with
#                           --bundle, the bundle's data/arc)
#   BATTC_ARC_DSL_SOLVERS   arc-dsl's solvers.py (fetched, never in the
#                           project; with --bundle, the bundle's copy if it has
#                           one); without it step 4 is skipped, said so
#   GPU_CHECK_MAX_TASKS     tasks for step 4 (default 0: all 400)
#   GPU_CHECK_OUT           FIG_DIR (default: $OUT when set, else the folder
#                           holding the bundle, or BUILD_DIR)
set -uo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUNDLE="" BUILD="" ALLOW_NO_GPU=0
while (($#)); do
  case $1 in
    --bundle) [[ $# -ge 2 && -d $2 ]] || { echo "gpu_check: --bundle needs a folder" >&2; exit 2; }
              BUNDLE=$(cd "$2" && pwd); shift 2 ;;
    --allow-no-gpu) ALLOW_NO_GPU=1; shift ;;
    -h|--help) sed -n '2,/^set -uo/{/^set -uo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    -*) echo "gpu_check: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) BUILD=$1; shift ;;
  esac
done
START=$(date +%s)
elapsed() { echo $(($(date +%s) - START)); }
step() { echo; echo "== $* ($(elapsed) s in)"; }

if [[ -n $BUNDLE ]]; then
  [[ -x $BUNDLE/bin/battc && -x $BUNDLE/bin/golden_tests ]] ||
    { echo "gpu_check: $BUNDLE is no bundle (no bin/battc, bin/golden_tests): make one with tools/gpu_bundle.sh" >&2; exit 2; }
  BATTC=$BUNDLE/bin/battc GOLDEN=$BUNDLE/bin/golden_tests TOOLS=$BUNDLE/tools DEMO=$BUNDLE/share/battc/demo
  export BATTC_TEST_SOURCE_DIR=$BUNDLE
  export ARC_DATA=${ARC_DATA:-$BUNDLE/data/arc}
  if [[ -z ${BATTC_ARC_DSL_SOLVERS:-} && -f $BUNDLE/data/arc-dsl/solvers.py ]]; then
    export BATTC_ARC_DSL_SOLVERS=$BUNDLE/data/arc-dsl/solvers.py
  fi
  FIG_DIR=${GPU_CHECK_OUT:-${OUT:-$(dirname "$BUNDLE")}}
else
  cd "$SRC"
  BUILD=$(realpath -m "${BUILD:-build-gpu}")
  BATTC=$BUILD/battc GOLDEN=$BUILD/tests/golden_tests TOOLS=$SRC/tools DEMO=$SRC/tasks/demo
  export ARC_DATA=${ARC_DATA:-$SRC/../shared/arc}
  FIG_DIR=${GPU_CHECK_OUT:-${OUT:-$BUILD}}
fi
[[ -d $ARC_DATA ]] && ARC_DATA=$(cd "$ARC_DATA" && pwd)
FIG_DIR=$(realpath -m "$FIG_DIR")
LOGS=$FIG_DIR/gpu_check_logs
WORK=$(mktemp -d "${TMPDIR:-/tmp}/battc-gpu-check.XXXXXX")
# A cold JIT cache of the check's own: compile times are real, nothing stale.
export BATTC_CACHE_DIR=$WORK/cache
STEPS=$WORK/steps.tsv FIRST_FAIL=0
: > "$STEPS"

# The figures file, written however the script ends (once there is a GPU).
write_figures() {
  [[ -d $LOGS ]] || return 0
  python3 - "$FIG_DIR/gpu_check.json" "$STEPS" "$WORK" "$(elapsed)" "${BUNDLE:-}" "${GPU_INFO:-}" <<'PYEOF' ||
import json, os, sys
out, steps, work, seconds, bundle, gpu = sys.argv[1:7]
fig = {'seconds': int(seconds), 'bundle': bundle or None, 'gpu': gpu or None, 'steps': {}}
for row in open(steps):
    name, status, secs, note = (row.rstrip('\n').split('\t') + [''] * 4)[:4]
    fig['steps'][name] = {'status': status, 'seconds': int(secs), **({'note': note} if note else {})}
for key, file in (('cross_product', 'bench.json'), ('search', 'search.json')):
    path = os.path.join(work, file)
    if os.path.exists(path):
        try:
            fig[key] = json.load(open(path))
        except ValueError:
            fig[key] = {'unreadable': path}
json.dump(fig, open(out, 'w'), indent=1)
print('figures: ' + out)
PYEOF
    echo "gpu_check: could not write $FIG_DIR/gpu_check.json" >&2
}
finish() {
  local code=$?
  ((FIRST_FAIL)) && code=$FIRST_FAIL
  write_figures
  rm -rf "$WORK"
  exit "$code"
}
trap finish EXIT

# record NAME STATUS SECONDS [NOTE]: one line of the figures' steps.
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "${4:-}" >> "$STEPS"; }

# run_step NAME LIMIT_S COMMAND...: the command under `timeout`, its output
# shown and kept in LOGS/NAME.log; a failure is recorded and remembered. A
# command that printed "[SKIP] why" and nothing failing is recorded skipped.
run_step() {
  local name=$1 limit=$2 t0 code status
  shift 2
  t0=$(date +%s)
  timeout "$limit" "$@" 2>&1 | tee "$LOGS/$name.log"
  code=${PIPESTATUS[0]}
  if ((code == 124)); then status="timed out after $limit s"
  elif ((code != 0)); then status="failed (exit $code)"
  elif grep -q '^\[SKIP\]' "$LOGS/$name.log"; then status=skipped
  else status=passed; fi
  record "$name" "$status" $(($(date +%s) - t0)) "$(grep -E '^\[SKIP\]|^All tests passed|^test cases:|^dumps:|^search:' "$LOGS/$name.log" | awk '!seen[$0]++' | head -3 | paste -sd';' -)"
  if ((code != 0)); then
    echo "gpu_check: step $name: $status" >&2
    ((FIRST_FAIL)) || FIRST_FAIL=$code
  fi
  return "$code"
}
# Seconds left of the 8 minutes, less what later steps need, at least MIN.
left() { local l=$((480 - $(elapsed) - $1)); ((l < $2)) && l=$2; echo "$l"; }

step "1. the GPU"
HAVE_GPU=0
if command -v nvidia-smi > /dev/null && nvidia-smi -L; then
  HAVE_GPU=1
  GPU_INFO=$(nvidia-smi --query-gpu=name,compute_cap,driver_version,memory.total --format=csv,noheader | head -1)
  CC_CAP=$(nvidia-smi --query-gpu=compute_cap --format=csv,noheader | head -1 | tr -d ' .')
  echo "compute capability: sm_${CC_CAP}"
  record gpu passed 0 "$GPU_INFO"
elif ((ALLOW_NO_GPU)); then
  echo "no NVIDIA GPU here (nvidia-smi missing or failing): --allow-no-gpu, so the GPU steps report themselves skipped"
  record gpu skipped 0 "no GPU (--allow-no-gpu)"
else
  echo "gpu_check: no NVIDIA GPU here (nvidia-smi missing or failing); nothing to check" >&2
  exit 2
fi
mkdir -p "$LOGS"

if [[ -n $BUNDLE ]]; then
  step "2. the bundle ($BUNDLE)"
  [[ -f $BUNDLE/BUNDLE.txt ]] && cat "$BUNDLE/BUNDLE.txt"
  # Both binaries must load (ldd names a missing library or version; a
  # broken one shows only when the binary runs), and battc find its layout.
  missing=$(ldd "$BATTC" "$GOLDEN" 2>&1 | grep -E 'not found|too short|error')
  "$GOLDEN" --list-tags > "$LOGS/golden_tags.log" 2>&1 || missing+=$'\n'$(tail -1 "$LOGS/golden_tags.log")
  "$BATTC" doctor 2>&1 | tee "$LOGS/doctor.log"
  code=${PIPESTATUS[0]}
  ((code == 0)) || missing+=$'\n'"battc doctor: exit $code: $(grep -E '^FAIL|error' "$LOGS/doctor.log" | paste -sd';' -)"
  if [[ -n ${missing//$'\n'/} ]]; then
    echo "$missing"
    record bundle "failed: the bundle does not run here" 0 "$(echo "$missing" | grep . | paste -sd';' -)"
    echo "gpu_check: the bundle's binaries do not run on this machine (above: a library missing, or battc doctor failing)" >&2
    exit 1
  fi
  if ((HAVE_GPU)) && ! grep -q 'GPU runs: ready' "$LOGS/doctor.log"; then
    record bundle "failed: GPU runs not available" 0 "$(grep -E '^(no|FAIL) ' "$LOGS/doctor.log" | paste -sd';' -)"
    echo "gpu_check: battc from the bundle cannot run on this GPU (battc doctor, above); device libraries: $(ls "$BUNDLE/lib/battc/device")" >&2
    exit 1
  fi
  record bundle passed 0 "$(grep -E '^CPU runs' "$LOGS/doctor.log")"
else
  step "2. build (Release, device library for sm_${CC_CAP:-none})"
  GEN=()
  command -v ninja > /dev/null && GEN=(-G Ninja)
  ARCHS=()
  [[ -n ${CC_CAP:-} ]] && ARCHS=("-DBATTC_CUDA_ARCHS=${CC_CAP}")
  run_step configure 300 cmake -S . -B "$BUILD" "${GEN[@]}" -DCMAKE_BUILD_TYPE=Release "${ARCHS[@]}" > /dev/null || exit
  run_step build 300 cmake --build "$BUILD" -j "$(nproc)" --target battc golden_tests || exit
fi

step "3. golden tests: on the GPU, then on the stand-in device"
run_step gpu_goldens 120 "$GOLDEN" '[gpu]~[device_specs]'
run_step device_specs_goldens 150 "$GOLDEN" '[device_specs]'
if ((HAVE_GPU)) && grep -q '^\[SKIP\] no usable GPU' "$LOGS/gpu_goldens.log"; then
  echo "gpu_check: a GPU is here but the [gpu] goldens found none usable (above)" >&2
  record gpu_goldens_ran "failed: skipped on a machine with a GPU" 0
  ((FIRST_FAIL)) || FIRST_FAIL=1
fi
run_step stand_in_goldens 90 "$GOLDEN" '[gpu_exec]~[arc_dsl]'

step "4. ARC-AGI-1 training cross product: CPU against GPU"
if [[ -z ${BATTC_ARC_DSL_SOLVERS:-} ]]; then
  echo "[SKIP] BATTC_ARC_DSL_SOLVERS is not set (the path of arc-dsl's solvers.py)"
  record cross_product skipped 0 "BATTC_ARC_DSL_SOLVERS is not set"
elif [[ ! -d $ARC_DATA/ARC-AGI-1/training ]]; then
  echo "[SKIP] no ARC-AGI-1/training under ARC_DATA=$ARC_DATA"
  record cross_product skipped 0 "no ARC-AGI-1/training under $ARC_DATA"
else
  run_step cross_product "$(left 60 60)" python3 "$TOOLS/gpu_benchmark.py" --battc "$BATTC" \
    --programs "$BATTC_ARC_DSL_SOLVERS" --tasks "$ARC_DATA/ARC-AGI-1/training" \
    --max-tasks "${GPU_CHECK_MAX_TASKS:-0}" --check-dumps --json "$WORK/bench.json"
fi

# The search on the GPU where battc search has a backend (an older battc has none).
if "$BATTC" search --help 2>&1 | grep -q -- '--backend'; then
  BACKEND=cpu
  ((HAVE_GPU)) && BACKEND=cuda
  SEARCH_ON=("--backend" "$BACKEND") WHERE="on the ${BACKEND^^} (--backend $BACKEND)"
else
  SEARCH_ON=() WHERE="on the CPU: battc search has no --backend yet"
fi
if [[ -n ${BATTC_ARC_DSL_SOLVERS:-} && -d $ARC_DATA/ARC-AGI-1/training ]]; then
  SEEDS=$BATTC_ARC_DSL_SOLVERS SEARCH_TASKS=$ARC_DATA/ARC-AGI-1/training WHAT="arc-dsl's solvers on ARC-AGI-1 training"
else
  SEEDS=$DEMO/programs.py SEARCH_TASKS=$DEMO WHAT="the demo"
fi
step "5. one search round, $WHAT, $WHERE"
run_step search "$(left 0 60)" "$BATTC" search -q --tasks "$SEARCH_TASKS" --programs "$SEEDS" \
  --store "$WORK/search.db" --rounds 1 --seed 1 --report-json "$WORK/search.json" "${SEARCH_ON[@]}"
record search_on "${SEARCH_ON[1]:-cpu}" 0 "$WHAT, $WHERE"
echo
echo "gpu_check: done in $(elapsed) s; $( ((FIRST_FAIL)) && echo "a step failed (exit $FIRST_FAIL)" || echo "every step passed or was skipped")"
