"""Validation in a site build: the gate, its warnings, and a checklist page per HIPAA version.

`enforce` (the default) stops a public build when a current or upcoming HIPAA notice fails an
element; `report` only warns; `skip` does not validate. The local preview always reports and
never stops, so an editor sees the checklist of a draft. Checklist pages are in the preview
always, and in the public build when the site asks for them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .cache import BuildCache
from .compliance import gate, validate_build
from .model import Archive, Version
from .pages import PageSpec, format_date, version_url
from .render import RenderedBody, TocEntry
from .validation.findings import Outcome, VersionReport
from .validation.notices import Validation

MODES = ("enforce", "report", "skip")


@dataclass(frozen=True)
class ValidationOptions:
    """How a build validates: its mode, whether it publishes checklists, what it published last."""

    mode: str = "enforce"
    pages: bool = False
    preview: bool = False
    previous_manifest: Path | None = None


@dataclass
class SiteValidation:
    """What validation adds to a build: reports by version, checklist pages, warnings."""

    reports: dict[tuple[str, str], VersionReport] = field(default_factory=dict)
    pages: list[PageSpec] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def url(self, version: Version) -> str:
        """The address of the version's checklist page, or "" when the site has none."""
        address = checklist_url(version)
        return address if any(page.url == address for page in self.pages) else ""

    def report(self, version: Version) -> VersionReport | None:
        return self.reports.get((version.slug, version.key))


def checklist_url(version: Version) -> str:
    return version_url(version) + "checklist/"


def check_site(
    archive: Archive,
    cache: BuildCache,
    options: ValidationOptions,
    render: Callable[[Version], RenderedBody],
) -> SiteValidation:
    """Validate the archive for a build; raise NoticeError when the build must stop."""
    if options.mode == "skip":
        return SiteValidation()
    previous = None if options.preview else options.previous_manifest
    validation = validate_build(archive, cache, previous)
    if options.preview or options.mode == "report":
        warnings = [str(error) for error in validation.errors]
        warnings += [_failed(r) for r in validation.reports if r.blocks and r.failures]
    else:
        gate(validation)
        warnings = []
    warnings += [str(problem) for problem in validation.warnings]
    warnings += [_failed(r) for r in validation.reports if not r.blocks and r.failures]
    site = SiteValidation(
        {(r.slug, r.effective_date.isoformat()): r for r in validation.reports}, warnings=warnings
    )
    if options.preview or options.pages:
        site.pages = list(_pages(archive, validation, render))
    return site


def _failed(report: VersionReport) -> str:
    ids = ", ".join(f.id for f in report.failures)
    state = (
        "no longer in effect, so reported, not blocking"
        if not report.blocks
        else "not blocking in this build"
    )
    return (
        f"{report.path}: the version of {report.effective_date.isoformat()} ({report.status}) "
        f"fails {ids} ({state})."
    )


def _pages(
    archive: Archive, validation: Validation, render: Callable[[Version], RenderedBody]
) -> Iterator[PageSpec]:
    reports = {(r.slug, r.effective_date.isoformat()): r for r in validation.reports}
    for notice in archive.notices:
        for version in notice.versions:
            report = reports.get((version.slug, version.key))
            if report is None:
                continue
            yield PageSpec(
                checklist_url(version),
                f"Compliance checklist: {version.text.title} "
                f"(effective {format_date(version.effective_date)})",
                "notices/checklist.html",
                "checklist",
                notice,
                version,
                extra={
                    "report": report,
                    "anchors": _anchors(render(version).toc),
                    "groups": _groups(report),
                    "hide": ["toc"],
                },
            )


def _anchors(toc: tuple[TocEntry, ...]) -> dict[str, str]:
    """Heading text -> its id on the version's page, to link evidence to its section."""
    anchors: dict[str, str] = {}
    for entry in toc:
        anchors.setdefault(" ".join(entry.name.split()), entry.id)
        anchors.update({k: v for k, v in _anchors(entry.children).items() if k not in anchors})
    return anchors


def _groups(report: VersionReport) -> list[tuple[str, list[object]]]:
    """The findings by group, in the pack's order; not-applicable ones left to the template."""
    groups: dict[str, list[object]] = {}
    for finding in report.findings:
        if finding.status is not Outcome.NOT_APPLICABLE:
            groups.setdefault(finding.group, []).append(finding)
    return list(groups.items())
