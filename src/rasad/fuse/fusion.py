"""Cross-report fusion: a new event mention joins the stored event of the same incident or starts one.

Candidates are blocked by event type (and the related types outlets give one incident), a date window and
a bounding box; the best compatible candidate (place, date, sub-type and actors agreeing) wins. A village
and its district are one place; tolls may differ as they rise, but not with civilians the victims of one account
and a force those of the other. A fused event is recomputed from all its mentions: the most precise place and
date, the most common actors, every tag, and for each count the lowest reported figure (ACLED's rule), or the
latest toll a report says rose, while every figure stays visible in the mentions.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Protocol

from rasad.geo.boundaries import haversine_km
from rasad.model import COUNT_FIELDS

CIVILIANS = "Civilians"
DATE_WINDOW_DAYS = 7
PLACE_KM = 25.0
DISTRICT_KM = 60.0  # a village on one side and its district on the other
# Types that outlets give one incident: a clash one calls an attack on civilians, an ambush one leads with
# its roadside bomb. Such accounts join only when they agree on the day and the place.
RELATED_TYPES = {"Battles": ("Violence against civilians", "Explosions/Remote violence"),
                 "Violence against civilians": ("Battles",), "Explosions/Remote violence": ("Battles",)}
RELATED_KM = 10.0
TOWNS_APART_KM = 10.0  # two places each named as the scene itself, farther apart than this, are two scenes
# Two accounts of the same day, type and governorate with the same distinctive figures ("3 killed, 2 wounded"),
# one placed at a town and the other at a sub-district near it, are one incident this far apart
FIGURES_KM = 80.0
DISTINCTIVE_FIGURES = 3  # the least sum of the shared figures that tells one incident from another


class CandidateSource(Protocol):
    """Where fusion looks for the stored events a mention may belong to (the store implements it)."""

    def candidates(self, event_type: str, day_from: str | None, day_to: str | None,
                   bbox: tuple[float, float, float, float] | None, admin1: str | None = None,
                   admin2: str | None = None, precision: int = 1) -> list[dict[str, Any]]:
        """Events of the type and days within the box, or of ``admin1`` where either is placed only at the
        governorate or at an area whose district is not known, or in district ``admin2`` where either is placed
        only there: every event :func:`compatibility` could accept, and no other."""
        ...


@dataclass(frozen=True)
class Match:
    event_id: str
    score: float


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def compatibility(stored: dict[str, Any], mention: dict[str, Any]) -> float | None:
    """How well a mention fits a stored event, 0..1 (None: not the same incident)."""
    if stored["event_type"] != mention["event_type"]:
        return _related(stored, mention)
    if stored["event_type"] == "Strategic developments" and stored["sub_event_type"] != mention["sub_event_type"]:
        return None  # an arrest and an escape at one camp are two incidents
    d1, d2 = _day(stored.get("event_date")), _day(mention.get("event_date"))
    if d1 and d2:
        gap = abs((d1 - d2).days)
        precise = (stored.get("time_precision") or 3) == 1 and (mention.get("time_precision") or 3) == 1
        # arrests, seizures, transfers are made every day in every district: two told on different days are two;
        # so are two blows a day apart whose figures differ (a night's incident told on either day keeps its toll)
        daily = stored["event_type"] == "Strategic developments" or _figures_differ(stored, mention)
        if gap > ((0 if daily else 1) if precise else DATE_WINDOW_DAYS):
            return None
        date_score = 1 - gap / (DATE_WINDOW_DAYS + 1)
    else:
        # An undated report can only join an event from the days before it was published.
        published = _day(mention.get("published"))
        if not (d1 and published and -1 <= (published - d1).days <= DATE_WINDOW_DAYS + 3):
            return None
        date_score = 0.3
    if stored.get("latitude") is None or mention.get("latitude") is None:
        return None
    distance = haversine_km(stored["latitude"], stored["longitude"], mention["latitude"], mention["longitude"])
    coarse = max(stored.get("geo_precision") or 3, mention.get("geo_precision") or 3)
    same_district = coarse >= 2 and stored.get("admin2") and stored.get("admin2") == mention.get("admin2")
    # a governorate, or an area of it whose district is not known ("ريف دير الزور الشرقي"), holds any place of it;
    # an area of a known district does not hold a town of another that the gazetteer gives no district
    area_anywhere = any((account.get("geo_precision") or 3) == 2 and not account.get("admin2")
                        for account in (stored, mention))
    region = (coarse >= 3 or area_anywhere) and stored.get("admin1") == mention.get("admin1")
    figures = (coarse >= 2 and distance <= FIGURES_KM and stored.get("admin1") == mention.get("admin1")
               and d1 is not None and d1 == d2 and stored.get("sub_event_type") == mention.get("sub_event_type")
               and _same_distinctive_figures(stored, mention))
    if distance > PLACE_KM and not region and not (same_district and distance <= DISTRICT_KM) and not figures:
        return None
    if (stored.get("geo_precision") or 3) == 1 and (mention.get("geo_precision") or 3) == 1 and (
            distance > TOWNS_APART_KM):
        return None  # two towns or villages each named as the place itself, far apart: two incidents
    if not _tolls_agree(stored, mention) or (_victims_differ(stored, mention) and _figures_differ(stored, mention)):
        return None
    place_score = max(0.0, 1 - distance / (PLACE_KM * 4))
    score = 0.45 * place_score + 0.35 * date_score
    score += 0.1 if stored.get("sub_event_type") == mention.get("sub_event_type") else 0.0
    if stored.get("actor1") and mention.get("actor1"):
        score += 0.1 if stored["actor1"] == mention["actor1"] else -0.1
    return score


def _tolls_agree(stored: dict[str, Any], mention: dict[str, Any]) -> bool:
    """Figures of two accounts of one incident: tolls differ as they rise and as outlets count ("at least 8"
    against 9, 11 against 15), but not by more than threefold and five."""
    for name in COUNT_FIELDS:
        a, b = stored.get(name), mention.get(name)
        if a and b and abs(a - b) > 5 and max(a, b) > 3 * min(a, b):
            return False
    return True


def _victims_differ(stored: dict[str, Any], mention: dict[str, Any]) -> bool:
    """One account's victims are civilians, the other's a force: a bomb on a family's car and one on an army
    vehicle near it the same day are two incidents (where their figures differ too)."""
    victims = {stored.get("actor2"), mention.get("actor2")}
    return None not in victims and len(victims) == 2 and CIVILIANS in victims


def _figures_differ(stored: dict[str, Any], mention: dict[str, Any]) -> bool:
    """The accounts give different figures for something both count."""
    return any(stored.get(name) is not None and mention.get(name) is not None and stored[name] != mention[name]
               for name in COUNT_FIELDS)


def _same_distinctive_figures(stored: dict[str, Any], mention: dict[str, Any]) -> bool:
    """Both accounts give the same figures, and enough of them to tell the incident from another (see
    `DISTINCTIVE_FIGURES`)."""
    shared = [(stored[name], mention[name]) for name in COUNT_FIELDS
              if stored.get(name) is not None and mention.get(name) is not None]
    return bool(shared) and all(a == b for a, b in shared) and sum(a for a, _ in shared) >= DISTINCTIVE_FIGURES


def _related(stored: dict[str, Any], mention: dict[str, Any]) -> float | None:
    """A stored event of a related type (RELATED_TYPES) told the same day at the same place."""
    if stored["event_type"] not in RELATED_TYPES.get(mention["event_type"], ()):
        return None
    d1, d2 = _day(stored.get("event_date")), _day(mention.get("event_date"))
    if not (d1 and d2) or abs((d1 - d2).days) > 1:
        return None
    if stored.get("latitude") is None or mention.get("latitude") is None:
        return None
    if max(stored.get("geo_precision") or 3, mention.get("geo_precision") or 3) >= 3:
        return None
    distance = haversine_km(stored["latitude"], stored["longitude"], mention["latitude"], mention["longitude"])
    if distance > RELATED_KM or not _tolls_agree(stored, mention):
        return None
    return 0.3 * (1 - distance / (RELATED_KM * 2))


def best_match(source: CandidateSource, mention: dict[str, Any]) -> Match | None:
    """The stored event this mention reports, if any."""
    if mention.get("latitude") is None:
        return None  # an unplaced account fits no stored event (compatibility needs both places)
    when = _day(mention.get("event_date")) or _day(mention.get("published"))
    day_from = (when - timedelta(days=DATE_WINDOW_DAYS)).isoformat() if when else None
    day_to = (when + timedelta(days=DATE_WINDOW_DAYS)).isoformat() if when else None
    precision = mention.get("geo_precision") or 3
    bbox = search_box(mention)
    best = None
    for event_type in (mention["event_type"], *RELATED_TYPES.get(mention["event_type"], ())):
        for stored in source.candidates(event_type, day_from, day_to, bbox, mention.get("admin1"),
                                        mention.get("admin2"), precision):
            score = compatibility(stored, mention)
            if score is not None and (best is None or score > best.score):
                best = Match(stored["event_id"], score)
    return best


def search_box(mention: dict[str, Any]) -> tuple[float, float, float, float]:
    """West, south, east, north of the stored events a placed mention may join: PLACE_KM around it, and more, at
    these latitudes; FIGURES_KM where it gives a figure."""
    lat, lon = mention["latitude"], mention["longitude"]
    reach_lat, reach_lon = (0.75, 0.9) if any(mention.get(name) for name in COUNT_FIELDS) else (0.3, 0.4)
    return lon - reach_lon, lat - reach_lat, lon + reach_lon, lat + reach_lat


def event_id_for(mention: dict[str, Any], doc_id: str, index: int) -> str:
    """A stable event ID from the mention that started the event."""
    key = "|".join(str(mention.get(k)) for k in ("event_type", "event_date", "location", "latitude", "longitude"))
    return "evt_" + hashlib.sha1(f"{doc_id}|{index}|{key}".encode()).hexdigest()[:14]


def fuse_mentions(mentions: Iterable[dict[str, Any]], published: dict[str, str | None]) -> dict[str, Any]:
    """The fields of one fused event, recomputed from all of its mentions (each an extracted event dict)."""
    items = list(mentions)
    types = Counter(m["event_type"] for m in items)
    event_type = types.most_common(1)[0][0]
    same_type = [m for m in items if m["event_type"] == event_type]
    sub_type = Counter(m["sub_event_type"] for m in same_type).most_common(1)[0][0]
    placed = sorted((m for m in same_type if m.get("latitude") is not None),
                    key=lambda m: (m.get("geo_precision") or 9, -m.get("confidence", 0)))
    dated = sorted((m for m in same_type if m.get("event_date")),
                   key=lambda m: (m.get("time_precision") or 9, m["event_date"]))
    record: dict[str, Any] = {"event_type": event_type, "sub_event_type": sub_type}
    place = placed[0] if placed else same_type[0]
    for name in ("country", "admin1", "admin2", "location", "location_ar", "latitude", "longitude", "geo_precision",
                 "border_km", "border_sector"):
        record[name] = place.get(name)
    record["event_date"] = dated[0]["event_date"] if dated else None
    record["time_precision"] = dated[0].get("time_precision") if dated else None
    for name in ("actor1", "actor2"):
        values = Counter(m.get(name) for m in same_type if m.get(name))
        if len(values) > 1:  # an outlet that names the perpetrator outweighs those that do not
            values.pop("Unidentified Armed Group", None)
        record[name] = values.most_common(1)[0][0] if values else None
    record["tags"] = sorted({tag for m in same_type for tag in m.get("tags", [])})
    for name in COUNT_FIELDS:
        values = [m[name] for m in same_type if m.get(name) is not None]
        # a toll said to have risen ("ارتفعت حصيلة الهجوم إلى أربعة") replaces the first figures (GUIDELINES §6):
        # the latest such report's, else the lowest figure of all
        risen = [m for m in same_type if m.get(name) is not None
                 and (m.get("trace") or {}).get(name, {}).get("kind") == "updated"]
        if risen:
            latest = max(risen, key=lambda m: (published.get(m["doc_id"]) or "", m[name]))
            record[name] = latest[name]
        else:
            record[name] = min(values) if values else None
    # the sources disagree on a figure or the day: a review queue puts such an event before an analyst
    record["conflicting"] = int(any(len({m[name] for m in same_type if m.get(name) is not None}) > 1
                                    for name in (*COUNT_FIELDS, "event_date")))
    docs = {m["doc_id"] for m in items}
    disbelief = 1.0
    for doc in docs:
        disbelief *= 1 - max(m.get("confidence", 0.5) for m in items if m["doc_id"] == doc)
    record["confidence"] = round(min(0.99, 1 - disbelief), 3)
    record["source_count"] = len(docs)
    dates = sorted(d for d in (published.get(doc) for doc in docs) if d)
    record["first_reported"] = dates[0] if dates else None
    record["last_reported"] = dates[-1] if dates else None
    return record
