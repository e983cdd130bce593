"""An alert rule: what to watch for and where to send it. The same rule comes from the CLI, the API and the
dashboard, as a ``RuleSpec`` kept as JSON in the store."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from rasad.errors import InputError
from rasad.geo.boundaries import haversine_km
from rasad.geo.gazetteer import default_gazetteer
from rasad.trends.surges import FACILITY_FEATURES, UNITS

CHANNELS = ("email", "webhook", "dashboard")
KINDS = ("event", "surge", "threshold")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
_QUIET = re.compile(r"^(\d{1,2})-(\d{1,2})$")


@dataclass
class RuleSpec:
    """What a rule watches and where its alerts go (every filter left empty matches everything)."""

    channel: str
    target: str | None = None  # an e-mail address or a webhook URL; none for the dashboard
    secret: str | None = None  # the webhook's HMAC key
    kind: str = "event"  # "event": each new event; "surge": each surge of the current week; "threshold": the
    # week's matching events reaching ``threshold``
    threshold: int | None = None
    unit: str = "admin1"  # the areas a surge rule tests
    admin1: list[str] = field(default_factory=list)
    event_types: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    border_sector: str | None = None
    near: tuple[float, float, float] | None = None  # lat, lon, km
    facility: str | None = None  # a camp, prison or crossing, with ``radius_km``
    radius_km: float = 15.0
    min_confidence: float | None = None
    review_state: str | None = None
    quiet_hours: str | None = None  # "22-6": hold alerts from 22:00 to 06:00 UTC and send them after

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RuleSpec:
        known = {name: value for name, value in data.items() if name in cls.__dataclass_fields__}
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise InputError(f"unknown rule fields: {', '.join(unknown)}")
        if known.get("near") is not None:
            known["near"] = tuple(float(v) for v in known["near"])
        spec = cls(**known)
        spec.check()
        return spec

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def check(self) -> None:
        """A clear error for a rule that cannot work."""
        if self.channel not in CHANNELS:
            raise InputError(f"channel must be one of {', '.join(CHANNELS)}, not {self.channel!r}")
        if self.channel == "email" and not (self.target and _EMAIL.match(self.target)):
            raise InputError("an e-mail rule needs an address")
        if self.channel == "webhook":
            if not (self.target and self.target.startswith(("http://", "https://"))):
                raise InputError("a webhook rule needs an http(s) URL")
            if not self.secret or len(self.secret) < 16:
                raise InputError("a webhook rule needs a secret of 16 characters or more to sign with")
        if self.kind not in KINDS:
            raise InputError(f"kind must be one of {', '.join(KINDS)}, not {self.kind!r}")
        if self.kind == "threshold" and (self.threshold is None or self.threshold < 1):
            raise InputError("a threshold rule needs a threshold of 1 event or more a week")
        if self.unit not in UNITS:
            raise InputError(f"unit must be one of {', '.join(UNITS)}, not {self.unit!r}")
        if self.near is not None and len(self.near) != 3:
            raise InputError("near is LAT,LON,KM")
        if self.facility is not None and self.facility_place() is None:
            raise InputError(f"no camp, prison or crossing is named {self.facility!r}")
        if self.quiet_hours is not None:
            match = _QUIET.match(self.quiet_hours)
            if not match or int(match.group(1)) > 23 or int(match.group(2)) > 23:
                raise InputError(f"quiet hours are FROM-TO in hours of the day (UTC), e.g. 22-6; not {self.quiet_hours!r}")

    def facility_place(self):
        wanted = (self.facility or "").casefold()
        return next((p for p in default_gazetteer().places if p.feature in FACILITY_FEATURES
                     and wanted in (p.name.casefold(), p.name_ar, p.id)), None)

    def quiet(self, moment: datetime) -> bool:
        """Whether alerts are held at this moment."""
        if not self.quiet_hours:
            return False
        start, end = (int(part) for part in self.quiet_hours.split("-"))
        hour = moment.hour
        return start <= hour < end if start <= end else hour >= start or hour < end

    def matches(self, event: dict[str, Any]) -> bool:
        """Whether an event is one the rule watches for."""
        if self.admin1 and event.get("admin1") not in self.admin1:
            return False
        if self.event_types and event.get("event_type") not in self.event_types:
            return False
        if self.tags and not set(self.tags) & set(event.get("tags") or ()):
            return False
        if self.actors and not {event.get("actor1"), event.get("actor2")} & set(self.actors):
            return False
        if self.border_sector and event.get("border_sector") != self.border_sector:
            return False
        if self.min_confidence is not None and (event.get("confidence") or 0) < self.min_confidence:
            return False
        if self.review_state and event.get("review_state") != self.review_state:
            return False
        return self._in_radius(event)

    def _in_radius(self, event: dict[str, Any]) -> bool:
        centre = self.near
        if self.facility:
            place = self.facility_place()
            centre = (place.lat, place.lon, self.radius_km)
        if centre is None:
            return True
        if event.get("latitude") is None:
            return False
        return haversine_km(centre[0], centre[1], event["latitude"], event["longitude"]) <= centre[2]
