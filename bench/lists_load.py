"""Benchmark: load time and peak memory of each official list file, one core, one process each.

Run:  .venv/bin/python bench/lists_load.py [FOLDER]   (default ../shared/data/lists)

Each file is loaded in a fresh child process pinned to one CPU, so that the figures include the
one-off costs a user pays (imports excluded, country tables included) and peak memory is the
child's own. Targets (issue 3): UN XML < 2 s, OFAC CSV trio < 5 s, UK ConList XLSX < 10 s.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

TARGETS = {"un": 2.0, "ofac": 5.0, "uk": 10.0}
FILES = [
    ("un", "un/un_consolidated_2026-02-27.xml"),
    ("un", "un/un_consolidated_2025-11-20.xml"),
    ("ofac", "ofac/sdn.csv"),
    ("uk", "uk/ConList_2025-04-14.xlsx"),
]

_CHILD = r"""
import json, os, resource, sys, time
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
from sanctionwatch.lists import load_list
start = time.perf_counter()
issue = load_list(sys.argv[1])
seconds = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_mib": peak_kib / 1024,
                  "dataset": issue.dataset, "targets": len(issue.targets())}))
"""


def main() -> int:
    folder = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[2] / "shared" / "data" / "lists"
    )
    if not folder.is_dir():
        print(f"error: {folder}: no such folder of list files", file=sys.stderr)
        return 2
    failed = False
    print(f"{'file':45} {'dataset':12} {'parties':>8} {'seconds':>8} {'target':>7} {'peak MiB':>9}")
    for kind, rel in FILES:
        path = folder / rel
        if not path.exists():
            print(f"{rel:45} (missing)")
            continue
        proc = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path)],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
            check=False,
        )
        if proc.returncode != 0:
            print(f"{rel:45} failed: {proc.stderr.strip().splitlines()[-1:]}")
            failed = True
            continue
        r = json.loads(proc.stdout)
        ok = r["seconds"] <= TARGETS[kind]
        failed |= not ok
        print(
            f"{rel:45} {r['dataset']:12} {r['targets']:>8} {r['seconds']:>8.2f} "
            f"{TARGETS[kind]:>6.0f}s {r['peak_mib']:>9.0f} {'ok' if ok else 'SLOW'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
