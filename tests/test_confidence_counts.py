"""A minimum confidence alone (issue 16): on PostgreSQL counted from totals by hundredth of confidence (kept by
triggers) and the events of the threshold's own hundredth; exact on either store."""

from __future__ import annotations

import random

import pytest

from rasad.store.store import EventFilter


def confident_events(store, count: int, seed: int = 3, offset: int = 0) -> None:
    """``count`` events whose confidences fall on, just under and just over hundredths, loaded in bulk."""
    rng = random.Random(seed)
    columns = ("event_id", "event_type", "sub_event_type", "tags", "event_date", "time_precision", "country", "admin1",
               "confidence", "source_count", "review_state", "conflicting", "created_at", "updated_at")
    edges = [0.29, 0.3, 0.57, 0.9, 0.899, 0.901, 0.95, 0.999, 0.0, 1.0]
    rows = [(f"evt_c{number:05d}", "Battles", "Armed clash", "[]", "2025-06-01", 1, "IQ", "Kirkuk",
             rng.choice(edges) if number % 3 == 0 else round(rng.random(), 3), 1,
             "unreviewed", 0, "2025-06-01", "2025-06-01") for number in range(offset, offset + count)]
    with store.transaction():
        store.db.bulk_insert("events", columns, rows)


def plain_count(store, threshold: float) -> int:
    rows = store.db.execute("SELECT confidence FROM events WHERE merged_into IS NULL AND review_state <> 'rejected'"
                            ).fetchall()
    return sum(1 for row in rows if row["confidence"] >= threshold)


@pytest.mark.parametrize("threshold", [0.0, 0.29, 0.3, 0.57, 0.899, 0.9, 0.9005, 0.95, 0.999, 1.0])
def test_a_minimum_confidence_is_counted_exactly(store, threshold):
    confident_events(store, 600)
    page, total = store.query_events(EventFilter(min_confidence=threshold, sort="confidence", limit=20))
    assert total == plain_count(store, threshold)
    assert all(event["confidence"] >= threshold for event in page)


def test_the_confidence_totals_follow_every_change(store):
    if store.db.dialect != "postgresql":
        pytest.skip("the confidence totals are PostgreSQL's")
    confident_events(store, 400)
    with store.transaction():
        store.db.execute("UPDATE events SET merged_into = 'evt_c00001' WHERE event_id IN ('evt_c00002', 'evt_c00003')")
        store.db.execute("UPDATE events SET review_state = 'rejected' WHERE event_id = 'evt_c00004'")
        store.db.execute("UPDATE events SET confidence = 0.91 WHERE event_id LIKE 'evt_c001%'")
        store.db.execute("DELETE FROM events WHERE event_id = 'evt_c00005'")
    confident_events(store, 50, seed=4, offset=400)
    for threshold in (0.0, 0.5, 0.9, 0.91, 0.95):
        assert store.query_events(EventFilter(min_confidence=threshold))[1] == plain_count(store, threshold)
    store.db.execute("ANALYZE events")
    assert "event_confidence" in " ".join(store.explain_count(EventFilter(min_confidence=0.9)))
    assert "event_confidence" not in " ".join(store.explain_count(EventFilter(min_confidence=0.9, admin1="Kirkuk")))
