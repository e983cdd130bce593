import pytest

from rasad.text.normalize import normalize
from rasad.text.numbers import amounts
from rasad.text.tokens import tokenize


def values(text: str) -> list[int | None]:
    return [a.value for a in amounts(tokenize(normalize(text).text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اعتقال 14 مطلوبا", [14]),
        ("اعتقال ١٤ مطلوبا", [14]),
        ("مقتل ثلاثة مسلحين", [3]),
        ("مقتل ثلاث نساء", [3]),
        ("نحو ثلاثين عائلة", [30]),
        ("مئة معتقل", [100]),
        ("مائة معتقل", [100]),
        ("ألفين سجين", [2000]),
        ("7 آلاف معتقل", [7000]),
        ("ثلاثة آلاف", [3000]),
        ("خمسة وعشرين قتيلا", [25]),
        ("اثنتا عشرة امرأة", [12]),
        ("واحدا وعشرين مسلحا", [21]),
        ("مائتي معتقل", [200]),
        ("a dozen soldiers", [12]),
        ("الهجوم الإرهابي", []),
        ("التفجير الانتحاري والهجوم المسلح", []),
        ("مقتل الجندي الجريح", [1]),
        ("two dozen suspects", [24]),
        ("مئة وخمسين", [150]),
        ("أحد عشر شخصا", [11]),
        ("اثني عشر عنصرا", [12]),
        ("twenty five people", [25]),
        ("two hundred and five", [205]),
    ],
)
def test_number_forms(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", ["عشرات القتلى", "عدد من العناصر", "عدد كبير من المسلحين", "dozens of fighters"])
def test_vague_amounts_have_no_value(text):
    assert values(text) == [None]


def test_sunday_is_not_the_number_one():
    assert values("يوم الأحد") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("مقتل شابين", [2]),      # a generated genitive dual
    ("عثر على جثتين", [2]),   # the dual of a feminine noun keeps its ت
    ("اصابة مدنيين", []),     # a sound plural, not a dual
    ("مئة عنصر", [100]),      # the noun after a number is what it counts, not one more
    ("مقتل طالبين جامعيين", [2]),  # two students
    ("هجوم تبنته حركة طالبان", []),  # the Taliban, not two students
    ("مقتل طالبتين", [2]),    # the feminine dual of a student still counts two
])
def test_duals_and_counted_nouns(text, expected):
    assert [a.value for a in amounts(tokenize(normalize(text).text)) if a.value is not None] == expected


@pytest.mark.parametrize("text, values", [
    ("هجوم لمجموعة إرهابية على النقاط العسكرية", []),  # feminine adjectives (…ية) are nobody
    ("قتلت إحدى النساء", [1]),  # إحدى, written with ي once folded: one of them
    ("ما أدى لمقتل سائقها", [1]),  # a possessive: her driver
    ("وأصيبت والدتهم بجروح", [1]),  # ة written ت before the pronoun
])
def test_a_feminine_ending_is_no_possessive_and_a_possessive_counts_one(text, values):
    tokens = tokenize(normalize(text).text)
    assert [a.value for a in amounts(tokens)] == values


def test_amounts_written_as_a_phrase_of_words():
    text = normalize("killed half a dozen soldiers and a couple of policemen").text
    assert [a.value for a in amounts(tokenize(text))] == [6, 2]
