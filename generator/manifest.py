"""notices.json: the archive as data an integrator's program can read."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .model import Archive, Notice, Status, Version
from .pages import SITE_FEED_URL, feed_url, history_url, notice_url, on_date_url, version_url

SCHEMA_VERSION = 1


VersionFields = Callable[[Version, Callable[[str], str]], dict[str, Any]]
"""More fields of a version, given the version and a function making an address absolute."""


def build_manifest(
    archive: Archive, site_url: str = "", version_fields: VersionFields | None = None
) -> dict[str, Any]:
    """Every notice with every version: dates, status, address, commit and content hash.

    `version_fields` adds what later stages publish for a version (redlines, PDFs...).
    """
    base = site_url.rstrip("/") + "/" if site_url else ""
    return {
        "schema_version": SCHEMA_VERSION,
        "build_date": archive.build_date.isoformat(),
        "site_url": base or None,
        "feed_url": base + SITE_FEED_URL,
        "notices": [_notice(notice, base, version_fields) for notice in archive.notices],
    }


def dump_manifest(manifest: dict[str, Any]) -> str:
    return json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"


def _notice(notice: Notice, base: str, version_fields: VersionFields | None) -> dict[str, Any]:
    current = notice.current
    return {
        "slug": notice.slug,
        "title": notice.title,
        "kind": notice.kind.value,
        "entity": notice.shown.text.entity or None,
        "status": "retired" if notice.is_retired else "active",
        "retired": _retirement(notice),
        "source": notice.path,
        "former_sources": list(notice.former_paths),
        "url": base + notice_url(notice),
        "history_url": base + history_url(notice),
        "feed_url": base + feed_url(notice),
        "on_date_url": base + on_date_url(notice),
        "current_version": current.key if current and current.status is Status.CURRENT else None,
        "upcoming_versions": [v.key for v in notice.upcoming],
        "last_changed": notice.last_changed.isoformat(),
        "versions": [_version(version, base, version_fields) for version in notice.versions],
    }


def _retirement(notice: Notice) -> dict[str, str] | None:
    if notice.retired is None:
        return None
    return {"date": notice.retired.date.isoformat(), "commit": notice.retired.commit or None}  # type: ignore[dict-item]


def _version(version: Version, base: str, version_fields: VersionFields | None) -> dict[str, Any]:
    last = version.last_revision
    extra = version_fields(version, lambda path: base + path) if version_fields else {}
    return {
        "effective_date": version.key,
        "title": version.text.title,
        "summary": version.text.summary or None,
        "status": version.status.value,
        "draft": version.is_draft,
        "language": version.text.language,
        "published": version.published.isoformat(),
        "published_at": version.published_at.isoformat(),
        "updated_at": last.committed_at.isoformat(),
        "published_commit": version.revisions[0].commit or None,
        "in_effect_until": version.in_effect_until.isoformat() if version.in_effect_until else None,
        "previous_version": version.previous_date.isoformat() if version.previous_date else None,
        "next_version": version.next_date.isoformat() if version.next_date else None,
        "url": base + version_url(version),
        "commit": last.commit or None,
        "source": last.path,
        "sha256": version.text.sha256,
        "corrections": [
            {"date": r.date.isoformat(), "commit": r.commit or None, "message": r.subject}
            for r in version.corrections
        ],
        **extra,
    }
