from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.nlp.helpers import by_name

Run = Callable[..., dict[str, Any]]


def _aid(out: dict[str, Any]) -> dict[str, Any]:
    return next(v for v in out["events"] if v["type"] == "AID")


def test_attribution_according_to(run: Run) -> None:
    out = run("Belarus shipped drones to Russia, according to the Kyiv Independent.")
    source = _aid(out)["attribution"]
    assert source["text"] == "according to the Kyiv Independent"
    assert source["entity"] == by_name(out)["Kyiv Independent"]["id"]


def test_attribution_according_to_at_sentence_start(run: Run) -> None:
    out = run("According to Japanese officials, Belarus shipped drones to Russia.")
    source = _aid(out)["attribution"]
    assert source["text"] == "According to Japanese officials"
    assert source["entity"] == by_name(out)["Japan"]["id"]


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        ("Zelensky said Belarus had shipped drones to Russia.", "Zelensky said", "Zelensky"),
        ("Belarus had shipped drones to Russia, Zelensky said.", "Zelensky said", "Zelensky"),
        ("Belarus shipped drones to Russia, Ukrainian officials told reporters.",
         "Ukrainian officials told", "Ukraine"),
    ],
)  # fmt: skip
def test_attribution_reporting_verb_subject(run: Run, text: str, phrase: str, name: str) -> None:
    out = run(text)
    source = _aid(out)["attribution"]
    assert source["text"] == phrase
    assert source["entity"] == by_name(out)[name]["id"]


def test_attribution_null_when_writer_states_it(run: Run) -> None:
    assert _aid(run("Belarus shipped drones to Russia in May."))["attribution"] is None
