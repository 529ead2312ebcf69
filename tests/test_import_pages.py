"""Import of pages of our own writing: an HTML page with its site around it; two notices on
one page; the options that override the importer's guesses."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from conftest import NoticeRepo, visible_text
from import_helpers import IMPORT_DATE, IMPORT_EPOCH, notice_words, run_import

PAGES = Path(__file__).parent / "import_pages"
HTML_PAGE = PAGES / "birchwood-npp.html"
TWO_NOTICES = PAGES / "riverbend-two-notices.txt"


@pytest.fixture(autouse=True)
def import_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", IMPORT_EPOCH)


def assert_same_words(shown: list[str], expected: list[str]) -> None:
    assert shown == expected, "\n".join(difflib.unified_diff(expected, shown, lineterm=""))


def test_html_page_keeps_its_main_content_and_lists_the_rest(notice_repo: NoticeRepo) -> None:
    imported = run_import(notice_repo.path, str(HTML_PAGE))
    assert imported.status == 0, imported.err
    left_out = imported.err.split("check that none belongs to the notice):\n")[1].split("\n\n")[0]
    assert left_out.split("\n") == [
        "  line   11  outside the page's main content: Skip to content",
        "  line   12  page header (<header>): Home · Our services · Notice of Privacy Practices"
        " · Book a visit",
        "  line   23  hidden on the page: We use cookies to remember your language. · Accept",
        "  line   77  sidebar (<aside>): Related · Website privacy policy",
        "  line   79  page footer (<footer>): © 2025 Birchwood Family Dental. All rights "
        "reserved. · Privacy Policy · Terms",
        "  line   83  script (<script>)",
    ]
    source = (notice_repo.path / "notices" / "notice-of-privacy-practices.md").read_text()
    assert source.startswith(
        "---\ntitle: Notice of Privacy Practices\nkind: hipaa-npp\neffective_date: 2025-03-03\n"
        "imported:\n  source: https://www.birchwood-dental.example/privacy/notice\n"
        f"  date: {IMPORT_DATE}\n  published: 2025-03-03\n  updated: 2025-04-10\n---\n"
    )

    notice_repo.commit("Import the notice from our website", IMPORT_DATE)
    built = notice_repo.build(as_of=IMPORT_DATE)
    assert built.status == 0, built.err
    article = re.search(r"<article>(.*)</article>", HTML_PAGE.read_text(), re.DOTALL)
    assert article is not None
    assert_same_words(
        notice_words(built, "notice-of-privacy-practices/"), visible_text(article.group(1)).split()
    )


def test_html_structure_survives_as_markup(notice_repo: NoticeRepo) -> None:
    run_import(notice_repo.path, str(HTML_PAGE))
    notice_repo.commit("Import", IMPORT_DATE)
    page = notice_repo.build(as_of=IMPORT_DATE).page("notice-of-privacy-practices/")
    body = page.split('<div class="notice-body">')[1].split('<footer class="notice-footer">')[0]
    assert re.findall(r"<h(\d) id=", body) == ["2", "2", "3", "3", "2", "2"]
    assert "<strong>THIS NOTICE DESCRIBES HOW MEDICAL INFORMATION" in body
    assert re.search(r"<ol>\s*<li>We share x-rays", body)
    assert re.search(r"<ul>\s*<li>by text message, if you agree;</li>", body)
    assert "<th>What they see</th>" in body and "<td>Visits | codes | amounts</td>" in body
    assert "<li><strong>Get a copy.</strong> Ask us for your chart;" in body
    assert '<a href="https://www.birchwood-dental.example/privacy">our privacy page</a>' in body
    assert "and our questions page." in body  # a link within the old site is kept as words
    assert "Privacy Officer<br>\nBirchwood Family Dental<br>" in body
    assert "<em>treatment</em> and *payment*" in body
    assert "so do 2 &lt; 3, snake_case_names, [brackets] and # signs." in body
    facts = page.split('<footer class="notice-footer">')[1]
    assert re.search(r"<dt>First published</dt><dd><time datetime=\"2025-03-03\">", facts)
    assert 'at <a href="https://www.birchwood-dental.example/privacy/notice">' in facts
    assert re.search(r"<dt>Added to this archive</dt><dd><time datetime=\"2026-11-22\">", facts)


def test_two_notices_on_one_page_become_two_files(notice_repo: NoticeRepo) -> None:
    imported = run_import(notice_repo.path, str(TWO_NOTICES))
    assert imported.status == 0, imported.err
    assert imported.err.startswith(
        f"Imported {TWO_NOTICES} (text): 2 notices.\nThe page holds more than one notice; "
        "each has its own file, as each has its own versions and history.\n\n"
        "notices/website-privacy-policy.md\n"
        "  title           Website Privacy Policy (line 5)\n"
        "  kind            privacy-policy: no HIPAA header statement, and the title names no "
        "HIPAA notice\n"
        '  effective date  2025-01-05: none stated; the date it was updated, line 6: "Last '
        'updated: January 5, 2025"\n'
    )
    assert "notices/hipaa-notice-of-privacy-practices.md\n" in imported.err
    assert "  kind            hipaa-npp: line 16 has the HIPAA header statement\n" in imported.err

    notice_repo.commit("Import both notices", IMPORT_DATE)
    built = notice_repo.build(as_of=IMPORT_DATE)
    assert built.status == 0, built.err
    lines = TWO_NOTICES.read_text().split("\n")
    policy, npp = " ".join(lines[4:12]), " ".join(lines[12:27]).replace("•", "")
    assert_same_words(notice_words(built, "website-privacy-policy/"), policy.split())
    assert_same_words(notice_words(built, "hipaa-notice-of-privacy-practices/"), npp.split())
    assert [n["kind"] for n in built.manifest()["notices"]] == ["hipaa-npp", "privacy-policy"]


def test_refuses_to_replace_a_file_unless_forced(notice_repo: NoticeRepo) -> None:
    target = notice_repo.write("notice-of-privacy-practices.md", "our own notice\n")
    refused = run_import(notice_repo.path, str(HTML_PAGE))
    assert refused.status == 1
    assert refused.err == (
        "error: notices/notice-of-privacy-practices.md: the file already exists; import never "
        "replaces a file unless asked.\n"
        "  How to fix: give another file with --output PATH, or add --force to replace it.\n"
    )
    assert target.read_text() == "our own notice\n"

    forced = run_import(notice_repo.path, str(HTML_PAGE), "--force")
    assert forced.status == 0, forced.err
    assert target.read_text().startswith("---\ntitle: Notice of Privacy Practices\n")


def test_two_notices_refused_together_when_one_exists(notice_repo: NoticeRepo) -> None:
    notice_repo.write("hipaa-notice-of-privacy-practices.md", "ours\n")
    refused = run_import(notice_repo.path, str(TWO_NOTICES))
    assert refused.status == 1
    assert not (notice_repo.path / "notices" / "website-privacy-policy.md").exists()


def test_options_override_the_guesses(notice_repo: NoticeRepo) -> None:
    imported = run_import(
        notice_repo.path,
        str(HTML_PAGE),
        "--kind",
        "privacy-policy",
        "--output",
        "notices/dental.md",
        "--title",
        "Birchwood Notice",
        "--effective-date",
        "2025-03-01",
        "--source",
        "https://birchwood.example/npp",
    )
    assert imported.status == 0, imported.err
    source = (notice_repo.path / "notices" / "dental.md").read_text()
    assert source.startswith(
        "---\ntitle: Birchwood Notice\nkind: privacy-policy\neffective_date: 2025-03-01\n"
        "imported:\n  source: https://birchwood.example/npp\n"
        f"  date: {IMPORT_DATE}\n  published: 2025-03-01\n  updated: 2025-04-10\n---\n"
    )
    assert "  kind            privacy-policy: given with --kind\n" in imported.err
    assert "  effective date  2025-03-01: given with --effective-date\n" in imported.err
    assert "  line   29  the page's title, replaced: Notice of Privacy Practices\n" in imported.err


def test_output_folder_takes_each_notice(notice_repo: NoticeRepo) -> None:
    (notice_repo.path / "elsewhere").mkdir()
    imported = run_import(notice_repo.path, str(TWO_NOTICES), "--output", "elsewhere")
    assert imported.status == 0, imported.err
    names = sorted(p.name for p in (notice_repo.path / "elsewhere").iterdir())
    assert names == ["hipaa-notice-of-privacy-practices.md", "website-privacy-policy.md"]
