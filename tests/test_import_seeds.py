"""The three real notices of ../shared/seeds: each imports, builds, and shows the page's words."""

from __future__ import annotations

import datetime as dt
import difflib
import re

import pytest
from conftest import SHARED, NoticeRepo
from import_helpers import IMPORT_DATE, IMPORT_EPOCH, notice_words, run_import

from generator.importer import ImportOptions, import_page

SEEDS = SHARED / "seeds"
BULLET = re.compile(r"^\s*[•-]\s+")

NBSP = "\u00a0"  # the seeds keep the no-break spaces of the web pages they were saved from
NAVIGATION = ["Employers", "Advisors", f"Individuals &{NBSP}Families", "About us", "Login"]
MILU_FOOTER = {
    144: "Solutions",
    146: "For EmployersFor BrokersFor Individuals & Families",
    148: "Company",
    150: f"About usCareersPrivacy PolicyTerms and ConditionsHIPAA{NBSP}Notice of Privacy Practices",
    152: "Members",
    154: "Login",
}
SEED_CASES = {
    "milu-hipaa-npp.txt": {
        "file": "milu-health-hipaa-notice-of-privacy-practices.md",
        "front": "title: Milu Health HIPAA Notice of Privacy Practices\nkind: hipaa-npp\n"
        "effective_date: 2025-07-16\nimported:\n  source: milu-hipaa-npp.txt\n"
        f"  date: {IMPORT_DATE}\n  published: 2025-07-16\n",
        # the site's menu, twice above the title; its footer menus below the contact block
        "dropped": {**dict(enumerate(NAVIGATION * 2, start=1)), **MILU_FOOTER},
    },
    "milu-privacy-policy.txt": {
        "file": "milu-privacy-policy.md",
        "front": "title: Milu Privacy Policy\nkind: privacy-policy\neffective_date: 2024-11-06\n"
        f"imported:\n  source: milu-privacy-policy.txt\n  date: {IMPORT_DATE}\n"
        "  published: 2024-11-06\n",
        "dropped": {},  # saved without the site around it
    },
    "leafpoint-privacy-policy.txt": {
        "file": "privacy-policy.md",
        "front": "title: Privacy Policy\nkind: privacy-policy\neffective_date: 2021-12-31\n"
        f"imported:\n  source: leafpoint-privacy-policy.txt\n  date: {IMPORT_DATE}\n"
        "  published: 2021-12-31\n  updated: 2022-03-15\n",
        "dropped": {1: "top of page", 278: "bottom of page"},
    },
}


def original_words(seed: str, dropped: dict[int, str]) -> list[str]:
    """The seed's words, read independently of the importer: all lines but the dropped ones,
    list markers left out (a built page shows them as bullets, not as text)."""
    lines = (SEEDS / seed).read_text(encoding="utf-8").split("\n")
    for number, text in dropped.items():
        assert lines[number - 1].strip() == text, f"line {number} of {seed} is not {text!r}"
    kept = [BULLET.sub("", line) for n, line in enumerate(lines, 1) if n not in dropped]
    return " ".join(kept).split()


@pytest.fixture
def import_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", IMPORT_EPOCH)


@pytest.mark.parametrize("seed", sorted(SEED_CASES))
def test_seed_imports_builds_and_keeps_every_word(
    seed: str, notice_repo: NoticeRepo, import_date: None
) -> None:
    case = SEED_CASES[seed]
    imported = run_import(notice_repo.path, str(SEEDS / seed))
    assert imported.status == 0, imported.err
    source = (notice_repo.path / "notices" / case["file"]).read_text(encoding="utf-8")
    assert source.startswith(f"---\n{case['front']}---\n\n")
    for number, text in case["dropped"].items():
        assert re.search(rf"^  line +{number}  [^:]+: {re.escape(text)}$", imported.err, re.M)

    notice_repo.commit(f"Import {seed}", IMPORT_DATE)
    built = notice_repo.build(as_of=IMPORT_DATE)
    assert built.status == 0, built.err
    shown = notice_words(built, case["file"].removesuffix(".md") + "/")
    expected = original_words(seed, case["dropped"])
    assert shown == expected, "\n".join(difflib.unified_diff(expected, shown, lineterm="", n=2))


@pytest.mark.parametrize("seed", sorted(SEED_CASES))
def test_seed_drops_exactly_the_reviewed_chrome(seed: str) -> None:
    options = ImportOptions(today=dt.date.fromisoformat(IMPORT_DATE))
    page = import_page((SEEDS / seed).read_bytes(), path=seed, options=options)
    assert {d.line: d.text for d in page.dropped} == SEED_CASES[seed]["dropped"]
