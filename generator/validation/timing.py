"""The rules of Table C a build can check from the history: publication, reservation, keeping."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..errors import NoticeError
from ..model import Archive, ImportRecord, Notice, Status, Version
from .findings import Evidence, Finding, Outcome, VersionReport
from .rulepack import RulePack, TimingRule
from .settings import Settings

TIMING = "Timing (Table C)"
RESERVATION = "reserve-right-to-change"


def publication_finding(
    version: Version, notice: Notice, settings: Settings, pack: RulePack
) -> Finding:
    """T1: the effective date may not be earlier than the date the version was published."""
    rule = pack.timing_rule("publication")
    effective, published = version.effective_date, version.published
    record = settings.imported
    if record is not None and (version is notice.versions[0] or record.published == effective):
        return _imported_publication(rule, effective, record)
    first = version.revisions[0]
    when = "if it is committed today" if first.is_draft else f"in commit {first.short}"
    if effective < published:
        message = (
            f"Effective {effective.isoformat()}, but published {published.isoformat()} ({when}): "
            "the effective date may not be earlier than publication."
        )
        add = (
            "an effective date on or after the day the version is committed (a correction "
            "keeps the date of the version it corrects)."
        )
        return _finding(rule, Outcome(rule.level), message, add=add)
    return _finding(
        rule,
        Outcome.PASS,
        f"Published {published.isoformat()} ({when}), effective {effective.isoformat()}.",
    )


def _imported_publication(rule: TimingRule, effective: dt.date, record: ImportRecord) -> Finding:
    """An imported version was published on its website, before its first commit here."""
    if effective < record.published:
        message = (
            f"The imported notice says effective {effective.isoformat()}, but it was first "
            f"published {record.published.isoformat()}."
        )
        return _finding(rule, Outcome(rule.level), message)
    if record.updated is not None and record.updated > effective:
        message = (
            f"The page was updated on {record.updated.isoformat()}, after its effective date "
            f"{effective.isoformat()}, and the text imported is the updated one: if the update "
            "changed what the notice says, it was a new version, and its effective date could "
            f"not be earlier than {record.updated.isoformat()}."
        )
        return _finding(rule, Outcome.REVIEW, message)
    message = (
        f"Imported on {record.date.isoformat()} from {record.source}; first published there "
        f"{record.published.isoformat()}, effective {effective.isoformat()}."
    )
    return _finding(rule, Outcome.PASS, message)


def reservation_finding(
    version: Version, previous: VersionReport | None, pack: RulePack
) -> Finding:
    """T5: changes reach information already held only if the previous version reserved it."""
    rule = pack.timing_rule("previous-reservation")
    if previous is None:
        return _finding(rule, Outcome.NOT_APPLICABLE, "This is the notice's first version.")
    reserved = next((f for f in previous.findings if f.id == RESERVATION), None)
    if reserved is not None and reserved.status is Outcome.PASS:
        return _finding(
            rule,
            Outcome.PASS,
            f"The previous version ({previous.effective_date.isoformat()}) reserved the right "
            "to change the notice for all information held.",
        )
    message = (
        f"The previous version ({previous.effective_date.isoformat()}) did not reserve the "
        "right to change the notice for information already held, so this version's changes "
        f"apply only to information created or received from {version.effective_date.isoformat()} "
        "on."
    )
    return _finding(rule, Outcome(rule.level), message)


def kept_finding(version: Version, pack: RulePack) -> Finding:
    """T6: the version is in the archive; how long it must stay there."""
    rule = pack.timing_rule("retention")
    until = retain_until(version.published, version.in_effect_until, rule.years)
    if until is None:
        message = (
            f"Kept in the archive; it must be kept for {rule.years} years after it was last "
            "in effect."
        )
    else:
        message = f"Kept in the archive; it must be kept until at least {until.isoformat()}."
    return _finding(rule, Outcome.PASS, message)


def retain_until(published: dt.date, in_effect_until: dt.date | None, years: int) -> dt.date | None:
    """max(creation, last day in effect) + `years`; None while the version is still in effect."""
    if in_effect_until is None:
        return None
    last = max(published, in_effect_until - dt.timedelta(days=1))
    return _add_years(last, years)


def check_retention(
    archive: Archive, previous: Mapping[str, Any], pack: RulePack
) -> list[NoticeError]:
    """T6: each version a previous build published must still be in the archive for six years.

    `previous` is that build's notices.json. A version can vanish when history is rewritten
    (a rebase, a squash, a force-push) or the site is built from another branch.
    """
    rule = pack.timing_rule("retention")
    problems = []
    for old in previous.get("notices", []):
        notice = _same_notice(archive, old)
        for entry in old.get("versions", []):
            if entry.get("draft") or (
                notice is not None and notice.version(entry["effective_date"])
            ):
                continue
            until = _retain_until_entry(entry, previous, rule.years)
            if until is None or archive.build_date < until:
                problems.append(_vanished(old, entry, until, rule))
    return problems


def _same_notice(archive: Archive, old: Mapping[str, Any]) -> Notice | None:
    paths = {old.get("source"), *old.get("former_sources", [])}
    for notice in archive.notices:
        if notice.slug == old.get("slug") or paths & {notice.path, *notice.former_paths}:
            return notice
    return None


def _retain_until_entry(
    entry: Mapping[str, Any], previous: Mapping[str, Any], years: int
) -> dt.date | None:
    published = dt.date.fromisoformat(entry["published"])
    until = entry.get("in_effect_until")
    if until is None and entry.get("status") == Status.CURRENT.value:
        return None  # it was in effect at the previous build: kept at least six years from then
    end = dt.date.fromisoformat(until) if until else published + dt.timedelta(days=1)
    return retain_until(published, end, years)


def _vanished(
    old: Mapping[str, Any], entry: Mapping[str, Any], until: dt.date | None, rule: TimingRule
) -> NoticeError:
    commit = (entry.get("published_commit") or entry.get("commit") or "")[:7]
    keep = (
        f"until at least {until.isoformat()}"
        if until
        else f"for {rule.years} years after it was last in effect"
    )
    return NoticeError(
        f"the version of {entry['effective_date']} ({entry.get('title', old.get('title'))}), "
        f"which the previous build published in commit {commit}, is no longer in the history. "
        f"{rule.citation} requires every version to be kept {keep}.",
        path=old.get("source"),
        fix=f"restore the commits that published it (git reflog, or the commit {commit}), or "
        "build from the branch that holds them. If that build was of a branch that was never "
        "published, delete its site folder.",
    )


def _add_years(date: dt.date, years: int) -> dt.date:
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # February 29
        return date.replace(year=date.year + years, day=28)


def _finding(
    rule: TimingRule,
    status: Outcome,
    message: str,
    *,
    add: str = "",
    evidence: Evidence | None = None,
) -> Finding:
    return Finding(
        rule.id, rule.citation, f"{rule.title} ({rule.ref})", TIMING, status, message, evidence, add
    )
