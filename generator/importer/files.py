"""Reading the saved page, and writing notice files without replacing one unasked."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..errors import NoticeError
from .model import ImportedPage

NOTICES_FOLDER = Path("notices")


def read_saved_page(path: Path) -> bytes:
    """The bytes of the file to import; NoticeError when it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        problem = "there is no such file."
        fix = "check the name and folder of the saved page."
    except IsADirectoryError:
        problem = "this is a folder, not a file."
        fix = "give the saved page itself, for example notices-page.html."
    except PermissionError:
        problem = "the file cannot be read: permission denied."
        fix = "save a copy of the page that you can read, and import that."
    except OSError as error:
        problem = f"the file cannot be read: {error.strerror or error}."
        fix = "save the page again and import the new copy."
    raise NoticeError(problem, path=str(path), fix=fix)


def slugify(title: str) -> str:
    """A file name from a title: lower-case letters, digits and hyphens."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-") or "notice"


def target_paths(page: ImportedPage, output: Path | None) -> list[Path]:
    """Where each notice of the page goes: --output, or notices/<slug of its title>.md."""
    folder = output if output is not None and output.is_dir() else None
    if output is not None and folder is None:
        if len(page.documents) > 1:
            raise NoticeError(
                f"the page holds {len(page.documents)} notices, and --output names one file.",
                path=str(output),
                fix="give a folder with --output, or leave it out to write each notice to "
                "notices/<its title>.md.",
            )
        return [output]
    if folder is None:
        folder = NOTICES_FOLDER
        if not folder.is_dir():
            raise NoticeError(
                "there is no notices/ folder here.",
                fix="run the command in the folder that holds mkdocs.yml and notices/, or "
                "give the file to write with --output PATH.",
            )
    names: list[str] = []
    for document in page.documents:
        name, number = slugify(document.title), 2
        while name in names:
            name, number = f"{slugify(document.title)}-{number}", number + 1
        names.append(name)
    return [folder / f"{name}.md" for name in names]


def write_sources(files: list[tuple[Path, str]], *, force: bool) -> None:
    """Write each file; refuse, before writing any, when one exists and `force` is not set."""
    for path, _ in files:
        if path.exists() and not force:
            raise NoticeError(
                "the file already exists; import never replaces a file unless asked.",
                path=str(path),
                fix="give another file with --output PATH, or add --force to replace it.",
            )
    for path, text in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
