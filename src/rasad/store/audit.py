"""The audit log: an append-only, hash-chained record of creations, edits, releases, exports, syncs and logins.

Each entry's hash covers its own content and the previous entry's hash, so changing, removing or
reordering any entry breaks the chain from that entry on; :func:`verify` finds the first break. A chain
rewritten from scratch, or cut short, is found against the checkpoints partners hold: signed heads of
this chain that they send back in every sync (``audit_anchors``; see ``share/node.py``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from rasad.store.database import Database

GENESIS = "0" * 64


def entry_hash(prev_hash: str, seq: int, at: str, actor: str, action: str, target: str | None, detail: str) -> str:
    content = json.dumps([seq, at, actor, action, target, detail], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{prev_hash}|{content}".encode()).hexdigest()


def append(db: Database, actor: str, action: str, target: str | None = None, detail: dict[str, Any] | None = None) -> int:
    """Add one entry at the end of the chain (in the caller's transaction, or in one of its own)."""
    if not db.in_transaction:
        with db.transaction():
            return append(db, actor, action, target, detail)
    db.lock("audit_log")
    last = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev_hash = (last["seq"] + 1, last["hash"]) if last else (1, GENESIS)
    at = datetime.now(UTC).isoformat(timespec="seconds")
    body = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True)
    db.execute("INSERT INTO audit_log (seq, at, actor, action, target, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)",
               (seq, at, actor, action, target, body, prev_hash,
                entry_hash(prev_hash, seq, at, actor, action, target, body)))
    return seq


def entries(db: Database, limit: int = 100, action: str | None = None) -> list[dict[str, Any]]:
    """The newest entries first, optionally of one action."""
    where, args = ("WHERE action = ?", [action]) if action else ("", [])
    rows = db.execute(f"SELECT * FROM audit_log {where} ORDER BY seq DESC LIMIT ?", (*args, limit)).fetchall()
    return [{**dict(row), "detail": json.loads(row["detail"])} for row in rows]


@dataclass
class Verification:
    """The outcome of checking the chain: how many entries, and the first one that does not fit (if any)."""

    entries: int
    broken_at: int | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def _rows(db: Database) -> Iterator[Any]:
    cursor = db.execute("SELECT seq, at, actor, action, target, detail, prev_hash, hash FROM audit_log ORDER BY seq")
    while rows := cursor.fetchmany(1000):
        yield from rows


def verify(db: Database) -> Verification:
    """Recompute the chain from the first entry; stops at the first entry that was changed, removed or moved."""
    prev_hash, expected_seq, count = GENESIS, 1, 0
    for row in _rows(db):
        if row["seq"] != expected_seq:
            return Verification(count, expected_seq, f"entry {expected_seq} is missing")
        if row["prev_hash"] != prev_hash:
            return Verification(count, row["seq"], f"entry {row['seq']} does not follow entry {row['seq'] - 1}")
        if entry_hash(prev_hash, row["seq"], row["at"], row["actor"], row["action"], row["target"],
                      row["detail"]) != row["hash"]:
            return Verification(count, row["seq"], f"entry {row['seq']} was changed after it was written")
        prev_hash, expected_seq, count = row["hash"], expected_seq + 1, count + 1
    for anchor in db.execute("SELECT a.seq, a.hash, a.held_by, l.hash AS logged FROM audit_anchors a LEFT JOIN "
                             "audit_log l ON l.seq = a.seq ORDER BY a.seq").fetchall():
        if anchor["logged"] is None:
            return Verification(count, anchor["seq"], f"entry {anchor['seq']} is missing, yet partner "
                                f"{anchor['held_by']} holds a checkpoint of it: the log was cut short")
        if anchor["logged"] != anchor["hash"]:
            return Verification(count, anchor["seq"], f"entry {anchor['seq']} differs from the checkpoint partner "
                                f"{anchor['held_by']} holds: the log was rewritten")
    return Verification(count)


def head(db: Database) -> tuple[int, str]:
    """The last entry's number and hash (0 and the genesis hash for an empty log)."""
    last = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (last["seq"], last["hash"]) if last else (0, GENESIS)
