"""What `notices diff` compares: a file, a published version or a git revision, as a text.

Each side is one of:
- a file: `notices/npp.md` (as it is on disk now);
- a published version: `npp@2025-01-01`, `npp@current`, `npp@latest`;
- a git revision with a path, `HEAD~1:notices/npp.md` (the path from the repository root, or
  from the current folder when it starts with ./ or ../), or a bare revision, `main`, that
  takes its path from the other side.
With one side only, the other is the same notice as last committed (for a file or revision)
or as it is on disk (for a version): what an editor is about to commit.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from ..archive import load_archive
from ..cache import BuildCache
from ..errors import WORKING_TREE, NoticeError
from ..history import is_revision, read_committed, repository_path
from ..model import Archive, Notice, Version
from ..render import render_body
from ..sources import parse_notice
from .compare import version_side
from .diff import diff_bodies
from .model import Redline, Side

VERSION = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*@(?:\d{4}-\d{2}-\d{2}|current|latest)")
FORMS = (
    "a file (notices/npp.md), a published version (npp@2025-01-01, npp@current) or a git "
    "revision (HEAD~1:notices/npp.md, or HEAD~1 with a file on the other side)"
)


@dataclass(frozen=True)
class Text:
    """One side of a comparison: the Markdown body, where it came from, and how to name it."""

    body: str
    body_line: int
    side: Side
    path: str
    commit: str
    """Short commit id, or "uncommitted changes" for a file on disk in a repository."""
    language: str = "en"


@dataclass(frozen=True)
class _Spec:
    kind: str
    """"file", "version", "revision" (with a path) or "bare" (a revision without one)."""
    argument: str
    revision: str = ""
    path: str = ""


@dataclass
class _Place:
    """Where the command runs, and the archive of published versions, read when first needed."""

    cwd: Path
    notices: Path
    build_date: dt.date

    @cached_property
    def archive(self) -> Archive:
        archive, _ = load_archive(self.notices, self.build_date, cache=BuildCache(None))
        return archive


def read_sides(
    old: str, new: str | None, *, cwd: Path, notices: Path, build_date: dt.date
) -> tuple[Text, Text]:
    """The two texts `notices diff OLD [NEW]` compares; NoticeError when one cannot be read."""
    place = _Place(cwd, notices, build_date)
    old_spec = _classify(old, place)
    if old_spec.kind == "bare" and new is None:
        raise NoticeError(
            f"'{old}' is a git revision, but which notice file should be compared?",
            fix=f"name the file too: notices diff {old}:notices/<file>.md, "
            f"or notices diff {old} notices/<file>.md.",
        )
    new_spec = _classify(new, place) if new is not None else _other_side(old_spec, place)
    old_spec = _with_path(old_spec, new_spec, place)
    new_spec = _with_path(new_spec, old_spec, place)
    if new is None and old_spec.kind == "file":
        old_spec = _committed(old_spec, place)
    return _read(old_spec, place), _read(new_spec, place)


def diff_sides(old: Text, new: Text) -> Redline:
    """The redline between two sides; NoticeError if either holds markup that could run script."""
    return diff_bodies(_render(old), _render(new))


def _render(text: Text) -> str:
    return render_body(
        text.body, path=text.path, commit=text.commit, first_line=text.body_line
    ).html


def _classify(argument: str, place: _Place) -> _Spec:
    if (place.cwd / argument).is_file():
        return _Spec("file", argument)
    if VERSION.fullmatch(argument):
        return _Spec("version", argument)
    revision, colon, path = argument.partition(":")
    if colon and revision:
        return _Spec("revision", argument, revision, _repository_relative(path, place))
    if is_revision(place.cwd, argument):
        return _Spec("bare", argument, argument)
    if (place.cwd / argument).exists():
        problem = f"'{argument}' is a folder, not a notice file."
    else:
        problem = f"'{argument}' is not a file, a published version or a git revision."
    raise NoticeError(problem, fix=f"give {FORMS}.")


def _repository_relative(path: str, place: _Place) -> str:
    if not path.startswith(("./", "../")):
        return path
    found = repository_path(place.cwd / path)
    return found[1] if found else path


def _other_side(spec: _Spec, place: _Place) -> _Spec:
    """With one side given: the notice on disk (after a version or revision), or itself."""
    if spec.kind == "version":
        file = _notice_file(spec, place)
    elif spec.kind == "revision":
        file = _root(place) / spec.path
    else:
        return spec
    return _Spec("file", os.path.relpath(file, place.cwd))


def _committed(spec: _Spec, place: _Place) -> _Spec:
    found = repository_path(place.cwd / spec.argument)
    if found is None:
        raise NoticeError(
            "the file is not in a git repository, so it has no committed version to compare with.",
            path=spec.argument,
            fix="give the other text too: notices diff OLD NEW.",
        )
    return _Spec("revision", f"HEAD:{found[1]}", "HEAD", found[1])


def _with_path(spec: _Spec, other: _Spec, place: _Place) -> _Spec:
    """A bare revision takes the path of the notice on the other side."""
    if spec.kind != "bare":
        return spec
    if other.kind == "file":
        found = repository_path(place.cwd / other.argument)
        path = found[1] if found else other.argument
    elif other.kind == "revision":
        path = other.path
    elif other.kind == "version":
        path = _version(other, place).last_revision.path
    else:
        raise NoticeError(
            f"'{spec.argument}' and '{other.argument}' are both git revisions; which notice "
            "file should be compared?",
            fix=f"name the file on one side: notices diff {spec.argument}:notices/<file>.md "
            f"{other.argument}.",
        )
    return _Spec("revision", f"{spec.revision}:{path}", spec.revision, path)


def _read(spec: _Spec, place: _Place) -> Text:
    if spec.kind == "version":
        version = _version(spec, place)
        text = version.text
        side = version_side(version)
        side = replace(side, label=f"{version.slug}@{version.key} ({side.status_label.lower()})")
        revision = version.last_revision
        return Text(text.body, text.body_line, side, revision.path, revision.short, text.language)
    if spec.kind == "revision":
        committed = read_committed(place.cwd, spec.revision, spec.path)
        if committed.data is None:
            raise NoticeError(
                f"the revision '{spec.revision}' has no file '{spec.path}'.",
                commit=committed.commit[:7],
                fix="check the path (from the top of the repository, or starting with ./) "
                "and the revision, for example with: git show " + f"{spec.revision} --stat",
            )
        label = f"{spec.path} at {spec.revision}"
        if not committed.commit.startswith(spec.revision):
            label += f" (commit {committed.commit[:7]})"
        return _parse(committed.data, spec.path, committed.commit[:7], label)
    file = place.cwd / spec.argument
    in_repository = repository_path(file) is not None
    label = f"{spec.argument} (on disk)" if in_repository else spec.argument
    return _parse(file.read_bytes(), spec.argument, WORKING_TREE if in_repository else "", label)


def _parse(data: bytes, path: str, commit: str, label: str) -> Text:
    """A notice file, or a plain Markdown file (no front matter) compared as its text."""
    if not data.removeprefix(b"\xef\xbb\xbf").startswith(b"---"):
        body = data.decode("utf-8", errors="replace")
        return Text(body, 1, Side(label, Path(path).stem), path, commit)
    text = parse_notice(data, path=path, commit=commit)
    side = Side(label, text.title, text.effective_date, text.summary)
    return Text(text.body, text.body_line, side, path, commit, text.language)


def _root(place: _Place) -> Path:
    found = repository_path(place.cwd / "x")
    if found is None:
        raise NoticeError(
            "a git revision was given, but this folder is not in a git repository.",
            path=str(place.cwd),
            fix="run the command inside your notices repository.",
        )
    return found[0]


def _notice(spec: _Spec, place: _Place) -> Notice:
    slug = spec.argument.partition("@")[0]
    archive = place.archive
    notice = archive.notice(slug)
    if notice is None:
        known = ", ".join(n.slug for n in archive.notices) or "none"
        raise NoticeError(
            f"there is no notice '{slug}' in {place.notices}.",
            fix=f"use the name of a notice file without .md; the notices are: {known}.",
        )
    return notice


def _version(spec: _Spec, place: _Place) -> Version:
    notice = _notice(spec, place)
    date = spec.argument.partition("@")[2]
    if date == "current" and notice.current is None:
        raise NoticeError(
            f"the notice '{notice.slug}' has no version in effect on {place.build_date}.",
            fix="name a version by its effective date, or use latest.",
        )
    version = {"current": notice.current, "latest": notice.latest}.get(date) or notice.version(date)
    if version is None:
        known = ", ".join(v.key for v in notice.versions)
        raise NoticeError(
            f"the notice '{notice.slug}' has no version effective {date}.",
            fix=f"use one of its versions: {known} (or current, or latest).",
        )
    return version


def _notice_file(spec: _Spec, place: _Place) -> Path:
    notice = _notice(spec, place)
    file = _root(place) / notice.path
    if not file.is_file():
        raise NoticeError(
            f"the notice '{notice.slug}' has no file on disk to compare its version with.",
            path=notice.path,
            fix="give the other text too: notices diff OLD NEW.",
        )
    return file
