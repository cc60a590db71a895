#!/usr/bin/env bash
# tools/gpu_check.sh: the GPU check, one script for a machine with an NVIDIA
# GPU (issue: "the GPU executor fills a GPU"), in at most 8 minutes there:
#   1. the GPU it sees (nvidia-smi) and its compute capability;
#   2. a Release build of battc and the golden tests, with the DSL device
#      library for that architecture only (the long part of a build);
#   3. the golden tests on the GPU ([gpu]: the CUDA unit's dump equals the
#      CPU's) and on the stand-in device ([gpu_exec]);
#   4. tools/gpu_benchmark.py --check-dumps on the ARC-AGI-1 training cross
#      product of arc-dsl's solvers: CPU and GPU run time, their ratio, the
#      compile times, and whether the dumps are equal.
# Every step runs under a time limit that keeps the whole within 8 minutes;
# the first failure stops the script with its exit status.
#
# Usage: tools/gpu_check.sh [BUILD_DIR]
#   ARC_DATA                the ARC data folder (default: ../shared/arc)
#   BATTC_ARC_DSL_SOLVERS   arc-dsl's solvers.py (fetched, never in the
#                           project); without it step 4 is skipped, said so
#   GPU_CHECK_MAX_TASKS     tasks for step 4 (default 0: all 400)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build-gpu}
export ARC_DATA=${ARC_DATA:-$(pwd)/../shared/arc}
START=$(date +%s)
step() { echo; echo "== $* ($(($(date +%s) - START)) s in)"; }

step "1. the GPU"
if ! command -v nvidia-smi > /dev/null || ! nvidia-smi -L; then
  echo "gpu_check: no NVIDIA GPU here (nvidia-smi missing or failing); nothing to check" >&2
  exit 2
fi
CC_CAP=$(nvidia-smi --query-gpu=compute_cap --format=csv,noheader | head -1 | tr -d ' .')
echo "compute capability: sm_${CC_CAP}"

step "2. build (Release, device library for sm_${CC_CAP})"
GEN=()
command -v ninja > /dev/null && GEN=(-G Ninja)
timeout 300 cmake -S . -B "$BUILD" "${GEN[@]}" -DCMAKE_BUILD_TYPE=Release "-DBATTC_CUDA_ARCHS=${CC_CAP}" > /dev/null
timeout 300 cmake --build "$BUILD" -j "$(nproc)" --target battc golden_tests

step "3. golden tests: on the GPU, then on the stand-in device"
timeout 120 "$BUILD/tests/golden_tests" '[gpu]'
timeout 120 "$BUILD/tests/golden_tests" '[gpu_exec]'

step "4. ARC-AGI-1 training cross product: CPU against GPU"
if [[ -z ${BATTC_ARC_DSL_SOLVERS:-} ]]; then
  echo "[SKIP] BATTC_ARC_DSL_SOLVERS is not set (the path of arc-dsl's solvers.py)"
  exit 0
fi
LEFT=$((480 - ($(date +%s) - START)))
((LEFT < 60)) && LEFT=60
timeout "$LEFT" python3 tools/gpu_benchmark.py --battc "$BUILD/battc" \
  --programs "$BATTC_ARC_DSL_SOLVERS" --tasks "$ARC_DATA/ARC-AGI-1/training" \
  --max-tasks "${GPU_CHECK_MAX_TASKS:-0}" --check-dumps
echo
echo "gpu_check: done in $(($(date +%s) - START)) s"
