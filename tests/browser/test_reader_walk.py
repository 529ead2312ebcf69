"""A reader walks the site: home, a notice, its history, an older version, its redline, back.

Each step is saved as a screenshot in tests/screenshots/ (desktop and phone) to look at.
"""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from .conftest import Reader
from .history import NPP


def follow(reader: Reader, link: Locator, path: str) -> Page:
    """Click a link and wait until the page it leads to has loaded."""
    link.click()
    reader.page.wait_for_url(reader.site.url(path))
    return reader.page


def banners(page: Page) -> list[str]:
    return [" ".join(text.split()) for text in page.locator(".notice-banner").all_inner_texts()]


def heading(page: Page) -> str:
    return page.locator("article h1").first.inner_text().strip()


def test_a_reader_finds_the_current_notice_and_its_history(reader: Reader) -> None:
    width = "phone" if reader.page.viewport_size["width"] < 600 else "desktop"  # type: ignore[index]
    page = reader.open("")
    assert heading(page) == "Example Health privacy notices"
    card = page.locator(".notice-card").filter(has_text="Notice of Privacy Practices").first
    assert "In effect since January 1, 2025" in " ".join(card.inner_text().split())
    assert "New version takes effect September 1, 2025" in " ".join(card.inner_text().split())
    assert page.get_by_role("heading", name="Withdrawn notices").is_visible()
    reader.screenshot(f"walk-{width}-1-home", full_page=True)

    follow(
        reader, card.get_by_role("link", name="Notice of Privacy Practices", exact=True), f"{NPP}/"
    )
    assert heading(page) == "Notice of Privacy Practices"
    effective = " ".join(page.locator(".notice-effective").inner_text().split())
    assert effective == "Effective January 1, 2025 Current"
    assert banners(page) == [
        "A new version takes effect on September 1, 2025. Read the new version: "
        "Adds the Riverside clinic."
    ]
    expect(page.get_by_text("Everyone who works at our three clinics")).to_be_visible()
    reader.screenshot(f"walk-{width}-2-current-notice")

    versions = page.get_by_role("navigation", name="Versions of this notice")
    follow(reader, versions.get_by_role("link", name="Version history"), f"{NPP}/history/")
    assert heading(page) == "Notice of Privacy Practices: version history"
    rows = page.locator("table.notice-history tbody tr")
    assert [" ".join(row.split()[:4]) for row in rows.all_inner_texts()] == [
        "September 1, 2025 Upcoming",
        "January 1, 2025 Current",
        "January 1, 2024 Superseded",
    ]
    reader.screenshot(f"walk-{width}-3-history", full_page=True)

    follow(
        reader,
        rows.last.get_by_role("link", name="January 1, 2024", exact=True),
        f"{NPP}/2024-01-01/",
    )
    assert banners(page) == [
        "This is not the current notice. This version applied from January 1, 2024 until the "
        "version of January 1, 2025 replaced it on January 1, 2025. Read the current notice."
    ]
    banner = page.locator(".notice-banner").first
    assert banner.is_visible() and banner.bounding_box()["y"] < 400  # type: ignore[index]
    expect(page.get_by_text("Everyone who works at our two clinics")).to_be_visible()
    reader.screenshot(f"walk-{width}-4-archived-version")

    redline = f"{NPP}/changes/2024-01-01-to-2025-01-01/"
    follow(reader, page.get_by_role("link", name="Compare with the current version"), redline)
    expect(page.locator(".redline-document del").filter(has_text="two")).to_be_visible()
    expect(page.locator(".redline-document ins").filter(has_text="three")).to_be_visible()
    reader.screenshot(f"walk-{width}-5-redline")
    page.go_back()
    page.wait_for_url(reader.site.url(f"{NPP}/2024-01-01/"))

    follow(reader, page.get_by_role("link", name="Read the current notice"), f"{NPP}/")
    expect(page.get_by_text("Everyone who works at our three clinics")).to_be_visible()


def test_a_reader_reads_an_upcoming_version_before_it_applies(reader: Reader) -> None:
    width = "phone" if reader.page.viewport_size["width"] < 600 else "desktop"  # type: ignore[index]
    page = reader.open(f"{NPP}/")
    follow(reader, page.get_by_role("link", name="Read the new version"), f"{NPP}/2025-09-01/")
    assert banners(page) == [
        "This version takes effect on September 1, 2025. Until then, the version of "
        "January 1, 2025 applies."
    ]
    assert "Upcoming" in page.locator(".notice-effective").inner_text()
    reader.screenshot(f"walk-{width}-6-upcoming-version")
    follow(reader, page.get_by_role("link", name="version of January 1, 2025"), f"{NPP}/")


def test_the_footer_of_every_page_links_the_hipaa_notice(desktop_reader: Reader) -> None:
    reader = desktop_reader
    for path in ["", f"{NPP}/2024-01-01/", "404.html"]:
        page = reader.open(path)
        footer = page.get_by_role("contentinfo")
        links = footer.get_by_role("navigation", name="HIPAA Notice of Privacy Practices")
        link = links.get_by_role("link")
        assert link.all_inner_texts() == ["Notice of Privacy Practices"], path
        assert link.is_visible()
    follow(reader, link, f"{NPP}/")
