"""Inputs that gave nothing (issues 10 / 11, branch strips56: set XVII kinds 10, 11, 12).

samples/office-strips56 (tools/make_strips56_samples.py, LibreOffice Calc and Writer, poppler):

* Calc sheets too wide for the page print 提出時期 / 説明 (and 変更後) on pages of their own, in
  both page orders, with and without the label row repeated: each such page is joined to the
  page of the same rows (``normalize/column_strips.py``);
* ``pdftotext -layout -enc Shift-JIS`` bytes (no ASCII, U+3000 column gaps) are read as the
  layout text they are (``extract/poppler_sjis.py``);
* pdftohtml's XML text boxes joined by two spaces get a note (``extract/joined_boxes.py``).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from piatable.extract.joined_boxes import JOINED_BOXES_NOTE, joined_boxes_note
from piatable.extract.pdf import read_pdf
from piatable.extract.poppler_sjis import FORMS_FLAG, SJIS_NOTE_OPENING, is_poppler_sjis, undo_poppler_sjis
from piatable.normalize.column_strips import DOUBT_FLAG, join_column_strips
from piatable.normalize.page_furniture import drop_page_furniture
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-strips56"
CELLS = ("change_date", "item", "before", "after", "timing", "explanation")


def _expected(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def _rows(records) -> list[list[str]]:
    return [[_squash(getattr(r, k)) for k in CELLS] for r in records]


@pytest.mark.parametrize("case", ["s56-calc-down", "s56-calc-over", "s56-calc-nohead"])
def test_a_sheet_printed_in_column_strips_reads_whole_rows(case):
    """down: pages 1-2 hold 変更日…変更前 of the rows, pages 3-4 変更後 / 提出時期 / 説明 of the same
    rows; over: the strips alternate; nohead: only the first page of each strip prints labels.
    Every row reads as printed, and a note names the pages joined."""
    result = extract_document(SET / case / "input.pdf")
    assert _rows(result.records) == [[_squash(e[k]) for k in CELLS] for e in _expected(case)]
    assert any("print the last columns" in n and "joined" in n for n in result.notes)
    assert not any(DOUBT_FLAG in r.flags for r in result.records)


def test_a_sheet_fitted_to_the_page_is_not_joined():
    result = extract_document(SET / "s56-calc-fit" / "input.pdf")
    assert len(result.records) == len(_expected("s56-calc-fit"))
    assert not any("print the last columns" in n for n in result.notes)


def _strip_pages():
    reading = read_pdf(SET / "s56-calc-down" / "input.pdf")
    drop_page_furniture(reading.pages)
    return reading.pages


def test_strip_rows_printed_lower_are_moved_onto_their_rows():
    """The last strip's rows printed 30 pt lower (a title row on its pages only): its words land
    on the rows whose rulings pair with theirs, in order."""
    pages = _strip_pages()
    strip = pages[2]
    before = {id(w): w.top for w in strip.words}
    for w in strip.words:
        w.top += 30
        w.bottom += 30
    strip.rulings = [(x0, t + 30, x1, b + 30) for x0, t, x1, b in strip.rulings]
    joined, _notes, flags = join_column_strips(pages)
    assert len(joined) == 2 and not flags
    moved = [w for w in joined[0].words if id(w) in before]
    assert moved and all(abs(w.top - before[id(w)]) < 0.5 for w in moved)


def test_strip_rows_that_do_not_pair_are_flagged():
    """A row ruling of the last strip's first page lost: its rows cannot be paired one for one,
    the join says so and its rows are flagged."""
    pages = _strip_pages()
    strip = pages[2]
    across = [r for r in strip.rulings if r[2] - r[0] > r[3] - r[1]]
    middle = sorted(across, key=lambda r: r[1])[len(across) // 2]
    strip.rulings = [r for r in strip.rulings if abs(r[1] - middle[1]) > 1]
    _joined, notes, flags = join_column_strips(pages)
    assert flags == {1: DOUBT_FLAG}
    assert any(n.startswith("page 3: its rows' rulings") for n in notes)


SJIS_CASES = ["s56-calc-fit", "s56-writer-table"]


@pytest.mark.parametrize("case", SJIS_CASES)
def test_poppler_shift_jis_layout_text_is_read_as_layout_text(case):
    """poppler's Shift-JIS text of a Calc and a Writer table: every row found, its dates, timings
    and section numerals (printed ＩＩ by poppler) read, the note says how it was read, and the
    rows holding full-width letters or digits are flagged (their width cannot be told)."""
    path = SET / f"{case}-pdftotext-layout-sjis" / "input.txt"
    assert is_poppler_sjis(path.read_bytes().decode("cp932"))
    result = extract_document(path)
    want = _expected(case)
    assert [r.change_date for r in result.records] == [e["change_date"] for e in want]
    assert [r.timing for r in result.records] == [e["timing"] for e in want]
    assert [r.item_section for r in result.records] == [e["item"][0] for e in want]
    assert any(n.startswith(SJIS_NOTE_OPENING) for n in result.notes)
    for r in result.records:
        wide = re.search(r"[０-９Ａ-Ｚａ-ｚ［］]", r.item + r.before + r.after + r.explanation) is not None
        assert (FORMS_FLAG in r.flags) == wide


def test_utf8_layout_text_is_no_shift_jis_text():
    for case in SJIS_CASES:
        assert not is_poppler_sjis((SET / f"{case}-pdftotext-layout" / "input.txt").read_text("utf-8"))


def test_numerals_and_circled_numbers_come_back_but_counted_numbers_stay():
    text, note = undo_poppler_sjis(
        "\u3000\u3000ＩＶその他のリスク対策\u3000\u3000\u3000２\u3000所属長\n"
        "令和６年６月\n３日\u3000\u3000\u3000\u3000１回\u3000\u3000１システム"
    )
    assert text == "  Ⅳその他のリスク対策   ② 所属長\n令和６年６月\n３日    １回  ①システム"
    assert "1 section numerals" in note and "2 numbers" in note


def _pdftohtml_lines(pdf) -> str:
    """pdftohtml -i -xml's text boxes joined into lines by their tops, two spaces apart (what a
    quick script does: set XVII's make_inputs.py)."""
    out = subprocess.run(
        ["pdftohtml", "-i", "-xml", "-stdout", "-q", str(pdf)], check=True, capture_output=True
    )
    root = ET.fromstring(out.stdout.decode("utf-8", "replace").split("?>", 1)[1].split(">", 1)[1])
    lines: list[str] = []
    for page in root.iter("page"):
        boxes = sorted(
            (int(t.get("top")), int(t.get("left")), "".join(t.itertext()))
            for t in page.iter("text")
            if "".join(t.itertext()).strip()
        )
        rows: list[list] = []
        for top, _, s in boxes:
            if rows and abs(top - rows[-1][0]) <= 3:
                rows[-1][1].append(s)
            else:
                rows.append([top, [s]])
        lines += ["  ".join(r[1]) for r in rows] + ["\f"]
    return "\n".join(lines)


@pytest.mark.skipif(shutil.which("pdftohtml") is None, reason="poppler's pdftohtml is not installed")
@pytest.mark.parametrize("case", ["s56-calc-fit", "s56-writer-table"])
def test_pdftohtml_boxes_joined_by_two_spaces_get_a_note(case, tmp_path):
    text = _pdftohtml_lines(SET / case / "input.pdf")
    assert joined_boxes_note(text) == JOINED_BOXES_NOTE
    path = tmp_path / "input.txt"
    path.write_text(text, "utf-8")
    assert JOINED_BOXES_NOTE in extract_document(path).notes


def test_other_texts_get_no_joined_boxes_note():
    for case in SJIS_CASES:
        for tool in ("pdftotext-layout", "pypdfium2+nl"):
            assert joined_boxes_note((SET / f"{case}-{tool}" / "input.txt").read_text("utf-8")) is None
