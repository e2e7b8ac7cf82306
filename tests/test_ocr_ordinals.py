"""An ordinal's lost numeral (…及び別表第) put back from the document or the law the cell cites
(extract/ocr/ordinals.py).  The reads are tesseract's, from the tuning scans
(samples/office calc-juki-b and writer-lists at 300 / 200 dpi)."""

from __future__ import annotations

from piatable.extract.ocr.ordinals import restore_ordinals
from piatable.models import CellLine, RawRow

from .truth_files import rows_of, truth_files


def _row(field: str, *texts: str) -> RawRow:
    row = RawRow()
    row.cells[field] = [CellLine(t, 1, k, None, 90.0) for k, t in enumerate(texts)]
    return row


def test_the_numeral_the_document_prints_after_the_same_words() -> None:
    rows = [
        _row("before", "第１９条第７号及び別表第二"),
        _row("after", "法律第１９条第８号及び別表第"),
    ]
    assert restore_ordinals(rows) == 1
    assert rows[1].cells["after"][0].text == "法律第１９条第８号及び別表第二"
    assert "ocr_corrected" in rows[1].flags


def test_without_the_document_the_cited_article_names_the_table() -> None:
    rows = [
        _row("before", "番号法第19条第7号及び別表第"),
        _row("after", "番号法第９条第１項別表第の３０の項"),
    ]
    assert restore_ordinals(rows) == 2
    assert rows[0].cells["before"][0].text == "番号法第19条第7号及び別表第二"
    assert rows[1].cells["after"][0].text == "番号法第９条第１項別表第一の３０の項"


def test_two_numerals_or_none_leave_it_as_read() -> None:
    rows = [
        _row("before", "及び別表第一の項"),
        _row("after", "及び別表第二の項"),
        _row("explanation", "規定及び別表第"),
    ]
    assert restore_ordinals(rows) == 0
    rows = [_row("before", "規程の第"), _row("after", "事務の範囲")]
    assert restore_ordinals(rows) == 0


def test_an_ordinal_wrapped_over_lines_and_the_word_shidai_are_not_orphans() -> None:
    rows = [_row("before", "番号法第19条第7号及び別表第", "二の項"), _row("after", "準備が整い次第実施する")]
    assert restore_ordinals(rows) == 0


def test_no_truth_cell_of_the_samples_is_changed() -> None:
    # Each distinct truth file checked once, its answer given for every copy (tests/truth_files.py).
    restored: dict[str, int] = {}
    changed = []
    for path, text in truth_files():
        if text not in restored:
            restored[text] = restore_ordinals(_truth_rows(text))
        if restored[text]:
            changed.append(path)
    assert changed == []


def _truth_rows(text: str) -> list[RawRow]:
    """A truth file's records as raw rows of OCR'd lines (read at confidence 90)."""
    rows = []
    for r in rows_of(text):
        row = RawRow()
        for f in ("item", "before", "after", "explanation"):
            row.cells[f] = [
                CellLine(t, 1, k, None, 90.0) for k, t in enumerate(str(r.get(f) or "").split("\n"))
            ]
        rows.append(row)
    return rows
