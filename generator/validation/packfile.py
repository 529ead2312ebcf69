"""Reading a rule pack's YAML file into rules, checked as it is read."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml

from ..errors import NoticeError
from .packcheck import check_pack
from .rulepack import (
    Check,
    Detect,
    Element,
    Flag,
    Milestone,
    NotEnforced,
    Pattern,
    Requirement,
    RulePack,
    Scope,
    SourceCheck,
    TimingRule,
    phone_digits,
)

RULES = Path(__file__).resolve().parent.parent / "rules"
HIPAA_PACK = RULES / "hipaa-npp.yaml"
SCOPES = frozenset({"document", "headings"})
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader where PyYAML has it: the pack is read on every build, ten times faster."""
T = TypeVar("T")


@lru_cache(maxsize=4)
def load_rule_pack(path: Path = HIPAA_PACK) -> RulePack:
    """Read and check a rule pack; raise NoticeError naming the rule when something is wrong."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError) as error:
        raise NoticeError(
            f"the rule pack cannot be read: {error}",
            path=str(path),
            fix="restore the file from git (git checkout -- generator/rules/).",
        ) from None
    reader = _Reader(path)
    pack = reader.pack(data)
    check_pack(pack, reader.fail)
    return pack


class _Reader:
    """Turns the YAML of a pack into rules; `fail` makes the error for a bad entry."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, problem: str) -> NoticeError:
        return NoticeError(
            f"rule pack, {where}: {problem}",
            path=str(self.path),
            fix="correct the entry; the comments at the top of the file explain each key.",
        )

    def pack(self, data: Any) -> RulePack:
        if not isinstance(data, dict):
            raise self.fail("top", "the file must be a mapping of keys such as pack: and elements:")
        profile = data.get("profile", {})
        return RulePack(
            name=str(data.get("pack", "")),
            version=int(data.get("version", 0)),
            title=str(data.get("title", "")),
            kind=str(data.get("kind", "")),
            milestones=tuple(
                Milestone(_date(m["date"]), str(m["name"])) for m in data.get("milestones", [])
            ),
            types={str(k): str(v) for k, v in profile.get("types", {}).items()},
            practices={
                str(k): (tuple(v.get("for", ())), str(v.get("means", "")))
                for k, v in profile.get("practices", {}).items()
            },
            lists={str(k): str(v.get("means", "")) for k, v in profile.get("lists", {}).items()},
            flags={str(k): Flag(**_flag(v)) for k, v in data.get("flags", {}).items()},
            patterns={str(k): self.pattern(str(k), v) for k, v in data.get("patterns", {}).items()},
            groups={str(k): str(v) for k, v in data.get("groups", {}).items()},
            elements=tuple(self.element(e) for e in data.get("elements", [])),
            masked_by=str(data.get("masks", {}).get("by", "")),
            unmasked=frozenset(data.get("masks", {}).get("except", ())),
            not_enforced=self.records(NotEnforced, data.get("not_enforced", [])),
            timing=self.records(TimingRule, data.get("timing", [])),
            source_checks=self.records(SourceCheck, data.get("source_checks", [])),
        )

    def records(self, kind: type[T], items: list[dict[str, Any]]) -> tuple[T, ...]:
        """Plain rows (Table B, Table C, source checks), each key a field of `kind`."""
        rows = []
        for item in items:
            try:
                rows.append(kind(**{k: v if k == "years" else str(v) for k, v in item.items()}))
            except TypeError as error:
                raise self.fail(f"{kind.__name__} {item.get('id', '?')}", str(error)) from None
        return tuple(rows)

    def pattern(self, name: str, value: Any) -> Pattern:
        try:
            if isinstance(value, str):
                return Pattern(name, re.compile(value, re.I))
            if "text" in value:
                words = [re.escape(word) for word in str(value["text"]).rstrip(".").split()]
                return Pattern(name, re.compile(r"\s+".join(words) + r"\.?", re.I))
            if "numbers" in value:
                return Pattern(
                    name, numbers=frozenset(phone_digits(str(n)) for n in value["numbers"])
                )
            return Pattern(name, base=str(value["pattern"]), exclude=str(value["except"]))
        except (re.error, KeyError, TypeError) as error:
            raise self.fail(f"pattern {name}", f"it cannot be read ({error}).") from None

    def element(self, data: dict[str, Any]) -> Element:
        where = f"element {data.get('id', '?')}"
        try:
            return Element(
                id=str(data["id"]),
                citation=str(data["citation"]),
                group=str(data["group"]),
                title=str(data["title"]),
                required_since=_date(data["required_since"]),
                required=tuple(Requirement(str(r["if"]), str(r["then"])) for r in data["required"]),
                add=str(data["add"]),
                checks=tuple(self.check(c, where) for c in data.get("checks", [])),
                if_unstated=str(data.get("if_unstated", "review")),
                analysis=str(data.get("analysis", "")),
                settings=dict(data.get("settings", {})),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise self.fail(where, f"missing or malformed key {error}.") from None

    def check(self, data: dict[str, Any], where: str) -> Check:
        before = data.get("before")
        return Check(
            when=self.detect(data["when"], where),
            status=str(data["status"]),
            message=str(data.get("message", "")),
            before=_date(before) if before else None,
            unless=str(data.get("unless", "")),
        )

    def detect(self, data: Any, where: str) -> Detect:
        if isinstance(data, str):
            return Detect("find", (data,))
        if "any" in data:
            return Detect("any", options=tuple(self.detect(d, where) for d in data["any"]))
        scope = self.scope(data.get("in", "document"), where)
        without = str(data.get("without", ""))
        if "find" in data:
            return Detect("find", (str(data["find"]),), scope=scope, without=without)
        if "together" in data:
            within = data.get("within")
            return Detect(
                "together",
                tuple(str(p) for p in data["together"]),
                unit=str(data.get("unit", "paragraph")),
                within=int(within) if within is not None else None,
                scope=scope,
                lead=bool(data.get("lead", False)),
                without=without,
            )
        raise self.fail(where, f"a detection must use find, together or any, not {data}.")

    def scope(self, data: Any, where: str) -> Scope:
        if isinstance(data, str) and data in SCOPES:
            return Scope(data)
        if isinstance(data, dict) and len(data) == 1:
            ((kind, value),) = data.items()
            if kind == "start":
                return Scope("start", chars=int(value))
            if kind in ("sections", "sentences"):
                return Scope(kind, pattern=str(value))
        raise self.fail(
            where, f"unknown scope {data}: use document, headings, start, sections or sentences."
        )


def _flag(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        return {}
    return {
        "always": bool(value.get("always", False)),
        "types": tuple(value.get("type", ())),
        "all": tuple(value.get("all", ())),
        "list": str(value.get("list", "")),
    }


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
