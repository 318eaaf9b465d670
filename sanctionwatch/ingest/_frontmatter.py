"""YAML front matter: an optional ``---`` block of metadata at the top of a text or Markdown file.

::

    ---
    title: EU freezes assets of ACME Shipping
    url: https://example.org/news/acme
    published: 2024-03-05
    language: en
    ---
    The body starts here.

The block is read with :func:`yaml.safe_load`. A block that is not valid YAML or not a mapping
is not front matter: the text is then left as it is (a Markdown file may open with a rule).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from sanctionwatch.ingest._normalise import normalise_date, normalise_line

__all__ = ["FrontMatter", "split_front_matter"]

#: Front matter longer than this is not looked for (keeps a stray ``---`` from scanning far).
MAX_FRONT_MATTER_CHARS = 65536

#: Metadata field -> keys accepted for it in front matter, in order of preference.
FRONT_MATTER_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "url": ("url", "link", "source_url"),
    "published": ("published", "date", "pubdate"),
    "language": ("language", "lang"),
    "publisher": ("publisher", "outlet", "site_name", "source"),
}

_OPEN_RE = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_CLOSE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class FrontMatter:
    """Metadata read from front matter; every field is optional.

    :param title: the ``title`` as one line.
    :param url: the ``url`` (or ``link``).
    :param published: the ``published`` (or ``date``) date as ``YYYY-MM-DD``.
    :param language: the ``language`` (or ``lang``) tag as given.
    :param publisher: the ``publisher`` (or ``outlet``, ``site_name``, ``source``).
    """

    title: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    publisher: str | None = None


def split_front_matter(text: str) -> tuple[FrontMatter | None, str]:
    """Split ``text`` into its front matter (``None`` if it has none) and the rest.

    :param text: decoded text, before normalisation (YAML needs its indentation).
    """
    opening = _OPEN_RE.match(text)
    if opening is None:
        return None, text
    closing = _CLOSE_RE.search(text, opening.end(), opening.end() + MAX_FRONT_MATTER_CHARS)
    if closing is None:
        return None, text
    data = _load_yaml(text[opening.end() : closing.start()])
    if not isinstance(data, dict):
        return None, text
    return _front_matter(data), text[closing.end() :]


def _load_yaml(block: str) -> object:
    """The YAML block as Python data, or ``None`` if it is not YAML."""
    if not block.strip():
        return {}
    try:
        return yaml.safe_load(block)
    except ValueError:  # e.g. an impossible date: read every scalar as a string instead
        pass
    except (yaml.YAMLError, RecursionError):
        return None
    try:
        return yaml.load(block, Loader=yaml.BaseLoader)  # BaseLoader builds no objects
    except (yaml.YAMLError, RecursionError):
        return None


def _front_matter(data: dict[Any, Any]) -> FrontMatter:
    fields: dict[str, Any] = {}
    for name, keys in FRONT_MATTER_KEYS.items():
        fields[name] = next((data[key] for key in keys if data.get(key) is not None), None)
    url = normalise_line(fields["url"])
    language = normalise_line(fields["language"])
    return FrontMatter(
        title=normalise_line(fields["title"]),
        url=url if url and " " not in url else None,
        published=normalise_date(fields["published"]),
        language=language,
        publisher=normalise_line(fields["publisher"]),
    )
