"""A complete Notice of Privacy Practices written for the tests, and ways to judge variants of it.

The entity is both a provider and a group health plan and states every practice, so every
element of the checklist applies; each test removes or breaks one thing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from conftest import MKDOCS_YML, NoticeRepo

from generator.sources import parse_notice
from generator.validation.engine import evaluate
from generator.validation.findings import Finding
from generator.validation.packfile import load_rule_pack
from generator.validation.settings import read_settings

HEADER = (
    "THIS NOTICE DESCRIBES HOW MEDICAL INFORMATION ABOUT YOU MAY BE USED AND DISCLOSED AND HOW "
    "YOU CAN GET ACCESS TO THIS INFORMATION. PLEASE REVIEW IT CAREFULLY."
)

BODY = f"""\
**{HEADER}**

## Who this notice covers

This joint notice applies to Bramble Creek Health Cooperative, its employee health plan and
the independent physicians who practice at our clinics in Millbrook and Eastfield.

We share health information with each other for the treatment, payment and health care
operations of our joint arrangement.

## Our duties

- We are required by law to maintain the privacy of your health information.
- We must give you this notice of our legal duties and privacy practices.
- We will notify you if a breach of your unsecured health information occurs.
- We must abide by the terms of this notice while it is in effect.

## How we use your information

### Treatment

We use your information to treat you. For example, a nurse checks your allergies before
giving you a vaccine.

### Payment

We use your information to bill for your care. For example, we send your health plan the
codes for a visit.

### Health care operations

We use your information for our health care operations. For example, we review charts to
improve the quality of care.

### Family and friends

We may share information with a family member or friend who is involved in your care, and
notify them of your location or condition.

### Disaster relief

We may share information with an organization that helps in a disaster.

### Patient directory

Our hospital keeps a patient directory with your name and room number. You may object and
ask not to be listed.

### Fundraising

We may contact you to raise funds for the cooperative. You can opt out of these messages at
any time.

### The employee health plan

The group health plan may disclose information to the plan sponsor to administer the plan.
The plan does not use or disclose genetic information for underwriting.

## Other uses and disclosures

- **The law.** We share information when the law requires it, including with the Department
  of Health and Human Services.
- **Public health.** We report to public health authorities to prevent disease.
- **Abuse.** We report suspected abuse, neglect or domestic violence.
- **Oversight.** We share information with health oversight agencies.
- **Courts.** We answer a subpoena or a court order.
- **Police.** We share information with law enforcement officials.
- **Deaths.** We share information with coroners, medical examiners and funeral directors.
- **Donation.** We share information with organ and tissue donation organizations.
- **Studies.** We may use information for approved research.
- **Safety.** We may share information to prevent a serious threat to health or safety.
- **Government.** We may share information for military and national security purposes.
- **Work injuries.** We share information for workers' compensation claims.

State laws give HIV test results and mental health records special protection, and we follow
them.

## Substance use disorder records

We receive records protected by 42 CFR Part 2. We use Part 2 records for treatment only with
your written consent.

Part 2 records will not be used in civil, criminal, administrative or legislative
proceedings against you without your written consent or a court order.

Before we use Part 2 records for fundraising, we give you a clear chance to opt out of
fundraising messages.

## Uses that need your permission

- Psychotherapy notes are shared only with your written authorization.
- Marketing needs your written authorization.
- A sale of your health information needs your written authorization.
- Other uses and disclosures not described here are made only with your written authorization.
- You may revoke an authorization at any time.

We will never share your information with data brokers.

## Your rights

To use these rights, write to our Privacy Office.

- You have the right to request restrictions on how we use your information. We are not
  required to agree to a restriction.
- If you paid for an item in full out of pocket, we will not tell your health plan about it
  when you ask.
- You have the right to confidential communications at a different address.
- You have the right to inspect and get a copy of your records.
- You have the right to amend your records.
- You have the right to an accounting of disclosures.
- You have the right to a paper copy of this notice, even if you agreed to receive the notice
  electronically.

