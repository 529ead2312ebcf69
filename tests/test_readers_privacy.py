"""The readers' privacy and the pages' frame, from real builds: policy, footer, skip link."""

from __future__ import annotations

import re

from conftest import MKDOCS_YML, NoticeRepo, notice_source

from generator.csp import content_security_policy, inline_code, source_hash

FOOTER = re.compile(r'<nav class="notice-footer-links".*?</nav>', re.S)


def test_inline_code_is_the_exact_text_of_scripts_a_browser_runs() -> None:
    markup = """<script>a()</script><script src="b.js"></script>
    <script id="__config" type="application/json">{"c": 1}</script>
    <script type="module">import "./d.js"</script><style>:root{--e:1}</style>
    <script type="text/javascript">\n  f() < 2 && g("</div>")\n</script>"""
    scripts, styles = inline_code(markup)
    assert scripts == ["a()", 'import "./d.js"', '\n  f() < 2 && g("</div>")\n']
    assert styles == [":root{--e:1}"]


def test_a_script_is_allowed_by_the_sha256_of_its_text() -> None:
    assert source_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    policy = content_security_policy("<script>alert(1)</script><script>alert(1)</script>")
    assert policy == (
        "default-src 'none'; "
        "script-src 'self' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='; "
        "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        "worker-src 'self'; manifest-src 'self'; base-uri 'self'; form-action 'self'"
    )


def test_analytics_are_refused(notice_repo: NoticeRepo) -> None:
    config = MKDOCS_YML + "extra:\n  analytics:\n    provider: google\n    property: G-XXXX\n"
    (notice_repo.path / "mkdocs.yml").write_text(config, encoding="utf-8")
    notice_repo.write("npp.md", notice_source())
    notice_repo.commit("Publish")
    built = notice_repo.build()
    assert built.status == 1
    assert (
        "ERROR   -  mkdocs.yml: extra.analytics is set: a site of privacy notices must not "
        "track its readers, and its Content-Security-Policy would block the analytics script "
        "anyway.\n  How to fix: remove extra.analytics (and extra.consent, which only asks "
        "about it)."
    ) in built.err
    assert not built.site.exists()


def test_the_theme_loads_no_google_fonts_even_when_mkdocs_yml_asks(
    notice_repo: NoticeRepo,
) -> None:
    config = MKDOCS_YML.replace("  font: false\n", "  font:\n    text: Roboto\n")
    (notice_repo.path / "mkdocs.yml").write_text(config, encoding="utf-8")
    notice_repo.write("npp.md", notice_source())
    notice_repo.commit("Publish")
    built = notice_repo.build()
    assert built.status == 0, built.err
    pages = [page.read_text("utf-8") for page in built.site.rglob("*.html")]
    assert len(pages) >= 5
    assert not [page for page in pages if "fonts.g" in page or "Roboto" in page]


def test_every_footer_links_each_hipaa_notice_in_effect(notice_repo: NoticeRepo) -> None:
    for name, entity in (("clinic", "Example Clinics"), ("plan", "Example Health Plan")):
        extra = f"entity:\n  name: {entity}"
        notice_repo.write(f"{name}-npp.md", notice_source(extra=extra))
    notice_repo.write("closed-npp.md", notice_source(title="Closed Clinic Notice"))
    notice_repo.write(
        "policy.md", notice_source(title="Website Privacy Policy", kind="privacy-policy")
    )
    notice_repo.commit("Publish", "2024-12-01")
    notice_repo.repo.git.rm("-q", "notices/closed-npp.md")
    notice_repo.commit("Close the clinic", "2025-02-01")
    built = notice_repo.build()
    assert built.status == 0, built.err
    pages = sorted(built.site.rglob("*.html"))
    assert len(pages) >= 14
    for page in pages:
        footer = FOOTER.findall(page.read_text("utf-8"))
        assert len(footer) == 1, page
        links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a><span[^>]*>([^<]+)</span>', footer[0])
        assert [(title, entity) for _, title, entity in links] == [
            ("Notice of Privacy Practices", ", Example Clinics"),
            ("Notice of Privacy Practices", ", Example Health Plan"),
        ], page
    version = built.page("plan-npp/2025-01-01")
    assert 'href="../../clinic-npp/">Notice of Privacy Practices</a>' in FOOTER.findall(version)[0]


def test_a_site_without_a_hipaa_notice_has_no_footer_link(notice_repo: NoticeRepo) -> None:
    notice_repo.write("policy.md", notice_source(title="Privacy Policy", kind="privacy-policy"))
    notice_repo.commit("Publish")
    built = notice_repo.build()
    assert built.status == 0, built.err
    assert "notice-footer-links" not in built.page("")
    assert "md-copyright" in built.page("")


def test_every_page_has_a_skip_link_to_the_top_of_its_own_content(notice_repo: NoticeRepo) -> None:
    notice_repo.write("npp.md", notice_source(effective="2024-01-01"))
    notice_repo.commit("Publish", "2023-12-01")
    notice_repo.write("npp.md", notice_source(effective="2025-01-01", body="## Contact\n\nUs.\n"))
    notice_repo.commit("Second version", "2024-12-01")
    built = notice_repo.build()
    pages = [p for p in built.site.rglob("*.html") if p.name != "404.html"]
    assert len(pages) >= 8  # home; the notice, its history, versions, redlines, on-date page
    for page in pages:
        html = page.read_text("utf-8")
        assert '<a href="#__content" class="md-skip">' in html, page
        assert html.count('id="__content"') == 1, page
    # The table of contents still lists the notice's own headings.
    assert 'href="#contact"' in built.page("npp")
