"""Helpers for the nlp tests: a fake linker, demo report reading, lookups in an extraction."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import yaml

from sanctionwatch.ingest._document import Document

DEMO_REPORTS = Path(__file__).resolve().parents[2] / "sanctionwatch" / "demo" / "reports"


class FakeLinker:
    """A linker over a tiny fixed list; records every call."""

    LISTED: ClassVar[dict[str, tuple[str, str, str]]] = {
        "ri pyong chol": ("un_sc", "KPi.T01", "RI PYONG CHOL"),
        "kim yong chol": ("un_sc", "KPi.T02", "KIM YONG CHOL"),
        "jo yong won": ("gb_hmt", "T-3", "JO Yong Won"),
        "munitions industry department": ("un_sc", "KPe.T04", "MUNITIONS INDUSTRY DEPARTMENT"),
        "korea mining development trading corporation": ("un_sc", "KPe.T05", "KOMID"),
        "ocean maritime management": ("us_ofac_sdn", "T06", "OCEAN MARITIME MANAGEMENT"),
    }

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, tuple[str, ...]]] = []

    def link(
        self, name: str, *, entity_type: str, countries: Sequence[str] = ()
    ) -> list[dict[str, Any]]:
        self.calls.append((name, entity_type, tuple(countries)))
        key = " ".join(name.lower().replace("-", " ").split())
        if key not in self.LISTED:
            return []
        dataset, list_id, listed = self.LISTED[key]
        return [{"dataset": dataset, "list_id": list_id, "name": listed, "score": 0.97,
                 "programs": ["DPRK"], "explanation": "all name parts match"}]  # fmt: skip


def read_report(path: Path) -> Document:
    """A demo report: YAML front matter, then the text."""
    _, front, body = path.read_text("utf-8").split("---\n", 2)
    meta = yaml.safe_load(front)
    return Document(
        text=body.strip() + "\n", title=meta["title"], url=meta["url"],
        published=str(meta["published"]), language=meta["language"], source=str(path),
    )  # fmt: skip


def by_name(out: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Entities by name."""
    return {e["name"]: e for e in out["entities"]}


def names(out: dict[str, Any], ids: list[str]) -> list[str]:
    """Entity names for a list of ids."""
    table = {e["id"]: e["name"] for e in out["entities"]}
    return [table[i] for i in ids]


def events(out: dict[str, Any], etype: str) -> list[dict[str, Any]]:
    """The events of one type."""
    return [v for v in out["events"] if v["type"] == etype]


def demo_documents() -> list[Document]:
    """Every demo report, in file order."""
    return [read_report(p) for p in sorted(DEMO_REPORTS.glob("*.md"))]


def push_actions(component: Any, prefixes: tuple[str, ...], amount: float) -> None:
    """Raise the output bias of a transition-based component's actions whose names start with
    one of ``prefixes`` ("B-", "D", ...), so that the model prefers them everywhere and only
    the transition rules keep it in line."""
    upper = component.model.get_ref("upper")
    bias = upper.get_param("b").copy()
    for i in range(component.moves.n_moves):
        if component.moves.get_class_name(i).startswith(prefixes):
            bias[i] += amount
    upper.set_param("b", bias)
