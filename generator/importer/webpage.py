"""HTML saved from a web page: the notice's lines, and the page's chrome left out and listed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Dropped, Hint, Inline, SourceLine
from .webtext import (
    BLOCKS,
    SILENT,
    SKIPPED,
    SPACES,
    UNSPOKEN,
    Style,
    collapse,
    inline_pieces,
    is_data_table,
    restyle,
    summary,
    table_rows,
    tidy_pieces,
)
from .webtree import Element, Text, parse_html

CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "search", "menu", "menubar", "dialog", "alertdialog"}
)
SECTIONING = frozenset({"article", "main", "section"})
"""Inside these, <header> and <footer> belong to the content, not to the page around it."""
HEADINGS = {f"h{n}": n for n in range(1, 7)}
OUTSIDE_MAIN = "outside the page's main content"
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


@dataclass(frozen=True)
class WebPage:
    """The lines of an HTML page's notice, what was left out, and what its <head> says."""

    lines: tuple[SourceLine, ...]
    dropped: tuple[Dropped, ...]
    title: str
    url: str
    language: str


def read_html(text: str) -> WebPage:
    """Read a saved HTML page: its main content as lines; its chrome as dropped blocks."""
    root = parse_html(text)
    head = root.find("head")
    body = root.find("body") or root
    reader = _Reader()
    main = _main_element(body)
    if main is None:
        reader.walk(body, Style())
    else:
        reader.walk_outside(body, _path_to(body, main) or [])
    reader.flush()
    html = root.find("html")
    title = head.find("title") if head else None
    return WebPage(
        tuple(reader.lines),
        tuple(reader.dropped),
        title=collapse(title.text()) if title else "",
        url=_page_url(head) if head else "",
        language=html.attr("lang").strip() if html else "",
    )


def _main_element(body: Element) -> Element | None:
    mains = [e for e in body.elements() if e.tag == "main" or e.attr("role") == "main"]
    if mains:
        return mains[0]
    articles = [e for e in body.elements() if e.tag == "article"]
    return articles[0] if len(articles) == 1 else None


def _path_to(node: Element, target: Element) -> list[Element] | None:
    if node is target:
        return [node]
    for child in node.children:
        if isinstance(child, Element):
            path = _path_to(child, target)
            if path is not None:
                return [node, *path]
    return None


def _page_url(head: Element) -> str:
    for element in head.elements():
        if element.tag == "link" and "canonical" in element.attr("rel").lower().split():
            return element.attr("href").strip()
        if element.tag == "meta" and element.attr("property") == "og:url":
            return element.attr("content").strip()
    return ""


