"""A redline as text: coloured for a terminal, or Markdown for a pull-request comment.

Both show the changed blocks under the heading of their section, unchanged blocks left out
(unless asked for the whole text), and a moved run of blocks as one line where it was.
Without colour, insertions read {+like this+} and deletions [-like this-], as `wdiff` writes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .model import CELL, BlockKind, Change, Move, Op, Redline, Row, Side, Span

RESET = "\x1b[0m"
STYLES = {
    "ins": "\x1b[32;4m",
    "del": "\x1b[31;9m",
    "moved": "\x1b[36m",
    "heading": "\x1b[1m",
    "dim": "\x1b[2m",
}
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Characters a terminal would act on (escape sequences): never printed as they are."""


@dataclass(frozen=True)
class _Style:
    """How one output marks what changed."""

    insert: Callable[[str], str]
    delete: Callable[[str], str]
    moved: Callable[[str], str]
    heading: Callable[[str], str]
    dim: Callable[[str], str]
    text: Callable[[str], str]
    markdown: bool = False

    def heading_prefix(self, level: int) -> str:
        """A heading's marks: its level in a terminal; a small heading in a comment."""
        return "##### " if self.markdown else "#" * max(2, level) + " "


def _terminal_style(color: bool) -> _Style:
    if not color:
        return _Style(
            lambda t: f"{{+{t}+}}",
            lambda t: f"[-{t}-]",
            lambda t: f"[{t}]",
            str,
            str,
            _safe_for_terminal,
        )

    def paint(kind: str) -> Callable[[str], str]:
        return lambda text: f"{STYLES[kind]}{text}{RESET}"

    return _Style(
        paint("ins"),
        paint("del"),
        paint("moved"),
        paint("heading"),
        paint("dim"),
        _safe_for_terminal,
    )


def _safe_for_terminal(text: str) -> str:
    return CONTROL.sub("\ufffd", text)


def _markdown_style() -> _Style:
    return _Style(
        lambda t: f"<ins>{t}</ins>",
        lambda t: f"<del>{t}</del>",
        lambda t: f"_{t}_",
        lambda t: t,
        lambda t: f"_{t}_",
        _escape_markdown,
        markdown=True,
    )


def render_terminal(
    redline: Redline, old: Side, new: Side, *, color: bool, full: bool = False
) -> str:
    """The redline for a terminal, coloured or marked with {+ +} and [- -]."""
    style = _terminal_style(color)
    title = style.text(new.title or old.title)
    old_line = style.text(f"--- old: {_describe(old)}")
    new_line = style.text(f"+++ new: {_describe(new)}")
    lines = [
        style.heading(f"{title}: what changed"),
        style.delete(old_line) if color else old_line,
        style.insert(new_line) if color else new_line,
        _numbers(redline),
    ]
    for header, row, starts_move in _selected(redline, full):
        if header is not None:
            lines += ["", style.heading(f"§ {header}")]
        lines += _row_lines(row, redline, style, full, starts_move)
    return "\n".join(lines).rstrip() + "\n"


def render_markdown(redline: Redline, old: Side, new: Side, *, full: bool = False) -> str:
    """The redline as GitHub Markdown, to paste into a pull-request comment."""
    style = _markdown_style()
    lines = [
        f"### {_escape_markdown(new.title or old.title)}: what changed",
        "",
        f"**Old:** {_escape_markdown(_describe(old))}  ",
        f"**New:** {_escape_markdown(_describe(new))}",
        "",
        f"**{_numbers(redline)}**",
    ]
    if not redline.is_equal:
        lines += [
            "",
            "Added words are <ins>underlined</ins>, deleted words <del>struck through</del>.",
        ]
    for header, row, starts_move in _selected(redline, full):
        if header is not None:
            lines += ["", f"#### {_escape_markdown(header)}"]
        lines += ["", *_row_lines(row, redline, style, full, starts_move)]
    return "\n".join(lines).rstrip() + "\n"


def _describe(side: Side) -> str:
    date = side.effective_date
    when = f", effective {date:%B} {date.day}, {date.year}" if date else ""
    return f"{side.label}{when}"


