"""Widths in scans (issues 11 and 12, session 41): LibreOffice tables whose text cells print
numbers full width inside Japanese text (第１９条第８号, 令和５年１０月, 年１２回) beside Latin runs
printed half width in full-width brackets (（Ver.2.1）, LGWAN-ASP, 週1回), scanned at 200 and
300 dpi (samples/scan-ocr41, made by tools/make_ocr41_samples.py; held out:
samples/heldout-scan-ocr41, measured, never tuned on).

The records are read from the committed tesseract TSV (the boxes already set to their ink by
``widths.snap_to_ink``); one test runs tesseract itself on a committed scan."""

from __future__ import annotations

import sys
import unicodedata

import numpy as np
import pytest

from piatable.extract.ocr.engine import TsvWord
from piatable.extract.ocr.widths import _align_ink, normalize_widths, snap_to_ink
from piatable.normalize.brackets import unbalanced
from piatable.normalize.ocr_text import width_mix
from piatable.settings import OcrSettings

from .conftest import ROOT, SAMPLES, SIX
from .scan_widths import assert_rows_and_dates_read, flat, read_set, scan_cases, width_only_cells
from .test_scan_own_numbering import _warned, read_scan_folder

sys.path.insert(0, str(ROOT / "tools"))

INFORMATIONAL = ("ocr", "ocr_corrected", "row_continued", "merged_cell_filled", "item_key_fuzzy")
TUNING = SAMPLES / "scan-ocr41"
CASES = scan_cases(TUNING)


@pytest.fixture(scope="module")
def reads() -> dict[str, tuple[list[dict], list[dict]]]:
    return read_set(TUNING)


def test_the_set_is_there():
    assert len(CASES) == 6


def test_every_row_and_date_is_read(reads):
    assert_rows_and_dates_read(reads)


def test_brackets_round_a_latin_run_are_printed_full_width(reads):
    """（Ver.2.1）: the full-width bracket's ink stands in the right half of its em, far from
    the ム before it; the closing bracket, with no neighbour to measure, takes its opener's
    width.  The version inside stays half width.  Before: ``(Ver.2.1)`` in all six scans."""
    for name, (got, _) in reads.items():
        assert got[1]["before"] == "住民記録システム（Ver.2.1）", name
        assert got[1]["after"].splitlines()[0] == "住民記録システム（Ver.3.0）", name


def test_few_cells_are_wrong_in_their_widths_alone(reads):
    """Cells right but for the width of their characters: measured 1 of 288 (a Writer 年１２回
    whose line's boxes stray and whose ink band takes in the next line: read 年12回); before,
    the bracketed versions ((Ver.2.1)) and 年4回 for 年４回 too."""
    width_only = width_only_cells(reads)
    assert len(width_only) <= 1, width_only


def test_half_width_latin_stays_half_width(reads):
    """The Latin runs the tables print half width are never put full width; nor is the lone
    half-width digit of 週1回 in the Calc scans.  Writer sets white round a half-width digit
    between kanji, so there its pitch is a full-width one's (1.2–1.3 em against 1.1–1.2 for ４):
    the three Writer scans read 週１回 (left as a known limit)."""
    for name, (got, expected) in reads.items():
        halves = ("Ver.", "LGWAN-ASP", "週1回") if name.startswith("calc") else ("Ver.", "LGWAN-ASP")
        for g, e in zip(got, expected, strict=True):
            for f in ("before", "after"):
                for half in halves:
                    if half in e[f]:
                        full = unicodedata.normalize("NFKC", half).translate(
                            {c: c + 0xFEE0 for c in range(0x21, 0x7F)}
                        )
                        assert full not in (g[f] or ""), (name, g[f])


def test_right_rows_stay_quiet(reads):
    """Measured: of the rows read right, at most one is warned (a 二 read at confidence 91);
    the bracketed versions right now are not doubted for their mixed widths or brackets."""
    right = [
        g
        for got, expected in reads.values()
        for g, e in zip(got, expected, strict=True)
        if all(flat(g[f]) == flat(e[f]) for f in SIX)
    ]
    assert len(right) >= 38
    assert sum(map(_warned, right)) <= 2


# --------------------------------------------------------------------------- ink alignment


def _word(text: str, left: int, width: int) -> TsvWord:
    return TsvWord(text, left, 0, width, 20, 99.0, (1, 1, 1), 1)


def test_a_box_stretched_over_the_line_does_not_stop_the_alignment():
    """A Calc cell's 守 box read 171 pixels wide over 保守作業（年4回）: its centre is put
    between its neighbours', and every character gets its own ink."""
    em = 21.0
    words = [_word("保", 960, 21), _word("守", 983, 171), _word("作", 1011, 20), _word("4", 1040, 11)]
    starts, ends = [960, 984, 1008, 1044], [981, 1005, 1029, 1052]
    assert _align_ink(words, starts, ends, em) == list(zip(starts, ends, strict=True))


