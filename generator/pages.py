"""The site plan: which pages exist, at which permanent address, with which template and data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .model import Archive, Notice, Status, Version
from .render import RenderedBody

EMPTY_BODY = RenderedBody("", ())


@dataclass(frozen=True)
class PageSpec:
    """One page of the site, before any front end renders it."""

    url: str
    """Address relative to the site root, ending in "/" ("" for the home page)."""
    title: str
    template: str
    kind: str
    """home, notice, version or history (later stages add their own)."""
    notice: Notice | None = None
    version: Version | None = None
    in_nav: bool = False
    in_search: bool = False
    body: Callable[[], RenderedBody] = field(default=lambda: EMPTY_BODY, compare=False)
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    """Data for the template beyond the notice and version (a redline, a checklist...)."""

    @property
    def src_uri(self) -> str:
        """The Markdown path a front end pretends this page comes from."""
        return self.url + "index.md"


def notice_url(notice: Notice | str) -> str:
    slug = notice if isinstance(notice, str) else notice.slug
    return f"{slug}/"


def version_url(version: Version) -> str:
    return f"{version.slug}/{version.key}/"


def history_url(notice: Notice | str) -> str:
    return notice_url(notice) + "history/"


SITE_FEED_URL = "feed.xml"


def feed_url(notice: Notice | str) -> str:
    """The Atom feed of one notice's versions."""
    return notice_url(notice) + "feed.xml"


def on_date_url(notice: Notice | str) -> str:
    """The page that tells which version applied on a given date."""
    return notice_url(notice) + "on-date/"


def plan_pages(archive: Archive, render: Callable[[Version], RenderedBody]) -> list[PageSpec]:
    """Every page of the site for `archive`; bodies render only when a front end asks."""
    pages = [PageSpec("", "Privacy notices", "notices/home.html", "home", in_search=False)]
    for notice in archive.notices:
        pages.extend(_notice_pages(notice, render))
    return pages


def _notice_pages(notice: Notice, render: Callable[[Version], RenderedBody]) -> list[PageSpec]:
    shown = notice.shown
    active = not notice.is_retired
    pages = [
        PageSpec(
            notice_url(notice),
            notice.title,
            "notices/notice.html",
            "notice",
            notice,
            shown,
            in_nav=active,
            in_search=active,
            body=lambda: render(shown),
        ),
        PageSpec(
            history_url(notice),
            f"{notice.title}: version history",
            "notices/history.html",
            "history",
            notice,
            in_nav=active,
        ),
    ]
    for version in notice.versions:
        pages.append(
            PageSpec(
                version_url(version),
                f"{version.text.title} (effective {format_date(version.effective_date)})",
                "notices/notice.html",
                "version",
                notice,
                version,
                body=lambda v=version: render(v),  # type: ignore[misc]
            )
        )
    return pages


def format_date(date: Any) -> str:
    """A date as readers write it: "July 1, 2026"."""
    return f"{date:%B} {date.day}, {date.year}"


STATUS_LABELS = {
    Status.CURRENT: "Current",
    Status.SUPERSEDED: "Superseded",
    Status.UPCOMING: "Upcoming",
    Status.RETIRED: "Withdrawn",
}
