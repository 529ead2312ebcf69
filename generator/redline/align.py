"""Structure first: which blocks of the old text are the same blocks in the new one.

Blocks are matched by their compared form (patience alignment: blocks found once in each text
anchor the match, the gaps between anchors are matched the same way). The blocks left over in
each gap are then paired by how many words they share, piece by piece in a large gap, so that
a complete rewrite costs linear, not quadratic, work.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Hashable, Sequence
from itertools import pairwise

from .dmp import TooManyTokens, diff_tokens
from .model import Block, BlockKind, Op

EXACT_GAP = 4000
"""Largest gap (blocks on both sides) matched exactly when no block in it is unique."""
SIMILAR = 0.5
"""Share of words two blocks need in common to be shown as one changed block."""
CHUNK = 100
"""Blocks per piece when pairing a gap too large to pair whole."""


def match_keys(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[tuple[int, int]]:
    """Pairs (i, j) of equal items, in order, forming a long common subsequence."""
    matches: list[tuple[int, int]] = []
    work = [(0, len(old), 0, len(new))]
    while work:
        alo, ahi, blo, bhi = work.pop()
        while alo < ahi and blo < bhi and old[alo] == new[blo]:
            matches.append((alo, blo))
            alo, blo = alo + 1, blo + 1
        while alo < ahi and blo < bhi and old[ahi - 1] == new[bhi - 1]:
            ahi, bhi = ahi - 1, bhi - 1
            matches.append((ahi, bhi))
        if alo == ahi or blo == bhi:
            continue
        anchors = _unique_anchors(old, new, alo, ahi, blo, bhi)
        if anchors:
            bounds = [(alo - 1, blo - 1), *anchors, (ahi, bhi)]
            matches.extend(anchors)
            for (i0, j0), (i1, j1) in pairwise(bounds):
                work.append((i0 + 1, i1, j0 + 1, j1))
        else:
            matches.extend(_match_gap(old, new, alo, ahi, blo, bhi))
    return sorted(matches)


def _unique_anchors(
    old: Sequence[Hashable], new: Sequence[Hashable], alo: int, ahi: int, blo: int, bhi: int
) -> list[tuple[int, int]]:
    """Items found exactly once on each side, in the longest run that keeps their order."""
    old_counts = Counter(old[alo:ahi])
    new_counts = Counter(new[blo:bhi])
    where = {new[j]: j for j in range(blo, bhi) if new_counts[new[j]] == 1}
    pairs = [
        (i, where[old[i]]) for i in range(alo, ahi) if old_counts[old[i]] == 1 and old[i] in where
    ]
    return longest_increasing(pairs)


def longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of `pairs` (ordered by i) whose j also increase (patience sorting)."""
    tops: list[int] = []
    top_index: list[int] = []
    back: list[int] = []
    for index, (_, j) in enumerate(pairs):
        pile = bisect_left(tops, j)
        back.append(top_index[pile - 1] if pile else -1)
        if pile == len(tops):
            tops.append(j)
            top_index.append(index)
        else:
            tops[pile], top_index[pile] = j, index
    run: list[tuple[int, int]] = []
    at = top_index[-1] if top_index else -1
    while at >= 0:
        run.append(pairs[at])
        at = back[at]
    return run[::-1]


def _match_gap(
    old: Sequence[Hashable], new: Sequence[Hashable], alo: int, ahi: int, blo: int, bhi: int
) -> list[tuple[int, int]]:
    """Match a gap holding no unique item: exactly when small, else by numbered occurrences."""
    if not set(old[alo:ahi]) & set(new[blo:bhi]):
        return []
    if (ahi - alo) + (bhi - blo) <= EXACT_GAP:
        names = {key: str(n) for n, key in enumerate(dict.fromkeys([*old, *new]))}
        try:
            edits = diff_tokens(
                [names[k] for k in old[alo:ahi]], [names[k] for k in new[blo:bhi]], semantic=False
            )
        except TooManyTokens:  # pragma: no cover - needs more distinct blocks than a text holds
            edits = []
        return _equal_runs(edits, alo, blo)
    # The n-th "Yes." of one text answers the n-th "Yes." of the other: every item is unique.
    pairs = longest_increasing(_numbered_pairs(old[alo:ahi], new[blo:bhi]))
    return [(alo + i, blo + j) for i, j in pairs]


