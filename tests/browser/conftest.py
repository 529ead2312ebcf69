"""One site, built once and served on localhost, that every browser test reads in Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pytest
from conftest import NoticeRepo, run_build
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response
from serving import launch_browser, serve_site

from .history import AS_OF, MKDOCS_YML, write_history

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"

WATCH_PAGE = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${where}`
  );
});
"""


@dataclass
class ServedSite:
    """The built site and the address it is served at."""

    root: Path
    base: str

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture(scope="package")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    repo = NoticeRepo(tmp_path_factory.mktemp("browser") / "repo")
    (repo.path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    write_history(repo)
    built = run_build(repo.path, as_of=AS_OF)
    assert built.status == 0, built.err
    with serve_site(built.site) as base:  # the policy is the pages' own, not a header
        yield ServedSite(built.site, base)


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless: the tests never download a browser.

    Closed when the browser tests end: Playwright runs one driver at a time in a process, and
    other tests start their own."""
    with launch_browser() as chromium:
        yield chromium


@dataclass
class Reader:
    """A browser tab that notes what a reader would not see: blocked code, outside requests."""

    page: Page
    site: ServedSite
    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    """Errors the page's code reports, and anything its policy refused."""
    failed_loads: list[str] = field(default_factory=list)
    """Addresses the page asked for that answered with an error status."""

    def open(self, path: str, *, idle: bool = False) -> Page:
        """Go to a page of the site; with `idle`, also wait until it has fetched all it will."""
        self.page.goto(self.site.url(path), wait_until="networkidle" if idle else "load")
        return self.page

    def csp_violations(self) -> list[str]:
        return list(self.page.evaluate("window.__cspViolations || []"))

    def settle(self) -> None:
        """Wait until every running transition (a focus ring fading in, a drawer) has ended."""
        self.page.evaluate(
            "Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)))"
        )

    def screenshot(self, name: str, *, full_page: bool = False) -> Path:
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path


def open_reader(
    browser: Browser,
    site: ServedSite,
    width: str,
    *,
    scripts: tuple[Path, ...] = (),
    color_scheme: Literal["light", "dark"] = "light",
) -> Reader:
    """A new browser tab, with a storage of its own, at a width; `scripts` run in every page."""
    context = browser.new_context(viewport=WIDTHS[width], color_scheme=color_scheme)  # type: ignore[arg-type]
    context.add_init_script(WATCH_PAGE)
    for script in scripts:
        context.add_init_script(path=script)
    page = context.new_page()
    reader = Reader(page, site)

    def note_request(request: Request) -> None:
        if not request.url.startswith(site.base):
            reader.outside_requests.append(request.url)

    def note_console(message: ConsoleMessage) -> None:
        # A failed load is noted with its address below, rather than as this bare message.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            reader.console_errors.append(message.text)

    def note_response(response: Response) -> None:
        if response.status >= 400:
            reader.failed_loads.append(response.url)

    page.on("request", note_request)
    page.on("console", note_console)
    page.on("response", note_response)
    return reader


@pytest.fixture(params=list(WIDTHS))
def reader(
    request: pytest.FixtureRequest, browser: Browser, served_site: ServedSite
) -> Iterator[Reader]:
    """A reader at a desktop width and, in a second run of the test, at a phone width."""
    reader = open_reader(browser, served_site, request.param)
    yield reader
    reader.page.context.close()


@pytest.fixture
def desktop_reader(browser: Browser, served_site: ServedSite) -> Iterator[Reader]:
    reader = open_reader(browser, served_site, "desktop")
    yield reader
    reader.page.context.close()


@pytest.fixture
def phone_reader(browser: Browser, served_site: ServedSite) -> Iterator[Reader]:
    reader = open_reader(browser, served_site, "phone")
    yield reader
    reader.page.context.close()
