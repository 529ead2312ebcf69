"""A rendered notice body as blocks: headings, paragraphs, list items, table rows, with sections.

The rendered HTML is what readers see, so the text of a block is the visible text: `&lt;` in the
Markdown is the character "<", permalink signs are left out. Raw HTML a notice holds is parsed
like the rest: its text is text, never markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

from .model import CELL, Block, BlockKind

HEADINGS = {f"h{n}": n for n in range(1, 7)}
LEAVES = {
    "p": BlockKind.PARAGRAPH,
    "li": BlockKind.ITEM,
    "dt": BlockKind.TERM,
    "dd": BlockKind.DEFINITION,
    "tr": BlockKind.ROW,
    "pre": BlockKind.CODE,
    "caption": BlockKind.PARAGRAPH,
    "summary": BlockKind.PARAGRAPH,
    **dict.fromkeys(HEADINGS, BlockKind.HEADING),
}
CONTAINERS = frozenset(
    {
        *("div", "blockquote", "section", "article", "aside", "header", "footer", "nav"),
        *("main", "figure", "figcaption", "details", "ul", "ol", "dl", "table", "thead"),
        *("tbody", "tfoot", "hr", "address", "center", "fieldset"),
    }
)
VOID = frozenset({"br", "hr", "img", "wbr", "col", "input", "source", "area"})
HIDDEN_LINKS = frozenset({"headerlink", "footnote-backref"})
SPACES = re.compile(rf"[^\S{CELL}]+")
PARSED_KEPT = 64
"""Bodies whose blocks are kept at hand: more than the versions of one notice."""
MARKER = re.compile(
    r"^(?:\((?:\d{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,7})\)"
    r"|(?:\d{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,7})[.)])\s+"
)
HEADING_MARKER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})+\.?|[A-Z]\.\d{1,3}(?:\.\d{1,3})*)\s+")


@lru_cache(maxsize=PARSED_KEPT)
def parse_blocks(html: str) -> tuple[Block, ...]:
    """The blocks of a rendered body, in reading order.

    A version is compared with every other version of its notice, one pair after another:
    its blocks are read once and shared (they are frozen), not read again for each pair.
    """
    parser = _BlockParser()
    parser.feed(html)
    parser.close()
    parser.flush()
    return tuple(parser.blocks)


def split_marker(text: str, kind: BlockKind) -> tuple[str, str]:
    """A block's leading enumerator ("3.", "(a)", "2.1") and the rest of its text."""
    match = MARKER.match(text)
    if match is None and kind is BlockKind.HEADING:
        match = HEADING_MARKER.match(text)
    if match is None or match.end() == len(text):
        return "", text
    return match.group().strip(), text[match.end() :]


@dataclass
class _Draft:
    """A block being read: its kind and form, and the text gathered so far."""

    kind: BlockKind
    tag: str
    level: int = 0
    depth: int = 0
    ordered: bool = False
    number: int | None = None
    header: bool = False
    in_item: bool = False
    parts: list[str] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)
    holds_paragraph: bool = False
    """A list item whose text sits in a <p> (a loose list): the <p> adds to the item."""


@dataclass
class _List:
    ordered: bool
    next_number: int


class _BlockParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.draft: _Draft | None = None
        self.lists: list[_List] = []
        self.items = 0
        """How many <li> elements are open: text in them belongs to a list item."""
        self.headings: list[tuple[int, str]] = []
        self.skip = 0
        self.cell: list[str] | None = None
        self.in_thead = False
        self.footnote_ref = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip:
            self.skip += tag not in VOID
            return
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "a" and classes & HIDDEN_LINKS:
            self.skip = 1
        elif tag == "a" and "footnote-ref" in classes:
            self.footnote_ref = True
            self.handle_data("[")
        elif tag in ("br", "wbr"):
            self.handle_data("\n" if self.draft and self.draft.kind is BlockKind.CODE else " ")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            self.handle_data(f" [image: {alt}] " if alt else "")
        elif tag in ("th", "td") and self.draft and self.draft.kind is BlockKind.ROW:
            self.cell = []
            self.draft.header = self.draft.header or tag == "th"
        elif tag in LEAVES or tag in CONTAINERS:
            self._start_block(tag, attrs)

    def _start_block(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        draft = self.draft
        if (
            tag == "p"
            and draft
            and draft.kind is BlockKind.ITEM
            and not "".join(draft.parts).strip()
        ):
            draft.holds_paragraph = True
            return
        self.flush()
        if tag in ("ul", "ol"):
            start = dict(attrs).get("start") or "1"
            self.lists.append(_List(tag == "ol", int(start) if start.isdigit() else 1))
        elif tag == "thead":
            self.in_thead = True
        elif tag == "li":
            self.items += 1
            self.draft = self._item()
        elif tag in LEAVES:
            self.draft = _Draft(
                LEAVES[tag],
                tag,
                level=HEADINGS.get(tag, 0),
                depth=len(self.lists) if self.items else 0,
                header=tag == "tr" and self.in_thead,
                in_item=bool(self.items) and tag == "p",
            )

    def _item(self) -> _Draft:
        listing = self.lists[-1] if self.lists else _List(False, 1)
        number = listing.next_number if listing.ordered else None
        listing.next_number += 1
        return _Draft(
            BlockKind.ITEM, "li", depth=len(self.lists), ordered=listing.ordered, number=number
        )

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            self.skip -= tag not in VOID
            return
        if tag == "a" and self.footnote_ref:
            self.footnote_ref = False
            self.handle_data("]")
        elif tag in ("th", "td") and self.cell is not None and self.draft is not None:
            self.draft.cells.append(_collapse("".join(self.cell)))
            self.cell = None
        elif tag == "thead":
            self.in_thead = False
        elif tag in ("ul", "ol"):
            self.flush()
            if self.lists:
                self.lists.pop()
        elif tag == "li":
            self.flush()
            self.items = max(0, self.items - 1)
        elif tag in CONTAINERS or (self.draft is not None and self.draft.tag == tag):
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.skip or not data:
            return
        if self.cell is not None:
            self.cell.append(data)
            return
        if self.draft is None:
            if not data.strip():
                return
            depth = len(self.lists) if self.items else 0
            self.draft = _Draft(BlockKind.PARAGRAPH, "", depth=depth, in_item=bool(self.items))
        self.draft.parts.append(data)

    def flush(self) -> None:
        """End the block being read; keep it when it holds any text."""
        draft, self.draft = self.draft, None
        if draft is None:
            return
        if draft.kind is BlockKind.ROW:
            text = CELL.join(draft.cells)
            if not any(cell for cell in draft.cells):
                return
        else:
            text = _collapse("".join(draft.parts))
            if not text:
                return
        self.blocks.append(self._block(draft, text))

    def _block(self, draft: _Draft, text: str) -> Block:
        marker, text = ("", text) if draft.kind is BlockKind.ROW else split_marker(text, draft.kind)
        if draft.kind is BlockKind.HEADING:
            self.headings = [h for h in self.headings if h[0] < draft.level]
            self.headings.append((draft.level, f"{marker} {text}" if marker else text))
        return Block(
            draft.kind,
            text,
            level=draft.level,
            depth=draft.depth,
            marker=marker,
            ordered=draft.ordered,
            number=draft.number,
            header=draft.header,
            in_item=draft.in_item,
            section=tuple(title for _, title in self.headings),
        )


def _collapse(text: str) -> str:
    return SPACES.sub(" ", text).strip()
