"""Atom feeds (RFC 4287): one per notice and one for the site, an entry per published version.

A feed depends only on the git history and the site's address, never on the clock or the
build date: the same history gives byte-identical feeds. Entries state facts that do not
change with time (the effective date, when the version was published and corrected), not a
status such as "current" that a feed reader would never see updated.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from .model import Archive, Notice, Revision, Version
from .pages import SITE_FEED_URL, feed_url, format_date, history_url, version_url
from .templating import package_environment

FEED_TEMPLATE = "notices/feed.xml"
FEED_TYPE = "application/atom+xml"
SITE_FEED_ENTRIES = 100
"""The site's feed keeps the newest entries only: readers poll it, and a large archive would
make it megabytes (2,000 versions: 1.9 MiB). Each notice's own feed keeps every version."""
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold, even escaped; a feed with one is not well-formed."""


@dataclass(frozen=True)
class FeedLink:
    """A link of an entry beyond the version itself, such as its redline."""

    rel: str
    """"related" for pages about the version (a redline), "enclosure" for a copy (a PDF)."""
    path: str
    """Address relative to the site root, as the URL functions of pages.py give it."""
    title: str
    type: str = "text/html"


FeedLinks = Callable[[Version], Sequence[FeedLink]]
"""The further links of a version's entry; later stages (redlines, PDFs) supply theirs."""


@dataclass(frozen=True)
class Correction:
    """A commit that changed a version's text after it was published."""

    date: dt.date
    commit: str
    subject: str


@dataclass(frozen=True)
class FeedEntry:
    """One published version (or the withdrawal of a notice), as a feed entry."""

    id: str
    title: str
    summary: str
    """The change summary, or a sentence standing in for it (a feed reader shows this)."""
    what_changed: str
    """The change summary as the editor wrote it; empty when there is none."""
    published: dt.datetime
    updated: dt.datetime
    author: str
    language: str
    url: str
    links: tuple[FeedLink, ...] = ()
    effective_date: dt.date | None = None
    """None for a withdrawal."""
    previous_date: dt.date | None = None
    corrections: tuple[Correction, ...] = ()
    category: tuple[str, str] = ("", "")
    """The notice's kind: (term, label)."""


@dataclass(frozen=True)
class Feed:
    """One feed file: where it goes, what it is, and its entries, newest first."""

    path: str
    id: str
    title: str
    subtitle: str
    author: str
    url: str
    """Address of the feed itself (rel="self")."""
    page_url: str
    """Address of the web page the feed follows (rel="alternate")."""
    updated: dt.datetime
    entries: tuple[FeedEntry, ...]
    language: str = ""


class _Addresses:
    """Addresses in one feed: absolute under the site's URL, else relative to the feed file."""

    def __init__(self, site_url: str, feed_path: str) -> None:
        self.base = site_url.rstrip("/") + "/" if site_url else ""
        self.folder = feed_path.rpartition("/")[0]

    def __call__(self, path: str) -> str:
        if self.base:
            return self.base + path
        if not self.folder:
            return path or "./"
        if path.startswith(self.folder + "/"):
            return path[len(self.folder) + 1 :] or "./"
        return "../" * (self.folder.count("/") + 1) + path


def build_feeds(
    archive: Archive, *, site_url: str, site_name: str, links: FeedLinks | None = None
) -> list[Feed]:
    """The site's feed, then one feed per notice (withdrawn notices included)."""
    make = _Entries(site_name, links or (lambda version: ()))
    feeds = [_site_feed(archive, site_url, site_name, make)]
    feeds.extend(_notice_feed(notice, site_url, site_name, make) for notice in archive.notices)
    return feeds


def render_feed(feed: Feed, templates: jinja2.Environment | None = None) -> str:
    """The feed as an Atom document, from notices/feed.xml of `templates` (default: ours)."""
    environment = templates or package_environment()
    template = environment.get_template(FEED_TEMPLATE)
    return template.render(feed=feed, format_date=format_date)


def write_feeds(
    feeds: Sequence[Feed], site_dir: Path, templates: jinja2.Environment | None = None
) -> None:
    """Write each feed at its address under `site_dir`."""
    for feed in feeds:
        target = site_dir / feed.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_feed(feed, templates), encoding="utf-8")


