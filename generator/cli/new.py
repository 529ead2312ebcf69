"""`notices new SLUG --effective YYYY-MM-DD`: start the next version of a notice."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from typing import Any

from ..drafting import StartedVersion, start_next_version
from ..pages import format_date
from .project import add_config_option, load_project


def register(commands: Any) -> None:
    new = commands.add_parser(
        "new",
        help="start the next version of a notice, ready to edit",
        description="Start the next version of a notice from its committed text: the file "
        "gets the new effective date and a summary placeholder to replace with what changed "
        "(the build refuses to publish the placeholder).",
    )
    new.add_argument("slug", metavar="SLUG", help="the notice, by file name without .md")
    new.add_argument(
        "--effective",
        metavar="YYYY-MM-DD",
        required=True,
        type=_date,
        help="the new version's effective date; after the latest published version's",
    )
    new.add_argument(
        "--force",
        action="store_true",
        help="start even though the file has uncommitted changes (they are kept)",
    )
    add_config_option(new)
    new.set_defaults(run=run_new)


def run_new(args: argparse.Namespace) -> int:
    project = load_project(args.config_file)
    started = start_next_version(
        project.notices_path,
        args.slug,
        args.effective,
        today=dt.date.today(),
        cache=project.cache,
        force=args.force,
    )
    for note in started.notes:
        print(f"warning: {note}", file=sys.stderr)
    print(describe(started))
    return 0


def describe(started: StartedVersion) -> str:
    """What was done and what to do next, for the editor."""
    return (
        f"Started the version of the {started.notice_title} effective "
        f"{format_date(started.effective)} in {started.source}, from the version effective "
        f"{format_date(started.previous.effective_date)}.\n"
        "Next:\n"
        "  1. Edit the text.\n"
        f"  2. On line {started.summary_line}, replace the summary with what changed, in plain "
        "words (the build refuses to publish the placeholder).\n"
        "  3. Preview with 'notices serve', check with 'notices check', then commit."
    )


def _date(value: str) -> dt.date:
    """An --effective date: YYYY-MM-DD and real, or a usage error (exit status 2)."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(
        f"'{value}' is not a real date; write it as YYYY-MM-DD, for example 2027-01-01"
    )
