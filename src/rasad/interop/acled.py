"""ACLED's CSV: Rasad's events written as ACLED publishes its own, and ACLED's files read back in.

The columns, their order and their allowed values are ACLED's codebook, kept as data in
``data/acled_fields.csv``; the tests check every exported column against it.
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from rasad.errors import InputError
from rasad.geo.gazetteer import default_gazetteer
from rasad.geo.units import default_units
from rasad.interop.actors import COUNTRY_NAMES, actor_table
from rasad.model import ACLED_TYPES

_COUNTRY_CODES = {"IQ": ("IRQ", 368), "SY": ("SYR", 760)}
_COUNTRY_BY_NAME = {name: code for code, name in COUNTRY_NAMES.items()}
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# ACLED's disorder type of each event type, and the sub-event types that are both political violence and
# demonstrations (force used against protesters, mob violence).
_DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
             "Violence against civilians": "Political violence", "Protests": "Demonstrations", "Riots": "Demonstrations",
             "Strategic developments": "Strategic developments"}
_BOTH = {"Excessive force against protesters", "Mob violence"}
_SCALE_ORDER = ("Local", "Subnational", "National", "Regional", "International", "New media", "Other")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


@dataclass(frozen=True)
class Field:
    """One column of ACLED's codebook (data/acled_fields.csv)."""

    column: str
    kind: str
    required: bool
    values: str
    meaning: str


def _data(name: str) -> str:
    return resources.files("rasad.interop").joinpath(f"data/{name}").read_text("utf-8")


@cache
def acled_fields() -> tuple[Field, ...]:
    rows = csv.DictReader(line for line in _data("acled_fields.csv").splitlines() if not line.startswith("#"))
    return tuple(Field(r["column"], r["kind"], r["required"] == "yes", r["values"], r["meaning"]) for r in rows)


def acled_columns() -> tuple[str, ...]:
    return tuple(f.column for f in acled_fields())


# Rasad's own columns after ACLED's: readers that know ACLED's columns ignore them.
RASAD_COLUMNS = ("notes_ar", "wounded", "arrested", "escaped", "transferred", "border_km", "border_sector", "confidence",
                 "rasad_event_id")


@cache
def _scales() -> tuple[tuple[re.Pattern, str], ...]:
    rows = csv.DictReader(line for line in _data("source_scales.csv").splitlines() if not line.startswith("#"))
    return tuple((re.compile(r["pattern"], re.IGNORECASE), r["scale"]) for r in rows)


@cache
def _phrases() -> dict[str, dict[str, str]]:
    return tomllib.loads(_data("notes.toml"))["phrases"]


def source_scale(sources: Iterable[str]) -> str:
    """ACLED's source scale of the outlets behind an event (each given by its name and address): two scales
    joined by a hyphen at most."""
    found = set()
    for source in sources:
        found.add(next((scale for pattern, scale in _scales() if pattern.search(source)), "Other"))
    ordered = [scale for scale in _SCALE_ORDER if scale in found]
    return "-".join(ordered[:2])


def event_id_cnty(event_id: str, country: str | None) -> str:
    """ACLED's form of an event id (``IRQ`` and a number), derived from Rasad's id so it never changes."""
    iso3 = _COUNTRY_CODES.get(country or "", ("XXX", 0))[0]
    digits = event_id.split("_", 1)[-1]
    number = int(digits, 16) if re.fullmatch(r"[0-9a-f]+", digits) else int.from_bytes(event_id.encode()[-7:], "big")
    return f"{iso3}{number}"


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two actor types with the lower first, a lone actor's type then 0."""
    if not inter1:
        return None
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _long_date(day: str) -> str:
    value = date.fromisoformat(day)
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def summary(event: dict[str, Any], actor1: str, actor2: str) -> str:
    """A short English summary in the manner of ACLED's notes: when, who did what to whom, where, counts."""
    phrase = _phrases().get(event["sub_event_type"], _phrases()["Other"])
    a1 = actor1 or "an unidentified party"
    text = (phrase["with_target"] if actor2 else phrase["alone"]).format(a1=a1, a2=actor2)
    where = event.get("location") or "an unnamed place"
    def letters(name: str) -> str:
        return re.sub(r"[^a-z]", "", name.lower())

    region = ", ".join(part for part in (event.get("admin2"), event.get("admin1"))
                       if part and letters(part) != letters(where))
    precision = event.get("time_precision") or 1
    when = _long_date(event["event_date"])
    when = {1: f"On {when}", 2: f"Around {when}", 3: f"In {when.split(' ', 1)[1]}"}.get(precision, f"On {when}")
    near = "near" if (event.get("geo_precision") or 1) == 2 else "in"
    counts = [f"{event[name]} {label}" for name, label in (("fatalities", "killed"), ("wounded", "wounded"),
              ("arrested", "arrested"), ("escaped", "escaped"), ("transferred", "transferred"))
              if event.get(name)]
    sentence = f"{when}, {text} {near} {where}"
    sentence += f" ({region})." if region else "."
    if counts:
        sentence += " " + ", ".join(counts).capitalize() + "."
    tags = [tag.replace("_", " ") for tag in event.get("tags") or []]
    if tags:
        sentence += f" [{'; '.join(tags)}]"
    return sentence


