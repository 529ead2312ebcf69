"""The PDFs of a site: a standard and a large-print PDF of every version, at permanent addresses.

Each PDF is identified by the hash of the page it is rendered from (the version's text, its
status and header, the print template and stylesheets), so it is rendered once and kept in the
build cache until one of those changes. The PDFs missing from the cache are rendered in
parallel, one process per core; the others are linked into the site from the cache.
"""

from __future__ import annotations

import functools
import itertools
import multiprocessing
import os
import resource
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path
from typing import Generic, TypeVar

from .cache import BuildCache, content_hash, copy_or_link
from .errors import NoticeError
from .model import Archive, Notice, Version
from .pages import version_url
from .printable import PrintableDocument, PrintTemplates, Variant, printable_version

PACKAGE = Path(__file__).parent
T = TypeVar("T")
KIND = "pdf"
FORMAT = "1"
"""Change when PDFs must be rendered again although their pages did not change."""
PENDING_PER_WORKER = 2
"""Pages handed to each worker ahead of time: enough to keep it busy, few enough to hold."""
PDFS_PER_WORKER = 100
"""PDFs a worker renders before a fresh one takes over: WeasyPrint's memory grows with every
PDF (a worker of the 100 x 20 benchmark passed 1 GB after 3,850), and a fresh worker, forked
from a server that has it loaded, starts in a fraction of one PDF's time."""


@dataclass(frozen=True)
class PdfJob:
    """One PDF to put in the site: where, under which cache key, rendered from which page."""

    path: str
    """Path of the PDF in the site ("npp/2025-01-01/npp-2025-01-01.pdf")."""
    key: str
    page: str
    """The self-contained HTML page the PDF is rendered from; empty until it is needed."""
    base_url: str | None
    make_page: Callable[[], PdfJob] | None = field(default=None, compare=False)
    """The same job with its page, for a job made from a remembered key (see document_job)."""

    def with_page(self) -> PdfJob:
        return self if self.page or self.make_page is None else self.make_page()


@dataclass
class PdfReport:
    """What a build did about PDFs: how many it rendered, how many it took from the cache."""

    rendered: int = 0
    reused: int = 0
    workers: int = 1
    seconds: float = 0.0
    render_seconds: float = 0.0
    """CPU time spent rendering, summed over the processes that rendered."""
    worker_mib: float = 0.0
    """The most memory a process that rendered held (MiB)."""


def pdf_path(version: Version, variant: Variant = Variant.STANDARD) -> str:
    """The PDF's address in the site: in the version's folder, named for a download folder."""
    return f"{version_url(version)}{version.slug}-{version.key}{variant.suffix}.pdf"


