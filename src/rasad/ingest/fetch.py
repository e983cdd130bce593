"""Polite HTTP for the watch: conditional GET, robots.txt, a per-host pace, retries with back-off, a timeout
and a size limit. Built on httpx, whose transport a test (or an offline site) can swap."""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from rasad import __version__
from rasad.errors import InputError

USER_AGENT = f"Rasad/{__version__} (event monitoring; polite watcher)"
RETRY_STATUS = {429, 500, 502, 503, 504}
MAX_RETRY_AFTER = 60.0
ROBOTS_TTL = 86400.0
ROBOTS_RETRY = 600.0  # a site that could not answer for its robots.txt is asked again after this


@dataclass(frozen=True)
class Fetched:
    """An answer: 200 with a body, or 304 (not modified since the validators sent)."""

    url: str
    status: int
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None


class PoliteFetcher:
    """Fetches URLs the way a well-behaved crawler does."""

    def __init__(self, client: httpx.Client | None = None, *, timeout: float = 20.0, max_bytes: int = 5_000_000,
                 host_interval: float = 2.0, retries: int = 3, backoff: float = 1.0, respect_robots: bool = True,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep) -> None:
        self.client = client or httpx.Client(timeout=timeout, follow_redirects=True,
                                             headers={"User-Agent": USER_AGENT})
        self.max_bytes = max_bytes
        self.host_interval = host_interval
        self.retries = retries
        self.backoff = backoff
        self.respect_robots = respect_robots
        self.clock, self.sleep = clock, sleep
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | None]] = {}

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """The body at ``url``, or a 304 where it has not changed; an InputError naming the URL otherwise."""
        if self.respect_robots and not self.allowed(url):
            raise InputError("robots.txt of the site does not allow fetching it", path=url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for attempt in range(self.retries + 1):
            try:
                return self._once(url, headers)
            except _Retry as retry:
                if attempt == self.retries:
                    raise InputError(f"failed after {self.retries + 1} tries: {retry.reason}", path=url) from None
                self.sleep(retry.after if retry.after is not None else self.backoff * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets Rasad fetch ``url`` (no robots.txt, or a 4xx for it: yes; a site
        that cannot answer for it: not now)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(origin)
        if cached is None or self.clock() > cached[0]:
            parser, ttl = self._read_robots(origin)
            cached = (self.clock() + ttl, parser)
            self._robots[origin] = cached
        parser = cached[1]
        return parser is None or parser.can_fetch(USER_AGENT, url)

    def _read_robots(self, origin: str) -> tuple[urllib.robotparser.RobotFileParser | None, float]:
        """The parsed robots.txt and how long to keep it: a day, or a few minutes after the site failed."""
        self._pace(origin)
        try:
            response = self.client.get(f"{origin}/robots.txt")
        except httpx.HTTPError:
            return _refuse_all(), ROBOTS_RETRY
        if 400 <= response.status_code < 500:
            return None, ROBOTS_TTL
        if response.status_code >= 500:
            return _refuse_all(), ROBOTS_RETRY
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(response.text.splitlines())
        return parser, ROBOTS_TTL

    def _pace(self, origin: str) -> None:
        """Wait so that one host gets one request every ``host_interval`` seconds at most."""
        last = self._last_request.get(origin)
        if last is not None:
            wait = last + self.host_interval - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last_request[origin] = self.clock()

    def _once(self, url: str, headers: dict[str, str]) -> Fetched:
        parts = urlsplit(url)
        self._pace(f"{parts.scheme}://{parts.netloc}")
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return Fetched(url, 304, etag=headers.get("If-None-Match"),
                                   last_modified=headers.get("If-Modified-Since"))
                if response.status_code in RETRY_STATUS:
                    raise _Retry(f"HTTP {response.status_code}", _retry_after(response))
                if response.status_code >= 400:
                    raise InputError(f"HTTP {response.status_code}", path=url)
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise InputError(f"larger than the limit of {self.max_bytes:,} bytes", path=url)
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise InputError(f"larger than the limit of {self.max_bytes:,} bytes", path=url)
                return Fetched(url, response.status_code, bytes(body), response.headers.get("ETag"),
                               response.headers.get("Last-Modified"))
        except httpx.TimeoutException as error:
            raise _Retry(f"timed out ({type(error).__name__})", None) from error
        except httpx.TransportError as error:
            raise _Retry(f"cannot connect: {error}", None) from error


class _Retry(Exception):
    """A failure worth another try: a timeout, a refused connection, a 429 or a 5xx."""

    def __init__(self, reason: str, after: float | None) -> None:
        super().__init__(reason)
        self.reason, self.after = reason, after


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return min(float(value), MAX_RETRY_AFTER) if value.isdigit() else None


def _refuse_all() -> urllib.robotparser.RobotFileParser:
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(["User-agent: *", "Disallow: /"])
    return parser
