"""One site build without the front end: the archive, its pages, their data, and the outputs."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from pathlib import Path
from typing import Any

import jinja2

from . import pages as links
from . import redline_pages
from .applied import ON_DATE_SCRIPT, plan_on_date_pages
from .archive import load_archive
from .cache import BuildCache
from .checklists import SiteValidation, ValidationOptions, check_site
from .errors import NoticeError
from .feeds import Feed, FeedLink, build_feeds, write_feeds
from .manifest import build_manifest, dump_manifest
from .model import Archive, Version
from .pages import PageSpec, format_date, plan_pages
from .pdf_files import (
    Beside,
    PdfReport,
    cached_or_rendered,
    document_job,
    pdf_job,
    pdf_path,
    site_pdf_jobs,
    write_pdfs,
)
from .printable import PrintTemplates, Variant, print_status
from .redirects import former_addresses
from .render import RenderedBody, TocEntry, render_version
from .templating import package_environment

PACKAGE = Path(__file__).parent
STYLESHEET = "assets/notices/notices.css"
PRINT_STYLESHEET = "assets/notices/print.css"
ACCESS_STYLESHEET = "assets/notices/access.css"
ACCESS_SCRIPT = "assets/notices/access.js"
SKIP_TARGET = "__content"
"""Id of the element where every page's "Skip to content" link lands: before any banner."""
REDLINE_ASSETS = ("redline.css", "redline.js")


