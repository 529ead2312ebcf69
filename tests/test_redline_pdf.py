"""PDFs of redlines: each version against the one before it and against the current one."""

from __future__ import annotations

import io

from conftest import MKDOCS_YML, NoticeRepo, notice_source
from pypdf import PdfReader


def test_printed_redlines_are_the_consecutive_ones_and_those_against_the_current(
    notice_repo: NoticeRepo,
) -> None:
    (notice_repo.path / "mkdocs.yml").write_text(MKDOCS_YML.replace("pdf: false", "pdf: true"))
    texts = ["We keep your records.", "We keep your records safe.", "We guard your records."]
    for date, text, published in zip(
        ["2024-01-01", "2025-01-01", "2025-09-01"],
        texts,
        ["2023-12-01", "2024-12-01", "2025-05-01"],
        strict=True,
    ):
        notice_repo.write("npp.md", notice_source(effective=date, body=f"## Records\n\n{text}\n"))
        notice_repo.commit(f"Version of {date}", published)
    built = notice_repo.build(as_of="2025-06-01")
    assert built.status == 0, built.err
    changes = built.site / "npp" / "changes"
    pdfs = sorted(p.relative_to(changes).as_posix() for p in changes.rglob("*.pdf"))
    assert pdfs == [
        "2024-01-01-to-2025-01-01/npp-changes-2024-01-01-to-2025-01-01.pdf",
        "2025-01-01-to-2025-09-01/npp-changes-2025-01-01-to-2025-09-01.pdf",
    ]
    page = built.page("npp/changes/2024-01-01-to-2025-01-01")
    assert 'href="npp-changes-2024-01-01-to-2025-01-01.pdf"' in page
    assert ".pdf" not in built.page("npp/changes/2024-01-01-to-2025-09-01").split("notices.css")[1]
    redlines = built.manifest()["notices"][0]["versions"][1]["redlines"]
    assert redlines[0]["pdf"] == (
        "https://notices.example.org/npp/changes/2024-01-01-to-2025-01-01/"
        "npp-changes-2024-01-01-to-2025-01-01.pdf"
    )

    reader = PdfReader(io.BytesIO((changes / pdfs[1]).read_bytes()))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert reader.metadata is not None
    assert reader.metadata.title == (
        "Notice of Privacy Practices: changes from January 1, 2025 to September 1, 2025"
    )
    assert "Page 1 of 1" in text
    # Both texts' words, in reading order; the marks (strike-through, underline) are drawn.
    assert "We keep guard your records safe." in text
    assert "What changed: 1 word added, 2 words deleted" in text


def test_a_build_that_fails_while_pdfs_are_made_stops_them_and_keeps_the_old_site(
    notice_repo: NoticeRepo,
) -> None:
    config = MKDOCS_YML.replace("pdf: false", "pdf: true").replace(
        "  font: false\n", "  font: false\n  custom_dir: overrides\n"
    )
    (notice_repo.path / "mkdocs.yml").write_text(config)
    (notice_repo.path / "overrides").mkdir()
    notice_repo.write("npp.md", notice_source(effective="2024-01-01"))
    notice_repo.commit("Publish", "2023-12-01")
    good = notice_repo.build(as_of="2025-06-01")
    assert good.status == 0, good.err
    home = (good.site / "index.html").read_text()
    broken = notice_repo.path / "overrides" / "notices"
    broken.mkdir()
    (broken / "history.html").write_text(
        "{% extends 'notices/page.html' %}{% block content %}{{ x("
    )
    notice_repo.write("npp.md", notice_source(effective="2025-01-01", body="## New\n\nText.\n"))
    notice_repo.commit("Second version", "2024-12-01")
    failed = notice_repo.build(as_of="2025-06-01")
    assert failed.status == 1
    assert failed.err.endswith(
        f"error: {broken / 'history.html'}, line 1: the template cannot be read: unexpected "
        "'end of template'.\n  How to fix: correct the template in your theme's custom_dir, or "
        "remove it to use the default one.\n"
    )
    assert (failed.site / "index.html").read_text() == home
    assert [p.name for p in notice_repo.path.iterdir() if p.name.startswith(".site")] == []
