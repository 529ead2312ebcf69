"""The rule pack against the checklist it encodes, and its own consistency checks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SHARED
from npp_sample import judge, line_of, source

from generator.errors import NoticeError
from generator.validation.packfile import HIPAA_PACK, load_rule_pack

CHECKLIST = SHARED / "hipaa" / "npp-elements.md"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def checklist_rows(table: str) -> list[list[str]]:
    """The rows of one table of the checklist ("## 2.", "## 3." or "## 4."), cells unquoted."""
    rows, inside = [], False
    for line in CHECKLIST.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            inside = line.startswith(table)
        elif inside and line.startswith("| `"):
            rows.append(
                [cell.strip().replace("`", "") for cell in line.strip().strip("|").split("|")]
            )
    return rows


def test_every_element_of_table_a_with_its_id_and_citation_in_order() -> None:
    rows = checklist_rows("## 2.")
    pack = load_rule_pack()
    assert len(rows) == 59
    assert [(e.id, e.citation) for e in pack.elements] == [(row[0], row[1]) for row in rows]


def test_each_element_applies_to_whom_and_since_when_the_checklist_says() -> None:
    pack = load_rule_pack()
    for row in checklist_rows("## 2."):
        element = pack.element(row[0])
        assert element is not None
        assert element.required_since.isoformat() == ISO_DATE.findall(row[4])[0], row[0]
        flags = {r.flag for r in element.required}
        named = (
            "STRICTER" if row[3].startswith("ALL with a stricter overlay") else row[3].split()[0]
        )
        assert named.rstrip(".") in flags, (row[0], row[3], flags)


def test_table_b_elements_are_listed_and_never_fail() -> None:
    pack = load_rule_pack()
    expected = [(row[0], row[1]) for row in checklist_rows("## 3.")]
    assert [(item.id, item.citation) for item in pack.not_enforced][: len(expected)] == expected
    findings = judge(source("Nothing here.\n"))
    for item in pack.not_enforced:
        assert findings[item.id].status.value == "not-applicable"


def test_table_b_statements_still_carried_are_noted() -> None:
    body = (
        "Information we disclose may be subject to redisclosure by the recipient.\n\n"
        "We need an attestation before we disclose information about reproductive health care.\n"
    )
    text = source(body)
    findings = judge(text)
    redisclosure = findings["redisclosure-statement"]
    assert redisclosure.status.value == "not-applicable"
    line = line_of(text, "Information we disclose")
    assert redisclosure.message.endswith(
        f"harmless if present. The notice still has it (line {line})."
    )
    attestation = findings["repro-attestation"]
    assert attestation.status.value == "review"
    assert attestation.message.endswith(
        "The notice presents the vacated reproductive health care prohibition or attestation as "
        "current law; consider removing it."
    )


def test_table_c_rules_with_their_references_and_citations() -> None:
    rows = checklist_rows("## 4.")
    pack = load_rule_pack()
    assert [f"{t.ref} {t.id}" for t in pack.timing] == [row[0] for row in rows]
    assert [t.citation for t in pack.timing] == [row[1] for row in rows]
    checked = {t.ref for t in pack.timing if t.check != "process"}
    assert checked == {"T1", "T2", "T3", "T5", "T6"}


def test_the_pack_has_a_version_for_cache_keys() -> None:
    pack = load_rule_pack()
    assert pack.label == "hipaa-npp v1"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "checks: [{when: P.RESEARCH, status: pass}]",
            "checks: [{when: P.RESERCH, status: pass}]",
            "rule pack, element purpose-research: unknown pattern P.RESERCH.",
        ),
        (
            "required: [{if: FUNDRAISE, then: fail}]",
            "required: [{if: FUNDRAISING, then: fail}]",
            "rule pack, element fundraising-opt-out: unknown flag 'FUNDRAISING'.",
        ),
        (
            "    required: [{if: ALL, then: warn}]",
            "    required: [{if: ALL, then: maybe}]",
            "rule pack, element purpose-disaster-relief: unknown status 'maybe' (use pass, warn, "
            "review or fail).",
        ),
        (
            "  P.RESEARCH: '\\bresearch\\b'",
            "  P.RESEARCH: '\\bresearch(\\b'",
            "rule pack, pattern P.RESEARCH: it cannot be read (missing ), unterminated subpattern "
            "at position 10).",
        ),
    ],
)
def test_a_mistake_in_the_pack_is_named(tmp_path: Path, old: str, new: str, message: str) -> None:
    text = HIPAA_PACK.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    broken = tmp_path / "hipaa-npp.yaml"
    broken.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(NoticeError) as error:
        load_rule_pack(broken)
    assert str(error.value) == (
        f"{broken}: {message}\n  How to fix: correct the entry; the comments at the top of the "
        "file explain each key."
    )
