"""Builds follow what changed: the cache is reused, checked, shared safely, and output is stable."""

from __future__ import annotations

import datetime as dt
import filecmp
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import MKDOCS_YML, NoticeRepo, notice_source

from generator import redline_pages
from generator.cache import BuildCache
from generator.site import SiteBuild


def two_notices(repo: NoticeRepo) -> None:
    repo.write("npp.md", notice_source(effective="2024-01-01", body="## A\n\nFirst.\n"))
    repo.write(
        "policy.md", notice_source(title="Policy", kind="privacy-policy", effective="2024-01-01")
    )
    repo.commit("Publish", "2023-12-01")
    repo.write("npp.md", notice_source(effective="2025-01-01", body="## A\n\nSecond.\n"))
    repo.commit("Second version", "2024-12-01")


def site_files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_a_warm_build_makes_nothing_new(notice_repo: NoticeRepo) -> None:
    two_notices(notice_repo)
    cold = notice_repo.build(quiet=False)
    assert cold.work() == {
        "body": (3, 0),
        "page": (8, 0),
        "redline": (1, 0),
        "redline-html": (1, 0),
        "redline-stats": (1, 0),
        "text": (3, 0),
    }
    warm = notice_repo.build(quiet=False)
    # Every page outside the navigation is written as stored; the redline is not even read.
    assert warm.work() == {
        "body": (0, 3),
        "page": (0, 8),
        "redline-stats": (0, 1),
        "text": (0, 3),
    }


def test_a_new_version_makes_only_its_own_outputs(notice_repo: NoticeRepo) -> None:
    two_notices(notice_repo)
    notice_repo.build()
    notice_repo.write("npp.md", notice_source(effective="2025-09-01", body="## A\n\nThird.\n"))
    notice_repo.commit("Third version", "2025-05-01")
    built = notice_repo.build(quiet=False)
    # the new version's redlines against each earlier version are new; the old one's body and
    # numbers are reused without reading it. The notice's pages outside the navigation change
    # (their links and banners name the new version): those of the other notice do not.
    assert built.work() == {
        "body": (1, 3),
        "page": (8, 3),
        "redline": (2, 0),
        "redline-html": (2, 1),
        "redline-stats": (2, 1),
        "text": (1, 3),
    }
    assert "Third." in built.text("npp/2025-09-01")


def test_a_corrupt_cache_entry_is_made_again(notice_repo: NoticeRepo) -> None:
    two_notices(notice_repo)
    first = notice_repo.build()
    before = site_files(first.site)
    cache = notice_repo.path / ".cache" / "notices"
    entries = sorted((cache / "body").rglob("*.json"))
    entries[0].write_text('{"key": "not this one", "value": {}}')
    entries[1].write_bytes(entries[1].read_bytes()[:40])
    built = notice_repo.build(quiet=False)
    assert built.work()["body"] == (2, 1)
    assert site_files(built.site) == before


def test_two_builds_of_the_same_commit_and_date_are_byte_identical(
    notice_repo: NoticeRepo, tmp_path: Path
) -> None:
    config = notice_repo.path / "mkdocs.yml"
    config.write_text(MKDOCS_YML.replace("pdf: false", "pdf: true"))
    two_notices(notice_repo)
    first = site_files(notice_repo.build(as_of="2025-02-01").site)
    (notice_repo.path / ".cache").rename(tmp_path / "old-cache")
    second = site_files(notice_repo.build(as_of="2025-02-01").site)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    for made in ("sitemap.xml.gz", "search/search_index.json", "feed.xml", "notices.json"):
        assert made in first
    assert len([name for name in first if name.endswith(".pdf")]) == 7  # 3 versions x 2, 1 redline


def test_two_builds_at_once_share_the_cache_safely(notice_repo: NoticeRepo, tmp_path: Path) -> None:
    two_notices(notice_repo)
    env = {**os.environ, "NOTICES_AS_OF": "2025-06-01"}
    command = [sys.executable, "-m", "generator", "build", "-q"]
    builds = [
        subprocess.Popen(
            [*command, "-d", str(tmp_path / f"site-{i}")], cwd=notice_repo.path, env=env
        )
        for i in range(2)
    ]
    assert [build.wait() for build in builds] == [0, 0]
    assert filecmp.dircmp(tmp_path / "site-0", tmp_path / "site-1").diff_files == []
    after = notice_repo.build(as_of="2025-06-01", quiet=False)
    assert after.work() == {
        "body": (0, 3),
        "page": (0, 8),
        "redline-stats": (0, 1),
        "text": (0, 3),
    }


def test_an_entry_stored_under_another_key_is_not_trusted(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    key, other = cache.key("a"), cache.key("b")
    cache.store_json("kind", key, {"x": 1})
    path = tmp_path / "kind" / key[:2] / f"{key}.json"
    target = tmp_path / "kind" / other[:2] / f"{other}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(path.read_bytes())
    assert cache.load_json("kind", key) == {"x": 1}
    assert cache.load_json("kind", other) is None


def test_a_stored_file_whose_bytes_changed_is_not_returned(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    key = cache.key("pdf")
    stored = cache.store_file("pdf", key, b"%PDF-1.7 content")
    assert stored is not None and cache.file("pdf", key) == stored
    stored.write_bytes(b"%PDF-1.7 contenT")
    assert cache.file("pdf", key) is None


def test_keys_change_with_the_code(tmp_path: Path, monkeypatch: object) -> None:
    import generator.cache as cache_module

    cache = BuildCache(tmp_path)
    key = cache.key("body", "text")
    cache_module.code_fingerprint.cache_clear()
    original = cache_module.PACKAGE
    try:
        cache_module.PACKAGE = original / "templates"
        assert cache.key("body", "text") != key
    finally:
        cache_module.PACKAGE = original
        cache_module.code_fingerprint.cache_clear()
    assert cache.key("body", "text") == key


def test_redlines_let_go_of_are_read_back_from_the_cache_unchanged(
    notice_repo: NoticeRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    two_notices(notice_repo)
    notice_repo.write("npp.md", notice_source(effective="2025-09-01", body="## A\n\nThird.\n"))
    notice_repo.commit("Third version", "2025-05-01")
    kept = site_files(notice_repo.build().site)
    (notice_repo.path / ".cache").rename(tmp_path / "old-cache")
    monkeypatch.setattr(redline_pages, "KEPT_REDLINES", 1)  # a large archive, in miniature
    built = notice_repo.build(quiet=False)
    # each pair made once, however often it is read; notices.json, written last, lists the
    # numbers of every redline without reading them back
    assert built.work()["redline"] == (3, 0)
    assert site_files(built.site) == kept


def test_a_redline_asked_for_at_once_by_pages_and_pdfs_is_made_once(
    notice_repo: NoticeRepo, tmp_path: Path
) -> None:
    two_notices(notice_repo)
    build = SiteBuild(notice_repo.path / "notices", dt.date(2025, 6, 1), tmp_path / "cache")
    notice = build.archive.notice("npp")
    assert notice is not None
    old, new = notice.versions
    with ThreadPoolExecutor(4) as threads:
        redlines = list(threads.map(lambda _: build.redlines.between(old, new), range(8)))
    assert build.cache.misses("redline") == 1
    assert all(redline is redlines[0] for redline in redlines)
