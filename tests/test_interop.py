"""The formats partners use: ACLED's CSV out and in, the comparison with ACLED, STIX 2.1 and MISP."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from datetime import date

import pytest
import stix2
from click.testing import CliRunner

from rasad.cli import main
from rasad.errors import InputError
from rasad.extract.base import get_extractor
from rasad.interop.acled import acled_columns, acled_fields, acled_row, event_id_cnty, read_acled
from rasad.interop.actors import actor_table
from rasad.interop.compare import compare
from rasad.interop.misp import misp_event, read_events
from rasad.interop.stix import TLP_IDS, read_bundle, write_bundle
from rasad.pipeline import run_ingest
from rasad.share.export import ExportOptions, exporter
from rasad.store.store import open_store

CLASH = {
    "event_id": "evt_00000000abcdef", "event_type": "Battles", "sub_event_type": "Armed clash", "tags": ["border"],
    "event_date": "2025-03-10", "time_precision": 1, "actor1": "Military Forces of Iraq", "actor2": "Islamic State",
    "country": "IQ", "admin1": "Al-Anbar", "admin2": "Al-Qa'im", "location": "Al Qa'im", "location_ar": "القائم",
    "latitude": 34.39, "longitude": 40.99, "geo_precision": 1, "fatalities": 3, "wounded": 2, "arrested": None,
    "escaped": None, "transferred": None, "border_km": 2.6, "border_sector": "al-Qaim–Albu Kamal", "confidence": 0.8,
    "created_at": "2025-03-10T08:00:00+00:00", "updated_at": "2025-03-11T09:30:00+00:00", "tlp": "AMBER",
    "first_reported": "2025-03-10",
    "mentions": [{"doc_id": "d1", "mention_id": "d1#0", "source": "Shafaq News", "url": "https://example.org/a",
                  "published": "2025-03-10", "title": "اشتباك قرب الحدود",
                  "evidence": [{"text": "اشتبكت القوات مع عناصر من داعش قرب الحدود", "start": 0, "end": 41}]}],
}
DEVICE = {**CLASH, "event_id": "evt_00000000abcdee", "event_type": "Explosions/Remote violence",
          "sub_event_type": "Remote explosive/landmine/IED", "actor1": None, "actor2": None, "country": "SY",
          "admin1": "Deir-ez-Zor", "event_date": "2025-01-05", "tlp": "GREEN", "fatalities": None, "wounded": None}
UNDATED = {**CLASH, "event_id": "evt_00000000abcded", "event_date": None, "time_precision": None}


def acled_csv(events: list[dict], excel: bool = False) -> tuple[str, Counter]:
    out, options = io.StringIO(), ExportOptions(excel=excel)
    exporter("acled")(events, out, options)
    return out.getvalue(), options.skipped


# -- ACLED out ---------------------------------------------------------------------------------------
def test_every_acled_column_obeys_the_codebook_reference():
    text, _ = acled_csv([CLASH, DEVICE])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(next(csv.reader(io.StringIO(text)))[: len(acled_columns())]) == acled_columns()
    assert len(acled_columns()) == 31
    for row in rows:
        for field in acled_fields():
            value = row[field.column]
            if field.required:
                assert value != "", field.column
            if not field.values or value == "":
                continue
            if field.values.startswith("^"):
                assert re.match(field.values, value), (field.column, value)
            elif "|" in field.values or field.values == "Middle East":
                assert value in field.values.split("|"), (field.column, value)
            elif field.values == ">=0":
                assert int(value) >= 0
            elif field.kind == "decimal":
                low, high = map(float, field.values.split(".."))
                assert low <= float(value) <= high
            elif field.kind == "date":
                date.fromisoformat(value)


def test_acled_codes_actors_interactions_and_time_as_acled_does():
    clash, device = acled_row(CLASH), acled_row(DEVICE)
    assert (clash["actor1"], clash["inter1"], clash["inter2"], clash["interaction"]) == (
        "Military Forces of Iraq (2022-)", 1, 2, 12)
    assert (device["actor1"], device["inter1"], device["inter2"], device["interaction"]) == (
        "Unidentified Armed Group (Syria)", 3, 0, 30)
    assert acled_row({**CLASH, "event_date": "2019-06-01"})["actor1"] == "Military Forces of Iraq (2018-2020)"
    assert acled_row({**CLASH, "actor2": None})["interaction"] == 10
    assert clash["timestamp"] == 1741685400 and clash["year"] == 2025
    assert (clash["iso"], clash["country"], clash["region"]) == (368, "Iraq", "Middle East")
    assert clash["disorder_type"] == "Political violence" and clash["source_scale"] == "National"
    assert acled_row({**CLASH, "event_type": "Protests", "sub_event_type": "Excessive force against protesters",
                      "actor1": None, "actor2": None})["disorder_type"] == "Political violence; Demonstrations"


def test_acled_notes_are_an_english_summary_with_the_arabic_evidence_beside_it():
    row = acled_row(CLASH)
    assert row["notes"] == ("On 10 March 2025, Military Forces of Iraq (2022-) clashed with Islamic State in Al Qa'im "
                            "(Al-Anbar). 3 killed, 2 wounded. [border]")
    assert row["notes_ar"] == "اشتبكت القوات مع عناصر من داعش قرب الحدود"


def test_the_acled_id_has_acleds_form_and_never_changes():
    first = acled_row(CLASH)["event_id_cnty"]
    assert re.fullmatch(r"IRQ\d+", first) and first == acled_row({**CLASH, "fatalities": 9})["event_id_cnty"]
    assert first != event_id_cnty(DEVICE["event_id"], "IQ")


def test_undated_events_are_left_out_and_counted_and_excel_gets_a_bom():
    text, skipped = acled_csv([CLASH, UNDATED], excel=True)
    assert text.startswith("\ufeffevent_id_cnty,")
    assert len(list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))) == 1 and skipped == {"no date": 1}
    assert not acled_csv([CLASH])[0].startswith("\ufeff")


def test_actor_names_of_any_period_or_case_are_one_actor():
    table = actor_table()
    for name in ("Military Forces of Iraq (2022-)", "Military Forces of Iraq (2014-2018)", "military forces of iraq"):
        assert table.canonical(name) == "Military Forces of Iraq"
    assert table.canonical("Civilians (Syria)") == "Civilians"
    assert table.canonical("Some Tribal Militia") == "Some Tribal Militia"


# -- ACLED in, and the comparison ---------------------------------------------------------------------
def write_acled_file(path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=acled_columns())
        writer.writeheader()
        for row in rows:
            writer.writerow({column: row.get(column, "") for column in acled_columns()})


def acled_file_row(number: int, **fields) -> dict:
    row = {"event_id_cnty": f"IRQ{number}", "event_date": "2025-03-10", "year": 2025, "time_precision": 1,
           "disorder_type": "Political violence", "event_type": "Battles", "sub_event_type": "Armed clash",
           "actor1": "Military Forces of Iraq (2022-)", "inter1": 1, "actor2": "Islamic State", "inter2": 2,
           "interaction": 12, "iso": 368, "region": "Middle East", "country": "Iraq", "admin1": "Al Anbar",
           "location": "Al Qa'im", "latitude": 34.39, "longitude": 40.99, "geo_precision": 1, "source": "Shafaq News",
           "source_scale": "National", "notes": "A clash.", "fatalities": 3, "timestamp": 1741685400}
    return {**row, **fields}


def test_an_acled_file_is_read_with_its_iraq_and_syria_rows_and_round_trips(tmp_path):
    path = tmp_path / "acled.csv"
    write_acled_file(path, [acled_file_row(1), acled_file_row(2, country="Turkey", iso=792)])
    skipped: Counter = Counter()
    (record,) = list(read_acled(path, skipped))
    assert skipped == {"other country": 1}
    assert (record["record_id"], record["actor1"], record["admin1"], record["fatalities"]) == (
        "IRQ1", "Military Forces of Iraq", "Al-Anbar", 3)
    again = acled_row({**record, "event_id": "evt_0000000000000a", "mentions": []})
    original = acled_file_row(1)
    for column in ("event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
                   "inter1", "actor2", "inter2", "interaction", "iso", "country", "location", "latitude", "longitude",
                   "geo_precision", "fatalities"):
        assert str(again[column]) == str(original[column]), column


def test_a_bad_acled_row_is_refused_naming_file_and_line(tmp_path):
    path = tmp_path / "acled.csv"
    write_acled_file(path, [acled_file_row(1), acled_file_row(2, sub_event_type="Armed clashes")])
    with pytest.raises(InputError, match=r"acled\.csv:3: 'Battles' / 'Armed clashes'"):
        list(read_acled(path, Counter()))
    path.write_text("a,b\n1,2\n", "utf-8")
    with pytest.raises(InputError, match=r"acled\.csv:1: not an ACLED file"):
        list(read_acled(path, Counter()))


def test_compare_counts_what_both_have_and_what_each_lacks():
    base = {"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2025-03-10", "time_precision": 1,
            "latitude": 34.39, "longitude": 40.99, "geo_precision": 1, "admin1": "Al-Anbar"}
    reference = [
        {**base, "record_id": "same"},  # Rasad has it a day later and 5 km away
        {**base, "record_id": "far", "latitude": 35.0},  # 68 km from anything of Rasad's
        {**base, "record_id": "late", "event_date": "2025-04-20"},  # no Rasad event within three days
        {**base, "record_id": "other type", "event_type": "Riots", "sub_event_type": "Mob violence"},
    ]
    ours = [
        {**base, "event_id": "a", "event_date": "2025-03-11", "latitude": 34.43},
        {**base, "event_id": "b", "event_type": "Protests", "sub_event_type": "Peaceful protest"},
        {**base, "event_id": "c", "event_date": "2025-04-26"},
    ]
    result = compare(reference, ours)
    assert [(a["record_id"], b["event_id"]) for a, b in result.matched] == [("same", "a")]
    assert result.figures() == {"reference_events": 4, "rasad_events": 3, "both": 1, "only_reference": 3,
                                "only_rasad": 2, "reference_covered": 0.25, "rasad_in_reference": 0.333}


REPORT = ("اشتبكت قوات الجيش العراقي مع مسلحين من داعش في قضاء القائم يوم الاثنين وقتل ثلاثة من المسلحين.\n"
          "وأضاف المصدر أن القوات صادرت أسلحة.")


def ingest(folder, db: str) -> None:
    path = folder / "docs.jsonl"
    path.write_text(json.dumps({"doc_id": "d1", "published": "2025-03-11", "text": REPORT}, ensure_ascii=False), "utf-8")
    with open_store(db) as store:
        run_ingest([str(path)], store, get_extractor("rules"), lambda error: None)


def test_import_and_compare_from_the_command_line(tmp_path):
    db = str(tmp_path / "r.db")
    ingest(tmp_path, db)
    path = tmp_path / "acled.csv"
    write_acled_file(path, [acled_file_row(1), acled_file_row(2, event_date="2025-02-01")])
    runner = CliRunner()
    result = runner.invoke(main, ["import", "acled", str(path), "--db", db])
    assert result.exit_code == 0, result.output
    again = runner.invoke(main, ["import", "acled", str(path), "--db", db])
    assert "0 new or changed, 2 unchanged" in again.output
    result = runner.invoke(main, ["compare", "acled", "--db", db, "--json"])
    figures = json.loads(result.stdout)
    assert (figures["both"], figures["only_reference"], figures["only_rasad"]) == (1, 1, 0)
    assert figures["only_reference_ids"] == ["IRQ2"] and figures["reference_covered"] == 0.5


# -- STIX 2.1 ----------------------------------------------------------------------------------------
def test_a_stix_bundle_is_valid_marked_and_round_trips(tmp_path):
    out = io.StringIO()
    assert write_bundle([CLASH, DEVICE], out, "Cell A") == 2
    bundle = stix2.parse(out.getvalue(), allow_custom=False)  # the OASIS library checks every object
    kinds = Counter(item.type for item in bundle.objects)
    assert kinds["incident"] == 2 and kinds["location"] == 2 and kinds["report"] == 2 and kinds["threat-actor"] == 1
    identity = next(o for o in bundle.objects if o.type == "identity" and o.name == "Cell A")
    incident = next(o for o in bundle.objects if o.type == "incident" and "Armed clash" in o.name)
    assert incident.created_by_ref == identity.id and incident.object_marking_refs == [TLP_IDS["AMBER"]]
    assert {o.id for o in bundle.objects if o.type == "marking-definition"} == {TLP_IDS["AMBER"], TLP_IDS["GREEN"]}
    again = io.StringIO()
    write_bundle([CLASH, DEVICE], again, "Cell A")
    assert json.loads(again.getvalue())["objects"] == json.loads(out.getvalue())["objects"]  # same ids each time
    path = tmp_path / "bundle.json"
    path.write_text(out.getvalue(), "utf-8")
    records = {r["rasad_event_id"]: r for r in read_bundle(path)}
    clash = records[CLASH["event_id"]]
    for field in ("event_type", "sub_event_type", "event_date", "latitude", "longitude", "fatalities", "wounded",
                  "actor1", "actor2", "admin1"):
        assert clash[field] == CLASH[field], field
    assert clash["marking"] == "AMBER" and records[DEVICE["event_id"]]["marking"] == "GREEN"
    assert clash["evidence"] == ["اشتبكت القوات مع عناصر من داعش قرب الحدود"] and clash["producer"] == "Cell A"


def test_a_bundle_that_is_not_stix_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"type": "bundle", "id": "bundle--1", "objects": [{"type": "incident"}]}', "utf-8")
    with pytest.raises(InputError, match=r"bad\.json: not a valid STIX 2\.1 bundle"):
        list(read_bundle(path))


# -- MISP --------------------------------------------------------------------------------------------
def test_a_misp_event_carries_tags_and_attributes_and_round_trips(tmp_path):
    misp = misp_event(CLASH, "Cell A")
    tags = {tag.name for tag in misp.tags}
    assert {"tlp:amber", 'acled:event-type="Battles"', 'acled:sub-event-type="Armed clash"', 'rasad:tag="border"'} <= tags
    assert not misp.galaxies and misp.Orgc.name == "Cell A"
    path = tmp_path / "event.json"
    path.write_text(json.dumps(misp.to_feed(with_meta=False), ensure_ascii=False), "utf-8")
    (record,) = list(read_events(path))
    for field in ("event_type", "sub_event_type", "event_date", "latitude", "longitude", "fatalities", "wounded",
                  "actor1", "actor2", "location", "time_precision"):
        assert record[field] == CLASH[field], field
    assert record["marking"] == "AMBER" and record["evidence"] == ["اشتبكت القوات مع عناصر من داعش قرب الحدود"]
    assert record["tags"] == ["border"]


def test_a_misp_feed_is_written_and_read_from_a_store(tmp_path):
    db = str(tmp_path / "r.db")
    ingest(tmp_path, db)
    feed = tmp_path / "feed"
    runner = CliRunner()
    result = runner.invoke(main, ["export", "--db", db, "--format", "misp", "-o", str(feed)])
    assert result.exit_code == 0, result.output
    manifest = json.loads((feed / "manifest.json").read_text("utf-8"))
    (event_uuid,) = manifest
    assert manifest[event_uuid]["Tag"] and (feed / f"{event_uuid}.json").exists()
    result = runner.invoke(main, ["import", "misp", str(feed), "--db", str(tmp_path / "other.db")])
    assert "misp:Rasad: 1 new or changed" in result.output
    with open_store(str(tmp_path / "other.db")) as other:
        (record,) = other.reference_events()
    assert (record["event_type"], record["marking"], record["admin1"]) == ("Battles", "RED", "Al-Anbar")


def test_reference_layers_are_kept_apart_and_read_only_on_every_store(store):
    record = {"record_id": "IRQ1", "event_type": "Battles", "sub_event_type": "Armed clash",
              "event_date": "2025-03-10", "country": "IQ", "admin1": "al anbar", "latitude": 34.39, "longitude": 40.99,
              "marking": None}
    with store.transaction():
        assert store.add_reference("acled", record, "a.csv", "tester") is True
        assert store.add_reference("acled", record, "a.csv", "tester") is False
        assert store.add_reference("acled", {**record, "fatalities": 4}, "b.csv", "tester") is True
    (kept,) = store.reference_events("acled", admin1="Al-Anbar")
    assert (kept["fatalities"], kept["source_file"], kept["layer"]) == (4, "b.csv", "acled")
    assert store.reference_events("acled", since="2025-04-01") == []
    assert store.reference_layers() == [{"layer": "acled", "records": 1, "first": "2025-03-10", "last": "2025-03-10"}]
    assert store.counts()["events"] == 0


def test_an_import_with_a_bad_row_keeps_nothing_and_names_the_line(tmp_path):
    db = str(tmp_path / "r.db")
    path = tmp_path / "acled.csv"
    write_acled_file(path, [acled_file_row(1), acled_file_row(2, latitude="north")])
    result = CliRunner().invoke(main, ["import", "acled", str(path), "--db", db])
    assert result.exit_code != 0 and "acled.csv:3: latitude 'north' is not a number" in result.output
    with open_store(db) as store:
        assert store.reference_layers() == []
