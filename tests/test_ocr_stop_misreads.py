"""A paragraph's closing 。 misread as a digit, a letter or a kana is put back from the grammar
(extract/ocr/stop_misreads.py).  The misreads are tesseract's own, from the tuning scans
(samples/office, office-era17: ``bench_scan.py --cached --office … --generate 200,300``)."""

from __future__ import annotations

import pytest

from piatable.extract.ocr.stop_misreads import mend_cell, mend_line, mend_misread_stops
from piatable.models import CellLine, RawRow
from piatable.normalize.tokenizer import default_tokenizer

from .truth_files import rows_of, truth_files


@pytest.mark.parametrize(
    ("line", "ends", "fixed"),
    [
        ("懲戒処分を含め厳正に対処する５", True, "懲戒処分を含め厳正に対処する。"),
        ("懲戒処分を含め厳正に対処す9", True, "懲戒処分を含め厳正に対処する。"),
        ("書面により承認すの５", True, "書面により承認する。"),
        ("住民に関する記録を正確かつ統一的に行の", True, "住民に関する記録を正確かつ統一的に行う。"),
        (
            "ＩＤとパスワードによる認証を行う５②なりすましによる",
            False,
            "ＩＤとパスワードによる認証を行う。②なりすましによる",
        ),
        ("情報の入手を防止すの?（②必要な", False, "情報の入手を防止する。（②必要な"),
        ("提出された課税資料を受領するe", True, "提出された課税資料を受領する。"),
        # Left as read: a line that wraps on, text that ends no sentence, a word ending on の.
        ("懲戒処分を含め厳正に対処する５", False, "懲戒処分を含め厳正に対処する５"),
        ("監査を年１回", True, "監査を年１回"),
        ("令和2年(1)", False, "令和2年(1)"),
        ("重要な変更に当たらないもの", True, "重要な変更に当たらないもの"),
        # A stem that ends a sentence already lost no kana: 提供するう。 is not written.
        ("通知対象者が生じた都度提供するの9", True, "通知対象者が生じた都度提供するの9"),
    ],
)
def test_lines(line: str, ends: bool, fixed: str) -> None:
    assert mend_line(line, ends, default_tokenizer()) == fixed


def test_a_misread_set_on_a_line_of_its_own_mends_the_line_before() -> None:
    st = default_tokenizer()
    cell = ["本人確認した事項を記録してい", "?", "・住民異動届は統一書式とし"]
    assert mend_cell(cell, st) == ["本人確認した事項を記録している。", "", "・住民異動届は統一書式とし"]
    # A lone digit that does not end a paragraph (the next line runs on) stays.
    cell = ["本人確認した事項を記録してい", "3", "住民異動届は統一書式とし"]
    assert mend_cell(cell, st) == cell


def _row(*texts: str) -> RawRow:
    row = RawRow()
    row.cells["after"] = [CellLine(t, 1, k, None, 90.0) for k, t in enumerate(texts)]
    return row


def test_only_documents_that_end_their_sentences_with_a_full_stop() -> None:
    rows = [_row("行う。", "管理する。", "保存する。"), _row("厳正に対処する５")]
    assert mend_misread_stops(rows) == 1
    assert rows[1].cells["after"][0].text == "厳正に対処する。"
    assert "ocr_corrected" in rows[1].flags
    rows = [_row("行う", "管理する"), _row("厳正に対処する５")]
    assert mend_misread_stops(rows) == 0


def test_no_truth_cell_of_the_samples_is_changed() -> None:
    st = default_tokenizer()
    changed, seen = [], set()
    for path, text in truth_files():
        for r in rows_of(text):
            for f in ("before", "after", "explanation"):
                text = str(r.get(f) or "")
                if text in seen:
                    continue
                seen.add(text)
                lines = text.split("\n")
                if mend_cell(lines, st) != lines:
                    changed.append((path.parent.parent.name, f, text))
    assert changed == []