def _epoch(moment: str | None) -> int | str:
    if not moment:
        return ""
    return int(datetime.fromisoformat(moment).timestamp())


def admin_areas(event: dict[str, Any]) -> tuple[str, str]:
    """ACLED's admin2 and admin3: the district and sub-district whose OCHA polygon holds the event's point,
    where the point is the place or near it (geo_precision 1 or 2); a governorate's point (3) says neither."""
    if (event.get("geo_precision") or 3) <= 2:
        unit = default_units().locate(event.get("latitude"), event.get("longitude"))
        if unit is not None and unit.admin1 == event.get("admin1"):
            return unit.admin2, unit.admin3
    return event.get("admin2") or "", event.get("admin3") or ""


def acled_row(event: dict[str, Any]) -> dict[str, Any] | None:
    """One stored event (with its mentions) as an ACLED row, or None where it has no date (ACLED has none)."""
    if not event.get("event_date"):
        return None
    actors = actor_table()
    country = event.get("country") or ""
    iso = _COUNTRY_CODES.get(country, ("", ""))[1]
    day = event["event_date"]
    actor1_name = event.get("actor1")
    if not actor1_name and event["event_type"] in _VIOLENT:
        actor1_name = "Unidentified Armed Group"  # ACLED names no event without a first actor
    actor1 = actors.acled_name(actor1_name, country, day)
    actor2 = actors.acled_name(event.get("actor2"), country, day)
    inter1, inter2 = actors.inter(actor1_name), actors.inter(event.get("actor2"))
    mentions = event.get("mentions") or []
    sources = sorted({m.get("source") or m["doc_id"] for m in mentions})
    scale = source_scale(f"{m.get('source') or ''} {m.get('url') or ''}" for m in mentions)
    evidence = " | ".join(m["evidence"][0]["text"] for m in mentions if m.get("evidence"))
    disorder = "Political violence; Demonstrations" if event["sub_event_type"] in _BOTH else _DISORDER[event["event_type"]]
    admin2, admin3 = admin_areas(event)
    row: dict[str, Any] = {
        "event_id_cnty": event_id_cnty(event["event_id"], country),
        "event_date": day, "year": int(day[:4]), "time_precision": event.get("time_precision") or 1,
        "disorder_type": disorder, "event_type": event["event_type"], "sub_event_type": event["sub_event_type"],
        "actor1": actor1, "assoc_actor_1": "", "inter1": inter1 or "",
        "actor2": actor2, "assoc_actor_2": "", "inter2": inter2 or 0,
        "interaction": interaction(inter1, inter2) or "",
        "civilian_targeting": "Civilian targeting" if event.get("actor2") == "Civilians" and disorder != "Strategic "
                              "developments" else "",
        "iso": iso, "region": "Middle East", "country": COUNTRY_NAMES.get(country, country),
        "admin1": event.get("admin1") or "", "admin2": admin2, "admin3": admin3,
        "location": event.get("location") or "",
        "latitude": event.get("latitude") if event.get("latitude") is not None else "",
        "longitude": event.get("longitude") if event.get("longitude") is not None else "",
        "geo_precision": event.get("geo_precision") or 3, "source": "; ".join(sources), "source_scale": scale,
        "notes": summary(event, actor1, actor2), "fatalities": event.get("fatalities") or 0,
        "tags": "; ".join(event.get("tags") or []), "timestamp": _epoch(event.get("updated_at")),
        "notes_ar": evidence,
    }
    for name in ("wounded", "arrested", "escaped", "transferred"):
        row[name] = event.get(name) if event.get(name) is not None else ""
    row.update(border_km=event.get("border_km") if event.get("border_km") is not None else "",
               border_sector=event.get("border_sector") or "", confidence=event.get("confidence"),
               rasad_event_id=event["event_id"])
    return row


