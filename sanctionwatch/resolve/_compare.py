"""Name forms for resolution: titles cut, role phrases told apart, and one swappable comparison.

:func:`same_name` is the one place resolution asks whether two names are the same name. It uses
the screening engine's ``sanctionwatch.names.compare`` when that is installed and otherwise
compares order-free keys (:func:`sanctionwatch.names.name_key`): case, diacritics, hyphens,
apostrophes and name order are ignored, so ``Ch'oe Sŏn-hŭi`` and ``Choe Son Hui`` agree.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from sanctionwatch.exc import ConfigError
from sanctionwatch.names import name_key, name_tokens

__all__ = ["ARTICLES", "NameForm", "engine", "name_form", "same_name", "titles"]

#: Words dropped from the start of a mention before it is compared.
ARTICLES = frozenset({"the", "a", "an"})

_TITLES_FILE = "titles.yaml"


@functools.cache
def titles() -> tuple[tuple[str, ...], ...]:
    """Title phrases as token tuples, longest first, from ``sanctionwatch/data/titles.yaml``."""
    path = f"sanctionwatch/data/{_TITLES_FILE}"
    try:
        text = resources.files("sanctionwatch").joinpath("data", _TITLES_FILE).read_text("utf-8")
        data = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(f"cannot read data table: {e}", path=path) from e
    words = data.get("titles") if isinstance(data, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise ConfigError("'titles' must be a list of strings", path=path)
    phrases = {tuple(name_tokens(w)) for w in words} - {()}
    return tuple(sorted(phrases, key=lambda p: (-len(p), p)))


@dataclass(frozen=True)
class NameForm:
    """A name as resolution sees it.

    :param tokens: normalised tokens, leading articles and titles cut, in written order.
    :param key: the order-free key of ``tokens``.
    :param role: True when the name is a role (``north korean foreign minister``), not a name.
    """

    tokens: tuple[str, ...]
    key: str
    role: bool

    @property
    def text(self) -> str:
        """The tokens joined in written order."""
        return " ".join(self.tokens)


def _strip_leading(tokens: list[str]) -> list[str]:
    changed = True
    while changed and tokens:
        changed = False
        if tokens[0] in ARTICLES and len(tokens) > 1:
            tokens = tokens[1:]
            changed = True
        for phrase in titles():
            n = len(phrase)
            if len(tokens) > n and tuple(tokens[:n]) == phrase:
                tokens = tokens[n:]
                changed = True
                break
    return tokens


def name_form(name: str) -> NameForm:
    """The comparable form of a name or mention: ``"Foreign Minister Choe"`` -> ``choe``."""
    tokens = _strip_leading(name_tokens(name))
    role = any(tuple(tokens[i : i + len(p)]) == p for p in titles() for i in range(len(tokens)))
    return NameForm(tuple(tokens), " ".join(sorted(tokens)), role)


def engine() -> Callable[..., Any] | None:
    """The screening engine's ``compare`` function, or None while it is not installed."""
    module = importlib.import_module("sanctionwatch.names")
    compare = getattr(module, "compare", None)
    return compare if callable(compare) else None


def same_name(a: str, b: str, *, schema: str | None = None) -> bool:
    """Whether two names are the same name (not: the same holder).

    :param schema: the entity type (``Person``, ``Organization`` ...), passed to the engine.
    """
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    compare = engine()
    if compare is None:
        return False
    return bool(compare(a, b, schema=schema).match)
