"""Scans marked up in an office (issue 11, session 72; set XXXIII's n10, n07, n11 scans), on the
committed pages of samples/scan72 (tools/make_scan72_samples.py):

- a 回覧 stamp box over the table: its walls cut no word beside them (``pages._split_at``) and
  wall no column of the table (``ruling_clusters.below_header``);
- a highlighter's bands are made paper, not kept as coloured text (``colour_text``);
- change dates printed with full-width slashes, read ノ / ン on a crumpled page, are mended
  (``date_repairs``)."""

from __future__ import annotations

from PIL import Image

from piatable.extract.ocr.colour_ink import grey_without_colour

from .conftest import SAMPLES
from .test_scan71 import _read, _same

SET72 = SAMPLES / "scan72"


def test_a_stamp_box_over_the_table_cuts_no_word_and_walls_no_column():
    _, got, expected = _read(SET72 / "calc-gothic-stamp-t1")
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        assert _same(g["explanation"], e["explanation"]), (g["explanation"], e["explanation"])
        assert _same(g["timing_raw"], e["timing"])
        assert not any(f.startswith("ocr_suspect:timing") for f in g["flags"])


def test_highlighter_bands_are_made_paper_and_the_rows_read():
    image = Image.open(SET72 / "writer-mincho-highlight-t2" / "input.jpg")
    _, what = grey_without_colour(image, float(image.info["dpi"][0]))
    assert what.kept_lines == 0 and what.removed_share > 0.005
    _, got, expected = _read(SET72 / "writer-mincho-highlight-t2")
    assert len(got) == len(expected)
    assert [g["change_date"] for g in got] == [e["change_date"] for e in expected]
    assert [g["explanation"] for g in got] == [e["explanation"] for e in expected]


def test_slashes_read_as_katakana_on_a_crumpled_page_are_mended_or_warned():
    """Each change date is right, or unparsed and warned: never another date."""
    _, got, expected = _read(SET72 / "calc-mincho-crumple-t3")
    assert len(got) == len(expected)
    right = 0
    for g, e in zip(got, expected, strict=True):
        if g["change_date"] is None:
            assert "date_unparsed" in g["flags"]
        else:
            assert g["change_date"] == e["change_date"]
            right += 1
    assert right >= 2
