"""What `notices import` says, and the status it exits with, when it cannot do its work."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import NoticeRepo
from import_helpers import run_import

EFFECTIVE_FIX = (
    "  How to fix: find out the date this version took effect, and give it with "
    "--effective-date YYYY-MM-DD.\n"
)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"Privacy Policy\n\xe2\x80\x9cquoted\x93\n",
            "error: page.txt, line 2: the file is not UTF-8 text (byte 0x93 cannot be read).\n"
            "  How to fix: save the page again as UTF-8, or convert it, for example: "
            "iconv -f WINDOWS-1252 -t UTF-8 old.txt > new.txt\n",
        ),
        (
            b"  \n\n",
            "error: page.txt: the file is empty.\n  How to fix: save the page that shows the "
            "notice, as text or HTML, and import that file.\n",
        ),
        (
            b"Welcome to our site.\nWe are glad you came.\n",
            "error: page.txt: no title found: no short line near the top names a privacy "
            "policy or notice.\n"
            '  How to fix: give the title with --title "Notice of Privacy Practices".\n',
        ),
        (
            b"Privacy Policy\n\nWe collect little.\n",
            "error: page.txt: no effective date found: no line says when the notice takes "
            "effect or was updated.\n" + EFFECTIVE_FIX,
        ),
        (
            b"Notice of Privacy Practices\nEffective date: January _, 2016\n\nText.\n",
            "error: page.txt, line 2: the effective date cannot be used: 'January _, 2016' is a "
            "placeholder.\n" + EFFECTIVE_FIX,
        ),
        (
            b"Notice of Privacy Practices\n\nText.\n\nEffective Date: [DATE]\n",
            "error: page.txt, line 5: the effective date cannot be used: '[DATE]' is a "
            "placeholder.\n" + EFFECTIVE_FIX,
        ),
        (
            b"Privacy Policy\nEffective date: February 30, 2024\n\nText.\n",
            "error: page.txt, line 2: the effective date cannot be used: 'February 30, 2024' "
            "is not a real date.\n" + EFFECTIVE_FIX,
        ),
        (
            b"Privacy Policy\nEffective: July 2024\n\nText.\n",
            "error: page.txt, line 2: the effective date cannot be used: 'July 2024' gives a "
            "month but no day.\n" + EFFECTIVE_FIX,
        ),
    ],
    ids=[
        "not-utf8",
        "empty",
        "no-title",
        "no-date",
        "placeholder",
        "bracket-date",
        "feb-30",
        "no-day",
    ],
)
def test_a_page_that_cannot_be_imported(
    notice_repo: NoticeRepo, content: bytes, message: str
) -> None:
    (notice_repo.path / "page.txt").write_bytes(content)
    result = run_import(notice_repo.path, "page.txt")
    assert (result.status, result.err) == (1, message)
    assert list((notice_repo.path / "notices").iterdir()) == []


def test_the_date_option_rescues_a_placeholder(notice_repo: NoticeRepo) -> None:
    (notice_repo.path / "page.txt").write_text(
        "Notice of Privacy Practices\nEffective date: January _, 2016\n\nText.\n"
    )
    result = run_import(notice_repo.path, "page.txt", "--effective-date", "2016-01-04")
    assert result.status == 0, result.err
    source = (notice_repo.path / "notices" / "notice-of-privacy-practices.md").read_text()
    assert "\neffective_date: 2016-01-04\n" in source
    assert source.endswith("\n\nEffective date: January \\_, 2016\n\nText.\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["missing.txt"],
            "error: missing.txt: there is no such file.\n"
            "  How to fix: check the name and folder of the saved page.\n",
        ),
        (
            ["notices"],
            "error: notices: this is a folder, not a file.\n"
            "  How to fix: give the saved page itself, for example notices-page.html.\n",
        ),
        (
            ["page.txt", "--effective-date", "16 July 2025"],
            "error: --effective-date '16 July 2025' is not in the form YYYY-MM-DD.\n"
            "  How to fix: write it as YYYY-MM-DD, for example --effective-date 2025-07-16.\n",
        ),
        (
            ["page.txt", "--effective-date", "2025-13-01"],
            "error: --effective-date '2025-13-01' is not a real date.\n"
            "  How to fix: write it as YYYY-MM-DD, for example --effective-date 2025-07-16.\n",
        ),
    ],
    ids=["missing", "folder", "date-form", "date-unreal"],
)
def test_bad_arguments_exit_2(notice_repo: NoticeRepo, args: list[str], message: str) -> None:
    (notice_repo.path / "page.txt").write_text("Privacy Policy\nUpdated: May 1, 2025\n\nText.\n")
    result = run_import(notice_repo.path, *args)
    assert (result.status, result.err) == (2, message)


def test_an_unknown_kind_is_refused_by_the_parser(notice_repo: NoticeRepo) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run_import(notice_repo.path, "page.txt", "--kind", "cookie-policy")
    assert exit_info.value.code == 2


def test_no_notices_folder(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text("Privacy Policy\nUpdated: May 1, 2025\n\nText.\n")
    result = run_import(tmp_path, "page.txt")
    assert (result.status, result.err) == (
        1,
        "error: there is no notices/ folder here.\n  How to fix: run the command in the "
        "folder that holds mkdocs.yml and notices/, or give the file to write with "
        "--output PATH.\n",
    )


def test_one_output_file_for_two_notices(notice_repo: NoticeRepo) -> None:
    page = Path(__file__).parent / "import_pages" / "riverbend-two-notices.txt"
    result = run_import(notice_repo.path, str(page), "--output", "notices/both.md")
    assert (result.status, result.err) == (
        1,
        "error: notices/both.md: the page holds 2 notices, and --output names one file.\n"
        "  How to fix: give a folder with --output, or leave it out to write each notice to "
        "notices/<its title>.md.\n",
    )
