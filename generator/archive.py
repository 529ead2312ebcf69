"""Loading the archive: git history read once, each file version parsed once (cached by blob)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .cache import BuildCache
from .errors import NoticeError
from .history import read_history
from .model import Archive, Kind, NoticeText, Revision
from .sources import check_summary_written, parse_notice
from .versions import build_archive


def load_archive(
    notices_path: Path,
    build_date: dt.date,
    *,
    cache: BuildCache,
    include_drafts: bool = False,
) -> tuple[Archive, list[NoticeError]]:
    """Every notice under `notices_path` with its versions as of `build_date`.

    Returns the archive and the problems of revisions that later commits replaced.
    """
    history = read_history(notices_path, include_drafts=include_drafts)
    try:

        def read_text(revision: Revision) -> NoticeText:
            assert revision.blob is not None  # deletions carry no text
            blob = revision.blob
            text = cache.get_or_make(
                "text",
                cache.key("text", blob),
                lambda: parse_notice(
                    history.read_blob(blob), path=revision.path, commit=revision.short
                ),
                _text_to_json,
                _text_from_json,
            )
            if not revision.is_draft:  # a draft in the preview may still say "TO DO"
                check_summary_written(text, path=revision.path, commit=revision.short)
            return text

        return build_archive(history.revisions, read_text, build_date)
    finally:
        history.close()


def _text_to_json(text: NoticeText) -> dict[str, Any]:
    data = asdict(text)
    data["effective_date"] = text.effective_date.isoformat()
    data["kind"] = text.kind.value
    return data


def _text_from_json(data: dict[str, Any]) -> NoticeText:
    return NoticeText(
        **{
            **data,
            "effective_date": dt.date.fromisoformat(data["effective_date"]),
            "kind": Kind(data["kind"]),
        }
    )
