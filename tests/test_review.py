"""Analyst review and event history, on SQLite and PostgreSQL alike."""

import json

import pytest

from rasad.errors import InputError, NotFound
from rasad.extract.base import get_extractor
from rasad.pipeline import run_ingest, run_reextract
from rasad.store.store import EventFilter

ARREST_A = "اعتقلت الشرطة يوم الاثنين خمسة من عناصر داعش في قضاء الحويجة."
ARREST_B = "ألقت مفارز الشرطة القبض على ستة مطلوبين في الحويجة يوم الاثنين."
BLAST = "انفجرت عبوة ناسفة يوم الاثنين في مدينة الرمادي ما أدى إلى مقتل اثنين."
CLASH = "اندلعت اشتباكات يوم الاثنين قرب مدينة الفلوجة أسفرت عن مقتل ثلاثة مسلحين."


@pytest.fixture
def stocked(store, tmp_path):
    path = tmp_path / "docs.jsonl"
    docs = [ARREST_A, ARREST_B, BLAST, CLASH]
    path.write_text("\n".join(json.dumps({"doc_id": f"d{i}", "published": "2025-03-12", "text": t}, ensure_ascii=False)
                              for i, t in enumerate(docs)), encoding="utf-8")
    run_ingest([str(path)], store, get_extractor("rules"), lambda e: None)
    by_type = {e["sub_event_type"]: e["event_id"] for e in store.query_events(EventFilter())[0]}
    return store, by_type


def test_verify_records_who_when_and_why(stocked):
    store, ids = stocked
    event = store.set_review_state(ids["Arrests"], "verified", "Layla", "matches the ministry statement")
    assert event["review_state"] == "verified"
    last = store.history(ids["Arrests"])[-1]
    assert (last["actor"], last["action"], last["detail"]["reason"]) == ("Layla", "verified",
                                                                       "matches the ministry statement")
    assert last["at"]


def test_a_rejected_event_leaves_the_lists_but_stays(stocked):
    store, ids = stocked
    store.set_review_state(ids["Armed clash"], "rejected", "Omar", "background, not news")
    listed = {e["event_id"] for e in store.query_events(EventFilter())[0]}
    assert ids["Armed clash"] not in listed
    assert store.query_events(EventFilter(review_state="rejected"))[1] == 1


def test_an_edit_survives_refusion_when_a_new_report_arrives(stocked, tmp_path):
    store, ids = stocked
    store.edit(ids["Arrests"], "arrested", "7", "Layla", "corrected from the court record")
    path = tmp_path / "more.jsonl"
    path.write_text(json.dumps({"doc_id": "late", "published": "2025-03-12",
                                "text": "أكدت مصادر أمنية اعتقال خمسة مطلوبين في قضاء الحويجة يوم الاثنين."},
                               ensure_ascii=False), encoding="utf-8")
    run_ingest([str(path)], store, get_extractor("rules"), lambda e: None)
    event = store.event(ids["Arrests"])
    assert event["source_count"] == 3 and event["arrested"] == 7
    assert [h["action"] for h in store.history(ids["Arrests"])].count("source added") == 2


