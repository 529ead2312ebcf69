"""An HTML page as a small tree of elements and text, tolerant of the tags pages leave open."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
CLOSES_P = frozenset(
    {
        *("address", "article", "aside", "blockquote", "div", "dl", "fieldset", "figure"),
        *("footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main"),
        *("nav", "ol", "p", "pre", "section", "table", "ul"),
    }
)
IMPLIED_END = {
    "li": ({"li"}, {"ul", "ol"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "tr": ({"tr", "td", "th"}, {"table", "thead", "tbody", "tfoot"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "thead": ({"thead", "tbody", "tfoot"}, {"table"}),
    "tbody": ({"thead", "tbody", "tfoot"}, {"table"}),
    "tfoot": ({"thead", "tbody", "tfoot"}, {"table"}),
}
"""For a start tag, which open elements it ends (a new <li> ends the previous one), looking no
further than the elements that bound it (the list that holds them)."""


@dataclass(eq=False)
class Text:
    """Character data of the page, entities already decoded."""

    data: str
    line: int


@dataclass(eq=False)
class Element:
    """An element of the page, with the line on which its start tag is."""

    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Element | Text] = field(default_factory=list)

    def attr(self, name: str) -> str:
        return self.attrs.get(name, "")

    def elements(self) -> Iterator[Element]:
        """This element and every element inside it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.elements()

    def find(self, tag: str) -> Element | None:
        return next((e for e in self.elements() if e.tag == tag), None)

    def text(self) -> str:
        """All the character data inside, joined."""
        return "".join(
            child.data if isinstance(child, Text) else child.text() for child in self.children
        )


def parse_html(text: str) -> Element:
    """The page as a tree under a root element named '#root'."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {}, 1)
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_implied(tag)
        element = Element(tag, {name: value or "" for name, value in attrs}, self.getpos()[0])
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        start = len(data) - len(data.lstrip())
        line = self.getpos()[0] + data[:start].count("\n")
        self.stack[-1].children.append(Text(data, line))

    def _close_implied(self, tag: str) -> None:
        if tag in CLOSES_P and self.stack[-1].tag == "p":
            self.stack.pop()
        ends, bounds = IMPLIED_END.get(tag, (set(), set()))
        for index in range(len(self.stack) - 1, 0, -1):
            open_tag = self.stack[index].tag
            if open_tag in bounds:
                return
            if open_tag in ends:
                del self.stack[index:]
                return
