"""Jinja templates outside the site's pages (redirects, feeds, print): ours, or a site's own.

The MkDocs front end hands its theme environment over, so that a site's `custom_dir`
overrides these templates as it overrides the pages; without a front end (the command line),
the package's own templates are used, after any folders given.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import jinja2

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=8)
def package_environment(extra_dirs: Sequence[str] = ()) -> jinja2.Environment:
    """An environment that finds templates in `extra_dirs` first, then in the package."""
    loader = jinja2.FileSystemLoader([*extra_dirs, str(TEMPLATES)])
    return jinja2.Environment(loader=loader, autoescape=True, keep_trailing_newline=True)
