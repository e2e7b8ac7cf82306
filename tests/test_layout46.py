"""Branch layout46 (issues 10 / 12): ``pdftotext -layout`` text of LibreOffice tables, Calc cells
whose lines of legal references run up to the next column (a full-width space printed as a gap,
the line's end one space before the after cell) and Writer rows broken over pages under a
repeated label row; the committed samples are made by ``tools/make_layout46_samples.py``
(``samples/office-layout46``)."""

from __future__ import annotations

from pathlib import Path

import piatable
from piatable.models import Word
from piatable.normalize.grid.layout_text import _assign
from piatable.normalize.grid.lines import Line
from piatable.settings import GridSettings

from .conftest import text_case

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "office-layout46"


def _case(name: str) -> tuple[list[piatable.Record], list[dict]]:
    return text_case(SAMPLES / f"{name}-pdftotext-layout")


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def _piece(text: str, x0: float) -> Line:
    w = Word(text, 1, x0, x0 + 2 * len(text), 5.0, 6.0)
    return Line([w], text, x0, x0 + 2 * len(text), 5.0, 6.0, 1, 5, None)


def test_the_end_of_a_line_one_space_before_the_next_column_stays_in_its_column():
    # ``番号法第９条第１項    別表第 番号法第９条第１項 別表第 事後``: the full-width space of the
    # before cell printed as a gap, 別表第 ending one space before the after cell's line.
    starts = [0.0, 12.0, 35.0, 58.0, 78.0, 85.0]
    line = [
        _piece("2021/4/1", 0),
        _piece("Ⅰ関連情報", 12),
        _piece("番号法第９条第１項", 30),
        _piece("別表第", 52),
        _piece("番号法第９条第１項", 59),
        _piece("事後", 78),
    ]
    assert _assign(line, starts, GridSettings()) == [0, 1, 2, 2, 3, 4]


def test_a_piece_at_its_own_column_start_still_opens_it():
    # The rule is for a piece left of the column, one space before the piece at its start: a
    # piece at the start (or a single piece left of it, no piece after) is read as before.
    starts = [0.0, 12.0, 35.0, 58.0, 78.0, 85.0]
    at_start = [_piece("市民課", 35), _piece("市民窓口課", 58)]
    alone = [_piece("市民課", 35), _piece("削除", 56)]
    assert _assign(at_start, starts, GridSettings()) == [2, 3]
    assert _assign(alone, starts, GridSettings()) == [2, 3]


def test_a_calc_before_line_run_up_to_the_after_column_keeps_its_end():
    """ly46-c-calc-2 row 5: before ``番号法第９条第１項　別表第一の３０の項`` printed as
    ``番号法第９条第１項    別表第`` / ``一の３０の項``, ``別表第`` one space before the after cell's
    ``番号法第９条第１項 別表第``; it was read into the after cell (flagged column_guess)."""
    recs, truth = _case("ly46-c-calc-2")
    assert len(recs) == len(truth) == 8
    row = recs[5]
    assert _squash(row.before) == _squash(truth[5]["before"]) == "番号法第９条第１項別表第一の３０の項"
    assert _squash(row.after) == _squash(truth[5]["after"])
    assert row.after.startswith("番号法第９条第１項")
    assert "column_guess" not in row.flags
    # Every row of the case is read right, whitespace aside.
    for got, want in zip(recs, truth, strict=True):
        for key in ("item", "before", "after", "explanation"):
            assert _squash(getattr(got, key)) == _squash(want[key])
        assert got.timing == want["timing"]
