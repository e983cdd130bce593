"""Normalisation of news Arabic (and English) that keeps a map back to the original characters.

Every extracted field must be traceable to the text it came from, so :func:`normalize` returns the
normalised string together with, for each of its characters, the index of the original character
it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_DROP = set(range(0x064B, 0x0660)) | {0x0670, 0x0640} | set(range(0x06D6, 0x06EE))
_DROP |= {0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF, 0x00AD}
_DROP |= set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه", "ە": "ه",
    "ک": "ك", "ڪ": "ك", "گ": "ك",
    # Kurdish and Persian letters in names ("چمچمال", "پنجوین"), as Arabic news writes them
    "چ": "ج", "پ": "ب", "ڤ": "ف", "ژ": "ز", "ڵ": "ل", "ڕ": "ر", "ێ": "ي", "ۊ": "و",
    "ؤ": "و", "ۆ": "و", "ئ": "ي",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "‘": "'", "’": "'", "‚": "'",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
    "٫": ".", "٬": ",", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " ",
}
for _offset in range(10):
    _MAP[chr(0x0660 + _offset)] = str(_offset)
    _MAP[chr(0x06F0 + _offset)] = str(_offset)


@lru_cache(maxsize=4096)
def _char(ch: str) -> str:
    code = ord(ch)
    if code in _DROP:
        return ""
    if ch in _MAP:
        return _MAP[ch]
    if code < 0x80:
        return ch.lower()
    folded = unicodedata.normalize("NFKC", ch)
    if folded != ch:
        return "".join(_char(part) for part in folded)
    category = unicodedata.category(ch)
    if category == "Mn":
        return ""
    if category.startswith("C") and ch not in "\n":
        return " "
    return ch.lower()


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalised string and, for each of its characters, the offset of its source character."""

    text: str
    origin: tuple[int, ...]
    source_length: int

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that produced ``text[start:end]``."""
        if not self.origin or start >= end:
            return (self.source_length, self.source_length) if not self.origin else (self.origin[-1], self.origin[-1])
        start = min(start, len(self.origin) - 1)
        end = min(end, len(self.origin))
        return self.origin[start], self.origin[end - 1] + 1


# "IS" (the Islamic State) is lower-cased like the verb "is": written in capitals between words that are not,
# it is read as "isis" ("IS attacked a checkpoint")
_IS_ABBREVIATION = re.compile(r"(?<![A-Za-z])IS(?![A-Za-z])")
_CAPITALS_WORD = re.compile(r"[A-Z]{2,}")
# the number of an item of a list at a line's head ("1- قتل إرهابيين اثنين", "2) Five arrested"): no count
_LIST_NUMBER = re.compile(r"(?m)^[ \t]*([0-9\u0660-\u0669\u06f0-\u06f9]{1,2})[ \t]*[-–.)](?=[ \t]*[^\d\s\u0660-\u0669])")


def normalize(text: str) -> NormalizedText:
    """Fold letter variants, digits, quotes and dashes; drop diacritics, tatweel and control marks; read "IS" in
    capitals as "isis"; blank the numbers of a list's items."""
    out: list[str] = []
    origin: list[int] = []
    expanded = {match.start() for match in _IS_ABBREVIATION.finditer(text) if not _among_capitals(text, match)}
    listed = {index for match in _LIST_NUMBER.finditer(text) for index in range(match.start(1), match.end(1))}
    for index, ch in enumerate(text):
        if index in listed:  # a list item's number is blanked, its place in the text kept
            out.append(" ")
            origin.append(index)
            continue
        if expanded and (index in expanded or index - 1 in expanded):
            if index in expanded:  # "isis", its halves traced to "I" and "S"
                out.append("isis")
                origin.extend((index, index, index + 1, index + 1))
            continue
        folded = _char(ch)
        if folded:
            out.append(folded)
            origin.extend([index] * len(folded))
    return NormalizedText("".join(out), tuple(origin), len(text))


def _among_capitals(text: str, match: re.Match) -> bool:
    """The word before or after is in capitals too: a headline in capitals, where "IS" may be the verb."""
    before = text[max(0, match.start() - 30) : match.start()].split()
    after = text[match.end() : match.end() + 30].split()
    return any(words and _CAPITALS_WORD.fullmatch(words[index].strip(".,:;!?\"'()")) is not None
               for words, index in ((before, -1), (after, 0)))


def fold(text: str) -> str:
    """The normalised form of a short string (a lexicon term or a name), without the offset map."""
    return "".join(_char(ch) for ch in text)
