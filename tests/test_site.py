"""The versioned site: pages, statuses, history and manifest, from real builds of real repos."""

from __future__ import annotations

import json

from conftest import NoticeRepo, notice_source


def three_versions(repo: NoticeRepo) -> list[str]:
    """A notice published three times; as of 2025-06-01: superseded, current, upcoming."""
    shas = []
    repo.write("npp.md", notice_source(effective="2024-01-01", summary="First version."))
    shas.append(repo.commit("Publish the notice", "2023-12-01"))
    repo.write(
        "npp.md",
        notice_source(
            effective="2025-01-01",
            summary="New phone number.",
            body="## Contact\n\nCall 555-0100.\n",
        ),
    )
    shas.append(repo.commit("New phone number", "2024-12-10"))
    repo.write(
        "npp.md",
        notice_source(
            effective="2025-09-01", summary="Adds Part 2.", body="## Contact\n\nCall 555-0199.\n"
        ),
    )
    shas.append(repo.commit("Part 2 records", "2025-05-20"))
    return shas


def test_each_version_has_a_permanent_page_with_its_status(notice_repo: NoticeRepo) -> None:
    three_versions(notice_repo)
    built = notice_repo.build(as_of="2025-06-01")
    assert built.status == 0, built.err

    old = built.text("npp/2024-01-01")
    assert "This is not the current notice." in old
    assert "applied from January 1, 2024 until the version of January 1, 2025 replaced it" in old
    assert "Next version (January 1, 2025)" in old
    assert "Previous version" not in old

    current = built.text("npp/2025-01-01")
    assert "This is the current version, in effect since January 1, 2025" in current
    assert "Previous version (January 1, 2024)" in current
    assert "Next version (September 1, 2025)" in current

    upcoming = built.text("npp/2025-09-01")
    assert "This version takes effect on September 1, 2025." in upcoming
    assert "Until then, the version of January 1, 2025 applies." in upcoming


def test_the_notice_address_shows_the_version_in_effect_and_announces_the_next(
    notice_repo: NoticeRepo,
) -> None:
    three_versions(notice_repo)
    built = notice_repo.build(as_of="2025-06-01")
    page = built.text("npp")
    assert "Effective January 1, 2025 Current" in page
    assert "Call 555-0100." in page
    assert "Call 555-0199." not in page
    assert (
        "A new version takes effect on September 1, 2025. Read the new version: Adds Part 2."
        in page
    )
    assert 'datetime="2025-01-01"' in built.page("npp")


def test_the_build_date_decides_which_version_is_current(notice_repo: NoticeRepo) -> None:
    three_versions(notice_repo)
    built = notice_repo.build(as_of="2025-09-01")
    assert "Call 555-0199." in built.text("npp")
    assert built.manifest()["notices"][0]["current_version"] == "2025-09-01"
    built = notice_repo.build(as_of="2024-06-30")
    assert built.manifest()["notices"][0]["current_version"] == "2024-01-01"


def test_source_date_epoch_pins_the_build_date(
    notice_repo: NoticeRepo, monkeypatch: object
) -> None:
    import pytest

    three_versions(notice_repo)
    patch = pytest.MonkeyPatch()
    patch.setenv("SOURCE_DATE_EPOCH", "1756771200")  # 2025-09-02 00:00 UTC
    try:
        built = notice_repo.build(as_of="")
    finally:
        patch.undo()
    assert built.manifest()["build_date"] == "2025-09-02"


def test_history_lists_every_version_newest_first(notice_repo: NoticeRepo) -> None:
    three_versions(notice_repo)
    built = notice_repo.build()
    history = built.text("npp/history")
    rows = [
        history.index(d)
        for d in ("September 1, 2025", "January 1, 2025 Current", "January 1, 2024")
    ]
    assert rows == sorted(rows)
    assert "Upcoming" in history and "Superseded" in history
    assert "Published" in history and "December 10, 2024" in history
    assert "New phone number." in history and "First version." in history


