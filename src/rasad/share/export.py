"""Exports of stored events: JSONL, CSV, GeoJSON, and ACLED-compatible CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from rasad.errors import InputError
from rasad.model import COUNT_FIELDS, EVENT_FIELDS

EXTRA_FIELDS = ("event_id", "border_km", "border_sector", "confidence", "source_count", "first_reported",
                "last_reported")
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
# Rasad's own columns after ACLED's: readers that know ACLED's columns ignore them.
ACLED_EXTRA = ("wounded", "arrested", "escaped", "transferred", "border_km", "border_sector", "confidence",
               "rasad_event_id")
_COUNTRIES = {"IQ": ("Iraq", 368), "SY": ("Syria", 760)}
_DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
             "Violence against civilians": "Political violence", "Riots": "Political violence",
             "Protests": "Demonstrations", "Strategic developments": "Strategic developments"}
# ACLED interaction codes of the standard actors (1 state forces, 2 rebel groups, 3 political militias,
# 6 protesters, 7 civilians, 8 external/other forces).
_INTER = {"Islamic State": 2, "Syrian Democratic Forces": 2, "Asayish": 2, "Unidentified Armed Group": 3,
          "International Coalition": 8, "Military Forces of the United States": 8, "Civilians": 7}


def _inter(actor: str | None) -> int:
    if not actor:
        return 0
    return _INTER.get(actor, 1)


def acled_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event as an ACLED CSV row."""
    country, iso = _COUNTRIES.get(event.get("country") or "", ("", ""))
    inter1, inter2 = _inter(event.get("actor1")), _inter(event.get("actor2"))
    low, high = sorted((inter1, inter2))
    notes = " | ".join(m["evidence"][0]["text"] for m in event.get("mentions", []) if m.get("evidence"))
    sources = "; ".join(sorted({m.get("source") or m["doc_id"] for m in event.get("mentions", [])}))
    row = {
        "event_id_cnty": f"{event.get('country') or 'XX'}{event['event_id'][4:]}".upper(),
        "event_date": event.get("event_date") or "",
        "year": (event.get("event_date") or "")[:4],
        "time_precision": event.get("time_precision") or "",
        "disorder_type": _DISORDER.get(event["event_type"], ""),
        "event_type": event["event_type"], "sub_event_type": event["sub_event_type"],
        "actor1": event.get("actor1") or "", "assoc_actor_1": "", "inter1": inter1 or "",
        "actor2": event.get("actor2") or "", "assoc_actor_2": "", "inter2": inter2 or "",
        "interaction": int(f"{low}{high}") if low else high or "",
        "civilian_targeting": "Civilian targeting" if event.get("actor2") == "Civilians" else "",
        "iso": iso, "region": "Middle East", "country": country, "admin1": event.get("admin1") or "",
        "admin2": event.get("admin2") or "", "admin3": "", "location": event.get("location") or "",
        "latitude": event.get("latitude") if event.get("latitude") is not None else "",
        "longitude": event.get("longitude") if event.get("longitude") is not None else "",
        "geo_precision": event.get("geo_precision") or "", "source": sources, "source_scale": "",
        "notes": notes, "fatalities": event.get("fatalities") or 0, "tags": "; ".join(event.get("tags") or []),
        "timestamp": event.get("updated_at") or "",
    }
    for name in COUNT_FIELDS[1:]:
        row[name] = event.get(name) if event.get(name) is not None else ""
    row.update(border_km=event.get("border_km") or "", border_sector=event.get("border_sector") or "",
               confidence=event.get("confidence"), rasad_event_id=event["event_id"])
    return row


def _flat(event: dict[str, Any]) -> dict[str, Any]:
    row = {name: event.get(name) for name in (*EXTRA_FIELDS[:1], *EVENT_FIELDS, *EXTRA_FIELDS[1:])}
    row["tags"] = "; ".join(event.get("tags") or [])
    return row


def write_jsonl(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(event, ensure_ascii=False) + "\n")
        count += 1
    return count


# A text cell a spreadsheet would run as a formula ("=HYPERLINK(…)" from a report's source): OWASP's advice is
# to prefix it with an apostrophe, which the spreadsheet shows as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _is_number(value):
        return "'" + value
    return value


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _write_table(rows: Iterable[dict[str, Any]], out: TextIO, columns: tuple[str, ...]) -> int:
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({name: _cell(value) for name, value in row.items()})
        count += 1
    return count


def write_csv(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    return _write_table(map(_flat, events), out, (*EXTRA_FIELDS[:1], *EVENT_FIELDS, *EXTRA_FIELDS[1:]))


def write_acled(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    return _write_table(map(acled_row, events), out, ACLED_COLUMNS + ACLED_EXTRA)


def write_geojson(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for event in events:
        if event.get("latitude") is None:
            continue
        properties = {k: v for k, v in event.items() if k not in ("latitude", "longitude", "mentions")}
        feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [event["longitude"], event["latitude"]]},
                   "properties": properties}
        out.write(("," if count else "") + json.dumps(feature, ensure_ascii=False) + "\n")
        count += 1
    out.write("]}\n")
    return count


EXPORTERS: dict[str, Callable[[Iterable[dict[str, Any]], TextIO], int]] = {
    "jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson, "acled": write_acled,
}


def exporter(name: str) -> Callable[[Iterable[dict[str, Any]], TextIO], int]:
    if name not in EXPORTERS:
        raise InputError(f"unknown export format {name!r}; one of: {', '.join(EXPORTERS)}")
    return EXPORTERS[name]
