"""A notice body prepared for the rules (section 5.1): blocks, sections, lines, repairs.

Markdown is read line by line into headings, paragraphs, list items and table rows, each
normalised and mapped back to its source lines. Plain text saved from a web page (no Markdown
headings) gets its headings from short title-like lines; bullets merged by a scraper are split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import Span, join_spans, span_of_lines

HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
ITEM = re.compile(r"^\s*(?:[-*+\u2022\u25e6\u25aa\u00b7]|\d{1,3}[.)])\s+")
ROW = re.compile(r"^\s*\|.*\|\s*$")
RULE_ROW = re.compile(r"^[\s|:-]+$")
FENCE = re.compile(r"^\s*(```|~~~)")
THEMATIC_BREAK = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
ATTRIBUTES = re.compile(r"\s*\{:?\s*([^{}]*)\}\s*$")
COVERS_ATTRIBUTE = re.compile(r"""data-covers\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
ID_ATTRIBUTE = re.compile(r"(?:^|\s)#([\w-]+)")
INLINE = (
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"\[\^[^\]]+\]"), ""),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),
    (re.compile(r"(?<!\\)[*`]"), ""),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])"), r"\1"),
)
MERGED_BULLET = re.compile(r"(?<!\.)\.\.\s+(?=[A-Z])|\.\s+(?=Rights? (?:to|of) [A-Z])")
DATE_LINE = re.compile(
    r"\b(?:effective|updated|revised)\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b", re.I
)


@dataclass(frozen=True)
class Block:
    """A heading, paragraph, list item or table row, with its place in the notice."""

    kind: str
    """heading, paragraph, item or row."""
    span: Span
    level: int = 0
    """Heading level (1-6); 0 for other blocks."""
    covers: tuple[str, ...] = ()
    """Element ids a heading says its section covers (data-covers attribute)."""
    anchor: str = ""
    """A heading's explicit id ({#id}), when it has one."""

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def line(self) -> int:
        return self.span.line_at(0)

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"


@dataclass(frozen=True)
class Document:
    """The blocks of one notice, in order; `offsets` place each block in the whole text."""

    blocks: tuple[Block, ...]
    offsets: tuple[int, ...] = ()
    set_aside: tuple[Block, ...] = field(default=())
    """Title blocks of other documents found on the same page, left out of the checks."""

    def heading_of(self, index: int) -> int | None:
        """Index of the heading whose section holds block `index` (the nearest one above)."""
        for i in range(index - 1, -1, -1):
            if self.blocks[i].is_heading:
                return i
        return None

    def section(self, heading: int) -> list[int]:
        """The heading and every block under it, down to the next heading of its level or above."""
        level = self.blocks[heading].level
        members = [heading]
        for i in range(heading + 1, len(self.blocks)):
            block = self.blocks[i]
            if block.is_heading and block.level <= level:
                break
            members.append(i)
        return members

    def restrict(self, indices: list[int]) -> Document:
        """The same notice reduced to some of its blocks (a tagged section, one document)."""
        keep = sorted(set(indices))
        return Document(
            tuple(self.blocks[i] for i in keep),
            tuple(self.offsets[i] for i in keep),
            self.set_aside,
        )

    def whole(self) -> Span:
        return join_spans((block.span for block in self.blocks), "\n")


def read_document(body: str, first_line: int = 1) -> Document:
    """Prepare a Markdown (or plain text) notice body; `first_line` is its line in the file."""
    blocks = _split_merged_bullets(_blocks(body.split("\n"), first_line))
    if not any(block.is_heading for block in blocks):
        blocks = _implicit_headings(blocks)
    offsets, at = [], 0
    for block in blocks:
        offsets.append(at)
        at += len(block.text) + 1
    return Document(tuple(blocks), tuple(offsets))


def _blocks(lines: list[str], first_line: int) -> list[Block]:
    reader = _BlockReader()
    for index, raw in enumerate(lines):
        reader.read(first_line + index, raw)
    reader.flush()
    return reader.blocks


