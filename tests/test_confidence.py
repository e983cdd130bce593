"""The confidence of an extracted event: learned weights read from data, applied to named factors."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from rasad.extract.confidence import (
    DATA,
    FACTORS,
    KINDS,
    Calibration,
    Weights,
    default_calibration,
    read_calibration,
    write_calibration,
)
from rasad.extract.rules import RuleExtractor
from rasad.model import Document

REPORT = ("اشتبكت قوات الجيش مع مسلحين من داعش في قرية قرب الحويجة يوم الاثنين وقتلت ثلاثة منهم.\n"
          "وأضاف المصدر أن القوات صادرت أسلحة.")
SENTENCE = "قتل مسلحون مجهولون شرطيا في كركوك."


def calibration(report: dict[str, float], sentence: dict[str, float] | None = None) -> Calibration:
    return Calibration({"report": Weights(0.0, report), "sentence": Weights(0.0, sentence or {})})


def test_the_confidence_of_each_event_is_the_calibration_applied_to_its_factors():
    extractor = RuleExtractor()
    explained = extractor.explain(Document("c1", REPORT))
    assert explained
    for event, factors in explained:
        assert set(factors) <= set(FACTORS) and factors["place_clause"] == 1.0
        assert event.confidence == default_calibration().probability(factors)


def test_the_weights_decide_the_confidence():
    document = Document("c1", REPORT)
    trusting = RuleExtractor(calibration=calibration({"place_clause": 3.0}))
    doubting = RuleExtractor(calibration=calibration({"place_clause": -3.0}))
    (high,), (low,) = trusting.extract(document), doubting.extract(document)
    assert (high.confidence, low.confidence) == (0.95, 0.05)


def test_a_lone_sentence_is_weighed_by_the_sentence_weights():
    extractor = RuleExtractor(calibration=calibration({}, {"place_clause": 2.0}))
    ((event, factors),) = extractor.explain(Document("c2", SENTENCE))
    assert factors["single_sentence"] == 1.0 and event.confidence == 0.88
    (in_report,) = extractor.extract(Document("c3", SENTENCE + "\nوفتحت الشرطة تحقيقا في الحادث."))
    assert in_report.confidence == 0.5


def test_the_shipped_weights_are_readable_and_complete():
    shipped = read_calibration(DATA)
    assert set(shipped.kinds) == set(KINDS)
    for weights in shipped.kinds.values():
        assert set(weights.weights) <= set(FACTORS) and any(weights.weights.values())


def test_a_calibration_file_round_trips_and_bad_ones_name_the_file(tmp_path):
    path = tmp_path / "confidence.toml"
    written = calibration({"counts": 0.5, "english": -0.25}, {"battles": 1.0})
    write_calibration(written, path, "a test\nof two lines")
    assert path.read_text("utf-8").startswith("# a test\n# of two lines\n")
    read = read_calibration(path)
    for kind in KINDS:
        expected = written.kinds[kind].weights
        assert {name: value for name, value in read.kinds[kind].weights.items() if value} == expected
    path.write_text("[report]\nintercept = 0\n[report.weights]\nmoon_phase = 1\n[sentence]\nintercept = 0\n", "utf-8")
    with pytest.raises(ValueError, match=r"confidence\.toml.*moon_phase"):
        read_calibration(path)
    path.write_text("[report]\nintercept = 0\n", "utf-8")
    with pytest.raises(ValueError, match=r"confidence\.toml: no \[sentence\]"):
        read_calibration(path)


def test_unknown_factors_are_refused():
    with pytest.raises(ValueError, match="moon_phase"):
        calibration({}).probability({"moon_phase": 1.0})


def load_trainer():
    path = Path(__file__).parents[1] / "scripts" / "train_confidence.py"
    spec = importlib.util.spec_from_file_location("train_confidence", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_confidence", module)
    spec.loader.exec_module(module)
    return module


def test_training_learns_each_kind_apart_and_is_deterministic():
    trainer = load_trainer()
    rows = [{"place_clause": 1.0}] * 30 + [{}] * 30 + [{"single_sentence": 1.0, "counts": 1.0}] * 20 + \
        [{"single_sentence": 1.0}] * 20
    labels = np.array([1] * 27 + [0] * 3 + [0] * 25 + [1] * 5 + [1] * 18 + [0] * 2 + [0] * 16 + [1] * 4)
    kinds = np.array(["sentence" if row.get("single_sentence") else "report" for row in rows])
    first = trainer.fit_kinds(trainer.matrix(rows), labels, kinds)
    assert first == trainer.fit_kinds(trainer.matrix(rows), labels, kinds)
    assert first.kinds["report"].weights["place_clause"] > 1 and first.kinds["report"].weights["counts"] == 0
    assert first.kinds["sentence"].weights["counts"] > 1 and first.kinds["sentence"].weights["place_clause"] == 0
    assert first.probability({"place_clause": 1.0}) > 0.8 > 0.3 > first.probability({})
