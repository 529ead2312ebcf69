"""Validating notice versions: the law each is judged against, cached findings, timing rules.

A current or upcoming version is judged against the law in force on the build date, or on
its effective date if later; a superseded (or withdrawn) version against the law in force on
its last day in effect. Findings are cached by the file's content hash, the rule pack and
the legal milestones in force, so they are made again only when one of these changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from ..cache import BuildCache
from ..errors import NoticeError
from ..model import Archive, Notice, NoticeText, Revision, Status, Version
from .engine import Evaluation, evaluate
from .findings import Finding, Outcome, VersionReport
from .packfile import load_rule_pack
from .rulepack import RulePack
from .settings import Settings, read_settings
from .timing import kept_finding, publication_finding, reservation_finding

DAY = dt.timedelta(days=1)


@dataclass
class Validation:
    """Reports for every HIPAA notice version, and the problems found in their sources."""

    reports: list[VersionReport] = field(default_factory=list)
    errors: list[NoticeError] = field(default_factory=list)
    """Problems in current or upcoming versions (a bad profile key, a tag naming no heading)."""
    warnings: list[NoticeError] = field(default_factory=list)
    """The same problems in versions that are no longer in effect: reported, not blocking."""

    @property
    def blocking_failures(self) -> list[VersionReport]:
        return [r for r in self.reports if r.blocks and r.failures]


def judged_dates(version: Version, as_of: dt.date) -> tuple[dt.date, dt.date | None]:
    """The date whose law the version is judged by, and the last day it may be in effect."""
    if version.status in (Status.CURRENT, Status.UPCOMING):
        until = version.next_date - DAY if version.next_date else None
        return max(as_of, version.effective_date), until
    last_day = version.in_effect_until - DAY if version.in_effect_until else version.effective_date
    return last_day, last_day


def law_in_force(pack: RulePack, law_date: dt.date) -> str:
    """The latest change of the law in force on `law_date`, in words."""
    latest = [m for m in pack.milestones if m.date <= law_date]
    if not latest:
        return "before the Privacy Rule's compliance date"
    return f"{latest[-1].name} ({latest[-1].date.isoformat()})"


def validate_archive(
    archive: Archive, cache: BuildCache, pack: RulePack | None = None
) -> Validation:
    """Every HIPAA notice version of the archive, judged as of its build date."""
    pack = pack or load_rule_pack()
    validation = Validation()
    for notice in archive.notices:
        previous: VersionReport | None = None
        for version in notice.versions:
            if version.text.kind.value != pack.kind:
                continue
            report, problems = validate_version(
                version, notice, archive.build_date, cache, pack, previous
            )
            validation.reports.append(report)
            (validation.errors if report.blocks else validation.warnings).extend(problems)
            previous = report
    return validation


def validate_version(
    version: Version,
    notice: Notice,
    as_of: dt.date,
    cache: BuildCache,
    pack: RulePack,
    previous: VersionReport | None = None,
) -> tuple[VersionReport, list[NoticeError]]:
    """One version's report, and the problems in its front matter and tags."""
    revision = version.last_revision
    where = {"path": revision.path, "commit": revision.short}
    settings, problems = read_settings(version.text, pack, **where)
    law_date, until = judged_dates(version, as_of)
    evaluation = _evaluation(version.text, settings, pack, law_date, until, cache)
    problems += [
        NoticeError(what, line=line, fix=fix, **where) for line, what, fix in evaluation.problems
    ]
    timing = (
        publication_finding(version, notice, settings, pack),
        reservation_finding(version, previous, pack),
        kept_finding(version, pack),
    )
    report = VersionReport(
        path=revision.path,
        slug=version.slug,
        title=version.text.title,
        effective_date=version.effective_date,
        status=version.status.value,
        commit=revision.commit,
        law_date=law_date,
        law=law_in_force(pack, law_date),
        pack=pack.label,
        profile=settings.profile.describe(),
        findings=(*evaluation.findings, *timing),
        draft=version.is_draft,
    )
    return report, problems


def standalone_version(
    text: NoticeText, path: str, as_of: dt.date, now: dt.datetime
) -> tuple[Version, Notice]:
    """A notice file outside any history, as the version it would be if committed `now`."""
    revision = Revision(path, None, "", now, "", "not yet committed")
    status = Status.UPCOMING if text.effective_date > as_of else Status.CURRENT
    slug = PurePosixPath(path).stem
    version = Version(slug, text, (revision,), status)
    return version, Notice(slug, path, (version,))


def _evaluation(
    text: NoticeText,
    settings: Settings,
    pack: RulePack,
    law_date: dt.date,
    until: dt.date | None,
    cache: BuildCache,
) -> Evaluation:
    key = cache.key(
        "validation", pack.label, text.sha256, _epoch(pack, law_date), _epoch(pack, until)
    )
    return cache.get_or_make(
        "validation",
        key,
        lambda: evaluate(text, settings, pack, law_date=law_date, until=until),
        _evaluation_to_json,
        _evaluation_from_json,
    )


def _epoch(pack: RulePack, date: dt.date | None) -> str:
    """Which of the pack's dates have passed on `date`: all the findings depend on."""
    dates = {e.required_since for e in pack.elements}
    dates |= {c.before for e in pack.elements for c in e.checks if c.before}
    passed = sorted(d for d in dates if date is None or d <= date)
    return ",".join(d.isoformat() for d in passed) + ("+" if date is None else "")


def _evaluation_to_json(evaluation: Evaluation) -> dict[str, Any]:
    return {
        "findings": [finding.to_json() for finding in evaluation.findings],
        "problems": [list(problem) for problem in evaluation.problems],
    }


def _evaluation_from_json(data: dict[str, Any]) -> Evaluation:
    findings = tuple(Finding.from_json(item) for item in data["findings"])
    problems = tuple((p[0], str(p[1]), str(p[2])) for p in data["problems"])
    return Evaluation(findings, problems)


def failing(reports: list[VersionReport]) -> list[Finding]:
    """Every failed finding of the reports that block."""
    return [f for r in reports if r.blocks for f in r.findings if f.status is Outcome.FAIL]
