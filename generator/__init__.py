"""Publish privacy notices from git: every version, redlines, printable copies, validation."""

__version__ = "0.1.0"
