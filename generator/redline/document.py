"""A redline as HTML, through the Jinja templates of the notice pages.

The site renders the same templates through MkDocs (so a theme's overrides apply); this module
renders them on their own: for `notices diff --format html`, and for a printed redline.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2

from .layout import lay_out
from .model import Redline, Side

PACKAGE = Path(__file__).resolve().parents[1]
TEMPLATES = PACKAGE / "templates"
STYLESHEET = PACKAGE / "assets" / "redline.css"
SCRIPT = PACKAGE / "assets" / "redline.js"


def redline_view(redline: Redline, old: Side, new: Side, language: str = "en") -> dict[str, Any]:
    """What the redline templates read (as `rl`): the redline, both sides, the laid-out rows."""
    return {
        "redline": redline,
        "old": old,
        "new": new,
        "nodes": lay_out(redline),
        "language": language,
    }


def template_environment(extra_dirs: Sequence[Path] = ()) -> jinja2.Environment:
    """Templates from `extra_dirs` first (a site's overrides), then the package's own."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*map(str, extra_dirs), str(TEMPLATES)]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["url"] = lambda value: value
    return environment


def render_redline_body(
    redline: Redline,
    old: Side,
    new: Side,
    *,
    language: str = "en",
    environment: jinja2.Environment | None = None,
) -> str:
    """The summary and text of a redline as an HTML fragment (for a page or a printed copy).

    Style it with `redline_stylesheet()`.
    """
    template = (environment or template_environment()).get_template("notices/redline_body.html")
    return template.render(rl=redline_view(redline, old, new, language))


def render_standalone(redline: Redline, old: Side, new: Side, *, language: str = "en") -> str:
    """A complete HTML page of a redline, its style inside: `notices diff --format html`."""
    template = template_environment().get_template("notices/redline_standalone.html")
    return template.render(
        rl=redline_view(redline, old, new, language),
        stylesheet=redline_stylesheet(),
        script=SCRIPT.read_text(encoding="utf-8"),
    )


def redline_stylesheet() -> str:
    """The CSS of a redline: marks, margin bars, and black-and-white printing."""
    return STYLESHEET.read_text(encoding="utf-8")
