"""The pitfalls the checklist lists, seen in real notices: each one caught, not passed."""

from __future__ import annotations

import pytest
from npp_sample import BODY, HEADER, judge, line_of, replaced, source, without

from generator.validation.document import read_document

OWN_PHONE = ", telephone 503-555-0142"


@pytest.mark.parametrize(
    "number", ["1-877-696-6775", "(877) 696-6775", "1.800.537.7697", "800-368-1019"]
)
def test_another_partys_phone_number_is_not_the_entitys(number: str) -> None:
    body = replaced(
        without(BODY, OWN_PHONE),
        "Privacy Office, Bramble Creek Health Cooperative.",
        f"Privacy Office, Bramble Creek Health Cooperative. HHS takes complaints at {number}.",
    )
    finding = judge(source(body))["contact-phone"]
    assert finding.status.value == "fail"
    assert finding.message == "Not found."


def test_the_entitys_own_number_passes_next_to_hhss() -> None:
    body = replaced(
        BODY,
        "Privacy Office, Bramble Creek Health Cooperative, telephone 503-555-0142.",
        "HHS takes complaints at 1-877-696-6775. Privacy Office, Bramble Creek Health "
        "Cooperative, telephone (503) 555-0142.",
    )
    finding = judge(source(body))["contact-phone"]
    assert finding.status.value == "pass"
    assert finding.evidence is not None
    assert "(503) 555-0142" in finding.evidence.quote


def test_a_number_far_from_any_contact_is_not_the_contacts() -> None:
    body = without(BODY, OWN_PHONE).replace(
        "### Disaster relief", "### Disaster relief\n\nThe county shelter line is 503-555-0199."
    )
    finding = judge(source(body))["contact-phone"]
    assert finding.status.value == "fail"
    assert (
        finding.message == "A telephone number is given, but not near the contact person or office."
    )


def test_secretary_outside_the_complaint_sentence_does_not_count() -> None:
    body = without(BODY, "You can also complain to the\nSecretary of Health and Human Services. ")
    body = replaced(
        body,
        "including with the Department\n  of Health and Human Services.",
        "including with the Secretary of\n  Health and Human Services, who may review our "
        "compliance.",
    )
    finding = judge(source(body))["complaint-to-secretary"]
    assert finding.status.value == "fail"
    assert finding.message == "HHS or the Secretary is named, but not as a place to complain."


def test_the_office_for_civil_rights_in_the_complaint_sentence_counts() -> None:
    body = replaced(
        BODY,
        "You can also complain to the\nSecretary of Health and Human Services.",
        "You can also send a written complaint to the Office for Civil Rights.",
    )
    finding = judge(source(body))["complaint-to-secretary"]
    assert finding.status.value == "pass"
    assert finding.evidence is not None
    assert finding.evidence.quote == (
        "You can also send a written complaint to the Office for Civil Rights."
    )


@pytest.mark.parametrize(
    ("verbatim", "variant"),
    [
        ("HOW MEDICAL INFORMATION", "HOW HEALTH INFORMATION"),
        ("CAN GET ACCESS", "CAN OBTAIN ACCESS"),
        ("INFORMATION ABOUT YOU MAY", "INFORMATION MAY"),
        (" TO THIS INFORMATION.", "."),
        ("HOW MEDICAL INFORMATION", "HOW PSYCHOLOGICAL AND MEDICAL INFORMATION"),
    ],
)
def test_a_header_that_is_not_verbatim_is_a_warning(verbatim: str, variant: str) -> None:
    body = replaced(BODY, HEADER, HEADER.replace(verbatim, variant))
    finding = judge(source(body))["header-statement"]
    assert finding.status.value == "warn"
    assert finding.message == "The header is not verbatim."
    assert finding.add.startswith("At the top, this sentence word for word:")


