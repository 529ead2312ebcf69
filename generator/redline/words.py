"""Words second: inside a changed block, which words were deleted and which inserted.

Text is cut into tokens (words, single punctuation marks, spaces), diffed with
diff-match-patch one character per token, then cleaned up semantically, so "555-0100" to
"555-0199" marks "0100" and "0199", and a rewritten clause is one deletion and one insertion
rather than a scatter of shared little words. A very long block is first cut into sentences
and the sentences aligned, so the work stays bounded.
"""

from __future__ import annotations

import re

from .align import match_keys
from .dmp import TooManyTokens, diff_tokens
from .model import CELL, WORD, Op, Span

TOKEN = re.compile(rf"{CELL}|{WORD.pattern}|[^\S{CELL}]+|[^\w\s]")
SENTENCE_END = re.compile(r"[.!?;:]$")
LONG = 1200
"""Tokens (both sides together) past which a block is aligned sentence by sentence first."""


def tokenize(text: str) -> list[str]:
    """Words, punctuation marks and spaces: joined, they give `text` back.

    Block texts have their whitespace collapsed already, so every space token is " ".
    """
    return TOKEN.findall(text)


def diff_words(old: str, new: str) -> tuple[Span, ...]:
    """The words of `old` and `new` with what happened to each, in reading order."""
    runs = _diff(tokenize(old), tokenize(new))
    return tuple(_merge(runs))


def _diff(old: list[str], new: list[str]) -> list[tuple[Op, list[str]]]:
    if len(old) + len(new) > LONG:
        return _diff_by_sentence(old, new)
    try:
        return diff_tokens(old, new, semantic=True)
    except TooManyTokens:  # pragma: no cover - a block with over 130,000 distinct words
        return [(Op.DELETE, old), (Op.INSERT, new)]


def _diff_by_sentence(old: list[str], new: list[str]) -> list[tuple[Op, list[str]]]:
    """Align sentences by their text, then diff words only between unmatched sentences."""
    old_sentences, new_sentences = _sentences(old), _sentences(new)
    old_keys = ["".join(s) for s in old_sentences]
    new_keys = ["".join(s) for s in new_sentences]
    runs: list[tuple[Op, list[str]]] = []
    i = j = 0
    for mi, mj in [*match_keys(old_keys, new_keys), (len(old_keys), len(new_keys))]:
        gap_old = [t for s in old_sentences[i:mi] for t in s]
        gap_new = [t for s in new_sentences[j:mj] for t in s]
        if len(gap_old) + len(gap_new) > LONG:
            runs += [(Op.DELETE, gap_old), (Op.INSERT, gap_new)]  # rewritten wholesale
        elif gap_old or gap_new:
            runs += _diff(gap_old, gap_new)
        if mi < len(old_keys):
            runs.append((Op.EQUAL, old_sentences[mi]))
        i, j = mi + 1, mj + 1
    return runs


def _sentences(tokens: list[str]) -> list[list[str]]:
    sentences: list[list[str]] = [[]]
    for token in tokens:
        sentences[-1].append(token)
        if token == " " and len(sentences[-1]) > 1 and SENTENCE_END.search(sentences[-1][-2]):
            sentences.append([])
    return [s for s in sentences if s]


def _merge(runs: list[tuple[Op, list[str]]]) -> list[Span]:
    """Join neighbouring runs of the same kind into one span."""
    spans: list[Span] = []
    for op, tokens in runs:
        text = "".join(tokens)
        if spans and spans[-1].op is op:
            spans[-1] = Span(op, spans[-1].text + text)
        elif text:
            spans.append(Span(op, text))
    return spans
