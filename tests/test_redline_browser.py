"""Redline pages in a browser: keys and buttons move between changes; the compare form works
with its script and without it."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import NoticeRepo, notice_source

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")

BODY = "## One\n\nCall 541-555-0100.\n\n## Two\n\nWrite to us.\n\n## Three\n\nVisit us.\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    repo = NoticeRepo(tmp_path_factory.mktemp("browser") / "repo")
    repo.write("npp.md", notice_source(effective="2024-01-01", body=BODY))
    repo.commit("Publish", "2023-12-01")
    changed = BODY.replace("0100", "0199").replace("Write to", "Email").replace("Visit", "Call")
    repo.write("npp.md", notice_source(effective="2025-01-01", body=changed))
    repo.commit("Second", "2024-12-01")
    repo.write("npp.md", notice_source(effective="2025-09-01", body=changed + "\nMore.\n"))
    repo.commit("Third", "2025-05-01")
    built = repo.build()
    assert built.status == 0, built.err
    handler = functools.partial(_QuietHandler, directory=str(built.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/npp/"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


def test_keys_and_buttons_move_between_changes(site: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site + "changes/2024-01-01-to-2025-01-01/")
    where = page.locator("[data-redline-where]")
    assert where.inner_text() == "3 changes"
    assert page.locator("[data-redline-keys]").is_visible()
    steps = []
    for key in ("n", "n", "j", "n", "p", "k"):
        page.keyboard.press(key)
        steps.append((page.evaluate("document.activeElement.id"), where.inner_text()))
    assert steps == [
        ("change-1", "Change 1 of 3"),
        ("change-2", "Change 2 of 3"),
        ("change-3", "Change 3 of 3"),
        ("change-3", "Change 3 of 3"),
        ("change-2", "Change 2 of 3"),
        ("change-1", "Change 1 of 3"),
    ]
    page.get_by_role("link", name="Next change").click()
    assert page.evaluate("location.hash") == "#change-2"
    assert page.url.startswith(
        site + "changes/2024-01-01-to-2025-01-01/"
    )  # the theme's N/P did not run
    assert errors == []


def test_the_compare_form_opens_the_chosen_redline(site: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(site + "history/")
    page.select_option("select[name=from]", "2025-09-01")
    page.select_option("select[name=to]", "2024-01-01")
    page.get_by_role("button", name="Show the changes").click()
    page.wait_for_url("**/changes/2024-01-01-to-2025-09-01/")
    page.goto(site + "history/")
    page.select_option("select[name=from]", "2025-01-01")
    page.select_option("select[name=to]", "2025-01-01")
    page.get_by_role("button", name="Show the changes").click()
    assert page.get_by_role("alert").inner_text() == "Pick two different versions to compare."


def test_without_script_the_form_opens_the_list_of_comparisons(site: str, browser: object) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(site + "history/")
    page.select_option("select[name=from]", "2024-01-01")
    page.get_by_role("button", name="Show the changes").click()
    page.wait_for_load_state()
    assert page.url == site + "changes/?from=2024-01-01&to=2025-09-01"
    page.get_by_role("link", name="from the version of January 1, 2024").first.click()
    assert page.url == site + "changes/2024-01-01-to-2025-09-01/"
    context.close()
