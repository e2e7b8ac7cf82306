"""The checks of a row-ordered text row's item/body cut (normalize/stream_cut_checks.py, issue
12/10): on the LibreOffice samples' pdftotext -raw / pypdfium2 texts they fire on rows read
wrongly and on no row read right; on rows shaped as a new user's wrong rows, they fire."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine, RawRow
from piatable.normalize.item_key import heads_next, item_key
from piatable.normalize.records import rows_to_records
from piatable.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
HEADING = "opens with the heading just under the item's last one"
VALUE = "the item ends with a line no heading holds"
TEXT = ("item", "before", "after", "explanation")


def _squash(v: object) -> str:
    return "".join(str(v or "").split())


def _read(folder: Path) -> list[tuple[bool, list[str]]]:
    """(right, evidence) of each record read from ``folder``'s text: right when its four text
    cells are those of an expected row."""
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    truth = {tuple(_squash(e[k]) for k in TEXT) for e in expected}
    return [
        (tuple(_squash(getattr(r, k)) for k in TEXT) in truth, r.evidence)
        for r in extract_document(folder / "input.txt").records
    ]


def _fires(evidence: list[str], words: str) -> bool:
    return any(words in e for e in evidence)


def test_the_items_last_heading_alone_on_the_after_cells_first_line_goes_back_to_the_item():
    """outsider/out-calc-7 -raw printed ``②所属長の役職名`` as the after cell's first line, which the
    heading check below used to flag; ``shared_lines.mend_after_leaf`` (branch watermark65) now puts
    it back at the item's end, so every row of that text is read right."""
    rows = _read(ROOT / "samples" / "outsider" / "out-calc-7-pdftotext-raw")
    assert len(rows) == 7 and all(right for right, _ in rows)


@pytest.mark.parametrize(
    "case",
    [
        "office/writer-juki-pypdfium2",
        "office-long/calc-long-t2-pdftotext-raw",
    ],
)
def test_the_items_last_heading_read_as_a_body_cells_first_line_is_flagged(case):
    """The item's last heading (``①部署`` under ``…／７．評価実施機関における担当部署``, ``②所属長の
    役職名``, ``①実施日``) read as the before or after cell's first line.  Only the wrong rows say so."""
    rows = _read(ROOT / "samples" / case)
    fired = [right for right, ev in rows if _fires(ev, HEADING)]
    assert fired and not any(fired)


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pypdfium2"])
def test_an_item_ending_with_a_value_line_is_flagged(tool):
    """samples/office-passone/calc-w18: the item of a row once ended with the address lines of the
    before cell (``〒100-0001`` / ``○○市役所総務部行政情報課``), read at 0.65 with no flag.  Since
    branch thead56 (a lone row number above a full year is the row's number, not a wrapped date's
    piece: normalize/row_numbers.py) the 16 rows are read as 16 (24 before, 54% of cells), no item
    holds an address line, and the rows still wrong (a before/after cut) say so."""
    folder = ROOT / "samples" / "office-passone" / f"calc-w18-{tool}"
    rows = _read(folder)
    assert len(rows) == 16
    assert sum(right for right, _ in rows) >= 14
    assert all(
        any(e.split(": ", 1)[-1].startswith(("column_guess", "row_split_guess")) for e in evidence)
        for right, evidence in rows
        if not right
    )
    records = extract_document(folder / "input.txt").records
    assert not any("〒" in (r.item or "") for r in records)


def test_no_right_row_of_the_outsider_texts_is_flagged():
    """Every row-ordered text of samples/outsider (tuning): neither check fires on a row read
    right, and rows read right are there to be fired on."""
    folders = sorted(
        p
        for p in (ROOT / "samples" / "outsider").iterdir()
        if p.name.endswith(("-pdftotext-raw", "-pypdfium2"))
    )
    rows = [r for f in folders for r in _read(f)]
    right = [ev for ok, ev in rows if ok]
    assert len(right) >= 40
    assert not [ev for ev in right if _fires(ev, HEADING) or _fires(ev, VALUE)]


def _row(item: list[str], before: list[str], after: list[str]) -> RawRow:
    row = RawRow()
    row.cells["change_date"] = [CellLine("2023/2/6")]
    row.cells["item"] = [CellLine(t) for t in item]
    row.cells["before"] = [CellLine(t) for t in before]
    row.cells["after"] = [CellLine(t) for t in after]
    row.cells["timing"] = [CellLine("事後")]
    row.cells["explanation"] = [CellLine("外部監査の導入に伴う修正")]
    row.widths = {"item": 24, "before": 40, "after": 40, "explanation": 24}
    return row


def _record(item: list[str], before: list[str], after: list[str]):
    return rows_to_records([_row(item, before, after)], "t.txt", Settings())[0]


def test_a_new_users_heading_in_the_after_cell_is_flagged_and_the_right_row_is_not():
    item = ["Ⅳ その他のリスク対策", "１．監査"]
    wrong = _record(
        item, ["年１回、内部監査を実施する。"], ["②監査", "年１回、内部監査及び外部監査を実施する。"]
    )
    assert "column_guess" in wrong.flags and _fires(wrong.evidence, HEADING)
    right = _record(
        [*item, "②監査"], ["年１回、内部監査を実施する。"], ["年１回、内部監査及び外部監査を実施する。"]
    )
    assert not _fires(right.evidence, HEADING) and not _fires(right.evidence, VALUE)


def test_a_new_users_value_line_in_the_item_is_flagged_and_a_heading_there_is_not():
    item = ["Ⅱ しきい値判断項目", "２．取扱者数"]
    wrong = _record([*item, "１０項目以上"], ["５０項目", "未満"], ["５０項目以上"])
    assert "column_guess" in wrong.flags and _fires(wrong.evidence, VALUE)
    for last in ("提供先１", "リスク２：不適切な方法で提供されるリスク", "①部署"):
        assert not _fires(_record([*item, last], ["市民課"], ["市民窓口課"]).evidence, VALUE)


def test_heads_next_follows_the_forms_structure():
    path = item_key("Ⅳ その他のリスク対策\n１．監査").path
    assert heads_next(path, "②監査") and heads_next(path, "①自己点検")
    # Not numbered, a heading with a value beside it, a heading of another branch.
    assert not heads_next(path, "監査")
    assert not heads_next(path, "②監査 年１回")
    assert not heads_next(path, "①部署")
