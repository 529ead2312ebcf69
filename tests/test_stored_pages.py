"""Stored pages: a page written from the cache is the page a build without it would render."""

from __future__ import annotations

import shutil
from collections.abc import Callable

import pytest
from conftest import MKDOCS_YML, NoticeRepo, notice_source
from test_incremental import site_files, two_notices

from generator import plugin

OVERRIDE = """{% extends "base.html" %}
{% block announce %}<p class="house-note">NOTE</p>{% endblock %}
"""


def three_notices_with_overrides(repo: NoticeRepo) -> None:
    """Two notices, three versions of one (the last upcoming), a theme override, checklists."""
    config = MKDOCS_YML.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    checklists = "validation: report\n      validation_checklists: true"
    config = config.replace("validation: skip", checklists)
    (repo.path / "mkdocs.yml").write_text(config)
    write_override(repo, "First note")
    two_notices(repo)
    repo.write("npp.md", notice_source(effective="2025-09-01", body="## A\n\nThird.\n"))
    repo.commit("Third version", "2025-05-01")


def write_override(repo: NoticeRepo, note: str) -> None:
    folder = repo.path / "overrides"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "main.html").write_text(OVERRIDE.replace("NOTE", note))


def built_without_stored_pages(
    repo: NoticeRepo, monkeypatch: pytest.MonkeyPatch, as_of: str
) -> dict[str, bytes]:
    with monkeypatch.context() as patch:
        patch.setattr(plugin, "PLUGINS_SAFE_TO_STORE", set())
        built = repo.build(as_of=as_of, quiet=False)
    assert "page:" not in built.err
    files = site_files(built.site)
    shutil.rmtree(repo.path / ".cache")
    return files


def test_stored_pages_are_the_pages_rendered_without_them(
    notice_repo: NoticeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    three_notices_with_overrides(notice_repo)
    plain = built_without_stored_pages(notice_repo, monkeypatch, "2025-06-01")
    cold = notice_repo.build(as_of="2025-06-01", quiet=False)
    assert cold.work()["page"][1] == 0
    assert site_files(cold.site) == plain
    warm = notice_repo.build(as_of="2025-06-01", quiet=False)
    assert warm.work()["page"] == (0, cold.work()["page"][0])
    assert site_files(warm.site) == plain
    assert "First note" in warm.page("npp/changes/2024-01-01-to-2025-01-01")


def change_the_build_date(repo: NoticeRepo) -> str:
    return "2025-10-01"  # the upcoming version is now current: banners and links change


def change_nothing_but_the_day(repo: NoticeRepo) -> str:
    return "2025-06-02"  # only the pages that show the build date change


def change_a_template_override(repo: NoticeRepo) -> str:
    write_override(repo, "Second note")
    return "2025-06-01"


def change_the_site_name(repo: NoticeRepo) -> str:
    config = repo.path / "mkdocs.yml"
    config.write_text(config.read_text().replace("Example Health", "Sample Clinic"))
    return "2025-06-01"


def change_the_other_notices_title(repo: NoticeRepo) -> str:
    repo.write(
        "policy.md",
        notice_source(title="Website policy", kind="privacy-policy", effective="2024-01-01"),
    )
    repo.commit("Correct the title", "2025-05-02")
    return "2025-06-01"


def correct_the_upcoming_text(repo: NoticeRepo) -> str:
    repo.write("npp.md", notice_source(effective="2025-09-01", body="## A\n\nThird, corrected.\n"))
    repo.commit("Correct the upcoming version", "2025-05-03")
    return "2025-06-01"


@pytest.mark.parametrize(
    "change",
    [
        correct_the_upcoming_text,
        change_the_build_date,
        change_nothing_but_the_day,
        change_a_template_override,
        change_the_site_name,
        change_the_other_notices_title,
    ],
)
def test_after_a_change_stored_pages_are_rendered_again_where_it_shows(
    notice_repo: NoticeRepo, monkeypatch: pytest.MonkeyPatch, change: Callable[[NoticeRepo], str]
) -> None:
    three_notices_with_overrides(notice_repo)
    notice_repo.build(as_of="2025-06-01")  # the cache holds every page before the change
    as_of = change(notice_repo)
    shutil.copytree(notice_repo.path / ".cache", notice_repo.path.parent / "cache-before")
    expected = built_without_stored_pages(notice_repo, monkeypatch, as_of)
    shutil.copytree(notice_repo.path.parent / "cache-before", notice_repo.path / ".cache")
    built = notice_repo.build(as_of=as_of, quiet=False)
    assert built.work()["page"][0] > 0
    assert site_files(built.site) == expected


def test_other_plugins_turn_stored_pages_off(notice_repo: NoticeRepo) -> None:
    config = MKDOCS_YML.replace("  - search\n", "  - search\n  - tags\n")
    (notice_repo.path / "mkdocs.yml").write_text(config)
    two_notices(notice_repo)
    notice_repo.build()
    assert "page" not in notice_repo.build(quiet=False).work()


def test_a_build_on_the_next_day_renders_only_the_pages_that_show_the_date(
    notice_repo: NoticeRepo,
) -> None:
    two_notices(notice_repo)
    notice_repo.build(as_of="2025-06-01")
    built = notice_repo.build(as_of="2025-06-02", quiet=False)
    assert built.work()["page"] == (2, 6)  # the two notices' "which version applied" pages
    assert "built on June 2, 2025" in built.text("npp/on-date")
