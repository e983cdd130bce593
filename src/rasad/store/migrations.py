"""Versioned schema migrations of the store, per dialect. Append a migration; never edit a released one."""

from __future__ import annotations

from rasad.store.grid import PER_DEGREE

_EVENTS = """
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
    latitude {real},
    longitude {real},
    geo_precision INTEGER,
    fatalities INTEGER,
    wounded INTEGER,
    arrested INTEGER,
    escaped INTEGER,
    transferred INTEGER,
    border_km {real},
    border_sector TEXT,
    confidence {real} NOT NULL,
    source_count INTEGER NOT NULL DEFAULT 1,
    first_reported TEXT,
    last_reported TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_type ON events(event_type, event_date);
CREATE INDEX events_admin1 ON events(admin1);
CREATE INDEX events_latlon ON events(latitude, longitude);
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
CREATE TABLE mentions (
    mention_id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(event_id) DEFERRABLE INITIALLY DEFERRED,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id),
    data TEXT NOT NULL
);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_doc ON mentions(doc_id)
"""

_REVIEW = """
ALTER TABLE events ADD COLUMN review_state TEXT NOT NULL DEFAULT 'unreviewed';
ALTER TABLE events ADD COLUMN merged_into TEXT;
ALTER TABLE events ADD COLUMN overrides TEXT NOT NULL DEFAULT '{{}}';
ALTER TABLE mentions ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN minhash TEXT;
CREATE TABLE event_history (
    history_id {serial},
    event_id TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{{}}'
);
CREATE INDEX event_history_event ON event_history(event_id);
CREATE TABLE document_bands (
    band TEXT NOT NULL,
    doc_id TEXT NOT NULL
);
CREATE INDEX document_bands_band ON document_bands(band)
"""

_INDEXES = """
CREATE INDEX events_visible_date ON events(event_date) WHERE merged_into IS NULL AND review_state <> 'rejected';
CREATE INDEX events_confidence ON events(confidence);
CREATE INDEX events_admin1_date ON events(admin1, event_date);
CREATE INDEX documents_url ON documents(url)
"""

_USERS = """
CREATE TABLE users (
    username TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
    created_at TEXT NOT NULL
)
"""

_SHARING = """
CREATE TABLE node (
    node_id TEXT PRIMARY KEY,
    org TEXT NOT NULL,
    name TEXT,
    url TEXT,
    public_key TEXT NOT NULL,
    private_key TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE partners (
    org TEXT PRIMARY KEY,
    node_id TEXT NOT NULL UNIQUE,
    public_key TEXT NOT NULL,
    url TEXT,
    added_at TEXT NOT NULL,
    pull_cursor INTEGER NOT NULL DEFAULT 0,
    push_cursor INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE share_groups (
    name TEXT NOT NULL,
    org TEXT NOT NULL,
    PRIMARY KEY (name, org)
);
CREATE TABLE shared_records (
    origin TEXT NOT NULL,
    owner_org TEXT NOT NULL,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    releasability TEXT NOT NULL,
    retracted INTEGER NOT NULL DEFAULT 0,
    data TEXT,
    received_from TEXT,
    received_at TEXT,
    PRIMARY KEY (origin, kind, record_id)
);
CREATE INDEX shared_records_seq ON shared_records(seq);
CREATE INDEX shared_records_local ON shared_records(kind, record_id);
CREATE TABLE release_sent (
    org TEXT NOT NULL,
    origin TEXT NOT NULL,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (org, origin, kind, record_id)
);
CREATE TABLE bundles_seen (
    bundle_id TEXT PRIMARY KEY,
    sender TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE partner_inputs (
    input_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    data TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
)
"""

# A received record keeps its origin's public key and signature, so that it can be passed on unaltered and any
# later holder can check that its origin said so (issue 12).
_ORIGIN_SIGNATURES = """
ALTER TABLE shared_records ADD COLUMN origin_key TEXT;
ALTER TABLE shared_records ADD COLUMN origin_signature TEXT
"""

# Checkpoints of audit chains (issue 12): the latest signed head each partner gave us, and the heads of our
# own chain that partners hold and sent back, against which `rasad audit verify` checks our log.
_CHECKPOINTS = """
CREATE TABLE partner_checkpoints (
    node_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL,
    at TEXT NOT NULL,
    signature TEXT NOT NULL
);
CREATE TABLE audit_anchors (
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL,
    held_by TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (seq, held_by)
)
"""

# A merged event goes out at the coarsest level of what it absorbed: its absorbed events are looked up by
# merged_into whenever it leaves the node.
_MERGED_INDEX = "CREATE INDEX events_merged_into ON events(merged_into) WHERE merged_into IS NOT NULL"

