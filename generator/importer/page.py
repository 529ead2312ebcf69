"""One saved page in, its notices out: the steps of an import, in order."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from pathlib import PurePath

from ..errors import NoticeError
from ..model import Kind
from ..sources import LANGUAGE_TAG
from .chrome import (
    drop_repeated_navigation,
    find_second_titles,
    find_title,
    footer_start,
    is_chrome_line,
    is_kept_before_title,
)
from .dates import StatedDates, find_dates
from .model import Block, Document, Dropped, FoundDate, ImportedPage, Role, SourceLine
from .patterns import NPP_HEADER, NPP_TITLE, TITLE_WORDS
from .structure import build_blocks
from .text import decode_input, is_html, read_text_lines
from .webpage import read_html

MERGED_ITEMS = re.compile(r"(?<!\.)\.\.(?!\.)\s+[A-Z][\w\u2019']*(?:\s+[\w\u2019']+){0,3}")
TITLE_SEPARATORS = re.compile(r"\s+[|\u2013\u2014-]\s+")


@dataclass(frozen=True)
class ImportOptions:
    """What the person importing said, beyond the file: each overrides a guess."""

    today: dt.date
    kind: Kind | None = None
    title: str | None = None
    effective_date: dt.date | None = None
    source: str | None = None


@dataclass(frozen=True)
class _Segment:
    """The lines of one notice on the page: its title line (if any) and its body."""

    title_line: SourceLine | None
    body: list[SourceLine]


def import_page(data: bytes, *, path: str, options: ImportOptions) -> ImportedPage:
    """Find the notice (or notices) in a saved page; raise NoticeError when one cannot be."""
    text = decode_input(data, path)
    html = is_html(text, path)
    page_title = page_url = language = ""
    if html:
        web = read_html(text)
        lines, dropped = list(web.lines), list(web.dropped)
        page_title, page_url, language = web.title, web.url, web.language
    else:
        lines, dropped = read_text_lines(text), []
    chrome = [line for line in lines if is_chrome_line(line)]
    dropped += [Dropped(line.number, line.text, "site chrome") for line in chrome]
    lines = [line for line in lines if not is_chrome_line(line)]
    segments, cut = _segments(lines, find_title(lines, options.title), options.title)
    fallback = options.title or _title_from_head(page_title)
    if segments[0].title_line is None and not fallback:
        raise NoticeError(
            "no title found: no short line near the top names a privacy policy or notice.",
            path=path,
            fix='give the title with --title "Notice of Privacy Practices".',
        )
    return ImportedPage(
        source=options.source or page_url or PurePath(path).name,
        file_format="html" if html else "text",
        language=language if LANGUAGE_TAG.fullmatch(language) and language[:2] != "en" else "",
        documents=tuple(_document(s, options, fallback, path) for s in segments),
        dropped=tuple(sorted(dropped + cut, key=lambda d: d.line)),
    )


def _segments(
    lines: list[SourceLine], title: int | None, given_title: str | None
) -> tuple[list[_Segment], list[Dropped]]:
    """Split the page into its notices, leaving out what comes before and after each."""
    if title is None:
        body, footer = _without_footer(lines)
        return [_Segment(None, body)], footer
    above = lines[:title]
    kept = [line for line in above if is_kept_before_title(line)]
    dropped = [
        Dropped(line.number, line.text, "before the title")
        for line in above
        if not is_kept_before_title(line)
    ]
    title_line = lines[title]
    if given_title and " ".join(title_line.text.split()) != " ".join(given_title.split()):
        dropped.append(Dropped(title_line.number, title_line.text, "the page's title, replaced"))
    navigation = {d.text for d in dropped}
    starts = [title, *find_second_titles(lines, title), len(lines)]
    segments = []
    for start, end in itertools.pairwise(starts):
        part, footer = _without_footer(lines[start:end])
        body, repeated = drop_repeated_navigation(part[1:], navigation)
        dropped += footer + repeated
        segments.append(_Segment(part[0], body))
    segments[0] = _Segment(segments[0].title_line, kept + segments[0].body)
    return segments, dropped


def _without_footer(part: list[SourceLine]) -> tuple[list[SourceLine], list[Dropped]]:
    start = footer_start(part)
    reason = "after the end of the notice"
    return part[:start], [Dropped(line.number, line.text, reason) for line in part[start:]]


def _title_from_head(page_title: str) -> str:
    """The part of an HTML <title> ("Privacy Policy | Example Health") that names the notice."""
    parts = TITLE_SEPARATORS.split(page_title)
    return next((part for part in parts if TITLE_WORDS.search(part)), page_title).strip()


def _document(segment: _Segment, options: ImportOptions, fallback: str, path: str) -> Document:
    title_line = segment.title_line
    title = options.title or (title_line.text if title_line else fallback)
    dates = find_dates(([title_line] if title_line else []) + segment.body)
    effective, effective_reason = _effective(dates, options, path)
    kind, kind_reason = _kind(title, segment.body, options.kind)
    blocks = build_blocks(segment.body)
    notes = [*_date_notes(dates, effective), *_merged_items(blocks)]
    if title_line is None and not options.title:
        notes.insert(0, f"the page has no title line; the title '{title}' comes from its <title>.")
    return Document(
        title=title,
        title_line=title_line.number if title_line else None,
        kind=kind,
        kind_reason=kind_reason,
        effective=effective,
        effective_reason=effective_reason,
        updated=dates.updated,
        blocks=tuple(blocks),
        notes=tuple(notes),
    )


def _effective(dates: StatedDates, options: ImportOptions, path: str) -> tuple[FoundDate, str]:
    """The version's effective date: given, stated, or else the date it was last updated."""
    if options.effective_date:
        return FoundDate(options.effective_date, 0, ""), "given with --effective-date"
    if dates.effective:
        return dates.effective, f'line {dates.effective.line}: "{dates.effective.text}"'
    for problem in dates.problems:
        if problem.label == "effective":
            raise NoticeError(
                f"the effective date cannot be used: {problem.problem}.",
                path=path,
                line=problem.line,
                fix="find out the date this version took effect, and give it with "
                "--effective-date YYYY-MM-DD.",
            )
    if dates.updated:
        found = dates.updated
        return found, f'none stated; the date it was updated, line {found.line}: "{found.text}"'
    raise NoticeError(
        "no effective date found: no line says when the notice takes effect or was updated.",
        path=path,
        fix="find out the date this version took effect, and give it with "
        "--effective-date YYYY-MM-DD.",
    )


