"""The redline pages of the site: one per pair of versions, the list of comparisons, and the
redlines each version offers in notices.json.

Every pair of versions of a notice gets a page, so any two versions a reader picks have a
redline at a permanent address; each is made once per pair of texts and kept in the cache.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations
from typing import Any

from .cache import BuildCache
from .model import Archive, Notice, Version
from .pages import PageSpec, format_date, notice_url, version_url
from .redline.compare import redline_versions, version_side
from .redline.document import redline_view
from .redline.model import Redline
from .render import RenderedBody


def changes_url(notice: Notice | str) -> str:
    """The list of every comparison of a notice's versions."""
    return notice_url(notice) + "changes/"


def redline_url(old: Version, new: Version) -> str:
    """The permanent address of the redline from `old` to `new`."""
    return f"{changes_url(old.slug)}{old.key}-to-{new.key}/"


class Redlines:
    """The redlines of one build, each made at most once."""

    def __init__(self, render: Callable[[Version], RenderedBody], cache: BuildCache) -> None:
        self.render = render
        self.cache = cache
        self.made: dict[tuple[str, str, str], Redline] = {}

    def between(self, old: Version, new: Version) -> Redline:
        key = (old.slug, old.key, new.key)
        if key not in self.made:
            self.made[key] = redline_versions(old, new, self.render, self.cache)
        return self.made[key]

    def view(self, old: Version, new: Version) -> dict[str, Any]:
        """What the redline templates read for the page from `old` to `new`."""
        return redline_view(
            self.between(old, new),
            version_side(old, version_url(old)),
            version_side(new, version_url(new)),
            new.text.language,
        )


def pairs(notice: Notice) -> list[tuple[Version, Version]]:
    """Every pair of versions of a notice, older first, in date order."""
    return list(combinations(notice.versions, 2))


def plan_redline_pages(archive: Archive, redlines: Redlines) -> list[PageSpec]:
    """A redline page per pair of versions and a list of comparisons per notice."""
    pages = []
    for notice in archive.notices:
        pages.append(
            PageSpec(
                changes_url(notice),
                f"{notice.title}: compare versions",
                "notices/changes.html",
                "changes",
                notice,
            )
        )
        pages.extend(_redline_page(notice, old, new, redlines) for old, new in pairs(notice))
    return pages


def _redline_page(notice: Notice, old: Version, new: Version, redlines: Redlines) -> PageSpec:
    dates = f"{format_date(old.effective_date)} to {format_date(new.effective_date)}"
    return PageSpec(
        redline_url(old, new),
        f"{notice.title}: changes from {dates}",
        "notices/redline.html",
        "redline",
        notice,
        new,
        extra={"old": old, "new": new, "view": lambda: redlines.view(old, new)},
    )


def redline_fields(
    version: Version, absolute: Callable[[str], str], archive: Archive, redlines: Redlines
) -> dict[str, Any]:
    """For notices.json: the redlines from each earlier version to this one, newest first."""
    notice = archive.notice(version.slug)
    earlier = (
        [v for v in notice.versions if v.effective_date < version.effective_date] if notice else []
    )
    return {"redlines": [_field(old, version, absolute, redlines) for old in reversed(earlier)]}


def _field(
    old: Version, new: Version, absolute: Callable[[str], str], redlines: Redlines
) -> dict[str, Any]:
    stats = redlines.between(old, new).stats
    return {
        "from": old.key,
        "to": new.key,
        "url": absolute(redline_url(old, new)),
        "words_added": stats.words_added,
        "words_removed": stats.words_removed,
        "words_moved": stats.words_moved,
        "sections_changed": stats.sections_changed,
    }
