"""`rasad db stats` (issue 16): tables and their sizes, the API's filters timed with their plans; the partial indexes
on visible events answer the counts by governorate and by type and date."""

from __future__ import annotations

import json

from click.testing import CliRunner

from rasad.cli import main
from rasad.model import Document, Event
from rasad.store.stats import STANDARD_FILTERS, table_sizes, time_standard_filters
from rasad.store.store import EventFilter


def fill(store, count: int = 30) -> None:
    with store.transaction():
        for number in range(count):
            store.add_document(Document(doc_id=f"d{number}", text=f"تقرير رقم {number} عن حادث في كركوك."))
            battle = number % 2
            event = Event(doc_id=f"d{number}", event_type="Battles" if battle else "Strategic developments",
                          sub_event_type="Armed clash" if battle else "Arrests", event_date=f"2025-06-{number % 28 + 1:02d}",
                          admin1="Kirkuk" if number % 3 else "Al-Hasakeh", country="IQ", location=f"Place {number}",
                          latitude=30 + number * 0.4, longitude=40 + number * 0.3, geo_precision=1, confidence=0.95)
            store.add_mention(event, 0, None)


def test_tables_and_the_standard_filters_are_reported(store):
    fill(store)
    sizes = {row["table"]: row for row in table_sizes(store)}
    assert sizes["events"]["rows"] == 30 and sizes["mentions"]["rows"] == 30
    timings = {timing.name: timing for timing in time_standard_filters(store, runs=1)}
    assert set(timings) == set(STANDARD_FILTERS)
    assert timings["governorate"].total == 20 and timings["a month"].total == 30
    assert all(0 <= timing.milliseconds <= timing.p95_milliseconds and timing.plan for timing in timings.values())


def test_counts_by_governorate_and_by_type_read_the_visible_indexes(store):
    fill(store)
    if store.db.dialect == "postgresql":  # a tiny table is read whole by PostgreSQL unless told otherwise
        store.db.execute("ANALYZE events")
        store.db.execute("SET enable_seqscan = off")
    by_governorate = " ".join(store.explain_count(EventFilter(admin1="Kirkuk")))
    by_type = " ".join(store.explain_count(EventFilter(event_type="Battles", since="2025-01-01")))
    assert "events_visible_admin1" in by_governorate
    assert "events_visible_type" in by_type


def test_a_radius_count_reads_a_cell_index_and_finds_the_same_events(store):
    fill(store)
    near = EventFilter(near=(32.0, 41.5, 120))
    expected = {e["event_id"] for e in store.query_events(EventFilter(limit=1000))[0]
                if ((e["latitude"] - 32.0) ** 2 + ((e["longitude"] - 41.5) * 0.848) ** 2) ** 0.5 * 111.2 <= 119}
    found = {e["event_id"] for e in store.query_events(near)[0]}
    assert expected and expected <= found  # the box and its cells keep every event in the circle
    if store.db.dialect == "postgresql":
        store.db.execute("ANALYZE events")
        store.db.execute("SET enable_seqscan = off")
    # PostgreSQL counts a circle alone by the totals of its fine grid's cells (tests/test_radius.py)
    assert ("event_cells" if store.db.dialect == "postgresql" else "events_cell") in " ".join(store.explain_count(near))


def test_the_command_prints_tables_and_timings_or_json(tmp_path):
    from rasad.store.store import open_store

    path = str(tmp_path / "s.db")
    with open_store(path) as store:
        fill(store)
    shown = CliRunner().invoke(main, ["db", "stats", "--db", path, "--runs", "1"])
    assert shown.exit_code == 0, shown.output
    assert "events" in shown.output and "governorate" in shown.output and "ms" in shown.output
    data = json.loads(CliRunner().invoke(main, ["db", "stats", "--db", path, "--runs", "1", "--json"]).output)
    assert data["tables"][0]["table"] == "events" and data["slow_statements"] is None
    assert {row["name"] for row in data["filters"]} == set(STANDARD_FILTERS)


def test_the_benchmarks_bulk_fill_loads_into_either_store(store):
    # `make bench` fills its large stores this way (COPY on PostgreSQL): every column a load leaves out must
    # still be valid, so a new NOT NULL column cannot break the benchmark unseen
    from benchmarks.bench import _synthetic_events

    _synthetic_events(store, 50)
    sizes = {row["table"]: row for row in table_sizes(store)}
    assert sizes["events"]["rows"] == 50


def test_the_benchmarks_filter_timings_on_the_embedded_store_are_written_as_a_section():
    from benchmarks.bench import bench_sqlite_store, filters_section

    figures = bench_sqlite_store(300)
    assert figures["dialect"] == "SQLite" and figures["events_mb"] >= 0
    assert {f["name"] for f in figures["filters"]} >= set(STANDARD_FILTERS) | {"within 10 km, empty desert"}
    assert all(f["ms"] <= f["p95_ms"] for f in figures["filters"])
    section = filters_section(figures)
    assert section.startswith("## SQLite at 300 events") and "SEARCH events USING INDEX" in section


def test_a_radius_finds_exactly_the_events_within_its_great_circle_distance(store):
    import math
    from datetime import date, timedelta

    def km(lat, lon):  # the great-circle distance from the centre, as the store's EARTH_KM reads it
        p = math.radians
        h = math.sin(p(lat - 36.0) / 2) ** 2 + math.cos(p(36.0)) * math.cos(p(lat)) * math.sin(p(lon - 41.0) / 2) ** 2
        return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))

    points = [(36.0 + row * 0.05, 41.0 + col * 0.06) for row in range(-8, 9) for col in range(-8, 9)]
    with store.transaction():
        for number, (lat, lon) in enumerate(points):
            store.add_document(Document(doc_id=f"g{number}", text=f"تقرير رقم {number} عن اشتباك قرب تلعفر."))
            store.add_mention(Event(doc_id=f"g{number}", event_type="Battles", sub_event_type="Armed clash",
                                    # three days apart: no two of them are one incident to fusion
                                    event_date=(date(2023, 1, 1) + timedelta(days=3 * number)).isoformat(),
                                    time_precision=1, admin1="Ninewa", country="IQ",
                                    location=f"Point {number}", latitude=lat, longitude=lon, geo_precision=1,
                                    confidence=0.9), 0, None)
    def flat(lat, lon):  # the distance on a flat map scaled at the centre's latitude, which the store reads first
        return math.hypot(lat - 36.0, (lon - 41.0) * math.cos(math.radians(36.0))) * 6371.0 * math.pi / 180

    # circles whose edge passes between a point's flat and great-circle distances: only the latter may decide
    ring = max(points, key=lambda point: abs(flat(*point) - km(*point)))
    for radius in (12.0, 30.0, (flat(*ring) + km(*ring)) / 2):
        inside = {number for number, (lat, lon) in enumerate(points) if km(lat, lon) <= radius}
        page, total = store.query_events(EventFilter(near=(36.0, 41.0, radius), limit=1000))
        assert total == len(inside) == len(page)
        assert {int(e["location"].split()[1]) for e in page} == inside
    newest, total = store.query_events(EventFilter(near=(36.0, 41.0, 30.0), limit=5))
    assert [e["event_date"] for e in newest] == sorted((e["event_date"] for e in newest), reverse=True)
    assert "total_" not in newest[0] and store.query_events(EventFilter(near=(36.0, 41.0, 30.0), offset=5000)) == (
        [], total)  # a page past the end still counts
