"""Issue 12, branch calib66: warnings that fire on wrong rows and stay quiet on right ones.

* A reason column after 説明 (変更理由 / 根拠 …, ``normalize/reason_column``): in row-ordered text
  only a row whose explanation leaves room for the reason cell's text is flagged ``column_guess``
  (a spaced piece, or lines after the explanation's paragraph that are no stock sentence); a row
  whose explanation is one reason paragraph (its reason cell empty) stays quiet.
* Boxed text read in two passes while a column-by-column reading was as likely
  (``reading_choice.flag_undecided``): a row the other reading reads as an empty change holding the
  same text is not doubted.
* A date / timing line no row took (``printed_lines.flag_untaken_anchors``): the rows beside it,
  not its whole page.

On LibreOffice-made samples read back by real extractors (samples/reason65,
samples/office-newline56)."""

from __future__ import annotations

import pytest

import piatable
from piatable.models import CellLine, RawRow
from piatable.normalize.printed_lines import _rows_beside
from piatable.normalize.reason_column import one_reason_paragraph

from .conftest import SAMPLES, expected_beside

REASON_WHY_PART = "column after the explanation: flattened text prints its cells"
ROW_ORDERED = ("pypdfium2", "pdftotext-raw", "pypdf", "pymupdf")


def _squash(text: str) -> str:
    return "".join(text.split())


def _reason_doubted(rec: piatable.Record) -> bool:
    return any(REASON_WHY_PART in e for e in rec.to_dict()["evidence"])


@pytest.mark.parametrize(
    ("lines", "quiet"),
    [
        # One wrapped paragraph (Calc's narrow explanation cell), its reason cell empty.
        (["既存住基システムのデー", "タセンターへの移設に伴", "う修正"], True),
        (["第三者点検の実施に伴う", "追記"], True),
        # The reason and the stock sentence on significance under it.
        (["事務の範囲の変更", "重要な変更に当たらない"], True),
        # A reason cell's lines after the explanation's paragraph.
        (["組織改正による役職名の", "変更", "記載誤りがあったため訂正する"], False),
        (["委託先の合併による商号", "変更に伴う修正", "組織改編により担当部署の名称", "が変更と"], False),
        (["直しによる修正", "番号法の改正に伴い条項がずれ", "たため"], False),
        # After the stock sentence, more (the reason cell).
        (["組織改正による部署名の", "変更", "重大な変更に該当しない", "番号法の改正に伴い", "たため"], False),
        # A piece one space after the explanation's line; a fragment; a legal basis.
        (["組織改正に伴う修正 番号法の改正に伴い"], False),
        (["が変更となったため"], False),
        (["番号法第19条第8号"], False),
    ],
)
def test_explanation_leaving_room_for_a_reason_cell(lines, quiet):
    assert one_reason_paragraph(lines) is quiet


@pytest.mark.parametrize("tool", ROW_ORDERED)
def test_right_explanations_beside_a_reason_column_are_not_doubted(tool):
    """Row-ordered texts of the reason65 tables: every row whose explanation reads as the truth's
    (40 rows over the four extractors) is free of the reason column's doubt, and every row whose
    explanation is none of the truth's (the reason glued on) still carries a flag below 0.9."""
    quiet = 0
    for folder in sorted((SAMPLES / "reason65").iterdir()):
        if not folder.name.endswith(f"-{tool}"):
            continue
        path = folder / "input.txt"
        truth = {_squash(r["explanation"]) for r in expected_beside(path)}
        for rec in piatable.extract_document(path).records:
            if _squash(rec.explanation) in truth:
                assert not _reason_doubted(rec), (folder.name, rec.row_index, rec.explanation)
                quiet += 1
            else:
                assert rec.flags and rec.confidence < 0.9, (folder.name, rec.row_index, rec.explanation)
    assert quiet >= 10


def test_boxed_text_rows_the_column_reading_leaves_empty_are_not_doubted():
    """PyMuPDF blocks of a Writer table (office-newline56): the column-by-column reading puts a
    row's before, after and explanation all into its explanation; the two-pass reading kept reads
    the row right, so the row is not doubted for it.  Six of the eight rows (all right) were
    warned by that doubt alone; now at most two (rows the other reading cuts otherwise)."""
    path = SAMPLES / "office-newline56" / "nl56-cityhead-kokuho-v6-pymupdf-blocks+nl" / "input.txt"
    truth = expected_beside(path)
    recs = piatable.extract_document(path).records
    assert len(recs) == len(truth) == 8
    for rec, exp in zip(recs, truth, strict=True):
        assert _squash(rec.before) == _squash(exp["before"]) and _squash(rec.after) == _squash(exp["after"])
    undecided = [r for r in recs if any("boxed text read as if" in e for e in r.to_dict()["evidence"])]
    assert len(undecided) <= 2


def _row(page: int, first: int, last: int) -> RawRow:
    row = RawRow()
    row.cells["item"] = [CellLine(f"Ⅰ 基本情報 {k}", page, k) for k in range(first, last + 1)]
    row.set_pages()
    return row


def test_an_untaken_line_doubts_the_rows_beside_it_only():
    rows = [_row(1, 10 * k, 10 * k + 8) for k in range(5)]
    inside = CellLine("令和5年4月1日", 1, 24)  # inside row 2's lines
    assert _rows_beside(inside, rows) == rows[1:4]
    between = CellLine("事後", 1, 19)  # in the gap below row 1 (lines 10-18): rows 1 and 2 (calib67)
    assert _rows_beside(between, rows) == rows[1:3]
    below = CellLine("令和3年9月1日", 1, 60)  # below the page's last row: that row alone
    assert _rows_beside(below, rows) == rows[4:]
    before_rows = CellLine("事後", 1, 2)  # a pass-1 line above the rows: which row is not known
    rows = rows[1:]
    assert _rows_beside(before_rows, rows) == rows
