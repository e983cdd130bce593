"""How feed URLs given to `rasad ingest` are fetched: a transport interface, so tests (and offline sites) can
swap it; the default goes through the polite fetcher the watch uses (robots.txt, timeout, size limit, retries)."""

from __future__ import annotations

from typing import Protocol

from rasad.ingest.fetch import PoliteFetcher


class Transport(Protocol):
    """Fetches the content at a URL."""

    def fetch(self, url: str) -> str | bytes: ...


class HttpTransport:
    """HTTP(S) through :class:`PoliteFetcher`; a failure is an InputError naming the URL."""

    def __init__(self, fetcher: PoliteFetcher | None = None) -> None:
        self.fetcher = fetcher or PoliteFetcher()

    def fetch(self, url: str) -> bytes:
        return self.fetcher.get(url).body


def default_transport() -> Transport:
    return HttpTransport()
