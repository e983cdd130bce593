"""Paragraphs, sentences and clauses of a normalised report, as spans of that text."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[.!?؟]+(?=[\s\"')\]]|$)")
# A clause boundary: a comma (or semicolon) followed by a discourse connective that opens a new clause.
_CLAUSE_BREAK = re.compile(
    r"[،,؛;]\s*(?=(?:حيث|فيما|بينما|في حين|وفي|وذلك|غداة|while|whereas)\b"
    # "… ثلاثة في الموصل، واثنين في تكريت": a number and its place, the verb left out, are a clause of their own
    r"|و(?:\d+|اثن\S*|ثلاث\S*|اربع\S*|خمس\S*|ست\S*|سبع\S*|ثمان\S*|تسع\S*|عشر\S*)\s+(?:في|ب)\S*)"
)


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
            _append(spans, text, position, end, paragraph)
            position = end
        if position < line_end:
            _append(spans, text, position, line_end, paragraph)
        paragraph += 1
    return spans


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
