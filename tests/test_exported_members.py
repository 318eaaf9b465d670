"""The public surface of the settled packages, pinned: a change here is a change of API."""

from __future__ import annotations

import importlib
import inspect

import pytest

from sanctionwatch import exc

PUBLIC = {
    "sanctionwatch.exc": {
        "BinaryInput", "ConfigError", "DeliveryError", "EmptyInput", "EncodingError",
        "FetchError", "InputError", "InputNotFound", "ListFormatError", "NotFound",
        "PipelineError", "SanctionwatchError", "StoreError", "UnsafeInput",
    },
    "sanctionwatch.lists": {
        "FORMATS", "TARGET_SCHEMATA", "Change", "ListDiff", "ListIssue", "ListSource",
        "SourceFile", "detect_format", "diff_entries", "entries_from_issue", "load_list",
        "load_sources",
    },
    "sanctionwatch.store": {
        "SavedIssue", "Snapshot", "Store", "create_engine", "current_revision",
        "head_revision", "migrate",
    },
    "sanctionwatch.ingest": {
        "DEFAULT_MAX_BYTES", "Document", "MEDIA_TYPES", "document_id", "iter_paths",
        "normalise_text", "read_bytes", "read_document",
    },
    "sanctionwatch.schemas": {"EXTRACTION_V1", "validate_extraction"},
}  # fmt: skip


@pytest.mark.parametrize("module", sorted(PUBLIC))
def test_exported_members_pinned(module: str) -> None:
    mod = importlib.import_module(module)
    assert set(mod.__all__) == PUBLIC[module]
    for name in mod.__all__:
        assert hasattr(mod, name), name


def test_exported_errors_share_one_root_with_one_line_docs() -> None:
    for name in exc.__all__:
        cls = getattr(exc, name)
        assert issubclass(cls, exc.SanctionwatchError)
        assert cls.__doc__ and "\n" not in cls.__doc__.strip()
        assert name in (exc.__doc__ or ""), f"{name} missing from the tree in exc's docstring"


def test_exported_functions_are_typed() -> None:
    for module in PUBLIC:
        mod = importlib.import_module(module)
        for name in mod.__all__:
            obj = getattr(mod, name)
            if inspect.isfunction(obj):
                hints = inspect.get_annotations(obj)
                assert "return" in hints, f"{module}.{name} has no return annotation"
