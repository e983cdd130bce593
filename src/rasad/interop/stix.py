"""STIX 2.1 bundles, built and read with the OASIS ``stix2`` library.

Each event becomes an ``incident`` (Rasad's fields in a property extension that the bundle defines), a
``location``, an ``identity`` or ``threat-actor`` per actor with ``attributed-to``/``targets``
relationships, and a ``report`` per source carrying the evidence sentence. Every object is marked with
the event's TLP 2.0 marking and created by the node's identity. Ids are derived from Rasad's ids, so
exporting again gives the same objects (platforms update rather than duplicate them).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

import stix2
from stix2.exceptions import STIXError

from rasad.errors import InputError
from rasad.interop.acled import summary
from rasad.interop.actors import actor_table
from rasad.model import ACLED_TYPES, COUNT_FIELDS

_NAMESPACE = uuid.UUID("6f1d7c1e-3b4a-5e0f-9a51-7a7361640000")  # Rasad's namespace for derived STIX ids
EXTENSION_ID = f"extension-definition--{uuid.uuid5(_NAMESPACE, 'rasad-event-1.0')}"
# TLP 2.0 marking definitions as OASIS publishes them (the TLP 2.0 extension of STIX 2.1).
_OASIS = "identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01"
_TLP_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
TLP_IDS = {
    "CLEAR": "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    "GREEN": "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    "AMBER": "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    "AMBER+STRICT": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    "RED": "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}
_TLP_BY_ID = {value: key for key, value in TLP_IDS.items()}
# TLP 1.0 ids some platforms still send: WHITE is CLEAR.
_TLP_BY_ID.update({"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": "CLEAR",
                   "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": "GREEN",
                   "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": "AMBER",
                   "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": "RED"})
_PRECISION_METRES = {1: 1000.0, 2: 10000.0, 3: 100000.0}
# The fields of a Rasad event the extension carries.
EXTENSION_FIELDS = ("event_type", "sub_event_type", "tags", "event_date", "time_precision", "actor1", "actor2",
                    "country", "admin1", "admin2", "location", "location_ar", "geo_precision", *COUNT_FIELDS,
                    "border_km", "border_sector", "confidence", "rasad_event_id")


def _id(kind: str, *key: str) -> str:
    return f"{kind}--{uuid.uuid5(_NAMESPACE, '|'.join((kind, *key)))}"


def _moment(text: str | None) -> datetime:
    if not text:
        return datetime(1970, 1, 1, tzinfo=UTC)
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def tlp_marking(level: str) -> stix2.v21.MarkingDefinition:
    return stix2.v21.MarkingDefinition(
        id=TLP_IDS[level], created="2022-10-01T00:00:00.000Z", created_by_ref=_OASIS, name=f"TLP:{level}",
        extensions={_TLP_EXTENSION: {"extension_type": "property-extension", "tlp_2_0": level.lower()}})


def _actor(name: str, created_by: str, marking: list[str]) -> Any:
    """A threat actor for an armed group that is not a state's force, an identity for the others."""
    inter = actor_table().inter(name)
    if inter in (2, 3, 4):
        return stix2.v21.ThreatActor(id=_id("threat-actor", name), name=name, created_by_ref=created_by,
                                     created="2020-01-01T00:00:00Z", modified="2020-01-01T00:00:00Z",
                                     threat_actor_types=["terrorist" if inter == 2 else "unknown"],
                                     object_marking_refs=marking)
    identity_class = {7: "class", 6: "group", 5: "group"}.get(inter, "organization")
    return stix2.v21.Identity(id=_id("identity", "actor", name), name=name, identity_class=identity_class,
                              created_by_ref=created_by, created="2020-01-01T00:00:00Z", modified="2020-01-01T00:00:00Z",
                              object_marking_refs=marking)


def event_objects(event: dict[str, Any], identity: str) -> list[Any]:
    """The STIX objects of one stored event (with its mentions); ``event["tlp"]`` marks them (RED if unset)."""
    level = event.get("tlp") or "RED"
    marking = [TLP_IDS[level]]
    created, modified = _moment(event.get("created_at")), _moment(event.get("updated_at"))
    common = {"created_by_ref": identity, "created": created, "modified": max(created, modified),
              "object_marking_refs": marking}
    fields = {name: event.get(name) for name in EXTENSION_FIELDS if event.get(name) not in (None, [], "")}
    fields["rasad_event_id"] = event["event_id"]
    where = event.get("location") or event.get("admin1") or "an unnamed place"
    incident = stix2.v21.Incident(
        id=_id("incident", event["event_id"]),
        name=f"{event['sub_event_type']}, {where}, {event.get('event_date') or 'date unknown'}",
        description=_describe(event), **common,
        extensions={EXTENSION_ID: {"extension_type": "property-extension", **fields}})
    objects: list[Any] = [incident]
    if event.get("latitude") is not None:
        location = stix2.v21.Location(
            id=_id("location", event["event_id"]), name=where, latitude=event["latitude"], longitude=event["longitude"],
            precision=_PRECISION_METRES.get(event.get("geo_precision") or 3, 100000.0),
            country=event.get("country") or None, administrative_area=event.get("admin1") or None, **common)
        objects += [location, _relationship(incident.id, "located-at", location.id, common)]
    for field, relation in (("actor1", "attributed-to"), ("actor2", "targets")):
        if event.get(field):
            actor = _actor(event[field], identity, marking)
            objects += [actor, _relationship(incident.id, relation, actor.id, common)]
    for mention in event.get("mentions") or []:
        evidence = " … ".join(item["text"] for item in mention.get("evidence") or [])
        reference = {"source_name": mention.get("source") or mention["doc_id"], "external_id": mention["doc_id"]}
        if mention.get("url"):
            reference["url"] = mention["url"]
        published = _moment(mention.get("published") or event.get("first_reported") or event.get("created_at"))
        objects.append(stix2.v21.Report(
            id=_id("report", event["event_id"], mention.get("mention_id") or mention["doc_id"]),
            name=mention.get("title") or mention.get("source") or mention["doc_id"], description=evidence or None,
            published=published, report_types=["threat-report"], object_refs=[incident.id],
            external_references=[reference], **{**common, "created": min(created, published)}))
    return objects