def _notice_feed(notice: Notice, site_url: str, site_name: str, make: _Entries) -> Feed:
    path = feed_url(notice)
    address = _Addresses(site_url, path)
    author = notice.shown.text.entity or site_name
    entries = sorted(make.of_notice(notice, address), key=_newest_first)
    return Feed(
        path=path,
        id=address(path) if address.base else _uuid_id("feed", _first_commit(notice), notice.slug),
        title=_clean(notice.title),
        subtitle=_clean(
            f"Each new version of the {notice.title} of {author} as soon as it is published, "
            "including versions that take effect later."
        ),
        author=_clean(author),
        url=address(path),
        page_url=address(history_url(notice)),
        updated=_latest(entries),
        entries=tuple(entries),
        language=notice.shown.text.language,
    )


def _site_feed(archive: Archive, site_url: str, site_name: str, make: _Entries) -> Feed:
    address = _Addresses(site_url, SITE_FEED_URL)
    entries = sorted(
        (entry for notice in archive.notices for entry in make.of_notice(notice, address)),
        key=_newest_first,
    )[:SITE_FEED_ENTRIES]
    authors = {notice.shown.text.entity for notice in archive.notices}
    author = authors.pop() if len(authors) == 1 else ""
    first = min(archive.notices, key=lambda n: n.versions[0].published_at, default=None)
    return Feed(
        path=SITE_FEED_URL,
        id=address(SITE_FEED_URL) if address.base else _uuid_id("site", _first_commit(first)),
        title=_clean(site_name),
        subtitle=_clean(
            f"Each new version of every notice of {author or site_name}, as soon "
            "as it is published."
        ),
        author=_clean(author or site_name),
        url=address(SITE_FEED_URL),
        page_url=address(""),
        updated=_latest(entries),
        entries=tuple(entries),
    )


class _Entries:
    """Makes the entries of a notice for a feed, with that feed's addresses."""

    def __init__(self, site_name: str, links: FeedLinks) -> None:
        self.site_name = site_name
        self.links = links

    def of_notice(self, notice: Notice, address: _Addresses) -> list[FeedEntry]:
        published = [v for v in notice.versions if not v.revisions[0].is_draft]
        entries = [self.of_version(version, address) for version in published]
        if notice.retired is not None and not notice.retired.is_draft:
            entries.append(self.of_withdrawal(notice, notice.retired, address))
        return entries

    def of_version(self, version: Version, address: _Addresses) -> FeedEntry:
        committed = [r for r in version.revisions if not r.is_draft]
        text, url = version.text, address(version_url(version))
        when = format_date(version.effective_date)
        return FeedEntry(
            id=url if address.base else _uuid_id(committed[0].commit, version.slug, version.key),
            title=_clean(f"{text.title}: version effective {when}"),
            summary=_clean(text.summary or f"The version of the {text.title} effective {when}."),
            what_changed=_clean(text.summary),
            published=version.published_at,
            updated=committed[-1].committed_at,
            author=_clean(text.entity or self.site_name),
            language=text.language,
            url=url,
            links=tuple(
                replace(link, path=address(link.path), title=_clean(link.title))
                for link in self.links(version)
            ),
            effective_date=version.effective_date,
            previous_date=version.previous_date,
            corrections=tuple(
                Correction(r.date, r.short, _clean(r.subject)) for r in committed[1:]
            ),
            category=(text.kind.value, text.kind.label),
        )

    def of_withdrawal(self, notice: Notice, retired: Revision, address: _Addresses) -> FeedEntry:
        when, page = format_date(retired.date), address(history_url(notice))
        return FeedEntry(
            id=f"{page}#withdrawn-{retired.date}"
            if address.base
            else _uuid_id(retired.commit, notice.slug, "withdrawn"),
            title=_clean(f"{notice.title}: withdrawn on {when}"),
            summary=_clean(
                f"The {notice.title} was withdrawn on {when}. Every version stays in the archive."
            ),
            what_changed="",
            published=retired.committed_at,
            updated=retired.committed_at,
            author=_clean(notice.shown.text.entity or self.site_name),
            language=notice.shown.text.language,
            url=page,
            category=(notice.kind.value, notice.kind.label),
        )


def _newest_first(entry: FeedEntry) -> tuple[float, str]:
    return (-entry.published.timestamp(), entry.id)


def _latest(entries: Sequence[FeedEntry]) -> dt.datetime:
    return max((e.updated for e in entries), default=dt.datetime(1970, 1, 1, tzinfo=dt.UTC))


def _first_commit(notice: Notice | None) -> str:
    return notice.versions[0].revisions[0].commit if notice else ""


def _uuid_id(*parts: str) -> str:
    """A permanent id when the site has no address: from the commits that published things."""
    return uuid.uuid5(uuid.NAMESPACE_URL, "privacy-notices:" + "/".join(parts)).urn


def _clean(text: str) -> str:
    return NOT_XML.sub("", text)
