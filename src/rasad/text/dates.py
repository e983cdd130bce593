"""Dates in reports, resolved against the publication date, with the GUIDELINES time_precision code.

Precision: 1 = the day is known; 2 = within a few days or a week; 3 = only the month.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

from rasad.text.normalize import fold
from rasad.text.numbers import names_people
from rasad.text.tokens import Token, bare_forms

_NUMERIC = re.compile(r"\b(\d{4})[-./](\d{1,2})[-./](\d{1,2})\b|\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_DAY_PARTS = {"يوم", "ليل", "ليله", "فجر", "صباح", "مساء", "ظهر", "عصر", "on"}
_SINCE = {"since", "منذ"}
_MONTH_CONTEXT = {"شهر", "مطلع", "منتصف", "اواخر", fold("اوائل"), "نهايه", "بدايه", "خلال", "early", "late", "mid", "in",
                  "during"}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: its resolved value (None where it cannot be resolved) and what kind it is.

    kind is one of: ``day`` (a full date), ``weekday``, ``relative`` (yesterday, last week, days ago),
    ``earlier`` (an incident the news "comes days after": another one, some days back),
    ``month`` (a month without a day), ``year`` (a bare year: history, not an event date) and
    ``future`` (next month, next Tuesday: the sentence speaks of a plan).
    """

    value: date | None
    precision: int | None
    kind: str
    start: int
    end: int


@cache
def calendar() -> dict:
    """The calendar lexicon (months, weekdays, relative expressions), from ``text/data/calendar.toml``."""
    data = tomllib.loads(resources.files("rasad.text").joinpath("data/calendar.toml").read_text("utf-8"))
    data["month_phrases"] = {tuple(fold(k).split()): v for k, v in data["months"].items()}
    data["hijri_phrases"] = {tuple(fold(k).split()): v for k, v in data["hijri_months"].items()}
    data["relative_phrases"] = {tuple(fold(k).split()): tuple(v) for k, v in data["relative"].items()}
    data["week_phrases"] = {tuple(fold(k).split()): v for k, v in data["weeks"].items()}
    data["weekend_phrases"] = {tuple(fold(k).split()): v for k, v in data["weekends"].items()}
    data["earlier_phrases"] = {tuple(fold(k).split()): tuple(v) for k, v in data["earlier"].items()}
    data["same_day_phrases"] = {tuple(fold(k).split()): tuple(v) for k, v in data["same_day"].items()}
    data["relative_month_phrases"] = {tuple(fold(k).split()): v for k, v in data["relative_months"].items()}
    data["month_parts"] = {fold(k): v for k, v in data["month_parts"].items()}
    data["future_phrases"] = {tuple(fold(k).split()): True for k in data["future"]["phrases"]}
    data["long_phrases"] = {tuple(fold(k).split()): True for k in data["long_periods"]["phrases"]}
    data["weekday_phrases"] = {(fold(k),): v for k, v in data["weekdays"].items()}
    tables = ("month_phrases", "hijri_phrases", "relative_phrases", "week_phrases", "weekend_phrases", "earlier_phrases",
              "same_day_phrases", "relative_month_phrases", "weekday_phrases", "future_phrases", "long_phrases")
    data["first_words"] = frozenset(key[0] for table in tables for key in data[table]) | _SINCE
    data["ordinals"] = {fold(k): v for k, v in data["ordinals"].items()}
    for group in ("past_markers", "future_markers", "year_markers"):
        data[group]["words"] = [fold(w) for w in data[group]["words"]]
    return data


def _bare_year(tokens: list[Token], i: int) -> int | None:
    """The year that token ``i`` is alone (four digits, 1950–2100), unless it counts the people named right after
    it ("نقل 2000 معتقل", "2019 people")."""
    year = _number(tokens, i)
    if year is None or not 1950 <= year <= 2100 or len(tokens[i].text) != 4:
        return None
    return None if i + 1 < len(tokens) and names_people(tokens[i + 1].text) else year


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """The Gregorian date of a Hijri date by the tabular Islamic calendar (within a day or two of sighting)."""
    julian_day = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + 1948439.5 - 1
    return date.fromordinal(int(julian_day - 1721424.5))


