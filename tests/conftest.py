"""Fixtures: temporary git repositories of notices with fixed commit dates, and real builds."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import git
import pytest

from generator.cli import main as notices_main

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

MKDOCS_YML = """\
site_name: Example Health privacy notices
site_url: https://notices.example.org/
docs_dir: notices
theme:
  name: material
  font: false
plugins:
  - search
  - privacy-notices:
      pdf: false  # PDFs take 0.3 s each: only the tests of PDFs turn them on
      validation: skip  # these notices are a few lines long; tests/test_validation_*.py turn it on
"""

BODY = """\
## Our duties

We are required by law to maintain the privacy of your health information.

## Your rights

- You can ask for a copy of your record.
- You can ask us to correct it.
"""


def notice_source(
    *,
    title: str = "Notice of Privacy Practices",
    kind: str = "hipaa-npp",
    effective: str = "2025-01-01",
    summary: str | None = None,
    body: str = BODY,
    extra: str = "",
) -> str:
    """The text of a notice file with the given front matter."""
    lines = ["---", f"title: {title}", f"kind: {kind}", f"effective_date: {effective}"]
    if summary:
        lines.append(f"summary: {summary}")
    if extra:
        lines.append(extra.rstrip("\n"))
    return "\n".join([*lines, "---", "", body])


BLOCK_TAGS = frozenset(
    {
        *("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "br", "pre", "blockquote"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "table", "caption", "tr", "td", "th"),
        *("section", "header", "footer", "nav", "article", "aside", "main"),
    }
)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append(" ")
        if self.skip or (tag == "a" and ("class", "headerlink") in attrs):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            self.skip -= 1
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The words a reader sees in `html`: tags dropped, blocks separated, spaces collapsed."""
    extractor = _TextExtractor()
    extractor.feed(html)
    return " ".join("".join(extractor.parts).split())


@dataclass
class Built:
    """The result of one `notices build`."""

    status: int
    site: Path
    out: str
    err: str

    def page(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8")

    def text(self, url: str) -> str:
        """The visible words of a page's main content, whitespace collapsed."""
        html = self.page(url)
        main = html.split('<article class="md-content__inner md-typeset">', 1)[-1]
        return visible_text(main.split("</article>", 1)[0])

    def manifest(self) -> dict[str, Any]:
        return json.loads((self.site / "notices.json").read_text(encoding="utf-8"))

    def work(self) -> dict[str, tuple[int, int]]:
        """What the build made and reused, by kind, from its log (a build run with quiet=False)."""
        line = next(x for x in self.err.splitlines() if "privacy-notices: " in x)
        counts = {}
        for part in line.split("privacy-notices: ", 1)[1].split("; "):
            kind, numbers = part.split(": ", 1)
            made, reused = (int(n.split()[-1]) for n in numbers.split(", "))
            counts[kind] = (made, reused)
        return counts


class NoticeRepo:
    """A git repository with an mkdocs.yml and a notices/ folder, committed with fixed dates."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.repo = git.Repo.init(path, initial_branch="main")
        with self.repo.config_writer() as config:
            config.set_value("user", "name", "Privacy Office")
            config.set_value("user", "email", "privacy@example.org")
            config.set_value("commit", "gpgsign", "false")
        (path / "notices").mkdir()
        (path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")

    def write(self, name: str, content: str | bytes) -> Path:
        file = self.path / "notices" / name
        file.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            file.write_bytes(content)
        else:
            file.write_text(content, encoding="utf-8")
        return file

    def commit(self, message: str, date: str = "2025-01-01") -> str:
        """Commit everything, dated `date` (YYYY-MM-DD, 10:00 UTC, or a full ISO time)."""
        when = date if "T" in date else f"{date}T10:00:00+00:00"
        self.repo.git.add("-A")
        env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
        self.repo.git.commit("-q", "--allow-empty", "-m", message, env=env)
        return self.repo.head.commit.hexsha

    def short(self, sha: str) -> str:
        return sha[:7]

    def build(self, *args: str, as_of: str = "2025-06-01", quiet: bool = True) -> Built:
        """Run `notices build` in the repository; capture its output."""
        return run_build(self.path, *args, as_of=as_of, quiet=quiet)


def run_build(
    path: Path, *args: str, as_of: str | None = "2025-06-01", quiet: bool = True
) -> Built:
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    argv = ["build", *(["-q"] if quiet else []), "-f", str(path / "mkdocs.yml"), *args]
    if as_of:
        argv += ["--as-of", as_of]
    cwd = Path.cwd()
    os.chdir(path)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = notices_main(argv)
    finally:
        os.chdir(cwd)
    return Built(status, path / "site", out.getvalue(), err.getvalue())


@pytest.fixture
def notice_repo(tmp_path: Path) -> NoticeRepo:
    return NoticeRepo(tmp_path / "repo")


@pytest.fixture
def capture_mkdocs_log(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    caplog.set_level("WARNING", logger="mkdocs")
    yield caplog


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOTICES_AS_OF", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def copy_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target, dirs_exist_ok=True)
