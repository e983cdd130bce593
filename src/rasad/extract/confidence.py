"""How far to trust an extracted event: a small logistic model over what extraction found.

Extraction describes each event by a handful of named factors (was the place named in the same clause,
was the day written, is an actor named, how many sentences tell it …). The probability that the event
is right is ``1 / (1 + exp(-(intercept + Σ weight × factor)))``, with the weights read from
``data/confidence.toml``: one set for reports, one for lone sentences, whose errors differ. The
weights are learned by ``scripts/train_confidence.py`` on the labelled sets in ``../shared/eval``;
the script prints its cross-validated ablation against the hand-set score it replaced (see
docs/extraction.md).
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "confidence.toml"

# The factors, in the order the data file lists them: each is 0 or 1, except the last (a logarithm).
FACTORS = (
    "strong_trigger",  # the trigger is a strong one (a verb of violence, not "operation" or "incident")
    "place_clause", "place_sentence", "place_elsewhere",  # where the place was read, relative to the trigger
    "precision_exact", "precision_near",  # geo_precision 1 or 2 (3 is the baseline)
    "date_clause", "date_sentence", "date_context", "date_publication",  # where the day came from
    "actor_named", "actor_unidentified",  # actor1 is a named force or group, or an unidentified one
    "counts",  # a count of dead, wounded, arrested … is given
    "retold",  # more than one sentence tells it
    "headline",  # read in the report's first line
    "english",  # the report is in English
    "single_sentence",  # the report is one sentence (a wire snippet, a headline alone)
    "dated_before",  # the event's day is more than three days before the report's publication (background?)
    "battles", "explosions", "violence_against_civilians", "protests", "riots",  # the type (strategic: baseline)
    "events_in_report",  # log(1 + the number of events the report gives)
)


KINDS = ("report", "sentence")  # a report of several sentences, or one sentence alone: weighed apart


def kind_of(factors: dict[str, float]) -> str:
    """Which weights apply: the evidence a lone sentence gives is not the evidence a report gives."""
    return "sentence" if factors.get("single_sentence") else "report"


@dataclass(frozen=True)
class Weights:
    """The learned weights of :data:`FACTORS` for one kind of document."""

    intercept: float
    weights: dict[str, float]


@dataclass(frozen=True)
class Calibration:
    """The weights of each kind of document (:data:`KINDS`)."""

    kinds: dict[str, Weights]

    def probability(self, factors: dict[str, float]) -> float:
        """The probability that an event with these factors is right, rounded to two places."""
        unknown = set(factors) - set(FACTORS)
        if unknown:
            raise ValueError(f"unknown confidence factors: {', '.join(sorted(unknown))}")
        model = self.kinds[kind_of(factors)]
        z = model.intercept + sum(model.weights.get(name, 0.0) * value for name, value in factors.items())
        return round(1.0 / (1.0 + math.exp(-z)), 2)


def read_calibration(path: Path) -> Calibration:
    """The calibration written in ``path`` (see :func:`write_calibration`)."""
    data = tomllib.loads(path.read_text("utf-8"))
    kinds = {}
    for kind in KINDS:
        if kind not in data:
            raise ValueError(f"{path}: no [{kind}] weights")
        weights = {name: float(value) for name, value in data[kind].get("weights", {}).items()}
        unknown = set(weights) - set(FACTORS)
        if unknown:
            raise ValueError(f"{path}: [{kind}] unknown confidence factors: {', '.join(sorted(unknown))}")
        kinds[kind] = Weights(float(data[kind]["intercept"]), weights)
    return Calibration(kinds)


def write_calibration(calibration: Calibration, path: Path, header: str) -> None:
    """Write ``calibration`` as readable TOML, ``header`` as its opening comment."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    for kind in KINDS:
        model = calibration.kinds[kind]
        lines += ["", f"[{kind}]", f"intercept = {model.intercept:.4f}", "", f"[{kind}.weights]"]
        lines += [f"{name} = {model.weights.get(name, 0.0):.4f}" for name in FACTORS if name != "single_sentence"]
    path.write_text("\n".join(lines) + "\n", "utf-8")


@cache
def default_calibration() -> Calibration:
    return read_calibration(DATA)
