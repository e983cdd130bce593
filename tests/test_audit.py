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


# -- checkpoints held by partners (issue 12: 5) -------------------------------------------------------------
def _rechain(db) -> None:
    """Recompute every hash after an edit, as someone covering their tracks would."""
    from rasad.store.audit import GENESIS, entry_hash

    prev = GENESIS
    with db.transaction():
        for row in db.execute("SELECT * FROM audit_log ORDER BY seq").fetchall():
            new = entry_hash(prev, row["seq"], row["at"], row["actor"], row["action"], row["target"], row["detail"])
            db.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, new, row["seq"]))
            prev = new


def _anchored_nodes(tmp_path):
    from tests.test_sharing import sync

    nodes = make_nodes(tmp_path, ("IQ", "SY"))
    raid = field_report(nodes["IQ"], "fr1")
    nodes["IQ"].release("event", raid, {"distribution": "all", "tlp": "GREEN"}, "t")
    sync(nodes, "SY", "IQ")  # SY now holds a signed head of IQ's audit chain
    return nodes, sync


def test_a_rewritten_log_is_found_against_the_checkpoint_a_partner_holds(tmp_path):
    nodes, sync = _anchored_nodes(tmp_path)
    iq = nodes["IQ"]
    with iq.db.transaction():
        iq.db.execute("UPDATE audit_log SET actor = 'nobody' WHERE action = 'release'")
        iq.db.execute("DELETE FROM audit_anchors")  # and the checkpoints kept here, to cover the tracks
    _rechain(iq.db)
    assert verify(iq.db).ok  # the chain alone cannot tell
    sync(nodes, "IQ", "SY")  # SY sends back the checkpoint it holds
    result = verify(iq.db)
    assert not result.ok and "rewritten" in result.problem and "SY" in result.problem


def test_a_log_cut_short_is_found_against_the_checkpoint_a_partner_holds(tmp_path):
    nodes, sync = _anchored_nodes(tmp_path)
    iq, sy = nodes["IQ"], nodes["SY"]
    held = sy.db.execute("SELECT seq FROM partner_checkpoints").fetchone()["seq"]
    with iq.db.transaction():
        iq.db.execute("DELETE FROM audit_log WHERE seq >= ?", (held,))  # from the release SY saw on
        iq.db.execute("DELETE FROM audit_anchors")
    assert verify(iq.db).ok
    sync(nodes, "IQ", "SY")
    result = verify(iq.db)  # the entries written since took the cut entries' places, with other hashes
    assert not result.ok and result.broken_at == held and "SY" in result.problem


def test_a_partner_notices_its_partners_log_going_backwards(tmp_path):
    nodes, sync = _anchored_nodes(tmp_path)
    iq, sy = nodes["IQ"], nodes["SY"]
    with iq.db.transaction():
        iq.db.execute("DELETE FROM audit_log WHERE seq > 1")
    report = sync(nodes, "SY", "IQ")
    assert any("cut short or rewritten" in problem for problem in report.refused)
    assert entries(sy.db, 1, "audit checkpoint conflict")


def test_a_checkpoint_beyond_the_end_of_the_log_means_it_was_cut_short(store):
    for n in range(3):
        store.audit("tester", "export", None, {"n": n})
    store.db.execute("INSERT INTO audit_anchors (seq, hash, held_by, at) VALUES (9, 'abc', 'SY', '2026-11-28')")
    result = verify(store.db)
    assert not result.ok and result.broken_at == 9 and "cut short" in result.problem
