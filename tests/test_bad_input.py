"""Bad input: one clear message naming file, commit and line; non-zero exit; old site kept."""

from __future__ import annotations

from pathlib import Path

import git
import pytest
from conftest import NoticeRepo, notice_source, run_build


def publish_good_site(repo: NoticeRepo) -> str:
    repo.write("npp.md", notice_source(effective="2025-01-01"))
    repo.commit("Publish", "2024-12-01")
    built = repo.build()
    assert built.status == 0, built.err
    return (built.site / "index.html").read_text()


def assert_fails_keeping_site(repo: NoticeRepo, home: str, message: str) -> None:
    built = repo.build()
    assert built.status == 1
    assert f"ERROR   -  {message}" in built.err, built.err
    assert built.err.count("ERROR") == 1
    assert (built.site / "index.html").read_text() == home
    leftovers = [p.name for p in repo.path.iterdir() if p.name.startswith(".site")]
    assert leftovers == []


def commit_bad(repo: NoticeRepo, content: str | bytes, name: str = "npp.md") -> str:
    repo.write(name, content)
    return repo.commit("Edit", "2025-02-01")[:7]


def test_missing_front_matter(notice_repo: NoticeRepo) -> None:
    home = publish_good_site(notice_repo)
    sha = commit_bad(notice_repo, "# Notice\n\nNo front matter here.\n")
    assert_fails_keeping_site(
        notice_repo,
        home,
        f"notices/npp.md, line 1, commit {sha}: the file has no front matter.\n"
        "  How to fix: start the file with a front matter block, for example:\n"
        "    ---\n    title: Notice of Privacy Practices\n",
    )


def test_front_matter_never_closed(notice_repo: NoticeRepo) -> None:
    home = publish_good_site(notice_repo)
    sha = commit_bad(notice_repo, "---\ntitle: Notice\nkind: hipaa-npp\n\nBody.\n")
    assert_fails_keeping_site(
        notice_repo,
        home,
        f"notices/npp.md, line 1, commit {sha}: the front matter that starts on line 1 is never "
        "closed.\n  How to fix: end the front matter with a line holding only '---'.",
    )


def test_yaml_error_names_its_line(notice_repo: NoticeRepo) -> None:
    home = publish_good_site(notice_repo)
    text = (
        "---\ntitle: Notice\nkind: hipaa-npp\nsummary: Changes: new phone: yes\n"
        "effective_date: 2025-03-01\n---\nBody.\n"
    )
    sha = commit_bad(notice_repo, text)
    assert_fails_keeping_site(
        notice_repo,
        home,
        f"notices/npp.md, line 4, commit {sha}: the front matter is not valid YAML: "
        "mapping values are not allowed here.",
    )


def test_missing_effective_date(notice_repo: NoticeRepo) -> None:
    home = publish_good_site(notice_repo)
    sha = commit_bad(notice_repo, "---\ntitle: Notice\nkind: hipaa-npp\n---\nBody.\n")
    assert_fails_keeping_site(
        notice_repo,
        home,
        f"notices/npp.md, line 2, commit {sha}: the front matter has no 'effective_date'.\n"
        "  How to fix: add a line 'effective_date: ...' to the front matter; title, kind and "
        "effective_date are required.",
    )


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2025-02-30", "effective_date '2025-02-30' is not a real date."),
        ("July 2025", "effective_date 'July 2025' is not a date in the form YYYY-MM-DD."),
        ("2025-7-1", "effective_date '2025-7-1' is not a date in the form YYYY-MM-DD."),
    ],
)
def test_invalid_effective_date(notice_repo: NoticeRepo, value: str, problem: str) -> None:
    home = publish_good_site(notice_repo)
    sha = commit_bad(notice_repo, notice_source(effective=value))
    assert_fails_keeping_site(
        notice_repo,
        home,
        f"notices/npp.md, line 4, commit {sha}: {problem}\n"
        "  How to fix: write the date as YYYY-MM-DD, for example effective_date: 2026-01-01.",
    )


def test_unknown_kind(notice_repo: NoticeRepo) -> None:
    home = publish_good_site(notice_repo)
    sha = commit_bad(notice_repo, notice_source(kind="hipaa"))
    assert_fails_keeping_site(
        notice_repo,
        home,
        f"notices/npp.md, line 3, commit {sha}: kind 'hipaa' is not a kind of notice this tool "
        "knows.\n  How to fix: use hipaa-npp or privacy-policy.",
    )


