"""Learn the confidence weights (src/rasad/extract/data/confidence.toml) from the labelled sets.

    python scripts/train_confidence.py [--shared ../shared] [--write]

Every set of ``../shared/eval`` that is present is extracted with the rules extractor and each event
is labelled: on ``dev`` and ``real`` it is right when the set's scorer matches it to a coded event; on
``gsr`` it is right when the annotators accepted its sentence for the class of the event's type, wrong
when they rejected it (ambiguous sentences and types outside the class are left out), as
``scripts/evaluate.py`` counts them. A logistic regression (scikit-learn, L2, C=1, lbfgs:
deterministic) maps the factors of :data:`rasad.extract.confidence.FACTORS` to that label, one for
reports of several sentences and one for lone sentences (``KINDS``).

The ablation is cross-validated: five folds by report (a report's events are never split between
training and test), so every figure below is scored on reports the model did not see. It compares the
learned weights with the hand-set score Rasad used before (written out here from the same factors)
and with the base rate. ``--write`` then fits on everything and writes the data file.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import zlib
from pathlib import Path
from types import ModuleType

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score

from rasad.extract.confidence import DATA, FACTORS, KINDS, Calibration, Weights, kind_of, write_calibration
from rasad.extract.rules import RuleExtractor
from rasad.ingest.readers import read_documents

FOLDS = 5
BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01))


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def explained(extractor: RuleExtractor, docs: Path) -> dict[str, list[tuple[dict, dict[str, float]]]]:
    """Per report: its events (as output records) with their factors."""

    def problem(error: Exception) -> None:
        raise SystemExit(f"{docs}: {error}")

    out: dict[str, list[tuple[dict, dict[str, float]]]] = {}
    for document in read_documents([str(docs)], problem):
        out[str(document.doc_id)] = [(event.to_dict(), factors) for event, factors in extractor.explain(document)]
    return out


def labelled(shared: Path) -> tuple[list[dict[str, float]], list[int], list[str], list[str]]:
    """Factors, labels, report keys and set names of every labelled event."""
    extractor = RuleExtractor()
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    reports: list[str] = []
    sets: list[str] = []
    evaluation = shared / "eval"
    scorer = load(evaluation / "score.py")
    for name in ("dev", "real"):
        folder = evaluation / name
        if not (folder / "gold.jsonl").exists():
            continue
        events = explained(extractor, folder / "docs.jsonl")
        for gold in read_jsonl(folder / "gold.jsonl"):
            predicted = events.get(str(gold["doc_id"]), [])
            matched = {j for _, j in scorer.match(gold.get("events") or [], [e for e, _ in predicted], True)}
            for j, (_, factors) in enumerate(predicted):
                rows.append(factors)
                labels.append(int(j in matched))
                reports.append(f"{name}:{gold['doc_id']}")
                sets.append(name)
    folder = evaluation / "gsr"
    if (folder / "gold.jsonl").exists():
        types = load(folder / "score_gsr.py").TYPES
        events = explained(extractor, folder / "docs.jsonl")
        for gold in read_jsonl(folder / "gold.jsonl"):
            if gold["label"] == "ambiguous":
                continue
            for event, factors in events.get(str(gold["doc_id"]), []):
                if event["event_type"] in types[gold["class"]]:
                    rows.append(factors)
                    labels.append(int(gold["label"] == "yes"))
                    reports.append(f"gsr:{gold['doc_id']}")
                    sets.append("gsr")
    return rows, labels, reports, sets


def matrix(rows: list[dict[str, float]]) -> np.ndarray:
    return np.array([[row.get(name, 0.0) for name in FACTORS] for row in rows])


def hand_set(row: dict[str, float]) -> float:
    """The score Rasad used before the learned one, from the same factors."""
    score = 0.35 + (0.15 if row.get("strong_trigger") else 0.05)
    score += 0.15 * row.get("place_clause", 0) + 0.08 * row.get("place_sentence", 0) + 0.03 * row.get("place_elsewhere", 0)
    score += 0.1 * row.get("precision_exact", 0) + 0.05 * row.get("precision_near", 0)
    dated = ("date_clause", "date_sentence", "date_context", "date_publication")
    score += sum(w * row.get(k, 0) for w, k in zip((0.1, 0.08, 0.04, 0.02), dated, strict=True))
    score -= 0.1 if not any(row.get(k) for k in dated) else 0.0
    score += 0.1 * (row.get("actor_named", 0) or row.get("actor_unidentified", 0)) + 0.05 * row.get("counts", 0)
    score += 0.05 * row.get("retold", 0)
    return max(0.05, min(0.99, score))


def fold_of(report: str) -> int:
    return zlib.crc32(report.encode("utf-8")) % FOLDS


def fit(x: np.ndarray, y: np.ndarray) -> Weights:
    """Logistic weights, or the base rate alone where the rows hold one label only."""
    if len(set(y.tolist())) < 2:
        rate = min(max(float(y.mean()) if len(y) else 0.5, 0.01), 0.99)
        return Weights(round(float(np.log(rate / (1 - rate))), 4), {})
    model = LogisticRegression(C=1.0, solver="lbfgs", max_iter=2000).fit(x, y)
    return Weights(round(float(model.intercept_[0]), 4),
                   {name: round(float(w), 4) for name, w in zip(FACTORS, model.coef_[0], strict=True)})


def fit_kinds(x: np.ndarray, y: np.ndarray, kinds: np.ndarray) -> Calibration:
    """One set of weights per kind of document, each learned on its own kind."""
    return Calibration({kind: fit(x[kinds == kind], y[kinds == kind]) for kind in KINDS})


def bands(scores: np.ndarray, y: np.ndarray) -> str:
    cells = []
    for low, high in BANDS:
        inside = (scores >= low) & (scores < high)
        n = int(inside.sum())
        cells.append(f"{100 * y[inside].mean():.1f} ({n})" if n else "n/a (0)")
    return " | ".join(cells)


def report(name: str, scores: np.ndarray, y: np.ndarray, ranks: bool = True) -> str:
    """A table row: Brier score, log loss, AUC (where the score ranks and both labels occur), bands."""
    auc = f"{roc_auc_score(y, scores):.3f}" if ranks and 0 < y.sum() < len(y) else "n/a"
    loss = log_loss(y, np.clip(scores, 1e-6, 1 - 1e-6), labels=[0, 1])
    return f"| {name} | {brier_score_loss(y, scores):.3f} | {loss:.3f} | {auc} | {bands(scores, y)} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--write", action="store_true", help=f"fit on every set and write {DATA.name}")
    args = parser.parse_args()
    rows, labels, reports, sets = labelled(args.shared)
    if not rows:
        print(f"no labelled sets under {args.shared / 'eval'}", file=sys.stderr)
        return 1
    x, y = matrix(rows), np.array(labels)
    folds = np.array([fold_of(r) for r in reports])
    kinds = np.array([kind_of(row) for row in rows])
    learned = np.zeros(len(y))
    for k in range(FOLDS):
        test = folds == k
        calibration = fit_kinds(x[~test], y[~test], kinds[~test])
        learned[test] = [calibration.probability(rows[i]) for i in np.flatnonzero(test)]
    hand = np.array([hand_set(row) for row in rows])
    base = np.zeros(len(y))
    for k in range(FOLDS):
        base[folds == k] = y[folds != k].mean()
    band_names = " | ".join(f"% right {low:.2f}–{min(high, 1):.2f}" for low, high in BANDS)
    print(f"{len(y)} labelled events ({y.sum()} right) from {len(set(reports))} reports; {FOLDS}-fold by report.")
    print(f"\n| score | Brier | log loss | AUC | {band_names} |")
    print("|---|---|---|---|" + "---|" * len(BANDS))
    names = sorted(set(sets))
    for label, scores in (("learned (cross-validated)", learned), ("hand-set (before)", hand), ("base rate", base)):
        ranks = scores is not base
        print(report(label, scores, y, ranks))
        for name in names:
            chosen = np.array([s == name for s in sets])
            print(report(f"{label}, {name}", scores[chosen], y[chosen], ranks))
    if args.write:
        calibration = fit_kinds(x, y, kinds)
        counts = ", ".join(f"{int((kinds == kind).sum())} {kind} events" for kind in KINDS)
        header = (f"The confidence of an extracted event: P(right) = 1 / (1 + exp(-(intercept + sum of weight x factor))).\n"
                  f"Learned by `python scripts/train_confidence.py --shared ../shared --write` (logistic regression, C=1)\n"
                  f"on {len(y)} labelled events ({counts}) of {len(set(reports))} documents ({', '.join(names)});\n"
                  f"[report] weighs reports of several sentences, [sentence] a sentence alone. The factors are\n"
                  f"described in src/rasad/extract/confidence.py, the cross-validated ablation in docs/extraction.md.")
        write_calibration(calibration, DATA, header)
        print(f"\nwrote {DATA}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
