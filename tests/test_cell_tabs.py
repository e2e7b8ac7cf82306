"""A tab inside a Writer cell, printed as one space in row-ordered text (normalize/cell_tabs.py;
issues 10/11/12, branch glyphs48), on the real texts of samples/office-glyphs48
(tools/make_glyphs48_samples.py)."""

from __future__ import annotations

from piatable import extract_document
from piatable.normalize.cell_tabs import tab_gap_why
from tests.test_glyph_codes import SAMPLES, _squash
from tests.text_checks import cell_text, read_sample


def test_a_tab_cut_as_the_gap_between_cells_is_flagged() -> None:
    """pypdfium2 prints ``番号法第１９条第７号⇥別表第二`` and the after cell on one line, parted by
    single spaces: the reader gives ``別表第二`` to the after cell, and the row is flagged."""
    result = extract_document(SAMPLES / "g48-writer-v1-pypdfium2" / "input.txt")
    row = next(r for r in result.records if "主務省令" in r.after)
    assert _squash(row.before) == "番号法第１９条第７号"  # the tab's text went on (the fault)
    assert _squash(row.after).startswith("別表第二")
    assert "column_guess" in row.flags
    assert any("tab inside a cell" in e for e in row.evidence)


def test_a_line_read_right_is_not_named() -> None:
    """-raw keeps ``別表第二`` in the before cell (the cut at the line's end): no tab doubt."""
    result, _ = read_sample("office-glyphs48/g48-writer-v1-pdftotext-raw")
    row = next(r for r in result.rows if "主務省令" in cell_text(r, "after"))
    assert cell_text(row, "before") == "番号法第１９条第７号別表第二"
    assert tab_gap_why(row) == ""
    bullets = next(r for r in result.rows if "証明書の発行" in cell_text(r, "before"))
    assert tab_gap_why(bullets) == ""
