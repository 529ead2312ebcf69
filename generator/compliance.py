"""HIPAA validation of a repository's notices: for the build's gate and for `notices validate`.

The rules and their evaluation are pure (generator/validation); this module finds the
versions to judge (the archive from git, a working-tree file) and decides what stops a build.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .archive import load_archive
from .cache import BuildCache
from .errors import WORKING_TREE, NoticeError
from .model import Archive, Kind
from .sources import parse_notice
from .validation.findings import VersionReport
from .validation.notices import Validation, standalone_version, validate_archive, validate_version
from .validation.packfile import load_rule_pack
from .validation.report import failure_lines
from .validation.timing import check_retention

GATE_VERSIONS = 3
"""Versions whose failures a stopped build lists; `notices validate` lists them all."""
GATE_FIX = (
    "add what each line says, then build again; 'notices validate' shows the full report. "
    "An element that does not apply to you can be waived in the front matter, with a written "
    "reason (waivers:)."
)


@dataclass(frozen=True)
class Skipped:
    """A file given to `notices validate` that no HIPAA checklist applies to."""

    path: str
    kind: str


def validate_build(
    archive: Archive, cache: BuildCache, previous_manifest: Path | None
) -> Validation:
    """Validate every HIPAA version of the archive, and check it kept what was published before."""
    validation = validate_archive(archive, cache)
    previous = read_manifest(previous_manifest)
    if previous is not None:
        validation.errors.extend(check_retention(archive, previous, load_rule_pack()))
    return validation


def gate(validation: Validation) -> None:
    """Stop the build: raise the first problem, or the failures of current and upcoming versions."""
    if validation.errors:
        raise validation.errors[0]
    failing = validation.blocking_failures
    if not failing:
        return
    count = sum(len(r.failures) for r in failing)
    lines = [
        f"{'a required element' if count == 1 else f'{count} required elements'} of 45 CFR 164.520 "
        "missing from a notice in effect or about to take effect:"
    ]
    for report in failing[:GATE_VERSIONS]:
        lines.extend(failure_lines(report))
    if len(failing) > GATE_VERSIONS:
        more = len(failing) - GATE_VERSIONS
        lines.append(
            f"... and {more} more version{'s' if more > 1 else ''} of notices lacking them."
        )
    first = failing[0]
    raise NoticeError(
        "\n".join(lines), path=first.path, commit=first.commit[:7] or WORKING_TREE, fix=GATE_FIX
    )


def gate_problems(archive: Archive, cache: BuildCache) -> list[NoticeError]:
    """What would stop a build of `archive`, each as an error (for `notices check`)."""
    validation = validate_archive(archive, cache)
    try:
        gate(Validation(reports=validation.reports))
    except NoticeError as error:
        return [*validation.errors, error]
    return list(validation.errors)


def validate_folder(
    notices_path: Path,
    as_of: dt.date,
    cache: BuildCache,
    *,
    include_drafts: bool,
    published: Path | None = None,
) -> Validation:
    """Every HIPAA notice version in a notices folder's history (and working tree).

    `published` is the notices.json of the last build, whose versions must all still be there.
    """
    archive, _ = load_archive(notices_path, as_of, cache=cache, include_drafts=include_drafts)
    return validate_build(archive, cache, published)


def validate_files(
    files: list[Path], notices_path: Path, as_of: dt.date, cache: BuildCache
) -> tuple[Validation, list[Skipped]]:
    """Each file's working-tree text, as the version it is (or would be once committed)."""
    pack = load_rule_pack()
    validation, skipped = Validation(), []
    archive = _archive_for(files, notices_path, as_of, cache)
    for file in files:
        text, shown = _read(file)
        if text.kind is not Kind.HIPAA_NPP:
            skipped.append(Skipped(shown, text.kind.value))
            continue
        found = _in_archive(archive, file, text.effective_date)
        version, notice = found or standalone_version(
            text, shown, as_of, dt.datetime.now().astimezone()
        )
        index = notice.versions.index(version)
        previous = _report_of_previous(notice, index, as_of, cache, pack)
        report, problems = validate_version(version, notice, as_of, cache, pack, previous)
        validation.reports.append(report)
        validation.errors.extend(problems)
    return validation, skipped


def read_manifest(path: Path | None) -> dict[str, Any] | None:
    """A previous build's notices.json, or None when there is none (or it cannot be read)."""
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _archive_for(
    files: list[Path], notices_path: Path, as_of: dt.date, cache: BuildCache
) -> Archive | None:
    folder = notices_path.resolve()
    if not folder.is_dir() or not any(folder in f.resolve().parents for f in files):
        return None
    try:
        archive, _ = load_archive(notices_path, as_of, cache=cache, include_drafts=True)
    except NoticeError as error:
        if "git repository" in error.problem or "no commits" in error.problem:
            return None  # a folder without history: each file is judged on its own
        raise
    return archive


def _in_archive(archive: Archive | None, file: Path, effective: dt.date) -> Any:
    if archive is None:
        return None
    for notice in archive.notices:
        paths = {notice.path, *notice.former_paths}
        if any(file.resolve().as_posix().endswith("/" + path) for path in paths):
            version = notice.version(effective.isoformat())
            return (version, notice) if version is not None else None
    return None


def _report_of_previous(
    notice: Any, index: int, as_of: dt.date, cache: BuildCache, pack: Any
) -> VersionReport | None:
    if index == 0:
        return None
    report, _ = validate_version(notice.versions[index - 1], notice, as_of, cache, pack)
    return report


def _read(file: Path) -> tuple[Any, str]:
    shown = _shown_path(file)
    try:
        data = file.read_bytes()
    except OSError as error:
        raise NoticeError(
            f"the file cannot be read ({error.strerror}).", path=shown, fix="check the path."
        ) from None
    return parse_notice(data, path=shown, commit=WORKING_TREE), shown


def _shown_path(file: Path) -> str:
    try:
        return file.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(file)
