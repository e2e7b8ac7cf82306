"""Plain ``pdftotext`` drops a hyphen Writer broke a word at (``e-`` / ``ラーニング``) and joins the
two lines; normalize/dropped_hyphens puts it back (branch boxes49; set X FAULTS.md kind 7)."""

from __future__ import annotations

from piatable.normalize.dropped_hyphens import restore_dropped_hyphens
from piatable.pipeline import extract_document

from .conftest import SAMPLES

CASE = SAMPLES / "office-glyphs48" / "g48-writer-v1-pdftotext" / "input.txt"


def test_joined_line_is_split_at_the_dropped_hyphen():
    text = CASE.read_text("utf-8")
    mended, n = restore_dropped_hyphens(text)
    assert n == 1
    assert "講状況を記録する。未受講者には、eラーニングの再受講を求める。" in text.split("\n")
    assert "講状況を記録する。未受講者には、e-\nラーニングの再受講を求める。" in mended
    # Nothing else moves: the text is the same once the hyphen and the line break are taken out.
    assert mended.replace("e-\nラーニング", "eラーニング") == text


def test_the_cell_reads_as_printed_with_a_note():
    result = extract_document(CASE)
    assert any("a hyphen plain pdftotext dropped" in n for n in result.notes)
    cells = [r.after for r in result.records if "ラーニングの再受講" in r.after]
    assert len(cells) == 1 and "未受講者には、e-ラーニングの再受講を求める。" in cells[0]


def test_other_texts_are_left_alone():
    """pdfminer and ``-raw`` keep the hyphen; a Calc cell's list of short lines beside one long
    line (``[○]その他（戸籍情報システム（LGWAN経由）``) is no wrapped paragraph."""
    for case in (
        "office-glyphs48/g48-writer-v1-pdfminer",
        "office-glyphs48/g48-writer-v1-pdftotext-raw",
        "heldout/calc-koseki_fuhyo-pdftotext",
    ):
        text = (SAMPLES / case / "input.txt").read_text("utf-8")
        assert restore_dropped_hyphens(text) == (text, 0), case
