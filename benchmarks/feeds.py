"""What the feeds and the on-date pages cost, beside notices.json, measured in one run.

    .venv/bin/python benchmarks/feeds.py [--size 100x20]

Generates a repository of N notices x V versions (see corpus.py), loads its archive once, then
times, best of 5: notices.json (build and dump), the Atom feeds (build and render all N + 1),
and the periods of the on-date pages; each as milliseconds and as a ratio to notices.json.
Also prints the bytes of the site feed and per entry, the size a feed reader downloads.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import make_repository
from timing import best_of

from generator.applied import periods
from generator.feeds import SITE_FEED_ENTRIES, build_feeds, render_feed
from generator.manifest import build_manifest, dump_manifest
from generator.site import SiteBuild

SITE = "https://privacy.example.org/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="100x20", help="NOTICESxVERSIONS (default 100x20)")
    notices, versions = (int(part) for part in parser.parse_args().size.split("x"))
    with tempfile.TemporaryDirectory() as folder:
        repository = Path(folder) / "repo"
        make_repository(repository, notices, versions)
        build = SiteBuild(repository / "notices", dt.date(2026, 11, 22), None, site_url=SITE)
        archive = build.archive

        def manifest() -> str:
            return dump_manifest(build_manifest(archive, SITE))

        def feeds() -> list[str]:
            made = build_feeds(archive, site_url=SITE, site_name="Example")
            return [render_feed(feed) for feed in made]

        def on_date() -> list[object]:
            return [periods(notice) for notice in archive.notices]

        times = {
            name: best_of(5, work)
            for name, work in [
                ("notices.json", manifest),
                ("feeds", feeds),
                ("on-date periods", on_date),
            ]
        }
        site_feed = feeds()[0].encode("utf-8")
    print(f"{notices} notices x {versions} versions ({notices * versions} versions), best of 5")
    for name, ms in times.items():
        print(f"  {name:16} {ms:8.1f} ms  {ms / times['notices.json']:5.2f} x notices.json")
    entries = min(notices * versions, SITE_FEED_ENTRIES)
    size = len(site_feed)
    print(f"  site feed: {size / 1024:.0f} KiB for {entries} entries, {size / entries:.0f} B each")


if __name__ == "__main__":
    main()
