from rasad.demo.generator import generate
from rasad.ingest.readers import document_from_dict


def test_the_same_seed_gives_the_same_corpus():
    assert list(generate(30, seed=3)) == list(generate(30, seed=3))
    assert list(generate(30, seed=3)) != list(generate(30, seed=4))


def test_reports_carry_their_true_events_and_some_have_none():
    pairs = list(generate(200, seed=1))
    assert len(pairs) == 200
    assert any(not truth["events"] for _, truth in pairs)  # opinion pieces
    assert any(len({t["events"][0]["incident"] for _, t in pairs if t["events"]}) < len(pairs) for _ in [0])
    incidents = [t["events"][0]["incident"] for _, t in pairs if t["events"]]
    assert len(set(incidents)) < len(incidents)  # several outlets report the same incident
    languages = {doc["language"] for doc, _ in pairs}
    assert languages == {"ar", "en"}


def test_the_extractor_finds_the_generated_events(extractor):
    found = missed = invented = 0
    for document, truth in generate(120, seed=11):
        events = extractor.extract(document_from_dict(document, "demo", 1))
        expected = {(e["event_type"], e["admin1"]) for e in truth["events"]}
        got = {(e.event_type, e.admin1) for e in events}
        found += len(expected & got)
        missed += len(expected - got)
        invented += len(got - expected)
    assert found / (found + missed) >= 0.9
    assert invented / (found + invented) <= 0.1
