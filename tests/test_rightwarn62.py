"""Issue 12, branch rightwarn62: ``duplicate_row`` narrowed where right rows showed a shape it
did not mean.  A table printing a place column (変更箇所 / 該当頁) gives each row a place of its
own, so rows alike in date, item, before and after are one change printed for two places, not a
row read twice; outside such tables a repeat is still flagged, and the wrong rows of the place
tables stay warned by the checks that see their faults."""

from __future__ import annotations

import json

import pytest

from piatable.models import Record
from piatable.normalize.flags import flag_duplicates
from piatable.normalize.place_column import prints_places
from piatable.pipeline import extract_document
from piatable.settings import QualitySettings

from .conftest import SAMPLES
from .warned_rows import assert_wrong_rows_warned


def _rows(case: str) -> tuple[list[dict], list[dict]]:
    folder = SAMPLES / case
    got = [r.to_dict() for r in extract_document(next(folder.glob("input.*"))).records]
    return got, json.loads((folder / "expected" / "records.json").read_text("utf-8"))


def _key(r: dict) -> tuple[str, ...]:
    return tuple("".join((r.get(f) or "").split()) for f in ("change_date_raw", "item", "before", "after"))


def test_the_place_notes_of_text_and_of_a_ruled_page_say_places_are_printed():
    assert prints_places(
        ["a place column (変更箇所) between 項目 and 変更前 was read: 3 page/line references"]
    )
    assert prints_places(
        ["a ruled place column (該当頁) between 項目 and 変更前: 7 lines set aside, not a field"]
    )
    assert not prints_places(["the place column's references could not all be told apart", "other"])


def test_rows_alike_are_duplicates_unless_the_table_prints_places():
    def rec(i: int) -> Record:
        return Record(
            "x", i, 1, 1, "2024-04-01", "2024/4/1", "Ⅰ基本情報", ["Ⅰ基本情報"], "a", "b", "事後", ""
        )

    q = QualitySettings()
    assert [r.flags for r in flag_duplicates([rec(0), rec(1)], q)] == [[], ["duplicate_row"]]
    assert [r.flags for r in flag_duplicates([rec(0), rec(1)], q, placed=True)] == [[], []]


@pytest.mark.parametrize(
    "case",
    ["office-place61/p61-chromium-long", "office-place61/p61-chromium-long-pdftotext-layout"],
)
def test_a_change_printed_for_two_places_is_no_duplicate_row(case):
    """The tuning tables print rows alike for two places (the truth holds them twice): before
    this branch each repeat was right and warned ``duplicate_row`` alone."""
    got, expected = _rows(case)
    keys = [_key(r) for r in expected]
    assert len(set(keys)) < len(keys)  # the table prints rows alike
    repeats = [r for k, r in enumerate(got) if _key(r) in {_key(x) for x in got[:k]}]
    assert repeats and not any("duplicate_row" in r["flags"] for r in got)
    right = [r for r in repeats if _key(r) in set(keys)]
    assert right and all(r["confidence"] >= 0.5 and not r["flags"] for r in right)


def test_a_row_read_twice_without_a_place_column_stays_flagged():
    """Calc text read in label order: rows read twice (empty, extra) keep ``duplicate_row``."""
    got, _ = _rows("office-reversed60/rv60-calc-rev-pdftotext-raw")
    assert any("duplicate_row" in r["flags"] for r in got)


@pytest.mark.parametrize(
    "case",
    ["office-place61/p61-chromium-long-pdfplumber+nl", "office-place61/p61-chromium-break-pdfminer"],
)
def test_wrong_rows_alike_in_place_tables_stay_warned(case):
    """The wrong rows that carried ``duplicate_row`` in the place tables are warned by the
    checks that see their faults (``column_guess``, ``unplaced_text`` …)."""
    got, _ = _rows(case)
    assert any("column_guess" in r["flags"] for r in got)
    assert_wrong_rows_warned(next((SAMPLES / case).glob("input.*")))