class _Reader:
    """Walks the page's elements, turning blocks into lines and chrome into dropped entries."""

    def __init__(self) -> None:
        self.lines: list[SourceLine] = []
        self.dropped: list[Dropped] = []
        self.pieces: list[Inline] = []
        self.start = 0
        self.contexts: list[tuple[Hint, int, bool]] = [(Hint.NONE, 0, False)]
        self.lists: list[bool] = []
        """The lists the walk is in, innermost last: True for a numbered list."""
        self.sections = 0
        self.pre = 0
        self.group = 0
        self.groups = 0
        self.after_break = False

    def walk_outside(self, node: Element | Text, path: list[Element]) -> None:
        """Walk the main content; everything around it is dropped."""
        if isinstance(node, Element) and node is path[-1]:
            self.walk(node, Style())
        elif isinstance(node, Element) and node in path:
            for child in node.children:
                self.walk_outside(child, path)
        elif isinstance(node, Text):
            if node.data.strip():
                self.dropped.append(Dropped(node.line, collapse(node.data), OUTSIDE_MAIN))
        else:
            reason = self.drop_reason(node)
            if reason != "":
                self.drop(node, reason or OUTSIDE_MAIN)

    def walk(self, node: Element | Text, style: Style) -> None:
        if isinstance(node, Text):
            self.add_text(node, style)
            return
        reason = self.drop_reason(node)
        if reason is not None:
            if reason:
                self.drop(node, reason)
            return
        tag = node.tag
        if tag == "br":
            self.line_break()
        elif tag in HEADINGS:
            self.in_context(node, style, (Hint.HEADING, HEADINGS[tag], False))
        elif tag in ("ul", "ol"):
            self.flush()
            self.lists.append(tag == "ol")
            self.walk_children(node, style)
            self.lists.pop()
            self.flush()
        elif tag == "li":
            depth = max(len(self.lists) - 1, 0)
            ordered = bool(self.lists) and self.lists[-1]
            self.in_context(node, style, (Hint.ITEM, depth, ordered))
        elif tag == "table" and is_data_table(node):
            self.read_table(node, style)
        else:
            self.walk_element(node, style)

    def walk_element(self, node: Element, style: Style) -> None:
        tag = node.tag
        style = restyle(style, node)
        if tag not in BLOCKS and tag != "pre":
            self.walk_children(node, style)
            return
        self.boundary()
        self.sections += tag in SECTIONING
        self.pre += tag == "pre"
        self.walk_children(node, style)
        self.pre -= tag == "pre"
        self.sections -= tag in SECTIONING
        self.boundary()

    def walk_children(self, node: Element, style: Style) -> None:
        for child in node.children:
            self.walk(child, style)

    def in_context(self, node: Element, style: Style, context: tuple[Hint, int, bool]) -> None:
        self.flush()
        self.contexts.append(context)
        self.walk_children(node, style)
        self.flush()
        self.contexts.pop()

    def drop_reason(self, node: Element) -> str | None:
        """Why an element is left out ("" to leave it out unlisted), or None to keep it."""
        if node.tag in SILENT:
            return ""
        if "hidden" in node.attrs or node.attr("aria-hidden") == "true":
            return "hidden on the page"
        if HIDDEN_STYLE.search(node.attr("style")):
            return "hidden on the page"
        role = node.attr("role")
        if role in CHROME_ROLES:
            return f'{role} (role="{role}")'
        if node.tag in SKIPPED:
            return SKIPPED[node.tag]
        if node.tag in ("header", "footer") and not self.sections:
            return f"page {node.tag} (<{node.tag}>)"
        return None

    def drop(self, node: Element, reason: str) -> None:
        text = "" if node.tag in UNSPOKEN else summary(node)
        self.dropped.append(Dropped(node.line, text, reason))

    def add_text(self, node: Text, style: Style) -> None:
        if self.pre:
            first, *rest = node.data.split("\n")
            self.append(first, node.line, style)
            for offset, part in enumerate(rest, start=1):
                self.line_break()
                self.append(part, node.line + offset, style)
        else:
            self.append(SPACES.sub(" ", node.data), node.line, style)

    def append(self, text: str, line: int, style: Style) -> None:
        if not text:
            return
        if not self.pieces or not "".join(p.text for p in self.pieces).strip():
            self.start = line
        self.pieces.append(Inline(text, style.strong, style.emphasis, style.href))

    def boundary(self) -> None:
        """A block starts or ends: a new line, or a space inside an item, heading or cell."""
        if self.contexts[-1][0] is Hint.NONE:
            self.flush()
        else:
            self.pieces.append(Inline(" "))

    def line_break(self) -> None:
        if self.contexts[-1][0] is not Hint.NONE:
            self.pieces.append(Inline(" "))
            return
        if not self.group:
            self.groups += 1
            self.group = self.groups
        self.flush(keep_group=True)
        self.after_break = True

    def flush(self, *, keep_group: bool = False) -> None:
        pieces = tidy_pieces(self.pieces)
        self.pieces = []
        if pieces:
            hint, level, ordered = self.contexts[-1]
            self.lines.append(
                SourceLine(
                    self.start,
                    pieces,
                    indent=level if hint is Hint.ITEM else 0,
                    blank_before=not self.after_break,
                    hint=hint,
                    level=level,
                    ordered=ordered,
                    group=self.group,
                )
            )
        if not keep_group:
            self.group = 0
            self.after_break = False

    def read_table(self, table: Element, style: Style) -> None:
        self.flush()
        caption = next((e for e in table.elements() if e.tag == "caption"), None)
        if caption is not None:
            self.walk_element(caption, style)
        for row, in_head in table_rows(table):
            cells = [c for c in row.children if isinstance(c, Element) and c.tag in ("td", "th")]
            texts = tuple(tidy_pieces(inline_pieces(cell, style)) for cell in cells)
            if any(texts):
                header = in_head or all(c.tag == "th" for c in cells)
                hint = Hint.HEADER_ROW if header else Hint.ROW
                self.lines.append(SourceLine(row.line, (), hint=hint, cells=texts))
