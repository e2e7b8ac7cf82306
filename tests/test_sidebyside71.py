"""Two amendment tables side by side or stacked on one page, and a 項目 sub-label row (branch
sidebyside71, set XXXII u10 / u01): samples/office-sidebyside71 (tools/make_sidebyside71_samples.py,
LibreOffice Writer and Calc).  The PDF reads both side-by-side tables, left first, their captions
named in the note (normalize/grid/side_halves.py); a part caption above a label row (（その２）,
【表２】) is no cell's text in row-ordered texts (normalize/captions.py); a sub-label row
(評価書の項目 / 細目) is the label row's, no record (normalize/grid/two_row_labels.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import piatable.normalize.grid.side_halves as side_halves
from piatable.models import CellLine
from piatable.normalize.captions import is_part_caption, part_captions
from piatable.normalize.grid.two_row_labels import _item_part_row, blank_label_band
from piatable.pipeline import extract_document

SET = Path(__file__).resolve().parent.parent / "samples" / "office-sidebyside71"
FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")


def _squash(v: str | None) -> str:
    return "".join((v or "").split())


def _expected(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


def _all_right(result, expected: list[dict]) -> None:  # type: ignore[no-untyped-def]
    assert len(result.records) == len(expected)
    for got, want in zip(result.records, expected, strict=True):
        for f in FIELDS:
            assert _squash(getattr(got, f)) == _squash(want[f]), (f, got.item)


@pytest.mark.parametrize("case", ["sb71-w-side-1", "sb71-w-side-2", "sb71-c-side-3", "sb71-c-side-4"])
def test_two_tables_side_by_side_read_left_then_right(case: str) -> None:
    """Writer's 1×2 layout table and Calc's two blocks with a blank column between: every row of
    both tables, left table first; the note names two tables and their captions."""
    result = extract_document(SET / case / "input.pdf")
    _all_right(result, _expected(case))
    note = next(n for n in result.notes if "amendment tables are printed side by side" in n)
    captions = json.loads((SET / "cases.json").read_text("utf-8"))[case]["captions"]
    assert all(f"「{c}」" in note for c in captions)
    assert result.status == "success"


def test_table_beside_without_a_gutter_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """When no gutter parts the tables (here: a narrow one refused), the second label row level
    with the first still parts them (branch sbs73, ``side_halves.beside_cuts``): both tables read,
    the note names them."""
    monkeypatch.setattr(side_halves, "NARROW_GUTTER_EM", 50.0)
    result = extract_document(SET / "sb71-w-side-2" / "input.pdf")
    _all_right(result, _expected("sb71-w-side-2"))
    assert any("amendment tables are printed side by side" in n for n in result.notes)


@pytest.mark.parametrize("tool", ["pypdf", "pdftotext-raw", "pymupdf"])
def test_part_caption_between_tables_is_no_cell_text(tool: str) -> None:
    """Row-ordered texts print 【表２】 after the left table's last cell: no cell keeps it, a note
    names the parts' numbers."""
    case = "sb71-w-side-1"  # 【表１】 / 【表２】
    result = extract_document(SET / f"{case}-{tool}" / "input.txt")
    assert not any("表２" in (getattr(r, f) or "") for r in result.records for f in FIELDS)
    assert any("numbers of a table's parts" in n and "【表２】" in n for n in result.notes)
    assert len(result.records) == len(_expected(case))


def test_stacked_tables_under_a_part_caption() -> None:
    """Two tables one under the other, the second under （続き） alone (no title): each read in its
    own columns, the caption in no cell."""
    case = "sb71-w-stack-5"
    result = extract_document(SET / case / "input.pdf")
    expected = _expected(case)
    assert len(result.records) == len(expected)
    for got, want in zip(result.records, expected, strict=True):
        assert _squash(got.item) == _squash(want["item"])
        assert _squash(got.explanation) == _squash(want["explanation"])


@pytest.mark.parametrize("case", ["sb71-w-sub-7", "sb71-c-sub-8"])
def test_sub_label_row_is_no_record(case: str) -> None:
    """項目 over two ruled columns under a sub-label row (評価書の項目 / 細目, 様式の項目 / 細目) on
    each page: no record of the sub-labels, the note quotes them."""
    result = extract_document(SET / case / "input.pdf")
    assert len(result.records) == len(_expected(case))
    assert not any(_squash(r.item).endswith("細目") for r in result.records)
    assert any("printed as two rows" in n and "細目" in n for n in result.notes)


def test_part_caption_shapes() -> None:
    for text in ("（その２）", "【表２】", "（続き）", "表 2", "（２／３）", "〔その1〕", "第２表"):
        assert is_part_caption(text), text
    # (a title's first line, a page number, a date's piece: no part's number)
    for text in (
        "（その他）",
        "表２の項",
        "委託先の変更（その２）",
        "（別添２）",
        "1/3",
        "4/01",
        "続きは次頁",
    ):
        assert not is_part_caption(text), text


def test_part_caption_only_above_a_label_row() -> None:
    """（続き） above the column labels is a caption; the same words ending a cell are not."""
    lines = [
        CellLine(t, 1, k) for k, t in enumerate(["委託先の変更", "（続き）", "変更日 項目 変更前の記載"])
    ]
    assert part_captions(lines) == {id(lines[1])}
    cell = [CellLine(t, 1, k) for k, t in enumerate(["委託先の変更", "（続き）", "Ｒ４.３.８"])]
    assert part_captions(cell) == set()


def test_item_part_row_shapes() -> None:
    def row(item: list[str], **others: list[str]):  # type: ignore[no-untyped-def]
        cells = {1: [_Line(t) for t in item]}
        cells.update({int(k[1:]): [_Line(t) for t in v] for k, v in others.items()})
        return cells

    assert _item_part_row(row(["評価書の", "項目", "細目"]))
    assert _item_part_row(row(["大項目", "小項目"]))
    assert not _item_part_row(row(["記録項目"]))  # one label: an item
    assert not _item_part_row(row(["評価書の項目", "細目"], c0=["令和5年4月1日"]))  # a dated row
    assert not _item_part_row(row(["Ⅰ基本情報", "１．特定個人情報ファイル名"]))


def test_sub_label_row_of_a_text_read_by_places() -> None:
    """-layout text knows no sub-columns: 評価書の項目 read as the item, 細目 as the before, on the
    page's first row under its label row (read apart): blanked and returned for the note, the
    body row kept; not on a page that printed no label row."""
    from types import SimpleNamespace

    def rows():  # type: ignore[no-untyped-def]
        return [
            {1: [_Line("評価書の項目")], 2: [_Line("細目")]},
            {0: [_Line("令和元年9月22日")], 1: [_Line("Ⅰ基本情報")], 2: [_Line("児童手当システム")]},
        ]

    pr = SimpleNamespace(rows=rows(), lines=[], header_seen=True)
    assert blank_label_band(pr) == ["評価書の項目", "細目"]
    assert pr.rows[0] == {} and pr.rows[1]
    unlabelled = SimpleNamespace(rows=rows(), lines=[], header_seen=False)
    assert blank_label_band(unlabelled) == [] and unlabelled.rows[0]


class _Line:
    def __init__(self, text: str) -> None:
        self.text = text
