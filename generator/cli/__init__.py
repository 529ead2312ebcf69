"""The `notices` command: arguments become calls; errors become messages and exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..errors import NoticeError
from . import site, validate

EXIT_ERROR = 2
COMMANDS = (site, validate)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `notices` command line; return its exit status."""
    parser = argparse.ArgumentParser(
        prog="notices",
        description="Publish privacy notices from git: every version, redlines, PDFs, validation.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.register(commands)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except NoticeError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
