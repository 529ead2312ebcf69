"""Git, and only here: the revisions of every notice file in one pass over the history."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import git

from .errors import NoticeError
from .model import Revision

FIELD, RECORD = "\x1f", "\x1e"
LOG_FORMAT = f"{RECORD}%H{FIELD}%cI{FIELD}%aN{FIELD}%s"
IGNORED_NAMES = {"readme.md"}


@dataclass
class History:
    """Every revision of the notice files on the built branch, oldest first, and their blobs."""

    root: Path
    notices_dir: str
    """The notices folder relative to the repository root, in POSIX form ("notices")."""
    revisions: list[Revision]
    head: str | None
    repo: git.Repo | None = None
    drafts: dict[str, bytes] = field(default_factory=dict)
    """Contents of uncommitted files, by the blob id git would give them."""

    def read_blob(self, blob: str) -> bytes:
        """The bytes of a file version, through one long-running `git cat-file --batch`."""
        if blob in self.drafts:
            return self.drafts[blob]
        assert self.repo is not None  # committed blobs only exist when there is a repository
        return bytes(self.repo.odb.stream(bytes.fromhex(blob)).read())

    def close(self) -> None:
        if self.repo is not None:
            self.repo.close()


def is_notice_path(path: str, notices_dir: str) -> bool:
    """Whether a repository path is a notice source: a Markdown file under the notices folder."""
    pure = PurePosixPath(path)
    prefix = PurePosixPath(notices_dir)
    return (
        pure.suffix == ".md"
        and (notices_dir in ("", ".") or prefix in pure.parents)
        and pure.name.lower() not in IGNORED_NAMES
        and not pure.name.startswith(("_", "."))
    )


def read_history(notices_path: Path, *, include_drafts: bool = False) -> History:
    """Read the revisions of all notices under `notices_path` from its git repository.

    One `git log` over the first-parent history of HEAD lists every change with its blob id;
    blobs are then read on demand. With `include_drafts`, uncommitted edits become revisions
    without a commit, for the local preview.
    """
    repo = _open_repo(notices_path)
    root = Path(repo.working_tree_dir or notices_path).resolve()
    notices_dir = notices_path.resolve().relative_to(root).as_posix()
    head = _head(repo)
    revisions = list(_log(repo, notices_dir)) if head else []
    history = History(root, notices_dir, revisions, head, repo)
    if head is None and not include_drafts:
        raise NoticeError(
            "the repository has no commits yet, so there is nothing to publish.",
            path=str(root),
            fix="commit your notices (git add notices && git commit), then build again.",
        )
    if include_drafts:
        _add_drafts(history)
    return history


def repository_root(notices_path: Path) -> Path:
    """The top folder of the git repository (or worktree) that holds `notices_path`."""
    repo = _open_repo(notices_path)
    try:
        return Path(repo.working_tree_dir or notices_path).resolve()
    finally:
        repo.close()


def _open_repo(notices_path: Path) -> git.Repo:
    if not notices_path.is_dir():
        raise NoticeError(
            "the notices folder does not exist.",
            path=str(notices_path),
            fix="create it, or set docs_dir in mkdocs.yml to the folder that holds the notices.",
        )
    try:
        repo = git.Repo(notices_path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise NoticeError(
            "the notices folder is not in a git repository, so there is no history to publish.",
            path=str(notices_path),
            fix="build from a clone of your notices repository, or run 'git init' and commit "
            "the notices.",
        ) from None
    if repo.git.rev_parse("--is-shallow-repository") == "true":
        repo.close()
        raise NoticeError(
            "this is a shallow clone: its history is cut, so earlier versions of the notices "
            "cannot be found.",
            path=str(repo.working_tree_dir),
            fix="fetch the full history with 'git fetch --unshallow' (in GitHub Actions, give "
            "actions/checkout 'fetch-depth: 0').",
        )
    return repo


def _head(repo: git.Repo) -> str | None:
    try:
        return repo.head.commit.hexsha
    except ValueError:  # an empty repository: HEAD names a branch with no commits
        return None


def _log(repo: git.Repo, notices_dir: str) -> Iterator[Revision]:
    """Parse one `git log --raw -z` of the first-parent history, following renames."""
    output = repo.git.log(
        "--first-parent",
        "--diff-merges=first-parent",
        "--reverse",
        "--raw",
        "-M",
        "--no-abbrev",
        "-z",
        f"--format={LOG_FORMAT}",
        "--",
        notices_dir or ".",
        strip_newline_in_stdout=False,
    )
    for record in output.split(RECORD)[1:]:
        header, _, changes = record.partition("\0")
        commit, iso_date, author, subject = header.split(FIELD, 3)
        when = dt.datetime.fromisoformat(iso_date)
        for path, blob, renamed_from in _changes(changes, notices_dir):
            yield Revision(path, blob, commit, when, author, subject, renamed_from)


def _changes(raw: str, notices_dir: str) -> Iterator[tuple[str, str | None, str | None]]:
    """Yield (path, new blob or None when deleted, old path when renamed) for each change."""
    tokens = raw.lstrip("\n").split("\0")
    i = 0
    while i < len(tokens) and tokens[i].startswith(":"):
        meta = tokens[i].lstrip(":").split()
        status, blob = meta[4], meta[3]
        if status[0] in "RC":
            old, new = tokens[i + 1], tokens[i + 2]
            i += 3
            is_rename = status[0] == "R" and is_notice_path(old, notices_dir)
            if is_notice_path(new, notices_dir):
                yield new, blob, old if is_rename else None
            elif is_rename:
                yield old, None, None
            continue
        path = tokens[i + 1]
        i += 2
        if is_notice_path(path, notices_dir):
            yield path, None if status[0] == "D" else blob, None


def _add_drafts(history: History) -> None:
    """Add a revision without a commit for each notice that differs from HEAD on disk."""
    committed = _head_state(history.revisions)
    now = dt.datetime.now().astimezone()
    on_disk: dict[str, str] = {}
    folder = history.root / history.notices_dir
    for file in sorted(folder.rglob("*.md")):
        path = file.relative_to(history.root).as_posix()
        if is_notice_path(path, history.notices_dir):
            data = file.read_bytes()
            blob = blob_id(data)
            history.drafts[blob] = data
            on_disk[path] = blob
    for path in sorted(set(committed) - set(on_disk)):
        history.revisions.append(Revision(path, None, "", now, "", "deleted, not yet committed"))
    for path, blob in on_disk.items():
        if committed.get(path) != blob:
            history.revisions.append(Revision(path, blob, "", now, "", "not yet committed"))


def _head_state(revisions: list[Revision]) -> dict[str, str]:
    state: dict[str, str] = {}
    for revision in revisions:
        if revision.renamed_from:
            state.pop(revision.renamed_from, None)
        if revision.blob is None:
            state.pop(revision.path, None)
        else:
            state[revision.path] = revision.blob
    return state


def blob_id(data: bytes) -> str:
    """The id git gives a file's content (`git hash-object`)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


