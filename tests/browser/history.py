"""The notices of the site the browser tests read: every kind of page a reader can meet."""

from __future__ import annotations

from conftest import NoticeRepo, notice_source

AS_OF = "2025-06-01"
NPP = "notice-of-privacy-practices"

MKDOCS_YML = """\
site_name: Example Health privacy notices
site_description: The privacy notices of Example Health, with every version and what changed.
site_url: https://notices.example.org/
copyright: Example Health
docs_dir: notices
theme:
  name: material
  font: false
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: indigo
      accent: indigo
      toggle:
        icon: material/weather-night
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: indigo
      accent: indigo
      toggle:
        icon: material/weather-sunny
        name: Switch to light mode
plugins:
  - search
  - privacy-notices:
      validation: report  # these notices are short: the checklists show what they lack
      validation_checklists: true
"""

NPP_BODY = """\
**THIS NOTICE DESCRIBES HOW HEALTH INFORMATION ABOUT YOU MAY BE USED AND SHARED.**

## Who follows this notice

Everyone who works at our {clinics}, as listed on [our website](https://example.org/clinics).

## How we use your information

### To treat you

We share what your care team needs, for example with a specialist we refer you to.

### To bill for your care

We send your insurer what it needs to pay for your visit.

## Your rights

| Right | How to ask |
| --- | --- |
| A copy of your record | Write to the Privacy Office |
| A correction | Use the form at the front desk |

- You can ask us to limit what we share.
- You can ask for a list of those we shared your information with.

## Contact us

Privacy Office, {phone}, or [privacy@example.org](mailto:privacy@example.org).
"""

POLICY_BODY = """\
## What we collect

The pages you visit on our site, kept for {days} days.

## Cookies

We set one cookie, to remember your language.
"""


def npp(effective: str, summary: str, clinics: str, phone: str) -> str:
    body = NPP_BODY.format(clinics=clinics, phone=phone)
    entity = "entity:\n  name: Example Health\n  type: health-care-provider"
    return notice_source(effective=effective, summary=summary, body=body, extra=entity)


def write_history(repo: NoticeRepo) -> None:
    """As of AS_OF: an NPP superseded, current and upcoming; a withdrawn NPP; a privacy policy
    whose file was renamed."""
    repo.write(f"{NPP}.md", npp("2024-01-01", "First version.", "two clinics", "555-0100"))
    repo.write(
        "dental-clinic-npp.md",
        notice_source(title="Dental Clinic Notice of Privacy Practices", effective="2024-01-01"),
    )
    repo.write(
        "privacy-policy.md",
        notice_source(
            title="Website Privacy Policy",
            kind="privacy-policy",
            effective="2024-03-01",
            body=POLICY_BODY.format(days=90),
        ),
    )
    repo.commit("Publish our notices", "2023-12-01")
    repo.write(f"{NPP}.md", npp("2025-01-01", "New phone number.", "three clinics", "555-0199"))
    repo.commit("NPP: new phone number", "2024-12-10")
    repo.repo.git.rm("-q", "notices/dental-clinic-npp.md")
    repo.commit("The dental clinic joins the main notice", "2025-02-01")
    repo.write(
        f"{NPP}.md",
        npp("2025-09-01", "Adds the Riverside clinic.", "four clinics", "555-0199"),
    )
    repo.commit("NPP: the Riverside clinic", "2025-05-20")
    # A rename: the old addresses become pages that send the reader on.
    repo.repo.git.mv("notices/privacy-policy.md", "notices/website-privacy-policy.md")
    repo.commit("A clearer address for the privacy policy", "2025-05-25")
