"""Import of a notice already published on a website, from the page saved as text or HTML.

The steps, each in its own module: read the page (text, webpage), leave out the site around the
notice (chrome), find its dates (dates), its blocks (structure), then write it as a source file
whose Markdown shows exactly the page's words (markdown_out, source_file); report what was done.
"""

from __future__ import annotations

from .files import read_saved_page, slugify, target_paths, write_sources
from .page import ImportOptions, import_page
from .report import describe_import
from .source_file import source_text

__all__ = [
    "ImportOptions",
    "describe_import",
    "import_page",
    "read_saved_page",
    "slugify",
    "source_text",
    "target_paths",
    "write_sources",
]
