"""An input whose text shows the amendment table but none of whose rows was read is partial, never a
silent success (issue 10 item 4, issue 12; branch silent62, normalize/shown_table.py).

samples/office-silent62 (tools/make_silent62_samples.py): LibreOffice Calc and Writer tables whose
pdfminer texts have no line ends at all (``laparams=None``) or had them removed; session 61's unseen
set (XXIII) read such inputs to 0 rows with status success.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import PageWords, Reading, Word
from piatable.normalize.shown_table import SHOWN_NOT_READ, shown_not_read_note, shown_table
from piatable.pipeline import reading_to_result
from piatable.settings import Settings

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SET = SAMPLES / "office-silent62"
FLAT = sorted(p for p in SET.iterdir() if p.name.endswith(("-pdfminer-nolaparams", "-pdfminer+flat")))
OPENING = SHOWN_NOT_READ.split(" (")[0]


def test_a_table_on_one_line_shows_its_title_labels_and_dates():
    text = (
        "（別添２）変更箇所変更日項目変更前の記載変更後の記載提出時期提出時期に係る説明"
        "2024.4.1Ⅰ基本情報市民課市民窓口課事前2024.10.1Ⅱ特定個人情報ファイルの概要事後"
    )
    shown = shown_table(text)
    assert shown.title and shown.dates == 2
    assert shown.labels == ("変更日", "項目", "変更前", "変更後", "提出時期", "説明")
    assert shown.shows_table()
    note = shown_not_read_note(text)
    assert note is not None and note.startswith(OPENING) and "2 dates" in note


def test_the_title_and_dates_show_the_table_when_its_labels_were_misread():
    # An OCR read whose label row came out as noise: the title and two dates after it.
    text = "（別添２）変更箇所\n変更ロ 項囗\n令和6年4月1日 Ⅰ基本情報\n令和6年10月1日"
    assert shown_table(text).shows_table()


@pytest.mark.parametrize(
    "text",
    [
        "目次\n（別添３）変更箇所 ……… 45\n",  # a contents line names the title
        "公表日 令和6年4月1日\n評価書名 住民基本台帳に関する事務 全項目評価書\n",  # a cover
        "変更箇所は令和6年4月1日の改正による。",  # the word in a sentence, one date
    ],
)
def test_prose_that_names_the_title_or_prints_dates_shows_no_table(text):
    assert not shown_table(text).shows_table()
    assert shown_not_read_note(text) is None


@pytest.mark.parametrize("folder", FLAT, ids=lambda p: p.name)
def test_a_text_without_line_ends_is_not_a_silent_success(folder):
    result = extract_document(folder / "input.txt")
    if not result.records:
        assert result.status == "partial"
        assert any(n.startswith(OPENING) for n in result.notes), result.notes
        assert "no amendment table found" not in result.notes


def test_a_text_without_the_table_still_says_none_was_found(tmp_path):
    path = tmp_path / "prose.txt"
    path.write_text("特定個人情報保護評価書\n（別添３）変更箇所 ……… 45\n公表日 令和6年4月1日\n", "utf-8")
    result = extract_document(path)
    assert result.status == "success" and not result.records
    assert "no amendment table found" in result.notes


def test_a_page_that_shows_the_table_but_gives_no_row_is_partial():
    # The boxes route (PDF, scan): a page with the title and dates but its label row misread
    # (``変更ロ``) and no columns: no row is read, and the page's words still show the table.
    words = [
        Word("（別添２）変更箇所", 1, 40, 200, 30, 42, "ocr"),
        Word("変更ロ", 1, 40, 70, 60, 72, "ocr"),
        Word("令和6年4月1日に", 1, 40, 140, 400, 412, "ocr"),
        Word("令和6年10月1日を", 1, 300, 410, 700, 712, "ocr"),
    ]
    page = PageWords(1, 842, 595, "pt", "ocr", words)
    result = reading_to_result(Reading(kind="scan", page_count=1, pages=[page]), "x.png", Settings())
    assert not result.records
    assert result.status == "partial"
    assert any(n.startswith(OPENING) for n in result.notes), result.notes
