"""The redline core on its own (no git, no MkDocs): what changed, block by block, word by word."""

from __future__ import annotations

import random
from pathlib import Path

from generator.redline.blocks import parse_blocks
from generator.redline.data import redline_from_data, redline_to_data
from generator.redline.diff import diff_bodies
from generator.redline.model import BlockKind, Change, Op, Redline, Row
from generator.render import render_body

ROOT = Path(__file__).resolve().parents[1]


def html(markdown: str) -> str:
    return render_body(markdown, path="notice.md", commit="").html


def redline(old: str, new: str) -> Redline:
    return diff_bodies(html(old), html(new))


def changed(result: Redline) -> list[Row]:
    return [row for row in result.rows if row.is_change]


def marks(row: Row) -> list[tuple[str, str]]:
    return [(span.op.value, span.text) for span in row.spans if span.op is not Op.EQUAL]


def demo_body(name: str) -> str:
    text = (ROOT / "notices" / name).read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1]


def twenty_kb_notice() -> str:
    """The demo notice of privacy practices, grown to 20 KB with more sections of its own."""
    body = demo_body("notice-of-privacy-practices.md")
    body += "\n## Our clinics\n\nCall the Privacy Office at 541-555-0100 with any question.\n"
    rng = random.Random(3)
    words = body.split()
    section = 0
    while len(body.encode()) < 20_000:
        section += 1
        sentences = [" ".join(rng.choice(words) for _ in range(12)) + "." for _ in range(5)]
        body += f"\n## Appendix {section}\n\n" + " ".join(sentences) + "\n"
    return body


SECTIONS = """\
## Who we are

We are a community health center with four clinics.

## Your rights

You can ask for a copy of your health record. We will provide it within 30 days.

## How to complain

Write to our Privacy Officer. We will not retaliate against you.
"""


def test_one_phone_number_changed_in_a_20_kb_notice_marks_just_that_number() -> None:
    old = twenty_kb_notice()
    assert len(old.encode()) >= 20_000
    result = redline(old, old.replace("541-555-0100", "541-555-0199"))
    (row,) = changed(result)
    assert row.change is Change.CHANGED
    assert marks(row) == [("delete", "0100"), ("insert", "0199")]
    assert (result.stats.words_added, result.stats.words_removed) == (1, 1)
    assert result.stats.changes == 1
    assert [s.title for s in result.sections] == ["Our clinics"]


def test_a_reworded_sentence_marks_the_words_that_changed() -> None:
    result = redline(SECTIONS, SECTIONS.replace("within 30 days", "within 15 days of your request"))
    (row,) = changed(result)
    assert marks(row) == [("delete", "30"), ("insert", "15"), ("insert", " of your request")]
    assert "".join(s.text for s in row.spans if s.op is not Op.INSERT) == row.old.text  # type: ignore[union-attr]
    assert "".join(s.text for s in row.spans if s.op is not Op.DELETE) == row.new.text  # type: ignore[union-attr]


def test_an_added_section_is_marked_whole() -> None:
    new = SECTIONS.replace(
        "## How to complain",
        "## Fundraising\n\nYou can tell us not to contact you.\n\n## How to complain",
    )
    result = redline(SECTIONS, new)
    rows = changed(result)
    assert [(r.change, r.block.kind, r.block.text) for r in rows] == [
        (Change.ADDED, BlockKind.HEADING, "Fundraising"),
        (Change.ADDED, BlockKind.PARAGRAPH, "You can tell us not to contact you."),
    ]
    assert result.stats.words_added == 9
    assert result.stats.words_removed == 0
    assert [s.title for s in result.sections] == ["Fundraising"]
    assert result.stats.changes == 1


def test_a_removed_section_is_marked_whole() -> None:
    new = SECTIONS.replace(
        "## Your rights\n\nYou can ask for a copy of your health record. We will provide it "
        "within 30 days.\n\n",
        "",
    )
    result = redline(SECTIONS, new)
    rows = changed(result)
    assert [(r.change, r.block.text) for r in rows] == [
        (Change.REMOVED, "Your rights"),
        (
            Change.REMOVED,
            "You can ask for a copy of your health record. We will provide it within 30 days.",
        ),
    ]
    assert rows[0].spans[0].op is Op.DELETE
    assert result.stats.words_removed == 19 and result.stats.words_added == 0


def test_a_moved_section_is_one_move_not_a_deletion_and_an_insertion() -> None:
    complain = (
        "## How to complain\n\nWrite to our Privacy Officer. We will not retaliate against you.\n"
    )
    old = SECTIONS + "\n## Changes\n\nWe may change this notice.\n"
    new = complain + "\n" + old.replace(complain, "")
    result = redline(old, new)
    assert result.stats.words_added == 0 and result.stats.words_removed == 0
    (move,) = result.moves
    assert (move.blocks, move.words) == (2, 14)
    assert move.origin == "after “Your rights”"
    assert move.destination == "at the beginning"
    rows = changed(result)
    assert [(r.change, r.block.text[:17]) for r in rows] == [
        (Change.MOVED_TO, "How to complain"),
        (Change.MOVED_TO, "Write to our Priv"),
        (Change.MOVED_FROM, "How to complain"),
        (Change.MOVED_FROM, "Write to our Priv"),
    ]
    assert {r.move for r in rows} == {move.id}
    assert result.stats.words_moved == 14
    assert result.stats.changes == 2


