"""Score extraction on every evaluation set in ../shared/eval that is present, in one table.

    python scripts/evaluate.py [--shared ../shared] [--markdown]

Each set is extracted with ``rasad extract`` (the contract of ../shared/eval/README.md) and scored
with the set's own scorer: ``score.py`` for ``dev`` and ``real``, ``gsr/score_gsr.py`` for the
peer's sentences. Also prints precision by confidence band: on ``real`` an event is right when the
scorer matches it to a coded event; on ``gsr`` a sentence's events are right when annotators
accepted the sentence for the class of the event's type, wrong when they rejected it.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01))
TYPED_SETS = ("dev", "real")
FIELDS = ("admin1", "within_25km", "date_exact", "actor1", "geo_precision")
COUNTS = ("fatalities", "wounded", "arrested")


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract(docs: Path, out: Path) -> list[dict]:
    rasad = Path(sys.executable).with_name("rasad")
    subprocess.run([str(rasad), "extract", str(docs), "-o", str(out)], check=True)
    return [json.loads(line) for line in out.read_text("utf-8").splitlines() if line.strip()]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def band_of(confidence: float | None) -> int:
    value = confidence or 0.0
    return next(k for k, (low, high) in enumerate(BANDS) if low <= value < high)


def typed_bands(scorer: ModuleType, gold: list[dict], predicted: list[dict]) -> list[list[int]]:
    """[right, total] per confidence band: right when the scorer matches the event to a coded one."""
    bands = [[0, 0] for _ in BANDS]
    by_doc: dict[str, list[dict]] = {}
    for event in predicted:
        by_doc.setdefault(str(event["doc_id"]), []).append(event)
    for row in gold:
        preds = by_doc.get(str(row["doc_id"]), [])
        matched = {j for _, j in scorer.match(row.get("events") or [], preds, True)}
        for j, event in enumerate(preds):
            band = bands[band_of(event.get("confidence"))]
            band[0] += j in matched
            band[1] += 1
    return bands


def gsr_bands(scorer: ModuleType, gold: list[dict], predicted: list[dict]) -> list[list[int]]:
    """[right, total] per confidence band over sentences the annotators accepted or rejected."""
    labels = {g["doc_id"]: g for g in gold}
    bands = [[0, 0] for _ in BANDS]
    for event in predicted:
        row = labels.get(event["doc_id"])
        if row is None or row["label"] == "ambiguous" or event["event_type"] not in scorer.TYPES[row["class"]]:
            continue
        band = bands[band_of(event.get("confidence"))]
        band[0] += row["label"] == "yes"
        band[1] += 1
    return bands


def fusion(docs: Path, gold: list[dict], folder: Path) -> tuple[float | None, float | None, int]:
    """Pairwise fusion over the set's clusters (gold notes "cluster:X"): recall, the share of report pairs of
    one incident that end up sharing a stored event after ``rasad ingest``; precision, the share of report
    pairs sharing an event that are such pairs."""
    from rasad.extract.base import get_extractor
    from rasad.pipeline import run_ingest
    from rasad.store.store import open_store

    clusters: dict[str, set[str]] = {}
    for row in gold:
        for event in row.get("events") or []:
            for label in re.findall(r"cluster:(\w+)", event.get("note") or ""):
                clusters.setdefault(label, set()).add(str(row["doc_id"]))
    wanted = {pair for members in clusters.values() for pair in itertools.combinations(sorted(members), 2)}
    database = folder / "fusion.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    with open_store(str(database)) as store:
        run_ingest([str(docs)], store, get_extractor("rules"), lambda error: None)
        events = {str(row["doc_id"]): set(store.events_of_document(str(row["doc_id"]))) for row in gold}
    together = {(a, b) for a, b in itertools.combinations(sorted(events), 2) if events[a] & events[b]}
    recall = len(wanted & together) / len(wanted) if wanted else None
    precision = len(wanted & together) / len(together) if together else None
    return recall, precision, len(wanted)


def pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}"


def table(rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows[1:]])
    widths = [max(len(row[k]) for row in rows) for k in range(len(rows[0]))]
    return "\n".join("  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)) for row in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=Path("build"))
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables (for docs/benchmarks.md)")
    args = parser.parse_args()
    evaluation = args.shared / "eval"
    args.out.mkdir(parents=True, exist_ok=True)
    typed_rows = [["set", "reports", "P", "R", "F1", *FIELDS, *COUNTS]]
    band_rows = [["set", *(f"{low:.2f}–{min(high, 1):.2f}" for low, high in BANDS)]]
    gsr_rows, fusion_rows = [], [["set", "report pairs of one incident", "pairwise recall", "pairwise precision"]]
    scorer = load_scorer(evaluation / "score.py")
    for name in TYPED_SETS:
        folder = evaluation / name
        if not (folder / "gold.jsonl").exists():
            continue
        gold = read_jsonl(folder / "gold.jsonl")
        predicted = extract(folder / "docs.jsonl", args.out / f"{name}-events.jsonl")
        result = scorer.score(gold, predicted)
        typed = result["typed"]
        typed_rows.append([name, str(result["docs"]), pct(typed["precision"]), pct(typed["recall"]), pct(typed["f1"]),
                           *(f"{pct(result['fields'][f])} ({result['fields_n'][f]})" for f in FIELDS),
                           *(f"{pct(result['counts'][c])} ({result['counts_n'][c]})" for c in COUNTS)])
        recall, precision, pairs = fusion(folder / "docs.jsonl", gold, args.out)
        if pairs:
            fusion_rows.append([name, str(pairs), pct(recall), pct(precision)])
        if name != "dev":
            bands = typed_bands(scorer, gold, predicted)
            band_rows.append([name, *(f"{pct(r / n if n else None)} ({n})" for r, n in bands)])
    folder = evaluation / "gsr"
    if (folder / "gold.jsonl").exists():
        gsr_scorer = load_scorer(folder / "score_gsr.py")
        gold = read_jsonl(folder / "gold.jsonl")
        predicted = extract(folder / "docs.jsonl", args.out / "gsr-events.jsonl")
        completed = subprocess.run([sys.executable, str(folder / "score_gsr.py"), "--gold", str(folder / "gold.jsonl"),
                                    "--pred", str(args.out / "gsr-events.jsonl"), "--json"],
                                   check=True, capture_output=True, text=True)
        result = json.loads(completed.stdout)
        assault = result["assault_iraq_syria"]
        gsr_rows = [["gsr", "assault IQ/SY recall", "assault IQ/SY false alarms", "protest recall", "false-place rate"],
                    ["gsr", f"{pct(assault['recall'])} ({assault['positives']})",
                     f"{pct(assault['false_alarm_rate'])} ({assault['negatives']})",
                     f"{pct(result['protest_all']['recall'])} ({result['protest_all']['positives']})",
                     f"{pct(result['false_place']['false_place_rate'])} ({result['false_place']['with_event']}/"
                     f"{result['false_place']['sentences']})"]]
        band_rows.append(["gsr", *(f"{pct(r / n if n else None)} ({n})" for r, n in gsr_bands(gsr_scorer, gold, predicted))])
    if len(typed_rows) == 1 and not gsr_rows:
        print(f"no evaluation sets under {evaluation}", file=sys.stderr)
        return 1
    print("Typed events (P/R/F1) and fields over matched events, % (n):")
    print(table(typed_rows, args.markdown))
    if gsr_rows:
        print("\nPeer sentences (score_gsr.py), % (n):")
        print(table(gsr_rows, args.markdown))
    if len(fusion_rows) > 1:
        print("\nOne incident across outlets (rasad ingest of the set), %:")
        print(table(fusion_rows, args.markdown))
    print("\nPrecision by confidence band, % right (events; in-sample: the weights were learned on these sets, "
          "scripts/train_confidence.py gives the cross-validated table):")
    print(table(band_rows, args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
