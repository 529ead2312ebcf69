"""Text inside HTML elements: the style of a run, inline runs, tables, and the words of a block
left out, for the report."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .model import Inline
from .webtree import Element, Text

SILENT = frozenset({"head", "title", "meta", "link", "base", "img", "picture", "source", "hr"})
SKIPPED = {
    "nav": "site navigation (<nav>)",
    "aside": "sidebar (<aside>)",
    "script": "script (<script>)",
    "style": "style sheet (<style>)",
    "noscript": "text for browsers without scripts (<noscript>)",
    "template": "template (<template>)",
    "form": "form (<form>)",
    "button": "button (<button>)",
    "select": "menu (<select>)",
    "textarea": "text box (<textarea>)",
    "input": "form field (<input>)",
    "dialog": "dialog (<dialog>)",
    **{tag: f"embedded content (<{tag}>)" for tag in ("svg", "canvas", "iframe", "object")},
}
UNSPOKEN = frozenset({"script", "style", "template", "svg", "canvas"})
BLOCKS = frozenset(
    {
        *("p", "div", "blockquote", "section", "article", "main", "header", "footer", "address"),
        *("dl", "dt", "dd", "figure", "figcaption", "details", "summary", "fieldset", "legend"),
        *("body", "html", "center", "caption", "tr", "td", "th", "thead", "tbody", "tfoot"),
    }
)
IN_CELL = frozenset({"table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote"})
SAFE_LINK = re.compile(r"^(?:https?://|mailto:|tel:)", re.IGNORECASE)
SPACES = re.compile(r"[ \t\n\r\f]+")


@dataclass(frozen=True)
class Style:
    """How a run of text is shown: bold, italic, a link."""

    strong: bool = False
    emphasis: bool = False
    href: str | None = None


def restyle(style: Style, element: Element) -> Style:
    """The style inside `element`: <b>/<strong> bold, <i>/<em> italic, <a> a link that a reader
    can follow from anywhere (links within the old site are kept as words only)."""
    if element.tag in ("strong", "b"):
        return replace(style, strong=True)
    if element.tag in ("em", "i"):
        return replace(style, emphasis=True)
    href = element.attr("href").strip()
    if element.tag == "a" and SAFE_LINK.match(href):
        return replace(style, href=href)
    return style


def collapse(text: str) -> str:
    """Text with its runs of white space made one space, as a browser shows it."""
    return SPACES.sub(" ", text).strip()


def is_data_table(table: Element) -> bool:
    """A table of data, not one a page uses for its layout."""
    return not any(e.tag in IN_CELL for e in table.elements() if e is not table)


def table_rows(table: Element) -> list[tuple[Element, bool]]:
    """The rows of a table (not of tables inside it), each with whether it is in <thead>."""
    rows: list[tuple[Element, bool]] = []
    for element in table.children:
        if isinstance(element, Element) and element.tag in ("thead", "tbody", "tfoot"):
            rows.extend(
                (row, element.tag == "thead")
                for row in element.children
                if isinstance(row, Element) and row.tag == "tr"
            )
        elif isinstance(element, Element) and element.tag == "tr":
            rows.append((element, False))
    return rows


def inline_pieces(node: Element | Text, style: Style) -> list[Inline]:
    if isinstance(node, Text):
        return [Inline(SPACES.sub(" ", node.data), style.strong, style.emphasis, style.href)]
    if node.tag in SILENT or node.tag in SKIPPED:
        return []
    if node.tag == "br" or node.tag in BLOCKS:
        inner = [piece for child in node.children for piece in inline_pieces(child, style)]
        return [Inline(" "), *inner, Inline(" ")]
    style = restyle(style, node)
    return [piece for child in node.children for piece in inline_pieces(child, style)]


def tidy_pieces(pieces: list[Inline]) -> tuple[Inline, ...]:
    """Merge runs of one style; trim the ends; one space where blocks or tags met."""
    merged: list[Inline] = []
    for piece in pieces:
        text = piece.text
        if merged and merged[-1].text.endswith(" ") and text.startswith(" "):
            text = text.lstrip(" ")
        if not text:
            continue
        if merged and (merged[-1].strong, merged[-1].emphasis, merged[-1].href) == (
            piece.strong,
            piece.emphasis,
            piece.href,
        ):
            merged[-1] = replace(merged[-1], text=merged[-1].text + text)
        else:
            merged.append(replace(piece, text=text))
    if merged:
        merged[0] = replace(merged[0], text=merged[0].text.lstrip(" "))
        merged[-1] = replace(merged[-1], text=merged[-1].text.rstrip(" "))
    return tuple(piece for piece in merged if piece.text)


def summary(node: Element) -> str:
    """The words of a left-out element, its blocks and links separated by ' · '."""
    parts: list[str] = []

    def visit(element: Element) -> None:
        for child in element.children:
            if isinstance(child, Text):
                parts.append(child.data)
            elif child.tag not in UNSPOKEN:
                separate = child.tag in BLOCKS or child.tag in ("a", "li", "br", "button")
                parts.append("\x00" if separate else "")
                visit(child)
                parts.append("\x00" if separate else "")

    visit(node)
    words = [collapse(part) for part in "".join(parts).split("\x00")]
    return " · ".join(word for word in words if word)
