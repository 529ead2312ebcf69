"""`notices validate`: text and JSON reports, working-tree files, --as-of, exit codes."""

from __future__ import annotations

import contextlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path

from conftest import NoticeRepo, notice_source
from npp_sample import BODY, line_of, source, validating, with_practices, without

from generator.cli import main as notices_main

PHONE = ", telephone 503-555-0142"


@dataclass
class Result:
    status: int
    out: str
    err: str

    def json(self) -> dict[str, object]:
        data = json.loads(self.out)
        assert isinstance(data, dict)
        return data


def run(where: Path, *argv: str) -> Result:
    """Run `notices ARGV` with `where` as the working folder; capture its output."""
    out, err = io.StringIO(), io.StringIO()
    cwd = Path.cwd()
    os.chdir(where)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = notices_main(list(argv))
    finally:
        os.chdir(cwd)
    return Result(status, out.getvalue(), err.getvalue())


def validate(where: Path, *args: str) -> Result:
    return run(where, "validate", *args)


def two_versions(repo: NoticeRepo) -> list[str]:
    """A superseded version without a phone number, then a complete current one."""
    repo.write("npp.md", source(without(BODY, PHONE), effective="2024-01-01"))
    first = repo.commit("Publish", "2023-12-01")
    repo.write("npp.md", source(effective="2025-01-01"))
    second = repo.commit("Add the phone number", "2024-12-01")
    repo.write("policy.md", notice_source(title="Privacy Policy", kind="privacy-policy"))
    repo.commit("Website policy", "2024-12-02")
    return [first, second]


def test_every_version_is_reported_and_only_the_current_can_fail(notice_repo: NoticeRepo) -> None:
    first, second = two_versions(notice_repo)
    result = validate(notice_repo.path, "--as-of", "2025-06-01")
    assert result.status == 0, result.err
    old, current = result.out.split("\n\n")[:2]
    text = source(without(BODY, PHONE), effective="2024-01-01")
    laws, promise = line_of(text, "State laws give"), line_of(text, "We will never share")
    assert old == (
        f"notices/npp.md: Notice of Privacy Practices, effective 2024-01-01 (superseded, commit "
        f"{first[:7]})\n"
        "  Judged against the law in force on 2024-12-31: latest change, Omnibus rule compliance "
        "date (2013-09-23).\n"
        "  Rule pack hipaa-npp v1. Entity profile: health-care-provider and group-health-plan; "
        "direct-treatment, service-sites, facility-directory, fundraising, psychotherapy-notes, "
        "part2-records, part2-fundraising, reserve-right-to-change, website, underwriting, "
        "plan-sponsor-disclosure, joint-notice, limited-uses.\n"
        "  FAIL    contact-phone  164.520(b)(1)(vii)\n"
        "          Not found.\n"
        "          Add: The telephone number of your privacy contact, next to its name or title "
        "(HHS's numbers do not count).\n"
        "  review  plain-language  164.520(b)(1)\n"
        "          Reading grade about 8.0 (Flesch-Kincaid; aim for 10 or lower). A person should "
        "judge whether the notice is plain.\n"
        "  review  more-stringent-law  164.520(b)(1)(ii)(C)\n"
        "          The notice mentions stricter laws; check that its descriptions reflect each law "
        "that applies to you.\n"
        f'          line {laws}: "State laws give HIV test results and mental health records '
        'special protection, and we follow them."\n'
        "  review  sufficient-detail  164.520(b)(1)(ii)(D)\n"
        "          Every heading has text under it. A person should judge whether each purpose is "
        "described in enough detail.\n"
        "  review  optional-limited-uses  164.520(b)(2)(i), 164.520(b)(2)(ii)\n"
        "          The notice promises limits narrower than HIPAA's; check that they leave room "
        "for disclosures required by law and those that avert a serious threat.\n"
        f"          line {promise}: "
        '"We will never share your information with data brokers."\n'
        "  Result: 1 fail, 4 review, 54 pass, 9 not applicable. 1 required element fails. (This "
        "version is no longer in effect: reported, not blocking.)"
    )
    assert current.startswith(
        f"notices/npp.md: Notice of Privacy Practices, effective 2025-01-01 (current, commit "
        f"{second[:7]})\n"
    )
    phone = line_of(source(effective="2025-01-01"), "Privacy Office, Bramble")
    assert f"  pass    contact-phone  164.520(b)(1)(vii)  line {phone}: " in current
    assert current.endswith(
        "Result: 4 review, 56 pass, 8 not applicable. No required element fails."
    )
    assert "policy" not in result.out


