"""The importer's pure stages on small texts: escaping, dates, structure, chrome. No git."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import visible_text

from generator.importer import ImportOptions, import_page, source_text
from generator.importer.dates import parse_written_date
from generator.importer.markdown_out import blocks_to_markdown, inline
from generator.importer.model import Inline
from generator.importer.structure import build_blocks
from generator.importer.text import read_text_lines
from generator.render import render_body

MARKUP_LOOKALIKES = [
    "*not emphasis* and **not strong** and _not either_",
    "# not a heading",
    "## nor this ##",
    "1. not a list",
    "2025. A year, then a sentence.",
    "- not a bullet",
    "+ nor this",
    "* nor this",
    "> not a quote",
    "---",
    "***",
    "===",
    "<b>not bold</b> <script>alert(1)</script> <!-- no comment -->",
    "&copy; &amp; &#169; stay as typed",
    "[not a link](https://example.org) and ![not an image](x.png)",
    "`not code` and ``nor this``",
    "a | b | c",
    "{: #not-attributes } and {.nor-this}",
    "!!! note not an admonition",
    "[TOC]",
    "*[HTML]: not an abbreviation",
    "[^1]: not a footnote",
    ": not a definition",
    "back\\slash \\* kept",
    "    four spaces are not code",
    "Curly “quotes” \u2018stay\u2019 — and doubled punctuation stays.. too!!",
    "https://example.org/a_b*c and name_with_underscores@example.org.",
]


@pytest.mark.parametrize("text", MARKUP_LOOKALIKES)
def test_escaped_text_renders_as_the_same_words(text: str) -> None:
    escaped = inline((Inline(text),))
    for markdown, before in (
        (escaped, []),
        ("- " + escaped, []),
        ("## " + escaped, []),
        ("Term<br>\n" + escaped, ["Term"]),  # a line of a contact block
    ):
        html = render_body(markdown, path="notice.md", commit="").html
        assert visible_text(html).split() == before + text.split(), markdown


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("July 16, 2025", "2025-07-16"),
        ("Jul. 16 2025", "2025-07-16"),
        ("Sept 3rd, 2024", "2024-09-03"),
        ("16 July 2025", "2025-07-16"),
        ("07/16/2025", "2025-07-16"),
        ("7/6/25", "2025-07-06"),
        ("2025-07-16", "2025-07-16"),
    ],
)
def test_dates_as_notices_write_them(written: str, date: str) -> None:
    assert parse_written_date(written) == dt.date.fromisoformat(date)


def to_markdown(text: str) -> str:
    return blocks_to_markdown(build_blocks(read_text_lines(text)))


def test_headings_of_plain_text() -> None:
    text = (
        "What do we collect?\nWe collect your name.\n\n"
        "Your Rights Under This Policy\n\nYou may ask for a copy.\n\n"
        "How to ask\nWrite to us.\n\n"
        "Details of a Request:\nA request names you.\n\n"
        "we collect this too\nlower case lines are no headings.\n"
    )
    assert to_markdown(text) == (
        "## What do we collect?\n\nWe collect your name.\n\n"
        "## Your Rights Under This Policy\n\nYou may ask for a copy.\n\n"
        "## How to ask\n\nWrite to us.\n\n"
        "### Details of a Request:\n\nA request names you.\n\n"
        "we collect this too\n\nlower case lines are no headings.\n"
    )


def test_lists_of_plain_text() -> None:
    text = (
        "We share it with:\n"
        "  • Treatment. Your doctors, to treat you and to plan your care.\n"
        "  ◦ a nested item under it\n"
        "  • Payment. Your plan, to pay for your care and nothing else.\n\n"
        "- a hyphen item\n* an asterisk item\n\n"
        "Some text.\n    an indented line\n"
    )
    assert to_markdown(text) == (
        "We share it with:\n\n"
        "- **Treatment.** Your doctors, to treat you and to plan your care.\n"
        "    - a nested item under it\n"
        "- **Payment.** Your plan, to pay for your care and nothing else.\n"
        "- a hyphen item\n- an asterisk item\n\n"
        "Some text.\n\n- an indented line\n"
    )


def test_contact_blocks_keep_their_lines() -> None:
    text = (
        "Contact us\n"
        "Privacy Office\nExample Health, Inc.\n100 Main Street, Suite 2\nSpringfield, IL 62701\n"
        "Phone: (217) 555-0100\nprivacy@example.org\n\n"
        "You may write to us at the address above.\n"
    )
    assert to_markdown(text) == (
        "## Contact us\n\n"
        "Privacy Office<br>\nExample Health, Inc.<br>\n100 Main Street, Suite 2<br>\n"
        "Springfield, IL 62701<br>\nPhone: (217) 555-0100<br>\n<privacy@example.org>\n\n"
        "You may write to us at the address above.\n"
    )


def test_lines_a_saver_wrapped_are_joined() -> None:
    text = (
        "This paragraph was wrapped at about seventy columns by the program\n"
        "that saved the page, so its second line starts in lower case.\n"
    )
    assert to_markdown(text) == (
        "This paragraph was wrapped at about seventy columns by the program that saved the "
        "page, so its second line starts in lower case.\n"
    )


def test_footer_ends_at_the_last_sentence_or_contact_detail() -> None:
    text = (
        "Privacy Policy\nEffective date: May 1, 2025\n\nWe keep little.\n\n"
        "Contact\nExample Health\n1 Main Street\nSpringfield, IL 62701\n\n"
        "Careers\nPress\n© 2025 Example Health. All rights reserved.\n"
    )
    page = import_page(text.encode(), path="p.txt", options=ImportOptions(dt.date(2026, 1, 1)))
    assert [(d.line, d.reason) for d in page.dropped] == [
        (11, "after the end of the notice"),
        (12, "after the end of the notice"),
        (13, "after the end of the notice"),
    ]


def test_navigation_repeated_inside_the_notice_is_left_out() -> None:
    text = (
        "Home\nAbout\n\nPrivacy Policy\nEffective date: May 1, 2025\n\nFirst part.\n\n"
        "Home\nAbout\n\nSecond part.\n\nAbout\n\nThird part, where About alone stays.\n"
    )
    page = import_page(text.encode(), path="p.txt", options=ImportOptions(dt.date(2026, 1, 1)))
    assert [(d.line, d.text, d.reason) for d in page.dropped] == [
        (1, "Home", "before the title"),
        (2, "About", "before the title"),
        (9, "Home", "repeats the site navigation"),
        (10, "About", "repeats the site navigation"),
    ]


def test_merged_list_items_are_pointed_out() -> None:
    text = (
        "Privacy Policy\nEffective date: May 1, 2025\n\n"
        "• Copies. We may charge a fee.. Right to Amend. You may ask us to fix it.\n"
    )
    page = import_page(text.encode(), path="p.txt", options=ImportOptions(dt.date(2026, 1, 1)))
    assert page.documents[0].notes == (
        "line 4: a list item holds '.. Right to Amend': two items may have run together "
        "on the page. The text is kept as it was.",
    )


def test_html_without_main_with_a_layout_table_and_open_tags() -> None:
    html = (
        "<html><body>\n"
        '<div class="menu"><a href="/">Home</a> | <a href="/about">About</a></div>\n'
        '<table width="100%"><tr><td>\n'
        "<h1>Website Privacy Policy</h1>\n"
        "<p>Last revised on 2 May 2024\n"
        "<p>We keep <i>little</i> about you.\n"
        "<h3>What we keep</h3>\n"
        "<ul><li>Your e-mail address<li>The pages you read</ul>\n"
        "<p>Write to us:<br>Example Clinic<br>5 Elm Road<br>Dover, DE 19901\n"
        "</td></tr></table>\n"
        '<div role="contentinfo">Copyright 2024 Example Clinic</div>\n'
        "</body></html>\n"
    )
    today = dt.date(2026, 1, 1)
    page = import_page(html.encode(), path="page.html", options=ImportOptions(today))
    assert [(d.line, d.text, d.reason) for d in page.dropped] == [
        (2, "Home | About", "before the title"),
        (11, "Copyright 2024 Example Clinic", 'contentinfo (role="contentinfo")'),
    ]
    assert source_text(page.documents[0], page, today=today, path="p.md").split("---\n")[2] == (
        "\nLast revised on 2 May 2024\n\nWe keep *little* about you.\n\n## What we keep\n\n"
        "- Your e-mail address\n- The pages you read\n\n"
        "Write to us:<br>\nExample Clinic<br>\n5 Elm Road<br>\nDover, DE 19901\n"
    )
