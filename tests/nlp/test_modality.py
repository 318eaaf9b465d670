from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Run = Callable[..., dict[str, Any]]


def _modality(out: dict[str, Any], etype: str) -> str:
    found = [v for v in out["events"] if v["type"] == etype]
    assert found, [(v["type"], v["trigger"]) for v in out["events"]]
    return str(found[0]["modality"])


@pytest.mark.parametrize(
    ("text", "etype", "modality"),
    [
        ("Belarus supplied Russia with drones.", "AID", "asserted"),
        ("Belarus has allegedly supplied Russia with drones.", "AID", "alleged"),
        ("Belarus reportedly sent rockets to Russia.", "AID", "alleged"),
        ("Belarus is said to have shipped shells to Russia.", "AID", "alleged"),
        ("Belarus is suspected of supplying drones to Russia.", "AID", "alleged"),
        ("Ukraine accused Belarus of supplying drones to Russia.", "AID", "alleged"),
        ("Minsk denied supplying drones to Russia.", "AID", "denied"),
        ("Belarus rejected accusations of arms transfers to Russia.", "AID", "denied"),
        ("Belarus will send troops to Russia.", "AID", "expected"),
        ("Belarus is expected to send troops to Russia.", "AID", "expected"),
        ("Belarus plans to supply rockets to Russia.", "AID", "expected"),
        ("Iran is set to sign a pact with Belarus.", "AGREE", "expected"),
        ("Lukashenko said Belarus would sign a pact with Iran.", "AGREE", "expected"),
        ("Belarus could supply rockets to Russia.", "AID", "hypothetical"),
        ("If Belarus supplies rockets to Russia, the EU will respond.", "AID", "hypothetical"),
        ("Belarus did not send troops to Russia.", "AID", "negated"),
        ("Belarus has never supplied weapons to Russia.", "AID", "negated"),
        ("Belarus is not expected to sign the pact with Iran.", "AGREE", "negated"),
    ],
)
def test_modality_cues(run: Run, text: str, etype: str, modality: str) -> None:
    assert _modality(run(text), etype) == modality


def test_modality_future_date_is_expected(run: Run) -> None:
    out = run("Iran and Belarus sign the pact on 4 April 2025.", published="2025-03-10")
    assert _modality(out, "AGREE") == "expected"


def test_modality_denial_itself_is_asserted(run: Run) -> None:
    out = run("Minsk denied supplying drones to Russia.")
    assert _modality(out, "REJECT") == "asserted"
