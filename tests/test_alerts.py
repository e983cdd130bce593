"""Alert rules and their delivery (issue 14): a real SMTP server (aiosmtpd) and a real webhook receiver that
the tests start; each alert once, even after a restart; digests; quiet hours; surges; rules per user."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
from datetime import UTC, date, datetime, timedelta
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from click.testing import CliRunner
from fastapi import FastAPI, Request, Response
from fastapi.testclient import TestClient

from rasad.alerts.delivery import SIGNATURE_HEADER, SmtpSettings
from rasad.alerts.engine import AlertEngine
from rasad.alerts.rules import RuleSpec
from rasad.cli import main
from rasad.errors import InputError
from rasad.extract.base import get_extractor
from rasad.model import Document, Event
from rasad.pipeline import ingest_documents
from rasad.store.store import open_store
from rasad.web.app import create_app
from tests.servers import Server

SECRET = "a-shared-secret-of-some-length"
NOW = datetime(2026, 11, 19, 12, 0, tzinfo=UTC)  # a Thursday, noon UTC


class Mailbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self) -> None:
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


@pytest.fixture
def smtp():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield SmtpSettings("127.0.0.1", port, "rasad@cell.example"), mailbox
    finally:
        controller.stop()


class Receiver:
    """A webhook receiver that fails the first ``failures`` calls."""

    def __init__(self) -> None:
        self.calls: list[tuple[dict, bytes]] = []
        self.failures = 0

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.post("/hook")
        async def hook(request: Request) -> Response:
            self.calls.append((dict(request.headers), await request.body()))
            if self.failures:
                self.failures -= 1
                return Response(status_code=503)
            return Response(status_code=204)

        return app


@pytest.fixture
def receiver():
    state = Receiver()
    with Server(state.app()) as url:
        state.url = f"{url}/hook"
        yield state


REPORTS = [
    "اعتقلت القوات الأمنية ثلاثة مطلوبين في قضاء الحويجة يوم الأربعاء.",
    "هاجم مسلحون نقطة للجيش في قضاء الدبس يوم الأربعاء وقتلوا جنديا.",
    "انفجرت عبوة ناسفة على دورية للشرطة في مدينة الرمادي يوم الأربعاء.",
]


def ingest(store, texts, start: int = 0) -> None:
    documents = [Document(doc_id=f"r{start + n}", text=text, published=date(2026, 11, 19))
                 for n, text in enumerate(texts)]
    ingest_documents(documents, store, get_extractor("rules"))


def engine(store, smtp_settings=None, **kwargs) -> AlertEngine:
    return AlertEngine(store, smtp_settings, now=kwargs.pop("now", lambda: NOW), sleep=kwargs.pop("sleep", lambda s: None),
                       dashboard_url="https://rasad.cell.example", **kwargs)


def test_each_matching_event_is_mailed_once_even_after_a_restart(tmp_path, smtp):
    settings, mailbox = smtp
    db = str(tmp_path / "a.db")
    store = open_store(db)
    store.add_alert_rule("layla", "Kirkuk", RuleSpec("email", "layla@cell.example", admin1=["Kirkuk"]).to_dict())
    ingest(store, REPORTS)
    (run,) = engine(store, settings).run()
    assert run.delivered == 2 and run.error is None
    assert len(mailbox.messages) == 2 and all(m["To"] == "layla@cell.example" for m in mailbox.messages)
    body = mailbox.messages[0].get_content()
    assert "Kirkuk" in body and "https://rasad.cell.example/?event=evt_" in body
    assert engine(store, settings).run() == []  # nothing new
    store.close()
    store = open_store(db)  # a restart
    assert engine(store, settings).run() == [] and len(mailbox.messages) == 2
    ingest(store, ["اختطف مسلحون راعيا في ناحية الرياض جنوب غربي كركوك يوم الأربعاء."], start=10)
    (run,) = engine(store, settings).run()
    assert run.delivered == 1 and len(mailbox.messages) == 3
    store.close()


def test_many_alerts_at_once_go_out_as_one_digest(tmp_path, smtp):
    settings, mailbox = smtp
    store = open_store(str(tmp_path / "a.db"))
    store.add_alert_rule("layla", "all", RuleSpec("email", "layla@cell.example").to_dict())
    places = ["قضاء الحويجة", "قضاء الدبس", "مدينة الرمادي", "قضاء بيجي", "قضاء تلعفر", "قضاء سنجار", "مدينة هيت"]
    ingest(store, [f"اعتقلت القوات الأمنية مطلوبا في {place} يوم الأربعاء." for place in places])
    (run,) = engine(store, settings).run()
    assert run.delivered == 7 and len(mailbox.messages) == 1
    assert mailbox.messages[0]["Subject"] == "[Rasad] all: 7 new alerts"
    store.close()


def test_a_webhook_is_signed_and_retried_until_the_receiver_answers(tmp_path, receiver):
    store = open_store(str(tmp_path / "a.db"))
    store.add_alert_rule("omar", "hook", RuleSpec("webhook", receiver.url, SECRET, admin1=["Al-Anbar"]).to_dict())
    ingest(store, REPORTS)
    receiver.failures = 1
    slept: list[float] = []
    (run,) = engine(store, sleep=slept.append).run()
    assert run.delivered == 1 and len(receiver.calls) == 2 and slept == [1.0]
    headers, body = receiver.calls[-1]
    expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert headers[SIGNATURE_HEADER.lower()] == expected
    payload = json.loads(body)
    assert payload["rule"] == "hook" and payload["alerts"][0]["admin1"] == "Al-Anbar"
    store.close()


def test_an_alert_that_cannot_be_delivered_stays_pending(tmp_path, receiver):
    store = open_store(str(tmp_path / "a.db"))
    rule_id = store.add_alert_rule("omar", "hook", RuleSpec("webhook", receiver.url, SECRET).to_dict())
    ingest(store, REPORTS[:1])
    receiver.failures = 10
    (run,) = engine(store).run()
    assert run.delivered == 0 and "HTTP 503" in run.error
    assert "HTTP 503" in store.alert_rules()[0]["last_error"] and store.alerts("omar") == []
    receiver.failures = 0
    (run,) = engine(store).run()
    assert run.delivered == 1 and [a["rule_id"] for a in store.alerts("omar")] == [rule_id]
    store.close()


def test_quiet_hours_hold_alerts_until_they_end(tmp_path):
    store = open_store(str(tmp_path / "a.db"))
    store.add_alert_rule("layla", "night", RuleSpec("dashboard", quiet_hours="22-6").to_dict())
    ingest(store, REPORTS[:1])
    night = NOW.replace(hour=23)
    (run,) = engine(store, now=lambda: night).run()
    assert run.held and store.alerts("layla") == []
    (run,) = engine(store, now=lambda: night + timedelta(hours=8)).run()
    assert run.delivered == 1 and len(store.alerts("layla")) == 1
    store.close()


def test_a_surge_rule_alerts_once_on_the_weeks_surge(tmp_path):
    store = open_store(str(tmp_path / "a.db"))
    monday = date(2026, 11, 16)
    with store.transaction():
        n = 0
        for weeks_ago in range(8, -1, -1):
            for k in range(6 if weeks_ago == 0 else 1):
                n += 1
                store.add_document(Document(doc_id=f"d{n}", text=f"تقرير رقم {n}"))
                store.add_mention(Event(doc_id=f"d{n}", event_type="Battles", sub_event_type="Armed clash",
                                        event_date=(monday - timedelta(weeks=weeks_ago, days=-(k % 3))).isoformat(),
                                        admin1="Kirkuk", country="IQ", latitude=35.0 + k * 0.3, longitude=44.0,
                                        geo_precision=1), 0)
    store.add_alert_rule("layla", "surges", RuleSpec("dashboard", kind="surge", admin1=["Kirkuk"]).to_dict())
    (run,) = engine(store).run()
    (delivered,) = store.alerts("layla")
    assert run.delivered == 1 and delivered["alert"]["kind"] == "surge" and delivered["alert"]["count"] == 6
    assert engine(store).run() == []
    store.close()


def test_a_facility_rule_watches_a_radius_around_it():
    spec = RuleSpec("dashboard", facility="al-Hol camp", radius_km=10)
    assert spec.matches({"latitude": 36.39, "longitude": 41.15})
    assert not spec.matches({"latitude": 36.60, "longitude": 41.60})
    with pytest.raises(InputError, match="no camp, prison or crossing"):
        RuleSpec("dashboard", facility="Atlantis").check()
    with pytest.raises(InputError, match="secret of 16"):
        RuleSpec("webhook", "https://hooks.example/x", "short").check()


def test_rules_belong_to_their_user_in_the_api(tmp_path):
    db = str(tmp_path / "a.db")
    store = open_store(db)
    tokens = {name: store.add_user(name, "viewer") for name in ("layla", "omar")}
    store.close()
    client = TestClient(create_app(db, auth=True))
    auth = {name: {"Authorization": f"Bearer {token}"} for name, token in tokens.items()}
    made = client.post("/api/alerts/rules", headers=auth["layla"],
                       json={"name": "hook", "channel": "webhook", "target": "https://hooks.example/x", "secret": SECRET,
                             "admin1": ["Kirkuk"]})
    assert made.status_code == 201 and "secret" not in made.json()["spec"]
    assert client.get("/api/alerts/rules", headers=auth["omar"]).json() == []
    assert client.delete(f"/api/alerts/rules/{made.json()['rule_id']}", headers=auth["omar"]).status_code == 404
    bad = client.post("/api/alerts/rules", headers=auth["omar"], json={"name": "x", "channel": "email"})
    assert bad.status_code == 400 and "needs an address" in bad.json()["error"]["message"]
    assert client.delete(f"/api/alerts/rules/{made.json()['rule_id']}", headers=auth["layla"]).status_code == 204


def test_the_cli_adds_lists_and_runs_rules(tmp_path, smtp):
    settings, mailbox = smtp
    db = str(tmp_path / "a.db")
    runner = CliRunner()
    added = runner.invoke(main, ["alert", "add", "Hawija", "--db", db, "--owner", "layla", "--email", "layla@cell.example",
                                 "--admin1", "Kirkuk", "--type", "Violence against civilians"])
    assert added.exit_code == 0 and "alert rule 1 added" in added.output
    with open_store(db) as store:
        ingest(store, ["اختطف مسلحون راعيا في ناحية الرياض جنوب غربي كركوك يوم الأربعاء.", REPORTS[2]])
    ran = runner.invoke(main, ["alert", "run", "--db", db, "--smtp", f"127.0.0.1:{settings.port}"])
    assert ran.exit_code == 0 and "1 alerts delivered" in ran.output and len(mailbox.messages) == 1
    listed = runner.invoke(main, ["alert", "list", "--db", db])
    assert "Hawija (layla): event → email layla@cell.example" in listed.output
    refused = runner.invoke(main, ["alert", "add", "x", "--db", db, "--email", "a@b.example", "--dashboard"])
    assert refused.exit_code == 2 and "one of --email, --webhook or --dashboard" in refused.output


def test_partners_events_released_to_this_node_alert_once_and_the_rest_never(tmp_path):
    from tests.test_sharing import field_report, make_nodes, sync

    nodes = make_nodes(tmp_path, ("IQ", "SY", "TR"))
    shared = field_report(nodes["IQ"], "raid", day="2026-11-18")
    for_others = field_report(nodes["IQ"], "other", day="2026-11-17", at=(36.50, 40.74))
    field_report(nodes["IQ"], "kept", day="2026-11-16", at=(35.10, 43.20))
    nodes["IQ"].release("event", shared, {"distribution": "partners", "partners": ["SY"], "tlp": "AMBER"}, "iq-analyst")
    nodes["IQ"].release("event", for_others, {"distribution": "partners", "partners": ["TR"], "tlp": "GREEN"},
                        "iq-analyst")
    sy = nodes["SY"].store
    rule = RuleSpec("dashboard", event_types=["Strategic developments"])
    sy.add_alert_rule("sy-analyst", "arrests anywhere", rule.to_dict())
    sync(nodes, "SY", "IQ")
    (run,) = engine(sy).run()
    assert run.delivered == 1
    (alert,) = sy.alerts("sy-analyst", 10)
    assert alert["alert"]["kind"] == "partner_event" and alert["alert"]["record_id"] == shared
    assert alert["alert"]["owner_org"] == "IQ" and alert["alert"]["summary"].startswith("[TLP:AMBER] IQ:")
    sync(nodes, "SY", "IQ")
    assert engine(sy).run() == []  # nothing new: no alert twice
    for node in nodes.values():
        node.store.close()


def test_a_threshold_rule_alerts_once_a_week_when_enough_matching_events_happened(tmp_path):
    store = open_store(str(tmp_path / "t.db"))
    rule = RuleSpec("dashboard", kind="threshold", threshold=3, admin1=["Kirkuk"])
    store.add_alert_rule("analyst", "Kirkuk busy week", rule.to_dict())
    monday = NOW.date() - timedelta(days=NOW.weekday())

    def add(n: int, admin1: str) -> None:
        with store.transaction():
            store.add_document(Document(doc_id=f"t{n}", text=f"تقرير رقم {n}"))
            store.add_mention(Event(doc_id=f"t{n}", event_type="Battles", sub_event_type="Armed clash",
                                    event_date=monday.isoformat(), admin1=admin1, country="IQ", location=f"p{n}",
                                    latitude=35 + n, longitude=44, geo_precision=1), 0)

    add(1, "Kirkuk"), add(2, "Kirkuk"), add(3, "Diyala")
    assert engine(store).run() == []  # two of three: under the threshold
    add(4, "Kirkuk")
    (run,) = engine(store).run()
    (alert,) = store.alerts("analyst", 10)
    assert run.delivered == 1 and alert["alert"]["count"] == 3 and alert["alert"]["kind"] == "threshold"
    add(5, "Kirkuk")
    assert engine(store).run() == []  # once a week
    with pytest.raises(InputError, match="threshold"):
        RuleSpec.from_dict({"channel": "dashboard", "kind": "threshold"})
    store.close()
