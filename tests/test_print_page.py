"""Printing a page of the site from a browser (headless Chromium): the notice, and nothing else."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import MKDOCS_YML, Built, NoticeRepo, notice_source
from pypdf import PdfReader

playwright = pytest.importorskip("playwright.sync_api")

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    *("--no-sandbox", "--disable-gpu", "--disable-background-networking"),
    *("--disable-component-update", "--disable-sync", "--no-first-run"),
]
BODY = "## Your rights\n\nYou can ask for a copy of your record on [our portal](https://portal.example.org/).\n"


PAGES = ("npp/2024-01-01/", "npp/", "npp/history/")
REDLINE = "npp/changes/2024-01-01-to-2025-01-01/"


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The text of three pages as Chromium prints them (to PDF) with the print stylesheet."""
    repo = NoticeRepo(tmp_path_factory.mktemp("print") / "repo")
    (repo.path / "mkdocs.yml").write_text(MKDOCS_YML.replace("pdf: false", "pdf: true"))
    extra = "entity:\n  name: Example Health Clinic\n  type: health-care-provider"
    repo.write("npp.md", notice_source(effective="2024-01-01", body=BODY, extra=extra))
    repo.commit("Publish", "2023-12-01")
    repo.write("npp.md", notice_source(effective="2025-01-01", body=BODY, extra=extra))
    repo.commit("Second version", "2024-12-10")
    patch = pytest.MonkeyPatch()
    patch.delenv("SOURCE_DATE_EPOCH", raising=False)
    built = repo.build(as_of="2025-06-01")
    patch.undo()
    assert built.status == 0, built.err
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield {url: _print(browser, built, url) for url in (*PAGES, REDLINE)}
        browser.close()


def _print(browser: Any, built: Built, url: str) -> str:
    page = browser.new_page()
    page.goto((built.site / url / "index.html").as_uri())
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="Letter")))
    page.close()
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes.append(size * abs(tm[3]) * abs(cm[3]))

    words = " ".join(page.extract_text(visitor_text=visit) for page in reader.pages)
    assert min(sizes) >= 10.95, f"text smaller than 11 pt on {url}"
    return " ".join(words.split())


def test_a_printed_version_says_which_version_it_is_at_the_top(printed: dict[str, str]) -> None:
    text = printed["npp/2024-01-01/"]
    assert text.startswith(
        "Notice of Privacy Practices Effective January 1, 2024 Superseded "
        "Example Health Clinic "
        "Status: Superseded. Applied from January 1, 2024 until January 1, 2025, "
        "when a newer version replaced it. "
        "Permanent address: https://notices.example.org/npp/2024-01-01/ "
        "Your rights"
    ), text[:400]
    assert "our portal (https://portal.example.org/)" in text


def test_the_printed_notice_gives_the_permanent_address_of_the_version_in_effect(
    printed: dict[str, str],
) -> None:
    text = printed["npp/"]
    assert "Status: In effect since January 1, 2025." in text
    assert "Permanent address: https://notices.example.org/npp/2025-01-01/" in text


@pytest.mark.parametrize("url", [*PAGES, REDLINE])
def test_printing_leaves_out_navigation_search_banners_and_buttons(
    printed: dict[str, str], url: str
) -> None:
    text = printed[url]
    for screen_only in (
        "Example Health privacy notices",  # the site name in the header
        "Search",
        "Table of contents",
        "Previous version",
        "Download PDF",
        "Large print",
        "This is not the current notice",  # the banner: the status is in the print header
        "Made with",
    ):
        assert screen_only not in text, screen_only


def test_a_printed_history_names_the_notice_and_where_it_lives(printed: dict[str, str]) -> None:
    text = printed["npp/history/"]
    assert text.startswith(
        "Notice of Privacy Practices: version history Example Health Clinic "
        "Printed from: https://notices.example.org/npp/history/"
    ), text[:300]
    assert "January 1, 2025 Current" in text


def test_a_printed_redline_names_the_entity_and_its_permanent_address(
    printed: dict[str, str],
) -> None:
    text = printed[REDLINE]
    assert text.startswith(
        "Notice of Privacy Practices: what changed From the version effective January 1, 2024 "
        "to the version effective January 1, 2025. All versions · Compare other versions "
        "Example Health Clinic Printed from: "
        "https://notices.example.org/npp/changes/2024-01-01-to-2025-01-01/"
    ), text[:400]
