"""The sheet's other side showing through (issue 11, session 73; set XXXIV's n12 scan): its faint
mirrored print is wiped before the page is read (extract/ocr/show_through_text.py), and a date
whose slashes were both read 7 takes the slash of its column's other dates
(``date_repairs.seven_repairs``); on the committed pages of samples/scan73
(tools/make_scan73_samples.py) and on drawn pages."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from piatable.extract.ocr.date_repairs import repair_dates, seven_repairs
from piatable.extract.ocr.ink import binarize, glyph_height
from piatable.extract.ocr.show_through_text import ghost_ratio, wipe_show_through
from piatable.models import CellLine, RawRow

from .conftest import SAMPLES
from .test_scan71 import _read, _same

SET73 = SAMPLES / "scan73"
FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"


def _text_page(lines: list[str], tone: int = 0, size: int = 28) -> np.ndarray:
    """A 1200×800 white page with ``lines`` of text in grey ``tone`` (uint8)."""
    im = Image.new("L", (1200, 800), 255)
    d = ImageDraw.Draw(im)
    font = ImageFont.truetype(FONT, size)
    for k, line in enumerate(lines):
        d.text((60, 60 + k * 2 * size), line, fill=tone, font=font)
    return np.asarray(im)


def _glyph(gray: np.ndarray) -> float:
    return glyph_height(binarize(gray), 300.0)


def test_a_mirrored_faint_page_behind_the_print_is_wiped():
    own = _text_page(["特定個人情報ファイルの概要", "２０２０/０６/０２　事前"])
    back = _text_page(["　　　保管期間を経過したデータ" * 2] * 10)[:, ::-1]
    shown = np.minimum(own, (255 - (255 - back.astype(np.float32)) * 0.22).astype(np.uint8))
    glyph = _glyph(own)
    assert ghost_ratio(shown, glyph) > 0.3
    wiped, notes = wipe_show_through(shown, glyph, 1)
    assert len(notes) == 1 and "shows through" in notes[0]
    assert (wiped[own == 255] == wiped[own == 255].max()).all()  # the ghost is paper
    assert (wiped[own < 60] < 60).all()  # the page's own print kept


def test_a_page_without_show_through_is_left_as_it_was():
    own = _text_page(["特定個人情報ファイルの概要", "システム１", "①システムの名称"] * 4)
    wiped, notes = wipe_show_through(own, _glyph(own), 1)
    assert notes == [] and wiped is own
    # A faint copy (no black ink) is ``contrast``'s to stretch, not a ghost to wipe.
    faint = _text_page(["特定個人情報ファイルの概要"] * 8, tone=190)
    assert wipe_show_through(faint, _glyph(faint), 1)[1] == []


def test_a_date_whose_slashes_were_read_seven_takes_its_columns_slash():
    assert seven_repairs("2023703709") is None  # no slash printed: 7 is a digit
    assert seven_repairs("2023703709", column_slashes="/") == ({4: "/", 7: "/"}, False)
    rows = [
        RawRow({"change_date": [CellLine("2020/06/02", 1, 0)]}),
        RawRow({"change_date": [CellLine("2020706702", 1, 0)]}),
    ]
    assert repair_dates(rows) == 1
    assert rows[1].cells["change_date"][0].text == "2020/06/02"
    assert [(d.kind, d.field) for d in rows[1].doubts] == [("ocr_suspect", "change_date")]
    # A column of dotted dates lends no slash.
    dotted = [
        RawRow({"change_date": [CellLine("2020.6.2", 1, 0)]}),
        RawRow({"change_date": [CellLine("2020706702", 1, 0)]}),
    ]
    assert repair_dates(dotted) == 0


def test_show_through_samples_read_their_dates_and_cells():
    for case in sorted(p for p in SET73.iterdir() if p.is_dir()):
        _, got, expected = _read(case)
        assert len(got) == len(expected), case.name
        assert [g["change_date"] for g in got] == [e["change_date"] for e in expected], case.name
        right = sum(
            _same(g["before"], e["before"]) and _same(g["after"], e["after"])
            for g, e in zip(got, expected, strict=True)
        )
        assert right >= len(expected) - 1, case.name
