"""The data files an analyst edits must stay valid: ACLED names, mission tags, standard actors."""

import re
from pathlib import Path

import pytest

from rasad.errors import DataError
from rasad.extract.lexicon import Lexicons, PhraseMatcher, read_toml
from rasad.model import ACLED_TYPES, MISSION_TAGS
from rasad.text.normalize import fold
from rasad.text.tokens import tokenize

ROOT = Path(__file__).resolve().parents[1]
ACLED = ACLED_TYPES
TAGS = set(MISSION_TAGS)
ACTORS = {"Islamic State", "Military Forces of Iraq", "Police Forces of Iraq", "Iraqi Counter-Terrorism Service",
          "Popular Mobilization Forces", "Iraqi Border Guards", "Peshmerga", "Unidentified Armed Group",
          "Military Forces of Syria", "Syrian Democratic Forces", "Asayish", "International Coalition",
          "Military Forces of the United States", "Civilians",
          # forces that fit no standard name are written out in full (GUIDELINES §5)
          "Military Forces of Turkey", "Military Forces of Israel", "Military Forces of Russia", "Military Forces of Iran",
          # groups with a name of their own, as ACLED writes them (GUIDELINES §5: "the PKK, for instance")
          "PKK: Kurdistan Workers Party", "YBS: Sinjar Resistance Units", "SNA: Syrian National Army",
          "Hayat Tahrir al-Sham", "Hurras al-Din", "Islamic Resistance in Iraq", "Arab Tribal Forces",
          "Druze Militias", "Assad Regime Loyalists", "Syrian Free Army", "Hezbollah"}


def test_triggers_use_acled_types_and_mission_tags():
    for trigger in read_toml("rasad.extract", "triggers.toml")["trigger"]:
        if "event_type" in trigger:
            assert trigger["sub_event_type"] in ACLED[trigger["event_type"]], trigger["id"]
        assert set(trigger.get("tags", [])) <= TAGS, trigger["id"]
        assert trigger["terms"], trigger["id"]


def test_actors_use_standard_names():
    data = read_toml("rasad.extract", "actors.toml")
    names = {a["name"] for a in data["actor"]} | {v for g in data["generic"] for k, v in g.items() if k.isupper()}
    assert names <= ACTORS
    assert all(a["side"] in {"state", "insurgent", "civilian", "unknown"} for a in data["actor"])


def test_a_user_lexicon_folder_overrides_a_file(tmp_path):
    text = (ROOT / "src/rasad/extract/data/triggers.toml").read_text(encoding="utf-8")
    extra = '\n[[trigger]]\nid = "kidnap_test"\nevent_type = "Violence against civilians"\n' \
            'sub_event_type = "Abduction/forced disappearance"\nrank = 90\nterms = ["استدرج"]\n'
    (tmp_path / "triggers.toml").write_text(text + extra, encoding="utf-8")
    lexicons = Lexicons.load(tmp_path)
    from rasad.text.normalize import normalize
    from rasad.text.tokens import tokenize

    hits = lexicons.triggers.find(tokenize(normalize("استدرجوا راعيا").text))
    assert [h.payload.id for h in hits] == ["kidnap_test"]


def test_a_broken_lexicon_is_a_clear_error(tmp_path):
    (tmp_path / "cues.toml").write_text("[negation\nterms = [", encoding="utf-8")
    with pytest.raises(DataError, match="cues.toml: not valid TOML"):
        Lexicons.load(tmp_path)


def test_lexicon_docs_name_every_data_file():
    doc = (ROOT / "docs" / "lexicons.md").read_text(encoding="utf-8")
    files = {p.name for p in (ROOT / "src/rasad").rglob("data/*") if p.suffix in (".toml", ".txt", ".csv")}
    missing = [name for name in sorted(files) if not re.search(re.escape(name), doc)]
    assert missing == []


