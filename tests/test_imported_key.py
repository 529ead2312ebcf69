"""The `imported:` front matter key: checked key by key, each error naming its line."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import NoticeRepo, notice_source

from generator.errors import NoticeError
from generator.model import ImportRecord
from generator.sources import parse_notice

GOOD = (
    "imported:\n  source: https://www.example.org/privacy\n  date: 2026-11-22\n"
    "  published: 2025-07-16\n  updated: 2025-09-01"
)


def parse(extra: str) -> ImportRecord | None:
    text = notice_source(effective="2025-07-16", extra=extra)
    return parse_notice(text.encode(), path="notices/npp.md", commit="abc1234").imported


def test_a_complete_record() -> None:
    assert parse(GOOD) == ImportRecord(
        source="https://www.example.org/privacy",
        date=dt.date(2026, 11, 22),
        published=dt.date(2025, 7, 16),
        updated=dt.date(2025, 9, 1),
    )
    assert parse("imported: {source: npp.txt, date: 2026-11-22, published: 2025-07-16}") == (
        ImportRecord("npp.txt", dt.date(2026, 11, 22), dt.date(2025, 7, 16))
    )
    assert parse("") is None


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            "imported: yes",
            "line 5, commit abc1234: 'imported' must be keys: source, date, published and, if "
            "known, updated.",
        ),
        (
            "imported:\n  source: a.txt\n  date: 2026-11-22\n  publisehd: 2025-07-16",
            "line 8, commit abc1234: unknown key 'imported.publisehd'.\n"
            "  How to fix: did you mean 'published'?",
        ),
        (
            "imported:\n  source: a.txt\n  date: 2026-11-22",
            "line 5, commit abc1234: imported has no 'published'.",
        ),
        (
            "imported:\n  source: a.txt\n  date: 2026-11-22\n  published: July 16, 2025",
            "line 8, commit abc1234: imported.published 'July 16, 2025' is not a date in the "
            "form YYYY-MM-DD.\n  How to fix: write the date as YYYY-MM-DD, for example "
            "published: 2025-07-16.",
        ),
        (
            "imported:\n  source: a.txt\n  date: 2026-02-30\n  published: 2025-07-16",
            "line 7, commit abc1234: imported.date '2026-02-30' is not a real date.",
        ),
        (
            "imported:\n  source: [a, b]\n  date: 2026-11-22\n  published: 2025-07-16",
            "line 6, commit abc1234: imported.source must be text.",
        ),
        (
            "imported:\n  source: a.txt\n  date: 2026-11-22\n  published: 2027-01-01",
            "line 8, commit abc1234: imported.published 2027-01-01 is after the import date "
            "2026-11-22.\n  How to fix: published is the date the notice was first published "
            "on the website, before it was imported; date is the day it was imported.",
        ),
    ],
    ids=["not-keys", "typo", "missing", "date-form", "date-unreal", "source-list", "after"],
)
def test_errors_name_the_line(extra: str, message: str) -> None:
    with pytest.raises(NoticeError) as error:
        parse(extra)
    assert str(error.value).startswith("notices/npp.md, " + message)


def test_the_build_stops_at_a_bad_record(notice_repo: NoticeRepo) -> None:
    notice_repo.write(
        "npp.md",
        notice_source(extra="imported:\n  source: a.txt\n  date: 2026-11-22\n  published: soon"),
    )
    sha = notice_repo.commit("Import")
    built = notice_repo.build()
    assert built.status == 1
    assert (
        f"notices/npp.md, line 8, commit {sha[:7]}: imported.published 'soon' is not a date"
        in built.err
    )
