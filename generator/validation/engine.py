"""Judging one notice text against the rule pack: a Finding for every element.

What the law requires depends on the date the version is judged at (`law_date`) and, for a
version still in effect, on the last day it may be in effect (`until`): an element that takes
effect before then is a warning now and a failure once it is in force.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import NoticeText
from .analyses import Context, evidence_of, run_analysis
from .document import Document, read_document
from .findings import Evidence, Finding, Outcome
from .match import Matcher
from .profile import decide, unstated, why_not
from .rulepack import Element, NotEnforced, RulePack
from .segments import separate_documents
from .settings import Settings
from .text import normalize

NOT_ENFORCED = "Not enforced (Table B)"
SOURCE = "Source file"

Detected = tuple[Outcome | None, str, Evidence | None]
SourceProblem = tuple[int | None, str, str]
"""A problem in the notice's own markup: (line, what is wrong, how to fix it)."""


@dataclass(frozen=True)
class Evaluation:
    """The findings for a text, and problems with its tags (reported as errors)."""

    findings: tuple[Finding, ...]
    problems: tuple[SourceProblem, ...] = ()


@dataclass
class _Run:
    pack: RulePack
    settings: Settings
    law_date: dt.date
    until: dt.date | None
    matcher: Matcher
    context: Context
    covers: dict[str, list[int]]


def evaluate(
    text: NoticeText,
    settings: Settings,
    pack: RulePack,
    *,
    law_date: dt.date,
    until: dt.date | None,
) -> Evaluation:
    """Every element of `pack` judged on `text` as the law stood on `law_date`.

    `until` is the last day the version may still be in effect (None: no end in sight).
    """
    document = separate_documents(read_document(text.body, text.body_line), pack)
    covers, problems = _covered_sections(document, settings, pack)
    run = _Run(
        pack,
        settings,
        law_date,
        until,
        Matcher(document, pack),
        Context(text.effective_date, settings.lines.get("effective_date", 0)),
        covers,
    )
    findings = [_judge(element, run) for element in pack.elements]
    findings.append(_one_document(document, pack))
    findings.extend(_not_enforced(item, run) for item in pack.not_enforced)
    return Evaluation(tuple(findings), tuple(problems))


def _judge(element: Element, run: _Run) -> Finding:
    finding = Finding(
        element.id, element.citation, element.title, run.pack.groups[element.group], Outcome.PASS
    )
    if run.law_date < element.required_since:
        return _not_yet(element, finding, run)
    missing, why = _if_missing(element, run)
    status, message, evidence = _detect(element, run)
    if missing is None:
        note = (
            f" The notice has it anyway (line {evidence.line})."
            if status is Outcome.PASS and evidence
            else ""
        )
        return _with(finding, Outcome.NOT_APPLICABLE, f"Not required: {why}.{note}")
    if status is None:
        return _waive(_with(finding, missing, f"Not found.{why}", None, element.add), run)
    add = element.add if status in (Outcome.FAIL, Outcome.WARN) else ""
    return _waive(_with(finding, status, message, evidence, add), run)


def _not_yet(element: Element, finding: Finding, run: _Run) -> Finding:
    since = element.required_since
    status, _, evidence = _detect(element, run)
    still_in_effect = run.until is None or run.until >= since
    applies = _if_missing(element, run)[0] is not None
    if still_in_effect and applies and status not in (Outcome.PASS, Outcome.REVIEW):
        message = f"Required from {since.isoformat()}, while this version will still be in effect."
        return _waive(_with(finding, Outcome.WARN, message, evidence, element.add), run)
    message = f"Not required while this version is in effect (required from {since.isoformat()})."
    return _with(finding, Outcome.NOT_APPLICABLE, message)


def _if_missing(element: Element, run: _Run) -> tuple[Outcome | None, str]:
    """The status the element gets when the text lacks it (None: it does not apply), and why."""
    pack, profile = run.pack, run.settings.profile
    for requirement in element.required:
        answer = decide(requirement.flag, profile, pack)
        if answer:
            return Outcome(requirement.status), ""
        if answer is None:
            keys = "; ".join(unstated(requirement.flag, profile, pack))
            why = (
                f" The entity profile does not state {keys}. State it; if this element "
                "applies, the notice needs it."
            )
            return Outcome(element.if_unstated), why
    return None, why_not(element.required[-1].flag, profile, pack)


