"""What an analyst may change on an event, and how the changes are applied over fused fields."""

from __future__ import annotations

from datetime import date
from typing import Any

from rasad.errors import InputError
from rasad.model import ACLED_TYPES, COUNT_FIELDS

TEXT_FIELDS = {"actor1", "actor2", "admin1", "admin2", "location", "location_ar", "event_type", "sub_event_type"}
# No incident counts more people than this: a larger figure is a typing error (and overflows the store).
MAX_COUNT = 10_000_000
EDITABLE = TEXT_FIELDS | set(COUNT_FIELDS) | {"tags", "event_date", "time_precision", "country", "latitude",
                                                 "longitude", "geo_precision"}


SUBTYPE_OF = {sub: event_type for event_type, subs in ACLED_TYPES.items() for sub in subs}


def check_edit(field: str, value: Any, event: dict[str, Any]) -> dict[str, Any]:
    """The overrides one field edit makes, checked and converted; an invalid edit is an InputError.

    A sub-event type names its event type too, so editing ``sub_event_type`` sets both; ``event_type`` alone
    can only be set to the type of the current sub-event type.
    """
    return {field: _checked(field, value, event)} if field != "sub_event_type" else {
        "sub_event_type": _checked(field, value, event), "event_type": SUBTYPE_OF[value]}


def _checked(field: str, value: Any, event: dict[str, Any]) -> Any:
    if field not in EDITABLE:
        raise InputError(f"field {field!r} cannot be edited; editable: {', '.join(sorted(EDITABLE))}")
    if value in ("", None):
        if field in ("event_type", "sub_event_type"):
            raise InputError(f"{field} cannot be empty")
        return None
    try:
        if field in COUNT_FIELDS:
            number = int(value)
            if not 0 <= number <= MAX_COUNT:
                raise ValueError
            return number
        if field in ("time_precision", "geo_precision"):
            number = int(value)
            if number not in (1, 2, 3):
                raise ValueError
            return number
        if field in ("latitude", "longitude"):
            number = float(value)
            if not (-90 <= number <= 90 if field == "latitude" else -180 <= number <= 180):
                raise ValueError
            return number
        if field == "event_date":
            return date.fromisoformat(str(value)).isoformat()
    except (ValueError, TypeError, OverflowError) as error:
        raise InputError(f"{str(value)[:40]!r} is not a valid {field}") from error
    if field == "tags":
        return sorted({tag.strip() for tag in (value if isinstance(value, list) else str(value).split(",")) if tag.strip()})
    if field == "country":
        if value not in ("IQ", "SY"):
            raise InputError("country must be IQ or SY")
        return value
    if field == "event_type":
        if value not in ACLED_TYPES:
            raise InputError(f"{value!r} is not an ACLED event type")
        if event["sub_event_type"] not in ACLED_TYPES[value]:
            raise InputError(f"edit sub_event_type instead: it sets the event type with it ({event['sub_event_type']!r} "
                             f"is not a sub-event type of {value!r})")
        return value
    if field == "sub_event_type":
        if value not in SUBTYPE_OF:
            raise InputError(f"{value!r} is not an ACLED sub-event type")
        return value
    return str(value)


def apply_overrides(record: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """The fused record with the analysts' edits laid over it."""
    return {**record, **overrides}
