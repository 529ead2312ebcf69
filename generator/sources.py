"""Reading one notice file: front matter checked key by key, then the Markdown body."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from collections.abc import Mapping
from typing import Any

import yaml

from .errors import NoticeError
from .model import Kind, NoticeText
from .provenance import check_import_record

REQUIRED_KEYS = ("title", "kind", "effective_date")
OPTIONAL_KEYS = ("summary", "entity", "language", "waivers", "covers", "imported")
KNOWN_KEYS = REQUIRED_KEYS + OPTIONAL_KEYS
DATE_FORMAT = re.compile(r"\d{4}-\d{2}-\d{2}")
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")
MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]")

PLACEHOLDER_SUMMARY = "TO DO: say in plain words what changed in this version."
"""What `notices new` writes as the summary; the build refuses to publish it."""

EXAMPLE_FRONT_MATTER = (
    "start the file with a front matter block, for example:\n"
    "    ---\n"
    "    title: Notice of Privacy Practices\n"
    "    kind: hipaa-npp\n"
    "    effective_date: 2026-01-01\n"
    "    ---"
)


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps dates as text, so "2025-02-30" gets our message, not a crash."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_notice(data: bytes, *, path: str, commit: str) -> NoticeText:
    """Parse a notice file's bytes; raise NoticeError naming path, line and commit."""
    where = {"path": path, "commit": commit}
    text = _decode(data, where)
    lines = text.split("\n")
    if not lines or not FENCE.match(lines[0]) or lines[0].startswith("..."):
        raise NoticeError(
            "the file has no front matter.", line=1, fix=EXAMPLE_FRONT_MATTER, **where
        )
    end = next((i for i in range(1, len(lines)) if FENCE.match(lines[i])), None)
    if end is None:
        raise NoticeError(
            "the front matter that starts on line 1 is never closed.",
            line=1,
            fix="end the front matter with a line holding only '---'.",
            **where,
        )
    front, key_lines = _load_front_matter("\n".join(lines[1:end]), where)
    return _build_text(front, key_lines, lines, end, data, where)


def check_summary_written(text: NoticeText, *, path: str, commit: str) -> None:
    """Refuse a committed version whose summary is still the placeholder of `notices new`."""
    if PLACEHOLDER_SUMMARY in " ".join(text.summary.split()):
        raise NoticeError(
            "the summary is still the placeholder that 'notices new' wrote, so readers "
            "would not learn what changed.",
            path=path,
            line=text.key_lines.get("summary"),
            commit=commit,
            fix="replace it with what changed in this version, in plain words, and commit again.",
        )


