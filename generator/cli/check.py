"""`notices check [PATH ...]`: the build's rules on notice files, before they are committed."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from ..checks import check_notices
from .project import add_config_option, load_project

EXIT_PROBLEMS = 1


def register(commands: Any) -> None:
    check = commands.add_parser(
        "check",
        help="check notice files against the build's rules (the pre-commit hook runs this)",
        description="Check front matter, markup and the history rules (no effective date "
        "earlier than a published one, no two notices with one name) on the notice files as "
        "they are in your working folder, that is, as they would be committed. Exit status: "
        "0 when there is no problem, 1 when there are problems, 2 on bad arguments.",
    )
    check.add_argument(
        "paths",
        metavar="PATH",
        nargs="*",
        type=Path,
        help="notice files to check (default: every notice)",
    )
    add_config_option(check)
    check.set_defaults(run=run_check)


def run_check(args: argparse.Namespace) -> int:
    project = load_project(args.config_file)
    report = check_notices(
        project.notices_path,
        args.paths,
        today=dt.date.today(),
        cache=project.cache,
        validate=project.validation == "enforce",
    )
    for path in report.skipped:
        print(f"note: {path} is not a notice file, so it was not checked.", file=sys.stderr)
    for problem in report.problems:
        print(f"error: {problem}", file=sys.stderr)
    count = len(report.checked)
    files = f"{count} notice file{'' if count == 1 else 's'}"
    if report.problems:
        found = len(report.problems)
        print(f"Checked {files}: {found} problem{'' if found == 1 else 's'}.", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Checked {files}: no problems.")
    return 0
