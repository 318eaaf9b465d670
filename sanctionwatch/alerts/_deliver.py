"""Delivering alerts: to the console, to a JSON lines file, or to a webhook.

A webhook gets one ``POST`` per rule and run, a JSON object ``{"rule", "type", "alerts": [...]}``.
A 5xx or 429 answer, a timeout or a refused connection is tried again after ``backoff`` seconds,
doubling each time up to ``max_backoff``, until ``max_attempts`` tries in all; any other 4xx
answer is final. What could not be delivered raises :class:`Undelivered`, a
:class:`~sanctionwatch.exc.DeliveryError` carrying the number of attempts.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from sanctionwatch import __version__
from sanctionwatch.exc import DeliveryError

__all__ = ["DEFAULT_RETRY", "Retry", "Undelivered", "deliver"]

Write = Callable[[str], object]
Sleep = Callable[[float], None]


@dataclass(frozen=True)
class Retry:
    """How hard to try a webhook.

    :param max_attempts: tries in all, the first included.
    :param backoff: seconds before the second try; doubled before each further one.
    :param max_backoff: the longest wait between two tries.
    :param timeout: seconds to wait to connect or for an answer.
    """

    max_attempts: int = 5
    backoff: float = 1.0
    max_backoff: float = 60.0
    timeout: float = 10.0

    def delay(self, attempt: int) -> float:
        """Seconds to wait after failed try number ``attempt`` (1-based)."""
        return float(min(self.backoff * 2 ** (attempt - 1), self.max_backoff))


#: The default: five tries, waiting 1, 2, 4 and 8 seconds between them.
DEFAULT_RETRY = Retry()


class Undelivered(DeliveryError):
    """Alerts that were not delivered, and how many attempts were made."""

    def __init__(self, message: str, attempts: int) -> None:
        super().__init__(message)
        self.attempts = attempts


def _console(rule: str, payloads: Sequence[dict[str, Any]], write: Write) -> None:
    for p in payloads:
        write(f"[{rule}] {p['title']}\n")


def _jsonl(target: str, payloads: Sequence[dict[str, Any]]) -> None:
    path = Path(target)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as f:
            for p in payloads:
                f.write(json.dumps(p, ensure_ascii=False, default=str) + "\n")
    except OSError as e:
        raise Undelivered(f"cannot write alerts to {target}: {e}", 1) from e


def _webhook(
    url: str, body: dict[str, Any], client: httpx.Client, retry: Retry, sleep: Sleep
) -> int:
    content = json.dumps(body, ensure_ascii=False, default=str).encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": f"sanctionwatch/{__version__} (+alerts)",
    }
    problem = ""
    for attempt in range(1, max(retry.max_attempts, 1) + 1):
        try:
            response = client.post(url, content=content, headers=headers, timeout=retry.timeout)
        except httpx.TransportError as e:
            problem = f"{type(e).__name__}: {e}"
        else:
            if response.status_code < 300:
                return attempt
            problem = f"HTTP {response.status_code}"
            if response.status_code < 500 and response.status_code != 429:
                raise Undelivered(f"webhook {url} refused the alerts: {problem}", attempt)
        if attempt < retry.max_attempts:
            sleep(retry.delay(attempt))
    raise Undelivered(
        f"webhook {url} failed after {retry.max_attempts} attempt(s): {problem}",
        retry.max_attempts,
    )


def deliver(
    rule: str,
    rule_type: str,
    channel: str,
    target: str | None,
    payloads: Sequence[dict[str, Any]],
    *,
    client: httpx.Client | None = None,
    retry: Retry = DEFAULT_RETRY,
    write: Write | None = None,
    sleep: Sleep = time.sleep,
) -> int:
    """Deliver one rule's alerts; returns the number of attempts it took.

    Raises :class:`Undelivered` when they were not delivered.

    :param client: the HTTP client for webhooks (one is made when not given).
    :param write: where console alerts are written (default: standard output).
    """
    if not payloads:
        return 0
    if channel == "console":
        _console(rule, payloads, write or sys.stdout.write)
        return 1
    if channel == "jsonl":
        _jsonl(str(target), payloads)
        return 1
    body = {"rule": rule, "type": rule_type, "alerts": list(payloads)}
    if client is not None:
        return _webhook(str(target), body, client, retry, sleep)
    with httpx.Client() as own:
        return _webhook(str(target), body, own, retry, sleep)