def _detect(element: Element, run: _Run) -> Detected:
    sections = run.covers.get(element.id)
    if not sections:
        return _detect_in(element, run.matcher, run)
    document = run.matcher.document
    tagged = Matcher(
        document.restrict([i for h in sections for i in document.section(h)]), run.pack
    )
    names = ", ".join(
        f'"{document.blocks[h].text}" (line {document.blocks[h].line})' for h in sections
    )
    status, message, evidence = _detect_in(element, tagged, run)
    if status not in (None, Outcome.FAIL):
        return status, f"{message} Found in the section tagged for it.".strip(), evidence
    elsewhere = _detect_in(element, run.matcher, run)
    if elsewhere[0] is Outcome.PASS and elsewhere[2] is not None:
        line = elsewhere[2].line
        message = (
            f"The section tagged for it, {names}, does not say it; line {line} does. Move the tag."
        )
        return Outcome.WARN, message, elsewhere[2]
    return Outcome.FAIL, f"The section tagged for it, {names}, does not say it.", evidence


def _detect_in(element: Element, matcher: Matcher, run: _Run) -> Detected:
    if element.analysis:
        return run_analysis(element, matcher, run.context)
    for check in element.checks:
        if check.before and run.law_date >= check.before:
            continue
        if check.unless and decide(check.unless, run.settings.profile, run.pack):
            continue
        hit = matcher.find(check.when)
        if hit is not None:
            return Outcome(check.status), check.message, evidence_of(hit, matcher)
    return None, "", None


def _waive(finding: Finding, run: _Run) -> Finding:
    waiver = run.settings.waivers.get(finding.id)
    if waiver is None:
        return finding
    by = f" ({waiver.by})" if waiver.by else ""
    if finding.status in (Outcome.FAIL, Outcome.WARN, Outcome.REVIEW):
        message = (
            f"Waived{by}: {waiver.reason} Without the waiver: "
            f"{finding.status.label.lower()}. {finding.message}"
        )
        return _with(
            finding, Outcome.WAIVED, message.strip(), finding.evidence, finding.add, waiver.reason
        )
    message = f"{finding.message} A waiver is recorded (line {waiver.line}) but not needed."
    return _with(finding, finding.status, message.strip(), finding.evidence, "", waiver.reason)


def _with(
    finding: Finding,
    status: Outcome,
    message: str,
    evidence: Evidence | None = None,
    add: str = "",
    waiver: str = "",
) -> Finding:
    return Finding(
        finding.id,
        finding.citation,
        finding.title,
        finding.group,
        status,
        message.strip(),
        evidence,
        add,
        waiver,
    )


def _not_enforced(item: NotEnforced, run: _Run) -> Finding:
    finding = Finding(
        item.id, item.citation, item.title, NOT_ENFORCED, Outcome.NOT_APPLICABLE, item.reason
    )
    noted = run.matcher.search(item.noted_if) if item.noted_if else None
    if noted is not None:
        return _with(
            finding, Outcome.REVIEW, f"{item.reason} {item.note}", evidence_of(noted, run.matcher)
        )
    present = run.matcher.search(item.present_if) if item.present_if else None
    if present is not None:
        message = f"{item.reason} The notice still has it (line {present.line})."
        return _with(finding, Outcome.NOT_APPLICABLE, message, evidence_of(present, run.matcher))
    return finding


def _one_document(document: Document, pack: RulePack) -> Finding:
    check = pack.source_checks[0]
    finding = Finding(
        check.id, "", check.title, SOURCE, Outcome.PASS, "The file holds one document."
    )
    if not document.set_aside:
        return finding
    others = ", ".join(f'"{block.text}" (line {block.line})' for block in document.set_aside)
    message = f"The file also holds {others}; only the notice itself was checked."
    first = document.set_aside[0]
    return _with(
        finding, Outcome(check.level), message, Evidence(first.text, first.line), check.add
    )


def _covered_sections(
    document: Document, settings: Settings, pack: RulePack
) -> tuple[dict[str, list[int]], list[SourceProblem]]:
    """Element id -> headings tagged as covering it (heading attributes and front matter)."""
    covers: dict[str, list[int]] = {}
    problems: list[SourceProblem] = []
    headings = [(i, b) for i, b in enumerate(document.blocks) if b.is_heading]
    for i, block in headings:
        for element_id in block.covers:
            if pack.element(element_id) is None:
                fix = (
                    "use an id from the checklist, such as right-to-amend (separate ids by spaces)."
                )
                problems.append(
                    (
                        block.line,
                        f"data-covers names '{element_id}', which is not an element of the "
                        "checklist.",
                        fix,
                    )
                )
            else:
                covers.setdefault(element_id, []).append(i)
    for element_id, names in settings.covers.items():
        for name in names:
            wanted = normalize(name).casefold().lstrip("#")
            found = [i for i, b in headings if wanted in (b.text.casefold(), b.anchor.casefold())]
            if not found:
                line = settings.lines.get(f"covers.{element_id}")
                fix = (
                    "give the heading's text as it is written in the notice, for example "
                    '"Your rights".'
                )
                problems.append(
                    (line, f"covers: the notice has no heading '{name}' (for {element_id}).", fix)
                )
            covers.setdefault(element_id, []).extend(found)
    return {k: v for k, v in covers.items() if v}, problems
