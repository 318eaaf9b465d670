"""The Document: clean text plus where it came from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

__all__ = ["Document", "document_id"]


def document_id(text: str) -> str:
    """The sha256 (hex) of a document's normalised text: its identity in the store."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Document:
    """A report turned into normalised text, with its metadata.

    :param text: the normalised text every offset refers to (NFC, ``\\n`` line ends).
    :param title: the title, if the source has one.
    :param url: where it was published, if known.
    :param published: publication date ``YYYY-MM-DD``, if known.
    :param language: ISO 639-1 code.
    :param source: the path or URL it was read from.
    :param media_type: the format it was read as (``text/plain``, ``text/markdown``, ``text/html``).
    :param publisher: who published it (an outlet, a ministry), if known: claims count
        independent sources by publisher.
    """

    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    language: str = "en"
    source: str | None = None
    media_type: str = "text/plain"
    publisher: str | None = None
    id: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", document_id(self.text))

    @property
    def chars(self) -> int:
        """The length of the normalised text in characters."""
        return len(self.text)
