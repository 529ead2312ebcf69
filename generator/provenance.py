"""The `imported:` front matter key: where a notice was published before it was kept here."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from typing import Any

from .errors import NoticeError
from .model import ImportRecord

KEYS = ("source", "date", "published", "updated")
REQUIRED = ("source", "date", "published")
DATE_FORMAT = re.compile(r"\d{4}-\d{2}-\d{2}")
SUB_KEY = re.compile(r"^\s+([A-Za-z_][\w-]*)\s*:")
EXAMPLE = (
    "write it as:\n"
    "    imported:\n"
    "      source: https://www.example.org/privacy\n"
    "      date: 2026-11-22\n"
    "      published: 2025-07-16"
)


def check_import_record(
    value: Any, *, line: int, file_lines: list[str], where: Mapping[str, str]
) -> ImportRecord | None:
    """The `imported:` record of a notice file, checked key by key; None when absent."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise NoticeError(
            "'imported' must be keys: source, date, published and, if known, updated.",
            line=line,
            fix=EXAMPLE,
            **where,
        )
    lines = _sub_key_lines(file_lines, line)

    def fail(key: str, problem: str, fix: str) -> NoticeError:
        return NoticeError(problem, line=lines.get(key, line), fix=fix, **where)

    _check_keys(value, fail)
    source = value["source"]
    if not isinstance(source, str) or not source.strip():
        raise fail("source", "imported.source must be text.", "give the page's address.")
    for key in KEYS[1:]:
        if value.get(key) is not None:
            _date(value, key, fail)
    record = ImportRecord.from_front_matter(value)
    if record.published > record.date:
        raise fail(
            "published",
            f"imported.published {record.published} is after the import date {record.date}.",
            "published is the date the notice was first published on the website, before "
            "it was imported; date is the day it was imported.",
        )
    return record


def _check_keys(value: dict[Any, Any], fail: Any) -> None:
    for key in value:
        if str(key) not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "the keys are " + ", ".join(KEYS)
            raise fail(str(key), f"unknown key 'imported.{key}'.", hint + ".")
    for key in REQUIRED:
        if value.get(key) in (None, ""):
            raise fail(
                "imported",
                f"imported has no '{key}'.",
                "imported needs source, date and published; " + EXAMPLE,
            )


def _date(value: dict[Any, Any], key: str, fail: Any) -> dt.date:
    text = str(value[key]).strip()
    fix = f"write the date as YYYY-MM-DD, for example {key}: 2025-07-16."
    if not DATE_FORMAT.fullmatch(text):
        raise fail(key, f"imported.{key} '{text}' is not a date in the form YYYY-MM-DD.", fix)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise fail(key, f"imported.{key} '{text}' is not a real date.", fix) from None


def _sub_key_lines(file_lines: list[str], line: int) -> dict[str, int]:
    """Line of each key written under `imported:` (block style), and of `imported` itself."""
    lines = {"imported": line}
    for number in range(line + 1, len(file_lines) + 1):
        match = SUB_KEY.match(file_lines[number - 1])
        if match is None:
            if file_lines[number - 1].strip():
                break
            continue
        lines.setdefault(match.group(1), number)
    return lines
