"""The blocks of a notice: headings, paragraphs, list items, contact blocks and tables."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .chrome import is_header_statement
from .dates import is_date_line
from .model import Block, Hint, Role, SourceLine
from .patterns import (
    ABBREVIATION_END,
    BULLET,
    CONTACT_HEADING,
    SUB_BULLETS,
    has_contact_detail,
    is_contact_line,
    is_heading_like,
    is_short_heading,
    is_title_case,
)

TABLE_HINTS = (Hint.ROW, Hint.HEADER_ROW)
RUN_IN = re.compile(r"^([A-Z][^.!?:]{0,80}?[.:])\s+\S.{20}")
RUN_IN_WORDS = 12


def build_blocks(lines: list[SourceLine]) -> list[Block]:
    """Group and classify the lines of one notice (its title already taken out)."""
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        size = _run_length(lines, index)
        if size > 1:
            run = tuple(lines[index : index + size])
            role = Role.TABLE if line.hint in TABLE_HINTS else Role.LINES
            blocks.append(Block(role, run))
        else:
            following = lines[index + 1] if index + 1 < len(lines) else None
            blocks.append(_single(line, following))
        index += size
    return _heading_levels(_item_depths(blocks))


def _run_length(lines: list[SourceLine], start: int) -> int:
    """How many lines from `start` form one table, one <br> group or one contact block."""
    first = lines[start]
    if first.hint in TABLE_HINTS:
        return _count(lines, start, lambda line: line.hint in TABLE_HINTS)
    if first.group:
        return _count(lines, start, lambda line: line.group == first.group)
    if first.hint is not Hint.NONE:
        return 1
    if is_date_line(first):
        return _count(lines, start, lambda line: line.hint is Hint.NONE and is_date_line(line))
    return _contact_run(lines, start)


def _count(lines: list[SourceLine], start: int, same: Callable[[SourceLine], bool]) -> int:
    end = start + 1
    while end < len(lines) and same(lines[end]):
        end += 1
    return end - start


def _contact_run(lines: list[SourceLine], start: int) -> int:
    """Lines that follow one another with no blank line, short, one of them a contact detail."""
    if not _may_be_contact(lines[start]):
        return 1
    end = start + 1
    while end < len(lines) and not lines[end].blank_before and _may_be_contact(lines[end]):
        end += 1
    run = lines[start:end]
    if len(run) > 1 and any(has_contact_detail(line.text) for line in run):
        return len(run)
    return 1


def _may_be_contact(line: SourceLine) -> bool:
    text = line.text
    return (
        line.hint is Hint.NONE
        and not line.group
        and is_contact_line(line)
        and not ((is_heading_like(text) or is_short_heading(text)) and CONTACT_HEADING.search(text))
    )


def _single(line: SourceLine, following: SourceLine | None) -> Block:
    if line.hint is Hint.HEADING:
        return Block(Role.HEADING, (line,), level=line.level)
    if line.hint is Hint.ITEM:
        return Block(Role.ITEM, (line,), level=line.level, ordered=line.ordered)
    bullet = BULLET.match(line.text)
    if bullet:
        indent = line.indent + (2 if bullet.group(1) in SUB_BULLETS else 0)
        item = _without_marker(line, bullet.end(), indent)
        return Block(Role.ITEM, (item,), label=run_in_label(item))
    if is_header_statement(line):
        return Block(Role.STATEMENT, (line,))
    if following is not None and _is_heading(line, following):
        return Block(Role.HEADING, (line,), level=2)
    role = Role.ITEM if line.indent > 0 else Role.PARAGRAPH
    return Block(role, (line,), label=run_in_label(line))


def run_in_label(line: SourceLine) -> int:
    """Length of a run-in heading at the start of plain text ("Treatment. We may..."), or 0."""
    match = RUN_IN.match(line.text)
    if line.hint is not Hint.NONE or len(line.pieces) != 1 or match is None:
        return 0
    label = match.group(1)
    if len(label.split()) > RUN_IN_WORDS or ABBREVIATION_END.search(label):
        return 0
    return len(label) if is_title_case(label) else 0


def _is_heading(line: SourceLine, following: SourceLine) -> bool:
    """A heading line of plain text: title case or a question; or a few words in sentence
    case with a sentence after them, or that head a contact block ("Contact us")."""
    text = line.text
    if is_date_line(line) or has_contact_detail(text):
        return False
    if is_heading_like(text):
        return True
    if not is_short_heading(text) or BULLET.match(text):
        return False
    return following.text[-1] in ".!?:;" or bool(CONTACT_HEADING.search(text))


def _without_marker(line: SourceLine, length: int, indent: int) -> SourceLine:
    first, *rest = line.pieces
    pieces = (replace(first, text=first.text[length:]), *rest)
    return replace(line, pieces=pieces, indent=indent)


def _item_depths(blocks: list[Block]) -> list[Block]:
    """Nest plain-text list items by their indentation, within each run of items."""
    indents: list[int] = []
    result = []
    for block in blocks:
        if block.role is not Role.ITEM:
            indents = []
            result.append(block)
            continue
        if block.lines[0].hint is Hint.ITEM:
            result.append(block)
            continue
        indent = block.lines[0].indent
        while indents and indents[-1] > indent:
            indents.pop()
        if not indents or indent > indents[-1]:
            indents.append(indent)
        result.append(replace(block, level=len(indents) - 1))
    return result


def _heading_levels(blocks: list[Block]) -> list[Block]:
    """Shift the page's heading levels so its top section headings are level 2 (## )."""
    blocks = _colon_headings(blocks)
    levels = [b.level for b in blocks if b.role is Role.HEADING]
    shift = 2 - min(levels, default=2)
    if not shift:
        return blocks
    return [
        replace(b, level=min(b.level + shift, 6)) if b.role is Role.HEADING else b for b in blocks
    ]


def _colon_headings(blocks: list[Block]) -> list[Block]:
    """In plain text, headings that end with ':' head subsections when others do not."""
    guessed = [b for b in blocks if b.role is Role.HEADING and b.lines[0].hint is Hint.NONE]
    if all(b.lines[0].text.endswith(":") for b in guessed):
        return blocks
    colons = {id(b) for b in guessed if b.lines[0].text.endswith(":")}
    return [replace(b, level=3) if id(b) in colons else b for b in blocks]
