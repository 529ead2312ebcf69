"""A synthetic notices repository: N notices x V versions of realistic 20 KB notices.

Each notice starts from one of the demo notices in notices/ (our own text, so a HIPAA notice
holds every required element and passes validation), under its own entity's name, followed by
generated sections of plausible sentences up to about 20 KB. Each new version makes the edits
legal teams make in the generated part (a sentence reworded, a paragraph added or removed, now
and then a section moved) and changes the telephone number. Commits are written with
`git fast-import`, one per version, with increasing dates, so a 100 x 20 history takes seconds.
"""

from __future__ import annotations

import datetime as dt
import random
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

SUBJECTS = [
    "We",
    "Our clinics",
    "Our staff",
    "The plan",
    "Our business associates",
    "Your care team",
    "The Privacy Office",
    "Our pharmacists",
    "Our billing service",
    "The health plan",
]
VERBS = [
    "may use",
    "may share",
    "will disclose",
    "must protect",
    "can review",
    "may send",
    "will keep",
    "may report",
    "can request",
    "will review",
]
OBJECTS = [
    "your health information",
    "your test results",
    "the records of your visits",
    "information about your medicines",
    "your billing records",
    "your contact details",
    "the dates of your appointments",
    "information about your coverage",
    "your care plan",
    "the results of your screening",
]
PURPOSES = [
    "to treat you and coordinate your care",
    "to bill for the services you receive",
    "to run our clinics and improve the quality of care",
    "when the law requires it",
    "to prevent a serious threat to health or safety",
    "for public health activities",
    "to respond to a court order or subpoena",
    "for research approved by an ethics board",
    "to notify a family member involved in your care",
    "for workers' compensation claims",
]
DETAILS = [
    "For example, a nurse may review your chart before a follow-up call.",
    "We share only the minimum information needed for the purpose.",
    "You can ask us for a list of these disclosures at any time.",
    "Our contracts require every recipient to protect the information.",
    "We keep a record of each request and our answer for six years.",
    "If a state law gives you more protection, we follow that law.",
    "You may ask us to limit this use, and we will consider your request.",
    "We will tell you in writing if we cannot agree to your request.",
]
HEADINGS = [
    "Our duties to you",
    "How we use your information",
    "How we share your information",
    "Your rights",
    "Uses that need your permission",
    "Fundraising",
    "Research",
    "Health information exchange",
    "Complaints",
    "Changes to this notice",
    "Contact us",
    "Records of substance use treatment",
    "Public health and safety",
    "Law enforcement",
    "Special government functions",
    "Information about children",
    "Telehealth visits",
    "Patient portal",
    "Interpreters and accessibility",
    "Disaster relief",
]


def sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(PURPOSES)}."
    )


@dataclass
class Section:
    heading: str
    blocks: list[list[str]] = field(default_factory=list)
    """Paragraphs (a list of sentences) and lists (sentences prefixed "- ")."""


def new_notice(rng: random.Random, target_bytes: int = 20_000) -> list[Section]:
    """A notice of about `target_bytes` bytes."""
    sections: list[Section] = []
    size = 0
    while size < target_bytes:
        section = Section(f"{rng.choice(HEADINGS)} ({len(sections) + 1})")
        for _ in range(rng.randint(3, 6)):
            block = [sentence(rng) for _ in range(rng.randint(2, 5))]
            if rng.random() < 0.3:
                block = ["- " + s for s in block]
            elif rng.random() < 0.5:
                block.append(rng.choice(DETAILS))
            section.blocks.append(block)
            size += sum(len(s) + 1 for s in block)
        sections.append(section)
    return sections


def edit(rng: random.Random, sections: list[Section]) -> list[Section]:
    """The next version: a handful of the edits legal teams make."""
    sections = [Section(s.heading, [list(b) for b in s.blocks]) for s in sections]
    for _ in range(rng.randint(3, 8)):
        section = rng.choice(sections)
        block = rng.choice(section.blocks)
        roll = rng.random()
        if roll < 0.45:
            block[rng.randrange(len(block))] = sentence(rng)
        elif roll < 0.65:
            block.insert(
                rng.randrange(len(block) + 1),
                ("- " if block[0].startswith("- ") else "") + rng.choice(DETAILS),
            )
        elif roll < 0.8 and len(section.blocks) > 1:
            section.blocks.remove(block)
        elif roll < 0.92:
            section.blocks.insert(
                rng.randrange(len(section.blocks) + 1), [sentence(rng), sentence(rng)]
            )
        else:
            moved = sections.pop(rng.randrange(len(sections)))
            sections.insert(rng.randrange(len(sections) + 1), moved)
    return sections


