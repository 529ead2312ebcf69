"""From revisions to versions: follow each file through renames, group by effective date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from .errors import NoticeError
from .model import Archive, Notice, NoticeText, Revision, Status, Version

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
RESERVED_SLUGS = frozenset(
    {"index", "assets", "search", "404", "feed", "feeds", "stylesheets", "javascripts"}
)

ReadText = Callable[[Revision], NoticeText]


@dataclass
class _Lineage:
    """One notice file followed through renames: its content revisions and its deletion."""

    paths: list[str]
    revisions: list[Revision] = field(default_factory=list)
    deleted: Revision | None = None


@dataclass(frozen=True)
class _Published:
    """A version as it was published, before the build date gives it a status."""

    text: NoticeText
    revisions: tuple[Revision, ...]


def build_archive(
    revisions: Iterable[Revision], read_text: ReadText, build_date: dt.date
) -> tuple[Archive, list[NoticeError]]:
    """Group revisions into notices and versions as of `build_date`.

    Returns the archive and the problems found in revisions that a later commit replaced
    (they were never published, as the build failed on them); a problem in the latest
    revision of a file raises NoticeError.
    """
    skipped: list[NoticeError] = []
    found = [
        _notice(lineage, read_text, build_date, skipped) for lineage in _follow_files(revisions)
    ]
    notices = [notice for notice in found if notice is not None]
    _check_slugs(notices)
    return Archive(build_date, tuple(sorted(notices, key=lambda n: n.slug))), skipped


def _follow_files(revisions: Iterable[Revision]) -> list[_Lineage]:
    live: dict[str, _Lineage] = {}
    gone: dict[str, _Lineage] = {}
    lineages: list[_Lineage] = []
    for revision in revisions:
        if revision.blob is None:
            lineage = live.pop(revision.path, None)
            if lineage is not None:
                lineage.deleted = revision
                gone[revision.path] = lineage
            continue
        old = revision.renamed_from
        lineage = (live.pop(old, None) if old else None) or live.get(revision.path)
        lineage = lineage or gone.pop(revision.path, None)
        if lineage is None:
            lineage = _Lineage([revision.path])
            lineages.append(lineage)
        lineage.deleted = None
        if lineage.paths[-1] != revision.path:
            lineage.paths.append(revision.path)
        live[revision.path] = lineage
        if not lineage.revisions or lineage.revisions[-1].blob != revision.blob:
            lineage.revisions.append(revision)
    return lineages


def _notice(
    lineage: _Lineage, read_text: ReadText, build_date: dt.date, skipped: list[NoticeError]
) -> Notice | None:
    published = _group(lineage.revisions, read_text, skipped)
    if not published:
        return None
    path = lineage.paths[-1]
    slug = PurePosixPath(path).stem
    _check_slug(slug, path, lineage.revisions[-1])
    versions = _with_status(slug, published, build_date, lineage.deleted)
    return Notice(slug, path, versions, tuple(lineage.paths[:-1]), lineage.deleted)


def _group(
    revisions: list[Revision], read_text: ReadText, skipped: list[NoticeError]
) -> list[_Published]:
    groups: list[tuple[NoticeText, list[Revision]]] = []
    for index, revision in enumerate(revisions):
        is_last = index == len(revisions) - 1
        try:
            text = read_text(revision)
            if groups and text.effective_date < groups[-1][0].effective_date:
                raise _earlier_date(text, revision, groups[-1])
        except NoticeError as error:
            if is_last:
                raise
            skipped.append(error)
            continue
        if groups and text.effective_date == groups[-1][0].effective_date:
            groups[-1] = (text, [*groups[-1][1], revision])
        else:
            groups.append((text, [revision]))
    return [_Published(text, tuple(revs)) for text, revs in groups]


def _earlier_date(
    text: NoticeText, revision: Revision, latest: tuple[NoticeText, list[Revision]]
) -> NoticeError:
    date, first = latest[0].effective_date, latest[1][0]
    return NoticeError(
        f"effective_date {text.effective_date} is earlier than {date}, the effective date of a "
        f"version this notice already published (commit {first.short}, {first.date}). "
        "A published version cannot be replaced by an earlier one.",
        path=revision.path,
        line=text.key_lines.get("effective_date"),
        commit=revision.short,
        fix=f"to correct the version of {date}, keep effective_date: {date}; to publish a new "
        f"version, give a date after {date}.",
    )


def _with_status(
    slug: str, published: list[_Published], build_date: dt.date, deleted: Revision | None
) -> tuple[Version, ...]:
    dates = [p.text.effective_date for p in published]
    # A withdrawn notice stopped applying on its withdrawal: a version dated later never applied.
    last_day = min(build_date, deleted.date) if deleted else build_date
    in_effect = [i for i, d in enumerate(dates) if d <= last_day]
    current = in_effect[-1] if in_effect else None
    versions = []
    for i, item in enumerate(published):
        status, until = _status(i, current, dates, deleted)
        versions.append(
            Version(
                slug=slug,
                text=item.text,
                revisions=item.revisions,
                status=status,
                previous_date=dates[i - 1] if i else None,
                next_date=dates[i + 1] if i + 1 < len(dates) else None,
                in_effect_until=until,
            )
        )
    return tuple(versions)


def _status(
    i: int, current: int | None, dates: list[dt.date], deleted: Revision | None
) -> tuple[Status, dt.date | None]:
    if current is not None and i < current:
        return Status.SUPERSEDED, dates[i + 1]
    if deleted is not None:
        return Status.RETIRED, deleted.date if i == current else None
    if i == current:
        return Status.CURRENT, None
    return Status.UPCOMING, None


def _check_slug(slug: str, path: str, revision: Revision) -> None:
    if not SLUG.fullmatch(slug) or slug in RESERVED_SLUGS:
        reason = (
            f"'{slug}' is reserved for the site itself"
            if slug in RESERVED_SLUGS
            else f"the file name '{slug}' cannot be used in a web address"
        )
        raise NoticeError(
            f"{reason}: each notice is published at /<file name>/.",
            path=path,
            commit=revision.short,
            fix="rename the file with lower-case letters, digits and hyphens, for example "
            "notice-of-privacy-practices.md (git mv keeps its history).",
        )


def _check_slugs(notices: list[Notice]) -> None:
    seen: dict[str, Notice] = {}
    for notice in notices:
        other = seen.get(notice.slug)
        if other is not None:
            revision = notice.latest.last_revision
            raise NoticeError(
                f"this file and {other.path} have the same name, '{notice.slug}', so they "
                f"would be published at the same address /{notice.slug}/.",
                path=notice.path,
                commit=revision.short,
                fix="rename one of the files (git mv keeps its history).",
            )
        seen[notice.slug] = notice
