"""axe-core, run in the page, finds no WCAG 2.0/2.1 A or AA violation on any kind of page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import axe_playwright_python
import pytest
from playwright.sync_api import Browser

from .conftest import WIDTHS, Reader, ServedSite, open_reader
from .history import NPP

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

PAGE_TYPES = {
    "home": "",
    "current notice": f"{NPP}/",
    "archived version": f"{NPP}/2024-01-01/",
    "upcoming version": f"{NPP}/2025-09-01/",
    "history": f"{NPP}/history/",
    "which version applied on a date": f"{NPP}/on-date/",
    "redline": f"{NPP}/changes/2024-01-01-to-2025-01-01/",
    "every comparison": f"{NPP}/changes/",
    "HIPAA checklist": f"{NPP}/2025-01-01/checklist/",
    "withdrawn notice history": "dental-clinic-npp/history/",
    "withdrawn version": "dental-clinic-npp/2024-01-01/",
    "page not found": "404.html",
}
"""Every kind of page, by an example of it: a new kind of page is one more line here."""

AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"
"""axe-core as the axe-playwright-python package ships it: nothing is downloaded at test time.

It is added to each page by the browser itself (an init script), not by a <script> element,
so the page's Content-Security-Policy stays in force while axe runs."""


@pytest.fixture(scope="module", params=list(WIDTHS))
def axe_reader(
    request: pytest.FixtureRequest, browser: Browser, served_site: ServedSite
) -> Iterator[Reader]:
    """One tab per width for all the pages checked, each page with axe-core in it."""
    reader = open_reader(browser, served_site, request.param, scripts=(AXE,))
    yield reader
    reader.page.context.close()


def axe_violations(reader: Reader) -> list[str]:
    """Each violation axe reports on the open page, with the elements it names."""
    results: dict[str, Any] = reader.page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        f"{found['id']}: {found['help']} at {[node['target'] for node in found['nodes']]}"
        for found in results["violations"]
    ]


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_no_wcag_violations(axe_reader: Reader, path: str) -> None:
    axe_reader.open(path)
    assert axe_violations(axe_reader) == []


def test_no_wcag_violations_in_print(browser: Browser, served_site: ServedSite) -> None:
    """The print view: the page as printed, with print media emulated."""
    reader = open_reader(browser, served_site, "desktop", scripts=(AXE,))
    try:
        reader.page.emulate_media(media="print")
        reader.open(f"{NPP}/2024-01-01/")
        assert axe_violations(reader) == []
    finally:
        reader.page.context.close()


def test_no_wcag_violations_in_the_dark_scheme(browser: Browser, served_site: ServedSite) -> None:
    """The dark scheme, which the site takes from the reader's system setting."""
    reader = open_reader(browser, served_site, "desktop", scripts=(AXE,), color_scheme="dark")
    try:
        reader.open(f"{NPP}/2024-01-01/")
        assert reader.page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        assert axe_violations(reader) == []
    finally:
        reader.page.context.close()
