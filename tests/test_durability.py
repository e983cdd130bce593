"""Killing an ingest in the middle loses nothing already committed and leaves nothing half-written."""

import json
import os
import signal
import subprocess
import sys
import time

from rasad.demo.generator import generate
from rasad.pipeline import BATCH_SIZE
from rasad.store.store import EventFilter, open_store


def consistent(store) -> None:
    one = store.db.execute
    assert one("SELECT count(*) AS n FROM mentions WHERE event_id NOT IN (SELECT event_id FROM events)").fetchone()["n"] == 0
    assert one("SELECT count(*) AS n FROM events e WHERE NOT EXISTS "
               "(SELECT 1 FROM mentions m WHERE m.event_id = e.event_id)").fetchone()["n"] == 0
    assert one("SELECT count(*) AS n FROM mentions WHERE doc_id NOT IN (SELECT doc_id FROM documents)").fetchone()["n"] == 0


def test_a_killed_ingest_keeps_whole_batches_and_resumes(tmp_path, store_url):
    docs = tmp_path / "docs.jsonl"
    with open(docs, "w", encoding="utf-8") as out:
        for doc, _ in generate(1500, seed=3):
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    command = [sys.executable, "-m", "rasad.cli", "ingest", str(docs), "--db", store_url]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    store = open_store(store_url)
    deadline = time.monotonic() + 120
    while store.counts()["documents"] < 2 * BATCH_SIZE and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored = store.counts()["documents"]
    assert 0 < stored < 1500
    assert stored % BATCH_SIZE == 0  # whole batches only
    consistent(store)
    committed = {e["event_id"] for e in store.query_events(EventFilter(limit=10_000))[0]}
    store.close()

    subprocess.run(command, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    store = open_store(store_url)
    assert store.counts()["documents"] == 1500
    consistent(store)
    assert committed <= {e["event_id"] for e in store.query_events(EventFilter(limit=10_000))[0]}
    store.close()


def test_two_ingests_into_one_new_store_at_once_both_finish(tmp_path):
    """Migrations run under the write lock and extraction outside it (issue 12: 13)."""
    from pathlib import Path

    rasad = Path(sys.executable).with_name("rasad")
    docs = list(generate(60, seed=9))
    inputs = []
    for half in (0, 1):
        path = tmp_path / f"half{half}.jsonl"
        path.write_text("".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc, _ in docs[half::2]),
                        encoding="utf-8")
        inputs.append(path)
    db = str(tmp_path / "shared.db")
    runs = [subprocess.Popen([str(rasad), "ingest", str(path), "--db", db], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for path in inputs]
    outcomes = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outcomes
    with open_store(db) as store:
        assert store.counts()["documents"] == 60  # duplicates are stored too: nothing is lost
