"""The event store: documents, their event mentions, fused events, analyst review and history.

One data layer over SQLite (the embedded default) and PostgreSQL (servers): the SQL is shared, and
the few dialect differences (full-text search, transactions) sit in small methods here and in
``database.py``. Writes happen in transactions: a failure leaves what was committed intact.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
import os
import secrets
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from itertools import chain
from typing import Any
from urllib.parse import parse_qs

from rasad.errors import InputError, NotFound
from rasad.fuse.dedup import MIN_SHARED_BANDS, NEAR_DUPLICATE, bands, published_together, similarity, sketch
from rasad.fuse.fusion import best_match, event_id_for, fuse_mentions
from rasad.geo.boundaries import EARTH_KM
from rasad.model import COUNT_FIELDS, Document, Event
from rasad.store import audit
from rasad.store.database import Database, connect
from rasad.store.grid import Span, circle_spans
from rasad.store.migrations import (
    CELL_SQL,
    CONFIDENCE_BUCKET,
    FINE_COL,
    FINE_ROW,
    MIGRATIONS,
    VISIBLE_CONFIDENT,
    VISIBLE_PLACED,
)
from rasad.store.review import apply_overrides, check_edit
from rasad.text.normalize import fold

DEFAULT_DB = "rasad.db"
EVENT_COLUMNS = (
    "event_id", "event_type", "sub_event_type", "tags", "event_date", "time_precision", "actor1", "actor2", "country",
    "admin1", "admin2", "location", "location_ar", "latitude", "longitude", "geo_precision", "fatalities", "wounded",
    "arrested", "escaped", "transferred", "border_km", "border_sector", "confidence", "source_count",
    "first_reported", "last_reported", "conflicting", "created_at", "updated_at",
)
SORTABLE = {"event_date", "confidence", "source_count", "fatalities", "border_km", "updated_at"}
REVIEW_STATES = ("unreviewed", "verified", "rejected")
ROLES = ("viewer", "analyst", "admin")
SYSTEM = "rasad"
QUEUE_CONFIDENCE = 0.7  # below it an unreviewed event is in the review queue (the "0.50–0.70" band and under)


def default_db() -> str:
    """The store named by RASAD_DB, else ./rasad.db."""
    return os.environ.get("RASAD_DB") or DEFAULT_DB


@dataclass
class EventFilter:
    """What `rasad events`, exports and `GET /api/events` filter on."""

    since: str | None = None
    until: str | None = None
    event_type: str | None = None
    admin1: str | None = None
    near: tuple[float, float, float] | None = None
    text: str | None = None
    min_confidence: float | None = None
    review_state: str | None = None
    sub_event_type: str | None = None
    tag: str | None = None
    actor: str | None = None
    admin2: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    max_border_km: float | None = None
    updated_since: str | None = None  # events created or changed at or after this moment (ISO), for alerts
    queue: bool = False  # the review queue: unreviewed events that are unsure, undated or whose sources disagree
    limit: int = 100
    offset: int = 0
    sort: str = "event_date"
    descending: bool = True


_PAGING = {"near", "limit", "offset", "sort", "descending"}  # what a filter holds besides its conditions
BAND_READ = 30  # the reports read under each band for the near-duplicate look-up, the first by ID
_BANDS_A_QUERY = 400  # bands read in one query (SQLite allows 500 terms of a compound query)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _governorate(name: str | None) -> str | None:
    """The standard name of a governorate given in any case or known spelling (so the index serves it)."""
    if not name:
        return name
    from rasad.geo.gazetteer import default_gazetteer

    for place in default_gazetteer().lookup(name):
        if place.feature == "admin1":
            return place.admin1
    return name


def _fts_words(text: str) -> list[str]:
    return [w for w in fold(text).replace('"', " ").replace("'", " ").split() if w.strip(":*&|!()")]


class Store:
    """One Rasad store on a database connection."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._search_rows: list[tuple[str, str]] | None = None  # held for the end of a bulk() batch
        self._history_rows: list[tuple[str, str, str, str, str]] | None = None  # likewise
        # within a bulk() batch on SQLite (whose write lock keeps every other writer out): the first reports under
        # each band read so far, as the near-duplicate look-up reads them, and the sketches of the batch's reports
        # and of the stored ones read for them (a stored report's sketch and day never change)
        self._band_docs: dict[str, list[str]] | None = None
        self._batch_sketches: dict[str, tuple[list[int], str | None]] = {}
        self.migrate()

    # -- schema ---------------------------------------------------------------------------------
    def migrate(self) -> int:
        """Apply pending migrations; returns the schema version."""
        # under the write lock: a second process creating the same new store waits here, never reads then writes
        with self.transaction():
            self.db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)")
        done = {row["version"] for row in self.db.execute("SELECT version FROM schema_migrations")}
        migrations = MIGRATIONS[self.db.dialect]
        for version, script in migrations:
            if version in done:
                continue
            with self.transaction():  # a write transaction: a second process migrating waits here, then skips
                self.db.lock("schema_migrations")
                if self.db.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (version,)).fetchone():
                    continue
                for statement in script.split(";") if isinstance(script, str) else script:
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute("INSERT INTO schema_migrations VALUES (?, ?)", (version, _now()))
        return max(version for version, _ in migrations)

    def optimize(self, bulk: bool = False) -> None:
        """After a load: refresh the planner's statistics where they are missing or stale (SQLite's ``PRAGMA
        optimize``: nothing when the tables have not grown tenfold since), so that it picks the index a filter
        needs (a type's map cells: 651 → 50 ms on a million events). On PostgreSQL, ``VACUUM (ANALYZE)``, which also
        sets the visibility map that index-only counts need, after a ``bulk`` load (autovacuum sees to the rest)."""
        if self.db.dialect == "postgresql":
            if bulk:
                self.db.execute("VACUUM (ANALYZE) events, mentions, documents, document_bands")
        else:
            # under the write lock: run alone, it reads the statistics and then writes them, and another process's
            # commit in between makes SQLite refuse at once ("database is locked") instead of waiting
            with self.transaction():
                self.db.execute("PRAGMA optimize=0x10002")

    def transaction(self) -> Any:
        """One atomic batch of writes."""
        return self.db.transaction()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def audit(self, actor: str, action: str, target: str | None = None, detail: dict[str, Any] | None = None) -> int:
        """Append to the hash-chained audit log (docs/sharing.md#audit)."""
        return audit.append(self.db, actor, action, target, detail)

    def _one(self, sql: str, args: tuple = ()) -> Any:
        row = self.db.execute(sql, args).fetchone()
        return None if row is None else row[next(iter(row.keys()))] if hasattr(row, "keys") else row[0]

    # -- documents ------------------------------------------------------------------------------
    def known_documents(self, doc_ids: list[str]) -> set[str]:
        """Those of ``doc_ids`` already stored."""
        found: set[str] = set()
        for start in range(0, len(doc_ids), 500):
            chunk = doc_ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found |= {row["doc_id"] for row in self.db.execute(f"SELECT doc_id FROM documents WHERE doc_id IN ({marks})",
                                                               chunk)}
        return found

    def add_document(self, document: Document, deduplicate: bool = True, prepared: PreparedDocument | None = None) -> str:
        """Store a report: 'new', 'seen' (same doc_id) or 'duplicate' (the same URL, or the same or nearly the
        same text as a stored report: a syndicated copy is kept but does not count as corroboration).

        Partner inputs are never copies of one another (two alerts may read alike): ``deduplicate=False``.
        ``prepared``: the document's hash, sketch and search text, computed beforehand (by an archive's workers)
        so the write transaction does none of it."""
        if self.db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (document.doc_id,)).fetchone():
            return "seen"
        prepared = prepared or prepare_document(document, deduplicate)
        text_hash, signature = prepared.text_hash, prepared.signature if deduplicate else []
        original = None
        published = document.published.isoformat() if document.published else None
        if deduplicate:  # the same text, published near in time (see dedup.COPY_DAYS)
            original = next((row["doc_id"] for row in self.db.execute(
                "SELECT doc_id, published FROM documents WHERE text_hash = ? AND duplicate_of IS NULL ORDER BY doc_id",
                (text_hash,)).fetchall() if published_together(row["published"], published)), None)
        if original is None and document.url and deduplicate:
            original = self._one("SELECT doc_id FROM documents WHERE url = ? AND duplicate_of IS NULL", (document.url,))
        if original is None and signature:
            original = self._near_duplicate(signature, published)
        self.db.execute(
            "INSERT INTO documents (doc_id, text_hash, url, source, title, published, language, text, ingested_at,"
            " duplicate_of, minhash) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (document.doc_id, text_hash, document.url, document.source, document.title,
             document.published.isoformat() if document.published else None, document.language, document.text,
             _now(), original, json.dumps(signature)),
        )
        if original:
            return "duplicate"
        # the sketch's bands at once (the next report's near-duplicate look-up reads them); the search text at
        # once, or with the batch's others at its end inside bulk() (nothing reads it while a batch is stored)
        self.db.bulk_insert("document_bands", ("band", "doc_id"), [(band, document.doc_id) for band in bands(signature)])
        if self._band_docs is not None:  # the bands read already take the report as the index orders it
            for band in bands(signature):
                if band in self._band_docs:
                    listed = self._band_docs[band]
                    bisect.insort(listed, document.doc_id)
                    del listed[BAND_READ:]
            self._batch_sketches[document.doc_id] = (signature, published)
        if self._search_rows is not None:
            self._search_rows.append((document.doc_id, prepared.body))
        else:
            self.db.bulk_insert("documents_fts", ("doc_id", "body"), [(document.doc_id, prepared.body)])
        return "new"

    @contextmanager
    def bulk(self, signatures: Iterable[list[int]] = ()) -> Iterator[None]:
        """Within a transaction, for a batch of reports: their search texts and the history of their events are
        written together at the end, with ``COPY`` on PostgreSQL (one prepared statement on SQLite), rather than one
        statement each (nothing reads them while the batch is stored).

        On SQLite, whose write transaction keeps every other writer out, the near-duplicate look-up also reads each
        band's first reports once a batch (``signatures``: the batch's sketches, known beforehand, read together) and
        keeps them as the batch adds reports, rather than one query a report."""
        self._search_rows, self._history_rows = [], []
        if self.db.dialect == "sqlite":
            self._band_docs, self._batch_sketches = {}, {}
            self._read_bands({band for signature in signatures for band in bands(signature)})
        try:
            yield
            if self._search_rows:
                self.db.bulk_insert("documents_fts", ("doc_id", "body"), self._search_rows)
            if self._history_rows:
                self.db.bulk_insert("event_history", ("event_id", "at", "actor", "action", "detail"), self._history_rows)
        finally:
            self._search_rows = self._history_rows = self._band_docs = None
            self._batch_sketches = {}

    def _read_bands(self, keys: set[str]) -> None:
        """The first reports under each band not read yet (at most ``BAND_READ``, in the index's order), a query for
        several hundred bands."""
        assert self._band_docs is not None
        missing = sorted(keys - self._band_docs.keys())
        for start in range(0, len(missing), _BANDS_A_QUERY):
            chunk = missing[start : start + _BANDS_A_QUERY]
            self._band_docs.update({band: [] for band in chunk})
            query = " UNION ALL ".join(
                f"SELECT * FROM (SELECT band, doc_id FROM document_bands WHERE band = ? ORDER BY doc_id LIMIT {BAND_READ})"
                for _ in chunk)
            for row in self.db.execute(query, chunk).fetchall():
                self._band_docs[row["band"]].append(row["doc_id"])

    def _near_duplicate(self, signature: list[int], published: str | None) -> str | None:
        """A stored report whose sketch shares enough of this one's smallest hashes and is close enough, published
        near in time.

        One query: the first reports under each band (at most 30 a band, read in order from the band's index,
        so a hash that many reports share, a site's boilerplate, costs no more than any other), those sharing
        enough bands, with their sketches."""
        keys = bands(signature)
        if not keys:
            return None
        if self._band_docs is not None:
            return self._near_duplicate_read(keys, signature, published)
        per_band = " UNION ALL ".join(
            f"SELECT * FROM (SELECT doc_id FROM document_bands WHERE band = ? ORDER BY doc_id LIMIT {BAND_READ}) AS b{k}"
            for k in range(len(keys)))
        # the sketches of the five best only: the bands are counted before any report's row is read
        rows = self.db.execute(
            f"SELECT c.doc_id, c.n, d.minhash, d.published FROM (SELECT b.doc_id, count(*) AS n FROM ({per_band}) b "
            "GROUP BY b.doc_id HAVING count(*) >= ? ORDER BY n DESC, b.doc_id DESC LIMIT 5) c "
            "JOIN documents d ON d.doc_id = c.doc_id ORDER BY c.n DESC, c.doc_id DESC",
            (*keys, MIN_SHARED_BANDS)).fetchall()
        for row in rows:  # (the cheap test first)
            if published_together(row["published"], published) and similarity(
                    signature, json.loads(row["minhash"])) >= NEAR_DUPLICATE:
                return row["doc_id"]
        return None

    def _near_duplicate_read(self, keys: list[str], signature: list[int], published: str | None) -> str | None:
        """:meth:`_near_duplicate` from the bands read in this batch: the same reports in the same order."""
        assert self._band_docs is not None
        self._read_bands(set(keys))
        shared = Counter(chain.from_iterable(self._band_docs[band] for band in keys))
        best = sorted(((n, doc_id) for doc_id, n in shared.items() if n >= MIN_SHARED_BANDS), reverse=True)[:5]
        earlier = [doc_id for _, doc_id in best if doc_id not in self._batch_sketches]
        if earlier:
            self._batch_sketches.update({row["doc_id"]: (json.loads(row["minhash"]), row["published"]) for row in
                                         self.db.execute("SELECT doc_id, minhash, published FROM documents WHERE doc_id "
                                                         f"IN ({', '.join('?' * len(earlier))})", earlier).fetchall()})
        for _, doc_id in best:  # (the cheap test first)
            other, other_published = self._batch_sketches[doc_id]
            if published_together(other_published, published) and similarity(signature, other) >= NEAR_DUPLICATE:
                return doc_id
        return None

    def document(self, doc_id: str) -> dict[str, Any]:
        row = self.db.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            raise NotFound(f"no report {doc_id!r}")
        return {k: v for k, v in dict(row).items() if k not in ("minhash", "text_hash")}

    def documents(self) -> Iterator[dict[str, Any]]:
        """Every stored original report (not the duplicates), oldest first."""
        for row in self.db.execute("SELECT doc_id, text, published, language, source, title, url FROM documents "
                                   "WHERE duplicate_of IS NULL ORDER BY ingested_at, doc_id").fetchall():
            yield dict(row)

    def add_partner_input(self, kind: str, document: Document, event: Event, data: dict[str, Any], actor: str) -> str:
        """Store a field report or sensor alert as a report with one event mention, fused like any other
        source; returns the event id. Posting the same input id twice is refused."""
        with self.transaction():
            if self.add_document(document, deduplicate=False) == "seen":
                raise InputError(f"{kind} {document.doc_id.rsplit(':', 1)[1]!r} was posted already")
            self.db.execute("INSERT INTO partner_inputs (input_id, kind, doc_id, data, created_by, created_at) "
                            "VALUES (?,?,?,?,?,?)", (document.doc_id, kind, document.doc_id,
                                                     json.dumps(data, ensure_ascii=False, default=str), actor, _now()))
            event_id = self.add_mention(event, 0, document.published)
            self.audit(actor, "create", document.doc_id, {"kind": kind, "event_id": event_id})
        return event_id

    def events_of_document(self, doc_id: str) -> list[str]:
        """The events a report's mentions were fused into."""
        return sorted({row["event_id"] for row in
                       self.db.execute("SELECT event_id FROM mentions WHERE doc_id = ?", (doc_id,))})

    def partner_input(self, input_id: str) -> dict[str, Any]:
        row = self.db.execute("SELECT * FROM partner_inputs WHERE input_id = ?", (input_id,)).fetchone()
        if row is None:
            raise NotFound(f"no field report or sensor alert {input_id!r}")
        return {**dict(row), "data": json.loads(row["data"])}

    # -- reference layers (ACLED files, partners' STIX and MISP) ----------------------------------
    def add_reference(self, layer: str, record: dict[str, Any], source_file: str, actor: str) -> bool:
        """Keep one imported record under its layer, read-only; True when it is new or changed. The record's
        ``record_id`` is its id in its source; importing the same file again changes nothing."""
        data = json.dumps(record, ensure_ascii=False, sort_keys=True)
        row = self.db.execute("SELECT data FROM reference_events WHERE layer = ? AND record_id = ?",
                              (layer, record["record_id"])).fetchone()
        if row is not None and row["data"] == data:
            return False
        values = (record["event_type"], record.get("event_date"), record.get("country"), _governorate(record.get("admin1")),
                  record.get("latitude"), record.get("longitude"), record.get("marking"), data, source_file, _now())
        if row is None:
            self.db.execute("INSERT INTO reference_events (layer, record_id, event_type, event_date, country, admin1, "
                            "latitude, longitude, marking, data, source_file, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                            (layer, record["record_id"], *values))
        else:
            self.db.execute("UPDATE reference_events SET event_type = ?, event_date = ?, country = ?, admin1 = ?, "
                            "latitude = ?, longitude = ?, marking = ?, data = ?, source_file = ?, imported_at = ? "
                            "WHERE layer = ? AND record_id = ?", (*values, layer, record["record_id"]))
        self.audit(actor, "import", f"{layer}:{record['record_id']}", {"file": source_file})
        return True

    # -- alert rules and what they delivered ----------------------------------------------------------
    def add_alert_rule(self, owner: str, name: str, spec: dict[str, Any]) -> int:
        """Keep a user's alert rule; its ID. It alerts on what changes from now on."""
        now = _now()
        with self.transaction():
            self.db.execute("INSERT INTO alert_rules (owner, name, spec, enabled, cursor, created_at) "
                            "VALUES (?, ?, ?, 1, ?, ?)", (owner, name, json.dumps(spec, ensure_ascii=False), now, now))
            rule_id = self._one("SELECT max(rule_id) FROM alert_rules WHERE owner = ?", (owner,))
            self.audit(owner, "alert rule added", str(rule_id), {"name": name})
        return int(rule_id)

    def save_view(self, owner: str, name: str, query: str) -> int:
        """Keep a user's named view (the dashboard's query string); saving a name again replaces its query."""
        query = query.lstrip("?")
        for key in parse_qs(query, keep_blank_values=False):
            if key not in VIEW_KEYS:
                raise InputError(f"a view keeps filters only; {key!r} is not one ({', '.join(sorted(VIEW_KEYS))})")
        with self.transaction():
            self.db.execute("DELETE FROM saved_views WHERE owner = ? AND name = ?", (owner, name))
            self.db.execute("INSERT INTO saved_views (owner, name, query, created_at) VALUES (?, ?, ?, ?)",
                            (owner, name, query, _now()))
            return int(self._one("SELECT view_id FROM saved_views WHERE owner = ? AND name = ?", (owner, name)))

    def views(self, owner: str) -> list[dict[str, Any]]:
        """A user's saved views, by name."""
        return [dict(row) for row in self.db.execute(
            "SELECT view_id, name, query, created_at FROM saved_views WHERE owner = ? ORDER BY name", (owner,))]

    def remove_view(self, view_id: int, owner: str) -> None:
        """Delete one of a user's views; NotFound for another user's or none."""
        if not self._one("SELECT count(*) FROM saved_views WHERE view_id = ? AND owner = ?", (view_id, owner)):
            raise NotFound(f"no saved view {view_id}")
        with self.transaction():
            self.db.execute("DELETE FROM saved_views WHERE view_id = ? AND owner = ?", (view_id, owner))

    def alert_rules(self, owner: str | None = None) -> list[dict[str, Any]]:
        """Alert rules (of one owner), oldest first, each with its ``spec`` decoded."""
        sql, args = "SELECT * FROM alert_rules", ()
        if owner is not None:
            sql, args = sql + " WHERE owner = ?", (owner,)
        return [{**dict(row), "spec": json.loads(row["spec"])} for row in self.db.execute(sql + " ORDER BY rule_id", args)]

    def remove_alert_rule(self, rule_id: int, owner: str | None = None) -> None:
        """Delete a rule (only its owner's, where ``owner`` is given); NotFound otherwise."""
        rule = self.db.execute("SELECT owner FROM alert_rules WHERE rule_id = ?", (rule_id,)).fetchone()
        if rule is None or (owner is not None and rule["owner"] != owner):
            raise NotFound(f"no alert rule {rule_id}")
        with self.transaction():
            self.db.execute("DELETE FROM alert_rules WHERE rule_id = ?", (rule_id,))
            self.audit(owner or rule["owner"], "alert rule removed", str(rule_id), {})

    def alert_delivered(self, rule_id: int, keys: list[str]) -> set[str]:
        """Which of these alert keys the rule has already delivered."""
        rows = self.db.execute(f"SELECT key FROM alert_log WHERE rule_id = ? AND key IN ({', '.join('?' for _ in keys)})",
                               (rule_id, *keys)) if keys else []
        return {row["key"] for row in rows}

    def record_alerts(self, rule_id: int, alerts: list[dict[str, Any]], channel: str, cursor: str | None) -> None:
        """Note alerts as delivered (never again for this rule) and move the rule's cursor on."""
        now = _now()
        with self.transaction():
            for alert in alerts:
                self.db.execute("INSERT INTO alert_log (rule_id, key, channel, delivered_at, alert) VALUES (?, ?, ?, ?, ?)",
                                (rule_id, alert["key"], channel, now, json.dumps(alert, ensure_ascii=False)))
            self.db.execute("UPDATE alert_rules SET cursor = COALESCE(?, cursor), last_error = NULL WHERE rule_id = ?",
                            (cursor, rule_id))

    def alert_failed(self, rule_id: int, error: str) -> None:
        with self.transaction():
            self.db.execute("UPDATE alert_rules SET last_error = ? WHERE rule_id = ?", (f"{_now()}: {error}", rule_id))

    def alerts(self, owner: str, limit: int = 100) -> list[dict[str, Any]]:
        """The alerts delivered to a user's rules, newest first."""
        rows = self.db.execute("SELECT l.rule_id, r.name AS rule, l.key, l.channel, l.delivered_at, l.alert "
                               "FROM alert_log l JOIN alert_rules r ON r.rule_id = l.rule_id WHERE r.owner = ? "
                               "ORDER BY l.delivered_at DESC, l.key LIMIT ?", (owner, limit))
        return [{**dict(row), "alert": json.loads(row["alert"])} for row in rows]

    # -- watched sources ------------------------------------------------------------------------
    WATCH_FIELDS = ("name", "kind", "etag", "last_modified", "last_attempt", "last_success", "last_error",
                    "last_error_at", "failures", "items", "lag_seconds", "next_due")

    def watch_state(self, url: str) -> dict[str, Any] | None:
        """What `rasad watch` recorded of a source, or None for a source never polled."""
        row = self.db.execute("SELECT * FROM watch_sources WHERE url = ?", (url,)).fetchone()
        return dict(row) if row is not None else None

    def watch_states(self) -> list[dict[str, Any]]:
        """Every watched source's state, by name."""
        return [dict(row) for row in self.db.execute("SELECT * FROM watch_sources ORDER BY name, url")]

    def save_watch_state(self, url: str, state: dict[str, Any]) -> None:
        """Write a source's state (every field of ``WATCH_FIELDS``)."""
        values = [state.get(name) for name in self.WATCH_FIELDS]
        if self.db.execute("SELECT 1 FROM watch_sources WHERE url = ?", (url,)).fetchone() is None:
            self.db.execute(f"INSERT INTO watch_sources (url, {', '.join(self.WATCH_FIELDS)}) "
                            f"VALUES (?, {', '.join('?' for _ in self.WATCH_FIELDS)})", (url, *values))
        else:
            self.db.execute(f"UPDATE watch_sources SET {', '.join(f'{name} = ?' for name in self.WATCH_FIELDS)} "
                            "WHERE url = ?", (*values, url))

    def reference_events(self, layer: str | None = None, since: str | None = None, until: str | None = None,
                         admin1: str | None = None, limit: int = 10**12) -> list[dict[str, Any]]:
        """Imported records (newest first), each with its ``layer``, ``marking`` and ``source_file``."""
        where, args = ["1 = 1"], []
        for clause, value in (("layer = ?", layer), ("event_date >= ?", since), ("event_date <= ?", until),
                              ("admin1 = ?", _governorate(admin1))):
            if value is not None:
                where.append(clause)
                args.append(value)
        rows = self.db.execute(f"SELECT layer, marking, source_file, data FROM reference_events WHERE {' AND '.join(where)} "
                               "ORDER BY event_date DESC, record_id LIMIT ?", (*args, limit)).fetchall()
        return [{**json.loads(row["data"]), "layer": row["layer"], "marking": row["marking"],
                 "source_file": row["source_file"]} for row in rows]

    def reference_layers(self) -> list[dict[str, Any]]:
        """Each imported layer with its number of records and its date range."""
        rows = self.db.execute("SELECT layer, count(*) AS records, min(event_date) AS first, max(event_date) AS last "
                               "FROM reference_events GROUP BY layer ORDER BY layer").fetchall()
        return [dict(row) for row in rows]

    # -- fusion ---------------------------------------------------------------------------------
    def candidates(self, event_type: str, day_from: str | None, day_to: str | None,
                   bbox: tuple[float, float, float, float] | None, admin1: str | None = None,
                   admin2: str | None = None, precision: int = 1) -> list[dict[str, Any]]:
        """Stored events that a new mention may report (for fusion); merged events are not candidates."""
        where, args = "event_type = ? AND merged_into IS NULL", [event_type]
        if bbox:
            # within the box; or in the governorate where either is placed only at it, or at an area of it of no
            # known district; or in the mention's district where either is placed only at a district or near a
            # town of it (fusion.compatibility's three ways)
            region = ("" if precision >= 3 or (precision == 2 and admin2 is None) else
                      " AND (geo_precision >= 3 OR (geo_precision = 2 AND admin2 IS NULL))")
            where += f" AND ((latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?) OR (admin1 = ?{region})"
            args += [bbox[1], bbox[3], bbox[0], bbox[2], admin1]
            if admin2 is not None:
                where += " OR (admin2 = ?" + ("" if precision >= 2 else " AND geo_precision >= 2") + ")"
                args.append(admin2)
            where += ")"
        if day_from and day_to:  # two index range scans: the dated events of the window, and the undated ones
            sql = (f"SELECT * FROM events WHERE {where} AND event_date BETWEEN ? AND ? UNION ALL "
                   f"SELECT * FROM events WHERE {where} AND event_date IS NULL")
            args = [*args, day_from, day_to, *args]
        else:
            sql = f"SELECT * FROM events WHERE {where}"
        return [dict(row) for row in self.db.execute(sql + " LIMIT 500", args)]

    def add_mention(self, event: Event, index: int, published: date | None = None, fresh: bool = False) -> str:
        """Store one extracted event mention, fusing it into the event of the same incident. ``fresh``: its report
        was stored just now, so no analyst can have placed it."""
        return self.add_mention_record(event.doc_id, index, mention_record(event, published), fresh)

    def add_mention_record(self, doc_id: str, index: int, record: MentionRecord, fresh: bool = False) -> str:
        """:meth:`add_mention` of a mention in its stored form, computed beforehand (by an archive's workers)."""
        data, stored = record
        mention_id = f"{doc_id}#{index}"
        pinned = None if fresh else self._one("SELECT event_id FROM mentions WHERE mention_id = ? AND pinned = 1",
                                              (mention_id,))
        if pinned:  # an analyst placed this report's account: keep it where they put it
            return pinned
        match = best_match(self, data)
        event_id = match.event_id if match else event_id_for(data, doc_id, index)
        self.db.execute("INSERT INTO mentions (mention_id, event_id, doc_id, data) VALUES (?,?,?,?) "
                        "ON CONFLICT (mention_id) DO UPDATE SET event_id = excluded.event_id, data = excluded.data",
                        (mention_id, event_id, doc_id, stored))
        self._refuse(event_id, json.loads(stored) if match is None else None)  # as it would be read back
        self._history(event_id, SYSTEM, "created" if match is None else "source added",
                      {"doc_id": doc_id, "mention_id": mention_id})
        return event_id

    def _refuse(self, event_id: str, first: dict[str, Any] | None = None) -> None:
        """Recompute an event from its mentions, then apply the analysts' edits. ``first``: the mention just
        stored, where it found no event to join; if no event of that id is stored yet, it is the only one."""
        existing = self.db.execute("SELECT created_at, overrides FROM events WHERE event_id = ?", (event_id,)).fetchone()
        if first is not None and existing is None:
            mentions = [first]  # a new event: no mention of it to read back, and nothing of it shared yet
        else:
            mentions = [json.loads(row["data"]) for row in
                        self.db.execute("SELECT data FROM mentions WHERE event_id = ?", (event_id,))]
        if not mentions:
            return
        docs = sorted({m["doc_id"] for m in mentions})
        published = {row["doc_id"]: row["published"] for row in self.db.execute(
            f"SELECT doc_id, published FROM documents WHERE doc_id IN ({','.join('?' * len(docs))})", docs)}
        record = fuse_mentions(mentions, published)
        overrides = json.loads(existing["overrides"]) if existing else {}
        record = apply_overrides(record, overrides)
        record["tags"] = json.dumps(record["tags"])
        now = _now()
        record.update(event_id=event_id, created_at=existing["created_at"] if existing else now, updated_at=now)
        columns = ", ".join(EVENT_COLUMNS)
        updates = ", ".join(f"{name} = excluded.{name}" for name in EVENT_COLUMNS if name not in ("event_id", "created_at"))
        self.db.execute(f"INSERT INTO events ({columns}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))}) "
                        f"ON CONFLICT (event_id) DO UPDATE SET {updates}", [record.get(name) for name in EVENT_COLUMNS])
        if existing is not None:  # only a stored event can have been released
            self.touch_shared("event", event_id)

    def next_share_seq(self) -> int:
        """The next number of the sharing change feed (partners sync from a cursor on it)."""
        self.db.lock("shared_records")
        return self._one("SELECT coalesce(max(seq), 0) + 1 FROM shared_records")

    def touch_shared(self, kind: str, record_id: str) -> None:
        """A released record of this node changed: give it a new version at the end of the change feed."""
        if self.db.execute("SELECT 1 FROM shared_records WHERE kind = ? AND record_id = ? AND received_from IS NULL",
                           (kind, record_id)).fetchone():
            self.db.execute("UPDATE shared_records SET version = version + 1, seq = ? "
                            "WHERE kind = ? AND record_id = ? AND received_from IS NULL",
                            (self.next_share_seq(), kind, record_id))

    def remove_mentions(self, doc_id: str) -> set[str]:
        """Remove a report's mentions that no analyst pinned (before re-extraction); returns the events touched."""
        touched = {row["event_id"] for row in self.db.execute(
            "SELECT event_id FROM mentions WHERE doc_id = ? AND pinned = 0", (doc_id,))}
        self.db.execute("DELETE FROM mentions WHERE doc_id = ? AND pinned = 0", (doc_id,))
        return touched

    def settle(self, event_ids: set[str]) -> None:
        """Recompute events whose mentions changed; an event left without mentions goes, unless reviewed."""
        for event_id in event_ids:
            left = self._one("SELECT count(*) FROM mentions WHERE event_id = ?", (event_id,))
            if left:
                self._refuse(event_id)
                continue
            state = self._one("SELECT review_state FROM events WHERE event_id = ?", (event_id,))
            if state == "unreviewed":
                self.db.execute("DELETE FROM events WHERE event_id = ?", (event_id,))
                self.touch_shared("event", event_id)
                self._history(event_id, SYSTEM, "removed", {"why": "no report supports it after re-extraction"})
            else:
                self._history(event_id, SYSTEM, "unsupported", {"why": "no report supports it after re-extraction"})

    # -- review ---------------------------------------------------------------------------------
    def _history(self, event_id: str, actor: str, action: str, detail: dict[str, Any]) -> None:
        row = (event_id, _now(), actor, action, json.dumps(detail, ensure_ascii=False))
        if self._history_rows is not None:
            self._history_rows.append(row)
        else:
            self.db.execute("INSERT INTO event_history (event_id, at, actor, action, detail) VALUES (?,?,?,?,?)", row)

    def _require(self, event_id: str) -> dict[str, Any]:
        row = self.db.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchone()
        if row is None:
            raise NotFound(f"no event {event_id!r}")
        return dict(row)

    @staticmethod
    def _who(reviewer: str) -> str:
        if not reviewer or not reviewer.strip():
            raise InputError("a review needs the reviewer's name")
        return reviewer.strip()

    def set_review_state(self, event_id: str, state: str, reviewer: str, reason: str | None = None) -> dict:
        """Verify, reject or return an event to 'unreviewed'."""
        if state not in REVIEW_STATES:
            raise InputError(f"review state must be one of {', '.join(REVIEW_STATES)}, not {state!r}")
        who = self._who(reviewer)
        with self.transaction():
            before = self._require(event_id)["review_state"]
            self.db.execute("UPDATE events SET review_state = ?, updated_at = ? WHERE event_id = ?",
                            (state, _now(), event_id))
            self.touch_shared("event", event_id)
            self._history(event_id, who, state if state != "unreviewed" else "review undone",
                          {"from": before, "to": state, "reason": reason})
            self.audit(who, "review", event_id, {"from": before, "to": state, "reason": reason})
        return self.event(event_id)

    def edit(self, event_id: str, field: str, value: Any, reviewer: str, reason: str | None = None) -> dict:
        """Correct one field; the correction survives re-fusion and re-extraction."""
        who = self._who(reviewer)
        with self.transaction():
            row = self._require(event_id)
            changes = check_edit(field, value, row)
            old = json.loads(row["tags"]) if field == "tags" else row.get(field)
            if changes[field] == old:
                raise InputError(f"{field} is already {old!r}: nothing to change")
            overrides = json.loads(row["overrides"])
            overrides.update(changes)
            value = changes[field]
            self.db.execute("UPDATE events SET overrides = ? WHERE event_id = ?",
                            (json.dumps(overrides, ensure_ascii=False), event_id))
            self._refuse(event_id)
            self._history(event_id, who, "edit", {"field": field, "from": old, "to": value, "reason": reason})
            self.audit(who, "edit", event_id, {"field": field, "from": old, "to": value, "reason": reason})
        return self.event(event_id)

    def merge(self, event_id: str, other_id: str, reviewer: str, reason: str | None = None) -> dict:
        """Merge another event into this one: its reports become this event's."""
        who = self._who(reviewer)
        if event_id == other_id:
            raise InputError("an event cannot be merged into itself")
        with self.transaction():
            for row in (self._require(event_id), self._require(other_id)):
                if row["merged_into"]:  # merging into a merged event, or back, would lose both
                    raise InputError(f"event {row['event_id']} was merged into {row['merged_into']}: merge with that "
                                     f"one, or undo the merge (`rasad review unmerge {row['merged_into']} "
                                     f"{row['event_id']}`)")
            moved = [row["mention_id"] for row in self.db.execute("SELECT mention_id FROM mentions WHERE event_id = ?",
                                                                  (other_id,))]
            self.db.execute("UPDATE mentions SET event_id = ?, pinned = 1 WHERE event_id = ?", (event_id, other_id))
            self.db.execute("UPDATE events SET merged_into = ?, updated_at = ? WHERE event_id = ?",
                            (event_id, _now(), other_id))
            self._refuse(event_id)
            self._history(event_id, who, "merge", {"absorbed": other_id, "mentions": moved, "reason": reason})
            self._history(other_id, who, "merged", {"into": event_id, "reason": reason})
            self.touch_shared("event", other_id)
            self.audit(who, "merge", event_id, {"absorbed": other_id, "reason": reason})
        return self.event(event_id)

    def unmerge(self, event_id: str, other_id: str, reviewer: str, reason: str | None = None) -> dict:
        """Undo merging ``other_id`` into ``event_id``: the reports it brought go back to it, as the history of
        the merge records them."""
        who = self._who(reviewer)
        with self.transaction():
            self._require(event_id)
            other = self._require(other_id)
            if other["merged_into"] != event_id:
                raise InputError(f"event {other_id} is not merged into {event_id}")
            merges = [entry for entry in self.history(event_id)
                      if entry["action"] == "merge" and entry["detail"].get("absorbed") == other_id]
            if not merges or "mentions" not in merges[-1]["detail"]:
                raise InputError(f"the history does not record which reports {other_id} brought; split them instead")
            moved = merges[-1]["detail"]["mentions"]
            for mention_id in moved:
                self.db.execute("UPDATE mentions SET event_id = ? WHERE mention_id = ? AND event_id = ?",
                                (other_id, mention_id, event_id))
            self.db.execute("UPDATE events SET merged_into = NULL, updated_at = ? WHERE event_id = ?",
                            (_now(), other_id))
            self._refuse(event_id)
            self._refuse(other_id)
            self._history(event_id, who, "unmerge", {"restored": other_id, "reason": reason})
            self._history(other_id, who, "unmerged", {"from": event_id, "reason": reason})
            self.touch_shared("event", other_id)
            self.audit(who, "unmerge", event_id, {"restored": other_id, "reason": reason})
        return self.event(event_id)

    def split(self, event_id: str, mention_ids: list[str], reviewer: str, reason: str | None = None) -> dict:
        """Move some of an event's reports to a new event of their own; returns the new event."""
        who = self._who(reviewer)
        with self.transaction():
            self._require(event_id)
            own = {row["mention_id"] for row in
                   self.db.execute("SELECT mention_id FROM mentions WHERE event_id = ?", (event_id,))}
            moving = sorted(set(mention_ids))
            if not moving or not set(moving) <= own or set(moving) == own:
                raise InputError("split takes some, not all, of the event's own mention ids")
            new_id = "evt_" + hashlib.sha1(f"{event_id}|{'|'.join(moving)}".encode()).hexdigest()[:14]
            for mention_id in moving:
                self.db.execute("UPDATE mentions SET event_id = ?, pinned = 1 WHERE mention_id = ?", (new_id, mention_id))
            self._refuse(new_id)
            self._refuse(event_id)
            self._history(event_id, who, "split", {"moved": moving, "to": new_id, "reason": reason})
            self._history(new_id, who, "split from", {"from": event_id, "mentions": moving, "reason": reason})
            self.audit(who, "split", event_id, {"moved": moving, "to": new_id, "reason": reason})
        return self.event(new_id)

    def undo(self, event_id: str, history_id: int, reviewer: str, reason: str | None = None) -> dict:
        """Undo one review action of an event's history (its ``history_id``): a review state goes back to the
        one before, an edit to the value before it (the machine's, where no earlier edit set one), a merge is
        unmerged, a split merged back, an unmerge merged again. Undoing is itself written to the history."""
        entry = next((e for e in self.history(event_id) if e["history_id"] == history_id), None)
        if entry is None:
            raise NotFound(f"event {event_id} has no history entry {history_id}")
        action, detail = entry["action"], entry["detail"]
        why = reason or f"undo of history entry {history_id} ({action})"
        if action in ("verified", "rejected", "review undone"):
            return self.set_review_state(event_id, detail["from"], reviewer, why)
        if action == "edit":
            return self._undo_edit(event_id, history_id, detail, reviewer, why)
        if action == "merge":
            return self.unmerge(event_id, detail["absorbed"], reviewer, why)
        if action == "merged":
            return self.unmerge(detail["into"], event_id, reviewer, why)
        if action == "unmerge":
            return self.merge(event_id, detail["restored"], reviewer, why)
        if action == "split":
            return self.merge(event_id, detail["to"], reviewer, why)
        if action == "split from":
            return self.merge(detail["from"], event_id, reviewer, why)
        raise InputError(f"history entry {history_id} ({action}) is not a review action: nothing to undo")

    def _undo_edit(self, event_id: str, history_id: int, detail: dict, reviewer: str, reason: str) -> dict:
        who = self._who(reviewer)
        name = detail["field"]
        with self.transaction():
            row = self._require(event_id)
            overrides = json.loads(row["overrides"])
            if overrides.get(name) != detail["to"]:
                raise InputError(f"{name} is no longer {detail['to']!r}, the value history entry {history_id} set: "
                                 "undo the later change first")
            earlier = [e for e in self.history(event_id)
                       if e["action"] == "edit" and e["detail"]["field"] == name and e["history_id"] < history_id]
            if earlier:
                overrides[name] = detail["from"]  # the analyst's value before this edit
            else:
                overrides.pop(name, None)  # no edit before: the value extraction and fusion give
            self.db.execute("UPDATE events SET overrides = ? WHERE event_id = ?",
                            (json.dumps(overrides, ensure_ascii=False), event_id))
            self._refuse(event_id)
            now = self._require(event_id)
            value = json.loads(now["tags"]) if name == "tags" else now.get(name)
            self._history(event_id, who, "edit undone", {"entry": history_id, "field": name, "from": detail["to"],
                                                         "to": value, "reason": reason})
            self.audit(who, "edit undone", event_id, {"entry": history_id, "field": name, "reason": reason})
        return self.event(event_id)

    def history(self, event_id: str) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT history_id, at, actor, action, detail FROM event_history WHERE event_id = ? "
                               "ORDER BY history_id", (event_id,)).fetchall()
        if not rows:
            self._require(event_id)
        return [{**dict(row), "detail": json.loads(row["detail"])} for row in rows]

    # -- queries --------------------------------------------------------------------------------
    def _where(self, f: EventFilter, cells: bool = True) -> tuple[str, list[Any]]:
        """The WHERE clause of a filter and its arguments; a radius cut by its bounding box, and by the cells of the
        map's index that the box covers unless ``cells`` is false."""
        clauses, args = ["merged_into IS NULL"], []
        if f.review_state:
            clauses.append("review_state = ?")
            args.append(f.review_state)
        else:
            clauses.append("review_state <> 'rejected'")
        if f.queue:
            clauses.append("review_state = 'unreviewed' AND (confidence < ? OR event_date IS NULL OR time_precision = 3"
                           " OR conflicting = 1)")
            args.append(QUEUE_CONFIDENCE)
        for clause, value in (("event_date >= ?", f.since), ("event_date <= ?", f.until),
                              ("event_type = ?", f.event_type), ("admin1 = ?", _governorate(f.admin1)),
                              ("confidence >= ?", f.min_confidence), ("sub_event_type = ?", f.sub_event_type),
                              ("admin2 = ?", f.admin2), ("border_km <= ?", f.max_border_km),
                              ("(actor1 = ? OR actor2 = ?)", f.actor), ("tags LIKE ?", f.tag),
                              ("updated_at >= ?", f.updated_since)):
            if value is not None and value != "":
                clauses.append(clause)
                args += [value, value] if clause.startswith("(actor1") else [f'%"{value}"%'] if "LIKE" in clause else [value]
        if f.bbox:
            west, south, east, north = f.bbox
            clauses.append("latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?")
            args += [south, north, west, east]
        if f.near:
            lat, lon, km = f.near
            dlat = km / 111.0
            dlon = km / (111.0 * max(0.2, abs(math.cos(math.radians(lat)))))
            clauses.append("latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?")
            args += [lat - dlat, lat + dlat, lon - dlon, lon + dlon]
        if f.near and cells:
            # … and the map cells the box covers: the cell index (visible events, their coordinates in it) answers
            # the count alone, a few short ranges instead of a band of latitude across both countries
            row, col = CELL_SQL[self.db.dialect]
            cell = math.floor if self.db.dialect == "postgresql" else int  # as the index computes it (CAST truncates)
            clauses.append(f"latitude IS NOT NULL AND {row} BETWEEN ? AND ? AND {col} BETWEEN ? AND ?")
            args += [cell((lat - dlat) * 4), cell((lat + dlat) * 4), cell((lon - dlon) * 4), cell((lon + dlon) * 4)]
        if f.text and _fts_words(f.text):
            words = _fts_words(f.text)
            if self.db.dialect == "postgresql":
                match = "d.tsv @@ to_tsquery('simple', ?)"
                query = " & ".join(f"{w}:*" for w in words)
            else:
                match = "documents_fts MATCH ?"
                query = " ".join(f'"{w}"*' for w in words)
            clauses.append(f"event_id IN (SELECT m.event_id FROM mentions m JOIN documents_fts d ON d.doc_id = m.doc_id"
                           f" WHERE {match})")
            args.append(query)
        return " WHERE " + " AND ".join(clauses), args

    def query_events(self, f: EventFilter) -> tuple[list[dict[str, Any]], int]:
        """Events matching the filter (a page of them) and how many match in all."""
        sort = f.sort if f.sort in SORTABLE else "event_date"
        order = f"{sort} {'DESC' if f.descending else 'ASC'} NULLS LAST, event_id"
        if f.near is None:
            where, args = self._where(f)
            total = self._one(*self._count_sql(f))
            rows = self.db.execute(f"SELECT * FROM events{where} ORDER BY {order} LIMIT ? OFFSET ?",
                                   (*args, f.limit, f.offset)).fetchall()
            return [self._event(row) for row in rows], total
        if self._by_fine_cells(f):
            return self._circle_by_fine_cells(f, order)
        where, args = self._circle_where(f)
        # one scan of the cell index (it holds each event's day and ID) counts the circle and chooses the page's
        # IDs; only those rows are then read
        rows = self.db.execute(f"SELECT e.*, page.total_ FROM events e JOIN (SELECT event_id, count(*) OVER () AS total_"
                               f" FROM events{where} ORDER BY {order} LIMIT ? OFFSET ?) page USING (event_id) "
                               f"ORDER BY {order}", (*args, f.limit, f.offset)).fetchall()
        events = [self._event(row) for row in rows]
        if not events:  # a page past the end: the count alone
            return [], self._one(f"SELECT count(*) FROM events{where}", tuple(args))
        total = events[0]["total_"]
        for event in events:
            del event["total_"]
        return events, total

    def _circle_where(self, f: EventFilter, cells: bool = True) -> tuple[str, list[Any]]:
        """The filter with its radius: within the bounding box (the index cuts it), then the circle."""
        where, args = self._where(f, cells)
        circle, circle_args = self._in_circle(*f.near)  # type: ignore[misc]
        return f"{where} AND {circle}", [*args, *circle_args]

    def _in_circle(self, lat: float, lon: float, km: float) -> tuple[str, list[Any]]:
        """Within ``km`` of a point, exactly: a flat distance in degrees (no trigonometry) settles every event well
        inside or well outside the circle; the great-circle one is computed only in the ring between, whose width
        bounds the flat distance's error at that latitude and radius."""
        flat = "(power(latitude - ?, 2) + power((longitude - ?) * ?, 2))"
        radians_km = km / EARTH_KM
        margin = 0.01 + 2 * radians_km * math.tan(min(1.4, math.radians(abs(lat)) + radians_km))
        degrees = math.degrees(radians_km)
        shrink = math.cos(math.radians(lat))
        distance, distance_args = self._distance(lat, lon)
        return (f"({flat} <= ? OR ({flat} <= ? AND {distance} <= ?))",
                [lat, lon, shrink, (degrees * (1 - margin)) ** 2, lat, lon, shrink, (degrees * (1 + margin)) ** 2,
                 *distance_args, km])

    def _distance(self, lat: float, lon: float) -> tuple[str, list[Any]]:
        """The great-circle distance in km of each event from a point, in SQL, and its arguments."""
        least = "least" if self.db.dialect == "postgresql" else "min"
        return (f"2 * ? * asin(sqrt({least}(1.0, power(sin(radians(latitude - ?) / 2), 2) + cos(radians(?)) "
                "* cos(radians(latitude)) * power(sin(radians(longitude - ?) / 2), 2))))"), [EARTH_KM, lat, lat, lon]

    def _only(self, f: EventFilter, condition: str) -> bool:
        """Whether ``condition`` (a field of the filter) is the filter's only condition, on a PostgreSQL store."""
        if self.db.dialect != "postgresql" or getattr(f, condition) in (None, ""):
            return False
        return all(value is None or value == "" or value is False for name, value in asdict(f).items()
                   if name not in _PAGING and name != condition)

    def _by_fine_cells(self, f: EventFilter) -> bool:
        """Whether the radius is the filter's only condition on a PostgreSQL store, whose fine grid (migration 19)
        then counts the circle by whole cells."""
        return self._only(f, "near")

    def _count_sql(self, f: EventFilter) -> tuple[str, tuple[Any, ...]]:
        """The count of a filter without a radius: a minimum confidence alone on PostgreSQL from the totals of its
        hundredths (migration 20), the hundredths above the threshold's own summed and only the events of its own
        read; any other filter from the partial indexes."""
        if not self._only(f, "min_confidence"):
            where, args = self._where(f)
            return f"SELECT count(*) FROM events{where}", tuple(args)
        threshold = float(f.min_confidence)  # type: ignore[arg-type]
        own = math.floor(threshold * 100)  # as the database computes a hundredth
        return (f"SELECT CAST((SELECT coalesce(sum(events), 0) FROM event_confidence WHERE bucket > ?) + "
                f"(SELECT count(*) FROM events WHERE {VISIBLE_CONFIDENT} AND confidence >= ? AND confidence < ? "
                f"AND {CONFIDENCE_BUCKET} <= ?) AS BIGINT) AS total", (own, threshold, (own + 2) / 100, own))

    def _fine_cells_count(self, f: EventFilter) -> tuple[str, list[Any]]:
        """The count of a circle: the per-cell totals of the cells wholly inside it, and the events of the cells it
        crosses, measured."""
        lat, lon, km = f.near  # type: ignore[misc]
        inside, crossed = circle_spans(lat, lon, km)
        distance, distance_args = self._distance(lat, lon)
        spans = "unnest(?::int[], ?::int[], ?::int[]) AS s(row_, first_, last_)"
        sql = (f"SELECT CAST((SELECT coalesce(sum(c.events), 0) FROM {spans} JOIN event_cells c ON c.row_ = s.row_ "
               "AND c.col_ BETWEEN s.first_ AND s.last_) + "
               f"(SELECT count(*) FROM {spans} JOIN events ON {FINE_ROW} = s.row_ AND {FINE_COL} BETWEEN s.first_ "
               f"AND s.last_ WHERE {VISIBLE_PLACED} AND {distance} <= ?) AS BIGINT) AS total")

        def columns(spans_: list[Span]) -> list[list[int]]:
            return [[span.row for span in spans_], [span.first for span in spans_], [span.last for span in spans_]]

        return sql, [*columns(inside), *columns(crossed), *distance_args, km]

    def _circle_by_fine_cells(self, f: EventFilter, order: str) -> tuple[list[dict[str, Any]], int]:
        """A circle alone on PostgreSQL: counted by the fine grid. Its page newest first, when the circle holds
        enough of the events for that to stop soon, is read from the newest-first index (which holds each event's
        coordinates) in growing stretches until the page is full; otherwise chosen among the circle's events
        through the map's cell index."""
        total = self._one(*self._fine_cells_count(f))
        if total <= f.offset:
            return [], total
        wanted = min(f.limit, total - f.offset)
        placed = self._one("SELECT greatest(reltuples, 1) FROM pg_class WHERE relname = 'events'") or 1
        expected = (f.offset + wanted) * placed / total  # rows read newest first until the page is full
        if order.startswith("event_date DESC") and expected < total:
            stretch: int | None = int(2 * expected) + 1000
            circle, circle_args = self._in_circle(*f.near)  # type: ignore[misc]
            while True:
                page = self.db.execute(
                    "SELECT event_id FROM (SELECT event_id, event_date, latitude, longitude FROM events WHERE "
                    f"merged_into IS NULL AND review_state <> 'rejected' ORDER BY {order} LIMIT ?) newest "
                    f"WHERE latitude IS NOT NULL AND {circle} ORDER BY {order} LIMIT ? OFFSET ?",
                    (stretch, *circle_args, wanted, f.offset)).fetchall()
                if len(page) == wanted or stretch is None:
                    break
                stretch = stretch * 4 if stretch * 4 < placed else None  # at last, all of them (LIMIT NULL)
            ids = [row["event_id"] for row in page]
            rows = self.db.execute(f"SELECT * FROM events WHERE event_id = ANY(?) ORDER BY {order}", (ids,)).fetchall()
            return [self._event(row) for row in rows], total
        where, args = self._circle_where(f)
        rows = self.db.execute(f"SELECT e.* FROM events e JOIN (SELECT event_id FROM events{where} ORDER BY {order} "
                               f"LIMIT ? OFFSET ?) page USING (event_id) ORDER BY {order}",
                               (*args, f.limit, f.offset)).fetchall()
        return [self._event(row) for row in rows], total

    def explain_count(self, f: EventFilter) -> list[str]:
        """How the database answers the count of a filter (a radius by its bounding box): the lines of its plan."""
        if self._by_fine_cells(f):
            sql, args = self._fine_cells_count(f)
        elif f.near is None:
            sql, args = self._count_sql(f)
        else:
            where, args = self._where(f)
            sql = f"SELECT count(*) FROM events{where}"
        if self.db.dialect == "postgresql":
            return [next(iter(row.values())) for row in self.db.execute(f"EXPLAIN {sql}", args)]
        return [row["detail"] for row in self.db.execute(f"EXPLAIN QUERY PLAN {sql}", args)]

    def stats(self, f: EventFilter, by: str) -> list[dict[str, Any]]:
        """Event counts (and the fatalities they count) grouped by day, week (its Monday), month, type, sub-type or
        governorate."""
        keys = {"day": "event_date", "month": "substr(event_date, 1, 7)", "type": "event_type",
                "sub_type": "sub_event_type", "admin1": "admin1"}
        if by not in (*keys, "week"):
            raise InputError(f"stats by must be one of day, week, month, type, sub_type, admin1; not {by!r}")
        where, args = self._where(EventFilter(**{**asdict(f), "near": None}))
        key = keys.get(by, "event_date")
        rows = self.db.execute(f"SELECT {key} AS key, count(*) AS n, sum(fatalities) AS killed FROM events{where} "
                               f"GROUP BY {key} ORDER BY {key}", args).fetchall()
        if by != "week":
            return [{"key": row["key"], "count": row["n"], "fatalities": row["killed"] or 0} for row in rows]
        weeks: dict[str, list[int]] = {}
        for row in rows:
            if row["key"]:
                day = date.fromisoformat(row["key"][:10])
                monday = date.fromordinal(day.toordinal() - day.weekday()).isoformat()
                totals = weeks.setdefault(monday, [0, 0])
                totals[0] += row["n"]
                totals[1] += row["killed"] or 0
        return [{"key": key, "count": count, "fatalities": killed} for key, (count, killed) in sorted(weeks.items())]

    def cells(self, f: EventFilter, degrees: float) -> list[dict[str, Any]]:
        """Every placed event of the filter, counted by cell of a ``degrees`` grid and by type: what a map draws
        when there are too many events to draw one by one. Each cell's point is the mean of its events'."""
        where, args = self._where(EventFilter(**{**asdict(f), "near": None}))
        where += (" AND " if where else " WHERE ") + "latitude IS NOT NULL"
        if degrees == 0.25:  # the expressions of the events_cell index (migration 12), which the query then scans
            row, col = CELL_SQL[self.db.dialect]
        else:
            row, col = "CAST(floor(latitude / ?) AS INTEGER)", "CAST(floor(longitude / ?) AS INTEGER)"
            args = [degrees, degrees, *args]
        rows = self.db.execute(
            f"SELECT {row} AS row_, {col} AS col_, event_type, count(*) AS n, avg(latitude) AS lat, "
            f"avg(longitude) AS lon FROM events{where} GROUP BY row_, col_, event_type ORDER BY row_, col_, event_type",
            args).fetchall()
        cells: dict[tuple[int, int], dict[str, Any]] = {}
        for row in rows:
            cell = cells.setdefault((row["row_"], row["col_"]), {"count": 0, "types": {}, "lat": 0.0, "lon": 0.0})
            cell["types"][row["event_type"]] = row["n"]
            cell["lat"] += row["lat"] * row["n"]
            cell["lon"] += row["lon"] * row["n"]
            cell["count"] += row["n"]
        return [{"latitude": round(c["lat"] / c["count"], 4), "longitude": round(c["lon"] / c["count"], 4),
                 "count": c["count"], "types": c["types"]} for c in cells.values()]

    def reports(self, limit: int = 100, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """Stored reports, newest first, without their text."""
        rows = self.db.execute("SELECT doc_id, title, source, url, published, language, duplicate_of FROM documents "
                               "ORDER BY published DESC NULLS LAST, doc_id LIMIT ? OFFSET ?", (limit, offset)).fetchall()
        return [dict(row) for row in rows], self._one("SELECT count(*) FROM documents")

    def sources(self) -> list[dict[str, Any]]:
        """Each source (outlet) with its number of reports and of duplicates."""
        rows = self.db.execute("SELECT source, count(*) AS reports, count(duplicate_of) AS duplicates FROM documents "
                               "GROUP BY source ORDER BY count(*) DESC").fetchall()
        return [dict(row) for row in rows]

    def iter_events(self, f: EventFilter) -> Iterator[dict[str, Any]]:
        """Every event matching the filter (no paging), for exports."""
        everything = EventFilter(**{**asdict(f), "limit": 10**12, "offset": 0})
        yield from self.query_events(everything)[0]

    @staticmethod
    def _event(row: Any) -> dict[str, Any]:
        event = dict(row)
        event["tags"] = json.loads(event["tags"] or "[]")
        event["overrides"] = json.loads(event.get("overrides") or "{}")
        return event

    def event(self, event_id: str) -> dict[str, Any]:
        """One event with its mentions (each with its report's evidence and every reported figure)."""
        event = self._event(self._require(event_id))
        event["mentions"] = []
        for row in self.db.execute(
            "SELECT m.mention_id, m.data, m.pinned, d.title, d.source, d.url, d.published FROM mentions m "
            "JOIN documents d ON d.doc_id = m.doc_id WHERE m.event_id = ? ORDER BY m.mention_id", (event_id,)
        ):
            mention = json.loads(row["data"])
            mention.update(mention_id=row["mention_id"], title=row["title"], source=row["source"], url=row["url"],
                           published=row["published"], pinned=bool(row["pinned"]))
            event["mentions"].append(mention)
        return event

    # -- users and tokens -----------------------------------------------------------------------
    def add_user(self, username: str, role: str) -> str:
        """Create a user with a role; returns their first API token (shown once, stored hashed)."""
        if role not in ROLES:
            raise InputError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
        if not username or not username.strip() or len(username) > 100:
            raise InputError("a user needs a name of 1 to 100 characters")
        with self.transaction():
            if self._one("SELECT count(*) FROM users WHERE username = ?", (username,)):
                raise InputError(f"user {username!r} exists already")
            self.db.execute("INSERT INTO users (username, role, created_at) VALUES (?, ?, ?)", (username, role, _now()))
            return self._issue_token(username)

    def new_token(self, username: str) -> str:
        """Issue another API token for a user."""
        with self.transaction():
            if not self._one("SELECT count(*) FROM users WHERE username = ?", (username,)):
                raise NotFound(f"no user {username!r}")
            return self._issue_token(username)

    def _issue_token(self, username: str) -> str:
        token = "rsd_" + secrets.token_urlsafe(32)
        self.db.execute("INSERT INTO api_tokens (token_hash, username, created_at) VALUES (?, ?, ?)",
                        (hashlib.sha256(token.encode()).hexdigest(), username, _now()))
        return token

    def remove_user(self, username: str) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM api_tokens WHERE username = ?", (username,))
            if not self.db.execute("DELETE FROM users WHERE username = ?", (username,)).rowcount:
                raise NotFound(f"no user {username!r}")

    def users(self) -> list[dict[str, Any]]:
        return [dict(row) for row in self.db.execute("SELECT username, role, created_at FROM users ORDER BY username")]

    def user_for_token(self, token: str) -> dict[str, Any] | None:
        """The user an API token belongs to, or None."""
        row = self.db.execute(
            "SELECT u.username, u.role FROM api_tokens t JOIN users u ON u.username = t.username WHERE t.token_hash = ?",
            (hashlib.sha256(token.encode()).hexdigest(),)).fetchone()
        return dict(row) if row else None

    def counts(self) -> dict[str, int]:
        return {name: self._one(f"SELECT count(*) FROM {name}") for name in ("documents", "mentions", "events")}


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """What storing a report computes from its text alone: the hash of its folded text, its MinHash sketch and
    the folded text the search index holds."""

    text_hash: str
    signature: list[int]
    body: str


# A mention as the store keeps it: its data (what fusion reads) and that data as JSON (what the mentions table holds)
MentionRecord = tuple[dict[str, Any], str]


def mention_record(event: Event, published: date | None) -> MentionRecord:
    """The per-mention work of :meth:`Store.add_mention` that needs no store: done once, anywhere."""
    data = event.to_dict()
    data["published"] = published.isoformat() if published else None
    return data, json.dumps(data, ensure_ascii=False)


def prepare_document(document: Document, deduplicate: bool = True) -> PreparedDocument:
    """The per-report work of :meth:`Store.add_document` that needs no store: done once, anywhere."""
    return PreparedDocument(hashlib.sha256(" ".join(fold(document.text).split()).encode()).hexdigest(),
                            sketch(document.text) if deduplicate else [],
                            fold(f"{document.title or ''}\n{document.text}"))


# What a saved view keeps: the dashboard's filters, language, layers and sort (not an open event).
VIEW_KEYS = frozenset({"since", "until", "type", "admin1", "sub_type", "actor", "tag", "review_state", "min_confidence",
                       "max_border_km", "text", "bbox", "sort", "order", "lang", "digits", "partners", "layers",
                       "hotspots"})


def open_store(url: str | None = None) -> Store:
    """The store at a SQLite path, or on a PostgreSQL server given as ``postgresql://…``."""
    return Store(connect(url or default_db()))


__all__ = ["COUNT_FIELDS", "EventFilter", "MentionRecord", "PreparedDocument", "Store", "default_db", "mention_record",
           "open_store", "prepare_document"]
