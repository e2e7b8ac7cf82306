"""Sample tests of issue 12's promise, shared by the sample families: every wrong row of a case
is warned, and the cases known to leave one unwarned are strict xfails (a fix shows)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from piatable.pipeline import extract_document

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "tools"))
from bench_calibration import is_warned
from eval_text import SIX, align, squash


def known_case(path: Path, unwarned: dict[str, str]):  # type: ignore[no-untyped-def]
    """``path`` (a case's input) as a test parameter named by its folder under samples/; a
    strict xfail when ``unwarned`` names the folder (the value is the reason)."""
    name = str(path.parent.relative_to(SAMPLES))
    if name in unwarned:
        return pytest.param(path, id=name, marks=pytest.mark.xfail(strict=True, reason=unwarned[name]))
    return pytest.param(path, id=name)


def assert_wrong_rows_warned(path: Path) -> None:
    """Every row read from ``path`` that differs from its expected row (any of the six cells,
    whitespace aside; rows aligned as tools/eval_text.py does) is warned (bench_calibration's
    ``is_warned``).  Raises AssertionError naming the first unwarned wrong row."""
    expected = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
    got = [r.to_dict() for r in extract_document(path).records]
    for i, j in align(got, expected):
        wrong = [f for f in SIX if squash(got[i].get(f)) != squash(expected[j].get(f))]
        assert not wrong or is_warned(got[i]), (j, wrong, got[i]["flags"], got[i]["confidence"])
