"""Milliseconds per redline, beside Python's difflib on the same words, in one run.

    .venv/bin/python benchmarks/redline.py [--repeat N]

Three pairs of notices generated here (the same on every run): a typical 20 KB notice with a
few edits, a complete rewrite of a 200 KB notice, and a 200 KB notice with 5% of its words
changed. The redline is timed from the rendered HTML of both texts (what a build has cached);
difflib's SequenceMatcher is timed on the words of the same two texts (split at spaces). Times
are CPU time of this process (best of --repeat runs), so other work on the machine counts less.
"""

from __future__ import annotations

import argparse
import difflib
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from timing import best_of

from generator.redline.diff import diff_bodies
from generator.render import render_body

SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ren",
    "tu",
    "sa",
    "vel",
    "dor",
    "in",
    "ta",
    "pre",
    "ob",
    "li",
    "cu",
    "har",
    "mon",
    "es",
    "ul",
    "fa",
    "gri",
]
COMMON = [
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "we",
    "you",
    "your",
    "may",
    "for",
    "our",
    "with",
    "that",
    "by",
    "is",
    "or",
    "as",
    "be",
    "this",
]


def vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))))
    return sorted(words)


def sentence(rng: random.Random, words: list[str]) -> str:
    picked = [rng.choice(COMMON) if rng.random() < 0.4 else rng.choice(words) for _ in range(14)]
    return " ".join(picked).capitalize() + "."


def notice(rng: random.Random, words: list[str], size: int) -> str:
    """A notice of about `size` bytes: sections of paragraphs and bulleted lists."""
    parts = ["## Contact\n\nCall the Privacy Office at 541-555-0100."]
    length = len(parts[0])
    section = 0
    while length < size:
        section += 1
        block = [f"## {sentence(rng, words)[:-1]}"]
        for _ in range(rng.randint(2, 4)):
            block.append(" ".join(sentence(rng, words) for _ in range(rng.randint(2, 5))))
        block.append("\n".join(f"- {sentence(rng, words)}" for _ in range(rng.randint(2, 5))))
        text = "\n\n".join(block)
        parts.append(text)
        length += len(text) + 2
    return "\n\n".join(parts) + "\n"


def edit_words(rng: random.Random, words: list[str], text: str, share: float) -> str:
    """Replace, drop or add `share` of the words, in place, keeping the Markdown structure."""
    lines = []
    for line in text.split("\n"):
        if line.startswith("## ") or not line:
            lines.append(line)
            continue
        prefix = "- " if line.startswith("- ") else ""
        tokens = line.removeprefix(prefix).split(" ")
        out = []
        for token in tokens:
            if rng.random() < share:
                choice = rng.random()
                if choice < 0.5:
                    out.append(rng.choice(words))
                elif choice < 0.75:
                    out.extend([token, rng.choice(words)])
            else:
                out.append(token)
        lines.append(prefix + " ".join(out))
    return "\n".join(lines)


def few_edits(rng: random.Random, words: list[str], text: str) -> str:
    """A phone number, a sentence, an inserted list item and a new paragraph."""
    paragraphs = text.replace("541-555-0100", "541-555-0199").split("\n\n")
    paragraphs[6] = paragraphs[6] + " " + sentence(rng, words)
    paragraphs.insert(10, " ".join(sentence(rng, words) for _ in range(3)))
    for index, paragraph in enumerate(paragraphs):
        if index > 12 and paragraph.startswith("- "):
            items = paragraph.split("\n")
            items.insert(1, f"- {sentence(rng, words)}")
            paragraphs[index] = "\n".join(items)
            break
    return "\n\n".join(paragraphs)


def html(markdown: str) -> str:
    return render_body(markdown, path="benchmark.md", commit="").html


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per case; the best counts")
    args = parser.parse_args()
    rng = random.Random(20260101)
    words = vocabulary(rng)
    small = notice(rng, words, 20_000)
    large = notice(rng, words, 200_000)
    cases = [
        ("typical: 20 KB, a few edits", small, few_edits(rng, words, small)),
        ("complete rewrite, 200 KB", large, notice(rng, words, 200_000)),
        ("200 KB, 5% of words changed", large, edit_words(rng, words, large, 0.05)),
    ]
    print(f"{'case':32} {'KB':>5} {'redline ms':>11} {'difflib ms':>11} {'ratio':>6}  changes")
    for name, old, new in cases:
        old_html, new_html = html(old), html(new)
        redline = diff_bodies(old_html, new_html)
        ours = best_of(args.repeat, lambda o=old_html, n=new_html: diff_bodies(o, n))
        old_words, new_words = old.split(), new.split()
        theirs = best_of(
            args.repeat,
            lambda a=old_words, b=new_words: difflib.SequenceMatcher(None, a, b).get_opcodes(),
        )
        stats = redline.stats
        print(
            f"{name:32} {len(old) // 1000:>5} {ours:>11.1f} {theirs:>11.1f} "
            f"{theirs / ours:>6.2f}  +{stats.words_added} -{stats.words_removed} words, "
            f"{stats.changes} changes"
        )
    print(f"(CPU ms, best of {args.repeat}; ratio > 1: the redline is faster than difflib)")


if __name__ == "__main__":
    main()
