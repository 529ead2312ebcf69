"""One page, two documents (section 5.1): find where each starts, keep the notice's own."""

from __future__ import annotations

from .document import Block, Document
from .match import Matcher
from .rulepack import RulePack

TITLE_LENGTH = 100
DATE_DISTANCE = 3
"""A document's title is followed, within this many blocks, by its own date."""


def separate_documents(document: Document, pack: RulePack) -> Document:
    """The notice's own document; other documents found on the page are set aside.

    A document starts at a title ("Website Privacy Policy", "Notice of Privacy Practices")
    followed closely by its own effective or updated date. With two or more starts, the one
    holding the HIPAA header (or titled as the notice) is kept.
    """
    matcher = Matcher(document, pack)
    blocks = document.blocks
    starts = [i for i, block in enumerate(blocks) if _starts_document(i, block, blocks, matcher)]
    if len(starts) < 2:
        return document
    bounds = [0, *starts[1:], len(blocks)]
    segments = [list(range(bounds[k], bounds[k + 1])) for k in range(len(bounds) - 1)]
    chosen = _notice_segment(segments, starts, document, matcher)
    kept = document.restrict(segments[chosen])
    others = tuple(blocks[start] for k, start in enumerate(starts) if k != chosen)
    return Document(kept.blocks, kept.offsets, others)


def _starts_document(index: int, block: Block, blocks: tuple[Block, ...], matcher: Matcher) -> bool:
    title_like = block.is_heading or (
        len(block.span.lines) == 1
        and len(block.text) <= TITLE_LENGTH
        and not block.text.endswith(".")
    )
    if not title_like or not _has(matcher, "P.DOC-TITLE", block):
        return False
    following = blocks[index : index + DATE_DISTANCE + 1]
    return any(_has(matcher, "P.DOC-DATE", other) for other in following)


def _notice_segment(
    segments: list[list[int]], starts: list[int], document: Document, matcher: Matcher
) -> int:
    for k, segment in enumerate(segments):
        if any(_has(matcher, "P.HEADER", document.blocks[i]) for i in segment):
            return k
    for k, start in enumerate(starts):
        if _has(matcher, "P.NPP-TITLE", document.blocks[start]):
            return k
    return 0


def _has(matcher: Matcher, name: str, block: Block) -> bool:
    return bool(matcher.matches(name, block.span))
