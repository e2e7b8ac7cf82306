"""List labels of -layout text given to the paragraph they label (normalize/list_labels.py;
issues 10/11/12, branch glyphs48), on the real texts of samples/office-glyphs48
(tools/make_glyphs48_samples.py: Writer List Number / List Bullet paragraphs)."""

from __future__ import annotations

from piatable import extract_document
from piatable.extract.text import text_to_pages
from piatable.models import Word
from piatable.normalize.list_labels import join_list_labels
from tests.test_glyph_codes import SAMPLES, _squash, _truth

CASE = "g48-writer-v3-pdftotext-layout"


def test_list_numbers_stay_in_their_cells() -> None:
    """Writer's running numbers (1.–2. in the before cell, 3.–5. in the after cell) and bullets
    are read into the cells of the paragraphs they label; every row of the case is right but
    the one whose cells hold a tab (not a label)."""
    result = extract_document(SAMPLES / CASE / "input.txt")
    truth = _truth(CASE)
    got = [[_squash(getattr(r, k)) for k in ("item", "before", "after")] for r in result.records]
    want = [[_squash(t[k]) for k in ("item", "before", "after")] for t in truth]
    assert got[0] == want[0]
    assert got[0][1].startswith("1.住民異動届の受付2.") and got[0][2].startswith("3.住民異動届の受付4.")
    assert got[4] == want[4] and got[4][2].count("•") == 2
    assert [g for g, w in zip(got, want, strict=True) if g != w] == [got[2]]  # the tab row


def test_a_label_joins_the_text_on_its_right_and_stands_there() -> None:
    """``4.`` at column 36 and ``住民基本台帳の`` at 41 (set X's W2 kind): one segment at 41."""
    words = [
        Word(t, 1, x0, x0 + w, 0, 1, "text")
        for t, x0, w in (("1. 住民基本", 25, 11), ("4.", 36, 2), ("住民基本台帳の", 41, 14))
    ]
    out = join_list_labels(words)
    assert [(w.text, w.x0) for w in out] == [("1. 住民基本", 28), ("4. 住民基本台帳の", 41)]
    # A wrapped date's piece in the first column, and a typed ・, are left as they are.
    date = [Word("10.", 1, 0, 3, 0, 1, "text"), Word("イルの概要", 1, 6, 16, 0, 1, "text")]
    assert join_list_labels(date) == date
    dot = [Word("・ 番号法", 1, 42, 51, 0, 1, "text")]
    assert join_list_labels(dot) == dot


def test_text_to_pages_joins_the_labels_of_a_real_line() -> None:
    text = (SAMPLES / CASE / "input.txt").read_text("utf-8")
    words = [w for p in text_to_pages(text, layout=True) for w in p.words]
    assert not [w for w in words if w.text in ("•", "\uf0b7") or (w.text.rstrip(".").isdigit() and w.x0 > 0)]
