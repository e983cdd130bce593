"""Trigger verbs are matched in every form a report uses (issue 11, class 3): the project's own sentences."""

import pytest

from rasad.text.morphology import inflections


@pytest.mark.parametrize(("verb", "expected"), [
    ("اعتقل", {"يعتقل", "اعتقال"}),     # form VIII
    ("تفجر", {"يتفجر"}),               # form V: the verbal noun is the perfect
    ("اغتال", {"اغتيل", "اغتيال"}),     # hollow form VIII: passive and verbal noun
    ("احتج", {"يحتج", "احتجاج"}),      # doubled form VIII
    ("استهدف", {"يستهدف", "استهداف"}),  # form X
    ("فجر", {"يفجر", "تفجير"}),        # forms I and II
    ("هاجم", {"يهاجم", "هوجم", "مهاجمه"}),  # form III: passive and verbal noun
])
def test_a_verb_gives_its_imperfect_verbal_noun_and_passive(verb, expected):
    assert expected <= set(inflections(verb))


def test_participles_only_when_asked():
    assert "متظاهر" in inflections("تظاهر", participles=True)
    assert "معتقل" not in inflections("اعتقل")  # a detainee is not an arrest


@pytest.mark.parametrize(("text", "sub_type"), [
    ("تفجرت عبوة ناسفة بدورية للجيش في قضاء الحويجة أمس.", "Remote explosive/landmine/IED"),
    ("اغتيل مختار قرية في ناحية الرشاد جنوب كركوك أمس على يد مسلحين مجهولين.", "Attack"),
    ("يعتقلون المطلوبين في قضاء الحويجة منذ صباح أمس بحسب بيان الشرطة.", "Arrests"),
    ("تظاهر المئات من الأهالي في مدينة كركوك أمس للمطالبة بالخدمات.", "Peaceful protest"),
    ("خرج المحتجون في مدينة الرمادي أمس رافعين لافتات.", "Peaceful protest"),
    ("هوجمت نقطة للجيش في قضاء الدبس فجر اليوم.", "Armed clash"),
    ("قام مسلحون بمهاجمة نقطة للجيش في قضاء الدبس فجر اليوم.", "Armed clash"),
])
def test_sentences_with_inflected_triggers_are_events(extract, text, sub_type):
    events = extract(text)
    assert [e.sub_event_type for e in events] == [sub_type]


def test_a_plural_verb_with_an_object_pronoun_matches_its_stem():
    from rasad.text.tokens import match_forms

    assert {"قتلوا", "قتل"} <= match_forms("وقتلوه")
    assert {"اعتقلوا", "اعتقل"} <= match_forms("اعتقلوهم")
    assert "قتل" not in match_forms("قتلى")  # a noun's own ending is no object pronoun
