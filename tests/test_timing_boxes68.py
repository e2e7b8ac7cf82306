"""提出時期 printed as check boxes (branch checkbox68, set XXIX t11): ``■事前`` / ``□事後``, ☑ / ☐,
● / ○, ✓ before or after the word, ``(○)事前`` / ``( )事後``, ``【事前】 事後``.

Real samples (tools/make_checkbox68_samples.py: python-docx → Writer and openpyxl → Calc tables,
the texts of real extractors), read whole by the pipeline; the assertions are on the records'
content: the ticked word is the timing, the print is kept in ``timing_raw``, a row ticking both
options or none has no timing and is flagged ``timing_invalid``.
"""

from __future__ import annotations

import json

import pytest

from piatable.models import PageWords, Word
from piatable.normalize.timing_boxes import BOTH_TICKED, MARK_BETWEEN, NONE_TICKED, box_words, read_choice
from piatable.normalize.timing_cells import read_timing, timing_of_lines
from piatable.normalize.timing_prints import PrintedTimings
from piatable.pipeline import extract_document

from .conftest import SAMPLES

TUNING = SAMPLES / "office-checkbox68"


def _read(case: str) -> tuple[list, list[dict], list[str]]:
    folder = TUNING / case
    result = extract_document(next(folder.glob("input.*")))
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    return result.records, expected, result.notes


@pytest.mark.parametrize(
    ("printed", "word"),
    [
        ("■事前\n□事後", "事前"),
        ("□事前\n■事後", "事後"),
        ("☑事前　☐事後", "事前"),
        ("●事前 ○事後", "事前"),
        ("○事前\n◉事後", "事後"),
        ("✓事前\n事後", "事前"),
        ("事前\n✓事後", "事後"),
        ("事前✔\n事後", "事前"),
        ("事前□\n事後■", "事後"),
        ("(○)事前\n( )事後", "事前"),
        ("（　）事前（○）事後", "事後"),
        ("［ ］事前\n［○］事後", "事後"),
        ("【事後】　事前", "事後"),
        ("■事前", "事前"),
    ],
)
def test_the_ticked_option_is_the_timing(printed, word):
    assert read_choice(printed).word == word
    assert timing_of_lines(printed.split("\n")) == word


@pytest.mark.parametrize(
    ("printed", "why"),
    [
        ("■事前\n■事後", BOTH_TICKED),
        ("□事前\n□事後", NONE_TICKED),
        ("(○)事前(○)事後", BOTH_TICKED),
        ("□事後", NONE_TICKED),
        ("事前✓事後", MARK_BETWEEN),  # after 事前, or before 事後?
    ],
)
def test_a_choice_ticking_none_or_both_gives_no_timing(printed, why):
    choice = read_choice(printed)
    assert choice.word is None and choice.why == why
    assert timing_of_lines(printed.split("\n")) is None


def test_ocr_reads_of_the_boxes():
    """tesseract reads an empty box as 口 and a filled one as a dense kanji (set XXIX t11's scan:
    画; the Writer sample's scan: 画, 男, 玉): one of each tells the filled one; two alike, or a box
    lost, tell nothing."""
    assert read_choice("画事前口事後").word == "事前"
    assert read_choice("口 事前 画 事後").word == "事後"
    assert read_choice("口事前男事後").word == "事後"  # the filled box's read varies cell to cell
    assert read_choice("口事前口事後").word is None
    assert read_timing("事前画事後") is None
    assert read_choice("口事前口事後", ocr_reads=False) is None  # a text's letters are no boxes


def test_other_text_is_no_choice():
    assert read_choice("事前") is None
    assert read_choice("事前に■") is None
    assert read_choice("■事前の説明") is None
    assert read_timing("事前") == "事前"


def _page(lines: list[str]) -> PageWords:
    words = [Word(t, 1, 0.0, float(len(t)), float(k), k + 0.8, line=k + 1) for k, t in enumerate(lines)]
    return PageWords(page=1, width=100.0, height=100.0, unit="char", source="text", words=words)


def test_row_ordered_lines_are_rewritten_to_the_ticked_word():
    """``-raw``-like lines: the ticked option's line becomes the word, the open one's goes (its
    print kept for timing_raw), a wrapped option is joined, a choice ticking none still opens a
    row (its first word) and is recorded as unclear."""
    lines = [
        "令和6年4月1日 Ⅰ基本情報 旧 新 □事前",
        "■事後",
        "説明",
        "(○)事",
        "前",
        "( )事後",
        "説明",
        "□事前",
        "□事後",
    ]
    found = PrintedTimings()
    page = box_words([_page(lines)], found, found.unclear)[0]
    assert [w.text for w in page.words] == [
        "令和6年4月1日 Ⅰ基本情報 旧 新",
        "事後",
        "説明",
        "事前",
        "説明",
        "事前",
    ]
    assert [(w, p) for w, _, p in found.sequence] == [
        ("事後", "□事前 ■事後"),
        ("事前", "(○)事前 ( )事後"),
        (None, "□事前 □事後"),
    ]
    assert found.unclear == [f"'□事前 □事後': {NONE_TICKED}"]


def test_writer_pdf_reads_the_ticked_words():
    """■ / □ on two lines in Writer's cell: each row's timing is the ticked word, timing_raw
    the boxes as printed, no row flagged merged for printing both words."""
    records, expected, _ = _read("cb68-writer-0-juki")
    assert [r.timing for r in records] == [e["timing"] for e in expected]
    assert all(r.timing_raw.replace("□", "").replace("■", "") in ("事前事後", "事後事前") for r in records)
    assert all(r.timing_raw.startswith("■" if r.timing == "事前" else "□") for r in records)
    assert not any("rows_merged" in r.flags or "timing_invalid" in r.flags for r in records)


def test_calc_check_mark_with_the_other_option_bare():
    """Calc, ✓ before the ticked word and the other printed bare (``✓事前`` / ``事後``): the
    PDF and the ``-raw`` text read the ticked word; the raw text's timing_raw keeps both lines."""
    for case in ("cb68-calc-3-municipal", "cb68-calc-3-municipal-pdftotext-raw"):
        records, expected, _ = _read(case)
        assert [r.timing for r in records] == [e["timing"] for e in expected], case
    assert all("✓" + r.timing in r.timing_raw for r in records)


def test_raw_text_of_a_narrow_column_with_rows_ticking_both_and_none():
    """Writer's ``(○)事`` / ``後`` wrapped in a narrow column, one row ticking both options and one
    none (truth: no timing): every row read, those two with no timing, flagged timing_invalid,
    their print kept; a note names them."""
    records, expected, notes = _read("cb68-writer-4-juki-pdftotext-raw")
    assert len(records) == len(expected)
    assert [r.timing or "" for r in records] == [e["timing"] for e in expected]
    unclear = [r for r in records if r.timing is None]
    assert [r.timing_raw for r in unclear] == ["(○)事前 (○)事後", "( )事前 ( )事後"]
    assert all("timing_invalid" in r.flags for r in unclear)
    assert any(BOTH_TICKED in n and NONE_TICKED in n for n in notes)


def test_layout_text_places_the_open_box_in_the_timing_cell():
    """``pdftotext -layout``: the open option's line (``☐事後``, no timing word of its own) stays in
    the 提出時期 column, not the explanation's."""
    records, expected, _ = _read("cb68-calc-1-kokuho-pdftotext-layout")
    assert [r.timing for r in records] == [e["timing"] for e in expected]
    assert not any("☐" in r.explanation or "☑" in r.explanation for r in records)
