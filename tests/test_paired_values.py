"""Two one-line before/after values printed side by side in row-ordered text
(normalize/paired_values.py), and a deletion row read as an addition
(shared_line_checks.one_sided_doubts): on built rows and on committed LibreOffice texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine, RawRow
from piatable.normalize.paired_values import alike_pieces, mend_deleted_text, mend_paired_values

ROOT = Path(__file__).resolve().parent.parent


def lone_row(lines: list[tuple[str, int]], field: str = "after") -> RawRow:
    """A row of flattened text whose only body cell is ``field``: (text, printed line number)."""
    row = RawRow()
    row.cells["change_date"] = [CellLine("2023/2/6", 1, 10)]
    row.cells[field] = [CellLine(t, 1, n) for t, n in lines]
    row.widths = {"item": 24, "before": 40, "after": 40, "explanation": 24}
    return row


def body(row: RawRow) -> tuple[list[str], list[str]]:
    return [cl.text for cl in row.cells["before"]], [cl.text for cl in row.cells["after"]]


@pytest.mark.parametrize(
    ("line", "before", "after"),
    [
        ("10人以上50人未満 50人以上100人未満", "10人以上50人未満", "50人以上100人未満"),
        ("市民部市民課 市民生活部市民課", "市民部市民課", "市民生活部市民課"),
        ("平成28年8月25日 令和2年11月20日", "平成28年8月25日", "令和2年11月20日"),
        ("［○］委託する 新規追加", "［○］委託する", "新規追加"),
    ],
)
def test_two_alike_values_on_one_line_are_parted_into_before_and_after(line, before, after):
    for field in ("before", "after"):
        row = lone_row([(line, 10)], field)
        mend_paired_values(row)
        assert body(row) == ([before], [after])
        assert any(d.kind == "cut_guess" and "side by side" in d.why for d in row.doubts)


def test_two_pieces_of_one_printed_line_already_parted_are_parted_so():
    row = lone_row([("[ 10人未満 ]", 10), ("[ 10人以上50人未満 ]", 10)])
    mend_paired_values(row)
    assert body(row) == (["[ 10人未満 ]"], ["[ 10人以上50人未満 ]"])


@pytest.mark.parametrize(
    "lines",
    [
        # A cell's own full-width space printed half-width: the pieces do not read alike.
        [("番号法第１９条第８号 別表第二の４２の項、４３の項", 10)],
        # A wrapped cell (lines on several printed lines): its own spaces are no cell gap.
        [("・個人番号の入力時には 個人番号カードと照合", 10), ("し、二人で確認を行っている。", 11)],
        # A list's next item after the gap.
        [("住民票の写しの交付 ・住民票記載事項証明書の交付", 10)],
    ],
)
def test_a_lone_cells_own_text_is_not_parted(lines):
    row = lone_row(lines)
    mend_paired_values(row)
    assert body(row) == ([], [t for t, _ in lines])
    assert row.doubts == []


def test_alike_pieces_needs_shared_words_or_one_kind_of_value():
    assert alike_pieces("課税資料のパンチ入力業務", "課税資料（給与支払報告書）のパンチ入力業務")
    assert alike_pieces("[ 再委託しない ]", "[ 再委託する ]")
    assert not alike_pieces("番号法第１９条第８号", "別表第二の４２の項")


def _row_read(case: str, index: int) -> dict:
    """The row read from a committed text whose date and item are those of expected row
    ``index``, and the expected row."""
    folder = ROOT / "samples" / case
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))[index]
    key = (expected["change_date"], "".join(expected["item"].split()))
    got = [r.to_dict() for r in extract_document(folder / "input.txt").records]
    found = [g for g in got if (g["change_date"], "".join((g["item"] or "").split())) == key]
    assert len(found) == 1
    return {"got": found[0], "expected": expected}


@pytest.mark.parametrize(
    ("case", "index"),
    [
        ("office-passone/calc-w13-pypdfium2", 8),  # [ 10人未満 ] [ 10人以上50人未満 ]
        ("office-long/writer-long-t1-pdftotext-raw", 15),  # two dates beside the date line
        ("office-long/writer-long-t1-pypdfium2", 15),
        ("office-pdfium17/bl17-writer-11-pypdfium2", 1),  # ［○］委託する 新規追加
    ],
)
def test_libreoffice_one_line_pairs_are_read_into_both_cells(case, index):
    row = _row_read(case, index)
    assert row["got"]["before"] == row["expected"]["before"]
    assert row["got"]["after"] == row["expected"]["after"]


@pytest.mark.parametrize(
    "case", ["office-long/writer-long-t3-pdftotext-raw", "office-long/writer-long-t3-pypdfium2"]
)
def test_a_libreoffice_deletion_read_as_an_addition_is_warned(case):
    """The before cell's text alone, read into the after cell; the explanation (記載の整理（③消去方法は
    ⑤に統合）) says neither adding nor removing: a warning and a confidence below one half."""
    row = _row_read(case, 2)
    assert row["expected"]["after"] == "" and row["got"]["before"] == ""
    assert "column_guess" in row["got"]["flags"]
    assert row["got"]["confidence"] < 0.5


def deletion_row(after: list[str], explanation: str) -> RawRow:
    row = lone_row([(t, 10 + k) for k, t in enumerate(after)])
    row.cells["explanation"] = [CellLine(explanation, 1, 10)]
    return row


def test_a_lone_after_text_under_a_removing_explanation_moves_to_the_before_cell():
    row = deletion_row(["保険年金課長"], "再委託を行わないこととしたため")
    mend_deleted_text(row)
    assert body(row) == (["保険年金課長"], [])
    assert [d.kind for d in row.doubts] == ["cut_guess"]


@pytest.mark.parametrize(
    ("after", "explanation"),
    [
        (["保険年金課長"], "組織改正による部署名の変更"),  # says neither
        (["保険年金課長"], "窓口業務の廃止及び新設に伴う追加"),  # says both
        (["保険年金課長", "上記を新規追加"], "旧システムの廃止"),  # the cell says it is added
    ],
)
def test_a_lone_after_text_stays_unless_the_explanation_says_removing_alone(after, explanation):
    row = deletion_row(after, explanation)
    mend_deleted_text(row)
    assert body(row) == ([], after)


@pytest.mark.parametrize(
    "case", ["office-del24/d24-calc-kokuho-pdftotext-raw", "office-del24/d24-calc-kokuho-pypdfium2"]
)
def test_a_libreoffice_deletion_under_a_removing_explanation_keeps_its_text_before(case):
    """Expected row 3: 保険年金課長 deleted (変更後 empty), explained 再委託を行わないこととしたため;
    the row's date and item are read wrong (a merged date), so it is found by its text."""
    folder = ROOT / "samples" / case
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))[3]
    assert (expected["before"], expected["after"]) == ("保険年金課長", "")
    got = [r.to_dict() for r in extract_document(folder / "input.txt").records]
    holding = [g for g in got if "保険年金課長" in (g["before"] or "") + (g["after"] or "")]
    assert [(g["before"], g["after"]) for g in holding] == [("保険年金課長", "")]
