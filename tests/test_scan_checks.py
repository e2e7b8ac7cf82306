"""The OCR checks on real tesseract reads of two LibreOffice Calc tables scanned at 300 and 200
dpi (``tests/data/scan_office_checks``): a wrong cell they find is flagged ``ocr_suspect``, and no
row read right carries one of their doubts (issue 12)."""

from __future__ import annotations

import gzip
import json
import sys

import pytest

from piatable.extract.ocr.page_scan import PageScan
from piatable.extract.ocr.reader import scans_to_reading
from piatable.pipeline import reading_to_result
from piatable.settings import Settings

from .conftest import ROOT, SAMPLES, SIX

sys.path.insert(0, str(ROOT / "tools"))
from eval_text import align

DATA = ROOT / "tests" / "data" / "scan_office_checks"
# The evidence of the checks these tests are about (normalize/ocr_glyphs.py, ocr_words.py).
CHECKS = (
    "numbers read",
    "among kanji and kana",
    "a line of one character alone",
    "printed nowhere else",
    "a letter off",
    "a placeholder",
    "an ASCII quote",
    "two stops",
    "a line opening with Latin",
    "a block heading without",
    "grammar does not put together",
    "look-alike glyphs",
    "makes no word with its neighbours",
    "a half-width colon or parenthesis",
    "is not printed in these forms",
)


def _read(name: str) -> list[dict]:
    folder = DATA / name
    scans = [
        PageScan.from_json(
            json.loads(m.read_text("utf-8")),
            gzip.decompress(m.with_suffix(".tsv.gz").read_bytes()).decode("utf-8"),
        )
        for m in sorted(folder.glob("page-*.json"))
    ]
    settings = Settings()
    pages = int((folder / "done").read_text("utf-8"))
    res = reading_to_result(scans_to_reading(scans, "pdf-ocr", pages, settings.ocr), "scan", settings)
    return [r.to_dict() for r in res.records]


# Tuning scans read by main d3e8412's tesseract settings (issue 12, warn22): a doubled bracket
# read half width, a stop read twice, a kanji read as a full-width letter.
NEW_READS = {"calc-kokuho-300-b": "calc-kokuho", "calc-lists-200": "calc-lists", "calc-seed-200": "calc-seed"}


def _truth(sample: str) -> list[dict]:
    return json.loads((SAMPLES / "office" / sample / "expected" / "records.json").read_text("utf-8"))


def _checks(rec: dict) -> list[str]:
    return [e for e in rec.get("evidence") or [] if any(c in e for c in CHECKS)]


def _squash(v: object) -> str:
    return "".join(str(v or "").split())


@pytest.fixture(scope="module")
def kokuho() -> list[dict]:
    return _read("calc-kokuho-300")


@pytest.fixture(scope="module")
def municipal() -> list[dict]:
    return _read("calc-municipal-200")


def test_dates_read_in_two_widths_in_before_and_after_are_suspect(kokuho):
    """平成３１年４月１日時点 beside 令和3年4月1日時点: one of the two widths is a misread (the table
    prints both half width)."""
    row = next(r for r in kokuho if "平成" in (r["before"] or "") and "時点" in (r["before"] or ""))
    assert "ocr_suspect:before" in row["flags"] and "ocr_suspect:after" in row["flags"]
    assert any("date numbers read" in e for e in row["evidence"])


def test_a_katakana_read_for_a_kanji_is_suspect(kokuho):
    """[ 特に力を入れて行っている ] read as ``[特にカカを入れて行っている]``."""
    row = next(r for r in kokuho if "特にカ" in (r["after"] or ""))
    assert "ocr_suspect:after" in row["flags"]
    assert any("katakana" in e for e in row["evidence"])


def test_a_word_a_character_off_and_a_placeholder_too_long_are_suspect(municipal):
    """``サーバボ機器`` (サーバ機器) is suspect; ``○○○市役所`` (read with a thin box between two
    circles, where the document prints ○○ everywhere) reads ○○ by the run's extent
    (circle_echoes) and its circle is still in doubt."""
    server = next(r for r in municipal if "サーバボ" in (r["after"] or ""))
    assert "ocr_suspect:after" in server["flags"]
    placeholder = next(r for r in municipal if "役所" in (r["before"] or ""))
    assert "○○市役所市民課" in placeholder["before"] and "○○○" not in placeholder["before"]
    assert "ocr_suspect:before" in placeholder["flags"]
    assert any("placeholder" in e for e in placeholder["evidence"])


@pytest.mark.parametrize(
    ("name", "sample"), [("calc-kokuho-300", "calc-kokuho"), ("calc-municipal-200", "calc-municipal")]
)
def test_rows_read_right_carry_none_of_these_doubts(name, sample, kokuho, municipal):
    got = kokuho if name == "calc-kokuho-300" else municipal
    truth = _truth(sample)
    right = [
        got[i]
        for i, j in align(got, truth)
        if all(_squash(got[i].get(f)) == _squash(truth[j].get(f)) for f in SIX)
    ]
    assert len(right) >= 3
    assert [r["row_index"] for r in right if _checks(r)] == []


@pytest.fixture(scope="module")
def new_reads() -> dict[str, list[dict]]:
    return {name: _read(name) for name in NEW_READS}


def _row(rows: list[dict], field: str, text: str) -> dict:
    return next(r for r in rows if text in (r[field] or ""))


def test_a_half_width_bracket_after_japanese_is_suspect(new_reads):
    """``…に関する事務`` / ``((3)保険税の賦課…``: the numbering's bracket read twice, half width
    after Japanese (the table prints (3) after a line break only)."""
    row = _row(new_reads["calc-kokuho-300-b"], "before", "((3)")
    assert "ocr_suspect:before" in row["flags"]
    assert any("half-width colon or parenthesis" in e for e in row["evidence"])


def test_two_stops_in_two_widths_are_suspect(new_reads):
    """``５．.特定個人情報の保管・消去`` (a speck read as a second stop)."""
    row = _row(new_reads["calc-seed-200"], "item", "５．.")
    assert "ocr_suspect:item" in row["flags"]
    assert any("two stops in two widths" in e for e in row["evidence"])


def test_a_full_width_letter_wedged_in_japanese_is_suspect(new_reads):
    """``返信用封筒の宛先と`` / ``Ｅ民票上の住所`` (住 read as Ｅ) was warned by nothing."""
    row = _row(new_reads["calc-lists-200"], "after", "Ｅ民票")
    assert "ocr_suspect:after" in row["flags"]
    assert any("'Ｅ' is not printed in these forms" in e for e in row["evidence"])


def test_new_reads_right_rows_carry_none_of_these_doubts(new_reads):
    right = []
    for name, sample in NEW_READS.items():
        got, truth = new_reads[name], _truth(sample)
        right += [
            got[i]
            for i, j in align(got, truth)
            if all(_squash(got[i].get(f)) == _squash(truth[j].get(f)) for f in SIX)
        ]
    assert len(right) >= 10
    assert [(r["row_index"], _checks(r)) for r in right if _checks(r)] == []
