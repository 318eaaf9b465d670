#!/usr/bin/env bash
# Set up sanctionwatch in ./.venv from the hash-pinned lock file. Safe to rerun.
# --bench also installs what the benchmarks in bench/ compare against (nomenklatura).
set -euo pipefail
cd "$(dirname "$0")/.."
py="${PYTHON:-}"
if [ -z "$py" ]; then
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then py="$candidate"; break; fi
  done
fi
"$py" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "sanctionwatch needs Python 3.11 or newer")'
# PyICU (transliteration, through normality and rigour) builds against the system ICU.
if ! pkg-config --exists icu-uc 2>/dev/null; then
  echo "setup: ICU development files not found (Debian/Ubuntu: apt-get install libicu-dev pkg-config g++); PyICU will not build" >&2
fi
[ -x .venv/bin/python ] || "$py" -m venv .venv
export PIP_DISABLE_PIP_VERSION_CHECK=1
.venv/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements/lock.txt 2> >(grep -v "^WARNING: Location" >&2)
if [ "${1:-}" = "--bench" ]; then
  .venv/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements/bench.txt 2> >(grep -v "^WARNING: Location" >&2)
fi
.venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e . 2> >(grep -v "^WARNING: Location" >&2)
echo "sanctionwatch installed in .venv ($(.venv/bin/python --version))" >&2
