"""Scans of session 56 (samples/office-ocr56, tools/make_ocr56_samples.py): small print in
full-width brackets and mixed widths, grey and 1-bit.  Real tesseract on LibreOffice-made pages;
the width doubt checked on the samples' truth.
"""

from __future__ import annotations

import json

import numpy as np
from PIL import Image

from piatable.extract.ocr.bilevel import bilevel_glyph
from piatable.extract.ocr.ink import binarize, glyph_height
from piatable.extract.ocr.list_numberings import NUMBERING, even_list_numberings, even_lists, shape
from piatable.extract.ocr.width_splits import flag_width_splits, runs
from piatable.models import CellLine, RawRow
from piatable.pipeline import extract_document
from piatable.settings import Settings

from .conftest import SAMPLES
from .truth_files import case_depth, rows_of, truth_files, verdicts

SET = SAMPLES / "office-ocr56"
DITHERED_7PT = SET / "small-calc-mincho-7pt-dither300-t3"


def test_full_width_brackets_of_7pt_mincho_on_a_dithered_page_are_written_full_width():
    """Each ［ opening a line was measured from a ・ line's ink (a tenth of an em in the middle of
    its em) and voted half width, tying the ］ before 紙 that voted full: every box stayed
    ``[○]`` and every choice ``[十分に行っている]``.  Measured from the ・'s em, the page votes
    full width and the choices are padded as printed."""
    want = json.loads((DITHERED_7PT / "expected" / "records.json").read_text("utf-8"))
    got = extract_document(DITHERED_7PT / "input.tif", settings=Settings()).records
    assert len(got) == len(want)
    boxes = [line for r in got for line in (r.before + "\n" + r.after).split("\n") if "○" in line]
    assert boxes and all(line.startswith("［○］") for line in boxes), boxes
    assert got[2].before == want[2]["before"] == "［\u3000十分に行っている\u3000］"


def test_a_1bit_page_is_measured_on_its_ink_as_scanned():
    """The glyph height of a 1-bit page is measured before the blur that joins a dithered page's
    dots; a grey page has none of its own here."""
    with Image.open(DITHERED_7PT / "input.tif") as im:
        page = np.asarray(im.convert("L"))
    assert bilevel_glyph(page, 300.0) == glyph_height(binarize(page), 300.0)
    # 7 pt at 300 dpi: an em of 29 px, a Mincho kanji's ink about 20.
    assert 17 <= bilevel_glyph(page, 300.0) <= 24
    grey = SET / "small-calc-gothic-8pt-grey300-t1" / "input.png"
    with Image.open(grey) as im:
        assert bilevel_glyph(np.asarray(im.convert("L")), 300.0) == 0.0


def _row(before: str, after: str) -> RawRow:
    row = RawRow()
    row.cells["before"] = [CellLine(t) for t in before.split("\n")]
    row.cells["after"] = [CellLine(t) for t in after.split("\n")]
    return row


def test_one_string_in_two_widths_in_before_and_after_is_in_doubt():
    """Set XVII's t06 scan: the postcode full width in 変更前, half width in 変更後."""
    split = _row("大森町総務部総務課\n〒０１２－３４５６大", "大森町総務部行政管理課〒012-3456大森町")
    same = _row("〒０１２－３４５６", "〒０１２ー３４５６\n年1回、ｅＬＴＡＸ")
    short = _row("年１回", "年1回")
    notes = flag_width_splits([split, same, short])
    assert [d.kind for d in split.doubts] == ["ocr_suspect"] and "012-3456" in split.doubts[0].why
    assert not same.doubts and not short.doubts
    assert notes == ["1 OCR row(s) read one string in two widths in 変更前 and 変更後 (ocr_suspect)"]


def test_no_truth_row_of_the_samples_prints_one_string_in_two_widths():
    """The doubt's premise, on every committed expected record: a string 変更前 and 変更後 both
    print is printed in one width."""
    # Each distinct truth file checked once, its rows counted for every copy (tests/truth_files.py).
    rows, seen = 0, set()
    for path, text in truth_files():
        if not case_depth(path):
            continue
        recs = [rec for rec in rows_of(text) if isinstance(rec, dict)]
        rows += len(recs)
        if text in seen:
            continue
        seen.add(text)
        for rec in recs:
            before, after = runs(rec.get("before") or ""), runs(rec.get("after") or "")
            assert not [k for k in before.keys() & after.keys() if len(before[k] | after[k]) > 1], path
    assert rows > 10_000


def test_a_lone_odd_numbering_in_a_cells_list_takes_the_lists_width():
    """Set XVII's t03 400 dpi scan read ``3.ｅＬＴＡＸ`` between ``２．`` and ``４．``."""
    read = [
        "１．住民税の賦課",
        "２．課税台帳の管理",
        "3.ｅＬＴＡＸによる給与支払報告書の受付",
        "４．国税連携",
    ]
    assert even_lists(read)[2] == "３．ｅＬＴＡＸによる給与支払報告書の受付"
    assert even_lists(["1.a", "2.b", "３．c"]) == ["1.a", "2.b", "3.c"]
    # Two against two, or a list of two, decide nothing.
    assert even_lists(["1.a", "２．b", "３．c", "4.d"]) == ["1.a", "２．b", "３．c", "4.d"]
    assert even_lists(["1.a", "２．b"]) == ["1.a", "２．b"]
    row = RawRow()
    row.cells["after"] = [CellLine(t) for t in read]
    assert even_list_numberings([row]) == 1 and "ocr_corrected" in row.flags


def _numbering_widths(rec: dict) -> list[int]:
    """For each cell of a truth record numbering a list (``NUMBERING``) on 3 lines or more, how
    many shapes (widths) its numberings take."""
    out = []
    for field in ("before", "after", "explanation"):
        found = [m for line in (rec.get(field) or "").split("\n") if (m := NUMBERING.match(line))]
        if len(found) >= 3:
            out.append(len({shape(m) for m in found}))
    return out


def test_no_truth_cell_of_the_samples_mixes_its_lists_numbering_widths():
    # Each distinct truth file checked once, its cells counted for every copy (tests/truth_files.py).
    listed = verdicts(_numbering_widths)
    cells = 0
    for path, text in truth_files():
        if case_depth(path):
            for shapes in listed(text):
                cells += len(shapes)
                assert set(shapes) <= {1}, path
    assert cells > 50
