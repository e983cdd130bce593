"""Partner nodes: releasability, coarsening, signed sync between nodes, read-only partner records, comments."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from rasad.errors import NotFound, ReadOnly, ReleasabilityError, SyncRefused
from rasad.extract.base import get_extractor
from rasad.ingest.partner import parse_input
from rasad.pipeline import run_ingest
from rasad.share.identity import KeyPair, canonical
from rasad.share.node import Node, signed_statement
from rasad.share.releasability import Releasability
from rasad.share.sync import DirectTransport, serve_pull, sync_partner
from rasad.store.audit import entries
from rasad.store.store import EventFilter, open_store

ORGS = ("IQ", "SY", "SDF")
TUZ = (34.885, 44.630)  # GeoNames: Tuz Khurmatu, the seat of its district in Salah al-Din


def make_nodes(folder, orgs=ORGS, urls=None) -> dict[str, Node]:
    """One store and node a organisation, every node a partner of every other."""
    nodes = {org: Node(open_store(str(folder / f"{org}.db"))) for org in orgs}
    for org, node in nodes.items():
        node.init(org, url=(urls or {}).get(org))
    for org, node in nodes.items():
        for other, peer in nodes.items():
            if other != org:
                node.add_partner(other, peer.identity()["public_key"], peer.identity()["url"])
    return nodes


def sync(nodes: dict[str, Node], org: str, partner: str):
    return sync_partner(nodes[org], partner, DirectTransport(list(nodes.values())))


def field_report(node: Node, report_id: str, day: str = "2026-11-20", at: tuple[float, float] = TUZ, **fields) -> str:
    """A field report of an arrest raid, stored and fused; returns its event id."""
    payload = {"report_id": report_id, "observed_at": f"{day}T04:30:00+03:00", "event_type": "Strategic developments",
               "sub_event_type": "Arrests", "actor1": "Military Forces of Iraq (2022-)", "latitude": at[0],
               "longitude": at[1], "arrested": 2, "text": "A patrol detained two suspects at a farm east of the town.",
               **fields}
    item = parse_input("field-report", payload)
    return node.add_input("field-report", item, "tester")["event_id"]


def received(node: Node, kind: str = "event", include_retracted: bool = False) -> dict[str, dict]:
    return {item["record_id"]: item for item in node.received(kind, include_retracted, 1000)[0]}


@pytest.fixture
def nodes(tmp_path):
    made = make_nodes(tmp_path)
    yield made
    for node in made.values():
        node.store.close()


# -- releasability ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("release, problem", [
    ({"distribution": "all", "tlp": "RED"}, "TLP:RED contradicts distribution 'all'"),
    ({"distribution": "group", "group": "border", "tlp": "RED"}, "TLP:RED contradicts distribution 'group'"),
    ({"distribution": "owner", "tlp": "GREEN"}, "TLP:GREEN contradicts distribution 'owner'"),
    ({"distribution": "partners", "partners": ["SY"], "tlp": "AMBER", "reshare": True}, "forbids passing the record on"),
    ({"distribution": "partners", "tlp": "AMBER"}, "needs at least one partner"),
    ({"distribution": "all", "partners": ["SY"], "tlp": "GREEN"}, "only with distribution 'partners'"),
    ({"distribution": "partners", "partners": ["SY"], "tlp": "AMBER", "coarsen": {"SDF": "admin1"}}, "not a recipient"),
    ({"distribution": "partners", "partners": ["SY"], "tlp": "AMBER", "coarsen": {"SY": "village"}}, "must be one of"),
    ({"distribution": "partners", "partners": ["IQ"], "tlp": "AMBER"}, "not its own partner"),
])
def test_contradictory_releasability_is_refused_not_fixed(release, problem):
    with pytest.raises(ReleasabilityError, match=problem):
        Releasability.from_dict({"owner": "IQ", **release})


def test_sound_releasabilities_are_accepted():
    assert Releasability.from_dict({"owner": "IQ", "distribution": "partners", "partners": ["SY"], "tlp": "RED"})
    assert Releasability.from_dict({"owner": "IQ", "distribution": "all", "tlp": "GREEN", "reshare": True,
                                    "coarsen": {"*": "admin1"}})
    assert Releasability.from_dict({"owner": "IQ"}).audience(["SY", "SDF"], {}) == set()


def test_release_names_only_known_partners_and_groups(nodes):
    event_id = field_report(nodes["IQ"], "fr1")
    with pytest.raises(ReleasabilityError, match="not partners of this node: JOC"):
        nodes["IQ"].release("event", event_id, {"distribution": "partners", "partners": ["JOC"], "tlp": "AMBER"}, "t")
    with pytest.raises(ReleasabilityError, match="no sharing group 'border'"):
        nodes["IQ"].release("event", event_id, {"distribution": "group", "group": "border", "tlp": "AMBER"}, "t")
    with pytest.raises(NotFound):
        nodes["IQ"].release("event", "evt_missing", {"distribution": "all", "tlp": "GREEN"}, "t")


# -- what reaches whom ---------------------------------------------------------------------------------
def test_an_unreleased_record_never_leaves_the_node(nodes):
    field_report(nodes["IQ"], "fr1")
    sync(nodes, "SY", "IQ")
    assert received(nodes["SY"]) == {}


def test_a_record_reaches_the_named_partner_only(nodes):
    event_id = field_report(nodes["IQ"], "fr1")
    nodes["IQ"].release("event", event_id, {"distribution": "partners", "partners": ["SY"], "tlp": "AMBER"}, "t")
    sync(nodes, "SY", "IQ")
    sync(nodes, "SDF", "IQ")
    assert list(received(nodes["SY"])) == [event_id]
    assert received(nodes["SDF"]) == {}
    record = received(nodes["SY"])[event_id]
    assert record["owner_org"] == "IQ" and record["releasability"]["tlp"] == "AMBER"
    assert record["data"]["arrested"] == 2 and record["data"]["admin1"] == "Salah Al-Din"
    assert "overrides" not in record["data"] and "partners" not in record["releasability"]


def test_a_group_release_follows_the_group(nodes):
    nodes["IQ"].set_group("border-cell", ["SDF"])
    event_id = field_report(nodes["IQ"], "fr1")
    nodes["IQ"].release("event", event_id, {"distribution": "group", "group": "border-cell", "tlp": "GREEN"}, "t")
    for org in ("SY", "SDF"):
        sync(nodes, org, "IQ")
    assert received(nodes["SY"]) == {} and list(received(nodes["SDF"])) == [event_id]


def test_coarsening_gives_a_partner_the_district_or_governorate_and_no_text(nodes):
    iq = nodes["IQ"]
    event_id = field_report(iq, "fr1")
    iq.release("event", event_id, {"distribution": "all", "tlp": "AMBER", "coarsen": {"SY": "admin2", "SDF": "admin1"}},
               "t")
    sync(nodes, "SY", "IQ")
    sync(nodes, "SDF", "IQ")
    exact = iq.store.event(event_id)
    district = received(nodes["SY"])[event_id]["data"]
    governorate = received(nodes["SDF"])[event_id]["data"]
    seat = iq._district(exact["admin2"])
    assert exact["admin2"] and (district["latitude"], district["longitude"]) == (seat.lat, seat.lon)
    assert district["location"] == exact["admin2"] and district["geo_precision"] >= 2
    assert district["location_level"] == "admin2" and "evidence" not in district and "border_km" not in district
    assert "border_sector" not in district  # an allow-list: nothing that could pin down the place
    salah_al_din = iq._governorate("Salah Al-Din")
    assert (governorate["latitude"], governorate["longitude"]) == (salah_al_din.lat, salah_al_din.lon)
    assert governorate["admin2"] is None and governorate["location"] == "Salah Al-Din"
    assert governorate["geo_precision"] == 3 and governorate["location_level"] == "admin1"


def test_news_evidence_goes_with_the_point_only(nodes, tmp_path):
    iq = nodes["IQ"]
    text = "اعتقلت قوة أمنية يوم الأربعاء ثلاثة مطلوبين في قضاء طوز خورماتو بمحافظة صلاح الدين."
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"doc_id": "n1", "published": "2026-11-19", "title": "اعتقال", "source": "Rasad test",
                                "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    run_ingest([str(path)], iq.store, get_extractor("rules"), lambda error: None)
    (event,), _ = iq.store.query_events(EventFilter())
    event_id = event["event_id"]
    iq.release("event", event_id, {"distribution": "all", "tlp": "GREEN", "coarsen": {"SDF": "admin1"}}, "t")
    sync(nodes, "SY", "IQ")
    sync(nodes, "SDF", "IQ")
    assert received(nodes["SY"])[event_id]["data"]["evidence"][0]["text"] in text
    assert "evidence" not in received(nodes["SDF"])[event_id]["data"]


# -- edits, retractions, withdrawals -------------------------------------------------------------------
def test_edits_and_retractions_by_the_owner_propagate(nodes):
    iq = nodes["IQ"]
    event_id = field_report(iq, "fr1")
    iq.release("event", event_id, {"distribution": "partners", "partners": ["SY", "SDF"], "tlp": "AMBER"}, "t")
    sync(nodes, "SY", "IQ")
    iq.store.edit(event_id, "arrested", 5, "analyst", "the unit corrected its count")
    sync(nodes, "IQ", "SY")  # pushed this time
    record = received(nodes["SY"])[event_id]
    assert record["data"]["arrested"] == 5 and record["version"] == 2
    iq.retract("event", event_id, "analyst", "source withdrew it")
    sync(nodes, "SY", "IQ")
    sync(nodes, "SDF", "IQ")
    assert received(nodes["SY"]) == {}
    assert received(nodes["SY"], include_retracted=True)[event_id]["data"] is None
    assert received(nodes["SDF"]) == {}  # it never reached SDF before the retraction: nothing to receive


def test_narrowing_a_release_withdraws_the_record_from_those_left_out(nodes):
    iq = nodes["IQ"]
    event_id = field_report(iq, "fr1")
    iq.release("event", event_id, {"distribution": "all", "tlp": "AMBER"}, "t")
    sync(nodes, "SDF", "IQ")
    iq.release("event", event_id, {"distribution": "partners", "partners": ["SY"], "tlp": "AMBER"}, "t")
    sync(nodes, "SDF", "IQ")
    sync(nodes, "SY", "IQ")
    assert received(nodes["SDF"]) == {} and list(received(nodes["SY"])) == [event_id]


def test_a_rejected_event_is_retracted_from_partners(nodes):
    iq = nodes["IQ"]
    event_id = field_report(iq, "fr1")
    iq.release("event", event_id, {"distribution": "all", "tlp": "GREEN"}, "t")
    sync(nodes, "SY", "IQ")
    iq.store.set_review_state(event_id, "rejected", "analyst", "duplicate of a field report")
    sync(nodes, "SY", "IQ")
    assert received(nodes["SY"]) == {}


def test_syncing_twice_changes_nothing(nodes):
    iq = nodes["IQ"]
    event_id = field_report(iq, "fr1")
    iq.release("event", event_id, {"distribution": "all", "tlp": "GREEN"}, "t")
    first = sync(nodes, "SY", "IQ")
    again = sync(nodes, "SY", "IQ")
    assert (first.pulled, again.pulled, again.pushed) == (1, 0, 0)
    assert nodes["SY"].received("event")[1] == 1


# -- read-only records, comments, re-sharing, loops ---------------------------------------------------
def test_received_records_are_read_only_but_take_comments(nodes):
    iq, sy = nodes["IQ"], nodes["SY"]
    event_id = field_report(iq, "fr1")
    iq.release("event", event_id, {"distribution": "partners", "partners": ["SY"], "tlp": "AMBER"}, "t")
    sync(nodes, "SY", "IQ")
    with pytest.raises(ReadOnly, match="belongs to IQ"):
        sy.release("event", event_id, {"distribution": "all", "tlp": "GREEN"}, "t")
    with pytest.raises(ReadOnly):
        sy.retract("event", event_id, "t")
    with pytest.raises(NotFound):
        sy.store.edit(event_id, "arrested", 9, "t")
    sy.comment(iq.identity()["node_id"], "event", event_id, "Our border post saw the same vehicle.", "corroboration", "t")
    sync(nodes, "SY", "IQ")
    notes = iq.annotations("event", event_id)
    assert [(n["org"], n["note"]) for n in notes] == [("SY", "corroboration")]
    sync(nodes, "SDF", "SY")
    assert received(nodes["SDF"], "annotation") == {}  # a comment goes to the record's owner only


def test_resharing_only_where_the_owner_allowed_it(nodes):
    iq, sdf = nodes["IQ"], nodes["SDF"]
    iq.remove_partner("SDF")
    sdf.remove_partner("IQ")
    kept = field_report(iq, "fr1", day="2026-11-18")
    passed = field_report(iq, "fr2", day="2026-11-20")
    iq.release("event", kept, {"distribution": "all", "tlp": "AMBER"}, "t")
    iq.release("event", passed, {"distribution": "all", "tlp": "GREEN", "reshare": True, "coarsen": {"*": "admin1"}}, "t")
    sync(nodes, "SY", "IQ")
    sync(nodes, "SDF", "SY")
    assert list(received(sdf)) == [passed]
    assert received(sdf)[passed]["data"]["location_level"] == "admin1"
    sync(nodes, "IQ", "SY")  # the owner's record does not come back as a partner's record
    assert received(iq) == {}


def test_a_forwarded_record_the_owner_did_not_allow_is_refused(nodes):
    iq, sy, sdf = nodes["IQ"], nodes["SY"], nodes["SDF"]
    forged = {"origin": iq.identity()["node_id"], "owner_org": "IQ", "kind": "event", "record_id": "evt_x",
              "version": 1, "retracted": False, "releasability": {"owner": "IQ", "tlp": "AMBER", "reshare": False,
                                                                   "level": "point"}, "data": {"event_id": "evt_x"}}
    bundle = sy.build_bundle("SDF", 10**9)
    bundle.pop("signature")
    bundle["items"] = [forged]
    bundle["signature"] = sy.sign(canonical(bundle))
    result = sdf.receive(bundle)
    assert result.applied == 0 and "not signed by its origin" in result.refused[0]
    assert received(sdf) == {}


# -- dishonest partners (issue 12: 1-3) ------------------------------------------------------------------
def _bundle_from(sender: Node, org: str, items: list[dict]) -> dict:
    bundle = sender.build_bundle(org, 10**9)
    bundle["items"] = items
    return _resign(bundle, sender)


def test_a_partner_cannot_forge_or_overwrite_another_partners_record(nodes):
    iq, sy, sdf = nodes["IQ"], nodes["SY"], nodes["SDF"]
    raid = field_report(iq, "fr1")
    iq.release("event", raid, {"distribution": "all", "tlp": "GREEN", "reshare": True}, "t")
    sync(nodes, "SY", "IQ")
    sync(nodes, "SDF", "IQ")
    genuine = sy.build_bundle("SDF", 0)["items"][0]  # IQ's record as SY may pass it on, IQ's signature and all
    assert genuine["origin"] == iq.identity()["node_id"] and genuine["origin_signature"]
    overwrite = {**genuine, "version": 999, "data": {**genuine["data"], "arrested": 40}}
    in_sys_name = {**overwrite, "origin_key": sy.identity()["public_key"]}
    in_sys_name["origin_signature"] = sy.sign(canonical(signed_statement(in_sys_name)))
    result = sdf.receive(_bundle_from(sy, "SDF", [overwrite, in_sys_name, {**overwrite, "origin_signature": None}]))
    assert result.applied == 0
    assert [reason.split(": ", 1)[1] for reason in result.refused] == [
        "its origin's signature does not match what it says (forged or altered) (sent by SY)",
        "signed with a key that is not its origin's (sent by SY)", "not signed by its origin (sent by SY)"]
    assert received(sdf)[raid]["version"] == 1 and received(sdf)[raid]["data"]["arrested"] == 2
    iq.store.edit(raid, "arrested", 3, "iq-analyst", "corrected")
    sync(nodes, "SDF", "IQ")
    assert received(sdf)[raid]["data"]["arrested"] == 3  # the owner's later edits still arrive


def test_a_partners_record_with_the_id_of_our_own_event_neither_hides_nor_blocks_it(nodes):
    iq, sy = nodes["IQ"], nodes["SY"]
    own = field_report(iq, "fr1")
    planted = {"origin": sy.identity()["node_id"], "owner_org": "SY", "kind": "event", "record_id": own, "version": 1,
               "retracted": False, "releasability": {"owner": "SY", "tlp": "AMBER", "reshare": False, "level": "point"},
               "data": {"event_id": own, "event_type": "Battles"}}
    planted = {**planted, "origin_key": sy.identity()["public_key"],
               "origin_signature": sy.sign(canonical(signed_statement(planted)))}
    assert iq.receive(_bundle_from(sy, "IQ", [planted])).applied == 1  # SY's record, under SY's name
    iq.release("event", own, {"distribution": "partners", "partners": ["SY"], "tlp": "AMBER"}, "t")
    assert iq.retract("event", own, "t")["retracted"] is True
    assert received(iq)[own]["owner_org"] == "SY"


def test_a_forwarder_cannot_widen_what_the_owner_signed(nodes):
    iq, sy, sdf = nodes["IQ"], nodes["SY"], nodes["SDF"]
    red = field_report(iq, "fr1")
    iq.release("event", red, {"distribution": "partners", "partners": ["SY"], "tlp": "RED"}, "t")
    sync(nodes, "SY", "IQ")
    row = sy.db.execute("SELECT releasability FROM shared_records WHERE record_id = ?", (red,)).fetchone()
    widened = {**json.loads(row["releasability"]), "reshare": True, "audience": ["*"], "coarsen": {}}
    with sy.store.transaction():  # SY edits its own copy, as a dishonest partner can
        sy.db.execute("UPDATE shared_records SET releasability = ? WHERE record_id = ?", (json.dumps(widened), red))
    result = sync(nodes, "SDF", "SY")
    assert result.pulled == 0 and received(sdf) == {}
    assert "signature does not match" in result.refused[0]


# -- refused bundles -----------------------------------------------------------------------------------
@pytest.fixture
def bundle(nodes):
    iq = nodes["IQ"]
    event_id = field_report(iq, "fr1")
    iq.release("event", event_id, {"distribution": "all", "tlp": "GREEN"}, "t")
    return iq.build_bundle("SY", 0)


def _resign(bundle: dict, keys_or_node) -> dict:
    unsigned = {k: v for k, v in bundle.items() if k != "signature"}
    return {**unsigned, "signature": keys_or_node.sign(canonical(unsigned))}


def _refused(node: Node, bundle: dict, reason: str) -> None:
    with pytest.raises(SyncRefused) as raised:
        node.receive(bundle)
    assert raised.value.reason == reason
    assert entries(node.db, 1, "sync refused")[0]["detail"]["reason"] == reason
    assert received(node) == {}


def test_a_tampered_bundle_is_refused_and_logged(nodes, bundle):
    bundle["items"][0]["data"]["arrested"] = 40
    _refused(nodes["SY"], bundle, "tampered")


def test_a_replayed_bundle_is_refused_and_logged(nodes, bundle):
    nodes["SY"].receive(bundle)
    with pytest.raises(SyncRefused) as raised:
        nodes["SY"].receive(bundle)
    assert raised.value.reason == "replayed"
    assert entries(nodes["SY"].db, 1, "sync refused")[0]["detail"]["reason"] == "replayed"


def test_an_expired_bundle_is_refused_and_logged(nodes, bundle):
    past = datetime.now(UTC) - timedelta(hours=2)
    bundle.update(created_at=past.isoformat(), expires_at=(past + timedelta(hours=1)).isoformat())
    _refused(nodes["SY"], _resign(bundle, nodes["IQ"]), "expired")


def test_a_bundle_from_an_unknown_key_is_refused_and_logged(nodes, bundle):
    stranger = KeyPair.generate()
    bundle["sender"] = "node_" + "0" * 20
    _refused(nodes["SY"], _resign(bundle, stranger), "unknown_key")


def test_a_bundle_signed_by_another_key_than_the_senders_is_refused(nodes, bundle):
    _refused(nodes["SY"], _resign(bundle, KeyPair.generate()), "tampered")


def test_a_bundle_for_another_node_is_refused(nodes, bundle):
    _refused(nodes["SDF"], bundle, "wrong_recipient")


def test_a_forged_pull_request_is_refused(nodes):
    from rasad.share.sync import PullRequest

    stamp = datetime.now(UTC).replace(microsecond=0).isoformat()
    request = PullRequest(nodes["SY"].identity()["node_id"], 0, 10, stamp, KeyPair.generate().sign(b"pull"))
    with pytest.raises(SyncRefused, match="tampered"):
        serve_pull(nodes["IQ"], request)


def test_a_report_is_released_with_its_text_or_without_it_when_coarsened(nodes, tmp_path):
    iq = nodes["IQ"]
    text = "قصفت طائرة مسيّرة صباح اليوم موقعاً في بادية القائم قرب الحدود."
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"doc_id": "n2", "published": "2026-11-19", "title": "قصف", "source": "Rasad test",
                                "url": "https://example.org/n2", "text": text}, ensure_ascii=False), encoding="utf-8")
    run_ingest([str(path)], iq.store, get_extractor("rules"), lambda error: None)
    iq.release("report", "n2", {"distribution": "all", "tlp": "CLEAR", "coarsen": {"SDF": "admin1"}}, "t")
    sync(nodes, "SY", "IQ")
    sync(nodes, "SDF", "IQ")
    assert received(nodes["SY"], "report")["n2"]["data"]["text"] == text
    coarse = received(nodes["SDF"], "report")["n2"]["data"]
    assert not {"text", "title", "url"} & set(coarse)
    assert coarse["source"] == "Rasad test"


def test_sharing_runs_on_both_backends(store_url, tmp_path):
    """The owner's store on SQLite and on PostgreSQL: releases, edits, comments and retractions round-trip."""
    with open_store(store_url) as owner_store, open_store(str(tmp_path / "SY.db")) as partner_store:
        nodes = {"IQ": Node(owner_store), "SY": Node(partner_store)}
        nodes["IQ"].init("IQ")
        nodes["SY"].init("SY")
        nodes["IQ"].add_partner("SY", nodes["SY"].identity()["public_key"])
        nodes["SY"].add_partner("IQ", nodes["IQ"].identity()["public_key"])
        event_id = field_report(nodes["IQ"], "fr1")
        nodes["IQ"].release("event", event_id, {"distribution": "partners", "partners": ["SY"], "tlp": "AMBER"}, "t")
        sync(nodes, "IQ", "SY")
        nodes["IQ"].store.edit(event_id, "arrested", 3, "t")
        nodes["SY"].comment(nodes["IQ"].identity()["node_id"], "event", event_id, "Seen from our side too.",
                            "corroboration", "t")
        sync(nodes, "IQ", "SY")
        assert received(nodes["SY"])[event_id]["data"]["arrested"] == 3
        assert [note["org"] for note in nodes["IQ"].annotations("event", event_id)] == ["SY"]
        nodes["IQ"].retract("event", event_id, "t")
        sync(nodes, "SY", "IQ")
        assert received(nodes["SY"]) == {}
        assert nodes["IQ"].releasability("event", event_id)["version"] == 3