def _numbers(redline: Redline) -> str:
    stats = redline.stats
    if redline.is_equal:
        return "No changes: the two texts read the same."
    moved = f", {stats.words_moved} moved" if stats.moves else ""
    places = "place" if stats.changes == 1 else "places"
    sections = "section" if stats.sections_changed == 1 else "sections"
    return (
        f"{stats.words_added} words added, {stats.words_removed} deleted{moved}; "
        f"{stats.sections_changed} {sections} changed, in {stats.changes} {places}."
    )


def _selected(redline: Redline, full: bool) -> Iterator[tuple[str | None, Row, bool]]:
    """The rows to show, with the section title to print above each when it changes, and
    whether the row starts a move (the first row of a move stands for all of it)."""
    shown: tuple[str, ...] | None = None
    announced: set[tuple[int, Change]] = set()
    for row in redline.rows:
        starts_move = row.move is not None and (row.move, row.change) not in announced
        if row.move is not None:
            announced.add((row.move, row.change))
        if not full and (not row.is_change or (row.move and not starts_move and not _edited(row))):
            continue
        section = row.block.section
        header = None
        if not full and section != shown and row.block.kind is not BlockKind.HEADING:
            header = " \u203a ".join(section) if section else "Opening text"
        shown = section
        yield header, row, starts_move


def _edited(row: Row) -> bool:
    return row.change is Change.MOVED_TO and any(span.op is not Op.EQUAL for span in row.spans)


def _row_lines(row: Row, redline: Redline, style: _Style, full: bool, starts: bool) -> list[str]:
    lines = []
    if starts:
        move = next(m for m in redline.moves if m.id == row.move)
        lines.append(_move_line(row, move, style, full))
        if not full and not _edited(row):
            return lines
    note = style.dim(f" (form changed: {row.note})") if row.note else ""
    lines.append(_prefix(row, style) + _words(row, style) + note)
    return lines


def _prefix(row: Row, style: _Style) -> str:
    block = row.block
    indent = "  " * max(0, block.depth - 1)
    if block.kind is BlockKind.HEADING:
        return style.heading_prefix(block.level)
    if block.kind is BlockKind.ITEM:
        return indent + (f"{block.number}. " if block.ordered and block.number else "- ")
    if block.in_item:
        return indent + "  "
    return ""


def _move_line(row: Row, move: Move, style: _Style, full: bool) -> str:
    first = style.text(_first_words(row.block.display))
    more = f" and {move.blocks - 1} more blocks" if move.blocks > 1 else ""
    what = "" if full else f": “{first}”{more}"
    if row.change is Change.MOVED_FROM:
        return style.moved(f"Moved away{what}. It is now {move.destination}.")
    return style.moved(f"Moved here{what}. It was {move.origin}.")


def _first_words(text: str, count: int = 8) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def _words(row: Row, style: _Style) -> str:
    marker = style.text(row.block.marker) + " " if row.block.marker else ""
    if row.change is Change.ADDED:
        return style.insert(marker + _plain(row.spans, style))
    if row.change is Change.REMOVED:
        return style.delete(marker + _plain(row.spans, style))
    if row.change is Change.MOVED_FROM:
        return style.moved(marker + _plain(row.spans, style))
    parts = []
    for span in row.spans:
        text = style.text(span.text.replace(CELL, " | "))
        if span.op is Op.INSERT:
            parts.append(_mark(style.insert, text))
        elif span.op is Op.DELETE:
            parts.append(_mark(style.delete, text))
        else:
            parts.append(text)
    return marker + "".join(parts)


def _mark(paint: Callable[[str], str], text: str) -> str:
    """Mark the words of `text`, leaving the spaces at either end outside the mark."""
    core = text.strip()
    if not core:
        return text
    start = text.index(core)
    return text[:start] + paint(core) + text[start + len(core) :]


def _plain(spans: tuple[Span, ...], style: _Style) -> str:
    return style.text("".join(span.text for span in spans).replace(CELL, " | "))


def _escape_markdown(text: str) -> str:
    """Text that GitHub shows as it is: no HTML, no emphasis, no list or heading."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return LINE_START.sub(r"\1\\\2", text)
