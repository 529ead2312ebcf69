"""The printable document of a version: its header words, links and HTML, without git or PDFs."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from generator.model import Kind, NoticeText, Revision, Status, Version
from generator.printable import (
    PrintableDocument,
    PrintTemplates,
    Variant,
    expand_links,
    print_status,
    printable_version,
)
from generator.templating import package_environment

URL = "https://notices.example.org/npp/2025-01-01/"


def version(
    status: Status,
    *,
    until: dt.date | None = None,
    commits: tuple[str, ...] = ("a" * 40,),
    language: str = "en",
    entity: str = "Example Health Clinic",
) -> Version:
    text = NoticeText(
        title="Notice of Privacy Practices",
        kind=Kind.HIPAA_NPP,
        effective_date=dt.date(2025, 1, 1),
        summary="",
        language=language,
        entity=entity,
        body="Text.",
        body_line=6,
        sha256="0" * 64,
    )
    revisions = tuple(
        Revision(
            "notices/npp.md", "b" * 40, commit, dt.datetime(2024, 12, 10 + i, 9, tzinfo=dt.UTC)
        )
        for i, commit in enumerate(commits)
    )
    return Version("npp", text, revisions, status, in_effect_until=until)


@pytest.mark.parametrize(
    ("status", "until", "words"),
    [
        (Status.CURRENT, None, "In effect since January 1, 2025."),
        (Status.UPCOMING, None, "Upcoming. Takes effect on January 1, 2025."),
        (
            Status.SUPERSEDED,
            dt.date(2025, 9, 1),
            "Superseded. Applied from January 1, 2025 until September 1, 2025, "
            "when a newer version replaced it.",
        ),
        (
            Status.RETIRED,
            dt.date(2025, 3, 1),
            "Withdrawn. Applied from January 1, 2025 until March 1, 2025, "
            "when the notice was withdrawn.",
        ),
        (Status.RETIRED, None, "Withdrawn. This version never took effect."),
    ],
)
def test_status_is_told_in_words_that_stay_true_on_paper(
    status: Status, until: dt.date | None, words: str
) -> None:
    assert print_status(version(status, until=until)) == words


def test_a_draft_says_it_is_not_published() -> None:
    draft = version(Status.UPCOMING, commits=("a" * 40, ""))
    assert print_status(draft) == "Draft, upcoming. Takes effect on January 1, 2025."
    document = printable_version(draft, "<p>Text.</p>", URL)
    assert document.created == dt.datetime(2024, 12, 10, 9, tzinfo=dt.UTC)
    assert document.modified is None  # the clock never enters a PDF


def test_the_document_carries_publication_and_corrections() -> None:
    corrected = version(Status.CURRENT, commits=("a" * 40, "c" * 40))
    document = printable_version(corrected, "<p>Text.</p>", URL)
    assert document.facts == (
        ("Published", "December 10, 2024"),
        ("Corrected", "December 11, 2024 (commit ccccccc)"),
    )
    assert document.subject == "HIPAA Notice of Privacy Practices, effective January 1, 2025"
    assert document.modified == dt.datetime(2024, 12, 11, 9, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("link", "printed"),
    [
        (
            '<a href="https://portal.example.org/requests">our portal</a>',
            " (https://portal.example.org/requests)",
        ),
        ('<a href="../other/">the other notice</a>', " (https://notices.example.org/npp/other/)"),
        ('<a href="mailto:privacy@example.org">write to us</a>', " (privacy@example.org)"),
        ('<a href="tel:+15550100">call us</a>', " (+15550100)"),
        ('<a href="https://example.org/">https://example.org/</a>', ""),
        ('<a href="https://example.org/">example.org</a>', ""),
        ('<a href="mailto:privacy@example.org">privacy@example.org</a>', ""),
        ('<a href="#your-rights">your rights</a>', ""),
    ],
)
def test_links_are_written_out_for_readers_of_paper(link: str, printed: str) -> None:
    expanded = expand_links(f"<p>See {link}.</p>", URL)
    if printed:
        assert expanded == f'<p>See {link}<span class="print-href">{printed}</span>.</p>'
    else:
        assert expanded == f"<p>See {link}.</p>"


def test_relative_links_stay_as_they_are_without_a_site_address() -> None:
    body = '<p><a href="../other/">the other notice</a></p>'
    assert expand_links(body, "npp/2025-01-01/") == body


def test_the_print_page_holds_metadata_language_and_its_stylesheets() -> None:
    document = printable_version(version(Status.CURRENT, language="es"), "<p>Texto.</p>", URL)
    page = PrintTemplates().render(document)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="es" class="print print--standard">' in page
    assert "<title>Notice of Privacy Practices</title>" in page
    assert '<meta name="author" content="Example Health Clinic">' in page
    assert '<meta name="dcterms.created" content="2024-12-10T09:00:00Z">' in page
    assert "@bottom-right" in page and "<p>Texto.</p>" in page
    large = PrintTemplates().render(_large(document))
    assert "print--large-print" in large and "font-size: 18pt" in large


def test_a_site_can_replace_the_print_template(tmp_path: Path) -> None:
    (tmp_path / "notices").mkdir()
    (tmp_path / "notices" / "pdf.html").write_text("<h1>{{ doc.title }} ({{ doc.url }})</h1>\n")
    document = printable_version(version(Status.CURRENT), "<p>Text.</p>", URL)
    templates = PrintTemplates(package_environment((str(tmp_path),)))
    assert templates.render(document) == f"<h1>Notice of Privacy Practices ({URL})</h1>\n"


def _large(document: PrintableDocument) -> PrintableDocument:
    return replace(document, variant=Variant.LARGE_PRINT)


def test_a_body_brings_its_own_stylesheet_between_ours_and_the_sites(tmp_path: Path) -> None:
    (tmp_path / "notices").mkdir()
    (tmp_path / "notices" / "pdf.css").write_text(".site-rule { color: #000; }\n")
    document = printable_version(version(Status.CURRENT), "<p><ins>New</ins></p>", URL)
    document = replace(document, stylesheets=(".redline ins { text-decoration: underline; }",))
    page = PrintTemplates(package_environment((str(tmp_path),))).render(document)
    ours, body, site = (page.index(s) for s in ("@bottom-right", ".redline ins", ".site-rule"))
    assert ours < body < site