def test_times_without_an_offset_are_malformed_not_a_crash(nodes, bundle):
    from rasad.share.sync import PullRequest

    naive = datetime.now(UTC).replace(tzinfo=None, microsecond=0).isoformat()
    _refused(nodes["SY"], _resign({**bundle, "expires_at": naive}, nodes["IQ"]), "malformed")
    message = f"pull\n{nodes['IQ'].identity()['node_id']}\n0\n10\n{naive}".encode()
    request = PullRequest(nodes["SY"].identity()["node_id"], 0, 10, naive, nodes["SY"].sign(message))
    with pytest.raises(SyncRefused, match="malformed"):
        serve_pull(nodes["IQ"], request)


def test_a_coarsened_sensor_alert_does_not_name_its_sensor(nodes):
    iq = nodes["IQ"]
    item = parse_input("sensor-alert", {"alert_id": "a1", "sensor_id": "post-7-east", "detected_at": "2026-11-21T02:00Z",
                                        "latitude": 34.35, "longitude": 41.05, "detection": "person",
                                        "confidence": 0.7})
    alert_id = iq.add_input("sensor-alert", item, "t")["input_id"]
    iq.release("sensor-alert", alert_id, {"distribution": "all", "tlp": "AMBER", "coarsen": {"SDF": "admin1"}}, "t")
    sync(nodes, "SY", "IQ")
    sync(nodes, "SDF", "IQ")
    assert received(nodes["SY"], "sensor-alert")[alert_id]["data"]["sensor_id"] == "post-7-east"
    coarse = received(nodes["SDF"], "sensor-alert")[alert_id]["data"]
    assert not {"sensor_id", "alert_id"} & set(coarse) and coarse["admin1"] == "Al-Anbar"
    anbar = iq._governorate("Al-Anbar")
    assert (coarse["latitude"], coarse["longitude"]) == (anbar.lat, anbar.lon)


