"""Database connections behind one small interface, so the store runs on SQLite and PostgreSQL alike.

SQL in Rasad is written with ``?`` placeholders; the PostgreSQL connection rewrites them. Rows come
back as mappings on both.
"""

from __future__ import annotations

import math
import re
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from rasad.errors import StoreError


class Database(Protocol):
    """What the store needs of a database connection."""

    dialect: str
    location: str

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any: ...

    def transaction(self) -> Any: ...

    @property
    def in_transaction(self) -> bool: ...

    def lock(self, name: str) -> None:
        """Serialise writers of one kind (an append-only chain, a sequence) until the transaction ends."""

    def bulk_insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Insert many rows at once: ``COPY`` on PostgreSQL, one prepared statement on SQLite."""

    def close(self) -> None: ...


BUSY_SECONDS = 30  # how long a SQLite writer waits for another to commit


class SQLiteDatabase:
    """The embedded default: one file, WAL journal, foreign keys on."""

    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        self.location = path
        try:
            # wait for a writer from the first statement on: two processes may create one new store at once,
            # and switching it to WAL takes a lock the other may hold
            # (30 s: an archive's or an ingest's batch holds the write lock for a second or two on an idle machine,
            # several times that on a loaded one, and a second writer must outwait it rather than fail)
            self.connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None,
                                              timeout=BUSY_SECONDS)
            self.connection.row_factory = sqlite3.Row
            self.connection.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
            self._wal()
            self.connection.execute("PRAGMA foreign_keys=ON")
            self.connection.execute("PRAGMA synchronous=NORMAL")
            self._math()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{path}: not a Rasad store: {error}") from error

    def _math(self) -> None:
        """The math functions a radius query uses (sin, cos, asin, sqrt, radians, power): built into SQLite since
        3.35 where it was compiled with them; registered from Python's math module where not."""
        try:
            self.connection.execute("SELECT asin(sqrt(power(sin(radians(1)), 2)))")
        except sqlite3.OperationalError:
            for name, function in (("sin", math.sin), ("cos", math.cos), ("asin", math.asin), ("sqrt", math.sqrt),
                                   ("radians", math.radians), ("power", math.pow)):
                self.connection.create_function(name, -1 if name == "power" else 1, function, deterministic=True)

    def _wal(self) -> None:
        """Switch to WAL. SQLite may answer "locked" at once, without waiting, while another process creates
        the same file: try again for as long as the busy timeout."""
        deadline = time.monotonic() + BUSY_SECONDS
        while True:
            try:
                self.connection.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def execute(self, sql: str, args: Sequence[Any] = ()) -> sqlite3.Cursor:
        try:
            return self.connection.execute(sql, tuple(args))
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.IntegrityError):
                raise
            raise StoreError(f"{self.location}: {error}") from error

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        else:
            self.connection.execute("COMMIT")

    @property
    def in_transaction(self) -> bool:
        return self.connection.in_transaction

    def lock(self, name: str) -> None:
        """Nothing to do: a SQLite write transaction (BEGIN IMMEDIATE) already excludes every other writer."""

    def bulk_insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        try:
            self.connection.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                                        f"({', '.join('?' * len(columns))})", rows)
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.IntegrityError):
                raise
            raise StoreError(f"{self.location}: {error}") from error

    def close(self) -> None:
        self.connection.close()


_PLACEHOLDER = re.compile(r"\?")


class PostgresDatabase:
    """A PostgreSQL server, through psycopg 3."""

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as error:  # pragma: no cover - psycopg is a dependency
            raise StoreError("PostgreSQL needs the psycopg package") from error
        self.location = re.sub(r"://[^@/]*@", "://***@", url)
        try:
            self.connection = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.Error as error:
            raise StoreError(f"{self.location}: cannot connect: {error}".strip()) from error
        self._psycopg = psycopg

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        try:
            return self.connection.execute(_PLACEHOLDER.sub("%s", sql.replace("%", "%%")), tuple(args))
        except self._psycopg.errors.IntegrityError:
            raise
        except self._psycopg.Error as error:
            raise StoreError(f"{self.location}: {error}".strip()) from error

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.connection.transaction():
            yield

    @property
    def in_transaction(self) -> bool:
        return self.connection.info.transaction_status != self._psycopg.pq.TransactionStatus.IDLE

    def lock(self, name: str) -> None:
        """A transaction-scoped advisory lock, so two writers never take the same sequence number."""
        self.execute("SELECT pg_advisory_xact_lock(hashtext(?))", (name,))

    def bulk_insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """``COPY … FROM STDIN``: the rows stream to the server in one command, with no statement per row."""
        try:
            with self.connection.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        except self._psycopg.errors.IntegrityError:
            raise
        except self._psycopg.Error as error:
            raise StoreError(f"{self.location}: {error}".strip()) from error

    def close(self) -> None:
        self.connection.close()


def connect(url: str) -> Database:
    """A connection for a store URL: ``postgresql://…`` for a server, anything else is a SQLite path."""
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresDatabase(url)
    return SQLiteDatabase(url)
