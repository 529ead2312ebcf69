"""`notices pdf SLUG[@DATE]`: the PDF of one version, written to a file for mailing."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ..builddate import parse_date, resolve_build_date
from ..errors import NoticeError
from ..pdf_files import find_version
from ..printable import Variant
from ..site import SiteBuild
from ..templating import package_environment

EXIT_FAILED = 1


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "pdf",
        help="write the PDF of one version to a file, for mailing",
        description="Write the PDF of one version of a notice: the same file the site offers "
        "at the version's permanent address.",
    )
    parser.add_argument(
        "version",
        metavar="SLUG[@DATE]",
        help="the notice (its file name without .md) and the effective date of the version, "
        "like notice-of-privacy-practices@2026-02-16; without a date, the version in effect",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the file to write, or a folder to write it in, or - for standard output "
        "(default: SLUG-DATE.pdf in the current folder)",
    )
    parser.add_argument("--large-print", action="store_true", help="the large-print PDF")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml")
    parser.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="the date that decides the version's status and which version is in effect "
        "(default: today, or SOURCE_DATE_EPOCH)",
    )
    parser.set_defaults(run=run_pdf)


def run_pdf(args: argparse.Namespace) -> int:
    slug, _, date = args.version.partition("@")
    variant = Variant.LARGE_PRINT if args.large_print else Variant.STANDARD
    build = _site_build(args)
    if build is None:
        return EXIT_FAILED
    try:
        archive = build.archive
    except NoticeError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    version = find_version(archive, slug, date or None)
    target = _target(args.output, f"{version.slug}-{version.key}{variant.suffix}.pdf")
    if target is not None and target.exists() and not args.force:
        raise _exists(target)
    data = build.pdf_of(version, variant)
    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    _write(target, data, args.force)
    print(f"Wrote {target} ({variant.label}, {len(data) // 1024 + 1} KB)", file=sys.stderr)
    return 0


def _site_build(args: argparse.Namespace) -> SiteBuild | None:
    """The build that `notices build` would run with the same mkdocs.yml and options."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        config = load_config(args.config_file)
    except MkDocsException as error:
        print(f"error: {error}", file=sys.stderr)
        return None
    plugin = config.plugins.get("privacy-notices")
    if plugin is None:
        print(
            f"error: {args.config_file} does not use the privacy-notices plugin.", file=sys.stderr
        )
        return None
    options = plugin.config
    as_of = parse_date(args.as_of, "--as-of").isoformat() if args.as_of else options.as_of
    build = SiteBuild(
        notices_path=Path(config.docs_dir),
        build_date=resolve_build_date(as_of, os.environ),
        cache_dir=Path(config.config_file_path or ".").resolve().parent / options.cache_dir,
        site_url=config.site_url or "",
    )
    if config.theme.custom_dir:  # its print template and stylesheet, as in a build
        build.templates = package_environment((config.theme.custom_dir,))
    return build


def _target(output: str | None, name: str) -> Path | None:
    """Where to write: None for standard output."""
    if output == "-":
        return None
    if output is None:
        return Path(name)
    path = Path(output)
    return path / name if path.is_dir() else path


def _write(target: Path, data: bytes, force: bool) -> None:
    try:
        with target.open("wb" if force else "xb") as stream:  # "x": never replace a file
            stream.write(data)
    except FileExistsError:
        raise _exists(target) from None
    except OSError as error:
        raise NoticeError(
            f"cannot write {target}: {error.strerror}.", fix="choose another file with -o FILE."
        ) from None


def _exists(target: Path) -> NoticeError:
    return NoticeError(
        f"{target} already exists.",
        fix="choose another file with -o FILE, or add --force to replace it.",
    )
