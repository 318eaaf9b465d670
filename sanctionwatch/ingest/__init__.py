"""The ingest stage: files and bytes in, clean :class:`Document` objects out.

Plain text (``.txt``), Markdown (``.md``, ``.markdown``) and HTML (``.html``, ``.htm``) become
normalised text (:func:`normalise_text`) with a title, URL, publication date and language where
the source gives them. What is unsafe or broken is refused with an
:class:`~sanctionwatch.exc.InputError` subclass whose message starts with the path:

- a missing path: ``InputNotFound``;
- nothing to read (empty, only whitespace, no text in the HTML): ``EmptyInput``;
- binary data (PDF, ZIP, images, executables, NUL bytes): ``BinaryInput``;
- not UTF-8 and no ``encoding`` given: ``EncodingError``;
- over ``max_bytes``, or HTML beyond the parser's safety limits: ``UnsafeInput``;
- a folder where a file is expected, an unsupported suffix or media type: ``InputError``.

Example::

    from sanctionwatch.ingest import iter_paths, read_document

    for path in iter_paths(["reports/"]):
        doc = read_document(path)
        print(doc.id, doc.title, doc.published)
"""

from __future__ import annotations

from sanctionwatch.ingest._document import Document, document_id
from sanctionwatch.ingest._normalise import normalise_text
from sanctionwatch.ingest._paths import MEDIA_TYPES, iter_paths
from sanctionwatch.ingest._read import DEFAULT_MAX_BYTES, read_bytes, read_document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MEDIA_TYPES",
    "Document",
    "document_id",
    "iter_paths",
    "normalise_text",
    "read_bytes",
    "read_document",
]
