"""Which events of a reference layer (ACLED's, say) Rasad also has, which it lacks, and which only Rasad has.

Two events are one incident when they have the same event type, dates that agree (within three days; in
the same month where either is coded to the month) and places that agree (within 25 km; 100 km or the same
governorate where either is placed only to a region), as ``../shared/eval/score.py`` matches them. Pairs
are taken cheapest first, each event used once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from rasad.geo.boundaries import haversine_km

NEAR_KM = 25.0
REGION_KM = 100.0
DAYS = 3


@dataclass
class Comparison:
    matched: list[tuple[dict[str, Any], dict[str, Any]]]  # (reference event, Rasad event)
    only_reference: list[dict[str, Any]]
    only_rasad: list[dict[str, Any]]

    def figures(self) -> dict[str, Any]:
        reference = len(self.matched) + len(self.only_reference)
        rasad = len(self.matched) + len(self.only_rasad)
        return {"reference_events": reference, "rasad_events": rasad, "both": len(self.matched),
                "only_reference": len(self.only_reference), "only_rasad": len(self.only_rasad),
                "reference_covered": round(len(self.matched) / reference, 3) if reference else None,
                "rasad_in_reference": round(len(self.matched) / rasad, 3) if rasad else None}


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _date_cost(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    first, second = _day(a.get("event_date")), _day(b.get("event_date"))
    if first is None or second is None:
        return None
    if max(a.get("time_precision") or 1, b.get("time_precision") or 1) >= 3:
        return 0.5 if (first.year, first.month) == (second.year, second.month) else None
    days = abs((first - second).days)
    return days / (DAYS + 1) if days <= DAYS else None


def _place_cost(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    regional = max(a.get("geo_precision") or 1, b.get("geo_precision") or 1) >= 3
    limit = REGION_KM if regional else NEAR_KM
    if None not in (a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude")):
        distance = haversine_km(a["latitude"], a["longitude"], b["latitude"], b["longitude"])
        if distance <= limit:
            return distance / limit
    if regional and a.get("admin1") and a.get("admin1") == b.get("admin1"):
        return 0.5
    return None


def pair_cost(reference: dict[str, Any], ours: dict[str, Any]) -> float | None:
    """How far apart two events are (lower is closer), or None when they cannot be one incident."""
    if reference.get("event_type") != ours.get("event_type"):
        return None
    when, where = _date_cost(reference, ours), _place_cost(reference, ours)
    if when is None or where is None:
        return None
    return when + where + (0.0 if reference.get("sub_event_type") == ours.get("sub_event_type") else 0.25)


def compare(reference: list[dict[str, Any]], ours: list[dict[str, Any]]) -> Comparison:
    pairs = sorted((cost, i, j) for i, a in enumerate(reference) for j, b in enumerate(ours)
                   if (cost := pair_cost(a, b)) is not None)
    used_reference, used_ours, matched = set(), set(), []
    for _, i, j in pairs:
        if i not in used_reference and j not in used_ours:
            used_reference.add(i)
            used_ours.add(j)
            matched.append((reference[i], ours[j]))
    return Comparison(matched, [e for i, e in enumerate(reference) if i not in used_reference],
                      [e for j, e in enumerate(ours) if j not in used_ours])
