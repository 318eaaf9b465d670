"""Shared fixtures for the nlp tests: one spaCy pipeline per session, a fake linker."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from spacy.language import Language

from sanctionwatch.ingest._document import Document
from sanctionwatch.nlp import extract, load_pipeline
from sanctionwatch.settings import SPACY_MODEL
from tests.nlp.helpers import FakeLinker, demo_documents


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline(SPACY_MODEL)


@pytest.fixture()
def linker() -> FakeLinker:
    return FakeLinker()


@pytest.fixture()
def run(nlp: Language, linker: FakeLinker) -> Callable[..., dict[str, Any]]:
    """Extract from a text (published 2025-03-10 unless told)."""

    def _run(text: str, published: str | None = "2025-03-10") -> dict[str, Any]:
        return extract(Document(text=text, published=published), nlp=nlp, linker=linker)

    return _run


@pytest.fixture(scope="session")
def demo_docs() -> list[Document]:
    return demo_documents()
