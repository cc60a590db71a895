#!/usr/bin/env bash
# tools/install_deps.sh: installs what building and testing battc needs on
# Debian 12 (or Ubuntu), and nothing when it is all there: the compiler,
# CMake and Ninja, the libraries (CLI11, fmt, nlohmann-json, Catch2 v2,
# OpenSSL's libcrypto, SQLite), Python with venv and headers (the wheel and its
# offline test). The README's set-up commands and .ci/run call it. Uses sudo
# when not root. The CUDA toolkit is optional and not installed here
# (docs/install.md).
set -euo pipefail

packages=(build-essential g++ cmake ninja-build catch2 libcli11-dev libfmt-dev nlohmann-json3-dev
          libssl-dev libsqlite3-dev python3 python3-venv python3-dev git ca-certificates)
# --with-browser: Chromium too, for the test that opens the HTML report
# (skipped without it; CI passes this).
# --with-fuzz: clang and its sanitizer and libFuzzer runtimes, for the
# sanitizer build and tools/fuzz.sh (CI passes it).
for flag in "$@"; do
  case "$flag" in
    --with-browser) packages+=(chromium) ;;
    --with-fuzz) packages+=(clang libclang-rt-14-dev llvm) ;;
    *) echo "install_deps: unknown flag $flag (--with-browser, --with-fuzz)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install_deps: every package is installed"
  exit 0
fi
echo "install_deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo > /dev/null || { echo "install_deps: not root and no sudo: install ${missing[*]} by hand" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${missing[@]}"
