"""Near-duplicate reports (syndicated copies of one wire story) by bottom-k MinHash over word shingles.

A copy must not count as corroboration: a report whose sketch is close enough to a stored one is kept
as a duplicate of it. Candidates are found through the smallest hashes of the sketch ("bands"), so the
check costs a few index look-ups, not a scan of the archive.
"""

from __future__ import annotations

import hashlib
from datetime import date

from rasad.text.normalize import fold
from rasad.text.tokens import TOKEN_RE

SHINGLE_WORDS = 4
SKETCH_SIZE = 32
BAND_COUNT = 8
NEAR_DUPLICATE = 0.8
MIN_SHARED_BANDS = 3  # a text this close to another shares most of its smallest hashes
COPY_DAYS = 7  # a copy appears within a week of its original; the same words weeks apart are an outlet's
# template told of another incident ("قتل عنصران من قسد بهجوم لداعش في ريف دير الزور الشرقي")
BODY_LINE_WORDS = 8


def sketch(text: str) -> list[int]:
    """The bottom-k MinHash sketch of the word 4-grams of a text's body (lines of eight words or more, so
    that a site's menus and footers do not make two different stories alike); empty for very short texts."""
    lines = [line for line in fold(text).splitlines() if len(line.split()) >= BODY_LINE_WORDS]
    words = TOKEN_RE.findall("\n".join(lines))
    if len(words) < SHINGLE_WORDS * 2:
        return []
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    hashes = {int.from_bytes(hashlib.blake2b(s.encode(), digest_size=7).digest(), "big") for s in shingles}
    return sorted(hashes)[:SKETCH_SIZE]


def published_together(a: str | None, b: str | None) -> bool:
    """Two reports' publication days (ISO dates) are close enough for one to copy the other; unknown days are."""
    if not a or not b:
        return True
    return abs((date.fromisoformat(str(a)[:10]) - date.fromisoformat(str(b)[:10])).days) <= COPY_DAYS


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two texts from their sketches."""
    if not a or not b:
        return 0.0
    first, second = set(a), set(b)
    union = sorted(first | second)[:SKETCH_SIZE]  # the union's sketch (a C sort beats a heap on a few hundred)
    return sum(1 for h in union if h in first and h in second) / len(union)


def bands(signature: list[int]) -> list[str]:
    """The keys under which a sketch is indexed: its smallest hashes."""
    return [format(h, "x") for h in signature[:BAND_COUNT]]
