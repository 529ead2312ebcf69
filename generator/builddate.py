"""The build date: the day that decides which version of each notice is current."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping

from .errors import NoticeError

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def resolve_build_date(option: str | None, environ: Mapping[str, str]) -> dt.date:
    """The date that decides which version is current.

    In order: the plugin's as_of option (what `notices build --as-of` sets), NOTICES_AS_OF
    (what `notices serve --as-of` sets), SOURCE_DATE_EPOCH (as a UTC date), today.
    """
    for source, value in (("as_of", option), ("NOTICES_AS_OF", environ.get("NOTICES_AS_OF"))):
        if value:
            return parse_date(value, source)
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
        except ValueError:
            raise NoticeError(
                f"SOURCE_DATE_EPOCH '{epoch}' is not a number of seconds.",
                fix="set it to a Unix timestamp, or unset it.",
            ) from None
    return dt.date.today()


def parse_date(value: str, source: str) -> dt.date:
    try:
        if DATE.fullmatch(value.strip()):
            return dt.date.fromisoformat(value.strip())
    except ValueError:
        pass
    raise NoticeError(
        f"{source} '{value}' is not a date in the form YYYY-MM-DD.",
        fix="give the build date as YYYY-MM-DD, for example 2026-01-31.",
    )


def epoch_of(date: dt.date) -> int:
    """Midnight UTC of `date` as a Unix timestamp."""
    return calendar.timegm(date.timetuple())
