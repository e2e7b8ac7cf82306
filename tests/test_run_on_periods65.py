"""A date item's period (``…から…まで``) beside its reason is no run-on (issue 12, branch calib65):
``passone.runs_into_explanation`` read the で of まで as a particle and warned right rows of Calc
texts flattened by pypdfium2 / ``pdftotext -raw`` (``column_guess``: the after cell's last line
runs on into the explanation's first), while a period beside a value of its own stays warned."""

from __future__ import annotations

import json

import pytest

from piatable.normalize.passone import RUN_ON_WHY
from piatable.pipeline import extract_document

from .conftest import SAMPLES

ITEM = "実施日・期間"
SIX = ("change_date", "item", "before", "after", "timing", "explanation")


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


@pytest.mark.parametrize(
    "case",
    [
        "office-closing19/calc-closing-municipal-pdftotext-raw",
        "office-raw23/calc-raw23-municipal-pypdfium2",
        "office-pages51/p51-calc-1-pypdfium2",
    ],
)
def test_a_period_beside_its_reason_is_not_run_on(case):
    folder = SAMPLES / case
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    records = extract_document(folder / "input.txt").records
    periods = [r for r in records if _squash(r.item).endswith(ITEM) and _squash(r.after).endswith("まで")]
    assert periods
    for r in periods:
        # The row is read right (a truth row holds the same six cells) and is not warned so.
        assert any(all(_squash(getattr(r, f)) == _squash(e[f]) for f in SIX) for e in expected)
        assert not any(RUN_ON_WHY in ev for ev in r.evidence)


def test_a_period_beside_another_value_stays_a_run_on_guess():
    """The after cell's period beside an explanation opening with a date (the next cell's value
    read into it: office-pdfminer50 pm50-calc-v1-pypdfium2) is still a guess."""
    folder = SAMPLES / "office-pdfminer50" / "pm50-calc-v1-pypdfium2"
    records = extract_document(folder / "input.txt").records
    doubted = [r for r in records if any(RUN_ON_WHY in ev for ev in r.evidence)]
    assert any(_squash(r.after).endswith("まで") and _squash(r.explanation)[:2] == "令和" for r in doubted)
    assert all("column_guess" in r.flags for r in doubted)