def test_unknown_key_suggests_the_right_one(notice_repo: NoticeRepo) -> None:
    home = publish_good_site(notice_repo)
    sha = commit_bad(notice_repo, notice_source(extra="sumary: New phone number."))
    assert_fails_keeping_site(
        notice_repo,
        home,
        f"notices/npp.md, line 5, commit {sha}: unknown front matter key 'sumary'.\n"
        "  How to fix: did you mean 'summary'?",
    )


def test_a_later_commit_cannot_give_an_earlier_effective_date(notice_repo: NoticeRepo) -> None:
    home = publish_good_site(notice_repo)
    first = notice_repo.repo.head.commit.hexsha[:7]
    sha = commit_bad(notice_repo, notice_source(effective="2024-06-01"))
    assert_fails_keeping_site(
        notice_repo,
        home,
        f"notices/npp.md, line 4, commit {sha}: effective_date 2024-06-01 is earlier than "
        f"2025-01-01, the effective date of a version this notice already published (commit "
        f"{first}, 2024-12-01). A published version cannot be replaced by an earlier one.\n"
        "  How to fix: to correct the version of 2025-01-01, keep effective_date: 2025-01-01; "
        "to publish a new version, give a date after 2025-01-01.",
    )


def test_file_that_is_not_utf8(notice_repo: NoticeRepo) -> None:
    home = publish_good_site(notice_repo)
    data = notice_source(body="Line one.\n\nCaf\xe9 and more.\n").encode("latin-1")
    sha = commit_bad(notice_repo, data)
    assert_fails_keeping_site(
        notice_repo,
        home,
        f"notices/npp.md, line 9, commit {sha}: the file is not valid UTF-8 text (byte 0xE9 "
        "cannot be read).\n  How to fix: save the file with UTF-8 encoding",
    )


def test_two_files_with_the_same_slug(notice_repo: NoticeRepo) -> None:
    home = publish_good_site(notice_repo)
    sha = commit_bad(notice_repo, notice_source(), name="plans/npp.md")
    assert_fails_keeping_site(
        notice_repo,
        home,
        f"notices/plans/npp.md, commit {sha}: this file and notices/npp.md have the same name, "
        "'npp', so they would be published at the same address /npp/.\n"
        "  How to fix: rename one of the files (git mv keeps its history).",
    )


def test_a_file_name_that_cannot_be_an_address(notice_repo: NoticeRepo) -> None:
    home = publish_good_site(notice_repo)
    sha = commit_bad(notice_repo, notice_source(), name="Privacy Policy.md")
    assert_fails_keeping_site(
        notice_repo,
        home,
        f"notices/Privacy Policy.md, commit {sha}: the file name 'Privacy Policy' cannot be used "
        "in a web address: each notice is published at /<file name>/.",
    )


@pytest.mark.parametrize(
    ("body", "line", "what"),
    [
        ("Hello.\n\n<script>alert(1)</script>\n", 9, "a <script> element"),
        (
            'Hello.\n\nSee <img src="x.png" onerror="alert(1)">.\n',
            9,
            "an event attribute 'onerror' on <img>",
        ),
        ("Hello.\n\n[Contact us](javascript:alert(1))\n", 9, "a 'javascript:' link"),
        ('Hello.\n\n<a href="JaVaScRiPt:alert(1)">us</a>\n', 9, "a 'javascript:' link"),
    ],
)
def test_markup_that_could_run_script(
    notice_repo: NoticeRepo, body: str, line: int, what: str
) -> None:
    home = publish_good_site(notice_repo)
    sha = commit_bad(notice_repo, notice_source(body=body))
    assert_fails_keeping_site(
        notice_repo,
        home,
        f"notices/npp.md, line {line}, commit {sha}: the text holds {what}, which could run a "
        "script in a reader's browser.\n  How to fix: remove it; to show such text as words, put "
        "it in backticks, like `<script>`.",
    )


def test_script_shown_as_words_is_fine(notice_repo: NoticeRepo) -> None:
    notice_repo.write(
        "npp.md", notice_source(body="Type `<script>alert(1)</script>` and 1 &lt; 2.\n")
    )
    notice_repo.commit("Publish", "2024-12-01")
    built = notice_repo.build()
    assert built.status == 0, built.err
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in built.page("npp")
    assert "<script>alert(1)" not in built.page("npp")


