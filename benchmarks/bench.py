"""`make bench`: speed, memory and quality figures of Rasad, written to docs/benchmarks.md.

Measures extraction throughput per core (reports of 3–5 KB), peak memory as the input grows,
gazetteer load time and place look-ups per second, ingest throughput, and fusion quality on a
generated corpus of known truth (pairwise precision and recall of "same incident").
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rasad.demo.generator import generate
from rasad.extract.base import get_extractor
from rasad.geo.gazetteer import Gazetteer, default_gazetteer
from rasad.ingest.readers import document_from_dict
from rasad.model import Document
from rasad.pipeline import run_ingest
from rasad.store.store import open_store
from rasad.text.normalize import normalize
from rasad.text.tokens import tokenize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the tests' loopback server and browser settings serve the benchmarks too


def corpus(reports: int, seed: int = 5) -> list[dict]:
    docs = [doc for doc, _ in generate(reports * 8, seed) if doc["language"] == "ar"]
    return [d for d in docs if 3000 <= len(d["text"].encode()) <= 5000][:reports] or docs[:reports]


def _three(measure) -> dict:
    """A measure run three times: its median and range (each run returns reports a CPU-second, and wall seconds)."""
    runs = [measure() for _ in range(3)]
    rates = sorted(rate for rate, _ in runs)
    walls = sorted(wall for _, wall in runs)
    return {"median": round(statistics.median(rates)), "low": round(rates[0]), "high": round(rates[-1]),
            "wall_median": round(statistics.median(walls), 2)}


def _extraction_rate(documents: list[Document]):
    extractor = get_extractor("rules")
    extractor.extract(documents[0])  # warm caches

    def measure() -> tuple[float, float]:
        cpu, wall = time.process_time(), time.perf_counter()
        for document in documents:
            extractor.extract(document)
        return len(documents) / (time.process_time() - cpu), time.perf_counter() - wall

    return measure


def bench_extract(reports: int, shared: Path | None = None) -> dict:
    """Reports a CPU-second on one core, median and range of three runs: generated Arabic reports, and real-length
    text (the seed reports of ../shared/eval/dev, repeated to ``reports``)."""
    documents = [document_from_dict(d, "bench", i) for i, d in enumerate(corpus(reports))]
    events = sum(len(get_extractor("rules").extract(d)) for d in documents)
    out = {"reports": len(documents), "mean_bytes": round(sum(len(d.text.encode()) for d in documents) / len(documents)),
           "events": events, "generated": _three(_extraction_rate(documents))}
    seeds_path = (shared or Path("../shared")) / "eval" / "dev" / "docs.jsonl"
    if seeds_path.exists():
        rows = [json.loads(line) for line in seeds_path.read_text("utf-8").splitlines() if line.strip()]
        seeds = [Document(doc_id=f"{r['doc_id']}-{k}", text=r["text"], published=None)
                 for k in range(max(1, reports // len(rows))) for r in rows]
        out["seeds"] = {"reports": len(seeds), "mean_bytes": round(sum(len(d.text.encode()) for d in seeds) / len(seeds)),
                        **_three(_extraction_rate(seeds))}
    out["reports_per_cpu_second"] = out["generated"]["median"]
    return out


def machine() -> str:
    """The commit measured and the machine: CPU model and count, Python."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT,
                                check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    model = platform.processor() or platform.machine()
    with contextlib.suppress(OSError, StopIteration), open("/proc/cpuinfo", encoding="utf-8") as info:
        model = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    return f"commit {commit}, {model} × {os.cpu_count()} CPUs, Python {platform.python_version()}"


def _write_corpus(path: Path, reports: int, seed: int) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for doc, _ in generate(reports, seed=seed):
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")