def _equal_runs(edits: list[tuple[Op, list[str]]], i: int, j: int) -> list[tuple[int, int]]:
    matches: list[tuple[int, int]] = []
    for op, run in edits:
        if op is Op.EQUAL:
            matches.extend((i + k, j + k) for k in range(len(run)))
        i += len(run) if op is not Op.INSERT else 0
        j += len(run) if op is not Op.DELETE else 0
    return matches


def _numbered(items: Sequence[Hashable]) -> list[tuple[Hashable, int]]:
    seen: Counter[Hashable] = Counter()
    numbered = []
    for item in items:
        numbered.append((item, seen[item]))
        seen[item] += 1
    return numbered


def _numbered_pairs(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[tuple[int, int]]:
    where = {key: j for j, key in enumerate(_numbered(new))}
    return [(i, where[key]) for i, key in enumerate(_numbered(old)) if key in where]


def pair_similar(
    old: Sequence[Block],
    new: Sequence[Block],
    old_words: Sequence[frozenset[str]],
    new_words: Sequence[frozenset[str]],
) -> list[tuple[int, int]]:
    """Pairs (i, j) of blocks alike enough to be one changed block, in order.

    Dynamic programming maximises the total likeness of the pairs. A gap too large for that
    is cut into pieces of CHUNK blocks matched side by side, keeping the work linear.
    """
    n, m = len(old), len(new)
    if n * m <= CHUNK * CHUNK:
        return _pair_all(old, new, old_words, new_words)
    pairs: list[tuple[int, int]] = []
    pieces = max(-(-n // CHUNK), -(-m // CHUNK))
    for piece in range(pieces):
        i0, i1 = n * piece // pieces, n * (piece + 1) // pieces
        j0, j1 = m * piece // pieces, m * (piece + 1) // pieces
        found = _pair_all(old[i0:i1], new[j0:j1], old_words[i0:i1], new_words[j0:j1])
        pairs.extend((i0 + i, j0 + j) for i, j in found)
    return pairs


def _pair_all(
    old: Sequence[Block],
    new: Sequence[Block],
    old_words: Sequence[frozenset[str]],
    new_words: Sequence[frozenset[str]],
) -> list[tuple[int, int]]:
    score = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in range(1, len(old) + 1):
        row, above = score[i], score[i - 1]
        for j in range(1, len(new) + 1):
            best = max(above[j], row[j - 1])
            if _can_pair(old[i - 1], new[j - 1]):
                likeness = similarity(old_words[i - 1], new_words[j - 1])
                if likeness >= SIMILAR:
                    best = max(best, above[j - 1] + likeness)
            row[j] = best
    pairs = []
    i, j = len(old), len(new)
    while i and j:
        if score[i][j] == score[i - 1][j]:
            i -= 1
        elif score[i][j] == score[i][j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    return pairs[::-1]


def _can_pair(old: Block, new: Block) -> bool:
    """Headings pair with headings, rows with rows; text blocks with one another."""
    fixed = (BlockKind.HEADING, BlockKind.ROW, BlockKind.CODE)
    return old.kind is new.kind or (old.kind not in fixed and new.kind not in fixed)


def similarity(old: frozenset[str], new: frozenset[str]) -> float:
    """Dice coefficient of two sets of words: 1 for the same words, 0 for none in common."""
    if not old or not new:
        return 1.0 if old == new else 0.0
    return 2 * len(old & new) / (len(old) + len(new))
