"""The radius filter (issue 16): exact on either store; on PostgreSQL counted by the cells of a fine grid wholly inside
the circle (per-cell totals kept by triggers) plus the measured events of the cells it crosses, its newest page read
from the newest-first index."""

from __future__ import annotations

import math
import random

import pytest

from rasad.geo.boundaries import EARTH_KM
from rasad.store.grid import PER_DEGREE, circle_spans
from rasad.store.store import EventFilter

CENTRE = (35.1, 42.3)


def great_circle_km(lat: float, lon: float, lat2: float, lon2: float) -> float:
    a, b, c, d = map(math.radians, (lat, lon, lat2, lon2))
    h = math.sin((c - a) / 2) ** 2 + math.cos(a) * math.cos(c) * math.sin((d - b) / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(min(1.0, h)))


def cells(spans) -> set[tuple[int, int]]:
    return {(span.row, col) for span in spans for col in range(span.first, span.last + 1)}


@pytest.mark.parametrize("km", [0.4, 3, 30, 120, 400])
def test_cells_inside_hold_only_points_of_the_circle_and_no_point_of_it_is_elsewhere(km):
    rng = random.Random(km)
    for _ in range(12):
        lat, lon = rng.uniform(29, 38), rng.uniform(37, 49)
        inside, crossed = circle_spans(lat, lon, km)
        whole, edge = cells(inside), cells(crossed)
        assert whole.isdisjoint(edge)
        either = whole | edge
        reach = 1.3 * math.degrees(km / EARTH_KM)
        for _ in range(2000):
            # half the points near the edge, where a wrong cell would show
            if rng.random() < 0.5:
                bearing, distance = rng.uniform(0, 2 * math.pi), km * rng.uniform(0.97, 1.03)
                point_lat = lat + math.degrees(distance / EARTH_KM) * math.cos(bearing)
                point_lon = lon + math.degrees(distance / EARTH_KM) * math.sin(bearing) / math.cos(math.radians(lat))
            else:
                point_lat = lat + rng.uniform(-reach, reach)
                point_lon = lon + rng.uniform(-reach, reach) / math.cos(math.radians(lat))
            cell = (math.floor(point_lat * PER_DEGREE), math.floor(point_lon * PER_DEGREE))
            within = great_circle_km(lat, lon, point_lat, point_lon) <= km
            assert within or cell not in whole, (lat, lon, km, point_lat, point_lon)
            assert not within or cell in either, (lat, lon, km, point_lat, point_lon)


def place_events(store, count: int, seed: int = 7, offset: int = 0) -> None:
    """``count`` events scattered around CENTRE, a third within 3 km and a third within 40 km, a few undated,
    loaded in bulk (COPY on PostgreSQL, the way an archive's load goes)."""
    rng = random.Random(seed)
    columns = ("event_id", "event_type", "sub_event_type", "tags", "event_date", "time_precision", "country", "admin1",
               "location", "latitude", "longitude", "geo_precision", "confidence", "source_count", "review_state",
               "conflicting", "created_at", "updated_at")
    rows = []
    for number in range(offset, offset + count):
        spread = (0.03, 0.4, 2.5)[number % 3]
        day = None if number % 23 == 0 else f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        rows.append((f"evt_r{number:05d}", "Battles", "Armed clash", "[]", day, 1, "IQ", "Nineveh", "somewhere",
                     CENTRE[0] + rng.uniform(-spread, spread), CENTRE[1] + rng.uniform(-spread, spread), 1, 0.8, 1,
                     "unreviewed", 0, "2025-12-01", "2025-12-01"))
    with store.transaction():
        store.db.bulk_insert("events", columns, rows)


def expected(store, lat: float, lon: float, km: float, newest_first: bool = True) -> list[str]:
    """The visible events within ``km`` in the API's order (by day, undated last, then by ID), by a plain reading of
    every event."""
    rows = store.db.execute("SELECT event_id, event_date, latitude, longitude FROM events WHERE merged_into IS NULL "
                            "AND review_state <> 'rejected' AND latitude IS NOT NULL").fetchall()
    inside = [row for row in rows if great_circle_km(lat, lon, row["latitude"], row["longitude"]) <= km]
    days = sorted({row["event_date"] for row in inside if row["event_date"]}, reverse=newest_first)
    return [row["event_id"] for day in [*days, None]
            for row in sorted((r for r in inside if r["event_date"] == day), key=lambda r: r["event_id"])]


