"""The redline pages of the site: one per pair of versions, the list of comparisons, their
PDFs, and the redlines each version offers in notices.json.

Every pair of versions of a notice gets a page, so any two versions a reader picks have a
redline at a permanent address. A redline is made once per pair of texts, and its page body
once per pair of texts and templates; both are kept in the cache, so a build that changed
nothing renders no redline. PDFs are made of the redlines readers print: each version against
the one before it and against the version in effect.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from itertools import combinations, pairwise
from typing import Any

import jinja2

from .cache import BuildCache, content_hash
from .model import Archive, Notice, Status, Version
from .pages import PageSpec, format_date, notice_url, version_url
from .printable import PrintableDocument, expand_links
from .redline.compare import redline_versions, version_side
from .redline.document import redline_stylesheet, render_redline_body
from .redline.model import Redline, Side, Stats
from .render import RenderedBody

KEPT_REDLINES = 64
"""Redlines kept in memory at once; a build of thousands reads the others back from its cache."""


def changes_url(notice: Notice | str) -> str:
    """The list of every comparison of a notice's versions."""
    return notice_url(notice) + "changes/"


def redline_url(old: Version, new: Version) -> str:
    """The permanent address of the redline from `old` to `new`."""
    return f"{changes_url(old.slug)}{old.key}-to-{new.key}/"


def redline_pdf_url(old: Version, new: Version) -> str:
    """The PDF of a redline, in its page's folder, named for a download folder."""
    return f"{redline_url(old, new)}{old.slug}-changes-{old.key}-to-{new.key}.pdf"


class Redlines:
    """The redlines of one build, each made at most once, and their page bodies."""

    def __init__(
        self,
        render: Callable[[Version], RenderedBody],
        cache: BuildCache,
        templates: Callable[[], jinja2.Environment],
        fingerprint: Callable[[], str] = lambda: "",
    ) -> None:
        self.render = render
        self.cache = cache
        self.templates = templates
        self.fingerprint = fingerprint
        self.made: OrderedDict[tuple[str, str, str], Redline] = OrderedDict()
        self._lock = threading.Lock()
        self._making: dict[tuple[str, str, str], threading.Lock] = {}
        self._numbers: dict[tuple[str, str, str], Stats] = {}
        """The numbers of every redline made or read this build: notices.json lists them all
        at the end, long after most redlines were let go of."""

    def between(self, old: Version, new: Version) -> Redline:
        """The redline of a pair, from memory, the build cache, or made now.

        The pages and the PDFs (in a thread beside them) both ask for redlines.
        """
        key = (old.slug, old.key, new.key)
        with self._lock:
            redline = self.made.get(key)
            if redline is not None:
                self.made.move_to_end(key)
                return redline
            making = self._making.setdefault(key, threading.Lock())
        with making:  # one thread makes it; one asking meanwhile waits, then takes it
            with self._lock:
                redline = self.made.get(key)
            if redline is None:
                redline = redline_versions(old, new, self.render, self.cache)
                with self._lock:
                    self.made[key] = redline
                    self._numbers[key] = redline.stats
                    while len(self.made) > KEPT_REDLINES:  # the rest wait in the build cache
                        self.made.popitem(last=False)
            with self._lock:
                self._making.pop(key, None)
        return redline

    def stats(self, old: Version, new: Version) -> Stats:
        """The numbers of a redline, without loading the redline when they are cached."""
        key = self.cache.key("redline-stats", _texts(old, new))
        known = self._numbers.get((old.slug, old.key, new.key))
        return self.cache.get_or_make(
            "redline-stats",
            key,
            lambda: known if known is not None else self.between(old, new).stats,
            dataclasses.asdict,
            lambda data: Stats(**data),
        )

    def sides(self, old: Version, new: Version, base: str = "") -> tuple[Side, Side]:
        """Both versions as sides of the redline, linked from `base` (a prefix of addresses)."""
        return version_side(old, base + version_url(old)), version_side(
            new, base + version_url(new)
        )

    def body(self, old: Version, new: Version, base: str) -> str:
        """The redline's summary and text as HTML, made once per texts, sides and templates."""
        sides = self.sides(old, new, base)
        language = new.text.language
        key = self.cache.key(
            "redline-html", _texts(old, new), repr(sides), language, self.fingerprint()
        )
        html: str = self.cache.get_or_make(
            "redline-html",
            key,
            lambda: render_redline_body(
                self.between(old, new), *sides, language=language, environment=self.templates()
            ),
            lambda html: html,
            str,
        )
        return html

    def page_body(self, old: Version, new: Version) -> RenderedBody:
        """The body of the redline's page, whose links lead up from its folder to the versions."""
        return RenderedBody(self.body(old, new, "../../../"), ())


