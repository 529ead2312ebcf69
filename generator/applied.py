"""Which version applied on a date: the days each version was in effect, and the page that asks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import Archive, Notice, Version
from .pages import PageSpec, on_date_url

ON_DATE_TEMPLATE = "notices/on-date.html"
ON_DATE_SCRIPT = "assets/notices/on-date.js"


@dataclass(frozen=True)
class Period:
    """The days on which one version applied (or will apply, as published so far)."""

    version: Version
    start: dt.date
    end: dt.date | None
    """First day the version no longer applied; None while nothing replaces it."""

    @property
    def last_day(self) -> dt.date | None:
        return self.end - dt.timedelta(days=1) if self.end else None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


def periods(notice: Notice) -> list[Period]:
    """Each version that applied or will apply, oldest first.

    A version ends where the next one starts or where the notice was withdrawn, whichever is
    first; a version whose date came after the withdrawal never applied and is left out.
    """
    withdrawn = notice.retired.date if notice.retired else None
    found = []
    for version in notice.versions:
        ends = [day for day in (version.next_date, withdrawn) if day is not None]
        end = min(ends) if ends else None
        if end is None or end > version.effective_date:
            found.append(Period(version, version.effective_date, end))
    return found


def version_on(notice: Notice, day: dt.date) -> Version | None:
    """The version that applied on `day`, or None (before the first one, or after withdrawal)."""
    return next((p.version for p in periods(notice) if p.covers(day)), None)


def plan_on_date_pages(archive: Archive) -> list[PageSpec]:
    """One page per notice, out of the navigation and the search, linked from its history."""
    return [
        PageSpec(
            on_date_url(notice),
            f"{notice.title}: which version applied on a date",
            ON_DATE_TEMPLATE,
            "on-date",
            notice,
            extra={"periods": periods(notice), "built_on": archive.build_date},
        )
        for notice in archive.notices
    ]
