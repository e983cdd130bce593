"""Trends, surges and hotspots (issue 14): an honest test against each area's own past."""

from __future__ import annotations

import json
import math
import random
from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from rasad.cli import main
from rasad.errors import InputError
from rasad.model import Document, Event
from rasad.store.store import open_store
from rasad.trends.surges import (
    SurgeTest,
    binomial_tail,
    parse_week,
    surge_p_value,
    surges,
    unit_values,
    weekly_counts,
)
from rasad.web.app import create_app

THIS_WEEK = date(2026, 11, 16)  # a Monday


def poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method: a draw from Poisson(mean)."""
    limit, k, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k


def events_of(counts: dict[str, list[int]], first: date) -> list[dict]:
    out = []
    for unit, series in counts.items():
        for week, count in enumerate(series):
            for n in range(count):
                out.append({"event_id": f"{unit}-{week}-{n}", "event_type": "Battles", "admin1": unit,
                            "event_date": (first + timedelta(weeks=week, days=n % 7)).isoformat()})
    return out


def test_the_conditional_test():
    assert binomial_tail(0, 5, 0.5) == 1.0
    assert binomial_tail(2, 2, 0.5) == pytest.approx(0.25)
    assert surge_p_value(3, [0] * 8) == pytest.approx((1 / 9) ** 3)  # three events where there were none
    assert surge_p_value(3, []) == 1.0  # no past: nothing to compare with
    assert surge_p_value(8, [8] * 8) > 0.3  # a busy unit's usual week


def test_steady_rates_raise_few_false_alarms_and_a_real_surge_is_found():
    rng = random.Random(7)
    first, weeks = date(2025, 1, 6), 60
    steady = {f"unit{u}": [poisson(rng, rate) for _ in range(weeks)]
              for u, rate in enumerate([0.5, 1, 2, 4, 8] * 10)}
    table = weekly_counts(events_of(steady, first), "admin1", first, first + timedelta(weeks=weeks - 1), by_type=False)
    tested = [(unit, k) for unit in steady for k in range(8, weeks)]  # weeks with a full baseline
    flagged = [s for s in surges(table) if date.fromisoformat(s.week) >= first + timedelta(weeks=8)]
    assert len(flagged) / len(tested) <= 0.01  # at most alpha, quiet and busy units alike
    spiked = dict(steady, spike=[1] * 40 + [9] + [1] * 19)
    table = weekly_counts(events_of(spiked, first), "admin1", first, first + timedelta(weeks=weeks - 1), by_type=False)
    (surge,) = [s for s in surges(table) if s.value == "spike"]
    assert surge.week == (first + timedelta(weeks=40)).isoformat() and surge.count == 9
    assert sorted(surge.event_ids) == sorted(f"spike-40-{n}" for n in range(9))


def test_empty_weeks_are_weeks_of_their_own():
    first = date(2026, 1, 5)
    table = weekly_counts(events_of({"Kirkuk": [2, 0, 0, 3]}, first), "admin1", first, first + timedelta(weeks=3))
    assert table.weeks == [first + timedelta(weeks=k) for k in range(4)]
    assert table.counts[("Kirkuk", None)] == [2, 0, 0, 3] and table.counts[("Kirkuk", "Battles")] == [2, 0, 0, 3]


def test_a_facility_counts_the_events_near_it():
    near = {"event_id": "a", "event_type": "Battles", "event_date": "2026-11-17", "latitude": 36.40, "longitude": 41.15}
    far = dict(near, event_id="b", latitude=36.70, longitude=41.60)
    names = [name for name, _, _ in unit_values(near, "facility")]
    assert any("Hol" in name for name in names) and unit_values(far, "facility") == []
    (cell,) = unit_values(near, "cell")
    assert cell[0] == "36.25,41.00" and cell[1:] == (36.375, 41.125)


def test_weeks_are_named_the_iso_way():
    assert parse_week("2026-W47") == date(2026, 11, 16) and parse_week("2026-11-19") == date(2026, 11, 16)
    with pytest.raises(InputError):
        parse_week("next week")


def _store_with_a_surge(db: str) -> None:
    """Kirkuk: one clash a week for ten weeks, then six this week; Anbar: one a week throughout."""
    with open_store(db) as store, store.transaction():
        n = 0
        for weeks_ago in range(10, -1, -1):
            for place, count, lat, lon in (("Kirkuk", 6 if weeks_ago == 0 else 1, 35.47, 44.39),
                                           ("Al-Anbar", 1, 33.42, 43.30)):
                for k in range(count):
                    n += 1
                    day = THIS_WEEK - timedelta(weeks=weeks_ago) + timedelta(days=k % 7)
                    store.add_document(Document(doc_id=f"d{n}", text=f"تقرير رقم {n} عن حادث في {place}"))
                    store.add_mention(Event(doc_id=f"d{n}", event_type="Battles", sub_event_type="Armed clash",
                                            event_date=day.isoformat(), time_precision=1, country="IQ",
                                            admin1=place, latitude=lat + k * 0.3, longitude=lon, geo_precision=1), 0)


def test_the_cli_marks_the_surge_and_lists_its_events(tmp_path):
    db = str(tmp_path / "t.db")
    _store_with_a_surge(db)
    runner = CliRunner()
    result = runner.invoke(main, ["trends", "--db", db, "--weeks", "4", "--until", THIS_WEEK.isoformat()])
    assert result.exit_code == 0, result.output
    kirkuk = next(line for line in result.output.splitlines() if line.startswith("Kirkuk"))
    assert kirkuk.split()[1:] == ["1", "1", "1", "6*"]
    anbar = next(line for line in result.output.splitlines() if line.startswith("Al-Anbar"))
    assert "*" not in anbar
    listed = runner.invoke(main, ["surges", "--db", db, "--week", "2026-W47", "--json"])
    (surge,) = [s for s in json.loads(listed.output) if s["event_type"] is None]
    assert (surge["value"], surge["count"], len(surge["event_ids"])) == ("Kirkuk", 6, 6)


def test_the_api_gives_trends_with_their_surges(tmp_path):
    db = str(tmp_path / "t.db")
    _store_with_a_surge(db)
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    body = client.get("/api/trends", params={"weeks": 4, "until": THIS_WEEK.isoformat()}).json()
    assert body["weeks"] == [(THIS_WEEK - timedelta(weeks=k)).isoformat() for k in (3, 2, 1, 0)]
    kirkuk = next(s for s in body["series"] if s["value"] == "Kirkuk" and s["event_type"] is None)
    assert kirkuk["counts"] == [1, 1, 1, 6] and kirkuk["surges"] == [THIS_WEEK.isoformat()]
    assert len(kirkuk["fatalities"]) == 4 and all(n >= 0 for n in kirkuk["fatalities"])
    assert all(s["fatalities"] is None for s in body["series"] if s["event_type"] is not None)
    surges_now = client.get("/api/surges", params={"week": "2026-W47"}).json()
    assert {s["value"] for s in surges_now} == {"Kirkuk"}
    bad = client.get("/api/trends", params={"by": "planet"})
    assert bad.status_code == 400 and "unit must be one of" in bad.json()["error"]["message"]


def test_a_surge_test_can_be_stricter():
    first = date(2026, 1, 5)
    table = weekly_counts(events_of({"Kirkuk": [1] * 8 + [6]}, first), "admin1", first, first + timedelta(weeks=8))
    assert surges(table, SurgeTest(alpha=0.01)) and not surges(table, SurgeTest(alpha=0.001))


def test_an_imported_acled_layer_is_counted_the_same_way_beside_our_events(tmp_path):
    from collections import Counter as Tally

    from rasad.interop.acled import read_acled
    from tests.test_interop import acled_file_row, write_acled_file

    db = str(tmp_path / "t.db")
    _store_with_a_surge(db)
    path = tmp_path / "acled.csv"
    write_acled_file(path, [acled_file_row(n, event_date=(THIS_WEEK - timedelta(weeks=n % 3)).isoformat())
                            for n in range(1, 7)])
    with open_store(db) as store, store.transaction():
        for record in read_acled(path, Tally()):
            store.add_reference("acled", record, str(path), "test")
    runner = CliRunner()
    ours = runner.invoke(main, ["trends", "--db", db, "--weeks", "3", "--until", THIS_WEEK.isoformat(), "--json"])
    theirs = runner.invoke(main, ["trends", "--db", db, "--weeks", "3", "--until", THIS_WEEK.isoformat(),
                                  "--layer", "acled", "--json"])
    assert {s["value"] for s in json.loads(ours.output)["series"]} == {"Kirkuk", "Al-Anbar"}
    assert json.loads(theirs.output)["series"] == [{"value": "Al-Anbar", "counts": [2, 2, 2]}]
    api = TestClient(create_app(db), base_url="http://127.0.0.1").get(
        "/api/trends", params={"weeks": 3, "until": THIS_WEEK.isoformat(), "layer": "acled"}).json()
    assert [s["counts"] for s in api["series"] if s["event_type"] is None] == [[2, 2, 2]]


def test_trends_by_actor_count_an_event_and_its_dead_for_each_side_named_once():
    first = date(2026, 1, 5)
    events = [
        {"event_id": "a", "event_type": "Battles", "event_date": "2026-01-06", "actor1": "Islamic State",
         "actor2": "Syrian Democratic Forces", "fatalities": 3},
        {"event_id": "b", "event_type": "Battles", "event_date": "2026-01-13", "actor1": "Islamic State",
         "actor2": "Islamic State"},  # one side named twice counts once
        {"event_id": "c", "event_type": "Strategic developments", "event_date": "2026-01-14", "actor1": None,
         "actor2": None},  # nobody named: no actor's week
    ]
    table = weekly_counts(events, "actor", first, first + timedelta(weeks=1))
    assert table.counts[("Islamic State", None)] == [1, 1]
    assert table.counts[("Syrian Democratic Forces", None)] == [1, 0]
    assert table.fatalities == {"Islamic State": [3, 0], "Syrian Democratic Forces": [3, 0]}  # the dead beside
    assert set(table.counts) == {("Islamic State", None), ("Islamic State", "Battles"), ("Syrian Democratic Forces", None),
                                 ("Syrian Democratic Forces", "Battles")}
