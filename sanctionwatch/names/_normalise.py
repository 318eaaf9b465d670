"""Name normalisation: the comparable form of a name, and its order-free key."""

from __future__ import annotations

import re

from normality import normalize

__all__ = ["name_key", "name_tokens", "normalise_name"]

# Apostrophes and breve-like marks inside romanised names are dropped, not spaced:
# Ch'oe -> choe, Kyo'ng -> kyong.
_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bc\u02bb\u0060\u00b4\u2032]")


def normalise_name(name: str) -> str:
    """Lower-case ASCII form of a name: diacritics, scripts and punctuation folded.

    ``"KIM, Jong-Un"`` -> ``"kim jong un"``; ``"Ch'oe Sŏn-hŭi"`` -> ``"choe son hui"``.
    Returns ``""`` when nothing comparable is left.
    """
    text = _APOSTROPHES.sub("", name)
    return normalize(text, lowercase=True, ascii=True) or ""


def name_tokens(name: str) -> list[str]:
    """The parts of a normalised name, in their written order."""
    return normalise_name(name).split()


def name_key(name: str) -> str:
    """An order-free key: the normalised tokens, sorted.

    List forms such as ``"KIM, Jong Un"`` and running text ``"Kim Jong Un"`` share one key.
    """
    return " ".join(sorted(name_tokens(name)))
