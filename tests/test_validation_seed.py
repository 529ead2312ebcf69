"""A real published notice (../shared/seeds/milu-hipaa-npp.txt), imported and judged per element.

The expected findings are a compliance reviewer's, worked out from the checklist and the text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import SHARED
from npp_sample import judge, line_of

from generator.cache import BuildCache
from generator.compliance import validate_files
from generator.importer import ImportOptions, import_page, source_text

SEED = SHARED / "seeds" / "milu-hipaa-npp.txt"
IMPORTED_ON = dt.date(2026, 11, 22)
PROFILE = "entity:\n  name: Milu Health\n  type: health-care-provider\n"
"""The one fact a reviewer adds from outside the text: Milu gives care (pharmacists review
members' medications), so it is a health care provider. Its practices are not known."""

EXPECTED = {
    # Form and header
    "plain-language": "review",  # and "Health Information Portability" is a misnomer
    "header-statement": "pass",  # verbatim, right under the title
    # Uses and disclosures
    "tpo-treatment-example": "pass",
    "tpo-payment-example": "pass",
    "tpo-operations-example": "pass",
    "purpose-required-by-law": "pass",
    "purpose-public-health": "pass",
    "purpose-abuse-neglect": "pass",
    "purpose-health-oversight": "pass",
    "purpose-judicial-administrative": "pass",
    "purpose-law-enforcement": "pass",
    "purpose-decedents": "warn",  # coroners and medical examiners, no funeral directors
    "purpose-organ-donation": "pass",
    "purpose-research": "pass",
    "purpose-serious-threat": "pass",
    "purpose-specialized-government": "pass",
    "purpose-workers-comp": "pass",
    "purpose-family-friends": "pass",
    "purpose-disaster-relief": "warn",  # never mentioned
    "purpose-facility-directory": "review",  # a provider; whether it keeps one is not stated
    "more-stringent-law": "review",  # "Special Categories of Treatment Information"
    "part2-more-stringent": "review",  # mentions SUD treatment, not Part 2 records
    "sufficient-detail": "review",
    "auth-psychotherapy-notes": "warn",  # silent, and the profile does not say
    "auth-marketing": "pass",
    "auth-sale-of-phi": "pass",
    "auth-other-uses": "pass",  # "reasons that have not been described ... authorization"
    "auth-revocation": "pass",
    # Separate statements
    "fundraising-opt-out": "review",  # no fundraising statement: may it fundraise at all?
    "plan-sponsor-disclosure": "not-applicable",
    "genetic-underwriting-prohibition": "not-applicable",
    "part2-legal-proceedings": "review",  # required since 2026-02-16 if it holds Part 2 records
    "part2-fundraising-opt-out": "review",
    # Your rights
    "rights-how-to-exercise": "pass",  # "by submitting a request in writing ..."
    "right-request-restrictions": "pass",
    "restriction-not-required-to-agree": "pass",
    "restriction-self-pay": "pass",  # "... for which you personally have paid in full"
    "right-confidential-communications": "pass",
    "right-inspect-copy": "pass",
    "right-to-amend": "pass",  # merged into the copies bullet by the scraper
    "right-accounting": "pass",
    "right-paper-copy": "warn",  # paper copy by mail, no word on electronic notice
    # Our duties
    "duty-maintain-privacy": "pass",
    "duty-provide-notice": "pass",
    "duty-breach-notification": "pass",  # "We will let you know promptly ... breach"
    "duty-abide-by-notice": "pass",
    "reserve-right-to-change": "pass",  # "Changes will apply to all PHI that we maintain"
    "revised-notice-delivery": "pass",  # "we will post the new notice on our website"
    # Complaints, contact and effective date
    "complaint-to-entity": "pass",  # "you may contact our Privacy Officer"
    "complaint-to-secretary": "pass",  # "a written complaint to the U.S. Department of HHS"
    "complaint-how-to-file": "pass",  # "in any of the manners described at the end"
    "no-retaliation": "pass",  # "We will not take any action against you"
    "contact-name-or-title": "pass",  # "Privacy Officer"
    "contact-phone": "fail",  # mail and e-mail only: no telephone number at all
    "effective-date": "pass",
    # Optional and joint-notice elements
    "optional-limited-uses": "review",
    "joint-notice-entities": "pass",  # 'This notice ... describes the privacy practices of'
    "joint-notice-sites": "review",  # no sites listed; is this a joint notice at all?
    "joint-notice-sharing": "pass",  # "may share health information with each other"
    # Table B: the vacated redisclosure statement is still there, harmlessly
    "repro-prohibited-uses": "not-applicable",
    "repro-attestation": "not-applicable",
    "redisclosure-statement": "not-applicable",
    "appointment-reminders-statement": "not-applicable",
    "nprm-2021": "not-applicable",
    "one-document": "pass",
}


def imported_seed() -> str:
    """The seed as `notices import` writes it, with the entity's type added to its profile."""
    options = ImportOptions(today=IMPORTED_ON)
    page = import_page(SEED.read_bytes(), path=SEED.name, options=options)
    (document,) = page.documents
    text = source_text(document, page, today=IMPORTED_ON, path="notices/milu.md")
    return text.replace("kind: hipaa-npp\n", "kind: hipaa-npp\n" + PROFILE, 1)


def test_the_seed_gets_what_a_reviewer_would_find() -> None:
    findings = judge(imported_seed(), law_date=dt.date(2026, 11, 22))
    assert {key: f.status.value for key, f in findings.items()} == EXPECTED


def test_the_seeds_findings_say_why() -> None:
    text = imported_seed()
    findings = judge(text, law_date=dt.date(2026, 11, 22))
    assert findings["contact-phone"].message == "Not found."
    paper = findings["right-paper-copy"]
    assert paper.evidence is not None
    assert paper.evidence.quote == (
        "You may print out a paper copy of this Notice from our website at any time."
    )
    assert paper.evidence.line == line_of(text, "Copy of this Notice.")
    amend = findings["right-to-amend"]
    assert amend.evidence is not None
    assert amend.evidence.quote == "Right to Amend Your Records."
    assert amend.evidence.line == line_of(text, "Inspection and Copies.")
    plain = findings["plain-language"].message
    assert '"Health Information Portability" should be "Health Insurance Portability".' in plain
    assert '"Office of Civil Rights" should be "Office for Civil Rights".' in plain
    assert findings["fundraising-opt-out"].message == (
        "Not found. The entity profile does not state practices: fundraising. State it; if this "
        "element applies, the notice needs it."
    )


def test_the_imported_seed_is_judged_by_its_original_publication(tmp_path: Path) -> None:
    notice = tmp_path / "milu.md"
    notice.write_text(imported_seed(), encoding="utf-8")
    validation, _ = validate_files(
        [notice], tmp_path / "notices", dt.date(2026, 11, 22), BuildCache(None)
    )
    (report,) = validation.reports
    timing = next(f for f in report.findings if f.id == "effective-date-not-before-publication")
    assert timing.status.value == "pass"
    assert timing.message == (
        "Imported on 2026-11-22 from milu-hipaa-npp.txt; first published there 2025-07-16, "
        "effective 2025-07-16."
    )
    assert [f.id for f in report.failures] == ["contact-phone"]
