"""`notices diff`: each kind of side, each format, and the exit codes of diff (0, 1, 2)."""

from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path

import pytest
from conftest import NoticeRepo, notice_source

from generator.cli import main as notices_main
from generator.cli.diff import _use_color

BODY = """\
## Contact

Call the Privacy Office at 541-555-0100.

## Testing

Never type `<script>alert(1)</script>` into the portal; 1 &lt; 2.
"""


def run_diff(repo: NoticeRepo, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    cwd = Path.cwd()
    os.chdir(repo.path)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = notices_main(["diff", *args])
    finally:
        os.chdir(cwd)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def two_versions(notice_repo: NoticeRepo) -> NoticeRepo:
    notice_repo.write("npp.md", notice_source(effective="2024-01-01", body=BODY))
    notice_repo.commit("Publish", "2023-12-01")
    notice_repo.write(
        "npp.md",
        notice_source(
            effective="2025-01-01",
            summary="New phone number.",
            body=BODY.replace("0100", "0199").replace("alert(1)", "alert(2)"),
        ),
    )
    notice_repo.commit("New phone number", "2024-12-01")
    return notice_repo


def test_a_file_against_its_last_commit_shows_what_is_about_to_be_committed(
    two_versions: NoticeRepo,
) -> None:
    status, out, err = run_diff(two_versions, "notices/npp.md")
    assert (status, out, err) == (
        0,
        "Notice of Privacy Practices: what changed\n"
        "--- old: notices/npp.md at HEAD"
        f" (commit {two_versions.repo.head.commit.hexsha[:7]}), effective January 1, 2025\n"
        "+++ new: notices/npp.md (on disk), effective January 1, 2025\n"
        "No changes: the two texts read the same.\n",
        "",
    )
    two_versions.write(
        "npp.md",
        notice_source(effective="2025-01-01", body=BODY.replace("0100", "0142")),
    )
    status, out, _ = run_diff(two_versions, "notices/npp.md")
    assert status == 1
    assert out.splitlines()[3:] == [
        "2 words added, 2 deleted; 2 sections changed, in 2 places.",
        "",
        "§ Contact",
        "Call the Privacy Office at 541-555-[-0199-]{+0142+}.",
        "",
        "§ Testing",
        "Never type <script>alert([-2-]{+1+})</script> into the portal; 1 < 2.",
    ]


def test_two_published_versions_in_colour(two_versions: NoticeRepo) -> None:
    status, out, _ = run_diff(two_versions, "npp@2024-01-01", "npp@current", "--color", "always")
    assert status == 1
    assert "--- old: npp@2024-01-01 (superseded), effective January 1, 2024" in out
    assert "\x1b[31;9m0100\x1b[0m\x1b[32;4m0199\x1b[0m" in out


def test_colour_only_on_a_terminal_without_no_color() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert _use_color("auto", Terminal(), {}) is True
    assert _use_color("auto", Terminal(), {"NO_COLOR": "1"}) is False
    assert _use_color("auto", io.StringIO(), {}) is False
    assert _use_color("always", io.StringIO(), {"NO_COLOR": "1"}) is True
    assert _use_color("never", Terminal(), {}) is False


def test_git_revisions_with_and_without_a_path(two_versions: NoticeRepo) -> None:
    with_path = run_diff(two_versions, "HEAD~1:notices/npp.md", "HEAD:notices/npp.md")
    bare = run_diff(two_versions, "HEAD~1", "notices/npp.md")
    assert with_path[0] == bare[0] == 1
    assert "541-555-[-0100-]{+0199+}" in with_path[1]
    assert "541-555-[-0100-]{+0199+}" in bare[1]
    assert "--- old: notices/npp.md at HEAD~1 (commit " in bare[1]


def test_json_lists_each_block_with_its_operations(two_versions: NoticeRepo) -> None:
    status, out, _ = run_diff(two_versions, "npp@2024-01-01", "npp@2025-01-01", "--format", "json")
    assert status == 1
    data = json.loads(out)
    assert data["equal"] is False
    assert data["old"]["effective_date"] == "2024-01-01"
    assert data["new"]["summary"] == "New phone number."
    assert data["stats"]["words_added"] == 2 and data["stats"]["words_removed"] == 2
    contact = data["blocks"][1]
    assert contact["change"] == "changed"
    assert contact["section"] == ["Contact"]
    assert contact["operations"] == [
        {"op": "equal", "text": "Call the Privacy Office at 541-555-"},
        {"op": "delete", "text": "0100"},
        {"op": "insert", "text": "0199"},
        {"op": "equal", "text": "."},
    ]
    assert [s["title"] for s in data["sections"]] == ["Contact", "Testing"]


def test_markdown_for_a_pull_request_shows_html_like_text_as_text(
    two_versions: NoticeRepo,
) -> None:
    status, out, _ = run_diff(
        two_versions, "npp@2024-01-01", "npp@2025-01-01", "--format", "markdown"
    )
    assert status == 1
    assert "Call the Privacy Office at 541-555-<del>0100</del><ins>0199</ins>." in out
    assert "Never type &lt;script&gt;alert(<del>1</del><ins>2</ins>)&lt;/script&gt;" in out
    assert "<script>" not in out


def test_a_standalone_html_page_escapes_every_word_once(two_versions: NoticeRepo) -> None:
    status, out, _ = run_diff(two_versions, "npp@2024-01-01", "npp@2025-01-01", "--format", "html")
    assert status == 1
    assert out.startswith("<!doctype html>")
    assert "&lt;script&gt;alert(" in out
    assert "<script>alert" not in out and "&amp;lt;" not in out
    assert (
        '541-555-<del><span class="redline-sr">[deleted: </span>0100<span class="redline-sr">]'
        "</span></del>" in out
    )
    assert out.count("<script>") == 1  # the page's own script, which moves between changes


def test_identical_texts_exit_0_in_every_format(two_versions: NoticeRepo) -> None:
    for output in ("terminal", "html", "markdown", "json"):
        status, out, _ = run_diff(two_versions, "npp@latest", "npp@2025-01-01", "--format", output)
        assert status == 0, output
    assert json.loads(out)["blocks"][1]["change"] == "equal"


def test_plain_markdown_files_compare_too(tmp_path: Path, notice_repo: NoticeRepo) -> None:
    (notice_repo.path / "a.md").write_text("# Draft\n\nOne two three.\n", encoding="utf-8")
    (notice_repo.path / "b.md").write_text("# Draft\n\nOne two four.\n", encoding="utf-8")
    status, out, _ = run_diff(notice_repo, "a.md", "b.md")
    assert status == 1
    assert "One two [-three-]{+four+}." in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["nothing-here"],
            "error: 'nothing-here' is not a file, a published version or a git revision.\n"
            "  How to fix: give a file (notices/npp.md), a published version (npp@2025-01-01, "
            "npp@current) or a git revision (HEAD~1:notices/npp.md, or HEAD~1 with a file on the "
            "other side).\n",
        ),
        (
            ["npp@2020-01-01", "npp@current"],
            "error: the notice 'npp' has no version effective 2020-01-01.\n"
            "  How to fix: use one of its versions: 2024-01-01, 2025-01-01 (or current, or "
            "latest).\n",
        ),
        (
            ["other@2024-01-01", "npp@current"],
            "error: there is no notice 'other' in {notices}.\n"
            "  How to fix: use the name of a notice file without .md; the notices are: npp.\n",
        ),
        (
            ["HEAD~1"],
            "error: 'HEAD~1' is a git revision, but which notice file should be compared?\n"
            "  How to fix: name the file too: notices diff HEAD~1:notices/<file>.md, or notices "
            "diff HEAD~1 notices/<file>.md.\n",
        ),
        (
            ["HEAD:notices/gone.md", "notices/npp.md"],
            "error: commit {head}: the revision 'HEAD' has no file 'notices/gone.md'.\n"
            "  How to fix: check the path (from the top of the repository, or starting with ./) "
            "and the revision, for example with: git show HEAD --stat\n",
        ),
        (
            ["nope~3:notices/npp.md", "notices/npp.md"],
            "error: 'nope~3' is not a commit, branch or tag of this repository.\n"
            "  How to fix: name a revision git knows, such as HEAD, HEAD~1, main or a commit id.\n",
        ),
    ],
)
def test_errors_exit_2_with_a_message_that_says_how_to_fix_them(
    two_versions: NoticeRepo, args: list[str], message: str
) -> None:
    status, out, err = run_diff(two_versions, *args)
    head = two_versions.repo.head.commit.hexsha[:7]
    notices = two_versions.path / "notices"
    assert (status, out, err) == (2, "", message.format(head=head, notices=notices))


def test_a_broken_notice_file_names_its_line(two_versions: NoticeRepo) -> None:
    two_versions.write(
        "npp.md", "---\ntitle: Notice\nkind: hipaa-npp\neffective_date: 2025-02-30\n---\nText.\n"
    )
    status, _, err = run_diff(two_versions, "notices/npp.md")
    assert status == 2
    assert err == (
        "error: notices/npp.md, line 4, uncommitted changes: effective_date '2025-02-30' is not "
        "a real date.\n"
        "  How to fix: write the date as YYYY-MM-DD, for example effective_date: 2026-01-01.\n"
    )


def test_markup_that_could_run_script_is_refused(two_versions: NoticeRepo) -> None:
    two_versions.write(
        "npp.md", notice_source(effective="2025-01-01", body="Hi <script>alert(1)</script>\n")
    )
    status, _, err = run_diff(two_versions, "notices/npp.md")
    assert status == 2
    assert err.startswith(
        "error: notices/npp.md, line 7, uncommitted changes: the text holds a <script> element"
    )


def test_bad_arguments_exit_2(two_versions: NoticeRepo) -> None:
    with pytest.raises(SystemExit) as stop:
        run_diff(two_versions, "notices/npp.md", "--format", "pdf")
    assert stop.value.code == 2
