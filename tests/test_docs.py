"""Every Python example in the documentation runs.

The ```` ```python ```` code blocks of each page of ``docs/`` and of ``README.md`` run in
order, in one fresh interpreter per page (so that a page may build on its earlier
blocks, and a dialect registered on one page does not leak into the tests), with the
repository root as the working directory and ``pagedump`` on ``PATH``. A block preceded
by the comment ``<!-- no-test -->`` (invisible in the rendered page) is skipped: that is
for examples that need a real cluster, an object store or Spark.

The documentation site is built with Sphinx (``-W``: warnings are errors) by CI.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SKIP_MARK = "<!-- no-test -->"

_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>[^`\n]*)$")


class Block(NamedTuple):
    """A fenced code block of a Markdown page."""

    line: int
    """The line number of its opening fence."""
    language: str
    code: str
    skipped: bool
    """Whether a ``<!-- no-test -->`` comment precedes it."""


def blocks(markdown: str) -> list[Block]:
    """The fenced code blocks of ``markdown``, in order."""
    found: list[Block] = []
    lines = markdown.splitlines()
    previous = ""  # the last non-blank line outside a block
    number = 0
    while number < len(lines):
        opening = _FENCE.match(lines[number])
        if opening is None:
            previous = lines[number].strip() or previous
            number += 1
            continue
        fence, start = opening["fence"], number
        body: list[str] = []
        number += 1
        while number < len(lines) and not lines[number].strip().startswith(fence):
            body.append(lines[number])
            number += 1
        language = opening["info"].strip().split(maxsplit=1)[0] if opening["info"].strip() else ""
        found.append(Block(start + 1, language, "\n".join(body) + "\n", previous == SKIP_MARK))
        previous = ""
        number += 1
    return found


def python_blocks(path: Path) -> list[Block]:
    return [block for block in blocks(path.read_text(encoding="utf-8"))
            if block.language == "python"]


# Runs the blocks of one page in one namespace, as a script would; reports the block
# that failed by its line in the page.
RUNNER = """
import json, sys, traceback
page, blocks = json.load(sys.stdin)
namespace = {"__name__": "__main__"}
for line, code in blocks:
    try:
        exec(compile(code, f"{page}:{line}", "exec"), namespace)
    except BaseException:
        print(f"the block at {page}:{line} raised:", file=sys.stderr)
        traceback.print_exc()
        sys.exit(1)
"""


# -- the block finder ----------------------------------------------------------------


def test_blocks_are_found_with_their_language_and_skip_mark() -> None:
    markdown = "\n".join([
        "# Title",
        "```python",
        "x = 1",
        "```",
        "<!-- no-test -->",
        "",
        "```python",
        "client = connect()",
        "```",
        "````sh",
        "```python",
        "not a block",
        "````",
        "```",
        "plain",
        "```",
    ])

    assert blocks(markdown) == [
        Block(2, "python", "x = 1\n", skipped=False),
        Block(7, "python", "client = connect()\n", skipped=True),
        Block(10, "sh", "```python\nnot a block\n", skipped=False),
        Block(14, "", "plain\n", skipped=False),
    ]


def test_only_cluster_object_store_and_spark_examples_are_skipped() -> None:
    for path in PAGES:
        for block in python_blocks(path):
            if block.skipped:
                assert re.search(r"Client\(\"tcp://|s3://|pyspark|\brow\.asDict\(", block.code), (
                    f"{path.name}:{block.line} is skipped but needs no cluster or Spark")


def test_the_documentation_has_python_examples() -> None:
    counts = {path.name: len(python_blocks(path)) for path in PAGES}

    assert sum(counts.values()) >= 15
    assert counts["README.md"] >= 1


# -- the examples ----------------------------------------------------------------------


RUNNABLE = [path for path in PAGES if any(not b.skipped for b in python_blocks(path))]


@pytest.mark.parametrize("path", RUNNABLE, ids=[path.name for path in RUNNABLE])
def test_the_python_examples_of_the_page_run(path) -> None:
    runnable = [block for block in python_blocks(path) if not block.skipped]
    environment = dict(os.environ)
    # `pagedump` as the docs run it: the command of the interpreter running the tests.
    environment["PATH"] = os.pathsep.join([str(Path(sys.executable).parent),
                                           environment.get("PATH", "")])
    payload = json.dumps([str(path.relative_to(ROOT)),
                          [(block.line, block.code) for block in runnable]])

    done = subprocess.run([sys.executable, "-c", RUNNER], input=payload, cwd=ROOT,
                          env=environment, capture_output=True, text=True, timeout=300,
                          check=False)

    assert done.returncode == 0, done.stderr
