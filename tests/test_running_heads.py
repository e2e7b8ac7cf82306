"""Printed page breaks of Calc tables with a page header and a page-number footer (issues 10 /
12, branch pages51; normalize/running_heads.py, page_marks.py, hygiene._PASS_ONE_LINE,
region._label_rest_then_cell).

samples/office-pages51 (tools/make_pages51_samples.py, LibreOffice Calc over 2-3 pages, the
sheet's page header and footer): before these rules the header line (its 評価書名) opening each
page of ``pdftotext -raw`` / pypdfium2 text was read as the page's first one-line cells (a
phantom row, every later date and timing of the page a row off, no flag), and in ``pdftotext
-layout -nopgbrk`` text it was appended to the last row of the page before."""

from __future__ import annotations

import json

import pytest

from piatable.normalize.hygiene import collapse_overprint
from piatable.normalize.page_marks import mark_page_breaks
from piatable.normalize.running_heads import head_key, strip_running_heads
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-pages51"
FIELDS = ("change_date_raw", "item", "before", "after", "timing", "explanation")


def _squash(v: object) -> str:
    return "".join(str(v or "").split())


def _case(name: str) -> tuple[list[dict], list[dict], dict, str]:
    folder = SET / name
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    res = extract_document(folder / "input.txt")
    manifest = json.loads((SET / "cases.json").read_text("utf-8"))
    head = manifest[name.split("-pdftotext")[0].split("-pypdfium2")[0]]["page_header"]
    return [r.to_dict() for r in res.records], expected, {"notes": res.notes, "status": res.status}, head


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pypdfium2"])
def test_raw_page_header_is_furniture_and_dates_stay_with_their_rows(tool: str) -> None:
    got, expected, doc, head = _case(f"p51-calc-1-{tool}")
    assert len(got) == len(expected) == 15
    # The header is in no cell, and the note quotes it.
    assert not any(_squash(head) in _squash(r[f]) for r in got for f in FIELDS)
    # Said by running_heads, or by page_edges (session 55), which reads page edges first.
    assert any(
        ("page-header lines" in n and "at the top of each page" in n) or "page-header / footer lines" in n
        for n in doc["notes"]
    )
    # Every row keeps its own date and timing over both page breaks.
    assert [(r["change_date_raw"], r["timing"]) for r in got] == [
        (e["change_date_raw"], e["timing"]) for e in expected
    ]


def test_raw_rows_sharing_date_and_timing_are_no_overprinted_copies() -> None:
    """p51-calc-4: four rows open with ``2018/07/01 事前`` in pass 1; they were collapsed as
    bold over-printing and the page's rows took the next rows' dates, with no flag."""
    text = (SET / "p51-calc-4-pdftotext-raw" / "input.txt").read_text("utf-8")
    assert text.count("2018/07/01 事前\n") == 4
    assert collapse_overprint(text)[0] == text
    got, expected, _, _ = _case("p51-calc-4-pdftotext-raw")
    assert [r["change_date_raw"] for r in got] == [e["change_date_raw"] for e in expected]
    assert [r["timing"] for r in got] == [e["timing"] for e in expected]


def test_pypdfium2_label_rest_glued_to_the_first_date_or_item() -> None:
    """p51-calc-4 pypdfium2: ``… 提出時`` / ``期 2017/04/01 事後`` (page 2) and ``提出時`` / ``期 Ⅱ特定
    個人情報…`` (page 1): the label's 期 is cut off, no phantom rows, no cell opens with 期."""
    text = (SET / "p51-calc-4-pypdfium2" / "input.txt").read_text("utf-8")
    assert "\n期 2017/04/01 事後" in text and "\n期 Ⅱ" in text
    got, expected, _, _ = _case("p51-calc-4-pypdfium2")
    assert len(got) == len(expected)
    assert not any(str(r[f] or "").startswith("期 ") for r in got for f in FIELDS)
    assert [r["change_date_raw"] for r in got] == [e["change_date_raw"] for e in expected]


