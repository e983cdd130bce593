"""The list of watched sources: a TOML file an analyst writes, one ``[[source]]`` table a source.

    [[source]]
    name = "Outlet (Arabic feed)"
    url = "https://example.org/rss.xml"
    kind = "feed"          # "feed" (RSS/Atom) or "page" (one web page whose article is read)
    interval = "15m"       # how often: seconds, or a number with s, m, h or d
    language = "ar"
    trust = "medium"       # how far its reports are trusted: high, medium or low
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from rasad.errors import InputError

KINDS = ("feed", "page")
TRUST = ("high", "medium", "low")
MIN_INTERVAL = 60.0  # polling a source more often than once a minute is not polite
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Source:
    """One watched source."""

    name: str
    url: str
    kind: str = "feed"
    interval: float = 900.0  # seconds
    language: str | None = None
    trust: str = "medium"


def parse_interval(value: object) -> float:
    """Seconds from 900, "900", "15m", "1h" or "1d"."""
    match = _DURATION.match(str(value))
    if match is None:
        raise ValueError(f"not a duration: {value!r} (seconds, or a number with s, m, h or d)")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2)]


def read_sources(path: str | Path) -> list[Source]:
    """The sources of a TOML file; a malformed entry names the file and the entry."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"cannot read the source list: {error.strerror}", path=str(path)) from error
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"not valid TOML: {error}", path=str(path)) from error
    entries = data.get("source")
    if not isinstance(entries, list) or not entries:
        raise InputError("no [[source]] tables", path=str(path))
    sources, seen = [], set()
    for number, entry in enumerate(entries, 1):
        where = f"{path} [[source]] {number}"
        url = entry.get("url")
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise InputError(f"{where}: url must be an http(s) address")
        if url in seen:
            raise InputError(f"{where}: {url} is listed twice")
        seen.add(url)
        kind = entry.get("kind", "feed")
        if kind not in KINDS:
            raise InputError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
        trust = entry.get("trust", "medium")
        if trust not in TRUST:
            raise InputError(f"{where}: trust must be one of {', '.join(TRUST)}, not {trust!r}")
        try:
            interval = parse_interval(entry.get("interval", 900))
        except ValueError as error:
            raise InputError(f"{where}: interval: {error}") from error
        if interval < MIN_INTERVAL:
            raise InputError(f"{where}: an interval under {MIN_INTERVAL:.0f} seconds is not polite")
        sources.append(Source(name=str(entry.get("name") or url), url=url, kind=kind, interval=interval,
                              language=entry.get("language"), trust=trust))
    return sources
