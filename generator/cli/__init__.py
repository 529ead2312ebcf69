"""The `notices` command: arguments become calls; errors become messages and exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..errors import NoticeError
from . import check, diff, importer, new, pdf, site, validate

EXIT_ERROR = 2
COMMANDS = (site, new, check, importer, diff, pdf, validate)


def make_parser() -> argparse.ArgumentParser:
    """The parser of the whole command line, with every subcommand in COMMANDS."""
    parser = argparse.ArgumentParser(
        prog="notices",
        description="Publish privacy notices from git: every version, redlines, PDFs, validation.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `notices` command line; return its exit status."""
    args = make_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except NoticeError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
