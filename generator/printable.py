"""Printable documents: a version (or any body of HTML) with the header a paper copy needs.

A `PrintableDocument` holds everything a printed copy says about itself: which notice, from
whom, effective when, in what status, at which permanent address. `PrintTemplates` turns it
into one self-contained HTML page (the print template with its stylesheets inlined), which is
all the PDF renderer needs, and whose hash therefore identifies the PDF.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from urllib.parse import urljoin

import jinja2

from .cache import content_hash
from .model import Status, Version
from .pages import format_date
from .templating import package_environment

PACKAGE = Path(__file__).parent
TEMPLATE = "notices/pdf.html"
STYLESHEETS = {"standard": ("pdf.css",), "large-print": ("pdf.css", "pdf-large-print.css")}
SITE_STYLESHEET = "notices/pdf.css"
"""A stylesheet with this path in the site's theme folder (custom_dir) is added after ours."""
LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.DOTALL)
HREF = re.compile(r'\bhref="([^"]*)"')
TAG = re.compile(r"<[^>]+>")


class Variant(StrEnum):
    """The two printed forms of every version."""

    STANDARD = "standard"
    LARGE_PRINT = "large-print"

    @property
    def suffix(self) -> str:
        """What the variant adds to a file name: "" or "-large-print"."""
        return "" if self is Variant.STANDARD else f"-{self.value}"

    @property
    def label(self) -> str:
        return "PDF" if self is Variant.STANDARD else "Large-print PDF"


@dataclass(frozen=True)
class PrintableDocument:
    """A document to print: a header saying exactly which version it is, and a body.

    Nothing in it is specific to notice versions, so a redline prints the same way.
    """

    title: str
    kind: str
    """What the document is, in words ("HIPAA Notice of Privacy Practices")."""
    entity: str
    """Who publishes it; the PDF's author."""
    language: str
    effective_date: dt.date
    status: str
    """The version's status as a sentence ("Applied from July 1, 2024 until ...")."""
    status_label: str
    """A word or two ("Superseded"), printed before `status` and in the running footer of every
    page; empty for the version in effect."""
    url: str
    """The permanent address of what is printed (absolute when the site has an address)."""
    body_html: str
    facts: tuple[tuple[str, str], ...] = ()
    """More lines for the header, as (label, value): publication, corrections."""
    created: dt.datetime | None = None
    modified: dt.datetime | None = None
    variant: Variant = Variant.STANDARD
    stylesheets: tuple[str, ...] = ()
    """CSS of the body's own markup (a redline's marks), after ours and before the site's."""

    @property
    def subject(self) -> str:
        """The PDF's subject: what it is and from when."""
        return f"{self.kind}, effective {format_date(self.effective_date)}"


def printable_version(version: Version, body_html: str, url: str) -> PrintableDocument:
    """The printable form of one version; `url` is its permanent address."""
    text = version.text
    committed = [r for r in version.revisions if not r.is_draft]
    return PrintableDocument(
        title=text.title,
        kind=text.kind.label,
        entity=text.entity,
        language=text.language,
        effective_date=text.effective_date,
        status=describe_status(version),
        status_label=status_label(version),
        url=url,
        body_html=expand_links(body_html, url),
        facts=version_facts(version),
        # Dates come from git, never the clock, so a PDF can be made again byte for byte.
        created=committed[0].committed_at if committed else None,
        modified=committed[-1].committed_at if committed and not version.is_draft else None,
    )


def describe_status(version: Version) -> str:
    """The status of a version as a sentence that stays true on paper, whenever it is read.

    The status word itself (superseded, upcoming...) is `status_label`'s.
    """
    start, until = format_date(version.effective_date), version.in_effect_until
    if version.status is Status.CURRENT:
        return f"In effect since {start}."
    if version.status is Status.UPCOMING:
        return f"Takes effect on {start}."
    if until is None:
        return "This version never took effect."
    cause = (
        "a newer version replaced it"
        if version.status is Status.SUPERSEDED
        else "the notice was withdrawn"
    )
    return f"Applied from {start} until {format_date(until)}, when {cause}."


