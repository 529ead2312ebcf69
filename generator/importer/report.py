"""What an import did, for the person who checks it: what it guessed, and what it left out."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .model import Document, ImportedPage, Role

ROLE_NAMES = {
    Role.HEADING: ("heading", "headings"),
    Role.PARAGRAPH: ("paragraph", "paragraphs"),
    Role.STATEMENT: ("header statement", "header statements"),
    Role.ITEM: ("list item", "list items"),
    Role.LINES: ("block of lines kept apart", "blocks of lines kept apart"),
    Role.TABLE: ("table", "tables"),
}
TEXT_WIDTH = 100


def describe_import(page: ImportedPage, input_path: str, targets: list[Path]) -> str:
    """The report: per notice its file and guesses; then every line left out; then checks."""
    count = len(page.documents)
    lines = [f"Imported {input_path} ({page.file_format}): {count} notice{'s' * (count > 1)}."]
    if count > 1:
        lines.append(
            "The page holds more than one notice; each has its own file, as each has its own "
            "versions and history."
        )
    for document, target in zip(page.documents, targets, strict=True):
        lines += ["", *_describe_document(document, target, page)]
    lines += ["", *_describe_dropped(page)]
    notes = [note for document in page.documents for note in document.notes]
    if notes:
        lines += ["", "Check:", *(f"  {note}" for note in notes)]
    lines += [
        "",
        "Next: read the new file next to the page; add `entity:` (name, type, practices) so "
        "validation knows which rules apply; then commit it.",
    ]
    return "\n".join(lines) + "\n"


def _describe_document(document: Document, target: Path, page: ImportedPage) -> list[str]:
    title_where = f" (line {document.title_line})" if document.title_line else ""
    updated = document.updated
    stated = f'{updated.date.isoformat()}: line {updated.line}: "{updated.text}"' if updated else ""
    return [
        f"{target}",
        f"  title           {document.title}{title_where}",
        f"  kind            {document.kind.value}: {document.kind_reason}",
        f"  effective date  {document.effective.date.isoformat()}: {document.effective_reason}",
        f"  updated date    {stated or 'none stated'}",
        f"  source          {page.source}",
        f"  found           {_counts(document)}",
    ]


def _counts(document: Document) -> str:
    counts = Counter(block.role for block in document.blocks)
    parts = []
    for role, (one, many) in ROLE_NAMES.items():
        if counts[role]:
            parts.append(f"{counts[role]} {one if counts[role] == 1 else many}")
    return ", ".join(parts) or "no text"


def _describe_dropped(page: ImportedPage) -> list[str]:
    if not page.dropped:
        return ["Left out: nothing."]
    lines = [
        f"Left out, {len(page.dropped)} lines and blocks as the site's own (check that none "
        "belongs to the notice):"
    ]
    for dropped in page.dropped:
        text = dropped.text if len(dropped.text) <= TEXT_WIDTH else dropped.text[:TEXT_WIDTH] + "…"
        shown = f": {text}" if text else ""
        lines.append(f"  line {dropped.line:>4}  {dropped.reason}{shown}")
    return lines