def test_json_report(notice_repo: NoticeRepo) -> None:
    two_versions(notice_repo)
    data = validate(notice_repo.path, "--format", "json", "--as-of", "2025-06-01").json()
    notices = data["notices"]
    assert isinstance(notices, list)
    assert [(n["slug"], n["effective_date"], n["kind"], n["status"]) for n in notices] == [
        ("npp", "2024-01-01", "hipaa-npp", "superseded"),
        ("npp", "2025-01-01", "hipaa-npp", "current"),
    ]
    current = notices[1]
    assert current["path"] == "notices/npp.md"
    assert current["judged_as_of"] == "2025-06-01"
    phone = next(f for f in current["findings"] if f["id"] == "contact-phone")
    assert phone == {
        "id": "contact-phone",
        "citation": "164.520(b)(1)(vii)",
        "title": "The telephone number of that person or office",
        "group": "Complaints, contact and effective date",
        "status": "pass",
        "message": "",
        "evidence": "Privacy Office, Bramble Creek Health Cooperative, telephone 503-555-0142.",
        "line": line_of(source(effective="2025-01-01"), "Privacy Office, Bramble"),
        "section": "Contact",
        "add": None,
        "waiver": None,
    }
    statuses = {f["status"] for n in notices for f in n["findings"]}
    assert statuses <= {"pass", "fail", "warn", "review", "not-applicable", "waived"}


def test_a_failing_current_version_exits_1(notice_repo: NoticeRepo) -> None:
    notice_repo.write("npp.md", source(without(BODY, PHONE), effective="2025-01-01"))
    notice_repo.commit("Publish", "2024-12-01")
    result = validate(notice_repo.path, "--as-of", "2025-06-01")
    assert result.status == 1
    assert "  FAIL    contact-phone  164.520(b)(1)(vii)\n" in result.out


def test_as_of_judges_the_version_in_effect_on_that_date(notice_repo: NoticeRepo) -> None:
    two_versions(notice_repo)
    result = validate(notice_repo.path, "--as-of", "2024-06-01", "--format", "json")
    assert result.status == 1
    statuses = [(n["effective_date"], n["status"]) for n in result.json()["notices"]]  # type: ignore[attr-defined]
    assert statuses == [("2024-01-01", "current"), ("2025-01-01", "upcoming")]


def test_a_path_is_checked_as_it_is_on_disk(notice_repo: NoticeRepo) -> None:
    two_versions(notice_repo)
    notice_repo.write("npp.md", source(without(BODY, PHONE), effective="2025-01-01"))
    result = validate(notice_repo.path, "notices/npp.md", "--as-of", "2025-06-01")
    assert result.status == 1
    assert result.out.startswith(
        "notices/npp.md: Notice of Privacy Practices, effective 2025-01-01 (current, uncommitted)\n"
    )
    assert result.out.count("Notice of Privacy Practices, effective") == 1
    assert "--committed" not in result.out
    committed = validate(notice_repo.path, "--committed", "--as-of", "2025-06-01")
    assert committed.status == 0


