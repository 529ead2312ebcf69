"""One site, built once and served on localhost, that every browser test reads in Chromium."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pytest
from conftest import NoticeRepo, run_build
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Request, sync_playwright

from .history import AS_OF, MKDOCS_YML, write_history

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class ServedSite:
    """The built site and the address it is served at."""

    root: Path
    base: str

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    repo = NoticeRepo(tmp_path_factory.mktemp("browser") / "repo")
    (repo.path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    write_history(repo)
    built = run_build(repo.path, as_of=AS_OF)
    assert built.status == 0, built.err
    handler = functools.partial(_QuietHandler, directory=str(built.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield ServedSite(built.site, f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Debian's Chromium, headless: the tests never download a browser."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install it with `bash scripts/setup --test`.")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@dataclass
class Reader:
    """A browser tab that notes what a reader would not see: blocked code, outside requests."""

    page: Page
    site: ServedSite
    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

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
        if message.type == "error":
            reader.console_errors.append(message.text)

    page.on("request", note_request)
    page.on("console", note_console)
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
