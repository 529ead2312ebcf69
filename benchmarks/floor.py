"""The floor: the same pages as our build, as a plain MkDocs site without our plugin.

Every page of the site plan becomes a Markdown file (a notice version's own Markdown, the
history as a Markdown table, other pages' rendered HTML as raw HTML), with the same theme, the
same navigation and the same search plugin. A plain `mkdocs build` of it is what any MkDocs
site of this size costs: converting every page and rendering the theme around each one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from generator.checklists import ValidationOptions
from generator.pages import PageSpec, format_date, version_url
from generator.render import EXTENSION_CONFIGS, MARKDOWN_EXTENSIONS
from generator.site import SiteBuild


def write_plain_site(repository: Path, target: Path, build_date: dt.date) -> int:
    """Write the plain site for `repository` into `target`; return its number of pages."""
    skip = ValidationOptions(mode="skip")  # the floor is the pages alone, without our work
    build = SiteBuild(repository / "notices", build_date, cache_dir=None, validation_options=skip)
    pages = build.plan()
    docs = target / "docs"
    for spec in pages:
        path = docs / spec.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        front = {"title": spec.title, **({} if spec.in_search else {"search": {"exclude": True}})}
        path.write_text(f"---\n{yaml.safe_dump(front)}---\n\n{_markdown(spec)}", encoding="utf-8")
    config = {
        "site_name": "Benchmark notices",
        "site_url": "https://notices.example.org/",
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "markdown_extensions": [
            {name: EXTENSION_CONFIGS.get(name, {})} for name in MARKDOWN_EXTENSIONS
        ],
        "nav": build.nav(),
        "not_in_nav": "/*/*/\n",
    }
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return len(pages)


def _markdown(spec: PageSpec) -> str:
    version = spec.version
    if version is not None and spec.kind in ("notice", "version"):
        effective = format_date(version.effective_date)
        return f"# {version.text.title}\n\nEffective {effective}\n\n{version.text.body}"
    if spec.kind == "history" and spec.notice is not None:
        rows = [
            f"| [{format_date(v.effective_date)}](/{version_url(v)}) | {v.status} | "
            f"{v.published} | {v.text.summary} |"
            for v in reversed(spec.notice.versions)
        ]
        return (
            "\n".join(
                [
                    "| Effective | Status | Published | What changed |",
                    "| --- | --- | --- | --- |",
                    *rows,
                ]
            )
            + "\n"
        )
    return spec.body().html + "\n"
