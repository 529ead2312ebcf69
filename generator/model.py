"""The plain data passed between stages: notice texts, git revisions, versions, the archive."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .errors import WORKING_TREE


class Kind(StrEnum):
    """What a notice is; decides which rules apply to it."""

    HIPAA_NPP = "hipaa-npp"
    PRIVACY_POLICY = "privacy-policy"

    @property
    def label(self) -> str:
        return {
            Kind.HIPAA_NPP: "HIPAA Notice of Privacy Practices",
            Kind.PRIVACY_POLICY: "Privacy policy",
        }[self]


class Status(StrEnum):
    """Where a version stands on the build date."""

    CURRENT = "current"
    SUPERSEDED = "superseded"
    UPCOMING = "upcoming"
    RETIRED = "retired"


@dataclass(frozen=True)
class ImportRecord:
    """Where a notice was published before it came into this repository (`imported:`)."""

    source: str
    """The address of the page it was imported from, or the name of the saved file."""
    date: dt.date
    """When it was imported."""
    published: dt.date
    """When it was first published there: its effective date, as the page stated it."""
    updated: dt.date | None = None
    """When the page said it was last updated, if it said so."""

    @property
    def source_url(self) -> str | None:
        """The source when it is a web address that a reader can follow."""
        return self.source if self.source.startswith(("https://", "http://")) else None

    @classmethod
    def from_front_matter(cls, value: Mapping[str, Any]) -> ImportRecord:
        """The record from an `imported:` value that the source reader already checked."""
        updated = value.get("updated")
        return cls(
            source=str(value["source"]).strip(),
            date=dt.date.fromisoformat(str(value["date"]).strip()),
            published=dt.date.fromisoformat(str(value["published"]).strip()),
            updated=dt.date.fromisoformat(str(updated).strip()) if updated is not None else None,
        )


@dataclass(frozen=True)
class NoticeText:
    """What one notice file says, parsed; independent of the commit and path it came from."""

    title: str
    kind: Kind
    effective_date: dt.date
    summary: str
    language: str
    entity: str
    body: str
    body_line: int
    """Line of the file on which the Markdown body starts (1-based)."""
    sha256: str
    """SHA-256 of the file's bytes as committed: what an integrator can check a copy against."""
    front_matter: Mapping[str, Any] = field(default_factory=dict)
    key_lines: Mapping[str, int] = field(default_factory=dict)
    """Line of each front matter key, for messages that point at it."""

    @property
    def imported(self) -> ImportRecord | None:
        """Where the notice was published before it was imported, from `imported:`."""
        value = self.front_matter.get("imported")
        return ImportRecord.from_front_matter(value) if isinstance(value, Mapping) else None


@dataclass(frozen=True)
class Revision:
    """One commit's change to one notice file (or the uncommitted state of it)."""

    path: str
    """Path of the file relative to the repository root, as of this revision."""
    blob: str | None
    """Git blob id of the file; None when the revision deleted the file."""
    commit: str
    """Full commit id; empty for uncommitted changes in the working tree."""
    committed_at: dt.datetime
    author: str = ""
    subject: str = ""
    renamed_from: str | None = None
    """The path this revision moved the file from, when it renamed it."""

    @property
    def is_draft(self) -> bool:
        return not self.commit

    @property
    def short(self) -> str:
        """Short commit id for messages, or "uncommitted changes"."""
        return self.commit[:7] if self.commit else WORKING_TREE

    @property
    def date(self) -> dt.date:
        return self.committed_at.date()


@dataclass(frozen=True)
class Version:
    """A notice's text in effect from one effective date: its revisions, status and neighbours."""

    slug: str
    text: NoticeText
    revisions: tuple[Revision, ...]
    """The revision that published this version, then any that corrected it."""
    status: Status
    previous_date: dt.date | None = None
    next_date: dt.date | None = None
    in_effect_until: dt.date | None = None
    """First day this version no longer applied (next version's date or the retirement)."""

    @property
    def effective_date(self) -> dt.date:
        return self.text.effective_date

    @property
    def published_at(self) -> dt.datetime:
        return self.revisions[0].committed_at

    @property
    def published(self) -> dt.date:
        return self.revisions[0].date

    @property
    def corrections(self) -> tuple[Revision, ...]:
        """Revisions that changed the text after publication without a new effective date."""
        return self.revisions[1:]

    @property
    def last_revision(self) -> Revision:
        return self.revisions[-1]

    @property
    def is_draft(self) -> bool:
        return self.last_revision.is_draft

    @property
    def key(self) -> str:
        """The version's permanent name: its effective date as YYYY-MM-DD."""
        return self.effective_date.isoformat()


@dataclass(frozen=True)
class Notice:
    """One notice with all its versions, oldest first, following renames."""

    slug: str
    path: str
    """Latest path of the source file."""
    versions: tuple[Version, ...]
    former_paths: tuple[str, ...] = ()
    retired: Revision | None = None
    """The revision that deleted the file, when the notice was withdrawn."""

    @property
    def current(self) -> Version | None:
        """The version in effect on the build date (for a retired notice, the last in effect)."""
        for version in reversed(self.versions):
            if version.status in (Status.CURRENT, Status.RETIRED):
                return version
        return None

    @property
    def upcoming(self) -> tuple[Version, ...]:
        return tuple(v for v in self.versions if v.status is Status.UPCOMING)

    @property
    def latest(self) -> Version:
        return self.versions[-1]

    @property
    def shown(self) -> Version:
        """The version a reader gets at the notice's own address: current, else the next one."""
        return self.current or self.versions[0]

    @property
    def title(self) -> str:
        return self.shown.text.title

    @property
    def kind(self) -> Kind:
        return self.shown.text.kind

    @property
    def is_retired(self) -> bool:
        return self.retired is not None

    @property
    def last_changed(self) -> dt.date:
        """Date of the newest revision of any version (or of the retirement)."""
        dates = [r.date for v in self.versions for r in v.revisions]
        if self.retired:
            dates.append(self.retired.date)
        return max(dates)

    def version(self, key: str) -> Version | None:
        return next((v for v in self.versions if v.key == key), None)


@dataclass(frozen=True)
class Archive:
    """Every notice the repository ever published, as of one build date."""

    build_date: dt.date
    notices: tuple[Notice, ...]

    def notice(self, slug: str) -> Notice | None:
        return next((n for n in self.notices if n.slug == slug), None)

    @property
    def has_drafts(self) -> bool:
        return any(v.is_draft for n in self.notices for v in n.versions)