def _relationship(source: str, kind: str, target: str, common: dict[str, Any]) -> stix2.v21.Relationship:
    return stix2.v21.Relationship(id=_id("relationship", source, kind, target), source_ref=source,
                                  relationship_type=kind, target_ref=target, **common)


def _describe(event: dict[str, Any]) -> str:
    if not event.get("event_date"):
        return f"{event['event_type']}: {event['sub_event_type']} at {event.get('location') or 'an unnamed place'}."
    return summary(event, event.get("actor1") or "", event.get("actor2") or "")


def write_bundle(events: Iterable[dict[str, Any]], out: TextIO, org: str) -> int:
    """Write one STIX 2.1 bundle of ``events``; returns how many events it holds."""
    identity = stix2.v21.Identity(id=_id("identity", "org", org), name=org, identity_class="organization",
                                  created="2020-01-01T00:00:00Z", modified="2020-01-01T00:00:00Z")
    extension = stix2.v21.ExtensionDefinition(
        id=EXTENSION_ID, created_by_ref=identity.id, created="2026-11-28T00:00:00Z", modified="2026-11-28T00:00:00Z",
        name="Rasad event", version="1.0", extension_types=["property-extension"],
        description="An event as Rasad codes it (ACLED's codebook plus mission counts and tags).",
        schema="https://github.com/rasad/rasad/blob/main/docs/exports.md#stix-21")
    objects: dict[str, Any] = {identity.id: identity, extension.id: extension}
    count = 0
    for event in events:
        level = event.get("tlp") or "RED"
        objects.setdefault(TLP_IDS[level], tlp_marking(level))
        for item in event_objects(event, identity.id):
            objects[item.id] = item
        count += 1
    bundle = stix2.v21.Bundle(id=_id("bundle", org, *sorted(objects)), objects=list(objects.values()))
    out.write(bundle.serialize(pretty=True, ensure_ascii=False) + "\n")
    return count


# -- a partner's bundle in -------------------------------------------------------------------------
def read_bundle(path: Path) -> Iterator[dict[str, Any]]:
    """The incidents of a STIX 2.1 bundle as reference records: Rasad's fields (from Rasad's extension where
    the producer wrote it, else from the incident, its location and its actors), ``record_id`` (the
    incident's id), ``marking`` (its TLP level), ``producer`` (the identity that created it) and
    ``evidence`` (the descriptions of the reports that cite it)."""
    name = str(path)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read: {error}", path=name) from None
    try:
        bundle = stix2.parse(json.loads(text), allow_custom=True)
    except (ValueError, STIXError) as error:
        raise InputError(f"not a valid STIX 2.1 bundle: {error}", path=name) from None
    if getattr(bundle, "type", None) != "bundle":
        raise InputError("not a STIX bundle (its type is not 'bundle')", path=name)
    by_id = {item["id"]: item for item in bundle.get("objects", [])}
    relations: dict[str, list[tuple[str, Any]]] = {}
    reports: dict[str, list[str]] = {}
    for item in by_id.values():
        if item["type"] == "relationship":
            relations.setdefault(item["source_ref"], []).append((item["relationship_type"], by_id.get(item["target_ref"])))
        elif item["type"] == "report" and item.get("description"):
            for ref in item.get("object_refs", []):
                reports.setdefault(ref, []).append(item["description"])
    for item in by_id.values():
        if item["type"] != "incident":
            continue
        yield _incident_record(item, relations.get(item["id"], []), reports.get(item["id"], []), by_id, name)


def _incident_record(incident: Any, relations: list[tuple[str, Any]], evidence: list[str], by_id: dict[str, Any],
                     path: str) -> dict[str, Any]:
    extension = dict((incident.get("extensions") or {}).get(EXTENSION_ID) or {})
    extension.pop("extension_type", None)
    record: dict[str, Any] = {name: extension.get(name) for name in EXTENSION_FIELDS if name in extension}
    for kind, target in relations:
        if target is None:
            continue
        if kind == "located-at" and target["type"] == "location":
            record.setdefault("latitude", target.get("latitude"))
            record.setdefault("longitude", target.get("longitude"))
            record.setdefault("location", target.get("name"))
            record.setdefault("country", target.get("country"))
            record.setdefault("admin1", target.get("administrative_area"))
        elif kind == "attributed-to":
            record.setdefault("actor1", actor_table().canonical(target.get("name")))
        elif kind == "targets":
            record.setdefault("actor2", actor_table().canonical(target.get("name")))
    if record.get("event_type") not in ACLED_TYPES:
        record["event_type"], record["sub_event_type"] = "Strategic developments", "Other"
    elif record.get("sub_event_type") not in ACLED_TYPES[record["event_type"]]:
        raise InputError(f"{incident['id']}: {record.get('sub_event_type')!r} is not a sub-event type of "
                         f"{record['event_type']!r}", path=path)
    markings = [_TLP_BY_ID[ref] for ref in incident.get("object_marking_refs", []) if ref in _TLP_BY_ID]
    creator = by_id.get(incident.get("created_by_ref") or "")
    record.update(record_id=incident["id"], marking=markings[0] if markings else None,
                  producer=creator["name"] if creator is not None and "name" in creator else None,
                  notes=incident.get("description") or incident.get("name"), evidence=evidence,
                  tags=list(record.get("tags") or []))
    return record
