"""The hash-chained audit log: what it records, and that any change to it is found."""

from __future__ import annotations

from click.testing import CliRunner

from rasad.cli import main
from rasad.store.audit import entries, verify
from rasad.store.store import open_store
from tests.test_sharing import field_report, make_nodes


def test_the_chain_verifies_on_both_backends(store):
    for n in range(5):
        store.audit("tester", "export", None, {"n": n})
    result = verify(store.db)
    assert result.ok and result.entries == 5
    assert [e["detail"]["n"] for e in entries(store.db, 2)] == [4, 3]


def test_a_changed_entry_breaks_the_chain_there(store):
    for n in range(4):
        store.audit("tester", "release", f"event:e{n}", {"n": n})
    store.db.execute("UPDATE audit_log SET actor = 'someone else' WHERE seq = 3")
    result = verify(store.db)
    assert not result.ok and result.broken_at == 3 and "changed" in result.problem and result.entries == 2


def test_a_removed_entry_breaks_the_chain(store):
    for n in range(4):
        store.audit("tester", "release", None, {"n": n})
    store.db.execute("DELETE FROM audit_log WHERE seq = 2")
    result = verify(store.db)
    assert result.broken_at == 2 and "missing" in result.problem


def test_a_rewritten_chain_is_found_from_the_first_rewritten_entry(store):
    for n in range(3):
        store.audit("tester", "sync", None, {"n": n})
    store.db.execute("UPDATE audit_log SET detail = '{\"n\": 9}', hash = 'f' WHERE seq = 2")
    assert verify(store.db).broken_at == 2


def test_releases_reviews_syncs_and_exports_are_logged(tmp_path):
    nodes = make_nodes(tmp_path, ("IQ", "SY"))
    iq = nodes["IQ"]
    event_id = field_report(iq, "fr1")
    iq.release("event", event_id, {"distribution": "all", "tlp": "GREEN"}, "amal")
    iq.store.set_review_state(event_id, "verified", "amal", "confirmed by the unit")
    result = CliRunner().invoke(main, ["export", "--db", iq.store.db.location, "--format", "csv", "-o",
                                       str(tmp_path / "out.csv")])
    assert result.exit_code == 0, result.output
    from tests.test_sharing import sync

    sync(nodes, "SY", "IQ")
    actions = [e["action"] for e in entries(iq.db, 100)][::-1]
    assert actions[:2] == ["node", "partner"]
    assert {"create", "release", "review", "export", "sync"} <= set(actions)
    assert "sync" in {e["action"] for e in entries(nodes["SY"].db, 100)}
    for node in nodes.values():
        node.store.close()


def test_cli_audit_verify_reports_a_broken_chain(tmp_path):
    db = str(tmp_path / "a.db")
    with open_store(db) as store:
        store.audit("tester", "export", None, {})
        store.audit("tester", "export", None, {})
    runner = CliRunner()
    ok = runner.invoke(main, ["audit", "verify", "--db", db])
    assert ok.exit_code == 0 and "2 entries" in ok.output
    with open_store(db) as store:
        store.db.execute("UPDATE audit_log SET action = 'login' WHERE seq = 1")
    broken = runner.invoke(main, ["audit", "verify", "--db", db])
    assert broken.exit_code == 1 and "broken at entry 1" in broken.output
    listed = runner.invoke(main, ["audit", "list", "--db", db, "--action", "login"])
    assert listed.exit_code == 0 and "\tlogin\t" in listed.output
