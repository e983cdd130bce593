import json
from importlib import resources
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rasad.extract.base import get_extractor
from rasad.interop.stix import TLP_IDS
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
    return TestClient(create_app(db), base_url="http://127.0.0.1")


def test_healthz(client):
    assert client.get("/healthz").json() == {"status": "ok", "events": 2, "documents": 2}


def test_events_list_with_filters(client):
    body = client.get("/api/events", params={"admin1": "Kirkuk"}).json()
    assert body["total"] == 1 and body["items"][0]["location"] == "Al-Hawiga"
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


@pytest.fixture
def secured(tmp_path):
    db = str(tmp_path / "auth.db")
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"doc_id": "a", "published": "2025-03-12", "text": ARREST}, ensure_ascii=False),
                    encoding="utf-8")
    store = open_store(db)
    run_ingest([str(path)], store, get_extractor("rules"), lambda e: None)
    tokens = {role: store.add_user(role, role) for role in ("viewer", "analyst", "admin")}
    store.close()
    return TestClient(create_app(db, auth=True)), tokens


def test_with_authentication_nothing_is_readable_without_a_token(secured):
    client, _ = secured
    for url in ("/api/events", "/api/boundaries", "/api/reports/a", "/api/stats", "/api/export", "/api/sources"):
        response = client.get(url)
        assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized", url
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/api/events", headers={"Authorization": "Bearer rsd_wrong"}).status_code == 401


def test_roles(secured):
    client, tokens = secured
    auth = {role: {"Authorization": f"Bearer {token}"} for role, token in tokens.items()}
    event_id = client.get("/api/events", headers=auth["viewer"]).json()["items"][0]["event_id"]
    denied = client.post(f"/api/events/{event_id}/review-state", json={"state": "verified"}, headers=auth["viewer"])
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "forbidden"
    allowed = client.post(f"/api/events/{event_id}/review-state", json={"state": "verified", "reviewer": "someone"},
                          headers=auth["analyst"])
    assert allowed.status_code == 200
    last = client.get(f"/api/events/{event_id}/history", headers=auth["admin"]).json()[-1]
    assert last["actor"] == "analyst"  # the signed-in user, not the name in the body
    assert client.get("/api/me", headers=auth["admin"]).json() == {"username": "admin", "role": "admin", "auth": True}


def test_more_filters_stats_exports_reports_and_sources(client):
    assert client.get("/api/events", params={"tag": "ied"}).json()["total"] == 1
    assert client.get("/api/events", params={"sub_type": "Arrests"}).json()["total"] == 1
    assert client.get("/api/events", params={"actor": "Police Forces of Iraq"}).json()["total"] == 1
    assert client.get("/api/events", params={"bbox": "43,35,45,36"}).json()["total"] == 1
    assert client.get("/api/events", params={"max_border_km": 50}).json()["total"] == 0
    assert client.get("/api/events", params={"bbox": "45,35,43,36"}).status_code == 400
    by_type = {row["key"]: row["count"] for row in client.get("/api/stats", params={"by": "type"}).json()}
    assert by_type == {"Strategic developments": 1, "Explosions/Remote violence": 1}
    assert client.get("/api/stats", params={"by": "week"}).json() == [{"key": "2025-03-10", "count": 2, "fatalities": 2}]
    exported = client.get("/api/export", params={"format": "acled", "admin1": "Kirkuk"})
    assert exported.headers["content-type"].startswith("text/csv")
    assert exported.text.splitlines()[0].startswith("event_id_cnty,event_date") and len(exported.text.splitlines()) == 2
    bundle = client.get("/api/export", params={"format": "stix", "admin1": "Kirkuk"})
    assert bundle.headers["content-type"].startswith("application/stix+json")
    incidents = [o for o in bundle.json()["objects"] if o["type"] == "incident"]
    assert len(incidents) == 1 and incidents[0]["object_marking_refs"] == [TLP_IDS["RED"]]
    assert client.get("/api/export", params={"format": "acled", "excel": "true"}).text.startswith("\ufeff")
    assert client.get("/api/reports").json()["total"] == 2
    assert {row["source"] for row in client.get("/api/sources").json()} == {"وكالة", None}


