"""PDF rendering, and the only module that imports WeasyPrint.

It takes one self-contained HTML page (see printable.py) and returns the bytes of a tagged
PDF (PDF/UA-1) with embedded font subsets and selectable text. The same page always gives the
same bytes: the dates in the metadata come from the page, never from the clock, and the file
identifier is a hash of the page.
"""

from __future__ import annotations

import hashlib

from weasyprint import HTML, URLFetcher

PDF_VARIANT = "pdf/ua-1"
"""Tagged for accessibility: structure, language and title as PDF/UA-1 asks."""


def render_pdf(page: str, base_url: str | None = None) -> bytes:
    """The PDF of `page`; `base_url` completes the relative links in it.

    Nothing is fetched from the network or disk: a page gets only what it holds inline (its
    stylesheets, data: images), so a build cannot depend on what a server said that day.
    """
    fetcher = URLFetcher(allowed_protocols={"data"})
    document = HTML(string=page, base_url=base_url, url_fetcher=fetcher)
    identifier = hashlib.sha256(page.encode("utf-8")).hexdigest()[:32]
    return bytes(
        document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=identifier.encode("ascii"))
    )
