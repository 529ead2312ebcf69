"""`notices import`: a notice saved from a web page becomes a source file in notices/."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

from ..builddate import DATE, resolve_build_date
from ..errors import NoticeError
from ..model import Kind

EXIT_FAILED = 1


def register(commands: Any) -> None:
    command = commands.add_parser(
        "import",
        help="turn a notice saved from a web page (text or HTML) into a notice file",
        description="Read a notice as saved from a web page, leave out the site's navigation "
        "and footer, and write the notice to notices/<its title>.md. A report of what was "
        "guessed and what was left out goes to the standard error.",
    )
    command.add_argument("file", metavar="FILE", help="the saved page (.txt or .html)")
    command.add_argument(
        "--kind", choices=[k.value for k in Kind], help="what the notice is (default: guessed)"
    )
    command.add_argument(
        "-o", "--output", metavar="PATH", help="file (or folder) to write; default notices/"
    )
    command.add_argument("--force", action="store_true", help="replace a file that exists")
    command.add_argument("--title", help="the notice's title, when the page has none")
    command.add_argument(
        "--effective-date",
        metavar="YYYY-MM-DD",
        help="the date this version took effect, when the page gives none",
    )
    command.add_argument(
        "--source",
        metavar="URL",
        help="where the notice was published (default: the page's address, or the file's name)",
    )
    command.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    # Imported here, not above: every command (`notices build` on each save too) would
    # otherwise spend 40 ms loading the importer's HTML and date parsing.
    from ..importer import (
        ImportOptions,
        describe_import,
        import_page,
        read_saved_page,
        source_text,
        target_paths,
        write_sources,
    )

    path = Path(args.file)
    data = read_saved_page(path)
    options = ImportOptions(
        today=resolve_build_date(None, os.environ),
        kind=Kind(args.kind) if args.kind else None,
        title=args.title,
        effective_date=_date_option(args.effective_date),
        source=args.source,
    )
    try:
        page = import_page(data, path=str(path), options=options)
        targets = target_paths(page, Path(args.output) if args.output else None)
        files = [
            (target, source_text(document, page, today=options.today, path=str(target)))
            for document, target in zip(page.documents, targets, strict=True)
        ]
        write_sources(files, force=args.force)
    except NoticeError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    sys.stderr.write(describe_import(page, str(path), targets))
    return 0


def _date_option(value: str | None) -> dt.date | None:
    if value is None:
        return None
    fix = "write it as YYYY-MM-DD, for example --effective-date 2025-07-16."
    if not DATE.fullmatch(value):
        raise NoticeError(f"--effective-date '{value}' is not in the form YYYY-MM-DD.", fix=fix)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise NoticeError(f"--effective-date '{value}' is not a real date.", fix=fix) from None
