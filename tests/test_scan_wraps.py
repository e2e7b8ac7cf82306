"""Line breaks of scanned cells after tesseract, on a real read (``tests/data/scan_office_zeimu_b``:
a LibreOffice Writer table scanned at 300 dpi): a soft wrap the print made is joined, a printed
line break kept."""

from __future__ import annotations

import json
import sys

import pytest

from piatable.extract.ocr.reader import scans_to_reading
from piatable.pipeline import reading_to_result
from piatable.settings import Settings

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "tools"))
import bench_scan
from ocr_cache import load_scans

READ = ROOT / "tests" / "data" / "scan_office_zeimu_b"
SEED_READ = ROOT / "tests" / "data" / "scan_office_seed"


def _read(folder) -> list[dict]:  # type: ignore[no-untyped-def]
    scans, pages = load_scans(folder / "ocr")
    settings = Settings()
    res = reading_to_result(
        scans_to_reading(scans, "pdf-ocr", pages or len(scans), settings.ocr), "scan", settings
    )
    return [r.to_dict() for r in res.records]


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return _read(READ)


@pytest.fixture(scope="module")
def seed_records() -> list[dict]:
    return _read(SEED_READ)


def _items(records: list[dict]) -> list[list[str]]:
    return [r["item"].split("\n") for r in records]


def test_heading_wrapped_before_a_kinsoku_pair_is_one_line(records):
    """３．特定個人情報の入 / 手・使用: the print wrapped because 手 and the ・ that may not open a
    line did not fit together; OCR's box of ・ is a dot, yet the break is a wrap."""
    lines = [line for item in _items(records) for line in item]
    assert "３．特定個人情報の入手・使用" in lines
    assert not any(line.endswith("の入") for line in lines)


def test_line_ending_on_a_closing_mark_that_filled_the_line_is_a_wrap(records):
    """…確定申告書） / のパンチ入力…: the ） filled its line, but its ink stands in the left of its
    em, so by the ink the line looked a character short."""
    texts = [r["after"] for r in records]
    assert any("確定申告書）のパンチ入力" in t for t in texts), texts


def test_every_cell_right_but_for_breaks_is_right_with_them(records):
    """No cell of this read is right ignoring whitespace yet wrong in its line breaks."""
    truth = json.loads(
        (SAMPLES / "office" / "writer-zeimu-b" / "expected" / "records.json").read_text("utf-8")
    )
    s = bench_scan.score(truth, records, every=True)
    assert s["exact_with_breaks"] == s["exact_cells"], [w for w in s["worst"] if w[0] == 1.0]


def test_line_ending_on_a_narrow_full_width_character_that_filled_the_line_is_a_wrap(seed_records):
    """…年１ / 回の… and …退職・ / 休職等…: a full-width digit's or ・'s ink stands in the middle
    of its em, so by the ink the full line looked short; measured with the line's own pitch
    (a little more than the glyph height) it is full."""
    lines = [line for r in seed_records for line in r["before"].split("\n")]
    assert any("年１回の個人情報保護研修" in line for line in lines), lines
    assert any("退職・休職等" in line for line in lines), lines
