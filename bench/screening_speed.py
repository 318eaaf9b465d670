"""Screening speed: ours, a brute-force rapidfuzz baseline and logic-v2, on the same queries.

    .venv/bin/python -m bench.screening_speed [--synthetic 1000000] [--json OUT]

Every engine runs in its own process pinned to one CPU core (so that peak memory is its own):

- ``ours``: :class:`sanctionwatch.names.Screener` (index built from the records; start-up from the
  index file kept on disk is timed too);
- ``rapidfuzz``: every listed name normalised once, each query compared with all of them by
  ``rapidfuzz.process.extract`` (``token_sort_ratio``, C++) - the brute-force baseline;
- ``logic-v2``: nomenklatura's matcher on the 20 best names by the rapidfuzz baseline (a search
  server's blocking, done here in memory), on a subset of the queries because it is slow.

The queries are those of ``bench/data/screening_pairs.csv`` (variants of listed names in every
class, and hard negatives); the first ``--warmup`` are run unmeasured. Reported: p50 and p99
latency, queries per second (1 / mean latency), index build time, peak resident memory. With
``--synthetic N`` the same is measured on N synthetic names made from the real lists' name parts.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from bench._lists import load_records
from sanctionwatch.names import Record

PAIRS = Path(__file__).resolve().parent / "data" / "screening_pairs.csv"
ENGINES = ("ours", "rapidfuzz", "logic-v2")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _latencies(run: Any, queries: list[str]) -> dict[str, float]:
    times = []
    for query in queries:
        start = time.perf_counter()
        run(query)
        times.append(time.perf_counter() - start)
    times.sort()
    return {
        "queries": len(times),
        "p50_ms": round(times[len(times) // 2] * 1000, 3),
        "p99_ms": round(times[min(len(times) - 1, int(len(times) * 0.99))] * 1000, 3),
        "qps": round(len(times) / sum(times), 1),
    }


def synthetic_records(records: list[Record], count: int, *, seed: int = 7) -> list[Record]:
    """``count`` one-name records, each name made of parts of real listed names, one part in
    four with a typing error (so the vocabulary grows as it would)."""
    rng = random.Random(seed)
    names = [n.split() for r in records for n in r.names if n.isascii() and len(n.split()) >= 2]
    firsts = [n[0] for n in names]
    lasts = [n[-1] for n in names]
    middles = [p for n in names for p in n[1:-1]] or firsts
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = []
    for i in range(count):
        size = rng.choice((2, 2, 3, 3, 3, 4))
        parts = [rng.choice(firsts), *rng.choices(middles, k=size - 2), rng.choice(lasts)]
        if rng.random() < 0.25:
            j = rng.randrange(len(parts))
            word = parts[j]
            k = rng.randrange(len(word))
            parts[j] = word[:k] + rng.choice(letters) + word[k + 1 :]
        name = " ".join(parts)
        schema = "Person" if rng.random() < 0.7 else "Organization"
        out.append(Record("synthetic", f"S{i}", f"s-{i}", schema, name, (), (name,)))
    return out


def child(engine: str, records_path: Path, queries_path: Path, synthetic: int) -> dict[str, Any]:
    """Run one engine in this process and report its figures."""
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})
    records = [Record.from_json(r) for r in json.loads(records_path.read_text())]
    if synthetic:
        records = synthetic_records(records, synthetic)
    queries = json.loads(queries_path.read_text())
    warmup, measured = queries["warmup"], queries["measured"]
    base = _peak_mb()
    out: dict[str, Any] = {"engine": engine, "names": sum(len(r.names) for r in records)}
    if engine == "ours":
        from sanctionwatch.names import NameIndex, Screener
        from sanctionwatch.names._persist import load_index, save_index

        start = time.perf_counter()
        index = NameIndex.build(records)
        out["build_s"] = round(time.perf_counter() - start, 2)
        out["peak_rss_build_mb"] = round(_peak_mb(), 1)
        del records
        with tempfile.TemporaryDirectory() as folder:
            # the screener runs on the index read back from disk, as at a real start-up
            path = Path(folder) / "index.npz"
            save_index(index, path)
            del index
            gc.collect()
            start = time.perf_counter()
            loaded = load_index(path)
            out["startup_from_file_s"] = round(time.perf_counter() - start, 2)
            out["index_file_mb"] = round(path.stat().st_size / 1e6, 1)
        if loaded is None:
            raise RuntimeError("the index written could not be read back")
        run = Screener(loaded).screen
    else:
        from normality import normalize
        from rapidfuzz import fuzz, process

        start = time.perf_counter()
        owners = [r for r in records for _ in r.names]
        choices = [normalize(n, lowercase=True, ascii=True) or "" for r in records for n in r.names]
        out["build_s"] = round(time.perf_counter() - start, 2)

        def brute(query: str) -> list[tuple[str, float, int]]:
            text = normalize(query, lowercase=True, ascii=True) or ""
            return process.extract(text, choices, scorer=fuzz.token_sort_ratio, limit=20)

        run = brute
        if engine == "logic-v2":
            run = _logic_v2(brute, owners)
            warmup, measured = warmup[:20], measured[: queries["logic_v2_queries"]]
    for query in warmup:
        run(query)
    out.update(_latencies(run, measured))
    out["peak_rss_mb"] = round(_peak_mb(), 1)
    out["rss_before_engine_mb"] = round(base, 1)
    return out


def _logic_v2(brute: Any, owners: list[Record]) -> Any:
    from followthemoney import model
    from nomenklatura.matching import LogicV2
    from nomenklatura.matching.types import ScoringConfig

    config = ScoringConfig.defaults()

    def entity(schema: str, names: tuple[str, ...]) -> Any:
        proxy = model.make_entity(schema)
        proxy.id = uuid.uuid4().hex
        proxy.add("name", names[0])
        proxy.add("alias", list(names[1:]))
        return proxy

    def run(query: str) -> list[float]:
        q = entity("LegalEntity", (query,))
        found = {id(owners[i]): owners[i] for _, _, i in brute(query)}
        return [LogicV2.compare(q, entity(r.schema, r.names), config).score for r in found.values()]

    return run


def _queries(args: argparse.Namespace) -> dict[str, Any]:
    with PAIRS.open(encoding="utf-8") as fh:
        queries = list(dict.fromkeys(row["query"] for row in csv.DictReader(fh)))
    random.Random(1).shuffle(queries)
    return {
        "warmup": queries[: args.warmup],
        "measured": queries[args.warmup :],
        "logic_v2_queries": args.logic_v2_queries,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=0, help="also N synthetic names")
    parser.add_argument("--warmup", type=int, default=300)
    parser.add_argument("--logic-v2-queries", type=int, default=200)
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--synthetic-queries", type=int, default=2000)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--records", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--queries", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.records, args.queries, args.synthetic)))
        return 0
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder:
        records_path = Path(folder) / "records.json"
        records_path.write_text(json.dumps([r.to_json() for r in load_records()]))
        queries = _queries(args)
        queries_path = Path(folder) / "queries.json"
        runs = [("real lists", 0, queries)]
        if args.synthetic:
            small = dict(queries, measured=queries["measured"][: args.synthetic_queries])
            small["logic_v2_queries"] = min(50, args.logic_v2_queries)
            runs.append((f"synthetic {args.synthetic:,} names", args.synthetic, small))
        for label, synthetic, qs in runs:
            queries_path.write_text(json.dumps(qs))
            for engine in args.engines.split(","):
                if synthetic and engine != "ours":
                    qs_engine = dict(qs, measured=qs["measured"][:100])
                    queries_path.write_text(json.dumps(qs_engine))
                env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
                command = [sys.executable, "-m", "bench.screening_speed", "--child", engine,
                           "--records", str(records_path), "--queries", str(queries_path),
                           "--synthetic", str(synthetic)]  # fmt: skip
                done = subprocess.run(command, capture_output=True, text=True, env=env)
                if done.returncode:
                    print(done.stderr, file=sys.stderr)
                    continue
                result = json.loads(done.stdout.strip().splitlines()[-1])
                results.setdefault(label, []).append(result)
                print(f"[{label}] {json.dumps(result)}", flush=True)
                queries_path.write_text(json.dumps(qs))
    _table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


def _table(results: dict[str, list[dict[str, Any]]]) -> None:
    columns = ("engine", "names", "queries", "p50_ms", "p99_ms", "qps", "build_s", "peak_rss_mb")
    for label, rows in results.items():
        print(f"\n== {label}")
        print("".join(f"{c:>14}" for c in columns))
        for row in rows:
            print("".join(f"{row.get(c, '-')!s:>14}" for c in columns))


if __name__ == "__main__":
    sys.exit(main())
