"""What the importer passes between its steps: lines of the saved page, blocks, documents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from ..model import Kind


@dataclass(frozen=True)
class Inline:
    """A run of text with one style, as the page showed it."""

    text: str
    strong: bool = False
    emphasis: bool = False
    href: str | None = None


class Hint(StrEnum):
    """What the page's own markup said a line is (plain text says nothing)."""

    NONE = ""
    HEADING = "heading"
    ITEM = "item"
    ROW = "row"
    HEADER_ROW = "header-row"


@dataclass(frozen=True)
class SourceLine:
    """One line of the notice as the page showed it, with where it starts in the input."""

    number: int
    """Line of the input file (1-based) on which the text starts."""
    pieces: tuple[Inline, ...]
    indent: int = 0
    """Columns of leading white space (plain text), or list depth (HTML list items)."""
    blank_before: bool = True
    """False when the line directly follows the previous one, with no blank line or new block."""
    hint: Hint = Hint.NONE
    level: int = 0
    """Heading level (1-6) for a HEADING, nesting depth (0, 1...) for an ITEM."""
    ordered: bool = False
    """An ITEM of a numbered list."""
    group: int = 0
    """Lines of one HTML block broken by <br> share a group number above 0."""
    cells: tuple[tuple[Inline, ...], ...] = ()
    """The cells of a table ROW."""

    @property
    def text(self) -> str:
        if self.cells:
            return " ".join("".join(p.text for p in cell) for cell in self.cells)
        return "".join(piece.text for piece in self.pieces)


@dataclass(frozen=True)
class Dropped:
    """A line or block of the page left out of the notice, and why."""

    line: int
    text: str
    reason: str


class Role(StrEnum):
    """What a block of the notice is."""

    PARAGRAPH = "paragraph"
    STATEMENT = "statement"
    """The HIPAA header statement, shown in bold as the rule asks it be displayed prominently."""
    HEADING = "heading"
    ITEM = "item"
    LINES = "lines"
    """Lines kept apart, such as a postal address or the lines of a contact block."""
    TABLE = "table"


@dataclass(frozen=True)
class Block:
    """One heading, paragraph, list item, contact block or table of the notice."""

    role: Role
    lines: tuple[SourceLine, ...]
    level: int = 0
    """Heading level (2-6) or list depth (0, 1...)."""
    ordered: bool = False
    label: int = 0
    """Length of a run-in heading that starts the text ("Treatment. We may..."), shown bold."""


@dataclass(frozen=True)
class FoundDate:
    """A date the page states, with the line that states it."""

    date: dt.date
    line: int
    text: str


@dataclass(frozen=True)
class Document:
    """One notice found on the page, ready to become a source file."""

    title: str
    title_line: int | None
    kind: Kind
    kind_reason: str
    effective: FoundDate
    effective_reason: str
    updated: FoundDate | None
    blocks: tuple[Block, ...]
    notes: tuple[str, ...] = ()
    """Things a person should check, each naming its line."""


@dataclass(frozen=True)
class ImportedPage:
    """Everything the importer found in one saved page."""

    source: str
    """Where the notice was published: the page's address, or the file's name."""
    file_format: str
    """text or html."""
    language: str
    documents: tuple[Document, ...]
    dropped: tuple[Dropped, ...]
    notes: tuple[str, ...] = ()
