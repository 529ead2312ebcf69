"""Whole pages kept between builds: an archived version or a redline is rendered once.

A plain MkDocs build renders the theme around every page every time; most of our pages never
change once written (superseded versions, redlines between them, their checklists). A page is
stored under a key made of everything its HTML is drawn from:

- the site: the front end's settings, navigation and theme (`site` below: the plugin gives
  them as text), and the HIPAA notices every footer links;
- its notice: every version's text, dates and status (a new version changes the links and
  banners of the notice's other pages, so they are rendered again);
- the page itself: its address, title, template and data (`PageSpec.extra`).

The build date is not in the key: what it decides (statuses) is in the notice's versions, and
a page that shows the date itself has it in its data. So a build on the next day, with
nothing else changed, renders nothing again.

The code's own fingerprint is in every key of the build cache. Only pages of a notice that are
neither in the navigation nor in the search index are stored: those are the many, and their
HTML depends on nothing else. An entry that cannot be read is rendered again, never trusted.
"""

from __future__ import annotations

import dataclasses
import json
import zlib
from collections.abc import Iterable, Mapping
from typing import Any

from .cache import BuildCache, content_hash
from .model import Archive, Notice
from .pages import PageSpec
from .theme import hipaa_notices

KIND = "page"


def is_storable(spec: PageSpec) -> bool:
    """Whether the page's HTML depends only on the site, its notice and itself."""
    return spec.notice is not None and not spec.in_nav and not spec.in_search


class StoredPages:
    """The stored pages of one build, looked up and kept through its build cache."""

    def __init__(self, cache: BuildCache, archive: Archive, site: Iterable[str]) -> None:
        self.cache = cache
        footer = [  # what every page's footer shows of the HIPAA notices
            (n.slug, n.title, n.shown.key, n.shown.text.language, n.shown.text.entity)
            for n in hipaa_notices(archive)
        ]
        self.site = content_hash(repr(footer), *site)
        self._notices: dict[str, str] = {}

    def key(self, spec: PageSpec) -> str:
        assert spec.notice is not None
        notice = self._notices.get(spec.notice.slug)
        if notice is None:
            notice = self._notices[spec.notice.slug] = _signature(spec.notice)
        return self.cache.key(
            KIND,
            self.site,
            notice,
            spec.url,
            spec.title,
            spec.template,
            spec.kind,
            spec.version.key if spec.version else "",
            _stable(spec.extra),
        )

    def load(self, key: str) -> str | None:
        """The stored page, when there is one and it reads back whole."""
        data = self.cache.file_bytes(KIND, key)
        if data is not None:
            try:
                html = zlib.decompress(data).decode("utf-8")
            except (zlib.error, UnicodeDecodeError):
                pass
            else:
                self.cache.count(KIND, "hit")
                return html
        self.cache.count(KIND, "miss")
        return None

    def store(self, key: str, html: str) -> None:
        self.cache.store_file(KIND, key, zlib.compress(html.encode("utf-8"), 6))


def _signature(notice: Notice) -> str:
    """Every version's text, dates and status, the same whether read from git or the cache."""
    return content_hash(_stable(notice))


def _stable(value: Any) -> str:
    """`value` as text that two builds write alike: mappings sorted, data classes as mappings.

    Not repr(): a text read from the cache holds its front matter in another order than one
    parsed from git, and would change every key.
    """
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=_plain)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # One level: json.dumps comes back here for the fields that need it. asdict() would
        # copy the whole tree first, which for a checklist's report costs more than the rest.
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, (tuple, set, frozenset)):
        return sorted(value) if isinstance(value, (set, frozenset)) else list(value)
    return str(value)
