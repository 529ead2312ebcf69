"""Normalised text with its source lines: the unit every pattern of the rule pack reads."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

CHARACTERS = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""),
    }
)
SPACES = re.compile(r"\s+")
ABBREVIATIONS = frozenset(
    [
        "e.g.",
        "i.e.",
        "u.s.",
        "d.c.",
        "dr.",
        "mr.",
        "mrs.",
        "ms.",
        "st.",
        "no.",
        "inc.",
        "co.",
        "ltd.",
        "p.o.",
        "vs.",
        "jr.",
        "sr.",
        "a.m.",
        "p.m.",
    ]
)
SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


def normalize(text: str) -> str:
    """Section 5.1's normalisation: NFKC, ASCII quotes and dashes, one space between words."""
    text = unicodedata.normalize("NFKC", text).translate(CHARACTERS)
    return SPACES.sub(" ", text).strip()


@dataclass(frozen=True)
class Span:
    """Normalised text and the source line where each of its pieces starts."""

    text: str
    lines: tuple[tuple[int, int], ...]
    """(offset in text, line in the source file), by offset."""

    def line_at(self, offset: int) -> int:
        index = bisect.bisect_right([start for start, _ in self.lines], offset) - 1
        return self.lines[max(index, 0)][1] if self.lines else 0

    def slice(self, start: int, end: int) -> Span:
        """The part of the span from start to end, keeping its lines."""
        inside = [(max(at - start, 0), line) for at, line in self.lines if at < end]
        kept = [(at, line) for at, line in inside if at > 0]
        return Span(self.text[start:end], ((0, self.line_at(start)), *kept))

    def sentences(self) -> list[Span]:
        """The span cut into sentences; abbreviations such as "e.g." and "U.S." do not end one."""
        return list(_sentences(self))

    def stripped(self) -> Span:
        left = len(self.text) - len(self.text.lstrip())
        return self.slice(left, len(self.text.rstrip()))


@lru_cache(maxsize=4096)
def _sentences(span: Span) -> tuple[Span, ...]:
    """Cached: the same paragraphs are cut into sentences by many checks."""
    pieces, start = [], 0
    for match in SENTENCE_END.finditer(span.text):
        word = span.text[: match.start() + 1].rsplit(" ", 1)[-1].lower().lstrip("(\"'")
        if word in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)+", word):
            continue
        pieces.append(span.slice(start, match.end()).stripped())
        start = match.end()
    pieces.append(span.slice(start, len(span.text)).stripped())
    return tuple(piece for piece in pieces if piece.text)


def join_spans(spans: Iterable[Span], separator: str = " ") -> Span:
    """One span made of several, in order, with their lines."""
    text, lines = "", list[tuple[int, int]]()
    for span in spans:
        if text:
            text += separator
        lines.extend((at + len(text), line) for at, line in span.lines)
        text += span.text
    return Span(text, tuple(lines))


def span_of_lines(lines: Iterable[tuple[int, str]]) -> Span:
    """A span from (source line number, raw text) pairs, each normalised, joined by a space."""
    return join_spans(Span(normalize(raw), ((0, number),)) for number, raw in lines if raw.strip())


def quote(span: Span, start: int, end: int, limit: int = 160) -> str:
    """The sentence around a match, shortened to `limit` characters around it."""
    sentence = next(
        (s for s in _sentence_bounds(span.text) if s[0] <= start < s[1]), (0, len(span.text))
    )
    left, right = sentence
    if right - left > limit:
        middle = (start + end) // 2
        left = max(left, min(start, middle - limit // 2))
        right = min(right, left + limit)
    text = span.text[left:right].strip()
    prefix = "..." if left > sentence[0] else ""
    suffix = "..." if right < sentence[1] else ""
    return f"{prefix}{text}{suffix}"


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Where each sentence starts and ends; a line break (between blocks) also ends one."""
    bounds, at = [], 0
    for line in text.split("\n"):
        for sentence in Span(line, ((0, 0),)).sentences():
            begin = text.find(sentence.text, at)
            bounds.append((begin, begin + len(sentence.text)))
            at = begin + len(sentence.text)
        at = max(at, text.find(line, at) + len(line)) if line else at
    return bounds
