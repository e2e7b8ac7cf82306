"""The grid reconstruction on real generated PDFs: columns and rows from rulings, from the labels
and dates when rulings are missing, OCR-like word input, wrap verdicts, layout text."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from piatable.extract.pdf import pdfium_page_to_words, scan_pages, table_pages
from piatable.extract.text import read_text, text_to_pages
from piatable.models import PageWords, Word
from piatable.normalize.grid.rows import layout_pages_to_rows, pages_to_rows
from piatable.normalize.records import rows_to_records
from piatable.settings import Settings

from .conftest import SAMPLES, load_expected

FIELDS = ("change_date_raw", "item", "before", "after", "timing", "explanation")
_WS = re.compile(r"\s+")


def _pages(case: str) -> list[PageWords]:
    doc = pdfium.PdfDocument(str(SAMPLES / "pdf" / case / "input.pdf"))
    try:
        out = []
        for n in table_pages(scan_pages(doc)):
            page = doc[n - 1]
            out.append(pdfium_page_to_words(page, n)[0])
            page.close()
        return out
    finally:
        doc.close()


def _records(pages: list[PageWords], settings: Settings | None = None) -> list[dict]:
    settings = settings or Settings()
    grid = pages_to_rows(pages, settings)
    return [r.to_dict() for r in rows_to_records(grid.rows, "t", settings)]


def _assert_same_text(case: str, got: list[dict]) -> None:
    expected = load_expected(f"pdf/{case}")
    assert len(got) == len(expected)
    for e, g in zip(expected, got, strict=True):
        for f in FIELDS:
            assert _WS.sub("", g[f] or "") == _WS.sub("", e[f] or ""), (e["row_index"], f)


def _without(pages: list[PageWords], keep) -> list[PageWords]:  # type: ignore[no-untyped-def]
    return [
        PageWords(p.page, p.width, p.height, p.unit, p.source, p.words, [r for r in p.rulings if keep(r)])
        for p in pages
    ]


def test_rulings_give_every_cell():
    pages = _pages("excel-large-bottom")
    grid = pages_to_rows(pages, Settings())
    assert grid.unplaced == 0
    _assert_same_text("excel-large-bottom", _records(pages))


@pytest.mark.parametrize("case", ["word-seed", "excel-small-top"])
def test_columns_from_labels_and_rows_from_dates_without_rulings(case):
    """No ruling at all: columns from the label row and the body's gaps, rows from the dates
    (top-aligned cells), the row continued on the next page still merged."""
    pages = _without(_pages(case), lambda r: False)
    _assert_same_text(case, _records(pages))


def test_rows_from_dates_when_only_vertical_rulings():
    pages = _without(_pages("word-seed"), lambda r: abs(r[2] - r[0]) < 1)
    _assert_same_text("word-seed", _records(pages))


def test_merged_cells_are_filled_into_every_row():
    pages = _pages("excel-seed")
    grid = pages_to_rows(pages, Settings())
    merged = [k for k, r in enumerate(grid.rows) if "merged_cell_filled" in r.flags]
    # The generator merges the date, timing and explanation of rows sharing them (0-1, 2-4, ...).
    assert {0, 1, 2, 3, 4} <= set(merged)
    assert grid.rows[0].text_of("change_date") == grid.rows[1].text_of("change_date") == "2023/2/6"
    assert grid.rows[3].text_of("timing") == "事後"


def test_ocr_like_words_and_missing_spaces():
    """Words as tesseract gives them (one per Japanese character, whole half-width words, no
    space characters): spaces come back only between half-width words."""
    pages = []
    for p in _pages("excel-ascii"):
        words: list[Word] = []
        for w in sorted(p.words, key=lambda w: (round(w.top), w.x0)):
            if w.text == " ":
                continue
            prev = words[-1] if words else None
            if (
                prev
                and w.text.isascii()
                and prev.text[-1].isascii()
                and abs(prev.top - w.top) < 1
                and w.x0 - prev.x1 < 0.5
            ):
                words[-1] = Word(
                    prev.text + w.text, prev.page, prev.x0, w.x1, prev.top, prev.bottom, "ocr", 90.0
                )
            else:
                words.append(Word(w.text, w.page, w.x0, w.x1, w.top, w.bottom, "ocr", 90.0))
        pages.append(PageWords(p.page, p.width, p.height, "pt", "ocr", words, p.rulings))
    got = _records(pages)
    assert "LGWAN-ASP service (ID and password) ver.2.1" in got[0]["after"]
    assert " " not in got[0]["item"]


def test_wrap_verdicts_follow_the_geometry():
    grid = pages_to_rows(_pages("excel-seed"), Settings())
    item = grid.rows[2].cells["item"]
    texts = [cl.text for cl in item]
    # "Ⅱ特定個人情報ファイルの概" is cut by the column edge; "要" ends its paragraph.
    k = texts.index("要")
    assert item[k - 1].wraps is True
    assert item[k].wraps is False
    # The last line of a clipped cell touches the cell's bottom.
    after = grid.rows[6].cells["after"]
    assert after[-1].reaches_bottom


def test_header_rows_and_page_furniture_are_not_rows():
    grid = pages_to_rows(_pages("word-seed"), Settings())
    texts = [r.text_of("item") + r.text_of("change_date") for r in grid.rows]
    assert not any("項目" == t or t.startswith("変更日") for t in texts)
    assert not any("変更箇所" in r.text_of("item") for r in grid.rows)


@pytest.mark.parametrize("case", ["word-seed", "excel-small-top", "excel-large-bottom"])
def test_layout_text_rows(case):
    """``pdftotext -layout`` text: columns from character offsets, rows from dates."""
    path = SAMPLES / "extractors" / f"{case}-pdftotext-layout" / "input.txt"
    pages = text_to_pages(read_text(Path(path)))
    settings = Settings()
    grid = layout_pages_to_rows(pages, settings)
    got = [r.to_dict() for r in rows_to_records(grid.rows, "t", settings)]
    _assert_same_text(case, got)


def test_labels_spread_over_their_cells_are_found():
    """均等割り付け: 変　更　日 printed with its characters spread over the header cell."""
    from piatable.normalize.grid.labels import find_header
    from piatable.normalize.grid.lines import ems, words_to_lines

    pages = _pages("excel-filled-borders")
    hx, hy = ems(pages)
    lines = words_to_lines(pages[0].words, hx, hy, Settings().grid)
    header = find_header(lines, hx, hy, Settings().grid)
    assert header is not None
    assert sorted(header.labels) == [0, 1, 2, 3, 4, 5]
    xs = [header.labels[k][0] for k in range(6)]
    assert xs == sorted(xs)


def test_a_column_of_short_lines_has_no_full_line(tmp_path):
    """Short entries (紙 / その他（住基ネット） / 電子記録媒体) never reach the cell's edge: the
    longest of them is no full line, and each stays a paragraph."""
    import sys

    from .conftest import ROOT

    sys.path.insert(0, str(ROOT / "tools"))
    import make_pdfs

    truth = [dict(r) for r in load_expected("seed")[:6]]
    for r in truth:
        r["before"] = "紙\nその他（住基ネット）\n電子記録媒体"
        r["after"] = "紙\nその他（住基ネット、サービス検索）\n電話"
    style = make_pdfs.cases([("seed", truth)])["excel-small-top"][1]
    pdf = tmp_path / "choices.pdf"
    expected = make_pdfs.render_pdf(pdf, truth, style)
    from piatable.pipeline import extract_document

    got = [r.to_dict() for r in extract_document(pdf).records]
    for e, g in zip(expected, got, strict=True):
        assert g["before"] == e["before"]
        assert g["after"] == e["after"]


def _cell(text: str, page: int, top: float, bottom_reached: bool = False) -> list:
    from piatable.normalize.grid.lines import Line

    w = Word(text, page, 10.0, 10.0 + 9 * len(text), top, top + 9, "pdf")
    return [Line([w], text, w.x0, w.x1, w.top, w.bottom, page, None, None, reaches_bottom=bottom_reached)]


def _joined(prev_reaches_bottom: bool, date_rest: str = "") -> list:
    from piatable.normalize.grid import rows as grid_rows

    rows: list = []
    first = {
        0: _cell("令和３年９月" if date_rest else "令和３年９月１日", 1, 500),
        1: _cell("Ⅰ基本情報", 1, 500),
        2: _cell("変更前の文", 1, 500, prev_reaches_bottom),
        4: _cell("事後", 1, 500),
    }
    grid_rows._take_row(rows, first, False, 1, {"first": True, "leading": True})
    rows[0].ruled = True
    top = {1: _cell("６．情報連携", 2, 60), 2: _cell("の続き", 2, 60)}
    if date_rest:
        top[0] = _cell(date_rest, 2, 60)
    grid_rows._take_row(rows, top, False, 2, {"first": True, "leading": True})
    return rows


def test_a_row_broken_by_a_page_break_is_joined_and_an_unsure_join_is_in_doubt():
    # A cell of the row above runs to the foot of page 1: the top of page 2 continues it.
    (row,) = _joined(prev_reaches_bottom=True)
    assert (row.page_start, row.page_end) == (1, 2) and "row_continued" in row.flags
    assert row.doubt is None
    # Nothing ran to the foot of the page: joined, but in doubt (row_split_guess).
    (row,) = _joined(prev_reaches_bottom=False)
    assert row.doubt and "page 2" in row.doubt
    # The page break fell inside the date: its rest is no date of its own, and the join is sure.
    (row,) = _joined(prev_reaches_bottom=False, date_rest="１日")
    assert "".join(ln.text for ln in row.cells[0]) == "令和３年９月１日"
    assert row.doubt is None
    # A real date at the top of page 2 starts a row of its own.
    rows = _joined(prev_reaches_bottom=True, date_rest="令和４年４月１日")
    assert len(rows) == 2


def _top_row(unsure: tuple[int, ...], timing: str = "", explanation: str = "") -> list:
    """Row 1 on page 1 (事後, its explanation), then page 2's first row with its own date and
    item, its 提出時期 and explanation as given, read with ``unsure`` columns."""
    from piatable.normalize.grid import rows as grid_rows

    rows: list = []
    first = {
        0: _cell("令和３年９月１日", 1, 500),
        1: _cell("Ⅰ基本情報", 1, 500),
        4: _cell("事後", 1, 500),
        5: _cell("組織改正による修正", 1, 500),
    }
    grid_rows._take_row(rows, first, False, 1, {"first": True, "leading": True})
    top = {0: _cell("令和４年４月１日", 2, 60), 1: _cell("Ⅱ特定個人情報ファイルの概要", 2, 60)}
    if timing:
        top[4] = _cell(timing, 2, 60)
    if explanation:
        top[5] = _cell(explanation, 2, 60)
    grid_rows._take_row(rows, top, False, 2, {"first": True, "leading": True}, (), unsure)
    return rows


def test_an_empty_timing_under_a_page_break_takes_the_merged_value_in_doubt():
    """Issue 11 (scans): a 提出時期 / explanation merged over a page break prints its text on the
    page before; a part one row high under the next page's labels looks like any cell, so the
    page's first row takes the value above, flagged and in doubt."""
    rows = _top_row(unsure=(4, 5))
    assert len(rows) == 2
    got = rows[1]
    assert "".join(ln.text for ln in got.cells[4]) == "事後"
    assert "".join(ln.text for ln in got.cells[5]) == "組織改正による修正"
    assert "merged_cell_filled" in got.flags and got.doubt and "page 2" in got.doubt
    # Its own 提出時期 printed: nothing is taken, its empty explanation stays empty.
    got = _top_row(unsure=(4, 5), timing="事前")[1]
    assert 5 not in got.cells and got.doubt is None and "merged_cell_filled" not in got.flags
    # An explanation of its own is kept; the 提出時期 is still taken.
    got = _top_row(unsure=(4, 5), explanation="自分の説明")[1]
    assert "".join(ln.text for ln in got.cells[5]) == "自分の説明"
    assert "".join(ln.text for ln in got.cells[4]) == "事後" and got.doubt
    # Not one row high at the top of a page (``unsure`` empty): left as printed.
    got = _top_row(unsure=())[1]
    assert 4 not in got.cells and got.doubt is None


