"""Sync between real nodes: three nodes on loopback over HTTP, a node killed in mid-sync, and property-based
tests over random releases and sync orders."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasad.cli import main
from rasad.ingest.partner import input_id
from rasad.share.node import Node
from rasad.share.releasability import LEVELS, TLP, Releasability
from rasad.share.sync import DirectTransport, HttpTransport, sync_all
from rasad.store.audit import verify
from rasad.store.store import open_store
from rasad.web.app import create_app
from tests.servers import Server
from tests.test_sharing import ORGS, TUZ, field_report, make_nodes, received, sync

ROOT = Path(__file__).resolve().parents[1]
PLACES = [TUZ, (34.35, 41.05), (36.50, 40.74)]  # Tuz Khurmatu; the Anbar border near al-Qaim; al-Hasakah


def test_three_nodes_on_loopback_release_edit_retract_and_coarsen(tmp_path):
    servers = {org: Server(create_app(str(tmp_path / f"{org}.db"), auth=True)) for org in ORGS}
    urls = {org: f"http://127.0.0.1:{server.port}" for org, server in servers.items()}
    nodes = make_nodes(tmp_path, urls=urls)
    iq, sy, sdf = nodes["IQ"], nodes["SY"], nodes["SDF"]
    raid = field_report(iq, "raid", day="2026-11-18")
    iq.release("event", raid, {"distribution": "partners", "partners": ["SY", "SDF"], "tlp": "AMBER",
                               "coarsen": {"SY": "admin1"}}, "iq-analyst")
    from tests.test_partner_inputs import ALERT, _post

    alert = _post(sy, "sensor-alert", ALERT)
    sy.release("event", alert, {"distribution": "all", "tlp": "GREEN"}, "sy-analyst")
    internal = field_report(sdf, "internal", day="2026-11-15", at=PLACES[2])
    with servers["IQ"], servers["SY"], servers["SDF"]:
        result = CliRunner().invoke(main, ["sync", "--db", str(tmp_path / "SY.db")])
        assert result.exit_code == 0, result.output
        assert "IQ: 1 records received" in result.output
        for org in ("IQ", "SDF"):
            sync_all(nodes[org], HttpTransport())
        assert received(sy)[raid]["data"]["location_level"] == "admin1"
        assert received(sdf)[raid]["data"]["latitude"] == iq.store.event(raid)["latitude"]
        assert set(received(iq)) == {alert} and set(received(sdf)) == {raid, alert}
        assert internal not in received(iq) and internal not in received(sy)

        iq.store.edit(raid, "arrested", 4, "iq-analyst", "corrected")
        sy.retract("event", alert, "sy-analyst", "a herd of goats")
        for org in ORGS:
            sync_all(nodes[org], HttpTransport())
        assert received(sy)[raid]["data"]["arrested"] == 4 and received(sdf)[raid]["version"] == 2
        assert alert not in received(iq) and alert not in received(sdf)

        token = sy.store.add_user("monitor", "viewer")
        shared = httpx.get(f"{urls['SY']}/api/shared?kind=event", headers={"authorization": f"Bearer {token}"}).json()
        assert [item["record_id"] for item in shared["items"]] == [raid]
        assert httpx.get(f"{urls['SY']}/api/shared").status_code == 401  # a user token, not a partner key, reads it
    for node in nodes.values():
        assert verify(node.db).ok
        node.store.close()


def test_a_node_killed_in_mid_sync_resumes_without_loss_or_duplicates(tmp_path):
    server = Server(create_app(str(tmp_path / "IQ.db")))
    nodes = make_nodes(tmp_path, ("IQ", "SY"), urls={"IQ": f"http://127.0.0.1:{server.port}"})
    iq = nodes["IQ"]
    from tests.test_partner_inputs import REPORT, _post

    inputs = [_post(iq, "field-report", {**REPORT, "report_id": f"r{n}"}) for n in range(150)]
    assert len(set(inputs)) == 1  # one raid, reported 150 times: one event, 150 field reports
    for n in range(150):
        iq.release("field-report", input_id("IQ", "field-report", f"r{n}"), {"distribution": "all", "tlp": "GREEN"}, "t")
    for node in nodes.values():
        node.store.close()
    sy_db = str(tmp_path / "SY.db")
    command = [sys.executable, "-m", "rasad.cli", "sync", "--db", sy_db, "--page-size", "1"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with server:
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        cursor = 0
        while cursor < 20 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
            with sqlite3.connect(sy_db) as probe:
                cursor = probe.execute("SELECT pull_cursor FROM partners WHERE org = 'IQ'").fetchone()[0]
        process.send_signal(signal.SIGKILL)
        process.wait()
        with open_store(sy_db) as store:
            partway = Node(store).received("field-report", limit=1000)[1]
        assert 0 < partway < 150  # killed in the middle
        rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        assert rerun.returncode == 0, rerun.stderr
    with open_store(sy_db) as store:
        items, total = Node(store).received("field-report", limit=1000)
        assert total == 150 and len({item["record_id"] for item in items}) == 150
        assert store._one("SELECT count(*) FROM shared_records WHERE received_from IS NOT NULL") == 150
        assert verify(store.db).ok


# -- properties ----------------------------------------------------------------------------------------
@st.composite
def releasabilities(draw, owner: str, partners: list[str]) -> Releasability:
    distribution = draw(st.sampled_from(["owner", "partners", "group", "all"]))
    tlp = draw(st.sampled_from({"owner": ("RED", "AMBER+STRICT"), "partners": TLP}.get(distribution, TLP[:4])))
    named = tuple(sorted(draw(st.sets(st.sampled_from(partners), min_size=1)))) if distribution == "partners" else ()
    recipients = list(named) if distribution == "partners" else [*partners, "*"] if distribution != "owner" else []
    coarsen = draw(st.dictionaries(st.sampled_from(recipients), st.sampled_from(LEVELS[1:]), max_size=2)) \
        if recipients else {}
    reshare = distribution != "owner" and tlp in ("CLEAR", "GREEN") and draw(st.booleans())
    return Releasability(owner=owner, distribution=distribution, tlp=tlp, partners=named,
                         group="g" if distribution == "group" else None, coarsen=coarsen, reshare=reshare)


@st.composite
def scenarios(draw):
    linked = draw(st.booleans())  # IQ and SDF partners of each other, or linked only through SY
    partners = {org: [o for o in ORGS if o != org and (linked or {org, o} != {"IQ", "SDF"})] for org in ORGS}
    groups = {org: draw(st.sets(st.sampled_from(partners[org]))) for org in ORGS}
    records = []
    for _ in range(draw(st.integers(1, 5))):
        owner = draw(st.sampled_from(ORGS))
        records.append((owner, draw(releasabilities(owner, partners[owner])), draw(st.sampled_from(PLACES))))
    pairs = [(a, b) for a in ORGS for b in partners[a]]
    steps = draw(st.lists(st.one_of(st.tuples(st.just("sync"), st.sampled_from(pairs)),
                                    st.tuples(st.just("edit"), st.integers(0, len(records) - 1)),
                                    st.tuples(st.just("retract"), st.integers(0, len(records) - 1))), max_size=12))
    return linked, groups, records, steps


def _build(folder: Path, linked: bool, groups: dict) -> dict[str, Node]:
    nodes = make_nodes(folder)
    if not linked:
        nodes["IQ"].remove_partner("SDF")
        nodes["SDF"].remove_partner("IQ")
    for org, members in groups.items():
        if members:
            nodes[org].set_group("g", members)
    return nodes


def _allowed(rel: Releasability, org: str, owner_node: Node) -> bool:
    partner_orgs = [p["org"] for p in owner_node.partners()]
    return org in rel.audience(partner_orgs, owner_node.groups()) or (rel.reshare and rel.distribution == "all"
                                                                       and org != rel.owner)


def _reachable(rel: Releasability, org: str, nodes: dict[str, Node]) -> bool:
    """Whether ``org`` gets the record: from its owner, or passed on by a partner of both that holds a copy no finer
    than ``org`` may see (a copy is signed by its owner, so nobody can coarsen it on the way)."""
    owner = nodes[rel.owner]
    partner_orgs = [p["org"] for p in owner.partners()]
    direct = rel.audience(partner_orgs, owner.groups())
    if org in direct:
        return True
    if not (rel.reshare and rel.distribution == "all") or org == rel.owner:
        return False
    return any(LEVELS.index(rel.level_for(holder)) >= LEVELS.index(rel.level_for(org))
               for holder in direct if holder != org and org in [p["org"] for p in nodes[holder].partners()])


def _check_never_leaks(nodes: dict[str, Node], released: dict[str, tuple[str, Releasability]]) -> None:
    for org, node in nodes.items():
        for record_id, item in received(node, include_retracted=True).items():
            owner, rel = released[record_id]
            assert _allowed(rel, org, nodes[owner]), f"{record_id} of {owner} reached {org}"
            if item["data"] is None:
                continue
            level = item["data"].get("location_level") or "point"
            assert LEVELS.index(level) >= LEVELS.index(rel.level_for(org)), f"{record_id} finer than allowed at {org}"
            if level != "point":
                exact = nodes[owner].store.event(record_id)
                assert not {"evidence", "border_km", "border_sector"} & set(item["data"])
                areas = [nodes[owner]._governorate(exact["admin1"])]
                if level == "admin2" and exact["admin2"]:
                    areas.append(nodes[owner]._district(exact["admin2"]))
                points = {(area.lat, area.lon) for area in areas if area} or {(None, None)}
                assert (item["data"]["latitude"], item["data"]["longitude"]) in points


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_no_record_reaches_a_node_it_was_not_released_to_and_each_arrives_once(scenario):
    linked, groups, records, steps = scenario
    with tempfile.TemporaryDirectory() as folder:
        nodes = _build(Path(folder), linked, groups)
        transport = DirectTransport(list(nodes.values()))
        released: dict[str, tuple[str, Releasability]] = {}
        ids = []
        for n, (owner, rel, place) in enumerate(records):
            if rel.distribution == "group" and not groups[owner]:
                rel = Releasability(owner=owner)
            event_id = field_report(nodes[owner], f"r{n}", day=f"2026-0{1 + n}-10", at=place)
            nodes[owner].release("event", event_id, rel.to_dict(), "t")
            released[event_id] = (owner, rel)
            ids.append(event_id)
        for kind, arg in steps:
            if kind == "sync":
                from rasad.share.sync import sync_partner

                sync_partner(nodes[arg[0]], arg[1], transport)
                _check_never_leaks(nodes, released)
            else:
                owner = released[ids[arg]][0]
                if kind == "edit":
                    if nodes[owner].store.event(ids[arg])["arrested"] != 7 + arg:  # the same edit again changes nothing
                        nodes[owner].store.edit(ids[arg], "arrested", 7 + arg, "t")
                elif not nodes[owner].releasability("event", ids[arg])["retracted"]:
                    nodes[owner].retract("event", ids[arg], "t")
        for _ in range(3):  # every pair, until nothing moves
            for org in ORGS:
                for partner in [p["org"] for p in nodes[org].partners()]:
                    sync(nodes, org, partner)
        _check_never_leaks(nodes, released)
        for org, node in nodes.items():
            live = received(node)
            for event_id, (owner, rel) in released.items():
                state = nodes[owner].releasability("event", event_id)
                expected = _reachable(rel, org, nodes) and not state["retracted"]
                assert (event_id in live) == expected, f"{event_id} of {owner} at {org}: expected {expected}"
                if expected:
                    assert live[event_id]["version"] == state["version"]
                    assert live[event_id]["data"]["arrested"] == nodes[owner].store.event(event_id)["arrested"]
        again = [sync(nodes, org, p["org"]) for org in ORGS for p in nodes[org].partners()]
        assert [report.pulled for report in again] == [0] * len(again)  # nothing arrives a second time
        for node in nodes.values():
            node.store.close()


def test_cli_sync_goes_on_past_an_unreachable_partner_and_exits_1(tmp_path):
    server = Server(create_app(str(tmp_path / "IQ.db")))
    nodes = make_nodes(tmp_path, urls={"IQ": f"http://127.0.0.1:{server.port}", "SY": "http://127.0.0.1:9"})
    event_id = field_report(nodes["IQ"], "fr1")
    nodes["IQ"].release("event", event_id, {"distribution": "all", "tlp": "GREEN"}, "t")
    with server:
        result = CliRunner().invoke(main, ["sync", "--db", str(tmp_path / "SDF.db")])
    assert result.exit_code == 1
    assert "IQ: 1 records received" in result.output and "rasad: SY: partner SY at http://127.0.0.1:9" in result.output
    assert event_id in received(nodes["SDF"])
    for node in nodes.values():
        node.store.close()
