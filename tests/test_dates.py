from datetime import date

import pytest

from rasad.text.dates import find_dates, hijri_to_gregorian
from rasad.text.normalize import normalize
from rasad.text.tokens import tokenize

PUBLISHED = date(2025, 3, 12)  # a Wednesday


def first(text: str, published: date | None = PUBLISHED):
    norm = normalize(text).text
    found = find_dates(norm, tokenize(norm), published)
    return found[0] if found else None


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("يوم الاثنين", date(2025, 3, 10), 1),
        ("فجر الجمعة الماضية", date(2025, 3, 7), 1),
        ("الأربعاء", date(2025, 3, 12), 1),
        ("أمس", date(2025, 3, 11), 1),
        ("عصر أمس الأول", date(2025, 3, 10), 1),
        ("أول من أمس", date(2025, 3, 10), 1),
        ("on Feb. 7", date(2025, 2, 7), 1),
        ("on Sept. 30, 2024", date(2024, 9, 30), 1),
        ("اليوم", date(2025, 3, 12), 1),
        ("الليلة الماضية", date(2025, 3, 11), 1),
        ("في 3 مارس 2025", date(2025, 3, 3), 1),
        ("في 3 آذار 2025", date(2025, 3, 3), 1),
        ("في ٣ آذار/ مارس ٢٠٢٥", date(2025, 3, 3), 1),
        ("في الثاني من كانون الأول/ ديسمبر الماضي", date(2024, 12, 2), 1),
        ("مطلع شباط الماضي", date(2025, 2, 1), 3),
        # a later part of a named month is a day of it, within days
        ("أواخر شباط الماضي", date(2025, 2, 21), 2),
        ("منتصف شهر شباط الماضي", date(2025, 2, 15), 2),
        ("in mid-February", date(2025, 2, 15), 2),
        ("in late February", date(2025, 2, 21), 2),
        ("الشهر الماضي", date(2025, 2, 1), 3),
        # a week is dated by the Monday that opened it (GUIDELINES §6: the first day of that week)
        ("الأسبوع الماضي", date(2025, 3, 3), 2),
        ("last week", date(2025, 3, 3), 2),
        ("مطلع الأسبوع الجاري", date(2025, 3, 10), 2),
        # the weekend just gone, by the day that opens it: Saturday in English news, Friday in Iraq and Syria
        ("over the weekend", date(2025, 3, 8), 2),
        ("نهاية الأسبوع الماضي", date(2025, 3, 7), 2),
        ("خلال عطلة نهاية الأسبوع", date(2025, 3, 7), 2),
        ("earlier this week", date(2025, 3, 10), 2),
        ("قبل أيام", date(2025, 3, 5), 2),
        ("27/01/2025", date(2025, 1, 27), 1),
        ("on January 9, 2025", date(2025, 1, 9), 1),
        # the weekday of publication said "last" is a week before; a day with the article or an English ordinal
        ("يوم الأربعاء الماضي", date(2025, 3, 5), 1),
        ("last Wednesday", date(2025, 3, 5), 1),
        ("في الـ4 من الشهر الجاري", date(2025, 3, 4), 1),
        ("on the 4th of March", date(2025, 3, 4), 1),
        ("on Mar. 4", date(2025, 3, 4), 1),
        ("yesterday", date(2025, 3, 11), 1),
    ],
)
def test_date_forms_resolve_against_publication(text, expected, precision):
    mention = first(text)
    assert (mention.value, mention.precision) == (expected, precision)


def test_day_and_month_without_year_take_the_year_before_publication_when_later():
    assert first("في 20 ديسمبر").value == date(2024, 12, 20)


def test_next_month_is_a_plan():
    assert first("في حزيران المقبل").kind == "future"


def test_bare_year_is_history():
    mention = first("منذ عام 2014")
    assert mention.kind == "year" and mention.precision is None


def test_weekday_without_publication_date_stays_unresolved():
    mention = first("يوم الثلاثاء", published=None)
    assert mention.kind == "weekday" and mention.value is None


def test_hijri_date():
    assert first("في 15 رمضان 1442").value == date(2021, 4, 27)
    # The tabular calendar is within a day or two of the sighted one (Umm al-Qura: 7 July 2024).
    assert abs((hijri_to_gregorian(1446, 1, 1) - date(2024, 7, 7)).days) <= 1


def test_month_name_that_is_a_common_word_needs_a_number_beside_it():
    assert first("وقال اب لثلاثة أطفال") is None


@pytest.mark.parametrize("text, day", [
    ("في الخامس عشر من الشهر الجاري", date(2025, 3, 15)),
    ("في الحادي عشر من شباط", date(2025, 2, 11)),
    ("في العشرين من الشهر الماضي", date(2025, 2, 20)),
    ("في الحادي والعشرين من كانون الثاني", date(2025, 1, 21)),
])
def test_compound_ordinal_days_of_a_month(text, day):
    (mention,) = [m for m in find_dates(normalize(text).text, tokenize(normalize(text).text), date(2025, 3, 20))]
    assert (mention.value, mention.precision) == (day, 1)


def test_since_a_month_is_a_span_with_no_day():
    text = normalize("killing dozens since January, and on 3 March").text
    found = find_dates(text, tokenize(text), date(2025, 3, 11))
    assert [(d.kind, d.value) for d in found] == [("since", None), ("day", date(2025, 3, 3))]