def test_the_header_in_sentence_case_is_verbatim() -> None:
    body = replaced(
        BODY, f"**{HEADER}**", "## " + HEADER.capitalize().replace(". please", ". Please")
    )
    assert judge(source(body))["header-statement"].status.value == "pass"


@pytest.mark.parametrize(
    "placeholder",
    ["Effective date: January _, 2016", "Effective date: [DATE]", "Effective: 00/00/2016"],
)
def test_a_placeholder_date_fails_the_effective_date(placeholder: str) -> None:
    text = source(f"{placeholder}\n\n{BODY}")
    finding = judge(text)["effective-date"]
    assert finding.status.value == "fail"
    assert finding.message == "The text holds a placeholder instead of a date."
    assert finding.evidence is not None
    assert finding.evidence.line == line_of(text, placeholder)


def test_merged_bullets_are_split_before_paragraph_checks() -> None:
    treatment = (
        "We use your information to treat you. For example, a nurse checks your allergies before\n"
        "giving you a vaccine."
    )
    payment = (
        "We use your information to bill for your care. For example, we send your health plan the\n"
        "codes for a visit."
    )
    merged = (
        "- Treatment. We use your information to treat you.. Payment. For example, we bill "
        "your plan."
    )
    body = replaced(without(BODY, payment), treatment, merged)
    findings = judge(source(body))
    # merged, "treat" and "For example" share a paragraph; split, treatment has no example
    assert findings["tpo-treatment-example"].status.value == "fail"
    assert findings["tpo-payment-example"].status.value == "pass"
    assert findings["tpo-payment-example"].evidence.quote == "For example, we bill your plan."  # type: ignore[union-attr]


def test_a_scrapers_merged_right_becomes_its_own_item_with_its_line() -> None:
    text = (
        "Rights\n\n"
        "  \u2022 Inspection and Copies. You may see your records. We may charge a reasonable copy "
        "fee.. Right to Amend Your Records. You may ask us to amend them.\n"
    )
    document = read_document(text, first_line=40)
    items = [(b.kind, b.line, b.text) for b in document.blocks]
    assert items == [
        ("heading", 40, "Rights"),
        (
            "item",
            42,
            "Inspection and Copies. You may see your records. We may charge a reasonable copy fee.",
        ),
        ("item", 42, "Right to Amend Your Records. You may ask us to amend them."),
    ]


POLICY = """\
## Website Privacy Policy

Last updated: November 6, 2024

This policy explains what our website collects. Questions about this policy? Contact us at
503-555-0177.

"""


def test_two_documents_on_one_page_only_the_notice_is_checked() -> None:
    body = (
        POLICY
        + "## Notice of Privacy Practices\n\nEffective date: March 1, 2026\n\n"
        + without(BODY, OWN_PHONE)
    )
    text = source(body)
    findings = judge(text)
    document = findings["one-document"]
    assert document.status.value == "warn"
    assert document.message == (
        f'The file also holds "Website Privacy Policy" (line {line_of(text, "## Website")}); '
        "only the notice itself was checked."
    )
    assert (
        document.add
        == "Publish each document (a website privacy policy, a second notice) as its own file."
    )
    # the policy's "Contact us at 503-555-0177" does not give the notice a telephone number
    assert findings["contact-phone"].status.value == "fail"


def test_a_notice_followed_by_another_document_keeps_the_notice() -> None:
    body = (
        "## Notice of Privacy Practices\n\nEffective date: March 1, 2026\n\n"
        + without(BODY, OWN_PHONE)
        + "\n"
        + POLICY
    )
    findings = judge(source(body))
    assert findings["one-document"].status.value == "warn"
    assert findings["contact-phone"].status.value == "fail"
    assert findings["header-statement"].status.value == "pass"


def test_footer_links_that_look_like_titles_are_not_a_second_document() -> None:
    body = BODY + "\nPrivacy Policy\n\nTerms and Conditions\n\nHIPAA Notice of Privacy Practices\n"
    assert judge(source(body))["one-document"].status.value == "pass"
