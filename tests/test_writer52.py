"""Branch writer52 (issues 10 / 12): where a Writer table ends and where its rows run on.

A body paragraph printed under the table (``samples/office-writer52``, made by
``tools/make_writer52_samples.py``) is cut from the last row with a note in ``-raw``, pypdfium2
and ``-layout`` text (``normalize/prose_after.py``); a lone section's file selector lets an item
join the next page's headings (``normalize/file_selector.py``); a column-order row whose item runs
on to a page none of its body cells reach is warned (``normalize/run_on_rows.py``)."""

from __future__ import annotations

import json
import re

import pytest

from piatable import extract_document
from piatable.models import CellLine, RawRow
from piatable.normalize.boxes import join_items_over_pages
from piatable.normalize.file_selector import file_selector_start
from piatable.normalize.prose_after import cut_prose_after_table
from piatable.normalize.run_on_rows import doubt_rows_run_on

from .conftest import SAMPLES

CASES = ("w52-juki", "w52-kokuho", "w52-municipal", "w52-zeimu")
READERS = ("pdftotext-raw", "pypdfium2", "pdftotext-layout")
PROSE_NOTE = re.compile(
    r"^text printed after the table \(a note\), not a row, was left out of the rows: '(.+?)…?'$"
)


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("case", CASES)
def test_body_paragraph_after_the_table_is_no_row_text(case: str, reader: str) -> None:
    folder = SAMPLES / "office-writer52" / f"{case}-{reader}"
    truth = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(folder / "input.txt")
    quoted = [m.group(1) for n in result.notes if (m := PROSE_NOTE.match(n))]
    assert quoted, result.notes  # the paragraph is named, not dropped in silence
    prose = _squash(quoted[-1])[:20]
    for rec in result.records:
        for field in ("change_date_raw", "item", "before", "after", "timing", "explanation"):
            assert prose not in _squash(getattr(rec, field)), (rec.row_index, field)
    assert _squash(result.records[-1].explanation) == _squash(truth[-1]["explanation"])


def _line(text: str, line_no: int, page: int = 1) -> CellLine:
    return CellLine(text, page=page, line_no=line_no)


def _row(cells: dict[str, list[CellLine]]) -> RawRow:
    row = RawRow()
    for key, lines in cells.items():
        row.cells[key] = lines
    return row


PROSE = "上記の変更は、いずれも規則の定めに基づき、担当部署において確認した上で公表するもので"


def test_wide_prose_line_is_cut_from_the_last_row_with_a_note() -> None:
    rows = [
        _row(
            {"item": [_line("Ⅰ基本情報", 1)], "explanation": [_line("組織改編に伴う", 1), _line("修正", 2)]}
        ),
        _row(
            {
                "item": [_line("Ⅵ評価実施手", 3), _line("続", 4)],
                "explanation": [_line("再評価の実施", 3), _line(PROSE, 5), _line("ある。", 6)],
            }
        ),
    ]
    region, notes = cut_prose_after_table(rows)
    assert region == []
    assert [cl.text for cl in rows[-1].cells["explanation"]] == ["再評価の実施"]
    assert len(notes) == 1 and PROSE[:30] in notes[0] and notes[0].startswith("text printed after the table")


def test_a_wide_table_keeps_its_last_rows_long_paragraph() -> None:
    # A cell run as wide as half the line: the table's own columns are wide, nothing is cut.
    wide = "行政手続における特定の個人を識別するための番号の利用等"  # 27 characters
    rows = [
        _row({"before": [_line(wide, 1)], "explanation": [_line("条項の修正", 1)]}),
        _row({"explanation": [_line("再評価の実施", 2), _line(PROSE, 3), _line("ある。", 4)]}),
    ]
    assert cut_prose_after_table(rows)[1] == []
    assert len(rows[-1].cells["explanation"]) == 3


def test_a_wide_line_that_ends_no_sentence_is_kept() -> None:
    rows = [_row({"explanation": [_line("修正", 1), _line(PROSE, 2), _line("あり", 3)]})]
    assert cut_prose_after_table(rows)[1] == []


def test_file_selector_after_a_section() -> None:
    lines = [_line("Ⅲ 特定個人情報ファイル", 1), _line("の取扱いプロセスにおけ", 2), _line("るリスク対策", 3)]
    selector = [_line("（１．住民基本台帳ファ", 4), _line("イル）", 5)]
    assert file_selector_start(lines + selector) == 3
    assert file_selector_start(lines) == 3
    assert file_selector_start(lines + [_line("（１）入手元", 4)]) == 4


def test_item_broken_after_its_file_selector_joins_the_next_pages_headings() -> None:
    # t06_writer_cover (set XIII), pdfminer: the page's last item box holds the section and its file
    # selector; the next page's item box opens with the path's numbered heading.
    from piatable.normalize.boxes import Box

    last = Box(
        [
            _line("Ⅲ 特定個人情報ファイル", 10, 3),
            _line("の取扱いプロセスにおけ", 11, 3),
            _line("るリスク対策", 12, 3),
            _line("（１．住民基本台帳ファ", 13, 3),
            _line("イル）", 14, 3),
        ]
    )
    nxt = Box([_line("２．特定個人情報の入手", 2, 4), _line("リスク１：目的外の入手", 3, 4)])
    boxes = join_items_over_pages([last, nxt])
    assert len(boxes) == 1
    assert [cl.text for cl in boxes[0].lines][-2:] == ["２．特定個人情報の入手", "リスク１：目的外の入手"]


def test_row_whose_item_runs_on_past_its_body_cells_is_warned() -> None:
    run_on = _row(
        {
            "item": [_line("Ⅲ リスク対策", 40, 3), _line("２．特定個人情報の入手", 2, 4)],
            "after": [_line("届出の受付時に確認する。", 40, 3)],
        }
    )
    whole = _row({"item": [_line("Ⅰ 基本情報", 5, 4)], "after": [_line("市民窓口課", 5, 4)]})
    doubt_rows_run_on([run_on, whole])
    assert [d.kind for d in run_on.doubts] == ["column_guess"] and "page 4" in run_on.doubts[0].why
    assert whole.doubts == []