# Records imported from ACLED files and partners' STIX bundles and MISP events: read-only, kept apart from
# Rasad's own events, each under its layer ("acled", "stix:PRODUCER", "misp:ORG") with its marking.
_REFERENCE = """
CREATE TABLE reference_events (
    layer TEXT NOT NULL,
    record_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    event_date TEXT,
    country TEXT,
    admin1 TEXT,
    latitude {real},
    longitude {real},
    marking TEXT,
    data TEXT NOT NULL,
    source_file TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (layer, record_id)
);
CREATE INDEX reference_events_date ON reference_events(event_date)
"""

# What `rasad watch` knows of each source between runs: the validators of its last answer (a conditional GET
# next time), when it last succeeded or failed and why, how many new documents it gave, and when it is due.
_WATCH = """
CREATE TABLE watch_sources (
    url TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    last_attempt TEXT,
    last_success TEXT,
    last_error TEXT,
    last_error_at TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    items INTEGER NOT NULL DEFAULT 0,
    lag_seconds {real},
    next_due TEXT
)
"""

# Alert rules (one user's each; the rule as JSON, the cursor of what it has seen) and every alert delivered,
# keyed so that none is delivered twice, even after a restart.
_ALERTS = """
CREATE TABLE alert_rules (
    rule_id {serial},
    owner TEXT NOT NULL,
    name TEXT NOT NULL,
    spec TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    cursor TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE alert_log (
    rule_id INTEGER NOT NULL REFERENCES alert_rules(rule_id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    channel TEXT NOT NULL,
    delivered_at TEXT NOT NULL,
    alert TEXT NOT NULL,
    PRIMARY KEY (rule_id, key)
)
"""

# The map's counts by cell of a quarter degree (GET /api/events/cells): an index on the cell of each visible event
# turns a scan of the whole table into a scan of the index (a million events: 2.9 s → 0.16 s).
_CELLS = """
CREATE INDEX events_cell ON events({row}, {col}, event_type, latitude, longitude)
WHERE merged_into IS NULL AND review_state <> 'rejected' AND latitude IS NOT NULL
"""
CELL_SQL = {"sqlite": ("CAST(latitude * 4 AS INTEGER)", "CAST(longitude * 4 AS INTEGER)"),
            "postgresql": ("CAST(floor(latitude * 4) AS INTEGER)", "CAST(floor(longitude * 4) AS INTEGER)")}

# The API's filters on visible events (not merged away, not rejected): partial indexes whose condition is the
# visibility the queries state, so a count(*) by governorate or by type and date is read from the index alone.
_VISIBLE = """
CREATE INDEX events_visible_admin1 ON events(admin1, event_date) WHERE merged_into IS NULL AND review_state <> 'rejected';
CREATE INDEX events_visible_type ON events(event_type, event_date) WHERE merged_into IS NULL AND review_state <> 'rejected';
CREATE INDEX events_visible_admin1_type ON events(admin1, event_type, event_date)
WHERE merged_into IS NULL AND review_state <> 'rejected';
CREATE INDEX events_visible_confidence ON events(confidence) WHERE merged_into IS NULL AND review_state <> 'rejected'
"""
# On PostgreSQL the same indexes also hold the API's page order (newest first, undated last, then the ID), so the
# page is read from the index too: on a million events a governorate's page went from 19 to 0.8 ms. SQLite's DESC
# already puts NULLs last and its pages were fast without. A block-range index on the date serves archives, which
# arrive roughly in date order, for a fraction of a B-tree's size.
_VISIBLE_PG = """
CREATE INDEX events_visible_admin1 ON events(admin1, event_date DESC NULLS LAST, event_id)
WHERE merged_into IS NULL AND review_state <> 'rejected';
CREATE INDEX events_visible_type ON events(event_type, event_date DESC NULLS LAST, event_id)
WHERE merged_into IS NULL AND review_state <> 'rejected';
CREATE INDEX events_visible_admin1_type ON events(admin1, event_type, event_date DESC NULLS LAST, event_id)
WHERE merged_into IS NULL AND review_state <> 'rejected';
CREATE INDEX events_visible_newest ON events(event_date DESC NULLS LAST, event_id)
WHERE merged_into IS NULL AND review_state <> 'rejected';
CREATE INDEX events_visible_confidence ON events(confidence DESC NULLS LAST, event_id)
WHERE merged_into IS NULL AND review_state <> 'rejected';
CREATE INDEX events_date_brin ON events USING BRIN (event_date)
"""

# Saved, named views of the dashboard, per user: the query string that reproduces a view.
_VIEWS = """
CREATE TABLE saved_views (
    view_id {serial},
    owner TEXT NOT NULL,
    name TEXT NOT NULL,
    query TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (owner, name)
)
"""

