"""Redline pages in real builds: addresses, links, marks, manifest, cache, navigation, search."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import Built, NoticeRepo, notice_source

BODY = """\
## Contact

Call the Privacy Office at 541-555-0100.

## Your rights

- Get a copy of your record.
- Ask us to correct it.

## Testing

Never type `<script>alert(1)</script>` into the portal; 1 &lt; 2.
"""


def publish(repo: NoticeRepo, effective: str, body: str, summary: str, date: str) -> None:
    repo.write("npp.md", notice_source(effective=effective, summary=summary, body=body))
    repo.commit(summary, date)


def three_versions(repo: NoticeRepo) -> None:
    publish(repo, "2024-01-01", BODY, "First version.", "2023-12-01")
    publish(
        repo,
        "2025-01-01",
        BODY.replace("0100", "0199").replace("alert(1)", "alert(2)"),
        "New phone number.",
        "2024-12-01",
    )
    publish(
        repo,
        "2025-09-01",
        BODY.replace("0100", "0199")
        .replace("alert(1)", "alert(2)")
        .replace("- Ask us", "- Have your record sent to an app.\n- Ask us"),
        "A new right.",
        "2025-05-20",
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    repo = NoticeRepo(tmp_path_factory.mktemp("redline") / "repo")
    three_versions(repo)
    result = repo.build(as_of="2025-06-01")
    assert result.status == 0, result.err
    return result


def test_every_pair_of_versions_has_a_redline_at_a_permanent_address(built: Built) -> None:
    pages = sorted(p.parent.name for p in (built.site / "npp" / "changes").glob("*/index.html"))
    assert pages == [
        "2024-01-01-to-2025-01-01",
        "2024-01-01-to-2025-09-01",
        "2025-01-01-to-2025-09-01",
    ]


def test_a_redline_page_reads_like_a_blackline(built: Built) -> None:
    text = built.text("npp/changes/2024-01-01-to-2025-01-01")
    assert text.startswith(
        "Notice of Privacy Practices: what changed From the version effective January 1, 2024 "
        "to the version effective January 1, 2025."
    )
    assert (
        "Old: the version effective January 1, 2024 Superseded What changed, as this version "
        "says: First version. New: the version effective January 1, 2025 Current What changed, "
        "as this version says: New phone number."
    ) in text
    assert "What changed: 2 words added, 2 words deleted; 2 sections changed, in 2 places." in text
    assert "Changed sections Contact Testing" in text
    assert "Call the Privacy Office at 541-555-[deleted: 0100][added: 0199]." in text
    page = built.page("npp/changes/2024-01-01-to-2025-01-01")
    assert '<a href="#change-1">Contact</a>' in page
    assert '<p id="change-1" tabindex="-1" class="redline-block redline-block--changed"' in page
    assert 'href="../../2024-01-01/"' in page and 'href="../../2025-01-01/"' in page


def test_an_inserted_list_item_is_marked_added(built: Built) -> None:
    page = built.page("npp/changes/2025-01-01-to-2025-09-01")
    item = re.search(r'<li id="change-1"[^>]*>(.*?)</li>', page)
    assert item is not None
    assert "redline-block--added" in item.group(0)
    assert (
        '<span class="redline-tag">Added</span> '
        '<ins class="redline-whole">Have your record sent to an app.</ins>' in item.group(1)
    )
    assert "1 word" not in built.text("npp/changes/2025-01-01-to-2025-09-01")
    assert "7 words added, 0 words deleted" in built.text("npp/changes/2025-01-01-to-2025-09-01")


def test_text_that_looks_like_html_is_escaped_exactly_once(built: Built) -> None:
    page = built.page("npp/changes/2024-01-01-to-2025-01-01")
    assert "Never type &lt;script&gt;alert(" in page
    assert "<script>alert" not in page
    assert "&amp;lt;" not in page and "&amp;amp;" not in page
    assert "1 &lt; 2." in page


def test_history_and_version_pages_link_their_redlines(built: Built) -> None:
    history = built.page("npp/history")
    assert history.count("See the changes") == 2
    assert 'href="../changes/2025-01-01-to-2025-09-01/"' in history
    assert 'action="../changes/"' in history
    assert '<option value="2024-01-01">January 1, 2024</option>' in history
    old = built.page("npp/2024-01-01")
    assert 'href="../changes/2024-01-01-to-2025-01-01/">Compare with the current version' in old
    upcoming = built.page("npp/2025-09-01")
    assert (
        'href="../changes/2025-01-01-to-2025-09-01/">What changed from the previous version'
        in upcoming
    )
    assert "Compare with the current version" not in upcoming  # the previous one is current
    listing = built.text("npp/changes")
    assert "Changes up to the version of September 1, 2025 from the version of January 1, 2025" in (
        listing
    )


def test_the_manifest_lists_each_version_redlines(built: Built) -> None:
    (notice,) = built.manifest()["notices"]
    redlines = {v["effective_date"]: v["redlines"] for v in notice["versions"]}
    assert redlines["2024-01-01"] == []
    assert redlines["2025-09-01"] == [
        {
            "from": "2025-01-01",
            "to": "2025-09-01",
            "url": "https://notices.example.org/npp/changes/2025-01-01-to-2025-09-01/",
            "words_added": 7,
            "words_removed": 0,
            "words_moved": 0,
            "sections_changed": 1,
        },
        {
            "from": "2024-01-01",
            "to": "2025-09-01",
            "url": "https://notices.example.org/npp/changes/2024-01-01-to-2025-09-01/",
            "words_added": 9,
            "words_removed": 2,
            "words_moved": 0,
            "sections_changed": 3,
        },
    ]


def test_redlines_stay_out_of_the_navigation_and_the_search(built: Built) -> None:
    nav = built.page("npp/changes/2024-01-01-to-2025-01-01")
    nav = nav.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "changes/" not in nav
    index = json.loads((built.site / "search" / "search_index.json").read_text())
    assert not any("changes/" in doc["location"] for doc in index["docs"])


def test_the_pages_bring_their_script_as_a_file(built: Built) -> None:
    for url in ("npp/changes/2024-01-01-to-2025-01-01", "npp/history", "npp/changes"):
        page = built.page(url)
        assert '<script src="../../assets/notices/redline.js"></script>' in page or (
            '<script src="../../../assets/notices/redline.js"></script>' in page
        )
        assert " onclick=" not in page and " onsubmit=" not in page
    assert (built.site / "assets" / "notices" / "redline.js").is_file()
    assert (built.site / "assets" / "notices" / "redline.css").is_file()


def cached_redlines(repo: Path) -> dict[str, float]:
    return {
        p.name: p.stat().st_mtime_ns
        for p in (repo / ".cache" / "notices" / "redline").rglob("*.json")
    }


def test_a_build_remakes_only_the_redlines_whose_texts_changed(notice_repo: NoticeRepo) -> None:
    publish(notice_repo, "2024-01-01", BODY, "First version.", "2023-12-01")
    publish(notice_repo, "2025-01-01", BODY.replace("0100", "0199"), "New number.", "2024-12-01")
    assert notice_repo.build().status == 0
    first = cached_redlines(notice_repo.path)
    assert len(first) == 1
    publish(notice_repo, "2025-09-01", BODY.replace("0100", "0142"), "Again.", "2025-05-20")
    built = notice_repo.build()
    assert built.status == 0, built.err
    second = cached_redlines(notice_repo.path)
    assert len(second) == 3
    assert {name: second[name] for name in first} == first  # kept, not made again
    assert "[deleted: 0199][added: 0142]" in built.text("npp/changes/2025-01-01-to-2025-09-01")
