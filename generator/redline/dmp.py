"""diff-match-patch, and only here: sequences of tokens diffed as one character per token.

This is the library's lines-to-chars technique applied to any tokens: each distinct token
becomes one character, the characters are diffed, and the result is mapped back. The time-out
is off (`Diff_Timeout = 0`), so the result depends on the input alone, never on the machine.
"""

from __future__ import annotations

from collections.abc import Sequence

from diff_match_patch import diff_match_patch

from .model import Op

FIRST_CODE = 0xF0000
"""Tokens become characters of the private use planes 15 and 16: never letters or spaces, so
the library's semantic clean-up sees every token alike, except spaces (which stay spaces)."""
CODES = 2 * 0xFFFE
OPS = {-1: Op.DELETE, 0: Op.EQUAL, 1: Op.INSERT}


class TooManyTokens(Exception):
    """More distinct tokens than characters to stand for them."""


def diff_tokens(
    old: Sequence[str], new: Sequence[str], *, semantic: bool
) -> list[tuple[Op, list[str]]]:
    """The edits turning `old` into `new`, as runs of tokens.

    With `semantic`, short equal runs caught between edits are folded into them, so the
    result reads like a person's edit rather than a minimal one.
    """
    distinct = list(dict.fromkeys([*old, *new]))
    if len(distinct) > CODES:
        raise TooManyTokens
    codes = {token: _char(n) for n, token in enumerate(distinct)}
    codes[" "] = " "
    tokens = {char: token for token, char in codes.items()}
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    diffs = engine.diff_main(
        "".join([codes[t] for t in old]), "".join([codes[t] for t in new]), False
    )
    if semantic:
        engine.diff_cleanupSemantic(diffs)
    return [(OPS[op], [tokens[char] for char in chars]) for op, chars in diffs if chars]


def _char(number: int) -> str:
    """The character standing for the token numbered `number` (skipping plane 15's last two)."""
    return chr(FIRST_CODE + number + (2 if number >= 0xFFFE else 0))
