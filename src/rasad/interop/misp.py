"""MISP: events written as a MISP feed (a manifest and one event file each, which a MISP instance pulls as
a feed) and MISP event files read back, built and read with PyMISP's ``MISPEvent``.

Each Rasad event is one MISP event: ``info`` is the English summary, the tags are its TLP
(``tlp:red`` …) and its ACLED type (``acled:event-type="Battles"``, ``acled:sub-event-type="…"``), and
the attributes carry the fields, each named by its ``comment`` (``text``, ``datetime``, ``float``,
``counter`` and ``link`` attributes; no galaxies, no objects).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pymisp import MISPEvent, MISPOrganisation

from rasad.errors import InputError
from rasad.interop.acled import summary
from rasad.interop.actors import actor_table
from rasad.model import ACLED_TYPES, COUNT_FIELDS

_NAMESPACE = uuid.UUID("6f1d7c1e-3b4a-5e0f-9a51-7a7361640001")
_TEXT_FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "admin2", "location",
                "location_ar", "border_sector", "rasad_event_id")
_FLOAT_FIELDS = ("latitude", "longitude", "border_km", "confidence")
_INT_FIELDS = ("time_precision", "geo_precision", *COUNT_FIELDS)
_TAG = re.compile(r'^(?P<namespace>[\w-]+):(?P<predicate>[\w-]+)(?:="(?P<value>[^"]*)")?$')


def _uuid(*key: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "|".join(key)))


def misp_event(event: dict[str, Any], org: str) -> MISPEvent:
    """One stored event (with its mentions and ``tlp``) as a MISP event."""
    misp = MISPEvent()
    misp.uuid = _uuid("event", event["event_id"])
    misp.info = (summary(event, event.get("actor1") or "", event.get("actor2") or "") if event.get("event_date")
                 else f"{event['sub_event_type']} at {event.get('location') or 'an unnamed place'}")
    # MISP needs a date: an undated event takes the day it was first reported (its event_date attribute is absent)
    misp.date = date.fromisoformat((event.get("event_date") or event.get("first_reported") or "1970-01-01")[:10])
    misp.threat_level_id = 4  # undefined: Rasad codes incidents, not threats
    misp.analysis = 2 if event.get("review_state") == "verified" else 1
    misp.distribution = 0  # this organisation only: a feed's reader decides what to pass on by the TLP tag
    moment = datetime.fromisoformat(event.get("updated_at") or "1970-01-01T00:00:00+00:00")
    misp.timestamp = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    organisation = MISPOrganisation()
    organisation.name, organisation.uuid = org, _uuid("org", org)
    misp.Orgc = organisation
    misp.add_tag(f"tlp:{(event.get('tlp') or 'RED').lower()}")
    misp.add_tag(f'acled:event-type="{event["event_type"]}"')
    misp.add_tag(f'acled:sub-event-type="{event["sub_event_type"]}"')
    for tag in event.get("tags") or []:
        misp.add_tag(f'rasad:tag="{tag}"')
    fields = {**event, "rasad_event_id": event["event_id"]}

    def add(kind: str, name: str, value: Any, category: str = "Other") -> None:
        misp.add_attribute(kind, value, category=category, comment=name, to_ids=False,
                           uuid=_uuid("attribute", event["event_id"], name, str(value)))

    for name in _TEXT_FIELDS:
        if fields.get(name):
            add("text", name, fields[name])
    if event.get("event_date"):
        add("datetime", "event_date", f"{event['event_date']}T00:00:00+00:00")
    for name in _FLOAT_FIELDS:
        if fields.get(name) is not None:
            add("float", name, fields[name])
    for name in _INT_FIELDS:
        if fields.get(name) is not None:
            add("counter", name, fields[name])
    for mention in event.get("mentions") or []:
        for item in mention.get("evidence") or []:
            add("text", "evidence", item["text"], "External analysis")
        if mention.get("url"):
            add("link", "source", mention["url"], "External analysis")
    return misp


def write_feed(store: Any, flt: Any, folder: Path, options: Any) -> int:
    """Write the matching events of ``store`` as a MISP feed in ``folder``: ``manifest.json`` and one
    ``UUID.json`` per event (the layout MISP's "add feed" reads)."""
    from rasad.share.export import export_events_marked

    folder.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, Any] = {}
    count = 0
    for event in export_events_marked(store, flt, options):
        misp = misp_event(event, options.org)
        body = misp.to_feed(with_meta=False)
        (folder / f"{misp.uuid}.json").write_text(json.dumps(body, ensure_ascii=False, indent=1), "utf-8")
        manifest[misp.uuid] = misp.manifest[misp.uuid]
        count += 1
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
    return count