def test_a_new_file_outside_the_history_is_judged_as_if_committed_today(
    notice_repo: NoticeRepo, tmp_path: Path
) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(source(effective="2020-01-01"), encoding="utf-8")
    result = validate(notice_repo.path, str(draft), "--format", "json", "--as-of", "2025-06-01")
    assert result.status == 1
    (report,) = result.json()["notices"]  # type: ignore[misc]
    timing = next(
        f for f in report["findings"] if f["id"] == "effective-date-not-before-publication"
    )
    assert timing["status"] == "fail"
    assert timing["message"].startswith("Effective 2020-01-01, but published ")
    assert timing["message"].endswith(
        "(if it is committed today): the effective date may not be earlier than publication."
    )


def test_a_privacy_policy_has_no_hipaa_checklist(notice_repo: NoticeRepo) -> None:
    two_versions(notice_repo)
    result = validate(notice_repo.path, "notices/policy.md")
    assert result.status == 0
    assert (
        result.err == "notices/policy.md: a privacy-policy; the HIPAA checklist does not apply.\n"
    )
    assert result.out == "No HIPAA notice to check.\n"


def test_errors_exit_2_with_the_message(notice_repo: NoticeRepo) -> None:
    two_versions(notice_repo)
    missing = validate(notice_repo.path, "notices/nope.md")
    assert missing.status == 2
    assert missing.err == (
        "error: notices/nope.md: the file cannot be read (No such file or directory).\n"
        "  How to fix: check the path.\n"
    )
    bad_date = validate(notice_repo.path, "--as-of", "June 1")
    assert bad_date.status == 2
    assert bad_date.err.startswith("error: --as-of 'June 1' is not a date in the form YYYY-MM-DD.")
    text = source(effective="2025-01-01", extra={"waivers": {"contact-phone": "no"}})
    notice_repo.write("npp.md", text)
    waiver = validate(notice_repo.path, "notices/npp.md")
    assert waiver.status == 2
    assert waiver.err.startswith(
        f"error: notices/npp.md, line {line_of(text, 'contact-phone:')}, uncommitted changes: "
        "the waiver of 'contact-phone' has no written reason."
    )


def test_notices_check_reports_what_would_stop_the_build(notice_repo: NoticeRepo) -> None:
    validating(notice_repo)
    notice_repo.write("npp.md", source(effective="2025-01-01"))
    notice_repo.commit("Publish", "2024-12-01")
    notice_repo.write("npp.md", source(without(BODY, PHONE), effective="2025-01-01"))
    result = run(notice_repo.path, "check")
    assert result.status == 1
    assert result.err.startswith(
        "error: notices/npp.md, uncommitted changes: a required element of 45 CFR 164.520 "
        "missing from a notice in effect or about to take effect:\n"
    )
    assert "  FAIL    contact-phone  164.520(b)(1)(vii)\n" in result.err
    assert result.err.endswith("Checked 1 notice file: 1 problem.\n")


def test_changes_after_a_version_without_the_reservation_are_a_warning(
    notice_repo: NoticeRepo,
) -> None:
    reservation = " for all information we have about\nyou"
    profile = with_practices(reserve_right_to_change=False)
    notice_repo.write("npp.md", source(without(BODY, reservation), profile, effective="2024-01-01"))
    notice_repo.commit("Publish", "2023-12-01")
    notice_repo.write("npp.md", source(effective="2025-01-01"))
    notice_repo.commit("Reserve the right to change", "2024-12-01")
    data = validate(notice_repo.path, "--format", "json", "--as-of", "2025-06-01").json()
    first, second = data["notices"]  # type: ignore[misc]
    rule = "retroactivity-needs-reservation"
    assert next(f for f in first["findings"] if f["id"] == rule)["status"] == "not-applicable"
    finding = next(f for f in second["findings"] if f["id"] == rule)
    assert finding["status"] == "warn"
    assert finding["message"] == (
        "The previous version (2024-01-01) did not reserve the right to change the notice for "
        "information already held, so this version's changes apply only to information created "
        "or received from 2025-01-01 on."
    )