def test_every_route_is_documented_in_docs_api():
    import re

    from fastapi.routing import APIRoute

    text = (Path(__file__).resolve().parents[1] / "docs" / "api.md").read_text(encoding="utf-8")
    documented = {re.sub(r"\{[^}]*\}", "{}", found) for found in re.findall(r"`((?:GET|POST|PUT|DELETE) /[^`? ]*)", text)}
    missing = []
    for route in create_app(":memory:").routes:
        if isinstance(route, APIRoute) and route.include_in_schema:
            for method in route.methods:
                name = re.sub(r"\{[^}]*\}", "{}", f"{method} {route.path}")
                if name not in documented:
                    missing.append(name)
    assert missing == []


# -- errors keep the one JSON shape and say nothing of the server (issue 12: 8) ------------------------------
@pytest.mark.parametrize(("params", "status"), [
    ({"text": "\x00"}, 400), ({"offset": "9" * 20}, 422), ({"since": "not a date"}, 422), ({"since": "2025-13-45"}, 400),
])
def test_bad_filters_are_a_clear_client_error(client, params, status):
    response = client.get("/api/events", params=params)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] in ("invalid_request", "bad_input", "input")
    assert ".db" not in response.text and "Traceback" not in response.text


def test_a_deeply_nested_body_and_a_huge_count_are_client_errors(client):
    event_id = client.get("/api/events").json()["items"][0]["event_id"]
    nested = "[" * 100_000 + "]" * 100_000
    response = client.post("/api/field-reports", content=nested, headers={"content-type": "application/json"})
    assert response.status_code == 400 and set(response.json()) == {"error"}
    response = client.post(f"/api/events/{event_id}/edits", json={"field": "fatalities", "value": 10**30,
                                                                  "reviewer": "Layla"})
    assert response.status_code == 400 and "fatalities" in response.json()["error"]["message"]


def test_an_unexpected_error_is_a_json_500_without_internals(tmp_path):
    app = create_app(str(tmp_path / "x.db"))

    @app.get("/api/boom")
    def boom():
        raise RuntimeError(f"cannot open {tmp_path}/x.db")

    response = TestClient(app, raise_server_exceptions=False, base_url="http://127.0.0.1").get("/api/boom")
    assert response.status_code == 500 and response.json()["error"]["code"] == "internal"
    assert str(tmp_path) not in response.text


# -- the local server answers this machine only; bodies are bounded (issue 12: 6, 7) ------------------------
def test_the_local_server_answers_this_machine_only(tmp_path):
    app = create_app(str(tmp_path / "x.db"))
    rebound = TestClient(app, base_url="http://attacker.example")
    response = rebound.get("/api/events")
    assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"
    local = TestClient(app, base_url="http://127.0.0.1:8000")
    assert local.get("/api/events").status_code == 200
    cross_site = local.post("/api/sync", headers={"origin": "http://attacker.example"})
    assert cross_site.status_code == 403 and "another site" in cross_site.json()["error"]["message"]
    assert local.get("/api/events", headers={"origin": "http://attacker.example"}).status_code == 200  # reads: CORS


def test_a_large_body_is_refused_before_it_is_read_and_a_write_needs_a_token_first(tmp_path):
    client = TestClient(create_app(str(tmp_path / "x.db"), auth=True))
    big = client.post("/api/field-reports", content=b"x" * 2_000_000, headers={"content-type": "application/json"})
    assert big.status_code == 413 and big.json()["error"]["code"] == "too_large"
    tokenless = client.post("/api/field-reports", json={"report_id": "r"})
    assert tokenless.status_code == 401


