"""``pdftotext -layout`` text of Writer / Calc tables whose cells are centred or at the foot of
their rows, rows broken over pages (issues 10 and 12; tuning set samples/office5)."""

from __future__ import annotations

import json
from pathlib import Path

import piatable
from piatable.normalize.grid.date_spans import date_spans
from piatable.normalize.grid.lines import Line
from piatable.normalize.grid.misplaced import misplaced_rows

OFFICE5 = Path(__file__).resolve().parent.parent / "samples" / "office5"
SECTIONS = "ⅠⅡⅢⅣⅤⅥ"


def _line(text: str, top: float) -> Line:
    return Line([], text, 0.0, float(len(text) * 2), top, top + 1.0, 1, int(top), None)


def _case(name: str) -> tuple[list[piatable.Record], list[dict]]:
    folder = OFFICE5 / f"{name}-pdftotext-layout"
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    return piatable.extract(folder / "input.txt"), expected


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def test_a_date_wrapped_over_three_lines_spans_all_three():
    """平成３０ / 年４月１ / 日 in a narrow date column: one date, its extent down to 日 (cells
    at the foot of the row end level with that last line)."""
    texts = {7: "平成３０", 8: "年４月１", 9: "日", 14: "平成２８", 15: "年１０月", 16: "１日"}
    lines = [_line(t, top) for top, t in texts.items()]
    assert date_spans(lines, 1.0) == [(7, 10), (14, 17)]


def test_a_cell_far_from_its_date_is_a_doubt():
    """Cells at the foot of their rows: an 項目 grouped to a row but ending three lines above
    its date's last line was cut from its neighbours' by cost alone."""
    cols = {1: [_line("Ⅰ基本情報", 3), _line("①名称", 4), _line("Ⅱ概要", 8), _line("②名称", 9)]}
    spans = [(6.0, 7.0), (8.0, 10.0)]
    doubts = misplaced_rows(cols, spans, "bottom", 1.0, {1: [0, 0, 1, 1]})
    assert list(doubts) == [0]
    level = {1: [_line("Ⅰ基本情報", 5), _line("①名称", 6), _line("Ⅱ概要", 8), _line("②名称", 9)]}
    assert misplaced_rows(level, spans, "bottom", 1.0, {1: [0, 0, 1, 1]}) == {}


def test_bottom_aligned_rows_with_wrapped_dates_are_read_whole():
    """Writer, every cell at the foot, dates wrapped over three lines, no blank line between
    rows: each row's lines end on its date's last line (tuning sample wbottom-t2)."""
    got, expected = _case("wbottom-t2")
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        for key in ("item", "before", "after", "explanation"):
            assert _squash(getattr(g, key)) == _squash(e[key]), key


def test_a_wrapped_label_tail_is_the_headers():
    """提出時期に係る説 / 明: the label's tail under the header row is not the first row's text
    on any page (tuning sample wmixed-t1, header repeated on five pages)."""
    got, _ = _case("wmixed-t1")
    assert got
    assert not any((r.explanation or "").startswith("明") for r in got)


def test_centred_rows_on_a_tables_first_page_open_with_their_paths():
    """Centred cells: the lines above the first date are the first row's, not a row continued
    from a page before the table (tuning sample wcentre-t2: every row opens with its section)."""
    got, expected = _case("wcentre-t2")
    assert len(got) == len(expected)
    assert [r.item_path[0][:1] for r in got[:4]] == [e["item_path"][0][:1] for e in expected[:4]]
    assert all(r.item_path[0][:1] in SECTIONS for r in got[:4])
