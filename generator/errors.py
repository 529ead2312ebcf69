"""The one error type of the core: a problem in the notices that a legal editor can fix."""

from __future__ import annotations

WORKING_TREE = "uncommitted changes"


class NoticeError(Exception):
    """A problem with the notices or their repository, told so an editor can act on it.

    The message names the file, the line and the commit where the problem is, what is wrong,
    and how to fix it. Adapters (the MkDocs plugin, the command line) show it as it is.
    """

    def __init__(
        self,
        problem: str,
        *,
        path: str | None = None,
        line: int | None = None,
        commit: str | None = None,
        fix: str | None = None,
    ) -> None:
        self.problem = problem
        self.path = path
        self.line = line
        self.commit = commit
        self.fix = fix
        super().__init__(self.message)

    @property
    def location(self) -> str:
        """Where the problem is: "notices/npp.md, line 4, commit 1a2b3c4"."""
        parts = []
        if self.path:
            parts.append(self.path)
        if self.line:
            parts.append(f"line {self.line}")
        if self.commit:
            parts.append(self.commit if self.commit == WORKING_TREE else f"commit {self.commit}")
        return ", ".join(parts)

    @property
    def message(self) -> str:
        text = f"{self.location}: {self.problem}" if self.location else self.problem
        if self.fix:
            text += f"\n  How to fix: {self.fix}"
        return text

    def __str__(self) -> str:
        return self.message
