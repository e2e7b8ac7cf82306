"""Rows broken over a page by Writer (issue 10): the cut of their lines on both pages is
checked against where each cell ended on page one, and a row in doubt says so."""

import json
from pathlib import Path

from piatable import extract_document
from piatable.models import CellLine
from piatable.normalize.continuation import runs_on
from piatable.settings import RejoinSettings

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CELLS = ("change_date", "item", "before", "after", "timing", "explanation")


def test_a_cell_runs_on_over_the_page_when_its_last_line_is_full_and_unclosed():
    rejoin = RejoinSettings()
    assert runs_on(CellLine("・データセンター内のサーバー室"), 30, rejoin) is True
    assert runs_on(CellLine("・サーバー室には監視カメラを設置している。"), 30, rejoin) is False
    assert runs_on(CellLine("管理簿により管理"), 30, rejoin) is False
    assert runs_on(None, 30, rejoin) is None
    assert runs_on(CellLine("管理簿により管理"), None, rejoin) is None


def _squash(value: object) -> str:
    return "".join(str(value or "").split())


def test_continued_rows_read_wrong_are_warned():
    # Writer text of a table whose long rows break over pages under a repeated header row
    # (tools/make_office_samples.py, samples/office-writerraw: tuning).  Every continued row
    # whose cells are wrong carries a warning; before this check most went unwarned.
    continued = wrong = 0
    for name in ("writer-raw1-juki-pdftotext-raw", "writer-raw2-zeimu-pypdfium2"):
        folder = SAMPLES / "office-writerraw" / name
        expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
        records = extract_document(folder / "input.txt").records
        assert len(records) == len(expected)
        for got, want in zip(records, expected, strict=True):
            if "row_continued" not in got.flags:
                continue
            continued += 1
            d = got.to_dict()
            if any(_squash(d[c]) != _squash(want[c]) for c in CELLS):
                wrong += 1
                assert "column_guess" in got.flags, (name, got.row_index)
                assert got.confidence < 0.7
    assert continued >= 4 and wrong >= 2
