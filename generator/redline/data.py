"""A redline as plain data: for the build cache, and for `notices diff --format json`."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, fields
from typing import Any

from .model import (
    CELL,
    Block,
    BlockKind,
    Change,
    Move,
    Op,
    Redline,
    Row,
    Section,
    Side,
    Span,
    Stats,
)

SCHEMA_VERSION = 1
BLOCK_DEFAULTS = {f.name: f.default for f in fields(Block) if f.name not in ("kind", "text")}


def redline_to_data(redline: Redline) -> dict[str, Any]:
    """Everything in a redline, as JSON types; `redline_from_data` reads it back."""
    return {
        "rows": [_row_to_data(row) for row in redline.rows],
        "moves": [asdict(move) for move in redline.moves],
        "sections": [
            {"path": list(s.path), "stop": s.stop, "changes": s.changes} for s in redline.sections
        ],
        "stats": asdict(redline.stats),
    }


def _row_to_data(row: Row) -> dict[str, Any]:
    data: dict[str, Any] = {"change": row.change.value}
    if row.change is Change.EQUAL:
        data["new"] = _block_to_data(row.block)  # the same text on both sides: kept once
    else:
        data["old"] = _block_to_data(row.old) if row.old else None
        data["new"] = _block_to_data(row.new) if row.new else None
        data["spans"] = [[span.op.value, span.text] for span in row.spans]
    extra = {"move": row.move, "stop": row.stop, "starts_stop": row.starts_stop, "note": row.note}
    data.update({key: value for key, value in extra.items() if value})
    return data


def _block_to_data(block: Block) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": block.kind.value, "text": block.text}
    for name, default in BLOCK_DEFAULTS.items():
        value = getattr(block, name)
        if value != default:
            data[name] = list(value) if isinstance(value, tuple) else value
    return data


def redline_from_data(data: dict[str, Any]) -> Redline:
    """The redline `redline_to_data` wrote; KeyError, TypeError or ValueError if malformed."""
    return Redline(
        rows=tuple(_row_from_data(row) for row in data["rows"]),
        moves=tuple(Move(**move) for move in data["moves"]),
        sections=tuple(
            Section(tuple(s["path"]), int(s["stop"]), int(s["changes"])) for s in data["sections"]
        ),
        stats=Stats(**data["stats"]),
    )


def _row_from_data(data: dict[str, Any]) -> Row:
    change = Change(data["change"])
    new = _block_from_data(data["new"]) if data.get("new") else None
    if change is Change.EQUAL:
        assert new is not None  # an unchanged row always stores its block
        return Row(change, new, new, (Span(Op.EQUAL, new.text),))
    old = _block_from_data(data["old"]) if data.get("old") else None
    return Row(
        change,
        old,
        new,
        tuple(Span(Op(op), str(text)) for op, text in data["spans"]),
        move=data.get("move"),
        stop=data.get("stop"),
        starts_stop=bool(data.get("starts_stop", False)),
        note=str(data.get("note", "")),
    )


def _block_from_data(data: dict[str, Any]) -> Block:
    extra = {name: data[name] for name in BLOCK_DEFAULTS if name in data}
    if "section" in extra:
        extra["section"] = tuple(extra["section"])
    return Block(BlockKind(data["kind"]), str(data["text"]), **extra)


def render_json(redline: Redline, old: Side, new: Side) -> str:
    """`notices diff --format json`: both sides, the numbers, and each block with its operations."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "equal": redline.is_equal,
        "old": _side(old),
        "new": _side(new),
        "stats": asdict(redline.stats),
        "sections": [
            {"title": s.title, "path": list(s.path), "change": s.stop, "changes": s.changes}
            for s in redline.sections
        ],
        "moves": [asdict(move) for move in redline.moves],
        "blocks": [_public_row(row) for row in redline.rows],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _side(side: Side) -> dict[str, Any]:
    data = asdict(side)
    date = side.effective_date
    data["effective_date"] = date.isoformat() if isinstance(date, dt.date) else None
    return data


def _public_row(row: Row) -> dict[str, Any]:
    block = row.block
    return {
        "change": row.change.value,
        "kind": block.kind.value,
        "level": block.level or None,
        "depth": block.depth or None,
        "section": list(block.section),
        "old": _public_text(row.old) if row.change is not Change.EQUAL else None,
        "new": _public_text(row.new),
        "operations": [
            {"op": span.op.value, "text": span.text.replace(CELL, " | ")} for span in row.spans
        ],
        "move": row.move,
        "change_number": row.stop,
        "note": row.note or None,
    }


def _public_text(block: Block | None) -> str | None:
    return block.display if block is not None else None
