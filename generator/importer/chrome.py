"""The page around a notice: the navigation before its title, the footer after its end, the
lines sites repeat ("top of page"); and where one page holds a second notice."""

from __future__ import annotations

import re
from collections import Counter

from .dates import is_date_line
from .model import Dropped, Hint, SourceLine
from .patterns import (
    BULLET,
    NPP_HEADER,
    TITLE_WORDS,
    has_contact_detail,
    is_heading_like,
    words,
)

CHROME_LINES = frozenset(
    {
        *("top of page", "bottom of page", "back to top", "return to top", "scroll to top"),
        *("go to top", "skip to content", "skip to main content", "skip navigation"),
        *("jump to content", "menu", "open menu", "close menu", "toggle navigation"),
        *("print this page", "share this page"),
    }
)
COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b", re.IGNORECASE)
JOINED_LINKS = re.compile(r"[a-z][A-Z][a-z]")
"""Link texts that a browser ran together when saving ("About usCareers")."""
MENU_WORDS = 15
TITLE_WORDS_MAX = 15
LOOKAROUND = 8
"""How many lines apart a notice's title and its date line or header statement may be."""


def is_chrome_line(line: SourceLine) -> bool:
    """A line sites put around any page ("top of page", "Skip to content")."""
    return " ".join(words(line.text)).lower().strip(" .:↑") in CHROME_LINES


def is_menu_like(line: SourceLine) -> bool:
    """A short line that is no sentence, as the links of a menu are."""
    text = line.text
    if line.hint is not Hint.NONE or BULLET.match(text) or is_date_line(line):
        return False
    if COPYRIGHT.search(text) or not any(ch.isalnum() for ch in text):
        return True
    if text[-1] in ".!?;:," or has_contact_detail(text):
        return False
    return len(words(text)) <= MENU_WORDS or bool(JOINED_LINKS.search(text))


def is_kept_before_title(line: SourceLine) -> bool:
    """Lines of the notice that some pages print above its title: its dates, its header."""
    return is_date_line(line) or is_header_statement(line)


def is_header_statement(line: SourceLine) -> bool:
    return bool(NPP_HEADER.search(line.text)) and len(line.text) <= 300


def find_title(lines: list[SourceLine], given: str | None) -> int | None:
    """Index of the line that is the notice's title, or None when no line looks like one."""
    if given:
        wanted = " ".join(words(given)).lower()
        for index, line in enumerate(lines):
            if " ".join(words(line.text)).lower() == wanted:
                return index
    for index, line in enumerate(lines):
        if line.hint is Hint.HEADING and line.level == 1:
            return index
    anchor = next((i for i, line in enumerate(lines) if _is_anchor(line)), None)
    if anchor is not None:
        near = [i for i in range(max(anchor - LOOKAROUND, 0), anchor) if _is_title(lines[i])]
        if near:
            return near[-1]
    counts = Counter(line.text for line in lines)
    return next(
        (i for i, line in enumerate(lines) if _is_title(line) and counts[line.text] == 1),
        None,
    )


def find_second_titles(lines: list[SourceLine], first: int) -> list[int]:
    """Indexes of later lines that start another notice: a title, then its date or header."""
    starts = []
    for index in range(first + 1, len(lines)):
        if _is_title(lines[index]) and any(
            _is_anchor(line) for line in lines[index + 1 : index + 1 + LOOKAROUND]
        ):
            starts.append(index)
    return starts


def _is_anchor(line: SourceLine) -> bool:
    return is_date_line(line) or is_header_statement(line)


def _is_title(line: SourceLine) -> bool:
    text = line.text
    if line.hint is Hint.HEADING:
        return line.level <= 2 and bool(TITLE_WORDS.search(text))
    return (
        line.hint is Hint.NONE
        and bool(TITLE_WORDS.search(text))
        and len(words(text)) <= TITLE_WORDS_MAX
        and text[-1] not in ".!?;:,"
        and (is_heading_like(text) or text.isupper())
    )


def footer_start(lines: list[SourceLine]) -> int:
    """Index from which the last lines are the site's footer: menu-like lines after the end."""
    start = len(lines)
    while start > 1 and is_menu_like(lines[start - 1]):
        start -= 1
    return start


def drop_repeated_navigation(
    lines: list[SourceLine], navigation: set[str]
) -> tuple[list[SourceLine], list[Dropped]]:
    """Leave out runs of two or more lines that repeat the navigation above the title."""
    kept: list[SourceLine] = []
    dropped: list[Dropped] = []
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and lines[end].text in navigation and is_menu_like(lines[end]):
            end += 1
        if end - index >= 2:
            reason = "repeats the site navigation"
            dropped.extend(Dropped(line.number, line.text, reason) for line in lines[index:end])
            index = end
        else:
            kept.append(lines[index])
            index += 1
    return kept, dropped
