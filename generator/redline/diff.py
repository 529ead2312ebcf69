"""Two notice bodies compared: blocks aligned, moves found, words diffed, changes numbered."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .align import match_keys, pair_similar
from .blocks import parse_blocks
from .model import WORD, Block, BlockKind, Change, Move, Op, Redline, Row, Span
from .moves import describe_place, find_exact_moves, find_near_moves, group_moves
from .numbers import count_changes, number_changes
from .words import diff_words


def diff_bodies(old_html: str, new_html: str) -> Redline:
    """The redline between two rendered notice bodies."""
    return diff_blocks(parse_blocks(old_html), parse_blocks(new_html))


def diff_blocks(old: Sequence[Block], new: Sequence[Block]) -> Redline:
    """The redline between two lists of blocks: structure first, words second."""
    plan = _plan(old, new)
    rows = _rows(old, new, plan)
    rows, sections = number_changes(rows)
    moves = _moves(old, new, plan)
    return Redline(tuple(rows), moves, sections, count_changes(rows, moves, sections))


@dataclass
class _Plan:
    """What became of each block: matched unchanged, paired as changed, or moved."""

    matches: list[tuple[int, int]]
    unchanged: tuple[set[int], set[int]] = (set(), set())
    pairs: dict[int, int] = field(default_factory=dict)
    moves: dict[int, int] = field(default_factory=dict)

    @property
    def moved_to(self) -> dict[int, int]:
        return {j: i for i, j in self.moves.items()}


def _plan(old: Sequence[Block], new: Sequence[Block]) -> _Plan:
    matches = match_keys([b.key for b in old], [b.key for b in new])
    plan = _Plan(matches, ({i for i, _ in matches}, {j for _, j in matches}))
    old_words = [_word_set(b.text) for b in old]
    new_words = [_word_set(b.text) for b in new]
    gaps = list(_gaps(plan.matches, len(old), len(new)))
    deleted = [i for (i0, i1, _, _) in gaps for i in range(i0, i1)]
    inserted = [j for (_, _, j0, j1) in gaps for j in range(j0, j1)]
    plan.moves = find_exact_moves(old, new, deleted, inserted, plan.unchanged)
    moved_new = set(plan.moves.values())
    for i0, i1, j0, j1 in gaps:
        olds = [i for i in range(i0, i1) if i not in plan.moves]
        news = [j for j in range(j0, j1) if j not in moved_new]
        found = pair_similar(
            [old[i] for i in olds],
            [new[j] for j in news],
            [old_words[i] for i in olds],
            [new_words[j] for j in news],
        )
        plan.pairs.update((olds[a], news[b]) for a, b in found)
    paired_new = set(plan.pairs.values()) | moved_new
    left_old = [i for i in deleted if i not in plan.moves and i not in plan.pairs]
    left_new = [j for j in inserted if j not in paired_new]
    plan.moves.update(find_near_moves(old, new, left_old, left_new, (old_words, new_words)))
    return plan


@lru_cache(maxsize=4096)  # most blocks stand unchanged in many versions, so in many pairs
def _word_set(text: str) -> frozenset[str]:
    return frozenset(word.lower() for word in WORD.findall(text))


def _gaps(
    matches: list[tuple[int, int]], old_len: int, new_len: int
) -> list[tuple[int, int, int, int]]:
    """The runs of unmatched blocks between matches: (old start, old end, new start, new end)."""
    gaps = []
    i = j = 0
    for mi, mj in [*matches, (old_len, new_len)]:
        if mi > i or mj > j:
            gaps.append((i, mi, j, mj))
        i, j = mi + 1, mj + 1
    return gaps


def _rows(old: Sequence[Block], new: Sequence[Block], plan: _Plan) -> list[Row]:
    """Rows in reading order; in each gap, what went before what came, pair by pair."""
    rows: list[Row] = []
    move_ids = _move_ids(plan)
    moved_to = plan.moved_to
    pairs = sorted(plan.pairs.items())
    next_pair = 0
    i = j = 0
    for mi, mj in [*plan.matches, (len(old), len(new))]:
        stops = []
        while next_pair < len(pairs) and pairs[next_pair][0] < mi:
            stops.append(pairs[next_pair])
            next_pair += 1
        for pi, pj in [*stops, (mi, mj)]:
            rows.extend(_old_row(old, a, plan.moves, move_ids) for a in range(i, pi))
            rows.extend(_new_row(old, new, b, moved_to, move_ids) for b in range(j, pj))
            if (pi, pj) != (mi, mj):
                rows.append(_changed_row(old[pi], new[pj], Change.CHANGED))
            i, j = pi + 1, pj + 1
        if mi < len(old):
            rows.append(_equal_row(old[mi], new[mj]))
    return rows


def _move_ids(plan: _Plan) -> dict[int, int]:
    """The id of the move each moved old block belongs to, numbered in the new text's order."""
    groups = sorted(group_moves(plan.moves, plan.unchanged), key=lambda group: group[0][1])
    return {i: number for number, group in enumerate(groups, 1) for i, _ in group}


def _old_row(old: Sequence[Block], i: int, moves: dict[int, int], ids: dict[int, int]) -> Row:
    block = old[i]
    if i in moves:
        return Row(Change.MOVED_FROM, block, None, (Span(Op.EQUAL, block.text),), move=ids[i])
    return Row(Change.REMOVED, block, None, (Span(Op.DELETE, block.text),))


def _new_row(
    old: Sequence[Block],
    new: Sequence[Block],
    j: int,
    moved_to: dict[int, int],
    ids: dict[int, int],
) -> Row:
    block = new[j]
    if j in moved_to:
        i = moved_to[j]
        return replace(_changed_row(old[i], block, Change.MOVED_TO), move=ids[i])
    return Row(Change.ADDED, None, block, (Span(Op.INSERT, block.text),))


def _changed_row(old: Block, new: Block, change: Change) -> Row:
    spans = (Span(Op.EQUAL, new.text),) if old.key == new.key else diff_words(old.text, new.text)
    return Row(change, old, new, spans, note=describe_restyle(old, new))


def _equal_row(old: Block, new: Block) -> Row:
    note = describe_restyle(old, new)
    if note:
        return Row(Change.CHANGED, old, new, (Span(Op.EQUAL, new.text),), note=note)
    return Row(Change.EQUAL, old, new, (Span(Op.EQUAL, new.text),))


def describe_restyle(old: Block, new: Block) -> str:
    """A change of form that words alone do not show ("was a paragraph, now a list item")."""
    if old.kind is not new.kind:
        return f"was a {old.kind.label}, now a {new.kind.label}"
    if old.kind is BlockKind.HEADING and old.level != new.level:
        return f"was a level {old.level} heading, now level {new.level}"
    if old.kind is BlockKind.ITEM and old.depth != new.depth:
        return f"was at list level {old.depth}, now at level {new.depth}"
    if old.kind is BlockKind.ROW and old.header != new.header:
        return "now a header row" if new.header else "no longer a header row"
    return ""


def _moves(old: Sequence[Block], new: Sequence[Block], plan: _Plan) -> tuple[Move, ...]:
    groups = sorted(group_moves(plan.moves, plan.unchanged), key=lambda group: group[0][1])
    return tuple(
        Move(
            id=number,
            blocks=len(group),
            words=sum(new[j].words for _, j in group),
            origin=describe_place(old, group[0][0]),
            destination=describe_place(new, group[0][1]),
        )
        for number, group in enumerate(groups, 1)
    )
