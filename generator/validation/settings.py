"""The front matter that validation reads: the entity profile, waivers, covers and imported."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import NoticeError
from ..model import ImportRecord, NoticeText
from .profile import Profile, read_profile
from .rulepack import RulePack

MIN_REASON_WORDS = 3


@dataclass(frozen=True)
class Waiver:
    """An element the notice leaves out on purpose, and the written reason why."""

    reason: str
    by: str = ""
    line: int = 0


@dataclass(frozen=True)
class Settings:
    """Everything the front matter tells validation, each part checked."""

    profile: Profile = field(default_factory=Profile)
    waivers: Mapping[str, Waiver] = field(default_factory=dict)
    covers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Element id -> the headings of the sections said to cover it (front matter `covers`)."""
    imported: ImportRecord | None = None
    """Where and when the notice was published before it was imported (sources.py checks it)."""
    lines: Mapping[str, int] = field(default_factory=dict)
    """Line of each front matter key (dotted paths for nested ones)."""


def read_settings(
    text: NoticeText, pack: RulePack, *, path: str, commit: str
) -> tuple[Settings, list[NoticeError]]:
    """The validation settings of a notice, and a problem (file, line, commit) for each bad key."""
    lines = text.key_lines

    def problem(key: str, what: str, fix: str) -> NoticeError:
        parent = key
        while parent not in lines and "." in parent:
            parent = parent.rsplit(".", 1)[0]
        return NoticeError(what, path=path, line=lines.get(parent), commit=commit, fix=fix)

    front = text.front_matter
    profile, problems = read_profile(front.get("entity"), pack, problem)
    waivers = _waivers(front.get("waivers"), pack, problem, problems, lines)
    covers = _covers(front.get("covers"), pack, problem, problems)
    settings = Settings(profile, waivers, covers, text.imported, lines)
    return settings, problems


def _waivers(
    value: Any, pack: RulePack, problem: Any, problems: list[NoticeError], lines: Mapping[str, int]
) -> dict[str, Waiver]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(
            problem(
                "waivers",
                "'waivers' must list element ids, each with its reason.",
                "for example:\n    waivers:\n"
                '      purpose-disaster-relief: "We are a mail-order pharmacy ..."',
            )
        )
        return {}
    waivers = {}
    for key, given in value.items():
        where = f"waivers.{key}"
        if _check_id(str(key), where, pack, problem, problems):
            reason, by = (
                (given.get("reason"), given.get("by", ""))
                if isinstance(given, dict)
                else (given, "")
            )
            if not isinstance(reason, str) or len(reason.split()) < MIN_REASON_WORDS:
                problems.append(
                    problem(
                        where,
                        f"the waiver of '{key}' has no written reason.",
                        "an element may be waived only with a reason, in a sentence: why the "
                        "notice leaves it out.",
                    )
                )
                continue
            waivers[str(key)] = Waiver(reason.strip(), str(by or "").strip(), lines.get(where, 0))
    return waivers


def _covers(
    value: Any, pack: RulePack, problem: Any, problems: list[NoticeError]
) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(
            problem(
                "covers",
                "'covers' must list element ids, each with the heading of the section that "
                "covers it.",
                'for example:\n    covers:\n      right-to-amend: "Your rights"',
            )
        )
        return {}
    covers = {}
    for key, headings in value.items():
        where = f"covers.{key}"
        names = headings if isinstance(headings, list) else [headings]
        if not _check_id(str(key), where, pack, problem, problems):
            continue
        if not names or not all(isinstance(name, str) and name.strip() for name in names):
            problems.append(
                problem(
                    where,
                    f"'{key}' must name a heading of the notice.",
                    f'write {key}: "Your rights" (the heading\'s text).',
                )
            )
            continue
        covers[str(key)] = tuple(name.strip() for name in names)
    return covers


def _check_id(
    key: str, where: str, pack: RulePack, problem: Any, problems: list[NoticeError]
) -> bool:
    if pack.element(key) is not None:
        return True
    if any(rule.id == key for rule in pack.timing):
        problems.append(
            problem(
                where,
                f"'{key}' is a rule on timing, which cannot be waived or tagged.",
                "remove it.",
            )
        )
        return False
    close = difflib.get_close_matches(key, [e.id for e in pack.elements], n=1)
    fix = (
        f"did you mean '{close[0]}'?"
        if close
        else "use an id from the checklist, such as right-to-amend."
    )
    problems.append(
        problem(where, f"'{key}' is not an element of the {pack.title} checklist.", fix)
    )
    return False
