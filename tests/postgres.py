"""A throwaway PostgreSQL server for the storage tests: initdb into a temporary folder, listen on a
Unix socket only, stop and delete it at the end. `make test` installs the server when it is missing;
RASAD_TEST_POSTGRES=postgresql://… uses a server of your own instead."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _bindir() -> Path:
    found = shutil.which("initdb")
    if found:
        return Path(os.path.realpath(found)).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not candidates:
        raise RuntimeError("PostgreSQL is not installed: run `make test` (it installs it) or set RASAD_TEST_POSTGRES")
    return Path(candidates[-1]).parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def server() -> Iterator[str]:
    """The URL of a running server's `postgres` database, for the duration of the block."""
    if os.environ.get("RASAD_TEST_POSTGRES"):
        yield os.environ["RASAD_TEST_POSTGRES"]
        return
    bindir = _bindir()
    base = Path(tempfile.mkdtemp(prefix="rasad-pg-"))
    data, sockets = base / "data", base / "sock"
    sockets.mkdir()
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(base, "postgres")
        shutil.chown(sockets, "postgres")
    port = _free_port()
    subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-U", "rasad", "--auth=trust", "-E", "UTF8",
                    "--no-locale"], check=True, capture_output=True)
    subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(base / "server.log"), "-w", "-o",
                    f"-p {port} -k {sockets} -c listen_addresses='' -c fsync=off", "start"], check=True,
                   capture_output=True)
    try:
        yield f"postgresql://rasad@/postgres?host={sockets}&port={port}"
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


@contextmanager
def database(server_url: str) -> Iterator[str]:
    """A fresh, empty database on the server, dropped afterwards."""
    import psycopg

    name = f"rasad_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield server_url.replace("/postgres?", f"/{name}?")
    finally:
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
