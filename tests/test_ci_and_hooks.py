"""The pre-commit hooks and the example GitHub Actions workflow: valid, running real commands."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT

from generator.cli import make_parser
from generator.plugin import NoticesConfig

WORKFLOW = ROOT / "examples" / "github-actions" / "notices.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
OPERATORS = re.compile(r"^[;&|()<>]+$")
COMMAND_START = {";", "&&", "||", "|", "(", "then", "do", "if", "!", "else"}


def workflow() -> dict[Any, Any]:
    return dict(yaml.safe_load(WORKFLOW.read_text(encoding="utf-8")))


def steps(job: str) -> list[dict[str, Any]]:
    return list(workflow()["jobs"][job]["steps"])


def notices_commands(script: str) -> list[list[str]]:
    """Each `notices ...` command line in a shell script, as its arguments after `notices`."""
    found = []
    for line in script.replace("\\\n", " ").splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        tokens = list(lexer)
        for i, token in enumerate(tokens):
            if token == "notices" and (i == 0 or tokens[i - 1] in COMMAND_START):
                rest = tokens[i + 1 :]
                end = next((j for j, t in enumerate(rest) if OPERATORS.match(t)), len(rest))
                found.append(rest[:end])
    return found


def all_commands() -> list[list[str]]:
    scripts = [
        str(step["run"]) for job in workflow()["jobs"] for step in steps(job) if "run" in step
    ]
    scripts += [str(hook["entry"]) for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))]
    return [command for script in scripts for command in notices_commands(script)]


def test_the_workflow_checks_out_the_whole_history_and_keeps_the_cache() -> None:
    jobs = workflow()["jobs"]
    for name, job in jobs.items():
        for step in job["steps"]:
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step["with"]["fetch-depth"] == 0, name
    (cache,) = [s for s in steps("build") if str(s.get("uses", "")).startswith("actions/cache@")]
    assert cache["with"]["path"] == NoticesConfig.cache_dir.default == ".cache/notices"
    order = [str(step.get("run", step.get("uses"))) for step in steps("build")]
    assert order.index("notices check") < order.index("notices build")
    assert order.index("notices validate") < order.index("notices build")


def test_the_workflow_deploys_main_to_pages_and_comments_on_pull_requests() -> None:
    flow = workflow()
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert {"push", "pull_request", "schedule"} <= set(triggers)
    (upload,) = [s for s in steps("build") if "upload-pages-artifact" in str(s.get("uses"))]
    assert upload["with"]["path"] == "site"
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert str(deploy["steps"][0]["uses"]).startswith("actions/deploy-pages@")
    redline = flow["jobs"]["redline"]
    assert redline["if"] == "github.event_name == 'pull_request'"
    assert redline["permissions"]["pull-requests"] == "write"
    post = redline["steps"][-1]
    assert post["run"].startswith('gh pr comment "$PR" --edit-last --create-if-none')
    assert any("--format markdown" in str(step.get("run")) for step in redline["steps"])


def test_the_workflow_scripts_are_valid_bash() -> None:
    for job in workflow()["jobs"]:
        for step in steps(job):
            if "run" in step:
                result = subprocess.run(
                    ["bash", "-n"], input=step["run"], text=True, capture_output=True, check=False
                )
                assert result.returncode == 0, (step.get("name"), result.stderr)


def test_the_hooks_run_notices_commands_on_changed_notices() -> None:
    hooks = {hook["id"]: hook for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    assert set(hooks) == {"notices-check", "notices-validate"}
    for hook in hooks.values():
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python"
        assert hook.get("pass_filenames", True) is True
        files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
        for path, wanted in [
            ("notices/notice-of-privacy-practices.md", True),
            ("notices/es/aviso.md", True),
            ("notices/README.md", False),
            ("notices/_draft.md", False),
            ("docs/other.md", False),
            ("mkdocs.yml", False),
        ]:
            assert bool(files.search(path) and not exclude.search(path)) is wanted, path
    assert hooks["notices-check"]["entry"] == "notices check"
    assert hooks["notices-validate"]["entry"] == "notices validate"


@pytest.mark.parametrize("argv", all_commands(), ids=" ".join)
def test_every_command_they_run_is_one_our_cli_accepts(argv: list[str]) -> None:
    parser = make_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as error:
        pytest.fail(f"notices {shlex.join(argv)} is refused by our CLI (exit {error.code})")
    assert callable(args.run)


def test_the_command_finder_sees_commands_inside_scripts() -> None:
    script = 'x=0\nnotices diff "$a" "$b" --format markdown >> out.md || status=$?\n'
    script += "if notices check; then echo ok; fi  # notices nothing\n"
    assert notices_commands(script) == [["diff", "$a", "$b", "--format", "markdown"], ["check"]]
    assert Path(WORKFLOW).is_file()
