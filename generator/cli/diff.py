"""`notices diff`: a redline of two texts of a notice, in a terminal or as a file format."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Any

from ..builddate import resolve_build_date
from ..redline.data import render_json
from ..redline.document import render_standalone
from ..redline.inputs import FORMS, diff_sides, read_sides
from ..redline.textview import render_markdown, render_terminal

EXIT_EQUAL, EXIT_DIFFERENT = 0, 1
DOCS_DIR = re.compile(r"^docs_dir:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(?:#.*)?$", re.MULTILINE)


def register(commands: Any) -> None:
    diff = commands.add_parser(
        "diff",
        help="show what changed between two texts of a notice, as a redline",
        description="Compare two texts of a notice, block by block and word by word. Each of "
        f"OLD and NEW is {FORMS}. With OLD only: that notice on disk against its last "
        "committed version (what you are about to commit), or a published version against "
        "the notice on disk.",
        epilog="Exit status: 0 when the texts read the same, 1 when they differ, 2 on error. "
        "Examples: notices diff notices/npp.md; notices diff npp@2025-01-01 npp@current; "
        "notices diff main notices/npp.md --format markdown",
    )
    diff.add_argument("old", metavar="OLD", help="the earlier text")
    diff.add_argument("new", metavar="NEW", nargs="?", help="the later text (default: see above)")
    diff.add_argument(
        "--format",
        choices=("terminal", "html", "markdown", "json"),
        default="terminal",
        help="terminal (default): coloured text; html: a page to open or send; markdown: to "
        "paste into a pull-request comment; json: each block with its operations",
    )
    diff.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the terminal view (auto: when writing to a terminal and NO_COLOR is unset)",
    )
    diff.add_argument(
        "--full", action="store_true", help="show the whole text, not only the changed parts"
    )
    diff.add_argument(
        "--notices",
        metavar="DIR",
        help="the notices folder, for slug@date (default: docs_dir of mkdocs.yml, or notices)",
    )
    diff.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml")
    diff.add_argument(
        "--as-of", metavar="YYYY-MM-DD", help="the date that decides which version is current"
    )
    diff.set_defaults(run=run_diff)


def run_diff(args: argparse.Namespace) -> int:
    cwd = Path.cwd()
    build_date = resolve_build_date(args.as_of, os.environ)
    old, new = read_sides(
        args.old, args.new, cwd=cwd, notices=_notices_folder(args, cwd), build_date=build_date
    )
    redline = diff_sides(old, new)
    if args.format == "json":
        output = render_json(redline, old.side, new.side)
    elif args.format == "html":
        output = render_standalone(redline, old.side, new.side, language=new.language)
    elif args.format == "markdown":
        output = render_markdown(redline, old.side, new.side, full=args.full)
    else:
        color = _use_color(args.color, sys.stdout, os.environ)
        output = render_terminal(redline, old.side, new.side, color=color, full=args.full)
    sys.stdout.write(output)
    return EXIT_EQUAL if redline.is_equal else EXIT_DIFFERENT


def _use_color(choice: str, stream: Any, environ: dict[str, str] | os._Environ[str]) -> bool:
    """Colour when asked, or by default on a terminal unless NO_COLOR is set (no-color.org)."""
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR") or environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _notices_folder(args: argparse.Namespace, cwd: Path) -> Path:
    if args.notices:
        return cwd / str(args.notices)
    config = cwd / str(args.config_file)
    try:
        match = DOCS_DIR.search(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        match = None
    return config.parent / (match.group(1).strip() if match else "notices")
