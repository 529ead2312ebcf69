"""The build cache: results kept between builds, each stored under the hash of what it depends on.

Entries are written atomically (a temporary file, then a rename), so two builds running at
once never see half an entry. Every key includes a fingerprint of this package's code and
templates, so an entry from another version of the code is never found; an entry that is
unreadable or does not match its key is ignored and made again.

An entry is touched each time a build uses it, and a build removes, at most once a day, the
entries no build has used for UNUSED_DAYS: those of earlier releases, of texts since edited, of
drafts. The cache holds what recent builds need, and does not grow with every save.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

FORMAT = 1
PACKAGE = Path(__file__).parent
UNUSED_DAYS = 30
DAY = 24 * 60 * 60
PRUNED_MARK = "last-pruned"
"""A file in the cache's folder, touched each time unused entries are removed."""
T = TypeVar("T")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of every file of the package (code, templates, assets, rules)."""
    return folder_fingerprint(PACKAGE)


def folder_fingerprint(folder: Path) -> str:
    """Hash of the names and contents of every file under `folder` (empty when there is none)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def content_hash(*parts: str | bytes) -> str:
    """A stable hash of several strings or byte strings, unambiguous about their boundaries."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(b"%d:" % len(data))
        digest.update(data)
    return digest.hexdigest()


class BuildCache:
    """Results by kind ("text", "body", "redline", "pdf", ...) and key, kept in a folder.

    With no folder, nothing is kept and every lookup misses. `counts` tells, per kind, how
    many entries were reused ("hit") and how many were made ("miss").
    """

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self.counts: Counter[tuple[str, str]] = Counter()
        self._counting = threading.Lock()  # PDFs are gathered in a thread beside the pages

    def count(self, kind: str, outcome: str) -> None:
        """Note that an entry of `kind` was reused ("hit") or made ("miss")."""
        with self._counting:
            self.counts[kind, outcome] += 1

    def key(self, *parts: str | bytes) -> str:
        return content_hash(code_fingerprint(), FORMAT.to_bytes(2, "big"), *parts)

    def get_or_make(
        self,
        kind: str,
        key: str,
        make: Callable[[], T],
        dump: Callable[[T], Any],
        load: Callable[[Any], T],
    ) -> T:
        """The cached value for `key`, or `make()`'s, stored as JSON through dump and load."""
        stored = self.load_json(kind, key)
        if stored is not None:
            try:
                value = load(stored)
            except (KeyError, TypeError, ValueError):
                value = None
            if value is not None:
                self.count(kind, "hit")
                return value
        self.count(kind, "miss")
        value = make()
        with contextlib.suppress(TypeError, ValueError):  # a value JSON cannot hold is not kept
            self.store_json(kind, key, dump(value))
        return value

    def load_json(self, kind: str, key: str) -> Any | None:
        path = self._path(kind, key, ".json")
        if path is None:
            return None
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("key") != key or "value" not in entry:
            return None
        _touch(path)
        return entry["value"]

    def store_json(self, kind: str, key: str, value: Any) -> None:
        path = self._path(kind, key, ".json")
        if path is not None:
            data = json.dumps({"key": key, "value": value}, ensure_ascii=False, sort_keys=True)
            _write_atomically(path, data.encode("utf-8"))

    def file(self, kind: str, key: str) -> Path | None:
        """The stored file for `key`, when there is one whose content matches its record."""
        found = self._checked_file(kind, key)
        return found[0] if found else None

    def file_bytes(self, kind: str, key: str) -> bytes | None:
        """The content of the stored file for `key`, as read once to check it."""
        found = self._checked_file(kind, key)
        return found[1] if found else None

    def _checked_file(self, kind: str, key: str) -> tuple[Path, bytes] | None:
        path = self._path(kind, key, ".bin")
        record = self.load_json(kind, key)
        if path is None or not isinstance(record, dict):
            return None
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != record.get("sha256"):
            return None
        _touch(path)
        return path, data

    def store_file(self, kind: str, key: str, data: bytes) -> Path | None:
        path = self._path(kind, key, ".bin")
        if path is None:
            return None
        _write_atomically(path, data)
        self.store_json(kind, key, {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
        return path

    def prune(self) -> int:
        """Remove the entries no build has used for UNUSED_DAYS; the number removed.

        Only once a day: other days it returns 0 without looking. Files that are not entries
        (the theme's compiled templates, anything else in the folder) are left alone.
        """
        if self.root is None or not self.root.is_dir():
            return 0
        now = time.time()
        mark = self.root / PRUNED_MARK
        with contextlib.suppress(OSError):
            if now - mark.stat().st_mtime < DAY:
                return 0
        try:
            mark.touch()
        except OSError:  # a cache this build may only read
            return 0
        removed = 0
        for path in self.root.glob("*/??/*"):
            if _is_entry(path) and _unused_since(path, now - UNUSED_DAYS * DAY):
                with contextlib.suppress(OSError):  # another build removed it first
                    path.unlink()
                    if path.suffix == ".json":
                        removed += 1
        return removed

    def _path(self, kind: str, key: str, suffix: str) -> Path | None:
        if self.root is None:
            return None
        return self.root / kind / key[:2] / (key + suffix)

    def hits(self, kind: str) -> int:
        return self.counts[kind, "hit"]

    def misses(self, kind: str) -> int:
        return self.counts[kind, "miss"]


def _touch(path: Path) -> None:
    """Mark an entry as used now (a read-only cache is still read)."""
    with contextlib.suppress(OSError):
        os.utime(path)


def _is_entry(path: Path) -> bool:
    """An entry's record or file (KEY.json, KEY.bin), or a temporary one a killed build left."""
    return path.suffix in (".json", ".bin") or path.name.startswith(".")


def _unused_since(path: Path, moment: float) -> bool:
    try:
        return path.stat().st_mtime < moment
    except OSError:
        return False


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def copy_or_link(source: Path, target: Path) -> None:
    """Put a cached file at `target`: a hard link where the file system allows, else a copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
