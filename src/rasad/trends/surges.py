"""Weekly counts by unit (governorate, district, border sector, facility, grid cell, actor) and event type, and the
surges among them: weeks whose count is improbably high against the unit's own trailing weeks.

The test (docs/trends.md) is the exact conditional test for two Poisson rates: with ``c`` events this week and
``S`` in the previous ``n`` weeks (``baseline_weeks``, fewer at the start of the record), under a steady rate
``c`` given ``c + S`` is Binomial(c + S, 1 / (n + 1)); the week is a surge when ``P(C >= c)`` is below
``alpha`` and ``c`` is at least ``min_count``. The test needs no estimate of the rate, so it stays calibrated
for quiet and busy units alike (a plug-in Poisson test with an estimated mean raises too many alarms where
the rate is high). tests/test_trends.py checks the false-alarm share on steady simulated rates and that an
injected surge is found.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from rasad.errors import InputError
from rasad.geo.boundaries import haversine_km
from rasad.geo.gazetteer import default_gazetteer

UNITS = ("admin1", "admin2", "sector", "facility", "cell", "actor")
FACILITY_FEATURES = ("camp", "prison", "crossing")
FACILITY_KM = 15.0  # an event this close to a camp, prison or crossing counts for it
CELL_DEGREES = 0.25  # hotspot grid: about 25 km


@dataclass(frozen=True)
class SurgeTest:
    """The parameters of the surge test."""

    baseline_weeks: int = 8
    alpha: float = 0.01
    min_count: int = 3


@dataclass
class Surge:
    """A unit's week that stands out, with the events that raised it."""

    unit: str
    value: str
    week: str  # the Monday, ISO
    event_type: str | None
    count: int
    expected: float
    p_value: float
    event_ids: list[str] = field(default_factory=list)
    latitude: float | None = None  # a facility's or a cell's centre
    longitude: float | None = None


def monday(day: str | date) -> date:
    value = date.fromisoformat(day[:10]) if isinstance(day, str) else day
    return value - timedelta(days=value.weekday())


def parse_week(text: str) -> date:
    """The Monday of an ISO week given as 2026-W47 (or any day of it, as 2026-11-18)."""
    try:
        if "-W" in text.upper():
            year, week = text.upper().split("-W")
            return date.fromisocalendar(int(year), int(week), 1)
        return monday(text)
    except ValueError as error:
        raise InputError(f"not a week: {text!r} (2026-W47, or a day of the week)") from error


def binomial_tail(count: int, trials: int, share: float) -> float:
    """P(X >= count) for X ~ Binomial(trials, share)."""
    if count <= 0:
        return 1.0
    return min(1.0, sum(math.comb(trials, k) * share**k * (1 - share) ** (trials - k)
                        for k in range(count, trials + 1)))


def surge_p_value(count: int, past: list[int]) -> float:
    """How probable ``count`` or more events this week are, given the ``past`` weeks, under a steady rate."""
    if not past:
        return 1.0  # no past to compare with
    return binomial_tail(count, count + sum(past), 1 / (len(past) + 1))


@cache
def facilities() -> tuple:
    return tuple(p for p in default_gazetteer().places if p.feature in FACILITY_FEATURES)


def unit_values(event: dict, unit: str) -> list[tuple[str, float | None, float | None]]:
    """The values of ``unit`` an event counts for (a facility unit may give several), each with a centre."""
    if unit in ("admin1", "admin2"):
        return [(event[unit], None, None)] if event.get(unit) else []
    if unit == "sector":
        return [(event["border_sector"], None, None)] if event.get("border_sector") else []
    if unit == "actor":  # the event counts for each side named in it
        return [(name, None, None) for name in dict.fromkeys((event.get("actor1"), event.get("actor2"))) if name]
    lat, lon = event.get("latitude"), event.get("longitude")
    if lat is None or lon is None:
        return []
    if unit == "cell":
        south, west = math.floor(lat / CELL_DEGREES) * CELL_DEGREES, math.floor(lon / CELL_DEGREES) * CELL_DEGREES
        return [(f"{south:.2f},{west:.2f}", round(south + CELL_DEGREES / 2, 3), round(west + CELL_DEGREES / 2, 3))]
    if unit == "facility":
        return [(place.name, place.lat, place.lon) for place in facilities()
                if abs(place.lat - lat) < 0.3 and haversine_km(lat, lon, place.lat, place.lon) <= FACILITY_KM]
    raise InputError(f"unit must be one of {', '.join(UNITS)}, not {unit!r}")


