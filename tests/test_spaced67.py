"""Branch spaced67: cells spread by justification, and sheets printed with their headings.

* a space pdfium infers in a gap between two Japanese characters that is no wider than its
  line's other gaps is justification's stretch, never a space (extract/stretched_gaps.py): the
  Chromium ``text-justify: inter-character`` cell read ``令 和6年4月1日``;
* a date printed stretched at a text line's opening (``令 和 6 年 4``) is closed up, and a layout
  line stretched so (``番 号 法 第 ９ 条 番 号 法 …``) marks its cells column_guess
  (normalize/stretched_dates.py);
* a spreadsheet's printed row and column headings (``A B C D E F``, ``1 2 3``) are set aside,
  with a note, in texts and PDFs (normalize/sheet_headings.py).

Samples: ``tools/make_spaced67_samples.py`` (Chromium ``--print-to-pdf``; openpyxl / python-docx
→ Calc / Writer).  The held-out set ``samples/heldout-spaced67`` is measured only
(tools/eval_office.py), never asserted on here.
"""

from __future__ import annotations

import json
import re

import pytest

from piatable import extract_document
from piatable.extract.text import read_text_file
from piatable.models import Word
from piatable.normalize.sheet_headings import strip_column_letters, strip_sheet_headings
from piatable.normalize.stretched_dates import close_stretched_dates, stretched_lines
from piatable.normalize.unicode import clean_text

from .conftest import SAMPLES

SET = SAMPLES / "office-spaced67"
CELLS = ("item", "before", "after", "explanation")


def _expected(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


def _norm(v: str | None) -> str:
    return re.sub(r"\s", "", v or "")


@pytest.mark.parametrize("case", ["s67-chromium-juki", "s67-calc-headings-kokuho"])
def test_the_pdf_reads_every_row_with_no_stretched_space_and_no_heading(case):
    records = extract_document(SET / case / "input.pdf").records
    want = _expected(case)
    assert len(records) == len(want)
    for got, exp in zip(records, want, strict=True):
        assert got.change_date == exp["change_date"]
        for f in CELLS:
            # Cells print no space the document does not have (the truth's own are kept).
            assert getattr(got, f).count(" ") <= (exp[f] or "").count(" "), (f, getattr(got, f))
            assert _norm(getattr(got, f)) == _norm(exp[f])


def test_a_heading_strip_and_row_numbers_leave_a_text_with_a_note():
    text = clean_text(read_text_file(SET / "s67-calc-headings-kokuho-pypdfium2" / "input.txt"))
    assert re.search(r"^A B C D E F$", text, re.M)
    out, notes = strip_sheet_headings(text)
    assert not re.search(r"^A B C D E F$", out, re.M)
    assert not re.search(r"^\d+$", out, re.M)  # the row numbers a line each
    assert notes and "row and column headings" in notes[0]


def test_a_text_without_a_letter_strip_keeps_its_numbers():
    text = "1\n2\n3\n4\n変更日 項目\nA\nB"
    assert strip_sheet_headings(text) == (text, [])


def test_a_layout_row_number_is_blanked_so_the_columns_keep_their_places():
    text = "     A        B        C        D\n1 （別添２）変更箇所\n3     変更日   項目\n"
    out, _ = strip_sheet_headings(text)
    lines = out.split("\n")
    assert lines[0] == "（別添２）変更箇所"
    assert lines[1] == "      変更日   項目"


def test_a_pdf_letter_strip_goes_but_a_word_of_capitals_stays():
    strip = [Word(c, 1, 40.0 + 80 * k, 46.0 + 80 * k, 10, 20, "pdf") for k, c in enumerate("ABCDEF")]
    word = [Word(c, 1, 40.0 + 7 * k, 46.0 + 7 * k, 40, 50, "pdf") for k, c in enumerate("ABC")]
    kept, notes = strip_column_letters(strip + word, 1)
    assert kept == word and notes and "A–F" in notes[0]


def test_a_stretched_date_is_closed_up_and_padded_in_a_layout_text():
    assert close_stretched_dates("令 和 6 年 4 Ⅰ基本情報   番")[0] == "令和6年4     Ⅰ基本情報   番"
    assert close_stretched_dates("令 和 6 年 4 Ⅰ基本情報", pad=False)[0] == "令和6年4 Ⅰ基本情報"
    # Spaced text that is no date stays as printed.
    assert close_stretched_dates("番 号 法 第 ９ 条") == ("番 号 法 第 ９ 条", [])


def test_a_stretched_layout_line_is_marked_guessed():
    text = "変更日   項目\n令和6年4  番 号 法 第 ９ 条 第 １ 項 番 号 法  事後\n\fIC card reader and VPN"
    marked, notes = stretched_lines(text)
    assert list(marked) == [(0, 1)] and notes
