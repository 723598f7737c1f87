"""Shared test data: the labelled Daily8 corpus in ``tests/data/daily8``.

Each dump ``NAME.txt`` may have beside it ``NAME.json`` (its labels: one kind per line
under ``"lines"``, and the expected page fields under ``"page"``, as test_accuracy.py
reads them) and
``NAME.expected.json`` (its golden parse, see ``test_golden.py``).

A test that takes a ``daily8_dump`` argument runs once per dump of the corpus; one that
takes ``labelled_dump`` runs once per dump that has labels.

The dialect registry is process state: a test that registers, replaces or unregisters
a dialect takes the ``registry`` fixture, which puts the registry back as it was
afterwards. Every other test is checked to leave it as it found it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from pagedump import _dialects

# Hypothesis profiles, chosen with HYPOTHESIS_PROFILE: "ci" (the default) runs 500
# examples per property; "thorough" runs 20,000, for a long local run.
settings.register_profile(
    "ci", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "thorough", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

DATA_DIR = Path(__file__).parent / "data"
DAILY8_DIR = DATA_DIR / "daily8"
SEED_NAME = "daily8-000-seed"


@dataclass(frozen=True)
class Dump:
    """One dump of the corpus, read exactly as stored (no newline translation)."""

    name: str
    path: Path
    text: str
    labels: dict[str, Any] | None

    @property
    def golden_path(self) -> Path:
        return self.path.with_name(f"{self.name}.expected.json")


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def load_daily8() -> tuple[Dump, ...]:
    """Every ``*.txt`` dump of ``tests/data/daily8``, sorted by name, with its labels."""
    dumps = []
    for path in sorted(DAILY8_DIR.glob("*.txt")):
        label_path = path.with_suffix(".json")
        labels = json.loads(_read(label_path)) if label_path.exists() else None
        dumps.append(Dump(path.stem, path, _read(path), labels))
    return tuple(dumps)


_DAILY8 = load_daily8()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "daily8_dump" in metafunc.fixturenames:
        metafunc.parametrize("daily8_dump", _DAILY8, ids=[d.name for d in _DAILY8])
    if "labelled_dump" in metafunc.fixturenames:
        labelled = [d for d in _DAILY8 if d.labels is not None]
        metafunc.parametrize("labelled_dump", labelled, ids=[d.name for d in labelled])


@pytest.fixture(scope="session")
def daily8_dir() -> Path:
    """Where the Daily8 dumps, their labels and their goldens are."""
    return DAILY8_DIR


@pytest.fixture(scope="session")
def daily8_dumps() -> tuple[Dump, ...]:
    """The whole Daily8 corpus."""
    assert _DAILY8, f"no dumps found in {DAILY8_DIR}"
    return _DAILY8


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The one complete real page: the reference dump."""
    return _read(DAILY8_DIR / f"{SEED_NAME}.txt")


# -- the dialect registry ----------------------------------------------------------------

def _registry_state() -> dict[str, Any]:
    return dict(_dialects._REGISTRY)


@pytest.fixture
def registry() -> Iterator[None]:
    """Let the test change the dialect registry; put it back as it was afterwards.

    The snapshot keeps each dialect and the order names were registered in (which
    breaks ties when sniffing), and it is restored however the test ends.
    """
    saved = _registry_state()
    try:
        yield
    finally:
        _dialects._REGISTRY.clear()
        _dialects._REGISTRY.update(saved)
        _dialects._rebuild()


@pytest.fixture(autouse=True)
def _registry_untouched(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that changes the registry without the ``registry`` fixture."""
    before = _registry_state()
    yield
    if "registry" not in request.fixturenames:
        after = _registry_state()
        assert list(after.items()) == list(before.items()), (
            "the test changed the dialect registry: give it the `registry` fixture")