def acled_rows(events: Iterable[dict[str, Any]], skipped: Counter) -> Iterator[dict[str, Any]]:
    """ACLED rows of ``events``; each event left out is counted in ``skipped`` by why."""
    for event in events:
        row = acled_row(event)
        if row is None:
            skipped["no date"] += 1
            continue
        yield row


# -- ACLED's files in --------------------------------------------------------------------------------
_NEEDED = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "country", "latitude", "longitude")


def _acled_date(text: str, path: str, line: int) -> str:
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%m/%d/%Y"):
        try:
            return datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    raise InputError(f"event_date {text!r} is not a date", path=path, line=line)


def _number(row: dict[str, str], name: str, path: str, line: int, kind: type = float) -> Any:
    text = (row.get(name) or "").strip()
    if not text:
        return None
    try:
        return kind(text)
    except ValueError:
        raise InputError(f"{name} {text!r} is not a number", path=path, line=line) from None


def read_acled(path: Path, skipped: Counter) -> Iterator[dict[str, Any]]:
    """The Iraq and Syria events of an ACLED CSV (ACLED's own export), as Rasad event fields plus
    ``record_id`` (event_id_cnty), ``notes``, ``source`` and ``source_scale``. Rows of other countries are
    counted in ``skipped``; a malformed row stops the read with an error naming the file and line."""
    name = str(path)
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=name) from None
    actors = actor_table()
    gazetteer = default_gazetteer()
    with handle:
        reader = csv.DictReader(handle)
        missing = [column for column in _NEEDED if column not in (reader.fieldnames or ())]
        if missing:
            raise InputError(f"not an ACLED file: no column {', '.join(missing)}", path=name, line=1)
        for row in reader:
            line = reader.line_num
            country = _COUNTRY_BY_NAME.get((row.get("country") or "").strip())
            if country is None:
                skipped["other country"] += 1
                continue
            event_type, sub_type = row["event_type"].strip(), row["sub_event_type"].strip()
            if sub_type not in ACLED_TYPES.get(event_type, ()):
                raise InputError(f"{event_type!r} / {sub_type!r} is not an ACLED event type", path=name, line=line)
            latitude, longitude = _number(row, "latitude", name, line), _number(row, "longitude", name, line)
            if latitude is None or longitude is None or not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
                raise InputError("latitude and longitude must both be given, in degrees", path=name, line=line)
            admin1 = (row.get("admin1") or "").strip()
            governorate = next((p.admin1 for p in gazetteer.lookup(admin1) if p.feature == "admin1"), admin1 or None)
            yield {
                "record_id": row["event_id_cnty"].strip(), "event_type": event_type, "sub_event_type": sub_type,
                "event_date": _acled_date(row["event_date"], name, line),
                "time_precision": _number(row, "time_precision", name, line, int) or 1,
                "actor1": actors.canonical(row.get("actor1")) or None, "actor2": actors.canonical(row.get("actor2")) or None,
                "country": country, "admin1": governorate, "admin2": (row.get("admin2") or "").strip() or None,
                "admin3": (row.get("admin3") or "").strip() or None, "location": (row.get("location") or "").strip() or None,
                "latitude": latitude, "longitude": longitude,
                "geo_precision": _number(row, "geo_precision", name, line, int),
                "fatalities": _number(row, "fatalities", name, line, int) or 0,
                "tags": [tag.strip() for tag in (row.get("tags") or "").split(";") if tag.strip()],
                "notes": (row.get("notes") or "").strip(), "source": (row.get("source") or "").strip(),
                "source_scale": (row.get("source_scale") or "").strip(),
            }
