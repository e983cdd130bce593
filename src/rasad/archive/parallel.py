"""Archive ingest on Dask's distributed scheduler.

Extraction is embarrassingly parallel: workers extract batches of reports and do the rest of the per-report
work (the MinHash sketch, the folded text of the hash and the search index, the mentions' stored JSON). Fusion
is not: it decides which reports tell one incident by what is already stored, so the driver writes the batches
into the store one after another **in input order**, through the same code as a single-process ingest
(:func:`rasad.pipeline.store_batch`). The store therefore ends identical, event for event and ID for ID, to
``rasad ingest`` of the same input, while the driver writes batch *n* as the workers extract the batches
after it. Each batch, with the batches after it that are ready (up to four in all), is one transaction: an
interrupted run keeps what it committed, and a rerun skips the
reports already stored without extracting them again.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from rasad.errors import InputError
from rasad.extract.base import Extractor, get_extractor
from rasad.model import Document
from rasad.pipeline import RunReport, store_batch
from rasad.store.store import MentionRecord, PreparedDocument, Store, mention_record, prepare_document

if TYPE_CHECKING:
    from distributed import Client

BATCH_SIZE = 100
IN_FLIGHT_PER_WORKER = 2  # batches queued per worker, so none waits while the driver writes
BATCHES_PER_TRANSACTION = 4  # ready batches the driver stores in one transaction (each commit costs a sync)


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a run stands: documents read and stored, the rate, the time left, and the cluster's state."""

    read: int
    stored: int
    total: int | None
    rate: float  # documents stored per second
    workers: int
    in_flight: int  # batches handed to the workers and not yet stored
    busy: dict[str, int] | None = None  # tasks each worker is running or holding, by worker address

    @property
    def eta_seconds(self) -> float | None:
        if self.total is None or self.rate <= 0:
            return None
        return max(0.0, (self.total - self.stored) / self.rate)

    def line(self) -> str:
        """One status line: "1,200 of 10,000 documents · 85/s · ETA 1m43s · 2 workers (38761: 1, 43317: 2), 4 batches
        in flight"."""
        done = f"{self.stored:,} of {self.total:,}" if self.total else f"{self.stored:,}"
        eta = self.eta_seconds
        left = f" · ETA {int(eta // 60)}m{int(eta % 60):02d}s" if eta is not None else ""
        tasks = [f"{address.rsplit(':', 1)[-1]}: {count}" for address, count in sorted((self.busy or {}).items())]
        per_worker = f" ({', '.join(tasks)})" if tasks else ""  # each worker, by its port, and the tasks it holds
        return (f"{done} documents · {self.rate:,.0f}/s{left} · {self.workers} workers{per_worker}, "
                f"{self.in_flight} batches in flight")


@dataclass
class ArchiveReport(RunReport):
    """A run's report, with where the driver's time went and the workers' memory at the end."""

    write_seconds: float = 0.0  # storing and fusing, in input order: the serial part
    wait_seconds: float = 0.0  # waiting for a batch the workers had not finished
    wall_seconds: float = 0.0
    worker_memory_mb: dict[str, float] | None = None  # resident memory of each worker process, by address

    def timing_line(self) -> str:
        """"writes 6.1 s of 11.5 s (the serial part), waits 0.4 s; workers 143, 151 MB"."""
        memory = ", ".join(f"{mb:.0f}" for _, mb in sorted((self.worker_memory_mb or {}).items()))
        return (f"writes {self.write_seconds:.1f} s of {self.wall_seconds:.1f} s (the serial part), waits "
                f"{self.wait_seconds:.1f} s" + (f"; workers {memory} MB" if memory else ""))


def _resident_mb() -> float:
    """This process's resident memory in MB (run on each worker)."""
    import psutil

    return psutil.Process().memory_info().rss / 1e6


@cache
def _worker_extractor(backend: str) -> Extractor:
    return get_extractor(backend)


def extract_batch(documents: list[Document], backend: str) -> list[tuple[str, list[MentionRecord], PreparedDocument]]:
    """What a worker does for a batch: each report's events and the report in the forms the store keeps them (so
    the driver's write transaction serialises nothing). Runs on a worker."""
    extractor = _worker_extractor(backend)
    return [(document.doc_id, [mention_record(event, document.published) for event in extractor.extract(document)],
             prepare_document(document)) for document in documents]


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def start_client(scheduler: str | None = None, workers: int | None = None) -> Client:
    """A client of the cluster at ``scheduler`` (``tcp://host:8786``), or of a local cluster of ``workers``
    processes (one thread each: extraction holds the GIL) started for this run."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="5s")
        except OSError as error:
            raise InputError(f"no Dask scheduler answers at {scheduler}: {error}") from error
    cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster)


def archive_ingest(documents: Iterable[Document], store: Store, client: Client, *, backend: str = "rules",
                   batch_size: int = BATCH_SIZE, total: int | None = None,
                   on_progress: Callable[[Progress], None] = lambda progress: None) -> ArchiveReport:
    """Extract ``documents`` on the cluster and store them in input order (see the module's note)."""
    report = ArchiveReport()
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    pending: deque = deque()
    started = time.perf_counter()
    stored = 0

    def write_oldest() -> None:
        nonlocal stored
        batch, future = pending.popleft()
        waited = time.perf_counter()
        results = future.result()
        # the batches after it that are ready already join its transaction (fewer commits; the order is the same)
        while pending and pending[0][1].done() and len(batch) < batch_size * BATCHES_PER_TRANSACTION:
            more, ready = pending.popleft()
            batch, results = batch + more, results + ready.result()
        writing = time.perf_counter()
        report.wait_seconds += writing - waited
        extracted = {doc_id: events for doc_id, events, _ in results}
        prepared = {doc_id: form for doc_id, _, form in results}
        store_batch(store, batch, extracted, None, report, prepared)
        report.write_seconds += time.perf_counter() - writing
        stored += len(batch)
        elapsed = time.perf_counter() - started
        busy = {address: len(tasks) for address, tasks in client.processing().items()}
        on_progress(Progress(report.documents, stored, total, stored / elapsed if elapsed else 0.0, workers,
                             len(pending), busy))

    for batch in _batches(documents, batch_size):
        report.documents += len(batch)
        known = store.known_documents([document.doc_id for document in batch])
        if len(known) == len(batch):  # a rerun after an interruption: nothing of this batch to do
            report.seen += len(batch)
            stored += len(batch)
            continue
        fresh = [document for document in batch if document.doc_id not in known]
        report.seen += len(batch) - len(fresh)
        pending.append((fresh, client.submit(extract_batch, fresh, backend, pure=False)))
        while len(pending) >= workers * IN_FLIGHT_PER_WORKER:
            write_oldest()
    while pending:
        write_oldest()
    writing = time.perf_counter()
    store.optimize(bulk=True)  # statistics and visibility for the indexes after a bulk load
    report.write_seconds += time.perf_counter() - writing
    report.wall_seconds = time.perf_counter() - started
    report.worker_memory_mb = client.run(_resident_mb)
    return report