def test_editing_a_sub_event_type_sets_its_type(stocked):
    store, ids = stocked
    event = store.edit(ids["Armed clash"], "sub_event_type", "Air/drone strike", "Omar")
    assert (event["event_type"], event["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")


@pytest.mark.parametrize(("field", "value"), [("fatalities", "-1"), ("event_date", "yesterday"), ("geo_precision", "7"),
                                              ("sub_event_type", "Skirmish"), ("confidence", "1"), ("country", "TR")])
def test_invalid_edits_are_refused(stocked, field, value):
    store, ids = stocked
    with pytest.raises(InputError):
        store.edit(ids["Arrests"], field, value, "Omar")


def test_a_review_needs_a_reviewer(stocked):
    store, ids = stocked
    with pytest.raises(InputError, match="reviewer"):
        store.set_review_state(ids["Arrests"], "verified", "  ")


def test_merge_and_split(stocked):
    store, ids = stocked
    merged = store.merge(ids["Remote explosive/landmine/IED"], ids["Armed clash"], "Layla", "same incident")
    assert merged["source_count"] == 2
    listed = {e["event_id"] for e in store.query_events(EventFilter())[0]}
    assert ids["Armed clash"] not in listed
    clash_mention = next(m["mention_id"] for m in merged["mentions"] if m["doc_id"] == "d3")
    new = store.split(ids["Remote explosive/landmine/IED"], [clash_mention], "Omar", "two incidents after all")
    assert [m["doc_id"] for m in new["mentions"]] == ["d3"] and new["mentions"][0]["pinned"]
    assert store.event(ids["Remote explosive/landmine/IED"])["source_count"] == 1
    with pytest.raises(InputError):
        store.split(new["event_id"], [clash_mention], "Omar")  # not all of an event's reports


def test_decisions_survive_reextraction(stocked):
    store, ids = stocked
    store.set_review_state(ids["Arrests"], "verified", "Layla")
    store.edit(ids["Arrests"], "location_ar", "الحويجة (المركز)", "Layla")
    merged = store.merge(ids["Remote explosive/landmine/IED"], ids["Armed clash"], "Layla")
    before = {e["event_id"] for e in store.query_events(EventFilter())[0]}
    run_reextract(store, get_extractor("rules"))
    after = {e["event_id"]: e for e in store.query_events(EventFilter())[0]}
    assert set(after) == before
    assert after[ids["Arrests"]]["review_state"] == "verified"
    assert after[ids["Arrests"]]["location_ar"] == "الحويجة (المركز)"
    assert after[merged["event_id"]]["source_count"] == 2


def test_unknown_events_are_not_found(store):
    with pytest.raises(NotFound):
        store.history("evt_missing")
    with pytest.raises(NotFound):
        store.set_review_state("evt_missing", "verified", "Layla")


def test_a_merge_cannot_go_round_in_a_circle_and_can_be_undone(stocked):
    """Issue 12, item 14: merge X into Y, then Y into X, lost both; now refused, and a merge is undone."""
    store, ids = stocked
    blast, clash = ids["Remote explosive/landmine/IED"], ids["Armed clash"]
    before = {event_id: store.event(event_id)["location"] for event_id in (blast, clash)}
    total = store.query_events(EventFilter())[1]
    store.merge(clash, blast, "Layla", "one incident")
    with pytest.raises(InputError, match="was merged into"):
        store.merge(blast, clash, "Layla", "the other way round")
    restored = store.unmerge(clash, blast, "Layla", "two incidents after all")
    assert store.event(blast)["merged_into"] is None and store.event(blast)["location"] == before[blast]
    assert restored["location"] == before[clash] and restored["source_count"] == 1
    assert [entry["action"] for entry in store.history(blast)][-2:] == ["merged", "unmerged"]
    assert store.query_events(EventFilter())[1] == total  # every event is back


def entry(store, event_id, action):
    return next(e["history_id"] for e in reversed(store.history(event_id)) if e["action"] == action)


def test_every_review_action_is_undone_from_the_history(stocked):
    """Issue 12, item 14: each review decision can be taken back from the entry that recorded it."""
    store, ids = stocked
    arrests, blast, clash = ids["Arrests"], ids["Remote explosive/landmine/IED"], ids["Armed clash"]
    machine = store.event(arrests)["arrested"]
    total = store.query_events(EventFilter())[1]

    store.set_review_state(arrests, "verified", "Layla")
    assert store.undo(arrests, entry(store, arrests, "verified"), "Omar")["review_state"] == "unreviewed"

    store.edit(arrests, "arrested", 9, "Layla")
    store.edit(arrests, "arrested", 11, "Layla")
    first, second = [e["history_id"] for e in store.history(arrests) if e["action"] == "edit"]
    with pytest.raises(InputError, match="no longer"):
        store.undo(arrests, first, "Omar")  # a later edit changed it since
    assert store.undo(arrests, second, "Omar")["arrested"] == 9  # the analyst's value before
    with pytest.raises(InputError, match="no longer"):
        store.undo(arrests, second, "Omar")  # undone already
    assert store.undo(arrests, first, "Omar")["arrested"] == machine  # then extraction's
    run_reextract(store, get_extractor("rules"))
    assert store.event(arrests)["arrested"] == machine  # no override left behind

    store.merge(blast, clash, "Layla")
    store.undo(clash, entry(store, clash, "merged"), "Omar")  # from either side of the merge
    assert store.query_events(EventFilter())[1] == total
    store.undo(blast, entry(store, blast, "unmerge"), "Omar")
    assert store.event(clash)["merged_into"] == blast
    store.undo(blast, entry(store, blast, "merge"), "Omar")

    mention = store.event(blast)["mentions"][0]["mention_id"]
    store.merge(blast, clash, "Layla")
    new = store.split(blast, [mention], "Layla")
    store.undo(new["event_id"], entry(store, new["event_id"], "split from"), "Omar")
    assert store.event(blast)["source_count"] == 2
    actions = [e["action"] for e in store.history(arrests)]
    assert actions.count("edit undone") == 2 and "unreviewed" not in actions


def test_what_is_not_a_review_action_cannot_be_undone(stocked):
    store, ids = stocked
    created = store.history(ids["Arrests"])[0]["history_id"]
    with pytest.raises(InputError, match="not a review action"):
        store.undo(ids["Arrests"], created, "Omar")
    with pytest.raises(NotFound):
        store.undo(ids["Arrests"], 10**6, "Omar")


def test_an_edit_that_changes_nothing_is_refused_and_writes_no_history(stocked):
    store, ids = stocked
    event = store.event(ids["Arrests"])
    before = len(store.history(ids["Arrests"]))
    with pytest.raises(InputError, match="nothing to change"):
        store.edit(ids["Arrests"], "sub_event_type", event["sub_event_type"], "Omar")
    assert len(store.history(ids["Arrests"])) == before


def test_the_review_queue_holds_the_unsure_the_undated_and_the_disputed(store):
    from rasad.model import Document, Event

    def told(doc: str, lat: float, **fields) -> None:
        store.add_document(Document(doc_id=doc, text=f"تقرير {doc}"))
        values = {"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2025-03-10",
                  "time_precision": 1, "admin1": "Kirkuk", "country": "IQ", "location": doc, "latitude": lat,
                  "longitude": 44.0, "geo_precision": 1, "confidence": 0.95} | fields
        store.add_mention(Event(doc_id=doc, **values), 0)

    with store.transaction():
        told("sure", 35.0)
        told("unsure", 35.5, confidence=0.4)
        told("undated", 36.0, event_date=None, time_precision=None)
        told("month", 36.5, event_date="2025-03-01", time_precision=3)
        told("disputed-a", 37.0, fatalities=6)
        told("disputed-b", 37.0, fatalities=8)  # the same clash, another figure
        told("checked", 37.5, confidence=0.4)
    ids = {e["location"]: e["event_id"] for e in store.query_events(EventFilter())[0]}
    store.set_review_state(ids["checked"], "verified", "Layla")
    queue, total = store.query_events(EventFilter(queue=True, sort="confidence", descending=False))
    assert total == 4
    assert {e["location"] for e in queue} == {"unsure", "undated", "month", "disputed-a"}
    assert queue[0]["location"] == "unsure"  # least confident first
    disputed = store.event(ids["disputed-a"])
    assert (disputed["conflicting"], disputed["fatalities"]) == (1, 6)


def test_the_cli_lists_the_review_queue(stocked, store_url):
    from click.testing import CliRunner

    from rasad.cli import main

    store, ids = stocked
    queued = store.query_events(EventFilter(queue=True))[1]
    result = CliRunner().invoke(main, ["events", "--queue", "--json", "--db", store_url])
    assert result.exit_code == 0, result.output
    assert queued >= 1 and json.loads(result.output)["total"] == queued
