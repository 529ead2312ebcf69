"""The MkDocs adapter: hands the site plan to MkDocs and turns our errors into PluginError."""

from __future__ import annotations

import importlib.metadata
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext
from mkdocs.utils.yaml import yaml_load

from . import builddate, checklists, site, theme
from .cache import UNUSED_DAYS, folder_fingerprint
from .errors import NoticeError
from .pages import PageSpec
from .stored_pages import StoredPages, is_storable

log = logging.getLogger("mkdocs.plugins.privacy-notices")
PACKAGE = Path(__file__).parent
STORED_TEMPLATE = "notices/stored.html"
"""Writes page.content as it is: the whole page, stored or rendered by us (on_page_context)."""
PLUGINS_SAFE_TO_STORE = {"search", "material/search", "privacy-notices"}
"""With other plugins, a page may hold what they add to it, so nothing is stored."""
OPTIONS_NOT_SHOWN = {"as_of", "cache_dir", "pdf_workers"}
"""Options no page shows. The build date counts through what it decides: the statuses."""


class NoticesConfig(Config):
    """Options of the privacy-notices plugin in mkdocs.yml."""

    as_of = c.Optional(c.Type(str))
    """Build date (YYYY-MM-DD) deciding which version is current; default today.

    Without it, the NOTICES_AS_OF environment variable, then SOURCE_DATE_EPOCH, are used."""
    cache_dir = c.Type(str, default=".cache/notices")
    """Folder, relative to mkdocs.yml, where results are kept between builds."""
    pdf = c.Type(bool, default=True)
    """Publish a PDF and a large-print PDF of every version."""
    pdf_workers = c.Type(int, default=0)
    """Processes rendering the PDFs that are not in the cache; 0 for one per core."""
    validation = c.Choice(checklists.MODES, default="enforce")
    """HIPAA validation: enforce (stop the build when a notice in effect or upcoming fails an
    element), report (warn only) or skip. The local preview always reports, never stops."""
    validation_checklists = c.Type(bool, default=False)
    """Publish a compliance checklist page for each HIPAA notice version.

    The local preview always has them."""


