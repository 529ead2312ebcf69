"""`notices build` and `notices serve`: the MkDocs build with our options."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import Any

import jinja2

from ..builddate import parse_date

EXIT_FAILED = 1


def register(commands: Any) -> None:
    build = commands.add_parser(
        "build",
        help="build the site into site/ (the same site as `mkdocs build`)",
        description="Build the site from the git history. The previous site is replaced only "
        "when the whole build succeeds.",
    )
    _common_options(build)
    build.add_argument(
        "-d", "--site-dir", help="folder to build into (default: site_dir of mkdocs.yml)"
    )
    build.add_argument("-s", "--strict", action="store_true", help="stop on warnings too")
    build.set_defaults(run=run_build)

    serve = commands.add_parser(
        "serve",
        help="preview the site locally, with uncommitted edits shown as drafts",
        description="Serve a live preview that rebuilds when a notice changes or you commit.",
    )
    _common_options(serve)
    serve.add_argument(
        "-a", "--dev-addr", default=None, help="IP:PORT to serve on (default 127.0.0.1:8000)"
    )
    serve.add_argument("--open", action="store_true", help="open the preview in a browser")
    serve.set_defaults(run=run_serve)


def _common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml")
    parser.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="build as of this date: it decides which version is current (default: today, "
        "or SOURCE_DATE_EPOCH)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="show warnings and errors only")


def run_build(args: argparse.Namespace) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    _show_mkdocs_log(logging.WARNING if args.quiet else logging.INFO)
    as_of = parse_date(args.as_of, "--as-of").isoformat() if args.as_of else None
    overrides: dict[str, Any] = {"strict": True} if args.strict else {}
    if args.site_dir:
        overrides["site_dir"] = args.site_dir
    try:
        config = load_config(args.config_file, **overrides)
        plugin = config.plugins.get("privacy-notices")
        if plugin is not None and as_of:
            plugin.config.as_of = as_of
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:
        if str(error) and "Aborted with a BuildError" not in str(error):
            print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except jinja2.TemplateError as error:  # a site's own template override is broken
        print(f"error: {_template_problem(error)}", file=sys.stderr)
        return EXIT_FAILED
    return 0


def _template_problem(error: jinja2.TemplateError) -> str:
    """Where a broken template is and what is wrong with it, without a traceback."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        where = error.filename or error.name or "a template"
        return (
            f"{where}, line {error.lineno}: the template cannot be read: {error.message}.\n"
            "  How to fix: correct the template in your theme's custom_dir, or remove it to use "
            "the default one."
        )
    return (
        f"a template failed: {error}.\n  How to fix: check the templates in your theme's "
        "custom_dir against the variables the default ones use."
    )


def run_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    _prepare(args)
    try:
        serve(args.config_file, dev_addr=args.dev_addr, open_in_browser=args.open)
    except MkDocsException as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    return 0


def _prepare(args: argparse.Namespace) -> None:
    if args.as_of:  # the preview reloads mkdocs.yml on every change: pass the date by environment
        os.environ["NOTICES_AS_OF"] = parse_date(args.as_of, "--as-of").isoformat()
    _show_mkdocs_log(logging.WARNING if args.quiet else logging.INFO)


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is at the time, so redirections are honoured."""

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:
        pass


def _show_mkdocs_log(level: int) -> None:
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(level)
