"""A redline as HTML, through the Jinja templates of the notice pages.

The site renders the same templates through MkDocs, inside its pages; this module renders them
on their own: for `notices diff --format html`, and for a printed redline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from ..templating import package_environment
from .layout import lay_out
from .model import Redline, Side

PACKAGE = Path(__file__).resolve().parents[1]
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


def render_redline_body(
    redline: Redline,
    old: Side,
    new: Side,
    *,
    language: str = "en",
    environment: jinja2.Environment | None = None,
) -> str:
    """The summary and text of a redline as an HTML fragment (for a page or a printed copy).

    `environment` is the site's (its theme's overrides apply), else the package's templates.
    Style the fragment with `redline_stylesheet()`. Links to the versions are the sides' `url`.
    """
    template = (environment or package_environment()).get_template("notices/redline_body.html")
    return template.render(rl=redline_view(redline, old, new, language))


def render_standalone(redline: Redline, old: Side, new: Side, *, language: str = "en") -> str:
    """A complete HTML page of a redline, its style inside: `notices diff --format html`."""
    template = package_environment().get_template("notices/redline_standalone.html")
    return template.render(
        rl=redline_view(redline, old, new, language),
        stylesheet=redline_stylesheet(),
        script=SCRIPT.read_text(encoding="utf-8"),
    )


def redline_stylesheet() -> str:
    """The CSS of a redline: marks, margin bars, and black-and-white printing."""
    return STYLESHEET.read_text(encoding="utf-8")
