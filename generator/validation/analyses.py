"""The elements a pattern cannot settle: plain language, enough detail, the effective date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .document import Block
from .findings import Evidence, Outcome
from .match import Hit, Matcher
from .rulepack import Element

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")
DATE_FORMATS = ("%B %d %Y", "%b %d %Y", "%m/%d/%Y", "%m/%d/%y", "%Y-%m-%d")
LABEL_WORDS = 6
SENTENCE_WORDS = frozenset(
    {"we", "you", "our", "your", "us", "they", "it", "is", "are", "was", "be", "may", "can"}
    | {"will", "must", "need", "needs", "has", "have", "do", "does"}
)
"""Words that make a short item a sentence rather than a bare label."""


@dataclass(frozen=True)
class Context:
    """What an analysis needs besides the text: the front matter's effective date and its line."""

    effective_date: dt.date
    effective_line: int


Result = tuple[Outcome, str, Evidence | None]
Analysis = Callable[[Element, Matcher, Context], Result]


def run_analysis(element: Element, matcher: Matcher, context: Context) -> Result:
    """The status, message and evidence of an element judged by an analysis."""
    return ANALYSES[element.analysis](element, matcher, context)


def evidence_of(hit: Hit, matcher: Matcher) -> Evidence:
    return Evidence(hit.quote, hit.line, section_of(hit.line, matcher))


def section_of(line: int, matcher: Matcher) -> str:
    """The heading of the section holding `line`."""
    heading = ""
    for block in matcher.document.blocks:
        if block.line > line:
            break
        if block.is_heading:
            heading = block.text
    return heading


def readability(element: Element, matcher: Matcher, context: Context) -> Result:
    text = matcher.document.whole()
    grade = reading_grade(text.text)
    limit = float(element.settings.get("max_grade", 10))
    message = (
        f"Reading grade about {grade:.1f} (Flesch-Kincaid; aim for {limit:g} or lower). "
        "A person should judge whether the notice is plain."
    )
    evidence = None
    for wrong, right in element.settings.get("misnomers", {}).items():
        found = re.search(wrong, text.text, re.I)
        if found:
            hit = Hit(text, found.start(), found.end())
            evidence = evidence or evidence_of(hit, matcher)
            message += f' Line {hit.line}: "{found.group()}" should be "{right}".'
    return Outcome.REVIEW, message, evidence


def reading_grade(text: str) -> float:
    """Flesch-Kincaid grade level: 0.39 words per sentence + 11.8 syllables per word - 15.59."""
    words = WORD.findall(text)
    sentences = max(1, len(re.findall(r"[.!?](?:\s|$)", text)))
    if not words:
        return 0.0
    syllables = sum(_syllables(word) for word in words)
    return 0.39 * len(words) / sentences + 11.8 * syllables / len(words) - 15.59


def _syllables(word: str) -> int:
    word = word.lower()
    count = len(VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


def empty_sections(element: Element, matcher: Matcher, context: Context) -> Result:
    """Headings with nothing under them, and list items that are only a label."""
    document = matcher.document
    empty = []
    for i, block in enumerate(document.blocks):
        if (block.is_heading and len(document.section(i)) == 1) or _is_bare_label(block):
            empty.append(block)
    if not empty:
        return (
            Outcome.REVIEW,
            "Every heading has text under it. A person should judge whether each purpose is "
            "described in enough detail.",
            None,
        )
    names = "; ".join(f'"{b.text}" (line {b.line})' for b in empty[:5])
    first = empty[0]
    evidence = Evidence(first.text, first.line, section_of(first.line, matcher))
    return Outcome.REVIEW, f"Headings or items with no description under them: {names}.", evidence


def _is_bare_label(block: Block) -> bool:
    """A list item that is only a label, such as "Research." with nothing after it."""
    words = [word.lower() for word in WORD.findall(block.text)]
    return (
        block.kind == "item"
        and len(words) <= LABEL_WORDS
        and block.text.endswith((".", ":"))
        and "." not in block.text[:-1]
        and not SENTENCE_WORDS.intersection(words)
    )


def effective_date(element: Element, matcher: Matcher, context: Context) -> Result:
    placeholder = matcher.search("P.DATE-PLACEHOLDER")
    if placeholder is not None:
        return (
            Outcome.FAIL,
            "The text holds a placeholder instead of a date.",
            evidence_of(placeholder, matcher),
        )
    stated = matcher.search("P.EFFECTIVE-DATE")
    front = context.effective_date
    if stated is not None:
        match = matcher.pack.patterns["P.EFFECTIVE-DATE"].regex
        found = match.search(stated.span.text, stated.start) if match else None
        date = parse_date(found.group("d")) if found else None
        if date is not None and date != front:
            return (
                Outcome.FAIL,
                f"The text says the notice is effective {date.isoformat()}, but its "
                f"effective_date is {front.isoformat()}.",
                evidence_of(stated, matcher),
            )
        if date is not None:
            return (
                Outcome.PASS,
                f"Effective {front.isoformat()}; the text says the same.",
                evidence_of(stated, matcher),
            )
    quote = f"effective_date: {front.isoformat()}"
    message = (
        "The effective date is in the front matter; it is printed at the top of every page "
        "and copy."
    )
    return Outcome.PASS, message, Evidence(quote, context.effective_line)


def parse_date(text: str) -> dt.date | None:
    """A date as notices write it: "July 16, 2025", "Jul. 16 2025", "7/16/2025", "2025-07-16"."""
    cleaned = re.sub(r"\s+", " ", text.replace(",", " ").replace(".", " ")).strip()
    cleaned = re.sub(r"^(Sept)\b", "Sep", cleaned, flags=re.I)
    for form in DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, form).date()
        except ValueError:
            continue
    return None


ANALYSES: dict[str, Analysis] = {
    "readability": readability,
    "empty-sections": empty_sections,
    "effective-date": effective_date,
}
