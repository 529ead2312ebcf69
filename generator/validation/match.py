"""Finding the rule pack's detections in a prepared notice, with the evidence for each."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .document import Document
from .rulepack import Detect, RulePack, Scope, phone_digits
from .text import Span, join_spans, quote

HEADING_JOIN = ". "
"""Between a heading and the first paragraph under it, read as one paragraph."""


@dataclass(frozen=True)
class Hit:
    """Where a detection was found: the unit of text, and the match within it."""

    span: Span
    start: int
    end: int

    @property
    def line(self) -> int:
        return self.span.line_at(self.start)

    @property
    def quote(self) -> str:
        return quote(self.span, self.start, self.end)


class Matcher:
    """Evaluates detections on one document; units of text are cut once and reused."""

    def __init__(self, document: Document, pack: RulePack) -> None:
        self.document = document
        self.pack = pack
        self._units: dict[tuple[Scope, str], list[Span]] = {}
        self._masks: dict[str, list[tuple[int, int]]] = {}
        self._found: dict[tuple[str, str], list[re.Match[str]]] = {}

    def find(self, detect: Detect) -> Hit | None:
        """The first place `detect` is found, or None."""
        if detect.kind == "any":
            return next((hit for o in detect.options if (hit := self.find(o)) is not None), None)
        units = self.units(detect.scope, detect.unit if detect.kind == "together" else "paragraph")
        hits = (hit for unit in units if (hit := self._in_unit(detect, unit)) is not None)
        first = next(hits, None)
        if first is None or detect.kind != "find" or _in_lead(first):
            return first
        # the same pattern in a heading or a paragraph's first sentence is better evidence
        return next((hit for hit in hits if _in_lead(hit)), first)

    def search(self, name: str) -> Hit | None:
        """The first match of one pattern anywhere in the notice."""
        return self.find(Detect("find", (name,)))

    def matches(self, name: str, span: Span) -> list[re.Match[str]]:
        """Matches of a named pattern in a span (a list of numbers matches nothing).

        Matches inside masked text (the header sentence) are skipped, except for the
        patterns the pack lets see it. Kept: many checks read the same text for one pattern.
        """
        key = (name, span.text)
        if key not in self._found:
            self._found[key] = list(self._scan(name, span))
        return self._found[key]

    def _scan(self, name: str, span: Span) -> Iterator[re.Match[str]]:
        pattern = self.pack.patterns[name]
        base = self.pack.patterns[pattern.base] if pattern.base else pattern
        if base.regex is None:
            return
        excluded = self.pack.patterns[pattern.exclude].numbers if pattern.exclude else frozenset()
        masked = self._masked(span) if name not in self.pack.unmasked else []
        for match in base.regex.finditer(span.text):
            if excluded and phone_digits(match.group()) in excluded:
                continue
            if not any(start <= match.start() < end for start, end in masked):
                yield match

    def _masked(self, span: Span) -> list[tuple[int, int]]:
        if span.text not in self._masks:
            name = self.pack.masked_by
            regex = self.pack.patterns[name].regex if name else None
            found = [m.span() for m in regex.finditer(span.text)] if regex else []
            self._masks[span.text] = found
        return self._masks[span.text]

    def _in_unit(self, detect: Detect, unit: Span) -> Hit | None:
        hit = self._find_in(detect, unit) if detect.kind == "find" else self._together(detect, unit)
        if hit is None or (detect.without and self.matches(detect.without, unit)):
            return None
        return hit

    def _find_in(self, detect: Detect, unit: Span) -> Hit | None:
        match = next(iter(self.matches(detect.patterns[0], unit)), None)
        return Hit(unit, match.start(), match.end()) if match else None

    def _together(self, detect: Detect, unit: Span) -> Hit | None:
        found: list[list[re.Match[str]]] = []
        for name in detect.patterns:  # one pattern missing is enough: read no further
            matches = self.matches(name, unit)
            if detect.lead and not found:
                lead_end = _first_sentence_end(unit)
                matches = [m for m in matches if m.start() < lead_end]
            if not matches:
                return None
            found.append(matches)
        for first in found[0]:
            chosen = [
                next((m for m in others if _close(first, m, detect.within)), None)
                for others in found[1:]
            ]
            if all(chosen):
                last = max([first, *chosen], key=lambda m: m.start() if m else -1)
                assert last is not None
                return Hit(unit, last.start(), last.end())
        return None

    def units(self, scope: Scope, unit: str) -> list[Span]:
        """The pieces of text a detection reads: paragraphs, sentences, sections or all."""
        key = (scope, unit)
        if key not in self._units:
            self._units[key] = self._cut(scope, unit)
        return self._units[key]

    def _cut(self, scope: Scope, unit: str) -> list[Span]:
        if scope.kind == "sentences":
            sentences = self._sentences_about(scope.pattern)
            return (
                [join_spans(sentences)]
                if unit in ("section", "document") and sentences
                else sentences
            )
        indices = self._indices(scope)
        if unit == "document":
            return (
                [join_spans((self.document.blocks[i].span for i in indices), "\n")]
                if indices
                else []
            )
        if unit == "section":
            return self._sections(indices)
        paragraphs = [self._paragraph(i) for i in indices]
        if unit == "sentence":
            return [s for i in indices for s in self.document.blocks[i].span.sentences()]
        return paragraphs

    def _indices(self, scope: Scope) -> list[int]:
        blocks, offsets = self.document.blocks, self.document.offsets
        if scope.kind == "headings":
            return [i for i, block in enumerate(blocks) if block.is_heading]
        if scope.kind == "start":
            return [i for i in range(len(blocks)) if offsets[i] < scope.chars]
        if scope.kind == "sections":
            return sorted(
                {
                    i
                    for h in self._headings_matching(scope.pattern)
                    for i in self.document.section(h)
                }
            )
        return list(range(len(blocks)))

    def _headings_matching(self, name: str) -> list[int]:
        blocks = self.document.blocks
        return [i for i, b in enumerate(blocks) if b.is_heading and self.matches(name, b.span)]

    def _paragraph(self, index: int) -> Span:
        """A block, read together with its heading when it is the first block under it."""
        block = self.document.blocks[index]
        previous = self.document.blocks[index - 1] if index else None
        if block.is_heading or previous is None or not previous.is_heading:
            return block.span
        return join_spans([previous.span, block.span], HEADING_JOIN)

    def _sections(self, indices: list[int]) -> list[Span]:
        groups: dict[int | None, list[int]] = {}
        for i in indices:
            owner = i if self.document.blocks[i].is_heading else self.document.heading_of(i)
            groups.setdefault(owner, []).append(i)
        return [
            join_spans((self.document.blocks[i].span for i in group), "\n")
            for group in groups.values()
        ]

    def _sentences_about(self, name: str) -> list[Span]:
        """Sentences matching a pattern, and every sentence of a section headed by a match."""
        inside = {i for h in self._headings_matching(name) for i in self.document.section(h)}
        sentences = []
        for i, block in enumerate(self.document.blocks):
            for sentence in block.span.sentences():
                if i in inside or self.matches(name, sentence):
                    sentences.append(sentence)
        return sentences


def _in_lead(hit: Hit) -> bool:
    return hit.start < _first_sentence_end(hit.span)


def _first_sentence_end(span: Span) -> int:
    sentences = span.sentences()
    if not sentences:
        return 0
    return span.text.find(sentences[0].text) + len(sentences[0].text)


def _close(first: re.Match[str], other: re.Match[str], within: int | None) -> bool:
    if within is None:
        return True
    gap = max(other.start() - first.end(), first.start() - other.end(), 0)
    return gap <= within
