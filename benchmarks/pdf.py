"""Benchmark of the PDFs: seconds per PDF, and a full build against a build with a warm cache.

Generates a notices repository (N notices x V versions of realistic 20 KB notices, as the
build benchmark does: see corpus.py), then, in one run: renders a few PDFs one after another
to time one PDF; builds the site with PDFs turned off, for the share of the build they take;
builds it with an empty cache (cold), then again with nothing changed (warm). Run from the
repository root:

    .venv/bin/python benchmarks/pdf.py [--notices 4] [--versions 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import make_repository  # noqa: E402

from generator.cache import BuildCache  # noqa: E402
from generator.pdf_files import default_workers, pdf_job, render_pdfs  # noqa: E402
from generator.printable import PrintTemplates, Variant  # noqa: E402
from generator.site import SiteBuild  # noqa: E402

AS_OF = "2026-11-22"
MKDOCS_YML = (ROOT / "benchmarks" / "mkdocs-bench.yml").read_text(encoding="utf-8")


def seconds_per_pdf(folder: Path, count: int) -> dict[Variant, float]:
    """Time to render one PDF in this process, without a cache, for each variant."""
    build = SiteBuild(folder / "notices", dt.date.fromisoformat(AS_OF), cache_dir=None)
    versions = [v for n in build.archive.notices for v in n.versions][:count]
    templates, cache = PrintTemplates(), BuildCache(None)
    times = {}
    for variant in Variant:
        jobs = [
            pdf_job(v, variant, build.render(v).html, templates=templates, cache=cache)
            for v in versions
        ]
        list(render_pdfs(jobs[:1], workers=1))  # loads WeasyPrint and the fonts
        started = time.perf_counter()
        list(render_pdfs(jobs, workers=1))
        times[variant] = (time.perf_counter() - started) / len(jobs)
    return times


def timed_build(folder: Path, pdf: bool) -> tuple[float, str]:
    """Seconds of one `notices build`, and what it said about PDFs."""
    option = f"  - privacy-notices:\n      pdf: {'true' if pdf else 'false'}\n"
    (folder / "mkdocs.yml").write_text(MKDOCS_YML.replace("  - privacy-notices\n", option))
    started = time.perf_counter()
    result = subprocess.run(
        [str(Path(sys.executable).parent / "notices"), "build", "--as-of", AS_OF],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - started
    said = re.search(r"pdf: made \d+, reused \d+", result.stderr)
    return seconds, said.group(0) if said else "no PDFs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=4)
    parser.add_argument("--versions", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="notices-pdf-benchmark-"))
    try:
        folder = work / "repo"
        make_repository(folder, args.notices, args.versions)
        count = args.notices * args.versions
        per_pdf = seconds_per_pdf(folder, min(count, 4))
        plain, _ = timed_build(folder, pdf=False)
        shutil.rmtree(folder / ".cache", ignore_errors=True)
        cold, cold_said = timed_build(folder, pdf=True)
        warm, warm_said = timed_build(folder, pdf=True)
        print(
            f"{args.notices} notices x {args.versions} versions = {2 * count} PDFs, "
            f"{default_workers()} cores, {os.uname().machine}, Python {sys.version.split()[0]}"
        )
        print(f"{'one PDF, standard':<34}{per_pdf[Variant.STANDARD]:8.2f} s")
        print(f"{'one PDF, large print':<34}{per_pdf[Variant.LARGE_PRINT]:8.2f} s")
        print(f"{'build without PDFs':<34}{plain:8.2f} s")
        print(f"{'full build, empty cache':<34}{cold:8.2f} s   {cold_said}")
        print(f"{'build again, nothing changed':<34}{warm:8.2f} s   {warm_said}")
        print(f"{'full / warm':<34}{cold / warm:8.1f} x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
