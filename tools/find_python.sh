# tools/find_python.sh: sourced by build_wheels.sh and kaggle_rehearsal.sh.
# find_python X.Y prints the real path of an interpreter of that version
# that runs (pyenv's shims on PATH do not when that version is not
# selected): pythonX.Y on PATH, else pyenv's newest X.Y; nothing if none.
find_python() {
  local p
  for p in "$(command -v "python$1" 2>/dev/null)" $(ls -d "$HOME"/.pyenv/versions/"$1".*/bin/"python$1" 2>/dev/null | sort -rV); do
    [ -n "$p" ] && "$p" -c 'import sys; print(sys.executable)' 2>/dev/null && return
  done
}
