"""The source file of an imported notice: front matter, with where it came from, then its text."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from ..sources import parse_notice
from .markdown_out import blocks_to_markdown
from .model import Document, ImportedPage


class _Dumper(yaml.SafeDumper):
    """Writes the same date twice as itself, never as an anchor and an alias (&id001)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def source_text(document: Document, page: ImportedPage, *, today: dt.date, path: str) -> str:
    """The notice file for `document`, checked by the same reader the build uses."""
    record: dict[str, Any] = {
        "source": page.source,
        "date": today,
        "published": document.effective.date,
    }
    if document.updated:
        record["updated"] = document.updated.date
    front: dict[str, Any] = {
        "title": document.title,
        "kind": document.kind.value,
        "effective_date": document.effective.date,
    }
    if page.language:
        front["language"] = page.language
    front["imported"] = record
    yaml_text = yaml.dump(
        front, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000
    )
    text = f"---\n{yaml_text}---\n\n{blocks_to_markdown(list(document.blocks))}"
    parse_notice(text.encode("utf-8"), path=path, commit="")
    return text
