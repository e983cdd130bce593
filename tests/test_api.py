import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rasad.extract.base import get_extractor
from rasad.pipeline import run_ingest
from rasad.store.store import open_store
from rasad.web.app import create_app
from rasad.web.schemas import EventOut

ARREST = "اعتقلت الشرطة يوم الاثنين ثلاثة مطلوبين في قضاء الحويجة."
HOSTILE = "انفجرت عبوة ناسفة يوم الاثنين في مدينة الرمادي <script>alert('x')</script> ما أدى إلى مقتل اثنين."


@pytest.fixture
def client(tmp_path):
    db = str(tmp_path / "api.db")
    path = tmp_path / "docs.jsonl"
    rows = [{"doc_id": "a", "published": "2025-03-12", "text": ARREST, "source": "وكالة"},
            {"doc_id": "b", "published": "2025-03-12", "text": HOSTILE}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    store = open_store(db)
    run_ingest([str(path)], store, get_extractor("rules"), lambda e: None)
    store.close()
    return TestClient(create_app(db))


def test_healthz(client):
    assert client.get("/healthz").json() == {"status": "ok", "events": 2, "documents": 2}


def test_events_list_with_filters(client):
    body = client.get("/api/events", params={"admin1": "Kirkuk"}).json()
    assert body["total"] == 1 and body["items"][0]["location"] == "Al Hawijah"
    assert client.get("/api/events", params={"type": "Battles"}).json()["total"] == 0
    assert client.get("/api/events", params={"near": "33.42,43.31,25"}).json()["total"] == 1


def test_events_expose_only_the_output_schema(client):
    item = client.get("/api/events").json()["items"][0]
    assert set(item) == set(EventOut.model_fields)
    assert "created_at" not in item and "place_alternatives" not in item


def test_event_detail_has_mentions_with_evidence(client):
    event_id = client.get("/api/events", params={"admin1": "Kirkuk"}).json()["items"][0]["event_id"]
    detail = client.get(f"/api/events/{event_id}").json()
    (mention,) = detail["mentions"]
    assert mention["evidence"][0]["text"] == ARREST and mention["source"] == "وكالة"
    assert mention["trace"]["location"]["text"] == "قضاء الحويجة"


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [("/api/events/evt_missing", 404, "not_found"), ("/api/events?limit=0", 422, "invalid_request"),
     ("/api/events?near=here", 400, "bad_input"), ("/nowhere", 404, "not_found")],
)
def test_every_error_has_one_shape(client, url, status, code):
    response = client.get(url)
    assert response.status_code == status
    assert set(response.json()) == {"error"} and response.json()["error"]["code"] == code
    assert isinstance(response.json()["error"]["message"], str)


def test_report_text_with_markup_comes_back_as_data(client):
    body = client.get("/api/reports/b").json()
    assert "<script>" in body["text"]
    assert client.get("/api/reports/b").headers["content-type"].startswith("application/json")


def test_the_dashboard_never_inserts_report_text_as_html():
    script = (Path(__file__).resolve().parents[1] / "src/rasad/web/static/app.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "document.write" not in script


def test_dashboard_and_map_data_are_served_offline(client):
    page = client.get("/")
    assert page.status_code == 200 and 'dir="rtl"' in page.text and "http" not in page.text.split("<body>")[1]
    boundaries = client.get("/api/boundaries").json()
    kinds = {f["properties"]["kind"] for f in boundaries["features"]}
    assert kinds == {"governorate", "border"} and len(boundaries["features"]) == 33
    facilities = {f["properties"]["feature"] for f in client.get("/api/facilities").json()["features"]}
    assert facilities == {"camp", "prison", "crossing"}


def test_openapi_document(client):
    spec = client.get("/openapi.json").json()
    assert "/api/events" in spec["paths"] and "/api/events/{event_id}" in spec["paths"]


def test_review_over_the_api(client):
    event_id = client.get("/api/events", params={"admin1": "Kirkuk"}).json()["items"][0]["event_id"]
    verified = client.post(f"/api/events/{event_id}/review-state", json={"state": "verified", "reviewer": "Layla"})
    assert verified.status_code == 200 and verified.json()["review_state"] == "verified"
    edited = client.post(f"/api/events/{event_id}/edits", json={"field": "arrested", "value": 4, "reviewer": "Layla"})
    assert edited.json()["arrested"] == 4
    bad = client.post(f"/api/events/{event_id}/edits", json={"field": "arrested", "value": -3, "reviewer": "Layla"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_input"
    anonymous = client.post(f"/api/events/{event_id}/review-state", json={"state": "verified", "reviewer": ""})
    assert anonymous.status_code == 422
    actions = [h["action"] for h in client.get(f"/api/events/{event_id}/history").json()]
    assert actions == ["created", "verified", "edit"]
