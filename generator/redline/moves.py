"""Moved text: blocks deleted in one place and inserted, the same or nearly, in another."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Sequence

from .align import similarity
from .model import Block, BlockKind

MIN_WORDS = 3
"""A move shorter than this ("None.", "Yes.") is shown as a deletion and an insertion."""
NEARLY = 0.8
"""Share of words a moved block keeps to count as moved with edits."""
SHINGLE = 5
GAP = 5
"""Blocks that may be added to or removed from a moved section without splitting the move."""

Unchanged = tuple[set[int], set[int]]
"""Indices of the blocks matched unchanged, in the old text and in the new."""


def find_exact_moves(
    old: Sequence[Block],
    new: Sequence[Block],
    deleted: Sequence[int],
    inserted: Sequence[int],
    unchanged: Unchanged,
) -> dict[int, int]:
    """Deleted blocks inserted unchanged elsewhere: old index -> new index."""
    waiting: dict[str, deque[int]] = defaultdict(deque)
    for j in inserted:
        waiting[new[j].key].append(j)
    pairs = {}
    for i in deleted:
        queue = waiting.get(old[i].key)
        if queue:
            pairs[i] = queue.popleft()
    return drop_small(old, pairs, unchanged)


def find_near_moves(
    old: Sequence[Block],
    new: Sequence[Block],
    deleted: Sequence[int],
    inserted: Sequence[int],
    words: tuple[Sequence[frozenset[str]], Sequence[frozenset[str]]],
) -> dict[int, int]:
    """Deleted blocks inserted elsewhere with small edits: old index -> new index.

    Candidates share their first or last words, so the search stays linear in the blocks.
    """
    old_words, new_words = words
    candidates: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j in inserted:
        for shingle in _shingles(new[j]):
            candidates[shingle].append(j)
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for i in deleted:
        if old[i].words < MIN_WORDS:
            continue
        found = {j for s in _shingles(old[i]) for j in candidates.get(s, ()) if j not in taken}
        scored = [(similarity(old_words[i], new_words[j]), -j) for j in found]
        if scored and max(scored)[0] >= NEARLY:
            j = -max(scored)[1]
            pairs[i] = j
            taken.add(j)
    return pairs


def _shingles(block: Block) -> list[tuple[str, ...]]:
    words = tuple(block.text.lower().split())
    return [("<", *words[:SHINGLE]), (">", *words[-SHINGLE:])]


def drop_small(old: Sequence[Block], pairs: dict[int, int], unchanged: Unchanged) -> dict[int, int]:
    """Keep the moves of runs holding MIN_WORDS words or a heading."""
    kept: dict[int, int] = {}
    for group in group_moves(pairs, unchanged):
        blocks = [old[i] for i, _ in group]
        if sum(b.words for b in blocks) >= MIN_WORDS or any(
            b.kind is BlockKind.HEADING for b in blocks
        ):
            kept.update(group)
    return kept


def group_moves(pairs: dict[int, int], unchanged: Unchanged) -> list[list[tuple[int, int]]]:
    """Moved blocks that stay together, as one move each.

    A moved section stays one move when a few blocks were added to it, or removed from it,
    on the way: the blocks between two moved blocks may be changed, never unchanged or moved.
    """
    unchanged_old, unchanged_new = unchanged
    moved_new = set(pairs.values())
    groups: list[list[tuple[int, int]]] = []
    for i, j in sorted(pairs.items()):
        if groups:
            last_i, last_j = groups[-1][-1]
            between_old = range(last_i + 1, i)
            between_new = range(last_j + 1, j)
            if (
                j > last_j
                and len(between_old) <= GAP
                and len(between_new) <= GAP
                and not any(k in unchanged_old for k in between_old)
                and not any(k in unchanged_new or k in moved_new for k in between_new)
            ):
                groups[-1].append((i, j))
                continue
        groups.append([(i, j)])
    return groups


def describe_place(blocks: Sequence[Block], first: int) -> str:
    """Where a run starting at `first` stands, in words: "after “Our duties”", "in “Rights”"."""
    block = blocks[first]
    if block.kind is BlockKind.HEADING:
        for before in reversed(blocks[:first]):
            if before.kind is BlockKind.HEADING and before.level <= block.level:
                title = before.display
                return f"after “{title}”" if before.level == block.level else f"under “{title}”"
        return "at the beginning"
    section = block.section
    return f"in “{section[-1]}”" if section else "at the beginning"
