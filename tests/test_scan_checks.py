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

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "tools"))
from eval_text import align

DATA = ROOT / "tests" / "data" / "scan_office_checks"
SIX = ("change_date", "item", "before", "after", "timing", "explanation")
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
    """``サーバボ機器`` (サーバ機器) and ``○○○市役所`` where the document prints ○○ everywhere."""
    server = next(r for r in municipal if "サーバボ" in (r["after"] or ""))
    assert "ocr_suspect:after" in server["flags"]
    placeholder = next(r for r in municipal if "○○○" in (r["before"] or ""))
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
