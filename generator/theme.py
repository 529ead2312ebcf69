"""What the notice templates need from the theme's Jinja environment, and the readers' privacy.

The templates of privacy-notices replace a few of the theme's partials (the first script of
the page, the copyright line) to add to them; they reach the theme's own partial of the same
name as "theme/<name>". The CSP filter gives each page its Content-Security-Policy.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence
from typing import Any

import jinja2

from . import pages
from .csp import content_security_policy
from .errors import NoticeError
from .model import Archive, Kind, Notice

THEME_PREFIX = "theme"


def extend_environment(
    env: jinja2.Environment,
    theme_dirs: Sequence[str],
    ours: str,
    archive: Archive,
    *,
    is_preview: bool = False,
) -> None:
    """Add what every page's templates use, the 404 page's too, which has no notice context.

    The CSP filter; the HIPAA notices the footer links; the page addresses; and the theme's
    templates below `ours` under "theme/". The local preview (`notices serve`) has no policy:
    its live reload is an inline script that changes with every request, so no hash made at
    build time could allow it, and the preview is never published.
    """
    below = list(theme_dirs[theme_dirs.index(ours) + 1 :]) if ours in theme_dirs else []
    theme = jinja2.PrefixLoader({THEME_PREFIX: jinja2.FileSystemLoader(below)})
    loaders = [env.loader] if env.loader is not None else []
    env.loader = jinja2.ChoiceLoader([*loaders, theme])
    env.filters["notices_csp"] = content_security_policy
    env.globals["notices_hipaa"] = hipaa_notices(archive)
    env.globals["notices_links"] = pages
    env.globals["notices_policy"] = not is_preview


def hipaa_notices(archive: Archive) -> list[Notice]:
    """The HIPAA notices every page links: each one not withdrawn (an entity may have several)."""
    return [n for n in archive.notices if n.kind is Kind.HIPAA_NPP and not n.is_retired]


def protect_readers(theme: MutableMapping[str, Any], extra: Mapping[str, Any], config: str) -> None:
    """Keep readers' browsers from contacting anyone but the site; refuse analytics.

    mkdocs-material loads its fonts from Google unless `theme.font` is false: the notices use
    the reader's own fonts instead. Analytics would report every reader to a third party.
    """
    if extra.get("analytics"):
        raise NoticeError(
            "extra.analytics is set: a site of privacy notices must not track its readers, and "
            "its Content-Security-Policy would block the analytics script anyway.",
            path=config,
            fix="remove extra.analytics (and extra.consent, which only asks about it).",
        )
    theme["font"] = False