def test_a_label_row_read_with_ocr_marks_is_a_header_row():
    """Issue 11 (scans): OCR reads specks round the labels (変更日. / ：変更前の記載) and misreads a
    letter (提出時基), and a narrow cell wraps a label (変更前の / 記載): still the label row."""
    from piatable.normalize.grid.labels import is_header_row

    noisy = ["変更日.", "項目", "：変更前の記載", "変更後の\n記載", "提出時基", "。提出時期に係る説明"]
    cells = {c: [ln for part in t.split("\n") for ln in _cell(part, 1, 60)] for c, t in enumerate(noisy)}
    assert is_header_row(cells)
    body = ["令和３年４月１日", "Ⅰ基本情報", "市民課", "市民窓口課", "事後", "組織改正による修正"]
    assert not is_header_row({c: _cell(t, 1, 60) for c, t in enumerate(body)})


def _label_page(header_ruled: bool) -> PageWords:
    """OCR words of a ruled page whose before / after labels wrap over three and two lines in
    narrow cells (変更 / 前の / 記載, 変更 / 後の記載); the ruling under the label row is seen
    in every column, or (a faint line in a scan) only under the date, item, timing and
    explanation columns."""

    def w(t: str, x: float, y: float) -> Word:
        return Word(t, 1, x, x + 9.0 * len(t), y, y + 9.0, "ocr", 90.0)

    words = [
        *(w(t, x, 100) for t, x in [("変更日", 10), ("項目", 70), ("変更", 150), ("変更", 250)]),
        w("提出時期", 345, 100),
        w("提出時期に係る説明", 415, 100),
        w("前の", 150, 111),
        w("後の記載", 250, 111),
        w("記載", 150, 122),
        *(w(t, x, 140) for t, x in [("令和2年4月1日", 5), ("Ⅰ基本情報", 60), ("住民基本台帳", 145)]),
        *(w(t, x, 140) for t, x in [("住民基本台帳法", 245), ("事後", 350), ("修正", 415)]),
        *(w(t, x, 170) for t, x in [("令和3年4月1日", 5), ("Ⅱ概要", 60), ("市民課", 145)]),
        *(w(t, x, 170) for t, x in [("市民窓口課", 245), ("事前", 350), ("変更", 415)]),
    ]
    xs = [0, 55, 140, 240, 340, 410, 520]
    rulings = [(x, 95.0, x, 190.0) for x in xs]
    rulings += [(0, 95, 520, 95), (0, 190, 520, 190), (0, 165, 520, 165)]
    under = [(0, 135, 520, 135)] if header_ruled else [(0, 135, 140, 135), (340, 135, 520, 135)]
    return PageWords(1, 600, 800, "pt", "ocr", words, [*rulings, *under])


@pytest.mark.parametrize("header_ruled", [True, False])
def test_wrapped_labels_stay_in_the_label_row(header_ruled):
    """Issue 11 (scans): labels wrapped in narrow header cells are the header; where the ruling
    under the label row was not seen in their columns, the first row does not take them as a
    merged cell's text (before: 変更 / 前の / 記載 / 住民基本台帳…)."""
    grid = pages_to_rows([_label_page(header_ruled)], Settings())
    got = [{k: "".join(ln.text for ln in v) for k, v in r.cells.items()} for r in grid.rows]
    assert [(g["before"], g["after"]) for g in got] == [
        ("住民基本台帳", "住民基本台帳法"),
        ("市民課", "市民窓口課"),
    ]
    assert all("merged_cell_filled" not in r.flags for r in grid.rows)