@dataclass
class SiteBuild:
    """Everything one build of the site needs and makes, in the order a front end asks for it."""

    notices_path: Path
    build_date: dt.date
    cache_dir: Path | None
    include_drafts: bool = False
    site_url: str = ""
    site_name: str = ""
    temporary_site_dir: str | None = None
    pdfs: bool = True
    published_url: str | None = None
    """The site's own address, printed on copies, when it is served elsewhere (the preview)."""
    pdf_workers: int = 0
    """Processes rendering PDFs; 0 for one per core."""
    pdf_report: PdfReport | None = None
    pdfs_beside: Beside[PdfReport] | None = None
    skipped: list[NoticeError] = field(default_factory=list)
    bodies: dict[tuple[str, str], RenderedBody] = field(default_factory=dict)
    validation_options: ValidationOptions = field(default_factory=ValidationOptions)
    validation: SiteValidation = field(default_factory=SiteValidation)
    warnings: list[str] = field(default_factory=list)
    """Problems that do not stop the build, for the front end to show."""
    shared_nav: dict[str, str] = field(default_factory=dict)
    """Navigation HTML by folder, for the pages outside the navigation (see page.html)."""
    pruned: int = 0
    """Cache entries removed at the end of the build, unused for cache.UNUSED_DAYS."""
    theme_fingerprint: str = ""
    """A hash of the site's own templates (its theme's custom_dir), part of the keys of what
    is rendered through them and cached."""

    @cached_property
    def templates(self) -> jinja2.Environment:
        """Templates for files that are not pages; the front end may give its theme's."""
        return package_environment()

    @cached_property
    def cache(self) -> BuildCache:
        return BuildCache(self.cache_dir)

    @cached_property
    def redlines(self) -> redline_pages.Redlines:
        return redline_pages.Redlines(
            self.render, self.cache, lambda: self.templates, lambda: self.theme_fingerprint
        )

    @cached_property
    def archive(self) -> Archive:
        archive, self.skipped = load_archive(
            self.notices_path,
            self.build_date,
            cache=self.cache,
            include_drafts=self.include_drafts,
        )
        return archive

    @property
    def git_dir(self) -> Path | None:
        for folder in (self.notices_path.resolve(), *self.notices_path.resolve().parents):
            if (folder / ".git").is_dir():
                return folder / ".git"
        return None

    def render_bodies(self) -> None:
        """Render every version's body: a bad notice stops the build before anything else."""
        for notice in self.archive.notices:
            for version in notice.versions:
                self.render(version)

    def plan(self) -> list[PageSpec]:
        """All pages, with every body rendered first, so a bad notice stops the build early.

        Each feature (redlines, checklists...) adds its pages here.
        """
        self.render_bodies()
        pages = plan_pages(self.archive, self.render)
        pages.extend(plan_on_date_pages(self.archive))
        pages += redline_pages.plan_redline_pages(self.archive, self.redlines, self.pdfs)
        self.validation = check_site(self.archive, self.cache, self.validation_options, self.render)
        self.warnings.extend(self.validation.warnings)
        pages.extend(self.validation.pages)
        return pages

    def version_fields(self, version: Version, absolute: Callable[[str], str]) -> dict[str, Any]:
        """What the site offers for a version beyond its page, for notices.json.

        Each feature (redlines, PDFs...) adds its fields here.
        """
        fields: dict[str, Any] = {}
        if self.pdfs:
            fields["pdf"] = absolute(pdf_path(version))
            fields["pdf_large_print"] = absolute(pdf_path(version, Variant.LARGE_PRINT))
        fields |= redline_pages.redline_fields(
            version, absolute, self.archive, self.redlines, self.pdfs
        )
        return fields

    def pdf_url(self, version: Version, large_print: bool = False) -> str:
        """The site path of a version's PDF (templates get it only when the site makes PDFs)."""
        return pdf_path(version, Variant.LARGE_PRINT if large_print else Variant.STANDARD)

    def feed_links(self, version: Version) -> list[FeedLink]:
        """Links of a version's feed entry beyond the version's page, as site-relative paths.

        Each feature adds its links here: the redline against the previous version as
        FeedLink("related", <redline path>, "What changed since the version of ..."), a PDF as
        FeedLink("enclosure", <pdf path>, "PDF copy", "application/pdf").
        """
        links: list[FeedLink] = []
        notice = self.archive.notice(version.slug)
        previous = (
            notice.version(version.previous_date.isoformat())
            if notice and version.previous_date
            else None
        )
        if previous is not None:
            since = format_date(previous.effective_date)
            links.append(
                FeedLink(
                    "related",
                    redline_pages.redline_url(previous, version),
                    f"What changed since the version of {since}",
                )
            )
        if self.pdfs:
            links.append(FeedLink("enclosure", pdf_path(version), "PDF copy", "application/pdf"))
        return links

    def feeds(self) -> list[Feed]:
        """The Atom feeds: the site's, then one per notice."""
        return build_feeds(
            self.archive, site_url=self.site_url, site_name=self.site_name, links=self.feed_links
        )

    def render(self, version: Version) -> RenderedBody:
        key = (version.slug, version.key)
        if key not in self.bodies:
            self.bodies[key] = render_version(version, self.cache)
        return self.bodies[key]

    def nav(self) -> list[Any]:
        """Site navigation: the home page and each active notice with its history, nothing older."""
        items: list[Any] = [{"Home": "index.md"}]
        for notice in self.archive.notices:
            if not notice.is_retired:
                items.append(
                    {
                        notice.title: [
                            {"Current notice": links.notice_url(notice) + "index.md"},
                            {"Version history": links.history_url(notice) + "index.md"},
                        ]
                    }
                )
        return items

    def static_files(self) -> dict[str, bytes]:
        assets = PACKAGE / "assets"
        files = {
            STYLESHEET: (assets / "notices.css").read_bytes(),
            PRINT_STYLESHEET: (assets / "print.css").read_bytes(),
            ON_DATE_SCRIPT: (assets / "on-date.js").read_bytes(),
            ACCESS_STYLESHEET: (assets / "access.css").read_bytes(),
            ACCESS_SCRIPT: (assets / "access.js").read_bytes(),
        }
        for name in REDLINE_ASSETS:
            files[f"assets/notices/{name}"] = (PACKAGE / "assets" / name).read_bytes()
        return files

    def template_context(self, spec: PageSpec) -> dict[str, Any]:
        """What the notice templates read: the page, its notice and version, and helpers."""
        return {
            "page": spec,
            "archive": self.archive,
            "notice": spec.notice,
            "version": spec.version,
            "build_date": self.build_date,
            "is_preview": self.include_drafts,
            "links": links,
            "redlines": redline_pages,
            "format_date": format_date,
            "status_labels": links.STATUS_LABELS,
            "pdf_url": self.pdf_url if self.pdfs else None,
            "print_status": print_status,
            "checklists": self.validation,
            "shared_nav": self.shared_nav,
        }

    def work_done(self) -> str:
        """What this build made and what it reused from the cache, kind by kind."""
        kinds = sorted({kind for kind, _ in self.cache.counts})
        work = [
            f"{kind}: made {self.cache.misses(kind)}, reused {self.cache.hits(kind)}"
            for kind in kinds
        ]
        if self.pdf_report is not None and self.pdf_report.rendered:
            report = self.pdf_report
            work.append(
                f"PDF rendering: {report.render_seconds:.1f} s of CPU in {report.seconds:.1f} s "
                f"on {report.workers} workers of at most {report.worker_mib:.0f} MiB"
            )
        return "; ".join(work)

    def start_pdfs(self, site_dir: Path) -> None:
        """Begin putting the PDFs into `site_dir` while the front end builds the pages.

        Their workers use the cores the page build leaves free; write_outputs collects them.
        """
        if self.pdfs and self.pdfs_beside is None:
            self.pdfs_beside = Beside(lambda stopped: self.write_pdfs(site_dir, stopped))

    def stop(self) -> None:
        """The build failed: stop what runs beside it."""
        if self.pdfs_beside is not None:
            self.pdfs_beside.stop()

    def write_outputs(self, site_dir: Path) -> None:
        """Files beside the pages: PDFs, manifest, feeds, redirects (each feature adds its own)."""
        if self.pdfs:
            self.start_pdfs(site_dir)
            assert self.pdfs_beside is not None  # start_pdfs made it
            self.pdf_report = self.pdfs_beside.result()
        manifest = build_manifest(self.archive, self.site_url, self.version_fields)
        (site_dir / "notices.json").write_text(dump_manifest(manifest), encoding="utf-8")
        write_feeds(self.feeds(), site_dir, self.templates)
        self.write_redirects(site_dir)
        self.pruned = self.cache.prune()

    def write_redirects(self, site_dir: Path) -> None:
        """A page at each former address of a renamed notice, pointing to where it moved."""
        template = self.templates.get_template("notices/redirect.html")
        for old, new in former_addresses(self.archive).items():
            depth = old.count("/")
            target = "../" * depth + new
            page = site_dir / old / "index.html"
            if not page.exists():
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_text(template.render(target=target), encoding="utf-8")

    def write_pdfs(self, site_dir: Path, stopped: threading.Event | None = None) -> PdfReport:
        """A PDF and a large-print PDF of every version, and a PDF of each printed redline,
        rendered only when not in the cache."""
        site_url = self.published_url or self.site_url
        templates = PrintTemplates(self.templates, self.theme_fingerprint)
        jobs = site_pdf_jobs(
            self.archive,
            lambda version: self.render(version).html,
            templates=templates,
            cache=self.cache,
            site_url=site_url,
        )
        redline_jobs = (
            document_job(make(), path, templates=templates, cache=self.cache)
            for path, make in redline_pages.redline_documents(self.archive, self.redlines, site_url)
        )
        return write_pdfs(
            chain(jobs, redline_jobs), self.cache, site_dir, self.pdf_workers, stopped
        )

    def pdf_of(self, version: Version, variant: Variant = Variant.STANDARD) -> bytes:
        """One version's PDF, the same bytes as in the site: from the cache, or rendered now."""
        job = pdf_job(
            version,
            variant,
            self.render(version).html,
            templates=PrintTemplates(self.templates, self.theme_fingerprint),
            cache=self.cache,
            site_url=self.published_url or self.site_url,
        )
        return cached_or_rendered(job, self.cache)


def page_toc_tokens(spec: PageSpec, body: RenderedBody) -> list[dict[str, Any]]:
    """A page's table of contents: the page itself, where the skip link lands, then its headings.

    The theme shows only the headings, and writes a "Skip to content" link to the first entry:
    on every page, to the top of the page's own content, before any status banner.
    """
    children = [toc_token(entry) for entry in body.toc]
    return [{"level": 1, "id": SKIP_TARGET, "name": spec.title, "children": children}]


def toc_token(entry: TocEntry) -> dict[str, Any]:
    """A heading in the form MkDocs' table of contents takes."""
    return {
        "level": entry.level,
        "id": entry.id,
        "name": entry.name,
        "children": [toc_token(child) for child in entry.children],
    }
