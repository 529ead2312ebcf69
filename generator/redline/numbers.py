"""The changes of a redline numbered for next/previous, grouped by section, and counted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .model import Change, Move, Op, Row, Section, Stats, count_words


def number_changes(rows: Sequence[Row]) -> tuple[list[Row], tuple[Section, ...]]:
    """Give each run of changed rows a number: one stop of next/previous change.

    A run ends at an unchanged row, where the section changes (so that each changed section
    starts with a stop the list of sections can link to) and around the place a move left.
    """
    numbered: list[Row] = []
    firsts: dict[tuple[str, ...], int] = {}
    stops: dict[tuple[str, ...], set[int]] = {}
    stop = 0
    before: Row | None = None
    for row in rows:
        if not row.is_change:
            numbered.append(row)
            before = row
            continue
        section = row.block.section
        starts = before is None or not before.is_change or _place(before) != _place(row)
        stop += starts
        numbered.append(replace(row, stop=stop, starts_stop=starts))
        firsts.setdefault(section, stop)
        stops.setdefault(section, set()).add(stop)
        before = row
    sections = tuple(Section(path, firsts[path], len(stops[path])) for path in firsts)
    return numbered, sections


def _place(row: Row) -> tuple[str, int | None, tuple[str, ...]]:
    if row.change is Change.MOVED_FROM:
        return ("left", row.move, row.block.section)
    return ("here", None, row.block.section)


def count_changes(rows: Sequence[Row], moves: Sequence[Move], sections: Sequence[Section]) -> Stats:
    """What changed in numbers: words added, removed and moved, blocks, sections, changes."""
    added = removed = 0
    for row in rows:
        for span in row.spans:
            if span.op is Op.INSERT:
                added += count_words(span.text)
            elif span.op is Op.DELETE:
                removed += count_words(span.text)
    kinds = [row.change for row in rows]
    return Stats(
        words_added=added,
        words_removed=removed,
        words_moved=sum(move.words for move in moves),
        blocks_changed=kinds.count(Change.CHANGED),
        blocks_added=kinds.count(Change.ADDED),
        blocks_removed=kinds.count(Change.REMOVED),
        moves=len(moves),
        sections_changed=len(sections),
        changes=max((row.stop or 0 for row in rows), default=0),
    )
