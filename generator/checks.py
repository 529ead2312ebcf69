"""The rules the build enforces, run on notice files before they are committed.

Each file is checked on its own first (front matter, the summary placeholder, markup that
could run script), so one report lists the problems of every file; then the history rules
(an effective date earlier than a published one, two files with one name...) on the working
tree as a whole, as the build will see it after the commit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .archive import load_archive
from .cache import BuildCache
from .compliance import gate_problems
from .errors import NoticeError
from .history import is_notice_path, repository_root
from .render import render_body
from .sources import check_summary_written, parse_notice


@dataclass(frozen=True)
class CheckReport:
    """The notice files checked, the paths given that are not notices, and the problems."""

    checked: tuple[str, ...]
    skipped: tuple[str, ...]
    problems: tuple[NoticeError, ...]


def check_notices(
    notices_path: Path,
    paths: Sequence[Path],
    *,
    today: dt.date,
    cache: BuildCache,
    validate: bool = False,
) -> CheckReport:
    """Check the notice files among `paths` (all notice files when there are none).

    With `validate`, also what HIPAA validation would stop the build for (compliance.py).
    """
    root = repository_root(notices_path)
    notices_dir = notices_path.resolve().relative_to(root).as_posix()
    if notices_dir == ".":
        notices_dir = ""
    given = paths or sorted(notices_path.rglob("*.md"))
    checked, skipped, problems = [], [], []
    for file in given:
        relative = _relative(file, root)
        if relative is None or not is_notice_path(relative, notices_dir):
            skipped.append(str(file))
            continue
        checked.append(relative)
        problem = _check_file(root / relative, relative)
        if problem is not None:
            problems.append(problem)
    if not problems:
        try:
            archive, _ = load_archive(notices_path, today, cache=cache, include_drafts=True)
            if validate:
                problems.extend(gate_problems(archive, cache))
        except NoticeError as error:
            problems.append(error)
    return CheckReport(tuple(checked), tuple(skipped), tuple(problems))


def _relative(file: Path, root: Path) -> str | None:
    try:
        return file.resolve().relative_to(root).as_posix()
    except ValueError:  # outside the repository
        return None


def _check_file(file: Path, relative: str) -> NoticeError | None:
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        return NoticeError("there is no such file.", path=relative)
    try:
        text = parse_notice(data, path=relative, commit="")
        check_summary_written(text, path=relative, commit="")
        render_body(text.body, path=relative, commit="", first_line=text.body_line)
    except NoticeError as error:
        return error
    return None
