"""Rows that print only their 提出時期に係る説明 under a merged date, in ``pdftotext -layout``
text (branch between19; samples ``office-explonly19``, made by ``tools/make_office_samples.py
--set office-explonly19``; ``heldout-explonly19`` is measured only)."""

from __future__ import annotations

import json

from piatable import extract_document
from piatable.normalize.grid.lines import Line
from piatable.normalize.grid.lone_explanations import ROW_OF_ITS_OWN_WHY, lone_explanation_rows

from .conftest import SAMPLES

SET = SAMPLES / "office-explonly19"


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def _case(folder):  # type: ignore[no-untyped-def]
    got = extract_document(folder / "input.txt")
    truth = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    return got, truth


def test_a_row_printing_only_its_explanation_is_a_row_of_its_own():
    """writer-explonly-municipal: 字句の修正 stands under the row above, below all its cells, a
    blank explanation line between: its own row (before: glued to the row above's explanation,
    7 rows for 8), with the merged date and 提出時期 of its group."""
    got, truth = _case(SET / "writer-explonly-municipal-pdftotext-layout")
    assert len(got.records) == len(truth) == 8
    lone = got.records[2]
    assert (lone.item, lone.before, lone.after) == ("", "", "")
    assert _squash(lone.explanation) == "字句の修正"
    assert lone.change_date == truth[2]["change_date"] == "2019-05-01"
    assert lone.timing == truth[2]["timing"]
    assert "字句の修正" not in _squash(got.records[1].explanation)


def test_explanation_rows_read_at_item_paths_and_their_timings():
    """calc-explonly-juki (dates centred on merged cells, rows read at their 項目 paths): two
    explanation-only rows come out apart (before: 7 rows for 9), and the 提出時期 lines that
    the paths' alignment had all put in one row go each to the row it stands beside."""
    got, truth = _case(SET / "calc-explonly-juki-pdftotext-layout")
    assert len(got.records) == len(truth) == 9
    for rec, want in zip(got.records, truth, strict=True):
        assert _squash(rec.explanation) == _squash(want["explanation"])
        assert _squash(rec.item) == _squash(want["item"])
    assert [r.timing for r in got.records[:4]] == [t["timing"] for t in truth[:4]] == ["事後"] * 4


def test_an_explanation_running_on_past_its_row_stays_its_rows():
    """Explanations wrapped past their row's other cells, lines of other columns printed between
    their lines (Writer, centred cells): one cell, no row of their own (office5 cvalign-t2,
    office4 writer-checkbox-t2: a split here once gave a row too many)."""
    for folder, rows in (
        (SAMPLES / "office5" / "cvalign-t2", 9),
        (SAMPLES / "office4" / "writer-checkbox-t2", 12),
    ):
        got, truth = _case(folder.parent / f"{folder.name}-pdftotext-layout")
        assert len(got.records) == len(truth) == rows


def _line(text: str, top: float, column: int) -> Line:
    return Line([], text, 0.0, float(len(text) * 2), top, top + 1.0, 1, None, None, column=column)


def _row(item_tops: list[float], expl: list[tuple[str, float]]) -> dict[int, list[Line]]:
    return {
        0: [_line("令和2年4月1日", item_tops[0], 0)],
        1: [_line("項目の見出し", t, 1) for t in item_tops],
        5: [_line(text, t, 5) for text, t in expl],
    }


def test_lone_explanation_rows_by_where_the_lines_stand():
    """A block below the row's cells after a blank explanation line is a row (with the row's
    date); right under the row's last explanation line it stays, in doubt; after a line full to
    the wrap width it runs on and stays, with no doubt."""
    wrap = 12.0
    row = _row([0.0, 1.0, 2.0, 3.0], [("組織改正", 0.0), ("字句の修正", 5.0)])
    pieces = lone_explanation_rows(row, 1.0, wrap, None)
    assert len(pieces) == 2
    assert [ln.text for ln in pieces[1][0][5]] == ["字句の修正"]
    assert pieces[1][0][0] == row[0]
    assert [ln.text for ln in pieces[0][0][5]] == ["組織改正"]

    close = _row([0.0, 1.0], [("組織改正", 0.0), ("重大な変更", 1.0), ("字句の修正", 2.0)])
    assert lone_explanation_rows(close, 1.0, wrap, None) == [(close, ROW_OF_ITS_OWN_WHY)]

    full = _row([0.0, 1.0], [("組織改正による部", 0.0), ("署名の変更", 3.0)])
    assert lone_explanation_rows(full, 1.0, 8.0, None) == [(full, None)]


def test_a_block_above_a_rows_cells_with_no_blank_line_is_a_row_when_the_rest_is_top_aligned():
    """An explanation line standing right above a row's cells (no blank line between; the row
    above's explanation ends) is a row of its own when the row's explanation ends a line or
    more above its cells' last line: a top-aligned cell never starts above its row.  A centred
    explanation taller than the cells (running past them below as well) or one ending on their
    last line (bottom-aligned) keeps its first line."""
    above = _line("伴う修正", -3.0, 5)
    top = _row([1.0, 2.0, 3.0, 4.0], [("字句の修正", 0.0), ("情報連携の本格", 1.0), ("運用に伴う修正", 2.0)])
    pieces = lone_explanation_rows(top, 1.0, 12.0, above)
    assert len(pieces) == 2
    assert [ln.text for ln in pieces[0][0][5]] == ["字句の修正"]
    assert [ln.text for ln in pieces[1][0][5]] == ["情報連携の本格", "運用に伴う修正"]

    centred = _row([1.0, 2.0], [("情報連携の", 0.0), ("本格運用に", 1.0), ("伴う修正", 2.0), ("による", 3.0)])
    assert len(lone_explanation_rows(centred, 1.0, 12.0, above)) == 1
    bottom = _row([1.0, 2.0], [("情報連携の", 0.0), ("本格運用に", 1.0), ("伴う修正", 2.0)])
    assert len(lone_explanation_rows(bottom, 1.0, 12.0, above)) == 1


def test_a_repeated_label_row_under_table_text_does_not_cut_the_page():
    """office4 calc-mergebreak-t3: Calc prints a merged date cut by a page break (令和2年7 / 月1日,
    事前) above page 2's repeated label row.  With no prose between, that label row is the same
    table's header again: 13 rows, no text read as between two tables (the between18 rule cut
    the page there: 14 rows, 提出時期 lost on 6)."""
    got, truth = _case(SAMPLES / "office4" / "calc-mergebreak-t3-pdftotext-layout")
    assert len(got.records) == len(truth) == 13
    assert not any("text between two tables" in n for n in got.notes)
