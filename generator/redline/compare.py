"""Redlines of notice texts: made once per pair of texts and kept in the build cache."""

from __future__ import annotations

from collections.abc import Callable

from ..cache import BuildCache, content_hash
from ..model import NoticeText, Status, Version
from ..render import RenderedBody
from .data import redline_from_data, redline_to_data
from .diff import diff_bodies
from .model import Redline, Side

Render = Callable[[], RenderedBody]
STATUS_LABELS = {
    Status.CURRENT: "Current",
    Status.SUPERSEDED: "Superseded",
    Status.UPCOMING: "Upcoming",
    Status.RETIRED: "Withdrawn",
}


def redline_texts(
    old: NoticeText, new: NoticeText, render_old: Render, render_new: Render, cache: BuildCache
) -> Redline:
    """The redline from `old` to `new`, found in the cache by the hashes of the two bodies."""
    key = cache.key("redline", content_hash(old.body), content_hash(new.body))
    return cache.get_or_make(
        "redline",
        key,
        lambda: diff_bodies(render_old().html, render_new().html),
        redline_to_data,
        redline_from_data,
    )


def redline_versions(
    old: Version, new: Version, render: Callable[[Version], RenderedBody], cache: BuildCache
) -> Redline:
    """The redline between two versions of a notice."""
    return redline_texts(old.text, new.text, lambda: render(old), lambda: render(new), cache)


def version_side(version: Version, url: str = "") -> Side:
    """A version as one side of a redline."""
    date = version.effective_date
    draft = ", draft" if version.is_draft else ""
    return Side(
        label=f"the version effective {date:%B} {date.day}, {date.year}{draft}",
        title=version.text.title,
        effective_date=version.effective_date,
        summary=version.text.summary,
        url=url,
        status=version.status.value,
        status_label=STATUS_LABELS[version.status],
    )