# the review queue: whether an event's sources disagree on a figure or the day, kept by fusion; existing events
# are marked from their mentions here, with each dialect's JSON reading (every mention, where fusion compares
# those of the event's type only: an event recomputed later takes fusion's reading)
_CONFLICTING = """
ALTER TABLE events ADD COLUMN conflicting INTEGER NOT NULL DEFAULT 0;
UPDATE events SET conflicting = 1 WHERE event_id IN (SELECT event_id FROM mentions GROUP BY event_id HAVING {having});
CREATE INDEX events_queue ON events(confidence) WHERE review_state = 'unreviewed' AND merged_into IS NULL
"""


def _disagree(read: str) -> str:
    """The HAVING condition: a mention field with two values or more (``read`` reads field NAME of the JSON)."""
    return " OR ".join(f"count(DISTINCT {read.replace('NAME', name)}) > 1"
                       for name in ("fatalities", "wounded", "arrested", "escaped", "transferred", "event_date"))


# archives load the search text with COPY, which cannot call to_tsvector: PostgreSQL computes it (SQLite's FTS5
# table indexes what it is given, so nothing changes there)
_GENERATED_TSV = """
DROP INDEX documents_fts_tsv;
ALTER TABLE documents_fts DROP COLUMN tsv;
ALTER TABLE documents_fts ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED;
CREATE INDEX documents_fts_tsv ON documents_fts USING GIN (tsv)
"""

# the near-duplicate look-up reads the first 30 reports of each band in doc_id order: an index that holds them in
# that order reads 30 rows a band, however many reports share it (a site's boilerplate is in every one)
_BANDS_BY_DOC = """
CREATE INDEX document_bands_band_doc ON document_bands(band, doc_id);
DROP INDEX document_bands_band
"""

# the radius filter's page: the cell index also holds each event's day and id, so the hundred newest events of a
# circle are chosen from the index alone and only they are read from the table (PostgreSQL keeps them as payload)
_CELLS_PAGED = """
DROP INDEX events_cell;
CREATE INDEX events_cell ON events({row}, {col}, event_type, latitude, longitude{columns})
WHERE merged_into IS NULL AND review_state <> 'rejected' AND latitude IS NOT NULL
"""

def _kept_totals(table: str, keys: dict[str, str], visible: str) -> tuple[str, ...]:
    """A PostgreSQL table of visible events counted by ``keys`` (column: expression over an event), filled from the
    events there are and kept by statement-level triggers: one aggregate per INSERT (a bulk COPY is one), UPDATE or
    DELETE, of the rows it changed, never one statement per row."""
    columns, expressions = ", ".join(keys), ", ".join(keys.values())
    positions = ", ".join(str(n) for n in range(1, len(keys) + 1))
    typed = ", ".join(f"{column} INTEGER NOT NULL" for column in keys)
    upsert = f"ON CONFLICT ({columns}) DO UPDATE SET events = c.events + excluded.events"
    counted = ", ".join(f"{expression} AS {column}" for column, expression in keys.items())
    follow = f"{table}_follow"
    return (
        f"CREATE TABLE {table} ({typed}, events BIGINT NOT NULL, PRIMARY KEY ({columns}))",
        f"INSERT INTO {table} SELECT {expressions}, count(*) FROM events WHERE {visible} GROUP BY {positions}",
        f"""CREATE FUNCTION {follow}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO {table} AS c SELECT {expressions}, count(*) FROM new_rows WHERE {visible} GROUP BY {positions}
        {upsert};
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO {table} AS c SELECT {expressions}, -count(*) FROM old_rows WHERE {visible} GROUP BY {positions}
        {upsert};
    ELSE
        INSERT INTO {table} AS c SELECT {columns}, sum(change) FROM (
            SELECT {counted}, 1 AS change FROM new_rows WHERE {visible}
            UNION ALL
            SELECT {expressions}, -1 FROM old_rows WHERE {visible}) changes
        GROUP BY {columns} HAVING sum(change) <> 0
        {upsert};
    END IF;
    RETURN NULL;
END $$""",
        f"CREATE TRIGGER {table}_insert AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {follow}()",
        f"CREATE TRIGGER {table}_update AFTER UPDATE ON events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {follow}()",
        f"CREATE TRIGGER {table}_delete AFTER DELETE ON events REFERENCING OLD TABLE AS old_rows "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {follow}()",
    )


