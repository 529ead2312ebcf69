"""The editing loop: `notices new` starts a version, `notices check` runs the build's rules."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import NoticeRepo, notice_source

from generator.cli import main as notices_main
from generator.sources import PLACEHOLDER_SUMMARY

FRONT_MATTER_WITH_COMMENTS = """\
---
title: Notice of Privacy Practices
kind: hipaa-npp
effective_date: 2025-01-01   # the day it takes effect
summary: >
  New phone number
  for the Privacy Office.

# who publishes it
entity:
  name: Example Clinic
---

## Contact

Call 555-0100.
"""


@dataclass
class Ran:
    status: int
    out: str
    err: str


def run(repo: NoticeRepo, *argv: str) -> Ran:
    """Run `notices ARGV...` in the repository, as an editor would in a terminal."""
    out, err = io.StringIO(), io.StringIO()
    cwd = Path.cwd()
    os.chdir(repo.path)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = notices_main(list(argv))
            except SystemExit as stop:  # argparse's usage errors
                status = int(stop.code or 0)
    finally:
        os.chdir(cwd)
    return Ran(status, out.getvalue(), err.getvalue())


def published(repo: NoticeRepo) -> str:
    repo.write("npp.md", FRONT_MATTER_WITH_COMMENTS)
    return repo.commit("Publish", "2024-12-01")


def next_year() -> str:
    return f"{dt.date.today().year + 1}-01-01"


def test_new_starts_the_next_version_from_the_committed_text(notice_repo: NoticeRepo) -> None:
    published(notice_repo)
    day = next_year()
    ran = run(notice_repo, "new", "npp", "--effective", day)
    assert ran.status == 0, ran.err
    when = dt.date.fromisoformat(day)
    assert ran.out == (
        f"Started the version of the Notice of Privacy Practices effective January 1, "
        f"{when.year} in notices/npp.md, from the version effective January 1, 2025.\n"
        "Next:\n"
        "  1. Edit the text.\n"
        "  2. On line 5, replace the summary with what changed, in plain words (the build "
        "refuses to publish the placeholder).\n"
        "  3. Preview with 'notices serve', check with 'notices check', then commit.\n"
    )
    assert ran.err == ""
    expected = FRONT_MATTER_WITH_COMMENTS.replace("2025-01-01", day).replace(
        "summary: >\n  New phone number\n  for the Privacy Office.\n",
        f'summary: "{PLACEHOLDER_SUMMARY}"\n',
    )
    assert (notice_repo.path / "notices/npp.md").read_text() == expected


def test_new_adds_a_summary_when_there_was_none_and_keeps_crlf_lines(
    notice_repo: NoticeRepo,
) -> None:
    notice_repo.write("npp.md", notice_source(effective="2025-01-01").replace("\n", "\r\n"))
    notice_repo.commit("Publish", "2024-12-01")
    day = next_year()
    assert run(notice_repo, "new", "npp", "--effective", day).status == 0
    data = (notice_repo.path / "notices/npp.md").read_bytes().decode()
    assert data.startswith(
        "---\r\ntitle: Notice of Privacy Practices\r\nkind: hipaa-npp\r\n"
        f'effective_date: {day}\r\nsummary: "{PLACEHOLDER_SUMMARY}"\r\n---\r\n'
    )
    assert "\n" not in data.replace("\r\n", "")


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (
            "2025-01-01",
            "error: notices/npp.md: 2025-01-01 is already the effective date of the latest "
            "version (published 2024-12-01 in commit {short}).\n"
            "  How to fix: to correct that version, edit the file and commit it without "
            "changing its effective_date; to start a new version, give a date after "
            "2025-01-01.\n",
        ),
        (
            "2024-06-01",
            "error: notices/npp.md: 2024-06-01 is not after 2025-01-01, the effective date of "
            "the latest version (published 2024-12-01 in commit {short}); a published version "
            "cannot be replaced by an earlier one.\n"
            "  How to fix: give a date after 2025-01-01.\n",
        ),
    ],
)
def test_new_refuses_a_date_not_after_the_latest_version(
    notice_repo: NoticeRepo, day: str, message: str
) -> None:
    sha = published(notice_repo)
    ran = run(notice_repo, "new", "npp", "--effective", day)
    assert (ran.status, ran.err) == (2, message.format(short=sha[:7]))
    assert (notice_repo.path / "notices/npp.md").read_text() == FRONT_MATTER_WITH_COMMENTS


def test_new_refuses_uncommitted_changes_unless_forced(notice_repo: NoticeRepo) -> None:
    published(notice_repo)
    edited = FRONT_MATTER_WITH_COMMENTS.replace("555-0100", "555-0199")
    notice_repo.write("npp.md", edited)
    day = next_year()
    ran = run(notice_repo, "new", "npp", "--effective", day)
    assert (ran.status, ran.err) == (
        2,
        "error: notices/npp.md: the file has changes that are not committed; notices new "
        "starts from the committed text, and would mix your changes into the new version.\n"
        "  How to fix: commit the changes first (or discard them with 'git checkout -- "
        "notices/npp.md'); or run notices new again with --force to keep them in the new "
        "version.\n",
    )
    assert (notice_repo.path / "notices/npp.md").read_text() == edited
    assert run(notice_repo, "new", "npp", "--effective", day, "--force").status == 0
    text = (notice_repo.path / "notices/npp.md").read_text()
    assert "Call 555-0199." in text and f"effective_date: {day}   # the day" in text


def test_new_names_the_notice_it_cannot_find(notice_repo: NoticeRepo) -> None:
    published(notice_repo)
    ran = run(notice_repo, "new", "nppp", "--effective", next_year())
    assert (ran.status, ran.err) == (
        2,
        "error: there is no published notice named 'nppp'.\n  How to fix: did you mean 'npp'?\n",
    )
    notice_repo.write("privacy.md", notice_source(kind="privacy-policy"))
    ran = run(notice_repo, "new", "privacy", "--effective", next_year())
    assert ran.err.endswith(
        "How to fix: privacy.md has never been committed: its first version is published "
        "when you commit it; notices new starts the versions after that.\n"
    )


def test_new_refuses_a_date_that_is_not_real(notice_repo: NoticeRepo) -> None:
    published(notice_repo)
    ran = run(notice_repo, "new", "npp", "--effective", "2026-02-30")
    assert ran.status == 2
    assert ran.err.endswith(
        "notices new: error: argument --effective: '2026-02-30' is not a real date; write it "
        "as YYYY-MM-DD, for example 2027-01-01\n"
    )


def test_new_warns_when_the_date_is_already_past(notice_repo: NoticeRepo) -> None:
    published(notice_repo)
    ran = run(notice_repo, "new", "npp", "--effective", "2025-03-01")
    assert ran.status == 0
    assert ran.err == (
        "warning: 2025-03-01 is before today: the version will be published after the date it "
        "claims to take effect. A HIPAA notice must be published by its effective date.\n"
    )


def test_the_build_refuses_to_publish_the_placeholder(notice_repo: NoticeRepo) -> None:
    published(notice_repo)
    assert run(notice_repo, "new", "npp", "--effective", "2025-06-01").status == 0
    sha = notice_repo.commit("Forgot the summary", "2025-03-01")
    built = notice_repo.build(as_of="2025-07-01")
    assert built.status == 1
    assert built.err.endswith(
        f"ERROR   -  notices/npp.md, line 5, commit {sha[:7]}: the summary is still the "
        "placeholder that 'notices new' wrote, so readers would not learn what changed.\n"
        "  How to fix: replace it with what changed in this version, in plain words, and "
        "commit again.\n"
    )
    text = (notice_repo.path / "notices/npp.md").read_text()
    notice_repo.write("npp.md", text.replace(PLACEHOLDER_SUMMARY, "Longer opening hours."))
    notice_repo.commit("Say what changed", "2025-03-02")
    built = notice_repo.build(as_of="2025-07-01")
    assert built.status == 0, built.err
    assert built.manifest()["notices"][0]["versions"][1]["summary"] == "Longer opening hours."
    # the commit with the placeholder was never published (its build failed): it is left out
    assert built.manifest()["notices"][0]["versions"][1]["published"] == "2025-03-02"
    assert "left out of the archive (a later commit replaced it)" in built.err


# notices check: what the pre-commit hook runs.


def test_check_passes_good_files_quietly(notice_repo: NoticeRepo) -> None:
    published(notice_repo)
    notice_repo.write("README.md", "How we write notices.\n")
    ran = run(notice_repo, "check", "notices/npp.md", "notices/README.md")
    assert (ran.status, ran.out) == (0, "Checked 1 notice file: no problems.\n")
    assert ran.err == "note: notices/README.md is not a notice file, so it was not checked.\n"


def test_check_reports_every_broken_file(notice_repo: NoticeRepo) -> None:
    published(notice_repo)
    notice_repo.write("npp.md", FRONT_MATTER_WITH_COMMENTS.replace("2025-01-01", "2025-02-30"))
    notice_repo.write(
        "policy.md", notice_source(kind="privacy-policy", body="<script>x</script>\n")
    )
    ran = run(notice_repo, "check")
    assert ran.status == 1
    assert ran.err == (
        "error: notices/npp.md, line 4: effective_date '2025-02-30' is not a real date.\n"
        "  How to fix: write the date as YYYY-MM-DD, for example effective_date: 2026-01-01.\n"
        "error: notices/policy.md, line 7: the text holds a <script> element, which could run "
        "a script in a reader's browser.\n"
        "  How to fix: remove it; to show such text as words, put it in backticks, like "
        "`<script>`.\n"
        "Checked 2 notice files: 2 problems.\n"
    )


def test_check_applies_the_history_rules_to_what_is_about_to_be_committed(
    notice_repo: NoticeRepo,
) -> None:
    sha = published(notice_repo)
    notice_repo.write("npp.md", FRONT_MATTER_WITH_COMMENTS.replace("2025-01-01", "2024-06-01"))
    ran = run(notice_repo, "check", "notices/npp.md")
    assert ran.status == 1
    assert ran.err.startswith(
        "error: notices/npp.md, line 4, uncommitted changes: effective_date 2024-06-01 is "
        "earlier than 2025-01-01, the effective date of a version this notice already "
        f"published (commit {sha[:7]}, 2024-12-01)."
    )


def test_check_refuses_the_placeholder_before_it_is_committed(notice_repo: NoticeRepo) -> None:
    published(notice_repo)
    assert run(notice_repo, "new", "npp", "--effective", next_year()).status == 0
    ran = run(notice_repo, "check", "notices/npp.md")
    assert (ran.status, ran.err) == (
        1,
        "error: notices/npp.md, line 5: the summary is still the placeholder that 'notices "
        "new' wrote, so readers would not learn what changed.\n"
        "  How to fix: replace it with what changed in this version, in plain words, and "
        "commit again.\n"
        "Checked 1 notice file: 1 problem.\n",
    )


def test_commands_outside_a_site_say_where_to_run(tmp_path: Path) -> None:
    repo = NoticeRepo(tmp_path / "repo")
    (repo.path / "mkdocs.yml").unlink()
    ran = run(repo, "check")
    assert (ran.status, ran.err) == (
        2,
        "error: mkdocs.yml: there is no such file, so the notices folder is unknown.\n"
        "  How to fix: run the command in your site's folder (where mkdocs.yml is), or name "
        "the file with -f PATH.\n",
    )
