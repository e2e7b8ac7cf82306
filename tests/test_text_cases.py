"""The flattened-text cases of ../shared/cases (copied into tests/data/cases): each stands for a
kind of fault of an extractor's order, and must give its expected records."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from piatable.normalize.confidence import INFORMATIONAL
from piatable.pipeline import extract_document

from .conftest import SIX

CASES = Path(__file__).parent / "data" / "cases"


def squash(value: object) -> str:
    return re.sub(r"\s+", "", "" if value is None else str(value))


@pytest.mark.parametrize("name", ["flat_short_cells", "raw_doubled_lines", "layout_dash_dates"])
def test_case_gives_its_records(name):
    expected = json.loads((CASES / f"{name}.expected.json").read_text("utf-8"))
    result = extract_document(CASES / f"{name}.txt")
    assert result.status == "success", result.notes
    got = result.records
    assert len(got) == len(expected)
    for k, (g, e) in enumerate(zip(got, expected, strict=True)):
        for field in SIX:
            assert squash(getattr(g, field)) == squash(e[field]), (k, field)


def test_one_line_before_and_after_beside_each_other_are_two_cells():
    """``通知カード 個人番号通知書 事後 …``: the one-line before and after cells share a line."""
    records = extract_document(CASES / "flat_short_cells.txt").records
    assert (records[0].before, records[0].after) == ("通知カード", "個人番号通知書")
    assert (records[3].before, records[3].after[:4]) == ("（記載なし）", "職員に対")


def test_doubled_lines_are_collapsed_with_a_note():
    result = extract_document(CASES / "raw_doubled_lines.txt")
    assert len(result.records) == 4
    assert any("printed twice" in n for n in result.notes)


def test_a_text_without_a_table_says_only_that(tmp_path):
    """A prose text whose sentence repeats line after line is no over-printed table: without a
    table, how its text would have been mended is not said (new user: '39 lines printed twice …
    were collapsed' on a document with no table); "no amendment table found" is."""
    prose = tmp_path / "prose.txt"
    prose.write_text("特定個人情報保護評価書\n" + "本市では住民基本台帳に関する事務を行う。\n" * 40, "utf-8")
    result = extract_document(prose)
    assert result.records == [] and result.notes == ["no amendment table found"]


# ---- issue 10: a new user's LibreOffice tables (Calc and Writer PDFs flattened by pypdfium2's
# get_text_range and pdftotext -raw); each text is one whole table of the user's.


def _warned(record) -> bool:
    """As tools/bench_calibration.py: a flag other than truncated:* and the informational ones,
    or a confidence below 0.5."""
    flags = [f for f in record.flags if not f.startswith("truncated:") and f not in INFORMATIONAL]
    return bool(flags) or record.confidence < 0.5


def _matches(record, row: dict) -> bool:
    return all(squash(getattr(record, f)) == squash(row[f]) for f in SIX)


@pytest.mark.parametrize(
    "name",
    [
        "writer_pdfium_date_pieces",
        "writer_raw_check_marks",
        "writer_pdfium_subheading_on_item_line",
        "writer_raw_explanation_over_page",
    ],
)
def test_writer_texts_give_their_records(name):
    """Writer dates one piece per line, check marks printed inside ［ ］ read apart from it, a
    line shared by the before and after cells (〒100-0001) read one line late, and an
    explanation whose last word ran onto the next page (…に伴う変 / 更): all rows right."""
    expected = json.loads((CASES / f"{name}.expected.json").read_text("utf-8"))
    result = extract_document(CASES / f"{name}.txt")
    assert result.status == "success", result.notes
    assert len(result.records) == len(expected)
    for k, (g, e) in enumerate(zip(result.records, expected, strict=True)):
        for field in SIX:
            assert squash(getattr(g, field)) == squash(e[field]), (k, field)


@pytest.mark.parametrize(
    "name",
    [
        "calc_pdfium_unordered",
        "calc_raw_cells_beside_dates",
        "calc_pdfium_cells_beside_dates",
        "calc_raw_dates_beside_cells",
        "calc_pdfium_dates_beside_cells",
    ],
)
def test_calc_texts_warn_every_wrong_row(name):
    """Calc pages whose one-line cells (dates, timings, short before/after and explanations)
    come out before or among the wrapped ones: every row read that is not one of the table's
    rows says so (a flag or a confidence below 0.5)."""
    expected = json.loads((CASES / f"{name}.expected.json").read_text("utf-8"))
    result = extract_document(CASES / f"{name}.txt")
    assert result.records
    unwarned = [
        r.row_index for r in result.records if not any(_matches(r, e) for e in expected) and not _warned(r)
    ]
    assert unwarned == []


def test_a_table_in_no_known_order_is_read_and_doubted_not_lost():
    """pypdfium2 on a Calc page: no reading fits, yet the table's title, its labels, dates and
    timings are there.  Rows are read (each in doubt), and the notes do not say no table."""
    result = extract_document(CASES / "calc_pdfium_unordered.txt")
    assert len(result.records) >= 4
    assert all(_warned(r) for r in result.records)
    assert result.status == "partial"
    assert "no amendment table found" not in result.notes


def test_a_title_without_readable_rows_is_not_called_no_table(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text(
        "（別添２）変更箇所\n変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明\n"
        "Ⅰ基本情報\n５．評価実施機関における担当部署\n①部署\n市民部市民課\n",
        "utf-8",
    )
    result = extract_document(path)
    assert result.records == [] and result.status == "partial"
    assert "no amendment table found" not in result.notes
    assert any("none of its rows could be read" in n for n in result.notes)
