"""Versioned schema migrations of the SQLite store. Append a migration; never edit a released one."""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """
        CREATE TABLE documents (
            doc_id TEXT PRIMARY KEY,
            text_hash TEXT NOT NULL,
            url TEXT,
            source TEXT,
            title TEXT,
            published TEXT,
            language TEXT,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            duplicate_of TEXT
        );
        CREATE INDEX documents_text_hash ON documents(text_hash);
        CREATE TABLE events (
            event_id TEXT PRIMARY KEY,
            event_type TEXT NOT NULL,
            sub_event_type TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            event_date TEXT,
            time_precision INTEGER,
            actor1 TEXT,
            actor2 TEXT,
            country TEXT,
            admin1 TEXT,
            admin2 TEXT,
            location TEXT,
            location_ar TEXT,
            latitude REAL,
            longitude REAL,
            geo_precision INTEGER,
            fatalities INTEGER,
            wounded INTEGER,
            arrested INTEGER,
            escaped INTEGER,
            transferred INTEGER,
            border_km REAL,
            border_sector TEXT,
            confidence REAL NOT NULL,
            source_count INTEGER NOT NULL DEFAULT 1,
            first_reported TEXT,
            last_reported TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX events_date ON events(event_date);
        CREATE INDEX events_type ON events(event_type);
        CREATE INDEX events_admin1 ON events(admin1);
        CREATE INDEX events_latlon ON events(latitude, longitude);
        CREATE TABLE mentions (
            mention_id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL REFERENCES events(event_id) DEFERRABLE INITIALLY DEFERRED,
            doc_id TEXT NOT NULL REFERENCES documents(doc_id),
            data TEXT NOT NULL
        );
        CREATE INDEX mentions_event ON mentions(event_id);
        CREATE INDEX mentions_doc ON mentions(doc_id);
        CREATE VIRTUAL TABLE documents_fts USING fts5(doc_id UNINDEXED, body);
        """,
    ),
]
