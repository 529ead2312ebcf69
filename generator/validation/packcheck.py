"""Consistency of a rule pack: every name it uses defined, every status and unit known."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..errors import NoticeError
from .rulepack import STATUSES, UNITS, Detect, Element, RulePack

ANALYSES = frozenset({"", "readability", "empty-sections", "effective-date"})
TIMING_CHECKS = frozenset(
    {"publication", "archive", "law-in-force", "previous-reservation", "retention", "process"}
)

Fail = Callable[[str, str], NoticeError]


def check_pack(pack: RulePack, fail: Fail) -> None:
    """Raise the first inconsistency of `pack` as a NoticeError made by `fail`."""
    _check_flags(pack, fail)
    seen: set[str] = set()
    for element in pack.elements:
        where = f"element {element.id}"
        if element.id in seen:
            raise fail(where, "this id is used twice.")
        seen.add(element.id)
        _check_element(pack, element, where, fail)
    for item in pack.not_enforced:
        for name in filter(None, (item.noted_if, item.present_if)):
            if name not in pack.patterns:
                raise fail(f"not_enforced {item.id}", f"unknown pattern {name}.")
    for rule in pack.timing:
        if rule.check not in TIMING_CHECKS:
            known = ", ".join(sorted(TIMING_CHECKS))
            raise fail(f"timing {rule.id}", f"unknown check '{rule.check}' (known: {known}).")
    for name in filter(None, (pack.masked_by, *pack.unmasked)):
        if name not in pack.patterns:
            raise fail("masks", f"unknown pattern {name}.")
    for name, pattern in pack.patterns.items():
        for other in (pattern.base, pattern.exclude):
            if other and other not in pack.patterns:
                raise fail(f"pattern {name}", f"unknown pattern {other}.")


def _check_flags(pack: RulePack, fail: Fail) -> None:
    for name, flag in pack.flags.items():
        for part in flag.all:
            if part not in pack.flags and part not in pack.practices:
                raise fail(f"flag {name}", f"'{part}' is neither a flag nor a practice.")
        for kind in flag.types:
            if kind not in pack.types:
                raise fail(f"flag {name}", f"unknown entity type '{kind}'.")
        if flag.list and flag.list not in pack.lists:
            raise fail(f"flag {name}", f"unknown profile list '{flag.list}'.")


def _check_element(pack: RulePack, element: Element, where: str, fail: Fail) -> None:
    if element.group not in pack.groups:
        raise fail(where, f"unknown group '{element.group}'.")
    if element.analysis not in ANALYSES:
        raise fail(where, f"unknown analysis '{element.analysis}'.")
    statuses = [r.status for r in element.required] + [c.status for c in element.checks]
    for status in [*statuses, element.if_unstated]:
        if status not in STATUSES:
            raise fail(where, f"unknown status '{status}' (use pass, warn, review or fail).")
    for requirement in element.required:
        if requirement.flag not in pack.flags:
            raise fail(where, f"unknown flag '{requirement.flag}'.")
    for check in element.checks:
        if check.unless and check.unless not in pack.flags:
            raise fail(where, f"unknown flag '{check.unless}'.")
        for detect in _walk(check.when):
            if detect.unit not in UNITS:
                raise fail(where, f"unknown unit '{detect.unit}'.")
            names = [*detect.patterns, detect.scope.pattern, detect.without]
            for name in filter(None, names):
                if name not in pack.patterns:
                    raise fail(where, f"unknown pattern {name}.")


def _walk(detect: Detect) -> Iterator[Detect]:
    yield detect
    for option in detect.options:
        yield from _walk(option)
