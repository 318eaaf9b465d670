"""Keeping a built index on disk, so that start-up reads it instead of rebuilding it.

The file is a NumPy ``.npz`` archive of plain arrays (no pickle: it is read with
``allow_pickle=False``). Text (names, parts, keys) is stored as newline-joined UTF-8 bytes and the
records as JSON. A header names the format, the matcher and a digest of the code and tables that
built it; a file whose header does not match this build, or that cannot be read, is ignored and
rebuilt. Files are written to a temporary name and renamed into place, so that a reader never
sees half a file.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from sanctionwatch.names._data import FILES, name_data, tables_root
from sanctionwatch.names._index import KeyMap, NameIndex
from sanctionwatch.names._records import Record
from sanctionwatch.names._score import NAME
from sanctionwatch.names._variants import Keys

__all__ = ["FORMAT", "build_digest", "index_path", "load_index", "save_index"]

FORMAT = 2
#: How many index files a folder keeps (the newest), so that old list issues do not pile up.
KEEP_FILES = 3
_KEYMAPS = ("ko", "ru", "eq", "phon", "cons", "deletes", "grams", "identifiers")
_KEYS = ("ko", "ru", "phon", "cons")
_ARRAYS = (
    "name_record",
    "name_kind",
    "name_surname",
    "name_korean",
    "part_offsets",
    "part_ids",
    "part_classes",
    "part_words",
    "part_notes",
    "vocab_abjad",
    "post_offsets",
    "post_names",
)


@functools.cache
def build_digest() -> str:
    """A digest of what decides an index's content: this package's code and name tables."""
    digest = hashlib.sha256(f"{NAME}:{FORMAT}".encode())
    for name in sorted(FILES):
        digest.update((tables_root() / name).read_bytes())
    for entry in sorted(
        (resources.files("sanctionwatch") / "names").iterdir(), key=lambda p: p.name
    ):
        if entry.name.endswith(".py"):
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]


def index_path(folder: Path, fingerprint: str) -> Path:
    """Where the index for a set of active lists is kept."""
    return folder / f"{fingerprint[:32]}-{build_digest()}.npz"


def _text(items: list[str]) -> npt.NDArray[np.uint8]:
    return np.frombuffer("\n".join(items).encode("utf-8"), dtype=np.uint8)


def _lines(array: npt.NDArray[Any], count: int | None = None) -> list[str]:
    text = array.tobytes().decode("utf-8")
    lines = text.split("\n") if text else []
    if count is not None and len(lines) != count:
        lines = [""] * count if count == 1 and not text else lines
        if len(lines) != count:
            raise ValueError(f"expected {count} lines, found {len(lines)}")
    return lines


def save_index(index: NameIndex, path: Path) -> None:
    """Write ``index`` to ``path`` atomically (a temporary file renamed into place)."""
    header = {"format": FORMAT, "matcher": NAME, "digest": build_digest()}
    arrays: dict[str, npt.NDArray[Any]] = {
        "header": _text([json.dumps(header)]),
        "records": _text([json.dumps([r.to_json() for r in index.records])]),
        "names": _text(index.names),
        "norm_names": _text(index.norm_names),
        "vocab": _text(index.vocab),
        **{f"vocab_{k}": _text([getattr(key, k) for key in index.vocab_keys]) for k in _KEYS},
    }
    for name in _ARRAYS:
        arrays[name] = getattr(index, name)
    maps = {**index.keymaps, "grams": index.grams_map, "identifiers": index.identifiers}
    for name in _KEYMAPS:
        keymap = maps[name]
        arrays[f"{name}_keys"] = _text(keymap.keys())
        arrays[f"{name}_offsets"] = keymap.offsets
        arrays[f"{name}_values"] = keymap.values
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, **arrays)  # type: ignore[arg-type]
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    _prune(path.parent, keep=path)


def load_index(path: Path) -> NameIndex | None:
    """Read an index written by :func:`save_index`; None when it is missing, stale or broken."""
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            header = json.loads(_lines(data["header"])[0])
            if header != {"format": FORMAT, "matcher": NAME, "digest": build_digest()}:
                return None
            maps = {
                name: KeyMap.from_arrays(
                    _lines(data[f"{name}_keys"]), data[f"{name}_offsets"], data[f"{name}_values"]
                )
                for name in _KEYMAPS
            }
            records = [Record.from_json(r) for r in json.loads(_lines(data["records"])[0])]
            arrays = {name: data[name] for name in _ARRAYS}
            names, vocab = _lines(data["names"]), _lines(data["vocab"])
            columns = {k: _lines(data[f"vocab_{k}"], len(vocab)) for k in _KEYS}
            norm_names = _lines(data["norm_names"], len(names))
    except (OSError, ValueError, KeyError, IndexError, TypeError, zipfile.BadZipFile):
        return None
    abjad = arrays["vocab_abjad"].tolist()
    equivalents = name_data().equivalents
    vocab_keys = [
        Keys(
            text,
            ko,
            ru,
            *equivalents.get(text, ("", "")),
            phon,
            cons,
            any(c.isdigit() for c in text),
            bool(flag),
        )
        for text, ko, ru, phon, cons, flag in zip(
            vocab,
            columns["ko"],
            columns["ru"],
            columns["phon"],
            columns["cons"],
            abjad,
            strict=True,
        )
    ]
    grams_map = maps.pop("grams")
    identifiers = maps.pop("identifiers")
    return NameIndex(
        records=records,
        names=names,
        norm_names=norm_names,
        vocab=vocab,
        vocab_keys=vocab_keys,
        keymaps=maps,
        grams_map=grams_map,
        identifiers=identifiers,
        **arrays,
    )


def _prune(folder: Path, *, keep: Path) -> None:
    files = sorted(folder.glob("*.npz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [f for f in files if f != keep][KEEP_FILES - 1 :]:
        with contextlib.suppress(OSError):
            old.unlink()
