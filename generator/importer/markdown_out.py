"""The notice as Markdown that shows exactly the page's words: every character that Markdown
would read as markup is escaped, so the built page says what the saved page said."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import quote

from .model import Block, Inline, Role, SourceLine
from .patterns import EMAIL, URL

ESCAPED = frozenset("\\`*_[]{}|#")
ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.IGNORECASE)
ORDINAL = re.compile(r"^(\d+)\.")
LINK_OR_MAIL = re.compile(f"{URL.pattern}|{EMAIL.pattern}")
LINE_START = {">": "\\>", "+": "\\+", "-": "\\-", "=": "&#61;", ":": "&#58;", "!": "\\!"}
"""Characters that start a quote, a list, a heading underline, a definition or an admonition
when they begin a line; the others are escaped wherever they are."""


def blocks_to_markdown(blocks: list[Block]) -> str:
    """The body of the source file: blocks apart, items of a list on consecutive lines."""
    parts: list[str] = []
    previous: Block | None = None
    for block in blocks:
        if block.role is Role.ITEM:
            # a nested item needs its parent item just above, or its indentation makes code
            top = previous.level + 1 if previous and previous.role is Role.ITEM else 0
            block = replace(block, level=min(block.level, top))
        text = _block(block)
        if previous is not None and _same_list(previous, block):
            parts[-1] += "\n" + text
        else:
            parts.append(text)
        previous = block
    return "\n\n".join(parts) + "\n"


def _same_list(previous: Block, block: Block) -> bool:
    return (
        previous.role is Role.ITEM
        and block.role is Role.ITEM
        and (previous.ordered == block.ordered or block.level > previous.level)
    )


def _block(block: Block) -> str:
    first = block.lines[0]
    if block.role is Role.HEADING:
        return "#" * block.level + " " + inline(first.pieces)
    if block.role is Role.ITEM:
        marker = "1." if block.ordered else "-"
        return "    " * block.level + marker + " " + _labelled(first, block.label)
    if block.role is Role.STATEMENT and not any(p.strong for p in first.pieces):
        return "**" + inline(first.pieces, at_start=False) + "**"
    if block.role is Role.LINES:
        return "<br>\n".join(inline(line.pieces) for line in block.lines)
    if block.role is Role.TABLE:
        return _table(block.lines)
    return _labelled(first, block.label)


def _labelled(line: SourceLine, label: int) -> str:
    """The line, its run-in heading (the first `label` characters of plain text) in bold."""
    if not label:
        return inline(line.pieces)
    text = line.pieces[0].text
    return inline((Inline(text[:label], strong=True), Inline(text[label:])))


def _table(rows: tuple[SourceLine, ...]) -> str:
    width = max(len(row.cells) for row in rows)
    lines = []
    for number, row in enumerate(rows):
        cells = [inline(cell, at_start=False) for cell in row.cells]
        cells += [""] * (width - len(cells))
        lines.append("| " + " | ".join(cells) + " |")
        if number == 0:
            lines.append("|" + " --- |" * width)
    return "\n".join(lines)


def inline(pieces: tuple[Inline, ...], *, at_start: bool = True) -> str:
    """Pieces of styled text as Markdown; `at_start` when they begin a line of the file."""
    out = []
    for number, piece in enumerate(pieces):
        core = piece.text.strip(" ")
        if not core:
            out.append(piece.text)
            continue
        lead = piece.text[: len(piece.text) - len(piece.text.lstrip(" "))]
        trail = piece.text[len(piece.text.rstrip(" ")) :]
        text = _styled(core, piece, first=at_start and number == 0 and not lead)
        out.append(lead + text + trail)
    return "".join(out)


def _styled(core: str, piece: Inline, *, first: bool) -> str:
    if piece.href:
        text = f"[{escape(core)}]({_target(piece.href)})"
    else:
        text = _with_links(core, first=first and not (piece.strong or piece.emphasis))
    if piece.emphasis:
        text = f"*{text}*"
    if piece.strong:
        text = f"**{text}**"
    return text


def _with_links(text: str, *, first: bool) -> str:
    """Escaped text, with web addresses and e-mail addresses made into links."""
    out = []
    position = 0
    for match in LINK_OR_MAIL.finditer(text):
        before = escape(text[position : match.start()])
        out.append(_line_start(before) if first and not position else before)
        out.append(f"<{match.group()}>")
        position = match.end()
    rest = escape(text[position:])
    out.append(_line_start(rest) if first and not position else rest)
    return "".join(out)


def escape(text: str) -> str:
    """Text with every character Markdown could read as markup escaped."""
    out = []
    for index, char in enumerate(text):
        if char in ESCAPED:
            out.append("\\" + char)
        elif char == "<":
            out.append("&lt;")
        elif char == "&" and ENTITY.match(text, index):
            out.append("&amp;")
        else:
            out.append(char)
    return "".join(out)


def _line_start(text: str) -> str:
    """Escape what only means something at the start of a line: '> ', '- ', '1. ', '=', ':'."""
    if text[:1] in LINE_START:
        return LINE_START[text[0]] + text[1:]
    return ORDINAL.sub(r"\1\\.", text, count=1)


def _target(href: str) -> str:
    return quote(href, safe=":/?#@!$&'*+,;=%~-._")
