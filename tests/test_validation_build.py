"""Validation in real builds: the gate, its warnings, timing rules from git, checklist pages."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import NoticeRepo
from npp_sample import BODY, PROFILE, source, validating, with_practices, without

from generator.checklists import ValidationOptions
from generator.site import SiteBuild

PHONE = ", telephone 503-555-0142"
PART2 = (
    "Part 2 records will not be used in civil, criminal, administrative or legislative\n"
    "proceedings against you without your written consent or a court order.\n"
)


@pytest.fixture
def repo(notice_repo: NoticeRepo) -> NoticeRepo:
    return validating(notice_repo)


def test_a_complete_notice_builds(repo: NoticeRepo) -> None:
    repo.write("npp.md", source(effective="2025-01-01"))
    repo.commit("Publish", "2024-12-01")
    built = repo.build(as_of="2025-06-01")
    assert built.status == 0, built.err
    assert built.err == ""


def test_a_current_notice_missing_an_element_stops_the_build(repo: NoticeRepo) -> None:
    repo.write("npp.md", source(effective="2025-01-01"))
    repo.commit("Publish", "2024-12-01")
    home = repo.build(as_of="2025-06-01").page("")
    repo.write("npp.md", source(without(BODY, PHONE), effective="2025-05-01"))
    sha = repo.commit("New contact block", "2025-04-20")[:7]
    built = repo.build(as_of="2025-06-01")
    assert built.status == 1
    assert built.err == (
        f"ERROR   -  notices/npp.md, commit {sha}: a required element of 45 CFR 164.520 missing "
        "from a notice in effect or about to take effect:\n"
        "notices/npp.md: Notice of Privacy Practices, effective 2025-05-01 "
        f"(current, commit {sha})\n"
        "  FAIL    contact-phone  164.520(b)(1)(vii)\n"
        "          Not found.\n"
        "          Add: The telephone number of your privacy contact, next to its name or title "
        "(HHS's numbers do not count).\n"
        "  How to fix: add what each line says, then build again; 'notices validate' shows the "
        "full report. An element that does not apply to you can be waived in the front matter, "
        "with a written reason (waivers:).\n"
    )
    assert built.page("") == home


def test_a_build_stopped_by_validation_stops_its_pdfs_and_leaves_the_site(
    repo: NoticeRepo,
) -> None:
    config = repo.path / "mkdocs.yml"
    config.write_text(config.read_text().replace("pdf: false", "pdf: true"))
    repo.write("npp.md", source(effective="2025-01-01"))
    repo.commit("Publish", "2024-12-01")
    site = repo.build(as_of="2025-06-01").site
    before = sorted(path.relative_to(site) for path in site.rglob("*"))
    assert any(path.suffix == ".pdf" for path in before)
    repo.write("npp.md", source(without(BODY, PHONE), effective="2025-05-01"))
    repo.commit("New contact block", "2025-04-20")
    # the PDF workers start on the new version before validation stops the build
    built = repo.build(as_of="2025-06-01")
    assert built.status == 1 and "contact-phone" in built.err
    assert sorted(path.relative_to(site) for path in site.rglob("*")) == before
    assert [path.name for path in repo.path.iterdir() if path.name.startswith(".site")] == []


def test_an_upcoming_notice_missing_an_element_stops_the_build(repo: NoticeRepo) -> None:
    repo.write("npp.md", source(effective="2025-01-01"))
    repo.commit("Publish", "2024-12-01")
    repo.write("npp.md", source(without(BODY, PHONE), effective="2025-09-01"))
    repo.commit("Next version", "2025-05-01")
    built = repo.build(as_of="2025-06-01")
    assert built.status == 1
    assert "effective 2025-09-01 (upcoming, commit" in built.err


def test_a_superseded_version_missing_an_element_is_reported_not_blocking(repo: NoticeRepo) -> None:
    repo.write("npp.md", source(without(BODY, PHONE), effective="2024-01-01"))
    repo.commit("Publish", "2023-12-01")
    repo.write("npp.md", source(effective="2025-01-01"))
    repo.commit("Add the phone number", "2024-12-01")
    built = repo.build(as_of="2025-06-01")
    assert built.status == 0, built.err
    assert built.err == (
        "WARNING -  notices/npp.md: the version of 2024-01-01 (superseded) fails contact-phone "
        "(no longer in effect, so reported, not blocking).\n"
    )


def test_a_notice_not_revised_when_the_law_changed_is_caught(repo: NoticeRepo) -> None:
    repo.write("npp.md", source(without(BODY, PART2), effective="2025-06-01"))
    repo.commit("Publish", "2025-05-01")
    assert repo.build(as_of="2026-02-15").status == 0
    built = repo.build(as_of="2026-02-16")
    assert built.status == 1
    assert "  FAIL    part2-legal-proceedings  164.520(b)(1)(iii)(D)\n" in built.err


def test_report_mode_warns_and_skip_mode_is_silent(notice_repo: NoticeRepo) -> None:
    notice_repo.write("npp.md", source(without(BODY, PHONE), effective="2025-01-01"))
    notice_repo.commit("Publish", "2024-12-01")
    validating(notice_repo, "      validation: report\n")
    built = notice_repo.build(as_of="2025-06-01")
    assert built.status == 0
    assert built.err == (
        "WARNING -  notices/npp.md: the version of 2025-01-01 (current) fails contact-phone "
        "(not blocking in this build).\n"
    )
    validating(notice_repo, "      validation: skip\n")
    assert notice_repo.build(as_of="2025-06-01").err == ""


def test_a_waived_element_does_not_stop_the_build_and_shows_on_the_checklist(
    notice_repo: NoticeRepo,
) -> None:
    reason = (
        "Our Privacy Office takes questions by mail only, as our regulator allows (<b>§ 4</b>)."
    )
    notice_repo.write(
        "npp.md",
        source(
            without(BODY, PHONE),
            effective="2025-01-01",
            extra={"waivers": {"contact-phone": reason}},
        ),
    )
    notice_repo.commit("Publish", "2024-12-01")
    validating(notice_repo, "      validation_checklists: true\n")
    built = notice_repo.build(as_of="2025-06-01")
    assert built.status == 0, built.err
    page = built.text("npp/2025-01-01/checklist")
    assert (
        "The telephone number of that person or office contact-phone 164.520(b)(1)(vii) Waived "
        f"Waived: {reason} Without the waiver: fail. Not found."
    ) in page
    assert "(&lt;b&gt;§ 4&lt;/b&gt;)" in built.page("npp/2025-01-01/checklist")  # text, not markup


def test_a_bad_profile_key_in_the_current_version_stops_the_build(repo: NoticeRepo) -> None:
    repo.write("npp.md", source(profile=with_practices(fundraisng=True), effective="2025-01-01"))
    sha = repo.commit("Publish", "2024-12-01")[:7]
    built = repo.build(as_of="2025-06-01")
    assert built.status == 1
    line = (
        source(profile=with_practices(fundraisng=True)).split("\n").index("    fundraisng: true")
        + 1
    )
    assert built.err == (
        f"ERROR   -  notices/npp.md, line {line}, commit {sha}: unknown practice 'fundraisng' in "
        "the entity profile.\n  How to fix: did you mean 'fundraising'?\n"
    )


def test_an_effective_date_before_publication_stops_the_build(repo: NoticeRepo) -> None:
    repo.write("npp.md", source(effective="2025-01-01"))
    sha = repo.commit("Publish late", "2025-02-10")[:7]
    built = repo.build(as_of="2025-06-01")
    assert built.status == 1
    assert (
        "  FAIL    effective-date-not-before-publication  164.520(b)(1)(viii)\n"
        f"          Effective 2025-01-01, but published 2025-02-10 (in commit {sha}): the "
        "effective date may not be earlier than publication.\n"
    ) in built.err


def test_an_imported_notice_is_judged_by_its_original_publication(repo: NoticeRepo) -> None:
    imported = {
        "imported": {
            "source": "https://example.org/npp",
            "date": "2025-05-10",
            "published": "2025-01-01",
        }
    }
    repo.write("npp.md", source(effective="2025-01-01", extra=imported))
    repo.commit("Import the notice from our old website", "2025-05-10")
    built = repo.build(as_of="2025-06-01")
    assert built.status == 0, built.err
    backdated = {"imported": {"source": "npp.txt", "date": "2025-05-11", "published": "2025-02-01"}}
    repo.write("npp.md", source(effective="2025-01-01", extra=backdated))
    repo.commit("Correct the import", "2025-05-11")
    built = repo.build(as_of="2025-06-01")
    assert built.status == 1
    assert (
        "          The imported notice says effective 2025-01-01, but it was first published "
        "2025-02-01.\n"
    ) in built.err


def test_a_version_that_vanishes_from_the_history_stops_the_build(repo: NoticeRepo) -> None:
    repo.write("npp.md", source(effective="2025-01-01"))
    repo.commit("Publish", "2024-12-01")
    repo.write("npp.md", source(replaced_title(), effective="2025-05-01"))
    sha = repo.commit("Second version", "2025-04-20")
    assert repo.build(as_of="2025-06-01").status == 0
    repo.repo.git.reset("--hard", "HEAD~1")
    built = repo.build(as_of="2025-06-01")
    assert built.status == 1
    assert built.err == (
        "ERROR   -  notices/npp.md: the version of 2025-05-01 (Notice of Privacy Practices), "
        f"which the previous build published in commit {sha[:7]}, is no longer in the history. "
        "164.530(j)(2), 164.520(e) requires every version to be kept for 6 years after it was "
        "last in effect.\n"
        f"  How to fix: restore the commits that published it (git reflog, or the commit "
        f"{sha[:7]}), or build from the branch that holds them. If that build was of a branch "
        "that was never published, delete its site folder.\n"
    )


def replaced_title() -> str:
    return BODY.replace("## Our duties", "## What we must do")


def test_checklist_pages_are_published_when_asked_out_of_nav_and_search(
    notice_repo: NoticeRepo,
) -> None:
    notice_repo.write("npp.md", source(effective="2025-01-01"))
    notice_repo.commit("Publish", "2024-12-01")
    assert not (notice_repo.build(as_of="2025-06-01").site / "npp/2025-01-01/checklist").exists()
    validating(notice_repo, "      validation_checklists: true\n")
    built = notice_repo.build(as_of="2025-06-01")
    page = built.text("npp/2025-01-01/checklist")
    assert page.startswith(
        "Compliance checklist Notice of Privacy Practices, effective January 1, 2025 Current "
        "No required element is missing. 4 items still need a person's review."
    )
    assert "Judged against the law in force on June 1, 2025; latest change: Omnibus rule" in page
    assert (
        "The telephone number of that person or office contact-phone 164.520(b)(1)(vii) Pass "
        "Privacy Office, Bramble Creek Health Cooperative, telephone 503-555-0142."
    ) in page
    html = built.page("npp/2025-01-01/checklist")
    assert 'section <a href="../#contact">Contact</a>' in html
    assert "checklist" not in _nav(built.page("npp"))
    index = json.loads((built.site / "search" / "search_index.json").read_text())
    assert not any("checklist" in doc["location"] for doc in index["docs"])
    assert 'href="checklist/">Compliance checklist</a>' in built.page("npp/2025-01-01")


def _nav(html: str) -> str:
    return html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]


def test_the_preview_has_checklists_and_never_stops(notice_repo: NoticeRepo) -> None:
    notice_repo.write("npp.md", source(effective="2025-01-01"))
    notice_repo.commit("Publish", "2024-12-01")
    notice_repo.write("npp.md", source(without(BODY, PHONE), effective="2025-01-01"))
    build = SiteBuild(
        notice_repo.path / "notices",
        dt.date(2025, 6, 1),
        cache_dir=None,
        include_drafts=True,
        validation_options=ValidationOptions(preview=True),
    )
    pages = {page.url: page for page in build.plan()}
    checklist = pages["npp/2025-01-01/checklist/"]
    report = checklist.extra["report"]
    assert report.draft and [f.id for f in report.failures] == ["contact-phone"]
    assert build.warnings == [
        "notices/npp.md: the version of 2025-01-01 (current) fails contact-phone (not blocking "
        "in this build)."
    ]


def test_findings_are_cached_by_content_and_law(notice_repo: NoticeRepo, tmp_path: Path) -> None:
    notice_repo.write("npp.md", source(effective="2025-01-01"))
    notice_repo.commit("Publish", "2024-12-01")

    def plan(as_of: dt.date) -> SiteBuild:
        build = SiteBuild(notice_repo.path / "notices", as_of, cache_dir=tmp_path / "cache")
        build.plan()
        return build

    assert plan(dt.date(2025, 6, 1)).cache.misses("validation") == 1
    assert plan(dt.date(2025, 7, 1)).cache.hits("validation") == 1  # same law in force
    assert plan(dt.date(2026, 3, 1)).cache.misses("validation") == 1  # Part 2 now in force


def test_the_demos_plan_has_a_checklist_per_hipaa_version_and_passes_the_gate() -> None:
    from conftest import ROOT

    build = SiteBuild(
        ROOT / "notices",
        dt.date(2026, 11, 22),
        cache_dir=None,
        validation_options=ValidationOptions(pages=True),
    )
    checklists = [page for page in build.plan() if page.kind == "checklist"]
    assert [page.url for page in checklists] == [
        f"notice-of-privacy-practices/{date}/checklist/"
        for date in ("2024-07-01", "2025-03-01", "2026-02-16", "2027-01-01")
    ]
    assert all(not page.extra["report"].failures for page in checklists)
    assert build.warnings == []
    assert PROFILE["name"] not in str(checklists[0].extra["report"].profile)


def test_a_profile_error_in_a_version_no_longer_in_effect_is_a_warning(repo: NoticeRepo) -> None:
    repo.write("npp.md", source(profile=with_practices(fundraisng=True), effective="2024-01-01"))
    sha = repo.commit("Publish", "2023-12-01")[:7]
    repo.write("npp.md", source(effective="2025-01-01"))
    repo.commit("Fix the profile", "2024-12-01")
    built = repo.build(as_of="2025-06-01")
    assert built.status == 0, built.err
    line = source(profile=with_practices(fundraisng=True)).split("\n").index("    fundraisng: true")
    assert built.err == (
        f"WARNING -  notices/npp.md, line {line + 1}, commit {sha}: unknown practice "
        "'fundraisng' in the entity profile.\n  How to fix: did you mean 'fundraising'?\n"
    )


def test_a_stopped_build_lists_three_versions_and_counts_the_rest() -> None:
    from generator.compliance import gate
    from generator.errors import NoticeError
    from generator.validation.findings import Finding, Outcome, VersionReport
    from generator.validation.notices import Validation

    missing = Finding("contact-phone", "164.520(b)(1)(vii)", "Phone", "Contact", Outcome.FAIL)
    reports = [
        VersionReport(
            f"notices/n{i}.md",
            f"n{i}",
            "Notice",
            dt.date(2025, 1, 1),
            "current",
            "abcdef0",
            dt.date(2025, 6, 1),
            "law",
            "pack",
            "profile",
            (missing,),
        )
        for i in range(5)
    ]
    with pytest.raises(NoticeError) as error:
        gate(Validation(reports=reports))
    message = str(error.value)
    assert message.startswith("notices/n0.md, commit abcdef0: 5 required elements of 45 CFR")
    assert message.count("  FAIL    contact-phone") == 3
    assert "\n... and 2 more versions of notices lacking them.\n  How to fix:" in message
