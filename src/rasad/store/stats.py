"""What a store holds and how fast it answers (`rasad db stats`): tables with their rows and size on disk, the
API's usual filters timed with the plan the database chose for each, and, on PostgreSQL with
``pg_stat_statements``, the statements that took the most time."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace
from typing import Any

from rasad.errors import StoreError
from rasad.store.store import EventFilter, Store

# The filters the dashboard and the API run most (as in `make bench`'s large-store measure).
STANDARD_FILTERS: dict[str, EventFilter] = {
    "governorate": EventFilter(admin1="Kirkuk"),
    "type since a day": EventFilter(event_type="Battles", since="2024-01-01"),
    "a month": EventFilter(since="2025-06-01", until="2025-06-30"),
    "within 30 km": EventFilter(near=(34.39, 40.99, 30)),
    "governorate and type": EventFilter(admin1="al-hasakeh", event_type="Strategic developments"),
    "full text": EventFilter(text="الحويجة"),
    "most confident": EventFilter(min_confidence=0.9, sort="confidence"),
}
TABLES = ("events", "mentions", "documents", "document_bands", "event_history", "shared_records", "audit_log")


@dataclass(frozen=True, slots=True)
class QueryTiming:
    name: str
    milliseconds: float  # the median of `runs` runs of the page and its total
    p95_milliseconds: float  # the 95th percentile of those runs (nearest rank)
    total: int
    plan: str  # how the count is answered: the database's plan, one line


def table_sizes(store: Store) -> list[dict[str, Any]]:
    """Rows and bytes (table and its indexes) of the main tables; bytes are None where SQLite cannot say."""
    db = store.db
    rows = []
    for table in TABLES:
        count = db.execute(f"SELECT count(*) AS n FROM {table}").fetchone()["n"]
        size = None
        if db.dialect == "postgresql":
            size = db.execute("SELECT pg_total_relation_size(?::regclass) AS n", (table,)).fetchone()["n"]
        else:
            try:
                size = db.execute("SELECT sum(pgsize) AS n FROM dbstat WHERE name = ? OR name IN "
                                  "(SELECT name FROM sqlite_master WHERE tbl_name = ? AND type = 'index')",
                                  (table, table)).fetchone()["n"]
            except StoreError:  # SQLite built without the dbstat table: rows only
                size = None
        rows.append({"table": table, "rows": count, "bytes": size})
    return rows


def time_standard_filters(store: Store, runs: int = 5,
                          filters: dict[str, EventFilter] = STANDARD_FILTERS) -> list[QueryTiming]:
    """Each standard filter (or each of ``filters``), run ``runs`` times as the API runs it (a page of 100 and the
    total)."""
    timings = []
    for name, flt in filters.items():
        spent = []
        total = 0
        for _ in range(runs):
            started = time.perf_counter()
            _, total = store.query_events(replace(flt, limit=100))
            spent.append((time.perf_counter() - started) * 1000)
        spent.sort()
        timings.append(QueryTiming(name, round(spent[len(spent) // 2], 1),
                                   round(spent[max(0, math.ceil(0.95 * len(spent)) - 1)], 1), total,
                                   _count_plan(store, flt)))
    return timings


def _count_plan(store: Store, flt: EventFilter) -> str:
    """The plan of the filter's count on one line: the scans and indexes it uses."""
    lines = [line.strip() for line in store.explain_count(flt)]
    if store.db.dialect == "postgresql":
        lines = [line.lstrip("-> ") for line in lines if "Scan" in line or "Cond" in line]
    return " | ".join(lines)[:300]


def slow_statements(store: Store, limit: int = 10) -> list[dict[str, Any]] | None:
    """The statements that took the most time in all, from PostgreSQL's ``pg_stat_statements`` where it is
    installed; None on SQLite or without the extension."""
    if store.db.dialect != "postgresql":
        return None
    try:
        rows = store.db.execute(
            "SELECT query, calls, total_exec_time, mean_exec_time FROM pg_stat_statements "
            "ORDER BY total_exec_time DESC LIMIT ?", (limit,)).fetchall()
    except StoreError:  # the extension is not installed or not preloaded
        return None
    return [{"query": " ".join(row["query"].split())[:200], "calls": row["calls"],
             "total_ms": round(row["total_exec_time"], 1), "mean_ms": round(row["mean_exec_time"], 2)} for row in rows]
