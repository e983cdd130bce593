"""Field reports and sensor alerts: validated against the published schema, fused like any other source,
and the sharing API around them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from rasad.cli import main
from rasad.errors import InputError
from rasad.extract.base import get_extractor
from rasad.ingest.partner import SCHEMAS, input_id, parse_input
from rasad.pipeline import run_ingest
from rasad.share.identity import KeyPair
from rasad.share.node import Node
from rasad.store.audit import entries
from rasad.store.store import EventFilter, open_store
from rasad.web.app import create_app
from tests.test_sharing import TUZ

REPORT = {"report_id": "fr-7", "observed_at": "2026-11-19T23:10:00+03:00", "event_type": "Strategic developments",
          "sub_event_type": "Arrests", "tags": ["security_operation"], "latitude": TUZ[0], "longitude": TUZ[1],
          "arrested": 3, "text": "Three wanted men were detained at a checkpoint on the edge of the town."}
ALERT = {"alert_id": "a-1", "sensor_id": "tc-12", "detected_at": "2026-11-21T02:14:00Z", "latitude": 34.35,
         "longitude": 41.05, "detection": "group", "count": 4, "confidence": 0.9}


@pytest.mark.parametrize("change, problem", [
    ({"colour": "red"}, "colour: Extra inputs are not permitted"),
    ({"sub_event_type": "Air/drone strike"}, "is not a sub-event type of 'Strategic developments'"),
    ({"latitude": None}, "latitude and longitude come together"),
    ({"tags": ["rumour"]}, "unknown mission tags: rumour"),
    ({"arrested": -1}, "arrested: Input should be greater than or equal to 0"),
    ({"report_id": "a b"}, "report_id: String should match pattern"),
])
def test_a_bad_field_report_is_refused_naming_the_field(change, problem):
    with pytest.raises(InputError, match=problem) as raised:
        parse_input("field-report", {**REPORT, **change}, "reports.jsonl")
    assert str(raised.value).startswith("reports.jsonl: ")


def test_the_published_schemas_name_every_field():
    schema = SCHEMAS["field-report"].model_json_schema()
    assert {"report_id", "observed_at", "event_type", "text", "release"} <= set(schema["properties"])
    assert set(schema["required"]) == {"report_id", "observed_at", "event_type", "sub_event_type", "text"}
    assert SCHEMAS["sensor-alert"].model_json_schema()["additionalProperties"] is False


@pytest.fixture
def node(tmp_path):
    with open_store(str(tmp_path / "iq.db")) as store:
        node = Node(store)
        node.init("IQ")
        yield node


def _post(node: Node, kind: str, payload: dict) -> str:
    return node.add_input(kind, parse_input(kind, payload), "tester")["event_id"]


def test_a_field_report_fuses_with_a_news_report_of_the_same_raid(node, tmp_path):
    news = tmp_path / "news.jsonl"
    news.write_text(json.dumps({"doc_id": "n1", "published": "2026-11-20", "source": "Rasad test", "text":
                                "اعتقلت قوة أمنية مساء أمس ثلاثة مطلوبين في قضاء طوز خورماتو."}, ensure_ascii=False),
                    encoding="utf-8")
    run_ingest([str(news)], node.store, get_extractor("rules"), lambda error: None)
    event_id = _post(node, "field-report", REPORT)
    (event,), total = node.store.query_events(EventFilter())
    assert total == 1 and event["event_id"] == event_id and event["source_count"] == 2
    detail = node.store.event(event_id)
    field = next(m for m in detail["mentions"] if m["doc_id"] == input_id("IQ", "field-report", "fr-7"))
    assert field["trace"]["arrested"] == {"text": "3", "start": None, "end": None, "kind": "field-report",
                                          "field": "arrested"}


def test_a_sensor_alert_is_an_infiltration_event_at_the_border(node):
    first = _post(node, "sensor-alert", ALERT)
    event = node.store.event(first)
    assert (event["event_type"], event["sub_event_type"]) == ("Strategic developments", "Other")
    assert set(event["tags"]) == {"border", "infiltration"} and event["admin1"] == "Al-Anbar"
    assert event["border_km"] < 60 and event["border_sector"]
    _post(node, "sensor-alert", {**ALERT, "alert_id": "a-2"})  # the same words, another alert: not a copy
    assert node.store.counts()["documents"] == 2
    with pytest.raises(InputError, match="posted already"):
        _post(node, "sensor-alert", ALERT)


def test_cli_input_names_the_bad_line(tmp_path):
    db = str(tmp_path / "iq.db")
    runner = CliRunner()
    assert runner.invoke(main, ["node", "init", "--org", "IQ", "--db", db]).exit_code == 0
    good, bad = json.dumps(REPORT), json.dumps({**REPORT, "report_id": "fr-8", "event_type": "Battle"})
    path = tmp_path / "reports.jsonl"
    path.write_text(good + "\n" + bad + "\n", encoding="utf-8")
    result = runner.invoke(main, ["input", "field-report", str(path), "--db", db])
    assert result.exit_code == 2
    assert f"{path}:2: " in result.output and "event_type must be an ACLED event type" in result.output
    with open_store(db) as store:
        assert store.counts()["documents"] == 1  # the good line before it stays stored


# -- the sharing API -----------------------------------------------------------------------------------
@pytest.fixture
def api(tmp_path):
    db = str(tmp_path / "api.db")
    with open_store(db) as store:
        Node(store).init("IQ")
        Node(store).add_partner("SY", KeyPair.generate().public_key, "http://127.0.0.1:9")
        tokens = {role: store.add_user(role, role) for role in ("viewer", "analyst", "admin")}
    client = TestClient(create_app(db, auth=True))
    client.tokens = tokens
    client.db = db
    return client


def _as(client, role):
    return {"authorization": f"Bearer {client.tokens[role]}"}


def test_api_takes_a_field_report_with_its_release(api):
    body = {**REPORT, "release": {"distribution": "partners", "partners": ["SY"], "tlp": "AMBER",
                                  "coarsen": {"SY": "admin1"}}}
    created = api.post("/api/field-reports", json=body, headers=_as(api, "analyst"))
    assert created.status_code == 201, created.text
    out = created.json()
    assert out["input_id"] == input_id("IQ", "field-report", "fr-7") and out["release"]["releasability"]["tlp"] == "AMBER"
    release = api.get(f"/api/releases/field-report/{out['input_id']}", headers=_as(api, "viewer")).json()
    assert release["version"] == 1 and release["releasability"]["coarsen"] == {"SY": "admin1"}
    event = api.get(f"/api/events/{out['event_id']}", headers=_as(api, "viewer")).json()
    assert event["sub_event_type"] == "Arrests"


def test_api_refuses_a_contradictory_release_and_stores_nothing(api):
    body = {**REPORT, "release": {"distribution": "all", "tlp": "RED"}}
    refused = api.post("/api/field-reports", json=body, headers=_as(api, "analyst"))
    assert refused.status_code == 400
    assert refused.json()["error"]["code"] == "bad_releasability"
    assert api.get("/api/events", headers=_as(api, "viewer")).json()["total"] == 0


def test_api_errors_keep_one_shape(api):
    bad = api.post("/api/sensor-alerts", json={**ALERT, "confidence": 3}, headers=_as(api, "analyst"))
    assert bad.status_code == 422 and set(bad.json()) == {"error"}
    assert bad.json()["error"]["message"].startswith("body.confidence")
    viewer = api.post("/api/sensor-alerts", json=ALERT, headers=_as(api, "viewer"))
    assert viewer.status_code == 403 and viewer.json()["error"]["code"] == "forbidden"
    unsigned = api.get("/api/sync/bundle?cursor=0")
    assert unsigned.status_code == 403 and unsigned.json()["error"]["code"] == "sync_refused"
    junk = api.post("/api/sync/inbox", content=b"not json")
    assert junk.status_code == 400 and junk.json()["error"]["code"] == "bad_input"
    assert api.get("/api/schemas/field-report", headers=_as(api, "viewer")).json()["title"] == "Rasad field report"


def test_api_node_partners_audit_and_logins(api):
    assert api.get("/api/node", headers=_as(api, "viewer")).json()["org"] == "IQ"
    assert "private_key" not in api.get("/api/node", headers=_as(api, "viewer")).text
    assert api.get("/api/partners", headers=_as(api, "analyst")).status_code == 403
    assert [p["org"] for p in api.get("/api/partners", headers=_as(api, "admin")).json()] == ["SY"]
    api.get("/api/me", headers=_as(api, "viewer"))
    api.get("/api/me", headers={"authorization": "Bearer rsd_wrong"})
    log = api.get("/api/audit", headers=_as(api, "admin")).json()
    assert [e["action"] for e in log[:2]] == ["login failed", "login"] and log[1]["actor"] == "viewer"
    assert api.get("/api/audit/verify", headers=_as(api, "admin")).json()["ok"] is True
    with open_store(api.db) as store:
        assert entries(store.db, 1, "login failed")[0]["detail"]["path"] == "/api/me"