@dataclass(frozen=True)
class CommittedFile:
    """A file as one commit holds it, for `notices diff` (None when the commit lacks it)."""

    data: bytes | None
    commit: str
    path: str
    """The file's path relative to the repository root, in POSIX form."""


def repository_path(file: Path) -> tuple[Path, str] | None:
    """The repository holding `file`, and the file's path in it; None outside a repository."""
    try:
        repo = git.Repo(
            file.parent if file.parent.exists() else Path.cwd(), search_parent_directories=True
        )
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None
    try:
        root = Path(repo.working_tree_dir or ".").resolve()
        return root, file.resolve().relative_to(root).as_posix()
    except ValueError:
        return None
    finally:
        repo.close()


def is_revision(start: Path, revision: str) -> bool:
    """Whether `revision` names a commit in the repository around `start`."""
    try:
        repo = git.Repo(start, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return False
    try:
        repo.commit(revision)
    except (git.BadName, git.BadObject, ValueError):
        return False
    finally:
        repo.close()
    return True


def read_committed(start: Path, revision: str, path: str) -> CommittedFile:
    """The file at `path` (from the repository root) as the commit `revision` holds it."""
    try:
        repo = git.Repo(start, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise NoticeError(
            f"'{revision}' names a git revision, but {start} is not in a git repository.",
            fix="run the command inside your notices repository.",
        ) from None
    try:
        commit = repo.commit(revision)
    except (git.BadName, git.BadObject, ValueError):
        repo.close()
        raise NoticeError(
            f"'{revision}' is not a commit, branch or tag of this repository.",
            fix="name a revision git knows, such as HEAD, HEAD~1, main or a commit id.",
        ) from None
    try:
        blob = commit.tree / path
        data = bytes(blob.data_stream.read()) if blob.type == "blob" else None
    except KeyError:
        data = None
    finally:
        repo.close()
    return CommittedFile(data, commit.hexsha, path)
