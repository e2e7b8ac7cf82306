"""Scans that read wrongly without a word, or not at all (issues 11 and 12, branch ocr64: set XXV's
s12_t08_skew-noise.pdf, s01_t01_skew-noise.png, t08.pdf's outlined page and s05_t02_stamp.pdf).

* A date whose digit was misread still parses (2020-12-14 read 2025-12-14) but breaks the order
  of the dates around it: ``ocr_suspect:change_date`` (``date_order``).
* The forms' placeholders □□ / △△ read as 口口, ロロ or ＡＡ before a municipality's suffix are put
  back, or flagged where the document gives no evidence (``placeholder_reads``).
* A red stamp over the label row was read as rulings and ink: strongly coloured ink is made paper
  before the page is ruled and read (``colour_ink``); samples/office-ocr64's stamped Calc page
  (tools/make_ocr64_samples.py: LibreOffice, poppler, Pillow; real tesseract) reads its rows.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from PIL import Image

from piatable.extract.ocr.colour_ink import grey_without_colour
from piatable.extract.ocr.date_order import date_order_suspects, out_of_order
from piatable.extract.ocr.placeholder_reads import (
    mend_placeholder_reads,
    mend_square_reads,
    suspect_placeholder,
)
from piatable.extract.ocr.suspects import flag_suspects
from piatable.models import CellLine, RawRow
from piatable.pipeline import extract_document
from piatable.settings import Settings

from .conftest import SAMPLES

SET = SAMPLES / "office-ocr64"


def _row(**cells: str) -> RawRow:
    row = RawRow()
    for column, text in cells.items():
        row.cells[column] = [CellLine(line) for line in text.split("\n")]
    return row


def test_a_date_misread_between_older_and_newer_runs_is_in_doubt():
    """set XXV's s12: 2017-08-08 ×5, 2020-12-14 read 2025-12-14 ×2, 2023-01-24 ×6."""
    dates = ["2017-08-08"] * 5 + ["2025-12-14"] * 2 + ["2023-01-24"] * 6
    assert out_of_order(dates) == {5, 6}


def test_dates_in_either_order_are_quiet():
    rising = ["2017-08-08", "2017-08-08", "2019-04-01", None, "2021-06-20", "2023-01-24"]
    assert out_of_order(rising) == set()
    assert out_of_order(list(reversed(rising))) == set()
    assert out_of_order(["2020-01-01", "2021-01-01"]) == set()  # two runs set no order


def test_a_misread_end_run_is_flagged_and_its_neighbour_is_not():
    """The first run misread late (2025 for 2015) in a rising table: its neighbour 2018 steps
    against the table's way only because of it, and is not flagged."""
    assert out_of_order(["2025-01-01", "2018-01-01", "2019-01-01", "2020-01-01"]) == {0}
    assert out_of_order(["2020-01-01", "2019-01-01", "2018-01-01", "2025-01-01"]) == {3}


def test_an_implausible_date_takes_no_part_in_the_order():
    """set XXV's s02: 2621-06-26 (flagged date_implausible) between 2021 and 2022 rows: the
    2022 rows around it are right and stay quiet."""
    texts = ["2017/2/19", "2021/6/26", "2621/6/26", "2022/2/24", "2622/12/15"]
    assert date_order_suspects(texts) == set()


def test_flag_suspects_names_the_date_out_of_order():
    rows = [
        _row(change_date=d, item="Ⅰ基本情報", timing="事後")
        for d in ("令和元年８月８日", "令和７年12月14日", "令和５年１月24日")
    ]
    flag_suspects(rows)
    assert [[d.field for d in r.doubts if d.kind == "ocr_suspect"] for r in rows] == [[], ["change_date"], []]


def test_square_placeholders_read_as_kanji_or_katakana_are_put_back():
    assert mend_square_reads("〒１２３－４５６７ロロ村本町一丁目") == "〒１２３－４５６７□□村本町一丁目"
    assert mend_square_reads("年１回、「口口村情報セキュリティ") == "年１回、「□□村情報セキュリティ"
    assert mend_square_reads("窓口口座への振込") == "窓口口座への振込"  # words stay
    assert mend_square_reads("窓口ロ市") == "窓口ロ市"


def test_triangles_read_as_letters_are_put_back_only_on_the_documents_evidence():
    """s01: ＡＡ町健康福祉部 in a cell whose next line prints △△町本町."""
    rows = [_row(after="ＡＡ町健康福祉部保険年金課\n〒１２３－４５６７△△町本町一丁目")]
    assert mend_placeholder_reads(rows) == 1
    assert rows[0].cells["after"][0].text == "△△町健康福祉部保険年金課"
    alone = [_row(after="ＡＡ町健康福祉部保険年金課")]
    assert mend_placeholder_reads(alone) == 0
    assert suspect_placeholder("ＡＡ町健康福祉部保険年金課")
    assert not suspect_placeholder("Ａ市の住民")  # one letter anonymises a name


def test_red_ink_is_made_paper_and_black_ink_under_it_stays():
    rgb = np.full((60, 60, 3), 255, np.uint8)
    rgb[10:50, 10:14] = (200, 30, 30)  # a red stamp's side: no ruling
    rgb[30:33, 5:55] = (0, 0, 0)  # black text crossing it
    rgb[40:42, 20:50] = (90, 90, 90)  # grey ink
    grey, _ = grey_without_colour(Image.fromarray(rgb, "RGB"))
    assert grey[20, 11] >= 250
    assert grey[31, 11] <= 10
    assert grey[41, 30] == 90
    plain = np.asarray(Image.fromarray(rgb[:, 20:], "RGB").convert("L"))
    assert np.array_equal(grey_without_colour(Image.fromarray(rgb[:, 20:], "RGB"))[0], plain)


def _expected(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


def _input(case: str) -> Path:
    return next((SET / case).glob("input.*"))


def test_a_page_stamped_in_red_over_its_rulings_reads_its_rows():
    """Calc, 200 dpi, four red seals over the rulings (colour JPEG in a PDF): every row is read,
    with its date and 提出時期."""
    case = "oc64-stamp-calc200"
    doc = extract_document(_input(case), settings=Settings())
    truth = _expected(case)
    assert len(doc.records) == len(truth)
    assert [r.change_date for r in doc.records] == [t["change_date"] for t in truth]
    assert [r.timing for r in doc.records] == [t["timing"] for t in truth]
