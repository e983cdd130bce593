"""Partner inputs: field reports and sensor alerts, posted as structured records rather than text.

Each input is validated against a published JSON Schema (``rasad schema field-report``,
``GET /api/schemas/field-report``), then becomes a report and one event mention, so fusion treats
it like any other source. Every field of the event traces back to the input field it came from.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from rasad.errors import InputError
from rasad.geo.boundaries import default_boundaries, haversine_km
from rasad.geo.gazetteer import default_gazetteer
from rasad.model import ACLED_TYPES, COUNT_FIELDS, MISSION_TAGS, Document, Event, Evidence

Identifier = Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_.:-]+$")]
Count = Annotated[int | None, Field(ge=0, le=100_000)]
NEAREST_PLACE_KM = 15.0


class ReleaseIn(BaseModel):
    """Who may receive the record (docs/sharing.md); the owner is always this node's organisation."""

    model_config = ConfigDict(extra="forbid")
    distribution: Literal["owner", "partners", "group", "all"] = "owner"
    tlp: Literal["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"] = "RED"
    partners: list[Annotated[str, Field(min_length=1, max_length=50)]] = []
    group: str | None = None
    coarsen: dict[str, Literal["point", "admin2", "admin1"]] = {}
    reshare: bool = False


class _Position(BaseModel):
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)

    @model_validator(mode="after")
    def _both_or_neither(self) -> _Position:
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("latitude and longitude come together")
        return self


class FieldReportIn(_Position):
    """A partner's account of an incident: what, who, where, when and how many."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"title": "Rasad field report"})
    report_id: Identifier
    observed_at: datetime = Field(description="when the incident happened (ISO 8601; UTC if no offset)")
    event_type: str = Field(description="ACLED event type")
    sub_event_type: str = Field(description="ACLED sub-event type of that type")
    tags: list[str] = Field([], description="mission tags (GUIDELINES §4)")
    actor1: str | None = Field(None, max_length=200)
    actor2: str | None = Field(None, max_length=200)
    location: str | None = Field(None, max_length=200, description="a place name the gazetteer knows, Arabic or English")
    fatalities: Count = None
    wounded: Count = None
    arrested: Count = None
    escaped: Count = None
    transferred: Count = None
    text: str = Field(min_length=1, max_length=20_000, description="the narrative, in Arabic or English")
    release: ReleaseIn | None = None

    @model_validator(mode="after")
    def _coded(self) -> FieldReportIn:
        subs = ACLED_TYPES.get(self.event_type)
        if subs is None:
            raise ValueError(f"event_type must be an ACLED event type, not {self.event_type!r}")
        if self.sub_event_type not in subs:
            raise ValueError(f"{self.sub_event_type!r} is not a sub-event type of {self.event_type!r}")
        if self.latitude is None and not self.location:
            raise ValueError("a field report needs a location or coordinates")
        return self

    @field_validator("tags")
    @classmethod
    def _tags(cls, tags: list[str]) -> list[str]:
        unknown = [tag for tag in tags if tag not in MISSION_TAGS]
        if unknown:
            raise ValueError(f"unknown mission tags: {', '.join(unknown)}")
        return tags


class SensorAlertIn(_Position):
    """A detection by a sensor (a thermal camera at a border post, say)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"title": "Rasad sensor alert"})
    alert_id: Identifier
    sensor_id: Identifier
    detected_at: datetime = Field(description="time of the detection (ISO 8601; UTC if no offset)")
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    detection: Literal["person", "group", "vehicle", "animal", "unknown"]
    count: Count = None
    confidence: float = Field(ge=0, le=1, description="the sensor's own confidence in the detection")
    release: ReleaseIn | None = None


SCHEMAS: dict[str, type[BaseModel]] = {"field-report": FieldReportIn, "sensor-alert": SensorAlertIn}


