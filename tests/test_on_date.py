"""Which version applied on a date: the periods, the page without script, and in a browser."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import Built, NoticeRepo, notice_source
from serving import launch_browser, serve_site

from generator.applied import periods, version_on
from generator.model import Kind, Notice, NoticeText, Revision, Status, Version

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
)


def publish(repo: NoticeRepo) -> dict[str, str]:
    """Versions of 2024-01-01, 2025-01-01 (corrected 2025-02-03) and 2025-09-01; a policy
    published 2024-03-01 and withdrawn 2025-04-01."""
    shas = {}
    repo.write("npp.md", notice_source(effective="2024-01-01", summary="First version."))
    repo.write(
        "policy.md", notice_source(title="Policy", kind="privacy-policy", effective="2024-03-01")
    )
    shas["first"] = repo.commit("Publish", "2023-12-01")
    repo.write("npp.md", notice_source(effective="2025-01-01", body="Call 555-0100.\n"))
    repo.commit("New phone number", "2024-12-10")
    repo.write("npp.md", notice_source(effective="2025-01-01", body="Call 555-0101.\n"))
    repo.commit("Fix the phone number", "2025-02-03")
    repo.repo.git.rm("-q", "notices/policy.md")
    repo.commit("Withdraw the policy", "2025-04-01")
    repo.write("npp.md", notice_source(effective="2025-09-01", body="Call 555-0199.\n"))
    repo.commit("Part 2 records", "2025-05-20")
    return shas


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    repo = NoticeRepo(tmp_path_factory.mktemp("on-date") / "repo")
    publish(repo)
    result = repo.build(as_of="2025-06-01")
    assert result.status == 0, result.err
    return result


def test_the_page_answers_without_script_in_a_table(built: Built) -> None:
    text = built.text("npp/on-date")
    assert "Notice of Privacy Practices: which version applied on a date?" in text
    assert (
        "Version (in effect from) In effect through Status "
        "January 1, 2024 December 31, 2024 Superseded "
        "January 1, 2025 August 31, 2025 Current "
        "September 1, 2025 no end date yet Upcoming"
    ) in text
    withdrawn = built.text("policy/on-date")
    assert "March 1, 2024 March 31, 2025 Withdrawn" in withdrawn
    assert "The notice was withdrawn on April 1, 2025; no version applies from that day." in (
        withdrawn
    )


def test_the_form_needs_the_script_and_the_script_is_a_file(built: Built) -> None:
    page = built.page("npp/on-date")
    assert '<form class="notice-on-date" id="notice-on-date" hidden>' in page
    assert '<script src="../../assets/notices/on-date.js"></script>' in page
    content = page.split('<article class="md-content__inner md-typeset">', 1)[1]
    content = content.split("</article>", 1)[0]
    assert "<script" not in content
    assert not re.search(r"\son[a-z]+=", content)  # no inline event handlers
    assert (built.site / "assets/notices/on-date.js").is_file()


def test_the_page_is_linked_from_the_history_and_left_out_of_nav_and_search(built: Built) -> None:
    assert 'href="../on-date/"' in built.page("npp/history")
    assert "Which version applied on a date?" in built.text("npp/history")
    nav = built.page("npp").split('<nav class="md-nav md-nav--primary"', 1)[1]
    assert "on-date" not in nav.split("</nav>", 1)[0]
    index = json.loads((built.site / "search" / "search_index.json").read_text())
    assert not any("on-date" in doc["location"] for doc in index["docs"])


def test_the_manifest_links_the_page_and_dates_each_revision(built: Built) -> None:
    notice = built.manifest()["notices"][0]
    assert notice["on_date_url"] == "https://notices.example.org/npp/on-date/"
    corrected = notice["versions"][1]
    assert corrected["published_at"] == "2024-12-10T10:00:00+00:00"
    assert corrected["updated_at"] == "2025-02-03T10:00:00+00:00"
    assert corrected["language"] == "en"


# The periods, as a pure stage.


def _version(key: str, next_key: str | None) -> Version:
    text = NoticeText("N", Kind.PRIVACY_POLICY, dt.date.fromisoformat(key), "", "en", "", "", 1, "")
    revision = Revision("notices/n.md", "b" * 40, "c" * 40, dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    following = dt.date.fromisoformat(next_key) if next_key else None
    return Version("n", text, (revision,), Status.SUPERSEDED, next_date=following)


def test_a_withdrawal_ends_the_last_period_and_drops_versions_that_never_applied() -> None:
    deleted = Revision("notices/n.md", None, "d" * 40, dt.datetime(2025, 4, 1, tzinfo=dt.UTC))
    versions = (
        _version("2024-01-01", "2025-01-01"),
        _version("2025-01-01", "2026-01-01"),
        _version("2026-01-01", None),
    )
    notice = Notice("n", "notices/n.md", versions, retired=deleted)
    found = [(p.start.isoformat(), p.end.isoformat() if p.end else None) for p in periods(notice)]
    assert found == [("2024-01-01", "2025-01-01"), ("2025-01-01", "2025-04-01")]
    assert version_on(notice, dt.date(2024, 12, 31)) is versions[0]
    assert version_on(notice, dt.date(2025, 1, 1)) is versions[1]
    assert version_on(notice, dt.date(2025, 4, 1)) is None
    assert version_on(notice, dt.date(2023, 12, 31)) is None


# In a real browser, under a Content-Security-Policy that allows only the site's own scripts.


@pytest.fixture(scope="module")
def site_address(built: Built) -> Iterator[str]:
    with serve_site(built.site, csp=CSP) as address:
        yield address


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch_browser() as browser:
        yield browser


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: "on-date" in message.text and errors.append(message.text),
    )
    yield page
    page.close()
    assert errors == []


def ask(page: Any, address: str, day: str) -> str:
    page.fill("#notice-on-date-input", day)
    page.click("#notice-on-date button[type=submit]")
    return str(page.inner_text("#notice-on-date-answer")).strip()


def test_a_reader_picks_a_date_and_gets_the_version(page: Any, site_address: str) -> None:
    page.goto(site_address + "npp/on-date/")
    assert page.is_visible("#notice-on-date-input")
    assert ask(page, site_address, "2024-06-15") == (
        "On June 15, 2024, the version effective January 1, 2024 applied."
    )
    assert page.get_attribute("tr[aria-current=true]", "data-from") == "2024-01-01"
    assert ask(page, site_address, "2025-01-01") == (
        "On January 1, 2025, the version effective January 1, 2025 applied. Its text was "
        "corrected on February 3, 2025, after that date; the version's page shows the "
        "corrected text and lists each correction."
    )
    assert page.url.endswith("/npp/on-date/?date=2025-01-01")
    page.click("#notice-on-date-answer a")
    page.wait_for_url("**/npp/2025-01-01/")
    assert "Call 555-0101." in page.inner_text("article")


def test_dates_outside_every_version_are_explained(page: Any, site_address: str) -> None:
    page.goto(site_address + "npp/on-date/")
    assert ask(page, site_address, "2023-05-01") == (
        "No version of this notice had taken effect on May 1, 2023. "
        "The first version took effect on January 1, 2024."
    )
    assert page.query_selector("tr[aria-current]") is None
    assert ask(page, site_address, "2030-02-01") == (
        "On February 1, 2030, the version effective September 1, 2025 will apply, unless a "
        "newer version is published before then (this page was built on June 1, 2025)."
    )
    page.goto(site_address + "policy/on-date/?date=2025-04-01")
    assert page.inner_text("#notice-on-date-answer").strip() == (
        "The notice was withdrawn on April 1, 2025; no version of it applied on April 1, 2025."
    )
    page.goto(site_address + "policy/on-date/?date=2025-02-30")
    assert page.inner_text("#notice-on-date-answer").strip() == (
        "Enter a real date as YYYY-MM-DD, for example 2025-03-01."
    )


def test_without_script_the_form_stays_hidden(browser: Any, site_address: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_address + "npp/on-date/")
    assert not page.is_visible("#notice-on-date")
    assert page.is_visible("table#notice-periods")
    context.close()
