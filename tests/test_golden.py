"""Golden files: the whole output for every dump of ``tests/data/daily8``.

Beside each dump ``NAME.txt`` lies ``NAME.expected.json``: the page as
``pagedump.to_json(page, indent=2)`` plus a final newline, for
``page = pagedump.parse(text, fetched_at=FETCHED_AT)``. Any change in what the parser
reads from a page shows up here as a diff.

To regenerate the goldens after an intended change, run::

    PAGEDUMP_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py

then read ``git diff tests/data`` line by line before committing: a golden is only as
right as the review it got. The goldens must agree with the ``NAME.json`` labels
(``test_accuracy.py`` scores the parser against those).

This module also checks the line kinds of every labelled dump against its labels.
"""

from __future__ import annotations

import os
from datetime import datetime

import pagedump

FETCHED_AT = datetime.fromisoformat("2025-08-10T12:00:00+00:00")
REGENERATE = os.environ.get("PAGEDUMP_REGEN_GOLDEN", "") not in ("", "0")


def render(text: str) -> str:
    page = pagedump.parse(text, fetched_at=FETCHED_AT)
    return pagedump.to_json(page, indent=2) + "\n"


def test_golden(daily8_dump):
    got = render(daily8_dump.text)
    path = daily8_dump.golden_path
    if REGENERATE and (not path.exists() or path.read_bytes() != got.encode("utf-8")):
        path.write_bytes(got.encode("utf-8"))
    assert path.exists(), (
        f"{path.name} is missing; create it with PAGEDUMP_REGEN_GOLDEN=1 and review it")
    assert got == path.read_bytes().decode("utf-8")


def test_every_golden_has_its_dump(daily8_dir, daily8_dumps):
    goldens = {p.name for p in daily8_dir.glob("*.expected.json")}
    assert goldens == {d.golden_path.name for d in daily8_dumps}


def test_labelled_line_kinds(labelled_dump):
    lines = labelled_dump.text.splitlines()
    want = list(zip(labelled_dump.labels["lines"], lines, strict=True))
    got = [(line.kind.value, line.text) for line in pagedump.tokenize(labelled_dump.text)]
    assert got == want
