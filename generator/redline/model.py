"""The data of a redline: blocks of a notice, what happened to each, moves and numbers."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

CELL = "\x1f"
"""Separates the cells of a table row inside a block's text (never in a reader's text)."""
WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


class BlockKind(StrEnum):
    """What a block of a notice is, as the reader sees it."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"
    TERM = "term"
    DEFINITION = "definition"
    ROW = "row"
    CODE = "code"

    @property
    def label(self) -> str:
        return BLOCK_LABELS[self]


BLOCK_LABELS = {
    BlockKind.HEADING: "heading",
    BlockKind.PARAGRAPH: "paragraph",
    BlockKind.ITEM: "list item",
    BlockKind.TERM: "term",
    BlockKind.DEFINITION: "definition",
    BlockKind.ROW: "table row",
    BlockKind.CODE: "code block",
}


@dataclass(frozen=True)
class Block:
    """One heading, paragraph, list item, table row... of a notice, with where it stands."""

    kind: BlockKind
    text: str
    """What a reader sees, whitespace collapsed, without the marker; cells joined by CELL."""
    level: int = 0
    """The heading's level (1 to 6); 0 for other blocks."""
    depth: int = 0
    """How deep in nested lists the block is; 0 outside lists."""
    marker: str = ""
    """A leading enumerator ("3.", "(a)"), left out of the comparison: renumbering is no change."""
    ordered: bool = False
    """An item of a numbered list."""
    number: int | None = None
    """The item's number in its numbered list."""
    header: bool = False
    """A table row of header cells."""
    in_item: bool = False
    """A second paragraph of a list item."""
    section: tuple[str, ...] = ()
    """The headings above the block, outermost first (a heading's own text ends its path)."""

    @property
    def key(self) -> str:
        """The form compared: whitespace collapsed, list numbering left out."""
        return self.text

    @property
    def display(self) -> str:
        """The text as one line: marker first, cells separated by " | "."""
        text = self.text.replace(CELL, " | ")
        return f"{self.marker} {text}" if self.marker else text

    @property
    def cells(self) -> list[str]:
        return self.text.split(CELL)

    @property
    def words(self) -> int:
        return count_words(self.text)


def count_words(text: str) -> int:
    """Words as a reader counts them: letters and digits, punctuation and spaces left out."""
    return len(WORD.findall(text))


class Op(StrEnum):
    """What happened to a run of words inside a block."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True)
class Span:
    """A run of words with what happened to it."""

    op: Op
    text: str


class Change(StrEnum):
    """What happened to a block between the two texts."""

    EQUAL = "equal"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"
    MOVED_FROM = "moved-from"
    """Where a moved block was; its text is shown there struck through as moved."""
    MOVED_TO = "moved-to"
    """Where a moved block is now, with any edits made to it on the way."""


@dataclass(frozen=True)
class Row:
    """One block of the redline, in reading order: the old block, the new one, or both."""

    change: Change
    old: Block | None
    new: Block | None
    spans: tuple[Span, ...]
    move: int | None = None
    """The move this block is part of (Move.id)."""
    stop: int | None = None
    """The change this row belongs to, numbered from 1 in reading order (for next/previous)."""
    starts_stop: bool = False
    note: str = ""
    """A change of form with the same words, such as "was a paragraph, now a list item"."""

    @property
    def block(self) -> Block:
        """The block shown: the new one, or the old one where only it exists."""
        block = self.new or self.old
        assert block is not None  # a row always holds at least one block
        return block

    @property
    def is_change(self) -> bool:
        return self.change is not Change.EQUAL


@dataclass(frozen=True)
class Move:
    """Blocks deleted in one place and inserted, the same or nearly, in another."""

    id: int
    blocks: int
    words: int
    origin: str
    """Where the text was, in words ("in “Your rights”", "at the beginning")."""
    destination: str
    """Where the text is now, in the same words."""


@dataclass(frozen=True)
class Section:
    """A section with changes, for the list at the top of a redline."""

    path: tuple[str, ...]
    stop: int
    """The first change in the section."""
    changes: int

    @property
    def title(self) -> str:
        return " \u203a ".join(self.path) if self.path else "Opening text"


@dataclass(frozen=True)
class Stats:
    """What changed, in numbers."""

    words_added: int = 0
    words_removed: int = 0
    words_moved: int = 0
    blocks_changed: int = 0
    blocks_added: int = 0
    blocks_removed: int = 0
    moves: int = 0
    sections_changed: int = 0
    changes: int = 0
    """How many separate places changed: the stops of next/previous change."""


@dataclass(frozen=True)
class Redline:
    """Two texts of a notice compared block by block, then word by word."""

    rows: tuple[Row, ...]
    moves: tuple[Move, ...]
    sections: tuple[Section, ...]
    stats: Stats

    @property
    def is_equal(self) -> bool:
        return self.stats.changes == 0


@dataclass(frozen=True)
class Side:
    """One of the two texts compared, as a reader names it."""

    label: str
    """"the version effective January 1, 2025", "notices/npp.md (working tree)"..."""
    title: str
    effective_date: dt.date | None = None
    summary: str = ""
    url: str = ""
    """Where to read this text, relative to the site root (or absolute); empty for none."""
    status: str = ""
    """The version's status ("current", "superseded"...), for a label; empty for other texts."""
    status_label: str = ""
