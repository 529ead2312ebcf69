"""The site a command works on: its notices folder and build cache, read from mkdocs.yml."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from ..cache import BuildCache
from ..errors import NoticeError


@dataclass(frozen=True)
class Project:
    notices_path: Path
    cache: BuildCache
    validation: str = "enforce"
    """The plugin's HIPAA validation mode: enforce, report or skip."""
    site_dir: Path | None = None
    """Where the site is built (its notices.json tells what the last build published)."""


def add_config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml")


def load_project(config_file: str) -> Project:
    """The notices folder (docs_dir) and the cache of the privacy-notices plugin."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if not Path(config_file).is_file():
        raise NoticeError(
            "there is no such file, so the notices folder is unknown.",
            path=config_file,
            fix="run the command in your site's folder (where mkdocs.yml is), or name the "
            "file with -f PATH.",
        )
    try:
        config = load_config(config_file)
    except MkDocsException as error:
        raise NoticeError(
            f"the site's configuration cannot be read: {error}", path=config_file
        ) from error
    plugin = config.plugins.get("privacy-notices")
    folder = Path(config.config_file_path or config_file).resolve().parent
    cache_dir = getattr(getattr(plugin, "config", None), "cache_dir", None)
    validation = getattr(getattr(plugin, "config", None), "validation", "enforce")
    cache = BuildCache(folder / cache_dir if cache_dir else None)
    return Project(Path(config.docs_dir), cache, validation, Path(config.site_dir))
