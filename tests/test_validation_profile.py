"""What validation reads from the front matter (profile, waivers, covers), and the law in force."""

from __future__ import annotations

import datetime as dt

import pytest
from npp_sample import BODY, PROFILE, judge, line_of, replaced, source, with_practices, without

from generator.errors import NoticeError
from generator.model import NoticeText, Revision, Status, Version
from generator.sources import parse_notice
from generator.validation.notices import judged_dates

DISASTER = (
    "### Disaster relief\n\nWe may share information with an organization that helps in "
    "a disaster.\n"
)


def problem(text: str) -> str:
    with pytest.raises(NoticeError) as error:
        judge(text)
    return str(error.value)


@pytest.mark.parametrize(
    ("entity", "key", "message"),
    [
        (
            with_practices(fundraisng=True),
            "fundraisng",
            "unknown practice 'fundraisng' in the entity profile.\n"
            "  How to fix: did you mean 'fundraising'?",
        ),
        (
            {**PROFILE, "type": "hospital"},
            "type",
            "unknown entity type 'hospital' in the entity profile.\n  How to fix: the known "
            "values are health-care-provider, health-plan, group-health-plan.",
        ),
        (
            with_practices(fundraising="yes please"),
            "fundraising",
            "practice 'fundraising' must be true or false, not 'yes please'.\n  How to fix: "
            "write fundraising: true or fundraising: false, or leave it out if you do not know "
            "yet.",
        ),
        (
            {**PROFILE, "type": "health-plan", "practices": {"facility-directory": True}},
            "facility-directory",
            "practice 'facility-directory' applies to health-care-provider, but the entity type "
            "is health-plan.\n  How to fix: set it to false or remove it, or add "
            "health-care-provider to the entity's type.",
        ),
        (
            {**PROFILE, "stricter-laws": "HIV"},
            "stricter-laws",
            "'stricter-laws' must be a list of names, or [] for none.\n  How to fix: write "
            'stricter-laws: ["HIV test results (state law)"] or stricter-laws: [].',
        ),
        (
            {**PROFILE, "sector": "health"},
            "sector",
            "unknown key 'sector' in the entity profile.\n  How to fix: the known values are "
            "name, type, practices, stricter-laws.",
        ),
    ],
)
def test_a_bad_profile_key_names_its_file_line_and_commit(
    entity: dict[str, object], key: str, message: str
) -> None:
    text = source(profile=entity)
    line = line_of(text, f"{key}:") if f"{key}:" in text else line_of(text, "type:")
    assert problem(text) == f"notices/npp.md, line {line}, commit 0000000: {message}"


def test_an_entity_given_as_a_name_states_nothing() -> None:
    findings = judge(source(without(BODY, DISASTER), profile="Bramble Creek"))  # type: ignore[arg-type]
    assert findings["fundraising-opt-out"].status.value == "pass"
    assert findings["restriction-self-pay"].status.value == "pass"
    assert findings["purpose-disaster-relief"].status.value == "warn"
    unstated = judge(
        source(
            without(
                BODY, "The plan does not use or disclose genetic information for underwriting.\n"
            ),
            profile="Bramble Creek",
        )
    )  # type: ignore[arg-type]
    assert unstated["genetic-underwriting-prohibition"].status.value == "review"
    assert unstated["genetic-underwriting-prohibition"].message == (
        "Not found. The entity profile does not state type; practices: underwriting. State it; "
        "if this element applies, the notice needs it."
    )


def test_a_waiver_with_a_reason_replaces_the_failure_and_shows_it() -> None:
    reason = "We are a mail-order pharmacy and take no part in disaster relief."
    text = source(
        without(BODY, DISASTER),
        extra={"waivers": {"purpose-disaster-relief": {"reason": reason, "by": "General Counsel"}}},
    )
    finding = judge(text)["purpose-disaster-relief"]
    assert finding.status.value == "waived"
    assert finding.waiver == reason
    assert (
        finding.message
        == f"Waived (General Counsel): {reason} Without the waiver: warning. Not found."
    )


def test_a_waiver_of_an_element_the_notice_has_is_reported_as_not_needed() -> None:
    text = source(
        extra={"waivers": {"right-to-amend": "Our records cannot be amended by law here."}}
    )
    finding = judge(text)["right-to-amend"]
    assert finding.status.value == "pass"
    assert finding.waiver == "Our records cannot be amended by law here."
    line = line_of(text, "right-to-amend:")
    assert finding.message.endswith(f"A waiver is recorded (line {line}) but not needed.")


@pytest.mark.parametrize(
    ("waivers", "message"),
    [
        (
            {"purpose-disaster-relief": "n/a"},
            "the waiver of 'purpose-disaster-relief' has no written reason.\n  How to fix: an "
            "element may be waived only with a reason, in a sentence: why the notice leaves it "
            "out.",
        ),
        (
            {"purpose-disaster-releif": "We take no part in disaster relief at all."},
            "'purpose-disaster-releif' is not an element of the HIPAA Notice of Privacy Practices "
            "(45 CFR 164.520) checklist.\n  How to fix: did you mean 'purpose-disaster-relief'?",
        ),
        (
            {"retention-6-years": "We keep only the current notice, as our counsel advised."},
            "'retention-6-years' is a rule on timing, which cannot be waived or tagged.\n"
            "  How to fix: remove it.",
        ),
    ],
)
def test_a_bad_waiver_is_an_error_on_its_line(waivers: dict[str, str], message: str) -> None:
    text = source(extra={"waivers": waivers})
    (key,) = waivers
    assert (
        problem(text)
        == f"notices/npp.md, line {line_of(text, key + ':')}, commit 0000000: {message}"
    )


