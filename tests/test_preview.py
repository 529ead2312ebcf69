"""The local preview (`notices serve`) shows uncommitted edits as drafts; a build never does."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import NoticeRepo, notice_source, visible_text
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort


def preview(repo: NoticeRepo, site: Path) -> None:
    """Build the site the way `notices serve` does, into `site`."""
    config = load_config(str(repo.path / "mkdocs.yml"), site_dir=str(site))
    config.plugins["privacy-notices"].config.as_of = "2025-06-01"
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")


def page_text(site: Path, url: str) -> str:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    return visible_text(html.split('<article class="md-content__inner md-typeset">', 1)[1])


def test_an_edit_with_a_new_date_is_a_draft_version(
    notice_repo: NoticeRepo, tmp_path: Path
) -> None:
    notice_repo.write("npp.md", notice_source(effective="2025-01-01", body="Committed text.\n"))
    notice_repo.commit("Publish", "2024-12-01")
    notice_repo.write("npp.md", notice_source(effective="2025-09-01", body="Draft text.\n"))
    preview(notice_repo, tmp_path / "preview")
    page = page_text(tmp_path / "preview", "npp/2025-09-01")
    assert page.startswith("Draft. This version has uncommitted changes.")
    assert "Upcoming, draft" in page and "Draft text." in page
    assert "Committed text." in page_text(tmp_path / "preview", "npp")


def test_an_edit_keeping_the_date_is_a_draft_correction(
    notice_repo: NoticeRepo, tmp_path: Path
) -> None:
    notice_repo.write("npp.md", notice_source(effective="2025-01-01", body="Committed text.\n"))
    notice_repo.commit("Publish", "2024-12-01")
    notice_repo.write("npp.md", notice_source(effective="2025-01-01", body="Corrected text.\n"))
    preview(notice_repo, tmp_path / "preview")
    page = page_text(tmp_path / "preview", "npp")
    assert "Draft." in page and "Corrected text." in page
    assert "Corrected" in page and "(uncommitted)" in page


def test_a_new_file_is_a_draft_notice_only_in_the_preview(
    notice_repo: NoticeRepo, tmp_path: Path
) -> None:
    notice_repo.write("npp.md", notice_source(effective="2025-01-01"))
    notice_repo.commit("Publish", "2024-12-01")
    notice_repo.write("policy.md", notice_source(title="Policy", kind="privacy-policy"))
    preview(notice_repo, tmp_path / "preview")
    assert "Draft." in page_text(tmp_path / "preview", "policy")
    built = notice_repo.build()
    assert not (built.site / "policy").exists()


def test_a_bad_draft_is_reported_like_a_bad_commit(
    notice_repo: NoticeRepo, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    notice_repo.write("npp.md", notice_source(effective="2025-01-01"))
    notice_repo.commit("Publish", "2024-12-01")
    notice_repo.write("npp.md", notice_source(effective="2025-01-32"))
    with pytest.raises(Abort):
        preview(notice_repo, tmp_path / "preview")
    assert caplog.messages[-1] == (
        "notices/npp.md, line 4, uncommitted changes: effective_date '2025-01-32' is not a real "
        "date.\n  How to fix: write the date as YYYY-MM-DD, for example effective_date: 2026-01-01."
    )
