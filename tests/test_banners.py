"""The status banners of notice pages, in the cases the browser tests' site does not show."""

from __future__ import annotations

from conftest import NoticeRepo, notice_source


def test_a_first_version_not_yet_in_effect_is_announced_once(notice_repo: NoticeRepo) -> None:
    notice_repo.write("npp.md", notice_source(effective="2025-09-01", summary="Our first notice."))
    notice_repo.commit("Publish ahead of time", "2025-05-01")
    built = notice_repo.build(as_of="2025-06-01")
    assert built.status == 0, built.err
    page = built.text("npp")
    assert page.startswith("This version takes effect on September 1, 2025. Notice of Privacy")
    assert "A new version takes effect" not in page
    assert built.page("npp").count('class="notice-banner') == 1


def test_a_withdrawn_notice_says_so_on_each_version(notice_repo: NoticeRepo) -> None:
    notice_repo.write("npp.md", notice_source(effective="2024-01-01"))
    notice_repo.write("policy.md", notice_source(title="Privacy Policy", kind="privacy-policy"))
    notice_repo.commit("Publish", "2023-12-01")
    notice_repo.repo.git.rm("-q", "notices/npp.md")
    notice_repo.commit("Withdraw", "2025-03-01")
    built = notice_repo.build(as_of="2025-06-01")
    assert built.status == 0, built.err
    assert built.text("npp/2024-01-01").startswith(
        "This notice has been withdrawn. This version applied from January 1, 2024 until "
        "March 1, 2025, when the notice was withdrawn. It is kept here as a record."
    )
