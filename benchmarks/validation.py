"""What HIPAA validation costs in a build, beside rendering the notices, measured in one run.

    .venv/bin/python benchmarks/validation.py [--size 100x20]

Generates a repository of N notices x V versions (see corpus.py) and loads its archive once.
Then times, best of 3: rendering every version's body to HTML (what a build does anyway),
validating every HIPAA version with an empty cache, and validating again from a warm cache
(a build where nothing changed); each in milliseconds, per version, and as a ratio to
rendering. Times are CPU times of this process.
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

from generator.cache import BuildCache
from generator.render import render_body
from generator.site import SiteBuild
from generator.validation.notices import validate_archive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="100x20", help="NOTICESxVERSIONS (default 100x20)")
    notices, versions = (int(part) for part in parser.parse_args().size.split("x"))
    with tempfile.TemporaryDirectory() as folder:
        repository = Path(folder) / "repo"
        make_repository(repository, notices, versions)
        archive = SiteBuild(repository / "notices", dt.date(2026, 11, 22), None).archive
        all_versions = [v for n in archive.notices for v in n.versions]
        hipaa = sum(1 for v in all_versions if v.text.kind.value == "hipaa-npp")

        def render() -> None:
            for version in all_versions:
                render_body(version.text.body, path="x", commit="x")

        def cold() -> None:
            validate_archive(archive, BuildCache(None))

        warm_cache = BuildCache(Path(folder) / "cache")
        validate_archive(archive, warm_cache)
        rendering = best_of(3, render)
        rows = [
            ("render every body", rendering, len(all_versions)),
            ("validate, empty cache", best_of(3, cold), hipaa),
            (
                "validate, warm cache",
                best_of(3, lambda: validate_archive(archive, warm_cache)),
                hipaa,
            ),
        ]
    print(f"{notices} notices x {versions} versions: {len(all_versions)} versions, {hipaa} HIPAA")
    print(f"{'':24}{'ms':>10}{'ms each':>10}{'x render':>10}")
    for name, ms, count in rows:
        print(f"{name:24}{ms:10.0f}{ms / max(count, 1):10.2f}{ms / rendering:10.2f}")


if __name__ == "__main__":
    main()
