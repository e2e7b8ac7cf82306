"""Text of a PDF cell that the page clips away at the cell's edge is not cell text, but its row
says the cell is cut short (``truncated:<field>``, a ``clipped_text`` evidence, a lower
confidence); text hidden on purpose (clipped inside its cell, white, covered) warns nothing.

The handed case is a new user's LibreOffice Calc PDF (``calc_clipped_merged_cell.pdf``): an
explanation cell merged over a manual page break is printed clipped on page 1; the source's text
is in ``calc_clipped_merged_cell.source.json``."""

from __future__ import annotations

import json
import re

import pypdfium2 as pdfium

from piatable.extract.pdf import pdfium_page_to_words
from piatable.models import Unseen, Word
from piatable.normalize.grid.lines import Line
from piatable.normalize.grid.unseen import CellBox, attach_clipped
from piatable.pipeline import extract_document
from piatable.settings import GridSettings

from .conftest import ROOT, SAMPLES

CASES = ROOT / "tests" / "data" / "cases"
FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")
_WS = re.compile(r"\s+")


def test_calc_cell_clipped_at_a_page_break_is_flagged() -> None:
    pdf = CASES / "calc_clipped_merged_cell.pdf"
    source = json.loads((CASES / "calc_clipped_merged_cell.source.json").read_text("utf-8"))
    res = extract_document(pdf)
    assert len(res.records) == len(source)
    assert any("clipped away" in n for n in res.notes), res.notes
    for k, (got, want) in enumerate(zip(res.records, source, strict=True)):
        short = [f for f in FIELDS if _WS.sub("", getattr(got, f) or "") != _WS.sub("", want[f] or "")]
        clipped = [e for e in got.evidence if "clipped_text" in e]
        if k == 1:
            # Printed: …（重要な; the rest, 変更に当たらない）, is clipped away on page 1.
            assert short == ["explanation"]
            assert got.explanation == "組織改正に伴う修正（重要な"
            assert "truncated:explanation" in got.flags
            assert clipped and "変更に当たらない）" in clipped[0] and clipped[0].startswith("explanation:")
            assert got.confidence < 0.9
            assert got.cell_confidence["explanation"] < got.cell_confidence["before"]
        else:
            # The merged date and 提出時期 that page 2 draws off the page, in cells that print
            # nothing, continue no printed text: no flag.
            assert not short, (k, short)
            assert not clipped and not any(f.startswith("truncated:") for f in got.flags), k


def test_reader_keeps_clipped_characters_with_their_clipping_box() -> None:
    doc = pdfium.PdfDocument(str(CASES / "calc_clipped_merged_cell.pdf"))
    try:
        pw, _, hidden = pdfium_page_to_words(doc[0], 1)
    finally:
        doc.close()
    assert hidden["clipped"] == 9 == len(pw.unseen)
    assert "".join(u.word.text for u in pw.unseen) == "変更に当たらない）"
    for u in pw.unseen:
        assert u.why == "clipped" and u.clip is not None
        x0, _, x1, bottom = u.clip
        assert x0 <= (u.word.x0 + u.word.x1) / 2 <= x1
        assert (u.word.top + u.word.bottom) / 2 > bottom  # below the clipping box: cut by it
    # Not read as words: no visible character lies where a clipped one does.
    at = {(round(u.word.x0), round(u.word.top)) for u in pw.unseen}
    assert not any((round(w.x0), round(w.top)) in at for w in pw.words)


def test_overflow_drawn_under_a_clipping_path_flags_its_cells() -> None:
    """Excel-like rows of fixed height whose overflowing lines are drawn under the cell's clip:
    the cells cut short are flagged truncated even where the printed ending looks whole."""
    res = extract_document(SAMPLES / "pdf" / "excel-clipped-overflow" / "input.pdf")
    cut = [r for r in res.records if any("clipped_text" in e for e in r.evidence)]
    assert cut
    for r in cut:
        fields = [e.split(":", 1)[0] for e in r.evidence if "clipped_text" in e]
        assert all(f"truncated:{f}" in r.flags for f in fields)


# Synthetic cells: a column 100–200 pt wide, a cell from 100 to 150 pt down the page, em 9 pt.
EM = 9.0


def _line(top: float, text: str = "本人確認の徹底を図") -> Line:
    w = Word(text, 1, 102.0, 190.0, top, top + EM, "pdf")
    return Line([w], text, 102.0, 190.0, top, top + EM, 1, None, None)


def _char(top: float, x0: float = 102.0) -> Word:
    return Word("る", 1, x0, x0 + EM, top, top + EM, "pdf")


def test_attach_clipped_ties_the_continuation_below_the_cell() -> None:
    last = _line(140.0)
    cell = CellBox(100.0, 100.0, 200.0, 150.0, [_line(130.0), last])
    chars = [Unseen(_char(151.5, 102.0 + k * EM), "clipped", (100.0, 100.0, 200.0, 150.0)) for k in range(3)]
    # A second clipped line further down is the same continuation.
    chars.append(Unseen(_char(162.0), "clipped", (100.0, 100.0, 200.0, 150.0)))
    assert attach_clipped(chars, [cell], EM, GridSettings()) == 4
    assert last.clipped == "るるるる"


def test_attach_clipped_leaves_text_hidden_inside_its_cell() -> None:
    """A line hidden under a clipping path that ends inside the cell (the cell has room below):
    hidden on purpose, not a cell cut short."""
    last = _line(110.0)
    cell = CellBox(100.0, 100.0, 200.0, 150.0, [last])
    hidden = [Unseen(_char(121.0), "clipped", (100.0, 100.0, 200.0, 120.0))]
    assert attach_clipped(hidden, [cell], EM, GridSettings()) == 0
    # White text or text under a white box is never tied, wherever it lies.
    white = [Unseen(_char(151.5), "paper", None), Unseen(_char(151.5), "covered", None)]
    assert attach_clipped(white, [cell], EM, GridSettings()) == 0
    assert not last.clipped


def test_attach_clipped_needs_printed_text_next_to_it() -> None:
    """Text drawn far beyond the cell (a merged cell's text placed off the page) or beside an
    empty cell continues nothing printed."""
    top_line = _line(101.0)
    cell = CellBox(100.0, 100.0, 200.0, 150.0, [top_line])
    far_above = [Unseen(_char(20.0), "clipped", (100.0, 100.0, 200.0, 150.0))]
    assert attach_clipped(far_above, [cell], EM, GridSettings()) == 0
    empty = CellBox(100.0, 100.0, 200.0, 150.0, [])
    below = [Unseen(_char(151.5), "clipped", (100.0, 100.0, 200.0, 150.0))]
    assert attach_clipped(below, [empty], EM, GridSettings()) == 0
    # Just above the cell, next to its first line: the start of the text, clipped.
    above = [Unseen(_char(90.0), "clipped", (100.0, 100.0, 200.0, 150.0))]
    assert attach_clipped(above, [cell], EM, GridSettings()) == 1
    assert top_line.clipped == "る"
