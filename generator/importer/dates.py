"""Dates a notice states about itself: when it takes effect, and when it was last updated."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .model import FoundDate, SourceLine

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE = (
    rf"(?P<date>{MONTH}\s+{DAY},?\s+\d{{4}}|{DAY}\s+{MONTH},?\s+\d{{4}}"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|{MONTH},?\s+\d{{4}})\b"
)
JOIN = r"[\s:\u2013\u2014-]*(?:is\s+|was\s+|as\s+of\s+|on\s+|from\s+|beginning\s+|starting\s+)*"
EFFECTIVE_LABEL = r"\beffective(?:\s+date)?(?:\s+of\s+(?:this|the|our)\s+[\w ]{0,30}?)?"
UPDATED_LABEL = r"\b(?:last\s+)?(?:updated|revised|modified|amended)(?:\s+(?:date|on))?"
EFFECTIVE = re.compile(EFFECTIVE_LABEL + JOIN + DATE, re.IGNORECASE)
UPDATED = re.compile(UPDATED_LABEL + JOIN + DATE, re.IGNORECASE)
PLACEHOLDER = re.compile(
    EFFECTIVE_LABEL + JOIN + rf"(?P<date>\[[^\]]*\]|{MONTH}\s+_+,?\s*\d{{0,4}}|_{{2,}}[\s/_,\d]*"
    r"|X{1,2}/X{1,2}/X{2,4}|00/00/\d{2,4})",
    re.IGNORECASE,
)
DATE_LABEL_LINE = re.compile(
    r"^\W{0,3}(?:last\s+)?(?:effective|updated|revised|modified|amended)\b", re.IGNORECASE
)
LABEL_LINE_WORDS = 12


@dataclass(frozen=True)
class DateProblem:
    """A stated date that cannot be used: a placeholder, no day, or no such day."""

    line: int
    text: str
    problem: str
    label: str
    """effective or updated: which of the two dates the line states."""


@dataclass(frozen=True)
class StatedDates:
    """The effective and updated dates a notice states, and any it states unusably."""

    effective: FoundDate | None
    updated: FoundDate | None
    problems: tuple[DateProblem, ...]


def find_dates(lines: list[SourceLine]) -> StatedDates:
    """The first effective date and the first updated date stated in `lines`."""
    effective = updated = None
    problems: list[DateProblem] = []
    for line in lines:
        text = line.text
        if effective is None:
            effective = _found(EFFECTIVE.search(text), line, problems, "effective")
            placeholder = PLACEHOLDER.search(text)
            if effective is None and placeholder is not None:
                what = placeholder.group("date").strip()
                problem = f"'{what}' is a placeholder"
                problems.append(DateProblem(line.number, what, problem, "effective"))
        if updated is None:
            updated = _found(UPDATED.search(text), line, problems, "updated")
    return StatedDates(effective, updated, tuple(problems))


def is_date_line(line: SourceLine) -> bool:
    """A short line that states the notice's effective or updated date ("Updated: May 1, 2024")."""
    text = line.text
    return bool(
        DATE_LABEL_LINE.match(text)
        and len(text.split()) <= LABEL_LINE_WORDS
        and (EFFECTIVE.search(text) or UPDATED.search(text) or PLACEHOLDER.search(text))
    )


def _found(
    match: re.Match[str] | None, line: SourceLine, problems: list[DateProblem], label: str
) -> FoundDate | None:
    if match is None:
        return None
    written = match.group("date")
    try:
        return FoundDate(parse_written_date(written), line.number, line.text)
    except ValueError as error:
        problems.append(DateProblem(line.number, written, f"'{written}' {error}", label))
        return None


def parse_written_date(text: str) -> dt.date:
    """A date as notices write it: July 16, 2025; 16 July 2025; 07/16/2025; 2025-07-16."""
    parts = re.findall(r"[A-Za-z]+|\d+", text)
    numbers = [int(p) for p in parts if p.isdigit()]
    names = [MONTHS[p.lower()] for p in parts if p.lower() in MONTHS]
    if names and len(numbers) == 1:
        raise ValueError("gives a month but no day")
    if names:
        day, year = (numbers[0], numbers[1]) if len(numbers) == 2 else (0, 0)
        month = names[0]
    elif "-" in text:
        year, month, day = numbers
    else:
        month, day, year = numbers
        year += 2000 if year < 100 else 0
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError("is not a real date") from None
