"""The watch loop: each source polled when it is due, what is new run through the pipeline, and the state of
every source kept in the store so that a restart resumes where it stopped.

A source that fails does not stop the others: its error is recorded, and it is tried again later, waiting
longer after each failure in a row (up to a day).
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from rasad.errors import InputError
from rasad.extract.base import Extractor
from rasad.ingest.fetch import Fetched, PoliteFetcher
from rasad.ingest.readers import feed_entries, read_page, stable_id
from rasad.model import Document
from rasad.pipeline import ingest_documents
from rasad.store.store import Store
from rasad.watch.sources import Source

MAX_BACKOFF = timedelta(days=1)


@dataclass
class PollResult:
    """What one poll of one source did."""

    source: Source
    status: str  # "new" (read, maybe with new documents), "unchanged" (304) or "failed"
    documents: int = 0
    new: int = 0
    mentions: int = 0
    problems: int = 0
    error: str | None = None

    def line(self) -> str:
        """One line for the terminal."""
        if self.status == "failed":
            return f"{self.source.name}: failed: {self.error}"
        if self.status == "unchanged":
            return f"{self.source.name}: not modified"
        return (f"{self.source.name}: {self.documents} items, {self.new} new, {self.mentions} event mentions"
                + (f", {self.problems} skipped" if self.problems else ""))


class Watcher:
    """Polls ``sources`` into ``store``."""

    def __init__(self, store: Store, sources: Iterable[Source], extractor: Extractor,
                 fetcher: PoliteFetcher | None = None, now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.store = store
        self.sources = list(sources)
        self.extractor = extractor
        self.fetcher = fetcher or PoliteFetcher()
        self.now = now

    def due(self) -> list[Source]:
        """The sources whose time has come (never polled, or past their next due time)."""
        moment = self.now()
        out = []
        for source in self.sources:
            state = self.store.watch_state(source.url)
            if state is None or not state.get("next_due") or datetime.fromisoformat(state["next_due"]) <= moment:
                out.append(source)
        return out

    def run_once(self, every: bool = False) -> list[PollResult]:
        """Poll each due source (each source, with ``every``) once."""
        return [self.poll(source) for source in (self.sources if every else self.due())]

    def run(self, stop: threading.Event, on_result: Callable[[PollResult], None] = lambda result: None,
            longest_wait: float = 60.0) -> None:
        """Poll until ``stop`` is set, sleeping until the next source is due."""
        while not stop.is_set():
            for result in self.run_once():
                on_result(result)
                if stop.is_set():
                    return
            stop.wait(self._seconds_to_next(longest_wait))

    def poll(self, source: Source) -> PollResult:
        """Fetch one source, store what is new, and record how it went."""
        state = self.store.watch_state(source.url) or {"failures": 0, "items": 0}
        state.update(name=source.name, kind=source.kind, last_attempt=_iso(self.now()))
        problems: list[InputError] = []
        try:
            fetched = self.fetcher.get(source.url, state.get("etag"), state.get("last_modified"))
            if fetched.status == 304:
                result = PollResult(source, "unchanged")
            else:
                result = self._store_new(source, fetched, problems, state)
                state.update(etag=fetched.etag, last_modified=fetched.last_modified)
            state.update(last_success=_iso(self.now()), failures=0,
                         next_due=_iso(self.now() + timedelta(seconds=source.interval)))
        except InputError as error:
            failures = int(state.get("failures") or 0) + 1
            wait = min(timedelta(seconds=source.interval) * 2 ** (failures - 1), MAX_BACKOFF)
            state.update(failures=failures, last_error=str(error), last_error_at=_iso(self.now()),
                         next_due=_iso(self.now() + wait))
            result = PollResult(source, "failed", error=str(error))
        with self.store.transaction():
            self.store.save_watch_state(source.url, state)
        return result

    def _store_new(self, source: Source, fetched: Fetched, problems: list[InputError], state: dict) -> PollResult:
        items = list(self._documents(source, fetched, problems.append))
        known = self.store.known_documents([document.doc_id for document, _ in items])
        report = ingest_documents((document for document, _ in items), self.store, self.extractor)
        fresh = [moment for document, moment in items if document.doc_id not in known and moment is not None]
        if fresh:
            state["lag_seconds"] = round((self.now() - max(fresh)).total_seconds(), 1)
        state["items"] = int(state.get("items") or 0) + report.new
        return PollResult(source, "new", report.documents, report.new, report.mentions, len(problems))

    def _documents(self, source: Source, fetched: Fetched,
                   on_problem: Callable[[InputError], None]) -> Iterable[tuple[Document, datetime | None]]:
        if source.kind == "page":
            title, text, published = read_page(fetched.body.decode("utf-8", "replace"), source.url)
            if not text:
                raise InputError("the page has no article text", path=source.url)
            yield Document(doc_id=stable_id(source.url, text[:300]), text=text, published=published,
                           language=source.language, source=source.name, title=title or None, url=source.url), None
            return
        for document, moment in feed_entries(fetched.body, source.url, on_problem):
            yield dataclasses.replace(document, source=source.name,
                                      language=document.language or source.language), moment

    def _seconds_to_next(self, longest: float) -> float:
        moment = self.now()
        waits = []
        for source in self.sources:
            state = self.store.watch_state(source.url)
            if state and state.get("next_due"):
                waits.append((datetime.fromisoformat(state["next_due"]) - moment).total_seconds())
        return max(0.05, min([longest, *waits]))


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")
