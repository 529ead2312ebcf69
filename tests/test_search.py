"""Search finds words of the current notices and nothing from archived or upcoming versions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import Built, NoticeRepo, notice_source
from serving import launch_browser, serve_site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    repo = NoticeRepo(tmp_path_factory.mktemp("search") / "repo")
    repo.write(
        "npp.md", notice_source(effective="2024-01-01", body="## Sites\n\nOur Lakeside clinic.\n")
    )
    repo.commit("Publish", "2023-12-01")
    repo.write(
        "npp.md", notice_source(effective="2025-01-01", body="## Sites\n\nOur Riverside clinic.\n")
    )
    repo.commit("Riverside", "2024-12-01")
    repo.write(
        "npp.md", notice_source(effective="2025-09-01", body="## Sites\n\nOur Hillcrest clinic.\n")
    )
    repo.commit("Hillcrest, from September", "2025-05-01")
    result = repo.build(as_of="2025-06-01")
    assert result.status == 0, result.err
    return result


def test_the_index_holds_current_text_only(built: Built) -> None:
    index = json.loads((built.site / "search" / "search_index.json").read_text())
    text = {doc["location"]: doc["text"] for doc in index["docs"]}
    assert any("Riverside" in words for words in text.values())
    assert not any("Lakeside" in words or "Hillcrest" in words for words in text.values())
    assert all(
        not location.startswith(("npp/20", "npp/history", "npp/on-date")) for location in text
    )


@pytest.fixture(scope="module")
def page(built: Built) -> Iterator[Any]:
    with serve_site(built.site) as address, launch_browser() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900}, base_url=address)
        yield page


def search(page: Any, words: str, expect: str) -> list[str]:
    """Type `words` into the search box as a reader would; wait for the result line `expect`
    (results change as each letter is typed); the links of the results."""
    page.goto("/")  # a fresh page each time, so no earlier result is read by mistake
    page.click(".md-search__input")
    page.keyboard.type(words)
    page.wait_for_function(
        "(expect) => document.querySelector('.md-search-result__meta').textContent.trim() "
        "=== expect",
        arg=expect,
        timeout=10000,
    )
    return [
        str(a.get_attribute("href")) for a in page.query_selector_all(".md-search-result__link")
    ]


def test_a_reader_searching_finds_the_current_notice(page: Any) -> None:
    found = search(page, "Riverside", "1 matching document")
    assert found and all("/npp/" in href and "/20" not in href for href in found)
    assert search(page, "Lakeside", "No matching documents") == []
    assert search(page, "Hillcrest", "No matching documents") == []