def test_nopgbrk_page_opens_at_its_header() -> None:
    """-layout -nopgbrk: each page break is put before the header line (one break per page,
    not one at the page number and one at the label row), and no cell holds the header."""
    text = (SET / "p51-calc-1-pdftotext-layout-nopgbrk" / "input.txt").read_text("utf-8")
    marked, breaks = mark_page_breaks(text)
    assert breaks == 2
    pages = marked.split("\f")
    head = next(ln for ln in pages[0].split("\n") if ln.strip())
    assert all(head_key(p.split("\n")[0]) == head_key(head) for p in pages[1:])
    got, expected, _, head = _case("p51-calc-1-pdftotext-layout-nopgbrk")
    assert len(got) == len(expected)
    assert not any(_squash(head) in _squash(r[f]) for r in got for f in FIELDS)
    layout, _, _, _ = _case("p51-calc-1-pdftotext-layout")
    assert [[r[f] for f in FIELDS] for r in got] == [[r[f] for f in FIELDS] for r in layout]


def test_a_repeated_first_line_that_could_be_table_text_stays() -> None:
    """Pages whose first lines repeat but hold a date and timing (pass 1 of rows sharing them),
    a section heading or a label piece are no running head."""
    pages = ["2024/2/1 事前\nⅡ 特定個人情報\nabc", "2024/2/1 事前\nⅡ 特定個人情報\nxyz"]
    assert strip_running_heads("\f".join(pages)) == ("\f".join(pages), [])
    pages = ["Ⅰ 基本情報\nabc", "Ⅰ 基本情報\nxyz"]
    assert strip_running_heads("\f".join(pages))[1] == []
    # A head on only one page of three is none either.
    pages = ["ある事務の評価書\n1/3\nabc", "def\n2/3", "ghi\n3/3"]
    assert strip_running_heads("\f".join(pages))[1] == []
    # On each page, after its page number: removed, noted.
    pages = ["1/2\nある事務の評価書\nabc", "2/2\nある事務の評価書\ndef"]
    text, notes = strip_running_heads("\f".join(pages))
    assert text == "1/2\nabc\f2/2\ndef" and len(notes) == 1 and "2 page-header lines" in notes[0]


def test_layout_page_header_lines_are_blanked_and_noted() -> None:
    """-layout text (form feeds kept): the head's lines are blanked, the page's line count kept
    (its geometry), and the document says so; the cells are those of the PDF."""
    pages = ["   ある事務の評価書\n変更日  項目\nabc", "   ある事務の評価書\n変更日  項目\ndef"]
    text, notes = strip_running_heads("\f".join(pages), blank=True)
    assert text == "\n変更日  項目\nabc\f\n変更日  項目\ndef"
    assert notes and "'ある事務の評価書'" in notes[0]
    got, expected, doc, head = _case("p51-calc-1-pdftotext-layout")
    assert any(
        ("page-header lines" in n or "page-header / footer lines" in n) and head.split()[0] in n
        for n in doc["notes"]
    )
    assert [r["change_date_raw"] for r in got] == [e["change_date_raw"] for e in expected]
    assert not any(_squash(head) in _squash(r[f]) for r in got for f in FIELDS)


def test_a_header_of_two_lines_is_taken_whole() -> None:
    """A header printed on two lines (left and right parts, or a name over a date) repeats both
    at each page's top: both are furniture, the label row under them is no head."""
    pages = [
        "ある事務の評価書\n○○市 評価実施機関\n1/2\n（別添２）変更箇所\n変更日 項目 変更前の記載\nabc",
        "ある事務の評価書\n○○市 評価実施機関\n2/2\n変更日 項目 変更前の記載\ndef",
    ]
    text, notes = strip_running_heads("\f".join(pages))
    assert (
        text == "1/2\n（別添２）変更箇所\n変更日 項目 変更前の記載\nabc\f2/2\n変更日 項目 変更前の記載\ndef"
    )
    assert notes == [
        "4 page-header lines printed at the top of each page ('ある事務の評価書 / ○○市 評価実施機関') were"
        " read as page furniture and left out of the rows"
    ]
