"""Starting the next version of a notice: its current text with a new effective date, to edit.

The summary is replaced by a placeholder the editor must fill: a summary left over from the
previous version would tell readers the wrong thing, and the build refuses to publish the
placeholder (sources.check_summary_written), so a forgotten summary cannot go out.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .archive import load_archive
from .cache import BuildCache
from .errors import NoticeError
from .history import blob_id, repository_root
from .model import Archive, Notice, Version
from .sources import FENCE, PLACEHOLDER_SUMMARY, parse_notice

LINE = re.compile(r"(?<=\n)")
KEY_VALUE = re.compile(
    r"^(?P<key>\s*[A-Za-z_]+\s*:[ \t]*)(?P<value>.*?)(?P<end>[ \t]*(#.*)?\r?\n?)$"
)


@dataclass(frozen=True)
class StartedVersion:
    """What `start_next_version` did, for the command to tell the editor."""

    file: Path
    source: str
    """The file's path relative to the repository root."""
    notice_title: str
    previous: Version
    effective: dt.date
    summary_line: int
    notes: tuple[str, ...] = ()
    """Things the editor should know (a date in the past...), not reasons to refuse."""


def start_next_version(
    notices_path: Path,
    slug: str,
    effective: dt.date,
    *,
    today: dt.date,
    cache: BuildCache,
    force: bool = False,
) -> StartedVersion:
    """Rewrite the notice's file as the start of its version of `effective`.

    Refuses (NoticeError) when there is no such notice, when `effective` is not after the
    latest published version's date, and, unless `force`, when the file has uncommitted
    changes (with `force`, those changes are kept and become part of the new version).
    """
    archive, _ = load_archive(notices_path, today, cache=cache)
    notice = _find_notice(archive, slug, notices_path)
    latest = notice.latest
    _check_date(notice, latest, effective)
    file = repository_root(notices_path) / notice.path
    data = _read_current(file, notice, latest, force)
    text, summary_line = _rewrite(data, notice.path, effective)
    file.write_bytes(text.encode("utf-8"))
    notes = []
    if effective < today:
        notes.append(
            f"{effective} is before today: the version will be published after the date it "
            "claims to take effect. A HIPAA notice must be published by its effective date."
        )
    return StartedVersion(
        file, notice.path, notice.title, latest, effective, summary_line, tuple(notes)
    )


def _find_notice(archive: Archive, slug: str, notices_path: Path) -> Notice:
    notice = archive.notice(slug)
    if notice is not None and not notice.is_retired:
        return notice
    if notice is not None and notice.retired is not None:
        retired = notice.retired
        raise NoticeError(
            f"the notice '{slug}' was withdrawn on {retired.date} (commit {retired.short}), so "
            "there is no current text to start from.",
            path=notice.path,
            fix=f"to publish it again, restore the file with 'git checkout {retired.short}^ -- "
            f"{notice.path}' and commit it; then run notices new again.",
        )
    slugs = [n.slug for n in archive.notices if not n.is_retired]
    close = difflib.get_close_matches(slug, slugs, n=1)
    if close:
        fix = f"did you mean '{close[0]}'?"
    elif any(notices_path.rglob(f"{slug}.md")):
        fix = (
            f"{slug}.md has never been committed: its first version is published when you "
            "commit it; notices new starts the versions after that."
        )
    else:
        fix = "the notices are: " + (", ".join(slugs) or "none yet") + "."
    raise NoticeError(f"there is no published notice named '{slug}'.", fix=fix)


def _check_date(notice: Notice, latest: Version, effective: dt.date) -> None:
    if effective > latest.effective_date:
        return
    first = latest.revisions[0]
    where = f"published {latest.published} in commit {first.short}"
    if effective == latest.effective_date:
        problem = f"{effective} is already the effective date of the latest version ({where})."
        fix = (
            "to correct that version, edit the file and commit it without changing its "
            f"effective_date; to start a new version, give a date after {effective}."
        )
    else:
        problem = (
            f"{effective} is not after {latest.effective_date}, the effective date of the "
            f"latest version ({where}); a published version cannot be replaced by an "
            "earlier one."
        )
        fix = f"give a date after {latest.effective_date}."
    raise NoticeError(problem, path=notice.path, fix=fix)


def _read_current(file: Path, notice: Notice, latest: Version, force: bool) -> bytes:
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise NoticeError(
            "the file is missing from your working folder, though it is committed.",
            path=notice.path,
            fix=f"restore it with 'git checkout -- {notice.path}', then run notices new again.",
        ) from None
    if blob_id(data) != latest.last_revision.blob and not force:
        raise NoticeError(
            "the file has changes that are not committed; notices new starts from the "
            "committed text, and would mix your changes into the new version.",
            path=notice.path,
            fix="commit the changes first (or discard them with 'git checkout -- "
            f"{notice.path}'); or run notices new again with --force to keep them in the new "
            "version.",
        )
    return data


def _rewrite(data: bytes, path: str, effective: dt.date) -> tuple[str, int]:
    """The file with the new effective date and a placeholder summary; the summary's line."""
    text = parse_notice(data, path=path, commit="")  # the text to start from must be valid
    source = data.decode("utf-8")
    lines = LINE.split(source)
    if lines and lines[-1] == "":
        lines.pop()
    newline = "\r\n" if lines[0].endswith("\r\n") else "\n"
    date_line = text.key_lines["effective_date"]
    lines[date_line - 1] = _with_value(lines[date_line - 1], effective.isoformat())
    summary = f'summary: "{PLACEHOLDER_SUMMARY}"{newline}'
    start = text.key_lines.get("summary")
    if start is None:
        lines.insert(date_line, summary)
        return "".join(lines), date_line + 1
    end = _value_end(lines, start, text.key_lines)
    lines[start - 1 : end] = [summary]
    return "".join(lines), start


def _with_value(line: str, value: str) -> str:
    match = KEY_VALUE.match(line)
    if match is None:  # parse_notice found the key on this line, so this cannot happen
        raise ValueError(line)
    return match["key"] + value + match["end"]


def _value_end(lines: list[str], start: int, key_lines: Mapping[str, int]) -> int:
    """The last line (1-based) of the value whose key is on line `start`.

    It runs to the next key or the closing fence, leaving out blank and comment lines before
    them, which belong to what follows.
    """
    fence = next(i + 1 for i in range(1, len(lines)) if FENCE.match(lines[i].rstrip("\r\n")))
    end = min((line for line in key_lines.values() if line > start), default=fence) - 1
    while end > start and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return end
