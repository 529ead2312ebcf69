"""PDFs of every version: read back with pypdf as a reader's PDF viewer would show them."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import MKDOCS_YML, Built, NoticeRepo, notice_source, run_build
from pypdf import PdfReader

import generator.cache as cache_module
from generator import pdf_files
from generator.cli import main as notices_main
from generator.site import SiteBuild
from generator.templating import package_environment

AS_OF = "2025-06-01"
ENTITY = "entity:\n  name: Example Health Clinic\n  type: health-care-provider"
FIRST, SECOND = "npp/2024-01-01/npp-2024-01-01", "npp/2025-01-01/npp-2025-01-01"
REDLINE = "npp/changes/2024-01-01-to-2025-01-01/npp-changes-2024-01-01-to-2025-01-01.pdf"
ALL_PDFS = [
    *(f"{name}{variant}.pdf" for name in (FIRST, SECOND) for variant in ("", "-large-print")),
    REDLINE,
]
"""Both versions in two variants, and the redline between them."""


def long_body(words: str) -> str:
    """A notice body long enough to fill several printed pages."""
    sections = []
    for number in range(1, 13):
        paragraph = f"We {words} your health information in case {number}. " * 12
        sections.append(f"## Section {number}\n\n{paragraph}\n\n- A first point.\n- Another.\n")
    return "\n".join(sections)


def with_pdfs(repo: NoticeRepo) -> NoticeRepo:
    (repo.path / "mkdocs.yml").write_text(MKDOCS_YML.replace("pdf: false", "pdf: true"))
    return repo


def publish_two_versions(repo: NoticeRepo) -> None:
    """As of AS_OF: the version of 2024-01-01 superseded; that of 2025-01-01 current, corrected."""
    repo.write(
        "npp.md", notice_source(effective="2024-01-01", body=long_body("protect"), extra=ENTITY)
    )
    repo.commit("Publish", "2023-12-01")
    repo.write(
        "npp.md", notice_source(effective="2025-01-01", body=long_body("guard"), extra=ENTITY)
    )
    repo.commit("Second version", "2024-12-10")
    repo.write(
        "npp.md", notice_source(effective="2025-01-01", body=long_body("keep"), extra=ENTITY)
    )
    repo.commit("Fix a word", "2025-02-03T15:30:00+00:00")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """One built site with PDFs, shared by the tests that only read it."""
    repo = with_pdfs(NoticeRepo(tmp_path_factory.mktemp("pdf") / "repo"))
    publish_two_versions(repo)
    patch = pytest.MonkeyPatch()
    patch.delenv("SOURCE_DATE_EPOCH", raising=False)
    patch.delenv("NOTICES_AS_OF", raising=False)
    built = repo.build(as_of=AS_OF)
    assert built.status == 0, built.err
    yield built
    patch.undo()


def pdf(built: Built, name: str, variant: str = "") -> PdfReader:
    return PdfReader(built.site / f"{name}{variant}.pdf")


def font_sizes(reader: PdfReader) -> set[float]:
    """The size, in points, of every piece of text drawn on every page."""
    sizes: set[float] = set()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes.add(round(size * abs(tm[3]) * abs(cm[3]), 1))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_each_version_has_a_pdf_and_a_large_print_pdf_offered_on_its_pages(site: Built) -> None:
    for name in (FIRST, SECOND):
        for variant in ("", "-large-print"):
            assert (site.site / f"{name}{variant}.pdf").read_bytes().startswith(b"%PDF-1.7")
    version_page = site.page("npp/2024-01-01")
    assert 'href="npp-2024-01-01.pdf"' in version_page
    assert 'href="npp-2024-01-01-large-print.pdf"' in version_page
    assert "Download PDF of the version effective January 1, 2024" in site.text("npp/2024-01-01")
    assert 'href="2025-01-01/npp-2025-01-01.pdf"' in site.page("npp")
    history = site.page("npp/history")
    assert 'href="../2024-01-01/npp-2024-01-01.pdf"' in history
    assert 'href="../2025-01-01/npp-2025-01-01-large-print.pdf"' in history
    feed = (site.site / "feed.xml").read_text(encoding="utf-8")
    assert (
        f'<link rel="enclosure" type="application/pdf" '
        f'href="https://notices.example.org/{FIRST}.pdf" title="PDF copy"/>' in feed
    )
    versions = site.manifest()["notices"][0]["versions"]
    assert versions[0]["pdf"] == f"https://notices.example.org/{FIRST}.pdf"
    assert versions[1]["pdf_large_print"] == f"https://notices.example.org/{SECOND}-large-print.pdf"


@pytest.mark.parametrize("variant", ["", "-large-print"])
def test_every_page_says_which_notice_and_version_it_is_and_counts_pages(
    site: Built, variant: str
) -> None:
    reader = pdf(site, SECOND, variant)
    total = len(reader.pages)
    assert total >= 3 if variant else total >= 2
    for number, page in enumerate(reader.pages, start=1):
        text = " ".join(page.extract_text().split())
        assert "Notice of Privacy Practices" in text
        assert "Effective January 1, 2025" in text
        assert f"Page {number} of {total}" in text
        assert "Superseded" not in text


def test_a_superseded_version_says_so_on_every_page(site: Built) -> None:
    reader = pdf(site, FIRST)
    first = " ".join(reader.pages[0].extract_text().split())
    assert "Example Health Clinic Notice of Privacy Practices" in first
    assert (
        "Effective January 1, 2024 Superseded. Applied from January 1, 2024 until January 1, "
        "2025, when a newer version replaced it." in first
    )
    assert "Permanent address: https://notices.example.org/npp/2024-01-01/" in first
    for page in reader.pages:
        assert "Effective January 1, 2024 • Superseded" in page.extract_text()


def test_the_header_of_the_current_version_tells_its_publication_and_correction(
    site: Built,
) -> None:
    first = " ".join(pdf(site, SECOND).pages[0].extract_text().split())
    assert "Effective January 1, 2025 In effect since January 1, 2025." in first
    assert "Published: December 10, 2024" in first
    assert re.search(r"Corrected: February 3, 2025 \(commit [0-9a-f]{7}\)", first)
    assert "We keep your health information in case 1." in first


def test_metadata_comes_from_the_version(site: Built) -> None:
    reader = pdf(site, SECOND)
    info = reader.metadata
    assert info is not None
    assert info.title == "Notice of Privacy Practices"
    assert info.author == "Example Health Clinic"
    assert info.subject == "HIPAA Notice of Privacy Practices, effective January 1, 2025"
    assert info["/CreationDate"] == "D:20241210100000Z"  # the publishing commit
    assert info["/ModDate"] == "D:20250203153000Z"  # the correcting commit
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en"


def test_pdfs_are_tagged_with_embedded_fonts(site: Built) -> None:
    reader = pdf(site, SECOND)
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]
    xmp = catalog["/Metadata"].get_object().get_data()
    assert b"pdfuaid:part" in xmp
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[font["/BaseFont"]] = "/FontFile2" in descriptor
    assert fonts and all(fonts.values()), fonts
    assert all(re.fullmatch(r"/[A-Z]{6}\+Liberation-Sans.*", name) for name in fonts)


def test_text_is_11_pt_or_more_and_18_pt_or_more_in_large_print(site: Built) -> None:
    assert min(font_sizes(pdf(site, SECOND))) >= 11
    large = font_sizes(pdf(site, SECOND, "-large-print"))
    assert min(large) >= 18
    assert 18 in large  # the body text


def test_a_second_build_reuses_every_pdf(site: Built) -> None:
    names = [f"{n}{v}.pdf" for n in (FIRST, SECOND) for v in ("", "-large-print")]
    before = {name: (site.site / name).stat().st_ino for name in names}
    contents = {name: (site.site / name).read_bytes() for name in names}
    again = run_build(site.site.parent, as_of=AS_OF)
    assert again.status == 0, again.err
    # Each PDF is a link to the same file in the cache: none was rendered again.
    assert {name: (again.site / name).stat().st_ino for name in names} == before
    assert {name: (again.site / name).read_bytes() for name in names} == contents
    assert oct((again.site / names[0]).stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def test_the_same_version_gives_the_same_bytes_with_or_without_a_cache(
    site: Built, tmp_path: Path
) -> None:
    build = SiteBuild(
        notices_path=site.site.parent / "notices",
        build_date=dt.date.fromisoformat(AS_OF),
        cache_dir=None,
        site_url="https://notices.example.org/",
        pdf_workers=1,  # rendered here, where the site's were rendered by worker processes
    )
    build.write_outputs(tmp_path)
    assert build.pdf_report is not None
    assert (build.pdf_report.rendered, build.pdf_report.reused) == (len(ALL_PDFS), 0)
    for path in ALL_PDFS:
        assert (tmp_path / path).read_bytes() == (site.site / path).read_bytes()


def test_workers_retiring_after_each_pdf_hand_over_without_losing_one(
    site: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_files, "PDFS_PER_WORKER", 1)  # a large site's turnover, in miniature
    build = SiteBuild(
        notices_path=site.site.parent / "notices",
        build_date=dt.date.fromisoformat(AS_OF),
        cache_dir=None,
        site_url="https://notices.example.org/",
        pdf_workers=2,
    )
    build.write_outputs(tmp_path)
    report = build.pdf_report
    assert report is not None and (report.rendered, report.workers) == (len(ALL_PDFS), 2)
    for path in ALL_PDFS:
        assert (tmp_path / path).read_bytes() == (site.site / path).read_bytes()
    assert 50 < report.worker_mib < 1024  # WeasyPrint and its fonts, read from the workers


def test_a_changed_notice_renders_only_its_own_pdfs(
    notice_repo: NoticeRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notice_repo.write("npp.md", notice_source(effective="2024-01-01"))
    notice_repo.write("policy.md", notice_source(title="Policy", kind="privacy-policy"))
    notice_repo.commit("Publish", "2023-12-01")

    def build(folder: str) -> tuple[int, int]:
        site = SiteBuild(notice_repo.path / "notices", dt.date(2025, 6, 1), tmp_path / "cache")
        site.write_outputs(tmp_path / folder)
        assert site.pdf_report is not None
        return site.pdf_report.rendered, site.pdf_report.reused

    assert build("first") == (4, 0)
    notice_repo.write(
        "policy.md", notice_source(title="Policy", kind="privacy-policy", body="New.")
    )
    notice_repo.commit("Correct the policy", "2025-02-01")
    assert build("second") == (2, 2)
    assert build("third") == (0, 4)
    # New code that prints the same pages (here: a different code fingerprint) keeps the PDFs.
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "another version of the code")
    assert build("fourth") == (0, 4)


def test_a_site_stylesheet_restyles_the_pdf(site: Built, tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    (overrides / "notices").mkdir(parents=True)
    (overrides / "notices" / "pdf.css").write_text(".print-kind { display: none; }\n")
    build = SiteBuild(
        notices_path=site.site.parent / "notices",
        build_date=dt.date.fromisoformat(AS_OF),
        cache_dir=site.site.parent / ".cache" / "notices",
        site_url="https://notices.example.org/",
    )
    build.templates = package_environment((str(overrides),))
    version = build.archive.notices[0].versions[1]
    restyled = PdfReader(io.BytesIO(build.pdf_of(version))).pages[0].extract_text()
    assert "HIPAA Notice of Privacy Practices" not in restyled
    assert "HIPAA Notice of Privacy Practices" in pdf(site, SECOND).pages[0].extract_text()


def notices_pdf(site: Built, cwd: Path, *args: str) -> tuple[int, str]:
    err = io.StringIO()
    here = Path.cwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stderr(err):
            status = notices_main(
                ["pdf", *args, "-f", str(site.site.parent / "mkdocs.yml"), "--as-of", AS_OF]
            )
    finally:
        os.chdir(here)
    return status, err.getvalue()


def test_notices_pdf_writes_the_sites_pdf_and_never_overwrites(site: Built, tmp_path: Path) -> None:
    status, err = notices_pdf(site, tmp_path, "npp@2024-01-01")
    assert status == 0, err
    assert err.startswith("Wrote npp-2024-01-01.pdf (PDF, ")
    written = tmp_path / "npp-2024-01-01.pdf"
    assert written.read_bytes() == (site.site / f"{FIRST}.pdf").read_bytes()

    written.write_bytes(b"a letter already addressed")
    status, err = notices_pdf(site, tmp_path, "npp@2024-01-01")
    assert status == 2
    assert err == (
        "error: npp-2024-01-01.pdf already exists.\n"
        "  How to fix: choose another file with -o FILE, or add --force to replace it.\n"
    )
    assert written.read_bytes() == b"a letter already addressed"

    status, err = notices_pdf(site, tmp_path, "npp@2024-01-01", "--force")
    assert status == 0, err
    assert written.read_bytes() == (site.site / f"{FIRST}.pdf").read_bytes()


def test_notices_pdf_without_a_date_writes_the_version_in_effect(
    site: Built, tmp_path: Path
) -> None:
    status, err = notices_pdf(site, tmp_path, "npp", "--large-print", "-o", "mail")
    assert status == 0, err
    assert err.startswith("Wrote mail (Large-print PDF, ")
    expected = (site.site / f"{SECOND}-large-print.pdf").read_bytes()
    assert (tmp_path / "mail").read_bytes() == expected


def test_notices_pdf_names_what_exists_when_the_version_does_not(
    site: Built, tmp_path: Path
) -> None:
    assert notices_pdf(site, tmp_path, "privacy") == (
        2,
        "error: there is no notice 'privacy'. The notices are: npp.\n"
        "  How to fix: give a notice's name (its file name without .md), like npp.\n",
    )
    assert notices_pdf(site, tmp_path, "npp@2024-02-30") == (
        2,
        "error: the notice 'npp' has no version effective 2024-02-30. "
        "Its versions are effective 2024-01-01 and 2025-01-01.\n"
        "  How to fix: give one of those dates, like npp@2025-01-01, "
        "or just npp for the version in effect.\n",
    )
    assert list(tmp_path.iterdir()) == []


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_a_site_without_pdfs_offers_none(notice_repo: NoticeRepo) -> None:
    notice_repo.write("npp.md", notice_source(effective="2024-01-01"))
    notice_repo.commit("Publish", "2023-12-01")
    built = notice_repo.build()  # the tests' mkdocs.yml says pdf: false
    assert built.status == 0, built.err
    assert list(built.site.rglob("*.pdf")) == []
    assert "Download PDF" not in built.text("npp/2024-01-01")
    assert "Printable copy" not in built.text("npp/history")
    assert "pdf" not in built.manifest()["notices"][0]["versions"][0]


def test_the_preview_prints_the_sites_own_address_and_reuses_the_pdfs(
    site: Built, tmp_path: Path
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(site.site.parent / "mkdocs.yml"), site_dir=str(tmp_path / "preview"))
    config.plugins["privacy-notices"].config.as_of = AS_OF
    config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = "http://127.0.0.1:8000/"  # what `mkdocs serve` does
    build(config, serve_url=config.site_url)
    preview = tmp_path / "preview" / f"{FIRST}.pdf"
    assert preview.stat().st_ino == (site.site / f"{FIRST}.pdf").stat().st_ino
    text = PdfReader(preview).pages[0].extract_text()
    assert "https://notices.example.org/npp/2024-01-01/" in text
