"""Tables on presentation slides (LibreOffice Impress) and narrow Chromium tables: a date wrapped
or overflowed in its narrow 変更日 column, a placeholder (○○, －, 該当なし) in 変更前, slide titles
with a counter (issues 10 and 11, branch wrapdate54; samples/office-slides54 made by
tools/make_slides54_samples.py from real .pptx / .html files, real LibreOffice and Chromium PDFs
and real extractors' texts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine, RawRow
from piatable.normalize.glued_dates import unglue_dates
from piatable.normalize.placeholder_cells import mend_placeholder_before
from piatable.vocabulary import is_title

SET = Path(__file__).resolve().parent.parent / "samples" / "office-slides54"
WARNED_BELOW = 0.5


def _read(case: str) -> tuple[list[dict], list[dict]]:
    folder = SET / case
    input_path = next(folder.glob("input.*"))
    got = [r.to_dict() for r in extract_document(input_path).records]
    return got, json.loads((folder / "expected" / "records.json").read_text("utf-8"))


def test_pdfplumber_joins_a_date_broken_before_its_separator():
    """Impress broke ``2022/10/17`` as ``2022/10`` over ``/17``; pdfplumber printed the ``/17``
    before the item's second line.  Each row has its whole date and the item no ``/17``."""
    text = (SET / "s54-impress-1-pdfplumber" / "input.txt").read_text("utf-8")
    assert "\n/17 " in text
    got, expected = _read("s54-impress-1-pdfplumber")
    assert [g["change_date"] for g in got] == [e["change_date"] for e in expected]
    assert all("/17" not in g["item"] for g in got)


@pytest.mark.parametrize("family", ["pypdf", "pdftotext-raw", "pymupdf"])
def test_a_date_overflowed_into_the_item_is_parted_from_it(family):
    """Chromium does not break ``2019.5.1`` in a 12 mm column: the date runs into the item and
    the texts print ``2019.5.1Ⅰ基本情報``.  Every row keeps its date, the item opens with Ⅰ…Ⅳ."""
    got, expected = _read(f"s54-chromium-6-{family}")
    assert len(got) == len(expected)
    assert [g["change_date"] for g in got] == [e["change_date"] for e in expected]
    assert all(g["item"][0] in "ⅠⅡⅢⅣⅤⅥ" for g in got)


def test_an_overflowed_date_interleaved_with_the_item_is_noted():
    """pypdfium2 interleaves the last row's overflowed ``.17`` with the item's characters
    (``2022.10Ⅳ.1そ7 の他のリス``): the first five rows are read whole, the lost one is noted."""
    res = extract_document(SET / "s54-chromium-6-pypdfium2" / "input.txt")
    got = [r.to_dict() for r in res.records]
    _, expected = _read("s54-chromium-6")
    assert [g["change_date"] for g in got[:4]] == [e["change_date"] for e in expected[:4]]
    assert len(got) < len(expected) and res.status == "partial" and res.notes


def test_an_overflowed_date_is_parted_and_a_date_in_a_sentence_left():
    text = "2019.5.1Ⅰ基本情報\n令和2年4月1日から施行\nR6.11.1（別紙１）事務の流れ"
    parted, n = unglue_dates(text)
    assert n == 2
    assert parted.split("\n") == [
        "2019.5.1 Ⅰ基本情報",
        "令和2年4月1日から施行",
        "R6.11.1 （別紙１）事務の流れ",
    ]


@pytest.mark.parametrize("family", ["pdftotext-raw", "pypdfium2", "pypdf"])
def test_a_placeholder_stays_in_its_column(family):
    """``○○ ・個人番号の入力時には…`` and ``○○ 令和 3 年 4 月 1 日 時点``: the placeholder is the
    before cell, the rest the after cell's, and the row says its cut was guessed."""
    got, expected = _read(f"s54-impress-3-{family}")
    for k in (1, 5):
        assert got[k]["before"] == expected[k]["before"] == "○○"
        # (the after cell's soft wraps may stay: its first line was measured with the placeholder)
        assert "".join(got[k]["after"].split()) == "".join(expected[k]["after"].split())
        assert got[k]["confidence"] < WARNED_BELOW or got[k]["flags"]


def test_a_placeholder_alone_on_its_line_goes_to_before():
    """PyMuPDF prints ``該当なし`` on a line of its own above the after cell's first line."""
    got, expected = _read("s54-impress-4-pymupdf")
    assert got[0]["before"] == expected[0]["before"] == "該当なし"
    assert not got[0]["after"].startswith("該当なし")


def _row(before: list[str], after: list[str]) -> RawRow:
    row = RawRow()
    row.cells["item"] = [CellLine("Ⅱ特定個人情報ファイルの概要", 1, 1)]
    row.cells["before"] = [CellLine(t, 1, 2 + i) for i, t in enumerate(before)]
    row.cells["after"] = [CellLine(t, 1, 2 + i) for i, t in enumerate(after)]
    return row


def test_placeholder_marks_before_a_name_stay():
    """A run of ○ stands in for a name too (``○○ 情報システム株式会社``): not parted before words
    that go on with it, parted before a bullet; a dash is parted before anything."""
    row = _row([], ["○○ 情報システム株式会社"])
    mend_placeholder_before(row)
    assert [c.text for c in row.cells["after"]] == ["○○ 情報システム株式会社"] and not row.doubts
    row = _row([], ["○○ ・窓口で確認する。"])
    mend_placeholder_before(row)
    assert [c.text for c in row.cells["before"]] == ["○○"]
    assert [c.text for c in row.cells["after"]] == ["・窓口で確認する。"]
    assert row.doubts and row.doubts[0].kind == "cut_guess"
    row = _row(["－ 国保年金課長"], ["事後"])
    mend_placeholder_before(row)
    assert [c.text for c in row.cells["before"]] == ["－"]


def test_slide_titles_with_a_counter_are_titles():
    assert (
        is_title("変更箇所（2/3）")
        and is_title("変更箇所（ 2/3 ）")
        and is_title("（別添３）変更箇所（続き）")
    )
    assert not is_title("変更箇所について")
    got, _ = _read("s54-impress-2")
    assert not any(
        "変更箇所" in (g[f] or "") for g in got for f in ("item", "before", "after", "explanation")
    )


def test_the_pdf_grid_puts_a_spilt_date_piece_back():
    """In the PDF, ``2019.5.1`` runs over the 変更日 column's ruling: the grid cut it as ``2019.5``
    and ``.1Ⅰ基本情報``.  The rows whose piece is whole (not interleaved) get their date back and
    an item that opens with its section numeral."""
    got, expected = _read("s54-chromium-6")
    assert len(got) == len(expected)
    for g, e in list(zip(got, expected, strict=True))[:5]:
        assert (g["change_date"], g["change_date_raw"]) == (e["change_date"], e["change_date_raw"])
        assert g["item"] == e["item"]
