"""A local HTTP server on 127.0.0.1 whose answers each test scripts, for code that downloads."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    """How to answer one path.

    :param body: the bytes to send.
    :param status: the status code.
    :param etag: send this ETag, and answer 304 to a matching If-None-Match.
    :param declared_length: Content-Length to claim (defaults to the body's), to fake truncation.
    :param delay: seconds to wait before answering.
    """

    body: bytes = b""
    status: int = 200
    etag: str | None = None
    declared_length: int | None = None
    delay: float = 0.0
    requests: list[dict[str, str]] = field(default_factory=list)


class LocalServer:
    """The running server: ``url(path)`` to address it, ``routes`` to script it."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                    return
                route.requests.append(dict(self.headers.items()))
                if route.delay:
                    time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(route.status)
                length = (
                    route.declared_length if route.declared_length is not None else len(route.body)
                )
                self.send_header("Content-Length", str(length))
                if route.etag:
                    self.send_header("ETag", route.etag)
                self.end_headers()
                try:
                    self.wfile.write(route.body)
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass
                if route.declared_length is not None:
                    self.close_connection = True

            def do_POST(self) -> None:
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                    return
                size = int(self.headers.get("Content-Length") or 0)
                route.requests.append(
                    {**dict(self.headers.items()), "body": self.rfile.read(size).decode()}
                )
                self.send_response(route.status)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}{path}"


@pytest.fixture
def local_server() -> Iterator[LocalServer]:
    """A scripted HTTP server on 127.0.0.1, stopped after the test."""
    server = LocalServer()
    server.thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
