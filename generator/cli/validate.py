"""`notices validate`: the HIPAA checklist of each notice version, as text or JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from ..builddate import parse_date
from ..cache import BuildCache
from ..compliance import validate_files, validate_folder
from ..validation.notices import Validation
from ..validation.report import to_json, to_text
from .project import Project, add_config_option, load_project

EXIT_FAILED = 1


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "validate",
        help="check HIPAA notices against the required elements of 45 CFR 164.520",
        description="Check each HIPAA notice version against the rule pack: every element with "
        "its status, citation and evidence. With no PATH, every notice in the notices folder "
        "(uncommitted edits included); with PATH, those files as they are on disk. Exit status: "
        "0 when no required element fails, 1 when one fails in a version in effect or about to "
        "take effect, 2 on an error.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="notice files to check")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="judge as of this date, such as the date a complaint concerns (default: today)",
    )
    parser.add_argument(
        "--committed",
        action="store_true",
        help="check only what is committed (what a build publishes), not uncommitted edits",
    )
    add_config_option(parser)
    parser.set_defaults(run=run_validate)


def run_validate(args: argparse.Namespace) -> int:
    as_of = parse_date(args.as_of, "--as-of") if args.as_of else dt.date.today()
    project = _project(Path(args.config_file))
    notices, cache = project.notices_path, project.cache
    if args.paths:
        validation, skipped = validate_files([Path(p) for p in args.paths], notices, as_of, cache)
        for item in skipped:
            print(
                f"{item.path}: a {item.kind}; the HIPAA checklist does not apply.", file=sys.stderr
            )
    else:
        published = project.site_dir / "notices.json" if project.site_dir else None
        validation = validate_folder(
            notices, as_of, cache, include_drafts=not args.committed, published=published
        )
    for warning in validation.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if validation.errors:
        raise validation.errors[0]
    _print(validation, args.format, brief_history=not args.paths)
    return EXIT_FAILED if validation.blocking_failures else 0


def _print(validation: Validation, form: str, *, brief_history: bool) -> None:
    if form == "json":
        sys.stdout.write(to_json(validation.reports))
        return
    if not validation.reports:
        print("No HIPAA notice to check.")
    for report in validation.reports:
        sys.stdout.write(to_text(report, brief=brief_history and not report.blocks) + "\n")


def _project(config_file: Path) -> Project:
    """The site's folders from mkdocs.yml; without one, notices/ and no cache."""
    if not config_file.is_file():
        return Project(Path("notices"), BuildCache(None))
    return load_project(str(config_file))