def test_home_lists_each_notice_with_its_effective_date_and_last_change(
    notice_repo: NoticeRepo,
) -> None:
    three_versions(notice_repo)
    notice_repo.write(
        "privacy-policy.md",
        notice_source(
            title="Website Privacy Policy", kind="privacy-policy", effective="2025-02-01"
        ),
    )
    notice_repo.commit("Privacy policy", "2025-01-15")
    built = notice_repo.build()
    home = built.text("")
    assert (
        "Notice of Privacy Practices HIPAA Notice of Privacy Practices "
        "In effect since January 1, 2025" in home
    )
    assert "Last changed May 20, 2025" in home
    assert "Website Privacy Policy Privacy policy In effect since February 1, 2025" in home


def test_manifest_lists_every_version_with_commit_and_hash(notice_repo: NoticeRepo) -> None:
    import hashlib

    shas = three_versions(notice_repo)
    built = notice_repo.build()
    (notice,) = built.manifest()["notices"]
    assert notice["slug"] == "npp"
    assert notice["kind"] == "hipaa-npp"
    assert notice["current_version"] == "2025-01-01"
    assert notice["upcoming_versions"] == ["2025-09-01"]
    versions = notice["versions"]
    assert [v["effective_date"] for v in versions] == ["2024-01-01", "2025-01-01", "2025-09-01"]
    assert [v["status"] for v in versions] == ["superseded", "current", "upcoming"]
    assert [v["commit"] for v in versions] == shas
    assert [v["published"] for v in versions] == ["2023-12-01", "2024-12-10", "2025-05-20"]
    assert versions[0]["url"] == "https://notices.example.org/npp/2024-01-01/"
    source = notice_repo.repo.git.show(f"{shas[1]}:notices/npp.md", strip_newline_in_stdout=False)
    assert versions[1]["sha256"] == hashlib.sha256(source.encode()).hexdigest()


def test_navigation_lists_current_notices_and_history_only(notice_repo: NoticeRepo) -> None:
    three_versions(notice_repo)
    built = notice_repo.build()
    nav = built.page("npp/2024-01-01").split('<nav class="md-nav md-nav--primary"', 1)[1]
    nav = nav.split("</nav>", 1)[0]
    assert 'href="../"' in nav  # the current notice
    assert "history/" in nav
    assert "2025-01-01" not in nav and "2024-01-01" not in nav


def test_search_finds_current_notices_not_archived_versions(notice_repo: NoticeRepo) -> None:
    three_versions(notice_repo)
    built = notice_repo.build()
    index = json.loads((built.site / "search" / "search_index.json").read_text())
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "npp/" in locations
    assert not any(loc.startswith("npp/20") for loc in locations)


def test_a_correction_without_a_new_date_is_shown_in_the_history(notice_repo: NoticeRepo) -> None:
    notice_repo.write("npp.md", notice_source(effective="2025-01-01", body="Call 555-0100.\n"))
    notice_repo.commit("Publish", "2024-12-01")
    notice_repo.write("npp.md", notice_source(effective="2025-01-01", body="Call 555-0111.\n"))
    fix = notice_repo.commit("Fix phone number", "2025-02-03")
    built = notice_repo.build()
    assert "Call 555-0111." in built.text("npp/2025-01-01")
    history = built.text("npp/history")
    assert f"Corrected February 3, 2025 (commit {fix[:7]}: Fix phone number)" in history
    assert "Corrected February 3, 2025" in built.text("npp/2025-01-01")
    (version,) = built.manifest()["notices"][0]["versions"]
    assert version["published"] == "2024-12-01"
    assert version["corrections"] == [
        {"date": "2025-02-03", "commit": fix, "message": "Fix phone number"}
    ]


def test_history_follows_renames(notice_repo: NoticeRepo) -> None:
    notice_repo.write("old-name.md", notice_source(effective="2024-01-01"))
    notice_repo.commit("Publish", "2023-12-01")
    notice_repo.repo.git.mv("notices/old-name.md", "notices/npp.md")
    notice_repo.commit("Rename", "2024-03-01")
    notice_repo.write("npp.md", notice_source(effective="2025-01-01", body="New text.\n"))
    notice_repo.commit("Second version", "2024-12-01")
    built = notice_repo.build()
    (notice,) = built.manifest()["notices"]
    assert notice["slug"] == "npp"
    assert notice["former_sources"] == ["notices/old-name.md"]
    assert [v["effective_date"] for v in notice["versions"]] == ["2024-01-01", "2025-01-01"]
    assert notice["versions"][0]["corrections"] == []  # a rename alone is not a correction
    assert (built.site / "npp" / "2024-01-01" / "index.html").exists()