def _phrase_at(tokens: list[Token], i: int, table: dict) -> tuple[object, int] | None:
    """The longest phrase of ``table`` starting at token i (clitics allowed on its first word)."""
    for length in (4, 3, 2, 1):
        if i + length > len(tokens):
            continue
        rest = tuple(t.text for t in tokens[i + 1 : i + length])
        for form in bare_forms(tokens[i].text):
            key = (form, *rest)
            if key in table:
                return table[key], length
    return None


_TEENS = {"عشر", "عشره"}
_TENS = {"العشرين": 20, "الثلاثين": 30}


def _day_ending(tokens: list[Token], j: int, ordinals: dict[str, int]) -> tuple[int | None, int]:
    """The day of a month told in the tokens ending at ``j`` and where it begins: "26", "الخامس", "الخامس عشر",
    "العشرين", "الحادي والعشرين"."""
    if j < 0:
        return None, j
    word = tokens[j].text
    if (value := _number(tokens, j)) is not None:
        return value, j
    if word in _TEENS and j >= 1 and tokens[j - 1].text in ordinals:  # "الخامس عشر": the fifteenth
        return 10 + ordinals[tokens[j - 1].text], j - 1
    tens = _TENS.get(word[1:] if word.startswith("و") else word)
    if tens and word.startswith("و") and j >= 1 and tokens[j - 1].text in ordinals:  # "الحادي والعشرين"
        return tens + ordinals[tokens[j - 1].text], j - 1
    if tens:
        return tens, j
    return ordinals.get(word), j


def _number(tokens: list[Token], i: int) -> int | None:
    """A number written in digits, with the article ("في الـ5 من الشهر") or an English ordinal's ending ("5th")."""
    if not 0 <= i < len(tokens):
        return None
    match = _DAY_NUMBER.fullmatch(tokens[i].text)
    return int(match.group(1)) if match else None


_DAY_NUMBER = re.compile(r"(?:ال)?(\d+)(?:st|nd|rd|th)?")


