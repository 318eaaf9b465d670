from __future__ import annotations

from collections.abc import Callable
from typing import Any

Run = Callable[..., dict[str, Any]]


def _provisions(out: dict[str, Any], etype: str = "AID") -> list[str]:
    v = next(v for v in out["events"] if v["type"] == etype)
    return [s["provision"] for s in v["sanctions"]]


def test_sanctions_arms_exported_by_dprk(run: Run) -> None:
    out = run("North Korea shipped rockets to Belarus.")
    assert _provisions(out) == ["UNSCR 1718 (2006) para 8(b)", "UNSCR 1874 (2009) para 9"]


def test_sanctions_arms_supplied_to_dprk(run: Run) -> None:
    out = run("Belarus supplied North Korea with air defence systems.")
    assert _provisions(out) == ["UNSCR 1718 (2006) para 8(a)", "UNSCR 1874 (2009) para 10"]


def test_sanctions_none_for_arms_between_others(run: Run) -> None:
    assert _provisions(run("Belarus shipped rockets to Russia.")) == []


def test_sanctions_none_for_non_military_items(run: Run) -> None:
    assert _provisions(run("North Korea shipped coal to Belarus.")) == []


def test_sanctions_listed_party(run: Run) -> None:
    out = run("The Belarusian minister met Jo Yong Won in Minsk.")
    v = next(v for v in out["events"] if v["type"] == "CONSULT")
    assert v["sanctions"] == [
        {
            "regime": "UK-HMT",
            "provision": "listed: gb_hmt T-3",
            "reason": "dealing with a listed party: Jo Yong Won listed as JO Yong Won",
        }
    ]