def test_the_api_docs_are_served_from_the_package_not_a_cdn(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "/docs-assets/swagger-ui-bundle.js" in page.text
    assert "cdn" not in page.text.lower() and "http://" not in page.text and "https://" not in page.text
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200


def test_a_browser_session_keeps_the_token_in_an_httponly_samesite_cookie(secured):
    client, tokens = secured
    refused = client.post("/api/session", json={"token": "rsd_wrong"})
    assert refused.status_code == 401
    signed_in = client.post("/api/session", json={"token": tokens["analyst"]})
    cookie = signed_in.headers["set-cookie"].lower()
    assert signed_in.json()["username"] == "analyst"
    assert "httponly" in cookie and "samesite=strict" in cookie and tokens["analyst"].lower() in cookie
    assert client.get("/api/events").status_code == 200  # the cookie alone signs the calls in
    event_id = client.get("/api/events").json()["items"][0]["event_id"]
    same_site = client.post(f"/api/events/{event_id}/review-state", json={"state": "verified"},
                            headers={"origin": "http://testserver"})
    assert same_site.status_code == 200
    cross_site = client.post(f"/api/events/{event_id}/review-state", json={"state": "disputed"},
                             headers={"origin": "http://attacker.example"})
    assert cross_site.status_code == 403 and "another site" in cross_site.json()["error"]["message"]
    assert client.delete("/api/session", headers={"origin": "http://testserver"}).status_code == 204
    client.cookies.clear()  # what the browser does with the expired cookie it was sent
    assert client.get("/api/events").status_code == 401


def test_the_dashboard_keeps_no_token_in_the_page():
    script = resources.files("rasad.web").joinpath("static/app.js").read_text("utf-8")
    assert "localStorage" not in script and "Authorization" not in script


def test_a_body_sent_without_its_length_is_cut_off_at_the_limit(client):
    event_id = client.get("/api/events").json()["items"][0]["event_id"]

    def chunks():
        yield b'{"state": "verified", "reason": "'
        for _ in range(200):
            yield b"x" * 10_000
        yield b'"}'

    response = client.post(f"/api/events/{event_id}/review-state", content=chunks(),
                           headers={"content-type": "application/json"})
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"
    assert [h["action"] for h in client.get(f"/api/events/{event_id}/history").json()] == ["created"]


def test_a_review_action_is_undone_through_the_api(client):
    event_id = client.get("/api/events").json()["items"][0]["event_id"]
    client.post(f"/api/events/{event_id}/review-state", json={"state": "rejected", "reason": "looked wrong"})
    rejected = next(h for h in client.get(f"/api/events/{event_id}/history").json() if h["action"] == "rejected")
    undone = client.post(f"/api/events/{event_id}/undo", json={"history_id": rejected["history_id"]})
    assert undone.status_code == 200 and undone.json()["review_state"] == "unreviewed"
    created = client.get(f"/api/events/{event_id}/history").json()[0]["history_id"]
    refused = client.post(f"/api/events/{event_id}/undo", json={"history_id": created})
    assert refused.status_code == 400 and "not a review action" in refused.json()["error"]["message"]


def test_the_map_and_chart_libraries_are_vendored_at_the_pinned_versions_with_their_licences():
    root = Path(__file__).resolve().parents[1]
    vendor = root / "src/rasad/web/static/vendor"
    script = (root / "scripts/vendor-leaflet.sh").read_text("utf-8")
    versions = (vendor / "VERSIONS").read_text("utf-8")
    for name, folder, marker in (("leaflet", "leaflet", "LEAFLET="), ("leaflet.markercluster", "markercluster", "CLUSTER=")):
        pinned = script.split(marker, 1)[1].split()[0]
        assert f"{name} {pinned} " in versions
        assert (vendor / folder / "LICENSE").read_text("utf-8").strip()
    assert "Leaflet 1.9.4" in (vendor / "leaflet/leaflet.js").read_text("utf-8")[:200]
    pinned = (root / "scripts/vendor-uplot.sh").read_text("utf-8").split("UPLOT=", 1)[1].split()[0]
    assert f"uplot {pinned} (MIT)" in versions and (vendor / "uplot/LICENSE").read_text("utf-8").strip()
    assert (vendor / "uplot/uPlot.iife.min.js").stat().st_size > 10_000


def test_the_basemap_and_sub_districts_are_served(client):
    layers = client.get("/api/basemap").json()
    rivers = {river["name"] for river in layers["rivers"]}
    assert {"Euphrates", "Tigris", "Khabur", "Great Zab", "Little Zab", "Diyala"} <= rivers
    towns = {town["name"]: town for town in layers["towns"]}
    assert towns["Baghdad"]["rank"] == 1 and towns["Baghdad"]["name_ar"] == "بغداد"
    assert towns["Karbala"]["name_ar"] == "كربلاء"  # the curated name, not GeoNames' Kurdish spelling
    assert {town["rank"] for town in layers["towns"]} == {1, 2, 3, 4, 5, 6} and "Natural Earth" in layers["attribution"]
    units = client.get("/api/units").json()["features"]
    assert len(units) > 500 and {"admin2_ar", "admin3_ar", "pcode"} <= set(units[0]["properties"])
