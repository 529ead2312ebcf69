"""The demo's own HIPAA notice passes every element that applies to it, in every version."""

from __future__ import annotations

import datetime as dt

from conftest import ROOT

from generator.archive import load_archive
from generator.cache import BuildCache
from generator.validation.notices import validate_archive

ALWAYS_FOR_REVIEW = {"plain-language", "more-stringent-law", "sufficient-detail"}
UNSTATED_BEFORE_2027 = {"optional-limited-uses", "joint-notice-sharing"}
"""The demo's versions before 2027 do not state limited-uses or joint-notice in their profile;
the upcoming version does, so these two are no longer left for review there."""


def test_every_version_of_the_demo_notice_passes_by_the_law_of_its_time() -> None:
    cache = BuildCache(None)
    archive, _ = load_archive(ROOT / "notices", dt.date(2026, 11, 22), cache=cache)
    reports = validate_archive(archive, cache).reports
    judged = [(r.effective_date.isoformat(), r.status, r.law_date.isoformat()) for r in reports]
    assert judged == [
        ("2024-07-01", "superseded", "2025-02-28"),
        ("2025-03-01", "superseded", "2026-02-15"),
        ("2026-02-16", "current", "2026-11-22"),
        ("2027-01-01", "upcoming", "2027-01-01"),
    ]
    for report in reports:
        open_items = {
            f.id: f.status.value
            for f in report.findings
            if f.status.value in ("fail", "warn", "waived")
        }
        assert open_items == {}, report.effective_date
        reviews = {f.id for f in report.findings if f.status.value == "review"}
        part2 = {"part2-more-stringent"} if report.law_date >= dt.date(2026, 2, 16) else set()
        unstated = UNSTATED_BEFORE_2027 if report.effective_date.year < 2027 else set()
        assert reviews == ALWAYS_FOR_REVIEW | unstated | part2, report.effective_date
