"""Former addresses of renamed notices, so that a permanent link keeps working after a rename."""

from __future__ import annotations

from pathlib import PurePosixPath

from .model import Archive
from .pages import history_url, notice_url, version_url
from .versions import SLUG


def former_addresses(archive: Archive) -> dict[str, str]:
    """Old site-relative address -> the address it moved to, for every renamed notice.

    An old name that another notice uses today belongs to that notice, and is not redirected.
    """
    taken = {notice.slug for notice in archive.notices}
    moved: dict[str, str] = {}
    for notice in archive.notices:
        for path in notice.former_paths:
            old = PurePosixPath(path).stem
            if old in taken or not SLUG.fullmatch(old):
                continue
            moved[notice_url(old)] = notice_url(notice)
            moved[history_url(old)] = history_url(notice)
            for version in notice.versions:
                moved[f"{old}/{version.key}/"] = version_url(version)
    return moved
