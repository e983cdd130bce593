"""Tokens of normalised text and the clitic-aware forms under which a token matches a lexicon word."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

TOKEN_RE = re.compile(r"[^\W_]+(?:[.,][0-9]+)*", re.UNICODE)

# Proclitics that attach to a word: conjunctions, prepositions, the future marker and the article.
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
# Enclitics and inflections stripped to reach a stem that lexicon words are written in.
_SUFFIXES = ("هما", "كما", "تين", "تان", "ات", "ون", "ين", "ان", "ها", "هم", "نا", "وا", "ه", "ي", "ت", "ا")
_OBJECT_PRONOUNS = ("هما", "ها", "هم", "ه")
_QUOTES = "\"'"  # every quotation mark after normalisation


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a normalised text: its form and its span in that text."""

    text: str
    start: int
    end: int
    quoted: bool = False  # opens a quotation: a quotation mark right before it ('مدينة "البصيرة"')


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The word and number tokens of ``text[start:end]``, with spans in ``text``."""
    return [Token(m.group(), m.start(), m.end(), m.start() > 0 and text[m.start() - 1] in _QUOTES)
            for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end)]


def adjacent(before: Token, after: Token) -> bool:
    """Two tokens with only a space between them, or a space and the quotation mark that opens ``after``."""
    return after.start - before.end <= 1 + after.quoted


@lru_cache(maxsize=200_000)
def bare_forms(word: str) -> frozenset[str]:
    """The word with its proclitics (و ف ب ل ك، ال، لل) taken off in every licit way, itself included."""
    if not word or word.isascii():
        return frozenset((word,))
    forms = {word}
    stems = [word]
    for conj in _CONJUNCTIONS:
        if word.startswith(conj) and len(word) > 2:
            stems.append(word[1:])
    for stem in list(stems):
        for prep in _PREPOSITIONS:
            if stem.startswith(prep) and len(stem) > 2:
                stems.append(stem[1:])
        if stem.startswith("لل") and len(stem) > 3:
            stems.append("ال" + stem[2:])
    for stem in stems:
        forms.add(stem)
        if stem.startswith("ال") and len(stem) > 3:
            forms.add(stem[2:])
    return frozenset(forms)


@lru_cache(maxsize=200_000)
def ordered_forms(word: str) -> tuple[str, ...]:
    """The bare forms of a word and the word itself in a fixed order (longest first), for matchers whose
    results must not depend on the hash seed."""
    return tuple(sorted(bare_forms(word) | {word}, key=lambda form: (-len(form), form)))


@lru_cache(maxsize=200_000)
def ordered_match_forms(word: str) -> tuple[str, ...]:
    """``match_forms`` in a fixed order (longest first)."""
    return tuple(sorted(match_forms(word), key=lambda form: (-len(form), form)))


# The inflections a cue verb takes (طالبت، طالبوا، يحذرون); nouns' suffixes are left on, so that a cue word
# is not found inside another word ("طالبان" is not "طالب", "آية" is not "أي", "بعدما" is not "عدم").
_CUE_SUFFIXES = ("وا", "ون", "ت")


@lru_cache(maxsize=200_000)
def cue_forms(word: str) -> tuple[str, ...]:
    """The bare forms of a word and the same with a verb's suffix taken off, in a fixed order."""
    forms = set(bare_forms(word))
    if not word.isascii():
        forms |= {form[: -len(suffix)] for form in list(forms) for suffix in _CUE_SUFFIXES
                  if form.endswith(suffix) and len(form) - len(suffix) >= 3}
    return tuple(sorted(forms, key=lambda form: (-len(form), form)))


@lru_cache(maxsize=200_000)
def match_forms(word: str) -> frozenset[str]:
    """The bare forms of a word and the same with one common suffix taken off."""
    forms = set(bare_forms(word))
    if not word.isascii():
        for form in list(forms):
            for suffix in _SUFFIXES:
                if form.endswith(suffix) and len(form) - len(suffix) >= 3:
                    forms.add(form[: -len(suffix)])
                    if suffix in ("تين", "تان", "ات"):  # feminine dual and plural keep their ة: ضربتين → ضربه
                        forms.add(form[: -len(suffix)] + "ه")
                    elif suffix in _OBJECT_PRONOUNS and form[: -len(suffix)].endswith("و"):
                        forms.add(form[: -len(suffix)] + "ا")  # a plural verb drops its alif before an object: قتلوه
                        if len(form) - len(suffix) >= 4:
                            forms.add(form[: -len(suffix) - 1])  # and its stem: قتلوه → قتل
    return frozenset(forms)