class _BlockReader:
    """Reads lines one by one, closing a block at a blank line, a heading, a row or an item."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.pending: list[tuple[int, str]] = []
        self.kind = "paragraph"
        self.in_fence = False

    def flush(self) -> None:
        span = span_of_lines((n, _inline(raw)) for n, raw in self.pending)
        if span.text:
            self.blocks.append(Block(self.kind, span))
        self.pending = []

    def read(self, number: int, raw: str) -> None:
        if FENCE.match(raw):
            self.flush()
            self.in_fence = not self.in_fence
        elif self.in_fence:
            return  # code is not notice text
        elif self._heading_or_break(number, raw) or self._table_row(number, raw):
            return
        else:
            self._text(number, raw)

    def _heading_or_break(self, number: int, raw: str) -> bool:
        heading = HEADING.match(raw)
        if heading or not raw.strip() or (THEMATIC_BREAK.match(raw) and not self.pending):
            self.flush()
            if heading:
                self.blocks.append(_heading(len(heading.group(1)), heading.group(2), number))
            return True
        setext = SETEXT.match(raw)
        if setext and len(self.pending) == 1 and self.kind == "paragraph":
            level = 1 if setext.group(1).startswith("=") else 2
            self.blocks.append(_heading(level, self.pending[0][1], self.pending[0][0]))
            self.pending = []
            return True
        return False

    def _table_row(self, number: int, raw: str) -> bool:
        if not ROW.match(raw):
            return False
        self.flush()
        if not RULE_ROW.match(raw):
            self.kind = "row"
            cells = (cell.strip() for cell in raw.strip().strip("|").split("|"))
            self.pending = [(number, " ; ".join(cells))]
            self.flush()
        self.kind = "paragraph"
        return True

    def _text(self, number: int, raw: str) -> None:
        if ITEM.match(raw):
            self.flush()
            self.kind = "item"
            raw = ITEM.sub("", raw, count=1)
        elif not self.pending:
            self.kind = "paragraph"
        self.pending.append((number, _unquote(raw)))


def _heading(level: int, raw: str, number: int) -> Block:
    covers: tuple[str, ...] = ()
    anchor = ""
    attributes = ATTRIBUTES.search(raw)
    if attributes:
        raw = raw[: attributes.start()]
        found = COVERS_ATTRIBUTE.search(attributes.group(1))
        if found:
            covers = tuple(next(g for g in found.groups() if g is not None).split())
        anchor_match = ID_ATTRIBUTE.search(attributes.group(1))
        anchor = anchor_match.group(1) if anchor_match else ""
    span = span_of_lines([(number, _inline(raw))])
    return Block("heading", span, level, covers, anchor)


def _unquote(raw: str) -> str:
    """Drop blockquote markers, definition-list colons and admonition markers."""
    stripped = raw.lstrip()
    for marker in (">", ": ", "!!! ", "??? "):
        if stripped.startswith(marker):
            return stripped[len(marker) :]
    return raw


def _inline(raw: str) -> str:
    if ATTRIBUTES.fullmatch(raw.strip()) and raw.strip().startswith("{"):
        return ""  # an attribute list on a line of its own
    for pattern, replacement in INLINE:
        raw = pattern.sub(replacement, raw)
    return raw


def _split_merged_bullets(blocks: list[Block]) -> list[Block]:
    """Split "...copy fee.. Right to Amend Your Records." back into two items (section 5.1)."""
    repaired: list[Block] = []
    for block in blocks:
        if block.is_heading:
            repaired.append(block)
            continue
        start = 0
        for match in MERGED_BULLET.finditer(block.text):
            repaired.append(Block(block.kind, block.span.slice(start, match.start() + 1)))
            start = match.end()
        repaired.append(Block(block.kind, block.span.slice(start, len(block.text))))
    return repaired


def _implicit_headings(blocks: list[Block]) -> list[Block]:
    """Plain text has no heading markup: a short title-like line followed by text is a heading."""
    result = []
    for i, block in enumerate(blocks):
        if i + 1 < len(blocks) and _looks_like_title(block):
            result.append(Block("heading", block.span, 2))
        else:
            result.append(block)
    return result


def _looks_like_title(block: Block) -> bool:
    text = block.text
    return (
        block.kind == "paragraph"
        and len(block.span.lines) == 1
        and 2 < len(text) <= 80
        and text[0].isupper()
        and text[-1] not in ".,;"
        and not DATE_LINE.search(text)
    )