def test_a_moved_paragraph_with_an_edit_shows_the_edit_where_it_now_is() -> None:
    paragraph = "You can ask for a copy of your health record. We will provide it within 30 days."
    old = f"## One\n\n{paragraph}\n\nStays here.\n\n## Two\n\nStays too.\n"
    new = f"## One\n\nStays here.\n\n## Two\n\nStays too.\n\n{paragraph.replace('30', '15')}\n"
    result = redline(old, new)
    (move,) = result.moves
    moved_to = next(r for r in result.rows if r.change is Change.MOVED_TO)
    assert marks(moved_to) == [("delete", "30"), ("insert", "15")]
    assert (move.origin, move.destination) == ("in “One”", "in “Two”")
    assert (result.stats.words_added, result.stats.words_removed) == (1, 1)


def test_a_list_item_inserted_in_the_middle_is_the_only_change() -> None:
    old = "## Rights\n\n- Get a copy.\n- Ask us to correct it.\n- Get a list of disclosures.\n"
    new = old.replace("- Ask us", "- Have your record sent to an app you use.\n- Ask us")
    result = redline(old, new)
    (row,) = changed(result)
    assert (row.change, row.block.kind, row.block.text) == (
        Change.ADDED,
        BlockKind.ITEM,
        "Have your record sent to an app you use.",
    )
    assert [r.change for r in result.rows] == [Change.EQUAL] * 2 + [Change.ADDED] + [
        Change.EQUAL
    ] * 2


def test_a_renumbered_list_is_no_change() -> None:
    old = "## Steps\n\n1. Write to us.\n2. We answer.\n\n(a) First clause.\n\n(b) Second clause.\n"
    new = "## Steps\n\n3. Write to us.\n4. We answer.\n\n(c) First clause.\n\n(d) Second clause.\n"
    result = redline(old, new)
    assert result.is_equal
    assert [b.marker for b in parse_blocks(html(new)) if b.marker] == ["(c)", "(d)"]


def test_an_item_inserted_in_a_numbered_list_renumbers_nothing_else() -> None:
    old = "1. Write to us.\n2. We answer in 30 days.\n3. You may appeal.\n"
    new = "1. Call us.\n2. Write to us.\n3. We answer in 30 days.\n4. You may appeal.\n"
    result = redline(old, new)
    (row,) = changed(result)
    assert (row.change, row.block.text, row.block.number) == (Change.ADDED, "Call us.", 1)


def test_whitespace_alone_is_no_change() -> None:
    old = "## Rights\n\nYou can ask for a copy\nof your record.   We will answer.\n\n- One item\n"
    new = (
        "##   Rights\n\nYou can ask for a copy of your record.\nWe will   answer.  \n\n"
        "-   One item\n"
    )
    result = redline(old, new)
    assert result.is_equal
    assert result.stats.changes == 0


def test_identical_texts_have_no_changes() -> None:
    body = demo_body("notice-of-privacy-practices.md")
    result = redline(body, body)
    assert result.is_equal
    assert all(row.change is Change.EQUAL for row in result.rows)
    assert result.sections == () and result.moves == ()
    assert len(result.rows) == len(parse_blocks(html(body)))


def test_text_that_looks_like_html_is_text() -> None:
    old = "Write `<script>alert(1)</script>` to test; 1 &lt; 2 &amp; more.\n"
    new = "Write `<script>alert(2)</script>` to test; 1 &lt; 2 &amp; more.\n"
    result = redline(old, new)
    (row,) = changed(result)
    assert row.new is not None and row.new.text == (
        "Write <script>alert(2)</script> to test; 1 < 2 & more."
    )
    assert marks(row) == [("delete", "1"), ("insert", "2")]


def test_tables_and_definition_lists_keep_their_cells_and_terms() -> None:
    old = "| Kind | Kept for |\n| --- | --- |\n| Logs | 90 days |\n\nPHI\n:   Health information.\n"
    new = old.replace("90 days", "30 days")
    result = redline(old, new)
    (row,) = changed(result)
    assert row.block.kind is BlockKind.ROW and row.block.cells == ["Logs", "30 days"]
    assert marks(row) == [("delete", "90"), ("insert", "30")]
    kinds = [r.block.kind for r in result.rows]
    assert kinds == [BlockKind.ROW, BlockKind.ROW, BlockKind.TERM, BlockKind.DEFINITION]


def test_a_paragraph_that_becomes_a_list_item_says_so() -> None:
    result = redline("Call us at any time.\n", "- Call us at any time.\n")
    (row,) = changed(result)
    assert row.note == "was a paragraph, now a list item"
    assert marks(row) == []


def test_a_complete_rewrite_of_200_kb_is_a_correct_redline() -> None:
    rng = random.Random(7)
    vocabulary = [f"w{n}" for n in range(5000)]

    def notice() -> str:
        parts = []
        while sum(map(len, parts)) < 200_000:
            parts.append(f"## {' '.join(rng.choices(vocabulary, k=4))}")
            parts.extend(" ".join(rng.choices(vocabulary, k=60)) + "." for _ in range(3))
        return "\n\n".join(parts) + "\n"

    old, new = notice(), notice()
    result = redline(old, new)
    assert result.stats.words_removed == len(old.replace("#", "").split())
    assert result.stats.words_added == len(new.replace("#", "").split())
    kept = [r for r in result.rows if r.change in (Change.EQUAL, Change.MOVED_TO)]
    assert kept == []


def test_the_same_texts_always_give_the_same_redline() -> None:
    old = twenty_kb_notice()
    new = old.replace("four primary care clinics", "five clinics").replace("Appendix 2", "Annex")
    first, second = redline(old, new), redline(old, new)
    assert first == second


def test_a_redline_survives_the_cache_unchanged() -> None:
    old = demo_body("notice-of-privacy-practices.md")
    new = old.replace("## Your rights", "## Your privacy rights").replace("30 days", "15 days")
    result = redline(old, new)
    again = redline_from_data(redline_to_data(result))
    assert redline_to_data(again) == redline_to_data(result)
    assert again.stats == result.stats and again.sections == result.sections