def pdf_job(
    version: Version,
    variant: Variant,
    body_html: str,
    *,
    templates: PrintTemplates,
    cache: BuildCache,
    site_url: str = "",
) -> PdfJob:
    """The PDF of one version in one variant: its page, and the cache key that page gives."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    url = base + version_url(version)
    document = replace(printable_version(version, body_html, url), variant=variant)
    return document_job(document, pdf_path(version, variant), templates=templates, cache=cache)


def document_job(
    document: PrintableDocument, path: str, *, templates: PrintTemplates, cache: BuildCache
) -> PdfJob:
    """The PDF of any printable document (a version, a redline...) to put at `path`.

    A PDF is keyed by the page it is printed from. Rendering that page for every PDF of every
    build would cost a warm build seconds, so the key found for a document and templates is
    remembered: a job made from it renders its page only if its PDF is not in the cache.
    """
    memo = cache.key("pdf-page", repr(document), templates.fingerprint)

    def job_with_page() -> PdfJob:
        page = templates.render(document)
        # Keyed by what decides the bytes, not by the whole package's code: an upgrade that
        # prints the same page keeps its PDFs, the dominant cost of a cold build.
        key = content_hash(KIND, FORMAT, _renderer(), page, document.url)
        base_url = document.url if "://" in document.url else None
        cache.store_json("pdf-page", memo, {"key": key, "base_url": base_url})
        return PdfJob(path, key, page, base_url)

    known = cache.load_json("pdf-page", memo)
    if isinstance(known, dict) and isinstance(known.get("key"), str):
        return PdfJob(path, known["key"], "", known.get("base_url"), job_with_page)
    return job_with_page()


def site_pdf_jobs(
    archive: Archive,
    body_of: Callable[[Version], str],
    *,
    templates: PrintTemplates,
    cache: BuildCache,
    site_url: str = "",
) -> Iterator[PdfJob]:
    """Every PDF of the site, one version at a time (pages are made as they are needed)."""
    for notice in archive.notices:
        for version in notice.versions:
            body = body_of(version)
            for variant in Variant:
                yield pdf_job(
                    version, variant, body, templates=templates, cache=cache, site_url=site_url
                )


def write_pdfs(
    jobs: Iterable[PdfJob],
    cache: BuildCache,
    site_dir: Path,
    workers: int = 0,
    stopped: threading.Event | None = None,
) -> PdfReport:
    """Put every PDF of `jobs` into `site_dir`: from the cache, or rendered and then cached.

    When `stopped` is set, no more jobs are started (the build failed: the PDFs are moot).
    """
    started = time.perf_counter()
    report = PdfReport(workers=workers or default_workers())

    def missing() -> Iterator[PdfJob]:
        for job in jobs:
            if stopped is not None and stopped.is_set():
                return
            stored = cache.file(KIND, job.key)
            if stored is None and not job.page:  # a remembered key whose PDF is gone
                job = job.with_page()
                stored = cache.file(KIND, job.key)
            if stored is not None and not _placed(stored, site_dir / job.path):
                stored = None  # a build pruning the cache removed it a moment ago
            if stored is None:
                yield job.with_page()
                continue
            cache.count(KIND, "hit")
            report.reused += 1

    for job, rendered in render_pdfs(missing(), report.workers):
        keep_pdf(job, rendered.data, cache, site_dir / job.path)
        report.rendered += 1
        report.render_seconds += rendered.seconds
        report.worker_mib = max(report.worker_mib, rendered.peak_mib)
    report.seconds = time.perf_counter() - started
    return report


class Beside(Generic[T]):
    """Work done in a thread beside the build, whose result (or error) is collected later.

    The PDFs are gathered this way while the pages are built: the PDF workers use the cores
    this process leaves free. `stop` asks the work to end early, for a build that failed.
    """

    def __init__(self, work: Callable[[threading.Event], T]) -> None:
        self.stopped = threading.Event()
        self._result: T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(work,), daemon=True)
        self._thread.start()

    def _run(self, work: Callable[[threading.Event], T]) -> None:
        try:
            self._result = work(self.stopped)
        except BaseException as error:  # handed to the thread that collects the result
            self._error = error

    def result(self) -> T:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._result is not None  # the work returned without an error
        return self._result

    def stop(self) -> None:
        self.stopped.set()
        self._thread.join()


def _placed(stored: Path, target: Path) -> bool:
    try:
        place_file(stored, target)
    except FileNotFoundError:
        return False
    return True


def keep_pdf(job: PdfJob, data: bytes, cache: BuildCache, target: Path) -> None:
    """Store a rendered PDF in the cache and put it at `target`."""
    cache.count(KIND, "miss")
    stored = cache.store_file(KIND, job.key, data)
    if stored is not None:
        place_file(stored, target)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def cached_or_rendered(job: PdfJob, cache: BuildCache) -> bytes:
    """The bytes of one PDF, from the cache when it is there (for `notices pdf`)."""
    stored = cache.file_bytes(KIND, job.key)
    if stored is not None:
        cache.count(KIND, "hit")
        return stored
    job = job.with_page()
    data = _render(job.page, job.base_url).data
    cache.count(KIND, "miss")
    cache.store_file(KIND, job.key, data)
    return data


@dataclass(frozen=True)
class Rendered:
    """A PDF, the CPU seconds it took, and the most memory its process has held (MiB)."""

    data: bytes
    seconds: float
    peak_mib: float


def render_pdfs(jobs: Iterable[PdfJob], workers: int) -> Iterator[tuple[PdfJob, Rendered]]:
    """Render each job's PDF, in parallel when there is more than one, as results come in."""
    pending = iter(jobs)
    first = list(itertools.islice(pending, 2))
    if workers <= 1 or len(first) < 2:
        for job in itertools.chain(first, pending):
            yield job, _render(job.page, job.base_url)
        return
    with ProcessPoolExecutor(
        workers, mp_context=_process_context(), max_tasks_per_child=PDFS_PER_WORKER
    ) as pool:
        running: dict[Future[Rendered], PdfJob] = {}
        try:
            for job in itertools.chain(first, pending):
                running[pool.submit(_render, job.page, job.base_url)] = job
                if len(running) >= workers * PENDING_PER_WORKER:
                    yield from _finished(running)
            while running:
                yield from _finished(running)
        finally:
            pool.shutdown(cancel_futures=True)


