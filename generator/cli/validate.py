"""`notices validate`: the HIPAA checklist of each notice version, as text or JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from ..cache import BuildCache
from ..compliance import read_manifest, validate_files, validate_folder
from ..errors import NoticeError
from ..site import parse_date
from ..validation.notices import Validation
from ..validation.packfile import load_rule_pack
from ..validation.report import to_json, to_text
from ..validation.timing import check_retention

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
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml")
    parser.set_defaults(run=run_validate)


def run_validate(args: argparse.Namespace) -> int:
    as_of = parse_date(args.as_of, "--as-of") if args.as_of else dt.date.today()
    notices, cache, site = _site_folders(Path(args.config_file))
    if args.paths:
        validation, skipped = validate_files([Path(p) for p in args.paths], notices, as_of, cache)
        for item in skipped:
            print(
                f"{item.path}: a {item.kind}; the HIPAA checklist does not apply.", file=sys.stderr
            )
    else:
        validation = validate_folder(notices, as_of, cache, include_drafts=not args.committed)
        _check_kept(validation, notices, as_of, cache, site)
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


def _check_kept(
    validation: Validation, notices: Path, as_of: dt.date, cache: BuildCache, site: Path
) -> None:
    previous = read_manifest(site / "notices.json")
    if previous is None:
        return
    from ..archive import load_archive

    archive, _ = load_archive(notices, as_of, cache=cache)
    validation.errors.extend(check_retention(archive, previous, load_rule_pack()))


def _site_folders(config_file: Path) -> tuple[Path, BuildCache, Path]:
    """The notices folder, the build cache and the site folder that mkdocs.yml names."""
    if not config_file.is_file():
        return Path("notices"), BuildCache(None), Path("site")
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    try:
        config = load_config(str(config_file))
    except ConfigurationError as error:
        raise NoticeError(f"mkdocs.yml cannot be read: {error}", path=str(config_file)) from None
    plugin = config.plugins.get("privacy-notices")
    cache_dir = getattr(getattr(plugin, "config", None), "cache_dir", None)
    root = config_file.resolve().parent
    cache = BuildCache(root / cache_dir if cache_dir else None)
    return Path(config.docs_dir), cache, Path(config.site_dir)