def test_a_heading_tag_points_at_the_section_that_covers_an_element() -> None:
    tagged = replaced(BODY, "## Complaints", '## Complaints {: data-covers="no-retaliation" }')
    finding = judge(source(tagged))["no-retaliation"]
    assert finding.status.value == "pass"
    assert finding.message == "Found in the section tagged for it."


def test_a_tag_on_a_section_that_does_not_say_it_fails_even_if_another_does() -> None:
    tagged = replaced(BODY, "## Contact", '## Contact {: data-covers="no-retaliation" }')
    text = source(tagged)
    finding = judge(text)["no-retaliation"]
    heading = line_of(text, "## Contact")
    found = line_of(text, "We will not retaliate")
    assert finding.status.value == "warn"
    assert finding.message == (
        f'The section tagged for it, "Contact" (line {heading}), does not say it; line {found} '
        "does. Move the tag."
    )
    empty = source(without(tagged, " We will not retaliate against you for filing a\ncomplaint."))
    finding = judge(empty)["no-retaliation"]
    assert finding.status.value == "fail"
    assert finding.message == (
        f'The section tagged for it, "Contact" (line {line_of(empty, "## Contact")}), does not '
        "say it."
    )


def test_front_matter_covers_name_headings() -> None:
    text = source(
        extra={"covers": {"right-to-amend": "Your rights", "no-retaliation": ["Complaints"]}}
    )
    findings = judge(text)
    assert findings["right-to-amend"].message == "Found in the section tagged for it."
    assert findings["no-retaliation"].message == "Found in the section tagged for it."


def test_covers_naming_a_missing_heading_or_element_is_an_error() -> None:
    text = source(extra={"covers": {"right-to-amend": "Your rigths"}})
    line = line_of(text, "right-to-amend:")
    with pytest.raises(AssertionError) as error:
        judge(text)
    assert str(error.value) == (
        f"line {line}: covers: the notice has no heading 'Your rigths' (for right-to-amend). "
        '(give the heading\'s text as it is written in the notice, for example "Your rights".)'
    )
    tagged = source(
        replaced(BODY, "## Complaints", '## Complaints {: data-covers="no-retaliaton" }')
    )
    with pytest.raises(AssertionError) as error:
        judge(tagged)
    assert str(error.value).startswith(
        f"line {line_of(tagged, '## Complaints')}: data-covers names 'no-retaliaton', which is "
        "not an element of the checklist."
    )


PART2_GONE = without(
    BODY,
    "Part 2 records will not be used in civil, criminal, administrative or legislative\n"
    "proceedings against you without your written consent or a court order.\n",
)


def test_a_requirement_not_yet_in_force_does_not_apply_to_a_version_that_ended_before() -> None:
    finding = judge(source(PART2_GONE), law_date=dt.date(2025, 12, 31), until=dt.date(2025, 12, 31))
    assert finding_status(finding["part2-legal-proceedings"]) == (
        "not-applicable",
        "Not required while this version is in effect (required from 2026-02-16).",
    )


def test_a_requirement_coming_while_the_version_is_in_effect_is_a_warning_then_a_failure() -> None:
    before = judge(source(PART2_GONE), law_date=dt.date(2026, 1, 10), until=None)
    assert finding_status(before["part2-legal-proceedings"]) == (
        "warn",
        "Required from 2026-02-16, while this version will still be in effect.",
    )
    after = judge(source(PART2_GONE), law_date=dt.date(2026, 2, 16), until=None)
    assert after["part2-legal-proceedings"].status.value == "fail"


def test_omnibus_elements_do_not_apply_to_a_notice_of_2010() -> None:
    body = without(BODY, "- Marketing needs your written authorization.\n")
    old = judge(
        source(body, effective="2010-01-01"),
        law_date=dt.date(2011, 1, 1),
        until=dt.date(2011, 1, 1),
    )
    assert old["auth-marketing"].status.value == "not-applicable"
    assert old["duty-breach-notification"].status.value == "not-applicable"


def finding_status(finding: object) -> tuple[str, str]:
    return finding.status.value, finding.message  # type: ignore[attr-defined]


def version(
    effective: str, status: Status, next_date: str | None = None, until: str | None = None
) -> Version:
    text = parse_notice(source(effective=effective).encode(), path="notices/npp.md", commit="x")
    assert isinstance(text, NoticeText)
    revision = Revision("notices/npp.md", "blob", "c" * 40, dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    return Version(
        "npp",
        text,
        (revision,),
        status,
        next_date=dt.date.fromisoformat(next_date) if next_date else None,
        in_effect_until=dt.date.fromisoformat(until) if until else None,
    )


def test_the_date_each_version_is_judged_at() -> None:
    as_of = dt.date(2026, 11, 22)
    day = dt.timedelta(days=1)
    current = version("2025-03-01", Status.CURRENT, next_date="2027-01-01")
    assert judged_dates(current, as_of) == (as_of, dt.date(2027, 1, 1) - day)
    upcoming = version("2027-01-01", Status.UPCOMING)
    assert judged_dates(upcoming, as_of) == (dt.date(2027, 1, 1), None)
    superseded = version(
        "2024-07-01", Status.SUPERSEDED, next_date="2025-03-01", until="2025-03-01"
    )
    assert judged_dates(superseded, as_of) == (dt.date(2025, 2, 28), dt.date(2025, 2, 28))
    withdrawn_early = version("2027-06-01", Status.RETIRED)
    assert judged_dates(withdrawn_early, as_of) == (dt.date(2027, 6, 1), dt.date(2027, 6, 1))