@dataclass
class WeeklyCounts:
    """Counts by (unit value, event type or None for all) and week, with the events behind each count."""

    unit: str
    weeks: list[date]
    counts: dict[tuple[str, str | None], list[int]]
    events: dict[tuple[str, str | None, date], list[str]]
    centres: dict[str, tuple[float | None, float | None]]
    fatalities: dict[str, list[int]] = field(default_factory=dict)  # each value's reported deaths a week, all types


def weekly_counts(events: Iterable[dict], unit: str, first: date, last: date, by_type: bool = True) -> WeeklyCounts:
    """Every week from ``first`` to ``last`` (Mondays), empty weeks included."""
    if unit not in UNITS:
        raise InputError(f"unit must be one of {', '.join(UNITS)}, not {unit!r}")
    weeks = []
    week = monday(first)
    while week <= monday(last):
        weeks.append(week)
        week += timedelta(days=7)
    index = {week: k for k, week in enumerate(weeks)}
    counts: dict[tuple[str, str | None], list[int]] = defaultdict(lambda: [0] * len(weeks))
    behind: dict[tuple[str, str | None, date], list[str]] = defaultdict(list)
    centres: dict[str, tuple[float | None, float | None]] = {}
    killed: dict[str, list[int]] = defaultdict(lambda: [0] * len(weeks))
    for event in events:
        if not event.get("event_date"):
            continue
        week = monday(event["event_date"])
        if week not in index:
            continue
        for value, lat, lon in unit_values(event, unit):
            centres[value] = (lat, lon)
            killed[value][index[week]] += event.get("fatalities") or 0
            for kind in ((None, event["event_type"]) if by_type else (None,)):
                counts[(value, kind)][index[week]] += 1
                behind[(value, kind, week)].append(event["event_id"])
    return WeeklyCounts(unit, weeks, dict(counts), dict(behind), centres, dict(killed))


def surges(table: WeeklyCounts, test: SurgeTest = SurgeTest(), only_week: date | None = None) -> list[Surge]:
    """The surges of the table (of ``only_week`` alone where given), strongest first."""
    found = []
    for (value, kind), series in table.counts.items():
        for k, count in enumerate(series):
            week = table.weeks[k]
            if (only_week is not None and week != only_week) or count < test.min_count:
                continue
            past = series[max(0, k - test.baseline_weeks) : k]
            p = surge_p_value(count, past)
            if p < test.alpha:
                expected = sum(past) / len(past)
                lat, lon = table.centres.get(value, (None, None))
                found.append(Surge(table.unit, value, week.isoformat(), kind, count, round(expected, 2), p,
                                   table.events.get((value, kind, week), []), lat, lon))
    found.sort(key=lambda s: (s.p_value, -s.count))
    return found


def store_counts(store, unit: str, weeks: int, until: date | None = None, event_type: str | None = None,
                 test: SurgeTest = SurgeTest(), layer: str | None = None) -> WeeklyCounts:
    """The weekly counts of a store's events (or of an imported reference ``layer``'s records, "acled" say) for the
    ``weeks`` up to ``until`` (its week included), read with enough weeks before them for the first one's
    baseline."""
    from rasad.store.store import EventFilter

    last = monday(until or date.today())
    first = last - timedelta(weeks=weeks - 1 + test.baseline_weeks)
    end = (last + timedelta(days=6)).isoformat()
    if layer is None:
        events = store.iter_events(EventFilter(since=first.isoformat(), until=end, event_type=event_type))
    else:
        if unit == "sector":
            raise InputError("a reference layer has no border sectors: count it by admin1, admin2, facility or cell")
        events = [{**record, "event_id": f"{record['layer']}:{record['record_id']}"}
                  for record in store.reference_events(layer, first.isoformat(), end)
                  if event_type is None or record["event_type"] == event_type]
    return weekly_counts(events, unit, first, last, by_type=event_type is None)


def shown_weeks(table: WeeklyCounts, weeks: int) -> WeeklyCounts:
    """The table cut to its last ``weeks`` weeks (the earlier ones only served as baseline)."""
    cut = max(0, len(table.weeks) - weeks)
    return WeeklyCounts(table.unit, table.weeks[cut:], {key: series[cut:] for key, series in table.counts.items()},
                        {key: ids for key, ids in table.events.items() if key[2] >= table.weeks[cut]}, table.centres,
                        {value: series[cut:] for value, series in table.fatalities.items()})
