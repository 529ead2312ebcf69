"""The readers' privacy: a Content-Security-Policy that lets a page run only the site's own code.

The policy allows scripts, styles, fonts and images from the site itself and nothing from
another host. The theme writes a few small scripts into every page (mkdocs-material keeps its
settings helpers and the colour palette that way); rather than allow inline script, the policy
names each of those scripts by the SHA-256 of its text, taken from the theme's own templates
as the page is rendered. Script in a notice's text (which the build refuses anyway) or injected
by anyone else has another hash, and the browser will not run it.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

EXECUTABLE_SCRIPT_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
"""Script types a browser runs; others (application/json settings) are data, not code."""

DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
"""The policy before hashes: everything from the site's own host, nothing from any other.

data: images are the theme's icons, written into its stylesheet. frame-ancestors and
report-uri are left out: browsers ignore them in a <meta> policy, and say so in the console.
"""


def content_security_policy(theme_markup: str) -> str:
    """The policy for a page whose theme writes the inline scripts and styles in `theme_markup`.

    `theme_markup` is HTML rendered from the theme's templates (never a notice's text): each
    inline <script> that a browser would run, and each <style>, is allowed by its hash.
    """
    scripts, styles = inline_code(theme_markup)
    extra = {"script-src": scripts, "style-src": styles}
    parts = []
    for name, sources in DIRECTIVES:
        hashes = [source_hash(code) for code in dict.fromkeys(extra.get(name, []))]
        parts.append(" ".join([name, sources, *hashes]))
    return "; ".join(parts)


def source_hash(code: str) -> str:
    """The CSP source expression that allows exactly this inline code: 'sha256-...'."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_code(markup: str) -> tuple[list[str], list[str]]:
    """The text of each inline script a browser would run, and of each <style>, in order."""
    finder = _InlineCodeFinder()
    finder.feed(markup)
    finder.close()
    return finder.scripts, finder.styles


class _InlineCodeFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.open: list[str] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "style":
            self.open, self.text = self.styles, []
        elif tag == "script" and "src" not in found:
            kind = (found.get("type") or "").strip().lower()
            if kind in EXECUTABLE_SCRIPT_TYPES:
                self.open, self.text = self.scripts, []

    def handle_data(self, data: str) -> None:
        if self.open is not None:
            self.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self.open is not None and tag in ("script", "style"):
            # The hash is of the exact characters between the tags, as the browser reads them.
            self.open.append("".join(self.text))
            self.open = None