def test_the_demo_partner_releases_events_to_the_demo_node_once(tmp_path):
    from rasad.demo.partners import seed_partner

    with open_store(str(tmp_path / "demo.db")) as store:
        shared = seed_partner(store, tmp_path, records=8)
        node = Node(store)
        items = node.received("event")[0]
        assert shared == len(items) >= 6 and node.identity()["org"] == "SY"
        assert {item["owner_org"] for item in items} == {"IQ"}
        assert {item["data"].get("location_level", "point") for item in items} == {"point", "admin1"}
        assert seed_partner(store, tmp_path, records=8) == shared  # a second demo run changes nothing


# -- coarsening is an allow-list (issue 12: 4) --------------------------------------------------------------
def test_a_coarsened_field_report_carries_no_id_that_names_a_place(nodes):
    iq, sy = nodes["IQ"], nodes["SY"]
    field_report(iq, "patrol-daquq-0309")
    (report_id,) = [row["input_id"] for row in iq.db.execute("SELECT input_id FROM partner_inputs")]
    iq.release("field-report", report_id, {"distribution": "partners", "partners": ["SY"], "tlp": "AMBER",
                                           "coarsen": {"SY": "admin1"}}, "t")
    sync(nodes, "SY", "IQ")
    (copy,) = received(sy, "field-report").values()
    assert "daquq" not in json.dumps(copy).lower()
    assert copy["data"]["location_level"] == "admin1" and not {"report_id", "text"} & set(copy["data"])


def test_a_merge_never_makes_a_coarse_release_finer(nodes):
    iq, sy = nodes["IQ"], nodes["SY"]
    coarse = field_report(iq, "fr1", day="2026-11-10")
    fine = field_report(iq, "fr2", day="2026-11-20")
    iq.release("event", coarse, {"distribution": "partners", "partners": ["SY"], "tlp": "AMBER",
                                 "coarsen": {"SY": "admin1"}}, "t")
    iq.release("event", fine, {"distribution": "partners", "partners": ["SY"], "tlp": "AMBER"}, "t")
    sync(nodes, "SY", "IQ")
    assert received(sy)[fine]["data"].get("location_level", "point") == "point"
    iq.store.merge(fine, coarse, "iq-analyst", "one raid")
    sync(nodes, "SY", "IQ")
    merged = received(sy)[fine]["data"]
    assert merged["location_level"] == "admin1" and "evidence" not in merged
    assert merged["latitude"] != iq.store.event(fine)["latitude"]
