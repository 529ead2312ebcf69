"""The readers' own privacy: nothing loaded from another host, no cookies, only the site's code."""

from __future__ import annotations

import re
from html import unescape as html_unescape
from urllib.parse import urljoin

from playwright.sync_api import Page

from generator.csp import inline_code, source_hash

from .conftest import Reader, ServedSite
from .history import NPP
from .pagescan import built_pages, css_urls, is_third_party, page_loads

REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
OWN_HOST = "notices.example.org"


def test_no_page_or_stylesheet_loads_anything_from_another_host(served_site: ServedSite) -> None:
    pages = built_pages(served_site.root)
    assert len(pages) >= 18
    assert (served_site.root / "privacy-policy" / "index.html").exists(), "a redirect page"
    outside = {
        str(file.relative_to(served_site.root)): url
        for file in [*pages, *served_site.root.rglob("*.css")]
        for url in (
            css_urls(file.read_text("utf-8"))
            if file.suffix == ".css"
            else page_loads(file.read_text("utf-8"))
        )
        if is_third_party(url, OWN_HOST)
    }
    assert outside == {}


def test_the_scan_would_see_a_third_party_font_script_or_image() -> None:
    page = """<link rel="preconnect" href="https://fonts.gstatic.com">
    <link rel="stylesheet" href="//cdn.example.net/site.css"><script src="/assets/a.js"></script>
    <img srcset="a.png 1x, https://img.example.net/a@2x.png 2x" src="data:image/png;base64,AA">
    <div style="background: url('https://tracker.example.net/pixel.gif')"></div>"""
    outside = [url for url in page_loads(page) if is_third_party(url, OWN_HOST)]
    assert outside == [
        "https://fonts.gstatic.com",
        "//cdn.example.net/site.css",
        "https://img.example.net/a@2x.png",
        "https://tracker.example.net/pixel.gif",
    ]
    css = "@import 'https://fonts.googleapis.com/css'; a { background: url(img/a.svg) }"
    assert [url for url in css_urls(css) if is_third_party(url, OWN_HOST)] == [
        "https://fonts.googleapis.com/css"
    ]


def test_every_page_has_a_policy_that_runs_only_the_themes_own_inline_scripts(
    served_site: ServedSite,
) -> None:
    for file in built_pages(served_site.root):
        html = file.read_text("utf-8")
        policy = CSP_META.search(html)
        assert policy, f"{file} has no Content-Security-Policy"
        first_script = html.find("<script")
        assert first_script == -1 or policy.start() < first_script, f"{file}: script before policy"
        content = html_unescape(policy.group(1))
        directives = dict(d.strip().split(" ", 1) for d in content.split(";"))
        assert directives["default-src"] == "'none'"
        assert directives["style-src"] == "'self'"
        assert "unsafe" not in content
        scripts, _ = inline_code(html)
        allowed = directives["script-src"].split()
        assert allowed[0] == "'self'"
        assert sorted(allowed[1:]) == sorted({source_hash(code) for code in scripts}), file


def every_page_path(site: ServedSite) -> list[str]:
    paths = []
    for file in built_pages(site.root):
        relative = file.relative_to(site.root).as_posix()
        paths.append(relative.removesuffix("index.html"))
    return paths


def test_no_page_is_blocked_contacts_another_host_or_sets_a_cookie(
    desktop_reader: Reader, served_site: ServedSite
) -> None:
    """In the browser, every page runs with its policy in force and nothing is refused.

    Requests and console errors (where Chromium reports anything the policy refused) are noted
    from every page, including what a page asks for after it has loaded."""
    for path in every_page_path(served_site):
        page = desktop_reader.open(path, idle=not path)
        file = served_site.root / (path if path.endswith(".html") else path + "index.html")
        moved = REFRESH.search(file.read_text("utf-8"))
        if moved:  # a former address: wait until it has sent the reader on
            page.wait_for_url(urljoin(served_site.url(path), moved.group(1)))
        assert desktop_reader.csp_violations() == [], path
    assert desktop_reader.outside_requests == []
    assert desktop_reader.console_errors == []
    assert desktop_reader.failed_loads == []
    assert desktop_reader.page.context.cookies() == []
    assert desktop_reader.page.evaluate("document.cookie") == ""


def test_injected_inline_script_would_not_run(desktop_reader: Reader) -> None:
    """The policy is in force: a script added to the page, as injected markup is, is refused."""
    page = desktop_reader.open(f"{NPP}/")
    page.evaluate(
        """() => { const s = document.createElement("script");
        s.textContent = "window.injected = true"; document.body.append(s); }"""
    )
    assert page.evaluate("window.injected === undefined")
    assert [v.split(" at ")[0] for v in desktop_reader.csp_violations()] == [
        "script-src-elem blocked inline"
    ]


def search(page: Page, words: str) -> list[str]:
    """Type into the theme's search (its worker runs under the policy); the results' titles."""
    page.keyboard.type(words)  # the theme searches as keys are pressed
    results = page.locator(".md-search-result__item h1")
    results.first.wait_for()
    return [text.strip() for text in results.all_inner_texts()]


def test_search_navigation_and_palette_work_with_the_policy_in_force(
    desktop_reader: Reader,
) -> None:
    page = desktop_reader.open("", idle=True)
    page.locator(".md-search__input").click()
    assert search(page, "specialist") == ["Notice of Privacy Practices"]
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_url(f"**/{NPP}/*")
    assert page.locator("h1").first.inner_text() == "Notice of Privacy Practices"

    page.get_by_role("navigation", name="Navigation").get_by_role(
        "link", name="Version history"
    ).first.click()
    page.wait_for_url(f"**/{NPP}/history/")
    assert page.locator("h1").first.inner_text() == "Notice of Privacy Practices: version history"

    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.get_by_title("Switch to dark mode").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.reload()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate", "choice is kept"
    assert desktop_reader.csp_violations() == []
    assert desktop_reader.outside_requests == []
