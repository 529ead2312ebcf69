"""The rule pack: generator/rules/hipaa-npp.yaml read into frozen rules, checked as it is read."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

STATUSES = frozenset({"pass", "warn", "review", "fail"})
UNITS = frozenset({"paragraph", "sentence", "section", "document"})


@dataclass(frozen=True)
class Pattern:
    """A named pattern of section 5.2: a regular expression, or a list of numbers to exclude."""

    name: str
    regex: re.Pattern[str] | None = None
    numbers: frozenset[str] = frozenset()
    """Digits of telephone numbers (for a list such as P.HHS-PHONES)."""
    base: str = ""
    """Another pattern this one matches like, minus the numbers of `exclude`."""
    exclude: str = ""


@dataclass(frozen=True)
class Scope:
    """Where in the notice a detection looks."""

    kind: str = "document"
    """document, headings, start, sections or sentences."""
    pattern: str = ""
    chars: int = 0


@dataclass(frozen=True)
class Detect:
    """What satisfies a check: one pattern, several together, or any of several detections."""

    kind: str
    patterns: tuple[str, ...] = ()
    unit: str = "paragraph"
    within: int | None = None
    scope: Scope = Scope()
    options: tuple[Detect, ...] = ()
    lead: bool = False
    """The first pattern must be in the unit's first sentence (a paragraph's heading counts)."""
    without: str = ""
    """A unit of text that matches this pattern does not count."""


@dataclass(frozen=True)
class Check:
    """When `when` is found, the element gets `status` (unless a date or a flag rules it out)."""

    when: Detect
    status: str
    message: str = ""
    before: dt.date | None = None
    unless: str = ""


@dataclass(frozen=True)
class Requirement:
    """If the profile flag holds, a notice lacking the element gets `status`."""

    flag: str
    status: str


@dataclass(frozen=True)
class Element:
    """One row of the checklist's Table A."""

    id: str
    citation: str
    group: str
    title: str
    required_since: dt.date
    required: tuple[Requirement, ...]
    add: str
    checks: tuple[Check, ...] = ()
    if_unstated: str = "review"
    analysis: str = ""
    settings: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class NotEnforced:
    """A row of Table B: vacated, removed or never adopted; never failed."""

    id: str
    citation: str
    title: str
    reason: str
    noted_if: str = ""
    note: str = ""
    present_if: str = ""


@dataclass(frozen=True)
class TimingRule:
    """A row of Table C, with the check that covers it (a built-in one, or "process")."""

    id: str
    ref: str
    citation: str
    title: str
    check: str
    level: str = "fail"
    years: int = 0


@dataclass(frozen=True)
class SourceCheck:
    """A check of the source file itself, not an element of the law."""

    id: str
    title: str
    level: str
    add: str


@dataclass(frozen=True)
class Flag:
    """How a flag of the checklist's "applies to" column is decided from the profile."""

    always: bool = False
    types: tuple[str, ...] = ()
    all: tuple[str, ...] = ()
    """Other flags and practices that must all hold."""
    list: str = ""
    """A list of the profile that must not be empty."""


@dataclass(frozen=True)
class Milestone:
    date: dt.date
    name: str


@dataclass(frozen=True)
class RulePack:
    """Every rule of one pack, as read from its file."""

    name: str
    version: int
    title: str
    kind: str
    milestones: tuple[Milestone, ...]
    types: Mapping[str, str]
    practices: Mapping[str, tuple[tuple[str, ...], str]]
    """Practice flag of the profile -> (entity types it fits, or () for any; its meaning)."""
    lists: Mapping[str, str]
    flags: Mapping[str, Flag]
    patterns: Mapping[str, Pattern]
    groups: Mapping[str, str]
    elements: tuple[Element, ...]
    masked_by: str
    """A pattern whose matches the other patterns do not see (the header sentence)."""
    unmasked: frozenset[str]
    """Patterns that see masked text all the same."""
    not_enforced: tuple[NotEnforced, ...]
    timing: tuple[TimingRule, ...]
    source_checks: tuple[SourceCheck, ...]

    @property
    def label(self) -> str:
        return f"{self.name} v{self.version}"

    def element(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.id == element_id), None)

    def timing_rule(self, check: str) -> TimingRule:
        return next(rule for rule in self.timing if rule.check == check)


def phone_digits(number: str) -> str:
    """A telephone number as ten digits (a leading 1 dropped), for comparing numbers."""
    digits = re.sub(r"\D", "", number)
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits
