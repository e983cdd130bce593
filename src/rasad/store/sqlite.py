"""The SQLite event store: documents, their event mentions, and fused events (WAL, FTS5, migrations)."""

from __future__ import annotations

import hashlib
import json
import math
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from typing import Any

from rasad.errors import NotFound, StoreError
from rasad.fuse.fusion import best_match, event_id_for, fuse_mentions
from rasad.geo.boundaries import haversine_km
from rasad.model import Document, Event
from rasad.store.migrations import MIGRATIONS
from rasad.text.normalize import fold

DEFAULT_DB = "rasad.db"
EVENT_COLUMNS = (
    "event_id", "event_type", "sub_event_type", "tags", "event_date", "time_precision", "actor1", "actor2", "country",
    "admin1", "admin2", "location", "location_ar", "latitude", "longitude", "geo_precision", "fatalities", "wounded",
    "arrested", "escaped", "transferred", "border_km", "border_sector", "confidence", "source_count",
    "first_reported", "last_reported", "created_at", "updated_at",
)
SORTABLE = {"event_date", "confidence", "source_count", "fatalities", "border_km", "updated_at"}


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
    limit: int = 100
    offset: int = 0
    sort: str = "event_date"
    descending: bool = True


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _fts_query(text: str) -> str:
    words = [w for w in fold(text).replace('"', " ").split() if w]
    return " ".join(f'"{w}"*' for w in words)


