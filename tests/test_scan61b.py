"""Scans that came out wrong yet said success (issues 11 and 12, branch scan61b: set XXII's
t02.fax200x100.tif and t01.crease.pdf).

samples/office-scan61b (tools/make_scan61b_samples.py: LibreOffice Calc and Writer tables with a
cover page, rendered by pypdfium2, damaged with PIL; real tesseract):

* an OCR input most of whose rows are warned is ``partial`` with a note counting them
  (``garbage_rows.mostly_warned_note``): each row said so, the input said ``success``;
* a cover page the table's search did not scan (a scan of more than ``find_all_below`` pages)
  whose whole read lacks a fact is read through its ruled cells too (``cover_cells``): a crease
  across its box of facts cost the whole read the 評価書番号.
"""

from __future__ import annotations

import json

from piatable.extract.ocr.cover_cells import fill_from_cells
from piatable.extract.ocr.garbage_rows import is_warned, mostly_warned_note
from piatable.models import Record
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-scan61b"


def _record(k: int, flags: list[str], confidence: float) -> Record:
    return Record("s", k, 1, 1, None, "", "Ⅰ基本情報", [], "前", "後", "事後", "", flags, confidence)


def test_a_row_is_warned_by_a_doubt_or_a_low_confidence_not_by_an_informational_flag():
    assert not is_warned(_record(0, ["ocr", "ocr_corrected", "truncated:after"], 0.9))
    assert is_warned(_record(0, ["ocr", "ocr_suspect:item"], 0.9))
    assert is_warned(_record(0, ["ocr"], 0.3))


def test_most_rows_warned_is_noted_and_half_is_not():
    half = [_record(k, ["ocr", "row_split_guess"] if k < 2 else ["ocr"], 0.9) for k in range(4)]
    assert mostly_warned_note(half) is None
    most = [*half[:3], _record(3, ["ocr"], 0.2)]
    note = mostly_warned_note(most)
    assert note is not None and note.startswith("3 of 4 OCR rows are warned")
    assert mostly_warned_note([]) is None


def test_facts_the_whole_read_lacks_come_from_the_cells_read_with_their_doubts():
    whole = {
        "assessment_name": "住民基本台帳に関する事務",
        "doubt:published_raw": "公表日 printed, no value read for it",
    }
    cells = {
        "assessment_name": "別の名",
        "agency": "北山市長",
        "published": "2024-04-15",
        "published_raw": "令和６年４月１５日",
        "doubt:agency": "read at low confidence",
    }
    taken = fill_from_cells(whole, cells, ("assessment_number", "assessment_name", "agency", "published"))
    assert taken == ["agency", "published"]
    assert whole["assessment_name"] == "住民基本台帳に関する事務"  # the whole read's kept
    assert (whole["agency"], whole["published"], whole["published_raw"]) == (
        "北山市長",
        "2024-04-15",
        "令和６年４月１５日",
    )
    assert whole["doubt:agency"] == "read at low confidence" and "doubt:published_raw" not in whole


def test_a_date_read_without_its_day_is_not_taken():
    whole: dict[str, str] = {}
    cells = {"published": "2024-04-01", "published_raw": "令和６年4月1"}
    assert fill_from_cells(whole, cells, ("published",)) == []
    assert "published" not in whole


def test_a_scan_most_of_whose_rows_are_warned_is_partial_and_says_why():
    res = extract_document(SET / "s61b-crease-calc-t3" / "input.pdf")
    warned = sum(is_warned(r) for r in res.records)
    assert warned * 2 > len(res.records) >= 2
    assert res.status == "partial"
    assert any(n.startswith(f"{warned} of {len(res.records)} OCR rows are warned") for n in res.notes), (
        res.notes
    )
    # Its cover, creased through the labels, read neither whole nor by its cells: said so.
    assert not res.documents.get("agency")
    assert any(n.startswith("page 1: no cover read on it") for n in res.notes), res.notes


def test_a_creased_cover_not_scanned_for_the_table_is_read_through_its_cells():
    case = SET / "s61b-crease-calc-t4"
    facts = json.loads((case / "expected" / "documents.json").read_text("utf-8"))
    res = extract_document(case / "input.pdf")
    assert res.documents.get("assessment_number") == facts["assessment_number"]
    assert res.documents.get("agency") == facts["agency"]
    assert res.documents.get("published") == facts["published"]
    assert any("評価書番号 read from its ruled cells" in n for n in res.notes), res.notes
