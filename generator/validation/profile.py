"""The entity profile (`entity:` in the front matter), checked key by key, and the flags it decides.

A flag is true, false, or None when the profile does not state what decides it: a conditional
element is then reported for review, never passed silently.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import NoticeError
from .rulepack import RulePack

ENTITY_KEYS = ("name", "type", "practices")
PRACTICES_EXAMPLE = "for example:\n    practices:\n      fundraising: false"

Problem = Callable[[str, str, str], NoticeError]
"""Makes the error for a front matter key (dotted path), a problem and a fix."""


@dataclass(frozen=True)
class Profile:
    """What the notice says about the entity that publishes it; only what is stated."""

    name: str = ""
    types: tuple[str, ...] = ()
    practices: Mapping[str, bool] = field(default_factory=dict)
    lists: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def describe(self) -> str:
        """ "health-care-provider; fundraising, part2-records; not: facility-directory"."""
        yes = [name for name, value in self.practices.items() if value]
        no = [name for name, value in self.practices.items() if not value]
        parts = [" and ".join(self.types) or "type not stated"]
        parts.append(", ".join(yes) or "no practices stated")
        if no:
            parts.append("not: " + ", ".join(no))
        return "; ".join(parts)


def decide(flag: str, profile: Profile, pack: RulePack) -> bool | None:
    """Whether the flag holds for the profile; None when the profile does not say."""
    if flag in pack.practices:
        return profile.practices.get(flag)
    rule = pack.flags[flag]
    if rule.always:
        return True
    if rule.types:
        return any(kind in rule.types for kind in profile.types) if profile.types else None
    if rule.list:
        stated = profile.lists.get(rule.list)
        return None if stated is None else bool(stated)
    answers = [decide(part, profile, pack) for part in rule.all]
    if False in answers:
        return False
    return None if None in answers else True


def unstated(flag: str, profile: Profile, pack: RulePack) -> list[str]:
    """The profile keys that would decide `flag` and are not stated."""
    if flag in pack.practices:
        return [] if flag in profile.practices else [f"practices: {flag}"]
    rule = pack.flags[flag]
    if rule.types and not profile.types:
        return ["type"]
    if rule.list and rule.list not in profile.lists:
        return [rule.list]
    return [key for part in rule.all for key in unstated(part, profile, pack)]


def why_not(flag: str, profile: Profile, pack: RulePack) -> str:
    """What in the profile makes `flag` false, in words ("fundraising: false")."""
    if flag in pack.practices:
        return f"{flag}: false"
    rule = pack.flags[flag]
    if rule.types:
        return "the entity is a " + " and ".join(profile.types)
    if rule.list:
        return f"{rule.list}: []"
    false = next(p for p in rule.all if decide(p, profile, pack) is False)
    return why_not(false, profile, pack)


def read_profile(
    entity: Any, pack: RulePack, problem: Problem
) -> tuple[Profile, list[NoticeError]]:
    """The profile from the front matter's `entity`, and a problem for each bad key."""
    if entity is None or isinstance(entity, str):
        return Profile(name=entity or ""), []
    if not isinstance(entity, dict):
        return Profile(), []  # sources.py already refuses an entity that is neither
    problems: list[NoticeError] = []
    for key in entity:
        if str(key) not in (*ENTITY_KEYS, *pack.lists):
            problems.append(
                _unknown(f"entity.{key}", str(key), [*ENTITY_KEYS, *pack.lists], problem)
            )
    types = _types(entity.get("type"), pack, problem, problems)
    practices = _practices(entity.get("practices"), types, pack, problem, problems)
    lists = {
        name: items
        for name in pack.lists
        if (items := _list(entity, name, problem, problems)) is not None
    }
    return Profile(str(entity.get("name") or ""), types, practices, lists), problems


def _types(
    value: Any, pack: RulePack, problem: Problem, problems: list[NoticeError]
) -> tuple[str, ...]:
    if value is None:
        return ()
    values = value if isinstance(value, list) else [value]
    types = []
    for index, kind in enumerate(values):
        key = f"entity.type.{index}" if isinstance(value, list) else "entity.type"
        if str(kind) in pack.types:
            types.append(str(kind))
        else:
            problems.append(_unknown(key, str(kind), list(pack.types), problem, what="entity type"))
    return tuple(types)


def _practices(
    value: Any,
    types: tuple[str, ...],
    pack: RulePack,
    problem: Problem,
    problems: list[NoticeError],
) -> dict[str, bool]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        what = "'practices' must be a list of 'name: true' or 'name: false' lines."
        problems.append(problem("entity.practices", what, PRACTICES_EXAMPLE))
        return {}
    practices = {}
    for name, stated in value.items():
        error = _practice_problem(str(name), stated, types, pack, problem)
        if error is not None:
            problems.append(error)
        elif stated is not None:
            practices[str(name)] = bool(stated)
    return practices


def _practice_problem(
    name: str, stated: Any, types: tuple[str, ...], pack: RulePack, problem: Problem
) -> NoticeError | None:
    """What is wrong with one practice of the profile, if anything."""
    key = f"entity.practices.{name}"
    if name not in pack.practices:
        return _unknown(key, name, list(pack.practices), problem, what="practice")
    if stated is not None and not isinstance(stated, bool):
        return problem(
            key,
            f"practice '{name}' must be true or false, not '{stated}'.",
            f"write {name}: true or {name}: false, or leave it out if you do not know yet.",
        )
    fits = pack.practices[name][0]
    if stated and fits and types and not set(fits) & set(types):
        return problem(
            key,
            f"practice '{name}' applies to {' or '.join(fits)}, but the entity type "
            f"is {' and '.join(types)}.",
            f"set it to false or remove it, or add {fits[0]} to the entity's type.",
        )
    return None


def _list(
    entity: dict[str, Any], name: str, problem: Problem, problems: list[NoticeError]
) -> tuple[str, ...] | None:
    value = entity.get(name)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        problems.append(
            problem(
                f"entity.{name}",
                f"'{name}' must be a list of names, or [] for none.",
                f'write {name}: ["HIV test results (state law)"] or {name}: [].',
            )
        )
        return None
    return tuple(item.strip() for item in value)


def _unknown(
    key: str, name: str, known: list[str], problem: Problem, what: str = "key"
) -> NoticeError:
    close = difflib.get_close_matches(name, known, n=1)
    fix = (
        f"did you mean '{close[0]}'?" if close else "the known values are " + ", ".join(known) + "."
    )
    return problem(key, f"unknown {what} '{name}' in the entity profile.", fix)
