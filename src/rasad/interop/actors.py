"""One actor table for every format: Rasad's standard names (extract/data/actors.toml), ACLED's names
for them (with ACLED's period suffixes) and ACLED's actor-type codes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from rasad.errors import DataError
from rasad.extract.lexicon import read_toml

COUNTRY_NAMES = {"IQ": "Iraq", "SY": "Syria"}
_SUFFIX = re.compile(r"^(?P<base>.+?) \((?:\d{4}-(?:\d{4})?|Iraq|Syria|International)\)$")


@dataclass(frozen=True)
class ActorNames:
    """An actor's ACLED type code and its ACLED names by period."""

    name: str
    inter: int
    periods: tuple[tuple[str | None, str], ...]  # (until day or None for open-ended, ACLED name)

    def acled(self, country: str | None, day: str | None) -> str:
        """The name ACLED writes for this actor in an event of ``country`` on ``day`` (ISO)."""
        country_name = COUNTRY_NAMES.get(country or "", country or "")
        for until, name in self.periods:
            if until is None or day is None or day < until:
                return name.replace("{country}", country_name)
        return self.name


@dataclass(frozen=True)
class ActorTable:
    actors: dict[str, ActorNames]
    aliases: dict[str, str]  # ACLED's names (and any case of Rasad's) → Rasad's name

    def acled_name(self, name: str | None, country: str | None, day: str | None) -> str:
        if not name:
            return ""
        known = self.actors.get(name)
        return known.acled(country, day) if known else name

    def inter(self, name: str | None) -> int | None:
        """ACLED's actor-type code (None for no actor); an actor the table does not know is coded 8,
        external/other, since nothing says what kind of actor it is."""
        if not name:
            return None
        known = self.actors.get(self.canonical(name))
        return known.inter if known else 8

    def canonical(self, name: str | None) -> str | None:
        """Rasad's name for an actor named by Rasad, by ACLED (any period) or by a partner in another case."""
        if not name:
            return None
        name = " ".join(name.split())
        if name in self.actors:
            return name
        if name.lower() in self.aliases:
            return self.aliases[name.lower()]
        match = _SUFFIX.match(name)
        if match and match["base"] in self.actors:
            return match["base"]
        return name


@cache
def actor_table() -> ActorTable:
    data = read_toml("rasad.extract", "actors.toml")
    actors, aliases = {}, {}
    for entry in data["actor"]:
        if "acled_inter" not in entry:
            raise DataError(f"actors.toml: actor {entry['name']!r} has no acled_inter")
        periods = tuple((item.get("until"), item["name"]) for item in entry.get("acled", ()))
        if any(until is not None and not _is_day(until) for until, _ in periods):
            raise DataError(f"actors.toml: actor {entry['name']!r}: an acled `until` is not a day (YYYY-MM-DD)")
        actors[entry["name"]] = ActorNames(entry["name"], int(entry["acled_inter"]), periods or ((None, entry["name"]),))
        aliases[entry["name"].lower()] = entry["name"]
        for _, name in periods:
            for country in COUNTRY_NAMES.values():
                aliases[name.replace("{country}", country).lower()] = entry["name"]
    return ActorTable(actors, aliases)


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