def _finished(running: dict[Future[Rendered], PdfJob]) -> Iterator[tuple[PdfJob, Rendered]]:
    done, _ = wait(running, return_when=FIRST_COMPLETED)
    for future in done:
        yield running.pop(future), future.result()


def _render(page: str, base_url: str | None) -> Rendered:
    # Imported here, in the worker, so a build whose PDFs are all cached never loads WeasyPrint.
    try:
        from .pdf import render_pdf
    except OSError as error:  # WeasyPrint opens Pango's libraries when it is imported
        raise NoticeError(
            f"PDFs cannot be made on this machine: {error}.",
            fix="install Pango (bash scripts/setup does), or set pdf: false for the "
            "privacy-notices plugin in mkdocs.yml.",
        ) from None

    started = time.process_time()
    data = render_pdf(page, base_url)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB; bytes on macOS
    peak_mib = peak / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Rendered(data, time.process_time() - started, peak_mib)


def _process_context() -> multiprocessing.context.BaseContext:
    """Workers forked from a server that has loaded WeasyPrint once: quick to start, and safe
    in a process that runs threads (the preview server), which a plain fork is not."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["generator.pdf"])
    return context


def default_workers() -> int:
    """The cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def place_file(source: Path, target: Path) -> None:
    """Link or copy a cached file into the site, readable by whoever serves the site."""
    copy_or_link(source, target)
    os.chmod(target, 0o666 & ~_umask())  # cache files are private until published


@functools.cache
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@functools.cache
def _renderer() -> str:
    """What turns a page into bytes: our PDF module, and the libraries it drives."""
    versions = [f"{name} {metadata.version(name)}" for name in ("weasyprint", "pydyf")]
    return content_hash((PACKAGE / "pdf.py").read_bytes(), *versions)


def find_version(archive: Archive, slug: str, key: str | None) -> Version:
    """The version `slug@key` names (the one at the notice's address without a key)."""
    notice = archive.notice(slug)
    if notice is None:
        names = ", ".join(n.slug for n in archive.notices) or "none"
        raise NoticeError(
            f"there is no notice '{slug}'. The notices are: {names}.",
            fix="give a notice's name (its file name without .md), like "
            f"{archive.notices[0].slug if archive.notices else 'notice-of-privacy-practices'}.",
        )
    version = notice.shown if key is None else notice.version(key)
    if version is None:
        raise NoticeError(
            f"the notice '{slug}' has no version effective {key}. "
            f"Its versions are effective {_dates(notice)}.",
            fix=f"give one of those dates, like {slug}@{notice.shown.key}, "
            f"or just {slug} for the version in effect.",
        )
    return version


def _dates(notice: Notice) -> str:
    keys = [v.key for v in notice.versions]
    return keys[0] if len(keys) == 1 else ", ".join(keys[:-1]) + " and " + keys[-1]
