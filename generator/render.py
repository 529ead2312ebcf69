"""Markdown to HTML for a notice body, refusing markup that could run script."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import markdown

from .cache import BuildCache
from .errors import NoticeError
from .model import Version

MARKDOWN_EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "sane_lists",
    "tables",
    "toc",
]
EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {
    "toc": {"permalink": True, "permalink_title": "Link to this section"},
    "footnotes": {"BACKLINK_TITLE": "Back to the text of note %d"},
}
UNSAFE_TAGS = frozenset(
    {
        *("script", "style", "iframe", "frame", "frameset", "object", "embed", "applet"),
        *("base", "link", "meta", "form", "svg", "math", "template"),
    }
)
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}
)
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
CONTROL = re.compile(r"[\x00-\x20]+")
RENDER_VERSION = "1"
"""Change when the HTML a body renders to changes, so cached bodies are made again."""


@dataclass(frozen=True)
class TocEntry:
    """A heading of the body, for the table of contents."""

    level: int
    id: str
    name: str
    children: tuple[TocEntry, ...] = ()


@dataclass(frozen=True)
class RenderedBody:
    """A notice body as HTML, with its headings."""

    html: str
    toc: tuple[TocEntry, ...]


def render_body(body: str, *, path: str, commit: str, first_line: int = 1) -> RenderedBody:
    """Render Markdown to HTML; raise NoticeError on markup that could run script."""
    converter = markdown.Markdown(
        extensions=MARKDOWN_EXTENSIONS, extension_configs=EXTENSION_CONFIGS
    )
    html = converter.convert(body)
    problem = find_unsafe_markup(html)
    if problem is not None:
        what, needle = problem
        raise NoticeError(
            f"the text holds {what}, which could run a script in a reader's browser.",
            path=path,
            commit=commit,
            line=_line_of(needle, body, first_line),
            fix="remove it; to show such text as words, put it in backticks, like `<script>`.",
        )
    toc = tuple(_toc_entry(token) for token in getattr(converter, "toc_tokens", []))
    return RenderedBody(html, toc)


def render_version(version: Version, cache: BuildCache) -> RenderedBody:
    """The body of a version as HTML, made once per distinct text and kept in the cache."""
    text, revision = version.text, version.last_revision
    return cache.get_or_make(
        "body",
        cache.key("body", RENDER_VERSION, text.body),
        lambda: render_body(
            text.body, path=revision.path, commit=revision.short, first_line=text.body_line
        ),
        _body_to_json,
        _body_from_json,
    )


def _body_to_json(body: RenderedBody) -> dict[str, Any]:
    return {"html": body.html, "toc": [_toc_to_json(entry) for entry in body.toc]}


def _toc_to_json(entry: TocEntry) -> dict[str, Any]:
    return {
        "level": entry.level,
        "id": entry.id,
        "name": entry.name,
        "children": [_toc_to_json(child) for child in entry.children],
    }


def _body_from_json(data: dict[str, Any]) -> RenderedBody:
    return RenderedBody(str(data["html"]), tuple(_toc_entry(t) for t in data["toc"]))


def find_unsafe_markup(html: str) -> tuple[str, str] | None:
    """The first piece of markup that could run script, as (description, source text)."""
    finder = _UnsafeMarkupFinder()
    finder.feed(html)
    finder.close()
    return finder.found


class _UnsafeMarkupFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: tuple[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.found is not None:
            return
        if tag in UNSAFE_TAGS:
            self.found = (f"a <{tag}> element", f"<{tag}")
            return
        for name, value in attrs:
            if name.startswith("on"):
                self.found = (f"an event attribute '{name}' on <{tag}>", name)
                return
            scheme = _scheme(value) if name in URL_ATTRIBUTES else None
            if scheme and scheme not in SAFE_SCHEMES:
                self.found = (f"a '{scheme}:' link", f"{scheme}:")
                return

    handle_startendtag = handle_starttag


def _scheme(url: str | None) -> str | None:
    match = SCHEME.match(CONTROL.sub("", url or "").lower())
    return match.group(1) if match else None


def _line_of(needle: str, body: str, first_line: int) -> int:
    lowered = needle.lower()
    for offset, line in enumerate(body.split("\n")):
        if lowered in line.lower():
            return first_line + offset
    return first_line


def _toc_entry(token: dict[str, Any]) -> TocEntry:
    return TocEntry(
        level=int(token["level"]),
        id=str(token["id"]),
        name=str(token["name"]),
        children=tuple(_toc_entry(child) for child in token.get("children", [])),
    )
