"""Every element of the rule pack: the complete sample passes it; a variant lacking it does not.

Pure: no git, no MkDocs. Each case removes or breaks one thing in tests/npp_sample.py and
checks the exact status (and, where it says why, the message).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from npp_sample import BODY, HEADER, PROFILE, judge, replaced, source, with_practices, without

from generator.validation.packfile import load_rule_pack

REVIEWED = {
    "plain-language",
    "more-stringent-law",
    "part2-more-stringent",
    "sufficient-detail",
    "optional-limited-uses",
}


def test_the_complete_sample_passes_every_element() -> None:
    findings = judge(source())
    pack = load_rule_pack()
    statuses = {e.id: findings[e.id].status.value for e in pack.elements}
    assert {k: v for k, v in statuses.items() if v != "pass"} == dict.fromkeys(REVIEWED, "review")
    assert findings["one-document"].status.value == "pass"


@dataclass(frozen=True)
class Case:
    element: str
    body: str = BODY
    status: str = "fail"
    message: str = ""
    profile: dict[str, Any] | None = None

    def __str__(self) -> str:
        return self.element


def dropped(*pieces: str) -> str:
    return without(BODY, *pieces)


CASES = [
    # Form and header
    Case("header-statement", dropped(f"**{HEADER}**\n"), "fail", "Not found."),
    Case(
        "header-statement",
        replaced(BODY, "HOW MEDICAL INFORMATION", "HOW HEALTH INFORMATION"),
        "warn",
        "The header is not verbatim.",
    ),
    Case("header-statement", replaced(BODY, f"**{HEADER}**", HEADER.capitalize()), "pass"),
    Case(
        "header-statement",
        without(BODY, f"**{HEADER}**\n") + f"\n{HEADER}\n",
        "warn",
        "The header is verbatim but not at the top of the notice, where it is prominent.",
    ),
    # Uses and disclosures
    Case(
        "tpo-treatment-example",
        dropped(" For example, a nurse checks your allergies before\ngiving you a vaccine."),
        "fail",
        "Treatment is mentioned, but no paragraph gives an example of it.",
    ),
    Case(
        "tpo-payment-example",
        dropped(" For example, we send your health plan the\ncodes for a visit."),
        "fail",
        "Payment is mentioned, but no paragraph gives an example of it.",
    ),
    Case(
        "tpo-operations-example",
        dropped(" For example, we review charts to\nimprove the quality of care."),
        "fail",
        "Health care operations are mentioned, but no paragraph gives an example.",
    ),
    Case(
        "purpose-required-by-law",
        dropped(
            "- **The law.** We share information when the law requires it, including with the "
            "Department\n  of Health and Human Services.\n"
        ),
    ),
    Case(
        "purpose-public-health",
        dropped(
            "- **Public health.** We report to public health authorities to prevent disease.\n"
        ),
    ),
    Case(
        "purpose-abuse-neglect",
        dropped("- **Abuse.** We report suspected abuse, neglect or domestic violence.\n"),
    ),
    Case(
        "purpose-health-oversight",
        dropped("- **Oversight.** We share information with health oversight agencies.\n"),
    ),
    Case(
        "purpose-judicial-administrative",
        dropped("- **Courts.** We answer a subpoena or a court order.\n"),
    ),
    Case(
        "purpose-law-enforcement",
        dropped("- **Police.** We share information with law enforcement officials.\n"),
    ),
    Case(
        "purpose-decedents",
        dropped(
            "- **Deaths.** We share information with coroners, medical examiners and funeral "
            "directors.\n"
        ),
    ),
    Case(
        "purpose-decedents",
        replaced(BODY, "coroners, medical examiners and funeral directors", "coroners"),
        "warn",
        "Coroners or medical examiners are named, but not funeral directors.",
    ),
    Case(
        "purpose-organ-donation",
        dropped(
            "- **Donation.** We share information with organ and tissue donation organizations.\n"
        ),
    ),
    Case(
        "purpose-research",
        dropped("- **Studies.** We may use information for approved research.\n"),
    ),
    Case(
        "purpose-serious-threat",
        dropped(
            "- **Safety.** We may share information to prevent a serious threat to health or "
            "safety.\n"
        ),
    ),
    Case(
        "purpose-specialized-government",
        dropped(
            "- **Government.** We may share information for military and national security "
            "purposes.\n"
        ),
    ),
    Case(
        "purpose-workers-comp",
        dropped("- **Work injuries.** We share information for workers' compensation claims.\n"),
    ),
    Case(
        "purpose-family-friends",
        dropped(
            "We may share information with a family member or friend who is involved in your "
            "care, and\nnotify them of your location or condition.\n"
        ),
    ),
    Case(
        "purpose-disaster-relief",
        dropped(
            "### Disaster relief\n\nWe may share information with an organization that helps in "
            "a disaster.\n"
        ),
        "warn",
        "Not found.",
    ),
    Case(
        "purpose-facility-directory",
        dropped("You may object and\nask not to be listed."),
        "warn",
        "The directory is mentioned, but not the right to object to being listed.",
    ),
    Case(
        "purpose-facility-directory",
        dropped(
            "### Patient directory\n\nOur hospital keeps a patient directory with your name and "
            "room number. You may object and\nask not to be listed.\n"
        ),
        "fail",
        "Not found.",
    ),
    Case(
        "more-stringent-law",
        dropped(
            "State laws give HIV test results and mental health records special protection, and "
            "we follow\nthem.\n"
        ),
        "review",
        "Not found.",
    ),
    Case(
        "part2-more-stringent",
        dropped(" We use Part 2 records for treatment only with\nyour written consent."),
        "fail",
        "Part 2 records are mentioned, but not the consent their use needs.",
    ),
    Case(
        "sufficient-detail",
        replaced(
            BODY, "- **Studies.** We may use information for approved research.", "- Research."
        ),
        "review",
        'Headings or items with no description under them: "Research." (line',
    ),
    Case(
        "auth-psychotherapy-notes",
        dropped("- Psychotherapy notes are shared only with your written authorization.\n"),
    ),
    Case("auth-marketing", dropped("- Marketing needs your written authorization.\n")),
    Case(
        "auth-sale-of-phi",
        dropped("- A sale of your health information needs your written authorization.\n"),
    ),
    Case(
        "auth-other-uses",
        dropped(
            "- Other uses and disclosures not described here are made only with your written "
            "authorization.\n"
        ),
    ),
    Case("auth-revocation", dropped("- You may revoke an authorization at any time.\n")),
    # Separate statements
    Case(
        "fundraising-opt-out",
        dropped(
            "### Fundraising\n\nWe may contact you to raise funds for the cooperative. You can "
            "opt out of these messages at\nany time.\n"
        ),
        "fail",
        "Not found.",
    ),
    Case(
        "fundraising-opt-out",
        dropped(" You can opt out of these messages at\nany time."),
        "fail",
        "Fundraising is mentioned, but not the right to opt out of it.",
    ),
    Case(
        "plan-sponsor-disclosure",
        dropped(
            "The group health plan may disclose information to the plan sponsor to administer "
            "the plan.\n"
        ),
    ),
    Case(
        "genetic-underwriting-prohibition",
        dropped("The plan does not use or disclose genetic information for underwriting.\n"),
    ),
    Case(
        "part2-legal-proceedings",
        dropped(
            "Part 2 records will not be used in civil, criminal, administrative or legislative\n"
            "proceedings against you without your written consent or a court order.\n"
        ),
    ),
    Case(
        "part2-legal-proceedings",
        dropped(" without your written consent or a court order"),
        "fail",
        "The statement does not give its exceptions (written consent, or a court order after "
        "notice and a hearing).",
    ),
    Case(
        "part2-fundraising-opt-out",
        dropped(
            "Before we use Part 2 records for fundraising, we give you a clear chance to opt out "
            "of\nfundraising messages.\n"
        ),
    ),
    # Your rights
    Case(
        "rights-how-to-exercise",
        dropped("To use these rights, write to our Privacy Office.\n"),
        "fail",
        "The rights section does not say how to use the rights (write to, call, the portal ...).",
    ),
    Case(
        "rights-how-to-exercise",
        replaced(BODY, "## Your rights", "## What else you can do"),
        "fail",
        "Not found.",
    ),
    Case(
        "right-request-restrictions",
        replaced(
            BODY,
            "You have the right to request restrictions on how we use your information.",
            "Tell us what worries you.",
        ),
    ),
    Case(
        "restriction-not-required-to-agree",
        dropped(" We are not\n  required to agree to a restriction."),
    ),
    Case(
        "restriction-self-pay",
        dropped(
            "- If you paid for an item in full out of pocket, we will not tell your health plan "
            "about it\n  when you ask.\n"
        ),
    ),
    Case(
        "right-confidential-communications",
        dropped("- You have the right to confidential communications at a different address.\n"),
    ),
    Case(
        "right-inspect-copy",
        dropped("- You have the right to inspect and get a copy of your records.\n"),
    ),
    Case("right-to-amend", dropped("- You have the right to amend your records.\n")),
    Case("right-accounting", dropped("- You have the right to an accounting of disclosures.\n")),
    Case(
        "right-paper-copy",
        dropped(", even if you agreed to receive the notice\n  electronically"),
        "warn",
        "A paper copy is offered, but not to people who agreed to get the notice electronically.",
    ),
    Case(
        "right-paper-copy",
        dropped(
            "- You have the right to a paper copy of this notice, even if you agreed to receive "
            "the notice\n  electronically.\n"
        ),
    ),
    # Our duties
    Case(
        "duty-maintain-privacy",
        dropped("- We are required by law to maintain the privacy of your health information.\n"),
    ),
    Case(
        "duty-provide-notice",
        dropped("- We must give you this notice of our legal duties and privacy practices.\n"),
    ),
    Case(
        "duty-breach-notification",
        dropped("- We will notify you if a breach of your unsecured health information occurs.\n"),
    ),
    Case(
        "duty-abide-by-notice",
        dropped("- We must abide by the terms of this notice while it is in effect.\n"),
    ),
    Case(
        "reserve-right-to-change",
        dropped(" for all information we have about\nyou"),
        "fail",
        "The right to change the notice is reserved, but not for all the information you "
        "already hold.",
    ),
    Case(
        "revised-notice-delivery",
        dropped(" The new notice will be posted on our website."),
    ),
    # Complaints, contact and effective date
    Case(
        "complaint-to-entity",
        dropped("You can file a complaint with us by calling our Privacy Office. "),
    ),
    Case(
        "complaint-to-secretary",
        dropped("You can also complain to the\nSecretary of Health and Human Services. "),
        "fail",
        "HHS or the Secretary is named, but not as a place to complain.",
    ),
    Case(
        "complaint-how-to-file",
        replaced(BODY, "with us by calling our Privacy Office", "with us"),
    ),
    Case(
        "no-retaliation",
        dropped(" We will not retaliate against you for filing a\ncomplaint."),
    ),
    Case(
        "contact-name-or-title",
        BODY.replace("Privacy Office", "staff").replace("## Contact", "## More"),
    ),
    Case("contact-phone", dropped(", telephone 503-555-0142")),
    # Optional and joint-notice elements
    Case(
        "optional-limited-uses",
        dropped("We will never share your information with data brokers.\n"),
        "review",
        "Not found.",
    ),
    Case(
        "joint-notice-entities",
        replaced(
            replaced(BODY, "This joint notice applies to", "We are"),
            "## Who this notice covers",
            "## About us",
        ),
    ),
    Case(
        "joint-notice-sites",
        replaced(BODY, " who practice at our clinics in Millbrook and Eastfield", ""),
    ),
    Case(
        "joint-notice-sharing",
        dropped(
            "We share health information with each other for the treatment, payment and health "
            "care\noperations of our joint arrangement.\n"
        ),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_an_element_missing_or_incomplete_gets_its_status(case: Case) -> None:
    finding = judge(source(case.body, case.profile))[case.element]
    assert finding.status.value == case.status, finding.message
    assert finding.message.startswith(case.message), finding.message
    if case.status in ("fail", "warn"):
        assert finding.add == load_rule_pack().element(case.element).add  # type: ignore[union-attr]


def test_every_element_has_a_case() -> None:
    tested = {case.element for case in CASES} | {"plain-language", "effective-date"}
    assert tested == {element.id for element in load_rule_pack().elements}


def test_plain_language_names_misspelled_statutes() -> None:
    clean = judge(source())["plain-language"]
    assert clean.status.value == "review"
    assert "should be" not in clean.message
    body = BODY + "\nWe follow the Health Information Portability and Accountability Act.\n"
    typo = judge(source(body))["plain-language"]
    assert typo.status.value == "review"
    assert (
        '"Health Information Portability" should be "Health Insurance Portability".' in typo.message
    )
    assert typo.evidence is not None
    assert typo.evidence.line == source(body).split("\n").index(body.split("\n")[-2]) + 1


def test_effective_date_comes_from_the_front_matter_and_must_agree_with_the_text() -> None:
    plain = judge(source())["effective-date"]
    assert plain.status.value == "pass"
    assert plain.evidence is not None
    assert (plain.evidence.quote, plain.evidence.line) == ("effective_date: 2026-03-01", 4)
    agreeing = judge(source("Effective date: March 1, 2026\n\n" + BODY))["effective-date"]
    assert agreeing.status.value == "pass"
    assert agreeing.message == "Effective 2026-03-01; the text says the same."
    other = judge(source("Effective date: 3/1/2025\n\n" + BODY))["effective-date"]
    assert other.status.value == "fail"
    assert other.message == (
        "The text says the notice is effective 2025-03-01, but its effective_date is 2026-03-01."
    )


@pytest.mark.parametrize(
    ("element", "practice", "status", "message"),
    [
        (
            "fundraising-opt-out",
            {"fundraising": False},
            "not-applicable",
            "Not required: fundraising: false.",
        ),
        (
            "auth-psychotherapy-notes",
            {"psychotherapy_notes": False},
            "not-applicable",
            "Not required: psychotherapy-notes: false.",
        ),
        (
            "part2-legal-proceedings",
            {"part2_records": False},
            "not-applicable",
            "Not required: part2-records: false.",
        ),
        (
            "part2-fundraising-opt-out",
            {"part2_fundraising": False},
            "not-applicable",
            "Not required: part2-fundraising: false.",
        ),
        (
            "reserve-right-to-change",
            {"reserve_right_to_change": False},
            "not-applicable",
            "Not required: reserve-right-to-change: false.",
        ),
        (
            "joint-notice-sites",
            {"joint_notice": False},
            "not-applicable",
            "Not required: joint-notice: false.",
        ),
        (
            "optional-limited-uses",
            {"limited_uses": False},
            "not-applicable",
            "Not required: limited-uses: false.",
        ),
        (
            "genetic-underwriting-prohibition",
            {"underwriting": False},
            "not-applicable",
            "Not required: underwriting: false.",
        ),
        (
            "plan-sponsor-disclosure",
            {"plan_sponsor_disclosure": False},
            "not-applicable",
            "Not required: plan-sponsor-disclosure: false.",
        ),
        (
            "fundraising-opt-out",
            {"fundraising": None},
            "review",
            "Not found. The entity profile does not state practices: fundraising",
        ),
        (
            "auth-psychotherapy-notes",
            {"psychotherapy_notes": None},
            "warn",
            "Not found. The entity profile does not state practices: psychotherapy-notes",
        ),
        (
            "purpose-facility-directory",
            {"facility_directory": None},
            "review",
            "Not found. The entity profile does not state practices: facility-directory",
        ),
        ("purpose-facility-directory", {"facility_directory": False}, "warn", "Not found."),
    ],
)
def test_conditional_elements_follow_the_profile(
    element: str, practice: dict[str, Any], status: str, message: str
) -> None:
    body = _without_element(element)
    finding = judge(source(body, with_practices(**practice)))[element]
    assert finding.status.value == status, finding.message
    assert finding.message.startswith(message), finding.message


def _without_element(element: str) -> str:
    """The sample without the text of an element (for the profile cases)."""
    for case in CASES:
        if case.element == element and case.status == "fail" and case.message in ("", "Not found."):
            return case.body
    return BODY


def test_a_conditional_element_present_in_the_text_passes_even_when_its_flag_is_unstated() -> None:
    finding = judge(source(profile=with_practices(fundraising=None)))["fundraising-opt-out"]
    assert finding.status.value == "pass"


def test_statements_that_a_practice_is_absent() -> None:
    body = replaced(
        _without_element("purpose-facility-directory"),
        "### Fundraising",
        "We do not maintain a facility directory.\n\n### Fundraising",
    )
    no_directory = judge(source(body, with_practices(facility_directory=False)))
    assert no_directory["purpose-facility-directory"].status.value == "pass"
    assert no_directory["purpose-facility-directory"].message == (
        "States that you keep no facility directory."
    )
    # the profile says there is a directory: saying there is none does not satisfy it
    contradicted = judge(source(body))["purpose-facility-directory"]
    assert contradicted.status.value == "fail"

    notes = replaced(
        BODY,
        "- Psychotherapy notes are shared only with your written authorization.",
        "- We do not keep psychotherapy notes.",
    )
    unstated = judge(source(notes, with_practices(psychotherapy_notes=None)))
    assert unstated["auth-psychotherapy-notes"].status.value == "pass"


def test_a_provider_only_notice_leaves_out_the_plan_elements() -> None:
    profile = {**PROFILE, "type": "health-care-provider"}
    profile["practices"] = {
        k: v
        for k, v in PROFILE["practices"].items()
        if k not in ("underwriting", "plan-sponsor-disclosure")
    }
    findings = judge(source(profile=profile))
    sentence = "The group health plan may disclose information to the plan sponsor"
    lines = source(profile=profile).split("\n")
    line = next(i + 1 for i, text in enumerate(lines) if text.startswith(sentence))
    assert findings["plan-sponsor-disclosure"].message == (
        "Not required: the entity is a health-care-provider. "
        f"The notice has it anyway (line {line})."
    )
    assert findings["genetic-underwriting-prohibition"].status.value == "not-applicable"
    plan = judge(
        source(
            _without_element("restriction-self-pay"),
            {**PROFILE, "type": "health-plan"} | {"practices": {}},
        )
    )
    assert plan["restriction-self-pay"].status.value == "not-applicable"


def test_stricter_laws_none_makes_the_element_not_applicable() -> None:
    findings = judge(source(profile={**PROFILE, "stricter-laws": []}))
    assert findings["more-stringent-law"].status.value == "not-applicable"
    assert findings["more-stringent-law"].message == "Not required: stricter-laws: []."


def test_fundraising_without_opt_out_passed_before_the_omnibus_rule() -> None:
    body = without(BODY, " You can opt out of these messages at\nany time.")
    old = judge(
        source(body, effective="2010-01-01"),
        law_date=dt.date(2012, 6, 30),
        until=dt.date(2012, 6, 30),
    )
    assert old["fundraising-opt-out"].status.value == "pass"
    assert old["fundraising-opt-out"].message.startswith("The fundraising statement is there")
