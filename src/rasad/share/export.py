"""Exports of stored events: JSONL, CSV, GeoJSON, ACLED's CSV and STIX 2.1 (the last two in rasad.interop).

Every exporter is registered in :data:`EXPORTERS` under its format name and called as
``exporter(events, out, options) -> count``."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from rasad.errors import InputError, RasadError
from rasad.interop.acled import RASAD_COLUMNS, acled_columns, acled_rows
from rasad.model import EVENT_FIELDS

EXTRA_FIELDS = ("event_id", "border_km", "border_sector", "confidence", "source_count", "first_reported",
                "last_reported")


@dataclass
class ExportOptions:
    """What an export is asked for beyond the events, and what it reports back."""

    excel: bool = False  # a byte-order mark first, so that spreadsheets read the Arabic as UTF-8
    org: str = "Rasad"  # the organisation the file comes from (STIX identity, MISP creator)
    skipped: Counter = field(default_factory=Counter)  # events left out, by why


def _flat(event: dict[str, Any]) -> dict[str, Any]:
    row = {name: event.get(name) for name in (*EXTRA_FIELDS[:1], *EVENT_FIELDS, *EXTRA_FIELDS[1:])}
    row["tags"] = "; ".join(event.get("tags") or [])
    return row


def write_jsonl(events: Iterable[dict[str, Any]], out: TextIO, options: ExportOptions) -> int:
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


def _write_table(rows: Iterable[dict[str, Any]], out: TextIO, columns: tuple[str, ...], excel: bool) -> int:
    if excel:
        out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({name: _cell(value) for name, value in row.items()})
        count += 1
    return count


def write_csv(events: Iterable[dict[str, Any]], out: TextIO, options: ExportOptions) -> int:
    return _write_table(map(_flat, events), out, (*EXTRA_FIELDS[:1], *EVENT_FIELDS, *EXTRA_FIELDS[1:]), options.excel)


def write_acled(events: Iterable[dict[str, Any]], out: TextIO, options: ExportOptions) -> int:
    """ACLED's columns in ACLED's order, then Rasad's own; undated events are left out (ACLED has none)."""
    return _write_table(acled_rows(events, options.skipped), out, acled_columns() + RASAD_COLUMNS, options.excel)


def write_stix(events: Iterable[dict[str, Any]], out: TextIO, options: ExportOptions) -> int:
    from rasad.interop.stix import write_bundle

    return write_bundle(events, out, options.org)


def write_geojson(events: Iterable[dict[str, Any]], out: TextIO, options: ExportOptions) -> int:
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


Exporter = Callable[[Iterable[dict[str, Any]], TextIO, ExportOptions], int]
EXPORTERS: dict[str, Exporter] = {
    "jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson, "acled": write_acled, "stix": write_stix,
}
# Formats whose rows need each event's mentions (sources, evidence), not only its fields, and formats that
# carry each event's TLP marking.
WITH_MENTIONS = {"acled", "stix"}
MARKED = {"stix"}


def export_events(store: Any, flt: Any, fmt: str, out: TextIO, options: ExportOptions) -> int:
    """Write the events of ``store`` that match ``flt`` in format ``fmt``. Formats that carry markings (STIX)
    get each event's TLP from its release (RED where never released) and the node's organisation."""
    write = exporter(fmt)
    if fmt in MARKED:
        return write(export_events_marked(store, flt, options), out, options)
    rows: Iterable[dict[str, Any]] = store.iter_events(flt)
    if fmt in WITH_MENTIONS:
        rows = (store.event(row["event_id"]) for row in rows)
    return write(rows, out, options)


def export_events_marked(store: Any, flt: Any, options: ExportOptions) -> Iterator[dict[str, Any]]:
    """The matching events with their mentions and ``tlp``, for the formats that carry markings."""
    return _marked(store, (store.event(row["event_id"]) for row in store.iter_events(flt)), options)


def _marked(store: Any, rows: Iterable[dict[str, Any]], options: ExportOptions) -> Iterator[dict[str, Any]]:
    from rasad.share.node import Node

    node = Node(store)
    try:
        options.org = node.identity()["org"]
    except RasadError:
        node = None  # no node identity: nothing was ever released, so everything is RED
    for event in rows:
        level = "RED"
        if node is not None:
            try:
                level = node.releasability("event", event["event_id"])["releasability"].get("tlp") or "RED"
            except RasadError:
                level = "RED"
        yield {**event, "tlp": level}


def exporter(name: str) -> Exporter:
    if name not in EXPORTERS:
        raise InputError(f"unknown export format {name!r}; one of: {', '.join(EXPORTERS)}")
    return EXPORTERS[name]