class Store:
    """One SQLite database. Writes happen in transactions: a failure leaves what was committed intact."""

    def __init__(self, path: str) -> None:
        self.path = path
        try:
            self.db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        except sqlite3.Error as error:
            raise StoreError(f"{path}: cannot open the store: {error}") from error
        self.db.row_factory = sqlite3.Row
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{path}: not a Rasad store: {error}") from error

    # -- schema ---------------------------------------------------------------------------------
    def migrate(self) -> int:
        """Apply pending migrations; returns the schema version."""
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)")
        done = {row[0] for row in self.db.execute("SELECT version FROM schema_migrations")}
        for version, script in MIGRATIONS:
            if version in done:
                continue
            with self.transaction():
                for statement in script.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute("INSERT INTO schema_migrations VALUES (?, ?)", (version, _now()))
        return max(version for version, _ in MIGRATIONS)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic batch of writes."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    # -- documents ------------------------------------------------------------------------------
    def add_document(self, document: Document) -> str:
        """Store a report: 'new', 'seen' (same doc_id) or 'duplicate' (same text as a stored report)."""
        if self.db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (document.doc_id,)).fetchone():
            return "seen"
        text_hash = hashlib.sha256(" ".join(fold(document.text).split()).encode()).hexdigest()
        original = self.db.execute("SELECT doc_id FROM documents WHERE text_hash = ?", (text_hash,)).fetchone()
        self.db.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?)",
            (document.doc_id, text_hash, document.url, document.source, document.title,
             document.published.isoformat() if document.published else None, document.language, document.text,
             _now(), original[0] if original else None),
        )
        if original:
            return "duplicate"
        self.db.execute("INSERT INTO documents_fts (doc_id, body) VALUES (?, ?)",
                        (document.doc_id, fold(f"{document.title or ''}\n{document.text}")))
        return "new"

    def document(self, doc_id: str) -> dict[str, Any]:
        row = self.db.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            raise NotFound(f"no report {doc_id!r}")
        return dict(row)

    # -- fusion ---------------------------------------------------------------------------------
    def candidates(self, event_type: str, day_from: str | None, day_to: str | None,
                   bbox: tuple[float, float, float, float] | None) -> list[dict[str, Any]]:
        """Stored events that a new mention may report (for fusion)."""
        sql, args = "SELECT * FROM events WHERE event_type = ?", [event_type]
        if day_from and day_to:
            sql += " AND (event_date IS NULL OR event_date BETWEEN ? AND ?)"
            args += [day_from, day_to]
        if bbox:
            sql += " AND ((latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?) OR geo_precision >= 3)"
            args += [bbox[1], bbox[3], bbox[0], bbox[2]]
        return [dict(row) for row in self.db.execute(sql + " LIMIT 500", args)]

    def add_mention(self, event: Event, index: int, published: date | None = None) -> str:
        """Store one extracted event mention, fusing it into the event of the same incident."""
        data = event.to_dict()
        data["published"] = published.isoformat() if published else None
        match = best_match(self, data)
        event_id = match.event_id if match else event_id_for(data, event.doc_id, index)
        mention_id = f"{event.doc_id}#{index}"
        self.db.execute("INSERT OR REPLACE INTO mentions VALUES (?,?,?,?)",
                        (mention_id, event_id, event.doc_id, json.dumps(data, ensure_ascii=False)))
        self._refuse(event_id)
        return event_id

    def _refuse(self, event_id: str) -> None:
        mentions = [json.loads(row[0]) for row in
                    self.db.execute("SELECT data FROM mentions WHERE event_id = ?", (event_id,))]
        docs = {m["doc_id"] for m in mentions}
        published = {row[0]: row[1] for row in self.db.execute(
            f"SELECT doc_id, published FROM documents WHERE doc_id IN ({','.join('?' * len(docs))})", list(docs))}
        record = fuse_mentions(mentions, published)
        record["tags"] = json.dumps(record["tags"])
        existing = self.db.execute("SELECT created_at FROM events WHERE event_id = ?", (event_id,)).fetchone()
        now = _now()
        record.update(event_id=event_id, created_at=existing[0] if existing else now, updated_at=now)
        columns = ", ".join(EVENT_COLUMNS)
        updates = ", ".join(f"{name} = excluded.{name}" for name in EVENT_COLUMNS if name not in ("event_id", "created_at"))
        self.db.execute(f"INSERT INTO events ({columns}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))}) "
                        f"ON CONFLICT(event_id) DO UPDATE SET {updates}", [record.get(name) for name in EVENT_COLUMNS])

    # -- queries --------------------------------------------------------------------------------
    def _where(self, f: EventFilter) -> tuple[str, list[Any]]:
        clauses, args = [], []
        if f.since:
            clauses.append("event_date >= ?")
            args.append(f.since)
        if f.until:
            clauses.append("event_date <= ?")
            args.append(f.until)
        if f.event_type:
            clauses.append("event_type = ?")
            args.append(f.event_type)
        if f.admin1:
            clauses.append("lower(admin1) = lower(?)")
            args.append(f.admin1)
        if f.min_confidence is not None:
            clauses.append("confidence >= ?")
            args.append(f.min_confidence)
        if f.near:
            lat, lon, km = f.near
            dlat = km / 111.0
            dlon = km / (111.0 * max(0.2, abs(math.cos(math.radians(lat)))))
            clauses.append("latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?")
            args += [lat - dlat, lat + dlat, lon - dlon, lon + dlon]
        if f.text:
            query = _fts_query(f.text)
            if query:
                clauses.append("event_id IN (SELECT m.event_id FROM mentions m JOIN documents_fts d ON d.doc_id = m.doc_id"
                               " WHERE documents_fts MATCH ?)")
                args.append(query)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args

    def query_events(self, f: EventFilter) -> tuple[list[dict[str, Any]], int]:
        """Events matching the filter (a page of them) and how many match in all."""
        where, args = self._where(f)
        sort = f.sort if f.sort in SORTABLE else "event_date"
        order = f"{sort} {'DESC' if f.descending else 'ASC'} NULLS LAST, event_id"
        rows = [self._event(row) for row in self.db.execute(f"SELECT * FROM events{where} ORDER BY {order}", args)]
        if f.near:
            lat, lon, km = f.near
            rows = [r for r in rows if r["latitude"] is not None
                    and haversine_km(lat, lon, r["latitude"], r["longitude"]) <= km]
        return rows[f.offset : f.offset + f.limit], len(rows)

    def iter_events(self, f: EventFilter) -> Iterator[dict[str, Any]]:
        """Every event matching the filter (no paging), for exports."""
        everything = EventFilter(**{**asdict(f), "limit": 10**12, "offset": 0})
        yield from self.query_events(everything)[0]

    @staticmethod
    def _event(row: sqlite3.Row) -> dict[str, Any]:
        event = dict(row)
        event["tags"] = json.loads(event["tags"] or "[]")
        return event

    def event(self, event_id: str) -> dict[str, Any]:
        """One event with its mentions (each with its report's evidence and every reported figure)."""
        row = self.db.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchone()
        if row is None:
            raise NotFound(f"no event {event_id!r}")
        event = self._event(row)
        event["mentions"] = []
        for mention_row in self.db.execute(
            "SELECT m.mention_id, m.data, d.title, d.source, d.url, d.published FROM mentions m "
            "JOIN documents d ON d.doc_id = m.doc_id WHERE m.event_id = ? ORDER BY m.mention_id", (event_id,)
        ):
            mention = json.loads(mention_row["data"])
            mention.update(mention_id=mention_row["mention_id"], title=mention_row["title"],
                           source=mention_row["source"], url=mention_row["url"], published=mention_row["published"])
            event["mentions"].append(mention)
        return event

    def counts(self) -> dict[str, int]:
        return {name: self.db.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
                for name in ("documents", "mentions", "events")}


def open_store(url: str | None = None) -> Store:
    """The store at a path (SQLite). A postgresql:// URL is refused until the PostgreSQL backend lands."""
    target = url or default_db()
    if target.startswith(("postgresql://", "postgres://")):
        raise StoreError("PostgreSQL is not supported yet: use a SQLite path (the PostgreSQL backend is issue #5)")
    return Store(target)
