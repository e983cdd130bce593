"""How feed URLs are fetched: a transport interface, so tests (and offline sites) can swap it."""

from __future__ import annotations

import urllib.request
from typing import Protocol

from rasad.errors import InputError


class Transport(Protocol):
    """Fetches the text at a URL."""

    def fetch(self, url: str) -> str: ...


class UrllibTransport:
    """Plain HTTP(S) with the standard library; a failure becomes an InputError naming the URL."""

    def __init__(self, timeout: float = 20.0) -> None:
        self.timeout = timeout

    def fetch(self, url: str) -> str:
        try:
            with urllib.request.urlopen(url, timeout=self.timeout) as response:  # noqa: S310 - feed URLs are the input
                return response.read().decode(response.headers.get_content_charset() or "utf-8", "replace")
        except OSError as error:
            raise InputError(f"cannot fetch feed: {error}", path=url) from error


def default_transport() -> Transport:
    return UrllibTransport()