def test_a_bad_revision_replaced_by_a_later_commit_is_left_out_with_a_warning(
    notice_repo: NoticeRepo,
) -> None:
    publish_good_site(notice_repo)
    sha = commit_bad(notice_repo, notice_source(effective="2025-02-30"))
    notice_repo.write("npp.md", notice_source(effective="2025-03-01"))
    notice_repo.commit("Fix the date", "2025-02-02")
    built = notice_repo.build()
    assert built.status == 0
    assert (
        "WARNING -  left out of the archive (a later commit replaced it): notices/npp.md, line 4, "
        f"commit {sha}: effective_date '2025-02-30' is not a real date." in built.err
    )
    versions = built.manifest()["notices"][0]["versions"]
    assert [v["effective_date"] for v in versions] == ["2025-01-01", "2025-03-01"]


def test_a_folder_that_is_not_a_git_repository(tmp_path: Path) -> None:
    (tmp_path / "notices").mkdir()
    (tmp_path / "notices" / "npp.md").write_text(notice_source())
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\ndocs_dir: notices\ntheme:\n  name: material\nplugins:\n  - privacy-notices\n"
    )
    built = run_build(tmp_path)
    assert built.status == 1
    assert (
        f"ERROR   -  {tmp_path / 'notices'}: the notices folder is not in a git repository, so "
        "there is no history to publish.\n  How to fix: build from a clone of your notices "
        "repository, or run 'git init' and commit the notices." in built.err
    )
    assert not (tmp_path / "site").exists()


def test_a_shallow_clone(notice_repo: NoticeRepo, tmp_path: Path) -> None:
    notice_repo.write("npp.md", notice_source(effective="2024-01-01"))
    notice_repo.commit("One", "2023-12-01")
    notice_repo.write("npp.md", notice_source(effective="2025-01-01"))
    notice_repo.commit("Two", "2024-12-01")
    clone = tmp_path / "clone"
    git.Repo.clone_from(f"file://{notice_repo.path}", clone, depth=1)
    built = run_build(clone)
    assert built.status == 1
    assert (
        f"ERROR   -  {clone}: this is a shallow clone: its history is cut, so earlier versions "
        "of the notices cannot be found.\n  How to fix: fetch the full history with 'git fetch "
        "--unshallow' (in GitHub Actions, give actions/checkout 'fetch-depth: 0')." in built.err
    )


def test_a_repository_without_commits(notice_repo: NoticeRepo) -> None:
    notice_repo.write("npp.md", notice_source())
    built = notice_repo.build()
    assert built.status == 1
    assert "the repository has no commits yet, so there is nothing to publish." in built.err


def test_an_invalid_as_of_date(notice_repo: NoticeRepo) -> None:
    publish_good_site(notice_repo)
    built = notice_repo.build(as_of="2025-13-01")
    assert built.status == 2
    assert built.err == (
        "error: --as-of '2025-13-01' is not a date in the form YYYY-MM-DD.\n"
        "  How to fix: give the build date as YYYY-MM-DD, for example 2026-01-31.\n"
    )


def test_markup_in_the_title_is_refused(notice_repo: NoticeRepo) -> None:
    home = publish_good_site(notice_repo)
    sha = commit_bad(notice_repo, notice_source(title="Policy <script>x()</script>"))
    assert_fails_keeping_site(
        notice_repo,
        home,
        f"notices/npp.md, line 2, commit {sha}: 'title' holds HTML markup, which the site would "
        "show or run as code.\n  How to fix: write title as plain words, without <...> tags.",
    )


def test_front_matter_text_is_shown_as_text(notice_repo: NoticeRepo) -> None:
    notice_repo.write(
        "npp.md", notice_source(title="Terms & Privacy", summary='Adds "Part 2" & fixes 1 < 2.')
    )
    notice_repo.commit("Publish", "2024-12-01")
    built = notice_repo.build()
    page = built.page("npp/2025-01-01")
    assert "<h1>Terms &amp; Privacy</h1>" in page
    assert "Adds &#34;Part 2&#34; &amp; fixes 1 &lt; 2." in page
