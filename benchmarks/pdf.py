"""Benchmark of the PDFs: seconds per PDF, and a full build against a build with a warm cache.

Generates a notices repository (N notices x V versions of the demo notice, each version a
little different), then, in one run: renders a few PDFs one after another to time one PDF;
builds the site cold (empty cache), then again with nothing changed (warm), and once with
PDFs turned off, for the share of the build they take. Run from the repository root:

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

from generator.cache import BuildCache  # noqa: E402
from generator.pdf_files import default_workers, pdf_job, render_pdfs  # noqa: E402
from generator.printable import PrintTemplates, Variant  # noqa: E402
from generator.site import SiteBuild  # noqa: E402

NOTICE = ROOT / "notices" / "notice-of-privacy-practices.md"
MKDOCS_YML = """\
site_name: Benchmark notices
site_url: https://notices.example.org/
docs_dir: notices
theme:
  name: material
  font: false
plugins:
  - search
  - privacy-notices:
      pdf: {pdf}
"""


def make_repository(folder: Path, notices: int, versions: int) -> None:
    """`notices` notices with `versions` versions each, committed on their publication dates."""
    folder.mkdir(parents=True)
    _git(folder, "init", "-q", "-b", "main")
    (folder / "notices").mkdir()
    text = NOTICE.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    for number in range(versions):
        effective = dt.date(2020 + number, 1, 1)
        for notice in range(notices):
            source = re.sub(r"effective_date: .*", f"effective_date: {effective}", front)
            source = source.replace("Alder Valley", f"Alder Valley {notice + 1}")
            change = (
                f"\n## Changes in {effective.year}\n\nWe revised this notice in {effective.year}.\n"
            )
            (folder / "notices" / f"notice-{notice + 1}.md").write_text(
                f"{source}\n---\n{body}{change * (number + 1)}", encoding="utf-8"
            )
        when = f"{effective - dt.timedelta(days=30)}T10:00:00+00:00"
        _git(folder, "add", "-A")
        _git(folder, "commit", "-q", "-m", f"Versions of {effective}", date=when)


def _git(folder: Path, *args: str, date: str = "2020-01-01T10:00:00+00:00") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Benchmark",
        "GIT_AUTHOR_EMAIL": "benchmark@example.org",
        "GIT_COMMITTER_NAME": "Benchmark",
        "GIT_COMMITTER_EMAIL": "benchmark@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    subprocess.run(["git", *args], cwd=folder, env=env, check=True)


def seconds_per_pdf(folder: Path, count: int) -> dict[Variant, float]:
    """Time to render one PDF in this process, without a cache, for each variant."""
    build = SiteBuild(folder / "notices", dt.date(2030, 1, 1), cache_dir=None)
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
    (folder / "mkdocs.yml").write_text(MKDOCS_YML.format(pdf="true" if pdf else "false"))
    started = time.perf_counter()
    result = subprocess.run(
        [str(Path(sys.executable).parent / "notices"), "build", "--as-of", "2030-01-01"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - started
    said = [line.split("-  ", 1)[-1] for line in result.stderr.splitlines() if "PDFs:" in line]
    return seconds, said[0] if said else "no PDFs"


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