def parse_input(kind: str, data: Any, path: str = "input") -> FieldReportIn | SensorAlertIn:
    """Validate a decoded JSON object as a partner input of ``kind``; an InputError names the bad field."""
    if kind not in SCHEMAS:
        raise InputError(f"kind must be one of {', '.join(SCHEMAS)}, not {kind!r}")
    try:
        return SCHEMAS[kind].model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or kind
        raise InputError(f"{where}: {first['msg']}", path=path) from None


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _place_fields(lat: float | None, lon: float | None, name: str | None) -> dict[str, Any]:
    """Country, governorate, district, place name, point and precision from coordinates or a place name."""
    gazetteer, boundaries = default_gazetteer(), default_boundaries()
    fields: dict[str, Any] = {}
    if lat is None and name:
        places = gazetteer.lookup(name)
        if not places:
            raise InputError(f"location: the gazetteer does not know {name!r}; give coordinates as well")
        place = max(places, key=lambda p: p.population)
        lat, lon = place.lat, place.lon
        fields.update(location=place.name, location_ar=place.name_ar, admin2=place.admin2 or None,
                      geo_precision=3 if place.feature == "admin1" else 1 if place.feature == "city" else 2)
    elif lat is not None and lon is not None:
        near = [(haversine_km(lat, lon, p.lat, p.lon), p) for p in gazetteer.places if p.feature != "admin1"]
        distance, place = min(near, key=lambda pair: pair[0])
        if distance <= NEAREST_PLACE_KM:
            fields.update(location=name or place.name, location_ar=None if name else place.name_ar,
                          admin2=place.admin2 or None)
        else:
            fields.update(location=name, location_ar=None, admin2=None)
        fields["geo_precision"] = 1
    governorate = boundaries.admin1_at(lat, lon)
    fields.update(latitude=lat, longitude=lon, admin1=governorate.name if governorate else None,
                  country={"IQ": "Iraq", "SY": "Syria"}.get(governorate.country) if governorate else None)
    fields["border_km"] = round(boundaries.border_km(lat, lon), 1)
    fields["border_sector"] = boundaries.border_sector(lat, lon)
    return fields


def _traced(fields: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {name: {"text": str(value), "start": None, "end": None, "kind": kind, "field": name}
            for name, value in fields.items() if value not in (None, [], "")}


def input_id(org: str, kind: str, identifier: str) -> str:
    """The id an input is stored and released under: ``input:ORG:KIND:`` and a digest of the partner's own id,
    which may name a place ("patrol-daquq-0309") that a recipient of a coarsened copy must not learn."""
    return f"input:{org}:{kind}:" + hashlib.sha256(f"{org}\n{kind}\n{identifier}".encode()).hexdigest()[:16]


def to_document_and_event(kind: str, item: FieldReportIn | SensorAlertIn, org: str) -> tuple[Document, Event]:
    """The report and the event mention an input becomes (doc_id: :func:`input_id`)."""
    if isinstance(item, FieldReportIn):
        when = _utc(item.observed_at)
        doc_id = input_id(org, kind, item.report_id)
        text = item.text
        coded = {"event_type": item.event_type, "sub_event_type": item.sub_event_type, "tags": item.tags,
                 "actor1": item.actor1, "actor2": item.actor2, **{n: getattr(item, n) for n in COUNT_FIELDS}}
        place = _place_fields(item.latitude, item.longitude, item.location)
        confidence = 0.8
    else:
        when = _utc(item.detected_at)
        doc_id = input_id(org, kind, item.alert_id)
        text = (f"Sensor {item.sensor_id}: {item.detection} detected"
                + (f" ({item.count})" if item.count else "") + f", confidence {item.confidence:.2f}")
        crossing = item.detection in ("person", "group", "vehicle")
        coded = {"event_type": "Strategic developments", "sub_event_type": "Other",
                 "tags": ["border", "infiltration"] if crossing else ["border"]}
        place = _place_fields(item.latitude, item.longitude, None)
        place["location"] = place.get("location") or f"sensor {item.sensor_id}"
        confidence = round(0.3 + 0.5 * item.confidence, 2)
    record = {**coded, **place, "event_date": when.date().isoformat(), "time_precision": 1}
    trace = _traced({**coded, "event_date": when.isoformat(), "location": place.get("location"),
                     "latitude": place["latitude"], "longitude": place["longitude"]}, kind)
    document = Document(doc_id=doc_id, text=text, published=when.date(), source=f"{org} {kind}",
                        title=f"{org} {kind} {doc_id.rsplit(':', 1)[1]}")
    event = Event(doc_id=doc_id, confidence=confidence, trace=trace,
                  evidence=[Evidence(text=text, start=0, end=len(text), fields=sorted(trace))], **record)
    return document, event
