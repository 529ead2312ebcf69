"""The build cache keeps what builds use and lets go of what none has used for a month."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from conftest import NoticeRepo, notice_source
from test_incremental import site_files, two_notices

from generator import pdf_files
from generator.cache import DAY, PRUNED_MARK, UNUSED_DAYS, BuildCache
from generator.pdf_files import PdfJob

LONG_AGO = time.time() - (UNUSED_DAYS + 10) * DAY


def age(path: Path, moment: float = LONG_AGO) -> None:
    os.utime(path, (moment, moment))


def entries(cache: Path) -> set[str]:
    return {path.relative_to(cache).as_posix() for path in cache.glob("*/??/*.json")}


def test_entries_no_build_used_for_a_month_are_removed(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    used, unused, recent = cache.key("used"), cache.key("unused"), cache.key("recent")
    for key in (used, unused, recent):
        cache.store_file("pdf", key, key.encode())
    for path in tmp_path.glob("pdf/??/*"):
        age(path, LONG_AGO if recent not in path.name else time.time() - DAY)
    assert cache.file("pdf", used) is not None  # read by this build: in use again
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "__jinja2_page.cache").write_bytes(b"compiled")
    age(tmp_path / "templates" / "__jinja2_page.cache")
    leftover = tmp_path / "pdf" / unused[:2] / f".{unused}.bin.x1y2"  # from a killed build
    leftover.write_bytes(b"half")
    age(leftover)

    assert cache.prune() == 1
    assert cache.file("pdf", used) is not None and cache.file("pdf", recent) is not None
    assert cache.file("pdf", unused) is None
    assert not list(tmp_path.glob(f"pdf/??/*{unused}*"))  # its record, file and leftover
    assert (tmp_path / "templates" / "__jinja2_page.cache").exists()  # not an entry


def test_the_cache_is_looked_through_at_most_once_a_day(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    key = cache.key("entry")
    cache.store_json("text", key, {"x": 1})
    assert cache.prune() == 0
    age(next(tmp_path.glob("text/??/*.json")))
    assert cache.prune() == 0  # looked through today already
    age(tmp_path / PRUNED_MARK, time.time() - DAY - 60)
    age(next(tmp_path.glob("text/??/*.json")))
    assert cache.prune() == 1
    assert cache.load_json("text", key) is None


def test_a_build_removes_only_what_no_build_used(notice_repo: NoticeRepo) -> None:
    two_notices(notice_repo)
    kept = site_files(notice_repo.build().site)
    cache = notice_repo.path / ".cache" / "notices"
    stale = BuildCache(cache)  # an entry of another release: its key is never asked for again
    stale.store_json("body", stale.key("a release long gone"), {"html": "old"})
    for path in [*cache.glob("*/??/*"), cache / PRUNED_MARK]:
        age(path)
    before = entries(cache)

    warm = notice_repo.build(quiet=False)
    assert "build cache: removed 3 entries no build had used for 30 days" in warm.err
    # A warm build reads its stored pages, not the redline they were drawn from: that goes too.
    assert {name.split("/")[0] for name in before - entries(cache)} == {
        "body",
        "redline",
        "redline-html",
    }
    assert site_files(warm.site) == kept
    assert "build cache: removed" not in notice_repo.build(quiet=False).err  # once a day

    notice_repo.write("npp.md", notice_source(effective="2025-09-01", body="## A\n\nThird.\n"))
    notice_repo.commit("Third version", "2025-05-01")
    built = notice_repo.build(quiet=False)
    assert built.work()["redline"] == (3, 0)  # the pruned pair made again, with the new ones
    assert "Second." in built.text("npp/changes/2024-01-01-to-2025-01-01")


def test_a_pdf_pruned_while_a_build_places_it_is_rendered_instead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = BuildCache(tmp_path / "cache")
    job = PdfJob("npp/npp.pdf", cache.key("npp"), "<p>The notice.</p>", None)
    cache.store_file(pdf_files.KIND, job.key, b"%PDF- stored long ago")
    found = cache.file

    def found_then_pruned(kind: str, key: str) -> Path | None:
        path = found(kind, key)
        if path is not None:  # another build's prune removes it between lookup and link
            path.unlink()
        return path

    monkeypatch.setattr(cache, "file", found_then_pruned)
    site = tmp_path / "site"
    report = pdf_files.write_pdfs([job], cache, site, workers=1)

    assert (report.rendered, report.reused) == (1, 0)
    assert (site / "npp" / "npp.pdf").read_bytes().startswith(b"%PDF-1.")
    assert pdf_files.cached_or_rendered(job, cache).startswith(b"%PDF-1.")
