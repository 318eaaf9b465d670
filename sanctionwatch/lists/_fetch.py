"""Downloading list files: conditional GET, timeouts, a size cap, a checksum, no partial files."""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import httpx

from sanctionwatch.exc import FetchError

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_TIMEOUT", "Fetched", "fetch"]

#: Largest list file accepted (the biggest official files are under 100 MB).
DEFAULT_MAX_BYTES = 300 * 1024 * 1024
#: Seconds to wait for a connection and between bytes of the body.
DEFAULT_TIMEOUT = 60.0
_CHUNK = 1024 * 256


@dataclass(frozen=True)
class Fetched:
    """The outcome of one conditional GET.

    ``path`` is None when the server answered 304 Not Modified.
    """

    url: str
    path: Path | None
    sha256: str | None
    bytes: int
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        """Whether the server said the file has not changed."""
        return self.path is None


def fetch(
    client: httpx.Client,
    url: str,
    dest: Path,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Fetched:
    """GET ``url`` into the file ``dest``, only if it changed since ``etag``/``last_modified``.

    The body is streamed to a temporary file beside ``dest`` and renamed into place only when
    it is complete, so a failed download never leaves a partial file behind.
    Raises :class:`~sanctionwatch.exc.FetchError` saying why (status, timeout, size, truncation).
    """
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out, client.stream("GET", url, headers=headers) as resp:
            if resp.status_code == 304:
                return Fetched(url, None, None, 0, etag, last_modified)
            if resp.status_code != 200:
                raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}", path=url)
            declared = resp.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"file is {declared} bytes, over the {max_bytes} limit", path=url)
            digest = hashlib.sha256()
            size = 0
            for chunk in resp.iter_bytes(_CHUNK):  # decoded: the cap also stops gzip bombs
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"file is over the {max_bytes}-byte limit", path=url)
                digest.update(chunk)
                out.write(chunk)
            received = resp.num_bytes_downloaded
            if declared and declared.isdigit() and received != int(declared):
                raise FetchError(f"truncated: got {received} of {declared} bytes", path=url)
            if size == 0:
                raise FetchError("the server sent an empty file", path=url)
            new_etag = resp.headers.get("ETag")
            new_modified = resp.headers.get("Last-Modified")
        tmp.replace(dest)
        return Fetched(url, dest, digest.hexdigest(), size, new_etag, new_modified)
    except httpx.RemoteProtocolError as e:
        raise FetchError(f"truncated: the connection closed early ({e})", path=url) from e
    except httpx.TimeoutException as e:
        raise FetchError(f"timed out ({type(e).__name__})", path=url) from e
    except httpx.HTTPError as e:
        raise FetchError(f"download failed: {type(e).__name__}: {e}", path=url) from e
    except OSError as e:
        raise FetchError(f"cannot write {dest}: {e}", path=url) from e
    finally:
        tmp.unlink(missing_ok=True)
