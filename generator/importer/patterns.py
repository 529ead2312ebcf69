"""What the importer recognises in a line of text: bullets, contact details, titles, headers."""

from __future__ import annotations

import re

from .model import SourceLine

BULLETS = "\u2022\u00b7\u25e6\u25aa\u25ab\u25a0\u25a1\u25cf\u25cb\u2023\u2043\u2219\u2013*+-"
"""Bullet, middle dot, white bullet, small squares, squares, circles, triangular and hyphen
bullets, bullet operator, en dash, asterisk, plus, hyphen."""
BULLET = re.compile(rf"^([{BULLETS}])\s+(?=\S)")
SUB_BULLETS = frozenset("\u25e6\u25cb\u25ab\u25a1\u2013")
"""Markers of a second-level item: white bullet, circle, small square, en dash."""
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
URL = re.compile(r"https?://[^\s<>\"]*[^\s<>\".,;:!?)\]'\u2019\u201d]")
PHONE = re.compile(
    r"(?<!\d)(?:\+?1[\s.-]?)?(?:\(\s*[2-9]\d{2}\s*\)|[2-9]\d{2})[\s.-]?[2-9]\d{2}[\s.-]?\d{4}(?!\d)"
    r"|(?<!\d)1[\s.-]?8(?:00|33|44|55|66|77|88)[\s.-]?[A-Z0-9]{3}[\s.-]?[A-Z0-9]{4}\b"
)
STREET = re.compile(
    r"^\d+[A-Za-z]?(?:-\d+)?\s+[A-Z0-9][\w.'-]*|\bP\.?\s?O\.?\s+Box\b|\b(?:Suite|Ste\.?|Floor)\s+\w",
    re.IGNORECASE,
)
CITY_ZIP = re.compile(r"\b[A-Z][A-Za-z.' -]+,\s*[A-Z][A-Za-z]+\.?,?\s+\d{5}(?:-\d{4})?\b")
CONTACT_LABEL = re.compile(
    r"^(?:phone|telephone|tel|fax|toll[- ]free|tty|tdd|e-?mail|mail|address|attn|attention)\b"
    r"\.?\s*:",
    re.IGNORECASE,
)
CONTACT_HEADING = re.compile(
    r"\b(?:contact|questions?|complaints?|reach us|get in touch|write to us|our address)\b",
    re.IGNORECASE,
)
ABBREVIATION_END = re.compile(
    r"\b(?:Inc|Ltd|Co|Corp|LLC|L\.L\.C|P\.C|PC|PLLC|LLP|St|Ave|Rd|Blvd|Dr|Ste|Fl)\.$"
)
NPP_HEADER = re.compile(
    r"\bthis\s+notice\s+describes\s+how\b.{0,80}\binformation\b.{0,60}\b(?:used|disclosed)\b",
    re.IGNORECASE,
)
NPP_TITLE = re.compile(
    r"\bnotice\s+of\s+(?:health\s+information\s+)?privacy\s+practices\b"
    r"|\bhipaa\s+(?:privacy\s+)?notice\b|\bprivacy\s+practices\s+notice\b",
    re.IGNORECASE,
)
TITLE_WORDS = re.compile(r"\bprivacy\b|\bnotice\b|\bdata\s+protection\b", re.IGNORECASE)
SMALL_WORDS = frozenset(
    {
        *("a", "an", "the", "and", "or", "nor", "but", "of", "to", "in", "on", "at", "by"),
        *("for", "from", "with", "as", "into", "per", "via", "vs", "this", "that", "our"),
        *("your", "its", "is", "are", "be"),
    }
)
OPENING_MARKS = "(\"'\u201c\u2018"
SENTENCE_END = ".,;!…"
SHORT_HEADING_WORDS = 6


def words(text: str) -> list[str]:
    return text.split()


def is_sentence(text: str) -> bool:
    """Ends the way a sentence or a clause does (and not with an abbreviation such as Inc.)."""
    return text[-1] in SENTENCE_END and not ABBREVIATION_END.search(text)


def is_title_case(text: str) -> bool:
    """Most words that matter start with a capital, as in a heading ("Changes to this Notice")."""
    significant = [
        word.strip(OPENING_MARKS)
        for word in words(text)
        if word.strip(OPENING_MARKS)[:1].isalpha() and word.lower().strip(",:") not in SMALL_WORDS
    ]
    if not significant:
        return False
    capitals = sum(1 for word in significant if word[0].isupper())
    return capitals / len(significant) >= 0.7


def is_heading_like(text: str) -> bool:
    """A short line that reads as a heading: a question, or a title-case phrase."""
    count = len(words(text))
    if not count or text[-1] in SENTENCE_END or not (text[0].isupper() or text[0].isdigit()):
        return False
    if text.endswith("?"):
        return count <= 15
    return count <= 12 and is_title_case(text)


def is_short_heading(text: str) -> bool:
    """A few words in sentence case with no closing mark ("What we collect", "Your rights")."""
    return (
        len(words(text)) <= SHORT_HEADING_WORDS
        and text[0].isupper()
        and text[-1] not in SENTENCE_END + ":"
    )


def has_contact_detail(text: str) -> bool:
    """Holds an e-mail address, a telephone number or a line of a postal address."""
    return bool(
        EMAIL.search(text)
        or PHONE.search(text)
        or STREET.search(text)
        or CITY_ZIP.search(text)
        or CONTACT_LABEL.match(text)
    )


def is_contact_line(line: SourceLine) -> bool:
    """Short enough, and not a sentence, to be one line of an address or contact block."""
    text = line.text.removesuffix(",")
    return (
        len(words(text)) <= 10
        and not is_sentence(text)
        and text[-1] not in ":?"
        and not BULLET.match(text)
    )