def _kind(title: str, body: list[SourceLine], given: Kind | None) -> tuple[Kind, str]:
    if given:
        return given, "given with --kind"
    header = next((line for line in body if NPP_HEADER.search(line.text)), None)
    if header is not None:
        return Kind.HIPAA_NPP, f"line {header.number} has the HIPAA header statement"
    if NPP_TITLE.search(title):
        return Kind.HIPAA_NPP, "its title names a notice of privacy practices"
    return Kind.PRIVACY_POLICY, "no HIPAA header statement, and the title names no HIPAA notice"


def _date_notes(dates: StatedDates, effective: FoundDate) -> list[str]:
    notes = [
        f"line {p.line}: the {p.label} date {p.problem}; it was not used."
        for p in dates.problems
        if p.label == "updated"
    ]
    updated = dates.updated
    if updated and updated.date > effective.date:
        notes.append(
            f"line {updated.line}: the page was updated on {updated.date.isoformat()}, after its "
            f"effective date {effective.date.isoformat()}. The text imported is the updated one; "
            "if that update changed what the notice says, it took effect as a new version."
        )
    return notes


def _merged_items(blocks: list[Block]) -> list[str]:
    """Notes on list items where a scraper may have run two items together ("fee.. Right")."""
    notes = []
    for block in blocks:
        if block.role is Role.ITEM:
            line = block.lines[0]
            match = MERGED_ITEMS.search(line.text)
            if match:
                notes.append(
                    f"line {line.number}: a list item holds '{match.group().strip()}': two "
                    "items may have run together on the page. The text is kept as it was."
                )
    return notes
