import csv
import io
import json

from rasad.interop.acled import acled_columns, acled_row
from rasad.share.export import ExportOptions, exporter

EVENT = {
    "event_id": "evt_0123456789abcd", "event_type": "Battles", "sub_event_type": "Armed clash", "tags": ["border"],
    "event_date": "2025-03-10", "time_precision": 1, "actor1": "Military Forces of Iraq", "actor2": "Islamic State",
    "country": "IQ", "admin1": "Al-Anbar", "admin2": None, "location": "Al Qa'im", "location_ar": "القائم",
    "latitude": 34.39, "longitude": 40.99, "geo_precision": 1, "fatalities": 3, "wounded": None, "arrested": None,
    "escaped": None, "transferred": None, "border_km": 2.6, "border_sector": "al-Qaim–Albu Kamal", "confidence": 0.8,
    "source_count": 1, "first_reported": "2025-03-10", "last_reported": "2025-03-10",
    "mentions": [{"doc_id": "a", "source": "وكالة", "evidence": [{"text": "نص الدليل", "start": 0, "end": 9}]}],
}


def test_acled_export_starts_with_acled_columns_in_order():
    out = io.StringIO()
    exporter("acled")([EVENT], out, ExportOptions())
    header = next(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(header[: len(acled_columns())]) == acled_columns()


def test_acled_row_codes_country_interaction_and_notes():
    row = acled_row(EVENT)
    assert (row["country"], row["iso"], row["interaction"]) == ("Iraq", 368, 12)
    assert row["disorder_type"] == "Political violence" and row["notes_ar"] == "نص الدليل" and row["source"] == "وكالة"
    assert row["event_id_cnty"].startswith("IRQ")


def test_geojson_export_is_a_feature_collection_of_points():
    out = io.StringIO()
    assert exporter("geojson")([EVENT, {**EVENT, "latitude": None}], out, ExportOptions()) == 1
    data = json.loads(out.getvalue())
    assert data["features"][0]["geometry"] == {"type": "Point", "coordinates": [40.99, 34.39]}


def test_csv_export_flattens_tags():
    out = io.StringIO()
    exporter("csv")([EVENT], out, ExportOptions())
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["tags"] == "border" and row["event_id"] == EVENT["event_id"]


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text():
    hostile = {**EVENT, "location": '=HYPERLINK("http://example.invalid","x")',
               "mentions": [{"doc_id": "a", "source": "@SUM(1+1)",
                             "evidence": [{"text": "+cmd|' /C calc'!A0", "start": 0, "end": 2}]}]}
    for name in ("csv", "acled"):
        out = io.StringIO()
        exporter(name)([hostile], out, ExportOptions())
        (row,) = csv.DictReader(io.StringIO(out.getvalue()))
        assert row["location"].startswith("'=")
        assert not any(value.startswith(("=", "+", "@")) for value in row.values())
        assert row["longitude"] == "40.99"  # numbers, negative ones too, stay numbers
    out = io.StringIO()
    exporter("csv")([{**EVENT, "longitude": -0.5}], out, ExportOptions())
    assert next(csv.DictReader(io.StringIO(out.getvalue())))["longitude"] == "-0.5"