def test_letters_touching_share_their_run():
    """A Mincho ``Ve`` prints as one run of ink: the two letters share it, split evenly, and
    the line still aligns (before: None, the line kept tesseract's straying boxes)."""
    em = 23.0
    words = [_word("ム", 1191, 15), _word("(", 1224, 7), _word("V", 1234, 15), _word("e", 1242, 14)]
    starts, ends = [1191, 1224, 1234], [1208, 1230, 1258]
    spans = _align_ink(words, starts, ends, em)
    assert spans is not None
    assert spans[:2] == [(1191, 1208), (1224, 1230)]
    assert spans[2] == (1234, 1246) and spans[3] == (1246, 1258)


def test_japanese_characters_touching_still_do_not_align():
    """Only letters and digits share a run: two kanji in one run stay unaligned."""
    em = 20.0
    words = [_word("住", 0, 20), _word("民", 20, 20)]
    assert _align_ink(words, [0], [40], em) is None


def test_snapped_boxes_tell_a_full_width_bracket_before_a_latin_run():
    """From the ink: ム (ink to 1208), ( at 1224 (0.7 em of white: a full-width （ stands in
    the right half of its em), Ver.2.1 half width, ) after it takes the opener's width."""
    em = 23
    ink = np.zeros((30, 1400), dtype=bool)
    text = "住民ム(Ver.2.1)"
    xs = [(1145, 1164), (1168, 1187), (1191, 1208), (1224, 1230), (1234, 1246), (1250, 1258), (1260, 1266)]
    xs += [(1269, 1271), (1274, 1284), (1287, 1289), (1292, 1300), (1304, 1310)]
    for a, b in xs:
        ink[5:25, a:b] = True
    # tesseract's boxes, strayed as in the scan (住 over two characters)
    words = [_word(ch, a - 3, b - a) for ch, (a, b) in zip(text, xs, strict=True)]
    words[0] = _word("住", 1145, 42)
    snapped = snap_to_ink(words, ink, em)
    assert all(w.inked for w in snapped)
    out = "".join(w.text for w in normalize_widths(snapped, OcrSettings()))
    assert out == "住民ム（Ver.2.1）"


@pytest.mark.parametrize(
    ("text", "mix", "state"),
    [
        ("住民記録システム（Ver.2.1）", "", ""),
        ("管理策（ISO27001）", "", ""),
        ("１万人未満4）", "4）", "close"),
        ("（1．従事者", "（1", "open"),
    ],
)
def test_a_decimal_or_latin_run_in_brackets_is_no_numbering(text, mix, state):
    """（Ver.2.1）'s 1） is the end of a version, not a list's number in mixed widths."""
    assert width_mix(text) == mix
    assert unbalanced(text) == state


@pytest.mark.parametrize(
    ("line", "previous", "fixed"),
    [
        # ＜ read as two kana, the first of them one the ＜ of other titles reads as.
        ("べてガバメントクラウドにおける措置＞", None, "＜ガバメントクラウドにおける措置＞"),
        # (A lone katakana read for ＜, マ市町村ＣＳ…, and a title wrapped before its ＞ whose ＜ did
        # not read are not mended: the rules branch ocr41 wrote for them lowered the unseen set I's
        # scans, 90.5 → 89.8% at 300 dpi, and were taken out at the merge.)
        # A katakana word opening the name stays; a paragraph ending before the wrap gets no ＜.
        ("ガバメントクラウドにおける措置＞", None, "＜ガバメントクラウドにおける措置＞"),
        ("（変更なし）\nＣＳにおける措置＞", None, "（変更なし）\nＣＳにおける措置＞"),
        ("＜中間サーバーにおける措置＞", None, "＜中間サーバーにおける措置＞"),
    ],
)
def test_measure_titles_whose_opening_bracket_misread(line, previous, fixed):
    from piatable.extract.ocr.corrections import fix_marks

    assert fix_marks(line, previous) == fixed


def test_live_tesseract_reads_the_bracketed_version():
    """Real tesseract on a committed scan: the version's line is set to its ink and read
    ``（Ver.2.1）``."""
    from piatable.pipeline import extract_document

    res = extract_document(TUNING / "calc-mincho-200-t1" / "input.jpg")
    got = [r.to_dict() for r in res.records]
    _, expected = read_scan_folder(TUNING / "calc-mincho-200-t1")
    assert len(got) == len(expected)
    assert got[1]["before"] == "住民記録システム（Ver.2.1）"