def test_a_deleted_notice_stays_in_the_archive_marked_withdrawn(notice_repo: NoticeRepo) -> None:
    notice_repo.write("npp.md", notice_source(effective="2024-01-01"))
    notice_repo.write("other.md", notice_source(title="Other", effective="2024-01-01"))
    notice_repo.commit("Publish", "2023-12-01")
    notice_repo.repo.git.rm("-q", "notices/other.md")
    notice_repo.commit("Withdraw the other notice", "2025-03-01")
    built = notice_repo.build()
    other = built.manifest()["notices"][1]
    assert other["status"] == "retired"
    assert other["retired"]["date"] == "2025-03-01"
    assert other["versions"][0]["status"] == "retired"
    assert other["versions"][0]["in_effect_until"] == "2025-03-01"
    page = built.text("other/2024-01-01")
    assert "This notice has been withdrawn." in page
    assert "until March 1, 2025, when the notice was withdrawn" in page
    assert "Withdrawn notices" in built.text("")
    nav = built.page("npp").split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "other/" not in nav


def test_uncommitted_edits_are_not_published(notice_repo: NoticeRepo) -> None:
    three_versions(notice_repo)
    notice_repo.write("npp.md", notice_source(effective="2026-01-01", body="Draft text.\n"))
    built = notice_repo.build()
    assert built.status == 0
    assert not (built.site / "npp" / "2026-01-01").exists()
    assert all(not v["draft"] for v in built.manifest()["notices"][0]["versions"])


def test_the_former_address_of_a_renamed_notice_leads_to_the_new_one(
    notice_repo: NoticeRepo,
) -> None:
    notice_repo.write("privacy-notice.md", notice_source(effective="2024-01-01"))
    notice_repo.commit("Publish", "2023-12-01")
    notice_repo.repo.git.mv("notices/privacy-notice.md", "notices/npp.md")
    notice_repo.commit("Rename", "2024-03-01")
    built = notice_repo.build()
    old = (built.site / "privacy-notice" / "2024-01-01" / "index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=../../npp/2024-01-01/">' in old
    assert 'href="../../npp/2024-01-01/"' in old
    assert "url=../npp/" in (built.site / "privacy-notice" / "index.html").read_text()
    assert (
        "url=../../npp/history/" in (built.site / "privacy-notice/history/index.html").read_text()
    )


def test_a_version_withdrawn_before_its_date_never_applies(notice_repo: NoticeRepo) -> None:
    notice_repo.write("other.md", notice_source(title="Other", effective="2024-01-01"))
    notice_repo.write("npp.md", notice_source(effective="2024-01-01"))
    notice_repo.commit("Publish", "2023-12-01")
    notice_repo.write("other.md", notice_source(title="Other", effective="2025-06-01"))
    notice_repo.commit("Announce a new version", "2025-01-10")
    notice_repo.repo.git.rm("-q", "notices/other.md")
    notice_repo.commit("Withdraw the notice", "2025-03-01")
    built = notice_repo.build(as_of="2025-09-01")
    versions = built.manifest()["notices"][1]["versions"]
    assert [(v["status"], v["in_effect_until"]) for v in versions] == [
        ("retired", "2025-03-01"),
        ("retired", None),
    ]
    assert "This version was withdrawn before it took effect." in built.text("other/2025-06-01")


def test_pages_outside_the_navigation_show_their_own_notice_in_the_menu(
    notice_repo: NoticeRepo,
) -> None:
    three_versions(notice_repo)
    notice_repo.write(
        "policy.md", notice_source(title="Website Privacy Policy", kind="privacy-policy")
    )
    notice_repo.commit("Policy", "2024-12-15")

    def menu(url: str) -> str:
        html = notice_repo.path.joinpath("site", url, "index.html").read_text()
        return html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>\n</div>", 1)[0]

    notice_repo.build()
    archived = menu("npp/2024-01-01")
    assert "Notice of Privacy Practices" in archived and "Website Privacy Policy" not in archived
    assert 'href="../history/"' in archived and 'href="../.."' in archived
    assert "Website Privacy Policy" in menu("npp")  # pages in the navigation show all of it