## Changes to this notice

We reserve the right to change the terms of this notice for all information we have about
you. The new notice will be posted on our website.

## Complaints

You can file a complaint with us by calling our Privacy Office. You can also complain to the
Secretary of Health and Human Services. We will not retaliate against you for filing a
complaint.

## Contact

Privacy Office, Bramble Creek Health Cooperative, telephone 503-555-0142.
"""

PROFILE: dict[str, Any] = {
    "name": "Bramble Creek Health Cooperative",
    "type": ["health-care-provider", "group-health-plan"],
    "practices": {
        "direct-treatment": True,
        "service-sites": True,
        "facility-directory": True,
        "fundraising": True,
        "psychotherapy-notes": True,
        "part2-records": True,
        "part2-fundraising": True,
        "reserve-right-to-change": True,
        "website": True,
        "underwriting": True,
        "plan-sponsor-disclosure": True,
        "joint-notice": True,
        "limited-uses": True,
    },
    "stricter-laws": ["HIV test results and mental health records (state law)"],
}

JUDGED = dt.date(2026, 11, 22)


def source(
    body: str = BODY,
    profile: dict[str, Any] | None = None,
    effective: str = "2026-03-01",
    extra: dict[str, Any] | None = None,
) -> str:
    """A notice file: front matter with the entity profile (and `extra` keys), then `body`."""
    front: dict[str, Any] = {
        "title": "Notice of Privacy Practices",
        "kind": "hipaa-npp",
        "effective_date": effective,
        "entity": PROFILE if profile is None else profile,
        **(extra or {}),
    }
    return "---\n" + yaml.safe_dump(front, sort_keys=False) + "---\n\n" + body


def judge(
    text: str,
    *,
    law_date: dt.date = JUDGED,
    until: dt.date | None = None,
) -> dict[str, Finding]:
    """Every finding for a notice file's text, by element id; front matter problems raise."""
    pack = load_rule_pack()
    notice = parse_notice(text.encode(), path="notices/npp.md", commit="0000000")
    settings, problems = read_settings(notice, pack, path="notices/npp.md", commit="0000000")
    if problems:
        raise problems[0]
    evaluation = evaluate(notice, settings, pack, law_date=law_date, until=until)
    if evaluation.problems:
        line, what, fix = evaluation.problems[0]
        raise AssertionError(f"line {line}: {what} ({fix})")
    return {finding.id: finding for finding in evaluation.findings}


def with_practices(**changes: Any) -> dict[str, Any]:
    """The sample profile with some practices changed; None removes a practice (unstated)."""
    practices = {k.replace("_", "-"): v for k, v in changes.items()}
    merged = {**PROFILE["practices"], **practices}
    return {**PROFILE, "practices": {k: v for k, v in merged.items() if v is not None}}


def without(body: str, *pieces: str) -> str:
    """The body with each piece of text removed; each must be there exactly once."""
    for piece in pieces:
        assert body.count(piece) == 1, f"{piece!r} appears {body.count(piece)} times"
        body = body.replace(piece, "")
    return body


def replaced(body: str, old: str, new: str) -> str:
    assert body.count(old) == 1, f"{old!r} appears {body.count(old)} times"
    return body.replace(old, new)


def line_of(text: str, needle: str) -> int:
    """The line of a notice file's text on which `needle` starts (1-based)."""
    return text[: text.index(needle)].count("\n") + 1


def validating(repo: NoticeRepo, options: str = "") -> NoticeRepo:
    """Turn validation on in the repository's mkdocs.yml (conftest's fixtures skip it)."""
    skip = next(line for line in MKDOCS_YML.splitlines(True) if "validation: skip" in line)
    config = MKDOCS_YML.replace(skip, options)
    assert "turn it on" not in config
    (repo.path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return repo
