"""What validation finds: one Finding per element or rule, and a report per notice version."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Outcome(StrEnum):
    """The status of a finding."""

    PASS = "pass"
    FAIL = "fail"
    WARN = "warn"
    REVIEW = "review"
    NOT_APPLICABLE = "not-applicable"
    WAIVED = "waived"

    @property
    def label(self) -> str:
        return {
            Outcome.PASS: "Pass",
            Outcome.FAIL: "Fail",
            Outcome.WARN: "Warning",
            Outcome.REVIEW: "For review",
            Outcome.NOT_APPLICABLE: "Not applicable",
            Outcome.WAIVED: "Waived",
        }[self]


@dataclass(frozen=True)
class Evidence:
    """A short quote of the notice and the line of the source file it is on."""

    quote: str
    line: int
    section: str = ""
    """The heading of the section the quote is in, if any."""


@dataclass(frozen=True)
class Finding:
    """The result of one element (or timing rule, or source check) for one notice version."""

    id: str
    citation: str
    title: str
    group: str
    status: Outcome
    message: str = ""
    evidence: Evidence | None = None
    add: str = ""
    """What to add to the notice, for a failure or a warning."""
    waiver: str = ""
    """The written reason of a waiver, when the notice waives this element."""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "citation": self.citation,
            "title": self.title,
            "group": self.group,
            "status": self.status.value,
            "message": self.message,
            "evidence": self.evidence.quote if self.evidence else None,
            "line": self.evidence.line if self.evidence else None,
            "section": self.evidence.section if self.evidence else None,
            "add": self.add or None,
            "waiver": self.waiver or None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Finding:
        quote = data.get("evidence")
        evidence = (
            Evidence(quote, int(data["line"] or 0), data.get("section") or "") if quote else None
        )
        return cls(
            id=data["id"],
            citation=data["citation"],
            title=data["title"],
            group=data["group"],
            status=Outcome(data["status"]),
            message=data["message"],
            evidence=evidence,
            add=data.get("add") or "",
            waiver=data.get("waiver") or "",
        )


@dataclass(frozen=True)
class VersionReport:
    """Every finding for one version of one notice, and what it was judged against."""

    path: str
    slug: str
    title: str
    effective_date: dt.date
    status: str
    """The version's status: current, upcoming, superseded, retired (or draft)."""
    commit: str
    law_date: dt.date
    """The date whose law the version was judged against."""
    law: str
    """The latest milestone in force on law_date, in words."""
    pack: str
    profile: str
    findings: tuple[Finding, ...]
    kind: str = "hipaa-npp"
    draft: bool = False

    @property
    def blocks(self) -> bool:
        """Whether a failure stops the build: the version is current or upcoming."""
        return self.status in ("current", "upcoming")

    @property
    def failures(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status is Outcome.FAIL)

    def count(self, status: Outcome | str) -> int:
        return sum(1 for f in self.findings if f.status == status)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "slug": self.slug,
            "title": self.title,
            "effective_date": self.effective_date.isoformat(),
            "kind": self.kind,
            "status": self.status,
            "draft": self.draft,
            "commit": self.commit or None,
            "judged_as_of": self.law_date.isoformat(),
            "law": self.law,
            "rule_pack": self.pack,
            "profile": self.profile,
            "summary": {s.value: self.count(s) for s in Outcome},
            "findings": [finding.to_json() for finding in self.findings],
        }
