"""Plain text as a browser or scraper saves a page: its lines, indentation and blank lines."""

from __future__ import annotations

import re
from dataclasses import replace

from ..errors import NoticeError
from .model import Inline, SourceLine

EDGE_SPACE = re.compile(r"^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$")
LEADING_SPACE = re.compile(r"^[\s\u200b-\u200d\u2060\ufeff]+")
HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
WRAP_WIDTH = 60
"""A line at least this long that stops mid-sentence, followed at once by a line in lower case,
was wrapped by the program that saved the page (lynx, w3m): the two are one paragraph."""


def decode_input(data: bytes, path: str) -> str:
    """The text of a saved page; NoticeError when it is not UTF-8 or holds nothing."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NoticeError(
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02X} cannot be read).",
            path=path,
            line=data[: error.start].count(b"\n") + 1,
            fix="save the page again as UTF-8, or convert it, for example: "
            "iconv -f WINDOWS-1252 -t UTF-8 old.txt > new.txt",
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not EDGE_SPACE.sub("", text):
        raise NoticeError(
            "the file is empty.",
            path=path,
            fix="save the page that shows the notice, as text or HTML, and import that file.",
        )
    return text


def is_html(text: str, path: str) -> bool:
    """Whether a saved page is HTML, by its name or by the tags it starts with."""
    return path.lower().endswith(HTML_SUFFIXES) or bool(HTML_START.search(text[:2000]))


def read_text_lines(text: str) -> list[SourceLine]:
    """The non-blank lines of plain text, stripped, with their indentation and line numbers."""
    lines: list[SourceLine] = []
    blank = True
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.expandtabs(4)
        content = EDGE_SPACE.sub("", line)
        if not content:
            blank = True
            continue
        indent = len(line) - len(LEADING_SPACE.sub("", line, count=1))
        lines.append(SourceLine(number, (Inline(content),), indent=indent, blank_before=blank))
        blank = False
    return _join_wrapped(_dedent(lines))


def _dedent(lines: list[SourceLine]) -> list[SourceLine]:
    """Remove the indentation every line shares, so only deeper lines count as indented."""
    base = min((line.indent for line in lines), default=0)
    return [replace(line, indent=line.indent - base) for line in lines] if base else lines


def _join_wrapped(lines: list[SourceLine]) -> list[SourceLine]:
    joined: list[SourceLine] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if previous is not None and _continues(previous, line):
            text = previous.text + " " + line.text
            joined[-1] = replace(previous, pieces=(Inline(text),))
        else:
            joined.append(line)
    return joined


def _continues(previous: SourceLine, line: SourceLine) -> bool:
    text = previous.text
    return (
        not line.blank_before
        and line.indent >= previous.indent
        and len(text) >= WRAP_WIDTH
        and text[-1] not in ".!?:;"
        and line.text[0].islower()
    )