DEMO = Path(__file__).resolve().parents[1] / "notices"
DEMO_ENTITY = "Alder Valley Community Health"
DEMO_PHONE = "541-555-0188"


def demo_notice(kind: str) -> tuple[str, str]:
    """The entity profile (front matter) and the body of our demo notice of `kind`."""
    name = "notice-of-privacy-practices.md" if kind == "hipaa-npp" else "website-privacy-policy.md"
    text = (DEMO / name).read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return front.split("entity:\n", 1)[1], body


def render(
    sections: list[Section], *, title: str, kind: str, effective: dt.date, summary: str, phone: str
) -> str:
    """The notice file: the demo notice of `kind` under its own name, then `sections`."""
    profile, body = demo_notice(kind)
    entity = f"{title.removeprefix('Notice ')} Health Network"
    lines = [
        "---",
        f"title: {title}",
        f"kind: {kind}",
        f"effective_date: {effective.isoformat()}",
        f'summary: "{summary}"',
        "entity:",
        profile.replace(DEMO_ENTITY, entity).rstrip("\n"),
        "---",
        body.replace(DEMO_ENTITY, entity).replace(DEMO_PHONE, phone).rstrip("\n"),
        "",
    ]
    for section in sections:
        lines += [f"## {section.heading}", ""]
        for block in section.blocks:
            lines += block if block[0].startswith("- ") else [" ".join(block)]
            lines.append("")
    return "\n".join(lines)


def kind_of(number: int) -> str:
    """Even notices are HIPAA notices, odd ones privacy policies."""
    return "hipaa-npp" if number % 2 == 0 else "privacy-policy"


def generated_size(kind: str, total: int = 20_000) -> int:
    """How much generated text brings a notice of `kind` to about `total` bytes."""
    return max(2_000, total - len(demo_notice(kind)[1].encode()))


def make_repository(path: Path, notices: int, versions: int, seed: int = 7) -> None:
    """Create a git repository at `path` with `notices` x `versions` committed versions."""
    rng = random.Random(seed)
    path.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(path)], check=True)
    start = dt.datetime(2015, 1, 5, 10, tzinfo=dt.UTC)
    texts = [new_notice(rng, generated_size(kind_of(n))) for n in range(notices)]
    stream: list[bytes] = []
    mark = 0
    for version in range(versions):
        for n in range(notices):
            if version:
                texts[n] = edit(rng, texts[n])
            published = start + dt.timedelta(days=version * 180 + n % 90)
            effective = published.date() + dt.timedelta(days=30)
            kind = kind_of(n)
            body = render(
                texts[n],
                title=f"Notice {n:03d}",
                kind=kind,
                effective=effective,
                summary=f"Version {version + 1}: reworded sections and updated contacts.",
                phone=f"541-555-{rng.randint(100, 199):04d}",
            )
            mark += 1
            stream.append(
                _commit(
                    mark,
                    f"notices/notice-{n:03d}.md",
                    body.encode(),
                    published,
                    f"Notice {n:03d} version {version + 1}",
                )
            )
    config = (Path(__file__).parent / "mkdocs-bench.yml").read_bytes()
    stream.insert(0, _blob_commit(config, start - dt.timedelta(days=1)))
    subprocess.run(["git", "fast-import", "--quiet"], input=b"".join(stream), cwd=path, check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=path, check=True)


def _blob_commit(config: bytes, when: dt.datetime) -> bytes:
    stamp = f"{int(when.timestamp())} +0000"
    message = b"Site configuration"
    return (
        b"commit refs/heads/main\n"
        + f"committer Bench <bench@example.org> {stamp}\n".encode()
        + b"data %d\n%s\n" % (len(message), message)
        + b"M 644 inline mkdocs.yml\ndata %d\n%s\n" % (len(config), config)
    )


def _commit(mark: int, path: str, content: bytes, when: dt.datetime, message: str) -> bytes:
    stamp = f"{int(when.timestamp())} +0000"
    encoded = message.encode()
    return (
        b"commit refs/heads/main\n"
        + f"committer Bench <bench@example.org> {stamp}\n".encode()
        + b"data %d\n%s\n" % (len(encoded), encoded)
        + f"M 644 inline {path}\n".encode()
        + b"data %d\n%s\n" % (len(content), content)
    )
