"""Atom feeds: well-formed, complete, stable and reproducible, read back with feedparser."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from conftest import Built, NoticeRepo, notice_source, visible_text

from generator.feeds import SITE_FEED_ENTRIES, FeedLink, build_feeds, render_feed
from generator.model import Archive, Kind, Notice, NoticeText, Revision, Status, Version

ATOM = "{http://www.w3.org/2005/Atom}"
XHTML = "{http://www.w3.org/1999/xhtml}"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
ABSOLUTE_IRI = re.compile(r"[a-z][a-z0-9+.-]*:\S+")
SITE = "https://notices.example.org/"


def publish_history(repo: NoticeRepo) -> dict[str, str]:
    """An NPP with three versions (one corrected, one upcoming as of 2025-06-01) and a policy."""
    shas = {}
    repo.write("npp.md", notice_source(effective="2024-01-01", summary="First version."))
    shas["first"] = repo.commit("Publish the notice", "2023-12-01")
    repo.write(
        "privacy-policy.md",
        notice_source(
            title="Website Privacy Policy", kind="privacy-policy", effective="2024-03-01"
        ),
    )
    shas["policy"] = repo.commit("Publish the privacy policy", "2024-02-15")
    repo.write(
        "npp.md",
        notice_source(effective="2025-01-01", summary="New phone number.", body="Call 555-0100.\n"),
    )
    shas["second"] = repo.commit("New phone number", "2024-12-10")
    repo.write(
        "npp.md",
        notice_source(effective="2025-01-01", summary="New phone number.", body="Call 555-0101.\n"),
    )
    shas["fix"] = repo.commit("Fix the phone number", "2025-02-03")
    repo.write(
        "npp.md",
        notice_source(effective="2025-09-01", summary="Adds Part 2.", body="Call 555-0199.\n"),
    )
    shas["third"] = repo.commit("Part 2 records", "2025-05-20")
    return shas


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Built, dict[str, str]]:
    """One build of publish_history as of 2025-06-01, shared by the tests that only read it."""
    repo = NoticeRepo(tmp_path_factory.mktemp("feeds") / "repo")
    shas = publish_history(repo)
    built = repo.build(as_of="2025-06-01")
    assert built.status == 0, built.err
    return built, shas


def read_feed(built: Built, path: str) -> feedparser.FeedParserDict:
    data = (built.site / path).read_bytes()
    ET.fromstring(data)  # well-formed XML, or this raises
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert_complete(parsed, data)
    return parsed


def assert_complete(parsed: feedparser.FeedParserDict, raw: bytes) -> None:
    """The rules of RFC 4287 a feed of ours could break, checked element by element."""
    feed = ET.fromstring(raw)
    assert feed.tag == ATOM + "feed"
    _assert_atom_element(feed, ("id", "title", "updated", "author"))
    assert [link.get("rel") for link in feed.findall(ATOM + "link")].count("self") == 1
    entries = feed.findall(ATOM + "entry")
    assert len({entry.findtext(ATOM + "id") for entry in entries}) == len(entries)  # 4.1.1
    for entry in entries:
        _assert_atom_element(entry, ("id", "title", "updated", "author", "summary", "content"))
        assert RFC3339.fullmatch(entry.findtext(ATOM + "published") or "")
        alternates = [
            link for link in entry.findall(ATOM + "link") if link.get("rel") == "alternate"
        ]
        assert len(alternates) == 1 and alternates[0].get("type") == "text/html"  # 4.1.2
        content = entry.find(ATOM + "content")
        assert content is not None and content.get("type") == "xhtml"
        assert [child.tag for child in content] == [XHTML + "div"]  # 4.1.3.3: one xhtml:div
    assert parsed.feed.id and parsed.feed.title and parsed.feed.updated and parsed.feed.author
    for entry in parsed.entries:
        assert entry.id and entry.title and entry.updated and entry.author and entry.link


def _assert_atom_element(element: ET.Element, required: tuple[str, ...]) -> None:
    """Exactly one of each required child, with text; ids absolute IRIs; RFC 3339 dates."""
    for name in required:
        found = element.findall(ATOM + name)
        assert len(found) == 1, name
        if name == "author":
            assert (found[0].findtext(ATOM + "name") or "").strip()
        elif name != "content":
            assert (found[0].text or "").strip(), name
    assert ABSOLUTE_IRI.match(element.findtext(ATOM + "id") or "")
    assert RFC3339.fullmatch(element.findtext(ATOM + "updated") or "")


def test_each_notice_has_a_feed_with_an_entry_per_version(
    published: tuple[Built, dict[str, str]],
) -> None:
    built, _ = published
    parsed = read_feed(built, "npp/feed.xml")

    assert parsed.feed.id == SITE + "npp/feed.xml"
    assert parsed.feed.title == "Notice of Privacy Practices"
    assert parsed.feed.updated == "2025-05-20T10:00:00+00:00"
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links == {"self": SITE + "npp/feed.xml", "alternate": SITE + "npp/history/"}

    newest, _, first = parsed.entries
    assert [e.id for e in parsed.entries] == [
        SITE + "npp/2025-09-01/",
        SITE + "npp/2025-01-01/",
        SITE + "npp/2024-01-01/",
    ]
    assert newest.title == "Notice of Privacy Practices: version effective September 1, 2025"
    assert newest.link == SITE + "npp/2025-09-01/"
    assert newest.summary == "Adds Part 2."
    assert newest.published == "2025-05-20T10:00:00+00:00"  # upcoming: listed once published
    content = visible_text(newest.content[0].value)
    assert "Effective September 1, 2025." in content
    assert "Replaces the version effective January 1, 2025. Published May 20, 2025." in content
    assert "What changed: Adds Part 2." in content
    assert "Replaces" not in first.content[0].value


def test_a_correction_updates_the_entry_and_keeps_its_id(
    published: tuple[Built, dict[str, str]],
) -> None:
    built, shas = published
    corrected = read_feed(built, "npp/feed.xml").entries[1]
    assert corrected.id == SITE + "npp/2025-01-01/"
    assert corrected.published == "2024-12-10T10:00:00+00:00"
    assert corrected.updated == "2025-02-03T10:00:00+00:00"
    assert (
        f"Corrected February 3, 2025 (commit {shas['fix'][:7]}: Fix the phone number)."
        in visible_text(corrected.content[0].value)
    )


def test_the_site_feed_lists_every_notice_newest_first(
    published: tuple[Built, dict[str, str]],
) -> None:
    built, _ = published
    parsed = read_feed(built, "feed.xml")
    assert parsed.feed.id == SITE + "feed.xml"
    assert parsed.feed.title == "Example Health privacy notices"
    assert [e.link for e in parsed.entries] == [
        SITE + "npp/2025-09-01/",
        SITE + "npp/2025-01-01/",
        SITE + "privacy-policy/2024-03-01/",
        SITE + "npp/2024-01-01/",
    ]
    assert [e.tags[0].term for e in parsed.entries[1:3]] == ["hipaa-npp", "privacy-policy"]


def test_feeds_are_the_same_bytes_in_every_build(notice_repo: NoticeRepo) -> None:
    publish_history(notice_repo)
    first = notice_repo.build(as_of="2025-06-01")
    feeds = {p: (first.site / p).read_bytes() for p in ("feed.xml", "npp/feed.xml")}
    later = notice_repo.build(as_of="2026-01-01")  # other statuses; the feeds state none
    assert {p: (later.site / p).read_bytes() for p in feeds} == feeds


def test_text_that_looks_like_markup_is_escaped_once(notice_repo: NoticeRepo) -> None:
    notice_repo.write(
        "npp.md",
        notice_source(
            title='"R&D > Notice"',
            effective="2025-01-01",
            summary='"Explains why 1 < 2 & why\\v we changed it."',
        ),
    )
    notice_repo.commit("Publish <script>alert(1)</script> & then", "2024-12-01")
    notice_repo.write(
        "npp.md",
        notice_source(
            title='"R&D > Notice"',
            effective="2025-01-01",
            summary='"Explains why 1 < 2 & why\\v we changed it."',
            body="Corrected.\n",
        ),
    )
    notice_repo.commit("Fix <i>it</i> & more", "2024-12-05")
    built = notice_repo.build()
    assert built.status == 0, built.err
    raw = (built.site / "npp/feed.xml").read_text(encoding="utf-8")
    assert "<i>" not in raw and "&lt;i&gt;" in raw and "1 &lt; 2 &amp; why" in raw
    entry = read_feed(built, "npp/feed.xml").entries[0]
    assert entry.title == "R&D > Notice: version effective January 1, 2025"
    assert entry.summary == "Explains why 1 < 2 & why we changed it."
    content = ET.fromstring(raw).find(f"{ATOM}entry/{ATOM}content")
    assert content is not None
    words = "".join(content.itertext())
    assert "Fix <i>it</i> & more" in words  # the commit subject, as text


def test_without_a_site_url_links_are_relative_and_ids_still_permanent(
    notice_repo: NoticeRepo,
) -> None:
    config = notice_repo.path / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_url: https://notices.example.org/\n", ""))
    publish_history(notice_repo)
    built = notice_repo.build()
    base = "https://mirror.example.net/notices/"
    for path, entry_link in (
        ("npp/feed.xml", base + "npp/2025-09-01/"),
        ("feed.xml", base + "npp/2025-09-01/"),
    ):
        data = (built.site / path).read_bytes()
        headers = {"content-location": base + path, "content-type": "application/atom+xml"}
        parsed = feedparser.parse(data, response_headers=headers)
        assert parsed.bozo == 0
        assert parsed.entries[0].link == entry_link
        assert all(entry.id.startswith("urn:uuid:") for entry in parsed.entries)
    again = notice_repo.build(as_of="2026-01-01")
    assert (again.site / "feed.xml").read_bytes() == (built.site / "feed.xml").read_bytes()


def test_a_withdrawn_notice_gets_a_last_entry(notice_repo: NoticeRepo) -> None:
    publish_history(notice_repo)
    notice_repo.repo.git.rm("-q", "notices/privacy-policy.md")
    notice_repo.commit("Withdraw the privacy policy", "2025-04-01")
    built = notice_repo.build()
    entries = read_feed(built, "privacy-policy/feed.xml").entries
    assert [e.title for e in entries] == [
        "Website Privacy Policy: withdrawn on April 1, 2025",
        "Website Privacy Policy: version effective March 1, 2024",
    ]
    assert entries[0].id == SITE + "privacy-policy/history/#withdrawn-2025-04-01"
    assert entries[0].link == SITE + "privacy-policy/history/"


def test_pages_advertise_the_feeds_and_the_history_links_them(
    published: tuple[Built, dict[str, str]],
) -> None:
    built, _ = published
    atom = '<link rel="alternate feed" type="application/atom+xml"'
    home = built.page("")
    assert f'{atom} href="feed.xml" title="Example Health privacy notices: every notice">' in home
    version = built.page("npp/2024-01-01")
    assert f'{atom} href="../../feed.xml"' in version
    assert (
        f'{atom} href="../feed.xml" title="Notice of Privacy Practices: new versions">' in version
    )
    history = built.page("npp/history")
    assert 'href="../feed.xml" type="application/atom+xml">' in history
    assert "Subscribe to new versions (Atom feed)" in built.text("npp/history")
    assert "Subscribe to new versions of every notice (Atom feed)" in built.text("")


def test_the_manifest_names_the_feeds(published: tuple[Built, dict[str, str]]) -> None:
    manifest = published[0].manifest()
    assert manifest["feed_url"] == SITE + "feed.xml"
    assert manifest["notices"][0]["feed_url"] == SITE + "npp/feed.xml"


# Pure stage: feeds from an archive made in memory, no git and no MkDocs.


def _version(key: str, commits: list[tuple[str, str]], status: Status) -> Version:
    text = NoticeText(
        title="Notice",
        kind=Kind.HIPAA_NPP,
        effective_date=dt.date.fromisoformat(key),
        summary="",
        language="es",
        entity="Example Clinic",
        body="Text.\n",
        body_line=6,
        sha256="0" * 64,
    )
    revisions = tuple(
        Revision("notices/n.md", "b" * 40, sha, dt.datetime.fromisoformat(when))
        for sha, when in commits
    )
    return Version("n", text, revisions, status)


def test_uncommitted_drafts_are_not_in_the_feed_and_later_stages_add_links() -> None:
    committed = _version("2025-01-01", [("a" * 40, "2024-12-01T09:00:00+01:00")], Status.CURRENT)
    corrected_in_preview = _version(
        "2024-01-01",
        [("c" * 40, "2023-12-01T09:00:00+01:00"), ("", "2030-01-01T00:00:00+00:00")],
        Status.SUPERSEDED,
    )
    draft = _version("2026-01-01", [("", "2030-01-01T00:00:00+00:00")], Status.UPCOMING)
    notice = Notice("n", "notices/n.md", (corrected_in_preview, committed, draft))
    archive = Archive(dt.date(2025, 6, 1), (notice,))

    def redline(version: Version) -> list[FeedLink]:
        return [FeedLink("related", f"n/compare/{version.key}/", "What changed & why")]

    site, feed = build_feeds(archive, site_url=SITE, site_name="Site", links=redline)
    assert [entry.url for entry in feed.entries] == [SITE + "n/2025-01-01/", SITE + "n/2024-01-01/"]
    assert feed.entries[1].updated == dt.datetime.fromisoformat("2023-12-01T09:00:00+01:00")
    assert feed.language == "es" and site.author == "Example Clinic"
    parsed = feedparser.parse(render_feed(feed))
    assert parsed.bozo == 0
    related = [link for link in parsed.entries[0].links if link.rel == "related"]
    assert [(r.href, r.title) for r in related] == [
        (SITE + "n/compare/2025-01-01/", "What changed & why")
    ]
    assert f'<a href="{SITE}n/compare/2025-01-01/">What changed &amp; why</a>' in render_feed(feed)
    assert parsed.entries[0].summary == "The version of the Notice effective January 1, 2025."


@pytest.mark.parametrize("path", ["feed.xml", "npp/feed.xml"])
def test_feeds_start_with_the_xml_declaration(
    published: tuple[Built, dict[str, str]], path: str
) -> None:
    raw = (published[0].site / path).read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n<feed ')


def test_the_site_feed_keeps_the_newest_entries_and_notice_feeds_keep_all() -> None:
    versions = []
    for year in range(1900, 1900 + SITE_FEED_ENTRIES + 20):
        when = f"{year - 1}-12-01T09:00:00+00:00"
        versions.append(_version(f"{year}-01-01", [(f"{year:040d}", when)], Status.SUPERSEDED))
    notice = Notice("n", "notices/n.md", tuple(versions))
    site, feed = build_feeds(Archive(dt.date(2030, 1, 1), (notice,)), site_url=SITE, site_name="S")
    assert len(feed.entries) == SITE_FEED_ENTRIES + 20
    assert len(site.entries) == SITE_FEED_ENTRIES
    assert site.entries[0].url == SITE + f"n/{1900 + SITE_FEED_ENTRIES + 19}-01-01/"
    assert site.updated == feed.updated