def status_label(version: Version) -> str:
    """A short status for the footer of every page; empty for the version in effect."""
    labels = {Status.SUPERSEDED: "Superseded", Status.UPCOMING: "Upcoming"}
    label = labels.get(version.status, "Withdrawn" if version.status is Status.RETIRED else "")
    if version.is_draft:
        return f"Draft, {label.lower()}" if label else "Draft"
    return label


def print_status(version: Version) -> str:
    """The status word and sentence together, as a printed page shows them."""
    label = status_label(version)
    return f"{label}. {describe_status(version)}" if label else describe_status(version)


def version_facts(version: Version) -> tuple[tuple[str, str], ...]:
    facts = [("Published", format_date(version.published))]
    for correction in version.corrections:
        where = f"commit {correction.short}" if correction.commit else "not yet committed"
        facts.append(("Corrected", f"{format_date(correction.date)} ({where})"))
    return tuple(facts)


def expand_links(body_html: str, base_url: str) -> str:
    """Write out where each link goes after its text, as a reader of paper cannot follow it.

    Links whose text already says where they go, and links within the page, stay as they are.
    """

    def expand(match: re.Match[str]) -> str:
        href = HREF.search(match.group(1))
        target = html.unescape(href.group(1)) if href else ""
        if not target or target.startswith("#"):
            return match.group(0)
        target = urljoin(base_url, target)
        shown = target.split(":", 1)[1] if target.startswith(("mailto:", "tel:")) else target
        if "://" not in target and ":" not in target:
            return match.group(0)  # a relative address, and no site address to complete it
        words = html.unescape(TAG.sub("", match.group(2))).strip()
        if words.rstrip("/") in (shown.rstrip("/"), shown.split("://", 1)[-1].rstrip("/")):
            return match.group(0)
        return f'{match.group(0)}<span class="print-href"> ({html.escape(shown)})</span>'

    return LINK.sub(expand, body_html)


class PrintTemplates:
    """The print template and stylesheets: ours, or the site's where it overrides them.

    Templates come from `environment`: the front end's (MkDocs' theme environment, in which
    a site's custom_dir comes first), else our own. There, `notices/pdf.html` replaces our
    template, and a `notices/pdf.css` is added after our stylesheets.
    """

    def __init__(
        self, environment: jinja2.Environment | None = None, fingerprint: str = ""
    ) -> None:
        self.environment = environment or package_environment()
        self.site_fingerprint = fingerprint
        """A hash of the site's own templates, when `environment` has them (its custom_dir)."""

    @cached_property
    def fingerprint(self) -> str:
        """What decides how a document prints, besides the document and our package's code:
        the print template and stylesheet as the environment finds them (a site's override
        included), and the site's templates."""
        loader = self.environment.loader
        template = loader.get_source(self.environment, TEMPLATE)[0] if loader else ""
        return content_hash(template, self.site_stylesheet or "", self.site_fingerprint)

    @cached_property
    def site_stylesheet(self) -> str | None:
        """The site's own print stylesheet, when its theme has one."""
        loader = self.environment.loader
        try:  # read as it is: a stylesheet is not a template
            return loader.get_source(self.environment, SITE_STYLESHEET)[0] if loader else None
        except jinja2.TemplateNotFound:
            return None

    def stylesheets(self, variant: Variant, body: tuple[str, ...] = ()) -> list[str]:
        """Ours for `variant`, then the body's own, then the site's, if it has one."""
        sheets = [*(_asset(name) for name in STYLESHEETS[variant]), *body]
        return [*sheets, self.site_stylesheet] if self.site_stylesheet else sheets

    def render(self, document: PrintableDocument) -> str:
        """The document as one HTML page with its stylesheets inlined."""
        template = self.environment.get_template(TEMPLATE)
        page = template.render(
            doc=document,
            stylesheets=self.stylesheets(document.variant, document.stylesheets),
            format_date=format_date,
            w3c_date=w3c_date,
        )
        # Environments differ on trailing newlines: the same page whichever rendered it.
        return page.strip() + "\n"


@functools.cache
def _asset(name: str) -> str:
    return (PACKAGE / "assets" / name).read_text("utf-8")


def w3c_date(moment: dt.datetime) -> str:
    """A date and time as HTML metadata takes it (W3C profile of ISO 8601), in UTC."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