def _run_cli_measured(args: list[str]) -> tuple[float, float]:
    """Run `rasad ARGS` in a fresh process: its wall seconds and its peak memory (MB).

    The peak is the process's own high-water mark (VmHWM). ru_maxrss would not do: Linux carries it over
    from the forked copy of this (larger) benchmark process into the child."""
    code = ("import time; from click.testing import CliRunner; from rasad.cli import main; "
            f"t = time.perf_counter(); CliRunner().invoke(main, {args!r}); print(time.perf_counter() - t, "
            "next(line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM:')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, peak_kb = result.stdout.split()[-2:]
    return float(seconds), round(int(peak_kb) / 1024, 1)


def peak_memory_mb(reports: int) -> float:
    """Peak RSS of `rasad extract` over a file of the given size (a fresh process each time)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "docs.jsonl"
        _write_corpus(path, reports, seed=9)
        return _run_cli_measured(["extract", str(path), "-o", str(Path(tmp) / "out.jsonl")])[1]


def bench_gazetteer() -> dict:
    text = (ROOT / "src/rasad/geo/data/gazetteer.tsv").read_text("utf-8")
    started = time.perf_counter()
    Gazetteer.from_tsv(text, set())
    load = time.perf_counter() - started
    gazetteer = default_gazetteer()
    sentences = [normalize(f"وقع الحادث قرب {p.name_ar} في محافظة {p.admin1}").text for p in gazetteer.places if p.name_ar]
    token_lists = [tokenize(s) for s in sentences]
    started = time.perf_counter()
    rounds = 0
    while time.perf_counter() - started < 2:
        for tokens in token_lists:
            gazetteer.find(tokens)
        rounds += 1
    seconds = time.perf_counter() - started
    lookups = sum(len(t) for t in token_lists) * rounds  # every token is a look-up
    return {"load_seconds": round(load, 3), "places": len(gazetteer.places),
            "token_lookups_per_second": round(lookups / seconds)}


def bench_gazetteer_selftest(sample: int = 2000) -> dict:
    """Arabic gazetteer names written into sentences as reports write them: the share resolved to the right
    place (within 5 km: the sources repeat some places), for towns whose name is unique, towns whose name is
    shared, names that are also common words (tried after a cue word, as the geocoder requires), and
    villages, neighbourhoods, districts and sub-districts (after their cue word, in a report that names the
    country and governorate, as the geocoder requires of them)."""
    from rasad.geo.boundaries import haversine_km
    from rasad.geo.gazetteer import MINOR_FEATURES
    from rasad.geo.geocode import Geocoder

    geocoder = Geocoder()
    gazetteer = geocoder.gazetteer
    governorates_ar = {p.admin1: p.name_ar for p in gazetteer.places if p.feature == "admin1"}
    country_ar = {"IQ": "عراقية", "SY": "سورية"}
    minor_cue = {"village": "قرية", "neighbourhood": "حي", "district": "قضاء", "subdistrict": "ناحية"}
    plain = ["في {}", "ب{}", "و{}", "قرب {}", "مدينة {}", "في مدينة {}", "ل{}"]
    cued = ["مدينة {}", "قرب {}", "بلدة {}"]
    tally = {"unique": [0, 0], "shared": [0, 0], "common_word": [0, 0], "minor": [0, 0]}
    places = [p for p in gazetteer.places if p.name_ar and p.feature not in ("admin1", "border", "region")]
    towns = [p for p in places if p.feature not in MINOR_FEATURES]
    minors = [p for p in places if p.feature in MINOR_FEATURES]
    for number, place in enumerate(towns + minors[:: max(1, len(minors) // sample)][:sample]):
        candidates = gazetteer.find(tokenize(normalize(place.name_ar).text))
        if place.feature in MINOR_FEATURES:
            kind = "minor"
            cue = minor_cue[place.feature] if place.country == "IQ" or place.feature != "district" else "منطقة"
            where = f"{cue} {place.name_ar} في محافظة {governorates_ar.get(place.admin1, '')}"
            text = f"أفادت مصادر {country_ar[place.country]} بوقوع حادث في {where} يوم أمس"
        else:
            common = any(m.ambiguous for m in candidates)
            towns = [p for p in gazetteer.lookup(place.name_ar) if p.feature not in MINOR_FEATURES]
            kind = "common_word" if common else ("unique" if len(towns) == 1 else "shared")
            forms = cued if common else plain
            text = "أفادت مصادر بوقوع حادث " + forms[number % len(forms)].format(place.name_ar) + " يوم أمس"
        tokens = tokenize(normalize(text).text)
        found = gazetteer.find(tokens)
        context = geocoder.context(tokens, found)
        resolved = [geocoder.resolve(m, tokens, context).place for m in found if geocoder.usable(m, context)]
        tally[kind][0] += 1
        tally[kind][1] += any(haversine_km(p.lat, p.lon, place.lat, place.lon) <= 5 for p in resolved
                              if p.feature != "admin1")
    return {"cases": sum(n for n, _ in tally.values()), **{f"{k}_names": n for k, (n, _) in tally.items()},
            **{f"{k}_right": round(r / max(1, n), 3) for k, (n, r) in tally.items()}}


def bench_real_reports(shared: Path, rounds: int = 7) -> dict:
    """Extraction speed on the real reports of ../shared/eval/real (best of several rounds, one core), and the
    quality tables of `make eval` (scripts/evaluate.py) in Markdown."""
    docs_path = shared / "eval" / "real" / "docs.jsonl"
    if not docs_path.exists():
        return {"reports": 0, "reports_per_cpu_second": None, "mean_bytes": None, "quality": "not measured: no "
                f"{shared}/eval"}
    rows = [json.loads(line) for line in docs_path.read_text("utf-8").splitlines() if line.strip()]
    documents = [Document(doc_id=r["doc_id"], text=r["text"], published=None) for r in rows]
    extractor = get_extractor("rules")
    for document in documents:
        extractor.extract(document)
    best = 0.0
    for _ in range(rounds):
        started = time.process_time()
        for document in documents:
            extractor.extract(document)
        best = max(best, len(documents) / (time.process_time() - started))
    quality = subprocess.run([sys.executable, str(ROOT / "scripts" / "evaluate.py"), "--shared", str(shared),
                              "--markdown"], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    calibration = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_confidence.py"), "--shared", str(shared)],
                                 capture_output=True, text=True, check=True, cwd=ROOT).stdout
    return {"reports": len(documents), "reports_per_cpu_second": round(best),
            "mean_bytes": round(sum(len(d.text.encode()) for d in documents) / len(documents)), "quality": quality,
            "calibration": calibration}


def bench_document_sizes(sizes_kb: tuple[int, ...] = (10, 100, 1000, 3000, 10000)) -> list[dict]:
    """Extraction time and peak memory of one document of each size (generated reports joined): linear in the
    text, flat in memory (issue 12, item 12)."""
    import tracemalloc

    unit = "\n\n".join(doc["text"] for doc in corpus(200, seed=3))
    extractor = get_extractor("rules")
    extractor.extract(Document(doc_id="warm", text=unit[:5000], published=None))
    rows = []
    for size in sizes_kb:
        text = (unit * (size * 1024 // len(unit.encode()) + 1)).encode()[: size * 1024].decode("utf-8", "ignore")
        tracemalloc.start()
        started = time.process_time()
        extractor.extract(Document(doc_id="one", text=text, published=None))
        seconds = time.process_time() - started
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        rows.append({"kb": size, "seconds": round(seconds, 2), "seconds_per_mb": round(seconds / size * 1024, 2),
                     "peak_mb": round(peak, 1)})
    return rows


def bench_ingest_and_fusion(reports: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        docs_path = Path(tmp) / "docs.jsonl"
        truth: dict[str, int] = {}
        with open(docs_path, "w", encoding="utf-8") as out:
            for doc, row in generate(reports, seed=21):
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")
                if row["events"]:
                    truth[doc["doc_id"]] = row["events"][0]["incident"]
        store = open_store(str(Path(tmp) / "bench.db"))
        started = time.perf_counter()
        run_ingest([str(docs_path)], store, get_extractor("rules"), lambda e: None)
        seconds = time.perf_counter() - started
        predicted = {row[0]: row[1] for row in store.db.execute("SELECT doc_id, event_id FROM mentions")}
        events = store.counts()["events"]
        store.close()
    docs = sorted(set(truth) & set(predicted))
    tp = fp = fn = 0
    for a, b in itertools.combinations(docs, 2):
        same_truth, same_pred = truth[a] == truth[b], predicted[a] == predicted[b]
        tp += same_truth and same_pred
        fp += same_pred and not same_truth
        fn += same_truth and not same_pred
    return {"reports": reports, "seconds": round(seconds, 2), "reports_per_second": round(reports / seconds),
            "events": events, "incidents": len(set(truth.values())),
            "pairwise_precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "pairwise_recall": round(tp / (tp + fn), 3) if tp + fn else None}


def _timed_run(args: list[str]) -> tuple[float, float, str]:
    """Run `rasad ARGS` as its own process (and its children: Dask's workers): wall and CPU seconds, and what it
    wrote on stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "rasad.cli", *args], capture_output=True, check=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stderr


_TIMING = re.compile(r"writes ([\d.]+) s of ([\d.]+) s \(the serial part\), waits ([\d.]+) s(?:; workers ([\d., ]+) MB)?")
PROJECTED_REPORTS = 10_000_000


def bench_archive(reports: int, runs: int = 3) -> dict:
    """`rasad ingest` against `rasad archive ingest` on a local Dask cluster of one worker, then of one a CPU:
    median and range of ``runs`` runs each, wall and CPU time, into fresh stores; the driver's serial part (its
    writes) and each worker's memory as the archive run reports them; and from those, the time ten million
    reports would take on more workers."""
    counts = sorted({1, os.cpu_count() or 2})
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs.jsonl"
        _write_corpus(docs, reports, seed=31)
        results: dict[str, list[tuple[float, float, str]]] = {"single": [], **{f"dask{n}": [] for n in counts}}
        for run in range(runs):
            results["single"].append(_timed_run(["ingest", str(docs), "--db", f"{tmp}/one{run}.db"]))
            for n in counts:
                results[f"dask{n}"].append(_timed_run(["archive", "ingest", str(docs), "--db",
                                                       f"{tmp}/many{n}-{run}.db", "--workers", str(n)]))

    def summary(rows: list[tuple[float, float, str]]) -> dict:
        walls = sorted(wall for wall, _, _ in rows)
        out = {"wall_median": round(statistics.median(walls), 2), "wall_min": round(walls[0], 2),
               "wall_max": round(walls[-1], 2), "cpu_median": round(statistics.median(cpu for _, cpu, _ in rows), 2),
               "per_second": round(reports / statistics.median(walls))}
        timings = [match for _, _, err in rows if (match := _TIMING.search(err))]
        if timings:
            out["write_median"] = round(statistics.median(float(m.group(1)) for m in timings), 2)
            # the ingest itself, the cluster started: what more workers change, without the start every run pays
            out["ingest_median"] = round(statistics.median(float(m.group(2)) for m in timings), 2)
            out["wait_median"] = round(statistics.median(float(m.group(3)) for m in timings), 2)
            memory = [float(mb) for m in timings if m.group(4) for mb in m.group(4).split(",")]
            out["worker_mb_max"] = round(max(memory)) if memory else None
        return out

    figures = {"reports": reports, "workers": counts, "runs": runs, "single": summary(results["single"]),
               **{f"dask{n}": summary(results[f"dask{n}"]) for n in counts}}
    # the driver stores in input order while the workers extract the batches after: a run takes the larger of
    # its serial part and the extraction shared among the workers (one process does both, one after the other)
    serial = figures["dask1"]["write_median"] / reports
    extraction = max(0.0, figures["single"]["wall_median"] / reports - serial)
    figures["projection"] = {n: round(PROJECTED_REPORTS * max(serial, extraction / n) / 60) for n in (8, 32, 128)}
    figures["serial_ms"] = round(serial * 1000, 2)
    return figures


def archive_section(archive: dict) -> str:
    one = archive["single"]
    rows = "".join(
        f"| `rasad archive ingest --workers {n}` | {f['wall_median']} ({f['wall_min']}–{f['wall_max']}) | "
        f"{f['cpu_median']} | {f['per_second']} | {f.get('write_median', '–')} | {f.get('worker_mb_max', '–')} |\n"
        for n in archive["workers"] for f in [archive[f"dask{n}"]])
    scaling = archive[f"dask{archive['workers'][-1]}"]["per_second"] / archive["dask1"]["per_second"]
    projected = ", ".join(f"{n} workers {minutes:,} min" for n, minutes in archive["projection"].items())
    most = archive[f"dask{archive['workers'][-1]}"]
    steady = (f" end to end; within the ingest itself, once the cluster has started (median {archive['dask1']['ingest_median']}"
              f" s against {most['ingest_median']} s), **{archive['dask1']['ingest_median'] / most['ingest_median']:.2f}×**"
              if most.get("ingest_median") and archive["dask1"].get("ingest_median") else "")
    return f"""## Archives (`rasad archive ingest`, Dask)

{archive['reports']:,} generated reports into a fresh SQLite store, {archive['runs']} runs each (median, range); CPU
time counts every process, Dask's workers included; the driver's writes (storing and fusing in input order, the
serial part) and each worker's resident memory as the run reports them. The store ends identical either way
(`tests/test_archive.py`).

| run | wall seconds (median, range) | CPU seconds | reports per second | driver's writes, s | worker MB (max) |
|---|---|---|---|---|---|
| `rasad ingest` (one process) | {one['wall_median']} ({one['wall_min']}–{one['wall_max']}) | {one['cpu_median']} | {one['per_second']} | – | – |
{rows}
{archive['workers'][-1]} workers over 1: **{scaling:.2f}×**{steady}. The serial part is {archive['serial_ms']} ms a report; projected
for {PROJECTED_REPORTS:,} reports (the larger of the serial part and one worker's share of the extraction):
{projected}.

"""


def filters_section(figures: dict | None) -> str:
    if not figures:
        return ""
    rows = "".join(f"| {f['name']} | {f['total']:,} | {f['ms']} / {f['p95_ms']} ms | {_scans(f['plan'])} |\n"
                   for f in figures["filters"])
    loaded = ("by COPY", "`VACUUM ANALYZE`", "the events table and its indexes take") if figures["dialect"] == (
        "PostgreSQL") else ("by batched inserts", "`PRAGMA optimize`", "the file takes")
    return f"""## {figures['dialect']} at {figures['events']:,} events

Filled {loaded[0]} in {figures['fill_seconds']} s (then {loaded[1]}); {loaded[2]}
{figures['events_mb']:,} MB. Each of the API's filters as `rasad db stats` runs it (a page of 100 and the total),
and three more radii (a northern city, a wider circle, an empty desert), p50 / p95 of 21 runs, with the scans of
its count:

| filter | events | p50 / p95 | scans of the count |
|---|---|---|---|
{rows}
"""


def _scans(plan: str) -> str:
    """The tables and indexes a count's plan reads, without their costs."""
    parts = [part for part in plan.split(" | ")
             if ("Scan" in part or part.startswith(("SEARCH", "SCAN"))) and "Function Scan" not in part]
    return "; ".join(re.sub(r"\s+\(cost=.*", "", part) for part in parts)[:120]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", help="Markdown file to write the figures to")
    parser.add_argument("--reports", type=int, default=1000, help="reports for the extraction speed measure")
    parser.add_argument("--many", type=int, default=100_000, help="reports to fuse in one run (time and memory)")
    parser.add_argument("--large", type=int, default=1_000_000, help="events in the large store")
    parser.add_argument("--sync", type=int, default=5_000, help="released events to sync between two nodes")
    parser.add_argument("--busy", type=int, default=10_000, help="reports ingested while the API is measured")
    parser.add_argument("--postgres", type=int, default=1_000_000,
                        help="events in the PostgreSQL store whose filters are timed (0: skip)")
    parser.add_argument("--sqlite", type=int, default=0,
                        help="events in an embedded store whose filters are timed the same way (0: skip)")
    parser.add_argument("--shared", default="../shared", help="the shared folder whose eval/ sets `make eval` scores")
    args = parser.parse_args()
    figures = {
        "extract": bench_extract(args.reports, Path(args.shared)),
        "real": bench_real_reports(Path(args.shared)),
        "sizes": bench_document_sizes(),
        "memory_mb": {str(n): peak_memory_mb(n) for n in (500, 2000)},
        "gazetteer": bench_gazetteer(),
        "gazetteer_selftest": bench_gazetteer_selftest(),
        "ingest_fusion": bench_ingest_and_fusion(2000),
        "many": {str(n): bench_fuse_many(n) for n in sorted({args.many // 10, args.many})},
        "large": bench_large_store(args.large),
        "sync": bench_sync(args.sync),
        "busy": bench_api_under_ingest(args.busy),
        "watch": bench_watch_latency(100),
        "alerts": bench_alerts(1000),
        "brief": bench_briefing(2000),
        "archive": bench_archive(3000),
        "postgres": bench_postgres_store(args.postgres) if args.postgres else None,
        "sqlite": bench_sqlite_store(args.sqlite) if args.sqlite else None,
    }
    print(json.dumps(figures, indent=1, ensure_ascii=False))
    if args.write:
        e, g, s, f = figures["extract"], figures["gazetteer"], figures["gazetteer_selftest"], figures["ingest_fusion"]
        r = figures["real"]
        m = figures["memory_mb"]
        big, small = figures["many"][str(args.many)], figures["many"][str(args.many // 10)]
        large = figures["large"]
        sync = figures["sync"]
        busy = figures["busy"]
        watch, alerts, brief = figures["watch"], figures["alerts"], figures["brief"]
        alone = figures["many"].get(str(busy["reports"]))
        alone_rate = f"{round(alone['reports'] / alone['seconds'])}/s alone" if alone else "n/a"
        Path(args.write).write_text(f"""# Benchmarks

Measured by `make bench` (`benchmarks/bench.py`) on {machine()}, {time.strftime('%Y-%m-%d')}. Re-run it to
refresh this page.

## Extraction quality (`make eval`: every set in `../shared/eval`, each with its own scorer)

{r['quality'].strip()}

The held-back reports and the other half of the peer's sentences are scored the same way by whoever
holds them.

### Confidence, cross-validated (`python scripts/train_confidence.py --shared ../shared`)

The confidence weights are learned on the sets above, so the band table above is in-sample. This
one is not: five folds by report, each fold scored by weights learned on the other four. Lower Brier
score and log loss are better; AUC is how well the score ranks right events above wrong ones.

{r.get('calibration', 'not measured').strip()}

## Extraction (`rasad extract`, rules backend)

| measure | value | goal |
|---|---|---|
| reports per CPU-second (one core), generated Arabic reports of {e['mean_bytes']} bytes on average: median (range) of 3 runs | **{e['generated']['median']}** ({e['generated']['low']}–{e['generated']['high']}), {e['generated']['wall_median']} s wall | ≥ 200 |
| reports per CPU-second, the seed reports repeated ({e.get('seeds', {}).get('reports', 0)} of {e.get('seeds', {}).get('mean_bytes', 0)} bytes on average): median (range) of 3 runs | **{e.get('seeds', {}).get('median', 'n/a')}** ({e.get('seeds', {}).get('low', '')}–{e.get('seeds', {}).get('high', '')}) | measured |
| reports measured / events found | {e['reports']} / {e['events']} | |
| real reports of `../shared/eval/real` ({r['reports']}, {r['mean_bytes']} bytes on average) per CPU-second, best of 7 | **{r['reports_per_cpu_second']}** | measured |
| peak memory of `rasad extract`, 500 reports | {m['500']} MB | flat as input grows |
| peak memory of `rasad extract`, 2,000 reports | {m['2000']} MB | |

One document of growing size (generated reports joined; the extractor's CPU time, and the peak of the memory
it allocates while extracting, traced with tracemalloc, which also slows it):

| size | CPU seconds | seconds per MB | peak memory allocated |
|---|---|---|---|
""" + "".join(f"| {row['kb']:,} KB | {row['seconds']} | {row['seconds_per_mb']} | {row['peak_mb']} MB |\n" for row in figures["sizes"])
            + f"""

## Gazetteer

| measure | value | goal |
|---|---|---|
| load time | {g['load_seconds']} s | ≤ 1 s |
| places | {g['places']} | |
| token look-ups per second | {g['token_lookups_per_second']:,} | ≥ 50,000 |
| self-test: {s['cases']} Arabic names (every town, a sample of the rest) in sentences with clitics and cues, towns of a unique name resolved right (within 5 km) | **{s['unique_right']}** (n={s['unique_names']}) | ≥ 0.95 |
| self-test: names shared by several places, resolved to the intended one | {s['shared_right']} (n={s['shared_names']}) | measured |
| self-test: names that are also common words, after a cue word (مدينة، بلدة، قرب) | {s['common_word_right']} (n={s['common_word_names']}) | measured |
| self-test: villages, neighbourhoods, districts and sub-districts after their cue word, country and governorate named | {s['minor_right']} (n={s['minor_names']}) | measured |

## Ingest and fusion (generated corpus of known truth)

| measure | value | goal |
|---|---|---|
| reports ingested (extract + geocode + fuse + store) | {f['reports']} in {f['seconds']} s ({f['reports_per_second']}/s) | |
| incidents in truth / fused events | {f['incidents']} / {f['events']} | |
| pairwise precision of "same incident" | **{f['pairwise_precision']}** | ≥ 0.95 |
| pairwise recall of "same incident" | **{f['pairwise_recall']}** | ≥ 0.90 |

## Scale

| measure | value | goal |
|---|---|---|
| ingest and fuse {small['reports']:,} reports in one run (`rasad ingest`) | {small['seconds']} s, peak {small['peak_mb']} MB | |
| ingest and fuse {big['reports']:,} reports in one run | **{big['seconds']} s**, peak **{big['peak_mb']} MB** | minutes, bounded memory |
| add 1,000 reports to a store of {large['events']:,} events | **{large['add_1000_reports_seconds']} s** | seconds |
| filter queries on that store (governorate, type and date, date range, radius, full text, confidence), p50 / p95 | {large['query_p50_ms']} / **{large['query_p95_ms']} ms** | p95 ≤ 200 ms |
| dashboard's first view on that store in headless Chromium (map and list drawn), p50 / p95 of 3 fresh pages | **{large['dashboard']['first_view_s'][0]} / {large['dashboard']['first_view_s'][1]} s** | ≤ 1.5 s |
| a filter applied in the dashboard (type, until the summary changes), p50 / p95 | **{large['dashboard']['filter_ms'][0]} / {large['dashboard']['filter_ms'][1]} ms** | ≤ 300 ms |
| a zoom step: the longest frame while the map zooms in, p50 / p95 | **{large['dashboard']['zoom_frame_ms'][0]} / {large['dashboard']['zoom_frame_ms'][1]} ms** | ≤ 100 ms |

## The API while an ingest runs

`rasad serve` and `rasad ingest` of {busy['reports']:,} reports into the same store (of 2,000 reports
before), as separate processes; the dashboard's usual calls ({", ".join(f"`{c}`" for c in API_CALLS)})
one after another throughout.

| measure | value | goal |
|---|---|---|
| API p50 / p95, idle | {busy['idle_p50_ms']} / {busy['idle_p95_ms']} ms | |
| API p50 / p95 during the ingest ({busy['busy_requests']:,} calls) | {busy['busy_p50_ms']} / **{busy['busy_p95_ms']} ms** | p95 < 2 × idle |
| ingest under that load | {busy['ingest_seconds']} s: **{busy['ingest_per_second']}/s** ({alone_rate}) | |

## Sharing between partner nodes

| measure | value | goal |
|---|---|---|
| pull {sync['records']:,} released events from a partner over HTTP on loopback (signed bundles of {sync['page']}, checked and applied) | {sync['pull_seconds']} s: **{sync['pull_records_per_second']:,} records/s** | measured |
| push the same events to a third node | {sync['push_seconds']} s: **{sync['push_records_per_second']:,} records/s** | measured |
| the same events pulled with coarsening to the governorate for the recipient | {sync['coarse_records_per_second']:,} records/s | measured |

{watch_section(watch, alerts, brief)}
{archive_section(figures["archive"])}{filters_section(figures["postgres"])}{filters_section(figures["sqlite"])}The generated corpus is Rasad's own (`rasad generate`): it measures throughput and the handling of
many surface forms, not accuracy on real reports.
""", encoding="utf-8")



def _synthetic_rows(count: int, seed: int = 1):
    """``count`` plausible event rows (no reports behind them), as lists in EVENT_COLUMNS order."""
    import random

    from rasad.store.store import EVENT_COLUMNS

    rng = random.Random(seed)
    places = [p for p in default_gazetteer().places if p.feature == "city"]
    kinds = [("Battles", "Armed clash"), ("Strategic developments", "Arrests"),
             ("Explosions/Remote violence", "Remote explosive/landmine/IED"), ("Explosions/Remote violence",
                                                                              "Air/drone strike")]
    for number in range(count):
        place = rng.choice(places)
        kind = rng.choice(kinds)
        day = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        row = {"event_id": f"evt_s{number:013d}", "event_type": kind[0], "sub_event_type": kind[1], "tags": "[]",
               "event_date": day, "time_precision": 1, "actor1": "Military Forces of Iraq", "actor2": "Islamic State",
               "country": place.country, "admin1": place.admin1, "location": place.name, "location_ar": place.name_ar,
               "latitude": place.lat + rng.uniform(-0.05, 0.05), "longitude": place.lon + rng.uniform(-0.05, 0.05),
               "geo_precision": 1, "confidence": round(rng.random(), 2), "source_count": 1, "created_at": day,
               "updated_at": day, "review_state": "unreviewed", "conflicting": 0, "first_reported": day,
               "last_reported": day}
        yield [row.get(name) for name in EVENT_COLUMNS]


def _synthetic_events(store, count: int, seed: int = 1) -> None:
    """Fill a store with ``count`` plausible events (no reports behind them) for scale measures; PostgreSQL
    through COPY, the way an archive's bulk load goes."""
    from rasad.store.store import EVENT_COLUMNS

    columns = ", ".join(EVENT_COLUMNS)
    if store.db.dialect == "postgresql":
        with store.db.connection.cursor().copy(f"COPY events ({columns}) FROM STDIN") as copy:
            for values in _synthetic_rows(count, seed):
                copy.write_row(values)
        store.optimize(bulk=True)
        return
    marks = ", ".join("?" * len(EVENT_COLUMNS))
    batch = []
    for values in _synthetic_rows(count, seed):
        batch.append(values)
        if len(batch) == 20_000:
            with store.transaction():
                for row in batch:
                    store.db.execute(f"INSERT INTO events ({columns}) VALUES ({marks})", row)
            batch.clear()
    with store.transaction():
        for row in batch:
            store.db.execute(f"INSERT INTO events ({columns}) VALUES ({marks})", row)
    store.optimize(bulk=True)  # as after any load


def bench_postgres_store(events: int) -> dict:
    """The API's filters on a PostgreSQL store of ``events`` events (filled by COPY), p50/p95, and the fill time.
    Needs PostgreSQL's server programs (`make test` installs them)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.postgres import database, server

    with server() as url, database(url) as db_url:
        return _filter_timings(db_url, events)


def bench_sqlite_store(events: int) -> dict:
    """The same filters on the embedded store of ``events`` events (batched inserts)."""
    with tempfile.TemporaryDirectory() as folder:
        return _filter_timings(str(Path(folder) / "filters.db"), events)


def _filter_timings(url: str, events: int) -> dict:
    """Fill the store at ``url`` with ``events`` events, then time the API's filters and three more radii (a northern
    city, a wider circle, an empty desert), 21 runs each."""
    from rasad.store.stats import STANDARD_FILTERS, table_sizes, time_standard_filters
    from rasad.store.store import EventFilter

    radii_elsewhere = {"within 30 km of Mosul": EventFilter(near=(36.34, 43.13, 30)),
                       "within 50 km of Baghdad": EventFilter(near=(33.31, 44.37, 50)),
                       "within 10 km, empty desert": EventFilter(near=(34.0, 39.0, 10))}
    store = open_store(url)
    started = time.perf_counter()
    _synthetic_events(store, events)
    fill = time.perf_counter() - started
    timings = time_standard_filters(store, runs=21, filters={**STANDARD_FILTERS, **radii_elsewhere})
    size = table_sizes(store)[0]["bytes"] if store.db.dialect == "postgresql" else sum(
        path.stat().st_size for path in (Path(url), Path(f"{url}-wal")) if path.exists())
    store.close()
    return {"events": events, "dialect": "PostgreSQL" if url.startswith("postgresql") else "SQLite",
            "fill_seconds": round(fill, 1), "events_mb": round((size or 0) / 1e6),
            "filters": [{"name": t.name, "ms": t.milliseconds, "p95_ms": t.p95_milliseconds, "total": t.total,
                         "plan": t.plan} for t in timings]}


def bench_sync(records: int, page: int = 200) -> dict:
    """Records per second between partner nodes on loopback: pulled, pushed, and pulled coarsened."""
    from tests.servers import Server

    from rasad.share.node import Node
    from rasad.share.sync import HttpTransport, sync_partner
    from rasad.web.app import create_app

    with tempfile.TemporaryDirectory() as folder:
        paths = {org: f"{folder}/{org}.db" for org in ("IQ", "SY", "SDF", "JOC")}
        servers = {org: Server(create_app(path)) for org, path in paths.items()}
        urls = {org: f"http://127.0.0.1:{server.port}" for org, server in servers.items()}
        nodes = {org: Node(open_store(path)) for org, path in paths.items()}
        for org, node in nodes.items():
            node.init(org, url=urls[org])
        for org, node in nodes.items():
            for other, peer in nodes.items():
                if other != org:
                    node.add_partner(other, peer.identity()["public_key"], urls[other])
        iq = nodes["IQ"]
        _synthetic_events(iq.store, records)
        for number in range(records):
            iq.release("event", f"evt_s{number:013d}", {"distribution": "all", "tlp": "GREEN",
                                                         "coarsen": {"JOC": "admin1"}}, "bench")
        transport = HttpTransport()
        with servers["IQ"], servers["SDF"]:
            started = time.perf_counter()
            pulled = sync_partner(nodes["SY"], "IQ", transport, page).pulled
            pull_seconds = time.perf_counter() - started
            started = time.perf_counter()
            pushed = sync_partner(iq, "SDF", transport, page).pushed
            push_seconds = time.perf_counter() - started
            started = time.perf_counter()
            coarse = sync_partner(nodes["JOC"], "IQ", transport, page).pulled
            coarse_seconds = time.perf_counter() - started
        for node in nodes.values():
            node.store.close()
    assert pulled == pushed == coarse == records, (pulled, pushed, coarse)
    return {"records": records, "page": page, "pull_seconds": round(pull_seconds, 2),
            "pull_records_per_second": round(records / pull_seconds), "push_seconds": round(push_seconds, 2),
            "push_records_per_second": round(records / push_seconds),
            "coarse_records_per_second": round(records / coarse_seconds)}


def bench_large_store(events: int) -> dict:
    """Adding 1,000 reports to a store of ``events`` events, and filter queries on it (p50/p95)."""
    import statistics

    from rasad.store.store import EventFilter

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "large.db"))
        started = time.perf_counter()
        _synthetic_events(store, events)
        fill = time.perf_counter() - started
        docs_path = Path(tmp) / "docs.jsonl"
        with open(docs_path, "w", encoding="utf-8") as out:
            for doc, _ in generate(1000, seed=33):
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")
        started = time.perf_counter()
        run_ingest([str(docs_path)], store, get_extractor("rules"), lambda e: None)
        add = time.perf_counter() - started
        filters = [EventFilter(admin1="Kirkuk"), EventFilter(event_type="Battles", since="2024-01-01"),
                   EventFilter(since="2025-06-01", until="2025-06-30"), EventFilter(near=(34.39, 40.99, 30)),
                   EventFilter(admin1="al-hasakeh", event_type="Strategic developments"),
                   EventFilter(text="الحويجة"), EventFilter(min_confidence=0.9, sort="confidence")]
        timings = []
        for _ in range(15):
            for flt in filters:
                started = time.perf_counter()
                store.query_events(flt)
                timings.append((time.perf_counter() - started) * 1000)
        store.close()
        dashboard = dashboard_timings(str(Path(tmp) / "large.db"))
    timings.sort()
    return {"events": events, "fill_seconds": round(fill, 1), "add_1000_reports_seconds": round(add, 2),
            "query_p50_ms": round(statistics.median(timings), 1),
            "query_p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1), "dashboard": dashboard}


def dashboard_timings(db: str) -> dict | None:
    """The dashboard on a store in headless Chromium, three fresh pages: the first view (map and list drawn), a
    filter (a type applied until the summary changes), and a zoom (the longest frame while the map zooms in one
    step); each as p50 / p95 in seconds or milliseconds."""
    import shutil

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    chromium = shutil.which("chromium")
    if not chromium:
        return None
    from tests.servers import Server
    from tests.test_browser import CHROMIUM_ARGS

    from rasad.web.app import create_app

    first, filtered, frames = [], [], []
    with Server(create_app(db)) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for _ in range(3):  # three fresh pages: the first also pays for cold disk caches
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(url + "/static/style.css")  # warm the server, not the page
            started = time.perf_counter()
            page.goto(url)
            page.wait_for_selector("#points .event, #points .cluster")  # points, or counts by cell past 3,000
            page.wait_for_selector("#list li")
            first.append(time.perf_counter() - started)
            page.wait_for_load_state("networkidle")
            before = page.locator("#summary").inner_text()
            page.select_option("#filters [name=type]", "Battles")
            started = time.perf_counter()
            page.click("#filters button[type=submit]")
            page.wait_for_function(f"document.querySelector('#summary').innerText !== {before!r}")
            filtered.append(time.perf_counter() - started)
            longest = page.evaluate("""() => new Promise((done) => {
                let last = performance.now(), longest = 0, running = true;
                const tick = (now) => { longest = Math.max(longest, now - last); last = now; if (running) requestAnimationFrame(tick); };
                requestAnimationFrame(tick);
                map.once("zoomend", () => setTimeout(() => { running = false; done(longest); }, 300));
                map.zoomIn(1);
            })""")
            frames.append(longest / 1000)
            page.close()
        browser.close()

    def spread(values: list[float], scale: float, digits: int) -> tuple[float, float]:
        ordered = sorted(values)
        return round(statistics.median(ordered) * scale, digits), round(ordered[-1] * scale, digits)  # p95 of 3: the max

    return {"first_view_s": spread(first, 1, 2), "filter_ms": spread(filtered, 1000, 0), "zoom_frame_ms": spread(frames, 1000, 0)}


API_CALLS = ("/api/events?limit=100", "/api/stats?by=week", "/api/events?type=Battles&limit=50", "/api/me")


def _api_timings(url: str, until: Any, least: int = 200) -> list[float]:
    """Milliseconds of the dashboard's usual calls, round after round, until ``until()`` (and at least ``least``)."""
    import httpx

    timings: list[float] = []
    with httpx.Client(base_url=url, timeout=60) as client:
        while len(timings) < least or not until():
            for call in API_CALLS:
                started = time.perf_counter()
                client.get(call).raise_for_status()
                timings.append((time.perf_counter() - started) * 1000)
    return sorted(timings)


def _p95(timings: list[float]) -> float:
    return round(timings[int(len(timings) * 0.95) - 1], 1)


def bench_api_under_ingest(reports: int, port: int = 8765) -> dict:
    """The API's p95 while `rasad ingest` of ``reports`` reports runs into its store, against its idle p95,
    and the ingest's throughput under that load (the server and the ingest are separate processes)."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "busy.db")
        seed_path, docs_path = Path(tmp) / "seed.jsonl", Path(tmp) / "docs.jsonl"
        _write_corpus(seed_path, 2000, seed=45)
        _write_corpus(docs_path, reports, seed=44)
        rasad = [sys.executable, "-c", "from rasad.cli import main; main()"]
        subprocess.run([*rasad, "ingest", str(seed_path), "--db", db], check=True, capture_output=True)
        server = subprocess.Popen([*rasad, "serve", "--db", db, "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            import httpx

            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    httpx.get(url + "/healthz", timeout=1)
                    break
                except httpx.TransportError:
                    time.sleep(0.2)
            idle = _api_timings(url, until=lambda: True, least=400)
            started = time.perf_counter()
            ingest = subprocess.Popen([*rasad, "ingest", str(docs_path), "--db", db],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            busy = _api_timings(url, until=lambda: ingest.poll() is not None)
            seconds = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(10)
    return {"reports": reports, "idle_p50_ms": round(idle[len(idle) // 2], 1), "idle_p95_ms": _p95(idle),
            "busy_p50_ms": round(busy[len(busy) // 2], 1), "busy_p95_ms": _p95(busy), "busy_requests": len(busy),
            "ingest_seconds": round(seconds, 1), "ingest_per_second": round(reports / seconds)}


def bench_watch_latency(items: int) -> dict:
    """From an item appearing in a loopback feed to its event answering in the API: a local feed publishes the
    items one at a time; after each, the watch polls (as it would when the source falls due) and the API is
    asked until the item's report is stored with its events. The polling interval comes on top of this."""
    import statistics

    from fastapi.testclient import TestClient

    from rasad.demo.feed import DemoFeed
    from rasad.ingest.fetch import PoliteFetcher
    from rasad.watch.sources import Source
    from rasad.watch.watcher import Watcher
    from rasad.web.app import create_app

    docs = [doc for doc, row in generate(items * 3, seed=61) if row["events"]][:items]
    timings = []
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "watch.db")
        feed = DemoFeed(docs, Path(tmp) / "feed", step=10**9)
        url = feed.start()
        store = open_store(db)
        watcher = Watcher(store, [Source("bench", url, interval=60)], get_extractor("rules"),
                          PoliteFetcher(host_interval=0, backoff=0))
        api = TestClient(create_app(db), base_url="http://127.0.0.1")
        watcher.run_once(every=True)  # the first item
        for _ in range(items - 1):
            time.sleep(1.01)  # the standard library's server dates its file to the second
            feed.publish()
            started = time.perf_counter()
            before = api.get("/api/events?limit=1").json()["total"]
            watcher.run_once(every=True)
            while api.get("/api/events?limit=1").json()["total"] == before:  # fused into a known event: stored
                if store.counts()["documents"] >= feed.published:
                    break
            timings.append(time.perf_counter() - started)
        feed.stop()
        watcher.fetcher.close()
        store.close()
    timings.sort()
    return {"items": len(timings), "p50_ms": round(statistics.median(timings) * 1000, 1),
            "p95_ms": round(timings[int(len(timings) * 0.95) - 1] * 1000, 1)}


def bench_alerts(events: int) -> dict:
    """Alerts delivered per second: one rule that matches every event, to the dashboard channel (logged in the
    store), for ``events`` new events, each alert one message (the digest threshold raised out of the way)."""
    from rasad.alerts import engine as alert_engine
    from rasad.alerts.engine import AlertEngine
    from rasad.alerts.rules import RuleSpec

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "alerts.db"))
        store.add_alert_rule("bench", "everything", RuleSpec("dashboard").to_dict())
        docs_path = Path(tmp) / "docs.jsonl"
        _write_corpus(docs_path, events * 2, seed=62)
        run_ingest([str(docs_path)], store, get_extractor("rules"), lambda e: None)
        threshold, alert_engine.DIGEST_OVER = alert_engine.DIGEST_OVER, 10**9
        try:
            started = time.perf_counter()
            (run,) = AlertEngine(store).run()
            seconds = time.perf_counter() - started
        finally:
            alert_engine.DIGEST_OVER = threshold
        store.close()
    return {"alerts": run.delivered, "seconds": round(seconds, 2), "per_second": round(run.delivered / seconds)}


def bench_briefing(events: int) -> dict:
    """Time to write the weekly briefing (PDF, Arabic) for a week of about ``events`` events."""
    from datetime import date, timedelta

    from rasad.brief.render import write
    from rasad.brief.report import gather
    from rasad.model import Event

    week = date(2026, 11, 16)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "brief.db"))
        places = [p for p in default_gazetteer().places if p.admin1 and p.country in ("IQ", "SY")]
        gazetteer = places[:: max(1, len(places) // (2 * events))]  # spread over both countries: neighbours fuse
        kinds = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
                 ("Strategic developments", "Arrests"), ("Violence against civilians", "Attack")]
        with store.transaction():
            for n in range(2 * events):  # twice as many reports: about half fuse with a neighbour's
                place = gazetteer[n % len(gazetteer)]
                kind, sub = kinds[n % len(kinds)]
                doc_id = f"b{n}"
                store.add_document(Document(doc_id=doc_id, text=f"تقرير تجريبي رقم {n}"), deduplicate=False)
                store.add_mention(Event(doc_id=doc_id, event_type=kind, sub_event_type=sub,
                                        event_date=(week + timedelta(days=n % 7)).isoformat(), time_precision=1,
                                        country=place.country, admin1=place.admin1, location=place.name,
                                        latitude=place.lat, longitude=place.lon,
                                        geo_precision=1, fatalities=n % 3), 0)
        started = time.perf_counter()
        content = gather(store, week, "AMBER")
        write(content, "ar", Path(tmp) / "brief.pdf")
        seconds = time.perf_counter() - started
        size = (Path(tmp) / "brief.pdf").stat().st_size
        store.close()
    return {"events": len(content.events), "seconds": round(seconds, 2), "pdf_kb": round(size / 1024)}


def watch_section(watch: dict, alerts: dict, brief: dict) -> str:
    return f"""## Continuous watch, alerts and the briefing

| measure | value | goal |
|---|---|---|
| a new item in a loopback feed to its event in the API, once the source is polled (p50 / p95 over {watch['items']} items) | {watch['p50_ms']} / **{watch['p95_ms']} ms** | measured; the source's interval comes on top |
| alerts delivered (one rule matching every event, dashboard channel, one alert each) | {alerts['alerts']:,} in {alerts['seconds']} s: **{alerts['per_second']:,}/s** | measured |
| the weekly briefing, Arabic PDF, for a week of {brief['events']:,} events | **{brief['seconds']} s**, {brief['pdf_kb']} KB | measured |
"""


def bench_fuse_many(reports: int) -> dict:
    """Ingesting (and fusing) many reports in a fresh process: time and peak memory."""
    with tempfile.TemporaryDirectory() as tmp:
        docs_path = Path(tmp) / "docs.jsonl"
        _write_corpus(docs_path, reports, seed=44)
        seconds, peak = _run_cli_measured(["ingest", str(docs_path), "--db", str(Path(tmp) / "many.db")])
    return {"reports": reports, "seconds": round(seconds, 1), "peak_mb": peak}


if __name__ == "__main__":
    main()