# dense circles (PostgreSQL reads their page newest first) and a sparse one off the centre (chosen among its events)
@pytest.mark.parametrize("centre, km", [(CENTRE, 3), (CENTRE, 25), (CENTRE, 60), ((36.3, 43.4), 70)])
def test_a_circle_is_counted_and_paged_exactly(store, centre, km):
    place_events(store, 1200)
    if store.db.dialect == "postgresql":
        store.db.execute("ANALYZE events")
    want = expected(store, *centre, km)
    assert len(want) > 5, "the circle holds events"
    for offset in (0, 40, len(want) - 5, len(want) + 10):
        page, total = store.query_events(EventFilter(near=(*centre, km), limit=40, offset=max(0, offset)))
        assert total == len(want)
        assert [event["event_id"] for event in page] == want[max(0, offset):max(0, offset) + 40]
    oldest, total = store.query_events(EventFilter(near=(*centre, km), limit=40, descending=False))
    assert total == len(want)
    assert [event["event_id"] for event in oldest] == expected(store, *centre, km, newest_first=False)[:40]


def cell_totals(store) -> dict[tuple[int, int], int]:
    rows = store.db.execute("SELECT row_, col_, events FROM event_cells WHERE events <> 0").fetchall()
    return {(row["row_"], row["col_"]): row["events"] for row in rows}


def recounted(store) -> dict[tuple[int, int], int]:
    rows = store.db.execute("SELECT latitude, longitude FROM events WHERE merged_into IS NULL AND "
                            "review_state <> 'rejected' AND latitude IS NOT NULL").fetchall()
    totals: dict[tuple[int, int], int] = {}
    for row in rows:
        cell = (math.floor(row["latitude"] * PER_DEGREE), math.floor(row["longitude"] * PER_DEGREE))
        totals[cell] = totals.get(cell, 0) + 1
    return totals


def test_the_cell_totals_follow_every_load_merge_rejection_move_and_deletion(store):
    if store.db.dialect != "postgresql":
        pytest.skip("the fine grid's totals are PostgreSQL's")
    place_events(store, 300)
    assert cell_totals(store) == recounted(store) and sum(recounted(store).values()) == 300
    with store.transaction():
        store.db.execute("UPDATE events SET merged_into = 'evt_r00001' WHERE event_id IN ('evt_r00002', 'evt_r00003')")
        store.db.execute("UPDATE events SET review_state = 'rejected' WHERE event_id = 'evt_r00004'")
        store.db.execute("UPDATE events SET latitude = latitude + 0.3, longitude = longitude - 0.2 "
                         "WHERE event_id LIKE 'evt_r001%'")
        store.db.execute("UPDATE events SET latitude = NULL, longitude = NULL WHERE event_id = 'evt_r00005'")
        store.db.execute("UPDATE events SET confidence = 0.9")  # no cell changes: nothing to write
        store.db.execute("DELETE FROM events WHERE event_id IN ('evt_r00006', 'evt_r00007')")
    assert cell_totals(store) == recounted(store) and sum(recounted(store).values()) == 300 - 6
    with store.transaction():
        store.db.execute("UPDATE events SET review_state = 'unreviewed', merged_into = NULL")
    place_events(store, 50, seed=8, offset=300)
    assert cell_totals(store) == recounted(store) and sum(recounted(store).values()) == 300 - 3 + 50
    page, total = store.query_events(EventFilter(near=(*CENTRE, 30)))
    assert total == len(expected(store, *CENTRE, 30))


def test_only_a_circle_alone_is_counted_from_the_cell_totals(store):
    place_events(store, 200)
    alone, typed = EventFilter(near=(*CENTRE, 30)), EventFilter(near=(*CENTRE, 30), event_type="Battles")
    if store.db.dialect == "postgresql":
        store.db.execute("ANALYZE events")
        store.db.execute("SET enable_seqscan = off")
        assert "event_cells" in " ".join(store.explain_count(alone))
        assert "event_cells" not in " ".join(store.explain_count(typed))
    else:
        assert "events_cell" in " ".join(store.explain_count(alone))
    assert store.query_events(alone)[1] == store.query_events(typed)[1] == len(expected(store, *CENTRE, 30))