def _decode(data: bytes, where: Mapping[str, str]) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise NoticeError(
            f"the file is not valid UTF-8 text (byte 0x{data[error.start]:02X} cannot be read).",
            line=line,
            fix="save the file with UTF-8 encoding (in most editors: Save As, Encoding: UTF-8).",
            **where,
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _load_front_matter(
    yaml_text: str, where: Mapping[str, str]
) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        node = yaml.compose(yaml_text, Loader=_Loader)
        front = yaml.load(yaml_text, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error)
        raise NoticeError(
            f"the front matter is not valid YAML: {problem}.",
            line=line,
            fix="write each key as 'key: value' on its own line; put quotes around values "
            "that contain a colon followed by a space.",
            **where,
        ) from None
    if not isinstance(front, dict) or not isinstance(node, yaml.MappingNode):
        raise NoticeError(
            "the front matter must be a list of 'key: value' lines.",
            line=2,
            fix=EXAMPLE_FRONT_MATTER,
            **where,
        )
    return front, _key_lines(node)


def _key_lines(node: yaml.Node, prefix: str = "") -> dict[str, int]:
    """Line of every key, nested ones as dotted paths ("entity.practices.fundraising").

    List items are numbered ("covers.right-to-amend.0"), so messages can point at any value.
    """
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        children = [
            (key.value, key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)
        ]
    elif isinstance(node, yaml.SequenceNode):
        children = [(str(i), item, item) for i, item in enumerate(node.value)]
    else:
        return lines
    for name, key, value in children:
        path = f"{prefix}{name}"
        lines[path] = key.start_mark.line + 2
        lines.update(_key_lines(value, path + "."))
    return lines


def _build_text(
    front: dict[str, Any],
    key_lines: dict[str, int],
    lines: list[str],
    end: int,
    data: bytes,
    where: Mapping[str, str],
) -> NoticeText:
    _check_keys(front, key_lines, where)
    check_import_record(
        front.get("imported"), line=key_lines.get("imported", 1), file_lines=lines, where=where
    )

    def fail(key: str, problem: str, fix: str) -> NoticeError:
        return NoticeError(problem, line=key_lines.get(key, 1), fix=fix, **where)

    title = _text_value(front, "title", fail, required=True)
    kind = _kind(front.get("kind"), fail)
    effective = _date(front.get("effective_date"), fail)
    language = _text_value(front, "language", fail) or "en"
    if not LANGUAGE_TAG.fullmatch(language):
        raise fail(
            "language",
            f"language '{language}' is not a language tag.",
            "use a tag such as en or es-US.",
        )
    return NoticeText(
        title=title,
        kind=kind,
        effective_date=effective,
        summary=_text_value(front, "summary", fail),
        language=language,
        entity=_entity_name(front.get("entity"), fail),
        body="\n".join(lines[end + 1 :]).strip("\n") + "\n",
        body_line=end + 2 + _leading_blank_lines(lines[end + 1 :]),
        sha256=hashlib.sha256(data).hexdigest(),
        front_matter=front,
        key_lines=key_lines,
    )


def _check_keys(front: dict[str, Any], key_lines: dict[str, int], where: Mapping[str, str]) -> None:
    for key in front:
        if str(key) not in KNOWN_KEYS:
            close = difflib.get_close_matches(str(key), KNOWN_KEYS, n=1)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else "the keys are " + ", ".join(KNOWN_KEYS) + "."
            )
            raise NoticeError(
                f"unknown front matter key '{key}'.",
                line=key_lines.get(str(key), 1),
                fix=hint,
                **where,
            )
    for key in REQUIRED_KEYS:
        if front.get(key) in (None, ""):
            raise NoticeError(
                f"the front matter has no '{key}'.",
                line=2,
                fix=f"add a line '{key}: ...' to the front matter; "
                + "title, kind and effective_date are required.",
                **where,
            )


def _text_value(front: dict[str, Any], key: str, fail: Any, *, required: bool = False) -> str:
    value = front.get(key)
    if value is None:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise fail(key, f"'{key}' must be text.", f'write it as {key}: "...".')
    return _plain(value, key, fail)


def _plain(value: str, key: str, fail: Any) -> str:
    """Text shown in the site's headings, menus and titles: plain words, never markup."""
    if MARKUP.search(value):
        raise fail(
            key,
            f"'{key}' holds HTML markup, which the site would show or run as code.",
            f"write {key} as plain words, without <...> tags.",
        )
    return value.strip()


def _kind(value: Any, fail: Any) -> Kind:
    try:
        return Kind(value)
    except ValueError:
        kinds = " or ".join(k.value for k in Kind)
        raise fail(
            "kind", f"kind '{value}' is not a kind of notice this tool knows.", f"use {kinds}."
        ) from None


def _date(value: Any, fail: Any) -> dt.date:
    text = str(value).strip()
    fix = "write the date as YYYY-MM-DD, for example effective_date: 2026-01-01."
    if not DATE_FORMAT.fullmatch(text):
        raise fail(
            "effective_date", f"effective_date '{text}' is not a date in the form YYYY-MM-DD.", fix
        )
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise fail("effective_date", f"effective_date '{text}' is not a real date.", fix) from None


def _entity_name(value: Any, fail: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return _plain(value, "entity", fail)
    if isinstance(value, dict) and isinstance(value.get("name", ""), str):
        return _plain(str(value.get("name", "")), "entity", fail)
    raise fail(
        "entity",
        "'entity' must be a name, or keys such as name: and type:.",
        "write entity:\n    name: Example Health",
    )


def _leading_blank_lines(lines: list[str]) -> int:
    count = 0
    for line in lines:
        if line.strip():
            break
        count += 1
    return count
