"""The `battc` console script (and `python -m battc`): runs the battc
executable installed in this package with the same arguments."""
import os
import sys

from battc import executable


def main() -> None:
    exe = executable()
    if not os.access(exe, os.X_OK):
        sys.exit(f"battc: error: the battc executable is missing from this install ({exe})")
    os.execv(exe, [exe] + sys.argv[1:])


if __name__ == "__main__":
    main()