class NoticesPlugin(BasePlugin[NoticesConfig]):
    """Builds every version of every notice in docs_dir from the git history."""

    def __init__(self) -> None:
        self.is_serve = False
        self.build: site.SiteBuild | None = None
        self.pages: dict[str, PageSpec] = {}
        self.final_site_dir: str | None = None
        self.pinned_epoch = False
        self.generated_nav = False
        self.local_navs: dict[str, Navigation] = {}
        self.env: jinja2.Environment | None = None
        self.stored: StoredPages | None = None
        self.fresh: dict[str, str] = {}  # src_uri -> key of the stored pages rendered this build

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serve = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.use_directory_urls:
            raise PluginError("privacy-notices: permanent addresses need use_directory_urls: true.")
        config_dir = Path(config.config_file_path or ".").resolve().parent
        config_file = Path(config.config_file_path or "mkdocs.yml").name
        try:
            build_date = builddate.resolve_build_date(self.config.as_of, os.environ)
        except NoticeError as error:
            raise PluginError(str(error)) from error
        self.build = site.SiteBuild(
            notices_path=Path(config.docs_dir),
            build_date=build_date,
            cache_dir=config_dir / self.config.cache_dir,
            include_drafts=self.is_serve,
            site_url=config.site_url or "",
            pdfs=self.config.pdf,
            published_url=_configured_site_url(config) if self.is_serve else None,
            pdf_workers=self.config.pdf_workers,
            site_name=config.site_name,
            validation_options=checklists.ValidationOptions(
                mode=self.config.validation,
                pages=self.config.validation_checklists,
                preview=self.is_serve,
                previous_manifest=Path(config.site_dir) / "notices.json",
            ),
        )
        self._pin_source_date(build_date)
        try:
            theme.protect_readers(config.theme, config.extra, config_file)
        except NoticeError as error:
            raise PluginError(str(error)) from error
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(PACKAGE / "templates"))
        if config.theme.custom_dir:
            self.build.theme_fingerprint = folder_fingerprint(Path(config.theme.custom_dir))
        config.extra_css.append(site.STYLESHEET)
        config.extra_css.append(site.PRINT_STYLESHEET)
        config.extra_css.append(site.ACCESS_STYLESHEET)
        config.extra_javascript.append(site.ACCESS_SCRIPT)
        if not self.is_serve:
            self._build_in_temporary_folder(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.build is not None
        self.build.templates = self._with_compiled_templates(config.theme.get_env())
        try:
            # The PDFs need only the bodies: their workers start on them while the rest of the
            # site is planned and validated (a build that fails stops them; see on_build_error).
            self.build.render_bodies()
            self.build.start_pdfs(Path(config.site_dir))
            pages = self.build.plan()
        except NoticeError as error:
            raise PluginError(str(error)) from error
        for problem in self.build.skipped:
            log.warning("left out of the archive (a later commit replaced it): %s", problem)
        for warning in self.build.warnings:
            log.warning(warning)
        for file in list(files):
            if file.src_uri.endswith(".md") and file.is_documentation_page():
                files.remove(file)  # a notice source, published through its versions instead
        self.pages = {}
        for spec in pages:
            inclusion = InclusionLevel.INCLUDED if spec.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, spec.src_uri, content="", inclusion=inclusion))
            self.pages[spec.src_uri] = spec
        for name, content in self.build.static_files().items():
            files.append(File.generated(config, name, content=content))
        self.generated_nav = config.nav is None
        if self.generated_nav:
            config.nav = self.build.nav()
        return files

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        if self.build is not None:
            # so that custom_dir overrides every template we render
            self.build.templates = self._with_compiled_templates(env)
            templates = str(PACKAGE / "templates")
            theme.extend_environment(
                env, config.theme.dirs, templates, self.build.archive, is_preview=self.is_serve
            )
            self.env = env
        return env

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        spec = self.pages.get(page.file.src_uri)
        if spec is None:
            return markdown
        page.meta.update(template=spec.template, title=spec.title)
        if "hide" in spec.extra:
            page.meta["hide"] = spec.extra["hide"]  # theme parts a page does without (toc...)
        if not spec.in_search:
            page.meta["search"] = {"exclude": True}
        if self.stored is not None and is_storable(spec):
            page.meta["template"] = STORED_TEMPLATE
        return ""

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Our bodies go in just before a page is written (on_page_context) and out just after
        # (on_post_page): MkDocs keeps every page's content until the build ends, which for
        # thousands of redlines would be gigabytes.
        return "" if page.file.src_uri in self.pages else html

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.generated_nav:
            self.local_navs = _local_navs(nav)
        self.fresh = {}
        self.stored = None
        if self.build and not self.is_serve and set(config.plugins) <= PLUGINS_SAFE_TO_STORE:
            options = {k: v for k, v in self.config.items() if k not in OPTIONS_NOT_SHOWN}
            signature = _site_signature(config, options, self.build.theme_fingerprint)
            self.stored = StoredPages(self.build.cache, self.build.archive, signature)
        return nav

    @event_priority(100)  # before the search plugin indexes page.content
    def _fill_page(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> TemplateContext:
        spec = self.pages.get(page.file.src_uri)
        if spec is not None and page.meta.get("template") != STORED_TEMPLATE:
            self._give_context(spec, context, page)
        return context

    @event_priority(-100)  # after every other plugin: the whole page is in page.content
    def _fill_stored_page(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> TemplateContext:
        spec = self.pages.get(page.file.src_uri)
        if spec is None or page.meta.get("template") != STORED_TEMPLATE:
            return context
        assert self.stored is not None and self.env is not None
        key = self.stored.key(spec)
        html = self.stored.load(key)
        if html is None:
            self._give_context(spec, context, page)
            html = self.env.get_template(spec.template).render(context)
            self.fresh[page.file.src_uri] = key
        page.content = html
        return context

    on_page_context = CombinedEvent(_fill_page, _fill_stored_page)

    def _give_context(self, spec: PageSpec, context: TemplateContext, page: Page) -> None:
        """The page's body, table of contents and navigation, and what our templates read."""
        assert self.build is not None
        try:
            body = spec.body()
        except NoticeError as error:
            raise PluginError(str(error)) from error
        page.content = body.html
        page.toc = get_toc(site.page_toc_tokens(spec, body))  # type: ignore[arg-type]
        context["notices"] = self.build.template_context(spec)  # type: ignore[typeddict-unknown-key]
        if not spec.in_nav and self.local_navs:
            slug = spec.notice.slug if spec.notice else ""
            context["nav"] = self.local_navs.get(slug, self.local_navs[""])

    @event_priority(-100)  # the page as written, after every other plugin
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if page.file.src_uri in self.pages:
            page.content = None  # written; see on_page_content
            key = self.fresh.pop(page.file.src_uri, None)
            if key is not None and self.stored is not None:
                self.stored.store(key, output)
        return output

    @event_priority(50)
    def _write_outputs(self, *, config: MkDocsConfig) -> None:
        assert self.build is not None
        try:
            self.build.write_outputs(Path(config.site_dir))
        except NoticeError as error:
            raise PluginError(str(error)) from error
        log.info("privacy-notices: %s", self.build.work_done())
        if self.build.pruned:
            log.info(
                "build cache: removed %d entries no build had used for %d days",
                self.build.pruned,
                UNUSED_DAYS,
            )

    @event_priority(-100)
    def _swap_in_site(self, *, config: MkDocsConfig) -> None:
        self._restore_source_date()
        if self.final_site_dir is None:
            return
        built, final = Path(config.site_dir), Path(self.final_site_dir)
        old = final.with_name(f".{final.name}.old-{os.getpid()}")
        if final.exists():
            final.rename(old)
        built.rename(final)
        shutil.rmtree(old, ignore_errors=True)
        config.site_dir = str(final)
        self.final_site_dir = None

    on_post_build = CombinedEvent(_write_outputs, _swap_in_site)

    def on_build_error(self, *, error: Exception) -> None:
        self._restore_source_date()
        if self.build is not None:
            self.build.stop()
        if self.final_site_dir is not None and self.build is not None:
            shutil.rmtree(self.build.temporary_site_dir or "", ignore_errors=True)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.build is not None and self.build.git_dir is not None:
            server.watch(str(self.build.git_dir / "logs" / "HEAD"))  # rebuild after a commit
        return server

    def _with_compiled_templates(self, env: jinja2.Environment) -> jinja2.Environment:
        """Keep the theme's compiled templates in the build cache: compiling them was a second
        of every build. Jinja checks each against its template's source before using it."""
        if self.build is not None and self.build.cache_dir is not None:
            folder = self.build.cache_dir / "templates"
            folder.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
        return env

    def _build_in_temporary_folder(self, config: MkDocsConfig) -> None:
        """Build beside site_dir and swap it in only when the whole build succeeded."""
        assert self.build is not None
        final = Path(config.site_dir)
        final.parent.mkdir(parents=True, exist_ok=True)
        temporary = tempfile.mkdtemp(prefix=f".{final.name}.building-", dir=final.parent)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o777 & ~umask)  # mkdtemp makes it private; a site is for reading
        self.final_site_dir = str(final)
        self.build.temporary_site_dir = temporary
        config.site_dir = temporary

    def _pin_source_date(self, build_date: Any) -> None:
        """Give MkDocs (sitemap dates, gzip headers) the build date, for reproducible output."""
        if "SOURCE_DATE_EPOCH" not in os.environ:
            os.environ["SOURCE_DATE_EPOCH"] = str(builddate.epoch_of(build_date))
            self.pinned_epoch = True

    def _restore_source_date(self) -> None:
        if self.pinned_epoch:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
            self.pinned_epoch = False


def _local_navs(nav: Navigation) -> dict[str, Navigation]:
    """For each notice, the navigation of its pages outside the site navigation.

    An archived version or a redline shows the home page and its own notice's section, not
    every notice: the menu stays useful, and the page's size no longer grows with the number
    of notices. Under "" is the navigation of pages that belong to no active notice.
    """
    home = [item for item in nav.items if isinstance(item, Page)]
    navs = {"": Navigation(home, home)}
    for item in nav.items:
        if isinstance(item, Section):
            pages = [child for child in item.children if isinstance(child, Page)]
            slug = pages[0].file.src_uri.split("/", 1)[0] if pages else ""
            navs[slug] = Navigation([*home, item], [*home, *pages])
    return navs


def _site_signature(config: MkDocsConfig, options: dict[str, Any], overrides: str) -> list[str]:
    """What a page's HTML draws from besides its notice: settings, navigation and theme."""
    settings = {
        name: config[name]
        for name in sorted(config)
        if name not in ("site_dir", "plugins", "config_file_path", "theme", "watch", "dev_addr")
    }
    return [
        json.dumps(settings, sort_keys=True, default=repr),
        json.dumps(dict(config.theme), sort_keys=True, default=repr),
        json.dumps(options, sort_keys=True, default=repr),
        repr(config.theme.dirs),
        overrides,  # the custom_dir's templates and assets
        importlib.metadata.version("mkdocs"),
        importlib.metadata.version("mkdocs-material"),
    ]


def _configured_site_url(config: MkDocsConfig) -> str | None:
    """site_url as mkdocs.yml gives it: `mkdocs serve` replaces it with the preview's address."""
    if not config.config_file_path:
        return None
    with open(config.config_file_path, "rb") as stream:
        site_url = yaml_load(stream).get("site_url")
    return str(site_url) if site_url else None
