"""The records that flow between the pipeline stages: documents in, events out."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

# ACLED event types and their sub-event types (GUIDELINES §3).
ACLED_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade", "Chemical weapon"},
    "Violence against civilians": {"Attack", "Abduction/forced disappearance", "Sexual violence"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Arrests", "Agreement", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
MISSION_TAGS = ("detainee_transfer", "prison_escape", "attempt", "camp", "border", "infiltration", "border_closure",
                "foiled_plot", "security_operation", "vbied", "ied", "suicide", "coalition")
COUNT_FIELDS = ("fatalities", "wounded", "arrested", "escaped", "transferred")
# The fields of GUIDELINES §2, in the order exports write them.
EVENT_FIELDS = (
    "event_type", "sub_event_type", "tags", "event_date", "time_precision", "actor1", "actor2", "country", "admin1",
    "admin2", "location", "location_ar", "latitude", "longitude", "geo_precision", *COUNT_FIELDS,
)


@dataclass
class Document:
    """A report: its text and what is known of where and when it was published."""

    doc_id: str
    text: str
    published: date | None = None
    language: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None


@dataclass
class Evidence:
    """A stretch of the original report text that supports an event (character offsets into ``Document.text``)."""

    text: str
    start: int
    end: int
    fields: list[str] = field(default_factory=list)


@dataclass
class Event:
    """One event as GUIDELINES §2 codes it, with its report, evidence and confidence."""

    doc_id: str
    event_type: str
    sub_event_type: str
    tags: list[str] = field(default_factory=list)
    event_date: str | None = None
    time_precision: int | None = None
    actor1: str | None = None
    actor2: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    location_ar: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    wounded: int | None = None
    arrested: int | None = None
    escaped: int | None = None
    transferred: int | None = None
    border_km: float | None = None
    border_sector: str | None = None
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)
    trace: dict[str, dict[str, Any]] = field(default_factory=dict)
    place_id: str | None = None
    place_alternatives: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The event as plain data, sharing nothing with it (what ``dataclasses.asdict`` gives, written out: it
        runs once for every stored mention)."""
        return {name: [{"text": e.text, "start": e.start, "end": e.end, "fields": list(e.fields)} for e in self.evidence]
                if name == "evidence" else _plain(getattr(self, name)) for name in _EVENT_FIELDS}


_EVENT_FIELDS = tuple(f.name for f in fields(Event))


def _plain(value: Any) -> Any:
    """A copy of plain data: dicts, lists and tuples copied all the way down, scalars as they are."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    return value
