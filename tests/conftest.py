"""Shared fixtures: paths of the samples and the shared reference folder."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from . import doc_cache, ocr_cache

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    """Tesseract's reads (tests/ocr_cache.py) and the pipeline's results of samples
    (tests/doc_cache.py) kept for the run: the folders made by the run's first process (not an
    xdist worker), the calls wrapped in every process."""
    if not hasattr(config, "workerinput"):
        config.stash[_OCR_CACHE] = ocr_cache.start_run()
        config.stash[_DOC_CACHE] = doc_cache.start_run()
    ocr_cache.install()
    doc_cache.install()


def pytest_unconfigure(config: pytest.Config) -> None:
    """The run's tesseract reads and kept results removed with the run (the process that made
    the folders)."""
    ocr_cache.end_run(config.stash.get(_OCR_CACHE, None))
    doc_cache.end_run(config.stash.get(_DOC_CACHE, None))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """test_conservation's cases run last (the others in their order): each takes a text another
    test of the run read first from the kept results with its stream parts (tests/doc_cache.py
    ``with_parts``), and its many short cases, not a long one, even out the xdist workers' ends."""
    items.sort(key=lambda item: item.path.name == "test_conservation.py")


@pytest.hookimpl(tryfirst=True)  # before the test's fixtures, which may read samples
def pytest_runtest_setup(item: pytest.Item) -> None:
    """The pipeline's kept results (tests/doc_cache.py) are not used in a test that patches
    or reads logs or warnings."""
    doc_cache.allowed = not {"monkeypatch", "caplog", "recwarn"} & set(getattr(item, "fixturenames", ()))


_OCR_CACHE = pytest.StashKey[str | None]()
_DOC_CACHE = pytest.StashKey[str | None]()


@pytest.fixture
def seed_path() -> Path:
    return SAMPLES / "seed" / "input.txt"


def load_expected(case: str) -> list[dict]:
    return expected_beside(SAMPLES / case / "input")


def expected_beside(path: Path) -> list[dict]:
    """The expected records of the case whose input is ``path`` (its folder's
    ``expected/records.json``)."""
    return json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))


def text_case(folder: Path):  # -> tuple[list[piatable.Record], list[dict]]
    """The records piatable reads from ``folder/input.txt`` and the truth beside it."""
    import piatable

    truth = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    return piatable.extract(folder / "input.txt"), truth


SIX = ("change_date", "item", "before", "after", "timing", "explanation")


def squash(value: object) -> str:
    """``value`` as text without white space (None: "")."""
    return re.sub(r"\s+", "", "" if value is None else str(value))


def is_expected_row(rec: object, expected: list[dict]) -> bool:
    """Whether record ``rec`` equals one of the ``expected`` records in its six cells, white
    space aside."""
    return any(all(squash(getattr(rec, f)) == squash(e[f]) for f in SIX) for e in expected)


def wrong_cells(got: list, want: list[dict]) -> list[tuple[int, str]]:
    """(row, field) of each cell of the records ``got`` whose text differs from the expected
    records ``want`` (whitespace aside), row by row in order."""
    return [
        (k, f)
        for k, (g, w) in enumerate(zip(got, want, strict=True))
        for f in SIX
        if squash(getattr(g, f)) != squash(w[f])
    ]
