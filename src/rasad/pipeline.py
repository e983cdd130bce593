"""The pipeline from reports to stored events, in its stage order:

    ingest (read documents) → extract (normalise, find event mentions, geocode) → fuse → store

Each stage reads what the previous one wrote; nothing flows back. ``run_ingest`` drives the stages
in batches, one transaction a batch, so an interrupted run loses nothing already committed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rasad.errors import InputError
from rasad.extract.base import Extractor
from rasad.ingest.readers import read_documents
from rasad.model import Document, Event
from rasad.store.store import MentionRecord, PreparedDocument, Store

BATCH_SIZE = 50


@dataclass
class RunReport:
    """What a run did: documents read, new, seen before, duplicates, events, and problems."""

    documents: int = 0
    new: int = 0
    seen: int = 0
    duplicates: int = 0
    mentions: int = 0
    problems: list[InputError] = field(default_factory=list)


def estimate_documents(inputs: Iterable[str]) -> int | None:
    """A cheap count of the documents the inputs hold (lines of JSONL, files of folders), for progress bars."""
    total = 0
    for item in inputs:
        path = Path(item)
        if item.startswith(("http://", "https://")) or not path.exists():
            return None
        files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() == ".jsonl":
                with open(file, "rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            elif file.suffix.lower() in (".txt", ".html", ".htm"):
                total += 1
            else:
                return None
    return total


def run_ingest(
    inputs: Iterable[str],
    store: Store,
    extractor: Extractor,
    on_problem: Callable[[InputError], None],
    on_document: Callable[[Document], None] = lambda document: None,
) -> RunReport:
    """Read, extract, fuse and store every document of the inputs; a document already stored is skipped."""
    report = RunReport()

    def problem(error: InputError) -> None:
        report.problems.append(error)
        on_problem(error)

    return ingest_documents(read_documents(inputs, problem), store, extractor, report, on_document)


def ingest_documents(
    documents: Iterable[Document],
    store: Store,
    extractor: Extractor,
    report: RunReport | None = None,
    on_document: Callable[[Document], None] = lambda document: None,
) -> RunReport:
    """Extract, fuse and store documents in batches, one transaction a batch; one already stored is skipped."""
    report = report or RunReport()
    batch: list[Document] = []

    def flush() -> None:
        # extraction, the slow part, runs outside the write transaction: other writers and the API's readers
        # wait only for the short write that follows
        known = store.known_documents([document.doc_id for document in batch])
        extracted = {document.doc_id: extractor.extract(document) for document in batch if document.doc_id not in known}
        store_batch(store, batch, extracted, extractor, report)
        batch.clear()

    for document in documents:
        report.documents += 1
        batch.append(document)
        on_document(document)
        if len(batch) >= BATCH_SIZE:
            flush()
    if batch:
        flush()
    if report.new:
        store.optimize()  # the planner's statistics, where the store has grown enough for them to be stale
    return report


def store_batch(store: Store, batch: list[Document], extracted: dict[str, list[Event] | list[MentionRecord]],
                extractor: Extractor | None, report: RunReport,
                prepared: dict[str, PreparedDocument] | None = None) -> None:
    """Store a batch of documents and fuse their events, in one transaction, in the batch's order.

    ``extracted`` and ``prepared`` hold what was computed beforehand: a report's events, or their stored forms (an
    archive's workers send those, :func:`rasad.store.store.mention_record`), and its own stored form; a document
    missing from ``extracted`` is extracted here by ``extractor``."""
    prepared = prepared or {}
    with store.transaction(), store.bulk(form.signature for form in prepared.values()):
        for document in batch:
            status = store.add_document(document, prepared=prepared.get(document.doc_id))
            if status == "seen":
                report.seen += 1
                continue
            if status == "duplicate":
                report.duplicates += 1
                continue
            report.new += 1
            events = extracted.get(document.doc_id)
            if events is None:
                if extractor is None:
                    raise ValueError(f"no events extracted for {document.doc_id!r}")
                events = extractor.extract(document)
            for index, event in enumerate(events):
                if isinstance(event, Event):
                    store.add_mention(event, index, document.published, fresh=True)
                else:
                    store.add_mention_record(document.doc_id, index, event, fresh=True)
                report.mentions += 1


def run_reextract(store: Store, extractor: Extractor, on_document: Callable[[str], None] = lambda doc_id: None,
                  batch_size: int = BATCH_SIZE) -> RunReport:
    """Extract every stored report again (after a lexicon or gazetteer change) and re-fuse.

    Analysts' decisions survive: edits and review states stay on their events, and mentions an analyst
    merged or split stay where they were put.
    """
    from rasad.ingest.readers import parse_date

    report = RunReport()
    rows = list(store.documents())
    for start in range(0, len(rows), batch_size):
        with store.transaction():
            for row in rows[start : start + batch_size]:
                document = Document(doc_id=row["doc_id"], text=row["text"], published=parse_date(row["published"]),
                                    language=row["language"], source=row["source"], title=row["title"], url=row["url"])
                touched = store.remove_mentions(document.doc_id)
                for index, event in enumerate(extractor.extract(document)):
                    touched.add(store.add_mention(event, index, document.published))
                    report.mentions += 1
                store.settle(touched)
                report.documents += 1
                on_document(document.doc_id)
    return report