# -- a partner's MISP event in ---------------------------------------------------------------------
def read_events(path: Path) -> Iterator[dict[str, Any]]:
    """Reference records from a MISP event file, or from every event of a MISP feed folder (its manifest):
    the fields Rasad's attributes name, the ACLED type from the tags, ``record_id`` (the event's uuid),
    ``marking`` (its TLP tag), ``producer`` (the creator organisation) and ``evidence``."""
    if path.is_dir():
        manifest = path / "manifest.json"
        if not manifest.exists():
            raise InputError("a MISP feed folder needs its manifest.json", path=str(path))
        try:
            uuids = list(json.loads(manifest.read_text("utf-8")))
        except (ValueError, UnicodeDecodeError) as error:
            raise InputError(f"manifest.json is not JSON: {error}", path=str(manifest)) from None
        for event_uuid in uuids:
            yield _read_event(path / f"{event_uuid}.json")
    else:
        yield _read_event(path)


def _read_event(path: Path) -> dict[str, Any]:
    name = str(path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise InputError(f"not a MISP event file: {error}", path=name) from None
    misp = MISPEvent()
    try:
        misp.from_dict(**data)
    except Exception as error:  # PyMISP raises plain exceptions of several kinds on malformed events
        raise InputError(f"not a MISP event: {error}", path=name) from None
    record: dict[str, Any] = {"tags": [], "evidence": []}
    marking = None
    for tag in misp.tags:
        match = _TAG.match(tag.name)
        if not match:
            continue
        namespace, predicate, value = match["namespace"], match["predicate"], match["value"]
        if namespace == "tlp":
            marking = {"white": "CLEAR"}.get(predicate, predicate.upper())
        elif namespace == "acled" and predicate == "event-type":
            record["event_type"] = value
        elif namespace == "acled" and predicate == "sub-event-type":
            record["sub_event_type"] = value
        elif namespace == "rasad" and predicate == "tag" and value:
            record["tags"].append(value)
    for attribute in misp.attributes:
        field, value = attribute.comment, attribute.value
        if field == "evidence":
            record["evidence"].append(value)
        elif field == "event_date":
            record["event_date"] = str(value)[:10]
        elif field in _TEXT_FIELDS:
            record[field] = value
        elif field in _FLOAT_FIELDS:
            record[field] = float(value)
        elif field in _INT_FIELDS:
            record[field] = int(value)
    if record.get("event_type") not in ACLED_TYPES or record.get("sub_event_type") not in ACLED_TYPES[record["event_type"]]:
        record["event_type"], record["sub_event_type"] = "Strategic developments", "Other"
    if "event_date" not in record and "rasad_event_id" not in record:  # another producer's: its date is the event's
        record["event_date"] = misp.date.isoformat() if misp.date else None
    for field in ("actor1", "actor2"):
        record[field] = actor_table().canonical(record.get(field))
    producer = getattr(misp, "Orgc", None)
    record.update(record_id=str(misp.uuid), marking=marking, notes=misp.info,
                  producer=getattr(producer, "name", None) if producer is not None else None)
    return record
