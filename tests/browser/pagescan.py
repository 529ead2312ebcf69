"""Reading built pages as files: what each one makes a browser load, and its inline code."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

LOADING_LINKS = frozenset(
    {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch"}
    | {"manifest", "apple-touch-icon", "mask-icon"}
)
"""<link rel> values that make a browser fetch (or connect to) the address."""

SOURCE_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


class _LoadFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "link" and LOADING_LINKS & set(found.get("rel", "").lower().split()):
            self.loads.append(found.get("href", ""))
        for name in SOURCE_ATTRIBUTES.get(tag, ()):
            if name in found:
                self.loads.extend(_srcset(found[name]) if name == "srcset" else [found[name]])
        self.loads.extend(css_urls(found.get("style", "")))
        self.in_style = tag == "style"

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.loads.extend(css_urls(data))

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False


def _srcset(value: str) -> list[str]:
    return [part.split()[0] for part in value.split(",") if part.strip()]


def css_urls(css: str) -> list[str]:
    """Every address a stylesheet (or style attribute) loads: url(...) and @import."""
    return [first or second for first, second in CSS_URL.findall(css)]


def page_loads(html: str) -> list[str]:
    """Every address a page makes the browser load: scripts, styles, fonts, images, frames."""
    finder = _LoadFinder()
    finder.feed(html)
    finder.close()
    return finder.loads


def is_third_party(url: str, own_host: str) -> bool:
    """Whether loading `url` from a page of the site would contact another host."""
    parts = urlsplit(url.strip())
    if parts.scheme in ("data", "blob"):
        return False
    return bool(parts.scheme or parts.netloc) and parts.hostname != own_host


def built_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))