# the radius filter at scale (PostgreSQL): visible placed events counted by cell of a 1/64-degree grid, so the cells
# wholly inside a circle are summed without reading their events; an index on the same cells reads those of the
# cells the circle only crosses, and the newest-first index holds each event's coordinates, so a circle's newest
# page is chosen from the index alone
FINE_ROW, FINE_COL = (f"CAST(floor({axis} * {PER_DEGREE}) AS INTEGER)" for axis in ("latitude", "longitude"))
VISIBLE_PLACED = "merged_into IS NULL AND review_state <> 'rejected' AND latitude IS NOT NULL"
_FINE_CELLS_PG = (
    *_kept_totals("event_cells", {"row_": FINE_ROW, "col_": FINE_COL}, VISIBLE_PLACED),
    f"CREATE INDEX events_fine_cell ON events (({FINE_ROW}), ({FINE_COL})) INCLUDE (latitude, longitude) "
    f"WHERE {VISIBLE_PLACED}",
    "DROP INDEX events_visible_newest",
    "CREATE INDEX events_visible_newest ON events(event_date DESC NULLS LAST, event_id) INCLUDE (latitude, longitude) "
    "WHERE merged_into IS NULL AND review_state <> 'rejected'",
)

# the count of a minimum confidence (PostgreSQL): visible events counted by hundredth of confidence, so a threshold
# sums the hundredths above its own and reads only the events of its own hundredth (a million events above 0.9 of
# ten million: counted from 100 rows, not an index scan)
CONFIDENCE_BUCKET = "CAST(floor(confidence * 100) AS INTEGER)"
VISIBLE_CONFIDENT = "merged_into IS NULL AND review_state <> 'rejected' AND confidence IS NOT NULL"
_CONFIDENCE_TOTALS_PG = _kept_totals("event_confidence", {"bucket": CONFIDENCE_BUCKET}, VISIBLE_CONFIDENT)

MIGRATIONS: dict[str, list[tuple[int, str | tuple[str, ...]]]] = {
    "sqlite": [
        (1, _EVENTS.format(real="REAL") + ";\nCREATE VIRTUAL TABLE documents_fts USING fts5(doc_id UNINDEXED, body)"),
        (2, _REVIEW.format(serial="INTEGER PRIMARY KEY AUTOINCREMENT")),
        (3, _INDEXES),
        (4, _USERS),
        (5, _SHARING),
        (6, _ORIGIN_SIGNATURES),
        (7, _CHECKPOINTS),
        (8, _MERGED_INDEX),
        (9, _REFERENCE.format(real="REAL")),
        (10, _WATCH.format(real="REAL")),
        (11, _ALERTS.format(serial="INTEGER PRIMARY KEY AUTOINCREMENT")),
        (12, _CELLS.format(row=f"({CELL_SQL['sqlite'][0]})", col=f"({CELL_SQL['sqlite'][1]})")),
        (13, _VISIBLE),
        (14, _VIEWS.format(serial="INTEGER PRIMARY KEY AUTOINCREMENT")),
        (15, _CONFLICTING.format(having=_disagree("json_extract(data, '$.NAME')"))),
        (16, "SELECT 1"),  # PostgreSQL's search column became a generated one; nothing to do here
        (17, _BANDS_BY_DOC),
        (18, _CELLS_PAGED.format(row=f"({CELL_SQL['sqlite'][0]})", col=f"({CELL_SQL['sqlite'][1]})",
                                 columns=", event_date, event_id")),
        (19, "SELECT 1"),  # the fine grid of the radius filter is PostgreSQL's; SQLite reads its cell index
        (20, "SELECT 1"),  # so are the confidence totals; SQLite counts from its confidence index
    ],
    "postgresql": [
        (1, _EVENTS.format(real="DOUBLE PRECISION") + """;
CREATE TABLE documents_fts (doc_id TEXT PRIMARY KEY, body TEXT NOT NULL, tsv tsvector NOT NULL);
CREATE INDEX documents_fts_tsv ON documents_fts USING GIN (tsv)"""),
        (2, _REVIEW.format(serial="BIGSERIAL PRIMARY KEY")),
        (3, _INDEXES),
        (4, _USERS),
        (5, _SHARING),
        (6, _ORIGIN_SIGNATURES),
        (7, _CHECKPOINTS),
        (8, _MERGED_INDEX),
        (9, _REFERENCE.format(real="DOUBLE PRECISION")),
        (10, _WATCH.format(real="DOUBLE PRECISION")),
        (11, _ALERTS.format(serial="BIGSERIAL PRIMARY KEY")),
        (12, _CELLS.format(row=f"({CELL_SQL['postgresql'][0]})", col=f"({CELL_SQL['postgresql'][1]})")),
        (13, _VISIBLE_PG),
        (14, _VIEWS.format(serial="BIGSERIAL PRIMARY KEY")),
        (15, _CONFLICTING.format(having=_disagree("(data::jsonb ->> 'NAME')"))),
        (16, _GENERATED_TSV),
        (17, _BANDS_BY_DOC),
        (18, _CELLS_PAGED.format(row=f"({CELL_SQL['postgresql'][0]})", col=f"({CELL_SQL['postgresql'][1]})",
                                 columns=") INCLUDE (event_date, event_id")),
        (19, _FINE_CELLS_PG),
        (20, _CONFIDENCE_TOTALS_PG),
    ],
}
