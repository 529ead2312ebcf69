"""The build benchmark of issue 5: one table of build times and memory, measured in one run.

    .venv/bin/python benchmarks/build.py [--sizes 10x5,50x10,100x20] [--without-pdfs]
                                         [--floor-runs 2]

For each size N x V it generates a repository of N notices with V versions each (realistic
20 KB notices, realistic edits; see corpus.py), then measures, each in a fresh process:
- cold: an empty cache (and no site);
- warm: the same build again, nothing changed;
- one new version: after one notice gains a version;
- floor: a plain `mkdocs build`, same theme and navigation, of the same pages without our
  plugin (see floor.py); the fastest of two runs (--floor-runs).
Each is printed in seconds, as a ratio to the floor, against its target (cold: 1.3 x the floor
plus the PDFs' CPU time divided by the cores; warm: half the floor), with the peak memory of
the process and how many page bodies, redlines and PDFs the build made (from its log); for the
PDFs, their CPU time and the most memory one of the worker processes held.

Before measuring, it compiles the generator package to bytecode, as installing a package does.
Where PYTHONDONTWRITEBYTECODE is set (as on our CI machines) an editable install is otherwise
compiled again by every build (about 0.2 s here), a cost the plain MkDocs build of the floor,
installed with its bytecode, does not pay.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import edit, generated_size, make_repository, new_notice, render
from floor import write_plain_site

BIN = Path(sys.executable).parent
PACKAGE = Path(__file__).resolve().parents[1] / "generator"
AS_OF = "2026-11-22"


@dataclass
class Run:
    seconds: float
    peak_mib: float
    work: str
    """What the build said it made and reused (its "privacy-notices:" log line)."""

    def made(self, kind: str) -> int:
        found = re.search(rf"(?:^|; ){re.escape(kind)}: made (\d+)", self.work)
        return int(found.group(1)) if found else 0

    @property
    def pdf_cpu(self) -> float:
        found = re.search(r"PDF rendering: ([\d.]+) s of CPU", self.work)
        return float(found.group(1)) if found else 0.0

    @property
    def pdf_worker_mib(self) -> float:
        found = re.search(r"workers of at most (\d+) MiB", self.work)
        return float(found.group(1)) if found else 0.0


def run(command: list[str], cwd: Path) -> Run:
    """Run a command, returning its wall time, its peak memory and our plugin's work line."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)  # reap it ourselves, to read its own peak memory
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{output}")
    found = re.search(r"privacy-notices: (.*)", output)
    return Run(seconds, usage.ru_maxrss / 1024, found.group(1) if found else "")


def add_version(repository: Path, notices: int) -> None:
    """Commit a new version of notice 000, effective a month after the build date."""
    rng = random.Random(99)
    text = render(
        edit(rng, new_notice(rng, generated_size("hipaa-npp"))),
        title="Notice 000",
        kind="hipaa-npp",
        effective=dt.date.fromisoformat(AS_OF) + dt.timedelta(days=30),
        summary="A new version.",
        phone="541-555-0142",
    )
    (repository / "notices" / "notice-000.md").write_text(text, encoding="utf-8")
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2026-11-20T10:00:00+00:00",
        "GIT_COMMITTER_DATE": "2026-11-20T10:00:00+00:00",
    }
    subprocess.run(
        ["git", "commit", "-qam", "New version", "--author", "Bench <bench@example.org>"],
        cwd=repository,
        env=env,
        check=True,
    )


def measure(
    notices: int, versions: int, workdir: Path, pdfs: bool, floor_runs: int
) -> dict[str, Run | int]:
    repository = workdir / f"repo-{notices}x{versions}"
    make_repository(repository, notices, versions)
    build = [str(BIN / "notices"), "build", "--as-of", AS_OF]
    if not pdfs:
        config = (repository / "mkdocs.yml").read_text(encoding="utf-8")
        (repository / "mkdocs-without-pdfs.yml").write_text(
            config + "      pdf: false\n", encoding="utf-8"
        )
        build += ["-f", "mkdocs-without-pdfs.yml"]
    plain = workdir / f"plain-{notices}x{versions}"
    pages = write_plain_site(repository, plain, dt.date.fromisoformat(AS_OF))
    results: dict[str, Run | int] = {"pages": pages}
    floors = [run([str(BIN / "mkdocs"), "build", "-q"], plain) for _ in range(floor_runs)]
    results["floor"] = min(floors, key=lambda floor: floor.seconds)  # the harder bar to meet
    results["cold"] = run(build, repository)
    results["warm"] = run(build, repository)
    add_version(repository, notices)
    results["new version"] = run(build, repository)
    return results


HEADER = (
    "| size | pages | build | seconds | x floor | target | peak MiB "
    "| bodies made | redlines made | PDFs made | PDF CPU s | PDF worker MiB |\n"
    "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
)


def row(size: str, name: str, results: dict[str, Run | int]) -> str:
    """One line of the table: a build's time against the floor and against its target."""
    floor, result = results["floor"], results[name]
    assert isinstance(floor, Run) and isinstance(result, Run)
    cores = os.cpu_count() or 1
    target = {
        "cold": f"<= {1.3 * floor.seconds + result.pdf_cpu / cores:.1f} s",
        "warm": f"<= {0.5 * floor.seconds:.1f} s",
    }.get(name, "")
    cells = [
        size,
        str(results["pages"]),
        name,
        f"{result.seconds:.1f}",
        f"{result.seconds / floor.seconds:.2f}",
        target,
        f"{result.peak_mib:.0f}",
        *(
            [str(result.made(kind)) for kind in ("body", "redline", "pdf")]
            if name != "floor"
            else ["", "", ""]
        ),
        f"{result.pdf_cpu:.0f}" if result.pdf_cpu else "",
        f"{result.pdf_worker_mib:.0f}" if result.pdf_worker_mib else "",
    ]
    return "| " + " | ".join(cells) + " |"


def machine() -> str:
    cpu = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10x5,50x10,100x20")
    parser.add_argument("--keep", action="store_true", help="keep the generated repositories")
    parser.add_argument(
        "--without-pdfs", action="store_true", help="build the sites without their PDFs"
    )
    parser.add_argument(
        "--floor-runs", type=int, default=2, help="plain builds to take the fastest of"
    )
    args = parser.parse_args()
    if not compileall.compile_dir(PACKAGE, quiet=1):
        raise SystemExit(f"{PACKAGE} does not compile")
    workdir = Path(tempfile.mkdtemp(prefix="notices-bench-"))
    print(f"Machine: {machine()}" + (", PDFs off" if args.without_pdfs else ""))
    print()
    print(HEADER)
    try:
        for size in args.sizes.split(","):
            notices, versions = (int(x) for x in size.split("x"))
            results = measure(
                notices, versions, workdir, pdfs=not args.without_pdfs, floor_runs=args.floor_runs
            )
            for name in ("floor", "cold", "warm", "new version"):
                print(row(size, name, results), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"\nRepositories kept in {workdir}")


if __name__ == "__main__":
    main()
