"""The redline laid out for a page: rows nested back into lists, tables and definition lists.

Templates get nodes with everything they show worked out (anchors, labels, cells), so the
HTML stays in Jinja templates and the templates stay simple.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .model import CELL, BlockKind, Change, Move, Redline, Row, Span

TAGS = {
    Change.ADDED: "Added",
    Change.REMOVED: "Deleted",
    Change.MOVED_FROM: "Moved away",
    Change.MOVED_TO: "Moved here",
}


@dataclass(frozen=True)
class Node:
    """A row of the redline, or a list, table or definition list holding rows."""

    kind: str
    """"row", "list", "item" (a list item: its row, then what it holds), "table" or "dl"."""
    row: Row | None = None
    ordered: bool = False
    children: tuple[Node, ...] = ()
    element_id: str = ""
    """The anchor of the change this row starts ("change-3")."""
    move_id: str = ""
    """The anchor of the move this row starts ("move-1-to")."""
    move_link: str = ""
    """The anchor of the other end of the move ("move-1-from")."""
    move_text: str = ""
    """Where the text moved from or to, in words."""
    cells: tuple[tuple[Span, ...], ...] = field(default=())
    """A table row's spans, cell by cell."""
    shows_tag: bool = True
    """Whether the tag is shown, or only read out: shown once for a run of blocks alike."""

    @property
    def tag(self) -> str:
        """The word marking a whole block as added, deleted or moved; empty otherwise."""
        return TAGS.get(self.row.change, "") if self.row is not None else ""

    @property
    def level(self) -> int:
        """The level of a heading on the page: never above h2, under the page's own title."""
        return max(2, self.row.block.level) if self.row is not None else 2


def lay_out(redline: Redline) -> list[Node]:
    """The rows of `redline` as page nodes, in reading order."""
    moves = {move.id: move for move in redline.moves}
    seen: set[tuple[int, Change]] = set()
    nodes = []
    before: Row | None = None
    for row in redline.rows:
        node = _row_node(row, moves, seen)
        if before is not None and (before.change, before.move) == (row.change, row.move):
            node = replace(node, shows_tag=False)
        nodes.append(node)
        before = row
    return _nest(nodes)


def _row_node(row: Row, moves: dict[int, Move], seen: set[tuple[int, Change]]) -> Node:
    move_id = move_link = move_text = ""
    if row.move is not None and (row.move, row.change) not in seen:
        seen.add((row.move, row.change))
        move = moves[row.move]
        here, there = ("to", "from") if row.change is Change.MOVED_TO else ("from", "to")
        move_id, move_link = f"move-{move.id}-{here}", f"move-{move.id}-{there}"
        move_text = (
            f"It was {move.origin}."
            if row.change is Change.MOVED_TO
            else f"It is now {move.destination}."
        )
    cells = _cells(row.spans) if row.block.kind is BlockKind.ROW else ()
    return Node(
        "row",
        row,
        element_id=f"change-{row.stop}" if row.starts_stop else "",
        move_id=move_id,
        move_link=move_link,
        move_text=move_text,
        cells=cells,
    )


def _cells(spans: Sequence[Span]) -> tuple[tuple[Span, ...], ...]:
    cells: list[list[Span]] = [[]]
    for span in spans:
        for n, piece in enumerate(span.text.split(CELL)):
            if n:
                cells.append([])
            if piece:
                cells[-1].append(Span(span.op, piece))
    return tuple(tuple(cell) for cell in cells)


def _nest(nodes: list[Node]) -> list[Node]:
    """Group rows into the lists, tables and definition lists they came from."""
    out: list[Node] = []
    i = 0
    while i < len(nodes):
        kind = _group(nodes[i])
        if kind == "list":
            node, i = _list(nodes, i, _depth(nodes[i]))
        elif kind in ("table", "dl"):
            end = i
            while end < len(nodes) and _group(nodes[end]) == kind:
                end += 1
            node, i = Node(kind, children=tuple(nodes[i:end])), end
        else:
            node, i = nodes[i], i + 1
        out.append(node)
    return out


def _group(node: Node) -> str:
    block = node.row.block if node.row is not None else None
    if block is None:
        return ""
    if block.kind is BlockKind.ITEM or (block.in_item and block.depth):
        return "list"
    if block.kind is BlockKind.ROW:
        return "table"
    if block.kind in (BlockKind.TERM, BlockKind.DEFINITION):
        return "dl"
    return ""


def _depth(node: Node) -> int:
    return node.row.block.depth if node.row is not None else 0


def _is_item(node: Node) -> bool:
    return node.row is not None and node.row.block.kind is BlockKind.ITEM


def _list(nodes: list[Node], i: int, depth: int) -> tuple[Node, int]:
    """A list at `depth` starting at nodes[i]: its items, each with what it holds."""
    first = nodes[i].row
    ordered = first is not None and first.block.ordered
    items: list[Node] = []
    while i < len(nodes) and _group(nodes[i]) == "list" and _depth(nodes[i]) >= depth:
        node = nodes[i]
        if _depth(node) == depth and _is_item(node):
            if items and node.row is not None and node.row.block.ordered != ordered:
                break  # a bulleted list right after a numbered one: two lists
            children, i = _item_content(nodes, i + 1, depth)
            items.append(replace(node, kind="item", children=children))
        else:  # content with no item of its own here (its item is outside the redline)
            children, i = _item_content(nodes, i, depth)
            items.append(Node("item", None, children=children))
    return Node("list", ordered=ordered, children=tuple(items)), i


def _item_content(nodes: list[Node], i: int, depth: int) -> tuple[tuple[Node, ...], int]:
    """Paragraphs and nested lists that belong to the item before nodes[i]."""
    children: list[Node] = []
    while i < len(nodes) and _group(nodes[i]) == "list":
        node = nodes[i]
        if _depth(node) > depth:
            sub, i = _list(nodes, i, _depth(node))
            children.append(sub)
        elif _depth(node) == depth and not _is_item(node):
            children.append(node)
            i += 1
        else:
            break
    return tuple(children), i
