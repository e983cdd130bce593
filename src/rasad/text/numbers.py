"""Numbers written in digits, Arabic-Indic digits (already folded) and number words of every form."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from rasad.text.normalize import fold
from rasad.text.tokens import Token, adjacent, bare_forms


@dataclass(frozen=True, slots=True)
class Amount:
    """A count in the text: its value (None when vague) and the tokens it spans."""

    value: int | None
    first: int
    last: int
    implicit: bool = False  # a singular noun ("عنصر") or "أحد": one, if a count word stands right before it


@cache
def _words() -> dict:
    data = tomllib.loads(resources.files("rasad.text").joinpath("data/numbers.toml").read_text("utf-8"))
    for table in ("units", "scales", "standalone_scales"):
        data[table] = {fold(k): v for k, v in data[table].items()}
    data["vague"] = {key: [fold(w) for w in words] for key, words in data["vague"].items()}
    data["vague_words"] = frozenset(data["vague"]["words"])
    data["value_phrases"] = {}
    for phrase, value in data["phrases"].items():
        data["value_phrases"].setdefault(phrase.split()[0], []).append((tuple(phrase.split()), value))
    data["vague_phrases"] = {}
    for phrase in data["vague"]["phrases"]:
        data["vague_phrases"].setdefault(phrase.split()[0], []).append(tuple(phrase.split()))
    data["singulars"] = frozenset(fold(w) for w in data["singulars"]["words"])
    data["collectives"] = frozenset(data["collectives"]["words"])
    data["naming"] = frozenset(fold(w) for w in data["naming"]["words"])
    data["one_of_them"] = frozenset(fold(w) for w in data["one_of"]["pronouns"])
    data["one_of"] = frozenset(fold(w) for w in data["one_of"]["words"])
    data["english_plurals"] = frozenset(data["english_plurals"]["words"])
    sound = frozenset(fold(w) for w in data["sound_plurals"]["words"])
    data["duals"] = (frozenset(fold(w) for w in data["duals"]["words"]) | {
        form for word in data["singulars"] if not word.isascii() for form in _duals(word, word in sound)}) - {
        fold(w) for w in data["duals"]["not_duals"]}
    return data


def _duals(singular: str, sound_plural: bool) -> tuple[str, ...]:
    """The dual of a noun: nominative (…ان) and, unless its plural is written the same, genitive (…ين)."""
    stem = singular[:-1] + "ت" if singular.endswith("ه") else singular
    return (stem + "ان",) if sound_plural else (stem + "ان", stem + "ين")


def _word_value(token: str, table: dict) -> int | None:
    if "الاثنين" in bare_forms(token):  # Monday, not "two"
        return None
    for form in bare_forms(token):
        if form in table:
            return table[form]
    return None


def _digits(token: str) -> int | None:
    cleaned = token.replace(",", "")
    if cleaned[:1] == "و" and cleaned[1:].isdigit():
        cleaned = cleaned[1:]  # "8 قتلى و15 جريحا": the conjunction written onto the digits
    if cleaned.isdigit() and len(cleaned) <= 9:
        return int(cleaned)
    return None


def amounts(tokens: list[Token]) -> list[Amount]:
    """Every amount among the tokens: digits, words and their compounds ("خمسة وعشرين", "7 آلاف")."""
    data = _words()
    units, scales, alone = data["units"], data["scales"], data["standalone_scales"]
    vague_words, vague_phrases = data["vague_words"], data["vague_phrases"]
    found: list[Amount] = []
    i = 0
    while i < len(tokens):
        word = tokens[i].text
        valued = next(((p, value) for p, value in data["value_phrases"].get(word.lower(), ())
                       if tuple(t.text.lower() for t in tokens[i : i + len(p)]) == p), None)
        if valued:  # "half a dozen"
            found.append(Amount(valued[1], i, i + len(valued[0]) - 1))
            i += len(valued[0])
            continue
        phrase = next((p for p in vague_phrases.get(word, ()) if tuple(t.text for t in tokens[i : i + len(p)]) == p),
                      None)
        if phrase:
            found.append(Amount(None, i, i + len(phrase) - 1))
            i += len(phrase)
            continue
        if bare_forms(word) & vague_words and not (i > 0 and _value(tokens[i - 1].text, units) is not None):
            found.append(Amount(None, i, i))
            i += 1
            continue
        if bare_forms(word) & data["duals"] and not (i + 1 < len(tokens) and _value(tokens[i + 1].text, units)
                                                    and not tokens[i + 1].text.startswith("و")):
            found.append(Amount(2, i, i))
            i += 1
            continue
        counted_noun = (bool(found) and found[-1].last == i - 1 and found[-1].value is not None
                        and not found[-1].implicit  # "مئة معتقل"; but "قتيل وجريح" are two
                        # nor after a dual, its own noun, a noun joined by "و" ("جنود وشرطيان ومدني")
                        and not (word[:1] == "و" and bare_forms(tokens[i - 1].text) & data["duals"]))
        # "امرأة مسنة", "شقيق مختار القرية", "a civilian driver": a singular right after another is the same person
        described = (bool(found) and found[-1].last == i - 1 and found[-1].implicit and not word.startswith("و")
                     and adjacent(tokens[i - 1], tokens[i]))
        # "الهجوم الإرهابي", "التفجير الانتحاري": a definite adjective after a definite noun that counts nobody
        attributive = word.startswith("ال") and i > 0 and tokens[i - 1].text.startswith(("ال", "بال", "وال", "لل")) and not (
            # … but "القوات الأمنية المتهم جاسم": a formula that names one person, a name after it
            word in data["naming"] and i + 1 < len(tokens) and not tokens[i + 1].text.startswith("ال"))
        if (word in ("احد", "احدي") and i + 1 < len(tokens) and (
                tokens[i + 1].text.startswith("ال") or without_possessive(tokens[i + 1].text) in data["one_of"])) or (
            # "أحد المسلحين", "أحد عناصر الجيش": one of them; but "لم يصب أحد بأذى" counts nobody
            bare_forms(word) & data["one_of_them"]) or (  # "مقتل أحدهم"
            (bare_forms(word) | bare_forms(word[:-1] if word.endswith("ا") else word)
             | ({without_possessive(form) for form in bare_forms(word)} if not word.startswith("ال")
                else set())) & data["singulars"]  # a definite noun takes no possessive
            and word not in units and not counted_noun and not attributive  # "عنصر", "شخصا" (accusative), "سائقها"
            and not described
            and not (word == "another" and i + 1 < len(tokens) and tokens[i + 1].text in data["collectives"])
        ) or (  # "آمر فوج", "آمر اللواء": a commander, though آمر folds like أمر (an order) and counts only so
            bare_forms(word) & {"امر"} and i + 1 < len(tokens) and bare_forms(tokens[i + 1].text) & _UNITS_COMMANDED
        ):
            found.append(Amount(1, i, i, implicit=True))
            i += 1
            continue
        value = _value(word, units)
        if word in ("احد", "احدي") and i + 1 < len(tokens) and tokens[i + 1].text in ("عشر", "عشره"):
            found.append(Amount(11, i, i + 1))
            i += 2
            continue
        if value is None:
            standalone = _word_value(word, alone)
            if standalone is not None:
                found.append(Amount(standalone, i, i))
            i += 1
            continue
        first = i
        total = value
        i += 1
        while i < len(tokens):
            nxt = tokens[i].text
            scale = _word_value(nxt, scales)
            if scale is not None:
                total *= scale
                i += 1
                continue
            # "عشر" after a unit makes the teens (احد عشر، ثلاثة عشر); "وعشرين" after a unit adds.
            if nxt in ("عشر", "عشره") and total < 10:
                total += 10
                i += 1
                continue
            # "خمسة وعشرون", "مئة وخمسة": the tens after a unit, or anything after a hundred; but "خمسة وسبعة" are two
            added = _word_value(nxt, units) if nxt.startswith("و") and not nxt[1:].isdigit() else None
            if added is not None and (total >= 100 or (total < 10 and added % 10 == 0 and added > total)):
                total += added
                i += 1
                continue
            # "one hundred and five"; but "five and seven" are two
            if nxt == "and" and total >= 100 and i + 1 < len(tokens) and _value(tokens[i + 1].text, units) is not None:
                total += _value(tokens[i + 1].text, units)
                i += 2
                continue
            tail = _word_value(nxt, units) if nxt.isascii() else None
            if tail is not None and tail < 10 and 20 <= total < 100 and total % 10 == 0:
                total += tail
                i += 1
                continue
            if nxt == "hundred":
                total *= 100
                i += 1
                continue
            break
        found.append(Amount(total, first, i - 1))
    return _ranges(tokens, found)


_UNITS_COMMANDED = {"فوج", "لواء", "سريه", "كتيبه", "قوه", "مفرزه", "فرقه", "قاطع", "الفوج", "اللواء", "السريه",
                    "الكتيبه", "القوه", "المفرزه", "الفرقه", "القاطع"}


def without_possessive(word: str) -> str:
    """A plural in construct with its possessive taken off: "عناصرها" → "عناصر" ("أحد عناصرها": one of them); a
    feminine noun's ة, written ت before it, comes back: "والدتهم" → "والده"."""
    for suffix in ("هما", "هم", "ها", "ه"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if suffix == "ه" and stem.endswith("ي"):
                return word  # "عسكريه", "ارهابيه": a feminine ending (ية), not "his"
            return stem[:-1] + "ه" if stem.endswith("ت") and len(stem) >= 4 else stem
    return word


_RANGE_WORDS = {"الي", "او", "to", "or"}


def _ranges(tokens: list[Token], found: list[Amount]) -> list[Amount]:
    """A range counts its low end (GUIDELINES §6): "5-10", "من 5 الى 10", "five or six", "8 to 12", "between five
    and seven", "ما بين 5 و7"."""
    merged: list[Amount] = []
    for amount in found:
        previous = merged[-1] if merged else None
        if (previous is not None and previous.value is not None and amount.value is not None and previous.first
                and tokens[previous.first - 1].text in ("بين", "between") and previous.value < amount.value and (
                    (amount.first == previous.last + 1 and tokens[amount.first].text.startswith("و"))
                    or (amount.first == previous.last + 2 and tokens[previous.last + 1].text == "and"))):
            merged[-1] = Amount(previous.value, previous.first, amount.last)
            continue
        if (previous is not None and previous.value is not None and amount.value is not None
                and not previous.implicit and not amount.implicit and previous.value < amount.value
                and not tokens[amount.first].text.startswith("و")  # "قتيلان وثلاثة جرحى" are two counts
                and (amount.first == previous.last + 1 or (
                    amount.first == previous.last + 2 and tokens[previous.last + 1].text in _RANGE_WORDS))):
            merged[-1] = Amount(previous.value, previous.first, amount.last)
            continue
        merged.append(amount)
    return merged


def names_people(word: str) -> bool:
    """Whether a number right before ``word`` counts people: a person's noun in the singular ("معتقل", "شخصا"), in
    a sound plural ("معتقلين"), a plural of [one_of] ("عناصر"), or English ("detainees", "people")."""
    data = _words()
    if word.isascii():
        lower = word.lower()
        return lower in data["english_plurals"] or any(
            lower.endswith(end) and lower[: len(lower) - len(end)] in data["singulars"] for end in ("", "s", "es"))
    forms = bare_forms(word)
    stems = forms | {form[:-1] for form in forms if form.endswith("ا")} | {
        form[:-2] for form in forms if form.endswith(("ين", "ون"))}
    return bool(stems & data["singulars"] or forms & data["one_of"])


def number_word(token: str) -> int | None:
    """The value of a number written as a word ("اثنين", "three"), None for anything else (digits included)."""
    return _word_value(token, _words()["units"])


def _value(token: str, units: dict) -> int | None:
    digits = _digits(token)
    return digits if digits is not None else _word_value(token, units)