def _past(year: int | None, month: int, day: int, published: date | None) -> date | None:
    if year is None:
        if published is None:
            return None
        year = published.year
        if (month, day) > (published.month, published.day):
            year -= 1
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, tokens: list[Token], published: date | None) -> list[DateMention]:
    """Every date expression among ``tokens`` (tokens of ``text``), resolved against ``published``."""
    cal = calendar()
    found: list[DateMention] = []
    used: set[int] = set()
    if tokens:
        for match in _NUMERIC.finditer(text, tokens[0].start, tokens[-1].end):
            if match.group(1):
                year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
            else:
                day, month, year = int(match.group(4)), int(match.group(5)), int(match.group(6))
            value = _past(year, month, day, None) if 1 <= month <= 12 else None
            if value:
                found.append(DateMention(value, 1, "day", match.start(), match.end()))
                used.update(k for k, t in enumerate(tokens) if match.start() <= t.start < match.end())
    past_words, future_words = set(cal["past_markers"]["words"]), set(cal["future_markers"]["words"])
    i = 0
    first_words = cal["first_words"]
    while i < len(tokens):
        if i in used:
            i += 1
            continue
        if not bare_forms(tokens[i].text) & first_words:
            year = _bare_year(tokens, i)
            if year is not None:
                found.append(DateMention(date(year, 1, 1), None, "year", tokens[i].start, tokens[i].end))
            i += 1
            continue
        month_hit = _phrase_at(tokens, i, cal["month_phrases"])
        hijri_hit = None if month_hit else _phrase_at(tokens, i, cal["hijri_phrases"])
        if month_hit or hijri_hit:
            month, length = month_hit or hijri_hit
            end = i + length
            if month_hit:  # "كانون الأول/ ديسمبر": a second name of the same month
                second = _phrase_at(tokens, end, cal["month_phrases"]) if end < len(tokens) else None
                if second and second[0] == month:
                    end += second[1]
            day = _number(tokens, i - 1)
            first = i - 1 if day is not None and 1 <= day <= 31 else i
            after = _number(tokens, end)
            if (day is None or first == i) and after is not None and 1 <= after <= 31:  # "January 9, 2025"
                day, first = after, i
                end += 1
            if first == i and i >= 2 and tokens[i - 1].text in ("من", "of"):  # "الثاني من كانون الأول", "the 5th of"
                ordinal, start = _day_ending(tokens, i - 2, cal["ordinals"])
                if ordinal:
                    day, first = ordinal, start
            if day is not None and not 1 <= day <= 31:
                day = None
            year = _number(tokens, end)
            if year is not None and not (1300 <= year <= 2100):
                year = None
            marker = tokens[end].text if end < len(tokens) and year is None else ""
            if marker not in past_words and marker not in future_words:
                marker = ""
            if year is not None or marker in past_words or marker in future_words:
                end += 1
            context = i > 0 and tokens[i - 1].text in _MONTH_CONTEXT
            if day is None and year is None and not marker and not context:
                i += 1
                continue
            start, stop = tokens[first].start, tokens[end - 1].end
            if hijri_hit:
                if year is None:
                    i = end
                    continue
                value = hijri_to_gregorian(year, month, day or 1)
                found.append(DateMention(value, 1 if day else 3, "day" if day else "month", start, stop))
            elif marker in future_words:
                found.append(DateMention(None, None, "future", start, stop))
            else:
                # "منتصف شباط", "أواخر آذار الماضي", "mid-February": a part of the month, within days (its start stays
                # the month's: "مطلع شباط" is its first day, precision 3)
                lead = i - 2 if i >= 2 and tokens[i - 1].text in ("شهر", "month") else i - 1  # "أواخر شهر شباط"
                part = cal["month_parts"].get(tokens[lead].text.lower()) if day is None and lead >= 0 else None
                if part is not None and part > 1:
                    start = tokens[lead].start
                value = _past(year, month, day or (part if part and part > 1 else 1), published)
                precision = 1 if day else 2 if part and part > 1 else 3
                found.append(DateMention(value, precision, "day" if day else "month", start, stop))
            used.update(range(first, end))
            i = end
            continue
        if tokens[i].text in _SINCE and i + 1 < len(tokens):  # "since Sunday", "منذ يوم الأحد": a span of days
            day_word = i + 2 if tokens[i + 1].text in ("يوم", "the") and i + 2 < len(tokens) else i + 1
            if _phrase_at(tokens, day_word, cal["weekday_phrases"]):
                found.append(DateMention(None, None, "since", tokens[i].start, tokens[day_word].end))
                i = day_word + 1
                continue
        weekday_hit = _phrase_at(tokens, i, cal["weekday_phrases"])
        if weekday_hit:
            weekday = weekday_hit[0]
            nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
            if nxt in future_words:
                found.append(DateMention(None, None, "future", tokens[i].start, tokens[i + 1].end))
                i += 2
                continue
            value = None
            if published is not None:
                back = (published.weekday() - weekday) % 7
                if back == 0 and (nxt in past_words or (i and tokens[i - 1].text == "last")):
                    back = 7  # "الثلاثاء الماضي", "last Tuesday", said on a Tuesday: a week before
                value = published - timedelta(days=back)
            stop = tokens[i + 1].end if nxt in past_words else tokens[i].end
            start = tokens[i - 1].start if i > 0 and tokens[i - 1].text in _DAY_PARTS else tokens[i].start
            found.append(DateMention(value, 1, "weekday", start, stop))
            i += 2 if nxt in past_words else 1
            continue
        weekend_hit = _phrase_at(tokens, i, cal["weekend_phrases"])
        if weekend_hit:  # "over the weekend", "نهاية الأسبوع": the day that opened the weekend just gone
            opening, length = weekend_hit
            value = published - timedelta(days=(published.weekday() - opening) % 7) if published else None
            found.append(DateMention(value, 2, "relative", tokens[i].start, tokens[i + length - 1].end))
            i += length
            continue
        week_hit = _phrase_at(tokens, i, cal["week_phrases"])
        if week_hit:  # "الأسبوع الماضي", "last week": the Monday that opened that week
            weeks_back, length = week_hit
            value = (published - timedelta(days=published.weekday() + 7 * weeks_back)) if published else None
            found.append(DateMention(value, 2, "relative", tokens[i].start, tokens[i + length - 1].end))
            i += length
            continue
        earlier_hit = _phrase_at(tokens, i, cal["earlier_phrases"])
        same_day_hit = None if earlier_hit else _phrase_at(tokens, i, cal["same_day_phrases"])
        relative_hit = earlier_hit or same_day_hit or _phrase_at(tokens, i, cal["relative_phrases"])
        if relative_hit:
            (days_back, precision), length = relative_hit
            value = published - timedelta(days=days_back) if published else None
            kind = "earlier" if earlier_hit else "same_day" if same_day_hit else "relative"
            found.append(DateMention(value, precision, kind, tokens[i].start, tokens[i + length - 1].end))
            i += length
            continue
        since_month = (_phrase_at(tokens, i + 1, cal["month_phrases"])
                       if tokens[i].text in _SINCE and i + 1 < len(tokens) else None)
        if since_month:  # "since January", "منذ كانون الثاني": a span gone through, a tally's, no one day
            found.append(DateMention(None, None, "since", tokens[i].start, tokens[i + since_month[1]].end))
            i += 1 + since_month[1]
            continue
        long_hit = _phrase_at(tokens, i, cal["long_phrases"])
        if long_hit:
            start, stop = tokens[i].start, tokens[i + long_hit[1] - 1].end
            found.append(DateMention(None, None, "year", start, stop))
            i += long_hit[1]
            continue
        future_hit = _phrase_at(tokens, i, cal["future_phrases"])
        if future_hit:
            found.append(DateMention(None, None, "future", tokens[i].start, tokens[i + future_hit[1] - 1].end))
            i += future_hit[1]
            continue
        months_hit = _phrase_at(tokens, i, cal["relative_month_phrases"])
        if months_hit:
            months_back, length = months_hit
            value, precision, kind, first = None, 3, "month", i
            # "في الـ 11 من الشهر الجاري", "الخامس من الشهر الماضي": a day of that month
            day, start = _day_ending(tokens, i - 2, cal["ordinals"]) if (
                i >= 2 and tokens[i - 1].text == "من") else (None, i)
            part = cal["month_parts"].get(tokens[i - 1].text) if i >= 1 else None
            if day is not None and 1 <= day <= 31:
                precision, kind, first = 1, "day", start - 1 if start >= 1 and tokens[start - 1].text == "ال" else start
            elif part is not None:  # "منتصف الشهر الماضي", "أواخر الشهر الجاري": a part of that month, within days
                day, precision, kind, first = part, 2, "relative", i - 1
            else:
                day = 1
            if published:
                index = published.year * 12 + published.month - 1 - months_back
                try:
                    value = date(index // 12, index % 12 + 1, day)
                except ValueError:  # "31 of last month" in a month of 30 days
                    value, precision, kind = date(index // 12, index % 12 + 1, 1), 3, "month"
            found.append(DateMention(value, precision, kind, tokens[first].start, tokens[i + length - 1].end))
            i += length
            continue
        year = _bare_year(tokens, i)
        if year is not None:
            found.append(DateMention(date(year, 1, 1), None, "year", tokens[i].start, tokens[i].end))
        i += 1
    # A weekday next to a full date ("ليل الأربعاء 27 يناير 2021") is the same day: keep the full date.
    days = [m for m in found if m.kind == "day"]
    return [m for m in found if not (m.kind == "weekday" and any(abs(d.start - m.end) <= 3 for d in days))]
