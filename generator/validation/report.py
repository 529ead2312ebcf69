"""Reports for people and programs: the findings of each version as text or JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable

from .findings import Finding, Outcome, VersionReport

ORDER = (Outcome.FAIL, Outcome.WAIVED, Outcome.WARN, Outcome.REVIEW, Outcome.PASS)
QUOTE_LIMIT = 110
INDENT = " " * 10


def to_json(reports: Iterable[VersionReport]) -> str:
    """The `--format json` report: {"notices": [{path, slug, effective_date, kind, findings}]}."""
    return (
        json.dumps({"notices": [r.to_json() for r in reports]}, indent=2, ensure_ascii=False) + "\n"
    )


def to_text(report: VersionReport, *, brief: bool = False) -> str:
    """One version's report; `brief` leaves out what passed (for versions no longer in effect)."""
    lines = [heading(report), *_context(report)]
    for status in ORDER:
        if brief and status is Outcome.PASS:
            continue
        for finding in report.findings:
            if finding.status is status:
                lines.extend(_finding(finding, detailed=status is not Outcome.PASS))
    skipped = [f.id for f in report.findings if f.status is Outcome.NOT_APPLICABLE]
    if skipped and not brief:
        lines.append(f"  not applicable: {', '.join(skipped)}")
    lines.append("  " + summary(report))
    return "\n".join(lines) + "\n"


def heading(report: VersionReport) -> str:
    commit = f", commit {report.commit[:7]}" if report.commit else ", uncommitted"
    return (
        f"{report.path}: {report.title}, effective {report.effective_date.isoformat()} "
        f"({report.status}{commit})"
    )


def summary(report: VersionReport) -> str:
    """ "Result: 1 fail, 2 warn, 40 pass ... A required element fails.\""""
    counts = [
        f"{report.count(s)} {s.value.replace('-', ' ')}"
        for s in (*ORDER, Outcome.NOT_APPLICABLE)
        if report.count(s)
    ]
    failed = len(report.failures)
    verdict = {0: "No required element fails.", 1: "1 required element fails."}.get(
        failed, f"{failed} required elements fail."
    )
    if failed and not report.blocks:
        verdict += " (This version is no longer in effect: reported, not blocking.)"
    return f"Result: {', '.join(counts)}. {verdict}"


def failure_lines(report: VersionReport) -> list[str]:
    """The heading and each failed element with what to add: what a stopped build prints."""
    lines = [heading(report)]
    for finding in report.failures:
        lines.extend(_finding(finding, detailed=True))
    return lines


def _context(report: VersionReport) -> list[str]:
    return [
        f"  Judged against the law in force on {report.law_date.isoformat()}: "
        f"latest change, {report.law}.",
        f"  Rule pack {report.pack}. Entity profile: {report.profile}.",
    ]


def _finding(finding: Finding, *, detailed: bool) -> list[str]:
    status = (
        finding.status.value.upper() if finding.status is Outcome.FAIL else finding.status.value
    )
    first = f"  {status:<8}{finding.id}  {finding.citation}".rstrip()
    evidence = ""
    if finding.evidence:
        evidence = f'line {finding.evidence.line}: "{_shorten(finding.evidence.quote)}"'
    if not detailed:
        return [f"{first}  {evidence or finding.message}".rstrip()]
    lines = [first]
    if finding.message:
        lines.append(INDENT + finding.message)
    if evidence:
        lines.append(INDENT + evidence)
    if finding.add and finding.status in (Outcome.FAIL, Outcome.WARN, Outcome.WAIVED):
        lines.append(INDENT + "Add: " + finding.add)
    return lines


def _shorten(quote: str) -> str:
    return quote if len(quote) <= QUOTE_LIMIT else quote[: QUOTE_LIMIT - 3].rstrip() + "..."