def test_a_trigger_with_a_wrong_type_is_refused_naming_it(tmp_path):
    text = (ROOT / "src/rasad/extract/data/triggers.toml").read_text(encoding="utf-8")
    bad = '\n[[trigger]]\nid = "typo"\nevent_type = "Battles"\nsub_event_type = "Armed clashes"\nterms = ["x"]\n'
    (tmp_path / "triggers.toml").write_text(text + bad, encoding="utf-8")
    with pytest.raises(DataError, match="trigger 'typo'"):
        Lexicons.load(tmp_path)


def test_a_cue_that_blocks_only_named_triggers_spares_every_other_and_refuses_unknown_names(tmp_path):
    lexicons = Lexicons.load()
    window = lexicons.cue_windows["convicted"]
    assert "escape" in window[3] and "execution" not in window[3] and "kill" not in window[3]
    text = (ROOT / "src/rasad/extract/data/cues.toml").read_text(encoding="utf-8")
    (tmp_path / "cues.toml").write_text(text + '\n[typo_cue]\nonly = ["executions"]\nterms = ["x"]\n', encoding="utf-8")
    with pytest.raises(DataError, match="cue 'typo_cue': only names unknown triggers"):
        Lexicons.load(tmp_path)


def test_the_lexicon_folder_comes_from_the_environment(tmp_path, monkeypatch):
    from rasad.extract import lexicon

    text = (ROOT / "src/rasad/extract/data/triggers.toml").read_text(encoding="utf-8")
    extra = '\n[[trigger]]\nid = "env_test"\nevent_type = "Riots"\nsub_event_type = "Mob violence"\nrank = 99\n' \
            'terms = ["شغب عارم"]\n'
    (tmp_path / "triggers.toml").write_text(text + extra, encoding="utf-8")
    monkeypatch.setenv("RASAD_LEXICONS", str(tmp_path))
    lexicon.default_lexicons.cache_clear()
    try:
        from rasad.text.normalize import normalize
        from rasad.text.tokens import tokenize

        hits = lexicon.default_lexicons().triggers.find(tokenize(normalize("وقع شغب عارم").text))
        assert [h.payload.id for h in hits] == ["env_test"]
    finally:
        monkeypatch.delenv("RASAD_LEXICONS")
        lexicon.default_lexicons.cache_clear()


def test_a_phrase_of_two_payloads_keeps_both_only_with_ties():
    matcher = PhraseMatcher()
    matcher.add("wounded", "bomb")
    matcher.add("wounded", "toll")
    matcher.add("two soldiers wounded", "longer")
    tokens = tokenize("two soldiers wounded; three wounded")
    assert [hit.payload for hit in matcher.find(tokens)] == ["longer", "bomb"]
    assert sorted(hit.payload for hit in matcher.find(tokens, ties=True)) == ["bomb", "longer", "toll"]


def test_a_subject_gap_takes_no_number_nor_preposition():
    matcher = PhraseMatcher()
    matcher.add("سلمت <subject> سجن", "handover")
    found = [len(matcher.find(tokenize(fold(text)))) for text in (
        "سلمت قوات سوريا الديمقراطية سجن الحسكة", "سلمت قسد 40 سجينا من سجن الحسكة", "سلمت قسد في سجن الحسكة",
        "سلمت سجن الحسكة")]
    assert found == [1, 0, 0, 1]


# Modules whose Arabic constants are raw text on purpose: the demo's generated reports, the folding table itself.
_RAW_TEXT_MODULES = {"rasad.demo.generator", "rasad.text.normalize"}


def test_the_arabic_words_the_code_compares_with_tokens_are_folded_as_tokens_are():
    """A word the code holds must be folded as tokens are (على → علي, قوة → قوه, هيئة → هييه), or it never matches."""
    import importlib
    import pkgutil

    import rasad

    unfolded = []
    for module_info in pkgutil.walk_packages(rasad.__path__, "rasad."):
        if module_info.name in _RAW_TEXT_MODULES or module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if not name.lstrip("_").isupper() or not isinstance(value, (set, frozenset, tuple, list, dict)):
                continue
            words = value.keys() if isinstance(value, dict) else value
            unfolded += [(module_info.name, name, word) for word in words if isinstance(word, str)
                         and re.search("[\u0621-\u064a]", word) and len(word) > 1 and fold(word) != word]
    assert unfolded == []
