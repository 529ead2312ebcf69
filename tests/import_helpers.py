"""Helpers for the import tests: run `notices import` in a repository; read a notice's words."""

from __future__ import annotations

import contextlib
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

from conftest import Built, visible_text

from generator.cli import main as notices_main

IMPORT_DATE = "2026-11-22"
IMPORT_EPOCH = "1795305600"  # 2026-11-22T00:00:00Z


@dataclass
class Imported:
    """The result of one `notices import`."""

    status: int
    out: str
    err: str


def run_import(cwd: Path, *args: str) -> Imported:
    """Run `notices import ARGS` with `cwd` as the working folder; capture its output."""
    out, err = io.StringIO(), io.StringIO()
    here = Path.cwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = notices_main(["import", *args])
    finally:
        os.chdir(here)
    return Imported(status, out.getvalue(), err.getvalue())


def notice_words(built: Built, url: str) -> list[str]:
    """The words a reader sees of a notice: its title, then its text."""
    html = built.page(url)
    title = re.search(r'<header class="notice-header">.*?<h1>(.*?)</h1>', html, re.DOTALL)
    body = re.search(
        r'<div class="notice-body">(.*?)<footer class="notice-footer">', html, re.DOTALL
    )
    assert title and body, f"no notice on {url}"
    return visible_text(title.group(1)).split() + visible_text(body.group(1)).split()