def _texts(old: Version, new: Version) -> str:
    return content_hash(old.text.body, new.text.body)


def pairs(notice: Notice) -> list[tuple[Version, Version]]:
    """Every pair of versions of a notice, older first, in date order."""
    return list(combinations(notice.versions, 2))


def printed_pairs(notice: Notice) -> list[tuple[Version, Version]]:
    """The redlines that get a PDF: each version against the one before it and the current."""
    versions = notice.versions
    chosen = dict.fromkeys((a.key, b.key) for a, b in pairwise(versions))
    current = notice.current
    if current is not None and current.status is Status.CURRENT:
        for version in versions:
            if version.key != current.key:
                chosen[tuple(sorted((version.key, current.key)))] = None  # type: ignore[index]
    by_key = {version.key: version for version in versions}
    return [(by_key[old], by_key[new]) for old, new in sorted(chosen)]


def _keys(chosen: list[tuple[Version, Version]]) -> set[tuple[str, str]]:
    return {(old.key, new.key) for old, new in chosen}


def plan_redline_pages(archive: Archive, redlines: Redlines, pdfs: bool) -> list[PageSpec]:
    """A redline page per pair of versions and a list of comparisons per notice."""
    pages = []
    for notice in archive.notices:
        pages.append(
            PageSpec(
                changes_url(notice),
                f"{notice.title}: compare versions",
                "notices/changes.html",
                "changes",
                notice,
            )
        )
        printed = _keys(printed_pairs(notice)) if pdfs else set()
        pages.extend(
            _redline_page(notice, old, new, redlines, (old.key, new.key) in printed)
            for old, new in pairs(notice)
        )
    return pages


def _redline_page(
    notice: Notice, old: Version, new: Version, redlines: Redlines, has_pdf: bool
) -> PageSpec:
    dates = f"{format_date(old.effective_date)} to {format_date(new.effective_date)}"
    old_side, new_side = redlines.sides(old, new)
    return PageSpec(
        redline_url(old, new),
        f"{notice.title}: changes from {dates}",
        "notices/redline.html",
        "redline",
        notice,
        new,
        body=lambda: redlines.page_body(old, new),
        extra={
            "old": old_side,
            "new": new_side,
            "pdf": redline_pdf_url(old, new) if has_pdf else None,
        },
    )


def redline_documents(
    archive: Archive, redlines: Redlines, site_url: str
) -> Iterator[tuple[str, Callable[[], PrintableDocument]]]:
    """Each printed redline as (the PDF's path, a function making its printable document)."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    for notice in archive.notices:
        for old, new in printed_pairs(notice):
            yield redline_pdf_url(old, new), _document_maker(notice, old, new, redlines, base)


def _document_maker(
    notice: Notice, old: Version, new: Version, redlines: Redlines, base: str
) -> Callable[[], PrintableDocument]:
    def make() -> PrintableDocument:
        url = base + redline_url(old, new)
        since, until = format_date(old.effective_date), format_date(new.effective_date)
        return PrintableDocument(
            title=f"{new.text.title}: changes from {since} to {until}",
            kind=f"Redline of the {new.text.kind.label}",
            entity=new.text.entity,
            language=new.text.language,
            effective_date=new.effective_date,
            status=f"Compares the version effective {since} with the version effective {until}.",
            status_label="Redline",
            url=url,
            body_html=expand_links(redlines.body(old, new, base), url),
            stylesheets=(redline_stylesheet(),),
            created=new.published_at,
            modified=max(old.last_revision.committed_at, new.last_revision.committed_at),
        )

    return make


def redline_fields(
    version: Version,
    absolute: Callable[[str], str],
    archive: Archive,
    redlines: Redlines,
    pdfs: bool,
) -> dict[str, Any]:
    """For notices.json: the redlines from each earlier version to this one, newest first."""
    notice = archive.notice(version.slug)
    if notice is None:
        return {"redlines": []}
    printed = _keys(printed_pairs(notice)) if pdfs else set()
    earlier = [v for v in notice.versions if v.effective_date < version.effective_date]
    return {
        "redlines": [
            _field(old, version, absolute, redlines, (old.key, version.key) in printed)
            for old in reversed(earlier)
        ]
    }


def _field(
    old: Version,
    new: Version,
    absolute: Callable[[str], str],
    redlines: Redlines,
    has_pdf: bool,
) -> dict[str, Any]:
    stats = redlines.stats(old, new)
    return {
        "from": old.key,
        "to": new.key,
        "url": absolute(redline_url(old, new)),
        "pdf": absolute(redline_pdf_url(old, new)) if has_pdf else None,
        "words_added": stats.words_added,
        "words_removed": stats.words_removed,
        "words_moved": stats.words_moved,
        "sections_changed": stats.sections_changed,
    }
