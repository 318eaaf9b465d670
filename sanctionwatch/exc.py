"""Every error sanctionwatch raises on purpose.

The tree::

    SanctionwatchError                 base; carries an HTTP ``status`` and a CLI exit ``code``
    ├── ConfigError                    a setting or option is invalid
    ├── InputError                     a file, path or argument cannot be used
    │   ├── InputNotFound              a path does not exist
    │   ├── EmptyInput                 a file has no usable content
    │   ├── BinaryInput                a file is binary, not text
    │   ├── EncodingError              a file is not in the expected text encoding
    │   ├── UnsafeInput                a file is hostile or too large to read safely
    │   └── ListFormatError            a sanctions list file is malformed or of an unknown format
    ├── FetchError                     a download failed: status, timeout, size or truncation
    ├── DeliveryError                  an alert could not be delivered (file, webhook)
    ├── PipelineError                  the NLP pipeline cannot be loaded or run
    └── StoreError                     the store cannot be opened, migrated or written
        └── NotFound                   a requested record is not in the store

Foreign exceptions are translated into these at the boundary of the layer that calls the
foreign library, always with ``raise ... from e``.
"""

from __future__ import annotations

__all__ = [
    "BinaryInput",
    "ConfigError",
    "DeliveryError",
    "EmptyInput",
    "EncodingError",
    "FetchError",
    "InputError",
    "InputNotFound",
    "ListFormatError",
    "NotFound",
    "PipelineError",
    "SanctionwatchError",
    "StoreError",
    "UnsafeInput",
]


class SanctionwatchError(Exception):
    """Base of every error sanctionwatch raises on purpose."""

    status: int = 500
    code: int = 1

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.message = message
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class ConfigError(SanctionwatchError):
    """A setting or option is invalid."""

    status = 400
    code = 2


class InputError(SanctionwatchError):
    """A file, path or argument cannot be used."""

    status = 400
    code = 2


class InputNotFound(InputError):
    """A path does not exist."""

    status = 404


class EmptyInput(InputError):
    """A file has no usable content."""


class BinaryInput(InputError):
    """A file is binary, not text."""


class EncodingError(InputError):
    """A file is not in the expected text encoding."""


class UnsafeInput(InputError):
    """A file is hostile or too large to read safely."""


class ListFormatError(InputError):
    """A sanctions list file is malformed or of an unknown format."""


class FetchError(SanctionwatchError):
    """A download failed: an error status, a timeout, an oversized or truncated body."""

    status = 502


class DeliveryError(SanctionwatchError):
    """An alert could not be delivered: a file not writable, a webhook failing or unreachable."""

    status = 502


class PipelineError(SanctionwatchError):
    """The NLP pipeline cannot be loaded or run."""


class StoreError(SanctionwatchError):
    """The store cannot be opened, migrated or written."""


class NotFound(StoreError):
    """A requested record is not in the store."""

    status = 404
