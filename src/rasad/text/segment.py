"""Paragraphs, sentences and clauses of a normalised report, as spans of that text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

# A sentence ends at its full stop, or before a bullet set apart inside a line, as wires set a headline or
# a dateline before the text ("… العراق  * أنقرة ـ …")
_SENTENCE_END = re.compile(r"[.!?؟]+(?=[\s\"')\]]|$)|(?<=\s)[*•▪]+(?=\s)")
# A clause boundary: a comma (or semicolon) followed by a discourse connective that opens a new clause.
_CLAUSE_BREAK = re.compile(
    r"[،,؛;]\s*(?=(?:حيث|فيما|بينما|في حين|وفي|وذلك|غداة|while|whereas)\b"
    # "…، بعد يومين من هجوم مماثل في …", "…, two days after militants killed …": an earlier incident of its own
    r"|(?:بعد\s+(?:يومين|ايام|اسبوع|اسبوعين|\S+\s+ايام)\s+من)\b|(?:(?:\S+\s+)?(?:days|weeks)|a\s+week)\s+after\b"
    # "… ثلاثة في الموصل، واثنين في تكريت": a number and its place, the verb left out, are a clause of their own
    r"|و(?:\d+|اثن\S*|ثلاث\S*|اربع\S*|خمس\S*|ست\S*|سبع\S*|ثمان\S*|تسع\S*|عشر\S*)\s+(?:في|ب)\S*"
    # "…in al-Busayrah on March 3, and an IED wounded two fighters near Diban on March 5": English joins a second
    # sentence by ", and" before its subject (not the rest of an object told after a name between commas: "killed a
    # commander, Abu Ali, and two of his guards")
    r"|and\s+(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|\d+|isis|is|unidentified|unknown|gunmen)\s"
    r"(?!of\s+(?:his|her|their|them)\b))"
)

_BULLET = re.compile(r"[*•▪]+$")
_WORD_BEFORE_STOP = re.compile(r"(?:^|[^a-z])([a-z]+)\.$", re.IGNORECASE)


@cache
def _abbreviations() -> frozenset[str]:
    lines = resources.files("rasad.text").joinpath("data/abbreviations.txt").read_text("utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _abbreviation(text: str, stop: int) -> bool:
    """The full stop at ``stop`` closes an initial or an abbreviation ("U.S.", "Lt."), not a sentence."""
    match = _WORD_BEFORE_STOP.search(text, max(0, stop - 12), stop + 1)
    return bool(match) and (len(match.group(1)) == 1 or match.group(1).lower() in _abbreviations())


@dataclass(frozen=True, slots=True)
class Span:
    """A span of the normalised text: a paragraph, a sentence or a clause."""

    start: int
    end: int
    paragraph: int
    sentence: int


def sentences(text: str) -> list[Span]:
    """Sentences of the text; a blank line (or a short line, as headlines are) ends a paragraph."""
    spans: list[Span] = []
    paragraph = 0
    position = 0
    for line_match in re.finditer(r"[^\n]*(?:\n|$)", text):
        line_start, line_end = line_match.start(), line_match.end()
        if line_start == line_end:
            break
        line = text[line_start:line_end]
        if not line.strip():
            paragraph += 1
            continue
        position = line_start
        for end_match in _SENTENCE_END.finditer(text, line_start, line_end):
            end = end_match.end()
            if end_match.group()[0] in "*•▪":  # the bullet opens the next sentence and belongs to neither
                _append(spans, text, position, end_match.start(), paragraph)
                position = end
                continue
            if end_match.group() == "." and _abbreviation(text, end_match.start()) and end < line_end and any(
                    character.isalnum() for character in text[end:line_end]):
                continue
            _append(spans, text, position, end, paragraph)
            position = end
        if position < line_end:
            _append(spans, text, position, line_end, paragraph)
        paragraph += 1
    return spans


def opens_line(text: str, start: int) -> bool:
    """Nothing but blanks, or a bullet set apart, stands before ``start`` on its line (where datelines stand)."""
    before = text[text.rfind("\n", 0, start) + 1 : start].strip()
    if not before or not _BULLET.search(before):
        return not before
    rest = _BULLET.sub("", before)
    return not rest or rest[-1].isspace()


def _append(spans: list[Span], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end, paragraph, len(spans)))


def clauses(text: str, sentence: Span) -> list[Span]:
    """The clauses of one sentence, split where a comma is followed by a connective (حيث، فيما، كما …)."""
    out = []
    start = sentence.start
    for match in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if match.start() - start > 12:
            out.append(Span(start, match.start(), sentence.paragraph, sentence.sentence))
            start = match.end()
    out.append(Span(start, sentence.end, sentence.paragraph, sentence.sentence))
    return out
